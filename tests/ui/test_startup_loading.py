"""Web pages and HTML files load after the first frame (issue 12: first paint within 1.5x a bare
Textual app whatever the inputs): placeholders first, then the articles, then the analysis; a
page that cannot be loaded ends the reader with one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from reader.cli import main
from reader.core.ingest import IngestError, needs_extraction, slow_to_load
from reader.core.model import Analysis, Article
from reader.ui.app import LOADING_TEXT, ReaderApp, placeholder_article
from reader.ui.widgets.status import StatusLine
from tests.local_http import QuietHandler, serve

from .conftest import story_analysis

_FIRST_FRAME_PREFIX = (
    "import sys\n"
    "from reader.ui.app import ReaderApp\n"
    "seen = []\n"
    "def on_ready(self):\n"
    "    seen.extend(sys.modules)\n"
    "    self.exit()\n"
    "ReaderApp.on_ready = on_ready\n"
    "from reader.cli import main\n"
)


def _run_to_first_frame(args: list[str], tmp_path: Path, then: str) -> subprocess.CompletedProcess:
    """Run the real command line on ``args`` in a fresh process (headless, with its own config
    and data folders) until its first frame, then the Python lines ``then``, which may read
    ``seen``: the modules imported by that frame."""
    code = _FIRST_FRAME_PREFIX + f"assert main({args!r}) == 0\n" + then
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def test_which_sources_wait_for_the_worker(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<p>x</p>")
    assert slow_to_load("https://example.org/story")
    assert slow_to_load(str(page))
    assert not slow_to_load(str(tmp_path / "missing.html"))  # its error comes at once
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nText.")
    assert slow_to_load(str(notes))  # markdown-it's import costs more than a bare app's start
    assert not slow_to_load(str(tmp_path / "notes.txt")) and not slow_to_load("-")
    assert needs_extraction("https://example.org/story?id=3")
    assert needs_extraction(str(page)) and needs_extraction("http://x.org/a.htm#top")
    assert not needs_extraction("http://x.org/wire.txt")
    assert not needs_extraction("notes.md")


def test_placeholder_names_the_source_as_data() -> None:
    art = placeholder_article("http://x.org/\x1b[2Jpage.html")
    assert "\x1b" not in art.source and "\x1b" not in (art.title or "")
    assert [p.text for p in art.paragraphs] == [LOADING_TEXT]


async def test_placeholders_first_then_articles_then_analysis() -> None:
    story = story_analysis(2)
    real = story.articles
    released = threading.Event()
    loaded: list[str] = []

    def load(source: str) -> Article:
        released.wait(5)
        loaded.append(source)
        return real[int(source[-1])]

    def analyze(articles: list[Article], progress) -> Analysis:
        assert articles[0] is real[0] and articles[1] is real[1]
        return Analysis(list(articles), story.matches, story.entities, story.figures, [])

    sources = ["http://x.org/page.html?0", "http://x.org/wire.txt?1"]
    app = ReaderApp(
        [placeholder_article(s) for s in sources],
        analyze,
        pending=dict(enumerate(sources)),
        load=load,
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.pane(0).article.paragraphs[0].text == LOADING_TEXT
        assert "Loading articles 0/2" in r.query_one(StatusLine).text
        released.set()
        # Loading, then (after a refresh) the analysis: two workers one after the other.
        deadline = time.monotonic() + 10
        while r.nav is None and time.monotonic() < deadline:
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert loaded == [sources[1], sources[0]]  # the text file first: it needs no extraction
        assert r.pane(0).article is real[0] and r.pane(1).article is real[1]
        assert app.articles == real
        assert r.nav is not None and r.pane(0).nav is not None
        assert "match" in r.query_one(StatusLine).text
        # Search sees the loaded text, not the placeholders.
        await pilot.press("slash", *"erdogan", "enter")
        assert len(r.search_hits) == 4


async def test_a_failed_load_ends_the_reader_with_the_error() -> None:
    story = story_analysis(2)

    def load(source: str) -> Article:
        raise IngestError(source, "HTTP 404 Not Found")

    app = ReaderApp(
        [story.articles[0], placeholder_article("http://x.org/gone")],
        lambda arts, progress: pytest.fail("analysed without the article"),
        pending={1: "http://x.org/gone"},
        load=load,
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1
    assert isinstance(app.load_error, IngestError)
    assert "404" in str(app.load_error)


PLAIN = b"""Storm closes Valmora port

