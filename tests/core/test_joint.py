"""Matching many articles at once: every pair as if alone within the pairwise budget, linear in
paragraphs beyond it."""

from __future__ import annotations

import pytest

from benchmarks.generate import generate_story
from reader.core.matching import joint, matcher
from reader.core.matching.facts import build_facts
from reader.core.matching.joint import align_all, align_story, pairwise_affordable
from reader.core.matching.matcher import PAIRWISE_BUDGET, align
from reader.core.model import Article


def _story(n_articles: int, n_paragraphs: int, seed: int = 1):
    texts, truths = generate_story(n_articles, n_paragraphs, seed)
    articles = [Article.from_texts(f"{k}.txt", f"t{k}", t) for k, t in enumerate(texts)]
    return articles, truths


@pytest.fixture
def beyond_budget(monkeypatch):
    """Every story is beyond the pairwise budget: the core-linking path runs on small inputs."""
    monkeypatch.setattr(matcher, "PAIRWISE_BUDGET", 0)


def _as_pairs(articles: list[Article]) -> dict[tuple[int, int], list]:
    """Each pair of articles matched alone, its matches renumbered into the story."""
    out = {}
    for a in range(len(articles)):
        for b in range(a + 1, len(articles)):
            out[(a, b)] = [
                (((a, m.left[1]), (b, m.right[1])), m.score, m.evidence, m.cue)
                for m in align([articles[a], articles[b]])
            ]
    return out


@pytest.mark.parametrize("n", [2, 3, 5, 10])
def test_each_pair_as_if_alone_within_the_budget(n: int) -> None:
    articles, _ = _story(n, 30)
    assert pairwise_affordable(articles)
    got: dict[tuple[int, int], list] = {}
    for m in align_all(articles):
        if m.cue == "outlets":
            # Added by the other outlets' evidence (test_outlets.py): weak, never the pair's own.
            assert n > 2 and m.evidence == "supported" and m.score >= 0.5
            continue
        got.setdefault((m.left[0], m.right[0]), []).append(
            ((m.left, m.right), m.score, m.evidence, m.cue)
        )
    assert {k: v for k, v in _as_pairs(articles).items() if v} == got
    if n == 2:
        assert align_all(articles) == align(articles)


def test_each_pair_as_if_alone_with_acronyms_elsewhere() -> None:
    # A and B write out the expansion of the acronym only C uses: A-B must still be matched as
    # the two alone (their expansion folds into the acronym only in pairs with C), and C meets
    # both through it.
    texts = [
        ["The National Transportation Safety Board said the pilot reported smoke over Valmora."],
        ["Smoke was reported over Valmora, the National Transportation Safety Board said."],
        ["The NTSB said the pilot reported smoke on Tuesday before the crash."],
        ["Gardeners in Oslo prefer tulips to roses this spring, a survey found."],
    ]
    articles = [Article.from_texts(f"{k}.txt", f"t{k}", t) for k, t in enumerate(texts)]
    got: dict[tuple[int, int], list] = {}
    for m in align_all(articles):
        got.setdefault((m.left[0], m.right[0]), []).append(
            ((m.left, m.right), m.score, m.evidence, m.cue, m.names, m.words)
        )
    for (a, b), _found in _as_pairs(articles).items():
        alone = [
            (((a, m.left[1]), (b, m.right[1])), m.score, m.evidence, m.cue, m.names, m.words)
            for m in align([articles[a], articles[b]])
        ]
        assert got.get((a, b), []) == alone, (a, b)
    assert any("NTSB" in str(m[4]) for m in got.get((0, 2), []))


def test_five_outlets_match_every_pair_directly() -> None:
    # Outlets B and C report the fact A reported first: they are matched with each other, not
    # only with A's paragraph (a JSON consumer reads `matches` per pair of articles).
    fact = [
        "Storm closes Valmora port, 40 ferries cancelled, officials said on Monday.",
        "Valmora port shut by the storm; officials cancel 40 ferries.",
        "Forty ferries were cancelled on Monday as a storm closed the port of Valmora.",
        "Officials in Valmora closed the port and cancelled 40 ferries because of the storm.",
        "The storm forced Valmora to close its port; 40 ferry crossings were cancelled.",
    ]
    asides = [
        "Gardeners in Oslo prefer tulips to roses this spring.",
        "The chess final in Tbilisi went to a tiebreak after six hours.",
        "Bakers in Lyon raised bread prices again, citing flour costs.",
        "A comet passed near Jupiter, astronomers in Chile reported.",
        "Lisbon trams run late tonight because of a cable repair.",
    ]
    articles = [Article.from_texts(f"{k}.txt", f"t{k}", [fact[k], asides[k]]) for k in range(5)]
    pairs = {(m.left, m.right) for m in align_all(articles)}
    for a in range(5):
        for b in range(a + 1, 5):
            assert ((a, 0), (b, 0)) in pairs
    assert ((1, 0), (2, 0)) in pairs


def test_budget_rule_of_cost() -> None:
    def sized(n_articles: int, n_paragraphs: int) -> list[Article]:
        texts = [f"Paragraph {i} of the story." for i in range(n_paragraphs)]
        return [Article.from_texts(f"{k}", f"{k}", texts) for k in range(n_articles)]

    # Five to ten outlets of news length are pairwise; two articles always are.
    for n, p in ((5, 40), (10, 40), (10, 100), (2, 20_000)):
        assert pairwise_affordable(sized(n, p)), (n, p)
    # Beyond the work of comparing two articles of 5,000 paragraphs: joint.
    for n, p in ((16, 500), (50, 40), (200, 40), (3, 4_000)):
        assert not pairwise_affordable(sized(n, p)), (n, p)
    assert (10 - 1) * 10 * 100 <= PAIRWISE_BUDGET < (50 - 1) * 50 * 40


def test_facts_of_several_outlets_come_from_core_links() -> None:
    articles, _ = _story(6, 20)
    matches, fact_links = align_story(articles)
    assert matches == align_all(articles)
    # Core links: every link joins a later paragraph to an earlier core.
    assert fact_links != matches
    assert not {m.right for m in fact_links} & {m.left for m in fact_links}
    two = articles[:2]
    assert align_story(two) == (align_all(two), align_all(two))


@pytest.mark.usefixtures("beyond_budget")
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


@pytest.mark.usefixtures("beyond_budget")
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


@pytest.mark.usefixtures("beyond_budget")
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
