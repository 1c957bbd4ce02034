"""Case- and accent-insensitive search over article paragraphs.

The reader's ``/`` search must find "Erdogan" in "Erdoğan" and "ISTANBUL" in "Istanbul", and report
hits as offsets into the *original* paragraph text so the UI can highlight them.  Folding (casefold
plus removal of combining marks) can change a string's length, so for non-ASCII paragraphs we keep a
map from each folded character back to its source index.  ASCII paragraphs - the vast majority -
take a fast path where ``str.lower`` preserves offsets.

This module is deliberately free of Textual so it can be unit-tested and reused by reports.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.model import Article
from reader.core.vocabulary.folding import fold as fold_letters

Hit = tuple[int, int, int, int]
"""``(article_index, paragraph_index, start, end)``; offsets index ``Paragraph.text``."""


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` for matching and return the offset map (``None`` when offsets are unchanged).

    The map has one entry per folded character giving the index of the source character it came
    from, plus a final entry equal to ``len(text)`` so an end offset can be mapped too.
    """
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isascii():
            piece = ch.lower()
        else:
            piece = fold_letters(ch)
        out.append(piece)
        index.extend([i] * len(piece))
    index.append(len(text))
    return "".join(out), index


def fold_query(query: str) -> str:
    """Fold a query the same way paragraphs are folded (whitespace runs collapse to one space)."""
    return " ".join(fold(query)[0].split())


class SearchIndex:
    """Folded paragraph texts, computed lazily once, so repeated searches (as-you-type) stay fast."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self._articles = articles
        self._folded: dict[tuple[int, int], tuple[str, list[int] | None]] = {}

    def find(self, query: str) -> list[Hit]:
        """Every non-overlapping occurrence of ``query``, in article then reading order."""
        needle = fold_query(query)
        if not needle:
            return []
        hits: list[Hit] = []
        folded = self._folded
        step = len(needle)
        for a, article in enumerate(self._articles):
            for p in article.paragraphs:
                key = (a, p.index)
                entry = folded.get(key)
                if entry is None:
                    entry = folded[key] = fold(p.text)
                hay, offsets = entry
                pos = hay.find(needle)
                while pos != -1:
                    if offsets is None:
                        hits.append((a, p.index, pos, pos + step))
                    else:
                        start = offsets[pos]
                        end = offsets[pos + step - 1] + 1
                        hits.append((a, p.index, start, end))
                    pos = hay.find(needle, pos + step)
        return hits


def find(articles: Sequence[Article], query: str) -> list[Hit]:
    """Search all ``articles`` for ``query`` ignoring case and accents (see :class:`SearchIndex`)."""
    return SearchIndex(articles).find(query)
