"""Work done in a second process beside this one: the second core of a two-core machine.

On long articles the analysis spends about as long finding names and figures as matching
paragraphs, and neither needs the other (only the grouping of figures reads the matches).
:func:`start` runs such a part in a forked child while this process goes on, and
:meth:`Beside.result` collects what the child returned.

Fork, not spawn: the child starts from this process's memory (the articles already read, the
modules already imported), so only the result crosses between the two.  Fork is only safe while
this process runs a single thread (a lock held by another thread would stay locked in the child
for ever), so :func:`start` declines -- returns ``None``, and the caller does the work itself --
when another thread is alive, when the platform cannot fork, or when the child cannot be started.
A child that delivers nothing (it raised, was killed, ran out of memory) makes
:meth:`Beside.result` raise :class:`BesideFailed`, and the caller again does the work itself: the
outcome never depends on the second process, only the time does.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class BesideFailed(RuntimeError):
    """The child delivered no result (it raised, died or was killed)."""


class Beside(Generic[T]):
    """A function running in a forked child; :meth:`result` waits for its return value."""

    def __init__(self, process: Any, connection: Connection) -> None:
        self._process = process
        self._connection = connection

    def result(self) -> T:
        """The function's return value; :class:`BesideFailed` when there is none.  The caller
        calls :meth:`close` afterwards, as it does after an error of its own."""
        try:
            ok, value = self._connection.recv()
        except (EOFError, OSError) as error:
            raise BesideFailed("the second process ended without a result") from error
        if not ok:
            raise BesideFailed(f"the second process failed: {value}")
        return value

    def close(self) -> None:
        """Stop the child if it still runs and release the pipe (idempotent)."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()


def _run(connection: Connection, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    """The child: send ``(True, function(*args))``, or ``(False, the error's last line)``.

    Ctrl-C reaches both processes; the parent answers it and stops the child, so the child
    ignores it (no second traceback, no half-sent result).  Nothing the child does reaches the
    terminal: a result the parent no longer waits for is dropped silently, and a parent that
    ends without stopping the child (killed) ends the child too."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()
    try:
        message: tuple[bool, Any] = (True, function(*args))
    except BaseException:  # noqa: BLE001 -- whatever the work raises is reported, not lost
        message = (False, traceback.format_exc().strip().splitlines()[-1])
    try:
        connection.send(message)
    except (OSError, ValueError):
        pass  # the parent is gone or stopped waiting
    except BaseException:  # noqa: BLE001 -- a result that cannot be pickled: say why
        with contextlib.suppress(BaseException):  # unless nobody is left to tell
            connection.send((False, traceback.format_exc().strip().splitlines()[-1]))
    finally:
        connection.close()


def _end_with(sentinel: int) -> None:
    """In the child: end at once when the parent ends (killed, say): nobody waits for the
    result any more, and the work would go on using a core and memory for nothing."""
    wait([sentinel])
    os._exit(1)


def start(function: Callable[..., T], *args: Any) -> Beside[T] | None:
    """Run ``function(*args)`` in a forked child, or return ``None`` when that is not safe or
    not possible here (see the module docstring): the caller then calls it itself."""
    if threading.active_count() != 1:
        return None
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        return None
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(send, function, args), daemon=True)
    try:
        process.start()
    except OSError:
        receive.close()
        send.close()
        return None
    send.close()
    return Beside(process, receive)
