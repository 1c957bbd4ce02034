"""Writing files so that a failure never destroys what was there: the one place that does it.

``open(path, "w")`` truncates the old file first and writes in place, so an interrupt, an
encoding error or a full disk halfway through left a good 55 MB report as 9 MB of invalid JSON.
Here everything is written to a temporary file in the same folder, flushed and synced, and only
then renamed over the target (``os.replace`` is atomic on POSIX and Windows): readers see the old
file or the complete new one, never a mix.  On any failure, Ctrl-C and SIGTERM included (see
:func:`signals_as_exceptions`), the temporary file is removed and the old file is left untouched.

Used by ``compare -o`` and by anything else that saves user data (the corrections file).
"""

from __future__ import annotations

import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal

__all__ = [
    "Terminated",
    "atomic_write_bytes",
    "atomic_write_text",
    "atomic_writer",
    "same_file",
    "signals_as_exceptions",
]


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: raised (like ``KeyboardInterrupt`` for SIGINT) so ``finally``
    blocks and :func:`atomic_writer` clean up before the process ends."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"terminated by {signal.Signals(signum).name}")
        self.signum = signum


@contextmanager
def signals_as_exceptions(*signums: int) -> Iterator[None]:
    """While active, the given signals (default SIGTERM and SIGHUP) raise :class:`Terminated` in
    the main thread instead of killing the process outright, so cleanup code runs.  Outside the
    main thread (where Python cannot install handlers) this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    wanted = signums or tuple(
        s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s
    )

    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated(signum)

    previous = {s: signal.signal(s, raise_terminated) for s in wanted}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def _resolve_target(path: Path) -> Path:
    """Write through symbolic links: replace the file a link points to, keep the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _create_temporary(folder: Path) -> tuple[Path, int]:
    """A new, empty, exclusive temporary file in ``folder``.  Its name is short whatever the
    target's length (a target name near the file-system limit must not make it fail), hidden,
    and created with mode 0o666 minus the umask, as ``open()`` would create the target."""
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_BINARY", 0)
        | getattr(os, "O_CLOEXEC", 0)
    )
    while True:
        candidate = folder / f".parallel-reader-{os.urandom(6).hex()}.tmp"
        try:
            return candidate, os.open(candidate, flags, 0o666)
        except FileExistsError:
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible or needed everywhere."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def atomic_writer(
    path: str | os.PathLike[str],
    mode: Literal["w", "wb"] = "w",
    *,
    encoding: str = "utf-8",
    newline: str | None = "\n",
) -> Iterator[IO[Any]]:
    """Yield a stream (text for ``"w"``, binary for ``"wb"``) whose content replaces ``path``
    only when the ``with`` block finishes without an exception.

    The old file's permission bits are kept.  Any exception (``KeyboardInterrupt`` and
    :class:`Terminated` included) removes the temporary file, leaves ``path`` as it was and
    propagates.  ``OSError`` from creating, writing, syncing or renaming propagates the same way,
    with nothing half-written.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_writer mode must be 'w' or 'wb', not {mode!r}")
    target = _resolve_target(Path(path))
    folder = target.parent
    try:
        keep_mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        keep_mode = None
    temporary, fd = _create_temporary(folder)
    try:
        stream: IO[Any]
        if mode == "wb":
            stream = os.fdopen(fd, "wb")
        else:
            stream = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if keep_mode is not None:
            os.chmod(temporary, keep_mode)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _sync_folder(folder)


def atomic_write_text(
    path: str | os.PathLike[str], write: str | Callable[[IO[str]], None], *, encoding: str = "utf-8"
) -> None:
    """Replace ``path`` with ``write`` (a string, or a function that writes to the stream it is
    given: streaming writers never hold the whole document), atomically."""
    with atomic_writer(path, "w", encoding=encoding) as stream:
        if isinstance(write, str):
            stream.write(write)
        else:
            write(stream)


def atomic_write_bytes(
    path: str | os.PathLike[str], write: bytes | Callable[[IO[bytes]], None]
) -> None:
    """Replace ``path`` with ``write`` (bytes, or a function writing to a binary stream), atomically."""
    with atomic_writer(path, "wb") as stream:
        if isinstance(write, (bytes, bytearray, memoryview)):
            stream.write(write)
        else:
            write(stream)


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """True when ``a`` and ``b`` name the same file: the same inode (through a symbolic link, a
    hard link, ``./x`` versus ``x``), or, when one does not exist yet, the same resolved path."""
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        try:
            return os.path.realpath(a) == os.path.realpath(b)
        except (OSError, ValueError):
            return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
