"""Score the paragraph matcher on real news: hand-aligned pairs of ECB+ articles by different outlets.

Gold files (format in ``../shared/data/alignment/README.md``) list, per article pair, the 0-based
*line* numbers of ``ecbplus/docs/<cluster>/<doc>.txt`` that are ``strong``ly or ``partial``ly
aligned, and the lines with no partner (``unmatched_x`` / ``unmatched_y``).

Each document becomes an article the way a user would hand it to the tool: its lines written as
paragraphs separated by blank lines (the URL on line 0 of ``*ecbplus`` documents is not article
text and is dropped), read by the real ingest (so a short first line becomes the headline
paragraph) and matched by the real matcher.  The tool's paragraphs are mapped back to the file's
lines **by text**, never by position.

Metrics, micro-averaged over the pairs of a set:

* **link precision**: predicted links that are gold strong or partial;
* **strong recall**: gold strong links that are predicted;
* **top-1**: for each line with a strong partner, is its best-scored predicted partner a gold
  (strong or partial) one?  No prediction counts as a miss;
* **unmatched kept apart**: gold-unmatched lines that the tool leaves unmatched too.

Reports: the whole set; two halves (every setting of :class:`~reader.core.matching.matcher.Settings`
chosen by a small grid on one half, reported on the other, then swapped); and how the result moves
when each setting is set to 80% / 120% of its value.  Extra gold files (``--extra``, e.g. the
held-out ``benchmarks/gold/align_extra.json`` and ``align_extra2.json`` / ``align_extra3.json``) are reported with the default settings; ``--swap``
also chooses the settings on dev and reports them on each extra set, then the reverse, so that a
choice is kept only when it holds in both directions.

``--context K...`` analyses each gold pair (x, y) the way a story of several outlets is analysed:
together with K other documents of its ECB+ cluster (fewer when the cluster has fewer; listed),
chosen and ordered with ``--seed``, with x and y first, last, and shuffled among the others
(:data:`ORDERS`), by the analysis ``compare`` runs (:func:`~reader.core.matching.joint.align_story`).
The x-y links are scored with the same four metrics from (a) the ``matches`` between x and y
(also for each half of the pairs, "matches A" / "matches B", as :func:`halves` splits them) and
(b) the x-y paragraph pairs that are members of one fact.

Usage::

    .venv/bin/python benchmarks/eval_real_alignment.py                  # whole set + extra sets
    .venv/bin/python benchmarks/eval_real_alignment.py --halves --sensitivity
    .venv/bin/python benchmarks/eval_real_alignment.py --swap          # dev <-> held-out
    .venv/bin/python benchmarks/eval_real_alignment.py --errors         # list wrong links
    .venv/bin/python benchmarks/eval_real_alignment.py --breakdown --merge  # links by cue, top-1
    .venv/bin/python benchmarks/eval_real_alignment.py --context 0 3 6 10  # several outlets
    .venv/bin/python benchmarks/eval_real_alignment.py --intervals      # how wide the noise is
    .venv/bin/python benchmarks/eval_real_alignment.py --data /path/to/shared/data

The data directory (holding ``alignment/`` and ``ecbplus/``) defaults to the first
``shared/data`` found next to the repository or one of its parents; when it is absent the script
prints one line and exits 0 (nothing to score), so CI without the data stays green.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from reader.core.ingest import article_from_text, collapse_whitespace, sanitize
from reader.core.matching.facts import build_facts
from reader.core.matching.joint import align_story
from reader.core.matching.matcher import Settings, align
from reader.core.model import Article, Match, ParagraphRef

DEV_GOLD = "alignment/ecb_dev_align.json"
EXTRA_GOLD = REPO / "benchmarks" / "gold" / "align_extra.json"
EXTRA_GOLDS = (
    EXTRA_GOLD,
    EXTRA_GOLD.with_stem("align_extra2"),
    EXTRA_GOLD.with_stem("align_extra3"),
)
"""The held-out gold sets made for this project, in the order they were made (twelve pairs each,
every pair from a cluster no other set uses).  ``align_extra2`` and ``align_extra3`` were
annotated at stop 21; the third was scored only after the round's choices were made."""

