"""Web pages as inputs: ``parallel-reader https://… https://…``.

A page is fetched with the standard library only (no new dependency), within firm limits so a
hostile or broken server cannot hang or flood the program: http and https only (redirects too),
a timeout for the whole download, a size limit, a redirect limit.  The body is then decoded and
extracted exactly like a saved page, and the URL is the article's source.  Every failure is one
:class:`~reader.core.ingest.load.IngestError` line naming the URL.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader import __version__
from reader.core.ingest.load import (
    DEFAULT_MAX_SIZE,
    IngestError,
    TooLargeError,
    article_from_text,
    decode_bytes,
    sniff_format,
)
from reader.core.model import Article

if TYPE_CHECKING:
    from email.message import Message

SCHEMES = ("http", "https")
TIMEOUT = 20.0
"""Seconds for the whole download of one page."""
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "text/markdown")


def is_url(source: str) -> bool:
    """Whether ``source`` names a web address rather than a file (any scheme, so that
    ``ftp://…`` is refused clearly instead of looked for as a file)."""
    scheme, sep, rest = source.partition("://")
    return bool(sep) and scheme.isalpha() and bool(rest)


def _opener(source: str, max_redirects: int):
    """A urllib opener that follows at most ``max_redirects`` redirects, only to http(s).

    urllib is imported here, not at module level: it pulls in http.client and ssl, which every
    start-up of the reader would otherwise pay for even with no web page among the inputs.
    """
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = max_redirects

        def redirect_request(self, req, fp, code, msg, headers, newurl):
            scheme = urlsplit(newurl).scheme.lower()
            if scheme not in SCHEMES:
                raise IngestError(source, f"redirected to a non-web address ({scheme}:)")
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    return urllib.request.build_opener(Redirects())


def fetch_url(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_size: int = DEFAULT_MAX_SIZE,
    max_redirects: int = MAX_REDIRECTS,
    stop: Callable[[], bool] | None = None,
) -> tuple[bytes, Message]:
    """Download ``url``: the body and the response headers (raises :class:`IngestError`).

    ``stop()`` is asked between chunks; once it is true the download ends with an error (the
    reader was closed while a page was still coming)."""
    import urllib.error
    import urllib.request

    scheme = urlsplit(url).scheme.lower()
    if scheme not in SCHEMES:
        raise IngestError(url, f"only http and https addresses can be opened, not {scheme}:")
    opener = _opener(url, max_redirects)
    request = urllib.request.Request(url, headers={"User-Agent": f"parallel-reader/{__version__}"})
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_size:
                raise TooLargeError(url, max_size)
            chunks: list[bytes] = []
            size = 0
            # read1: what has arrived (up to a chunk), so the limits are checked as data comes.
            while chunk := response.read1(_CHUNK):
                size += len(chunk)
                if size > max_size:
                    raise TooLargeError(url, max_size)
                if time.monotonic() > deadline:
                    raise IngestError(url, f"timed out after {timeout:g} s")
                if stop is not None and stop():
                    raise IngestError(url, "download stopped")
                chunks.append(chunk)
            return b"".join(chunks), response.headers
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            # urllib itself refuses redirects to schemes other than http(s)/ftp ("not allowed").
            if "not allowed" in str(error.msg):
                raise IngestError(url, "redirected to a non-web address") from None
            raise IngestError(url, f"more than {max_redirects} redirects") from None
        raise IngestError(url, f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise IngestError(url, f"timed out after {timeout:g} s") from None
        text = getattr(reason, "strerror", None) or str(reason)
        raise IngestError(url, f"cannot connect: {text}") from None
    except TimeoutError:
        raise IngestError(url, f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as error:  # connection reset, bad port, malformed address
        raise IngestError(
            url, f"download failed: {getattr(error, 'strerror', None) or error}"
        ) from None


def load_url(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_size: int = DEFAULT_MAX_SIZE,
    max_redirects: int = MAX_REDIRECTS,
) -> Article:
    """Fetch ``url`` and extract its article as for a saved page; the URL is the source."""
    data, headers = fetch_url(url, timeout=timeout, max_size=max_size, max_redirects=max_redirects)
    return page_article(url, data, headers)


def page_article(url: str, data: bytes, headers: Message) -> Article:
    """The article of a downloaded page (``fetch_url``'s body and headers), extracted as for a
    saved page; the URL is the source.  Raises :class:`IngestError` for what is not a page."""
    text, fmt, warnings = page_text(url, data, headers)
    return article_from_text(text, url, fmt=fmt, warnings=warnings)


def page_text(url: str, data: bytes, headers: Message) -> tuple[str, str, list[str]]:
    """A downloaded page's text, its format (``txt``, ``md`` or ``html``: how it will be
    extracted) and the warnings of decoding it.  Raises :class:`IngestError` for what is not a
    page."""
    content_type = headers.get_content_type()
    if headers.get("Content-Type") and content_type not in _PAGE_TYPES:
        raise IngestError(url, f"not a web page (content type {content_type})")
    if not data.strip():
        raise IngestError(url, "is empty")
    warnings: list[str] = []
    charset = headers.get_content_charset()
    text = None
    if charset:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_bytes(data, url, warnings)
    if content_type in ("text/html", "application/xhtml+xml"):
        fmt = "html"
    else:
        fmt = sniff_format(text, urlsplit(url).path)
    return text, fmt, warnings
