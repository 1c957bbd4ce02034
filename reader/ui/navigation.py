"""Per-paragraph lookups the reader needs on every key press, computed once per analysis.

Navigation on 10,000-paragraph articles must repaint in about 10 ms, so nothing here is computed
on a key press: partner lists, the ordered lists of matched and unmatched paragraphs, gutter labels,
crossing flags and highlight spans are built once when the analysis arrives.  Textual-free, so it is
unit-testable and cheap to build in a worker thread.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from reader.core.model import Analysis, Article, Match, ParagraphRef

Span = tuple[int, int, str]
"""``(start, end, kind)`` into a paragraph's text; kind names a component class suffix."""


def letter(article: int) -> str:
    """Short label of an article: A, B, C ... Z, then 27, 28 ..."""
    return chr(ord("A") + article) if article < 26 else str(article + 1)


def score_band(score: float) -> str:
    """Bucket a match score into the shading classes ``low`` / ``mid`` / ``high``."""
    if score >= 0.75:
        return "high"
    if score >= 0.5:
        return "mid"
    return "low"


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
    crossing: list[bool]
    spans: dict[int, list[Span]] = field(default_factory=dict)
    """Entity / figure highlight spans per paragraph, sorted."""
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
        crossing = _crossing_refs(analysis.matches)
        self.per_article: list[ArticleIndex] = [
            self._build_article(a, art, crossing) for a, art in enumerate(self.articles)
        ]
        self._add_spans(analysis)
        self._add_tiers(analysis)

    def _add_tiers(self, analysis: Analysis) -> None:
        for m in analysis.matches:
            for a, p in (m.left, m.right):
                tiers = self.per_article[a].tiers
                if tiers.get(p) != "clear":
                    tiers[p] = m.evidence

    def _build_article(self, a: int, art: Article, crossing: set[ParagraphRef]) -> ArticleIndex:
        analysis = self.analysis
        n = len(art.paragraphs)
        partners: list[list[ParagraphRef]] = [[] for _ in range(n)]
        best: list[float | None] = [None] * n
        for p in range(n):
            ids = analysis.match_indices((a, p))
            if ids:
                partners[p] = [analysis.matches[i].other((a, p)) for i in ids]
                best[p] = analysis.matches[ids[0]].score
        matched = [p for p in range(n) if partners[p]]
        unmatched = [p for p in range(n) if not partners[p] and not art.paragraphs[p].boilerplate]
        gutter: list[str] = []
        cross = [False] * n
        for p in range(n):
            if partners[p]:
                cross[p] = (a, p) in crossing
                by_article: dict[int, list[int]] = {}
                for oa, op in sorted(partners[p]):
                    by_article.setdefault(oa, []).append(op + 1)
                label = " ".join(
                    letter(oa) + ",".join(str(x) for x in nums) for oa, nums in by_article.items()
                )
                gutter.append(("⇅" if cross[p] else "→") + label)
            elif art.paragraphs[p].boilerplate:
                gutter.append("·")
            else:
                gutter.append("≠")
        return ArticleIndex(partners, best, matched, unmatched, gutter, cross)

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


def _crossing_refs(matches: list[Match]) -> set[ParagraphRef]:
    """Paragraphs whose match is *out of order* between two articles (reordered, "moved" text).

    Every match crossing a far-moved paragraph also crosses it, so flagging all crossing pairs would
    mark nearly everything.  Instead, as diff tools detect moved blocks, keep the longest chain of
    matches that is in order in both articles (longest non-decreasing subsequence of the right
    paragraph over matches sorted by left paragraph) and flag the rest.  O(M log M).
    """
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for m in matches:
        by_pair.setdefault((m.left[0], m.right[0]), []).append((m.left[1], m.right[1]))
    out: set[ParagraphRef] = set()
    for (a, b), pairs in by_pair.items():
        pairs.sort()
        tails: list[int] = []  # tails[k] = smallest right paragraph ending a chain of length k+1
        tail_idx: list[int] = []
        prev = [-1] * len(pairs)
        for i, (_, q) in enumerate(pairs):
            k = bisect_right(tails, q)
            if k == len(tails):
                tails.append(q)
                tail_idx.append(i)
            else:
                tails[k] = q
                tail_idx[k] = i
            prev[i] = tail_idx[k - 1] if k else -1
        keep: set[int] = set()
        i = tail_idx[-1] if tail_idx else -1
        while i != -1:
            keep.add(i)
            i = prev[i]
        for i, (p, q) in enumerate(pairs):
            if i not in keep:
                out.add((a, p))
                out.add((b, q))
    return out
