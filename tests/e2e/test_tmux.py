"""End to end: the installed ``parallel-reader`` in a real terminal (tmux), driven by keys.

Skips when tmux is missing (CI installs it).  Waits on screen text with a timeout instead of
fixed sleeps, so it is robust on slow machines.
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


def _command(files: list[Path]) -> str:
    exe = shutil.which("parallel-reader") or shutil.which(
        "parallel-reader", path=str(Path(sys.executable).parent)
    )
    argv = [exe] if exe else [sys.executable, "-m", "reader"]
    return shlex.join([*argv, *map(str, files)])


class Tmux:
    def __init__(self, name: str) -> None:
        self.name = name

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout

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

    def wait_until_gone(self, text: str, timeout: float = TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} still on screen after {timeout}s")
            time.sleep(0.1)

    def alive(self) -> bool:
        out = subprocess.run(
            ["tmux", "list-panes", "-t", self.name, "-F", "#{pane_dead}"],
            capture_output=True,
            text=True,
        )
        return out.returncode == 0 and out.stdout.strip() == "0"


@pytest.fixture
def tmux_session():
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = f"reader-e2e-{uuid.uuid4().hex[:8]}"
    session = Tmux(name)
    yield session
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def test_reader_in_real_terminal(tmux_session: Tmux, tmp_path: Path) -> None:
    a = tmp_path / "harbour-a.txt"
    b = tmp_path / "harbour-b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL_")}
    env["TERM"] = "xterm-256color"
    # remain-on-exit keeps the pane so we can observe that the program really ended.
    tmux_session.run(
        "new-session",
        "-d",
        "-s",
        tmux_session.name,
        "-x",
        "120",
        "-y",
        "36",
        "-e",
        f"PATH={env.get('PATH', '')}",
        "-c",
        str(ROOT),
        _command([a, b]),
    )
    tmux_session.run("set-option", "-t", tmux_session.name, "remain-on-exit", "on")
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
    tmux_session.keys("q")
    deadline = time.monotonic() + TIMEOUT
    while tmux_session.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not tmux_session.alive(), "the reader did not exit on q"


def _start(session: Tmux, files: list[Path], tmp_path: Path) -> None:
    env_path = os.environ.get("PATH", "")
    session.run(
        "new-session",
        "-d",
        "-s",
        session.name,
        "-x",
        "120",
        "-y",
        "36",
        "-e",
        f"PATH={env_path}",
        "-e",
        f"XDG_CONFIG_HOME={tmp_path / 'config'}",
        "-e",
        f"XDG_DATA_HOME={tmp_path / 'data'}",
        "-e",
        "TERM=xterm-256color",
        "-c",
        str(ROOT),
        _command(files),
    )
    session.run("set-option", "-t", session.name, "remain-on-exit", "on")


def _quit(session: Tmux) -> None:
    session.keys("q")
    deadline = time.monotonic() + TIMEOUT
    while session.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not session.alive(), "the reader did not exit on q"
    session.run("kill-session", "-t", session.name)


def test_rejected_match_is_still_rejected_after_reopening(
    tmux_session: Tmux, tmp_path: Path
) -> None:
    a = tmp_path / "harbour-a.txt"
    b = tmp_path / "harbour-b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    _start(tmux_session, [a, b], tmp_path)
    tmux_session.wait_for(r"match 1 of \d+")
    tmux_session.keys("r")
    tmux_session.wait_for(r"✗ rejected B\d")
    _quit(tmux_session)
    saved = tmp_path / "harbour-a.txt.parallel-reader.json"
    assert '"reject-match"' in saved.read_text(encoding="utf-8")
    _start(tmux_session, [a, b], tmp_path)
    tmux_session.wait_for(r"✗ rejected B\d")  # reopened: still rejected
    _quit(tmux_session)
    # Renamed and moved: the corrections follow the content, not the file name.
    (tmp_path / "moved").mkdir()
    moved_a = a.rename(tmp_path / "moved" / "first.txt")
    saved.rename(tmp_path / "moved" / "first.txt.parallel-reader.json")
    _start(tmux_session, [moved_a, b], tmp_path)
    tmux_session.wait_for(r"✗ rejected B\d")
    _quit(tmux_session)
