"""Issue 12 polish: keys that reach the app in every terminal, help at 80 columns, narrow
layouts, filters."""

from __future__ import annotations

from textual.widgets import Input, Static

from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.status import StatusLine


def status(app: ReaderApp) -> str:
    return app.reader.query_one(StatusLine).text


async def test_ctrl_r_steps_back_through_search_hits(story2: Analysis) -> None:
    """``shift+enter`` arrives as plain enter in many terminals; ``ctrl+r`` always arrives."""
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"erdogan", "enter", "enter")
        assert "hit 2 of 4" in status(app)
        await pilot.press("ctrl+r")
        assert "hit 1 of 4" in status(app)
        assert isinstance(app.focused, Input)  # still typing in the search box
        placeholder = app.query_one("#search-input", Input).placeholder
        assert "ctrl+r" in placeholder


async def test_help_at_80_columns_keeps_descriptions_out_of_the_key_column(
    story2: Analysis,
) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        keys = list(screen.query(".help-key").results(Static))
        descs = list(screen.query(".help-desc").results(Static))
        assert len(keys) == len(descs) > 20
        key_right = max(k.region.right for k in keys)
        dialog = screen.query_one("#help-dialog")
        assert dialog.region.right <= 80
        for d in descs:
            assert d.region.x >= key_right  # every description line starts right of the keys
            assert d.region.right <= dialog.region.right
        # Long descriptions wrap inside their column, so some rows are taller than one line.
        assert any(d.region.height > 1 for d in descs)
        text = " ".join(str(k.content) for k in keys)
        assert "ctrl+r" in text  # the previous-hit key that reaches the app is listed
