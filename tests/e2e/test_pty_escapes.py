"""Escape sequences inside an article never reach the real terminal.

The hostile sample carries raw ESC [2J (clear screen), an OSC 0 "set window title" sequence and
bare BEL bytes.  The reader runs in a real pseudo-terminal; every byte it writes is captured and
compared with a run on a clean sample, so what Textual itself writes is not counted against us.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")]

MARKER = {"hostile": b"Meetup", "ceasefire": b"ceasefire"}


def _run_in_pty(sample: str, timeout: float = 60.0) -> bytes:
    """Run ``python -m reader --sample NAME`` in a 120x40 pty, press q once painted; all output."""
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("TEXTUAL_DRIVER", None)
        os.execv(sys.executable, [sys.executable, "-m", "reader", "--sample", sample])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()
    deadline = time.monotonic() + timeout
    quit_sent_at: float | None = None
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break  # child closed the pty
                if not chunk:
                    break
                out += chunk
            painted = MARKER[sample].lower() in bytes(out).lower()
            if painted and quit_sent_at is None:
                time.sleep(1.0)  # let the analysis land and repaint
                os.write(fd, b"q")
                quit_sent_at = time.monotonic()
            if quit_sent_at is not None and time.monotonic() - quit_sent_at > 10:
                break
        else:
            pytest.fail(
                f"reader did not finish within {timeout}s; output so far: {bytes(out)[-400:]!r}"
            )
    finally:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        os.close(fd)
    assert quit_sent_at is not None, f"never painted the article: {bytes(out)[-400:]!r}"
    return bytes(out)


def test_article_escape_sequences_never_reach_the_terminal() -> None:
    clean = _run_in_pty("ceasefire")
    hostile = _run_in_pty("hostile")
    assert b"pwned" not in hostile  # the OSC title payload was removed at ingest
    assert b"\x1b]0;" not in hostile
    assert hostile.count(b"\x07") == clean.count(b"\x07")
    assert hostile.count(b"\x1b[2J") == clean.count(b"\x1b[2J")
    assert hostile.count(b"\x1b[?1049l") == clean.count(b"\x1b[?1049l")
    assert b"\x00" not in hostile
