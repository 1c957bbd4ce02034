"""Ingest: files and standard input in every supported format and encoding become Articles."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from reader.core.ingest.load import (
    IngestError,
    article_from_text,
    decode_bytes,
    load_article,
    sniff_format,
)
from reader.core.ingest.sanitize import CONTROL_CHARS
from reader.core.model import Article

BODY = [
    "The harbour bridge reopened to traffic on Tuesday morning, six weeks after a winter storm "
    "tore away part of its western railing and damaged two of the support cables that hold up "
    "the main span across the estuary.",
    "Engineers from the regional transport authority worked in shifts through the night to "
    "finish the final safety inspections, according to a spokeswoman, who said the repairs had "
    "cost about 4.2 million euros and were completed three days ahead of schedule.",
    "Local businesses on both sides of the river welcomed the news, saying the closure had "
    "forced delivery drivers to take a detour of more than forty kilometres and had cut the "
    "number of visitors to the old town market by almost a third during the busiest weeks.",
    "The authority said it would install new wind sensors on the bridge next year so that "
    "traffic can be stopped automatically when gusts exceed safe limits, and it promised to "
    "publish a full report on the storm damage before the end of the summer.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour bridge reopens after storm repairs | The Daily Example</title>
<meta property="og:title" content="Harbour bridge reopens after storm repairs">
<script>var tracking = "window.analytics";</script>
<style>body {{ font-family: serif; }}</style>
</head>
<body>
<header><div class="logo">The Daily Example masthead</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World desk listings</a></li>
<li><a href="/sport">Sport pages index</a></li><li><a href="/login">Sign in to your account</a></li></ul></nav>
</header>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on our
website. Accept all cookies or manage your preferences in the settings panel.</div>
<main>
<article>
<h1>Harbour bridge reopens after storm repairs</h1>
<p>{BODY[0]}</p>
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>
<p>{BODY[3]}</p>
</article>
</main>
<aside><h3>Most read</h3><ul><li><a href="/a">Mayor unveils plan for new stadium downtown</a></li>
<li><a href="/b">Ten recipes for cold winter evenings at home</a></li></ul></aside>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a> | Contact the newsroom team</p>
</footer>
</body>
</html>
"""

FURNITURE = [
    "masthead",
    "World desk",
    "Sport pages",
    "Sign in",
    "cookies",
    "Mayor unveils",
    "Ten recipes",
    "Privacy policy",
    "newsroom team",
    "All rights reserved",
    "analytics",
    "font-family",
]


def check_invariants(article: Article) -> None:
    """The data contract every consumer relies on."""
    assert article.paragraphs
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    for i, p in enumerate(article.paragraphs):
        assert p.index == i
        assert article.text[p.start : p.end] == p.text
        assert p.end == p.start + len(p.text)
        assert p.text and p.text == p.text.strip()
        assert "\n" not in p.text and "  " not in p.text
        last = 0
        for a, b in p.sentences:
            assert last <= a < b <= len(p.text)
            last = b
    assert not any(
        ord(ch) in CONTROL_CHARS or ch in "\r\t\x1b" for ch in article.text + article.title
    )


def write(tmp_path: Path, name: str, data: bytes | str) -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


# --- plain text ---------------------------------------------------------------------------------


def test_txt_title_paragraphs_and_offsets(tmp_path: Path) -> None:
    text = (
        "Bridge reopens after storm\n\n"
        "The bridge reopened on Tuesday.\nIt had been closed\n   for six weeks.\n\n"
        "Repairs   cost 4.2 million euros.\n"
    )
    article = load_article(write(tmp_path, "story.txt", text))
    check_invariants(article)
    assert article.title == "Bridge reopens after storm"
    assert article.source.endswith("story.txt")
    assert [p.text for p in article.paragraphs] == [
        "Bridge reopens after storm",  # the headline stays paragraph 0: numbering = file blocks
        "The bridge reopened on Tuesday. It had been closed for six weeks.",
        "Repairs cost 4.2 million euros.",
    ]
    assert [p.role for p in article.paragraphs] == ["headline", "body", "body"]
    assert article.paragraphs[1].sentences == ((0, 31), (32, 65))
    assert article.paragraphs[1].start == len(article.paragraphs[0].text) + 2


