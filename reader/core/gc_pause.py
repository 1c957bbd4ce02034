"""Pausing the cyclic garbage collector, and always restoring it as it was found.

Work that allocates many long-lived or acyclic objects and makes no reference cycles runs with
the collector paused, because collections meanwhile rescan everything alive and free almost
nothing: the analysis stages (matching, entities, figure extraction and grouping: a tenth to a
fifth of their run time, and super-linear on large inputs), and the reader from before ingest
(the CLI) until its first frame is on screen (the app; ~15 ms of the first paint).  One object
owns a pause from start to end, so the state found at the start is what comes back, whoever
started it and however the work ends; nested pauses leave collection as the outer one found it.
"""

from __future__ import annotations

import gc
from types import TracebackType


class GcPause:
    """A pause of the cyclic garbage collector.

    :meth:`pause` remembers whether collection was on and turns it off; :meth:`resume` puts back
    exactly what was found (once; later calls do nothing).  As a context manager it pauses on
    entry and resumes on exit, so an error before the first frame cannot leave collection off.
    """

    def __init__(self) -> None:
        self._restore: bool | None = None
        """Whether collection was enabled when paused; ``None`` while not paused."""

    @property
    def paused(self) -> bool:
        return self._restore is not None

    def pause(self) -> GcPause:
        """Turn collection off, remembering its state; nothing happens when already paused."""
        if self._restore is None:
            self._restore = gc.isenabled()
            gc.disable()
        return self

    def resume(self) -> None:
        """Put collection back as :meth:`pause` found it (idempotent)."""
        if self._restore is None:
            return
        restore, self._restore = self._restore, None
        if restore:
            gc.enable()

    def __enter__(self) -> GcPause:
        return self.pause()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.resume()
