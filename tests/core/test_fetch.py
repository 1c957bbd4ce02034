"""Web pages as inputs, against a local HTTP server on 127.0.0.1 only (never the network)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.ingest import IngestError, expand_sources, is_url, load_source, load_url
from reader.core.ingest.fetch import fetch_url
from tests.local_http import QuietHandler, serve

PAGE_A = b"""<!doctype html><html><head><title>Storm closes port</title></head><body><article>
<h1>Storm closes port</h1>
<p>Heavy rain forced the harbour authority in Valmora to close the port on Monday, stranding 40 ships.</p>
<p>Mayor Ilse Brandt said the closure would last at least three days.</p>
</article></body></html>"""

PAGE_B = """<!doctype html><html><head><meta charset="utf-8"><title>Port shut</title></head><body>
<article><h1>Port shut as storm hits Valmora</h1>
<p>Mayor Brandt told reporters the port would stay shut for three days or more, según fuentes.</p>
<p>Forty vessels were stuck after the Valmora harbour authority closed the port on Monday.</p>
</article></body></html>""".encode()


class _Handler(QuietHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {
        "/a.html": (200, {"Content-Type": "text/html"}, PAGE_A),
        "/b.html": (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE_B),
        "/moved": (302, {"Location": "/a.html"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/missing": (404, {"Content-Type": "text/html"}, b"no"),
        "/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000 + b"</p>"),
    }

    def do_GET(self) -> None:  # http.server calls it by this name
        if self.path == "/slow":
            time.sleep(1.5)
        code, headers, body = self.routes.get(
            self.path, (200, {"Content-Type": "text/html"}, PAGE_A)
        )
        self.reply(code, headers, body)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve(_Handler) as url:
        yield url


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch) -> None:
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)


def test_is_url() -> None:
    assert is_url("https://example.org/x") and is_url("ftp://x/y")
    assert not is_url("story.txt") and not is_url("-") and not is_url("C:\\x.txt")


def test_page_is_extracted_with_the_url_as_source(server: str) -> None:
    article = load_url(server + "/b.html")
    assert article.source == server + "/b.html"
    assert any("según fuentes" in p.text for p in article.paragraphs)
    assert article.title.startswith("Port shut")


def test_redirect_is_followed(server: str) -> None:
    assert "Valmora" in load_source(server + "/moved").text


@pytest.mark.parametrize(
    "path, words",
    [
        ("/loop", "redirects"),
        ("/to-file", "non-web address"),
        ("/missing", "HTTP 404"),
        ("/pdf", "not a web page (content type application/pdf)"),
    ],
)
def test_failures_are_one_line_naming_the_url(server: str, path: str, words: str) -> None:
    with pytest.raises(IngestError) as error:
        load_url(server + path)
    assert words in str(error.value) and str(error.value).startswith(server + path)
    assert "\n" not in str(error.value)


def test_size_limit_and_timeout(server: str) -> None:
    with pytest.raises(IngestError, match="limit"):
        load_url(server + "/big", max_size=1000)
    with pytest.raises(IngestError, match="timed out"):
        fetch_url(server + "/slow", timeout=0.3)


def test_other_schemes_and_closed_ports_are_refused() -> None:
    with pytest.raises(IngestError, match="only http and https"):
        load_source("ftp://127.0.0.1/x.html")
    with pytest.raises(IngestError, match="cannot connect"):
        load_url("http://127.0.0.1:9/x.html", timeout=2)


def test_compare_reads_urls(server: str, capsys) -> None:
    import json

    assert main(["compare", server + "/a.html", server + "/b.html"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["source"] for a in data["articles"]] == [server + "/a.html", server + "/b.html"]
    assert data["matches"]


def test_compare_url_failure_is_one_line(server: str, capsys) -> None:
    assert main(["compare", server + "/a.html", server + "/missing"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "HTTP 404" in err


def test_folder_opens_its_articles_sorted(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", "notes.pdf", ".hidden.txt"):
        (tmp_path / name).write_text("# T\n\nSome text here.\n", encoding="utf-8")
    assert [Path(p).name for p in expand_sources([str(tmp_path)])] == ["a.txt", "b.md", "c.html"]


def test_folder_with_fewer_than_two_is_a_clear_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "only.txt").write_text("One article.\n", encoding="utf-8")
    with pytest.raises(IngestError, match="folder holds 1 article file"):
        expand_sources([str(tmp_path)])
    assert main(["compare", str(tmp_path)]) == 2
    assert "at least two are needed" in capsys.readouterr().err
