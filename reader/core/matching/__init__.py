"""Matching: which paragraphs of different articles report the same facts.

``terms`` turns text into weighted terms (folded, stemmed, numbers normalised, variant names met),
``align`` selects paragraph links from an inverted index of those terms, and ``search`` finds a
typed query in every article with the same letter folding.  Imports only ingest and the shared
vocabulary below it.
"""

from __future__ import annotations

from reader.core.matching.matcher import align
from reader.core.matching.moved import mark_moved, moved_flags
from reader.core.matching.search import Hit, SearchIndex, find
from reader.core.matching.terms import content_keys, find_term_spans, tokenize

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
