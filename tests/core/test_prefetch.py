"""Web pages downloaded in the background (reader.core.ingest.prefetch), against a local HTTP
server on 127.0.0.1: downloads start at once, errors are the same lines as a direct load, and
closing stops a download that is still coming."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from reader.core.ingest import IngestError, load_url
from reader.core.ingest.prefetch import Cancelled, PageDownloads
from tests.local_http import QuietHandler, serve

PAGE = b"""<!doctype html><html><head><title>Port shut</title></head><body><article>
<h1>Port shut as storm hits Valmora</h1>
<p>Forty vessels were stuck after the Valmora harbour authority closed the port on Monday.</p>
<p>Mayor Brandt told reporters the port would stay shut for three days or more.</p>
</article></body></html>"""
TEXT = b"Storm closes Valmora port\n\nHeavy rain closed the port on Monday, stranding 40 ships.\n"


class _Handler(QuietHandler):
    requested: list[str] = []

    def do_GET(self) -> None:  # http.server calls it by this name
        self.requested.append(self.path)
        if self.path == "/trickle":  # a page that never finishes: one byte every 0.1 s
            self.trickle("text/plain", b"x" * 69999, b"x")
            return
        routes = {
            "/page.html": (200, "text/html", PAGE),
            "/wire.txt": (200, "text/plain; charset=utf-8", TEXT),
        }
        code, kind, body = routes.get(self.path, (404, "text/html", b"gone"))
        self.reply(code, {"Content-Type": kind}, body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(_Handler) as url:
        yield url


def _wait_for(condition, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_downloads_start_before_anyone_asks(server: str) -> None:
    _Handler.requested.clear()
    downloads = PageDownloads([server + "/page.html", server + "/wire.txt"])
    # Nobody has called load(): the requests were made by the background threads.
    assert _wait_for(lambda: sorted(_Handler.requested) == ["/page.html", "/wire.txt"])
    assert _wait_for(lambda: not downloads.running)
    page = downloads.load(server + "/page.html")
    assert page.source == server + "/page.html"
    assert page.title == load_url(server + "/page.html").title == "Port shut as storm hits Valmora"
    assert [p.text for p in page.paragraphs] == [
        p.text for p in load_url(server + "/page.html").paragraphs
    ]
    assert downloads.load(server + "/wire.txt").paragraphs[-1].text.startswith("Heavy rain")
    assert server + "/wire.txt" in downloads and server + "/other" not in downloads


def test_errors_are_the_lines_of_a_direct_load(server: str) -> None:
    url = server + "/missing"
    downloads = PageDownloads([url])
    with pytest.raises(IngestError) as direct:
        load_url(url)
    with pytest.raises(IngestError) as fetched:
        downloads.load(url)
    assert str(fetched.value) == str(direct.value)
    assert "404" in str(fetched.value)


def test_a_size_limit_applies_in_the_background(server: str) -> None:
    downloads = PageDownloads([server + "/page.html"], max_size=100)
    with pytest.raises(IngestError, match="larger than"):
        downloads.load(server + "/page.html")


def test_a_cancelled_wait_returns_at_once_and_close_stops_the_download(server: str) -> None:
    url = server + "/trickle"
    downloads = PageDownloads([url], timeout=60)
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        downloads.load(url, cancelled=stop.is_set)
    assert time.monotonic() - started < 2
    assert downloads.running  # still coming: the page is never finished
    downloads.close()
    # The download ends at its next chunk, long before its time-out.
    assert _wait_for(lambda: not downloads.running, 3)
    with pytest.raises(Cancelled):
        downloads.load(url)


def _gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie waiting for its new parent counts)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_the_downloader_never_outlives_the_reader(server: str) -> None:
    """The reader's process dies (killed, no clean-up) while a page is still coming: its
    downloader sees the end of its input and exits too, long before the page's time-out."""
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "from reader.core.ingest.prefetch import PageDownloads\n"
        f"d = PageDownloads([{server + '/trickle'!r}], timeout=60)\n"
        "print(d._process.pid, flush=True)\n"
        "sys.stdin.readline()\n"
        "os._exit(0)\n"
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert reader.stdout is not None and reader.stdin is not None
    pid = int(reader.stdout.readline())
    time.sleep(0.3)
    assert not _gone(pid)  # downloading
    reader.stdin.close()  # the reader exits without closing its downloads
    reader.wait(5)
    assert _wait_for(lambda: _gone(pid), 3)


def test_the_reader_process_imports_no_fetcher_or_extractor(server: str) -> None:
    """The downloads, their imports (urllib, http.client, the HTML extractor) and the
    extraction happen in the downloader process: in the reader's own interpreter they held the
    lock its first frame needs.  The pages arrive whole, as the same articles."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reader.core.ingest.prefetch import PageDownloads\n"
        f"d = PageDownloads([{server + '/page.html'!r}, {server + '/wire.txt'!r}])\n"
        f"page = d.load({server + '/page.html'!r})\n"
        f"wire = d.load({server + '/wire.txt'!r})\n"
        "d.close()\n"
        "print(page.title, '|', wire.paragraphs[-1].text[:10])\n"
        "slow = ('urllib.request', 'http.client', 'trafilatura', 'lxml', 'charset_normalizer')\n"
        "print(' '.join(m for m in slow if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Port shut as storm hits Valmora | Heavy rain", ""]


def test_articles_cross_the_pipe_unchanged(server: str) -> None:
    from reader.core.ingest.downloader import decode_article, encode_article

    for article in (load_url(server + "/page.html"), load_url(server + "/wire.txt")):
        article.warnings = ["3 invalid bytes replaced"]
        assert decode_article(encode_article(article)) == article


def test_without_a_downloader_pages_load_in_the_callers_thread(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The downloader cannot start (an unusual installation) or dies: the pages it did not
    deliver are fetched where they are asked for, with the same errors."""
    monkeypatch.setattr(PageDownloads, "_start", lambda self: None)
    downloads = PageDownloads([server + "/wire.txt", server + "/missing"])
    assert not downloads.running and downloads.ready_text(server + "/wire.txt") is None
    assert downloads.load(server + "/wire.txt").paragraphs[-1].text.startswith("Heavy rain")
    with pytest.raises(IngestError, match="404"):
        downloads.load(server + "/missing")
    monkeypatch.undo()
    downloads = PageDownloads([server + "/trickle", server + "/page.html"], timeout=60)
    assert downloads._process is not None
    downloads._process.kill()
    assert downloads.load(server + "/page.html").title == "Port shut as storm hits Valmora"
    downloads.close()


def test_a_finished_plain_text_page_is_ready_for_the_first_frame(server: str) -> None:
    urls = [server + "/wire.txt", server + "/page.html", server + "/missing"]
    downloads = PageDownloads(urls)
    assert _wait_for(lambda: not downloads.running)
    wire = downloads.ready_text(server + "/wire.txt")
    assert wire is not None and wire.source == server + "/wire.txt"
    assert [p.text for p in wire.paragraphs] == [
        p.text for p in load_url(server + "/wire.txt").paragraphs
    ]
    assert downloads.ready_text(server + "/page.html") is None  # needs the extractor
    assert downloads.ready_text(server + "/missing") is None  # its error comes from load()
    with pytest.raises(IngestError, match="404"):
        downloads.load(server + "/missing")


def test_a_page_still_coming_is_not_ready(server: str) -> None:
    downloads = PageDownloads([server + "/trickle"], timeout=60)
    assert downloads.ready_text(server + "/trickle") is None
    downloads.close()
