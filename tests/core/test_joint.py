"""Matching many articles at once: same as pairwise up to four, linear in paragraphs beyond."""

from __future__ import annotations

import pytest

from benchmarks.generate import generate_story
from reader.core.matching import joint
from reader.core.matching.facts import build_facts
from reader.core.matching.joint import PAIRWISE_MAX_ARTICLES, align_all
from reader.core.matching.matcher import align
from reader.core.model import Article


def _story(n_articles: int, n_paragraphs: int, seed: int = 1):
    texts, truths = generate_story(n_articles, n_paragraphs, seed)
    articles = [Article.from_texts(f"{k}.txt", f"t{k}", t) for k, t in enumerate(texts)]
    return articles, truths


@pytest.mark.parametrize("n", [2, 3, PAIRWISE_MAX_ARTICLES])
def test_pairwise_up_to_the_limit(n: int) -> None:
    articles, _ = _story(n, 30)
    assert align_all(articles) == align(articles)


def test_links_to_cores_find_the_story() -> None:
    articles, truths = _story(8, 40)
    matches = align_all(articles)
    got = {(m.left, m.right) for m in matches}
    truth = {((0, i), (k, j)) for k in range(1, 8) for i, j in truths[k]}
    assert len(truth & got) / len(truth) >= 0.95
    # Every link joins a later paragraph to an earlier core; cores are never linked as followers.
    followers = {m.right for m in matches}
    assert not followers & {m.left for m in matches}
    # A fact gathers the original paragraph with its rewrites in the seven other outlets.
    facts = build_facts(articles, matches)
    gathered = 0
    for i in range(40):
        partners = {(0, i)} | {(k, j) for k in range(1, 8) for ii, j in truths[k] if ii == i}
        if any(partners <= set(f.members) for f in facts):
            gathered += 1
    assert gathered >= 30


def test_cost_grows_with_paragraphs_not_pairs(monkeypatch) -> None:
    scored: list[int] = []
    original = joint._score_candidates

    def counting(left, right, pairs, vocab):
        scored.append(len(pairs))
        return original(left, right, pairs, vocab)

    monkeypatch.setattr(joint, "_score_candidates", counting)
    align_all(_story(10, 20)[0])
    ten = sum(scored)
    scored.clear()
    align_all(_story(40, 20)[0])
    # 4x the articles (17x the pairs): pairwise would score ~17x the candidates.
    assert sum(scored) <= 5 * ten


def test_joint_spelling_variants_meet() -> None:
    texts = ["President Zelensky met the Valmora envoy on Monday to discuss the grain corridor."]
    variant = ["President Zelenskyy met the Valmora envoy on Monday to discuss the grain corridor."]
    articles = [Article.from_texts(f"{k}", f"{k}", texts if k % 2 else variant) for k in range(6)]
    matches = align_all(articles)
    assert matches and all(
        "Zelenskyy/Zelensky" in m.names
        or "Zelensky/Zelenskyy" in m.names
        or "Zelensky" in m.names
        or "Zelenskyy" in m.names
        for m in matches
    )
