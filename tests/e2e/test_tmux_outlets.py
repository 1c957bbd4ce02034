"""End to end: twelve outlets of one story in the installed reader, in a real terminal (tmux).

The panes that fit and the "+N hidden" marker, the overview (``o``: sort, filter, ``enter``), the
article picker (``a``) and ``--show``, driven by keys.  Skips when tmux is missing.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tmux_session import TmuxSession, tmux_session

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0
OUTLETS = 12


def _write_story(folder: Path) -> list[Path]:
    """Twelve seeded rewrites of one 10-paragraph story (the benchmarks' generator)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import write_story
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    return write_story(
        folder,
        OUTLETS,
        10,
        11,
        lambda k: f"Outlet {k + 1} on the story",
        lambda k: f"outlet-{k + 1:02d}.txt",
    )


@pytest.fixture
def session() -> Iterator[TmuxSession]:
    yield from tmux_session("reader-outlets", TIMEOUT)


def test_twelve_outlets(session: TmuxSession, tmp_path: Path) -> None:
    files = [str(p) for p in _write_story(tmp_path)]
    session.start(files, tmp_path, 160, 45)
    screen = session.wait_for(r"match 1 of \d+")
    hidden = re.search(r"\+(\d+) hidden: D, E", screen)
    assert hidden, screen
    assert int(hidden.group(1)) == OUTLETS - 3  # three panes fit beside the sidebar
    # The overview: every fact against the twelve outlets.
    session.keys("o")
    screen = session.wait_for(r"Facts × outlets")
    assert re.search(r"A B C D E F G H I J K L", screen)
    session.keys("s")
    screen = session.wait_for(r"by coverage")
    assert re.search(r"^\s+12/12 ", screen, re.M), screen  # most outlets first
    session.keys("a")
    session.wait_for(r"reported by every outlet")
    session.keys("Enter")
    # A pane header ("A  outlet-01.txt · "): the overview's own status line can say "match k of
    # N" too, so the counter alone does not show that the reading screen is back.
    screen = session.wait_for(r"A\s+outlet-01\.txt · ")
    assert re.search(r"match \d+ of \d+", screen), screen
    assert "Facts × outlets" not in screen
    # The picker: show A and L only.
    session.keys("a")
    session.wait_for(r"3 of 12 ticked")  # the picker is mounted and counting
    # Letter keys, not arrows: a loaded machine can split an arrow's escape sequence, and a
    # lone ESC would cancel the picker.
    for keys, ticked in ((("j", "Space"), 2), (("j", "Space"), 1), (("G", "Space"), 2)):
        session.keys(*keys)
        session.wait_for(rf"\b{ticked} of 12 ticked")
    session.keys("Enter")
    # A pane header ("L  outlet-12.txt · 12/12 ¶"), not the picker's line ("outlet-12.txt —").
    session.wait_for(r"L\s+outlet-12\.txt · ")
    screen = session.wait_for(r"\+10 hidden: B, C")
    assert "outlet-02.txt · " not in screen, screen
    session.quit()


def test_show_option_in_a_real_terminal(session: TmuxSession, tmp_path: Path) -> None:
    files = [str(p) for p in _write_story(tmp_path)]
    session.start([*files, "--show", "D,K"], tmp_path, 120, 36)
    screen = session.wait_for(r"match \d+ of \d+")
    assert "outlet-04.txt" in screen and "outlet-11.txt" in screen
    assert "outlet-01.txt" not in screen
    assert re.search(r"\+10 hidden: A, B, C", screen)
    session.quit()
