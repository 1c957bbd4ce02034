"""Snapshots of the facts x outlets overview (``o``) at a wide and at the smallest terminal.

Review ``snapshot_report.html`` before ``pytest tests/ui --snapshot-update``.
"""

from __future__ import annotations

from reader.ui.app import ReaderApp

from .conftest import outlets_analysis

THEME = "textual-dark"


def make_app(n_articles: int) -> ReaderApp:
    analysis = outlets_analysis(n_articles)
    app = ReaderApp(analysis.articles, analysis=analysis)
    app.theme = THEME
    return app


def test_overview_160x45(snap_compare) -> None:
    # Sorted by coverage, cursor on the second fact.
    assert snap_compare(make_app(8), terminal_size=(160, 45), press=["o", "s", "j"])


def test_overview_80x24_many_outlets(snap_compare) -> None:
    # 30 outlets do not fit in 80 columns: the outlet columns scroll, the labels stay.
    assert snap_compare(make_app(30), terminal_size=(80, 24), press=["o", "j", "right"])


def test_overview_filtered_80x24(snap_compare) -> None:
    # Facts missing from A (the filter chosen in the outlet list).
    assert snap_compare(make_app(5), terminal_size=(80, 24), press=["o", "m", "enter"])
