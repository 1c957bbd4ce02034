"""Per-paragraph lookups the reader needs on every key press, computed once per analysis.

Navigation on 10,000-paragraph articles must repaint in about 10 ms, so nothing here is computed
on a key press: partner lists, the ordered lists of matched and unmatched paragraphs, gutter labels,
moved flags and highlight spans are built once when the analysis arrives, and a pair's shared-term
spans once per pair.  The facts themselves (which paragraphs are unmatched, which matches moved) are
the core's; this module only arranges them for display.  Textual-free, so it is unit-testable and
cheap to build in a worker thread.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.model import Analysis, Article, Match, ParagraphRef, article_label

Span = tuple[int, int, str]
"""``(start, end, kind)`` into a paragraph's text; kind names a component class suffix."""


def find_term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """:func:`reader.core.matching.terms.find_term_spans`, imported on first use: the first
    frame shows no match, and the terms module (regexes, synonym tables) costs ~10 ms."""
    from reader.core.matching.terms import find_term_spans as find

    return find(text, terms)


def term_spans(text: str, match: Match) -> list[Span]:
    """Spans (kind ``shared``) of the words, names and numbers ``match`` reports, found in ``text``.

    Tokenising a paragraph is the costly part, so the reader asks :meth:`NavIndex.shared_spans`,
    which calls this once per pair and side.
    """
    terms = [*match.words, *match.names, *match.numbers]
    if not terms:
        return []
    return [(s, e, "shared") for s, e in find_term_spans(text, terms)]


@dataclass(slots=True)
class ArticleIndex:
    """Lookups for one article."""

    partners: list[list[ParagraphRef]]
    """Per paragraph, its partners in all other articles, best first."""
    best_score: list[float | None]
    matched: list[int]
    """Paragraphs with at least one partner, ascending."""
    unmatched: list[int]
    """Non-boilerplate paragraphs without a partner, ascending."""
    gutter: list[str]
    moved: list[bool]
    """Per paragraph, whether one of its matches is out of order (``Match.moved``)."""
    spans: dict[int, list[Span]] = field(default_factory=dict)
    """Entity / figure highlight spans per paragraph, sorted."""
    marks: list[str] = field(default_factory=list)
    """Per paragraph, what its gutter label says, for its colour: ``"match"``, ``"moved"``,
    ``"manual"``, ``"none"`` (no partner), ``"rejected"`` or ``"furniture"``."""
    tiers: dict[int, str] = field(default_factory=dict)
    """Per matched paragraph, the strongest evidence tier among its matches (``"clear"`` or
    ``"supported"``, see ``Match.evidence``): what its shading shows."""


