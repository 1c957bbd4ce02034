"""The reader's Textual-free modules: scroll anchors, the hit cursor, palette rows, navigation.

None of these tests starts an app; ``test_pure_modules_do_not_import_textual`` checks that the
modules really are usable without Textual.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.model import Analysis, Article, Match, article_label
from reader.ui import visible
from reader.ui.anchors import AnchorMap, partner_pairs
from reader.ui.hits import HitCursor
from reader.ui.navigation import NavIndex


def test_pure_modules_do_not_import_textual() -> None:
    code = (
        "import sys, reader.ui.anchors, reader.ui.hits, reader.ui.navigation, reader.ui.visible; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- anchors ------------------------------------------------------------------------------------

# Leader: 4 paragraphs of 3, 5, 2, 4 rows; follower: 3 paragraphs of 6, 2, 8 rows.
LEADER_ROWS = [0, 3, 8, 10, 14]
FOLLOWER_ROWS = [0, 6, 8, 16]


def test_partner_pairs_takes_the_best_partner_in_the_follower_only() -> None:
    partners = [[(1, 0)], [], [(2, 0), (1, 2), (1, 1)], [(2, 1)]]
    assert partner_pairs([0, 2, 3], partners, follower=1) == [(0, 0), (2, 2)]
    assert partner_pairs([0, 2, 3], partners, follower=2) == [(2, 0), (3, 1)]


def test_rows_inside_a_matched_paragraph_map_to_the_same_fraction() -> None:
    anchors = AnchorMap.build([(0, 0), (2, 2)], LEADER_ROWS, FOLLOWER_ROWS)
    assert anchors.map(0) == 0
    assert anchors.map(1.5) == pytest.approx(3.0)  # half-way through L0 -> half-way through F0
    assert anchors.map(8) == 8  # start of L2 -> start of F2
    assert anchors.map(9) == pytest.approx(12)  # half-way through L2 (2 rows) -> F2 (8 rows)


def test_rows_between_matched_paragraphs_are_interpolated() -> None:
    # L1 (rows 3..8) is unmatched: it spans from the end of L0 (F row 6) to the start of F2 (8).
    anchors = AnchorMap.build([(0, 0), (2, 2)], LEADER_ROWS, FOLLOWER_ROWS)
    assert anchors.map(3) == 6
    assert anchors.map(5.5) == pytest.approx(7)
    assert 6 <= anchors.map(7) <= 8


def test_rows_before_the_first_and_after_the_last_anchor_shift() -> None:
    anchors = AnchorMap.build([(1, 1)], LEADER_ROWS, FOLLOWER_ROWS)
    assert anchors.map(1) == 6 - 2  # two rows above L1's start -> two rows above F1's start
    assert anchors.map(12) == 8 + 4  # four rows below L1's end -> four below F1's end


def test_without_anchors_the_mapping_is_proportional() -> None:
    anchors = AnchorMap.build([], LEADER_ROWS, FOLLOWER_ROWS)
    assert anchors.map(7) == pytest.approx(7 * 16 / 14)
    assert AnchorMap((), (), 0, 0).map(5) == 0  # an empty follower stays at the top


def test_adjacent_matched_paragraphs_share_a_boundary() -> None:
    anchors = AnchorMap.build([(0, 0), (1, 1), (2, 2)], LEADER_ROWS, FOLLOWER_ROWS)
    assert anchors.map(3) == 6 and anchors.map(8) == 8
    assert anchors.map(5.5) == pytest.approx(7)


# -- hit cursor -----------------------------------------------------------------------------------

PLACES = [(0, 1, 0, 3), (0, 4, 5, 9), (1, 0, 0, 2), (1, 3, 1, 4)]


def test_first_step_starts_from_the_reader_position() -> None:
    cursor = HitCursor(PLACES)
    assert cursor.step(1, (0, 2)) == (0, 4, 5, 9)
    cursor.reset(PLACES)
    assert cursor.step(1, (0, 4)) == (0, 4, 5, 9)  # a hit in the current paragraph comes first
    cursor.reset(PLACES)
    assert cursor.step(-1, (0, 2)) == (0, 1, 0, 3)  # backwards: the last one before
    cursor.reset(PLACES)
    assert cursor.step(1, (1, 5)) == PLACES[0]  # nothing after: wrap to the first
    cursor.reset(PLACES)
    assert cursor.step(-1, (0, 0)) == PLACES[-1]  # nothing before: wrap to the last


def test_later_steps_move_one_place_and_wrap() -> None:
    cursor = HitCursor(PLACES)
    cursor.step(1, (1, 3))
    assert cursor.pos == 3 and cursor.current == PLACES[3]
    assert cursor.step(1, (0, 0)) == PLACES[0]  # the position no longer matters
    assert cursor.step(-1, (0, 0)) == PLACES[3]


def test_no_places_no_step() -> None:
    cursor = HitCursor()
    assert cursor.step(1, (0, 0)) is None and cursor.current is None and cursor.pos == -1


def test_layer_marks_the_current_place() -> None:
    cursor = HitCursor(PLACES)
    assert cursor.layer(0, "hit", "hit-current") == {1: [(0, 3, "hit")], 4: [(5, 9, "hit")]}
    cursor.step(1, (0, 3))
    assert cursor.layer(0, "hit", "hit-current") == {1: [(0, 3, "hit")], 4: [(5, 9, "hit-current")]}
    assert cursor.layer(1, "mention") == {0: [(0, 2, "mention")], 3: [(1, 4, "mention")]}


# -- navigation -----------------------------------------------------------------------------------


def _analysis(n_articles: int = 2) -> Analysis:
    arts = [
        Article.from_texts(
            f"{i}.txt",
            f"T{i}",
            ["Storm hits coast.", "Ten ships sank.", "Port closed.", "Share this"],
            boilerplate={3},
        )
        for i in range(n_articles)
    ]
    matches = [
        Match((0, 0), (1, 2), 0.8, words=("storm",)),
        Match((0, 1), (1, 1), 0.6),
        Match((0, 2), (1, 0), 0.7, moved=True),
    ]
    return Analysis(arts, matches)


def test_navigation_takes_unmatched_and_moved_from_the_core() -> None:
    analysis = _analysis()
    nav = NavIndex(analysis)
    a = nav.per_article[0]
    assert a.unmatched == analysis.unmatched(0) == []
    assert a.moved == [False, False, True, False]
    assert a.gutter == ["→B3", "→B2", "⇅B1", "·"]


def test_gutter_letters_follow_the_report_labels() -> None:
    arts = [Article.from_texts(f"{i}.txt", "", ["Same text here."]) for i in range(28)]
    analysis = Analysis(arts, [Match((0, 0), (27, 0), 0.9)])
    nav = NavIndex(analysis)
    assert nav.per_article[0].gutter == ["→" + article_label(27) + "1"] == ["→AB1"]


def test_shared_spans_are_computed_once_per_side(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui import navigation

    calls: list[str] = []

    def finder(text: str, terms: list[str]) -> list[tuple[int, int]]:
        calls.append(text)
        return [(0, 5)]

    monkeypatch.setattr(navigation, "find_term_spans", finder)
    analysis = _analysis()
    nav = NavIndex(analysis)
    match = analysis.matches[0]
    for _ in range(3):
        assert nav.shared_spans(match, (0, 0)) == [(0, 5, "shared")]
        assert nav.shared_spans(match, (1, 2)) == [(0, 5, "shared")]
    assert calls == ["Storm hits coast.", "Port closed."]
    assert nav.shared_spans(analysis.matches[1], (0, 1)) == []  # no terms: nothing to find


# -- which articles are shown ---------------------------------------------------------------------


def test_fit_keeps_the_shown_panes_and_the_leader() -> None:
    assert visible.fit([0, 1], active=0, total=3, want=3) == [0, 1, 2]  # more room: fill up
    assert visible.fit([0, 1, 2], active=2, total=3, want=2) == [0, 2]  # less: the leader stays
    assert visible.fit([1, 2], active=2, total=4, want=3) == [1, 2, 3]
    assert visible.fit([3], active=3, total=4, want=2) == [0, 3]  # fills after it, wrapping
    assert visible.fit([0, 5], active=0, total=2, want=2) == [0, 1]  # unknown articles drop
    assert visible.fit([0, 1], active=0, total=2, want=3) == [0, 1]


def test_bring_in_replaces_the_last_pane_that_does_not_lead() -> None:
    assert visible.bring_in([0, 1, 2], active=0, article=3) == [0, 1, 3]
    assert visible.bring_in([0, 2], active=2, article=1) == [1, 2]
    assert visible.bring_in([1], active=1, article=0) == [0]
    assert visible.bring_in([0, 1], active=0, article=1) == [0, 1]


def test_cycled_moves_every_pane_on() -> None:
    assert visible.cycled([0, 1], total=3) == [1, 2]
    assert visible.cycled([1, 2], total=3) == [0, 2]
