"""Cell-aware word wrapping of paragraph text into display rows.

Each pane lays out thousands of paragraphs whenever its width changes, so wrapping is the hot path
of a resize.  ASCII paragraphs (one cell per character) use a ``str.rfind`` loop that does one C-level
search per row; other paragraphs measure words with :func:`rich.cells.cell_len` so CJK and emoji
(two cells each) never overflow the pane.  Rows are returned as start offsets into the paragraph,
which is all the renderer needs to slice text.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[int]:
    """Start offsets of the rows ``text`` wraps into at ``width`` cells (at least one row).

    Breaks after whitespace where possible; a word longer than a row is split by cells.  Trailing
    spaces of a row are allowed to overflow (they are invisible and cropped by the renderer).
    """
    width = max(1, width)
    if not text:
        return [0]
    if text.isascii():
        return _wrap_ascii(text, width)
    return _wrap_cells(text, width)


def _wrap_ascii(text: str, width: int) -> list[int]:
    starts = [0]
    n = len(text)
    pos = 0
    while n - pos > width:
        # Break at the last space that still leaves the row within `width` (the space may sit at
        # column `width`, where it is dropped), else hard-split the over-long word.
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            nxt = pos + width
        else:
            nxt = cut + 1
            while nxt < n and text[nxt] == " ":
                nxt += 1
            if nxt >= n:
                break
        starts.append(nxt)
        pos = nxt
    return starts


def _wrap_cells(text: str, width: int) -> list[int]:
    starts = [0]
    used = 0
    for m in _WORD.finditer(text):
        word = m.group()
        stripped = word.rstrip()
        w = cell_len(stripped)
        if used and used + w > width:
            starts.append(m.start())
            used = 0
        if w > width:
            # Split an over-long word (or an unspaced CJK run) character by character.
            col = used
            for i, ch in enumerate(stripped, m.start()):
                cw = get_character_cell_size(ch)
                if col and col + cw > width:
                    starts.append(i)
                    col = 0
                col += cw
            used = col
        else:
            used += w
        used += len(word) - len(stripped)
    return starts
