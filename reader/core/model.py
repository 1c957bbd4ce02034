"""The data the analysis produces and every other layer consumes.

These plain dataclasses are the contract between the core (ingest, alignment, entities, figures),
the reports (JSON / Markdown) and the UI.  They hold no behaviour beyond cheap derived lookups, so
the UI can show them without parsing or matching anything itself.

Offsets: every ``start``/``end`` pair is a half-open range of Python ``str`` indices into the
*paragraph* text (``Paragraph.text``), which is the sanitised text the user sees.  Article-level
offsets (``Paragraph.start``/``end``) index ``Article.text``.
"""

from __future__ import annotations

from abc import abstractmethod
from array import array
from bisect import bisect_left
from collections.abc import Callable, Container, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar, Literal, TypeVar, overload

EntityType = Literal["person", "organization", "place", "other"]
FigureStatus = Literal["agree", "differs", "conflict", "single"]
FigureKind = Literal[
    "count", "amount", "percent", "duration", "date", "time", "year", "ordinal", "other"
]
ParagraphRole = Literal["headline", "body", "furniture"]
Evidence = Literal["clear", "supported"]
MatchCue = Literal["best", "lede", "diagonal", "outlets"]

ParagraphRef = tuple[int, int]
"""``(article_index, paragraph_index)``, both 0-based."""


@dataclass(slots=True)
class Paragraph:
    """One paragraph of an article, as shown to the user.

    Attributes:
        index: position in the article (0-based).
        text: sanitised paragraph text; hard-wrapped lines are joined with single spaces.
        start: offset of ``text`` in ``Article.text``.
        end: ``start + len(text)``.
        sentences: ``(start, end)`` ranges of the sentences, as offsets into ``text``.
        boilerplate: page furniture ("Share this", "Source link", bylines...) that must never match.
        role: ``"headline"`` (the article's title line, kept as paragraph 0 so numbering equals the
            file's blocks; matched, searched and mined like any paragraph), ``"furniture"`` (the
            same as ``boilerplate``) or ``"body"``.
    """

    index: int
    text: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...] = ()
    boilerplate: bool = False
    role: ParagraphRole = "body"


@lru_cache(maxsize=4096)
def _whole_sentence(length: int) -> tuple[tuple[int, int], ...]:
    """``((0, length),)``, one shared object per length (paragraphs of one sentence)."""
    return ((0, length),)


_T = TypeVar("_T")


class _ComputedSequence(Sequence[_T]):
    """A read-only sequence whose items are made when read (:class:`ParagraphList`,
    :class:`FactList`): one place for what every such list must answer the same way -- slices,
    negative indexes, the error past the end, equality with any sequence of equal items, and no
    hash (it compares by value and is not frozen).  Subclasses give ``__len__`` and
    ``_item(index)`` for ``0 <= index < len(self)``."""

    __slots__ = ()
    _item_name: ClassVar[str] = "item"

    @abstractmethod
    def _item(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: int) -> _T: ...

    @overload
    def __getitem__(self, index: slice) -> list[_T]: ...

    def __getitem__(self, index: int | slice) -> _T | list[_T]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{self._item_name} out of range")
        return self._item(index)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]


