"""Judge the entity sidebar against hand-made gold (benchmarks/gold/entities_A.json, entities_B.json).

Usage::

    .venv/bin/python benchmarks/eval_sidebar.py                # tables for A (train), B (dev), all
    .venv/bin/python benchmarks/eval_sidebar.py --list wrong   # also list every entry judged wrong
    .venv/bin/python benchmarks/eval_sidebar.py --data /path/to/ecbplus

Each gold cluster's six documents become six articles (one paragraph per line, the line-0 URL
skipped), the real :func:`reader.core.entities.find_entities` runs on them, and every entity the
sidebar shows (``reader/ui/widgets/sidebar.py`` lists every entity of every type, so: all of
them) is judged automatically:

* **junk**: more than half of its mentions overlap no gold mention;
* **wrong merge**: its gold-overlapping mentions come from two or more gold entities (each
  mention goes to the gold mention it overlaps most); "merged mentions" counts the mentions
  outside the entity's majority gold entity;
* **wrong type**: the type differs from its (majority) gold entity's type.  Gold ``other``
  (awards, works, events, products, vessels) is judged leniently: ``other`` and
  ``organization`` both count as right (the sidebar's "Other names" and "Organisations" both
  read as "not a person or place"), ``person`` and ``place`` are wrong;
* **right**: none of the above.

Missed merges (one gold entity split over several entries) are measured as cross-document
linking P/R/F1 over pairs of gold mentions in different documents, as in eval_ecbplus.py: a gold
pair = same gold entity, a predicted pair = same tool entity, over the gold mentions the tool
detected ("detected"), or all of them ("end-to-end", undetected ones link to nothing).  Named
mention detection is P/R/F1 by overlap (a predicted mention overlapping a gold mention counts).

The ECB+ folder is looked for in ``--data``, ``$ECBPLUS_DATA``, ``<repo>/../shared/data/ecbplus``
or one of its parents (``benchmarks/shared_data.py``); without it the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.shared_data import shared_data
from reader.core.entities import find_entities
from reader.core.model import Article, Entity

GOLD_FILES = {
    "A": ROOT / "benchmarks" / "gold" / "entities_A.json",
    "B": ROOT / "benchmarks" / "gold" / "entities_B.json",
}
HALF_NAMES = {"A": "A (train)", "B": "B (dev)"}
LENIENT_OTHER = frozenset({"other", "organization"})


def find_data(explicit: Path | None = None) -> Path | None:
    """The ECB+ folder (with ``docs/``), or ``None`` when it is not on this machine."""
    candidates = [explicit] if explicit else []
    env = os.environ.get("ECBPLUS_DATA")
    if env:
        candidates.append(Path(env))
    shared = shared_data("ecbplus")
    if shared is not None:
        candidates.append(shared)
    for c in candidates:
        if c is not None and (c / "docs").is_dir():
            return c
    return None


@dataclass
class GoldMention:
    doc: int
    line: int
    start: int
    end: int
    entity: str


@dataclass
class Cluster:
    name: str
    half: str
    docs: list[str]
    articles: list[Article]
    mentions: list[GoldMention]
    types: dict[str, str]  # gold entity id -> type
    names: dict[str, str]  # gold entity id -> display name
    by_line: dict[tuple[int, int], list[GoldMention]] = field(default_factory=dict)


def load_clusters(data: Path, halves: tuple[str, ...] = ("A", "B")) -> list[Cluster]:
    out = []
    for half in halves:
        gold = json.loads(GOLD_FILES[half].read_text(encoding="utf-8"))
        for c in gold["clusters"]:
            docs = list(c["docs"])
            articles = []
            for d in docs:
                text = (data / "docs" / c["cluster"] / f"{d}.txt").read_text(encoding="utf-8")
                lines = text.split("\n")[1:]  # line 0 of ecbplus documents is the URL
                articles.append(Article.from_texts(d, d, lines))
            index = {d: i for i, d in enumerate(docs)}
            mentions = [
                GoldMention(index[m["doc"]], m["line"], m["start"], m["end"], e["id"])
                for e in c["entities"]
                for m in e["mentions"]
            ]
            cl = Cluster(
                c["cluster"],
                half,
                docs,
                articles,
                mentions,
                {e["id"]: e["type"] for e in c["entities"]},
                {e["id"]: e["name"] for e in c["entities"]},
            )
            by_line: dict[tuple[int, int], list[GoldMention]] = defaultdict(list)
            for m in mentions:
                by_line[(m.doc, m.line)].append(m)
            cl.by_line = dict(by_line)
            out.append(cl)
    return out


def _best_gold(
    cl: Cluster, article: int, paragraph: int, start: int, end: int
) -> GoldMention | None:
    best, best_ov = None, 0
    for g in cl.by_line.get((article, paragraph + 1), ()):
        ov = min(end, g.end) - max(start, g.start)
        if ov > best_ov:
            best, best_ov = g, ov
    return best


@dataclass
class Verdict:
    cluster: str
    entity: Entity
    verdict: str  # right | junk | wrong type | wrong merge
    gold: str | None  # majority gold entity
    detail: str = ""
    merged_mentions: int = 0


def judge_entity(cl: Cluster, e: Entity) -> Verdict:
    hits: Counter = Counter()
    unmatched = 0
    for m in e.mentions:
        g = _best_gold(cl, m.article, m.paragraph, m.start, m.end)
        if g is None:
            unmatched += 1
        else:
            hits[g.entity] += 1
    if unmatched * 2 > len(e.mentions) or not hits:
        return Verdict(
            cl.name, e, "junk", None, f"{unmatched}/{len(e.mentions)} mentions match no gold name"
        )
    (major, n_major), *rest = hits.most_common()
    if rest:
        others = ", ".join(f"{cl.names[g]} x{n}" for g, n in rest)
        return Verdict(
            cl.name,
            e,
            "wrong merge",
            major,
            f"{cl.names[major]} x{n_major} + {others}",
            sum(n for _, n in rest),
        )
    gtype = cl.types[major]
    ok = e.type in LENIENT_OTHER if gtype == "other" else e.type == gtype
    if not ok:
        return Verdict(cl.name, e, "wrong type", major, f"{e.type}, gold {gtype}")
    return Verdict(cl.name, e, "right", major)


def _pairs(docs: list[int]) -> int:
    n = len(docs)
    return n * (n - 1) // 2 - sum(c * (c - 1) // 2 for c in Counter(docs).values())


def _cross_pairs(labels: list[tuple[int, object, object]]) -> tuple[int, int, int]:
    """(gold pairs, predicted pairs, shared) over [(doc, gold label, predicted label or None)]."""
    by_gold, by_pred, by_both = defaultdict(list), defaultdict(list), defaultdict(list)
    for doc, g, p in labels:
        by_gold[g].append(doc)
        if p is not None:
            by_pred[p].append(doc)
            by_both[(g, p)].append(doc)
    return tuple(sum(_pairs(v) for v in d.values()) for d in (by_gold, by_pred, by_both))


def _prf(tp: float, npred: float, ngold: float) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Scores:
    verdicts: list[Verdict]
    counts: Counter
    detection: tuple[float, float, float]
    linking: tuple[float, float, float]
    e2e: tuple[float, float, float]

    @property
    def right(self) -> float:
        n = sum(self.counts[k] for k in ("right", "junk", "wrong type", "wrong merge"))
        return self.counts["right"] / n if n else 0.0


def evaluate(
    clusters: list[Cluster], entities_by_cluster: dict[str, list[Entity]] | None = None
) -> Scores:
    counts: Counter = Counter()
    verdicts: list[Verdict] = []
    tot: Counter = Counter()
    for cl in clusters:
        ents = entities_by_cluster[cl.name] if entities_by_cluster else find_entities(cl.articles)
        preds: dict[tuple[int, int], list[tuple[int, int, int]]] = defaultdict(list)
        for e in ents:
            v = judge_entity(cl, e)
            verdicts.append(v)
            counts[v.verdict] += 1
            counts["merged mentions"] += v.merged_mentions
            for m in e.mentions:
                preds[(m.article, m.paragraph + 1)].append((m.start, m.end, e.id))
                tot["pred"] += 1
                if _best_gold(cl, m.article, m.paragraph, m.start, m.end) is not None:
                    tot["pred_tp"] += 1
        linked, e2e = [], []
        for g in cl.mentions:
            best, best_ov = None, 0
            for s, e, eid in preds.get((g.doc, g.line), ()):
                ov = min(e, g.end) - max(s, g.start)
                if ov > best_ov:
                    best, best_ov = eid, ov
            tot["gold"] += 1
            if best is not None:
                tot["gold_tp"] += 1
                linked.append((g.doc, g.entity, best))
            e2e.append((g.doc, g.entity, best))
        for name, labels in (("link", linked), ("e2e", e2e)):
            ng, npr, tp = _cross_pairs(labels)
            tot[name + "_gold"] += ng
            tot[name + "_pred"] += npr
            tot[name + "_tp"] += tp
    p = tot["pred_tp"] / tot["pred"] if tot["pred"] else 0.0
    r = tot["gold_tp"] / tot["gold"] if tot["gold"] else 0.0
    det = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return Scores(
        verdicts,
        counts,
        det,
        _prf(tot["link_tp"], tot["link_pred"], tot["link_gold"]),
        _prf(tot["e2e_tp"], tot["e2e_pred"], tot["e2e_gold"]),
    )


def _f(t: tuple[float, float, float]) -> str:
    return " | ".join(f"{x:.3f}" for x in t)


def report(clusters: list[Cluster]) -> tuple[str, dict[str, Scores]]:
    halves = {h: [c for c in clusters if c.half == h] for h in ("A", "B")}
    ents = {c.name: find_entities(c.articles) for c in clusters}
    results = {h: evaluate(cs, ents) for h, cs in halves.items() if cs}
    results["all"] = evaluate(clusters, ents)
    rows = [
        "| half | entries | right | junk | wrong type | wrong merge | merged mentions | right share |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for h, s in results.items():
        c = s.counts
        n = sum(c[k] for k in ("right", "junk", "wrong type", "wrong merge"))
        rows.append(
            f"| {HALF_NAMES.get(h, h)} | {n} | {c['right']} | {c['junk']} | {c['wrong type']} | {c['wrong merge']} | "
            f"{c['merged mentions']} | {s.right:.3f} |"
        )
    rows += ["", "| half | measure | P | R | F1 |", "|---|---|---|---|---|"]
    for h, s in results.items():
        name = HALF_NAMES.get(h, h)
        rows.append(f"| {name} | named-mention detection (overlap) | {_f(s.detection)} |")
        rows.append(f"| {name} | cross-document linking, detected | {_f(s.linking)} |")
        rows.append(f"| {name} | cross-document linking, end-to-end | {_f(s.e2e)} |")
    return "\n".join(rows), results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="ECB+ folder (with docs/)")
    ap.add_argument("--list", choices=("wrong", "all"), default=None, help="list judged entries")
    ap.add_argument(
        "--half", choices=("A", "B"), default=None, help="only list entries of this half"
    )
    args = ap.parse_args(argv)
    data = find_data(args.data)
    if data is None:
        print("ECB+ data not found (give --data or set ECBPLUS_DATA); skipping.")
        return 0
    clusters = load_clusters(data)
    table, results = report(clusters)
    print(table)
    if args.list:
        halves = [args.half] if args.half else ["A", "B"]
        for h in halves:
            for v in results[h].verdicts:
                if args.list == "all" or v.verdict != "right":
                    e = v.entity
                    variants = ", ".join(x for x in e.variants if x != e.name)[:80]
                    print(
                        f"{h} {v.cluster:12} {v.verdict:11} {e.type:12} {e.name!r} ({variants}) x{len(e.mentions)}  {v.detail}"
                    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
