"""The seventh-round trial (``benchmarks/trials7/learned.py``): its fitters learn what they are
given, its features are those it claims, and a model that reproduces the hand rule leaves the
matcher's output unchanged -- so the negative result recorded in BENCHMARKS.md measures the
learned decisions, not a fault of the harness.  Runs on the bundled samples (no shared data).
"""

from __future__ import annotations

import json
import math
import random
from pathlib import Path
from typing import Any

import pytest

from reader.core.ingest import load_article
from reader.core.matching import matcher as mt
from tests.benchmark_module import load

REPO = Path(__file__).resolve().parent.parent


lr = load("trials7/learned.py", "trials7_learned")


def test_logistic_fit_recovers_the_generating_weights() -> None:
    rng = random.Random(7)
    true = [-1.0, 3.0, -2.0]
    xs, ys = [], []
    for _ in range(3000):
        x = [rng.random(), rng.random()]
        z = true[0] + true[1] * x[0] + true[2] * x[1]
        xs.append(x)
        ys.append(1 if rng.random() < 1 / (1 + math.exp(-z)) else 0)
    w = lr.fit_logistic(xs, ys, l2=0.01)
    assert w == pytest.approx(true, abs=0.4)
    # The penalty shrinks the weights, never flips them.
    shrunk = lr.fit_logistic(xs, ys, l2=100.0)
    assert 0 < shrunk[1] < w[1] and w[2] < shrunk[2] < 0


def test_tree_fit_finds_a_two_feature_conjunction() -> None:
    rows = [
        ({"a": a / 10, "b": b / 10}, 1 if a >= 5 and b >= 3 else 0)
        for a in range(10)
        for b in range(10)
    ]
    tree = lr.fit_tree(rows, ("a", "b"))
    assert all((tree.prob(x) >= 0.5) == bool(y) for x, y in rows)


def _articles(name: str) -> list[Any]:
    folder = REPO / "samples" / name
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    return [load_article(str(folder / f)) for f in expected["articles"]]


def _rule_model() -> Any:
    """A logistic model that keeps exactly the hand rule's links, clear ones as clear."""
    names = lr.RULE_FEATURES
    weights = [-5.0] + [
        10.0 if n == "rule_clear" else (6.0 if n.startswith("rule_") else 0.0) for n in names
    ]
    return lr.Logistic(names, weights)


@pytest.mark.parametrize("sample", ["ceasefire", "rewrite", "three-outlets"])
def test_a_model_reproducing_the_rule_changes_nothing(sample: str) -> None:
    articles = _articles(sample)
    before = mt.align(articles)
    with lr.learned(_rule_model(), 0.5):
        during = mt.align(articles)
    after = mt.align(articles)
    assert during == before
    assert after == before  # the matcher is restored
    assert mt._select is lr._original_select


def test_features_agree_with_the_rule_and_stay_in_range() -> None:
    articles = _articles("rewrite")
    paras, vocab, _display = mt.prepare(articles)
    left, right = paras[0], paras[1]
    scored = mt._score_candidates(left, right, mt._candidates(left, right, vocab.weight), vocab)
    kept = mt._select(scored, left, right, vocab.settings, vocab)
    values = lr.features(scored, left, right, vocab)
    assert values.keys() == scored.keys() and kept
    for pair, v in values.items():
        assert all(0.0 <= v[n] <= 1.0 for n in lr.RAW_FEATURES + lr.RULE_FEATURES)
        cue = kept.get(pair)
        expected = "" if cue is None else (cue[1] or "clear")
        assert lr._rule_cue(v) == expected
        assert v["score"] == pytest.approx(min(scored[pair], 1.0))
