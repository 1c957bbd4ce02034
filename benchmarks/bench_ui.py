"""UI speed benchmark: start-up to first paint, key -> repaint latency, peak memory.

Run:  .venv/bin/python benchmarks/bench_ui.py            (prints a Markdown table)
      .venv/bin/python benchmarks/bench_ui.py --runs 9 --keys 60 --paragraphs 10000

Methods (see the team's Textual craft guide, section B5):

- start-up (method 4, end to end in a real terminal): both programs are started the same way, as a
  fresh process under a pseudo-terminal of 120x40 with the real Textual driver, and timed from
  spawn until the terminal output (escape sequences stripped) contains a known text.  The reader
  is the real entry point, ``python -m reader FILE ...`` (what the ``parallel-reader`` script runs:
  argument parsing, ingest of the files, import of the UI, first frame); its marker is the first
  words of the first article's first paragraph, so "painted" means the article text is on screen,
  not just a frame.  The baseline is a minimal Textual app (one ``Static``) in a script file; its
  marker is its text.  Runs alternate reader / baseline to cancel drift; median of ``--runs``
  after one unmeasured warm-up each.  Bytecode caching is on for both (``PYTHONPYCACHEPREFIX`` in a
  temporary directory, as an installed package has compiled ``.pyc`` files): in this dev tree
  ``PYTHONDONTWRITEBYTECODE`` is set, which would otherwise make the reader recompile its own modules
  on every start while Textual's are precompiled.  Measured for a plain-text sample (.txt + .md)
  and for a sample with an HTML article, whose extraction (trafilatura) is part of ingest.
  ``--urls`` repeats each measure with the sample's files given as http:// addresses, served by
  a local server on 127.0.0.1 in this process (fetching is then part of ingest); ``--latency S``
  makes that server wait S seconds before each response, as a real site's time to first byte.
- ingest alone: the same files loaded in a fresh process, timed around ``load_article`` (so the
  lead can see how much of a start-up is the core's, not the UI's).
- key -> repaint (method 3, in process, headless): 2 x N seeded synthetic paragraphs; a benchmark
  subclass overrides the private ``App._display`` (pinned: Textual 8.2.8) to timestamp each composed
  frame; ``n`` (next match) is posted as a key event and the latency is the time to the first frame
  showing the new current paragraph.  ``Pilot.press`` is not used: it waits for idle and would
  measure ~60 ms.  Median and p90 over ``--keys`` presses.
- peak memory: ``ru_maxrss`` of this process after the key run (data + UI).
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import random
import re
import resource
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PINNED_TEXTUAL = "8.2.8"
WORDS = (
    "government minister police city report people officials said week support plan "
    "budget council vote election market health school water energy river road"
).split()
SIZE = (120, 40)
SPAWN_TIMEOUT = 30.0

BASELINE_APP = """
from textual.app import App
from textual.widgets import Static


class Minimal(App):
    def compose(self):
        yield Static("hello from a minimal app")


Minimal().run()
"""
BASELINE_MARKER = "hello from a minimal app"

INGEST_CHILD = r"""
import sys, time
from reader.core.ingest import load_source
t = time.perf_counter()
for path in sys.argv[1:]:
    load_source(path)
print(time.perf_counter() - t)
"""

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]"  # CSI
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC
    rb"|\x1b[P^_X][^\x1b]*\x1b\\"  # DCS, PM, APC, SOS
    rb"|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_=>78]"
)


def child_env(pycache: str) -> dict[str, str]:
    """The environment of a measured child: no TEXTUAL_* overrides, bytecode cache on."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TEXTUAL_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        PYTHONPYCACHEPREFIX=pycache, TERM=env.get("TERM", "xterm-256color"), COLORTERM="truecolor"
    )
    return env


