"""Web pages downloaded in the background from the moment the command line is read.

The reader paints its first frame before any page is in; without this, each download only began
after that frame, in the loading worker, one after the other, so a page's network time came on
top of the reader's start-up.  :class:`PageDownloads` starts every download at once in a few
daemon threads (the network waits overlap the imports and the first frame); the loading worker
then takes each page with :meth:`PageDownloads.load`, which waits for it and extracts the article
(extraction stays in the worker: its imports alone cost more than the first frame).

Errors are the same :class:`~reader.core.ingest.load.IngestError` lines as a direct
:func:`~reader.core.ingest.fetch.load_url`, raised when the page is asked for, in the caller's
order.  :meth:`PageDownloads.close` stops what is still downloading (at its next chunk), and no
download can hold the process open: the threads are daemons and nobody waits for them.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from reader.core.ingest.fetch import TIMEOUT, fetch_url, page_article, page_text
from reader.core.ingest.load import DEFAULT_MAX_SIZE, IngestError, article_from_text
from reader.core.model import Article

if TYPE_CHECKING:
    from email.message import Message

MAX_THREADS = 6
"""Downloads at the same time (one thread each); more pages wait for a free thread."""
POLL = 0.05
"""Seconds between checks of ``cancelled`` while waiting for a page."""


class Cancelled(Exception):
    """The wait for a page was abandoned (the reader is closing, or :meth:`close` was called)."""


class PageDownloads:
    """Downloads of ``urls`` (started at once, in the given order) for :meth:`load` to collect."""

    def __init__(
        self, urls: Sequence[str], *, max_size: int = DEFAULT_MAX_SIZE, timeout: float = TIMEOUT
    ) -> None:
        self._max_size = max_size
        self._timeout = timeout
        self._closed = threading.Event()
        self._pages: dict[str, Future[tuple[bytes, Message]]] = {}
        todo: queue.SimpleQueue[tuple[str, Future[tuple[bytes, Message]]]] = queue.SimpleQueue()
        for url in urls:
            if url not in self._pages:
                self._pages[url] = Future()
                todo.put((url, self._pages[url]))
        self._threads = [
            threading.Thread(target=self._download, args=(todo,), name="page-download", daemon=True)
            for _ in range(min(MAX_THREADS, len(self._pages)))
        ]
        for thread in self._threads:
            thread.start()

    def __contains__(self, url: object) -> bool:
        return url in self._pages

    def _download(self, todo: queue.SimpleQueue[tuple[str, Future[tuple[bytes, Message]]]]) -> None:
        while not self._closed.is_set():
            try:
                url, page = todo.get_nowait()
            except queue.Empty:
                return
            try:
                page.set_result(
                    fetch_url(
                        url,
                        timeout=self._timeout,
                        max_size=self._max_size,
                        stop=self._closed.is_set,
                    )
                )
            except BaseException as error:  # handed to whoever asks for the page
                page.set_exception(error)

    def load(self, url: str, *, cancelled: Callable[[], bool] = lambda: False) -> Article:
        """The article of ``url``: waits for its download, then extracts it (in the caller's
        thread).  Raises what :func:`~reader.core.ingest.fetch.load_url` would, or
        :class:`Cancelled` once ``cancelled()`` is true or the downloads are closed."""
        page = self._pages[url]
        while True:
            if cancelled() or self._closed.is_set():
                raise Cancelled(url)
            try:
                data, headers = page.result(timeout=POLL)
            except FutureTimeout:
                continue
            return page_article(url, data, headers)

    def ready_text(self, url: str) -> Article | None:
        """The article of ``url`` if its download has already finished and it reads as plain
        text (no parser to import: cheap enough for the reader's first frame); else ``None``,
        and the page is left for :meth:`load` (a failed one too: its error comes from there)."""
        page = self._pages[url]
        if not page.done() or page.exception() is not None:
            return None
        try:
            text, fmt, warnings = page_text(url, *page.result())
            if fmt != "txt":
                return None
            return article_from_text(text, url, warnings=warnings)
        except IngestError:
            return None

    def close(self) -> None:
        """Stop the downloads still running (each at its next chunk of data or time-out) and
        any wait in :meth:`load`.  Returns at once."""
        self._closed.set()

    @property
    def running(self) -> bool:
        """Whether a download thread is still alive (for tests)."""
        return any(thread.is_alive() for thread in self._threads)
