"""Pilot tests: every binding of the reader, asserting on state rather than pixels."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.screens.explain import ExplainScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.sidebar import EntityList, FigureList, TargetOption
from reader.ui.widgets.status import StatusLine

from .conftest import big_analysis


def status(app: ReaderApp) -> str:
    return app.reader.status_text().plain


async def test_initial_state(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 1]
        assert r.active == 0 and r.active_pane.cursor == 0
        assert isinstance(app.focused, ArticlePane)
        # Paragraph 0 of A matches B1 (index 1): the partner is the follower's cursor.
        assert r.pane(1).cursor == 1 and r.pane(1).partner_marks == {1}
        assert "match 1 of 7" in status(app)
        assert "A ¶ 1/12" in status(app)
        assert "sync on" in status(app)
        assert "match 1 of 7" in app.query_one(StatusLine).text


async def test_next_previous_match_moves_both_panes(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("n")
        assert r.active_pane.cursor == 1 and r.pane(1).cursor == 5
        assert "match 2 of 7" in status(app) and "→ B6" in status(app)
        await pilot.press("n", "n")
        assert r.active_pane.cursor == 3 and "match 4 of 7" in status(app)
        await pilot.press("p")
        assert r.active_pane.cursor == 2 and "match 3 of 7" in status(app)
        assert "≈ verbatim" in status(app)
        # The partner's first row sits level with the current paragraph's first row.
        a, b = r.pane(0), r.pane(1)
        assert a.paragraph_rows(2)[0] - round(a.scroll_y) == b.paragraph_rows(2)[0] - round(
            b.scroll_y
        )
        await pilot.press("p", "p", "p")  # wraps around to the last matched paragraph
        assert r.active_pane.cursor == 9


async def test_unmatched_navigation(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("u")
        assert r.active_pane.cursor == 4
        assert "match – of 7" in status(app)
        await pilot.press("u")
        assert r.active_pane.cursor == 5
        await pilot.press("U")
        assert r.active_pane.cursor == 4
        await pilot.press("U")  # wraps backwards; boilerplate paragraph 11 is skipped
        assert r.active_pane.cursor == 10


async def test_cursor_keys_paging_and_edges(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("j", "down")
        assert r.active_pane.cursor == 2 and "A ¶ 3/12" in status(app)
        await pilot.press("k")
        assert r.active_pane.cursor == 1
        await pilot.press("up", "up")
        assert r.active_pane.cursor == 0
        await pilot.press("G")
        assert r.active_pane.cursor == 11
        pane = r.active_pane
        first = pane.paragraph_rows(11)[0]
        assert round(pane.scroll_y) <= first < round(pane.scroll_y) + pane.view_height
        await pilot.press("g")
        assert r.active_pane.cursor == 0 and round(pane.scroll_y) == 0
        await pilot.press("pagedown")
        assert r.active_pane.cursor > 0 and round(pane.scroll_y) > 0
        before = r.active_pane.cursor
        await pilot.press("pageup")
        assert r.active_pane.cursor < before and round(pane.scroll_y) == 0


async def test_cycle_partners(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("j", "j", "j")  # A4 matches B4 and B5
        assert r.current_partners() == [(1, 3), (1, 4)]
        assert r.pane(1).cursor == 3 and "(1/2)" in status(app)
        await pilot.press("]")
        assert r.pane(1).cursor == 4 and "→ B5 (2/2)" in status(app)
        await pilot.press("]")
        assert r.pane(1).cursor == 3
        await pilot.press("[")
        assert r.pane(1).cursor == 4
        assert r.pane(1).partner_marks == {3, 4}


async def test_focus_cycles_between_panes_and_sidebar(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("tab")
        assert app.focused is r.pane(1) and r.active == 1
        # B leads now: its current paragraph is the partner it had, and A marks B's partners.
        assert r.current == (1, 1) and r.pane(0).cursor == 0
        await pilot.press("tab")
        assert app.focused is r.query_one("#entity-filter")  # the list's filter box, then the list
        await pilot.press("tab")
        assert isinstance(app.focused, EntityList)
        await pilot.press("tab")
        assert isinstance(app.focused, FigureList)
        await pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert app.focused is r.pane(1)


async def test_scroll_sync_follows_and_toggles(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        a, b = r.pane(0), r.pane(1)
        a.scroll_to(y=a.paragraph_rows(2)[0], animate=False)  # a user scroll (not guarded)
        await pilot.pause()
        # A3 matches B3: B's partner is level with A's top paragraph.
        assert a.top_paragraph == 2
        assert round(b.scroll_y) == b.paragraph_rows(2)[0]
        await pilot.press("s")
        assert r.sync is False and "sync off" in status(app)
        before = round(b.scroll_y)
        a.scroll_to(y=a.paragraph_rows(0)[0], animate=False)
        await pilot.pause()
        assert round(b.scroll_y) == before
        await pilot.press("s")
        assert r.sync is True


async def test_sync_has_no_feedback_loop(story2: Analysis) -> None:
    senders: dict[int, object] = {}

    def hook(message) -> None:
        if isinstance(message, ArticlePane.Scrolled):
            senders[id(message)] = (
                message.pane
            )  # a message is seen once per node it bubbles through

    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(100, 24), message_hook=hook) as pilot:
        await pilot.pause()
        a, b = app.reader.pane(0), app.reader.pane(1)
        senders.clear()
        follower_start = b.scroll_y
        for _ in range(5):
            a.scroll_to(y=round(a.scroll_y) + 3, animate=False)
            await pilot.pause()
        # The user's scrolls are reported (queued ones may coalesce: ``Scrolled.can_replace``),
        # the follower moves with them, and its guarded scroll is never echoed back as a Scrolled.
        assert 1 <= len(senders) <= 5
        assert all(pane is a for pane in senders.values())
        assert b.scroll_y != follower_start


async def test_search_highlights_and_steps(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"erdogan")  # accent-insensitive: finds Erdoğan and Erdogan
        await pilot.press("enter")
        assert len(r.search_hits) == 4
        assert "hit 1 of 4" in status(app)
        assert r.current == (0, 0)
        await pilot.press("enter")
        assert r.current == (0, 2) and "hit 2 of 4" in status(app)
        await pilot.press("enter")
        assert r.current == (1, 1) and r.active == 1
        await pilot.press("shift+enter")
        assert "hit 2 of 4" in status(app)
        await pilot.press("up")
        assert "hit 1 of 4" in status(app)
        assert any(
            k == "hit-current"
            for spans in r.pane(0)._overlays["search"].values()
            for *_, k in spans
        )
        assert r.pane(1)._overlays["search"]  # hits highlighted in every pane
        await pilot.press("escape")
        assert isinstance(app.focused, ArticlePane)
        await pilot.press("escape")
        assert r.search_hits == [] and "hit" not in status(app)


async def test_entity_list_highlights_and_steps(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("e")
        assert isinstance(app.focused, EntityList)
        ents = app.query_one(EntityList)
        first = next(
            i
            for i in range(ents.option_count)
            if isinstance(ents.get_option_at_index(i), TargetOption)
        )
        ents.highlighted = first
        await pilot.press("enter")
        option = ents.get_option_at_index(first)
        assert isinstance(option, TargetOption)
        ent_id = option.target
        name = story2.entities[ent_id].name
        assert name == "Recep Tayyip Erdoğan"
        assert r.mention_target == ("entity", ent_id)
        assert f"{name} 1/4" in status(app) and r.current == (0, 0)
        assert all(r.pane(a)._overlays["mention"] for a in (0, 1))
        await pilot.press("enter")
        assert f"{name} 2/4" in status(app) and r.current == (0, 2)
        await pilot.press("enter")
        assert r.current == (1, 1)
        assert isinstance(app.focused, EntityList)  # stays in the list for repeated enter


async def test_figure_list_conflict_first_and_jump(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("f")
        figs = app.query_one(FigureList)
        assert app.focused is figs
        assert str(figs.get_option_at_index(0).prompt).startswith("✗ killed: A ≥12 ¶1 · B 14 ¶2")
        figs.highlighted = 0
        await pilot.press("enter")
        assert r.mention_target == ("figure", 0) and r.current == (0, 0)
        await pilot.press("enter")
        assert r.current == (1, 1)


async def test_click_paragraph_and_sidebar_entry(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        b = r.pane(1)
        row = b.paragraph_rows(2)[0] - round(b.scroll_y)
        await pilot.click(b, offset=(10, row))
        assert r.current == (1, 2) and app.focused is b
        figs = app.query_one(FigureList)
        await pilot.click(figs, offset=(5, 0))
        await pilot.pause()
        assert r.mention_target == ("figure", 0)


async def test_explain_screen(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n", "x")
        assert isinstance(app.screen, ExplainScreen)
        assert app.screen.match.score == 0.88
        # The evidence tier is spelled out and the best sentence pair is shaded on both sides.
        evidence = app.screen.query_one(".explain-evidence", Static)
        assert "clear" in str(evidence.render())
        for side in app.screen.query(".explain-text").results(Static):
            shaded = [sp for sp in side.render().spans if "on $accent" in str(sp.style)]
            assert shaded and shaded[0].start == 0
        # Matched without the meaning model: no meaning line.
        assert not app.screen.query(".explain-meaning")
        await pilot.press("escape")
        assert not isinstance(app.screen, ExplainScreen)
        await pilot.press("u", "x")  # no partner: nothing to explain, a notification instead
        assert not isinstance(app.screen, ExplainScreen)


async def test_explain_screen_shows_how_close_the_model_reads_the_pair(story2: Analysis) -> None:
    from dataclasses import replace

    story2.matches = [replace(m, meaning=0.71) for m in story2.matches]
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("n", "n", "x")
        assert isinstance(app.screen, ExplainScreen)
        line = str(app.screen.query_one(".explain-meaning", Static).render())
        assert "Meaning" in line and "0.71" in line and "much the same" in line


async def test_help_screen(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.content) for s in app.screen.query(".help-desc").results(Static))
        for desc in ("Next match", "Explain", "Search", "Sync", "Quit"):
            assert desc in text
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_view_cycle_and_show_article(story3: Analysis) -> None:
    app = ReaderApp(story3.articles, analysis=story3)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 1]
        await pilot.press("v")
        assert r.shown == [1, 2] and r.active == 1
        await pilot.press("v")
        assert r.shown == [0, 2]
        r.show_article(1)
        await pilot.pause()
        assert 1 in r.shown and r.active == 1 and len(r.shown) == 2
    app = ReaderApp(story3.articles, analysis=story3)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.reader.shown == [0, 1, 2]
        await pilot.press("n")
        # A2 matches B6 only; C shows no partner but keeps interpolated sync.
        assert app.reader.pane(1).cursor == 5


async def test_sidebar_folds_when_narrow_and_toggles(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        assert not r.sidebar_shown
        await pilot.press("b")
        assert r.sidebar_shown
        await pilot.press("b")
        assert not r.sidebar_shown
        await pilot.press("e")  # focusing a list unfolds the sidebar
        assert r.sidebar_shown and isinstance(app.focused, EntityList)
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.reader.sidebar_shown


async def test_command_palette_runs_reader_commands(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.press(*"next match")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.active_pane.cursor == 1


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quit(story2: Analysis, key: str) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app._exit is True or not app.is_running


async def test_q_in_search_types_instead_of_quitting(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "q")
        assert app.query_one("#search-input", Input).value == "q"
        assert app.is_running


async def test_hostile_text_is_literal_and_inert(hostile: Analysis) -> None:
    app = ReaderApp(hostile.articles, analysis=hostile)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        r = app.reader
        pane = r.pane(0)
        lines = [pane.render_line(y).text for y in range(pane.view_height)]
        joined = "\n".join(lines)
        for literal in (
            "[/]",
            "[bold]x[/bold]",
            "[@click=app.quit]x[/]",
            "[citation needed]",
            "[$accent]",
            "東京",
        ):
            assert literal in joined
        header = str(app.query_one("#col-0 .pane-header").content)
        title = str(app.query_one("#col-0 .pane-title").content)
        assert "[bold]Title[/bold] [@click=app.quit]x[/]" in title and "evil.txt" in header
        ents = app.query_one(EntityList)
        prompts = [str(ents.get_option_at_index(i).prompt) for i in range(ents.option_count)]
        assert any("[@click=app.quit]x[/]" in p for p in prompts)
        figs = app.query_one(FigureList)
        assert "[bold]" in str(figs.get_option_at_index(0).prompt)
        # Clicking the would-be action span does nothing but select the paragraph.
        row = pane.paragraph_rows(1)[0] - round(pane.scroll_y)
        await pilot.click(pane, offset=(20, row))
        assert app.is_running and r.current == (0, 1)
        await pilot.press("n", "x")
        assert isinstance(app.screen, ExplainScreen)
        await pilot.press("escape", "slash", *"[/]", "enter")
        assert r.search_hits and app.is_running


async def test_wide_characters_wrap_within_pane(hostile: Analysis) -> None:
    from rich.cells import cell_len

    app = ReaderApp(hostile.articles, analysis=hostile)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.reader.pane(0)
        width = pane.scrollable_content_region.width
        for y in range(pane.view_height):
            assert cell_len(pane.render_line(y).text) == width


async def test_background_analysis_paints_first_then_applies(story2: Analysis) -> None:
    import threading

    gate = threading.Event()

    def analyze(articles, progress):
        progress("Matching paragraphs…", 0.4)
        gate.wait(5)
        return story2

    app = ReaderApp(story2.articles, analyze)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause(0.3)
        r = app.reader
        assert r.nav is None and "Matching paragraphs… 40%" in status(app)
        assert r.pane(0).rows is not None  # the text is already laid out and readable
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert r.nav is not None and "match 1 of 7" in status(app)


async def test_analysis_error_is_notified(story2: Analysis) -> None:
    def analyze(articles, progress):
        raise RuntimeError("boom [/] bad")

    app = ReaderApp(story2.articles, analyze)
    async with app.run_test(size=(120, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("boom [/] bad" in str(n.message) for n in app._notifications)
        assert app.reader.busy is None and app.is_running


@pytest.mark.slow
async def test_ten_thousand_paragraphs_navigate() -> None:
    big = big_analysis(10_000)
    app = ReaderApp(big.articles, analysis=big)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        r = app.reader
        assert r.pane(0).rows is not None and r.pane(0).rows.height > 10_000
        await pilot.press("G")
        assert r.active_pane.cursor == 9_999
        await pilot.press("p")
        assert r.active_pane.cursor == 9_996
        r.goto(0, 4_999)
        await pilot.press("n")
        assert r.active_pane.cursor == 5_001
        a, b = r.pane(0), r.pane(1)
        q = r.selected_partner()[1]
        assert a.paragraph_rows(r.active_pane.cursor)[0] - round(a.scroll_y) == b.paragraph_rows(q)[
            0
        ] - round(b.scroll_y)


def test_meaning_line_reads_the_cosine_against_the_topic_level() -> None:
    from reader.core.model import Match
    from reader.ui.screens.explain import meaning_line

    assert meaning_line(Match((0, 0), (1, 0), 0.8)) is None
    assert "topic" in str(meaning_line(Match((0, 0), (1, 0), 0.5, meaning=0.35)))
    assert "some of the same" in str(meaning_line(Match((0, 0), (1, 0), 0.5, meaning=0.5)))


def test_evidence_line_spells_out_tier_and_cue() -> None:
    from reader.core.model import Match
    from reader.ui.screens.explain import evidence_line

    assert "clear" in str(evidence_line(Match((0, 0), (1, 0), 0.8)))
    supported = str(evidence_line(Match((0, 0), (1, 0), 0.4, evidence="supported", cue="lede")))
    assert "supported" in supported and "headline" in supported
