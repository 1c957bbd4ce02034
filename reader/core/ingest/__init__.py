"""Ingest: the bottom stage of the core.

Bytes become an :class:`~reader.core.model.Article`: decode (BOMs, UTF-16, legacy code pages),
sanitise (terminal controls and escape sequences go first, so every later offset refers to the text
on screen), extract the body (HTML, Markdown, plain text) and segment it into paragraphs and
sentences.  Sentence boundaries are computed here once (``Paragraph.sentences``); later stages ask
for them instead of re-deriving their own rule.
"""

from __future__ import annotations

from reader.core.ingest.fetch import is_url, load_url
from reader.core.ingest.load import (
    STDIN,
    IngestError,
    article_from_text,
    decode_bytes,
    load_article,
    sniff_format,
)
from reader.core.ingest.sanitize import CONTROL_CHARS, sanitize, sanitize_line
from reader.core.ingest.segment import (
    SentenceStarts,
    collapse_whitespace,
    is_boilerplate,
    split_blocks,
    split_sentences,
)
from reader.core.ingest.sources import (
    expand_sources,
    load_source,
    needs_extraction,
    slow_to_load,
)

__all__ = [
    "CONTROL_CHARS",
    "STDIN",
    "SentenceStarts",
    "IngestError",
    "article_from_text",
    "collapse_whitespace",
    "decode_bytes",
    "expand_sources",
    "is_url",
    "is_boilerplate",
    "load_article",
    "load_source",
    "load_url",
    "needs_extraction",
    "slow_to_load",
    "sanitize",
    "sanitize_line",
    "sniff_format",
    "split_blocks",
    "split_sentences",
]
