"""Measure figure extraction and grouping against the hand-made gold sets (issue 9).

Usage::

    .venv/bin/python benchmarks/eval_figures_gold.py              # tables per file, split, overall
    .venv/bin/python benchmarks/eval_figures_gold.py --errors     # every wrong or missed group
    .venv/bin/python benchmarks/eval_figures_gold.py --data /path/to/ecbplus --json

Gold: ``benchmarks/gold/figures_F1.json`` and ``figures_F2.json``, made by reading (see their
"about" fields).  Each cluster lists six ECB+ documents, the quantities reported by two or more of
them ("groups": members keyed by doc, line and character offsets, status agree/conflict) and
"distractors" (numbers a naive tool would wrongly report or group).  The documents are read from
``--data`` (default: ``$READER_ECBPLUS``, else ``../shared/data/ecbplus`` beside the repository,
or one of its parents); when absent the script says so and exits 0.

Set-up, as the real pipeline runs it: each document line is one paragraph (line 0, the URL, and
furniture lines are boilerplate, so a paragraph's index is its line number), sentences are split
as ingest does, the matcher aligns the six articles and ``group_figures`` groups the figures with
those matches, exactly as ``analyze`` does.

Scoring.  A tool figure maps to the gold member or distractor of the same line whose span it
overlaps most (ties: the shorter gold span, so a "47" inside "two AK 47 rifles" hits the "AK 47"
distractor).  Then:

* conflicts real: a tool ``conflict`` group is real when its mapped figures all belong to one gold
  group of status ``conflict`` and come from 2+ documents, and none hits a distractor.  Figures
  that map to nothing (numbers the gold does not list as cross-article) do not decide;
* agreements real: the same test for tool ``agree`` groups spanning 2+ articles, with a gold group
  of any status (the figures measure one quantity);
* ``differs`` groups (same quantity likely, values apart, evidence too weak for a conflict) are
  counted and judged like agreements, shown apart;
* gold groups found: a tool group holds members of the gold group from 2+ documents;
* junk: tool figures that hit a distractor, over all tool figures; and distractors the tool put
  in a multi-article group.

The two annotators differed on conventions, handled leniently:

* F2 counts weekdays and relative dates ("Monday", "last year") as dated figures; the tool
  reports calendar dates only, so such members are left out of the "found" test (a group whose
  remaining members span fewer than two documents is not counted there), and tool figures never
  map to them;
* F1 lists datelines and time stamps as distractors (F2 lists some); the "junk grouped" column
  counts only distractors the tool put in a cross-article group, where they mislead;
* F1 gives vague amounts a stand-in value and a qualifier; scoring uses spans and the gold
  status, never the gold values, so stand-ins do not matter.

Halves: each file is split into train and dev clusters (F1: 8, 20, 10, 32 train / 21 dev; F2: 13,
24, 16 train / 18, 12 dev).  Rules were tuned on the train clusters; dev is the check.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from benchmarks.shared_data import shared_data
from reader.core.figures import find_figures, group_figures
from reader.core.ingest.segment import is_boilerplate, split_sentences
from reader.core.matching.matcher import align
from reader.core.model import Article, Figure, FigureGroup

GOLD_FILES = ("figures_F1", "figures_F2")
DEV_CLUSTERS = frozenset({"21_ecbplus", "18_ecbplus", "12_ecbplus"})
_RELATIVE_DATE = re.compile(
    r"^(?:(?:last|next|this|on|early|late)\s+)*(?:monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|yesterday|today|tonight|tomorrow|week|weekend|month|year|morning|night|evening)"
    r"(?:'s\b.*|\s+(?:morning|night|evening|afternoon))?$",
    re.IGNORECASE,
)


def default_data() -> Path | None:
    """The ECB+ folder: $READER_ECBPLUS, else ``shared/data/ecbplus`` beside the repository."""
    env = os.environ.get("READER_ECBPLUS")
    shared = shared_data("ecbplus")
    for p in ([Path(env)] if env else []) + ([shared] if shared is not None else []):
        if (p / "docs").is_dir():
            return p
    return None


@dataclass
class Member:
    gid: str  # gold group id, or "distractor"
    doc: str
    line: int
    start: int
    end: int
    text: str


@dataclass
class Tally:
    conflicts: int = 0
    conflicts_real: int = 0
    agrees: int = 0
    agrees_real: int = 0
    differs: int = 0
    differs_real: int = 0
    gold_groups: int = 0
    gold_found: int = 0
    figures: int = 0
    junk: int = 0
    junk_grouped: int = 0
    distractors: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k, v in vars(other).items():
            if isinstance(v, int):
                setattr(self, k, getattr(self, k) + v)
            else:
                getattr(self, k).extend(v)


def is_relative_date(text: str) -> bool:
    """A weekday or relative date ("Monday", "last year"): F2 counts these, the tool does not."""
    return _RELATIVE_DATE.match(text.strip()) is not None


def build_articles(data: Path, cluster: str, docs: list[str]) -> list[Article]:
    """The cluster's documents as articles: one paragraph per line, line 0 (URL) as boilerplate."""
    out = []
    for d in docs:
        lines = (data / "docs" / cluster / f"{d}.txt").read_text(encoding="utf-8").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        furniture = {0} | {i for i, ln in enumerate(lines) if not ln.strip() or is_boilerplate(ln)}
        out.append(
            Article.from_texts(d, d, lines, boilerplate=furniture, sentences=split_sentences)
        )
    return out


