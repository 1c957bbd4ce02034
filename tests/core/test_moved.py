"""Moved (out-of-order) matches: computed once in the core, carried on each Match and in the JSON."""

from __future__ import annotations

import json

from reader.core.analysis import analyze
from reader.core.matching.moved import mark_moved, moved_flags
from reader.core.model import Analysis, Article, Match
from reader.core.report import to_json
from tests.core.test_align import STRIKE_A, STRIKE_B, make_article


def _m(left: tuple[int, int], right: tuple[int, int]) -> Match:
    return Match(left, right, 0.5)


def test_in_order_matches_are_not_moved() -> None:
    matches = [_m((0, i), (1, i + 1)) for i in range(5)]
    assert moved_flags(matches) == [False] * 5


def test_one_far_moved_paragraph_is_the_only_one_flagged() -> None:
    # A9 is told first in B: it crosses every other match, yet only it is "moved".
    matches = [_m((0, p), (1, p + 1)) for p in range(8)] + [_m((0, 9), (1, 0))]
    flags = moved_flags(matches)
    assert flags == [False] * 8 + [True]


def test_split_paragraph_stays_in_order() -> None:
    # A2 split over B1 and B2 (same left paragraph, increasing right): not a reordering.
    matches = [_m((0, 0), (1, 0)), _m((0, 2), (1, 2)), _m((0, 2), (1, 1)), _m((0, 3), (1, 3))]
    assert moved_flags(matches) == [False] * 4


def test_pairs_of_articles_are_judged_separately() -> None:
    # A->B in order; A->C reversed: only one of the A->C matches is flagged.
    matches = [_m((0, 0), (1, 0)), _m((0, 1), (1, 1)), _m((0, 0), (2, 1)), _m((0, 1), (2, 0))]
    flags = moved_flags(matches)
    assert flags[:2] == [False, False]
    assert sum(flags[2:]) == 1


def test_mark_moved_sets_the_field_and_empty_input() -> None:
    matches = [_m((0, 0), (1, 1)), _m((0, 1), (1, 0)), _m((0, 2), (1, 2))]
    mark_moved(matches)
    assert [m.moved for m in matches].count(True) == 1
    assert moved_flags([]) == []


def test_analysis_and_json_carry_moved() -> None:
    """STRIKE A1 is told last in B (B4): the analysis flags that match, and only it."""
    analysis = analyze([make_article(STRIKE_A, "a.txt", {4}), make_article(STRIKE_B, "b.txt", {6})])
    moved = {(m.left, m.right) for m in analysis.matches if m.moved}
    assert moved == {((0, 1), (1, 4))}
    data = json.loads(to_json(analysis))
    assert all(isinstance(m["moved"], bool) for m in data["matches"])
    assert {(tuple(m["left"]), tuple(m["right"])) for m in data["matches"] if m["moved"]} == moved


def test_unmatched_overall_and_against_one_article() -> None:
    arts = [
        Article.from_texts(s, s, ["one", "two", "three", "share"], boilerplate={3})
        for s in ("a", "b", "c")
    ]
    analysis = Analysis(arts, [_m((0, 0), (1, 0)), _m((0, 1), (2, 1))])
    assert analysis.unmatched(0) == [2]  # boilerplate is never "unmatched"
    assert analysis.unmatched(0, against=1) == [1, 2]
    assert analysis.unmatched(0, against=2) == [0, 2]
    assert analysis.unmatched(1) == [1, 2]
    assert analysis.unmatched(2, against=0) == [0, 2]
