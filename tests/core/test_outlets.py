"""Evidence from the other outlets (:mod:`reader.core.matching.outlets`): a weak pair of two
outlets is kept when both paragraphs firmly match the same paragraph of a third outlet."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import generate_story
from reader.core.matching.joint import align_all
from reader.core.matching.matcher import PairLinks, align, each_pair_links
from reader.core.matching.outlets import FIRM_CUES, add_outlet_links
from reader.core.model import Article, Match
from reader.core.report.json_load import from_report_data
from reader.core.report.json_report import to_json_data
from tests.core.test_align_properties import ARTICLE, build
from tests.core.test_report import _analysis
from tests.test_real_alignment import DATA, ev

FIRM = (0.8, "clear", None)


def _pair(a: int, b: int, kept: dict, weak: list | None = None) -> PairLinks:
    """Articles ``a`` < ``b``: ``kept`` maps (paragraph of a, paragraph of b) to (score,
    evidence, cue); ``weak`` lists the pair's weak candidates (paragraph of a, paragraph of b)."""
    matches = [
        Match((a, i), (b, j), score, evidence=evidence, cue=cue)
        for (i, j), (score, evidence, cue) in sorted(kept.items())
    ]
    pending = [
        Match((a, i), (b, j), 0.55, evidence="supported", cue="outlets") for i, j in weak or []
    ]
    return PairLinks(a, b, matches, pending)


def _links(p: PairLinks) -> dict:
    return {(m.left[1], m.right[1]): m.cue for m in p.matches}


def test_a_weak_pair_both_firmly_matching_a_third_outlet_is_kept() -> None:
    # x = A:0 and y = B:1 share weak evidence only; both match C:2, clearly (A-C) and as
    # headline and lede (B-C).
    ab = _pair(0, 1, {}, weak=[(0, 1)])
    ac = _pair(0, 2, {(0, 2): FIRM})
    bc = _pair(1, 2, {(1, 2): (0.45, "supported", "lede")})
    added = add_outlet_links([ab, ac, bc])
    assert [(m.left, m.right, m.cue) for m in added] == [((0, 0), (1, 1), "outlets")]
    assert _links(ab) == {(0, 1): "outlets"} and ab.pending == []
    assert _links(ac) == {(0, 2): None} and _links(bc) == {(1, 2): "lede"}


def test_what_does_not_count_as_another_outlets_evidence() -> None:
    # A path through supported links of the other kinds ("best", "diagonal").
    for cue in ("best", "diagonal"):
        ab = _pair(0, 1, {}, weak=[(0, 1)])
        ac, bc = _pair(0, 2, {(0, 2): (0.55, "supported", cue)}), _pair(1, 2, {(1, 2): FIRM})
        assert add_outlet_links([ab, ac, bc]) == [] and cue not in FIRM_CUES
    # Different paragraphs of the third outlet.
    ab = _pair(0, 1, {}, weak=[(0, 1)])
    ac, bc = _pair(0, 2, {(0, 2): FIRM}), _pair(1, 2, {(1, 0): FIRM})
    assert add_outlet_links([ab, ac, bc]) == []
    # Two articles only: x's and y's partners in each other's article are no third outlet.
    ab = _pair(0, 1, {(0, 2): FIRM, (2, 1): FIRM}, weak=[(0, 1)])
    assert add_outlet_links([ab]) == [] and (0, 1) not in _links(ab)
    # A pair the matcher did not offer as a weak candidate (under ``weak``) is never added.
    ab = _pair(0, 1, {})
    assert add_outlet_links([ab, _pair(0, 2, {(0, 2): FIRM}), _pair(1, 2, {(1, 2): FIRM})]) == []
    assert ab.matches == []


def test_the_third_outlets_must_agree() -> None:
    """C links x and y to one paragraph, D and E each to two different ones: the other outlets
    disagree, so the weak pair stays out; with D agreeing too it is kept."""

    def story(d_agrees: bool) -> list[PairLinks]:
        return [
            _pair(0, 1, {}, weak=[(0, 1)]),
            _pair(0, 2, {(0, 2): FIRM}),
            _pair(1, 2, {(1, 2): FIRM}),
            _pair(0, 3, {(0, 0): FIRM}),
            _pair(1, 3, {(1, 0 if d_agrees else 4): FIRM}),
            _pair(0, 4, {(0, 1): FIRM}),
            _pair(1, 4, {(1, 3): FIRM}),
            _pair(2, 3, {}),
            _pair(2, 4, {}),
            _pair(3, 4, {}),
        ]

    assert add_outlet_links(story(d_agrees=False)) == []
    assert [(m.left, m.right) for m in add_outlet_links(story(d_agrees=True))] == [((0, 0), (1, 1))]
    # One for, one against: no majority.
    even = [p for p in story(d_agrees=False) if 4 not in (p.a, p.b)]
    assert add_outlet_links(even) == []