def spawn_to_paint(argv: list[str], marker: str, env: dict[str, str], cwd: Path = ROOT) -> float:
    """Seconds from fork to the moment ``marker`` appears on the pseudo-terminal (run in
    ``cwd``, whose ``reader`` package ``python -m reader`` then imports)."""
    needle = marker.encode()
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        try:
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    out = b""
    try:
        while time.perf_counter() - start < SPAWN_TIMEOUT:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                out += os.read(fd, 1 << 16)
            except OSError:
                break
            if needle in _ESCAPES.sub(b"", out):
                return time.perf_counter() - start
        raise RuntimeError(f"{argv[-1]!r}: {marker!r} never painted")
    finally:
        helpers = children_cpu(pid)  # the page downloader, still running at the marker
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)  # includes the children it had already waited for
        CPU_SECONDS.append(usage.ru_utime + usage.ru_stime + helpers)
        HELPER_CPU_SECONDS.append(helpers)
        os.close(fd)


def children_cpu(pid: int) -> float:
    """CPU seconds (user + system) used so far by the live child processes of ``pid`` (the
    reader's page downloader works in one: its work counts as the reader's)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[1]) == pid:  # fields[1] is the parent's pid; 11 and 12 utime, stime
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


CPU_SECONDS: list[float] = []
"""CPU time (user + system) of each spawned child and of its own children (the page
downloader), killed the moment its marker painted: how much work came before the paint.  Far steadier than wall time on a shared machine, where other
processes' load stretches the wall clock of both programs unevenly."""


HELPER_CPU_SECONDS: list[float] = []
"""Of :data:`CPU_SECONDS`, what the child's own children (the page downloader) had used."""


def paint(
    argv: list[str], marker: str, env: dict[str, str], cwd: Path = ROOT
) -> tuple[float, float, float]:
    """``(wall seconds, CPU seconds, of which the downloader's)`` from spawn to ``marker`` on
    screen."""
    wall = spawn_to_paint(argv, marker, env, cwd)
    return wall, CPU_SECONDS[-1], HELPER_CPU_SECONDS[-1]


def marker_for(first_file: Path) -> str:
    """The first words of the first article's first paragraph (short enough to fit on one row)."""
    from reader.core.ingest.load import load_article

    words = load_article(str(first_file)).paragraphs[0].text.split()
    marker = words[0]
    for word in words[1:]:
        if len(marker) + 1 + len(word) > 24:
            break
        marker += " " + word
    return marker


def sample_files(name: str) -> list[Path]:
    from reader.sample_sets import sample_files as files

    found = files(name)
    if not found:
        raise SystemExit(f"no bundled sample named {name!r}")
    return list(found)


