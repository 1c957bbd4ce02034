"""What the reader's first frame styles (issue 12: first paint within 1.5x a bare Textual app).

Each restyle of a pane column also restyles its article pane's 19 component classes; the
column borders are now set by a class the reader screen keeps, not by an order-dependent
pseudo-class that made Textual restyle every column once more when it was mounted."""

from __future__ import annotations

from reader.ui.app import ReaderApp
from reader.ui.widgets.pane_column import PaneColumn

from .conftest import story_analysis


def _left_borders(app: ReaderApp) -> dict[int, str]:
    reader = app.reader
    return {
        i: reader.query_one(f"#col-{i}", PaneColumn).styles.border_left[0] for i in reader.shown
    }


async def test_only_the_leftmost_column_shown_has_no_left_border() -> None:
    story = story_analysis(3)
    app = ReaderApp(story.articles, analysis=story)
    async with app.run_test(size=(100, 30)) as pilot:  # room for two panes of three
        await pilot.pause()
        assert app.reader.shown == [0, 1]
        assert _left_borders(app) == {0: "", 1: "vkey"}
        await pilot.press("v")  # the next articles: column 0 is hidden
        await pilot.pause()
        first = app.reader.shown[0]
        assert first != 0
        borders = _left_borders(app)
        assert borders.pop(first) == "" and set(borders.values()) == {"vkey"}
        await pilot.press("v")
        await pilot.pause()
        assert app.reader.shown[0] == 0 and _left_borders(app)[0] == ""


async def test_no_column_is_restyled_for_its_place_before_the_first_frame(monkeypatch) -> None:
    """Mounting the columns does not restyle them again (an order-dependent pseudo-class such
    as ``:first-of-type`` did, and each restyle of a column restyles its pane's component
    classes too)."""
    restyled: list[str | None] = []
    update = PaneColumn.update_node_styles

    def counted(self: PaneColumn, animate: bool = True) -> None:
        if not ready:
            restyled.append(self.id)
        update(self, animate)

    ready: list[bool] = []
    monkeypatch.setattr(PaneColumn, "update_node_styles", counted)
    story = story_analysis(2)
    app = ReaderApp(story.articles, analysis=story)
    async with app.run_test(size=(120, 36)) as pilot:
        ready.append(True)
        await pilot.pause()
        assert restyled == []


async def test_the_first_resume_does_not_restyle_the_whole_screen(monkeypatch) -> None:
    """Every node is styled as it is mounted: Textual's restyle of the whole screen when it
    is first shown repeated that work (every pane's 19 component classes once more).  A later
    resume that asks for a restyle still gets it."""
    from textual.events import ScreenResume

    from reader.ui.screens.reader import ReaderScreen

    restyled: list[bool] = []
    update = ReaderScreen.update_node_styles

    def counted(self: ReaderScreen, animate: bool = True) -> None:
        restyled.append(bool(ready))
        update(self, animate)

    ready: list[bool] = []
    monkeypatch.setattr(ReaderScreen, "update_node_styles", counted)
    story = story_analysis(2)
    app = ReaderApp(story.articles, analysis=story)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert restyled == []
        ready.append(True)
        app.reader.post_message(ScreenResume())  # as when a screen stack switches back to it
        await pilot.pause()
        assert restyled == [True]


async def test_gutter_colours_use_the_theme_variables_textual_keeps() -> None:
    """A pane's gutter colours read the theme's variables as Textual last computed them:
    asking the app for them again built the whole colour system (three times before the first
    frame).  The colours are the same, and follow a theme change."""
    story = story_analysis(2)
    app = ReaderApp(story.articles, analysis=story)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        pane = app.reader.pane(0)
        pane._styles.clear()
        computed = {name: pane._style(name, False) for name in ("gutter", "gutter-crossing")}

        def rebuilt() -> dict[str, str]:
            raise AssertionError("the colour system was built again")

        real = app.get_css_variables
        app.get_css_variables = rebuilt  # type: ignore[method-assign]
        pane._styles.clear()
        assert {n: pane._style(n, False) for n in computed} == computed
        app.get_css_variables = real  # type: ignore[method-assign]
        app.theme = "textual-light"
        await pilot.pause()
        pane._styles.clear()
        light = {n: pane._style(n, False) for n in computed}
        assert light != computed
