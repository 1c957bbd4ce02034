"""Matching: which paragraphs of different articles report the same facts.

``terms`` turns text into weighted terms (folded, stemmed, numbers normalised, variant names met),
``align`` selects paragraph links from an inverted index of those terms, and ``search`` finds a
typed query in every article with the same letter folding.  Imports only ingest and the shared
vocabulary below it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_getattr
from reader.core.matching.moved import mark_moved, moved_flags
from reader.core.matching.search import Hit, SearchIndex, find

if TYPE_CHECKING:
    from reader.core.matching.matcher import align
    from reader.core.matching.terms import content_keys, find_term_spans, tokenize

_LAZY = {
    "align": "matcher",
    "content_keys": "terms",
    "find_term_spans": "terms",
    "tokenize": "terms",
}
"""Names imported on first use: the aligner and rapidfuzz took ~0.2 s to import, and the
terms (their regexes, synonym and number tables) ~10 ms; the reader's first frame only needs
``search`` (importing any submodule runs this package first)."""


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


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
