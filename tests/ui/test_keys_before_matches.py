"""Pilot tests: a key that needs the matches, pressed while they are still being found, acts
when they arrive - unless the analyst has moved the cursor since, or matching failed.

The real pipeline runs on a bundled sample; the test holds it before its first stage with an
event, so the keys really are pressed before any match exists.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from reader.core.analysis import analyze_stages
from reader.core.ingest import load_article
from reader.core.model import Analysis, Article
from reader.ui.app import ReaderApp
from reader.ui.screens.overview import OverviewScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.widgets.fact_table import FactTable

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "ceasefire"


def _articles() -> list[Article]:
    files = sorted(SAMPLE.glob("*.*"))
    return [load_article(str(f)) for f in files if f.name != "expected.json"]


def held_analyzer(
    gate: threading.Event, fail: bool = False
) -> Callable[[list[Article], Callable[[str, float], None]], Iterator[Analysis]]:
    """The real staged analysis, started only once ``gate`` is set (or failing then)."""

    def analyze_held(
        articles: list[Article], progress: Callable[[str, float], None]
    ) -> Iterator[Analysis]:
        assert gate.wait(30)
        if fail:
            raise RuntimeError("matching broke")
        yield from analyze_stages(articles, progress=progress)

    return analyze_held


async def until(pilot, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.02)


def messages(app: ReaderApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_o_pressed_while_matching_opens_the_overview_when_matches_arrive() -> None:
    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await pilot.pause()
        assert r.nav is None
        await pilot.press("o")
        assert isinstance(app.screen, ReaderScreen)
        assert any("the overview opens when they are ready" in m for m in messages(app))
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen))
        assert r.analysis is not None
        facts = len(r.analysis.facts)
        # The screen is pushed before its table is mounted: wait for both.
        await until(pilot, lambda: bool(app.screen.query(FactTable)))
        await until(pilot, lambda: len(app.screen.rows) == facts)


async def test_n_pressed_while_matching_moves_when_they_arrive_as_n_after_them() -> None:
    # Where n goes once the matches are there, pressed after they arrived.
    control_gate = threading.Event()
    control = ReaderApp(_articles(), held_analyzer(control_gate))
    async with control.run_test(size=(160, 45)) as pilot:
        control_gate.set()
        await until(pilot, lambda: control.reader.nav is not None)
        await pilot.press("n")
        await pilot.pause()
        expected = control.reader.current
        expected_status = control.reader.status_text().plain.split(" · ")[0]
    assert expected != (0, 0) and expected_status.startswith("match ")

    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await pilot.pause()
        assert r.nav is None
        await pilot.press("n")
        assert any("n moves when they are ready" in m for m in messages(app))
        gate.set()
        await until(pilot, lambda: r.current == expected, timeout=60)
        assert r.status_text().plain.startswith(expected_status)
        assert r.current_partners()


async def test_a_held_key_is_dropped_when_the_cursor_moved_since() -> None:
    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await pilot.pause()
        await pilot.press("o")
        await pilot.press("j", "j")
        moved = r.current
        gate.set()
        await until(pilot, lambda: r.nav is not None)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        # The analyst has read on: the overview does not pop up over what they read now.
        assert isinstance(app.screen, ReaderScreen) and r.current == moved


async def test_the_latest_held_key_wins() -> None:
    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await pilot.pause()
        await pilot.press("o", "n")
        gate.set()
        await until(pilot, lambda: "match 1 of" in r.status_text().plain)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        assert isinstance(app.screen, ReaderScreen)


async def test_a_held_key_is_dropped_when_matching_fails() -> None:
    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate, fail=True))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await pilot.pause()
        await pilot.press("o")
        gate.set()
        await until(pilot, lambda: any("Matching failed" in m for m in messages(app)))
        await pilot.pause(0.1)
        assert isinstance(app.screen, ReaderScreen) and r.nav is None
        # A later analysis (none here) could not act on the dropped key either.
        assert r._queued is None


async def test_a_result_arriving_while_the_reader_closes_is_dropped() -> None:
    # A worker's stage can reach the loop after quitting has begun to take the screen apart;
    # shown there it raised on missing widgets and the failed worker printed a traceback.
    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate))
    shown: list[str] = []
    async with app.run_test(size=(160, 45)) as pilot:
        app._on_screen(shown.append, "while running")
        await pilot.pause()
    app._on_screen(shown.append, "while closed")
    assert shown == ["while running"]
    gate.set()
