"""Reader speed with many outlets: first paint, overview ready, key -> repaint in the overview.

Run:  .venv/bin/python benchmarks/bench_overview.py                  (50 articles x 40 paragraphs)
      .venv/bin/python benchmarks/bench_overview.py --old /tmp/old-reader --runs 5

Story: ``benchmarks/generate.py``'s seeded story (one original and rewrites of it), written as
``NNN.txt`` files.  Methods (the team's Textual craft guide, section B5):

- spawn -> first paint: ``python -m reader FILE ...`` in a pseudo-terminal of 160x45 with the real
  driver, timed until the first paragraph's first words are on screen (escape sequences stripped),
  as in ``bench_ui.py``.  With ``--old DIR`` (a checkout of an older commit, e.g. made with
  ``git worktree add --detach DIR COMMIT``) the same files are opened by that tree's reader too, the
  runs alternating, so the comparison is made on the same machine in the same minutes.
- spawn -> overview ready: the same start, then, once the matches are shown (the status line says
  "match k of N"; names and figures may still be being found), the key ``o`` is written to the
  terminal and the clock stops when the grid's title "Facts × outlets" is on screen.  Also
  reported: spawn -> matches shown, and the reader's CPU time (user + system, all threads, from
  ``/proc/PID/stat``) at the moment the overview is on screen: on a shared machine it says how
  much work the wall time holds.  With ``--old DIR`` this is measured on both trees, alternating.
- key -> repaint in the overview (in process, headless, 160x45): the analysis is computed first,
  the overview opened, then ``j`` (next fact) is posted as a key event and the latency is the time
  to the first composed frame whose grid cursor has moved (``App._display`` hook, Textual 8.2.8, as
  in ``bench_ui.py``); also ``s`` (re-sort all facts).  Median and p90 of ``--keys`` presses.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402
from bench_ui import _ESCAPES, child_env, marker_for, print_measures  # noqa: E402

SIZE = (160, 45)
TIMEOUT = 60.0
OVERVIEW_MARKER = "Facts × outlets"


def write_story(folder: Path, n_articles: int, n_paragraphs: int, seed: int) -> list[Path]:
    """Write the story as ``NNN.txt`` files headed "Outlet k reports the story" (the first-paint
    marker); return their paths in order."""
    return generate.write_story(
        folder, n_articles, n_paragraphs, seed, lambda k: f"Outlet {k} reports the story"
    )


class Terminal:
    """A reader process in a pseudo-terminal, read until a text appears."""

    def __init__(self, argv: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child
            try:
                os.chdir(cwd)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.pid, self.fd = pid, fd
        self.out = b""

    def wait_for(self, text: str) -> float:
        """Seconds since spawn when the regular expression ``text`` first matches the screen
        output (from what was read so far on)."""
        needle = re.compile(text.encode())
        seen = len(self.out)
        while time.perf_counter() - self.start < TIMEOUT:
            ready, _, _ = select.select([self.fd], [], [], 0.02)
            if not ready:
                continue
            try:
                self.out += os.read(self.fd, 1 << 16)
            except OSError:
                break
            # Only what arrived since the last wait counts (plus some overlap for split text).
            if needle.search(_ESCAPES.sub(b"", self.out[max(0, seen - 256) :])):
                return time.perf_counter() - self.start
        raise RuntimeError(f"{text!r} never painted")

    def cpu_seconds(self) -> float | None:
        """User + system CPU time the reader has used so far (Linux ``/proc``; else ``None``)."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        # Fields 14 and 15 of stat(5) (utime, stime), counted here after the ")" of field 2.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def close(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def first_paint(
    tree: Path, files: list[Path], marker: str, env: dict[str, str]
) -> tuple[float, float | None]:
    """(spawn -> first paint, CPU seconds by then) for the reader of ``tree``."""
    term = Terminal([sys.executable, "-m", "reader", *map(str, files)], tree, env)
    try:
        return term.wait_for(re.escape(marker)), term.cpu_seconds()
    finally:
        term.close()


def overview_ready(
    tree: Path, files: list[Path], env: dict[str, str]
) -> tuple[float, float, float | None]:
    """(spawn -> matches shown, spawn -> overview on screen, CPU seconds by then), for the
    reader of ``tree``."""
    term = Terminal([sys.executable, "-m", "reader", *map(str, files)], tree, env)
    try:
        analysed = term.wait_for(r"match \d+ of \d+")  # not the footer's "Next match"
        term.send("o")
        ready = term.wait_for(OVERVIEW_MARKER)
        return analysed, ready, term.cpu_seconds()
    finally:
        term.close()


