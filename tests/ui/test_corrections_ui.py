"""Pilot tests for the analyst's keys: r, m, ctrl+z / ctrl+y, c / C, w."""

from __future__ import annotations

from pathlib import Path

from reader.core.corrections import CorrectionSession, RejectMatch, open_corrections
from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.screens.prompt import PromptScreen


def _app(analysis: Analysis, tmp_path: Path) -> tuple[ReaderApp, Path]:
    path = tmp_path / "corrections.json"
    return ReaderApp(
        analysis.articles, analysis=analysis, session=CorrectionSession(open_corrections(path))
    ), path


def status(app: ReaderApp) -> str:
    return app.reader.status_text().plain


async def test_r_rejects_the_current_match_and_again_restores_it(
    story2: Analysis, tmp_path
) -> None:
    app, path = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.selected_partner() == (1, 1)
        await pilot.press("r")
        assert r.analysis is not None and len(r.analysis.rejected) == 1
        assert r.selected_partner() is None
        assert "✗ rejected B2" in status(app)
        assert r.pane(0).nav.gutter[0] == "✗" and r.pane(1).nav.gutter[1] == "✗"
        saved = open_corrections(path).corrections
        assert len(saved) == 1 and isinstance(saved[0], RejectMatch)
        await pilot.press("r")
        assert not r.analysis.rejected and r.selected_partner() == (1, 1)
        assert open_corrections(path).corrections == []


async def test_undo_and_redo(story2: Analysis, tmp_path) -> None:
    app, path = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.press("ctrl+z")
        assert not app.reader.analysis.rejected and open_corrections(path).corrections == []
        await pilot.press("ctrl+y")
        assert len(app.reader.analysis.rejected) == 1
        assert len(open_corrections(path).corrections) == 1


async def test_m_then_m_in_another_pane_links_by_hand(story2: Analysis, tmp_path) -> None:
    app, path = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        unmatched_a = r.nav.per_article[0].unmatched[0]
        unmatched_b = r.nav.per_article[1].unmatched[0]
        r.goto(0, unmatched_a)
        await pilot.press("m")
        assert "m: A" in status(app)
        r.pane(1).focus()
        r.goto(1, unmatched_b)
        await pilot.press("m")
        await pilot.pause()
        assert r.link_mark is None
        manual = [x for x in r.analysis.matches if x.manual]
        assert len(manual) == 1 and (manual[0].left, manual[0].right) == (
            (0, unmatched_a),
            (1, unmatched_b),
        )
        assert "✎ linked by hand" in status(app)
        assert r.pane(1).nav.gutter[unmatched_b] == "✎A" + str(unmatched_a + 1)
        assert len(open_corrections(path).corrections) == 1
        await pilot.press("r")  # rejecting one's own link withdraws it
        assert not any(x.manual for x in r.analysis.matches)


async def test_c_and_shift_c_copy_with_sources(story2: Analysis, tmp_path) -> None:
    app, _ = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert app.clipboard.startswith(story2.articles[0].paragraphs[0].text)
        assert f"— A1 · {story2.articles[0].source}" in app.clipboard
        await pilot.press("C")
        assert "— A1" in app.clipboard and "— B2" in app.clipboard
        assert any("Copied A1 and B2" in n.message for n in app._notifications)


async def test_w_writes_the_memo_atomically(story2: Analysis, tmp_path) -> None:
    app, _ = _app(story2, tmp_path)
    target = tmp_path / "memo.md"
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        prompt = app.screen.query_one("#prompt-input")
        prompt.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text(encoding="utf-8").startswith("# Parallel reading report")
        assert any("Memo written" in n.message for n in app._notifications)
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("escape")
        assert not isinstance(app.screen, PromptScreen)


async def test_failed_memo_write_is_one_line(story2: Analysis, tmp_path) -> None:
    app, _ = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        app.reader._write_memo(str(tmp_path / "no" / "such" / "folder" / "memo.md"))
        await pilot.pause()
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert len(errors) == 1 and errors[0].startswith("Memo not written")


