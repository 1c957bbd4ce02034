"""Make untrusted article text safe to put on a terminal.

Textual and Rich do not filter escape sequences out of the text they draw, so an article that
contains ``ESC[2J`` or an OSC "set title" sequence (copied terminal output, scraped pages, a
hostile file) would reach the user's terminal verbatim.  We clean the text once, at ingest and
before segmentation, so every offset the rest of the program computes refers to exactly the text
the user sees.

What is removed: complete CSI / OSC / DCS / SOS / PM / APC sequences (7-bit and 8-bit forms) and
other two-byte escapes, then any remaining C0 control except LF and TAB, DEL, the C1 controls,
and the bidi embedding / override / isolate controls (which can visually reorder text, the
"Trojan Source" trick).  What is normalised: CR LF and lone CR become LF; VT, FF, NEL and
U+2028 LINE SEPARATOR become LF and U+2029 PARAGRAPH SEPARATOR a blank line, so words around
them do not get glued together; tabs are expanded because their cell width is ambiguous.
Everything else (CJK, emoji, accents, curly quotes, markup-looking text like ``[bold]``) is
left untouched.
"""

from __future__ import annotations

import re

__all__ = ["sanitize", "sanitize_line", "CONTROL_CHARS"]

# Escape sequences, longest forms first.  String sequences (OSC, DCS, SOS, PM, APC) end at BEL or
# ST; an unterminated one stops at the end of the line so a stray ``ESC ]`` cannot swallow the
# rest of the article.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"  # OSC / DCS / SOS / PM / APC
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC 7, ESC c, ESC ( B ...
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI (lone 8-bit controls go with the C1 range below)
)

CONTROL_CHARS = frozenset(
    [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F),
     *range(0x2066, 0x206A), 0x2028, 0x2029]
)
"""Code points that never survive :func:`sanitize` (besides CR, which becomes LF)."""

_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}
# One character class: clean prose contains none of these, so the clean fast path costs a single
# C-level scan, and on dirty text a regex substitution is ~10x faster than str.translate.
_CONTROLS = re.compile("[%s]" % "".join(re.escape(chr(cp)) for cp in sorted(CONTROL_CHARS)))


def _replace_control(m: re.Match[str]) -> str:
    return _LINE_BREAKS.get(m.group(), "")


def sanitize(text: str, tab_size: int = 4) -> str:
    """Return ``text`` without terminal controls, with LF line endings and tabs expanded.

    Visible characters keep their order; only controls, escape sequences and their parameters
    disappear.  Clean text takes a fast path (a couple of C-level scans).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROLS.search(text):
        text = _CONTROLS.sub(_replace_control, _ESCAPES.sub("", text))
    if "\t" in text:
        text = text.expandtabs(tab_size)
    return text


_LINE_CONTROLS = re.compile("[\n\t%s]" % "".join(re.escape(chr(cp)) for cp in sorted(CONTROL_CHARS)))


def sanitize_line(text: str, replacement: str = "") -> str:
    """One line of untrusted text from outside an article body, safe for a terminal or a table.

    File names, titles, URLs and error messages come from outside too: a file name can carry an
    OSC 52 "write the clipboard" sequence as easily as an article can.  The same rule as
    :func:`sanitize` applies (escape sequences go whole), and every remaining control, line breaks
    and tabs included, becomes ``replacement`` so the result stays on one line.
    """
    if _LINE_CONTROLS.search(text) is None:
        return text
    return _LINE_CONTROLS.sub(replacement, _ESCAPES.sub(replacement, text))