async def overview_keys(files: list[Path], keys: int) -> dict[str, list[float]]:
    """Latencies (ms) of ``j`` and ``s`` in the overview, in process."""
    from textual import events

    from reader.core.analysis import analyze
    from reader.core.ingest.load import load_article
    from reader.ui.app import ReaderApp
    from reader.ui.screens.overview import OverviewScreen

    articles = [load_article(str(f)) for f in files]
    analysis = analyze(articles)
    frames: list[tuple[float, int, str]] = []

    class BenchApp(ReaderApp):
        def _display(self, screen, renderable) -> None:  # private hook, Textual 8.2.8
            if renderable is not None and isinstance(self.screen, OverviewScreen):
                table = self.screen.table
                frames.append((time.perf_counter(), table.cursor, self.screen.sort))
            super()._display(screen, renderable)

    app = BenchApp(articles, analysis=analysis)
    out: dict[str, list[float]] = {"j": [], "s": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        for i in range(keys):
            key = "s" if i % 4 == 3 else "j"
            table = screen.table
            before = (table.cursor, screen.sort)
            start = time.perf_counter()
            app.post_message(events.Key(key, key))
            deadline = start + 2.0
            while time.perf_counter() < deadline:
                hit = next(
                    (t for t, cur, srt in reversed(frames) if t > start and (cur, srt) != before),
                    None,
                )
                if hit is not None:
                    out[key].append((hit - start) * 1000)
                    break
                await asyncio.sleep(0.0005)
            await asyncio.sleep(0.03)  # settle between keys, as a person typing would
    return out


def _ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"


def _lat(values: list[float]) -> tuple[str, str]:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(0.9 * len(values)))]
    return f"{statistics.median(values):.1f} ms", f"{p90:.1f} / {values[-1]:.1f} ms"


def main() -> None:

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--paragraphs", type=int, default=40)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument(
        "--old", type=Path, help="an older checkout to compare first paint and overview with"
    )
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    size = f"{args.articles} × {args.paragraphs}"
    with tempfile.TemporaryDirectory(prefix="bench-overview-") as tmp:
        files = write_story(Path(tmp) / "story", args.articles, args.paragraphs, args.seed)
        env = child_env(str(Path(tmp) / "pycache"))
        marker = marker_for(files[0])
        trees = [("this tree", ROOT)] + ([("old tree", args.old.resolve())] if args.old else [])
        for _name, tree in trees:  # warm-up: bytecode and page caches
            first_paint(tree, files, marker, env)
        paints: dict[str, list[float]] = {name: [] for name, _ in trees}
        paint_cpu: dict[str, list[float]] = {name: [] for name, _ in trees}
        for _ in range(args.runs):
            for name, tree in trees:
                wall, used = first_paint(tree, files, marker, env)
                paints[name].append(wall)
                if used is not None:
                    paint_cpu[name].append(used)
        for name, _tree in trees:
            rows.append((f"Spawn → first paint, {size}, {name}", _ms(paints[name]), "–"))
            if paint_cpu[name]:
                rows.append(
                    (f"Reader CPU time at first paint, {size}, {name}", _ms(paint_cpu[name]), "–")
                )
        if args.old:
            ratio = statistics.median(paints["this tree"]) / statistics.median(paints["old tree"])
            rows.append(("**First paint, this tree / old tree**", f"**{ratio:.2f} ×**", "≤ 1.1 ×"))
        analysed: dict[str, list[float]] = {name: [] for name, _ in trees}
        ready: dict[str, list[float]] = {name: [] for name, _ in trees}
        cpu: dict[str, list[float]] = {name: [] for name, _ in trees}
        for _ in range(args.runs):
            for name, tree in trees:
                a, r, c = overview_ready(tree, files, env)
                analysed[name].append(a)
                ready[name].append(r)
                if c is not None:
                    cpu[name].append(c)
        for name, _tree in trees:
            rows.append((f"Spawn → matches shown, {size}, {name}", _ms(analysed[name]), "–"))
            opened = [r - a for a, r in zip(analysed[name], ready[name])]
            rows.append((f"Key `o` → overview on screen, {size}, {name}", _ms(opened), "–"))
            rows.append(
                (
                    f"**Spawn → overview on screen (`o`), {size}, {name}**",
                    f"**{_ms(ready[name])}** (runs: "
                    + ", ".join(f"{r:.2f}" for r in ready[name])
                    + " s)",
                    "≤ 3 s",
                )
            )
            if cpu[name]:
                rows.append((f"Reader CPU time at overview, {size}, {name}", _ms(cpu[name]), "–"))
        if args.old:
            ratio = statistics.median(ready["this tree"]) / statistics.median(ready["old tree"])
            rows.append(("**Spawn → overview, this tree / old tree**", f"**{ratio:.2f} ×**", "–"))
            if cpu["this tree"] and cpu["old tree"]:
                ratio = statistics.median(cpu["this tree"]) / statistics.median(cpu["old tree"])
                rows.append(("CPU time at overview, this tree / old tree", f"{ratio:.2f} ×", "–"))
        lat = asyncio.run(overview_keys(files, args.keys))
        med, tail = _lat(lat["j"])
        rows.append(
            (
                f"**Key `j` → repaint in the overview, median of {len(lat['j'])}**",
                f"**{med}**",
                "≤ 20 ms",
            )
        )
        rows.append(("Key `j` → repaint, p90 / max", tail, "–"))
        med, tail = _lat(lat["s"])
        rows.append(
            (
                f"Key `s` (re-sort) → repaint, median / max of {len(lat['s'])}",
                f"{med} / {tail.split(' / ')[1]}",
                "–",
            )
        )

    print_measures(rows)


if __name__ == "__main__":
    main()