class ParagraphList(_ComputedSequence[Paragraph]):
    """``Article.paragraphs`` as :meth:`Article.from_texts` lays them out: the paragraphs stored
    as offsets into the article's text, each :class:`Paragraph` made when it is read.

    A table of 240,000 one-line rows is 240,000 paragraphs: a ``Paragraph`` object, its own copy
    of the text and three ints each held 370 bytes a 46-byte row, eight times the row (issue 10).
    Here a paragraph costs its start offset (8 bytes), and its sentence ranges unless they are
    one sentence spanning the whole paragraph.  Reading one makes a new, equal object each time
    (its text sliced from the article's): nothing may rely on identity or mutate a paragraph.

    Args:
        text: the article's text, the paragraph texts joined by :attr:`Article.PARAGRAPH_SEPARATOR`.
        starts: each paragraph's start offset in ``text``.
        sentences: each paragraph's sentence ranges.
        furniture: indices of the boilerplate paragraphs.
        headline: paragraph 0 is the article's headline.
    """

    __slots__ = ("_text", "_starts", "_sentences", "_furniture", "_headline")

    def __init__(
        self,
        text: str,
        starts: Sequence[int],
        sentences: Sequence[tuple[tuple[int, int], ...]],
        furniture: Container[int] = frozenset(),
        headline: bool = False,
    ) -> None:
        if len(starts) != len(sentences):
            raise ValueError("one start and one sentence tuple per paragraph")
        self._text = text
        self._starts = array("q", starts)
        # Only the ranges that are not one whole-paragraph sentence are kept (a table row, a
        # headline, a one-sentence paragraph of news costs nothing here).
        n = len(self._starts)
        self._sentences: dict[int, tuple[tuple[int, int], ...]] = {}
        for i, ranges in enumerate(sentences):
            length = self._end(i, n) - self._starts[i]
            if ranges != ((0, length),):
                self._sentences[i] = ranges
        self._furniture = frozenset(i for i in range(len(self._starts)) if i in furniture)
        self._headline = headline

    _item_name = "paragraph index"

    def __len__(self) -> int:
        return len(self._starts)

    def _item(self, index: int) -> Paragraph:
        return self._make(index, len(self._starts))

    def __iter__(self) -> Iterator[Paragraph]:
        # ``_make`` inlined (every stage reads all paragraphs, some several times): the same
        # paragraphs, without two method calls per paragraph.
        text, starts, sentences = self._text, self._starts, self._sentences
        furniture, headline = self._furniture, self._headline
        n = len(starts)
        gap = len(Article.PARAGRAPH_SEPARATOR)
        for i in range(n):
            start = starts[i]
            end = starts[i + 1] - gap if i + 1 < n else len(text)
            ranges = sentences.get(i)
            if ranges is None:
                ranges = _whole_sentence(end - start)
            if i in furniture:
                yield Paragraph(i, text[start:end], start, end, ranges, True, "furniture")
            else:
                role: ParagraphRole = "headline" if headline and i == 0 else "body"
                yield Paragraph(i, text[start:end], start, end, ranges, False, role)

    def text_at(self, index: int) -> str:
        """``self[index].text`` without making the paragraph (the linker and the figure grouping
        read a paragraph's text by the thousand and nothing else of it)."""
        starts = self._starts
        n = len(starts)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError(f"{self._item_name} out of range")
        end = starts[index + 1] - len(Article.PARAGRAPH_SEPARATOR) if index + 1 < n else None
        return self._text[starts[index] : end]

    def _end(self, i: int, n: int) -> int:
        return (
            self._starts[i + 1] - len(Article.PARAGRAPH_SEPARATOR) if i + 1 < n else len(self._text)
        )

    def _make(self, i: int, n: int) -> Paragraph:
        starts = self._starts
        start = starts[i]
        end = (
            starts[i + 1] - len(Article.PARAGRAPH_SEPARATOR) if i + 1 < n else len(self._text)
        )  # ``_end``, inlined: paragraphs are read by the ten thousand
        ranges = self._sentences.get(i)
        if ranges is None:
            ranges = _whole_sentence(end - start)
        furniture = i in self._furniture
        role: ParagraphRole = (
            "furniture" if furniture else ("headline" if self._headline and i == 0 else "body")
        )
        return Paragraph(i, self._text[start:end], start, end, ranges, furniture, role)

    def __repr__(self) -> str:
        return f"ParagraphList({len(self)} paragraphs)"


