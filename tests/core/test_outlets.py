"""Evidence from the other outlets (:mod:`reader.core.matching.outlets`): a weak pair of two
outlets is kept when both paragraphs firmly match the same paragraph of a third outlet."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.matching.joint import align_all
from reader.core.matching.matcher import PairLinks, Settings, _Para, _Vocab
from reader.core.matching.outlets import FIRM_CUES, add_outlet_links
from reader.core.report.json_load import from_report_data
from reader.core.report.json_report import to_json_data
from tests.core.test_align_properties import ARTICLE, build
from tests.core.test_report import _analysis
from tests.test_real_alignment import DATA, ev

WEAK = Settings().weak


def _pair(a: int, b: int, keep: dict, scored: dict, n: int = 3) -> PairLinks:
    left = [_Para((a, i), f"p{i}", frozenset({f"k{i}"})) for i in range(n)]
    right = [_Para((b, j), f"p{j}", frozenset({f"k{j}"})) for j in range(n)]
    return PairLinks(a, b, left, right, _Vocab(), {}, {}, dict(keep), dict(scored))


def test_a_weak_pair_both_firmly_matching_a_third_outlet_is_kept() -> None:
    # x = A:0, y = B:1 share weak evidence only; both match C:2 clearly (A-C) and by the
    # headline/lede cue (B-C).
    ab = _pair(0, 1, {}, {(0, 1): WEAK + 0.01})
    ac = _pair(0, 2, {(0, 2): (0.5, None)}, {(0, 2): 0.5})
    bc = _pair(1, 2, {(1, 2): (0.15, "lede")}, {(1, 2): 0.15})
    assert add_outlet_links([ab, ac, bc]) == 1
    assert ab.keep == {(0, 1): (WEAK + 0.01, "outlets")}
    assert "outlets" in {m.cue for m in ab.matches()}
    assert ac.keep == {(0, 2): (0.5, None)} and bc.keep == {(1, 2): (0.15, "lede")}


def test_what_does_not_count_as_another_outlets_evidence() -> None:
    firm = (0.5, None)
    # Under ``weak``: not kept, whatever the path.
    low = _pair(0, 1, {}, {(0, 1): WEAK - 0.01})
    assert (
        add_outlet_links([low, _pair(0, 2, {(0, 2): firm}, {}), _pair(1, 2, {(1, 2): firm}, {})])
        == 0
    )
    # A path through supported links of the other kinds ("best", "diagonal").
    for cue in ("best", "diagonal"):
        ab = _pair(0, 1, {}, {(0, 1): 0.3})
        ac, bc = _pair(0, 2, {(0, 2): (0.3, cue)}, {}), _pair(1, 2, {(1, 2): firm}, {})
        assert add_outlet_links([ab, ac, bc]) == 0 and cue not in FIRM_CUES
    # Different paragraphs of the third outlet.
    ab = _pair(0, 1, {}, {(0, 1): 0.3})
    ac, bc = _pair(0, 2, {(0, 2): firm}, {}), _pair(1, 2, {(1, 0): firm}, {})
    assert add_outlet_links([ab, ac, bc]) == 0
    # Two articles only: x's own partner in B is no third outlet.
    ab = _pair(0, 1, {(0, 2): firm, (1, 2): firm}, {(0, 1): 0.3, (0, 2): 0.5, (1, 2): 0.5})
    assert add_outlet_links([ab]) == 0 and (0, 1) not in ab.keep


def test_links_already_kept_keep_their_own_cue() -> None:
    ab = _pair(0, 1, {(0, 1): (0.3, "best")}, {(0, 1): 0.3})
    ac, bc = _pair(0, 2, {(0, 2): (0.5, None)}, {}), _pair(1, 2, {(1, 2): (0.5, None)}, {})
    assert add_outlet_links([ab, ac, bc]) == 0
    assert ab.keep == {(0, 1): (0.3, "best")}


def test_one_pass_over_the_pairs_own_links() -> None:
    """An added link is not a path for another (no chains), whatever the order of the pairs."""
    firm = (0.5, None)
    pairs = [
        _pair(0, 1, {}, {(0, 1): 0.3}),
        _pair(0, 2, {(0, 2): firm}, {}),
        _pair(1, 2, {(1, 2): firm}, {}),
        _pair(0, 3, {}, {}),
        _pair(1, 3, {}, {(1, 0): 0.3}),
        _pair(2, 3, {}, {}),
    ]
    kept = [dict(p.keep) for p in pairs]
    assert add_outlet_links(pairs) == 1
    assert pairs[0].keep[(0, 1)] == (0.3, "outlets")
    assert [p.keep for p in pairs[1:]] == kept[1:]
    again = [
        _pair(p.a, p.b, k, p.scored) for p, k in zip(reversed(pairs), reversed(kept), strict=True)
    ]
    assert add_outlet_links(again) == 1


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
            # A paragraph of a third article firmly matched by both.
            shared = firm.get(m.left, set()) & firm.get(m.right, set())
            assert any(r[0] not in (m.left[0], m.right[0]) for r in shared)
            assert m.score >= 0.5


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
