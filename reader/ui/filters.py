"""What the reader's filters keep: a minimum match score, names typed in the entity filter,
conflicting figures only.

Filters are views over the core's results, never new analysis: they only drop matches, entities
or figure groups the core already produced (names are compared after the search's own folding,
so "erdogan" finds "Erdoğan" as ``/`` does).  Textual-free, so each rule is unit-tested alone.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.matching.search import fold_query
from reader.core.model import Analysis, Entity, FigureGroup

SCORE_STEPS: tuple[float | None, ...] = (None, 0.5, 0.6, 0.7, 0.8)
"""Minimum match scores the ``t`` key steps through (``None``: every match)."""


def next_min_score(current: float | None) -> float | None:
    """The threshold after ``current`` in :data:`SCORE_STEPS`, wrapping back to none."""
    try:
        i = SCORE_STEPS.index(current)
    except ValueError:
        return SCORE_STEPS[0]
    return SCORE_STEPS[(i + 1) % len(SCORE_STEPS)]


def above_min_score(analysis: Analysis, minimum: float | None) -> Analysis:
    """``analysis`` without the matches scored under ``minimum`` (the analyst's own links are
    always kept: they are decisions, not scores).  The same object when nothing is dropped."""
    if minimum is None:
        return analysis
    kept = [m for m in analysis.matches if m.manual or m.score >= minimum]
    if len(kept) == len(analysis.matches):
        return analysis
    # The paragraph and pair indexes are caches of ``matches``: start them afresh.
    return replace(analysis, matches=kept, _by_paragraph=None, _pair_counts=None)


def entity_wanted(entity: Entity, query: str) -> bool:
    """Whether the entity filter ``query`` keeps ``entity``: its folded text appears in the name
    or in one of the variants (an empty query keeps everything)."""
    needle = fold_query(query)
    if not needle:
        return True
    return any(needle in fold_query(name) for name in (entity.name, *entity.variants))


def figure_wanted(group: FigureGroup, conflicts_only: bool) -> bool:
    """Whether the figures list shows ``group``."""
    return not conflicts_only or group.status == "conflict"
