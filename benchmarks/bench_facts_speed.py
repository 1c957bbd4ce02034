"""Entities plus figures speed of this tree against older trees, alternated run by run (issue 9).

The issue's goal: entities plus figures on 2 x 5,000 paragraphs within 1.5 s where b4e9735 took
about 1.1 s, i.e. at most 1.36x b4e9735's time on the same machine.  Timings on a shared machine
swing by +-30 % from one minute to the next, so one tree's number against another's measured
earlier says little.  This script times every tree on the same inputs, one child process per tree
and round, the trees alternating, and keeps each tree's best CPU time per stage:

* figures: ``find_figures`` and ``group_figures`` on ``bench_figures.make_pair(5000, seed 1)``
  (news mode, the true paragraph matches), as ``benchmarks/bench_figures.py --sizes 5000``;
* entities: ``find_entities`` on the ECB+ ``--speed`` set of ``eval_ecbplus.py`` (2 x 5,000
  paragraphs of two real ECB+ sentences each, seed 7), skipped when the data is missing.

Each child builds the articles from the same paragraph texts with its own tree's
``Article.from_texts`` and ``split_sentences`` (as ingest does), so only the tree's code differs.
The first ``--old`` tree is the base of the ratios (b4e9735 for the issue's goal).

Usage::

    .venv/bin/python benchmarks/bench_facts_speed.py --old /work/wt/base --old /tmp/old-tree
    .venv/bin/python benchmarks/bench_facts_speed.py --old /work/wt/base --rounds 5 --repeat 3
    .venv/bin/python benchmarks/bench_facts_speed.py --callgrind --paragraphs 500 --old /work/wt/base

``--callgrind`` counts instructions instead (valgrind's callgrind; the child runs each stage
twice and once, the difference is one run without start-up or imports): deterministic on a
loaded machine, about 50x slower.  ``--new PATH`` measures another tree than this one (a
detached worktree of a commit, so this one can be edited meanwhile).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _inputs(path: Path, n_paragraphs: int) -> bool:
    """Write the paragraph texts (plain lists, no classes of any tree) to ``path``; True when the
    ECB+ set is there too."""
    sys.path.insert(0, str(REPO))
    sys.path.insert(0, str(REPO / "benchmarks"))
    import bench_figures
    import eval_ecbplus

    arts, matches = bench_figures.make_pair(n_paragraphs, 1, "news")
    fig_texts = [[p.text for p in a.paragraphs] for a in arts]
    pairs = [(m.left, m.right, m.score) for m in matches]
    ent_texts: list[list[str]] | None = None
    if (eval_ecbplus.DEFAULT_DATA / "gold").is_dir():
        stories = eval_ecbplus.load_stories(eval_ecbplus.DEFAULT_DATA, "topic")
        lines = [
            p.text for st in stories for a in st.articles for p in a.paragraphs if len(p.text) > 40
        ]
        rng = random.Random(7)  # the --speed set of eval_ecbplus.py
        ent_texts = [
            [" ".join(rng.choice(lines) for _ in range(2)) for _ in range(n_paragraphs)]
            for _ in range(2)
        ]
    with path.open("wb") as fh:
        pickle.dump({"figures": (fig_texts, pairs), "entities": ent_texts}, fh)
    return ent_texts is not None


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        c0 = time.process_time()
        fn()
        best = min(best, time.process_time() - c0)
    return best


def _child(tree: str, inputs: str, repeat: int, stages: list[str]) -> None:
    """Time ``stages`` with ``tree``'s code; prints one JSON line."""
    sys.path.insert(0, tree)
    import reader

    assert Path(reader.__file__).resolve().is_relative_to(Path(tree).resolve()), reader.__file__
    from reader.core.entities import find_entities
    from reader.core.figures import find_figures, group_figures
    from reader.core.model import Article, Match

    try:
        from reader.core.ingest.segment import split_sentences
    except ImportError:  # b4e9735's flat layout
        from reader.core.segment import split_sentences  # type: ignore[import-not-found,no-redef]

    with open(inputs, "rb") as fh:
        data = pickle.load(fh)
    fig_texts, pairs = data["figures"]
    arts = [
        Article.from_texts(name, name, texts, sentences=split_sentences)
        for name, texts in zip("AB", fig_texts, strict=True)
    ]
    matches = [Match(left, right, score) for left, right, score in pairs]
    figs = find_figures(arts)
    out = {}
    if "extract" in stages:
        out["extract"] = _best(lambda: find_figures(arts), repeat)
    if "group" in stages:
        out["group"] = _best(lambda: group_figures(figs, arts, matches), repeat)
    if "entities" in stages and data["entities"] is not None:
        earts = [
            Article.from_texts(f"synthetic-{k}", f"synthetic-{k}", texts, sentences=split_sentences)
            for k, texts in enumerate(data["entities"])
        ]
        out["entities"] = _best(lambda: find_entities(earts), repeat)
    print(json.dumps(out))