def _map(fig: Figure, doc: str, by_line: dict[tuple[str, int], list[Member]]) -> Member | None:
    best: tuple[int, int] | None = None
    hit = None
    for m in by_line.get((doc, fig.paragraph), ()):
        ov = min(fig.end, m.end) - max(fig.start, m.start)
        if ov <= 0:
            continue
        key = (ov, -(m.end - m.start))
        if best is None or key > best:
            best, hit = key, m
    return hit


def _describe(fig: Figure, doc: str, hit: Member | None) -> str:
    tag = hit.gid if hit else "-"
    return f"{doc}:{fig.paragraph} {fig.text!r} [{fig.kind} {fig.counted}] -> {tag}"


def score_cluster(data: Path, cluster: dict) -> Tally:
    """Run the pipeline on one gold cluster and score it (see module doc)."""
    name, docs = cluster["cluster"], cluster["docs"]
    articles = build_articles(data, name, docs)
    matches = align(articles)
    figures = find_figures(articles)
    groups: list[FigureGroup] = group_figures(figures, articles, matches)

    by_line: dict[tuple[str, int], list[Member]] = defaultdict(list)
    gold_status: dict[str, str] = {}
    for g in cluster["groups"]:
        gold_status[g["id"]] = g["status"]
        for m in g["members"]:
            if g["kind"] == "date" and is_relative_date(m["text"]):
                continue
            by_line[(m["doc"], m["line"])].append(
                Member(g["id"], m["doc"], m["line"], m["start"], m["end"], m["text"])
            )
    for m in cluster["distractors"]:
        by_line[(m["doc"], m["line"])].append(
            Member("distractor", m["doc"], m["line"], m["start"], m["end"], m["text"])
        )

    t = Tally(distractors=len(cluster["distractors"]))
    hits = [_map(f, docs[f.article], by_line) for f in figures]
    t.figures = len(figures)
    for gr in groups:
        members = gr.figures
        arts = {figures[i].article for i in members}
        mapped = [hits[i] for i in members if hits[i] is not None]
        junk = [h for h in mapped if h.gid == "distractor"]
        gids = {h.gid for h in mapped if h.gid != "distractor"}
        docs_in = {h.doc for h in mapped if h.gid != "distractor"}
        one = len(gids) == 1 and len(docs_in) >= 2 and not junk
        if len(arts) >= 2:
            t.junk_grouped += len(junk)
        if gr.status == "single" or len(arts) < 2:
            continue
        real = one and (gr.status != "conflict" or gold_status[next(iter(gids))] == "conflict")
        if gr.status == "conflict":
            t.conflicts += 1
            t.conflicts_real += real
        elif gr.status == "agree":
            t.agrees += 1
            t.agrees_real += real
        else:
            t.differs += 1
            t.differs_real += real
        if not real:
            t.errors.append(
                f"  {name} tool {gr.status} '{gr.counted}': "
                + "; ".join(
                    _describe(figures[i], docs[figures[i].article], hits[i]) for i in members
                )
            )
    t.junk = sum(1 for h in hits if h is not None and h.gid == "distractor")

    # gold groups found: a tool group holding members from 2+ documents of the gold group
    docs_of_tool_group: dict[tuple[int, str], set[str]] = defaultdict(set)
    for i, f in enumerate(figures):
        h = hits[i]
        if h is not None and h.gid != "distractor" and f.group is not None:
            docs_of_tool_group[(f.group, h.gid)].add(h.doc)
    for g in cluster["groups"]:
        usable = {
            m["doc"]
            for m in g["members"]
            if not (g["kind"] == "date" and is_relative_date(m["text"]))
        }
        if len(usable) < 2:
            continue
        t.gold_groups += 1
        if any(len(d) >= 2 for (gid_t, gid), d in docs_of_tool_group.items() if gid == g["id"]):
            t.gold_found += 1
        else:
            t.errors.append(
                f"  {name} MISSED {g['status']} {g['id']} ({g['kind']}): "
                + "; ".join(f"{m['doc']}:{m['line']} {m['text']!r}" for m in g["members"])
            )
    return t


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def evaluate(data: Path, gold_dir: Path = REPO / "benchmarks" / "gold") -> dict[str, Tally]:
    """Tallies per "file/half", per file, per half and overall."""
    out: dict[str, Tally] = defaultdict(Tally)
    for name in GOLD_FILES:
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
        for cluster in gold["clusters"]:
            half = "dev" if cluster["cluster"] in DEV_CLUSTERS else "train"
            t = score_cluster(data, cluster)
            for key in (f"{name} {half}", name, half, "overall"):
                out[key].add(t)
    return out


