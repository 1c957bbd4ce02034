"""Hostile and extreme inputs at ingest: names, invisible characters, decoding, bounded reads, deep
nesting, empty-looking articles.  Each test pins one finding of the hardening probe (issue 10)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.ingest import IngestError, article_from_text, decode_bytes, load_article
from reader.core.ingest.load import TooLargeError
from reader.core.ingest.sanitize import CONTROL_CHARS


def _clean(text: str) -> bool:
    return not any(
        ord(ch) in CONTROL_CHARS or "\ud800" <= ch <= "\udfff" or ch in "\x1b\r\t" for ch in text
    )


# --- names and titles from outside ------------------------------------------------------------


def test_a_file_name_with_escape_sequences_is_made_safe_at_ingest() -> None:
    name = "/tmp/news\x1b]52;c;cm0gLXJmIH4=\x07\u202e\x9b2J.txt"
    article = article_from_text("Storm closes the port of Valmora on Monday.", name)
    assert _clean(article.source) and _clean(article.title)
    assert "\x1b" not in article.source and "52;c" not in article.source
    assert article.title == "news???"  # default title from the cleaned name (8-bit CSI went whole)


def test_an_html_title_with_controls_and_line_breaks_stays_one_clean_line() -> None:
    page = (
        "<html><head><title>Port\u202e closed\n\x1b]0;pwned\x07 today</title></head><body>"
        "<p>Storm closes the port of Valmora on Monday, stranding forty ships.</p></body></html>"
    )
    article = article_from_text(page, "p.html", fmt="html")
    assert _clean(article.title) and "\n" not in article.title
    assert "pwned" not in article.title


# --- invisible characters ----------------------------------------------------------------------


def test_zero_width_characters_do_not_split_names() -> None:
    article = article_from_text(
        "President Erd\u200bo\u00adgan met Tok\u2060yo officials in An\u200dkara.", "z.txt"
    )
    assert "Erdogan" in article.text and "Tokyo" in article.text and "Ankara" in article.text


def test_bidi_overrides_are_removed_and_flagged() -> None:
    article = article_from_text("The minister said \u202etxet desrever\u202c on Monday.", "b.txt")
    assert "\u202e" not in article.text
    assert any("bidirectional" in w for w in article.warnings)
    assert article_from_text("A clean article about the port.", "c.txt").warnings == []


def test_an_article_of_invisible_characters_only_is_refused() -> None:
    with pytest.raises(IngestError, match="no readable text"):
        article_from_text("\u200b\u200c\u200d\u2060\u00ad \ufeff\n\n\U000e0041\u200e", "inv.txt")


def test_an_article_of_page_furniture_only_is_refused() -> None:
    with pytest.raises(IngestError, match="only page furniture"):
        article_from_text(
            "Share this article\n\nSign up for our newsletter\n\nAdvertisement", "f.txt"
        )


# --- decoding ------------------------------------------------------------------------------------


def test_utf8_with_a_few_stray_bytes_stays_utf8_with_a_warning(tmp_path: Path) -> None:
    body = (
        "The governor of Tōkyō met officials from 東京 on Tuesday to discuss the reopening of the "
        "harbour, which had been closed for three days after the storm. " * 3
    )
    data = bytearray(body.encode("utf-8"))
    for i, stray in zip((40, 90, 150, 210, 260, 330), b"\x92\xff\xe9\x80\x93\xfe", strict=True):
        data[i:i] = bytes([stray])
    path = tmp_path / "stray.txt"
    path.write_bytes(bytes(data))
    article = load_article(str(path))
    assert "Tōkyō" in article.text and "東京" in article.text
    assert article.text.count("\ufffd") == 6
    assert article.warnings == ["6 invalid UTF-8 bytes replaced with \ufffd"]


def test_real_legacy_text_still_decodes_as_legacy() -> None:
    assert (
        decode_bytes("Un été à Paris, le café était très bon.".encode("cp1252"), "f.txt")
        == "Un été à Paris, le café était très bon."
    )
    text = "東京の橋は嵐の後の修理を終えて火曜日に再開された。関係者はそう述べた。" * 3
    assert decode_bytes(text.encode("shift_jis"), "j.txt") == text


# --- bounded reads -------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 300_000)  # 1.5 MB
    with pytest.raises(TooLargeError) as info:
        load_article(str(path), max_size=1 << 20)
    assert str(info.value) == f"{path}: larger than the 1 MB limit for one article"
    assert load_article(str(path), max_size=2 << 20).paragraphs


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_stops_at_the_limit() -> None:
    started = time.monotonic()
    with pytest.raises(TooLargeError):
        load_article("/dev/zero", max_size=4 << 20)
    assert time.monotonic() - started < 10


def test_endless_standard_input_stops_at_the_limit(tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("The port of Valmora closed on Monday after the storm.", encoding="utf-8")
    producer = subprocess.Popen(
        [sys.executable, "-c", "import sys\nwhile True: sys.stdout.write('all work ' * 1000)"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "compare", "-", str(other), "--max-size", "2MB"],
            stdin=producer.stdout,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        producer.kill()
        producer.wait()
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "parallel-reader: error: standard input: larger than the 2 MB limit for one article (--max-size raises it)"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_without_a_writer_times_out_with_one_line(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    other = tmp_path / "b.txt"
    other.write_text("The port of Valmora closed on Monday after the storm.", encoding="utf-8")
    env = {**os.environ, "PARALLEL_READER_PIPE_TIMEOUT": "0.5"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(fifo), str(other)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"parallel-reader: error: {fifo}: a named pipe with nothing writing to it (waited 0.5 s)"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_with_a_late_writer_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    monkeypatch.setenv("PARALLEL_READER_PIPE_TIMEOUT", "20")

    def write_later() -> None:
        time.sleep(0.3)
        with open(fifo, "w", encoding="utf-8") as fh:
            fh.write("Storm closes port\n\nThe port of Valmora closed on Monday.\n")

    writer = threading.Thread(target=write_later)
    writer.start()
    try:
        article = load_article(str(fifo))
    finally:
        writer.join()
    assert article.title == "Storm closes port"
    assert (
        article.paragraphs[1].text == "The port of Valmora closed on Monday."
    )  # 0 is the headline


# --- deep nesting and huge documents ------------------------------------------------------------


@pytest.mark.parametrize("depth", [300, 1500, 5000])
def test_deeply_nested_html_keeps_its_text(depth: int) -> None:
    page = (
        "<html><head><title>Deep</title></head><body>"
        + "<div>" * depth
        + "<p>The port of Valmora closed on Monday after the storm.</p>"
        + "</div>" * depth
        + "<p>Forty ships were stranded.</p></body></html>"
    )
    article = article_from_text(page, "deep.html", fmt="html")
    texts = [p.text for p in article.paragraphs]
    assert "The port of Valmora closed on Monday after the storm." in texts
    assert "Forty ships were stranded." in texts


@pytest.mark.parametrize("depth", [30, 150, 1000])
def test_deep_markdown_blockquotes_keep_their_text(depth: int) -> None:
    md = (
        "# Storm\n\nFirst paragraph.\n\n"
        + ">" * depth
        + " The quoted minister spoke on Monday.\n\nLast paragraph.\n"
    )
    article = article_from_text(md, "deep.md", fmt="md")
    assert [p.text for p in article.paragraphs] == [
        "Storm",  # the heading stays paragraph 0, as the headline
        "First paragraph.",
        "The quoted minister spoke on Monday.",
        "Last paragraph.",
    ]


def test_a_huge_markdown_table_is_read_as_text_with_a_warning() -> None:
    rows = "".join(f"| row {i} | value {i * 7} | note |\n" for i in range(60_000))  # ~1.7 MB
    md = "| a | b | c |\n|---|---|---|\n" + rows + "\nThe closing paragraph of the article.\n"
    article = article_from_text(md, "table.md", fmt="md")
    assert any("read as plain text" in w for w in article.warnings)
    text = article.text
    assert "row 59999" in text and "The closing paragraph of the article." in text


def test_legacy_text_with_one_accidental_utf8_pair_stays_legacy() -> None:
    # "Ã©" happens to be valid UTF-8 (C3 A9); the dozens of other accents are not
    text = "Ã© " + "Le café était très animé à Besançon, dit-il. " * 10
    warnings: list[str] = []
    decoded = decode_bytes(text.encode("cp1252"), "f.txt", warnings)
    assert "\ufffd" not in decoded and warnings == []  # not UTF-8 with 50 replaced bytes
