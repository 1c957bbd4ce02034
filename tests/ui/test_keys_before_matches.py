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


async def until(pilot, condition: Callable[[], bool], timeout: float = 20.0) -> None:
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
        await until(pilot, lambda: len(app.screen.rows) == facts)


async def test_n_pressed_while_matching_moves_to_the_first_match_when_they_arrive() -> None:
    gate = threading.Event()
    app = ReaderApp(_articles(), held_analyzer(gate))
    async with app.run_test(size=(160, 45)) as pilot:
        r = app.reader
        await pilot.pause()
        await pilot.press("n")
        assert any("n moves when they are ready" in m for m in messages(app))
        gate.set()
        await until(pilot, lambda: "match 1 of" in r.status_text().plain)
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
