"""Property tests: for any input, ingest keeps the data contract and loses no visible text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.ingest.load import IngestError, article_from_text
from reader.core.ingest.sanitize import CONTROL_CHARS, sanitize
from reader.core.ingest.segment import is_boilerplate, split_sentences
from reader.core.model import Article

# Pieces that exercise the interesting paths: escapes, controls, line breaks, abbreviations,
# quotes, ellipses, CJK stops, Markdown and Rich-markup lookalikes.
TOKENS = [
    "\x1b",
    "\x1b[",
    "\x1b[31m",
    "\x1b]0;t\x07",
    "\x1b\\",
    "\x9b",
    "\x07",
    "\x00",
    "\x7f",
    "\x85",
    "\u202e",
    "\u2066",
    "\u2028",
    "\u2029",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    " ",
    "  ",
    "\u00a0",
    ".",
    ". ",
    "! ",
    "? ",
    "...",
    "\u2026 ",
    '." ',
    "\u201d ",
    "\u3002",
    "Mr. ",
    "U.S. ",
    "J. ",
    "No. 5",
    "1.2",
    "The ",
    "he ",
    "# ",
    "* ",
    "- ",
    "> ",
    "[/]",
    "[bold]",
    "`",
    "_",
    "**",
    "Caf\u00e9",
    "\u6771\u4eac",
    "\U0001f389",
    "word ",
]
TEXT = st.lists(
    st.one_of(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=6), st.sampled_from(TOKENS)
    ),
    max_size=40,
).map("".join)
SOURCE = "/tmp/zz-default-title.txt"
PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def refusals(source: str) -> tuple[str, str]:
    return (
        f"{source}: no readable text (empty article)",
        f"{source}: only page furniture (share links, bylines, credits), no article text",
    )


def visible(text: str) -> str:
    return "".join(text.split())


def has_control(text: str) -> bool:
    return any(ord(ch) in CONTROL_CHARS or ch in "\r\t" for ch in text)


def check_contract(article: Article) -> None:
    assert article.paragraphs
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    assert not has_control(article.text) and not has_control(article.title)
    for i, p in enumerate(article.paragraphs):
        assert p.index == i
        assert p.text and p.text == p.text.strip()
        assert article.text[p.start : p.end] == p.text
        assert p.end - p.start == len(p.text)
        assert p.boilerplate == is_boilerplate(p.text)
        # Roles: furniture iff boilerplate; only paragraph 0 may be the headline.
        assert (p.role == "furniture") == p.boilerplate
        assert p.role != "headline" or p.index == 0
        last = 0
        for a, b in p.sentences:
            assert last <= a < b <= len(p.text)
            last = b
        assert visible("".join(p.text[a:b] for a, b in p.sentences)) == visible(p.text)


@PROPS
@given(TEXT)
def test_plain_text_contract_and_no_text_lost(text: str) -> None:
    expected = visible(sanitize(text))
    try:
        article = article_from_text(text, SOURCE)
    except IngestError as exc:
        # refused only when no paragraph has a letter or digit, or all are page furniture
        assert str(exc) in refusals(SOURCE)
        if any(ch.isalnum() for ch in expected):
            assert len(sanitize(text).strip().split("\n")) > 1 or "furniture" in str(exc)
        return
    check_contract(article)
    got = visible(article.text)
    # the title line, when one was taken, is the only text not in the paragraphs
    assert got == expected or visible(article.title) + got == expected


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_markdown_contract(text: str) -> None:
    try:
        article = article_from_text(text, "/tmp/x.md", fmt="md")
    except IngestError as exc:
        assert str(exc) in refusals("/tmp/x.md")
        return
    check_contract(article)


@PROPS
@given(TEXT)
def test_sanitize_is_idempotent_and_only_removes(text: str) -> None:
    out = sanitize(text)
    assert not has_control(out) and "\x1b" not in out
    assert sanitize(out) == out
    rest = iter(visible(text))  # visible output is a subsequence of the visible input
    assert all(ch in rest for ch in visible(out))


@PROPS
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc")).filter(
            lambda c: ord(c) not in CONTROL_CHARS
        )
    )
)
def test_sanitize_keeps_clean_text(text: str) -> None:
    assert sanitize(text) == text


@PROPS
@given(TEXT)
def test_split_sentences_on_raw_text(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        last = b
    assert visible("".join(text[a:b] for a, b in spans)) == visible(text)


@pytest.mark.parametrize("n", [1, 3])
def test_default_title_when_no_title_line(n: int) -> None:
    article = article_from_text("\n\n".join(["A full sentence."] * n), SOURCE)
    assert article.title == "zz-default-title"
