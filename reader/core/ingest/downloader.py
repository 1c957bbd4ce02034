"""The page downloader: a small process of its own that fetches web pages and extracts them.

:class:`~reader.core.ingest.prefetch.PageDownloads` starts it (:func:`main`, with
``--max-size N --timeout S -- URL ...``) the moment the command line is read.  In a process of its own, the downloads' work (urllib's import, the HTTP
exchanges, decoding, extraction) runs on another core: in the reader's own interpreter it held
the lock every Python thread needs while the reader was building its first frame.

It downloads at most :data:`MAX_THREADS` pages at a time.  A page that reads as plain text is
made into its article at once (cheap, and the reader can show it in its first frame); HTML and
Markdown wait until the reader asks for its first page (a byte on standard input): before then,
their extractor's import would compete with the reader's start-up for the machine.

Each result goes to standard output as soon as it is ready, in the order pages finish, as one
frame: a 4-byte big-endian length, then a :mod:`marshal` payload ``(index, kind, data)`` (see
:func:`encode_article` and :func:`reader.core.ingest.prefetch.decode_result`).  Only this
program's own two processes share the pipe, and marshal is built into the interpreter: the
reader pays no import to read it.  End of standard input (the reader closed it, quit or died)
ends this process at once, whatever is still downloading.
"""

from __future__ import annotations

import argparse
import marshal
import os
import queue
import sys
import threading
from collections.abc import Sequence
from dataclasses import fields
from typing import Any, BinaryIO

from reader.core.ingest.fetch import TIMEOUT, fetch_url, page_text
from reader.core.ingest.load import DEFAULT_MAX_SIZE, IngestError, TooLargeError, article_from_text
from reader.core.model import Article, Paragraph

MAX_THREADS = 6
"""Downloads at the same time (one thread each); more pages wait for a free thread."""

KIND_ERROR = "error"
"""``data`` is ``(source, problem)`` of an :class:`IngestError`."""
KIND_TOO_LARGE = "too-large"
"""``data`` is ``(source, limit)`` of a :class:`TooLargeError`."""
KIND_BUG = "bug"
"""``data`` is ``"TypeName: message"`` of an unexpected exception (a bug, reported as one)."""
KIND_ARTICLE = "article"
"""``data`` is :func:`encode_article`'s tuple, with the page's format first."""
KIND_HELD = "held"
"""A notice, not a result: the page is downloaded, and waits for the reader to ask before it
is extracted (``data`` is ``None``)."""

_GO = object()
"""Put in the results queue when the reader asks for extraction to start."""


def encode_article(article: Article) -> tuple:
    """``article`` as nested tuples of marshal-able values, field by field (a field added to
    the model is carried without touching this)."""
    paragraphs = tuple(
        tuple(getattr(p, f.name) for f in fields(Paragraph)) for p in article.paragraphs
    )
    return tuple(
        paragraphs if f.name == "paragraphs" else getattr(article, f.name) for f in fields(Article)
    )


def decode_article(data: tuple) -> Article:
    """The inverse of :func:`encode_article`."""
    values = dict(zip((f.name for f in fields(Article)), data, strict=True))
    values["paragraphs"] = [Paragraph(*p) for p in values["paragraphs"]]
    values["warnings"] = list(values["warnings"])
    return Article(**values)


def error_result(error: BaseException) -> tuple[str, Any]:
    """``(kind, data)`` for a failed page."""
    if isinstance(error, TooLargeError):
        return KIND_TOO_LARGE, (error.source, error.limit)
    if isinstance(error, IngestError):
        return KIND_ERROR, (error.source, error.problem)
    return KIND_BUG, f"{type(error).__name__}: {error}"


def _write(out: BinaryIO, index: int, kind: str, data: Any) -> None:
    payload = marshal.dumps((index, kind, data))
    try:
        out.write(len(payload).to_bytes(4, "big") + payload)
        out.flush()
    except (BrokenPipeError, ValueError):  # the reader is gone
        os._exit(0)


def _download(todo: queue.SimpleQueue, done: queue.SimpleQueue, max_size: int, timeout: float):
    while True:
        try:
            index, url = todo.get_nowait()
        except queue.Empty:
            return
        try:
            done.put((index, url, fetch_url(url, timeout=timeout, max_size=max_size)))
        except BaseException as error:  # reported to the reader, which raises it when asked
            done.put((index, url, error))


def _watch_reader(done: queue.SimpleQueue) -> None:
    """Any byte from the reader: start extracting.  End of input: the reader is gone or has
    closed the downloads; stop everything now."""
    try:
        while chunk := os.read(0, 64):
            if chunk:
                done.put(_GO)
    except OSError:
        pass
    os._exit(0)


def run(urls: Sequence[str], max_size: int, timeout: float, out: BinaryIO) -> None:
    """Download ``urls`` and write each result to ``out`` (see the module's docstring)."""
    todo: queue.SimpleQueue = queue.SimpleQueue()
    done: queue.SimpleQueue = queue.SimpleQueue()
    for index, url in enumerate(urls):
        todo.put((index, url))
    threading.Thread(target=_watch_reader, args=(done,), daemon=True).start()
    for _ in range(min(MAX_THREADS, len(urls))):
        threading.Thread(
            target=_download, args=(todo, done, max_size, timeout), daemon=True
        ).start()
    held: list[tuple[int, str, str, str, list[str]]] = []
    go = False
    remaining = len(urls)
    while remaining:
        item = done.get()
        if item is _GO:
            go = True
            for index, url, text, fmt, warnings in held:
                _extract(out, index, url, text, fmt, warnings)
            remaining -= len(held)
            held.clear()
            continue
        index, url, result = item
        try:
            if isinstance(result, BaseException):
                raise result
            text, fmt, warnings = page_text(url, *result)
        except BaseException as error:
            _write(out, index, *error_result(error))
            remaining -= 1
            continue
        if fmt == "txt" or go:
            _extract(out, index, url, text, fmt, warnings)
            remaining -= 1
        else:
            held.append((index, url, text, fmt, warnings))
            _write(out, index, KIND_HELD, None)


def _extract(out: BinaryIO, index: int, url: str, text: str, fmt: str, warnings: list[str]) -> None:
    try:
        article = article_from_text(text, url, fmt=fmt, warnings=warnings)
    except BaseException as error:
        _write(out, index, *error_result(error))
        return
    _write(out, index, KIND_ARTICLE, (fmt, encode_article(article)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.core.ingest.downloader")
    parser.add_argument("--max-size", type=int, default=DEFAULT_MAX_SIZE)
    parser.add_argument("--timeout", type=float, default=TIMEOUT)
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args(argv)
    run(args.urls, args.max_size, args.timeout, sys.stdout.buffer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