def table(results: dict[str, Tally]) -> str:
    rows = [
        "| set | conflicts real | agreements real | differs (same quantity) | gold groups found"
        " | junk figures | junk grouped |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    order = (
        [f"{n} {h}" for n in GOLD_FILES for h in ("train", "dev")]
        + list(GOLD_FILES)
        + ["train", "dev", "overall"]
    )
    for key in order:
        t = results[key]
        bold = "**" if key == "overall" else ""
        rows.append(
            f"| {bold}{key}{bold} | {_ratio(t.conflicts_real, t.conflicts)} | "
            f"{_ratio(t.agrees_real, t.agrees)} | {_ratio(t.differs_real, t.differs)} | "
            f"{_ratio(t.gold_found, t.gold_groups)} | {_ratio(t.junk, t.figures)} | "
            f"{t.junk_grouped}/{t.distractors} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="ECB+ folder (with docs/)")
    ap.add_argument("--errors", action="store_true", help="list wrong and missed groups")
    ap.add_argument("--json", action="store_true", help="print the tallies as JSON")
    args = ap.parse_args(argv)
    data = args.data or default_data()
    if data is None or not (data / "docs").is_dir():
        print(f"ECB+ data not found ({data or 'set --data or READER_ECBPLUS'}); skipped.")
        return 0
    results = evaluate(data)
    if args.json:
        print(
            json.dumps(
                {
                    k: {a: b for a, b in vars(v).items() if a != "errors"}
                    for k, v in results.items()
                },
                indent=1,
            )
        )
    else:
        print(table(results))
    if args.errors:
        for key in (f"{n} {h}" for n in GOLD_FILES for h in ("train", "dev")):
            print(f"\n{key}:")
            print("\n".join(results[key].errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
