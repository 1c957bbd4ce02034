"""Web pages downloaded in the background from the moment the command line is read.

The reader paints its first frame before any page is in; without this, each download only began
after that frame, in the loading worker, one after the other, so a page's network time came on
top of the reader's start-up.  :class:`PageDownloads` starts every download at once, in a small
process of its own (:mod:`reader.core.ingest.downloader`): the downloads' imports, HTTP
exchanges, decoding and extraction run on another core.  Done in threads of the reader's own
process (up to stop 15), they held the interpreter's lock while the first frame was being built
(about 25 ms more to that frame than with files).  The reader's process imports no ``urllib``
and no extractor for web pages at all.

The loading worker takes each page with :meth:`PageDownloads.load`, which waits for it; errors
are the same :class:`~reader.core.ingest.load.IngestError` lines as a direct
:func:`~reader.core.ingest.fetch.load_url`, raised when the page is asked for, in the caller's
order.  :meth:`PageDownloads.close` ends the downloader at once.  Should the downloader fail to
start or end early (an unusual installation, a killed process), the pages it did not deliver are
downloaded in the caller's thread, as before there was a downloader.
"""

from __future__ import annotations

import marshal
import os
import select
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reader.core.ingest.downloader import (
    KIND_ARTICLE,
    KIND_ERROR,
    KIND_HELD,
    KIND_TOO_LARGE,
    decode_article,
)
from reader.core.ingest.fetch import TIMEOUT
from reader.core.ingest.load import DEFAULT_MAX_SIZE, IngestError, TooLargeError
from reader.core.model import Article

if TYPE_CHECKING:
    import subprocess

POLL = 0.05
"""Seconds between checks of ``cancelled`` while waiting for a page."""


def _downloader_code() -> str:
    """The downloader's ``python -c`` program: this process's module path (the working
    directory at start written out), so the downloader runs this same ``reader`` package and
    standard library, never a ``reader`` folder in the user's working directory."""
    path = [os.path.abspath(entry) if entry else os.getcwd() for entry in sys.path]
    return (
        f"import sys; sys.path[:] = {path!r}; "
        "from reader.core.ingest.downloader import main; sys.exit(main())"
    )


class Cancelled(Exception):
    """The wait for a page was abandoned (the reader is closing, or :meth:`close` was called)."""


class DownloaderBug(RuntimeError):
    """The downloader failed in a way that is a bug, not a problem with the page."""


def decode_result(url: str, kind: str, data: Any) -> tuple[str, Article]:
    """``(format, article)`` of one result from the downloader; a failed page raises its
    :class:`IngestError` (the same line as a direct load)."""
    if kind == KIND_ARTICLE:
        fmt, article = data
        return fmt, decode_article(article)
    if kind == KIND_TOO_LARGE:
        source, limit = data
        raise TooLargeError(source, limit)
    if kind == KIND_ERROR:
        source, problem = data
        raise IngestError(source, problem)
    raise DownloaderBug(f"downloading {url}: {data}")


