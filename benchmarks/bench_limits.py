"""Hostile sizes: wall time, peak RSS and outcome of ``parallel-reader compare`` at the limits.

Each case runs the real command line in its own subprocess (peak RSS is that process's own) against
a small ordinary second article:

* ``unbroken``: one 20,000,000-character paragraph without a space, mixing ASCII, accents,
  Cyrillic and CJK (seeded), plus a normal paragraph;
* ``md-table``: an 11 MB Markdown table (read as plain text past the 1 MB Markdown limit);
* ``dev-zero``: ``/dev/zero`` (stops at the 50 MB default limit);
* ``stray-bytes``: a 2 MB UTF-8 article with 6 invalid bytes (decoded as UTF-8 with a warning);
* ``reader-keys`` (with ``--reader``): the reader, headless at 120x40, on the ``unbroken`` article
  with its analysis ready: seconds to the first frame and per ``pagedown`` key.

Usage::

    .venv/bin/python benchmarks/bench_limits.py
    .venv/bin/python benchmarks/bench_limits.py --cases unbroken dev-zero
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

OTHER = (
    "Port shut\n\nThe port of Valmora closed on Monday after the storm, stranding forty ships.\n"
)


def _unbroken(folder: Path) -> Path:
    rng = random.Random(1)
    alphabet = "abcdefghijéüжлд東京大阪"
    blob = "".join(rng.choices(alphabet, k=20_000_000))
    path = folder / "unbroken.txt"
    path.write_text(f"Blob\n\n{blob}\n\nThe port of Valmora closed on Monday.\n", encoding="utf-8")
    return path


def _md_table(folder: Path) -> Path:
    row = "| Valmora | port closed | 40 ships | Monday |\n"
    path = folder / "table.md"
    path.write_text(
        "| a | b | c | d |\n|---|---|---|---|\n" + row * (11_000_000 // len(row)), encoding="utf-8"
    )
    return path


def _stray(folder: Path) -> Path:
    text = ("The governor of Tōkyō met officials on Tuesday about the harbour. " * 30_000).encode()
    data = bytearray(text)
    for i in range(6):
        data[(i + 1) * 300_000 : (i + 1) * 300_000] = b"\x92"
    path = folder / "stray.txt"
    path.write_bytes(bytes(data))
    return path


CASES = {
    "unbroken": _unbroken,
    "md-table": _md_table,
    "dev-zero": lambda folder: Path("/dev/zero"),
    "stray-bytes": _stray,
}


def make(case: str, folder: Path) -> None:
    """Write the case's input and print its path (a separate process: generating 20 million
    characters in Python takes a gigabyte, which a forked child would otherwise inherit and count
    in its peak RSS)."""
    print(CASES[case](folder))


def run(case: str, folder: Path, source: Path) -> None:
    other = folder / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    size = source.stat().st_size if source.is_file() else 0
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "compare",
            str(source),
            str(other),
            "-o",
            str(folder / "out.json"),
        ],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    message = (result.stderr.strip().splitlines() or [""])[-1]
    print(
        f"| {case} | {size / 2**20:.1f} | {result.returncode} | {seconds:.1f} | {peak_mb:.0f} | {message} |"
    )


def reader_keys(source: Path, other: Path) -> None:
    """First frame and key latency of the reader on ``source`` (analysis given, not timed)."""
    import asyncio
    import statistics

    from reader.core.analysis import analyze
    from reader.core.ingest import load_article
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.article_pane import ArticlePane

    articles = [load_article(str(source)), load_article(str(other))]
    analysis = analyze(articles)

    async def measure() -> None:
        app = ReaderApp(articles, analysis=analysis)
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            pane = app.query(ArticlePane).first()
            while pane.rows is None:
                await pilot.pause(0.01)
            first = time.perf_counter() - started
            keys = []
            for _ in range(10):
                t = time.perf_counter()
                await pilot.press("pagedown")
                await pilot.pause()
                keys.append(time.perf_counter() - t)
        print(
            f"| reader-keys | {source.stat().st_size / 2**20:.1f} | first frame {first:.2f} s | "
            f"key median {statistics.median(keys):.2f} s, max {max(keys):.2f} s |"
        )

    asyncio.run(measure())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="+", choices=list(CASES), default=list(CASES))
    parser.add_argument("--reader", action="store_true", help="also time the reader's keys")
    args = parser.parse_args()
    print("| case | input MB | exit | seconds | peak RSS MB | last stderr line |")
    print("|---|---:|---:|---:|---:|---|")
    for case in args.cases:
        if case == "dev-zero" and not os.path.exists("/dev/zero"):
            continue
        # One interpreter per case: RUSAGE_CHILDREN's maximum covers every child so far, so each
        # case must be the only child of its own measuring process.
        with tempfile.TemporaryDirectory() as folder:
            made = subprocess.run(
                [sys.executable, __file__, "--make", case, folder],
                capture_output=True,
                text=True,
                check=True,
            )
            source = made.stdout.strip()
            subprocess.run([sys.executable, __file__, "--one", case, folder, source], check=False)
    if args.reader:
        with tempfile.TemporaryDirectory() as folder:
            source = _unbroken(Path(folder))
            other = Path(folder) / "other.txt"
            other.write_text(OTHER, encoding="utf-8")
            subprocess.run(
                [sys.executable, __file__, "--keys", str(source), str(other)], check=False
            )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--make":
        make(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == "--keys":
        reader_keys(Path(sys.argv[2]), Path(sys.argv[3]))
    elif len(sys.argv) == 5 and sys.argv[1] == "--one":
        run(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))
    else:
        main()