@pytest.mark.parametrize(
    "first",
    [
        "The bridge reopened on Tuesday.",  # ends with a full stop: a sentence, not a title
        "Breaking: the bridge is open again:",
        " ".join(["word"] * 21),  # too long
        "A title that\nwraps over two lines",  # not a single line
    ],
)
def test_txt_first_block_that_is_not_a_title(first: str) -> None:
    article = article_from_text(f"{first}\n\nSecond paragraph here.", "/some/dir/my-story.txt")
    assert article.title == "my-story"
    assert len(article.paragraphs) == 2
    assert [p.role for p in article.paragraphs] == ["body", "body"]


def test_txt_single_short_line_stays_a_paragraph() -> None:
    article = article_from_text("Just a short note", "note.txt")
    assert article.title == "note"
    assert [p.text for p in article.paragraphs] == ["Just a short note"]
    assert article.paragraphs[0].role == "body"


def test_txt_without_blank_lines_is_one_paragraph_per_line() -> None:
    article = article_from_text("Headline here\nFirst paragraph.\nSecond paragraph.\n", "x.txt")
    assert article.title == "Headline here"
    assert [p.text for p in article.paragraphs] == [
        "Headline here",
        "First paragraph.",
        "Second paragraph.",
    ]


def test_markup_like_text_is_kept_literally() -> None:
    article = article_from_text(
        "Title\n\nUse [bold]x[/bold] or [/] and [link=a]b[/link] as text.", "m.txt"
    )
    assert article.paragraphs[1].text == "Use [bold]x[/bold] or [/] and [link=a]b[/link] as text."


def test_hostile_escape_sequences_removed_before_segmentation() -> None:
    hostile = (
        "AAA\x1b[2J\x1b]0;PWNED-TITLE\x1b\\BBB\x1b[31mREDCCC\x07bell\x08bs\rcr\x00nul\x1b[?1049lDDD"
    )
    article = article_from_text(f"Title\x1b[1m here\n\n{hostile}\n\nSecond\tparagraph.", "evil.txt")
    check_invariants(article)
    assert article.title == "Title here"
    assert article.paragraphs[0].text == "Title here"
    assert article.paragraphs[1].text == "AAABBBREDCCCbellbs crnulDDD"
    assert "PWNED" not in article.text
    assert article.paragraphs[2].text == "Second paragraph."


def test_crlf_file(tmp_path: Path) -> None:
    article = load_article(
        write(tmp_path, "win.txt", b"Title line\r\n\r\nOne.\r\nTwo.\r\n\r\nThree.\r\n")
    )
    check_invariants(article)
    assert [p.text for p in article.paragraphs] == ["Title line", "One. Two.", "Three."]


def test_boilerplate_flag_and_sentences_are_set() -> None:
    article = article_from_text(
        "Title\n\nBy Jane Smith\n\nThe bridge opened. Cars crossed.\n\nShare this", "b.txt"
    )
    assert [p.boilerplate for p in article.paragraphs] == [False, True, False, True]
    assert [p.role for p in article.paragraphs] == ["headline", "furniture", "body", "furniture"]
    assert article.paragraphs[2].sentences == ((0, 18), (19, 32))


def test_unicode_untouched() -> None:
    body = "東京で会議が開かれた。 “Curly” quotes, café, emoji 🎉 and Zażółć."
    article = article_from_text(f"Title\n\n{body}", "u.txt")
    assert article.paragraphs[1].text == body


# --- Markdown -----------------------------------------------------------------------------------

MARKDOWN = """---
layout: post
date: 2024-03-01
---
# The *Big* Story

Some **bold** and _italic_ text with [a link](http://example.com) and ![a photo](a.png) and
`inline code`, hard-wrapped.

- first item
* second item with *emphasis*

1. numbered one
2. numbered two

> A quoted statement
> over two lines.

<!-- an editor's comment that nobody should see -->

---

## A later heading

Closing paragraph with [/] and [bold] kept \\*literally\\*.
"""


def test_markdown_reduced_to_visible_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "story.md", MARKDOWN))
    check_invariants(article)
    assert article.title == "The Big Story"
    assert article.paragraphs[0].role == "headline"
    assert [p.text for p in article.paragraphs] == [
        "The Big Story",
        "Some bold and italic text with a link and and inline code, hard-wrapped.",
        "first item",
        "second item with emphasis",
        "numbered one",
        "numbered two",
        "A quoted statement over two lines.",
        "A later heading",
        "Closing paragraph with [/] and [bold] kept *literally*.",
    ]
    assert (
        "comment" not in article.text and "layout" not in article.text and "png" not in article.text
    )


def test_markdown_setext_heading_and_front_matter_title() -> None:
    assert (
        article_from_text("Setext Title\n============\n\nBody text.", "s.md", fmt="md").title
        == "Setext Title"
    )
    fm = article_from_text('---\ntitle: "From front matter"\n---\n\nBody text.', "f.md", fmt="md")
    assert fm.title == "From front matter"
    assert [p.text for p in fm.paragraphs] == ["Body text."]


