"""The reader in a real pseudo-terminal: hostile file *names* never reach the terminal, and
SIGTERM / SIGHUP leave the terminal as it was (alternate screen left, mouse reporting off)."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")]

A_TEXT = (
    "Heavy rain forced the harbour authority in Valmora to close the port on Monday, "
    "stranding 40 ships.\n\nMayor Ilse Brandt said the closure would last three days.\n"
)
B_TEXT = (
    "Mayor Brandt told reporters the port would stay shut for three days or more.\n\n"
    "Forty vessels were stuck after the Valmora harbour authority closed the port.\n"
)
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"


def _read_available(fd: int, out: bytearray, wait: float) -> bool:
    """Append what the child wrote within ``wait`` seconds; False once the pty is closed."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return True
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return False
    out += chunk
    return bool(chunk)


Waiter = Callable[[bytes], bool]


def _run_reader(
    files: list[str], act: Callable[[int, int, Waiter], None], timeout: float = 90.0
) -> tuple[bytes, int]:
    """Run the reader on ``files`` in a 120x40 pty; once the article is painted call
    ``act(pid, fd, wait_for)``, where ``wait_for(marker)`` reads output until ``marker`` shows up
    (False after 30 s); return everything it wrote and its exit status."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("TEXTUAL_DRIVER", None)
        os.execv(sys.executable, [sys.executable, "-m", "reader", *files])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()
    status = None
    acted = False

    def wait_for(marker: bytes) -> bool:
        start = len(out)
        limit = time.monotonic() + 30
        while marker not in out[start:] and time.monotonic() < limit:
            if not _read_available(fd, out, 0.2):
                return False
        return marker in out[start:]

    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            alive = _read_available(fd, out, 0.2)
            if not acted and b"Valmora" in out:
                time.sleep(1.0)  # let the analysis land and repaint
                while _read_available(fd, out, 0.1) and select.select([fd], [], [], 0)[0]:
                    pass
                act(pid, fd, wait_for)
                acted = True
            if not alive:
                break
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw
                while _read_available(fd, out, 0.2):
                    pass
                break
        else:
            pytest.fail(
                f"reader did not finish within {timeout}s; output so far: {bytes(out)[-400:]!r}"
            )
    finally:
        if status is None:
            status = _wait(pid)
        os.close(fd)
    assert acted, f"never painted the article: {bytes(out)[-400:]!r}"
    return bytes(out), os.waitstatus_to_exitcode(status)


def _wait(pid: int, timeout: float = 20.0) -> int:
    """The child's wait status; killed after ``timeout`` seconds (a hung reader fails the test)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    return os.waitpid(pid, 0)[1]


def _pair(folder: Path, name_a: str = "a.txt", name_b: str = "b.txt") -> list[str]:
    a, b = folder / name_a, folder / name_b
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return [str(a), str(b)]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_terminating_signal_restores_the_terminal(tmp_path: Path, signum: int) -> None:
    def send(pid: int, fd: int, wait_for: Waiter) -> None:
        os.kill(pid, signum)

    out, code = _run_reader(_pair(tmp_path), send)
    painted_at = out.find(b"Valmora")
    tail = out[painted_at:]
    assert LEAVE_ALT_SCREEN in tail, f"alternate screen not left: {tail[-300:]!r}"
    assert MOUSE_OFF in tail, f"mouse reporting not turned off: {tail[-300:]!r}"
    assert code == 128 + signum


def test_escape_sequences_in_file_names_never_reach_the_terminal(tmp_path: Path) -> None:
    hostile_a = "osc52\x1b]52;c;cm0gLXJmIH4=\x07clip.txt"  # would put `rm -rf ~` on the clipboard
    hostile_b = "title\x1b]0;pwned-title\x07\u202eb.txt"  # would set the window title

    def palette_then_quit(pid: int, fd: int, wait_for: Waiter) -> None:
        time.sleep(1.0)  # the analysis lands and the bindings are live
        os.write(fd, b"\x10")  # ctrl+p: the palette, whose "view" commands carry the titles
        assert wait_for(b"commands"), "the command palette did not open"
        os.write(fd, b"show article")
        time.sleep(1.5)
        os.write(fd, b"\x1b")  # close it
        time.sleep(1.0)
        os.write(fd, b"q")

    out, code = _run_reader(_pair(tmp_path, hostile_a, hostile_b), palette_then_quit)
    assert code == 0
    assert b"\x1b]52" not in out and b"cm0gLXJmIH4=" not in out
    assert b"\x1b]0;" not in out and b"pwned-title" not in out
    assert "\u202e".encode() not in out
    assert b"osc52" in out  # the visible part of the name is shown
