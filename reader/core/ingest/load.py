"""Turn a file (or standard input) into an :class:`~reader.core.model.Article`.

Pipeline: read bytes -> detect the encoding -> sanitise (terminal controls out, LF line endings)
-> format-specific extraction (plain text, Markdown, HTML article body) -> paragraphs, title,
sentences and boilerplate flags.  Sanitising happens before segmentation so every offset that
later stages compute refers to exactly the text the user sees.

Heavy libraries (trafilatura, markdown-it, charset-normalizer) are imported lazily: a plain UTF-8
text file never pays for them.
"""

from __future__ import annotations

import codecs
import html as html_lib
import logging
import re
import sys
from pathlib import Path

from reader.core.model import Article
from reader.core.ingest.sanitize import sanitize
from reader.core.ingest.segment import collapse_whitespace, is_boilerplate, split_blocks, split_sentences

__all__ = ["IngestError", "load_article", "article_from_text", "decode_bytes", "sniff_format"]

STDIN = "-"


class IngestError(Exception):
    """A source cannot be turned into an article; ``str(e)`` is one line: ``"<source>: <problem>"``."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{_display_name(source)}: {problem}")


def _display_name(source: str) -> str:
    return "standard input" if source == STDIN else source


# ---------------------------------------------------------------------------------------------
# Reading and decoding
# ---------------------------------------------------------------------------------------------

# Formats whose first 8 KB may hold no NUL byte (compressed streams), so the NUL rule misses them.
_BINARY_MAGIC = (
    b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"\x7fELF",
    b"\x1f\x8b", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"SQLite format 3",
    b"wOFF", b"wOF2",
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 64 * 1024  # charset-normalizer is slow on megabytes; a prefix decides as well
_NOT_DETECTED = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
_BINARY_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HIGH_PAIR = re.compile(rb"[\x80-\xff]{2}")


def _looks_utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when the zero bytes sit on one parity, as in mostly-ASCII
    UTF-16 text, and the decoded sample is free of control characters (binary formats often
    have zero-parity runs too); None otherwise."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        encoding = "utf-16-le"
    elif even_zeros > 0.3 and odd_zeros < 0.05:
        encoding = "utf-16-be"
    else:
        return None
    decoded = sample.decode(encoding, errors="replace")
    return None if _BINARY_CONTROLS.search(decoded) else encoding


def _guess_legacy_encoding(data: bytes) -> str | None:
    """Pick an 8-bit / multi-byte legacy encoding for bytes that are not UTF-8.

    Western text with isolated accented letters or smart quotes (``b"caf\\xe9"``,
    ``b"\\x93quoted\\x94"``) is far too short for statistics to work (charset-normalizer calls
    ``caf\\xe9`` UTF-16 and the quotes Ukrainian), and runs of two high bytes are what every
    Cyrillic, Greek and CJK encoding produces: so isolated high bytes that decode as cp1252 are
    cp1252 (the HTML standard's meaning of "latin-1").  Otherwise charset-normalizer decides
    on a bounded sample, with cp1252 winning ties.
    """
    sample = data[:_SAMPLE]
    if len(data) > _SAMPLE:  # cut on a line break so the sample does not end mid-character
        cut = sample.rfind(b"\n")
        if cut > _SAMPLE // 2:
            sample = sample[: cut + 1]
    if not _HIGH_PAIR.search(sample):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    import charset_normalizer

    results = list(charset_normalizer.from_bytes(sample, cp_exclusion=_NOT_DETECTED))
    western = charset_normalizer.from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and (not results or western.chaos <= min(r.chaos for r in results)):
        return "cp1252"
    if not results:
        return None
    # charset-normalizer ranks by "chaos" first; among near-equally clean decodings prefer one
    # whose letters form a recognisable language (Shift-JIS over Korean cp949 for Japanese).
    floor = min(r.chaos for r in results)
    close = [r for r in results if r.chaos <= floor + 0.05]
    return max(close, key=lambda r: r.coherence).encoding


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a pasted cp1252 quote in a scraped page) decoded with
    U+FFFD for the strays; None when the bytes show no evidence of being UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    good = non_ascii - bad if bad * 1000 <= len(text) else 0
    return text if good >= max(bad, 1) * 2 else None


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(source, f"not valid {encoding.upper().replace('-SIG', '')} text "
                                          "although it starts with a byte-order mark") from None
    if data.startswith(_BINARY_MAGIC):
        raise IngestError(source, "looks like a binary file, not text or HTML")
    utf16 = _looks_utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    # git's rule: a NUL in the first 8 KB means binary; also catch NULs sprinkled further on.
    if b"\x00" in data[:8192] or data.count(b"\x00") * 1000 > len(data):
        raise IngestError(source, "looks like a binary file, not text or HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    legacy = _guess_legacy_encoding(data)
    if legacy is None:
        raise IngestError(source, "cannot tell the text encoding (binary or corrupt file?)")
    try:
        return data.decode(legacy)
    except UnicodeDecodeError:  # the sample fit but the rest did not: tolerate a few strays
        text = data.decode(legacy, errors="replace")
        if text.count("\ufffd") * 1000 > len(text):
            raise IngestError(source, f"undecodable text (tried {legacy})") from None
        return text


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data``: a BOM decides; else UTF-16 without BOM (zero-byte parity), strict UTF-8
    (the fast path), UTF-8 with a few stray bytes, then a legacy-encoding guess.  Binary data
    and undecodable bytes raise :class:`IngestError`.
    """
    text = _decode(data, source)
    head = text[:_SAMPLE]
    # Control soup without NULs; tiny files are left alone (too few bytes to judge, and
    # sanitising will tell "empty article" if nothing readable is left).
    if len(head) >= 256 and len(_BINARY_CONTROLS.findall(head)) * 20 > len(head):
        raise IngestError(source, "looks like a binary file, not text or HTML")
    return text.lstrip("\ufeff")


def _read_bytes(source: str) -> bytes:
    """All bytes of ``source`` (a path, or ``-`` for standard input), with OS errors as one line."""
    if source == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            if sys.stdin is None:
                raise IngestError(source, "no standard input available")
            return sys.stdin.read().encode("utf-8", "surrogateescape")
        return stream.read()
    path = Path(source)
    try:
        # open().read(), not stat-then-read: works for pipes and process substitution too.
        with path.open("rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise IngestError(source, "no such file") from None
    except IsADirectoryError:
        raise IngestError(source, "is a directory, not a file") from None
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as exc:
        if path.is_dir():
            raise IngestError(source, "is a directory, not a file") from None
        raise IngestError(source, f"cannot read it ({exc.strerror or exc})") from None


# ---------------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------------

_EXTENSIONS = {
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".md": "md", ".markdown": "md", ".mdown": "md", ".mkd": "md", ".mkdn": "md",
    ".txt": "txt", ".text": "txt",
}
_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_ANYWHERE = re.compile(r"<(?:html|body)\b[^>]*>", re.IGNORECASE)
_MD_START = re.compile(r"\s*(?:---[ \t]*\n[\w-]+:|#{1,6}[ \t]+\S)")  # front matter or ATX heading


def sniff_format(text: str, source: str = "") -> str:
    """``"html"``, ``"md"`` or ``"txt"``: from the file extension, else from the content
    (standard input and unknown extensions)."""
    fmt = _EXTENSIONS.get(Path(source).suffix.lower()) if source and source != STDIN else None
    if fmt:
        return fmt
    head = text[:4096]
    if _HTML_START.match(head) or _HTML_ANYWHERE.search(head):
        return "html"
    if _MD_START.match(head):
        return "md"
    return "txt"


# Plain text -----------------------------------------------------------------------------------

_TERMINAL_PUNCT = (".", "!", "?", ":")
_FORMAT_ALIASES = {"txt": "txt", "text": "txt", "md": "md", "markdown": "md", "html": "html", "htm": "html"}


def _short_title_line(lines: list[str]) -> str | None:
    """The BRIEF's title rule: a single-line first block of <= 20 words not ending in . ! ? :"""
    if len(lines) != 1:
        return None
    line = collapse_whitespace(lines[0])
    if not line or len(line.split()) > 20 or line.endswith(_TERMINAL_PUNCT):
        return None
    return line


def _text_blocks(text: str) -> tuple[str | None, list[str]]:
    blocks = split_blocks(text)
    title = _short_title_line(blocks[0]) if len(blocks) > 1 else None
    body = blocks[1:] if title is not None else blocks
    return title, [" ".join(lines) for lines in body]


# Markdown -------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _strip_html_fragment(fragment: str) -> str:
    """Visible text of a raw-HTML snippet embedded in Markdown."""
    return html_lib.unescape(_TAG.sub(" ", _HTML_COMMENT.sub("", fragment)))


def _markdown_blocks(text: str) -> tuple[str | None, list[str]]:
    """Reduce Markdown to its visible text, one block per paragraph / heading / list item /
    table row / code block, using markdown-it-py's CommonMark parser (a dependency of rich)
    rather than hand-written regexes that break on nesting and escapes."""
    from markdown_it import MarkdownIt

    title: str | None = None
    fm = _FRONT_MATTER.match(text)
    if fm:
        text = text[fm.end():]
        tm = _FM_TITLE.search(fm.group(1))
        if tm:
            title = collapse_whitespace(tm.group(1).strip("'\""))
    # Same rule as for plain text: no blank line at all means one paragraph per line.
    line_mode = not re.search(r"\n[^\S\n]*\n", text.strip("\n"))

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks: list[str] = []
    leading_heading = False
    row: list[str] | None = None
    in_heading = False
    for tok in md.parse(text):
        if tok.type == "heading_open":
            in_heading = True
        elif tok.type == "heading_close":
            in_heading = False
        elif tok.type == "tr_open":
            row = []
        elif tok.type == "tr_close":
            if row:
                blocks.append(" | ".join(c for c in row if c))
            row = None
        elif tok.type == "inline":
            parts = _inline_text(tok.children or [], split_lines=line_mode and not in_heading)
            if row is not None:
                row.append(" ".join(parts))
                continue
            if in_heading and not blocks:
                leading_heading = True
            blocks.extend(parts)
        elif tok.type in ("fence", "code_block"):
            blocks.append(tok.content)
        elif tok.type == "html_block":
            blocks.append(_strip_html_fragment(tok.content))
    if leading_heading and title is None and len(blocks) > 1:
        title = collapse_whitespace(blocks.pop(0))
    return title, blocks


def _inline_text(children: list, *, split_lines: bool) -> list[str]:
    """Visible text of an inline token stream: emphasis/link markup dropped, link text kept,
    images and inline HTML dropped.  With ``split_lines`` each source line is its own block."""
    parts: list[str] = [""]
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts[-1] += child.content
        elif kind == "softbreak":
            if split_lines:
                parts.append("")
            else:
                parts[-1] += " "
        elif kind == "hardbreak":
            parts[-1] += " "
        # everything else is markup: emphasis/link/strike open-close tokens, images (their alt
        # text is not visible prose), inline HTML tags and comments
    return parts


# HTML -----------------------------------------------------------------------------------------

_BULLET = re.compile(r"^(?:[-*\u2022]\s+)")
_TINY_PAGE = 250  # characters of extracted text below which the lxml block walk does better
_FALLBACK_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre td dd".split())
_FALLBACK_BLOCKS = "|".join(f"//{t}" for t in sorted(_FALLBACK_TAGS))
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_FALLBACK_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
                  "button", "svg", "iframe")


def _quiet_trafilatura_logs() -> None:
    """trafilatura logs warnings such as "discarding data"; without a handler Python would print
    them on stderr, on top of the terminal UI."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _html_blocks(text: str) -> tuple[str | None, list[str]]:
    """The article body of an HTML page via trafilatura (drops navigation, footers, cookie
    banners, related links); a plain block-element walk with lxml when trafilatura finds no
    article or only a scrap of one (very short pages, snippets)."""
    import trafilatura

    _quiet_trafilatura_logs()
    title: str | None = None
    body: str | None = None
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                          include_tables=True, output_format="python")
        if doc is None:
            doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                              favor_recall=True, output_format="python")
    except Exception:  # trafilatura raises assorted errors on malformed markup; use the fallback
        doc = None
    if doc is not None:
        title = getattr(doc, "title", None)
        body = getattr(doc, "text", None)
    if body and len(body.strip()) >= _TINY_PAGE:
        lines = [_BULLET.sub("", ln.strip()) for ln in body.split("\n")]
        blocks = [ln for ln in lines if ln]
    else:  # trafilatura's own fallback splits tiny pages at inline tags ("Hello\nthere\n.")
        fallback_title, blocks = _lxml_blocks(text)
        title = title or fallback_title
    return title, blocks


def _lxml_blocks(text: str) -> tuple[str | None, list[str]]:
    import lxml.html

    try:
        # lxml refuses str input that carries an XML encoding declaration
        tree = lxml.html.fromstring(_XML_DECL.sub("", text, count=1))
    except Exception:  # empty or unparsable document
        return None, []
    title: str | None = None
    og = tree.xpath('//meta[@property="og:title"]/@content')
    if og:
        title = og[0]
    else:
        found = tree.findtext(".//title")
        title = found if found else None
    for bad in tree.xpath("|".join(f"//{t}" for t in _FALLBACK_DROP)):
        bad.drop_tree()
    blocks: list[str] = []
    for el in tree.xpath(_FALLBACK_BLOCKS):
        if any(a.tag in _FALLBACK_TAGS for a in el.iterancestors()):
            continue  # text already taken with the enclosing block (li > p, blockquote > p)
        blocks.append(el.text_content())
    if not blocks:
        body = tree.find(".//body")
        root = body if body is not None else tree
        blocks = [ln for ln in root.text_content().split("\n")]
    return title, blocks


# ---------------------------------------------------------------------------------------------
# Article assembly
# ---------------------------------------------------------------------------------------------


def _default_title(source: str) -> str:
    return "stdin" if source == STDIN else (Path(source).stem or source)


def _same_text(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def article_from_text(text: str, source: str, *, fmt: str = "txt") -> Article:
    """Build an :class:`Article` from decoded ``text`` in format ``fmt`` (txt, md or html).

    Raises :class:`IngestError` when no paragraph is left after cleaning.
    """
    text = sanitize(text)
    fmt = _FORMAT_ALIASES.get(fmt, "txt")
    if fmt == "html":
        title, raw_blocks = _html_blocks(text)
    elif fmt == "md":
        title, raw_blocks = _markdown_blocks(text)
    else:
        title, raw_blocks = _text_blocks(text)

    # Extracted HTML/Markdown text can re-introduce controls (``&#27;`` entities, ``\x1b`` in
    # a code span): clean those blocks again.  Plain text was fully sanitised above.
    if fmt != "txt":
        raw_blocks = [sanitize(b) for b in raw_blocks]
    blocks = [collapse_whitespace(b) for b in raw_blocks]
    blocks = [b for b in blocks if b]
    title = collapse_whitespace(sanitize(title)) if title else None
    if fmt != "txt" and title and blocks and _same_text(blocks[0], title):
        blocks.pop(0)  # the page's <h1> repeats its <title> (or a front-matter title)
    if not blocks:
        raise IngestError(source, "no readable text (empty article)")

    return Article.from_texts(
        source,
        title or _default_title(source),
        blocks,
        boilerplate={i for i, block in enumerate(blocks) if is_boilerplate(block)},
        sentences=split_sentences,
    )


def load_article(source: str) -> Article:
    """Read ``source`` (a path, or ``-`` for standard input) and build its :class:`Article`.

    The format comes from the extension (.txt, .md, .html/.htm); standard input and unknown
    extensions are sniffed (HTML, Markdown with a leading heading, else text).
    """
    data = _read_bytes(source)
    if not data.strip():
        raise IngestError(source, "is empty")
    text = decode_bytes(data, source)
    return article_from_text(text, source, fmt=sniff_format(text, source))
