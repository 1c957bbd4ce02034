"""Measure entity detection and cross-article linking on ECB+ (train + dev topics).

Usage::

    .venv/bin/python benchmarks/eval_ecbplus.py                 # train and dev tables
    .venv/bin/python benchmarks/eval_ecbplus.py --level cluster # per sub-cluster instead of topic
    .venv/bin/python benchmarks/eval_ecbplus.py --sweep         # scorer/threshold sweep on train
    .venv/bin/python benchmarks/eval_ecbplus.py --speed         # 2 x 5,000 paragraphs timing
    .venv/bin/python benchmarks/eval_ecbplus.py --data /path/to/ecbplus --backend spacy

Set-up (see ``shared/data/README.md`` beside the repository): each document line is one paragraph (line 0 of the
``ecbplus`` documents is a URL and is skipped).  By default a *topic* (``<t>_ecb`` + ``<t>_ecbplus``
merged, chain ids are global) is one story whose documents are the articles; this is harder than
per-cluster because both sub-events share names.  Gold = mentions with ``coarse_type`` in
{PER, ORG, LOC}, contiguous, containing a capitalised token that is not a pronoun/determiner
(``_NOT_NAMES``).  "selected" restricts gold, and predictions for detection precision, to the
sentences the ECB+ README calls reliably annotated.

Measures:

* detection P/R/F1, exact span and overlap (a predicted span overlapping a gold one counts; gold
  spans often include modifiers, "defensive tackle Jamal Williams").  ECB+ only marks event
  participants, so detection precision is a lower bound (real names go unannotated);
* linking P/R/F1 over pairs of gold mentions in *different documents*: gold pair = same chain,
  predicted pair = same entity.  "detected" uses gold mentions overlapped by a prediction (each
  takes the entity of its best-overlapping prediction); "end-to-end" keeps all gold mentions
  (undetected ones link to nothing);
* baseline: the same detected mentions linked iff their predicted texts fold to the same string;
* type accuracy: among detected gold mentions (PER/ORG/LOC), the share whose entity (that of the
  best-overlapping prediction) has the matching type (PER->person, ORG->organization,
  LOC->place), with a confusion table per split.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.shared_data import shared_data
from reader.core.entities.detect import Detection, detect
from reader.core.entities.link import LinkConfig, link, name_key
from reader.core.ingest.segment import split_sentences
from reader.core.model import Article, Paragraph

DEFAULT_DATA = shared_data("ecbplus") or Path(__file__).resolve().parents[2] / "shared/data/ecbplus"
_NOT_NAMES = frozenset(
    "I He She It We They You His Her Its Our Their My Your The This That These Those Both Some Many "
    "Most All Each Every Another Other Others One Two Three Several Few Who Which What Him Them Us "
    "Me A An Everyone Someone Nobody Everybody Anyone".split()
)
_CAP_TOKEN = re.compile(r"\b[A-Z][\w'’.-]*")


@dataclass
class Gold:
    doc: int
    start: int
    end: int
    chain: str
    selected: bool
    coarse: str = ""


@dataclass
class Story:
    name: str
    split: str
    articles: list[Article]
    line_starts: list[list[int]]  # per doc: file offset of each paragraph
    para_line: list[list[int]]  # per doc: file line number of each paragraph
    gold: list[Gold]
    selected_lines: set[tuple[int, int]]  # (doc, line)
    detection: Detection | None = None


def _is_named(text: str) -> bool:
    return any(tok not in _NOT_NAMES for tok in _CAP_TOKEN.findall(text))


def load_stories(data: Path, level: str) -> list[Story]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for f in sorted((data / "gold").glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        key = str(g["topic"]) if level == "topic" else g["cluster"]
        groups[key].append(g)
    stories = []
    for key, parts in sorted(groups.items(), key=lambda kv: kv[0]):
        articles: list[Article] = []
        line_starts: list[list[int]] = []
        para_line: list[list[int]] = []
        doc_index: dict[str, int] = {}
        for g in parts:
            for d in g["docs"]:
                text = (data / d["file"]).read_text(encoding="utf-8")
                lines = text.split("\n")
                offs, pos = [], 0
                for ln in lines:
                    offs.append(pos)
                    pos += len(ln) + 1
                first = 1 if d["first_line_is_url"] else 0
                paras, starts, plines = [], [], []
                for li in range(first, len(lines)):
                    paras.append(
                        Paragraph(len(paras), lines[li], offs[li], offs[li] + len(lines[li]))
                    )
                    starts.append(offs[li])
                    plines.append(li)
                doc_index[d["doc"]] = len(articles)
                articles.append(Article(d["doc"], d["doc"], text, paras))
                line_starts.append(starts)
                para_line.append(plines)
        gold: list[Gold] = []
        selected: set[tuple[int, int]] = set()
        for g in parts:
            for m in g["mentions"]:
                di = doc_index[m["doc"]]
                if m["in_selected_sentence"]:
                    selected.add((di, m["line"]))
                if (
                    m["coarse_type"] not in ("PER", "ORG", "LOC")
                    or not m["contiguous"]
                    or not _is_named(m["text"])
                ):
                    continue
                gold.append(
                    Gold(
                        di,
                        m["char_start"],
                        m["char_end"],
                        m["chain"],
                        m["in_selected_sentence"],
                        m["coarse_type"],
                    )
                )
        stories.append(
            Story(key, parts[0]["split"], articles, line_starts, para_line, gold, selected)
        )
    return stories


def _pairs(items: list[tuple[int, object]]) -> int:
    """Pairs of items in different documents among ``items`` = [(doc, ...)]."""
    n = len(items)
    per_doc = Counter(d for d, _ in items)
    return n * (n - 1) // 2 - sum(c * (c - 1) // 2 for c in per_doc.values())


def _cross_pairs(labels: list[tuple[int, object, object]]) -> tuple[int, int, int]:
    """(gold pairs, predicted pairs, shared) for [(doc, gold label, predicted label or None)]."""
    by_gold, by_pred, by_both = defaultdict(list), defaultdict(list), defaultdict(list)
    for doc, g, p in labels:
        by_gold[g].append((doc, None))
        if p is not None:
            by_pred[p].append((doc, None))
            by_both[(g, p)].append((doc, None))
    return (
        sum(_pairs(v) for v in by_gold.values()),
        sum(_pairs(v) for v in by_pred.values()),
        sum(_pairs(v) for v in by_both.values()),
    )


def _prf(tp: float, npred: float, ngold: float) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


_GOLD_TYPE = {"PER": "person", "ORG": "organization", "LOC": "place"}


def evaluate(
    stories: list[Story], cfg: LinkConfig, selected_only: bool, backend: str = "rules", nlp=None
) -> dict:
    tot = Counter()
    confusion: Counter = (
        Counter()
    )  # (gold coarse type, predicted entity type) over detected gold mentions
    for st in stories:
        if st.detection is None:
            if backend == "spacy":
                from reader.core.entities.spacy_backend import detect_spacy

                st.detection = detect_spacy(st.articles, nlp=nlp)
            else:
                st.detection = detect(st.articles)
        entities = link(st.detection, cfg, st.articles)
        preds: dict[int, list[tuple[int, int, int, str]]] = defaultdict(
            list
        )  # doc -> (start, end, ent, text)
        etype = {e.id: e.type for e in entities}
        for e in entities:
            for m in e.mentions:
                line = st.para_line[m.article][m.paragraph]
                if selected_only and (m.article, line) not in st.selected_lines:
                    continue
                off = st.line_starts[m.article][m.paragraph]
                preds[m.article].append((off + m.start, off + m.end, e.id, m.text))
        gold = [g for g in st.gold if g.selected or not selected_only]
        gold_spans = {(g.doc, g.start, g.end) for g in gold}
        gold_by_doc = defaultdict(list)
        for g in gold:
            gold_by_doc[g.doc].append(g)
        n_pred = sum(len(v) for v in preds.values())
        tot["pred"] += n_pred
        tot["gold"] += len(gold)
        tot["exact_tp"] += sum(
            1 for d, v in preds.items() for s, e, _, _ in v if (d, s, e) in gold_spans
        )
        tot["ov_pred_tp"] += sum(
            1
            for d, v in preds.items()
            for s, e, _, _ in v
            if any(g.start < e and s < g.end for g in gold_by_doc[d])
        )
        linked, e2e, base = [], [], []
        for g in gold:
            best, best_ov = None, 0
            for s, e, eid, text in preds.get(g.doc, ()):
                ov = min(e, g.end) - max(s, g.start)
                if ov > best_ov:
                    best, best_ov = (eid, text), ov
            if best is not None:
                tot["ov_gold_tp"] += 1
                confusion[(g.coarse, etype[best[0]])] += 1
                linked.append((g.doc, g.chain, best[0]))
                base.append((g.doc, g.chain, name_key(best[1])))
            e2e.append((g.doc, g.chain, best[0] if best else None))
        for name, labels in (("link", linked), ("e2e", e2e), ("base", base)):
            ng, npr, tp = _cross_pairs(labels)
            tot[name + "_gold"] += ng
            tot[name + "_pred"] += npr
            tot[name + "_tp"] += tp
    out = {
        "det_exact": _prf(tot["exact_tp"], tot["pred"], tot["gold"]),
        "det_overlap": (
            tot["ov_pred_tp"] / tot["pred"] if tot["pred"] else 0.0,
            tot["ov_gold_tp"] / tot["gold"] if tot["gold"] else 0.0,
        ),
        "n_gold": tot["gold"],
        "n_pred": tot["pred"],
        "confusion": confusion,
    }
    n_typed = sum(confusion.values())
    out["type_acc"] = (
        sum(c for (g, t), c in confusion.items() if _GOLD_TYPE[g] == t) / n_typed
        if n_typed
        else 0.0
    )
    p, r = out["det_overlap"]
    out["det_overlap"] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    for name in ("link", "e2e", "base"):
        out[name] = _prf(tot[name + "_tp"], tot[name + "_pred"], tot[name + "_gold"])
        out[name + "_pairs"] = tot[name + "_gold"]
    return out


def _fmt(t: tuple[float, float, float]) -> str:
    return " | ".join(f"{x:.3f}" for x in t)


def report(stories: list[Story], cfg: LinkConfig, level: str, backend: str, nlp=None) -> str:
    rows = [
        f"ECB+ entities, level={level}, backend={backend}, config={cfg}",
        "",
        "| split | gold | gold mentions | measure | P | R | F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    confusions: list[tuple[str, str, Counter]] = []
    for split in ("train", "dev"):
        sub = [s for s in stories if s.split == split]
        if not sub:
            continue
        for sel in (False, True):
            r = evaluate(sub, cfg, sel, backend, nlp)
            g = "selected" if sel else "all"
            n = r["n_gold"]
            rows.append(f"| {split} | {g} | {n} | detection exact | {_fmt(r['det_exact'])} |")
            rows.append(f"| {split} | {g} | {n} | detection overlap | {_fmt(r['det_overlap'])} |")
            rows.append(
                f"| {split} | {g} | {n} | linking, detected ({r['link_pairs']} gold pairs) | {_fmt(r['link'])} |"
            )
            rows.append(f"| {split} | {g} | {n} | linking, end-to-end | {_fmt(r['e2e'])} |")
            rows.append(
                f"| {split} | {g} | {n} | baseline exact string, detected | {_fmt(r['base'])} |"
            )
            rows.append(
                f"| {split} | {g} | {n} | type accuracy, detected | | | {r['type_acc']:.3f} |"
            )
            confusions.append((split, g, r["confusion"]))
    rows += [
        "",
        "Type confusion (detected gold mentions; rows = gold type, columns = predicted type):",
        "",
    ]
    cols = ("person", "organization", "place", "other")
    rows += [
        "| split | gold | gold type | " + " | ".join(cols) + " | accuracy |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for split, g, conf in confusions:
        for gt in ("PER", "ORG", "LOC"):
            row = [conf[(gt, c)] for c in cols]
            acc = conf[(gt, _GOLD_TYPE[gt])] / sum(row) if sum(row) else 0.0
            rows.append(
                f"| {split} | {g} | {gt} | " + " | ".join(str(x) for x in row) + f" | {acc:.3f} |"
            )
    return "\n".join(rows)


def sweep(stories: list[Story]) -> None:
    train = [s for s in stories if s.split == "train"]
    dev = [s for s in stories if s.split == "dev"]
    base = LinkConfig()
    grid: list[LinkConfig] = []
    for scorer, thr, sthr in itertools.product(
        ("ratio", "jaro_winkler", "token_sort_ratio", "wratio"),
        (80.0, 85.0, 88.0, 92.0, 96.0),
        (85.0, 90.0, 95.0, 101.0),
    ):
        grid.append(replace(base, scorer=scorer, threshold=thr, single_threshold=sthr))
    for amb in ("article", "dominant", "separate"):
        grid.append(replace(base, ambiguous=amb))
    grid.append(replace(base, implicit_acronyms=False))
    grid.append(replace(base, prefix_given_names=False))
    grid.append(replace(base, subsequence=False))
    grid.append(replace(base, token_threshold=70.0))
    grid.append(replace(base, token_threshold=90.0))
    print(
        "| scorer | thr | single thr | ambiguous | other | train P | train R | train F1 | dev F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|", flush=True)
    for cfg in grid:
        tr = evaluate(train, cfg, True)["link"]
        dv = evaluate(dev, cfg, True)["link"]
        other = []
        if not cfg.implicit_acronyms:
            other.append("no implicit acronyms")
        if not cfg.prefix_given_names:
            other.append("no given-name prefix")
        if not cfg.subsequence:
            other.append("no short forms")
        if cfg.token_threshold != base.token_threshold:
            other.append(f"token thr {cfg.token_threshold:g}")
        print(
            f"| {cfg.scorer} | {cfg.threshold:g} | {cfg.single_threshold:g} | {cfg.ambiguous} | {', '.join(other)} | "
            f"{tr[0]:.3f} | {tr[1]:.3f} | {tr[2]:.3f} | {dv[2]:.3f} |",
            flush=True,
        )


def speed(stories: list[Story], n_paragraphs: int = 5000, seed: int = 7) -> str:
    """Time find_entities on 2 articles x ``n_paragraphs`` paragraphs of real ECB+ sentences
    (seeded shuffle; each paragraph joins two sentences, about 2 MB in all)."""
    import random

    from reader.core.entities import find_entities

    lines = [
        p.text for st in stories for a in st.articles for p in a.paragraphs if len(p.text) > 40
    ]
    rng = random.Random(seed)
    arts = []
    for k in range(2):
        paras = [" ".join(rng.choice(lines) for _ in range(2)) for _ in range(n_paragraphs)]
        arts.append(_article_from_paragraphs(paras, f"synthetic-{k}"))
    size = sum(len(a.text) for a in arts)
    t0 = time.perf_counter()
    det = detect(arts)
    t1 = time.perf_counter()
    ents = link(det, LinkConfig())
    t2 = time.perf_counter()
    c0 = time.process_time()
    find_entities(arts)
    c1 = time.process_time()
    t3 = time.perf_counter()
    return (
        f"speed: 2 x {n_paragraphs} paragraphs, {size / 1e6:.2f} MB, {len(det.candidates)} mentions, "
        f"{len(ents)} entities: detect {t1 - t0:.2f} s + link {t2 - t1:.2f} s; "
        f"find_entities {t3 - t2:.2f} s wall, {c1 - c0:.2f} s CPU"
    )


def _article_from_paragraphs(paras: list[str], source: str) -> Article:
    # Sentence boundaries are computed at ingest, as for real input, so the timing below is
    # entity work only (without them detection would segment every paragraph itself).
    return Article.from_texts(source, source, paras, sentences=split_sentences)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="ECB+ folder (with gold/ and docs/)"
    )
    ap.add_argument("--level", choices=("topic", "cluster"), default="topic")
    ap.add_argument("--backend", choices=("rules", "spacy"), default="rules")
    ap.add_argument("--model", default="en_core_web_sm", help="spaCy model for --backend spacy")
    ap.add_argument(
        "--sweep",
        action="store_true",
        help="scorer/threshold sweep (linking on detected gold mentions, selected sentences)",
    )
    ap.add_argument(
        "--speed", action="store_true", help="time 2 x 5,000 paragraphs built from ECB+ sentences"
    )
    args = ap.parse_args(argv)
    if not (args.data / "gold").is_dir():
        print(f"ECB+ data not found at {args.data} (expected gold/ and docs/); skipping.")
        return 0
    t0 = time.perf_counter()
    stories = load_stories(args.data, args.level)
    nlp = None
    if args.backend == "spacy":
        from reader.core.entities.spacy_backend import load_pipeline

        nlp = load_pipeline(args.model)
    if args.speed:
        print(speed(stories))
    elif args.sweep:
        sweep(stories)
    else:
        print(report(stories, LinkConfig(), args.level, args.backend, nlp))
    print(f"\n({time.perf_counter() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