Heavy rain forced the harbour authority in Valmora to close the port on Monday, stranding 40 ships.

Mayor Ilse Brandt said the closure would last at least three days.
"""
PAGE = b"""<!doctype html><html><head><title>Port shut</title></head><body><article>
<h1>Port shut as storm hits Valmora</h1>
<p>Forty vessels were stuck after the Valmora harbour authority closed the port on Monday.</p>
<p>Mayor Brandt told reporters the port would stay shut for three days or more.</p>
</article></body></html>"""


class _Handler(QuietHandler):
    requested: list[tuple[str, float]] = []
    """Paths asked for, with the time."""

    def do_GET(self) -> None:  # http.server calls it by this name
        routes = {
            "/wire.txt": (200, "text/plain; charset=utf-8", PLAIN),
            "/page.html": (200, "text/html", PAGE),
        }
        _Handler.requested.append((self.path, time.monotonic()))
        if self.path == "/trickle.html":  # a page that never finishes: one byte every 0.1 s
            self.trickle("text/html", b"", b" ")
            return
        code, kind, body = routes.get(self.path, (404, "text/html", b"gone"))
        self.reply(code, {"Content-Type": kind}, body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(_Handler) as url:
        yield url


@dataclass
class Runs:
    apps: list[ReaderApp] = field(default_factory=list)
    """Every reader started."""
    analysed: list[bool] = field(default_factory=list)
    """Per reader that loaded its articles: whether the analysis reached the screen."""


@pytest.fixture
def headless_reader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Runs:
    """``ReaderApp.run`` headless: wait for the workers (loading, analysis), then quit."""
    runs = Runs()
    run = ReaderApp.run

    def run_headless(self: ReaderApp, *args: object, **kwargs: object) -> None:
        async def auto_pilot(pilot: Pilot[None]) -> None:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and pilot.app.is_running:
                try:
                    await pilot.app.workers.wait_for_complete()
                except WorkerCancelled:
                    break  # the reader is closing (a page failed): it cancelled its workers
                await pilot.pause()
                if self.reader.nav is not None or self.load_error is not None:
                    break
            if self.load_error is None:
                runs.analysed.append(self.reader.nav is not None)
            pilot.app.exit()

        runs.apps.append(self)
        run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    monkeypatch.setattr(ReaderApp, "run", run_headless)
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return runs


def test_reader_on_urls_loads_pages_after_the_first_frame(server, headless_reader, capsys) -> None:
    assert main([server + "/wire.txt", server + "/page.html"]) == 0
    (app,) = headless_reader.apps
    assert [a.source for a in app.articles] == [server + "/wire.txt", server + "/page.html"]
    assert app.articles[1].title == "Port shut as storm hits Valmora"
    assert headless_reader.analysed == [True]
    assert capsys.readouterr().err == ""


def test_reader_reports_an_unreachable_url_as_one_line(server, headless_reader, capsys) -> None:
    assert main([server + "/wire.txt", server + "/missing.txt"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("parallel-reader: error: ")
    assert "/missing.txt" in err and "404" in err


def test_reader_reports_a_missing_html_file_before_any_screen(
    server, headless_reader, capsys, tmp_path
) -> None:
    assert main([server + "/wire.txt", str(tmp_path / "gone.html")]) == 1
    assert headless_reader.apps == []  # no reader was started
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "gone.html" in err


def test_the_first_frame_imports_no_parser_fetcher_or_aligner() -> None:
    """What the reader imports before its first frame: none of the slow libraries that only
    loading pages or the analysis need (each cost 0.1-1 s of start-up when imported early)."""

    code = (
        "import sys\n"
        "import reader.cli, reader.ui.app\n"
        "slow = ('rapidfuzz', 'reader.core.matching.matcher', 'reader.core.analysis', "
        "'trafilatura', 'markdown_it', 'urllib.request', 'lxml', 'charset_normalizer')\n"
        "print(' '.join(m for m in slow if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_pages_download_before_the_reader_starts(server, headless_reader, monkeypatch) -> None:
    """The downloads begin right after the command line is read, so their network time overlaps
    the UI's imports and first frame (they used to start in the worker after that frame)."""
    started: list[float] = []
    run = ReaderApp.run

    def timed_run(self: ReaderApp, *args: object, **kwargs: object) -> None:
        # A slow start-up: the pages are requested meanwhile, before the reader runs.
        deadline = time.monotonic() + 10
        while len(_Handler.requested) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        started.append(time.monotonic())
        run(self, *args, **kwargs)

    monkeypatch.setattr(ReaderApp, "run", timed_run)
    _Handler.requested.clear()
    assert main([server + "/wire.txt", server + "/page.html"]) == 0
    assert sorted(p for p, _ in _Handler.requested) == ["/page.html", "/wire.txt"]
    assert all(t < started[0] for _, t in _Handler.requested)
    assert headless_reader.analysed == [True]