@dataclass(slots=True)
class Article:
    """One input document after ingest.

    Attributes:
        source: where it came from, as the user named it (a path, or ``-`` for standard input).
        title: the HTML title, a Markdown heading or a short first line; else the file name.
        text: the whole sanitised text; paragraphs are separated by a blank line.
        paragraphs: the article's paragraphs in reading order.
        warnings: non-fatal problems found while reading it, one line each without the source
            ("6 invalid UTF-8 bytes replaced"); the command line prints them, the reader
            notifies them.
    """

    source: str
    title: str
    text: str
    paragraphs: Sequence[Paragraph]
    """A list, or a :class:`ParagraphList` when laid out by :meth:`from_texts`."""
    warnings: list[str] = field(default_factory=list)

    PARAGRAPH_SEPARATOR: ClassVar[str] = "\n\n"

    @classmethod
    def from_texts(
        cls,
        source: str,
        title: str,
        texts: Sequence[str],
        *,
        boilerplate: Container[int] = frozenset(),
        sentences: Callable[[str], tuple[tuple[int, int], ...]] | None = None,
        headline: bool = False,
    ) -> Article:
        """Lay out paragraph texts as one article, blank-line separated, with matching offsets.

        The one place that decides how ``Article.text`` and ``Paragraph.start``/``end`` relate, so
        ingest, tests and benchmarks cannot disagree about it.

        Args:
            boilerplate: indices of the paragraphs that are page furniture.
            sentences: how to find each paragraph's sentence ranges (none when omitted).
            headline: the first text is the article's headline (role ``"headline"``).
        """
        starts = array("q")
        offset = 0
        step = len(cls.PARAGRAPH_SEPARATOR)
        for text in texts:
            starts.append(offset)
            offset += len(text) + step
        ranges = [sentences(text) if sentences else () for text in texts]
        joined = cls.PARAGRAPH_SEPARATOR.join(texts)
        paragraphs = ParagraphList(joined, starts, ranges, boilerplate, headline)
        return cls(source, title, joined, paragraphs)


def paragraph_text(article: Article, index: int) -> str:
    """``article.paragraphs[index].text``, read without making the paragraph when the article
    stores its paragraphs as offsets (:class:`ParagraphList`)."""
    paragraphs = article.paragraphs
    if type(paragraphs) is ParagraphList:
        return paragraphs.text_at(index)
    return paragraphs[index].text


@dataclass(slots=True)
class Match:
    """Two paragraphs from different articles that report the same facts.

    ``left`` always belongs to the article with the smaller index.  A paragraph may take part in
    several matches (n-to-m) and matches may cross (reordering).

    Attributes:
        left / right: the two paragraphs.
        score: similarity in 0..1 (1 = same wording and content).
        words: informative words both paragraphs use (display form), most informative first.
        names: proper names both use (capitalised terms, spelling variants met by fuzzy matching).
        numbers: numbers both use.
        near_verbatim: the two are nearly word-for-word the same (shared wire copy).
        manual: linked by hand by the analyst (a correction), not found by the matcher.
        evidence: ``"clear"`` (the shared facts alone clear the matcher's threshold) or
            ``"supported"`` (weaker shared facts, kept because a second cue agrees).
        cue: for ``"supported"`` matches, the cue that agreed: ``"best"`` (the best partner of
            one of the two paragraphs, or of one sentence of a multi-sentence paragraph),
            ``"lede"`` (both in the headline/lede block), ``"diagonal"`` (continues a run of
            kept matches) or ``"outlets"`` (in a story of three or more articles, both paragraphs
            firmly match the same paragraph of a third article); ``None`` for clear matches.
        sentences: the sentences the match rests on, ``((start, end), (start, end))`` as
            offsets into the left and right paragraph texts: the sentence units the sentence
            pass linked when it made the link (a light sentence joined to its neighbour is part
            of its unit), else the sentence pair sharing the most weight; ``None`` when unknown.
        moved: the pair is out of order relative to the other matches of these two articles
            (reordered text); set by the analysis (``reader.core.matching.moved``).
        meaning: how close the two paragraphs are in meaning, the cosine of their sentence
            embeddings (``reader.core.matching.meaning``; about 0.4 for two paragraphs that
            only share the story's topic); ``None`` when the model was not used (not
            installed, switched off, or an input too large).
    """

    left: ParagraphRef
    right: ParagraphRef
    score: float
    words: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    near_verbatim: bool = False
    manual: bool = False
    evidence: Evidence = "clear"
    cue: MatchCue | None = None
    sentences: tuple[tuple[int, int], tuple[int, int]] | None = None
    moved: bool = False
    meaning: float | None = None

    def other(self, ref: ParagraphRef) -> ParagraphRef:
        """The partner of ``ref`` in this match."""
        return self.right if ref == self.left else self.left


