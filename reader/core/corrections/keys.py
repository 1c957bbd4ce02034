"""Content keys: how a correction names a paragraph or a figure without trusting file names.

An analyst's decision must survive renaming or moving the files, and must never land on the wrong
paragraph when an article is edited.  So a paragraph is named by a hash of its article's text and
a hash of its own text (plus which occurrence of that text it is, for repeated paragraphs).  The
:class:`Resolver` finds it again: in the article with the same hash, else in whichever article now
holds that exact paragraph text; when neither works the paragraph is gone (the correction is
stale) rather than guessed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath

from reader.core.model import Analysis, Article, ParagraphRef

_DIGEST_CHARS = 16
"""64 bits of SHA-256: collisions among one analyst's paragraphs are not a practical concern."""


def content_hash(text: str) -> str:
    """A short, stable hash of ``text`` (hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_DIGEST_CHARS]


def source_name(source: str) -> str:
    """The file name part of a source (a hint for people reading the file, never an identity)."""
    return PurePath(source).name or source


@dataclass(frozen=True, slots=True)
class ParagraphKey:
    """A paragraph named by content.

    Attributes:
        article: hash of the article's whole text when the correction was made.
        paragraph: hash of the paragraph's text.
        occurrence: which paragraph with that text in the article (0 = the first).
        source / preview: the article's file name and the paragraph's first words, for people
            reading the corrections file; not part of the identity.
    """

    article: str
    paragraph: str
    occurrence: int = 0
    source: str = field(default="", compare=False)
    preview: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class FigureKey:
    """A figure named by its paragraph and its place and wording in it."""

    paragraph: ParagraphKey
    start: int
    end: int
    text: str


_PREVIEW_CHARS = 60


def paragraph_key(analysis: Analysis, ref: ParagraphRef) -> ParagraphKey:
    """The content key of paragraph ``ref`` of ``analysis``."""
    article = analysis.articles[ref[0]]
    text = article.paragraphs[ref[1]].text
    digest = content_hash(text)
    occurrence = sum(
        1 for p in article.paragraphs[: ref[1]] if len(p.text) == len(text) and p.text == text
    )
    return ParagraphKey(
        content_hash(article.text),
        digest,
        occurrence,
        source=source_name(article.source),
        preview=text[:_PREVIEW_CHARS],
    )


def figure_key(analysis: Analysis, index: int) -> FigureKey:
    """The content key of ``analysis.figures[index]``."""
    f = analysis.figures[index]
    return FigureKey(paragraph_key(analysis, (f.article, f.paragraph)), f.start, f.end, f.text)


class Resolver:
    """Finds content keys in one analysis (built once per application of corrections)."""

    def __init__(self, analysis: Analysis) -> None:
        self._analysis = analysis
        self.article_hashes = [content_hash(a.text) for a in analysis.articles]
        self._by_article_hash = {h: i for i, h in enumerate(self.article_hashes)}
        self._names = {source_name(a.source) for a in analysis.articles}
        self._paragraphs: list[dict[str, list[int]]] = [
            _paragraph_index(a) for a in analysis.articles
        ]
        self._figures: dict[tuple[int, int, int, int, str], int] = {
            (f.article, f.paragraph, f.start, f.end, f.text): i
            for i, f in enumerate(analysis.figures)
        }

    def paragraph(self, key: ParagraphKey) -> ParagraphRef | None:
        """Where ``key`` is now, or ``None`` when the paragraph is gone or ambiguous.

        The article with the same hash is unchanged, so the paragraph is there.  Otherwise the
        article was edited (or the key belongs to other articles): the paragraph is taken only
        from the single article that holds that exact text at that occurrence.
        """
        same = self._by_article_hash.get(key.article)
        if same is not None:
            here = self._paragraphs[same].get(key.paragraph, [])
            return (same, here[key.occurrence]) if key.occurrence < len(here) else None
        places = [
            (i, found[key.occurrence] if key.occurrence < len(found) else found[-1])
            for i, index in enumerate(self._paragraphs)
            if (found := index.get(key.paragraph))
        ]
        if len(places) == 1:
            return places[0]
        named = [
            p for p in places if source_name(self._analysis.articles[p[0]].source) == key.source
        ]
        return named[0] if len(named) == 1 else None

    def related(self, key: ParagraphKey) -> bool:
        """Whether ``key`` concerns these articles at all (same article text or file name)."""
        return key.article in self._by_article_hash or (
            bool(key.source) and key.source in self._names
        )

    def figure(self, key: FigureKey) -> int | None:
        """The index in ``Analysis.figures`` of the figure ``key`` names, if it is still there."""
        ref = self.paragraph(key.paragraph)
        if ref is None:
            return None
        return self._figures.get((ref[0], ref[1], key.start, key.end, key.text))


def _paragraph_index(article: Article) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for p in article.paragraphs:
        index.setdefault(content_hash(p.text), []).append(p.index)
    return index
