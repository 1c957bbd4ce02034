"""UI speed benchmark: start-up to first paint, key -> repaint latency, peak memory.

Run:  .venv/bin/python benchmarks/bench_ui.py            (prints a Markdown table)
      .venv/bin/python benchmarks/bench_ui.py --keys 40 --paragraphs 10000 --runs 5

Methods (see the team's Textual craft guide, section B5):
- start-up: a fresh process per run, timed from spawn to the first ``Ready`` event (sent after the
  first frame is composed), headless at 120x40.  The reader opens a bundled sample the way the CLI
  does (articles loaded, analysis running in its worker); the baseline is a minimal Textual app with
  one ``Static``, started the same way.  Median of ``--runs``.
- key -> repaint: in process, 2 x N seeded synthetic paragraphs, a benchmark subclass overrides the
  private ``App._display`` (pinned: Textual 8.2.8) to timestamp each composed frame; ``n`` (next
  match) is posted as a key event and the latency is the time to the first frame showing the new
  current paragraph.  ``Pilot.press`` is not used: it waits for idle and would measure ~60 ms.
- peak memory: ``ru_maxrss`` of that process after the key run (data + UI).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PINNED_TEXTUAL = "8.2.8"
WORDS = ("government minister police city report people officials said week support plan "
         "budget council vote election market health school water energy river road").split()

READER_CHILD = r"""
import sys, time
t0 = time.perf_counter()
from pathlib import Path
from reader.core.ingest import load_article
from reader.ui.app import ReaderApp
from reader.core.analysis import analyze
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.suffix in {".txt", ".md", ".html"})
t_ingest = time.perf_counter()
articles = [load_article(str(p)) for p in files]
t_ingest = time.perf_counter() - t_ingest
class Bench(ReaderApp):
    def on_ready(self):
        print("READY", time.perf_counter() - t0, t_ingest, flush=True)
        self.exit()
Bench(articles, lambda a, progress: analyze(a, progress=progress)).run(headless=True, size=(120, 40))
"""

BASELINE_CHILD = r"""
import time
t0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static
class Minimal(App):
    def compose(self):
        yield Static("hello")
    def on_ready(self):
        print("READY", time.perf_counter() - t0, flush=True)
        self.exit()
Minimal().run(headless=True, size=(120, 40))
"""


def spawn_to_ready(code: str, *args: str) -> tuple[float, float]:
    """Seconds from process spawn to the child's first Ready (includes interpreter start), and the
    seconds the child spent reading articles (ingest, not UI; 0 for the baseline)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - start
            fields = line.split()
            proc.wait(timeout=60)
            return elapsed, float(fields[2]) if len(fields) > 2 else 0.0
    proc.wait(timeout=60)
    raise RuntimeError("child exited without painting")


def synthetic(n: int, seed: int = 7):
    from reader.core.model import Analysis, Article, Match, Paragraph

    rng = random.Random(seed)

    def article(name: str) -> Article:
        paras, pos = [], 0
        for i in range(n):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))).capitalize() + "."
            paras.append(Paragraph(i, text, pos, pos + len(text)))
            pos += len(text) + 2
        return Article(name, name, "\n\n".join(p.text for p in paras), paras)

    a, b = article("left.txt"), article("right.txt")
    matches = [Match((0, i), (1, min(n - 1, max(0, i + rng.randint(-2, 2)))),
                     round(rng.random(), 2), ("report",), (), ()) for i in range(0, n, 3)]
    return Analysis([a, b], matches)


