"""Score the paragraph matcher against the hand-made alignments bundled in ``samples/``.

Every sample set is a folder holding two or more articles and an ``expected.json``::

    {"articles": ["a.txt", "b.md"],                     # article index = position in this list
     "matches": [[[0, 0], [1, 0]], [[0, 1], [1, 2]]],    # [[article, paragraph], [article, paragraph]]
     "notes": "what the set exercises"}

An expected match means a human analyst judged that the two paragraphs report at least one common
specific fact.  The script loads each article with the real ingest (so paragraph numbering is the
product's own), runs ``reader.core.matching.matcher.align`` and compares its matches with the expected ones as
*unordered paragraph pairs*.  It reports, per set and overall (micro-averaged over all pairs):

* precision / recall / F1 of the predicted pairs;
* best-match accuracy: for every paragraph that has an expected partner in some other article, is
  the highest-scoring predicted partner in *that* article one of its expected partners?  (No
  prediction there counts as a miss.)  This is what a reader jumping to "the" counterpart sees.

We measure against samples rather than asserting exact output because the matcher must stay
general: these numbers are a floor to protect, never a target to tune wording against.

Usage::

    .venv/bin/python benchmarks/eval_alignment.py                 # all sets under samples/, Markdown
    .venv/bin/python benchmarks/eval_alignment.py --json          # same, as JSON
    .venv/bin/python benchmarks/eval_alignment.py samples/rewrite --errors   # one set, list misses

As a library (the tests use this)::

    from benchmarks.eval_alignment import evaluate_set, evaluate_all
    result = evaluate_set("samples/ceasefire")   # dict, see evaluate_set
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"

Ref = tuple[int, int]
Pair = tuple[Ref, Ref]


class EvalError(RuntimeError):
    """A set or the code under test cannot be evaluated; the message says why in one line."""


def _ingest() -> Any:
    """Import ingest lazily so that ``--help`` and the structural tests never depend on it."""
    try:
        from reader.core import ingest  # the package: load_article, IngestError
    except ImportError as exc:  # pragma: no cover - depends on the tree state
        raise EvalError(
            f"reader.core.ingest.load is not importable ({exc}); install the package first"
        ) from exc
    return ingest


def _align_function() -> Callable[[list[Any]], list[Any]]:
    """Import the matcher lazily: it is developed separately and may be absent from a checkout."""
    try:
        from reader.core.matching.matcher import align
    except ImportError as exc:
        raise EvalError(
            f"reader.core.matching.matcher.align is not available ({exc}); nothing to evaluate"
        ) from exc
    return align


def _pair(a: Ref, b: Ref) -> Pair:
    """Unordered pair of paragraph refs, normalised so the smaller ref comes first."""
    return (a, b) if a <= b else (b, a)


def load_expected(set_dir: str | Path) -> tuple[list[Path], set[Pair], str]:
    """Read ``expected.json``: the article paths (in index order), the expected pairs and the notes."""
    set_dir = Path(set_dir)
    path = set_dir / "expected.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"{path}: cannot read expected alignment ({exc})") from exc
    articles = [set_dir / name for name in data["articles"]]
    pairs: set[Pair] = set()
    for left, right in data["matches"]:
        pairs.add(_pair((int(left[0]), int(left[1])), (int(right[0]), int(right[1]))))
    return articles, pairs, str(data.get("notes", ""))


def sample_sets(root: str | Path = SAMPLES) -> list[Path]:
    """Every folder under ``root`` that holds an ``expected.json``, sorted by name."""
    return sorted(p.parent for p in Path(root).glob("*/expected.json"))


def _ratio(num: int, den: int) -> float:
    """``num / den``, defined as 1.0 for an empty denominator (nothing to get wrong)."""
    return num / den if den else 1.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def best_match_counts(expected: set[Pair], scored: dict[Pair, float]) -> tuple[int, int]:
    """(correct, total) for best-match accuracy.

    One decision per (paragraph, other article) with at least one expected partner there: the
    predicted partner in that article with the highest score must be an expected partner.
    """
    wanted: dict[tuple[Ref, int], set[Ref]] = {}
    for a, b in expected:
        wanted.setdefault((a, b[0]), set()).add(b)
        wanted.setdefault((b, a[0]), set()).add(a)
    best: dict[tuple[Ref, int], tuple[float, Ref]] = {}
    for (a, b), score in scored.items():
        for ref, other in ((a, b), (b, a)):
            key = (ref, other[0])
            # Ties break towards the lower paragraph index so the result is deterministic.
            if key not in best or (score, -other[1]) > (best[key][0], -best[key][1][1]):
                best[key] = (score, other)
    correct = sum(1 for key, partners in wanted.items() if key in best and best[key][1] in partners)
    return correct, len(wanted)


def _describe(ref: Ref, articles: list[Any], width: int = 70) -> str:
    text = articles[ref[0]].paragraphs[ref[1]].text
    return f"{ref[0]}:{ref[1]} {text[:width]}"


def evaluate_set(path: str | Path) -> dict[str, Any]:
    """Run the matcher on one sample set and score it.

    Returns a dict with: ``name``, ``articles`` (file names), ``paragraphs`` (count per article),
    ``expected`` / ``predicted`` / ``true_positives`` (pair counts), ``precision``, ``recall``,
    ``f1``, ``best_correct`` / ``best_total`` / ``best_match_accuracy``, ``seconds`` (align time),
    and ``false_positives`` / ``false_negatives`` as lists of ``[[a, p], [b, q], score]`` /
    ``[[a, p], [b, q]]`` sorted by position.

    Raises EvalError when the set is unreadable or the matcher is missing.
    """
    path = Path(path)
    files, expected, _notes = load_expected(path)
    ingest = _ingest()
    align = _align_function()
    articles = []
    for f in files:
        try:
            articles.append(ingest.load_article(str(f)))
        except ingest.IngestError as exc:
            raise EvalError(str(exc)) from exc
    started = time.perf_counter()
    matches = align(articles)
    seconds = time.perf_counter() - started
    scored: dict[Pair, float] = {}
    for m in matches:
        key = _pair(tuple(m.left), tuple(m.right))
        scored[key] = max(scored.get(key, 0.0), float(m.score))
    predicted = set(scored)
    best_correct, best_total = best_match_counts(expected, scored)
    return {
        "name": path.name,
        "articles": [f.name for f in files],
        "paragraphs": [len(a.paragraphs) for a in articles],
        **_metrics(
            len(predicted & expected), len(predicted), len(expected), best_correct, best_total
        ),
        "seconds": seconds,
        "false_positives": [
            [list(a), list(b), round(scored[(a, b)], 3)] for a, b in sorted(predicted - expected)
        ],
        "false_negatives": [[list(a), list(b)] for a, b in sorted(expected - predicted)],
        "_articles": articles,
    }


def evaluate_all(sets: Iterable[str | Path] | None = None) -> dict[str, Any]:
    """Evaluate several sets (default: all under samples/) and add micro-averaged ``overall`` figures."""
    results = [evaluate_set(s) for s in (sample_sets() if sets is None else sets)]
    counts = [
        sum(r[key] for r in results)
        for key in ("true_positives", "predicted", "expected", "best_correct", "best_total")
    ]
    overall = {**_metrics(*counts), "seconds": sum(r["seconds"] for r in results)}
    return {"sets": results, "overall": overall}


def _metrics(
    tp: int, n_pred: int, n_exp: int, best_correct: int, best_total: int
) -> dict[str, Any]:
    """Pair precision / recall / F1 and best-match accuracy from raw counts.

    One definition for a single set and for the micro-averaged total over sets.
    """
    precision, recall = _ratio(tp, n_pred), _ratio(tp, n_exp)
    return {
        "expected": n_exp,
        "predicted": n_pred,
        "true_positives": tp,
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "best_correct": best_correct,
        "best_total": best_total,
        "best_match_accuracy": _ratio(best_correct, best_total),
    }


def _public(result: dict[str, Any]) -> dict[str, Any]:
    """Drop the in-memory articles (kept for error listings) before serialising."""
    return {k: v for k, v in result.items() if not k.startswith("_")}


def to_markdown(report: dict[str, Any], *, errors: bool = False) -> str:
    """The report as a Markdown table, optionally followed by the missed and spurious pairs."""
    head = "| set | paragraphs | expected | predicted | precision | recall | F1 | best-match | align s |"
    lines = [head, "|---|---|---:|---:|---:|---:|---:|---:|---:|"]

    def row(name: str, paras: str, r: dict[str, Any]) -> str:
        return (
            f"| {name} | {paras} | {r['expected']} | {r['predicted']} | {r['precision']:.3f} | "
            f"{r['recall']:.3f} | {r['f1']:.3f} | {r['best_match_accuracy']:.3f} "
            f"({r['best_correct']}/{r['best_total']}) | {r['seconds']:.3f} |"
        )

    for r in report["sets"]:
        lines.append(row(r["name"], "+".join(str(n) for n in r["paragraphs"]), r))
    lines.append(row("**overall**", "", report["overall"]))
    if errors:
        for r in report["sets"]:
            arts = r.get("_articles")
            if not arts:
                continue
            lines += ["", f"### {r['name']}", "", "Missed (expected, not predicted):"]
            for a, b in r["false_negatives"]:
                lines.append(f"- {_describe(tuple(a), arts)}  <->  {_describe(tuple(b), arts)}")
            lines.append("")
            lines.append("Spurious (predicted, not expected):")
            for a, b, score in r["false_positives"]:
                lines.append(
                    f"- ({score}) {_describe(tuple(a), arts)}  <->  {_describe(tuple(b), arts)}"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "sets", nargs="*", help="sample set folders (default: every set under samples/)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print JSON instead of a Markdown table"
    )
    parser.add_argument(
        "--errors", action="store_true", help="list missed and spurious pairs (Markdown only)"
    )
    args = parser.parse_args(argv)
    try:
        report = evaluate_all(args.sets or None)
    except EvalError as exc:
        print(f"eval_alignment: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = {"sets": [_public(r) for r in report["sets"]], "overall": report["overall"]}
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        print(to_markdown(report, errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