class NavIndex:
    """All lookups for an :class:`Analysis`; build once, read on every key."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.articles: list[Article] = analysis.articles
        self._pair: dict[tuple[ParagraphRef, ParagraphRef], Match] = {}
        for m in analysis.matches:
            self._pair[(m.left, m.right)] = m
            self._pair[(m.right, m.left)] = m
        self._shared: dict[tuple[ParagraphRef, ParagraphRef], list[Span]] = {}
        self.per_article: list[ArticleIndex] = [
            self._build_article(a, art) for a, art in enumerate(self.articles)
        ]
        self._add_spans(analysis)
        self._add_tiers(analysis)

    def _add_tiers(self, analysis: Analysis) -> None:
        for m in analysis.matches:
            for a, p in (m.left, m.right):
                tiers = self.per_article[a].tiers
                if tiers.get(p) != "clear":
                    tiers[p] = m.evidence

    def _build_article(self, a: int, art: Article) -> ArticleIndex:
        analysis = self.analysis
        n = len(art.paragraphs)
        partners: list[list[ParagraphRef]] = [[] for _ in range(n)]
        best: list[float | None] = [None] * n
        moved = [False] * n
        for p in range(n):
            ids = analysis.match_indices((a, p))
            if ids:
                partners[p] = [analysis.matches[i].other((a, p)) for i in ids]
                best[p] = analysis.matches[ids[0]].score
                moved[p] = any(analysis.matches[i].moved for i in ids)
        matched = [p for p in range(n) if partners[p]]
        gutter: list[str] = []
        marks: list[str] = []
        rejected = {ref for m in analysis.rejected for ref in (m.left, m.right)}
        for p in range(n):
            if partners[p]:
                by_article: dict[int, list[int]] = {}
                for oa, op in sorted(partners[p]):
                    by_article.setdefault(oa, []).append(op + 1)
                label = " ".join(
                    article_label(oa) + ",".join(str(x) for x in nums)
                    for oa, nums in by_article.items()
                )
                manual = any(analysis.matches[i].manual for i in analysis.match_indices((a, p)))
                gutter.append(("✎" if manual else "⇅" if moved[p] else "→") + label)
                marks.append("manual" if manual else "moved" if moved[p] else "match")
            elif art.paragraphs[p].boilerplate:
                gutter.append("·")
                marks.append("furniture")
            else:
                gutter.append("✗" if (a, p) in rejected else "≠")
                marks.append("rejected" if (a, p) in rejected else "none")
        return ArticleIndex(
            partners, best, matched, analysis.unmatched(a), gutter, moved, marks=marks
        )

    def _add_spans(self, analysis: Analysis) -> None:
        for ent in analysis.entities:
            for m in ent.mentions:
                if 0 <= m.article < len(self.per_article):
                    self.per_article[m.article].spans.setdefault(m.paragraph, []).append(
                        (m.start, m.end, "entity")
                    )
        for fig in analysis.figures:
            if not 0 <= fig.article < len(self.per_article):
                continue
            kind = "figure"
            if fig.group is not None and 0 <= fig.group < len(analysis.figure_groups):
                if analysis.figure_groups[fig.group].status == "conflict":
                    kind = "conflict"
            self.per_article[fig.article].spans.setdefault(fig.paragraph, []).append(
                (fig.start, fig.end, kind)
            )
        for idx in self.per_article:
            for spans in idx.spans.values():
                spans.sort()

    # -- queries ---------------------------------------------------------------------------

    def match_between(self, a: ParagraphRef, b: ParagraphRef) -> Match | None:
        """The match joining two paragraphs, if any."""
        return self._pair.get((a, b))

    def shared_spans(self, match: Match, ref: ParagraphRef) -> list[Span]:
        """Where ``match``'s shared terms appear in paragraph ``ref`` (one of its two sides);
        computed on first use and kept, so moving the cursor never re-tokenises a paragraph."""
        key = (match.other(ref), ref)
        spans = self._shared.get(key)
        if spans is None:
            spans = term_spans(self.articles[ref[0]].paragraphs[ref[1]].text, match)
            self._shared[key] = spans
        return spans

    def partners(self, ref: ParagraphRef, visible: list[int] | None = None) -> list[ParagraphRef]:
        """Partners of ``ref`` (best first), optionally only in the ``visible`` articles."""
        out = self.per_article[ref[0]].partners[ref[1]]
        if visible is None:
            return out
        return [r for r in out if r[0] in visible]

    @staticmethod
    def step(ordered: list[int], current: int, direction: int) -> int | None:
        """Next (``direction`` 1) or previous (-1) entry of ``ordered`` strictly after/before
        ``current``, wrapping around; ``None`` when ``ordered`` is empty."""
        if not ordered:
            return None
        if direction > 0:
            i = bisect_right(ordered, current)
            return ordered[i] if i < len(ordered) else ordered[0]
        i = bisect_left(ordered, current) - 1
        return ordered[i] if i >= 0 else ordered[-1]

    @staticmethod
    def position(ordered: list[int], value: int) -> int | None:
        """1-based position of ``value`` in ``ordered``, or ``None`` when absent."""
        i = bisect_left(ordered, value)
        return i + 1 if i < len(ordered) and ordered[i] == value else None
