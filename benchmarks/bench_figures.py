"""Time figure extraction (``find_figures``) and grouping (``group_figures``) on large inputs.

A seeded generator writes two "outlets" reporting one story: article A is made of news-like
paragraphs (casualty counts, money, percentages, dates, durations, vague quantities, written-out
numbers, noise such as "G7" or "Boeing 737", and plain sentences without numbers); article B
rewrites each paragraph with the same facts in other words (digits <-> words, other qualifiers,
now and then a different value, so some groups conflict), drops a few and shuffles them locally.
The true paragraph pairs are passed to ``group_figures`` as the matches, as the aligner would.

Modes: ``news`` (default; about one figure per 30 words, 45 % of the paragraphs without numbers)
and ``dense`` (2-3 facts per paragraph, ~4 figures, the worst case).

Goal: at 2 x 5,000 paragraphs figures must cost <= 0.6 s (the whole ``compare`` has 5 s on two
cores), and 4x the input must cost <= 5x the time.  Times are the best of ``--repeat`` runs, CPU
time of this process (``time.process_time``), so that other load on the machine counts less;
wall time is printed too.

Usage::

    .venv/bin/python benchmarks/bench_figures.py                     # news, 1250 5000 20000
    .venv/bin/python benchmarks/bench_figures.py --mode dense
    .venv/bin/python benchmarks/bench_figures.py --sizes 5000 --repeat 5 --seed 3
"""

from __future__ import annotations

import argparse
import calendar
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from reader.core.figures import find_figures, group_figures
from reader.core.ingest.segment import split_sentences
from reader.core.model import Article, Match

PLACES = [
    "Gaza",
    "Aleppo",
    "Idlib",
    "Damascus",
    "Kyiv",
    "Kharkiv",
    "Khan Younis",
    "Rafah",
    "Homs",
    "Beirut",
    "Mosul",
    "Sanaa",
    "Goma",
    "Tigray",
    "Darfur",
    "Odesa",
    "Jenin",
    "Marib",
]
PEOPLE = [
    "the health ministry",
    "the United Nations",
    "local officials",
    "the army",
    "witnesses",
    "the Red Crescent",
    "the interior minister",
    "police",
    "a hospital director",
]
MONTHS = list(calendar.month_name)[1:]  # "January" .. "December" (C locale)
WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    15: "fifteen",
    20: "twenty",
    30: "thirty",
}
FILLER = (
    "The statement came as leaders met in the capital amid growing pressure from allies and "
    "rivals alike. Diplomats said talks would resume after the holiday, although neither side "
    "has signalled a change of position. Residents described scenes of confusion as roads were "
    "closed and power cut across several districts. Aid agencies warned that supplies were "
    "running low and called for safe passage for convoys. The government did not respond to a "
    "request for comment. Analysts said the escalation risked drawing in neighbouring states. "
    "Footage shared online showed smoke rising over the city centre. The G7 said it was following "
    "events closely, and a Boeing 737 was diverted to another airport."
).split(". ")

# Each fact: (template for outlet A, template for outlet B).  Slots: {n} {m} count, {nw} count
# as a word when small, {p} place, {src} source, {a} amount, {pc} percent, {t} duration,
# {d} day, {mon} month, {y} year, {k} thousands.
FACTS = [
    (
        "At least {n} people were killed and {m} injured in {p} on {mon} {d}, {src} said.",
        "{src_cap} said {nw} people died and more than {m} were wounded in {p} on {d} {mon}.",
    ),
    (
        "Strikes killed {n} civilians in {p}, according to {src}.",
        "The death toll in {p} rose to {n}, {src} said.",
    ),
    (
        "The government pledged ${a}bn in aid, roughly {pc} percent of its annual budget.",
        "Officials promised {a} billion dollars, about {pc}% of the budget.",
    ),
    (
        "Some {k}0,000 people remain displaced after {t} years of conflict in {p}.",
        "Tens of thousands of people have been displaced in {p} over {t} years.",
    ),
    (
        "Police arrested {n} people after protests in {p} on {mon} {d}, {y}.",
        "{nw_cap} protesters were detained in {p}, {src} said.",
    ),
    (
        "Hundreds of troops were deployed to {p} for {t} months.",
        "About {k}00 soldiers were sent to {p}, {src} said.",
    ),
    (
        "The reconstruction of {p} will cost about €{a}.{pc} million and take {t} months.",
        "Rebuilding {p} is expected to cost €{a}.{pc} million over {t} months.",
    ),
    (
        "Between {n} and {m} percent of voters backed the measure in a poll of {k},200 adults.",
        "A poll of {k},200 adults found up to {m}% support for the measure.",
    ),
    (
        "Dozens of families fled {p} overnight, {src} said.",
        "Several dozen families fled {p} during the night.",
    ),
    (
        "The ceasefire, agreed in {y}, lasted {t} days before fighting resumed near {p}.",
        "Fighting resumed near {p} after a truce of {t} days.",
    ),
]


def _fill(rng: random.Random, template: str, slots: dict[str, object]) -> str:
    return template.format(**slots)


