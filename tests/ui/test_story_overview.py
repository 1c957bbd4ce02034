"""Pilot tests for reading many outlets: the overview (o), the article picker (a), --show, the
panes that fit, the "+N hidden" marker and the n/p counter over what is shown."""

from __future__ import annotations

from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.screens.choice import ChoiceScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.overview import OverviewScreen
from reader.ui.screens.picker import ArticlePicker
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.fact_table import FactTable
from reader.ui.widgets.status import StatusLine

from .conftest import outlets_analysis, story_analysis


def status(app: ReaderApp) -> str:
    return app.reader.status_text().plain


def overview(app: ReaderApp) -> OverviewScreen:
    assert isinstance(app.screen, OverviewScreen)
    return app.screen


def app_for(analysis: Analysis, **kwargs) -> ReaderApp:
    return ReaderApp(analysis.articles, analysis=analysis, **kwargs)


# -- panes, hidden marker ---------------------------------------------------------------------


async def test_as_many_panes_as_fit_and_the_rest_named() -> None:
    analysis = outlets_analysis(12)
    app = app_for(analysis)
    async with app.run_test(size=(400, 40)) as pilot:
        await pilot.pause()
        r = app.reader
        assert len(r.shown) > 3
        for a in r.shown:
            assert r.query_one(f"#col-{a}").outer_size.width >= 34
        hidden = r.query_one(StatusLine).hidden_text
        assert hidden.startswith(f"+{12 - len(r.shown)} hidden: ")
        assert "L" in hidden
        assert "(a: choose)" in hidden
    app = app_for(analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.reader.shown == [0, 1]
        marker = app.reader.query_one(StatusLine).hidden_text
        assert marker == "+10 hidden: C, D, E, …"  # no room for the key's hint at 80 columns


async def test_no_marker_when_everything_is_shown(story2: Analysis) -> None:
    app = app_for(story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.reader.query_one(StatusLine).hidden_text == ""
        assert not app.reader.query_one("#status-hidden").display


async def test_closing_the_sidebar_makes_room_for_another_pane() -> None:
    app = app_for(outlets_analysis(6))
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.pause()
        r = app.reader
        before = len(r.shown)
        await pilot.press("b")
        await pilot.pause()
        assert not r.sidebar_shown and len(r.shown) == before + 1


# -- counter rules --------------------------------------------------------------------------


async def test_total_does_not_change_with_focus(story3: Analysis) -> None:
    app = app_for(story3)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        total = status(app).split(" · ")[0].split(" of ")[1]
        await pilot.press("tab")
        assert app.reader.active == 1
        assert status(app).split(" · ")[0].split(" of ")[1] == total
        await pilot.press("tab")
        assert app.reader.active == 2
        assert status(app).split(" · ")[0].split(" of ")[1] == total


async def test_n_visits_a_shared_fact_the_leading_article_lacks() -> None:
    # B, C, D report the suspect's arrest; A does not.
    app = app_for(outlets_analysis(4))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 1, 2]
        seen = []
        for _ in range(6):
            await pilot.press("n")
            seen.append((r.active_pane.cursor, status(app)))
        parked = [s for _, s in seen if "not in A" in s]
        assert parked, seen
        # Lined up in the panes that report it: B's and C's suspect paragraphs.
        await pilot.press("g")
        while "not in A" not in status(app):
            await pilot.press("n")
        assert r.pane(1).cursor == 3 and r.pane(2).cursor == 2
        numbers = {s.split(" · ")[0] for _, s in seen}
        assert len(numbers) == len(seen) or len(numbers) == 4  # each stop named once per round


async def test_counter_counts_the_same_stops_n_visits(story2: Analysis) -> None:
    app = app_for(story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert "match 1 of 7" in status(app)
        visited = []
        for _ in range(8):
            await pilot.press("n")
            visited.append(status(app).split(" · ")[0])
        assert visited[-1] == "match 2 of 7" and len(set(visited)) == 7


async def test_status_names_a_partner_in_a_hidden_article() -> None:
    app = app_for(outlets_analysis(8))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 1]
        # A's regulator paragraph (A3) is reported by C only, which is hidden.
        r.goto(0, 2)
        await pilot.pause()
        assert "partner in hidden C" in status(app)
        r.goto(0, 0)
        await pilot.pause()
        assert "also in 6 hidden" in status(app)


# -- overview ---------------------------------------------------------------------------------


async def test_overview_lists_every_fact_and_closes() -> None:
    analysis = outlets_analysis(5)
    app = app_for(analysis)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        ov = overview(app)
        assert len(ov.rows) == len(analysis.facts)
        assert isinstance(app.focused, FactTable)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("o")
        await pilot.press("o")
        assert isinstance(app.screen, ReaderScreen)


async def test_overview_sort_toggles_between_position_and_coverage() -> None:
    app = app_for(outlets_analysis(5))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        ov = overview(app)
        assert [r.first for r in ov.rows] == sorted(r.first for r in ov.rows)
        await pilot.press("s")
        assert ov.sort == "coverage"
        covers = [r.coverage for r in ov.rows]
        assert covers == sorted(covers, reverse=True) and covers != [
            r.coverage for r in ov.all_rows
        ]
        await pilot.press("s")
        assert ov.sort == "position"


async def test_overview_filters() -> None:
    app = app_for(outlets_analysis(5))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        ov = overview(app)
        await pilot.press("a")
        assert [r.coverage for r in ov.rows] == [5]
        await pilot.press("i")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # B
        assert app.screen is ov
        assert [r.articles for r in ov.rows] == [(1,)]
        assert "only in B" in ov.query_one("#overview-title").content.plain
        await pilot.press("m")
        await pilot.press("enter")  # A
        assert ov.rows and all(0 not in r.cells for r in ov.rows)
        await pilot.press("i")
        await pilot.press("escape")  # no choice: the filter stays
        assert ov.filter is not None and ov.filter.kind == "missing"
        await pilot.press("c")
        assert ov.filter is None and len(ov.rows) == len(ov.all_rows)


async def test_overview_filter_with_no_fact_says_so() -> None:
    app = app_for(outlets_analysis(5))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o", "i", "down", "down", "down", "enter")  # only in D: none
        ov = overview(app)
        assert ov.rows == []
        await pilot.press("enter", "j")  # nothing to show: stays open, no error
        assert app.screen is ov


async def test_enter_shows_the_fact_side_by_side() -> None:
    analysis = outlets_analysis(8)
    app = app_for(analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        r = app.reader
        assert 3 not in r.shown
        # Missing from A, most outlets first: the suspect's arrest (B to H).
        await pilot.press("o", "s", "m", "enter")
        ov = overview(app)
        fact = analysis.facts[ov.rows[0].fact]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert set(r.shown) <= set(fact.articles)
        core = fact.members[0]
        assert r.active == core[0] and r.active_pane.cursor == core[1]
        for a, p in fact.members:
            if a in r.shown:
                assert r.pane(a).cursor == p
        assert "match" in status(app) and "of" in status(app)


async def test_enter_makes_hidden_articles_visible() -> None:
    analysis = outlets_analysis(8)
    app = app_for(analysis, show=[0, 1])
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("o", "s", "j", "j", "j")
        row = overview(app).table.current
        assert row is not None and row.articles == (0, 2)  # the regulator: A and C only
        await pilot.press("enter")
        await pilot.pause()
        assert r.shown == [0, 2]
        assert r.pane(2).cursor == analysis.facts[row.fact].members[1][1]
        assert "C" not in r.query_one(StatusLine).hidden_text.split(":")[1]


async def test_overview_grid_scrolls_sideways_with_many_outlets() -> None:
    app = app_for(outlets_analysis(50))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        table = overview(app).table
        await pilot.pause()
        assert table.virtual_size.width > table.size.width
        header = table.render_line(0).text
        assert " A " in header and "AX" not in header
        await pilot.press("end", *["right"] * 12)
        await pilot.pause()
        assert table.scroll_x > 0
        assert table.cursor == len(table.rows) - 1
        assert "AX" in table.render_line(0).text


async def test_help_on_the_overview_lists_its_keys() -> None:
    app = app_for(outlets_analysis(3))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = {b.description for b in app.screen.bindings}
        assert {"Sort", "In all", "Only in…", "Missing from…", "Show fact"} <= descriptions


async def test_overview_waits_for_the_analysis() -> None:
    analysis = story_analysis(2)
    app = ReaderApp(analysis.articles, lambda arts, progress: analysis)
    async with app.run_test(size=(100, 30)) as pilot:
        app.reader.nav = None  # as while the worker runs
        app.reader.analysis = None
        await pilot.press("o")
        assert isinstance(app.screen, ReaderScreen)


# -- picker and --show ------------------------------------------------------------------------


async def test_picker_chooses_the_shown_articles() -> None:
    app = app_for(outlets_analysis(6))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 1, 2]
        await pilot.press("a")
        assert isinstance(app.screen, ArticlePicker)
        # Untick B and C, tick E.
        await pilot.press("down", "space", "j", "space", "j", "down", "space", "enter")
        await pilot.pause()
        assert r.shown == [0, 4] and r.pinned == 2
        # The choice holds when the terminal grows.
        await pilot.resize_terminal(300, 45)
        await pilot.pause()
        assert r.shown == [0, 4]
        await pilot.press("a", "G", "space", "escape")  # cancelled: nothing changes
        assert r.shown == [0, 4]
        await pilot.press("a", "G", "space", "g", "space", "enter")  # untick A, tick F
        assert r.shown == [4, 5] and r.active == 4


async def test_picker_more_than_fit_shows_the_first_ones() -> None:
    app = app_for(outlets_analysis(6))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        r = app.reader
        await pilot.press("a", "ctrl+a", "enter")
        await pilot.pause()
        assert r.shown == list(range(r.max_visible))


async def test_picker_refuses_an_empty_choice() -> None:
    app = app_for(outlets_analysis(3))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("a", "space", "down", "space", "down", "space", "enter")
        assert isinstance(app.screen, ArticlePicker)


async def test_show_option_picks_the_panes_and_the_lead() -> None:
    app = app_for(outlets_analysis(6), show=[3, 0, 4])
    async with app.run_test(size=(300, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 3, 4] and r.active == 3
        assert r.query_one(StatusLine).hidden_text.startswith("+3 hidden: B, C, F")


async def test_a_split_is_one_match_in_parts(story2: Analysis) -> None:
    # A4 is reported by B in two paragraphs (B4, B5): one match, visited paragraph by paragraph.
    app = app_for(story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        r.goto(0, 3)
        await pilot.pause()
        k = status(app).split(" · ")[0]
        assert "(¶" not in k
        await pilot.press("tab")  # B leads, its cursor on B4
        assert r.active == 1 and r.active_pane.cursor == 3
        assert status(app).startswith(k + " (¶ 1/2)")
        await pilot.press("n")
        assert r.active_pane.cursor == 4 and status(app).startswith(k + " (¶ 2/2)")


async def test_overview_of_an_analysis_without_facts(story2: Analysis) -> None:
    # Hand-built (and older saved) analyses have no facts: the key says so and does nothing.
    assert not story2.facts
    app = app_for(story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert any("no facts" in str(n.message) for n in app._notifications)


async def test_a_sidebar_over_the_panes_takes_no_pane_away() -> None:
    app = app_for(outlets_analysis(6))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.shown == [0, 1]
        await pilot.press("e")
        await pilot.pause()
        assert r.sidebar_overlaid and r.shown == [0, 1]
