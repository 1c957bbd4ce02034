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
import os
import re
import select
import stat
import sys
from pathlib import Path

from reader.core.ingest.sanitize import bidi_control_count, sanitize, sanitize_line
from reader.core.ingest.segment import (
    collapse_whitespace,
    is_boilerplate,
    split_blocks,
    split_sentences,
)
from reader.core.model import Article

__all__ = [
    "DEFAULT_MAX_SIZE",
    "IngestError",
    "TooLargeError",
    "article_from_text",
    "decode_bytes",
    "load_article",
    "sniff_format",
]

STDIN = "-"

DEFAULT_MAX_SIZE = 50 * 1024 * 1024
"""Bytes read at most per article.  A long news article is well under 1 MB; the limit is there so
``/dev/zero``, an endless pipe or a mistaken 2 GB log fails in a second with one line instead of
filling memory.  Never more than ``max_size + 1`` bytes are read."""

PIPE_TIMEOUT = 10.0
"""Seconds to wait for a writer on a named pipe nobody has opened for writing yet (the
``PARALLEL_READER_PIPE_TIMEOUT`` environment variable overrides it, for tests)."""


class IngestError(Exception):
    """A source cannot be turned into an article; ``str(e)`` is one line: ``"<source>: <problem>"``."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{_display_name(source)}: {problem}")


class TooLargeError(IngestError):
    """The source is bigger than the per-article limit (``limit`` bytes)."""

    def __init__(self, source: str, limit: int) -> None:
        self.limit = limit
        super().__init__(source, f"larger than the {format_size(limit)} limit for one article")


def format_size(size: int) -> str:
    """``52428800`` -> ``"50 MB"`` (binary megabytes, as ``--max-size`` reads them)."""
    for unit, factor in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) else f"{value:.1f} {unit}"
    return f"{size} bytes"


def _display_name(source: str) -> str:
    """The source as shown in messages: one line, no terminal controls (names come from outside)."""
    return "standard input" if source == STDIN else sanitize_line(source, "?")


# ---------------------------------------------------------------------------------------------
# Reading and decoding
# ---------------------------------------------------------------------------------------------

# Formats whose first 8 KB may hold no NUL byte (compressed streams), so the NUL rule misses them.
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"\x7fELF",
    b"\x1f\x8b",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\xd0\xcf\x11\xe0",
    b"SQLite format 3",
    b"wOFF",
    b"wOF2",
)
_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
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


_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few stray bytes, decoded with one U+FFFD per stray byte, and how many
    there were; None when the bytes do not look like UTF-8.

    Evidence for UTF-8: at least one valid multi-byte sequence, and stray bytes that stand apart
    from the real non-ASCII characters.  Legacy multi-byte encodings (Shift-JIS, GBK, EUC-KR)
    also produce valid-looking UTF-8 sequences by chance, but their invalid bytes sit right next
    to them in runs of high bytes (measured: 65-100% of invalid runs touch a non-ASCII
    character), while stray bytes in a UTF-8 article (a pasted cp1252 quote, a corrupted byte)
    sit between ASCII characters.  Single-byte legacy text (cp1252, cp1251) has no valid
    sequence at all, or one by accident among many accented letters.
    """
    valid = sum(1 for _ in _UTF8_MULTIBYTE.finditer(data))
    if not valid:
        return None
    text = data.decode("utf-8", errors="surrogateescape")
    runs = list(_ESCAPED_BYTES.finditer(text))
    stray = sum(m.end() - m.start() for m in runs)
    attached = sum(
        1
        for m in runs
        if (m.start() > 0 and ord(text[m.start() - 1]) >= 0x80)
        or (m.end() < len(text) and ord(text[m.end()]) >= 0x80)
    )
    clean_majority = valid >= 2 * stray and stray * 1000 <= len(data)
    # Stray bytes apart from the real characters, and not outnumbering them by far (a legacy
    # file with one accidental UTF-8-looking pair among dozens of accents stays legacy).
    if not clean_majority and (attached * 4 > len(runs) or stray > 8 * valid):
        return None
    return _ESCAPED_BYTES.sub(lambda m: "\ufffd" * (m.end() - m.start()), text), stray


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _decode(data: bytes, source: str, warnings: list[str]) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(
                    source,
                    f"not valid {encoding.upper().replace('-SIG', '')} text "
                    "although it starts with a byte-order mark",
                ) from None
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
        text, stray = mostly
        warnings.append(f"{_plural(stray, 'invalid UTF-8 byte')} replaced with \ufffd")
        return text
    legacy = _guess_legacy_encoding(data)
    if legacy is None:
        raise IngestError(source, "cannot tell the text encoding (binary or corrupt file?)")
    try:
        return data.decode(legacy)
    except UnicodeDecodeError:  # the sample fit but the rest did not: tolerate a few strays
        text = data.decode(legacy, errors="replace")
        bad = text.count("\ufffd")
        if bad * 1000 > len(text):
            raise IngestError(source, f"undecodable text (tried {legacy})") from None
        warnings.append(
            f"decoded as {legacy}; {_plural(bad, 'undecodable byte sequence')} replaced with \ufffd"
        )
        return text


