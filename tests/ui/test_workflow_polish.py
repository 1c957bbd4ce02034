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


async def test_sidebar_overlays_the_panes_at_80_columns(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        widths = [r.pane(i).region.width for i in (0, 1)]
        assert not r.sidebar_shown and min(widths) >= 30
        await pilot.press("e")
        await pilot.pause()
        assert r.sidebar_shown and r.sidebar_overlaid
        # The panes keep their width: the sidebar lies over them instead of squeezing them.
        assert [r.pane(i).region.width for i in (0, 1)] == widths
        sidebar = r.query_one("#sidebar")
        assert sidebar.region.right == 80 and sidebar.region.width >= 30
        assert app.focused is r.query_one("#entities")
        await pilot.press("escape")
        await pilot.pause()
        assert not r.sidebar_shown
        assert app.focused is r.active_pane


async def test_sidebar_sits_beside_the_panes_when_wide(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.sidebar_shown and not r.sidebar_overlaid
        sidebar = r.query_one("#sidebar")
        assert r.pane(1).region.right <= sidebar.region.x


async def test_gutter_is_shorter_in_narrow_panes(story3: Analysis) -> None:
    app = ReaderApp(story3.articles, analysis=story3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = app.reader.pane(0)._gutter_width
        assert narrow <= 5
        assert any(len(label) > 4 for label in app.reader.pane(0).nav.gutter)
        await pilot.resize_terminal(200, 45)
        await pilot.pause()
        await pilot.pause()
        assert app.reader.pane(0)._gutter_width > narrow


async def test_footer_keeps_the_important_keys_at_80_columns(story2: Analysis) -> None:
    from reader.ui.widgets.footer import ReaderFooter

    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.reader.chrome_ready()
        await pilot.pause()
        footer = app.reader.query_one(ReaderFooter)
        keys = [k for k in footer.children if "-command-palette" not in k.classes]
        actions = [k.action for k in keys]
        for action in ("next_match(1)", "next_match(-1)", "search", "help", "quit"):
            assert action in actions
        assert all(k.region.right <= 80 for k in footer.children)
        palette = [k for k in footer.children if "-command-palette" in k.classes]
        assert palette and palette[0].region.right <= 80
        # Wider: more keys, in the same order of importance.
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        await pilot.pause()
        wide = [k.action for k in footer.children if "-command-palette" not in k.classes]
        assert len(wide) > len(actions) and wide[: len(actions)] == actions