@dataclass(slots=True)
class Mention:
    """One occurrence of an entity in a paragraph (offsets into ``Paragraph.text``)."""

    article: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """A person, organisation, place or other name, linked across all articles.

    Attributes:
        id: position in ``Analysis.entities``.
        name: canonical name, the fullest form seen ("Recep Tayyip Erdoğan").
        type: person / organization / place / other.
        variants: every distinct surface form seen, canonical name first.
        mentions: every occurrence, in article then reading order.
        manual: the analyst merged, split or renamed it (a correction).
    """

    id: int
    name: str
    type: EntityType
    variants: list[str]
    mentions: list[Mention]
    manual: bool = False

    @property
    def articles(self) -> list[int]:
        """Indices of the articles that mention this entity, ascending."""
        return sorted({m.article for m in self.mentions})


@dataclass(slots=True)
class Figure:
    """A numeric expression with what it counts.

    Attributes:
        article / paragraph / start / end: where it is (offsets into ``Paragraph.text``).
        text: the expression as written ("more than 500 people").
        value: the normalised single value, when there is one (500.0; 2024.0 for a year).
        low / high: the range the expression allows, taking qualifiers and vagueness into
            account ("more than 500" -> 500..inf; "hundreds" -> 200..999; "12" -> 12..12).
            ``None`` means unbounded on that side.
        qualifier: "more than", "at least", "about", "up to", "nearly"... or ``None``.
        counted: what is counted, normalised ("killed", "troops", "percent", "usd"), or ``None``.
        kind: count / amount / percent / duration / date / time (of day; value in minutes after
            midnight) / year / ordinal / other.
        unit: currency or unit when there is one ("usd", "percent", "year", "km").
        group: index into ``Analysis.figure_groups``, or ``None`` when not grouped.
    """

    article: int
    paragraph: int
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    counted: str | None
    kind: FigureKind = "count"
    unit: str | None = None
    group: int | None = None


@dataclass(slots=True)
class FigureGroup:
    """Figures from the articles that count the same thing, and whether they agree.

    Attributes:
        id: position in ``Analysis.figure_groups``.
        counted: what the members count (shared normalised label).
        kind: the members' kind.
        status: ``agree`` (values compatible, and every two stated values one number at the
            rounder one's precision); ``conflict`` (incompatible values, and strong evidence
            that they measure one quantity); ``differs`` (incompatible values, but the evidence
            that they measure one quantity is weaker, so no contradiction is claimed; or
            compatible approximations of different numbers, "about 5,000" / "some 6,000");
            ``single`` (one article only).
        figures: indices into ``Analysis.figures``.
        manual: the analyst's decision on it, when there is one: ``"not a conflict"`` (status set
            to agree by hand) or ``"split"`` (a figure was split out of it, or it is that figure).
    """

    id: int
    counted: str
    kind: FigureKind
    status: FigureStatus
    figures: list[int]
    manual: str | None = None


@dataclass(slots=True)
class Fact:
    """Paragraphs from any number of articles that report the same thing: the story-level unit.

    Attributes:
        id: position in ``Analysis.facts``.
        label: a short text saying what the fact is (its most central sentence, shortened).
        members: the paragraphs, the core (the one every other member was matched with) first,
            then the others by article and position.  A paragraph that reports two facts (a merge)
            is a member of both.
        articles: indices of the articles that report it, ascending.
        coverage: ``len(articles)`` over the number of articles (1.0 = every outlet).
        strength: mean match score of the members with the core (0 for a single paragraph).
    """

    id: int
    label: str
    members: list[ParagraphRef]
    articles: list[int]
    coverage: float
    strength: float = 0.0


AnalysisPart = Literal["entities", "figures"]
"""A part of an analysis computed after the matches and facts (see ``Analysis.pending``)."""