def decode_bytes(data: bytes, source: str, warnings: list[str] | None = None) -> str:
    """Decode ``data``: a BOM decides; else UTF-16 without BOM (zero-byte parity), strict UTF-8
    (the fast path), UTF-8 with a few stray bytes, then a legacy-encoding guess.  Binary data
    and undecodable bytes raise :class:`IngestError`.  Replaced bytes are reported by appending
    one line to ``warnings``.
    """
    text = _decode(data, source, warnings if warnings is not None else [])
    head = text[:_SAMPLE]
    # Control soup without NULs; tiny files are left alone (too few bytes to judge, and
    # sanitising will tell "empty article" if nothing readable is left).
    if len(head) >= 256 and len(_BINARY_CONTROLS.findall(head)) * 20 > len(head):
        raise IngestError(source, "looks like a binary file, not text or HTML")
    return text.lstrip("\ufeff")


_CHUNK = 1 << 20


def _read_limited(read, source: str, limit: int, first: bytes = b"") -> bytes:
    """Bytes from ``read(n)`` until end of input, never more than ``limit + 1`` of them (the one
    extra byte tells "exactly at the limit" from "over it")."""
    chunks = [first]
    total = len(first)
    while total <= limit:
        chunk = read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise TooLargeError(source, limit)
    return b"".join(chunks)


def _pipe_timeout() -> float:
    try:
        return float(os.environ.get("PARALLEL_READER_PIPE_TIMEOUT", PIPE_TIMEOUT))
    except ValueError:
        return PIPE_TIMEOUT


def _wait_for_writer(fd: int, source: str, timeout: float) -> bytes:
    """For a pipe opened non-blocking: the first bytes already there, or ``b""`` once a writer is
    connected; :class:`IngestError` when no writer turns up within ``timeout`` seconds.

    A blocking ``open()`` of a named pipe waits forever for a writer, with no message.  Opened
    non-blocking, a read says which case we are in: data, "would block" (a writer is connected
    but has not written yet: a slow ``<(curl ...)`` is fine) or end of file (no writer).
    """
    try:
        first = os.read(fd, _CHUNK)
    except BlockingIOError:
        return b""
    if first:
        return first
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    if not poller.poll(timeout * 1000):
        raise IngestError(source, f"a named pipe with nothing writing to it (waited {timeout:g} s)")
    return b""