def test_quitting_while_a_page_downloads_neither_waits_nor_reports(
    server, monkeypatch, tmp_path, capsys
) -> None:
    """``q`` while a page is still coming: the reader closes at once, with no error line, and
    the download stops (no thread is left working)."""
    frames: list[bool] = []
    run = ReaderApp.run

    def run_and_quit(self: ReaderApp, *args: object, **kwargs: object) -> None:
        async def auto_pilot(pilot: Pilot[None]) -> None:
            await pilot.pause()
            frames.append(self.reader.pane(1).article.paragraphs[0].text == LOADING_TEXT)
            await pilot.press("q")

        run(self, headless=True, size=(100, 30), auto_pilot=auto_pilot)

    from reader import cli

    start = cli._start_downloads
    started_downloads = []

    def recorded(sources, max_size):
        started_downloads.append(start(sources, max_size))
        return started_downloads[-1]

    monkeypatch.setattr(cli, "_start_downloads", recorded)
    monkeypatch.setattr(ReaderApp, "run", run_and_quit)
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual.drivers.headless_driver:HeadlessDriver")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    started = time.monotonic()
    assert main([server + "/wire.txt", server + "/trickle.html"]) == 0
    assert time.monotonic() - started < 5  # the page would take a minute
    assert frames == [True]  # its pane said it was loading
    assert capsys.readouterr().err == ""
    # Nothing is left downloading: the downloader process has ended.
    (downloads,) = started_downloads
    assert not downloads.running
    assert downloads._process is not None and downloads._process.poll() is not None


