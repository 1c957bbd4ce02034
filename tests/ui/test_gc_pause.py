"""The garbage collector is paused until the reader's first frame, then restored as it was found."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.cli import main
from reader.core.gc_pause import GcPause
from reader.ui.app import ReaderApp


@pytest.fixture(autouse=True)
def _collector_on_afterwards() -> Iterator[None]:
    """Whatever a test does, the rest of the suite runs with collection on."""
    try:
        yield
    finally:
        gc.enable()


def test_pause_restores_an_enabled_collector() -> None:
    gc.enable()
    pause = GcPause().pause()
    assert not gc.isenabled() and pause.paused
    pause.pause()  # pausing twice must not forget the state found the first time
    pause.resume()
    assert gc.isenabled() and not pause.paused
    gc.disable()
    pause.resume()  # a second resume does nothing
    assert not gc.isenabled()


def test_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    with GcPause():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_an_error_inside_the_pause_restores_the_collector() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), GcPause():
        raise RuntimeError("ingest failed")
    assert gc.isenabled()


async def _until_collecting(pilot: Pilot[None], seconds: float = 3.0) -> None:
    """Wait for the first frame's Ready handler (up to ``seconds``: loaded CI machines are slow)."""
    for _ in range(round(seconds / 0.05)):
        await pilot.pause(0.05)
        if gc.isenabled():
            return


def test_reader_started_from_the_cli_collects_garbage_after_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI pauses collection before ingest; the reader must end that pause once its first
    frame is up, not keep collection off for the whole session."""
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Storm closes port\n\nHeavy rain closed the port of Valmora on Monday.\n", encoding="utf-8"
    )
    b.write_text(
        "Port shut\n\nThe Valmora port was closed on Monday because of heavy rain.\n",
        encoding="utf-8",
    )
    seen: list[bool] = []
    run = ReaderApp.run

    def run_headless(self: ReaderApp, *args: object, **kwargs: object) -> None:
        async def auto_pilot(pilot: Pilot[None]) -> None:
            await _until_collecting(pilot)
            seen.append(gc.isenabled())
            await pilot.app.workers.wait_for_complete()
            pilot.app.exit()

        run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    monkeypatch.setattr(ReaderApp, "run", run_headless)
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    gc.enable()
    assert main([str(a), str(b)]) == 0
    assert seen == [True]
    assert gc.isenabled()


async def test_app_pauses_until_ready_and_restores() -> None:
    from .conftest import story_analysis

    story = story_analysis(2)
    gc.enable()
    app = ReaderApp(story.articles, analysis=story)
    async with app.run_test(size=(100, 30)) as pilot:
        await _until_collecting(pilot)
        assert gc.isenabled()
    assert gc.isenabled()
