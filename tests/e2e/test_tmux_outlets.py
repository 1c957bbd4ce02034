"""End to end: twelve outlets of one story in the installed reader, in a real terminal (tmux).

The panes that fit and the "+N hidden" marker, the overview (``o``: sort, filter, ``enter``), the
article picker (``a``) and ``--show``, driven by keys.  Skips when tmux is missing.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0
OUTLETS = 12


def _write_story(folder: Path) -> list[Path]:
    """Twelve seeded rewrites of one 10-paragraph story (the benchmarks' generator)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from generate import article_text, generate_story
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    articles, _truths = generate_story(OUTLETS, 10, seed=11)
    paths = []
    for k, paragraphs in enumerate(articles):
        path = folder / f"outlet-{k + 1:02d}.txt"
        path.write_text(article_text(f"Outlet {k + 1} on the story", paragraphs), "utf-8")
        paths.append(path)
    return paths


class Session:
    def __init__(self, name: str) -> None:
        self.name = name

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout

    def start(self, argv: list[str], tmp_path: Path, width: int, height: int) -> None:
        exe = shutil.which("parallel-reader") or shutil.which(
            "parallel-reader", path=str(Path(sys.executable).parent)
        )
        command = shlex.join([*([exe] if exe else [sys.executable, "-m", "reader"]), *argv])
        self.run(
            "new-session",
            "-d",
            "-s",
            self.name,
            "-x",
            str(width),
            "-y",
            str(height),
            "-e",
            f"PATH={os.environ.get('PATH', '')}",
            "-e",
            f"XDG_CONFIG_HOME={tmp_path / 'config'}",
            "-e",
            f"XDG_DATA_HOME={tmp_path / 'data'}",
            "-e",
            "TERM=xterm-256color",
            # The tmux server may inherit COLUMNS / LINES from the test run, and Textual would
            # believe them over the real terminal size.
            "-e",
            f"COLUMNS={width}",
            "-e",
            f"LINES={height}",
            "-c",
            str(ROOT),
            command,
        )
        self.run("set-option", "-t", self.name, "remain-on-exit", "on")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", self.name, key)
            time.sleep(0.15)  # let Textual tell a lone Escape from an escape sequence

    def wait_for(self, pattern: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} not on screen after {timeout}s:\n{screen}")

    def alive(self) -> bool:
        out = subprocess.run(
            ["tmux", "list-panes", "-t", self.name, "-F", "#{pane_dead}"],
            capture_output=True,
            text=True,
        )
        return out.returncode == 0 and out.stdout.strip() == "0"

    def quit(self) -> None:
        self.keys("q")
        deadline = time.monotonic() + TIMEOUT
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not self.alive(), "the reader did not exit on q"
        self.run("kill-session", "-t", self.name)


@pytest.fixture
def session():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = f"reader-outlets-{uuid.uuid4().hex[:8]}"
    yield Session(name)
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def test_twelve_outlets(session: Session, tmp_path: Path) -> None:
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
    screen = session.wait_for(r"match \d+ of \d+")
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


def test_show_option_in_a_real_terminal(session: Session, tmp_path: Path) -> None:
    files = [str(p) for p in _write_story(tmp_path)]
    session.start([*files, "--show", "D,K"], tmp_path, 120, 36)
    screen = session.wait_for(r"match \d+ of \d+")
    assert "outlet-04.txt" in screen and "outlet-11.txt" in screen
    assert "outlet-01.txt" not in screen
    assert re.search(r"\+10 hidden: A, B, C", screen)
    session.quit()
