"""Fuzzing ingest with random bytes and random file names: never a traceback beyond IngestError,
offsets always valid, and no control, bidi or invisible character in any string that comes out."""

from __future__ import annotations

import os
import sys
import tempfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.ingest import IngestError, article_from_text, load_article
from reader.core.ingest.sanitize import CONTROL_CHARS
from reader.core.model import Article

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes with a bias towards what breaks decoders and terminals: escape sequences, C1, UTF-8
# fragments, BOMs, markup.
_PIECES = [
    b"\x1b]52;c;AAAA\x07",
    b"\x1b[2J",
    b"\x9b",
    b"\xc2\x9b",
    b"\xe2\x80\xae",
    b"\xe2\x80\x8b",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\r\n",
    b"\n\n",
    b"<p>",
    b"</div>",
    b"# ",
    b"> ",
    b"| a |",
    b"\xe6\x9d\xb1",
    b"\x92",
    b"\xe9",
    b"Valmora port closed. ",
]
CONTENT = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.binary(max_size=8)), max_size=40).map(b"".join),
)
# File names: any bytes but "/" and NUL (what POSIX allows), biased to controls and escapes.
NAME = (
    st.lists(
        st.one_of(
            st.sampled_from(
                [b"\x1b]0;t\x07", b"\x1b[31m", b"\n", b"\t", b"\xe2\x80\xae", b"\xc2\x85", b"\xff"]
            ),
            st.binary(min_size=1, max_size=6).map(
                lambda b: b.replace(b"/", b"_").replace(b"\x00", b"_")
            ),
        ),
        min_size=1,
        max_size=8,
    )
    .map(b"".join)
    .filter(lambda b: b not in (b".", b"..") and len(b) < 200)
)
TEXT = st.text(max_size=300)


def _bad(ch: str) -> bool:
    return ord(ch) in CONTROL_CHARS or ch in "\x1b\r\t" or "\ud800" <= ch <= "\udfff"


def check(article: Article) -> None:
    assert article.paragraphs
    for field in (article.source, article.title, *article.warnings):
        assert not any(_bad(ch) or ch == "\n" for ch in field), repr(field)
    assert not any(_bad(ch) for ch in article.text)
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    for i, p in enumerate(article.paragraphs):
        assert p.index == i
        assert article.text[p.start : p.end] == p.text
        last = 0
        for a, b in p.sentences:
            assert last <= a < b <= len(p.text)
            last = b


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX byte file names")
@FUZZ
@given(content=CONTENT, name=NAME, ext=st.sampled_from([b".txt", b".md", b".html", b""]))
def test_random_files_with_random_names(content: bytes, name: bytes, ext: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.fsencode(folder) + b"/" + name + ext
        try:
            with open(path, "wb") as fh:
                fh.write(content)
        except OSError:  # a name the file system refuses (too long in bytes): nothing to test
            return
        try:
            article = load_article(os.fsdecode(path))
        except IngestError as error:  # one clean line, whatever the name carried
            assert not any(_bad(ch) or ch == "\n" for ch in str(error)), repr(str(error))
            return
        check(article)


@FUZZ
@given(text=TEXT, source=TEXT, fmt=st.sampled_from(["txt", "md", "html"]))
def test_random_text_and_sources(text: str, source: str, fmt: str) -> None:
    try:
        article = article_from_text(text, source or "x", fmt=fmt)
    except IngestError as error:
        assert not any(_bad(ch) or ch == "\n" for ch in str(error)), repr(str(error))
        return
    check(article)
