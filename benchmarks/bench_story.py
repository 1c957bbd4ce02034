"""Time ``compare`` on one story told by many outlets: N synthetic rewrites of one original.

The seeded generator (:func:`benchmarks.generate.generate_story`) writes an original article of
P paragraphs and N - 1 independent rewrites of it (paraphrase, drops, moves, splits, merges,
insertions, name variants).  For each size the real command line,
``parallel-reader compare FILE... --format json -o OUT``, runs in its own subprocess so that the
peak RSS is that size's own, under a time limit so that a slow size cannot hang the run (a
killed run reports how much JSON it had written).  Reports wall seconds, peak RSS, JSON size and
the ratios the issue's goals are stated in (against 2 x 4,000, the same total paragraphs as
16 x 500).  Ratios use CPU seconds (user + system of the child), which a busy shared machine
disturbs far less than wall time.

Goals (issue 11): 16 x 500 within 1.5x the time of 2 x 4,000; 200 x 40 in <= 10 s and within 1.5x
the time of 2 x 4,000; peak memory at 200 x 40 <= 300 MB; JSON for 200 x 40 <= 25 MB.

Usage::

    .venv/bin/python benchmarks/bench_story.py                  # the six sizes of the issue
    .venv/bin/python benchmarks/bench_story.py --sizes 2x500 50x40 --timeout 60 --markdown
    .venv/bin/python benchmarks/bench_story.py --quality    # link / fact quality against the truth

``--quality`` scores, for every rewrite, the pairs (original paragraph, rewrite paragraph) of the
generator's truth: through direct matches ("link") and through facts (both in one fact); and the
pairs of paragraphs of two *rewrites* that come from one original paragraph, through facts.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks import generate
from benchmarks.generate import generate_story

DEFAULT_SIZES = ["2x500", "8x500", "16x500", "2x4000", "50x40", "200x40"]
REFERENCE = "2x4000"


def parse_size(text: str) -> tuple[int, int]:
    """``"16x500"`` -> (16 articles, 500 paragraphs)."""
    n, _, p = text.lower().partition("x")
    return int(n), int(p)


def write_story(folder: Path, n_articles: int, n_paragraphs: int, seed: int) -> list[Path]:
    """Write the articles as ``NNN.txt`` files; return their paths in order."""
    return generate.write_story(
        folder,
        n_articles,
        n_paragraphs,
        seed,
        lambda k: "Synthetic story as first reported" if k == 0 else f"Synthetic story, outlet {k}",
    )


def run_compare(paths: list[Path], out: Path, fmt: str, timeout: float) -> dict:
    """Wall time, peak RSS and output size of one ``compare`` child process (killed at timeout)."""
    cmd = [
        sys.executable,
        "-c",
        "import sys; from reader.cli import main; sys.exit(main())",
        "compare",
        *map(str, paths),
        "--format",
        fmt,
        "-o",
        str(out),
    ]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            timed_out = True
            break
        time.sleep(0.02)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    peak = usage.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else usage.ru_maxrss / 1024
    size = out.stat().st_size if out.exists() else 0
    lines = 0
    if fmt == "markdown" and out.exists() and not timed_out:
        with out.open("rb") as f:
            lines = sum(1 for _ in f)
    cpu = usage.ru_utime + usage.ru_stime
    return {
        "s": wall,
        "cpu_s": cpu,
        "peak_mb": peak,
        "out_mb": size / 1e6,
        "lines": lines,
        "rc": proc.returncode,
        "timed_out": timed_out,
        "stderr": err.strip()[-300:],
    }


def worker_quality(size: str, seed: int) -> dict:
    """In its own process: link quality between the original and each rewrite (the generator's
    truth), through direct matches and through facts."""
    from reader.core.matching.facts import build_facts
    from reader.core.matching.joint import align_all
    from reader.core.model import Article

    n, p = parse_size(size)
    texts, truths = generate_story(n, p, seed)
    articles = [Article.from_texts(f"{k}", f"{k}", t) for k, t in enumerate(texts)]
    matches = align_all(articles)
    truth = {((0, i), (k, j)) for k in range(1, n) for i, j in truths[k]}
    to_original = {(m.left, m.right) for m in matches if m.left[0] == 0}
    together: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for fact in build_facts(articles, matches):
        originals = [m for m in fact.members if m[0] == 0]
        together.update((o, m) for o in originals for m in fact.members if m[0] != 0)
    # Between two rewrites the truth is "both come from one original paragraph"; facts are the
    # only place these pairs are found beyond the pairwise budget (joint.py).
    sources: dict[tuple[int, int], set[int]] = {}
    for k in range(1, n):
        for i, j in truths[k]:
            sources.setdefault((k, j), set()).add(i)
    implied = good = 0
    found: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for fact in build_facts(articles, matches):
        rewrites = sorted(m for m in fact.members if m[0] != 0)
        for x, a in enumerate(rewrites):
            for b in rewrites[x + 1 :]:
                if a[0] != b[0] and (a, b) not in found:
                    found.add((a, b))
                    implied += 1
                    good += bool(sources.get(a, set()) & sources.get(b, set()))
    by_source: dict[int, list[tuple[int, int]]] = {}
    for ref, srcs in sources.items():
        for i in srcs:
            by_source.setdefault(i, []).append(ref)
    expected = {
        (a, b)
        for refs in by_source.values()
        for x, a in enumerate(sorted(refs))
        for b in sorted(refs)[x + 1 :]
        if a[0] != b[0]
    }
    return {
        "between_precision": good / implied if implied else None,
        "between_recall": len(expected & found) / len(expected) if expected else None,
        "recall": len(truth & to_original) / len(truth),
        "precision": len(truth & to_original) / max(1, len(to_original)),
        "fact_recall": len(truth & together) / len(truth),
        "fact_precision": len(truth & together) / max(1, len(together)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="+", default=DEFAULT_SIZES, help="ARTICLESxPARAGRAPHS")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds allowed per size")
    ap.add_argument("--markdown", action="store_true", help="also time --format markdown")
    ap.add_argument(
        "--quality",
        action="store_true",
        help="only score the original-rewrite links against the generator's truth",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker_quality(args.worker, args.seed)))
        return 0
    if args.quality:
        print(
            "| articles x paragraphs | link P | link R | fact P | fact R "
            "| rewrite-rewrite P | rewrite-rewrite R |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for size in args.sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--worker", size, "--seed", str(args.seed)],
                capture_output=True,
                text=True,
                check=True,
            )
            q = json.loads(out.stdout)
            between = [
                f"{q[k]:.3f}" if q[k] is not None else "-"
                for k in ("between_precision", "between_recall")
            ]
            print(
                f"| {size} | {q['precision']:.3f} | {q['recall']:.3f} | {q['fact_precision']:.3f} "
                f"| {q['fact_recall']:.3f} | {between[0]} | {between[1]} |"
            )
        return 0

    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-story-") as tmp:
        for size in args.sizes:
            n, p = parse_size(size)
            folder = Path(tmp) / size
            paths = write_story(folder, n, p, args.seed)
            total = sum(len(path.read_text(encoding="utf-8").split("\n\n")) - 1 for path in paths)
            row = {
                "size": size,
                "paragraphs": total,
                **run_compare(paths, folder / "out.json", "json", args.timeout),
            }
            if args.markdown:
                md = run_compare(paths, folder / "out.md", "markdown", args.timeout)
                row["md_s"], row["md_lines"], row["md_mb"] = md["s"], md["lines"], md["out_mb"]
            rows.append(row)
            print(f"done {size}: {row['s']:.2f} s", file=sys.stderr)

    ref = next(
        (r for r in rows if r["size"] == REFERENCE and not r["timed_out"] and not r["rc"]), None
    )
    head = (
        "| articles x paragraphs | total paragraphs | compare wall s | CPU s | CPU × 2x4000 "
        "| peak MB | JSON MB |"
    )
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    if args.markdown:
        head += " markdown s | markdown lines |"
        rule += "---:|---:|"
    print(head)
    print(rule)
    for r in rows:
        secs = f"{r['s']:.2f}"
        if r["timed_out"]:
            secs = f"> {args.timeout:g} (killed)"
        elif r["rc"]:
            secs += f" (exit {r['rc']})"
        ratio = f"{r['cpu_s'] / ref['cpu_s']:.2f}" if ref and not r["timed_out"] else "-"
        json_mb = f"{r['out_mb']:.1f}" + (" (partial)" if r["timed_out"] else "")
        line = (
            f"| {r['size']} | {r['paragraphs']:,} | {secs} | {r['cpu_s']:.2f} | {ratio} "
            f"| {r['peak_mb']:.0f} "
            f"| {json_mb} |"
        )
        if args.markdown:
            line += f" {r['md_s']:.2f} | {r['md_lines']:,} |"
        print(line)
    for r in rows:
        if r["rc"] and not r["timed_out"]:
            print(f"\n{r['size']} exited {r['rc']}: {r['stderr']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
