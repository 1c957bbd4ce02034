"""Facts on real news: do they gather what the gold links, and keep apart what it keeps apart?

Data: the hand-made sentence alignments of ECB+ article pairs (``../shared/data/alignment/
ecb_dev_align.json``, 12 pairs, and ``benchmarks/gold/align_extra.json``, 12 more), each pair from
a different ECB+ cluster of several articles on one event (``../shared/data/ecbplus/docs``).  Each
line of a document is one paragraph (line 0, the source URL, is left out).

What the data allows: the gold links sentences of *two* articles per cluster, and no cluster has
gold for three.  So each gold pair (x, y) is analysed twice:

* ``pair``: x and y alone (facts of two articles);
* ``cluster``: x, y and up to ``--max-docs`` - 2 other articles of the same cluster (x first, then
  y, then the others by name), so facts span many outlets the way they do in use.

and the facts are scored on the x-y sentence pairs they imply (two sentences in one fact):

* ``strong gathered``: gold strong links whose two sentences share a fact (recall);
* ``in 3+ outlet facts``: of those, how many sit in a fact that also holds a third article (the
  third article's membership is not checked by any gold);
* ``facts gathering 3+``: facts holding a gold-linked x-y pair and at least one more article;
* ``joined apart``: implied x-y pairs the gold keeps apart (neither strong nor partial), over all
  implied x-y pairs; the share of a fact's joins that the gold contradicts;
* ``direct x-y matches``: the matcher's own x-y matches and how many of them the gold keeps apart,
  for reference (facts should not be much worse than the links they are built from).

Usage::

    .venv/bin/python benchmarks/eval_facts.py                 # both gold files, Markdown table
    .venv/bin/python benchmarks/eval_facts.py --max-docs 6
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from benchmarks.shared_data import shared_data
from reader.core.analysis import analyze
from reader.core.ingest.segment import split_sentences
from reader.core.model import Article

DATA = shared_data() or REPO.parent / "shared" / "data"
GOLD_FILES = [
    DATA / "alignment" / "ecb_dev_align.json",
    REPO / "benchmarks" / "gold" / "align_extra.json",
]
DOCS = DATA / "ecbplus" / "docs"


def load_doc(cluster: str, name: str) -> Article:
    """One ECB+ document, one paragraph per line after the URL line (paragraph i = line i + 1)."""
    lines = (DOCS / cluster / f"{name}.txt").read_text(encoding="utf-8").split("\n")[1:]
    while lines and not lines[-1].strip():
        lines.pop()
    texts = [line.strip() or "-" for line in lines]
    return Article.from_texts(name, name, texts, sentences=lambda t: tuple(split_sentences(t)))


def score_pair(gold: dict, max_docs: int) -> dict[str, dict[str, int]]:
    cluster, x, y = gold["cluster"], gold["x"], gold["y"]
    strong = {(a - 1, b - 1) for a, b in gold["strong"]}
    partial = {(a - 1, b - 1) for a, b in gold["partial"]}
    others = sorted(p.stem for p in (DOCS / cluster).glob("*.txt") if p.stem not in (x, y))
    out = {}
    for mode, names in (("pair", [x, y]), ("cluster", [x, y, *others][:max_docs])):
        analysis = analyze([load_doc(cluster, n) for n in names])
        implied: set[tuple[int, int]] = set()
        in_wide: set[tuple[int, int]] = set()
        gathering = 0
        for fact in analysis.facts:
            xs = [p for a, p in fact.members if a == 0]
            ys = [p for a, p in fact.members if a == 1]
            pairs = {(i, j) for i in xs for j in ys}
            implied |= pairs
            if len(fact.articles) >= 3 and pairs & strong:
                gathering += 1
                in_wide |= pairs & strong
        gathered = implied & strong
        direct = {
            (m.left[1], m.right[1]) for m in analysis.matches if m.left[0] == 0 and m.right[0] == 1
        }
        out[mode] = {
            "articles": len(names),
            "strong": len(strong),
            "gathered": len(gathered),
            "in_wide": len(in_wide),
            "gathering_facts": gathering,
            "implied": len(implied),
            "apart": len(implied - strong - partial),
            "direct": len(direct),
            "direct_apart": len(direct - strong - partial),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-docs", type=int, default=10, help="articles per cluster run")
    args = ap.parse_args(argv)
    if not DOCS.is_dir():
        print(f"ECB+ documents not found under {DOCS}; nothing to evaluate", file=sys.stderr)
        return 0
    golds = [g for f in GOLD_FILES if f.exists() for g in json.loads(f.read_text("utf-8"))["pairs"]]
    totals: dict[str, dict[str, int]] = {}
    for gold in golds:
        for mode, row in score_pair(gold, args.max_docs).items():
            t = totals.setdefault(mode, {})
            for k, v in row.items():
                t[k] = t.get(k, 0) + v
    print(f"{len(golds)} gold pairs (each from its own ECB+ cluster)\n")
    print(
        "| run | articles (total) | strong gathered | in 3+ outlet facts | facts gathering 3+ "
        "| implied x-y pairs | joined apart | direct x-y matches | of which apart |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for mode, t in totals.items():
        print(
            f"| {mode} | {t['articles']} | {t['gathered']}/{t['strong']} "
            f"({t['gathered'] / t['strong']:.3f}) | {t['in_wide']} | {t['gathering_facts']} "
            f"| {t['implied']} | {t['apart']} ({t['apart'] / max(1, t['implied']):.3f}) "
            f"| {t['direct']} | {t['direct_apart']} ({t['direct_apart'] / max(1, t['direct']):.3f}) |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
