"""Seventh-round trial (issue 8): a small learned link decision instead of the hand-set two tiers.

The matcher's selection (``matcher._select``) keeps a scored candidate pair when its score clears
``clear``, or when it clears ``weak`` (or the positional floor) *and* a second cue agrees (best
partner, headline/lede, diagonal, sentence best).  This script replaces that rule by a logistic
regression over features the matcher already has for each candidate (:func:`features`), fitted
in plain Python (Newton / IRLS with a small L2 penalty, :func:`fit`), and measures it under the
protocol of the brief:

* cross-set: fitted on dev, reported on align_extra; fitted on align_extra, reported on dev;
* halves: fitted on one half of a set's pairs (alternate pairs, as ``--halves``), reported on
  the other half, and swapped -- for each set;

always against the current rule on the same pairs.  The decision threshold is chosen on the
training pairs too (the mean of the four metrics, a grid of 0.30-0.70).

How the rule is plugged in: ``matcher._select`` is replaced by :func:`learned_select` (the
paragraph level and the sentence pass both call it; the sentence pass is given its own
vocabulary so the features are defined there too), so the real ``align`` runs end to end and
the benchmark's own scoring (:func:`eval_real_alignment.score_set`) counts the metrics.  Each
kept pair gets a cue as the shipped rule would: ``None`` (clear) when its probability is at
least :data:`CLEAR_PROB`, else the positional or best cue that raised its logit most; the
sentence pass lifts only clear and positional links, as it does today.

Usage::

    .venv/bin/python benchmarks/trials7/learned.py            # cross-set and halves tables
    .venv/bin/python benchmarks/trials7/learned.py --merged   # also train/test on x2 views
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import eval_real_alignment as ev  # noqa: E402
from eval_alignment import evaluate_all  # noqa: E402

from reader.core.matching import matcher as mt  # noqa: E402

RAW_FEATURES = (
    "score",
    "mutual_best",
    "one_best",
    "rel_best",
    "lede",
    "diagonal",
    "name_share",
    "number",
    "anchors",
    "pos_gap",
    "sentence_best",
)
"""First family ("raw"), per candidate pair (i, j), all in [0, 1]: its raw score; best partner
of both paragraphs; of exactly one; score / the better of its two paragraphs' best;
headline/lede block; a diagonal neighbour (i +- 1, j +- 1) that is itself a best pair from
``weak`` or clear; share of the shared weight that is names; a shared number; anchors (terms no
other paragraph uses) / 4, capped; |relative position difference|; the sentence-best cue
(multi-sentence paragraphs only).  A linear model of these cannot express the hand rule's
conjunctions ("best partner *and* above ``weak`` *and* within 0.6 of the other's best")."""

RULE_FEATURES = (
    "score",
    "rule_clear",
    "rule_best",
    "rule_lede",
    "rule_diagonal",
    "mutual_best",
    "rel_best",
    "name_share",
    "number",
    "anchors",
    "pos_gap",
)
"""Second family ("rule"): the hand rule's own verdict as indicators (kept as clear; kept by the
best / sentence-best cue; by the lede cue; by the diagonal or gap cue) plus the evidence beside
it, so the model nests the current rule and can only learn corrections to it."""


CLEAR_PROB = 0.9
"""A kept pair is "clear" evidence from this probability (else "supported" with its best cue)."""


def features(
    scored: dict[tuple[int, int], float],
    left: Sequence[mt._Para],
    right: Sequence[mt._Para],
    vocab: mt._Vocab,
) -> dict[tuple[int, int], dict[str, float]]:
    """Every feature of every scored pair, by name (see :data:`RAW_FEATURES`,
    :data:`RULE_FEATURES`)."""
    settings = vocab.settings
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for (i, j), s in scored.items():
        best_l[i] = max(best_l.get(i, 0.0), s)
        best_r[j] = max(best_r.get(j, 0.0), s)
    firm = {
        (i, j)
        for (i, j), s in scored.items()
        if s >= settings.clear or (s >= settings.weak and (s >= best_l[i] or s >= best_r[j]))
    }
    sbest: mt.Kept = {}
    if any(p.bounds for p in left) or any(q.bounds for q in right):
        mt._sentence_best(scored, list(left), list(right), vocab, sbest)
    rule = _original_select(scored, list(left), list(right), settings, vocab)
    nl, nr = max(len(left) - 1, 1), max(len(right) - 1, 1)
    weight, names, df, anchor_df = vocab.weight, vocab.names, vocab.df, vocab.anchor_df
    out: dict[tuple[int, int], dict[str, float]] = {}
    for (i, j), s in scored.items():
        p, q = left[i], right[j]
        common = p.keys & q.keys
        shared = math.fsum(weight[k] for k in common) or 1.0
        named = math.fsum(weight[k] for k in common if k in names)
        top_l, top_r = s >= best_l[i], s >= best_r[j]
        kept = rule.get((i, j))
        cue = "none" if kept is None else (kept[1] or "clear")
        values = {
            "score": min(s, 1.0),
            "mutual_best": 1.0 if top_l and top_r else 0.0,
            "one_best": 1.0 if top_l != top_r else 0.0,
            "rel_best": s / max(best_l[i], best_r[j]),
            "lede": 1.0 if mt._headline_lede(p, q) else 0.0,
            "diagonal": 1.0 if (i - 1, j - 1) in firm or (i + 1, j + 1) in firm else 0.0,
            "name_share": named / shared,
            "number": 1.0 if any(k[0].isdigit() for k in common) else 0.0,
            "anchors": min(1.0, sum(1 for k in common if df.get(k, 99) <= anchor_df) / 4),
            "pos_gap": abs(i / nl - j / nr),
            "sentence_best": 1.0 if (i, j) in sbest else 0.0,
            "rule_clear": 1.0 if cue == "clear" else 0.0,
            "rule_best": 1.0 if cue == "best" else 0.0,
            "rule_lede": 1.0 if cue == "lede" else 0.0,
            "rule_diagonal": 1.0 if cue == "diagonal" else 0.0,
        }
        out[(i, j)] = values
    return out


# ------------------------------------------------------------------------------- the models


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems here are 12 x 12)."""
    n = len(b)
    m = [row[:] + [b[k]] for k, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        d = m[c][c] or 1e-12
        for r in range(n):
            if r != c:
                f = m[r][c] / d
                if f:
                    m[r] = [x - f * y for x, y in zip(m[r], m[c], strict=True)]
    return [m[k][n] / (m[k][k] or 1e-12) for k in range(n)]


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(
    xs: list[list[float]],
    ys: list[int],
    l2: float = 1.0,
    sample_weights: list[float] | None = None,
    iters: int = 50,
) -> list[float]:
    """Logistic regression by Newton's method (IRLS); weights ``[bias, w1..wn]``; an L2 penalty
    ``l2 / 2 * |w|^2`` on w only.  Converges in 5-10 steps on these few hundred rows."""
    d = len(xs[0]) + 1
    w = [0.0] * d
    rows = [[1.0, *x] for x in xs]
    sws = sample_weights or [1.0] * len(rows)
    for _ in range(iters):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for r, y, sw in zip(rows, ys, sws, strict=True):
            p = _sigmoid(sum(a * b for a, b in zip(w, r, strict=True)))
            g = sw * (p - y)
            h = sw * p * (1 - p)
            for a in range(d):
                grad[a] += g * r[a]
                ha = h * r[a]
                row = hess[a]
                for c in range(d):
                    row[c] += ha * r[c]
        for a in range(1, d):
            grad[a] += l2 * w[a]
            hess[a][a] += l2
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


@dataclass
class Logistic:
    """``sigmoid(bias + sum w_k x_k)`` over ``names`` (of :func:`features`)."""

    names: tuple[str, ...]
    weights: list[float]

    def prob(self, values: dict[str, float]) -> float:
        w = self.weights
        return _sigmoid(w[0] + sum(a * values[n] for a, n in zip(w[1:], self.names, strict=True)))

    def helped(self, values: dict[str, float]) -> list[tuple[float, str]]:
        return [(a * values[n], n) for a, n in zip(self.weights[1:], self.names, strict=True)]

    def text(self) -> str:
        return ", ".join(
            f"{n}={v:+.2f}" for n, v in zip(("bias", *self.names), self.weights, strict=True)
        )


@dataclass
class Tree:
    """A depth-2 decision tree: ``(feature, cut)`` at the root, one split per side, and the
    share of gold pairs among the training rows of each of the four leaves."""

    root: tuple[str, float]
    sides: tuple[tuple[str, float], tuple[str, float]]
    leaves: tuple[float, float, float, float]

    def prob(self, values: dict[str, float]) -> float:
        high = values[self.root[0]] >= self.root[1]
        name, cut = self.sides[high]
        return self.leaves[2 * high + (values[name] >= cut)]

    def helped(self, values: dict[str, float]) -> list[tuple[float, str]]:
        high = values[self.root[0]] >= self.root[1]
        return [(1.0, self.root[0]), (0.5, self.sides[high][0])]

    def text(self) -> str:
        (r, rc), ((a, ac), (b, bc)) = self.root, self.sides
        lv = ", ".join(f"{v:.2f}" for v in self.leaves)
        return f"{r} >= {rc:.3g} ? ({b} >= {bc:.3g}) : ({a} >= {ac:.3g}); leaves {lv}"


def _cuts(values: list[float]) -> list[float]:
    distinct = sorted(set(values))
    if len(distinct) <= 12:
        return distinct[1:]
    return sorted({distinct[len(distinct) * k // 12] for k in range(1, 12)})


def _gini(rows: list[tuple[dict[str, float], int]]) -> float:
    if not rows:
        return 0.0
    p = sum(y for _x, y in rows) / len(rows)
    return len(rows) * p * (1 - p)


def _best_split(
    rows: list[tuple[dict[str, float], int]], names: Sequence[str]
) -> tuple[str, float]:
    best: tuple[float, str, float] | None = None
    for n in names:
        for c in _cuts([x[n] for x, _y in rows]):
            lo = [r for r in rows if r[0][n] < c]
            hi = [r for r in rows if r[0][n] >= c]
            if not lo or not hi:
                continue
            g = _gini(lo) + _gini(hi)
            if best is None or g < best[0]:
                best = (g, n, c)
    return (names[0], math.inf) if best is None else (best[1], best[2])


def fit_tree(rows: list[tuple[dict[str, float], int]], names: Sequence[str]) -> Tree:
    """Greedy depth-2 tree by Gini impurity; leaves hold smoothed gold shares."""
    root = _best_split(rows, names)
    parts = (
        [r for r in rows if r[0][root[0]] < root[1]],
        [r for r in rows if r[0][root[0]] >= root[1]],
    )
    sides = (_best_split(parts[0], names), _best_split(parts[1], names))
    leaves = []
    for part, (n, c) in zip(parts, sides, strict=True):
        for side in ([r for r in part if r[0][n] < c], [r for r in part if r[0][n] >= c]):
            leaves.append((sum(y for _x, y in side) + 0.5) / (len(side) + 1))
    return Tree(root, (sides[0], sides[1]), (leaves[0], leaves[1], leaves[2], leaves[3]))


Model = Logistic | Tree


@dataclass
class Variant:
    """One learned decision: how it is fitted, and whether the hand rule's clear pairs are kept
    whatever the model says (then it only decides the pairs under ``clear``)."""

    name: str
    kind: str  # "logistic" | "tree"
    names: tuple[str, ...]
    l2: float = 1.0
    positive_weight: float = 1.0
    keep_clear: bool = False
    mode: str = "replace"
    """"replace": the model decides every candidate; "add": the hand rule's links stay and the
    model may add candidates the rule leaves out; "veto": the model may only drop the rule's
    supported links."""

    @property
    def thresholds(self) -> tuple[float, ...]:
        return {"add": ADD_THRESHOLDS, "veto": VETO_THRESHOLDS}.get(self.mode, THRESHOLDS)

    def fit(self, rows: list[tuple[dict[str, float], int]]) -> Model:
        if self.keep_clear:
            rows = [r for r in rows if not r[0]["rule_clear"]]
        if self.mode == "add":
            rows = [r for r in rows if not _rule_cue(r[0])]
        elif self.mode == "veto":
            rows = [r for r in rows if _rule_cue(r[0]) not in ("", "clear")]
        if self.kind == "tree":
            return fit_tree(rows, self.names)
        xs = [[x[n] for n in self.names] for x, _y in rows]
        ys = [y for _x, y in rows]
        sws = [self.positive_weight if y else 1.0 for y in ys]
        return Logistic(self.names, fit_logistic(xs, ys, self.l2, sws))


VARIANTS = {
    v.name: v
    for v in (
        Variant("logit-raw", "logistic", RAW_FEATURES),
        Variant("logit-raw-l2=0.1", "logistic", RAW_FEATURES, l2=0.1),
        Variant("logit-rule", "logistic", RULE_FEATURES),
        Variant("logit-rule-l2=0.1", "logistic", RULE_FEATURES, l2=0.1),
        Variant("logit-rule-keepclear", "logistic", RULE_FEATURES, keep_clear=True),
        Variant("logit-rule-pos2", "logistic", RULE_FEATURES, positive_weight=2.0),
        Variant("logit-raw-pos2", "logistic", RAW_FEATURES, positive_weight=2.0),
        Variant("logit-raw-add", "logistic", RAW_FEATURES, mode="add"),
        Variant("logit-raw-veto", "logistic", RAW_FEATURES, mode="veto"),
        Variant("tree2-raw", "tree", RAW_FEATURES),
        Variant("tree2-all", "tree", tuple(dict.fromkeys(RAW_FEATURES + RULE_FEATURES))),
    )
}


# ------------------------------------------------------------------------------- plugging in

_CUE_OF = {
    "lede": "lede",
    "diagonal": "diagonal",
    "mutual_best": "best",
    "one_best": "best",
    "sentence_best": "best",
    "rule_lede": "lede",
    "rule_diagonal": "diagonal",
    "rule_best": "best",
}

_original_select = mt._select


def _rule_cue(values: dict[str, float]) -> str:
    """The hand rule's verdict on a pair from its indicators: "" (not kept), "clear" or a cue."""
    for name in ("clear", "best", "lede", "diagonal"):
        if values[f"rule_{name}"]:
            return name
    return ""


_original_sentence_links = mt._sentence_links


def make_select(
    model: Model, threshold: float, keep_clear: bool, mode: str = "replace"
) -> Callable[..., mt.Kept]:
    def learned_select(scored, left, right, settings, vocab=None):  # type: ignore[no-untyped-def]
        if vocab is None or not scored:
            return _original_select(scored, left, right, settings, vocab)
        keep: mt.Kept = {}
        for pair, values in features(scored, left, right, vocab).items():
            rule = _rule_cue(values)
            if mode == "add" and rule:
                keep[pair] = (scored[pair], None if rule == "clear" else rule)  # type: ignore[assignment]
                continue
            if mode == "veto":
                if rule == "clear" or (rule and model.prob(values) >= threshold):
                    keep[pair] = (scored[pair], None if rule == "clear" else rule)  # type: ignore[assignment]
                continue
            if keep_clear and values["rule_clear"]:
                keep[pair] = (scored[pair], None)
                continue
            p = model.prob(values)
            if p < threshold:
                continue
            if p >= CLEAR_PROB and not keep_clear:
                keep[pair] = (scored[pair], None)
                continue
            helped = [
                (c, _CUE_OF[n]) for c, n in model.helped(values) if n in _CUE_OF and values[n] > 0
            ]
            cue = max(helped)[1] if helped and max(helped)[0] > 0 else "best"
            keep[pair] = (scored[pair], cue)  # type: ignore[assignment]
        return keep

    return learned_select


def _sentence_links_with_vocab(left, right, uvocab):  # type: ignore[no-untyped-def]
    """``matcher._sentence_links`` with the unit vocabulary passed on to the selection."""
    if not left or not right:
        return {}
    lp, rp = list(left), list(right)
    scored = mt._score_candidates(lp, rp, mt._candidates(lp, rp, uvocab.weight), uvocab)
    out: mt.SentenceLinks = {}
    for (u, v), (score, cue) in mt._select(scored, lp, rp, uvocab.settings, uvocab).items():
        if cue not in mt.SENTENCE_PASS_CUES:
            continue
        pair = (left[u].owner, right[v].owner)
        old = out.get(pair)
        spans = (left[u].spans[0], right[v].spans[0])
        if old is None:
            out[pair] = (score, cue, spans)
        else:
            best = spans if score > old[0] else old[2]
            out[pair] = (max(score, old[0]), None if cue is None else old[1], best)
    return out


@contextmanager
def learned(
    model: Model, threshold: float, keep_clear: bool = False, mode: str = "replace"
) -> Iterator[None]:
    """The matcher with its selection replaced by ``model`` at ``threshold`` (both levels)."""
    mt._select = make_select(model, threshold, keep_clear, mode)  # type: ignore[assignment]
    mt._sentence_links = _sentence_links_with_vocab  # type: ignore[assignment]
    try:
        yield
    finally:
        mt._select = _original_select  # type: ignore[assignment]
        mt._sentence_links = _original_sentence_links  # type: ignore[assignment]


# ------------------------------------------------------------------------------- training data

Row = tuple[dict[str, float], int]


def examples(pairs: Sequence[ev.Pair]) -> list[Row]:
    """Features and gold label (strong or partial = 1, as link precision counts them) of every
    paragraph-level candidate of ``pairs`` whose two paragraphs map to file lines."""
    rows: list[Row] = []
    current: list[ev.Pair] = []

    def recording(scored, left, right, settings, vocab=None):  # type: ignore[no-untyped-def]
        if vocab is not None and scored and not isinstance(left[0], mt._Unit):
            pair = current[0]
            gold = pair.strong | pair.partial
            for (i, j), x in features(scored, left, right, vocab).items():
                lx = pair.lines[0].get(left[i].index)
                ly = pair.lines[1].get(right[j].index)
                if lx is not None and ly is not None:
                    rows.append((x, 1 if (lx, ly) in gold else 0))
        return _original_select(scored, left, right, settings, vocab)

    mt._select = recording  # type: ignore[assignment]
    try:
        for pair in pairs:
            current[:] = [pair]
            mt.align(pair.articles)
    finally:
        mt._select = _original_select  # type: ignore[assignment]
    return rows


THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
"""The decision threshold is chosen among these on the training pairs (mean of the four
metrics; ties go to the value nearest 0.5)."""
ADD_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
VETO_THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5)


def train(variant: Variant, pairs: Sequence[ev.Pair]) -> tuple[Model, float]:
    """The model fitted on ``pairs`` and the threshold chosen on them."""
    model = variant.fit(examples(pairs))
    best: tuple[float, float] | None = None
    for t in variant.thresholds:
        with learned(model, t, variant.keep_clear, variant.mode):
            obj = ev.objective(ev.score_set(pairs)[0])
        if best is None or (obj, -abs(t - 0.5)) > (best[0], -abs(best[1] - 0.5)):
            best = (obj, t)
    assert best is not None
    return model, best[1]


Metrics = tuple[float, float, float, float, float]


def metrics_row(counts: ev.Counts) -> Metrics:
    """P, strong R, top-1, unmatched kept apart, and their mean."""
    m = counts.metrics()
    vals = (m["precision"], m["strong_recall"], m["top1"], m["unmatched_kept"])
    return (*vals, sum(vals) / 4)


def fmt(row: Sequence[float]) -> str:
    return " / ".join(f"{v:.3f}" for v in row[:4]) + f" | {row[4]:.3f}"


def compare(
    variant: Variant, name: str, train_on: Sequence[ev.Pair], test_on: Sequence[ev.Pair]
) -> tuple[list[str], Metrics, Metrics]:
    """One protocol row: fitted on ``train_on``, current and learned rule on ``test_on``."""
    model, t = train(variant, train_on)
    current = metrics_row(ev.score_set(test_on)[0])
    with learned(model, t, variant.keep_clear, variant.mode):
        new = metrics_row(ev.score_set(test_on)[0])
    delta = [b - a for a, b in zip(current, new, strict=True)]
    return (
        [
            f"| {variant.name} | {name} | {fmt(current)} | {fmt(new)} | "
            f"{' / '.join(f'{d:+.3f}' for d in delta[:4])} | {delta[4]:+.3f} | {t:.2f} |",
            f"<!-- {variant.name} {name}: {model.text()} -->",
        ],
        current,
        new,
    )


def adoptable(pairs: Sequence[tuple[Metrics, Metrics]]) -> bool:
    """The brief's test: the learned rule beats the current one on the mean of the four metrics
    in every given comparison and drops no metric by more than 0.02."""
    return all(
        new[4] > cur[4] and all(n >= c - 0.02 for c, n in zip(cur[:4], new[:4], strict=True))
        for cur, new in pairs
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=None)
    parser.add_argument("--variant", nargs="*", default=None, choices=sorted(VARIANTS))
    parser.add_argument("--merged", action="store_true", help="also the halves of the x2 views")
    parser.add_argument("--weights", action="store_true", help="print each fitted model")
    parser.add_argument(
        "--in-sample",
        action="store_true",
        help="also fit and report on the same set, and the bundled samples with the model "
        "fitted on both sets",
    )
    args = parser.parse_args(argv)
    data = ev.find_data_dir(args.data)
    if data is None:
        print("learned.py: no shared data; nothing to do")
        return 0
    docs = data / "ecbplus" / "docs"
    dev = ev.load_pairs(data / ev.DEV_GOLD, docs)
    extra = ev.load_pairs(ev.EXTRA_GOLD, docs)
    sets = [("dev", dev), ("extra", extra)]
    if args.merged:
        sets += [(f"{n} x2", [ev.merge_lines(p, 2) for p in ps]) for n, ps in list(sets)]
    lines = [
        "| variant | fitted on -> reported on | current P / R / top-1 / unm. | mean | learned P / R / top-1 / unm. | mean | delta P / R / top-1 / unm. | delta mean | threshold |",
        "|---|---|---|---:|---|---:|---|---:|---:|",
    ]
    verdicts = []
    for vname in args.variant or list(VARIANTS):
        variant = VARIANTS[vname]
        cross = []
        for name, tr, te in (("dev -> extra", dev, extra), ("extra -> dev", extra, dev)):
            out, cur, new = compare(variant, name, tr, te)
            lines += out if args.weights else out[:1]
            cross.append((cur, new))
        for name, ps in sets:
            a, b = ev.halves(ps)
            for label, tr, te in ((f"{name} A -> B", a, b), (f"{name} B -> A", b, a)):
                out, _cur, _new = compare(variant, label, tr, te)
                lines += out if args.weights else out[:1]
        if args.in_sample:
            for name, ps in (("dev", dev), ("extra", extra), ("both", dev + extra)):
                out, _cur, _new = compare(variant, f"{name} -> {name} (in sample)", ps, ps)
                lines += out if args.weights else out[:1]
            model, t = train(variant, dev + extra)
            with learned(model, t, variant.keep_clear, variant.mode):
                samples = evaluate_all()["overall"]
            lines.append(
                f"| {variant.name} | both -> samples | | | P {samples['precision']:.3f} / "
                f"R {samples['recall']:.3f} / best-match {samples['best_match_accuracy']:.3f} | | | | {t:.2f} |"
            )
        verdicts.append(
            f"{vname}: {'ADOPTABLE' if adoptable(cross) else 'not adoptable'} (cross-set)"
        )
    print("\n".join(lines + [""] + verdicts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