Link = tuple[int, int]
"""(line in x, line in y)."""


def find_data_dir(explicit: str | Path | None = None) -> Path | None:
    """The shared data directory: ``explicit`` if given, else ``shared/data`` beside the repository
    or one of its parents (``../shared/data`` from a checkout in ``/work/main``).  None when absent."""
    if explicit is not None:
        path = Path(explicit)
        return path if (path / DEV_GOLD).is_file() else None
    for parent in REPO.parents:
        candidate = parent / "shared" / "data"
        if (candidate / DEV_GOLD).is_file():
            return candidate
    return None


# --------------------------------------------------------------------------------------- loading


@dataclass
class Pair:
    """One gold pair, its two articles and the map from paragraph index to file line."""

    name: str
    articles: list[Article]
    lines: list[dict[int, int]]
    """Per side: paragraph index -> file line."""
    texts: list[list[str]]
    """Per side: file lines as read (for error listings)."""
    strong: set[Link]
    partial: set[Link]
    unmatched: list[set[int]]
    cluster: str = ""
    """ECB+ cluster folder of the two documents (for ``--context``)."""
    docs: tuple[str, ...] = ()
    """The two documents' names (x, y)."""


def _read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def build_article(
    lines: list[str], source: str, *, skip_first: bool
) -> tuple[Article, dict[int, int]]:
    """The article a user would get from this document, and paragraph -> line by text.

    Lines are written as blank-line separated paragraphs and read by the real ingest.  Each
    paragraph is then found among the file lines by its text (in order, so repeated lines map to
    successive occurrences); a paragraph whose text is no file line maps nowhere.
    """
    first = 1 if skip_first else 0
    body = [ln for ln in lines[first:] if ln.strip()]
    article = article_from_text("\n\n".join(body), source, fmt="txt")
    by_text: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if i >= first and line.strip():
            by_text.setdefault(collapse_whitespace(sanitize(line)), []).append(i)
    mapping: dict[int, int] = {}
    for p in article.paragraphs:
        options = by_text.get(p.text)
        if options:
            mapping[p.index] = options.pop(0)
    return article, mapping


def load_pairs(gold_path: Path, docs_dir: Path) -> list[Pair]:
    """All pairs of a gold file, with their articles built from ``docs_dir``."""
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    out = []
    for g in data["pairs"]:
        arts, maps, texts = [], [], []
        for doc in (g["x"], g["y"]):
            lines = _read_lines(docs_dir / g["cluster"] / f"{doc}.txt")
            art, mapping = build_article(lines, f"{doc}.txt", skip_first=doc.endswith("ecbplus"))
            arts.append(art)
            maps.append(mapping)
            texts.append(lines)
        out.append(
            Pair(
                name=f"{g['x']}-{g['y']}",
                articles=arts,
                lines=maps,
                texts=texts,
                strong={tuple(link) for link in g["strong"]},
                partial={tuple(link) for link in g["partial"]},
                unmatched=[set(g["unmatched_x"]), set(g["unmatched_y"])],
                cluster=g["cluster"],
                docs=(g["x"], g["y"]),
            )
        )
    return out


