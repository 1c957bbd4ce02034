"""Facts: groups of paragraphs from any number of articles that report the same thing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.matching.facts import LABEL_CHARS, build_facts, matches_between, member_tiers
from reader.core.matching.joint import align_all
from reader.core.model import Analysis, Article, Fact, Match


def _article(n: int, texts: list[str], boilerplate: frozenset[int] = frozenset()) -> Article:
    return Article.from_texts(
        f"{n}.txt", f"t{n}", texts, boilerplate=boilerplate, sentences=lambda t: ((0, len(t)),)
    )


def test_chaining_guard_keeps_apart_what_shares_nothing() -> None:
    # B0 is a merge: it reports A0's fact (the port) and C0's fact (the election).  A0 and C0 share
    # nothing, so no fact may contain both; B0 sits in both facts.
    a = _article(0, ["Storm closes Valmora port, ferries cancelled for three days."])
    b = _article(1, ["Storm closes Valmora port; separately, Mayor Ostrander won the recount."])
    c = _article(2, ["Mayor Ostrander won the recount by 212 votes, officials said."])
    matches = [Match((0, 0), (1, 0), 0.7), Match((1, 0), (2, 0), 0.7)]
    facts = build_facts([a, b, c], matches)
    for fact in facts:
        assert not {(0, 0), (2, 0)} <= set(fact.members)
    assert sum((1, 0) in f.members for f in facts) == 2
    assert {tuple(f.articles) for f in facts} == {(0, 1), (1, 2)}


def test_three_outlets_one_fact_and_singles() -> None:
    arts = [
        _article(
            0, ["Valmora port closed by storm, 40 ferries cancelled.", "Weather office warns."]
        ),
        _article(1, ["Storm shuts Valmora port; 40 ferries cancelled."]),
        _article(2, ["Forty ferries cancelled as storm closes Valmora port.", "Fans cheered."]),
    ]
    matches = [Match((0, 0), (1, 0), 0.8), Match((0, 0), (2, 0), 0.7), Match((1, 0), (2, 0), 0.7)]
    facts = build_facts(arts, matches)
    shared = [f for f in facts if len(f.articles) > 1]
    assert len(shared) == 1
    assert shared[0].articles == [0, 1, 2] and shared[0].coverage == 1.0
    assert shared[0].members[0] == (0, 0)  # most-linked (then first) paragraph is the core
    singles = sorted(f.members[0] for f in facts if len(f.articles) == 1)
    assert singles == [(0, 1), (2, 1)]
    assert [f.id for f in facts] == list(range(len(facts)))
    assert all(f.coverage == round(1 / 3, 4) for f in facts if len(f.articles) == 1)


def test_label_is_a_central_sentence_shortened() -> None:
    long_tail = " ".join(["Unrelated words about the weather in the hills"] * 6) + "."
    a = Article.from_texts("a", "a", ["Storm closes Valmora port. " + long_tail])
    b = _article(1, ["Valmora port closed by the storm."])
    facts = build_facts([a, b], [Match((0, 0), (1, 0), 0.6)])
    assert facts[0].label == "Storm closes Valmora port."
    a2 = _article(0, [long_tail])
    label = build_facts([a2, b], [])[0].label
    assert len(label) <= LABEL_CHARS and label.endswith("…")


WORDS = st.sampled_from(
    [
        "the",
        "Valmora",
        "port",
        "storm",
        "ferries",
        "40",
        "forty",
        "Ostrander",
        "recount",
        "votes",
        "closed",
        "said",
        "Kyiv",
        "Zelensky",
        "Zelenskyy",
        "ceasefire",
        "troops",
        "é",
        "!",
        "",
    ]
)
TEXT = st.lists(WORDS, max_size=20).map(" ".join)
ARTICLE = st.lists(st.tuples(TEXT, st.booleans()), min_size=1, max_size=5)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=2, max_size=7))
def test_every_body_paragraph_in_a_fact(specs: list[list[tuple[str, bool]]]) -> None:
    articles = [
        _article(n, [t for t, _b in spec], frozenset(i for i, (_t, b) in enumerate(spec) if b))
        for n, spec in enumerate(specs)
    ]
    facts = build_facts(articles, align_all(articles))
    where: dict[tuple[int, int], int] = {}
    for fact in facts:
        assert fact.members and fact.articles == sorted({a for a, _p in fact.members})
        assert fact.coverage == round(len(fact.articles) / len(articles), 4)
        assert len(set(fact.members)) == len(fact.members)
        for ref in fact.members:
            where[ref] = where.get(ref, 0) + 1
    for a, article in enumerate(articles):
        for p in article.paragraphs:
            if p.boilerplate:
                assert (a, p.index) not in where
            else:
                assert where.get((a, p.index), 0) >= 1
    # The facts of one paragraph are made on demand: every way of reading them agrees.
    listed = list(facts)
    assert [facts[i] for i in range(len(facts))] == listed == facts[:]
    assert facts == listed and (not listed or facts[-1] == listed[-1])
    assert facts.shared() == [f for f in listed if len(f.articles) > 1]
    for a, article in enumerate(articles):
        for p in article.paragraphs:
            ref = (a, p.index)
            assert facts.ids_of(ref) == [f.id for f in listed if ref in f.members]


def test_unmatched_against_counts_a_shared_fact_as_a_counterpart(monkeypatch) -> None:
    # Beyond the pairwise budget (set to nothing here) B and D link to A's core, not to each
    # other: the fact relates them.
    from reader.core.matching import matcher

    monkeypatch.setattr(matcher, "PAIRWISE_BUDGET", 0)
    texts = ["Storm closes Valmora port, 40 ferries cancelled, officials said on Monday."]
    asides = [
        "Gardeners in Oslo prefer tulips.",
        "The chess final went to a tiebreak.",
        "Bakers raised bread prices again.",
        "A comet passed near Jupiter.",
        "Lisbon trams run late tonight.",
        "Violinists rehearsed Brahms quietly.",
    ]
    articles = [_article(k, texts + [asides[k]]) for k in range(6)]
    from reader.core.analysis import analyze

    analysis = analyze(articles)
    assert not any(m.left[0] == 1 and m.right[0] == 3 for m in analysis.matches)
    assert 0 not in analysis.unmatched(1, against=3)
    assert analysis.unmatched(1, against=3) == [1]


def test_member_tiers_follow_the_match_with_the_core() -> None:
    # The core (A0) is clearly matched with B0, weakly (a supported match) with C0, and D0 joined
    # the fact only through the links it was built from: no match of its own with the core.
    arts = [_article(n, [f"Valmora port closed by storm, outlet {n} says."]) for n in range(4)]
    clear = Match((0, 0), (1, 0), 0.8)
    weak = Match((0, 0), (2, 0), 0.45, evidence="supported", cue="best")
    analysis = Analysis(arts, [clear, weak])
    fact = Fact(0, "port", [(0, 0), (1, 0), (2, 0), (3, 0)], [0, 1, 2, 3], 1.0)
    tiers = member_tiers(fact, matches_between(analysis))
    assert tiers == {(0, 0): "clear", (1, 0): "clear", (2, 0): "supported", (3, 0): "linked"}
    # Without its clear partner the core is only as firm as its firmest remaining member.
    weaker = Fact(1, "port", [(0, 0), (2, 0), (3, 0)], [0, 2, 3], 0.75)
    assert member_tiers(weaker, matches_between(analysis))[(0, 0)] == "supported"
    # The lookup finds a match whichever side of it the two paragraphs are on.
    assert matches_between(analysis)((2, 0), (0, 0)) is weak
    assert matches_between(analysis)((1, 0), (2, 0)) is None