def test_markdown_without_blank_lines_is_one_paragraph_per_line() -> None:
    article = article_from_text("# Title\nFirst *line*.\nSecond line.\n", "x.md", fmt="md")
    assert article.title == "Title"
    assert [p.text for p in article.paragraphs] == ["Title", "First line.", "Second line."]


def test_markdown_heading_only_is_not_taken_as_title_when_nothing_else() -> None:
    article = article_from_text("# Lonely heading\n", "lonely.md", fmt="md")
    assert article.title == "lonely"
    assert [p.text for p in article.paragraphs] == ["Lonely heading"]


# --- HTML ---------------------------------------------------------------------------------------


def test_html_article_body_without_page_furniture(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "page.html", PAGE))
    check_invariants(article)
    assert article.title == "Harbour bridge reopens after storm repairs"
    # The <h1> repeating the title is kept as the headline paragraph.
    assert [p.text for p in article.paragraphs] == [article.title, *BODY]
    assert [p.role for p in article.paragraphs] == ["headline"] + ["body"] * len(BODY)
    for junk in FURNITURE:
        assert junk not in article.text, junk


def test_html_entities_decoded_and_controls_removed() -> None:
    page = PAGE.replace(
        BODY[1],
        "Caf&eacute; owners said &ldquo;finally&rdquo; &amp; cheered&#27;]0;T&#7; "
        "loudly&#x9b;. " + BODY[1],
    )
    article = article_from_text(page, "p.htm", fmt="html")
    check_invariants(article)  # no ESC, BEL or C1 control survived the entity decoding
    assert article.paragraphs[2].text.startswith("Café owners said “finally” & cheered")


def test_tiny_html_page_falls_back_to_block_elements() -> None:
    article = article_from_text(
        "<html><head><title>Tiny</title></head><body><p>Hello <b>there</b>.</p>"
        "<p>Second.</p></body></html>",
        "t.html",
        fmt="html",
    )
    assert article.title == "Tiny"
    assert [p.text for p in article.paragraphs] == ["Hello there.", "Second."]


def test_html_without_text_is_an_empty_article() -> None:
    with pytest.raises(IngestError, match=r"^e\.html: .*empty"):
        article_from_text("<html><body><script>x()</script></body></html>", "e.html", fmt="html")


# --- formats and standard input -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "text", "fmt"),
    [
        ("a.html", "plain", "html"),
        ("a.HTM", "plain", "html"),
        ("a.md", "x", "md"),
        ("a.markdown", "x", "md"),
        ("a.txt", "<html>", "txt"),
        ("-", "<!doctype html><p>x", "html"),
        ("-", "  <html lang=en>", "html"),
        ("-", "# Heading\n\ntext", "md"),
        ("-", "---\ntitle: x\n---\ntext", "md"),
        ("-", "---\nnot front matter", "txt"),
        ("-", "Just text", "txt"),
        ("notes.data", "<!-- c --><html><body>x", "html"),
        ("notes", "plain words", "txt"),
    ],
)
def test_sniff_format(source: str, text: str, fmt: str) -> None:
    assert sniff_format(text, source) == fmt


class _Stdin(io.TextIOWrapper):
    """A text stdin with a ``buffer`` of bytes, like the real one."""


def test_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        sys, "stdin", _Stdin(io.BytesIO("Piped title\n\nPiped “body” text.\n".encode()))
    )
    article = load_article("-")
    assert article.source == "-"
    assert article.title == "Piped title"
    assert article.paragraphs[1].text == "Piped “body” text."


def test_stdin_html_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(PAGE.encode("utf-8"))))
    article = load_article("-")
    assert [p.text for p in article.paragraphs][1:] == BODY


def test_stdin_without_title_is_called_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(b"One sentence only.")))
    assert load_article("-").title == "stdin"


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(io.BytesIO(b"")))
    with pytest.raises(IngestError, match=r"^standard input: is empty$"):
        load_article("-")


def test_unknown_extension_read_as_text(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "story.log", "Some title\n\nBody here."))
    assert article.title == "Some title"


# --- encodings ----------------------------------------------------------------------------------

