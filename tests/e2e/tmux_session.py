"""A tmux session that runs the installed ``parallel-reader`` and is driven by keys.

Shared by the end-to-end tests: they wait on screen text with a timeout instead of fixed sleeps,
so they hold on slow machines.
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
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def reader_command(argv: list[str]) -> str:
    """The shell command for the installed reader (``python -m reader`` when not on PATH)."""
    exe = shutil.which("parallel-reader") or shutil.which(
        "parallel-reader", path=str(Path(sys.executable).parent)
    )
    return shlex.join([*([exe] if exe else [sys.executable, "-m", "reader"]), *argv])


class TmuxSession:
    """One reader in a detached tmux session on a tmux server of its own.

    The server is private (``tmux -L <name>``): a test run never shares the user's default server,
    nor another run's (two test runs at once, or a developer's own tmux, once made
    ``new-session`` fail), and its global options and environment start clean.
    """

    def __init__(self, name: str, timeout: float) -> None:
        self.name = name
        self.timeout = timeout

    def command(self, *args: str) -> list[str]:
        """The tmux command line for ``args`` on this session's private server."""
        return ["tmux", "-L", self.name, *args]

    def run(self, *args: str) -> str:
        return subprocess.run(
            self.command(*args), check=True, capture_output=True, text=True
        ).stdout

    def start(self, argv: list[str], tmp_path: Path, width: int = 120, height: int = 36) -> None:
        """Open the reader on ``argv`` in a detached session of ``width`` x ``height``, with its
        config and data folders under ``tmp_path``; the pane stays after exit (remain-on-exit) so
        a test can see that the program really ended."""
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
            reader_command(argv),
        )
        self.run("set-option", "-t", self.name, "remain-on-exit", "on")

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", self.name, key)
            time.sleep(0.15)  # let Textual tell a lone Escape from an escape sequence

    def wait_for(self, pattern: str) -> str:
        deadline = time.monotonic() + self.timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if re.search(pattern, screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} not on screen after {self.timeout}s:\n{screen}")

    def wait_until_gone(self, text: str) -> None:
        deadline = time.monotonic() + self.timeout
        while text in self.screen():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} still on screen after {self.timeout}s")
            time.sleep(0.1)

    def alive(self) -> bool:
        out = subprocess.run(
            self.command("list-panes", "-t", self.name, "-F", "#{pane_dead}"),
            capture_output=True,
            text=True,
        )
        return out.returncode == 0 and out.stdout.strip() == "0"

    def quit(self) -> None:
        """Press ``q``, check that the reader exits, and close the session."""
        self.keys("q")
        deadline = time.monotonic() + self.timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not self.alive(), "the reader did not exit on q"
        self.run("kill-server")


def tmux_session(prefix: str, timeout: float) -> Iterator[TmuxSession]:
    """Body of a fixture: a fresh session (skips without tmux), killed afterwards."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    session = TmuxSession(f"{prefix}-{uuid.uuid4().hex[:8]}", timeout)
    yield session
    subprocess.run(session.command("kill-server"), capture_output=True)