def _read_bytes(source: str, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """The bytes of ``source`` (a path, or ``-`` for standard input), at most ``max_size`` of
    them, with OS errors as one line."""
    if source == STDIN:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            if sys.stdin is None:
                raise IngestError(source, "no standard input available")
            text = sys.stdin.read(max_size + 1)
            if len(text) > max_size:
                raise TooLargeError(source, max_size)
            return text.encode("utf-8", "surrogateescape")
        try:
            return _read_limited(stream.read, source, max_size)
        except OSError as exc:
            raise IngestError(source, f"cannot read it ({exc.strerror or exc})") from None
    path = Path(source)
    try:
        # open-then-fstat, not stat-then-open: works for pipes and process substitution too, and
        # O_NONBLOCK keeps a named pipe without a writer from blocking the open forever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise IngestError(source, "no such file") from None
    except IsADirectoryError:
        raise IngestError(source, "is a directory, not a file") from None
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as exc:
        if path.is_dir():
            raise IngestError(source, "is a directory, not a file") from None
        raise IngestError(source, f"cannot open it ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError(source, "is a directory, not a file")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_size:
            raise TooLargeError(source, max_size)
        first = (
            _wait_for_writer(fd, source, _pipe_timeout()) if stat.S_ISFIFO(info.st_mode) else b""
        )
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return _read_limited(fh.read, source, max_size, first)
    except IsADirectoryError:
        raise IngestError(source, "is a directory, not a file") from None
    except OSError as exc:
        raise IngestError(source, f"cannot read it ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


# ---------------------------------------------------------------------------------------------
# Formats
# ---------------------------------------------------------------------------------------------

_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".md": "md",
    ".markdown": "md",
    ".mdown": "md",
    ".mkd": "md",
    ".mkdn": "md",
    ".txt": "txt",
    ".text": "txt",
}
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
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
_FORMAT_ALIASES = {
    "txt": "txt",
    "text": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
}


def _short_title_line(lines: list[str]) -> str | None:
    """The BRIEF's title rule: a single-line first block of <= 20 words not ending in . ! ? :"""
    if len(lines) != 1:
        return None
    line = collapse_whitespace(lines[0])
    if not line or len(line.split()) > 20 or line.endswith(_TERMINAL_PUNCT):
        return None
    return line


def _text_blocks(text: str) -> tuple[str | None, list[str]]:
    """The title (a short first line, which stays block 0 as the headline) and the blocks."""
    blocks = split_blocks(text)
    title = _short_title_line(blocks[0]) if len(blocks) > 1 else None
    return title, [" ".join(lines) for lines in blocks]


# Markdown -------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FM_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE | re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _strip_html_fragment(fragment: str) -> str:
    """Visible text of a raw-HTML snippet embedded in Markdown."""
    return html_lib.unescape(_TAG.sub(" ", _HTML_COMMENT.sub("", fragment)))


MARKDOWN_PARSE_LIMIT = 1 << 20
"""Characters of Markdown parsed as Markdown; longer documents are read as plain text.
markdown-it-py builds a token per table cell and inline span: measured 47x the input size for
prose and 133x for a table, so an 11 MB table took 1.5 GB.  A news article is far below 1 MB."""
MARKDOWN_MAX_NESTING = 100
"""Block/inline nesting markdown-it may build (its CommonMark preset stops at 20 and silently drops
what is deeper).  Deeper documents are read as plain text, with a warning."""
_MD_LINE_MARKERS = re.compile(
    r"^[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|#{1,6}(?=[ \t]))[ \t]*)+", re.MULTILINE
)


def _markdown_as_text(text: str) -> tuple[str | None, list[str]]:
    """Markdown read as plain text, with quote, list and heading markers taken off each line: what
    the reader gets when the document is too big or too deep for the parser.  No text is lost;
    inline markup (emphasis stars, link targets) stays visible."""
    return _text_blocks(_MD_LINE_MARKERS.sub("", text))


def _max_level(tokens: list) -> int:
    return max(
        (max(t.level, _max_level(t.children) if t.children else 0) for t in tokens), default=0
    )


def _markdown_blocks(text: str, notes: list[str]) -> tuple[str | None, list[str]]:
    """Reduce Markdown to its visible text, one block per paragraph / heading / list item /
    table row / code block, using markdown-it-py's CommonMark parser (a dependency of rich)
    rather than hand-written regexes that break on nesting and escapes.

    Too large (:data:`MARKDOWN_PARSE_LIMIT`) or too deeply nested (:data:`MARKDOWN_MAX_NESTING`)
    documents are read as plain text instead, with a note in ``notes``."""
    from markdown_it import MarkdownIt

    title: str | None = None
    fm = _FRONT_MATTER.match(text)
    if fm:
        text = text[fm.end() :]
        tm = _FM_TITLE.search(fm.group(1))
        if tm:
            title = collapse_whitespace(tm.group(1).strip("'\""))
    if len(text) > MARKDOWN_PARSE_LIMIT:
        notes.append(
            f"Markdown over {MARKDOWN_PARSE_LIMIT >> 20} MB read as plain text "
            "(markup symbols stay visible)"
        )
        fallback_title, plain = _markdown_as_text(text)
        return title or fallback_title, plain
    # Same rule as for plain text: no blank line at all means one paragraph per line.
    line_mode = not re.search(r"\n[^\S\n]*\n", text.strip("\n"))

    md = MarkdownIt("commonmark", {"html": True, "maxNesting": MARKDOWN_MAX_NESTING})
    md.enable(["table", "strikethrough"])
    tokens = md.parse(text)
    if _max_level(tokens) >= MARKDOWN_MAX_NESTING - 1:  # markdown-it dropped what was deeper
        notes.append(
            f"Markdown nested more than {MARKDOWN_MAX_NESTING} levels deep read as plain text"
        )
        fallback_title, plain = _markdown_as_text(text)
        return title or fallback_title, plain
    blocks: list[str] = []
    leading_heading = False
    row: list[str] | None = None
    in_heading = False
    for tok in tokens:
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
        title = collapse_whitespace(blocks[0])  # stays block 0, as the headline
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
_FALLBACK_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "iframe",
)


def _quiet_trafilatura_logs() -> None:
    """trafilatura logs warnings such as "discarding data"; without a handler Python would print
    them on stderr, on top of the terminal UI."""
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


HTML_MAX_DEPTH = 2048
"""Element nesting lxml builds with its ``huge_tree`` option (libxml2 stops at 256 without it and
drops everything deeper: a page wrapped in 300 ``<div>`` came out empty).  Pages nested deeper
still are read by a flat tag-stripping pass, with a warning."""
_FLAT_BREAKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr "
    "li main nav ol p pre section table td th tr ul".split()
)
_FLAT_SKIP = frozenset("script style template noscript svg head".split())


