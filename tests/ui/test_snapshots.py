"""Layout snapshots (pytest-textual-snapshot): sync tests, fixed sizes, pinned theme.

Review ``snapshot_report.html`` before ``pytest tests/ui --snapshot-update``.
"""

from __future__ import annotations

import re

import pytest

from reader.ui import navigation
from reader.ui.app import ReaderApp

from .conftest import hostile_analysis, story_analysis

THEME = "textual-dark"


@pytest.fixture(autouse=True)
def _fixed_term_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shared-term highlighting comes from ``reader.core.matching.terms`` (another module, evolving
    on its own); snapshots use this simple, fixed finder so they show the highlighting yet only
    change when the UI does."""

    def find_term_spans(text: str, terms) -> list[tuple[int, int]]:
        spans = []
        for term in terms:
            for m in re.finditer(re.escape(term), text, re.IGNORECASE):
                spans.append((m.start(), m.end()))
        return sorted(spans)

    monkeypatch.setattr(navigation, "find_term_spans", find_term_spans)


def make_app(n: int = 2) -> ReaderApp:
    analysis = story_analysis(n)
    app = ReaderApp(analysis.articles, analysis=analysis)
    app.theme = THEME
    return app


def test_two_articles_wide(snap_compare) -> None:
    assert snap_compare(make_app(2), terminal_size=(160, 45), press=["n", "n", "j"])


def test_three_articles_wide(snap_compare) -> None:
    assert snap_compare(make_app(3), terminal_size=(160, 45), press=["n"])


def test_two_articles_80x24(snap_compare) -> None:
    assert snap_compare(make_app(2), terminal_size=(80, 24), press=["n", "n"])


def test_help_screen(snap_compare) -> None:
    assert snap_compare(make_app(2), terminal_size=(120, 40), press=["question_mark"])


def test_explain_view(snap_compare) -> None:
    assert snap_compare(make_app(2), terminal_size=(120, 36), press=["n", "n", "x"])


def test_hostile_text(snap_compare) -> None:
    analysis = hostile_analysis()
    app = ReaderApp(analysis.articles, analysis=analysis)
    app.theme = THEME
    assert snap_compare(app, terminal_size=(120, 30), press=["j", "j", "j"])


def test_search_and_entity_highlights(snap_compare) -> None:
    app = make_app(2)
    app.theme = "textual-light"  # one non-default theme, to keep component classes theme-driven
    assert snap_compare(app, terminal_size=(160, 45), press=["e", "enter", "escape"])


def test_manual_match_in_the_gutter(snap_compare) -> None:
    """A match the analyst linked by hand shows ✎ in both gutters and in the status line."""
    from dataclasses import replace

    analysis = story_analysis(2)
    analysis.matches[3] = replace(analysis.matches[3], manual=True)  # A4 - B4, by hand
    app = ReaderApp(analysis.articles, analysis=analysis)
    app.theme = THEME
    assert snap_compare(app, terminal_size=(120, 30), press=["j", "j", "j"])


def test_light_theme_80x24_sidebar_over_the_panes(snap_compare) -> None:
    """Light theme at 80 x 24: legible gutter marks, the short gutter, the sidebar opened over
    the panes (not squeezing them), the footer's most important keys."""
    app = make_app(2)
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24), press=["n", "e"])


def test_help_screen_80x24(snap_compare) -> None:
    assert snap_compare(make_app(2), terminal_size=(80, 24), press=["question_mark"])