def merge_lines(pair: Pair, size: int) -> Pair:
    """The same pair as multi-sentence paragraphs: the first line (the headline) alone, then the
    body lines in consecutive groups of ``size``, each group one paragraph of ``size`` sentences.

    A proxy for long articles with real paragraphs, made from the same gold: two groups are
    linked strongly when any of their lines are, partially when only partial links join them;
    a group is unmatched when every one of its lines is gold-unmatched.  Groups take the place of
    lines in the metrics (the gold is only coarser, not different).
    """
    articles: list[Article] = []
    maps: list[dict[int, int]] = []
    texts: list[list[str]] = []
    group_of: list[dict[int, int]] = []
    for side in (0, 1):
        numbered = [
            (i, ln) for i, ln in enumerate(pair.texts[side]) if i in pair.lines[side].values()
        ]
        groups = [numbered[:1]] + [numbered[k : k + size] for k in range(1, len(numbered), size)]
        groups = [g for g in groups if g]
        paragraphs = [" ".join(collapse_whitespace(sanitize(ln)) for _i, ln in g) for g in groups]
        art = article_from_text("\n\n".join(paragraphs), pair.articles[side].source, fmt="txt")
        by_text: dict[str, list[int]] = {}
        for gi, text in enumerate(paragraphs):
            by_text.setdefault(collapse_whitespace(sanitize(text)), []).append(gi)
        mapping = {}
        for p in art.paragraphs:
            options = by_text.get(p.text)
            if options:
                mapping[p.index] = options.pop(0)
        articles.append(art)
        maps.append(mapping)
        texts.append(paragraphs)
        group_of.append({i: gi for gi, g in enumerate(groups) for i, _ln in g})
    strong = {
        (group_of[0][a], group_of[1][b])
        for a, b in pair.strong
        if a in group_of[0] and b in group_of[1]
    }
    partial = {
        (group_of[0][a], group_of[1][b])
        for a, b in pair.partial
        if a in group_of[0] and b in group_of[1]
    } - strong
    unmatched = []
    for side in (0, 1):
        lines_of: dict[int, set[int]] = {}
        for line, gi in group_of[side].items():
            lines_of.setdefault(gi, set()).add(line)
        unmatched.append({gi for gi, lines in lines_of.items() if lines <= pair.unmatched[side]})
    return Pair(f"{pair.name}/x{size}", articles, maps, texts, strong, partial, unmatched)


# --------------------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Raw counts behind the four metrics; add them to micro-average over pairs."""

    predicted: int = 0
    predicted_gold: int = 0
    strong: int = 0
    strong_found: int = 0
    top1_total: int = 0
    top1_correct: int = 0
    unmatched: int = 0
    unmatched_kept: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            *(
                a + b
                for a, b in zip(dataclasses.astuple(self), dataclasses.astuple(other), strict=True)
            )
        )

    def metrics(self) -> dict[str, float]:
        def ratio(num: int, den: int) -> float:
            return num / den if den else 1.0

        return {
            "precision": ratio(self.predicted_gold, self.predicted),
            "strong_recall": ratio(self.strong_found, self.strong),
            "top1": ratio(self.top1_correct, self.top1_total),
            "unmatched_kept": ratio(self.unmatched_kept, self.unmatched),
        }


@dataclass
class PairResult:
    pair: Pair
    links: dict[Link, Match]
    counts: Counts
    wrong: list[Link] = field(default_factory=list)
    missed: list[Link] = field(default_factory=list)


def predicted_links(pair: Pair, matches: Iterable[Match]) -> dict[Link, Match]:
    """The matches as (line x, line y) links; matches of unmapped paragraphs are dropped."""
    out: dict[Link, Match] = {}
    for m in matches:
        lx = pair.lines[0].get(m.left[1])
        ly = pair.lines[1].get(m.right[1])
        if lx is not None and ly is not None:
            out[(lx, ly)] = m
    return out


def count_links(pair: Pair, scores: dict[Link, float]) -> Counts:
    """The four metrics' counts for predicted links ``(line x, line y) -> score``."""
    gold = pair.strong | pair.partial
    c = Counts()
    c.predicted = len(scores)
    c.predicted_gold = sum(1 for link in scores if link in gold)
    c.strong = len(pair.strong)
    c.strong_found = sum(1 for link in pair.strong if link in scores)
    # top-1, per side: lines with a strong partner; best predicted partner (ties: lower line).
    for side in (0, 1):
        wanted = {link[side] for link in pair.strong}
        best: dict[int, tuple[float, int, Link]] = {}
        for link, score in scores.items():
            line, other = link[side], link[1 - side]
            cand = (score, -other, link)
            if line not in best or cand[:2] > best[line][:2]:
                best[line] = cand
        c.top1_total += len(wanted)
        c.top1_correct += sum(1 for line in wanted if line in best and best[line][2] in gold)
        linked = {link[side] for link in scores}
        c.unmatched += len(pair.unmatched[side])
        c.unmatched_kept += sum(1 for line in pair.unmatched[side] if line not in linked)
    return c


