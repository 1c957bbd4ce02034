"""Evidence from the other outlets: a weak link that third articles confirm.

When a story has three or more articles, every pair is matched on its own
(:func:`reader.core.matching.matcher.each_pair_links`).  A pair of paragraphs x (article A) and y
(article B) that scores at least ``Settings.weak`` but has no cue of its own -- it is the best
partner of neither paragraph, or scores under
:data:`~reader.core.matching.matcher.RELATIVE_TO_BEST` of one paragraph's best -- is kept, cue
``"outlets"``, when the other outlets say x and y report one fact:

* x and y are both linked to the *same* paragraph z of a third article by a *firm* link
  (:data:`FIRM_CUES`: clear evidence, or the headline/lede cue) -- two outlets that each report
  the fact of z that firmly are likely to report the same fact, and x and y already share words;
* and the third articles agree (:func:`_outlets_agree`): of those holding firm partners of both
  x and y, more link them to one same paragraph than to different ones only -- an outlet that
  firmly places x and y in two different paragraphs says they may report two facts.

Only firm links make a path: counting the other supported links (``best``, ``diagonal``) or
letting weaker candidates in joined mostly different facts; one agreeing outlet, whatever the
others said, let in wrong links among ten outlets; and the reverse rule -- drop a *kept*
supported link when x and y firmly link to different paragraphs of a third article -- removed
more right links than wrong ones (BENCHMARKS.md, "Sixth round").  The paths are read from the
links the pairs chose on their own, in one pass, so the result does not depend on the order of
the articles or of the pairs, an added link is never a path for another, and a story of two
articles is never touched.

No new setting: ``weak`` and the existing cues decide everything.  The work is one pass over the
pairs' matches and one over their weak candidates.
"""

from __future__ import annotations

from reader.core.matching.matcher import PairLinks
from reader.core.model import Match, MatchCue, ParagraphRef

FIRM_CUES: frozenset[MatchCue | None] = frozenset({None, "lede"})
"""The links that can carry another outlet's evidence: clear (no cue) and headline/lede."""


def add_outlet_links(pairs: list[PairLinks]) -> list[Match]:
    """The weak candidates of ``pairs`` (all pairs of one story's articles) that the other
    outlets support (see the module docstring), moved, in place, from each pair's ``pending``
    to its ``matches``; returned too."""
    if len({p.a for p in pairs} | {p.b for p in pairs}) < 3:
        return []
    # Each paragraph's firm partners in the other articles.
    partners: dict[ParagraphRef, set[ParagraphRef]] = {}
    for p in pairs:
        for m in p.matches:
            if m.cue in FIRM_CUES:
                partners.setdefault(m.left, set()).add(m.right)
                partners.setdefault(m.right, set()).add(m.left)
    added: list[Match] = []
    if not partners:
        return added
    for p in pairs:
        supported = []
        for m in p.pending:
            px = partners.get(m.left)
            if px is None:
                continue
            py = partners.get(m.right)
            # x's partners lie outside A and y's outside B, and x-y itself is not kept: a
            # shared partner is a paragraph of a third article.
            if py is not None and not px.isdisjoint(py) and _outlets_agree(px, py):
                supported.append(m)
        if supported:
            p.matches.extend(supported)
            p.matches.sort(key=lambda m: (m.left, m.right))
            moved = {id(m) for m in supported}
            p.pending = [m for m in p.pending if id(m) not in moved]
            added.extend(supported)
    return added


def _outlets_agree(px: set[ParagraphRef], py: set[ParagraphRef]) -> bool:
    """Of the articles holding firm partners of both x (``px``) and y (``py``), more link the two
    to one same paragraph than to different paragraphs only."""
    of_x: dict[int, set[ParagraphRef]] = {}
    for ref in px:
        of_x.setdefault(ref[0], set()).add(ref)
    of_y: dict[int, set[ParagraphRef]] = {}
    for ref in py:
        of_y.setdefault(ref[0], set()).add(ref)
    same = different = 0
    for article, refs in of_x.items():
        theirs = of_y.get(article)
        if theirs is not None:
            if refs.isdisjoint(theirs):
                different += 1
            else:
                same += 1
    return same > different


__all__ = ["FIRM_CUES", "add_outlet_links"]
