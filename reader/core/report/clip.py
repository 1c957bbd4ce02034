"""Plain text to paste elsewhere: a paragraph, or a matched pair, with where each comes from.

An analyst pasting a quote into a memo needs its source with it; the label (``A3``: article A,
paragraph 3) is the one the reader and the reports use, so the quote can be found again.
"""

from __future__ import annotations

from reader.core.ingest import sanitize_line
from reader.core.model import Analysis, ParagraphRef, article_label


def paragraph_reference(analysis: Analysis, ref: ParagraphRef) -> str:
    """``A3 · source · title`` for paragraph ``ref``."""
    article = analysis.articles[ref[0]]
    parts = [f"{article_label(ref[0])}{ref[1] + 1}", sanitize_line(article.source, "?")]
    if article.title and article.title != article.source:
        parts.append(sanitize_line(article.title, " "))
    return " · ".join(parts)


def paragraph_clip(analysis: Analysis, ref: ParagraphRef) -> str:
    """One paragraph with its reference line."""
    text = analysis.articles[ref[0]].paragraphs[ref[1]].text
    return f"{text}\n— {paragraph_reference(analysis, ref)}\n"


def pair_clip(analysis: Analysis, a: ParagraphRef, b: ParagraphRef) -> str:
    """Two paragraphs (article order), each with its reference line, a blank line between."""
    first, second = sorted((a, b))
    return paragraph_clip(analysis, first) + "\n" + paragraph_clip(analysis, second)