async def key_latency(paragraphs: int, keys: int) -> tuple[list[float], float, float]:
    """Per-key latencies (ms), seconds until the panes were laid out, and data-generation seconds."""
    from textual import events

    from reader.ui.app import ReaderApp

    t_gen = time.perf_counter()
    analysis = synthetic(paragraphs)
    t_gen = time.perf_counter() - t_gen
    frames: list[tuple[float, int]] = []

    class BenchApp(ReaderApp):
        def _display(self, screen, renderable) -> None:  # private hook, Textual 8.2.8
            if renderable is not None:
                try:
                    frames.append((time.perf_counter(), self.reader.active_pane.cursor))
                except Exception:
                    pass
            super()._display(screen, renderable)

    app = BenchApp(analysis.articles, analysis=analysis)
    latencies: list[float] = []
    async with app.run_test(size=(160, 45)) as pilot:
        t_layout = time.perf_counter()
        while any(p.rows is None for p in app.reader.panes):
            await asyncio.sleep(0.005)
        await app.workers.wait_for_complete()
        t_layout = time.perf_counter() - t_layout
        await pilot.pause()
        app.reader.goto(0, paragraphs // 2)
        await pilot.pause()
        for _ in range(keys):
            before = app.reader.active_pane.cursor
            start = time.perf_counter()
            app.post_message(events.Key("n", "n"))
            deadline = start + 2.0
            while time.perf_counter() < deadline:
                hit = next((t for t, cur in reversed(frames) if t > start and cur != before), None)
                if hit is not None:
                    latencies.append((hit - start) * 1000)
                    break
                await asyncio.sleep(0.0005)
            await asyncio.sleep(0.03)  # settle between keys, as a person typing would
    return latencies, t_layout, t_gen


def main() -> None:
    import textual

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=30)
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument("--sample", default=str(ROOT / "samples" / "three-outlets"))
    args = parser.parse_args()
    if textual.__version__ != PINNED_TEXTUAL:
        print(f"warning: key latency uses App._display, pinned to Textual {PINNED_TEXTUAL}; "
              f"running {textual.__version__}", file=sys.stderr)

    reader_runs = [spawn_to_ready(READER_CHILD, args.sample) for _ in range(args.runs)]
    base = [spawn_to_ready(BASELINE_CHILD)[0] for _ in range(args.runs)]
    reader = [total for total, _ in reader_runs]
    reader_ui = [total - ingest for total, ingest in reader_runs]
    lat, t_layout, t_gen = asyncio.run(key_latency(args.paragraphs, args.keys))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    med_r, med_b = statistics.median(reader), statistics.median(base)
    med_ui = statistics.median(reader_ui)
    lat.sort()
    p90 = lat[min(len(lat) - 1, int(0.9 * len(lat)))]

    print(f"Textual {textual.__version__}, Python {sys.version.split()[0]}, "
          f"command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    print("| Measure | Value | Goal |")
    print("|---|---|---|")
    print(f"| Start-up to first paint, reader on `{Path(args.sample).name}` (median of {args.runs}) "
          f"| {med_r * 1000:.0f} ms | ≤ 1.5 × baseline |")
    print(f"| Start-up to first paint, minimal Textual app (median of {args.runs}) "
          f"| {med_b * 1000:.0f} ms | – |")
    print(f"| Same, excluding article ingest (HTML extraction) | {med_ui * 1000:.0f} ms | – |")
    print(f"| Ratio reader / baseline, excluding ingest | {med_ui / med_b:.2f} × | ≤ 1.5 × |")
    print(f"| Ratio reader / baseline, including ingest | {med_r / med_b:.2f} × | – |")
    print(f"| Data generation, 2 × {args.paragraphs:,} paragraphs | {t_gen * 1000:.0f} ms | – |")
    print(f"| Mount + wrap both panes | {t_layout * 1000:.0f} ms | – |")
    print(f"| Key `n` → repaint, median of {len(lat)} | {statistics.median(lat):.1f} ms | ≤ 20 ms |")
    print(f"| Key `n` → repaint, p90 / max | {p90:.1f} / {lat[-1]:.1f} ms | – |")
    print(f"| Peak memory (RSS), 2 × {args.paragraphs:,} paragraphs | {peak_mb:.0f} MB | ≤ 500 MB |")


if __name__ == "__main__":
    main()
