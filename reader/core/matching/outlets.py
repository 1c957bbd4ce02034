"""Evidence from the other outlets: a weak link that a third article confirms.

When a story has three or more articles, every pair is matched on its own
(:func:`reader.core.matching.matcher.each_pair_links`).  A pair of paragraphs x (article A) and y
(article B) that scores at least ``Settings.weak`` but has no cue of its own -- it is the best
partner of neither paragraph, or scores under :data:`~reader.core.matching.matcher.RELATIVE_TO_BEST`
of one paragraph's best -- is kept when both x and y are linked to the *same* paragraph z of a third
article C by a *firm* link: clear evidence, or the headline/lede cue.  Two outlets that each
report the fact of z clearly are likely to report the same fact, and x and y already share words.
The cue is recorded as ``"outlets"``.

Only firm links count as a path: with every kept link (``best``, ``diagonal``) the paths
joined mostly different facts (BENCHMARKS.md, "Sixth round").  The paths are read from the
links the pairs chose on their own, in one pass, so the result does not depend on the order of
the articles, and a story of two articles is never touched.  The reverse rule -- drop a
supported link when x and y firmly link to *different* paragraphs of a third article -- was
measured and removed more right links than wrong ones; it is not applied.

No new setting: ``weak`` and the existing cues decide everything.  The work is one pass over the
kept links and one over the scored candidates.
"""

from __future__ import annotations

from reader.core.matching.matcher import PairLinks
from reader.core.model import MatchCue

FIRM_CUES: frozenset[MatchCue | None] = frozenset({None, "lede"})
"""The links that can carry another outlet's evidence: clear (no cue) and headline/lede."""


def add_outlet_links(pairs: list[PairLinks]) -> int:
    """Add, in place, the links the other outlets support (see the module docstring); returns
    how many were added.  ``pairs`` are all pairs of one story's articles."""
    if len({p.a for p in pairs} | {p.b for p in pairs}) < 3:
        return 0
    # Each paragraph's firm partners, as (article, position) nodes.
    partners: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for p in pairs:
        for (i, j), (_score, cue) in p.keep.items():
            if cue in FIRM_CUES:
                partners.setdefault((p.a, i), set()).add((p.b, j))
                partners.setdefault((p.b, j), set()).add((p.a, i))
    if not partners:
        return 0
    added: list[tuple[PairLinks, tuple[int, int], float]] = []
    for p in pairs:
        weak, keep = p.vocab.settings.weak, p.keep
        for (i, j), score in p.scored.items():
            if score < weak or (i, j) in keep:
                continue
            px = partners.get((p.a, i))
            if px is None:
                continue
            py = partners.get((p.b, j))
            # x's partners lie outside A, y's outside B, and (i, j) is not kept: a shared
            # partner is a paragraph of a third article.
            if py is not None and not px.isdisjoint(py):
                added.append((p, (i, j), score))
    for p, link, score in added:
        p.keep[link] = (score, "outlets")
    return len(added)


__all__ = ["FIRM_CUES", "add_outlet_links"]