class PageDownloads:
    """Downloads of ``urls`` (started at once, in the given order) for :meth:`load` to collect."""

    def __init__(
        self, urls: Sequence[str], *, max_size: int = DEFAULT_MAX_SIZE, timeout: float = TIMEOUT
    ) -> None:
        self._max_size = max_size
        self._timeout = timeout
        self._urls = list(dict.fromkeys(urls))
        self._index = {url: i for i, url in enumerate(self._urls)}
        self._results: dict[int, tuple[str, Any]] = {}
        self._downloaded: set[int] = set()
        """Pages whose download has ended (their result may wait for :meth:`load`)."""
        self._buffer = bytearray()
        self._lock = threading.Lock()
        self._closed = False
        self._ended = False
        """The downloader's output has ended (it finished, or died)."""
        self._asked = False
        self._process = self._start() if self._urls else None
        if self._process is None:
            self._ended = True

    def _start(self) -> subprocess.Popen[bytes] | None:
        if not sys.executable:
            return None
        import subprocess

        argv = [sys.executable, "-c", _downloader_code()]
        argv += ["--max-size", str(self._max_size), "--timeout", repr(self._timeout)]
        try:
            return subprocess.Popen(
                [*argv, "--", *self._urls],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                # No terminal signals (ctrl+c before the reader's screen is up), no terminal.
                start_new_session=True,
            )
        except OSError:
            return None

    def __contains__(self, url: object) -> bool:
        return url in self._index

    def _pump(self, timeout: float) -> bool:
        """Read what the downloader has written within ``timeout`` seconds into the results;
        whether anything came (caller holds the lock)."""
        if self._ended or self._process is None or self._process.stdout is None:
            return False
        fd = self._process.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(fd, 1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            self._ended = True
            return False
        buffer = self._buffer
        buffer += chunk
        while len(buffer) >= 4:
            size = int.from_bytes(buffer[:4], "big")
            if len(buffer) < 4 + size:
                break
            index, kind, data = marshal.loads(bytes(buffer[4 : 4 + size]))
            del buffer[: 4 + size]
            self._downloaded.add(index)
            if kind != KIND_HELD:
                self._results[index] = (kind, data)
        return True

    def _drain(self) -> None:
        """Everything the downloader has already written (caller holds the lock)."""
        while self._pump(0):
            pass

    def _ask(self) -> None:
        """Tell the downloader that pages are wanted now (it may start extracting HTML)."""
        if self._asked or self._process is None or self._process.stdin is None:
            return
        self._asked = True
        try:
            self._process.stdin.write(b"g")
            self._process.stdin.flush()
        except (OSError, ValueError):
            pass

    def load(self, url: str, *, cancelled: Callable[[], bool] = lambda: False) -> Article:
        """The article of ``url``: waits for its download and extraction.  Raises what
        :func:`~reader.core.ingest.fetch.load_url` would, or :class:`Cancelled` once
        ``cancelled()`` is true or the downloads are closed."""
        index = self._index[url]

        def stopped() -> bool:
            return cancelled() or self._closed

        with self._lock:
            self._ask()
        while True:
            if stopped():
                raise Cancelled(url)
            with self._lock:
                result = self._results.get(index)
                if result is None and not self._ended:
                    self._pump(POLL)
                    continue
            break
        if result is not None:
            return decode_result(url, *result)[1]
        return self._load_here(url, stopped)

    def _load_here(self, url: str, stopped: Callable[[], bool]) -> Article:
        """``url`` downloaded and extracted in this thread (the downloader did not deliver)."""
        from reader.core.ingest.fetch import fetch_url, page_article

        try:
            data, headers = fetch_url(
                url, timeout=self._timeout, max_size=self._max_size, stop=stopped
            )
        except IngestError:
            if stopped():
                raise Cancelled(url) from None
            raise
        return page_article(url, data, headers)

    def ready_text(self, url: str) -> Article | None:
        """The article of ``url`` if it is already in and read as plain text (cheap enough for
        the reader's first frame); else ``None``, and the page is left for :meth:`load` (a
        failed one too: its error comes from there)."""
        with self._lock:
            self._drain()
            result = self._results.get(self._index[url])
        if result is None:
            return None
        try:
            fmt, article = decode_result(url, *result)
        except (IngestError, DownloaderBug):
            return None
        return article if fmt == "txt" else None

    def close(self) -> None:
        """End the downloader (whatever it is still downloading) and any wait in :meth:`load`.
        Returns at once."""
        self._closed = True
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            try:
                process.stdin.close()  # its end of input: it exits
            except OSError:
                pass
        process.kill()
        try:
            process.wait(0.5)
        except Exception:  # TimeoutExpired: reaped later by subprocess itself
            pass
        # A loader may be reading the pipe right now: it sees the close within POLL seconds.
        if process.stdout is not None and self._lock.acquire(timeout=1):
            try:
                process.stdout.close()
                self._ended = True
            finally:
                self._lock.release()

    @property
    def running(self) -> bool:
        """Whether pages are still being downloaded (for tests)."""
        process = self._process
        if process is None or process.poll() is not None:
            return False
        with self._lock:
            self._drain()
            return not self._ended and len(self._downloaded) < len(self._urls)