def _slots(rng: random.Random) -> dict[str, object]:
    n = rng.choice([rng.randint(2, 30), rng.randint(2, 400)])
    src = rng.choice(PEOPLE)
    return {
        "n": n,
        "m": rng.randint(2, 250),
        "p": rng.choice(PLACES),
        "src": src,
        "src_cap": src[0].upper() + src[1:],
        "a": rng.randint(1, 40),
        "pc": rng.randint(1, 60),
        "t": rng.randint(2, 15),
        "d": rng.randint(1, 28),
        "mon": rng.choice(MONTHS),
        "y": rng.randint(2011, 2025),
        "k": rng.randint(1, 9),
        "nw": WORDS.get(n, n),
        "nw_cap": str(WORDS.get(n, n)).capitalize(),
    }


def _perturb(rng: random.Random, slots: dict[str, object]) -> dict[str, object]:
    """Outlet B sometimes reports another value (a real conflict) or a rounded one."""
    out = dict(slots)
    if rng.random() < 0.12:
        out["n"] = int(slots["n"]) + rng.randint(1, 9)
        out["nw"] = WORDS.get(out["n"], out["n"])
        out["nw_cap"] = str(out["nw"]).capitalize()
    if rng.random() < 0.08:
        out["m"] = int(slots["m"]) * 2
    return out


def make_pair(
    n_paragraphs: int, seed: int, mode: str = "news"
) -> tuple[list[Article], list[Match]]:
    """Two articles of ``n_paragraphs`` paragraphs each (about) and the true paragraph matches."""
    rng = random.Random(seed)
    left: list[str] = []
    right: list[tuple[int, str]] = []
    facts_per_par = (2, 3) if mode == "dense" else (0, 1)
    for i in range(n_paragraphs):
        k = rng.randint(*facts_per_par)
        a_parts: list[str] = []
        b_parts: list[str] = []
        for _ in range(k):
            fa, fb = rng.choice(FACTS)
            slots = _slots(rng)
            a_parts.append(_fill(rng, fa, slots))
            b_parts.append(_fill(rng, fb, _perturb(rng, slots)))
        n_filler = rng.randint(0, 2) if mode == "dense" else rng.randint(1, 4)
        for _ in range(n_filler):
            f = rng.choice(FILLER).rstrip(".") + "."
            a_parts.insert(rng.randint(0, len(a_parts)), f)
            if rng.random() < 0.7:
                b_parts.insert(rng.randint(0, len(b_parts)), f)
        left.append(" ".join(a_parts))
        if rng.random() < 0.93:  # some paragraphs are dropped by the other outlet
            right.append((i, " ".join(b_parts) or rng.choice(FILLER) + "."))
    # local reordering: swap neighbours now and then
    for j in range(len(right) - 1):
        if rng.random() < 0.1:
            right[j], right[j + 1] = right[j + 1], right[j]
    art_a = _article("A", left)
    art_b = _article("B", [t for _, t in right])
    matches = [Match((0, src), (1, j), 0.6) for j, (src, _) in enumerate(right)]
    return [art_a, art_b], matches


def _article(name: str, texts: list[str]) -> Article:
    """Build the article as ingest does, sentence ranges included: ``compare`` and the reader
    segment once at ingest, so timing figures with the ranges missing charged them twice."""
    return Article.from_texts(name, name, texts, sentences=split_sentences)


def _best(fn, repeat: int) -> tuple[float, float, object]:
    cpu_best = wall_best = float("inf")
    result = None
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        cpu_best = min(cpu_best, time.process_time() - c0)
        wall_best = min(wall_best, time.perf_counter() - w0)
    return cpu_best, wall_best, result


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--sizes", type=int, nargs="+", default=[1250, 5000, 20000], help="paragraphs per article"
    )
    ap.add_argument("--mode", choices=["news", "dense"], default="news")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    rows = []
    for n in args.sizes:
        arts, matches = make_pair(n, args.seed, args.mode)
        mb = sum(len(a.text) for a in arts) / 1e6
        ext_cpu, ext_wall, figs = _best(lambda arts=arts: find_figures(arts), args.repeat)
        grp_cpu, grp_wall, groups = _best(
            lambda figs=figs, arts=arts, matches=matches: group_figures(figs, arts, matches),
            args.repeat,
        )
        conflicts = sum(g.status == "conflict" for g in groups)
        rows.append(
            (
                n,
                mb,
                len(figs),
                len(groups),
                conflicts,
                ext_cpu,
                grp_cpu,
                ext_cpu + grp_cpu,
                ext_wall + grp_wall,
            )
        )

    print(f"mode `{args.mode}`, seed {args.seed}, best of {args.repeat} (CPU s)\n")
    print(
        "| paragraphs | MB | figures | groups | conflicts | extract s | group s | total s "
        "| wall s | total / previous |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    prev = None
    for n, mb, nf, ng, nc, ext, grp, tot, wall in rows:
        ratio = f"{tot / prev:.2f}x" if prev else ""
        print(
            f"| 2 x {n:,} | {mb:.2f} | {nf:,} | {ng:,} | {nc:,} | {ext:.3f} | {grp:.3f} "
            f"| {tot:.3f} | {wall:.3f} | {ratio} |"
        )
        prev = tot


if __name__ == "__main__":
    main()
