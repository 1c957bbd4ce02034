"""Time paragraph alignment and the whole ``compare`` pipeline on large synthetic article pairs.

For each size the seeded generator (:mod:`benchmarks.generate`) writes two articles and their true
alignment; then, each in a fresh subprocess so that peak RSS is that size's own:

* ``align``: ingest both files (``reader.core.ingest.load_article``), then ``align()``; reports
  the ingest and align seconds, peak RSS, and precision / recall / F1 against the ground truth;
* ``compare``: the real command line, ``parallel-reader compare LEFT RIGHT --format json``
  (ingest + alignment + entities + figures + report), wall seconds, the peak RSS of its largest
  process (on long inputs it finds names and figures in a second process) and the peak of all
  its processes together (PSS, sampled; Linux).
  Skipped when ``reader.cli`` is not importable.

Goals (from the issue): compare <= 5 s at 2 x 5,000 paragraphs; 4x input <= 5x time; peak memory
<= 500 MB at 2 x 20,000.

Usage::

    .venv/bin/python benchmarks/bench_compare.py                       # sizes 1250 5000 20000
    .venv/bin/python benchmarks/bench_compare.py --sizes 1250 5000 --seed 2 --no-compare
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.generate import write


def _peak_mb_self() -> float:
    # ru_maxrss is KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def worker_align(folder: Path) -> dict:
    """Runs in its own process: ingest + align, scored against truth.json."""
    from reader.core.ingest.load import load_article
    from reader.core.matching.matcher import align

    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    articles = [load_article(str(folder / name)) for name in truth["articles"]]
    t1 = time.perf_counter()
    matches = align(articles)
    t2 = time.perf_counter()
    expected = {((a, i), (b, j)) for a, i, b, j in truth["pairs"]}
    got = {(m.left, m.right) for m in matches}
    tp = len(expected & got)
    precision = tp / len(got) if got else 0.0
    recall = tp / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    nv_true = {((a, i), (b, j)) for a, i, b, j in truth["near_verbatim"]}
    nv_got = {(m.left, m.right) for m in matches if m.near_verbatim}
    return {
        "paragraphs": [len(a.paragraphs) for a in articles],
        "ingest_s": t1 - t0,
        "align_s": t2 - t1,
        "peak_mb": _peak_mb_self(),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "near_verbatim_recall": len(nv_true & nv_got) / len(nv_true) if nv_true else 0.0,
    }


def run_compare_cli(folder: Path) -> dict | None:
    """Wall time and peak RSS of ``parallel-reader compare`` as a child process."""
    if importlib.util.find_spec("reader.cli") is None:
        return None
    cmd = [
        sys.executable,
        "-c",
        "import sys; from reader.cli import main; sys.exit(main())",
        "compare",
        str(folder / "left.txt"),
        str(folder / "right.txt"),
        "--format",
        "json",
    ]
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(cmd, stdout=devnull, stderr=subprocess.PIPE)
        sampler = _TreeMemory(proc.pid)
        _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    together = sampler.stop()
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    rc = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return {
        "compare_s": wall,
        "compare_peak_mb": peak,
        "compare_together_mb": together,
        "rc": rc,
        "stderr": err.strip()[-300:],
    }


class _TreeMemory:
    """Samples, every 20 ms, the memory of a process and its children together: the sum of their
    proportional set sizes (PSS: a page two processes share counts half in each), so a forked
    child's pages shared with its parent are not counted twice.  ``ru_maxrss`` only tells the
    largest single process.  Linux only (``/proc``); elsewhere :meth:`stop` returns ``None``."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_kb = 0
        self.available = os.path.exists(f"/proc/{pid}/smaps_rollup")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if self.available:
            self._thread.start()

    @staticmethod
    def _pss_kb(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def _children(self) -> list[int]:
        try:
            with open(f"/proc/{self.pid}/task/{self.pid}/children", encoding="ascii") as f:
                return [int(x) for x in f.read().split()]
        except OSError:
            return []

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            total = self._pss_kb(self.pid) + sum(map(self._pss_kb, self._children()))
            self.peak_kb = max(self.peak_kb, total)

    def stop(self) -> float | None:
        """The peak in MB (``None`` without ``/proc``)."""
        if not self.available:
            return None
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def _in_subprocess(folder: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"align worker failed: {out.stderr.strip()[-500:]}")
    return json.loads(out.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1250, 5000, 20000],
        help="paragraphs per article (the original; the rewrite has about as many)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-compare", action="store_true", help="time align only, not the CLI")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker_align(args.worker)))
        return 0

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            write(folder, size, args.seed)
            row = {"size": size, **_in_subprocess(folder)}
            if not args.no_compare:
                row.update(run_compare_cli(folder) or {})
            rows.append(row)
            print(f"done {size}", file=sys.stderr)

    print(
        "| paragraphs | ingest s | align s | align peak MB | P | R | F1 | near-verbatim R "
        "| compare s | compare peak MB | compare MB, processes together |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        cmp_s = f"{r['compare_s']:.2f}" if "compare_s" in r else "-"
        if r.get("rc"):
            cmp_s += f" (exit {r['rc']})"
        cmp_mb = f"{r['compare_peak_mb']:.0f}" if "compare_peak_mb" in r else "-"
        both = r.get("compare_together_mb")
        both_mb = f"{both:.0f}" if both is not None else "-"
        print(
            f"| {'+'.join(map(str, r['paragraphs']))} | {r['ingest_s']:.2f} | {r['align_s']:.2f} "
            f"| {r['peak_mb']:.0f} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} "
            f"| {r['near_verbatim_recall']:.3f} | {cmp_s} | {cmp_mb} | {both_mb} |"
        )
    for a, b in zip(rows, rows[1:]):
        factor = b["size"] / a["size"]
        line = f"\n{a['size']} -> {b['size']} ({factor:g}x input): align x{b['align_s'] / a['align_s']:.2f}"
        if "compare_s" in a and "compare_s" in b:
            line += f", compare x{b['compare_s'] / a['compare_s']:.2f}"
        print(line)
    for r in rows:
        if r.get("rc"):
            print(f"\ncompare at {r['size']} exited {r['rc']}: {r['stderr']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