def _parse_html(text: str, *, huge: bool):
    """``(tree or None, hit_a_limit)``: the lxml tree and whether libxml2 gave up on a resource
    limit (nesting depth, or a text node over 10 MB without ``huge``), losing the rest."""
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=huge)
    try:
        # lxml refuses str input that carries an XML encoding declaration
        tree = lxml.html.fromstring(_XML_DECL.sub("", text, count=1), parser=parser)
    except Exception:  # empty or unparsable document
        return None, False
    limited = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return tree, limited


def _flat_html_blocks(text: str) -> tuple[str | None, list[str]]:
    from html.parser import HTMLParser

    blocks: list[str] = [""]
    title: list[str] = []
    state = {"skip": 0, "title": False}

    class Flat(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in _FLAT_SKIP:
                state["skip"] += 1
            elif tag == "title":
                state["title"] = True
            elif tag in _FLAT_BREAKS:
                blocks.append("")

        def handle_endtag(self, tag: str) -> None:
            if tag in _FLAT_SKIP:
                state["skip"] = max(0, state["skip"] - 1)
            elif tag == "title":
                state["title"] = False
            elif tag in _FLAT_BREAKS:
                blocks.append("")

        def handle_data(self, data: str) -> None:
            if state["title"]:
                title.append(data)
            elif not state["skip"]:
                blocks[-1] += data

    parser = Flat(convert_charrefs=True)
    parser.feed(text)
    parser.close()
    return ("".join(title) or None), [b for b in blocks if b.strip()]


def _html_blocks(text: str, notes: list[str]) -> tuple[str | None, list[str]]:
    """The article body of an HTML page via trafilatura (drops navigation, footers, cookie
    banners, related links); a plain block-element walk with lxml when trafilatura finds no
    article or only a scrap of one (very short pages, snippets).

    Pages nested deeper than libxml2's default 256 levels are parsed with ``huge_tree`` and
    handed to trafilatura as a tree; beyond :data:`HTML_MAX_DEPTH` they are read flat, with a
    note in ``notes``."""
    import trafilatura

    _quiet_trafilatura_logs()
    huge = False
    document: object = text
    _, limited = _parse_html(text, huge=False)
    if limited:
        tree, still_limited = _parse_html(text, huge=True)
        if still_limited or tree is None:
            notes.append(
                f"HTML nested more than {HTML_MAX_DEPTH} elements deep read as flat text "
                "(no removal of menus and footers)"
            )
            return _flat_html_blocks(text)
        huge, document = True, tree
    title: str | None = None
    body: str | None = None
    try:
        doc = trafilatura.bare_extraction(
            document,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            output_format="python",
        )
        if doc is None:
            if huge:  # trafilatura may have pruned the tree in place
                document, _ = _parse_html(text, huge=True)
            doc = trafilatura.bare_extraction(
                document,
                with_metadata=True,
                include_comments=False,
                favor_recall=True,
                output_format="python",
            )
    except Exception:  # trafilatura raises assorted errors on malformed markup; use the fallback
        doc = None
    if doc is not None:
        title = getattr(doc, "title", None)
        body = getattr(doc, "text", None)
    if body and len(body.strip()) >= _TINY_PAGE:
        lines = [_BULLET.sub("", ln.strip()) for ln in body.split("\n")]
        blocks = [ln for ln in lines if ln]
    else:  # trafilatura's own fallback splits tiny pages at inline tags ("Hello\nthere\n.")
        fallback_title, blocks = _lxml_blocks(text, huge=huge)
        title = title or fallback_title
    return title, blocks


def _lxml_blocks(text: str, *, huge: bool = False) -> tuple[str | None, list[str]]:
    tree, _ = _parse_html(text, huge=huge)
    if tree is None:
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


def _readable(text: str) -> bool:
    """At least one letter or digit: whitespace, punctuation and filler characters alone (Hangul
    filler, Braille blank) are not an article."""
    return any(ch.isalnum() for ch in text)


def article_from_text(
    text: str, source: str, *, fmt: str = "txt", warnings: list[str] | None = None
) -> Article:
    """Build an :class:`Article` from decoded ``text`` in format ``fmt`` (txt, md or html).

    ``source`` is kept for display only, made safe as one line (a file name can carry escape
    sequences); ``warnings`` (from reading and decoding) are carried over into
    ``Article.warnings`` and joined by what cleaning finds.  Raises :class:`IngestError` when no
    readable paragraph is left after cleaning, or only page furniture.
    """
    notes = list(warnings or ())
    bidi = bidi_control_count(text)
    if bidi:
        notes.append(
            f"{_plural(bidi, 'bidirectional override control')} removed (text is shown "
            "in stored order)"
        )
    text = sanitize(text)
    fmt = _FORMAT_ALIASES.get(fmt, "txt")
    if fmt == "html":
        title, raw_blocks = _html_blocks(text, notes)
    elif fmt == "md":
        title, raw_blocks = _markdown_blocks(text, notes)
    else:
        title, raw_blocks = _text_blocks(text)

    # Extracted HTML/Markdown text can re-introduce controls (``&#27;`` entities, ``\x1b`` in
    # a code span): clean those blocks again.  Plain text was fully sanitised above.
    if fmt != "txt":
        raw_blocks = [sanitize(b) for b in raw_blocks]
    blocks = [collapse_whitespace(b) for b in raw_blocks]
    blocks = [b for b in blocks if b]
    title = collapse_whitespace(sanitize_line(title, " ")) if title else None
    if not any(_readable(b) for b in blocks):
        raise IngestError(source, "no readable text (empty article)")
    furniture = {i for i, block in enumerate(blocks) if is_boilerplate(block)}
    if len(furniture) == len(blocks):
        raise IngestError(
            source, "only page furniture (share links, bylines, credits), no article text"
        )
    # The headline stays paragraph 0 (numbering equals the file's blocks; headlines carry the main
    # fact, so they are matched and mined like any paragraph): a plain-text title line, a leading
    # Markdown heading, or the page's <h1> repeating its <title> / front-matter title.
    headline = (
        title is not None
        and len(blocks) > 1
        and 0 not in furniture
        and _same_text(blocks[0], title)
    )

    shown_source = source if source == STDIN else sanitize_line(source, "?")
    article = Article.from_texts(
        shown_source,
        title or _default_title(shown_source),
        blocks,
        boilerplate=furniture,
        sentences=split_sentences,
        headline=headline,
    )
    article.warnings = notes
    return article


def load_article(source: str, *, max_size: int = DEFAULT_MAX_SIZE) -> Article:
    """Read ``source`` (a path, or ``-`` for standard input) and build its :class:`Article`.

    The format comes from the extension (.txt, .md, .html/.htm); standard input and unknown
    extensions are sniffed (HTML, Markdown with a leading heading, else text).  At most
    ``max_size`` bytes are read (:class:`TooLargeError` beyond).
    """
    data = _read_bytes(source, max_size)
    if not data.strip():
        raise IngestError(source, "is empty")
    warnings: list[str] = []
    text = decode_bytes(data, source, warnings)
    del data
    return article_from_text(text, source, fmt=sniff_format(text, source), warnings=warnings)