def test_the_first_frame_on_web_pages_imports_no_fetcher(server, tmp_path: Path) -> None:
    """The real command line on two web pages, to its first frame: the reader's process has not
    imported urllib or http.client (the downloads run in the downloader process; in threads of
    the reader's process, they cost its first frame about 25 ms), nor compiled the segmenter's
    patterns (the pages are segmented in the downloader too)."""

    urls = [server + "/wire.txt", server + "/page.html"]
    result = _run_to_first_frame(
        urls,
        tmp_path,
        "slow = ('urllib.request', 'http.client', 'trafilatura', 'lxml')\n"
        "print(' '.join(m for m in slow if m in seen))\n"
        "from reader.core.ingest import segment\n"
        "assert not segment._FURNITURE.compiled, 'segmenter patterns compiled'\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_compare_downloads_its_pages_at_once(tmp_path: Path, capsys) -> None:
    """``compare`` on three web pages: each page is served only once all three have been asked
    for (a server that makes a sequential client wait out its 3 s barrier and fail), and the
    report is the one of the same pages read in order."""
    barrier = threading.Barrier(3, timeout=3)

    class Together(QuietHandler):
        def do_GET(self) -> None:  # http.server calls it by this name
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                self.reply(503, {"Content-Type": "text/plain"}, b"asked one at a time")
                return
            text = PLAIN.replace(b"40", self.path[-1:].encode() * 2)
            self.reply(200, {"Content-Type": "text/plain; charset=utf-8"}, text)

    with serve(Together) as url:
        pages = [f"{url}/wire-{i}.txt" for i in (1, 2, 3)]
        assert main(["compare", "-o", str(tmp_path / "report.json"), *pages]) == 0
    assert capsys.readouterr().err == ""
    import json

    report = json.loads((tmp_path / "report.json").read_text())
    assert [a["source"] for a in report["articles"]] == pages


def test_the_first_frame_imports_only_what_it_shows(tmp_path: Path) -> None:
    """What is imported by the time the reader's first frame is on screen (the real command
    line, on two text files): no report writer, no screen that only a key opens, no corrections
    or config parser, no matching terms.  Each cost 5-45 ms of start-up when imported early."""

    for name, text in (("a.txt", PLAIN), ("b.txt", PLAIN.replace(b"40", b"forty"))):
        (tmp_path / name).write_bytes(text)
    late = (
        "reader.core.report.json_report",
        "reader.core.report.markdown_report",
        "reader.core.report.json_load",
        "reader.core.corrections",
        "reader.core.matching.terms",
        "reader.core.analysis",
        "reader.ui.screens.overview",
        "reader.ui.screens.picker",
        "reader.ui.screens.explain",
        "reader.ui.screens.help",
        "reader.ui.widgets.fact_table",
        "reader.ui.widgets.footer",
        "tomllib",
        "urllib.request",
        "rapidfuzz",
        "trafilatura",
    )
    result = _run_to_first_frame(
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")],
        tmp_path,
        f"print(' '.join(m for m in {late!r} if m in seen))\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_a_plain_text_page_already_in_is_in_the_first_frame(
    server, headless_reader, monkeypatch
) -> None:
    """A page downloaded while the reader was starting, read as plain text, is shown in the
    first frame (no placeholder); the HTML page still loads in the worker."""
    from reader import cli

    start = cli._start_downloads

    def started_and_finished(sources, max_size):
        downloads = start(sources, max_size)
        deadline = time.monotonic() + 5  # as if the UI's imports took this long
        while downloads is not None and downloads.running and time.monotonic() < deadline:
            time.sleep(0.01)
        return downloads

    monkeypatch.setattr(cli, "_start_downloads", started_and_finished)
    first_frame: list[str] = []
    ready = ReaderApp.on_ready

    def on_ready(self: ReaderApp) -> None:
        first_frame.extend(a.paragraphs[0].text for a in self.articles)
        ready(self)

    monkeypatch.setattr(ReaderApp, "on_ready", on_ready)
    assert main([server + "/wire.txt", server + "/page.html"]) == 0
    assert first_frame[0] == "Storm closes Valmora port"
    assert first_frame[1] == LOADING_TEXT
    (app,) = headless_reader.apps
    assert app.articles[1].title == "Port shut as storm hits Valmora"
    assert headless_reader.analysed == [True]


def test_key_ids_include_the_screens_not_imported_yet() -> None:
    """The overview and the picker are imported when first opened, but a config file may
    remap their keys from the start: ``binding_ids`` imports them to list their ids."""

    code = (
        "import sys\n"
        "from reader.ui.app import binding_ids\n"
        "assert 'reader.ui.screens.overview' not in sys.modules\n"
        "ids = binding_ids()\n"
        "from reader.ui.screens.overview import OverviewScreen\n"
        "from reader.ui.screens.picker import ArticlePicker\n"
        "lazy = [b.id for s in (OverviewScreen, ArticlePicker) for b in s.BINDINGS if b.id]\n"
        "assert lazy and set(lazy) <= ids, lazy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
