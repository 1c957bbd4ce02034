"""End to end: the installed ``parallel-reader`` in a real terminal (tmux), driven by keys.

Skips when tmux is missing (CI installs it).  Waits on screen text with a timeout instead of
fixed sleeps, so it is robust on slow machines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_session import TmuxSession, tmux_session

pytestmark = pytest.mark.e2e

TIMEOUT = 30.0

ARTICLE_A = """Harbour bridge closed after ship strike

A cargo ship struck the Northgate harbour bridge early on Tuesday, forcing officials to close it to all traffic.

Mayor Elena Ruiz said at least 3 people were injured and taken to hospital.

Engineers will inspect the damaged pillars over the coming week.

The port authority said shipping would resume on Thursday.
"""

ARTICLE_B = """Ship hits Northgate bridge, three hurt

Three people were injured when a cargo vessel hit the Northgate harbour bridge on Tuesday morning, Mayor Elena Ruiz said.

The bridge was closed to all traffic after the cargo ship struck it.

Local fishermen described a loud crash before dawn.

Engineers are to inspect the damaged pillars during the coming week.
"""


@pytest.fixture(name="tmux_session")
def tmux_session_fixture() -> Iterator[TmuxSession]:
    yield from tmux_session("reader-e2e", TIMEOUT)


def test_reader_in_real_terminal(tmux_session: TmuxSession, tmp_path: Path) -> None:
    a = tmp_path / "harbour-a.txt"
    b = tmp_path / "harbour-b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    tmux_session.start([str(a), str(b)], tmp_path)
    screen = tmux_session.wait_for(r"match \d+ of \d+")
    assert "Harbour bridge closed" in screen  # titles (truncated to the pane width)
    assert "Ship hits Northgate" in screen
    tmux_session.keys("g", "n")
    # n moved on to paragraph 2 (the lede's tangle of partners is one match: "(¶ 2/3)").
    screen = tmux_session.wait_for(r"match \d+ of \d+.* A ¶ 2/5")
    tmux_session.keys("x")
    screen = tmux_session.wait_for(r"Why these paragraphs match")
    assert "score" in screen
    tmux_session.keys("Escape")
    tmux_session.wait_until_gone("Why these paragraphs match")
    assert re.search(r"match \d+ of \d+.* A ¶ 2/5", tmux_session.screen())
    tmux_session.quit()


def test_rejected_match_is_still_rejected_after_reopening(
    tmux_session: TmuxSession, tmp_path: Path
) -> None:
    a = tmp_path / "harbour-a.txt"
    b = tmp_path / "harbour-b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    tmux_session.start([str(a), str(b)], tmp_path)
    tmux_session.wait_for(r"match 1 of \d+")
    tmux_session.keys("r")
    tmux_session.wait_for(r"✗ rejected B\d")
    tmux_session.quit()
    saved = tmp_path / "harbour-a.txt.parallel-reader.json"
    assert '"reject-match"' in saved.read_text(encoding="utf-8")
    tmux_session.start([str(a), str(b)], tmp_path)
    tmux_session.wait_for(r"✗ rejected B\d")  # reopened: still rejected
    tmux_session.quit()
    # Renamed and moved: the corrections follow the content, not the file name.
    (tmp_path / "moved").mkdir()
    moved_a = a.rename(tmp_path / "moved" / "first.txt")
    saved.rename(tmp_path / "moved" / "first.txt.parallel-reader.json")
    tmux_session.start([str(moved_a), str(b)], tmp_path)
    tmux_session.wait_for(r"✗ rejected B\d")
    tmux_session.quit()