async def test_without_a_session_the_keys_say_so(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert not app.reader.analysis.rejected
        assert any("not kept" in n.message for n in app._notifications)


async def test_x_explains_manual_and_rejected_matches(story2: Analysis, tmp_path) -> None:
    from textual.widgets import Static

    from reader.ui.screens.explain import ExplainScreen

    app, _ = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("r", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExplainScreen)
        title = str(app.screen.query_one("#explain-title", Static).render())
        assert "Rejected by you" in title
        await pilot.press("escape")
        r = app.reader
        r.goto(0, r.nav.per_article[0].unmatched[0])
        await pilot.press("m")
        r.pane(1).focus()
        r.goto(1, r.nav.per_article[1].unmatched[0])
        await pilot.press("m", "x")
        await pilot.pause()
        assert "Linked by hand" in str(app.screen.query_one("#explain-title", Static).render())


async def _focus_entry(pilot, app: ReaderApp, which: str, option_id: str) -> None:
    """Focus a sidebar list and highlight the entry for entity ``e<id>`` / group ``g<id>``."""
    from textual.widgets import OptionList

    await pilot.press("e" if which == "entities" else "f")
    await pilot.pause()
    options = app.reader.query_one(f"#{which}", OptionList)
    wanted = ("entity-" if option_id[0] == "e" else "figure-") + option_id[1:]
    options.highlighted = next(
        i for i in range(options.option_count) if options.get_option_at_index(i).id == wanted
    )


async def test_entity_rename_merge_split(story2: Analysis, tmp_path) -> None:
    from reader.ui.screens.choice import ChoiceScreen

    app, path = _app(story2, tmp_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        first = story2.entities[0]
        await _focus_entry(pilot, app, "entities", f"e{first.id}")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one("#prompt-input").value = "Renamed One"
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.analysis.entities[0].name == "Renamed One"
        await _focus_entry(pilot, app, "entities", "e0")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")  # the first other entity, by name
        await pilot.pause()
        assert len(app.reader.analysis.entities) == len(story2.entities) - 1
        assert app.reader.analysis.entities[0].manual
        await _focus_entry(pilot, app, "entities", "e0")
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert len(app.reader.analysis.entities) == len(story2.entities)
        assert len(open_corrections(path).corrections) == 3
        await pilot.press("ctrl+z", "ctrl+z", "ctrl+z")
        assert repr(app.reader.analysis.entities) == repr(story2.entities)


async def test_figure_group_not_a_conflict_and_split(story2: Analysis, tmp_path) -> None:
    from reader.core.corrections import NOT_A_CONFLICT
    from reader.ui.screens.choice import ChoiceScreen

    app, _ = _app(story2, tmp_path)
    conflict = next(g for g in story2.figure_groups if g.status == "conflict")
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await _focus_entry(pilot, app, "figures", f"g{conflict.id}")
        await pilot.press("r")
        await pilot.pause()
        group = app.reader.analysis.figure_groups[conflict.id]
        assert group.status == "agree" and group.manual == NOT_A_CONFLICT
        await pilot.press("ctrl+z")
        await _focus_entry(pilot, app, "figures", f"g{conflict.id}")
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("enter")
        await pilot.pause()
        groups = app.reader.analysis.figure_groups
        assert len(groups) == len(story2.figure_groups) + 1 and groups[-1].manual == "split"


async def test_first_enter_after_e_acts(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.mention_target is not None


async def test_gutter_is_neutral_while_analysing(story2: Analysis) -> None:
    from reader.ui.widgets.article_pane import ANALYSING_MARK

    app = ReaderApp(story2.articles)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        pane = app.reader.pane(0)
        first = pane.render_line(0).text + pane.render_line(1).text + pane.render_line(2).text
        assert ANALYSING_MARK in first and "·" not in first
