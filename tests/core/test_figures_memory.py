"""Grouping figures keeps its working memory in proportion to the input (issue 10).

An 11 MB Markdown table of one-line rows once took 54x its size, most of it per-figure caches of
the grouping step (context word sets, indices by paragraph).  The bound is measured with
tracemalloc, which counts allocations, not time, so it does not depend on the machine's load:
the extra peak of ``group_figures`` between two input sizes, per byte of the extra input.
"""

from __future__ import annotations

import random
import tracemalloc

import pytest

from reader.core.figures import find_figures, group_figures
from reader.core.model import Article, Match

_NAMES = ("Valmora", "Tessaly", "Orbin", "Calder", "Mirefield")


def _table(rows: int, varied: bool) -> list[Article]:
    """A table of ``rows`` one-line paragraphs and a short article that reports one of its
    facts: the same row again and again (as in the hostile-sizes benchmark), or rows with
    different ship counts, dates and names (two figures in every 45 characters)."""
    rng = random.Random(rows)
    lines = [
        f"| {rng.choice(_NAMES)} | port closed | {rng.randint(1, 500)} ships | "
        f"{rng.randint(1, 28)} May |"
        if varied
        else "| Valmora | port closed | 40 ships | Monday |"
        for _ in range(rows)
    ]
    table = Article.from_texts("table", "Table", lines)
    other = Article.from_texts(
        "other", "Other", ["The port of Valmora closed on 12 May, stranding forty ships."]
    )
    return [table, other]


def _group_peak(rows: int, varied: bool) -> tuple[int, int]:
    """(input characters, peak bytes allocated by group_figures above what was there before)."""
    arts = _table(rows, varied)
    figures = find_figures(arts)
    matches = [Match((0, 0), (1, 0), 0.8)]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        groups = group_figures(figures, arts, matches)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert groups
    return sum(len(p.text) for a in arts for p in a.paragraphs), peak


@pytest.mark.parametrize(
    ("varied", "rows", "limit"),
    # Bytes of grouping peak per byte of input: the old per-figure caches cost 17 (repeated rows)
    # and 65 (varied rows) at these sizes; now about 4 and 24.
    [(False, 1000, 10.0), (True, 600, 30.0)],
)
def test_grouping_memory_grows_in_proportion_to_the_input(
    varied: bool, rows: int, limit: float
) -> None:
    small_chars, small_peak = _group_peak(rows, varied)
    large_chars, large_peak = _group_peak(4 * rows, varied)
    growth = (large_peak - small_peak) / (large_chars - small_chars)
    assert growth < limit, f"{growth:.1f} bytes of grouping memory per input byte"