class FactList(_ComputedSequence[Fact]):
    """``Analysis.facts``: every fact in id order, where the facts of one paragraph may be made
    only when asked for.

    A paragraph no other article reports is a fact of its own.  A long article nobody else
    covers (an 11 MB table of 240,000 rows) has one such fact per paragraph, and holding a
    :class:`Fact`, a label string and two lists for each cost about 370 bytes a row, eight times
    the row itself.  So :func:`reader.core.matching.facts.build_facts` keeps only the facts
    several articles report (few, and costly to build) and lists the rest by paragraph;
    ``make`` builds such a fact from its paragraph each time it is read (a new, equal object
    every time: nothing may rely on identity or mutate a fact).  ``shared()`` and ``ids_of()``
    answer without making any.

    Args:
        kept: the facts held as objects, ascending ids.
        single: ``(id, paragraph)`` of every fact made on demand, ascending (ids and
            paragraphs both grow in reading order); empty when ``kept`` is every fact.
        make: builds the fact with that id for that paragraph.
    """

    __slots__ = ("kept", "_single_ids", "_single_refs", "_make", "_kept_index")

    def __init__(
        self,
        kept: Sequence[Fact] = (),
        single: Sequence[tuple[int, ParagraphRef]] = (),
        make: Callable[[int, ParagraphRef], Fact] | None = None,
    ) -> None:
        if single and make is None:
            raise ValueError("facts made on demand need a maker")
        self.kept = list(kept)
        # Two flat arrays (16 bytes a fact) instead of a tuple per fact (over 100 bytes): the
        # ids for position lookups, the refs (article and paragraph packed in one integer
        # whose order is reading order) for the facts of a paragraph.
        self._single_ids = array("q", (fid for fid, _ref in single))
        self._single_refs = array("q", (_pack(ref) for _fid, ref in single))
        self._make = make
        self._kept_index: dict[ParagraphRef, list[int]] | None = None

    def __len__(self) -> int:
        return len(self.kept) + len(self._single_ids)

    _item_name = "fact id"

    def _item(self, index: int) -> Fact:
        k = bisect_left(self._single_ids, index)
        if k < len(self._single_ids) and self._single_ids[k] == index:
            return self._made(k)
        # The facts before this one are ``k`` made on demand and ``index - k`` kept ones.
        return self.kept[index - k]

    def __iter__(self) -> Iterator[Fact]:
        k = 0
        for fid in range(len(self)):
            if k < len(self._single_ids) and self._single_ids[k] == fid:
                yield self._made(k)
                k += 1
            else:
                yield self.kept[fid - k]

    def __repr__(self) -> str:
        return f"FactList({len(self.kept)} kept, {len(self._single_ids)} made on demand)"

    def _made(self, k: int) -> Fact:
        assert self._make is not None
        return self._make(self._single_ids[k], _unpack(self._single_refs[k]))

    def shared(self) -> list[Fact]:
        """The facts two or more articles report, without making the one-paragraph facts."""
        return [f for f in self.kept if len(f.articles) > 1]

    def ids_of(self, ref: ParagraphRef) -> list[int]:
        """Ids of the facts paragraph ``ref`` reports (usually one)."""
        if self._kept_index is None:
            index: dict[ParagraphRef, list[int]] = {}
            for fact in self.kept:
                for member in fact.members:
                    index.setdefault(member, []).append(fact.id)
            self._kept_index = index
        ids = self._kept_index.get(ref, [])
        packed = _pack(ref)
        k = bisect_left(self._single_refs, packed)
        if k < len(self._single_refs) and self._single_refs[k] == packed:
            ids = sorted([*ids, self._single_ids[k]])
        return ids


_PARAGRAPH_BITS = 40
"""A packed paragraph reference: the article in the high bits, the paragraph in the low 40."""


def _pack(ref: ParagraphRef) -> int:
    return (ref[0] << _PARAGRAPH_BITS) | ref[1]


def _unpack(packed: int) -> ParagraphRef:
    return packed >> _PARAGRAPH_BITS, packed & ((1 << _PARAGRAPH_BITS) - 1)


