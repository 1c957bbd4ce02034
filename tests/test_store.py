"""reader.store: a write either replaces the file completely or leaves the old one untouched."""

from __future__ import annotations

import os
import signal
import stat
import sys
from pathlib import Path

import pytest

from reader.store import (
    Terminated,
    atomic_write_bytes,
    atomic_write_text,
    atomic_writer,
    same_file,
    signals_as_exceptions,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".parallel-reader-"))


def test_text_and_bytes_are_written(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    atomic_write_text(target, "héllo\n")
    assert target.read_text(encoding="utf-8") == "héllo\n"
    atomic_write_bytes(target, b"\x00\x01")
    assert target.read_bytes() == b"\x00\x01"
    atomic_write_text(
        target, lambda stream: [stream.write(f"{i}\n") for i in range(3)]
    )  # streaming
    assert target.read_text(encoding="utf-8") == "0\n1\n2\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "failure",
    [ValueError("encoding failed"), KeyboardInterrupt(), OSError(28, "No space left on device")],
)
def test_a_failure_halfway_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, failure: BaseException
) -> None:
    target = tmp_path / "report.json"
    target.write_text("the good old report", encoding="utf-8")
    with pytest.raises(type(failure)):
        with atomic_writer(target) as stream:
            stream.write('{"half": ' * 10_000)
            raise failure
    assert target.read_text(encoding="utf-8") == "the good old report"
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_during_the_write_is_an_exception_that_cleans_up(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("the good old report", encoding="utf-8")
    with pytest.raises(Terminated) as info:
        with signals_as_exceptions(), atomic_writer(target) as stream:
            stream.write("partial")
            os.kill(os.getpid(), signal.SIGTERM)
            stream.write("never")  # the handler raised before this line
    assert info.value.signum == signal.SIGTERM
    assert target.read_text(encoding="utf-8") == "the good old report"
    assert _leftovers(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # the previous handler is back


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_permissions_are_kept_and_new_files_follow_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "kept.txt"
    target.write_text("x", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    old_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.txt"
        atomic_write_text(fresh, "z")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_symbolic_link_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_name_at_the_file_system_limit_works_and_beyond_it_fails_cleanly(tmp_path: Path) -> None:
    longest = tmp_path / ("n" * 250 + ".txt")
    atomic_write_text(longest, "fits")  # the temporary file's own name stays short
    assert longest.read_text(encoding="utf-8") == "fits"
    with pytest.raises(OSError):
        atomic_write_text(tmp_path / ("n" * 300 + ".txt"), "too long")
    assert _leftovers(tmp_path) == []


def test_same_file_sees_links_and_other_spellings(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("x", encoding="utf-8")
    hard = tmp_path / "hard.txt"
    os.link(a, hard)
    soft = tmp_path / "soft.txt"
    soft.symlink_to(a)
    assert same_file(a, hard) and same_file(a, soft)
    (tmp_path / "sub").mkdir()
    assert same_file(a, tmp_path / "sub" / ".." / "a.txt")
    assert not same_file(a, tmp_path / "other.txt")
    assert same_file(tmp_path / "new.txt", tmp_path / "." / "new.txt")  # neither exists yet