def test_one_pass_over_the_pairs_own_links() -> None:
    """An added link is not a path for another (no chains), whatever the order of the pairs."""

    def story() -> list[PairLinks]:
        return [
            _pair(0, 1, {}, weak=[(0, 1)]),
            _pair(0, 2, {(0, 2): FIRM}),
            _pair(1, 2, {(1, 2): FIRM}),
            _pair(0, 3, {}),
            # B:1 - D:0 is weak; it would be supported only through the added A:0 - B:1.
            _pair(1, 3, {}, weak=[(1, 0)]),
            _pair(2, 3, {}),
        ]

    pairs = story()
    added = add_outlet_links(pairs)
    assert [(m.left, m.right) for m in added] == [((0, 0), (1, 1))]
    assert [m.left for m in pairs[4].pending] == [(1, 1)]
    backwards = list(reversed(story()))
    assert [(m.left, m.right) for m in add_outlet_links(backwards)] == [((0, 0), (1, 1))]


def test_each_pair_offers_its_weak_candidates_beside_its_own_links() -> None:
    texts, _ = generate_story(4, 20, 3)
    articles = [Article.from_texts(f"{k}.txt", f"t{k}", t) for k, t in enumerate(texts)]
    pairs = each_pair_links(articles)
    assert [(p.a, p.b) for p in pairs] == [(a, b) for a in range(4) for b in range(a + 1, 4)]
    assert sum(len(p.pending) for p in pairs) > 0
    for p in pairs:
        alone = align([articles[p.a], articles[p.b]])
        assert [(m.left[1], m.right[1], m.score, m.cue) for m in alone] == [
            (m.left[1], m.right[1], m.score, m.cue) for m in p.matches
        ]
        kept = {(m.left, m.right) for m in p.matches}
        for m in p.pending:
            assert (m.left[0], m.right[0]) == (p.a, p.b) and (m.left, m.right) not in kept
            # At least ``weak`` (0.5 once calibrated), but no cue of the pair alone kept it.
            assert m.score >= 0.5 and (m.evidence, m.cue) == ("supported", "outlets")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=3, max_size=4))
def test_stories_of_several_outlets_keep_the_match_contract(specs) -> None:
    articles = [build(spec, n) for n, spec in enumerate(specs)]
    matches = align_all(articles)
    firm: dict[tuple[int, int], set[tuple[int, int]]] = {}
    seen = set()
    for m in matches:
        (la, lp), (ra, rp) = m.left, m.right
        assert 0 <= la < ra < len(articles)
        assert not articles[la].paragraphs[lp].boilerplate
        assert not articles[ra].paragraphs[rp].boilerplate
        assert (m.left, m.right) not in seen and 0.0 <= m.score <= 1.0
        seen.add((m.left, m.right))
        assert (m.evidence == "clear") == (m.cue is None)
        if m.cue in FIRM_CUES:
            firm.setdefault(m.left, set()).add(m.right)
            firm.setdefault(m.right, set()).add(m.left)
    assert matches == sorted(matches, key=lambda m: (m.left, m.right))
    for m in matches:
        if m.cue == "outlets":
            # Firmly matched by both in more third articles than those placing them apart.
            of_x, of_y = firm.get(m.left, set()), firm.get(m.right, set())
            same = different = 0
            for art in {r[0] for r in of_x} & {r[0] for r in of_y}:
                if {r for r in of_x if r[0] == art} & of_y:
                    same += 1
                else:
                    different += 1
            assert same > different and m.score >= 0.5


@pytest.mark.skipif(DATA is None, reason="shared data (../shared/data/alignment) not present")
def test_real_story_gains_a_link_from_the_other_outlets() -> None:
    """ECB+ dev pair 30_11ecb / 30_3ecb: the gold strong link of their lines 1 and 1, which the
    two alone do not keep, is matched when three more outlets of the story are analysed with
    them (the benchmark's ``--context 3``, seed 1) -- and it is one the other outlets support."""
    assert DATA is not None
    docs = DATA / "ecbplus" / "docs"
    pair = next(p for p in ev.load_pairs(DATA / ev.DEV_GOLD, docs) if p.name == "30_11ecb-30_3ecb")
    assert (1, 1) in pair.strong
    assert (1, 1) not in ev.score_pair(pair).links
    others = ev.context_articles(pair, docs, 3, 1)
    direct, _facts = ev.context_links(pair, [*pair.articles, *others], 0, 1)
    assert (1, 1) in direct
    story = align_all([*pair.articles, *others])
    line = {v: k for k, v in pair.lines[0].items()}[1], {v: k for k, v in pair.lines[1].items()}[1]
    assert any(
        (m.left, m.right) == ((0, line[0]), (1, line[1])) and m.cue == "outlets" for m in story
    )


def test_the_outlets_cue_survives_a_saved_report() -> None:
    """A report written with an ``outlets`` match loads back with its cue (the reader reopens
    saved reports)."""
    data = json.loads(json.dumps(to_json_data(_analysis())))
    data["matches"][1]["cue"] = "outlets"
    loaded = from_report_data(data)
    assert loaded.matches[1].cue == "outlets" and loaded.matches[1].evidence == "supported"