@dataclass(slots=True)
class Analysis:
    """Everything the reader and the reports show about a set of articles.

    ``rejected`` holds the matches the analyst rejected (kept so they can be shown and restored);
    they are not in ``matches``.  ``stale_corrections`` describes, one line each, the analyst's
    corrections that could not be applied because their paragraphs changed.  ``pending`` names
    the parts not computed yet (a stage of :func:`reader.core.analysis.analyze_stages`): their
    lists are empty because they are still to come, not because the articles have none.
    """

    articles: list[Article]
    matches: list[Match]
    entities: list[Entity] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    figure_groups: list[FigureGroup] = field(default_factory=list)
    rejected: list[Match] = field(default_factory=list)
    stale_corrections: list[str] = field(default_factory=list)
    facts: FactList = field(default_factory=FactList)
    pending: tuple[AnalysisPart, ...] = ()
    _by_paragraph: dict[ParagraphRef, list[int]] | None = field(default=None, repr=False)
    _pair_counts: dict[tuple[int, int], int] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # A plain list of facts (an analysis made by hand, a test) is kept whole.
        if not isinstance(self.facts, FactList):
            self.facts = FactList(self.facts)

    def match_indices(self, ref: ParagraphRef) -> list[int]:
        """Indices into ``matches`` of the matches ``ref`` takes part in, best score first."""
        if self._by_paragraph is None:
            index: dict[ParagraphRef, list[int]] = {}
            for i, m in enumerate(self.matches):
                index.setdefault(m.left, []).append(i)
                index.setdefault(m.right, []).append(i)
            for ids in index.values():
                ids.sort(key=lambda i: -self.matches[i].score)
            self._by_paragraph = index
        return self._by_paragraph.get(ref, [])

    def partners(self, ref: ParagraphRef, article: int | None = None) -> list[ParagraphRef]:
        """The paragraphs matched with ``ref`` (optionally only those in ``article``), best first."""
        out = [self.matches[i].other(ref) for i in self.match_indices(ref)]
        return out if article is None else [p for p in out if p[0] == article]

    def pair_match_count(self, left: int, right: int) -> int:
        """How many matches join article ``left`` with article ``right`` (``left < right``)."""
        if self._pair_counts is None:
            counts: dict[tuple[int, int], int] = {}
            for m in self.matches:
                key = (m.left[0], m.right[0])
                counts[key] = counts.get(key, 0) + 1
            self._pair_counts = counts
        return self._pair_counts.get((left, right), 0)

    def facts_of(self, ref: ParagraphRef) -> list[int]:
        """Indices into ``facts`` of the facts paragraph ``ref`` reports (usually one)."""
        return self.facts.ids_of(ref)

    def unmatched(self, article: int, against: int | None = None) -> list[int]:
        """Paragraphs of ``article`` with no counterpart (boilerplate excluded), ascending; see
        :meth:`iter_unmatched`."""
        return list(self.iter_unmatched(article, against))

    def iter_unmatched(self, article: int, against: int | None = None) -> Iterator[int]:
        """Paragraphs of ``article`` with no counterpart (boilerplate excluded), ascending, one
        at a time (the JSON report writes them so: a table of 240,000 rows has 240,000).

        The one definition of "unmatched" that the reader and every report use: a counterpart is
        a paragraph matched with it, or one that reports a fact with it (``facts``; beyond the
        pairwise budget of :mod:`reader.core.matching.joint` matches link paragraphs to their
        fact's core only, so facts relate the rest).

        Args:
            article: whose paragraphs.
            against: only count counterparts in this other article (one pair of a report);
                ``None`` counts any other article.
        """
        paragraphs = self.articles[article].paragraphs
        if against is None:
            yield from (
                p.index
                for p in paragraphs
                if not p.boilerplate and not self.match_indices((article, p.index))
            )
            return
        matched = {
            mine[1]
            for m in self.matches
            for mine, other in ((m.left, m.right), (m.right, m.left))
            if mine[0] == article and other[0] == against
        }
        for fact in self.facts.shared():
            if article in fact.articles and against in fact.articles:
                matched.update(p for a, p in fact.members if a == article)
        yield from (p.index for p in paragraphs if not p.boilerplate and p.index not in matched)


def article_label(index: int) -> str:
    """The short letter an article goes by in reports and the reader: A, B, ..., Z, AA, AB, ...

    Analysts talk about "the A version" and "B's figure"; letters stay short in gutters and tables.
    """
    label = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        label = chr(ord("A") + rem) + label
    return label
