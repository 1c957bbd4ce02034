"""Pilot tests for the staged analysis: the matches, match keys and facts overview work while the
names and figures are still being found; the sidebar says so honestly, then shows them; the
analyst's corrections apply stage by stage without false "stale" notices.

The real pipeline runs (``analyze_stages`` on a bundled sample); the test holds it between
stages with events, so each in-between state can be looked at.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import OptionList

from reader.core.analysis import analyze, analyze_stages
from reader.core.corrections import CorrectionSession, open_corrections
from reader.core.ingest import load_article
from reader.core.model import Analysis, Article
from reader.ui.app import ReaderApp
from reader.ui.screens.overview import OverviewScreen
from reader.ui.screens.prompt import PromptScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.sidebar import TargetOption
from reader.ui.widgets.status import StatusLine

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ceasefire"


def _articles() -> list[Article]:
    files = sorted(SAMPLE.glob("*.*"))
    return [load_article(str(f)) for f in files if f.name != "expected.json"]


class Gates:
    """Holds the analysis after each of its first two stages until released."""

    def __init__(self) -> None:
        self.after = [threading.Event(), threading.Event()]
        self.yielded: list[Analysis] = []

    def analyzer(
        self, fail_after_matches: bool = False, report_progress: bool = True
    ) -> Callable[[list[Article], Callable[[str, float], None]], Iterator[Analysis]]:
        def analyze_gated(
            articles: list[Article], progress: Callable[[str, float], None]
        ) -> Iterator[Analysis]:
            report = progress if report_progress else None
            for i, stage in enumerate(analyze_stages(articles, progress=report)):
                self.yielded.append(stage)
                yield stage
                if i < len(self.after):
                    assert self.after[i].wait(30)
                if fail_after_matches:
                    raise RuntimeError("no [b]names[/] today")

        return analyze_gated

    def release(self, stage: int) -> None:
        self.after[stage].set()


async def until(pilot, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


def list_lines(app: ReaderApp, which: str) -> list[str]:
    options = app.reader.query_one(f"#{which}", OptionList)
    return [options.get_option_at_index(i).prompt.plain for i in range(options.option_count)]


def has_targets(app: ReaderApp, which: str) -> bool:
    options = app.reader.query_one(f"#{which}", OptionList)
    return any(
        isinstance(options.get_option_at_index(i), TargetOption)
        for i in range(options.option_count)
    )


def status(app: ReaderApp) -> str:
    return app.reader.status_text().plain


def messages(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_matches_and_overview_work_while_names_and_figures_are_found() -> None:
    gates = Gates()
    articles = _articles()
    app = ReaderApp(articles, gates.analyzer())
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await until(pilot, lambda: r.nav is not None)
        await r.chrome_ready()
        await pilot.pause()
        assert r.analysis is not None and r.analysis.pending == ("entities", "figures")
        # Honest in-between state: the lists say what is still being found, the bar stays.
        assert list_lines(app, "entities") == ["Finding names…"]
        assert list_lines(app, "figures") == ["Finding figures…"]
        assert r.busy is not None and r.query_one(StatusLine).has_class("-busy")
        assert "%" in status(app)
        # The match keys work already.
        await pilot.press("n")
        assert "match 1 of" in status(app) and r.current_partners()
        await pilot.press("n")
        here = r.current
        assert here[1] > 0 or here[0] > 0
        # The overview works already.
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        assert len(app.screen.rows) == len(r.analysis.facts)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen) and r.current == here

        gates.release(0)
        await until(pilot, lambda: has_targets(app, "entities"))
        assert list_lines(app, "figures") == ["Finding figures…"]
        assert r.analysis.pending == ("figures",) and r.busy is not None
        assert r.current == here  # names arriving do not move the reader
        assert any(
            kind == "entity" for spans in r.nav.per_article[0].spans.values() for *_, kind in spans
        )

        gates.release(1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert has_targets(app, "figures")
        assert not r.analysis.pending and r.busy is None
        assert not r.query_one(StatusLine).has_class("-busy") and "%" not in status(app)
        assert r.current == here
    whole = analyze(_articles())
    assert repr(r.analysis.figure_groups) == repr(whole.figure_groups)
    assert repr(r.analysis.entities) == repr(whole.entities)


async def test_the_overview_stays_usable_while_the_rest_arrives() -> None:
    gates = Gates()
    app = ReaderApp(_articles(), gates.analyzer())
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await until(pilot, lambda: r.nav is not None)
        await pilot.press("o")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        gates.release(0)
        gates.release(1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        before = screen.table.cursor
        await pilot.press("j")
        assert screen.table.cursor == before + 1
        fact = screen.table.current
        assert fact is not None
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        assert fact.fact in r.analysis.facts_of(r.current)
        assert has_targets(app, "entities") and has_targets(app, "figures")


def _saved_corrections(path: Path) -> tuple[Analysis, int, int]:
    """Save a match rejection, an entity rename and a "not a conflict" for the sample; returns
    the complete analysis, the rejected match's index and the conflicting group's id."""
    whole = analyze(_articles())
    session = CorrectionSession(open_corrections(path))
    session.attach(whole)
    match = 0
    m = whole.matches[match]
    session.toggle_reject(m.left, m.right)
    session.rename_entity(0, "Renamed by hand")
    group = next(g.id for g in whole.figure_groups if g.status == "conflict")
    session.toggle_not_a_conflict(group)
    return whole, match, group


async def test_corrections_apply_stage_by_stage_without_stale_notices(tmp_path: Path) -> None:
    path = tmp_path / "corrections.json"
    whole, match, group = _saved_corrections(path)
    rejected = whole.matches[match]
    gates = Gates()
    session = CorrectionSession(open_corrections(path))
    app = ReaderApp(_articles(), gates.analyzer(), session=session)
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await until(pilot, lambda: r.nav is not None)
        await pilot.pause()
        analysis = r.analysis
        assert analysis is not None and rejected in analysis.rejected
        assert rejected not in analysis.matches
        assert not analysis.stale_corrections  # the rename and the figure wait, not stale
        # A match decided now, while the names are still being found...
        r.goto(*analysis.matches[0].left)
        partner = r.selected_partner()
        assert partner is not None
        await pilot.press("r")
        decided = r.analysis.rejected[-1]
        assert partner in (decided.left, decided.right)

        gates.release(0)
        await until(pilot, lambda: r.analysis.pending == ("figures",))
        # ... survives the names' arrival, and the saved rename applies now.
        assert rejected in r.analysis.rejected and decided in r.analysis.rejected
        assert r.analysis.entities[0].name == "Renamed by hand"
        assert "Renamed by hand" in "\n".join(list_lines(app, "entities"))

        gates.release(1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not r.analysis.pending
        assert r.analysis.figure_groups[group].status == "agree"
        assert rejected in r.analysis.rejected and decided in r.analysis.rejected
        assert not any("not applied" in m for m in messages(app))
        # Undo works on the complete analysis: the decision made at stage one is withdrawn.
        await pilot.press("ctrl+z")
        assert decided not in r.analysis.rejected and rejected in r.analysis.rejected
        assert r.analysis.entities[0].name == "Renamed by hand"


async def test_a_stale_correction_is_reported_once_when_everything_is_in(
    tmp_path: Path,
) -> None:
    path = tmp_path / "corrections.json"
    _saved_corrections(path)
    articles = _articles()
    # The renamed entity is not in these articles any more: its rename is stale, said once.
    name = analyze(_articles()).entities[0].name
    for article in articles:
        article.paragraphs = [
            replace(p, text=p.text.replace(name, "Someone")) for p in article.paragraphs
        ]
    gates = Gates()
    app = ReaderApp(articles, gates.analyzer(), session=CorrectionSession(open_corrections(path)))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await until(pilot, lambda: r.nav is not None)
        await pilot.pause()
        assert not any("not applied" in m for m in messages(app))
        gates.release(0)
        gates.release(1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        stale = [m for m in messages(app) if "not applied" in m]
        assert len(stale) == 1


async def test_a_failed_names_stage_leaves_the_matches_usable() -> None:
    gates = Gates()
    app = ReaderApp(_articles(), gates.analyzer(fail_after_matches=True))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await until(pilot, lambda: r.nav is not None)
        await r.chrome_ready()
        gates.release(0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert r.busy is None and r.nav is not None
        assert any("no [b]names[/] today" in m for m in messages(app))
        assert list_lines(app, "entities") == ["No names: finding them failed"]
        assert list_lines(app, "figures") == ["No figures: finding them failed"]
        await pilot.press("n")
        assert "match 1 of" in status(app)
        await pilot.press("w")
        assert any("No memo: finding entities and figures failed" in m for m in messages(app))


async def test_the_memo_waits_for_names_and_figures(tmp_path: Path) -> None:
    gates = Gates()
    app = ReaderApp(
        _articles(),
        gates.analyzer(),
        session=CorrectionSession(open_corrections(tmp_path / "c.json")),
    )
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await until(pilot, lambda: r.nav is not None)
        await pilot.press("w")
        assert not isinstance(app.screen, PromptScreen)
        assert any("Still finding entities and figures" in m for m in messages(app))
        gates.release(0)
        gates.release(1)
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("w")
        assert isinstance(app.screen, PromptScreen)


@pytest.mark.parametrize("stage", [0, 1])
async def test_the_sidebar_shown_later_shows_the_latest_stage(stage: int) -> None:
    """The sidebar lists mount after the first frame; a stage shown before them is kept."""
    stages = list(analyze_stages(_articles()))
    app = ReaderApp(stages[stage].articles, analysis=stages[stage])
    async with app.run_test(size=(160, 45)) as pilot:
        await app.reader.chrome_ready()
        await pilot.pause()
        expected = ["Finding names…"] if stage == 0 else None
        if expected:
            assert list_lines(app, "entities") == expected
        else:
            assert has_targets(app, "entities")
        assert list_lines(app, "figures") == ["Finding figures…"]


async def test_quitting_stops_the_analysis_before_the_next_stage() -> None:
    """The worker thread would otherwise keep the process alive until names and figures are
    found."""
    gates = Gates()
    # Without progress reports: nothing else tells the worker that the reader has gone.
    app = ReaderApp(_articles(), gates.analyzer(report_progress=False))
    async with app.run_test(size=(160, 45)) as pilot:
        await until(pilot, lambda: app.reader.nav is not None)
        await pilot.press("q")
    gates.release(0)
    gates.release(1)
    await asyncio.sleep(1.5)  # time enough for the names and figures of two short articles
    # The names may have been under way when the reader quit; the figures never start.
    assert [s.pending for s in gates.yielded] in (
        [("entities", "figures")],
        [("entities", "figures"), ("figures",)],
    )
