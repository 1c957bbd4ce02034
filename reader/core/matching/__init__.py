"""Matching: which paragraphs of different articles report the same facts.

``terms`` turns text into weighted terms (folded, stemmed, numbers normalised, variant names met),
``align`` selects paragraph links from an inverted index of those terms, and ``search`` finds a
typed query in every article with the same letter folding.  Imports only ingest and the shared
vocabulary below it.
"""

from __future__ import annotations

from typing import Any

from reader.core.matching.moved import mark_moved, moved_flags
from reader.core.matching.search import Hit, SearchIndex, find
from reader.core.matching.terms import content_keys, find_term_spans, tokenize


def __getattr__(name: str) -> Any:
    """``align`` is imported on first use: the aligner and rapidfuzz took ~0.2 s to import, and
    the reader's first frame only needs ``search`` and ``terms`` (importing any submodule runs
    this package first)."""
    if name == "align":
        from reader.core.matching.matcher import align

        return align
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Hit",
    "SearchIndex",
    "align",
    "content_keys",
    "find",
    "find_term_spans",
    "mark_moved",
    "moved_flags",
    "tokenize",
]