TEXT = "Le café était fermé. “Non,” a-t-il dit — c’est fini. Zürich, naïve, 東京."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"]
)
def test_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    # "utf-16"/"utf-32"/"utf-8-sig" write a BOM; utf-16-le/-be have none and are detected
    data = f"Titre\n\n{TEXT}\n".encode(encoding)
    article = load_article(write(tmp_path, "t.txt", data))
    assert article.title == "Titre"
    assert article.paragraphs[1].text == TEXT


def test_cp1252_smart_quotes() -> None:
    assert decode_bytes(b"\x93quoted\x94", "q.txt") == "“quoted”"
    assert decode_bytes(b"It\x92s a \x96 dash \x85", "q.txt") == "It’s a – dash …"


def test_latin1_accent(tmp_path: Path) -> None:
    assert decode_bytes(b"caf\xe9", "c.txt") == "café"
    article = load_article(
        write(tmp_path, "l.txt", "Un été à Paris\n\nLe café était très bon.".encode("latin-1"))
    )
    assert article.title == "Un été à Paris"
    assert article.paragraphs[1].text == "Le café était très bon."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Президент заявил во вторник, что мост будет открыт после ремонта. " * 3, "cp1251"),
        (
            "Ο πρόεδρος δήλωσε την Τρίτη ότι η γέφυρα θα ανοίξει ξανά μετά τις επισκευές. " * 3,
            "cp1253",
        ),
        ("東京の橋は嵐の後の修理を終えて火曜日に再開された。関係者はそう述べた。" * 3, "shift_jis"),
    ],
)
def test_legacy_non_western_encodings(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_mostly_utf8_with_a_stray_byte_is_tolerated() -> None:
    data = ("Un café “très” bon. " * 50).encode("utf-8") + b"stray \x92 byte"
    text = decode_bytes(data, "m.txt")
    assert text.startswith("Un café “très” bon.")


# --- errors -------------------------------------------------------------------------------------


def _error(source: str) -> str:
    with pytest.raises(IngestError) as info:
        load_article(source)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{source}: ")
    return message


def test_missing_file(tmp_path: Path) -> None:
    assert _error(str(tmp_path / "nope.txt")).endswith("no such file")


def test_directory(tmp_path: Path) -> None:
    assert _error(str(tmp_path)).endswith("is a directory, not a file")


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt", "text")

    real_open = os.open

    def denied(file: object, *args: object, **kwargs: object) -> int:
        if str(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # tests may run as root, where chmod 000 is no barrier
    assert _error(path).endswith("permission denied")


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\nstream\nx\x9c\xed\xbd endstream",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        b"text with a \x00 NUL byte in the first 8 KB",
        bytes(range(1, 32)) * 50,  # control soup, no NUL
        b"\x00\x01\x02\xff" * 200,  # zero bytes on one parity, like UTF-16, but not text
    ],
)
def test_binary(tmp_path: Path, data: bytes) -> None:
    source = write(tmp_path, "notes.pdf", data)
    assert _error(source) == f"{source}: looks like a binary file, not text or HTML"


def test_empty_file(tmp_path: Path) -> None:
    assert _error(write(tmp_path, "empty.txt", b"  \n\n ")).endswith("is empty")


def test_no_text_after_cleaning(tmp_path: Path) -> None:
    assert "empty article" in _error(write(tmp_path, "esc.txt", b"\x1b[2J\x1b[H\n\x07\n"))


def test_broken_bom() -> None:
    with pytest.raises(IngestError, match=r"^b\.txt: not valid UTF-16"):
        decode_bytes(b"\xff\xfeA\x00\x00\xd8", "b.txt")  # lone surrogate after a UTF-16 BOM


# --- speed sanity (not a benchmark: a generous ceiling that catches accidental quadratic code) --


def test_large_input_is_not_quadratic() -> None:
    para = (
        "The minister said on Tuesday that more than 500 people had been evacuated from "
        "coastal towns. Mr. Smith's team warned about 3.5 percent growth in the U.S. economy.\n"
    )
    text = "Title\n\n" + "\n".join(para for _ in range(2000))
    article = article_from_text(text, "big.txt")
    assert len(article.paragraphs) == 2001  # headline + 2000
    check_invariants(article)


def test_plain_text_does_not_import_heavy_libraries(tmp_path: Path) -> None:
    """trafilatura, markdown-it and charset-normalizer are imported only when a file needs them."""
    import subprocess

    path = write(tmp_path, "plain.txt", "Title\n\nA plain UTF-8 “text” file.\n")
    code = (
        "import sys\n"
        "from reader.core.ingest.load import load_article\n"
        f"load_article({path!r})\n"
        "heavy = ('trafilatura', 'markdown_it', 'charset_normalizer', 'lxml')\n"
        "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
