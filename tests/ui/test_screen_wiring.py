"""How the reader's parts talk: widgets post messages, the palette follows the bindings, and the
wrap cache hits.  (That no module imports one that imports it back is tests/test_import_hygiene.py.)"""

from __future__ import annotations

import pytest
from textual.command import CommandList
from textual.message import Message
from textual.widgets import Input, Static

from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.commands import READER_SECTIONS, palette_actions
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets import article_pane
from reader.ui.widgets.search import SearchBar, SearchInput
from reader.ui.widgets.sidebar import FigureList, Sidebar


async def test_search_keys_post_step_and_the_screen_steps(story2: Analysis) -> None:
    posted: list[Message] = []
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45), message_hook=posted.append) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("slash", *"erdogan")
        for _ in range(30):  # the debounce timer; a loaded machine may also fire it mid-word
            await pilot.pause(0.1)
            if len(r.search_hits) == 4:
                break
        # As you type (debounced): the bar searches and says so; the hits show, none chosen yet.
        assert any(isinstance(m, SearchBar.Changed) for m in posted)
        assert len(r.search_hits) == 4 and "hit – of 4" in r.status_text().plain
        assert str(app.query_one("#search-count", Static).content) == "hit – of 4"
        posted.clear()
        await pilot.press("down")
        steps = {id(m): m for m in posted if isinstance(m, SearchInput.Step)}  # once per node
        assert [m.direction for m in steps.values()] == [1]
        assert r.current == (0, 0) and r.search.pos == 0
        # The screen reacts to the message itself, whoever sends it.
        app.query_one(SearchInput).post_message(SearchInput.Step(1))
        await pilot.pause()
        assert r.current == (0, 2) and r.search.pos == 1
        app.query_one(SearchInput).post_message(SearchInput.Step(-1))
        await pilot.pause()
        assert r.current == (0, 0) and "hit 1 of 4" in r.status_text().plain
        posted.clear()
        await pilot.press("escape")
        assert any(isinstance(m, SearchInput.Closed) for m in posted)
        assert not app.query_one("#search-bar").display
        assert not isinstance(app.focused, Input)


async def test_sidebar_posts_target_selected_with_kind_and_id(story2: Analysis) -> None:
    posted: list[Message] = []
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45), message_hook=posted.append) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("f")
        app.query_one(FigureList).highlighted = 0
        posted.clear()
        await pilot.press("enter")
        chosen = {id(m): m for m in posted if isinstance(m, Sidebar.TargetSelected)}
        assert [(m.kind, m.id) for m in chosen.values()] == [("figure", 0)]
        assert r.mention_target == ("figure", 0)
        # An entity chosen by message (the palette's path goes through the same handler).
        soylu = next(e.id for e in story2.entities if e.name == "Süleyman Soylu")
        app.query_one(Sidebar).post_message(Sidebar.TargetSelected("entity", soylu))
        await pilot.pause()
        assert r.mention_target == ("entity", soylu)
        assert r.current == (0, 9)  # A10: the first mention at or after the reader (A1)
        assert "Süleyman Soylu 1/2" in r.status_text().plain


async def test_wrap_cache_hits_when_a_width_comes_back(
    story2: Analysis, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[int] = []
    real = article_pane.build_layout

    def counting(texts: list[str], width: int) -> article_pane.Layout:
        built.append(width)
        return real(texts, width)

    monkeypatch.setattr(article_pane, "build_layout", counting)
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        pane = app.reader.pane(0)
        first = pane.rows
        assert first is not None
        await pilot.resize_terminal(130, 45)
        await pilot.pause()
        assert pane.rows is not None and pane.rows.width != first.width
        before = len(built)
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        assert pane.rows is first  # the layout wrapped at this width before, reused
        assert len(built) == before


def test_palette_rows_come_from_the_bindings() -> None:
    rows = palette_actions(READER_SECTIONS)
    bindings = [b for _, section in READER_SECTIONS for b in section]
    assert bindings == ReaderScreen.BINDINGS  # every reader key is in exactly one section
    assert [r.action for r in rows] == [b.action for b in bindings]
    titles = [r.title for r in rows]
    assert len(set(titles)) == len(titles)
    assert "go: page down" in titles
    assert "view: sync · lock / unlock scrolling of the panes together" in titles
    for row in rows:
        name = row.action.split("(")[0]
        owner = ReaderApp if name.startswith("app.") else ReaderScreen
        assert hasattr(owner, "action_" + name.removeprefix("app.")), row.action


async def test_palette_offers_the_app_keys_too(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"app: help")
        for _ in range(30):  # the palette searches in the background
            await pilot.pause(0.1)
            hits = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
            if hits and "app: help" in hits[0]:
                break
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
