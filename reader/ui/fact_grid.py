"""The facts x outlets grid of the overview screen, as data: rows, marks, sorting and filters.

Textual-free and computed once per analysis, so the overview only slices lists on a key press.
The facts themselves are the core's (``Analysis.facts``); this module decides how a cell looks:
the strongest evidence linking that outlet's paragraphs to the fact (the tiers the panes shade by),
"linked" when only the fact relates them, "only" for a fact one outlet alone reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.core.matching.facts import TIER_RANK, MemberTier, member_tiers
from reader.core.model import Analysis, Fact, article_label
from reader.ui.navigation import NavIndex

Tier = MemberTier
"""How strongly an outlet's paragraphs are tied to a fact (a cell's shading): the firmest
:func:`~reader.core.matching.facts.member_tiers` of its members."""

SortKey = Literal["position", "coverage"]
FilterKind = Literal["in-all", "only", "missing", "in"]


@dataclass(frozen=True, slots=True)
class FactFilter:
    """Which facts the grid lists: ``in-all`` (every outlet), ``only`` / ``missing`` / ``in``
    article ``article``."""

    kind: FilterKind
    article: int = -1

    def keeps(self, row: FactRow, n_articles: int) -> bool:
        if self.kind == "in-all":
            return row.coverage == n_articles
        if self.kind == "only":
            return row.articles == (self.article,)
        if self.kind == "missing":
            return self.article not in row.cells
        return self.article in row.cells

    def describe(self) -> str:
        """Words for the title line ("only in B")."""
        if self.kind == "in-all":
            return "reported by every outlet"
        words = {"only": "only in", "missing": "missing from", "in": "in"}[self.kind]
        return f"{words} {article_label(self.article)}"


@dataclass(frozen=True, slots=True)
class FactRow:
    """One fact as the grid shows it."""

    fact: int
    """Index into ``Analysis.facts``."""
    label: str
    articles: tuple[int, ...]
    cells: dict[int, tuple[int, Tier]]
    """Per reporting article: how many of its paragraphs are members, and the cell's tier."""
    first: tuple[int, int]
    """The fact's first member in reading order (article, paragraph): the "position" sort."""

    @property
    def coverage(self) -> int:
        return len(self.articles)


def _cell_tiers(fact: Fact, nav: NavIndex) -> dict[int, tuple[int, Tier]]:
    best: dict[int, Tier] = {}
    counts: dict[int, int] = {}
    for (a, _p), tier in member_tiers(fact, nav.match_between).items():
        counts[a] = counts.get(a, 0) + 1
        if a not in best or TIER_RANK[tier] > TIER_RANK[best[a]]:
            best[a] = tier
    return {a: (counts[a], best[a]) for a in sorted(counts)}


def build_rows(analysis: Analysis, nav: NavIndex) -> list[FactRow]:
    """Every fact of ``analysis`` as a grid row, in the core's order (reading order)."""
    rows = []
    for fact in analysis.facts:
        if not fact.members:
            continue
        rows.append(
            FactRow(
                fact.id,
                fact.label,
                tuple(fact.articles),
                _cell_tiers(fact, nav),
                min(fact.members),
            )
        )
    return rows


def arrange(
    rows: list[FactRow], n_articles: int, sort: SortKey, filt: FactFilter | None
) -> list[FactRow]:
    """The rows to list: filtered, then by position (reading order) or by coverage (most outlets
    first, reading order among equals)."""
    kept = rows if filt is None else [r for r in rows if filt.keeps(r, n_articles)]
    if sort == "coverage":
        return sorted(kept, key=lambda r: (-r.coverage, r.first))
    return sorted(kept, key=lambda r: r.first)