class _LocalServer:
    """Serves one folder over http on 127.0.0.1 (an ephemeral port) from a thread."""

    def __init__(self, folder: Path, latency: float = 0.0) -> None:
        import functools
        import http.server
        import threading

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def send_head(self):
                time.sleep(latency)  # a real site's time to first byte
                return super().send_head()

            def log_message(self, *args: object) -> None:
                pass

        handler = functools.partial(Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{name}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def startup(
    sample: str,
    runs: int,
    baseline_script: Path,
    pycache: str,
    urls: bool = False,
    old: Path | None = None,
    latency: float = 0.0,
) -> dict[str, object]:
    files = sample_files(sample)
    env = child_env(pycache)
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        env.pop(name, None)
    server = _LocalServer(files[0].parent, latency) if urls else None
    try:
        sources = [server.url(f.name) for f in files] if server else [str(f) for f in files]
        return _startup(sample, files, sources, runs, baseline_script, env, old)
    finally:
        if server:
            server.close()


def _startup(
    sample: str,
    files: list[Path],
    sources: list[str],
    runs: int,
    baseline_script: Path,
    env: dict[str, str],
    old: Path | None = None,
) -> dict[str, object]:
    reader_argv = [sys.executable, "-m", "reader", *sources]
    base_argv = [sys.executable, str(baseline_script)]
    marker = marker_for(files[0])
    # The frame: the first pane's header names its file (for a URL too), whether or not the
    # article itself has arrived yet.
    frame_marker = files[0].name
    old_env = {**env, "PYTHONPATH": str(old)} if old else env
    spawn_to_paint(reader_argv, marker, env)  # warm-up: fills the bytecode cache, page cache
    spawn_to_paint(base_argv, BASELINE_MARKER, env)
    if old:
        spawn_to_paint(reader_argv, marker, old_env, old)
    runs_of: dict[str, list[tuple[float, float, float]]] = {
        k: [] for k in ("reader", "base", "frame", "old", "old_frame")
    }
    for _ in range(runs):
        runs_of["reader"].append(paint(reader_argv, marker, env))
        runs_of["base"].append(paint(base_argv, BASELINE_MARKER, env))
        runs_of["frame"].append(paint(reader_argv, frame_marker, env))
        if old:
            runs_of["old"].append(paint(reader_argv, marker, old_env, old))
            runs_of["old_frame"].append(paint(reader_argv, frame_marker, old_env, old))
    reader = [w for w, _, _ in runs_of["reader"]]
    base = [w for w, _, _ in runs_of["base"]]
    frame = [w for w, _, _ in runs_of["frame"]]
    old_text = [w for w, _, _ in runs_of["old"]]
    old_frame = [w for w, _, _ in runs_of["old_frame"]]
    cpu = {k: statistics.median(c for _, c, _ in v) if v else None for k, v in runs_of.items()}
    helper_cpu = {
        k: statistics.median(h for _, _, h in v) if v else None for k, v in runs_of.items()
    }
    ingest = []
    for _ in range(max(3, runs // 2)):
        out = subprocess.run(
            [sys.executable, "-c", INGEST_CHILD, *sources],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        ingest.append(float(out.split()[-1]))
    return {
        "sample": sample,
        "files": [f.name for f in files],
        "reader": statistics.median(reader),
        "frame": statistics.median(frame),
        "old": statistics.median(old_text) if old_text else None,
        "old_frame": statistics.median(old_frame) if old_frame else None,
        "cpu": cpu,
        "helper_cpu": helper_cpu,
        "base": statistics.median(base),
        "frame_runs": frame,
        "old_frame_runs": old_frame,
        "ingest": statistics.median(ingest),
        "reader_runs": reader,
        "base_runs": base,
    }


def synthetic(n: int, seed: int = 7):
    from reader.core.matching.moved import mark_moved
    from reader.core.model import Analysis, Article, Match

    rng = random.Random(seed)

    def article(name: str) -> Article:
        texts = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))).capitalize() + "."
            for _ in range(n)
        ]
        return Article.from_texts(name, name, texts)

    a, b = article("left.txt"), article("right.txt")
    matches = [
        Match(
            (0, i),
            (1, min(n - 1, max(0, i + rng.randint(-2, 2)))),
            round(rng.random(), 2),
            ("report", "budget"),
            (),
            (),
        )
        for i in range(0, n, 3)
    ]
    mark_moved(matches)  # as the pipeline does
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
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=40)
    parser.add_argument("--paragraphs", type=int, default=10_000)
    parser.add_argument(
        "--samples",
        nargs="+",
        default=["ceasefire", "three-outlets"],
        help="bundled sample sets to start on (default: a .txt+.md one and one with HTML)",
    )
    parser.add_argument(
        "--urls",
        action="store_true",
        help="also start on the samples served as http:// addresses (127.0.0.1)",
    )
    parser.add_argument(
        "--old",
        type=Path,
        metavar="TREE",
        help="also start the reader of another checkout (e.g. a `git worktree` of the previous "
        "commit), alternating with this one, for a same-machine comparison",
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="with --urls: the local server waits this long before each response, as a real "
        "site's time to first byte would",
    )
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-keys", action="store_true")
    args = parser.parse_args()
    if textual.__version__ != PINNED_TEXTUAL:
        print(
            f"warning: key latency uses App._display, pinned to Textual {PINNED_TEXTUAL}; "
            f"running {textual.__version__}",
            file=sys.stderr,
        )

    rows: list[tuple[str, str, str]] = []
    if not args.skip_startup:
        with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
            script = Path(tmp) / "minimal_app.py"
            script.write_text(BASELINE_APP)
            cases = [(sample, False) for sample in args.samples]
            cases += [(sample, True) for sample in args.samples] if args.urls else []
            for sample, urls in cases:
                r = startup(
                    sample,
                    args.runs,
                    script,
                    str(Path(tmp) / "pycache"),
                    urls,
                    args.old,
                    args.latency,
                )
                name = f"`{sample}` ({', '.join(r['files'])}{' as URLs' if urls else ''})"
                sample = f"{sample}{' as URLs' if urls else ''}"
                if urls and args.latency:
                    sample += f", {args.latency * 1000:.0f} ms latency"
                cpu = r["cpu"]
                rows += [
                    (f"Spawn → first paint, reader on {name}", f"{r['reader'] * 1000:.0f} ms", "–"),
                    ("Spawn → first paint, minimal Textual app", f"{r['base'] * 1000:.0f} ms", "–"),
                    (
                        f"**Ratio reader / minimal app, `{sample}`**",
                        f"**{r['reader'] / r['base']:.2f} ×**",
                        "≤ 1.5 ×",
                    ),
                    (
                        f"Ratio to the first frame (pane header painted), `{sample}`",
                        f"{r['frame'] / r['base']:.2f} ×",
                        "≤ 1.5 ×",
                    ),
                    (
                        f"CPU to paint, reader text / frame / minimal app, `{sample}`",
                        f"{cpu['reader'] * 1000:.0f} / {cpu['frame'] * 1000:.0f} / "
                        f"{cpu['base'] * 1000:.0f} ms "
                        f"({cpu['reader'] / cpu['base']:.2f} × / {cpu['frame'] / cpu['base']:.2f} ×)",
                        "–",
                    ),
                    (
                        f"of which the page downloader's, text / frame, `{sample}`",
                        f"{r['helper_cpu']['reader'] * 1000:.0f} / "
                        f"{r['helper_cpu']['frame'] * 1000:.0f} ms",
                        "–",
                    ),
                    (
                        f"Each run: first frame / minimal app, `{sample}`",
                        " ".join(f"{f / b:.2f}" for f, b in zip(r["frame_runs"], r["base_runs"])),
                        "–",
                    ),
                ]
                if r["old"] is not None:
                    rows += [
                        (
                            f"Old code ({args.old}): text / minimal app, `{sample}`",
                            f"{r['old'] / r['base']:.2f} ×",
                            "–",
                        ),
                        (
                            f"Old code: first frame / minimal app, `{sample}`",
                            f"{r['old_frame'] / r['base']:.2f} ×",
                            "–",
                        ),
                        (
                            f"Old code, each run: first frame / minimal app, `{sample}`",
                            " ".join(
                                f"{f / b:.2f}" for f, b in zip(r["old_frame_runs"], r["base_runs"])
                            ),
                            "–",
                        ),
                        (
                            f"Old code: CPU to paint, text / frame, `{sample}`",
                            f"{cpu['old'] * 1000:.0f} / {cpu['old_frame'] * 1000:.0f} ms "
                            f"({cpu['old'] / cpu['base']:.2f} × / "
                            f"{cpu['old_frame'] / cpu['base']:.2f} ×)",
                            "–",
                        ),
                    ]
                rows += [
                    (
                        f"of which ingest (load_article of the files), `{sample}`",
                        f"{r['ingest'] * 1000:.0f} ms",
                        "–",
                    ),
                ]
    if not args.skip_keys:
        lat, t_layout, t_gen = asyncio.run(key_latency(args.paragraphs, args.keys))
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lat.sort()
        p90 = lat[min(len(lat) - 1, int(0.9 * len(lat)))]
        n = f"2 × {args.paragraphs:,} paragraphs"
        rows += [
            (f"Data generation, {n}", f"{t_gen * 1000:.0f} ms", "–"),
            ("Mount + wrap both panes", f"{t_layout * 1000:.0f} ms", "–"),
            (
                f"**Key `n` → repaint, median of {len(lat)}**",
                f"**{statistics.median(lat):.1f} ms**",
                "≤ 20 ms",
            ),
            ("Key `n` → repaint, p90 / max", f"{p90:.1f} / {lat[-1]:.1f} ms", "–"),
            (f"Peak memory (RSS), {n}", f"{peak_mb:.0f} MB", "≤ 500 MB"),
        ]

    print_measures(rows)


def print_measures(rows: list[tuple[str, str, str]]) -> None:
    """Print the versions, the command and the (measure, value, goal) rows as a Markdown table,
    ready for BENCHMARKS.md."""
    import textual

    print(
        f"Textual {textual.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
        f"command: {' '.join([Path(sys.executable).name, *sys.argv])}\n"
    )
    print("| Measure | Value | Goal |")
    print("|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