def score_pair(pair: Pair, settings: Settings | None = None) -> PairResult:
    """Match one pair with ``settings`` and count the four metrics."""
    links = predicted_links(pair, align(pair.articles, settings=settings))
    gold = pair.strong | pair.partial
    c = count_links(pair, {link: m.score for link, m in links.items()})
    return PairResult(
        pair,
        links,
        c,
        wrong=sorted(link for link in links if link not in gold),
        missed=sorted(pair.strong - set(links)),
    )


def score_set(
    pairs: Sequence[Pair], settings: Settings | None = None
) -> tuple[Counts, list[PairResult]]:
    results = [score_pair(p, settings) for p in pairs]
    total = Counts()
    for r in results:
        total = total + r.counts
    return total, results


def bootstrap_intervals(
    per_pair: Sequence[Counts], draws: int = 2000, level: float = 0.9, seed: int = 1
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap interval of each metric: the pairs are drawn with replacement (a
    story's links are not independent of each other, its pairs are), ``draws`` times.

    Twelve pairs make wide intervals; a difference between two matchers that stays inside them
    is not evidence of a gain (BENCHMARKS.md, ninth round)."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    for _ in range(draws):
        total = Counts()
        for c in rng.choices(per_pair, k=len(per_pair)):
            total = total + c
        for name, value in total.metrics().items():
            samples.setdefault(name, []).append(value)
    tail = (1 - level) / 2
    out = {}
    for name, values in samples.items():
        values.sort()
        out[name] = (values[int(tail * (draws - 1))], values[int((1 - tail) * (draws - 1))])
    return out


def report_intervals(sets: Sequence[tuple[str, Sequence[PairResult]]]) -> list[str]:
    lines = [
        "",
        "90% intervals (bootstrap over pairs, 2,000 draws, seed 1):",
        "",
        *HEADER,
    ]
    for name, results in sets:
        ci = bootstrap_intervals([r.counts for r in results])
        cells = " | ".join(f"{lo:.2f}-{hi:.2f}" for lo, hi in ci.values())
        lines.append(f"| {name} | {len(results)} | {cells} |")
    return lines


# --------------------------------------------------------------------------------------- context

ORDERS = ("first", "last", "mixed")
"""Where x and y stand among the story's articles: first (x, y, others), last (others, x, y),
mixed (all shuffled, seeded)."""


def context_articles(pair: Pair, docs_dir: Path, k: int, seed: int) -> list[Article]:
    """Up to ``k`` other documents of the pair's ECB+ cluster, as articles.

    The cluster's other documents are shuffled once per pair (seeded) and the first ``k`` taken,
    so the context of a smaller ``k`` is part of that of a larger one.
    """
    folder = docs_dir / pair.cluster
    names = sorted(f.stem for f in folder.glob("*.txt") if f.stem not in pair.docs)
    random.Random(f"{seed}:{pair.name}").shuffle(names)
    out = []
    for name in names[:k]:
        lines = _read_lines(folder / f"{name}.txt")
        out.append(build_article(lines, f"{name}.txt", skip_first=name.endswith("ecbplus"))[0])
    return out


def ordered(
    pair: Pair, others: list[Article], order: str, seed: int
) -> tuple[list[Article], int, int]:
    """The story's articles in ``order`` and the positions of x and y in it."""
    x, y = pair.articles
    if order == "first":
        arts = [x, y, *others]
    elif order == "last":
        arts = [*others, x, y]
    else:
        arts = [x, y, *others]
        random.Random(f"{seed}:{pair.name}:{len(others)}").shuffle(arts)
    return (
        arts,
        next(i for i, a in enumerate(arts) if a is x),
        next(i for i, a in enumerate(arts) if a is y),
    )


def context_links(
    pair: Pair, articles: list[Article], ix: int, iy: int
) -> tuple[dict[Link, float], dict[Link, float]]:
    """The x-y links of one many-article analysis, as ``(line x, line y) -> score``: (a) the
    ``matches`` between x and y, as ``compare`` writes them; (b) pairs of x and y paragraphs that
    are members of one fact, built as ``compare`` builds them (scored by their direct match,
    else by the fact's strength)."""
    matches, fact_links = align_story(articles)

    def line_link(a: ParagraphRef, b: ParagraphRef) -> Link | None:
        px, py = (a, b) if a[0] == ix else (b, a)
        lx, ly = pair.lines[0].get(px[1]), pair.lines[1].get(py[1])
        return None if lx is None or ly is None else (lx, ly)

    direct: dict[Link, float] = {}
    for m in matches:
        if {m.left[0], m.right[0]} == {ix, iy}:
            link = line_link(m.left, m.right)
            if link is not None:
                direct[link] = max(m.score, direct.get(link, 0.0))
    together: dict[Link, float] = {}
    for fact in build_facts(articles, fact_links):
        xs = [r for r in fact.members if r[0] == ix]
        ys = [r for r in fact.members if r[0] == iy]
        for a in xs:
            for b in ys:
                link = line_link(a, b)
                if link is not None:
                    score = direct.get(link, fact.strength)
                    together[link] = max(score, together.get(link, 0.0))
    return direct, together


def score_context(
    pairs: Sequence[Pair], docs_dir: Path, k: int, seed: int
) -> tuple[dict[str, Counts], list[int]]:
    """Counts of the x-y links of every pair analysed with ``k`` other articles of its cluster,
    in each of :data:`ORDERS` (one order when ``k`` is 0), by view ("matches", "facts", and the
    matches of each of the two :func:`halves`: "matches A", "matches B"); and the number of
    articles each pair was analysed with."""
    views = {"matches": Counts(), "facts": Counts(), "matches A": Counts(), "matches B": Counts()}
    sizes = []
    for n, pair in enumerate(pairs):
        others = context_articles(pair, docs_dir, k, seed)
        sizes.append(2 + len(others))
        half = "matches A" if n % 2 == 0 else "matches B"
        for order in ORDERS if k else ORDERS[:1]:
            arts, ix, iy = ordered(pair, others, order, seed)
            direct, together = context_links(pair, arts, ix, iy)
            counted = count_links(pair, direct)
            views["matches"] = views["matches"] + counted
            views[half] = views[half] + counted
            views["facts"] = views["facts"] + count_links(pair, together)
    return views, sizes


def report_context(
    sets: Sequence[tuple[str, Sequence[Pair]]], docs_dir: Path, ks: Sequence[int], seed: int
) -> list[str]:
    """Each gold pair analysed with K other articles of its cluster, in each of :data:`ORDERS`;
    the x-y links scored from ``matches`` and from facts, micro-averaged over pairs and orders."""
    lines = [
        "",
        f"Context (each pair with K other articles of its ECB+ cluster, seed {seed}; orders "
        f"{', '.join(ORDERS)}; counts summed over the orders):",
        "",
        "| set | K | articles (mean) | x-y from | link precision | strong recall | top-1 | unmatched kept apart | mean |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    short: list[str] = []
    for name, pairs in sets:
        for k in ks:
            views, sizes = score_context(pairs, docs_dir, k, seed)
            short += [
                f"{pair.name} (K={k}: {n - 2})"
                for pair, n in zip(pairs, sizes, strict=True)
                if n - 2 < k
            ]
            mean = sum(sizes) / len(sizes)
            for view, counts in views.items():
                lines.append(
                    f"| {name} | {k} | {mean:.1f} | {view} | {_cells(counts)} "
                    f"| {objective(counts):.3f} |"
                )
    if short:
        lines += [
            "",
            "Clusters with fewer other documents than K: " + ", ".join(sorted(set(short))),
        ]
    return lines


# --------------------------------------------------------------------------------------- tuning

# The grid each tunable setting is searched over when choosing settings on one half: the default
# and +-20% / +-40% of it.  Small on purpose: the point is to see whether a half prefers other
# values, not to fit the dev data.
_STEPS = (0.6, 0.8, 1.0, 1.2, 1.4)


def objective(counts: Counts) -> float:
    """One number to choose settings by: the mean of the four metrics."""
    m = counts.metrics()
    return sum(m.values()) / len(m)


def tune(pairs: Sequence[Pair], base: Settings | None = None) -> Settings:
    """Grid over :data:`Settings.TUNABLE` (each at :data:`_STEPS` of its default) on ``pairs``;
    the best mean of the four metrics wins, ties going to the default values."""
    base = base or Settings()
    names = list(Settings.TUNABLE)
    grids = [[getattr(base, n) * s for s in _STEPS] for n in names]
    best: tuple[float, float, Settings] | None = None
    for values in itertools.product(*grids):
        s = dataclasses.replace(base, **dict(zip(names, values, strict=True)))
        score = objective(score_set(pairs, s)[0])
        # tie-break: closest to the defaults (sum of |log step|)
        distance = -sum(abs(v / getattr(base, n) - 1) for n, v in zip(names, values, strict=True))
        if best is None or (score, distance) > best[:2]:
            best = (score, distance, s)
    assert best is not None
    return best[2]


def halves(pairs: Sequence[Pair]) -> tuple[list[Pair], list[Pair]]:
    """Alternate pairs in file order: two halves of 6 pairs each on the dev set."""
    return list(pairs[0::2]), list(pairs[1::2])


# --------------------------------------------------------------------------------------- output


def _cells(counts: Counts) -> str:
    m = counts.metrics()
    return (
        f"{m['precision']:.3f} ({counts.predicted_gold}/{counts.predicted}) | "
        f"{m['strong_recall']:.3f} ({counts.strong_found}/{counts.strong}) | "
        f"{m['top1']:.3f} ({counts.top1_correct}/{counts.top1_total}) | "
        f"{m['unmatched_kept']:.3f} ({counts.unmatched_kept}/{counts.unmatched})"
    )


def _row(name: str, counts: Counts, n_pairs: int) -> str:
    return f"| {name} | {n_pairs} | {_cells(counts)} |"


HEADER = [
    "| set | pairs | link precision | strong recall | top-1 | unmatched kept apart |",
    "|---|---:|---:|---:|---:|---:|",
]


def _settings_text(s: Settings) -> str:
    return ", ".join(f"{n}={getattr(s, n):.3g}" for n in Settings.TUNABLE)


def report_halves(pairs: Sequence[Pair]) -> list[str]:
    a, b = halves(pairs)
    lines = [
        "",
        "Halves (settings chosen on one half by a grid of 0.6-1.4x each default, reported on the other):",
        "",
        *HEADER,
    ]
    for tune_name, tune_on, test_name, test_on in (("A", a, "B", b), ("B", b, "A", a)):
        chosen = tune(tune_on)
        lines.append(_row(f"{test_name}, defaults", score_set(test_on)[0], len(test_on)))
        lines.append(
            _row(
                f"{test_name}, tuned on {tune_name} ({_settings_text(chosen)})",
                score_set(test_on, chosen)[0],
                len(test_on),
            )
        )
        lines.append(
            _row(
                f"{tune_name} itself, tuned on {tune_name}",
                score_set(tune_on, chosen)[0],
                len(tune_on),
            )
        )
    return lines


def report_swap(dev: Sequence[Pair], extra: Sequence[Pair], extra_name: str) -> list[str]:
    """Choose the settings on one set and report them on the other, both ways: a setting that
    only helps where it was chosen is not a gain."""
    lines = [
        "",
        "Swap (settings chosen by the grid on one set, reported on the other):",
        "",
        *HEADER,
    ]
    for tune_name, tune_on, test_name, test_on in (
        ("dev", dev, extra_name, extra),
        (extra_name, extra, "dev", dev),
    ):
        chosen = tune(tune_on)
        lines.append(_row(f"{test_name}, defaults", score_set(test_on)[0], len(test_on)))
        lines.append(
            _row(
                f"{test_name}, chosen on {tune_name} ({_settings_text(chosen)})",
                score_set(test_on, chosen)[0],
                len(test_on),
            )
        )
    return lines


def report_merged(
    dev: Sequence[Pair], extra_files: Sequence[Path], docs: Path, sizes: Sequence[int]
) -> list[str]:
    """Every set again as multi-sentence paragraphs (:func:`merge_lines`), default settings."""
    lines = [
        "",
        "Merged (the same gold as paragraphs of N consecutive lines; the headline alone):",
        "",
        *HEADER,
    ]
    sets = [("dev (ecb_dev_align)", list(dev))] + [
        (f.name, load_pairs(f, docs)) for f in extra_files
    ]
    for size in sizes:
        for name, pairs in sets:
            merged = [merge_lines(p, size) for p in pairs]
            lines.append(
                _row(f"{name}, {size} lines a paragraph", score_set(merged)[0], len(merged))
            )
    return lines


def report_sensitivity(pairs: Sequence[Pair]) -> list[str]:
    base = Settings()
    lines = [
        "",
        "Sensitivity (whole set, one setting at a time):",
        "",
        "| setting | value | link precision | strong recall | top-1 | unmatched kept apart |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name in Settings.TUNABLE:
        for step in (0.8, 1.0, 1.2):
            value = getattr(base, name) * step
            m = score_set(pairs, dataclasses.replace(base, **{name: value}))[0].metrics()
            lines.append(
                f"| {name} x{step:.1f} | {value:.3g} | {m['precision']:.3f} | "
                f"{m['strong_recall']:.3f} | {m['top1']:.3f} | {m['unmatched_kept']:.3f} |"
            )
    return lines


# --------------------------------------------------------------------------------------- breakdown

CUES = ("clear", "best", "lede", "diagonal")
"""Rows of the breakdown: the evidence tier or supporting cue of a predicted link."""
TOP1_KINDS = ("right", "none predicted", "outranked", "only wrong partners")
"""What a line with a gold strong partner gets as its best-scored predicted partner: a gold one;
nothing; a wrong one scoring above a gold one that is predicted too; only wrong ones."""


def link_label(pair: Pair, link: Link) -> str:
    """The gold label of a predicted link: strong, partial or wrong."""
    if link in pair.strong:
        return "strong"
    return "partial" if link in pair.partial else "wrong"


def breakdown(results: Sequence[PairResult]) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    """Counts behind the metrics that say *where* a set's errors come from, without showing any
    text (so they can be printed for held-out sets too): predicted links by cue and gold label,
    and the top-1 outcome of every line that has a strong partner (:data:`TOP1_KINDS`)."""
    cues: Counter[tuple[str, str]] = Counter()
    top1: Counter[str] = Counter()
    for r in results:
        pair = r.pair
        gold = pair.strong | pair.partial
        for link, m in r.links.items():
            cues[(m.cue or "clear", link_label(pair, link))] += 1
        for side in (0, 1):
            for line in sorted({link[side] for link in pair.strong}):
                mine = [
                    (m.score, -link[1 - side], link)
                    for link, m in r.links.items()
                    if link[side] == line
                ]
                if not mine:
                    top1["none predicted"] += 1
                elif max(mine)[2] in gold:
                    top1["right"] += 1
                elif any(link in gold for _s, _o, link in mine):
                    top1["outranked"] += 1
                else:
                    top1["only wrong partners"] += 1
    return cues, top1


def report_breakdown(sets: Sequence[tuple[str, Sequence[Pair]]]) -> list[str]:
    """The :func:`breakdown` tables of each named set, default settings."""
    lines = [
        "",
        "Predicted links by cue (strong / partial / wrong) and top-1 outcomes:",
        "",
        "| set | " + " | ".join(CUES) + " | " + " | ".join(TOP1_KINDS) + " |",
        "|---|" + "---:|" * (len(CUES) + len(TOP1_KINDS)),
    ]
    for name, pairs in sets:
        cues, top1 = breakdown(score_set(pairs)[1])
        cells = [
            " / ".join(str(cues[(cue, label)]) for label in ("strong", "partial", "wrong"))
            for cue in CUES
        ]
        cells += [str(top1[kind]) for kind in TOP1_KINDS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _line(pair: Pair, side: int, line: int, width: int = 90) -> str:
    text = pair.texts[side][line]
    return f"{'xy'[side]}{line}: {text[:width]}"


def report_errors(results: Sequence[PairResult]) -> list[str]:
    lines = []
    for r in results:
        p = r.pair
        lines += ["", f"### {p.name}"]
        for link in r.wrong:
            m = r.links[link]
            lines.append(f"- WRONG ({m.score:.2f} {m.evidence}/{m.cue}) {_line(p, 0, link[0])}")
            lines.append(f"    <-> {_line(p, 1, link[1])}")
            lines.append(
                f"    names={list(m.names)} words={list(m.words)} numbers={list(m.numbers)}"
            )
        for link in r.missed:
            lines.append(f"- MISSED {_line(p, 0, link[0])}")
            lines.append(f"    <-> {_line(p, 1, link[1])}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", help="shared data directory holding alignment/ and ecbplus/")
    parser.add_argument(
        "--extra",
        nargs="*",
        default=None,
        help="held-out gold files scored with default settings (default: "
        + ", ".join(f.name for f in EXTRA_GOLDS)
        + ", those present)",
    )
    parser.add_argument(
        "--halves", action="store_true", help="tune on one half, report on the other"
    )
    parser.add_argument(
        "--swap",
        action="store_true",
        help="choose settings on dev, report on the held-out set, and the reverse",
    )
    parser.add_argument("--sensitivity", action="store_true", help="each setting at 80%% and 120%%")
    parser.add_argument(
        "--errors", action="store_true", help="list wrong and missed links of the dev set"
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="count predicted links by cue and label, and top-1 outcomes (every set; no text)",
    )
    parser.add_argument(
        "--merge",
        type=int,
        nargs="*",
        default=None,
        metavar="N",
        help="also score each set as multi-sentence paragraphs of N lines (default 2 3)",
    )
    parser.add_argument(
        "--context",
        type=int,
        nargs="*",
        default=None,
        metavar="K",
        help="also analyse each pair with K other articles of its cluster (default 0 3 6 10)",
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of --context's choice and order")
    parser.add_argument(
        "--intervals",
        action="store_true",
        help="90%% bootstrap intervals of each set's metrics (pairs resampled)",
    )
    parser.add_argument("--json", action="store_true", help="print the whole-set metrics as JSON")
    args = parser.parse_args(argv)

    data = find_data_dir(args.data)
    if data is None:
        print(
            "eval_real_alignment: no shared data directory with alignment/ecb_dev_align.json; nothing to score"
        )
        return 0
    docs = data / "ecbplus" / "docs"
    dev = load_pairs(data / DEV_GOLD, docs)
    extra_files = (
        [Path(p) for p in args.extra]
        if args.extra is not None
        else [f for f in EXTRA_GOLDS if f.is_file()]
    )
    total, results = score_set(dev)
    if args.json:
        out = {"dev": total.metrics()}
        for f in extra_files:
            out[f.stem] = score_set(load_pairs(f, docs))[0].metrics()
        print(json.dumps(out, indent=2))
        return 0
    lines = [
        f"Default settings: {_settings_text(Settings())}",
        "",
        *HEADER,
        _row("dev (ecb_dev_align)", total, len(dev)),
    ]
    held_out: list[tuple[str, list[PairResult]]] = []
    for f in extra_files:
        extra_total, extra_results = score_set(load_pairs(f, docs))
        held_out.append((f"held out: {f.name}", extra_results))
        lines.append(_row(f"held out: {f.name}", extra_total, len(extra_results)))
    if len(held_out) > 1:
        pooled = [r for _name, results in held_out for r in results]
        pooled_total = sum((r.counts for r in pooled), Counts())
        lines.append(_row("all held-out sets", pooled_total, len(pooled)))
        held_out.append(("all held-out sets", pooled))
    if args.intervals:
        lines += report_intervals([("dev (ecb_dev_align)", results), *held_out])
    if args.merge is not None:
        lines += report_merged(dev, extra_files, docs, args.merge or [2, 3])
    if args.breakdown:
        whole = [("dev", list(dev))] + [(f.stem, load_pairs(f, docs)) for f in extra_files]
        named = whole + [
            (f"{n} x{size}", [merge_lines(p, size) for p in ps])
            for size in ((args.merge or [2, 3]) if args.merge is not None else [])
            for n, ps in whole
        ]
        lines += report_breakdown(named)
    if args.context is not None:
        sets = [("dev", dev)] + [(f.stem, load_pairs(f, docs)) for f in extra_files]
        lines += report_context(sets, docs, args.context or [0, 3, 6, 10], args.seed)
    if args.halves:
        lines += report_halves(dev)
    if args.swap:
        for f in extra_files:
            lines += report_swap(dev, load_pairs(f, docs), f.name)
    if args.sensitivity:
        lines += report_sensitivity(dev)
    if args.errors:
        lines += report_errors(results)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