STAGES = ("extract", "group", "entities")


def _instructions(tree: str, inputs: Path, stage: str, repeat: int) -> int:
    """Instructions callgrind counts for a child running ``stage`` ``repeat`` times."""
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
        + [__file__, "--repeat", str(repeat), "--stages", stage, "--child", tree, str(inputs)],
        capture_output=True,
        text=True,
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
    )
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if m is None:
        raise SystemExit(f"no instruction count from callgrind:\n{proc.stderr[-2000:]}")
    return int(m.group(1))


def _callgrind(
    trees: list[str],
    names: list[str],
    inputs: Path,
    has_entities: bool,
    n_paragraphs: int,
    wanted: list[str],
) -> None:
    """One run of each stage = the count with the stage run twice minus once (start-up, imports
    and input building cancel out)."""
    stages = [s for s in STAGES if s in wanted and (has_entities or s != "entities")]
    rows = []
    for tree, name in zip(trees, names, strict=True):
        counts = {}
        for stage in stages:
            once = _instructions(tree, inputs, stage, 1)
            twice = _instructions(tree, inputs, stage, 2)
            counts[stage] = twice - once
            print(f"{name} {stage}: {counts[stage] / 1e9:.3f} G instructions", flush=True)
        rows.append((name, counts))
    print(f"\n2 x {n_paragraphs:,} paragraphs, instructions (G) of one run per stage")
    print("\n| tree | " + " | ".join(stages) + " | total | / " + names[0] + " |")
    print("|---|" + "---:|" * (len(stages) + 2))
    base = sum(rows[0][1].values())
    for name, counts in rows:
        total = sum(counts.values())
        cells = " | ".join(f"{counts[s] / 1e9:.3f}" for s in stages)
        print(f"| {name} | {cells} | {total / 1e9:.3f} | {total / base:.2f}x |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--old",
        action="append",
        default=[],
        metavar="PATH",
        help="an older tree to compare (repeatable); the first one is the base of the ratios",
    )
    ap.add_argument(
        "--new",
        default=str(REPO),
        metavar="PATH",
        help="the tree compared (default: this one; a snapshot lets you edit this one meanwhile)",
    )
    ap.add_argument("--rounds", type=int, default=3, help="alternations of all the trees")
    ap.add_argument("--repeat", type=int, default=3, help="runs per stage in each child (best)")
    ap.add_argument("--paragraphs", type=int, default=5000, help="paragraphs per article")
    ap.add_argument(
        "--callgrind",
        action="store_true",
        help="count instructions with valgrind's callgrind instead of timing (deterministic "
        "under load, about 50x slower: use --paragraphs 1000); one run per tree and stage",
    )
    ap.add_argument(
        "--stages", default=",".join(STAGES), help="comma-separated: extract, group, entities"
    )
    ap.add_argument("--child", nargs=2, metavar=("TREE", "INPUTS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1], args.repeat, args.stages.split(","))
        return 0
    trees = [str(Path(t).resolve()) for t in args.old] + [str(Path(args.new).resolve())]
    names = [Path(t).name for t in args.old] + [
        "this tree" if Path(args.new).resolve() == REPO else Path(args.new).name
    ]
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "inputs.pkl"
        has_entities = _inputs(inputs, args.paragraphs)
        if not has_entities:
            print("ECB+ data not found: figures only", flush=True)
        if args.callgrind:
            _callgrind(trees, names, inputs, has_entities, args.paragraphs, args.stages.split(","))
            return 0
        best: list[dict[str, float]] = [{} for _ in trees]
        for r in range(args.rounds):
            for i, tree in enumerate(trees):
                proc = subprocess.run(
                    [sys.executable, __file__, "--repeat", str(args.repeat)]
                    + ["--stages", args.stages]
                    + ["--child", tree, str(inputs)],
                    capture_output=True,
                    text=True,
                    check=True,
                    env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
                )
                got = json.loads(proc.stdout.strip().splitlines()[-1])
                for k, v in got.items():
                    best[i][k] = min(best[i].get(k, v), v)
                row = " / ".join(f"{k} {v:.3f}" for k, v in got.items())
                print(f"round {r + 1} {names[i]}: {row} = {sum(got.values()):.3f}", flush=True)
    stages = list(best[-1])
    print(
        f"\n2 x {args.paragraphs:,} paragraphs, best CPU s of {args.rounds} rounds x {args.repeat}"
    )
    print("\n| tree | " + " | ".join(stages) + " | total | / " + names[0] + " |")
    print("|---|" + "---:|" * (len(stages) + 2))
    base = sum(best[0][k] for k in stages)
    for name, b in zip(names, best, strict=True):
        total = sum(b[k] for k in stages)
        cells = " | ".join(f"{b[k]:.3f}" for k in stages)
        print(f"| {name} | {cells} | {total:.3f} | {total / base:.2f}x |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
