"""Memory of each analysis stage on a generated Markdown table (tracemalloc, bytes per row).

The hostile-sizes benchmark (:mod:`benchmarks.bench_limits`) gives the peak RSS of the whole
``compare`` on an 11 MB table; this one says where it goes.  For each stage, in the order the
analysis runs them (ingest, matching, facts, entities, figures, grouping) and then writing the
JSON report: what the stage still holds when done (after a collection) and how far its peak
rose above what was held before it, both per row.  The peak of the whole run is the largest of
"held before the stage + the stage's peak".

The table is the one ``bench_limits.py`` writes (the same row again and again), or with
``--varied`` rows with different names, ship counts and dates; the other article is one short
paragraph.  Tracemalloc counts Python allocations only: the interpreter and its libraries (about
30 MB of RSS on a tiny input) come on top.

Usage::

    .venv/bin/python benchmarks/bench_memory.py --rows 24000
    .venv/bin/python benchmarks/bench_memory.py --rows 24000 --varied

``reader`` is imported from the installed package or ``PYTHONPATH`` (to measure another checkout
with this script).
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_NAMES = ("Valmora", "Tessaly", "Orbin", "Calder", "Mirefield")
OTHER = (
    "Port shut\n\nThe port of Valmora closed on Monday after the storm, stranding forty ships.\n"
)


def table(rows: int, varied: bool) -> str:
    rng = random.Random(1)
    lines = (
        f"| {rng.choice(_NAMES)} | port closed | {rng.randint(1, 500)} ships | "
        f"{rng.randint(1, 28)} May |\n"
        if varied
        else "| Valmora | port closed | 40 ships | Monday |\n"
        for _ in range(rows)
    )
    return "| a | b | c | d |\n|---|---|---|---|\n" + "".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=24_000)
    parser.add_argument("--varied", action="store_true", help="rows that differ")
    args = parser.parse_args()

    from reader.core.analysis import analyze
    from reader.core.entities import find_entities
    from reader.core.figures import find_figures, group_figures
    from reader.core.ingest import load_source
    from reader.core.matching.facts import build_facts
    from reader.core.matching.joint import align_all
    from reader.core.matching.moved import mark_moved
    from reader.core.model import Analysis
    from reader.core.report import write_report

    rows = args.rows
    with tempfile.TemporaryDirectory() as folder:
        # .md past the 1 MB Markdown limit is read as text; under it, .txt reads it the same way.
        big = Path(folder) / "table.md"
        big.write_text(table(rows, args.varied), encoding="utf-8")
        if big.stat().st_size <= 1 << 20:
            big = big.rename(big.with_suffix(".txt"))
        other = Path(folder) / "other.txt"
        other.write_text(OTHER, encoding="utf-8")
        size = big.stat().st_size
        analyze([load_source(str(other)), load_source(str(other))])  # imports and word caches
        gc.collect()
        tracemalloc.start()
        start = tracemalloc.get_traced_memory()[0]
        worst = 0

        def stage(name: str, work: Callable[[], T]) -> T:
            nonlocal worst
            gc.collect()
            before = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            result = work()
            peak = tracemalloc.get_traced_memory()[1]
            gc.collect()
            after = tracemalloc.get_traced_memory()[0]
            worst = max(worst, peak - start)
            print(
                f"| {name} | {(after - before) / rows:.0f} | {(peak - before) / rows:.0f} | "
                f"{(peak - start) / rows:.0f} |"
            )
            return result

        print(f"{rows} rows, {size / 2**20:.2f} MB ({size / rows:.1f} bytes a row)\n")
        print("| stage | held after, B/row | stage peak above before, B/row | run so far, B/row |")
        print("|---|---:|---:|---:|")
        articles = stage("ingest", lambda: [load_source(str(big)), load_source(str(other))])
        matches = stage("matching", lambda: align_all(articles))
        mark_moved(matches)
        facts = stage("facts", lambda: build_facts(articles, matches))
        entities = stage("entities", lambda: find_entities(articles))
        figures = stage("figures", lambda: find_figures(articles))
        groups = stage("grouping", lambda: group_figures(figures, articles, matches))
        analysis = Analysis(
            articles=articles,
            matches=matches,
            entities=entities,
            figures=figures,
            figure_groups=groups,
            facts=facts,
        )
        with open(os.devnull, "w", encoding="utf-8") as sink:
            stage("JSON report", lambda: write_report(analysis, "json", sink))
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - start
        print(
            f"\nheld at the end {held / rows:.0f} B/row ({held / size:.1f}x the input); "
            f"peak {worst / rows:.0f} B/row ({worst / size:.1f}x the input)"
        )


if __name__ == "__main__":
    main()
