"""Group figures that count the same thing across articles and decide whether they agree.

Two kinds of evidence join figures (union-find over figure indices):

1. Matched paragraphs.  Paragraphs the aligner matched report the same facts, so their figures
   are paired one-to-one (greedy, best pair first).  A pair needs the same kind and unit family;
   labels must be equal unless one of them is generic or missing ("12 people" pairs with
   "killing 12").  Compatible values pair readily; incompatible values pair only when the labels
   agree, when each paragraph holds a single figure of that kind, or when the words around them
   are alike, so "3 in Aleppo, 10 in Idlib" against "10 in Idlib, 3 in Aleppo" pairs 3-3 / 10-10.
2. The same specific label ("killed", "troop") anywhere in two articles.  Compatible values join
   unless the capitalised words around them contradict (Aleppo vs Idlib: different events);
   incompatible values join only with positive context evidence (a shared capitalised word, or
   several shared content words), which keeps "3 killed in Aleppo" and "10 killed in Idlib" apart.
   Generic labels (people, percent, currencies, years, dates) join only through matched
   paragraphs: two "$" amounts in a story are usually different budgets.

Repeated mentions of the same value and label within one article are one group (not for years
and durations of a generic unit: "two weeks" before the shooting and "two weeks" after the
death, a closure and an election "in 2007").

Evidence is weighed (issue 9): a match the aligner kept only as "supported" says little by
itself, so a pair of counts or durations there needs a name beside both or alike wording unless
both name the same specific thing; counts beside different names and different wording in
matched paragraphs are two crowds (Athens and Patras); open or vague counts of things in
unmatched paragraphs need alike wording ("at least two ladder trucks" / "31 fire trucks"); a
day without a year and a month with a year share only the month; a bare count followed by "of
the 80" is a share of that figure; a year and a date in that year agree.

Figures are grouped only when they can measure the same quantity (issue 9): the same counted
thing (labels and the noun after the number folded with the shared vocabulary: "one man died" is
not "two women died"); an age belongs to the person it is written with; a sentence dated
differently ("In February, ...") reports another event; each figure keeps the agreeing
counterpart it has in the paragraphs matched with its own ("300 rounds" on one boat is not in
conflict with "923 rounds" in all); within one article a group holds one number; an agreeing
group agrees as a whole (an open "at least one" cannot chain 5.9 and 6.7).

Status: ``single`` when one article.  ``conflict`` when a direct link joins incompatible figures
(ranges after qualifiers and vagueness do not overlap) on strong evidence of one quantity: the
same specific label in matched paragraphs, the only date / time / percentage / amount of two
matched paragraphs with a shared name or wording, or the same label with a shared name and
several shared words.  ``differs`` when the evidence for an incompatible link is weaker (generic
counts or measures paired by position, label links without alike wording): the values differ,
but no contradiction is claimed.  Else ``agree``.
"""

from __future__ import annotations

import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from reader.core.figures.extract import duration_days
from reader.core.figures.labels import EVENT_VALUES, GENERIC_LABELS, noun_label
from reader.core.gc_pause import GcPause
from reader.core.ingest.segment import SentenceStarts
from reader.core.model import Article, Figure, FigureGroup, FigureStatus, Match, paragraph_text
from reader.core.unionfind import DenseUnionFind
from reader.core.vocabulary.number_words import SCALES, TENS, UNITS
from reader.core.vocabulary.stopwords import (
    FUNCTION_WORDS,
    MONTHS,
    RELATIVE_TIME_WORDS,
    REPORTING_WORDS,
    WEEKDAYS,
)
from reader.core.vocabulary.synonyms import EVENT_CONCEPTS

_CTX_CHARS = 70
_ALL_PAIRS_LIMIT = 4000
_RARE_TOKEN_DF = 12
_WEAK_SIM = 0.1
_WEAK_KINDS = frozenset({"count", "duration"})
_NONE: frozenset = frozenset()
"""The one empty set every per-figure cache shares (most figures have no month, no label...)."""
_PARAGRAPH_CACHE = 16384
_EPS = 1e-9

_CTX_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CTX_STOP = (
    FUNCTION_WORDS
    | REPORTING_WORDS
    | RELATIVE_TIME_WORDS
    | MONTHS
    | WEEKDAYS
    | frozenset(
        "cent day days first month months nearly new people percent three two week year years".split()
    )
)
"""Words around a figure that say nothing about what it counts (its context is compared)."""


def _is_generic(label: str | None) -> bool:
    return label is None or label in GENERIC_LABELS


class _Ctx:
    """Content words and capitalised words near each figure, computed on demand and cached."""

    def __init__(self, figures: list[Figure], articles: list[Article]) -> None:
        self.figures = figures
        self.articles = articles
        self._cache: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._owners: dict[int, frozenset[str]] = {}
        self._named: set[int] = set()
        self._subjects: dict[int, str | None] = {}
        self._parts: dict[int, bool] = {}
        self._months: dict[int, frozenset[str]] = {}
        self._story_names = _story_names(articles) if len(articles) >= 3 else frozenset()
        self._anchors: dict[int, tuple[Figure, ...]] = {}
        self._nouns: dict[str, str | None] = {}  # by figure text: the noun depends on it alone
        self._paragraphs: dict[tuple[int, int], tuple[str, SentenceStarts]] = {}
        self._sentences: dict[tuple[int, int], tuple[tuple[int, int], ...]] = {}
        self._starts: dict[tuple[str, tuple[tuple[int, int], ...]], SentenceStarts] = {}
        self._interned: dict[frozenset[str], frozenset[str]] = {}
        self._windows: dict[tuple[Any, ...], tuple[frozenset[str], frozenset[str]]] = {}
        self._repeated: set[int] = set()  # ids of SentenceStarts shared by two or more paragraphs
        # word -> (its lower case, "" for a stop word; whether it is capitalised)
        self._lows: dict[str, tuple[str, bool]] = {}

    def get(self, i: int, keep: bool = True) -> tuple[frozenset[str], frozenset[str]]:
        """(content words, capitalised words) around figure ``i``; ``keep=False`` computes them
        without caching, for a pass over every figure of a large bucket that compares few."""
        hit = self._cache.get(i)
        if hit is not None:
            return hit
        f = self.figures[i]
        text, starts = self._text(f)
        words: set[str] = set()
        caps: set[str] = set()
        # Neighbouring figures bound each context window, so "3 in Aleppo and 10 in Idlib" gives
        # the 3 the context "Aleppo" and the 10 the context "Idlib" (figures are in reading order,
        # as find_figures returns them).
        figs = self.figures
        prev = figs[i - 1] if i > 0 else None
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        left_end = (
            prev.end if prev and (prev.article, prev.paragraph) == (f.article, f.paragraph) else 0
        )
        right_start = (
            nxt.start
            if nxt and (nxt.article, nxt.paragraph) == (f.article, f.paragraph)
            else len(text)
        )
        left = max(0, f.start - _CTX_CHARS, min(left_end, f.start))
        right = min(f.end + _CTX_CHARS, max(right_start, f.end))
        # The words depend only on the window and the sentence starts: a repeated paragraph
        # (a table's rows, repeated wire copy) reads each window once.  Only repeated texts are
        # remembered: for distinct ones a window entry per figure would only cost memory.
        window = (
            (text, starts, left, f.start, f.end, right) if id(starts) in self._repeated else None
        )
        known = self._windows.get(window) if window is not None else None
        if known is not None:
            if keep:
                self._cache[i] = known
            return known
        lows = self._lows
        opens = starts.opens_sentence
        finditer = _CTX_WORD.finditer
        # ``finditer(text, lo, hi)`` reads exactly the words of ``text[lo:hi]`` (the pattern has
        # no anchor or look-behind) without copying the window.
        for lo, hi in ((left, f.start), (f.end, right)):
            for m in finditer(text, lo, hi):
                w = m[0]
                entry = lows.get(w)
                if entry is None:  # each distinct word is lower-cased and judged once
                    low = w.lower()
                    if len(low) < 3 or low in _CTX_STOP:
                        low = ""
                    entry = lows[w] = (low, bool(low) and w[0].isupper())
                low, capital = entry
                if not low:
                    continue
                words.add(low)
                if capital and not opens(m.start()):
                    caps.add(low)
        hit = (frozenset(words), frozenset(caps))
        if keep:
            # Repeated wording (a table's rows, a boilerplate line) shares one set.
            intern = self._interned
            hit = (intern.setdefault(hit[0], hit[0]), intern.setdefault(hit[1], hit[1]))
            self._cache[i] = hit
            if window is not None:
                if len(self._windows) >= _PARAGRAPH_CACHE:
                    self._windows.clear()
                self._windows[window] = hit
        return hit

    def _text(self, f: Figure) -> tuple[str, SentenceStarts]:
        """The figure's paragraph text and its sentence starts (the figure alone when unknown)."""
        return self._paragraph(f.article, f.paragraph, f.text)

    def _paragraph(self, article: int, paragraph: int, fallback: str) -> tuple[str, SentenceStarts]:
        key = (article, paragraph)
        hit = self._paragraphs.get(key)
        if hit is None:
            try:
                para = self.articles[article].paragraphs[paragraph]
                starts = self._sentence_starts(para.text, tuple(para.sentences))
                if key not in self._sentences and len(self._sentences) < _PARAGRAPH_CACHE:
                    self._sentences[key] = para.sentences  # ``_sentence_ranges`` reads no copy
                # Its text, not ``para.text``: a repeated paragraph's text is then one object
                # (paragraphs are made when read, each with a new copy of its text).
                hit = (starts.text, starts)
            except IndexError:
                hit = (fallback, SentenceStarts(fallback))
            if len(self._paragraphs) >= _PARAGRAPH_CACHE:
                self._paragraphs.clear()  # bounded: a long input's figures are seen in bursts
            self._paragraphs[key] = hit
        return hit

    def _sentence_starts(self, text: str, sentences: tuple[tuple[int, int], ...]) -> SentenceStarts:
        """One :class:`SentenceStarts` per distinct paragraph text and sentence ranges, so a
        repeated paragraph shares it (and its windows share :meth:`get`'s results)."""
        key = (text, sentences)
        hit = self._starts.get(key)
        if hit is None:
            if len(self._starts) >= _PARAGRAPH_CACHE:
                self._starts.clear()
                self._repeated.clear()
            hit = self._starts[key] = SentenceStarts(text, sentences)
        else:
            self._repeated.add(id(hit))
        return hit

    def similarity(self, i: int, j: int) -> tuple[float, int, int]:
        """(Jaccard of content words, shared content words, shared capitalised words)."""
        wi, ci = self.get(i)
        wj, cj = self.get(j)
        shared = len(wi & wj)
        union = len(wi | wj)
        return (shared / union if union else 0.0), shared, len(ci & cj)

    def owner(self, i: int) -> frozenset[str]:
        """Who an age belongs to: the name before "Katie Jenkin, 20," or the words after
        "20-year-old Katie" / "a 23-year-old man" (lower case); empty when none is written."""
        hit = self._owners.get(i)
        if hit is not None:
            return hit
        f = self.figures[i]
        text, _ = self._text(f)
        before = _OWNER_BEFORE.search(text, max(0, f.start - 60), f.start)
        if before:
            words = before.group(1).split()
        else:
            after = _OWNER_AFTER.match(text, f.end)
            words = after.group(1).split() if after else []
        hit = frozenset(w.lower() for w in words if w.lower() not in _OWNER_STOP)
        if any(w[:1].isupper() for w in words if w.lower() not in _OWNER_STOP):
            self._named.add(i)
        self._owners[i] = hit
        return hit

    def subject(self, i: int) -> str | None:
        """Who a figure is about when its sentence says so up front: the capitalised name that
        opens the sentence ("The Orioles ... have offered a seven-year deal", "Angels general
        manager ... made an eight-year offer"), after a reporting clause ("Lynch reported the Red
        Sox ...") when there is one; its last word, lower case.  None when the sentence opens
        otherwise, or with a name every article uses (the story's protagonist), or a month or
        weekday.  Two figures about different subjects are different quantities: the Orioles'
        seven years are not the Red Sox' eight."""
        if i in self._subjects:
            return self._subjects[i]
        f = self.figures[i]
        text, starts = self._text(f)
        lo = self._sentence_start(f, starts.index(f.start))
        hit = None
        for _ in range(2):
            m = _SUBJECT.match(text, lo, f.start)
            if not m:
                break
            first = m.group(1).split()[0].lower()
            if (
                first in _CTX_STOP
                or first in _OPENERS
                or (first.endswith("ly") and " " not in m.group(1))
            ):
                break  # "The quake ...", "Last week ...", "However, ...", "Similarly, ..."
            head = m.group(1).split()[-1].lower().strip("'’")
            nxt = _REPORTED.match(text, m.end(), f.start)
            if nxt:
                lo = nxt.end()  # "Lynch reported (that) the Red Sox ...": the report's subject
                continue
            if not _SUBJECT_VERB.match(text, m.end(), f.start):
                break  # "Israeli strikes", "Gaza officials": a modifier, not the subject
            if (
                head not in self._story_names
                and head not in MONTHS
                and head not in WEEKDAYS
                and not any(c.isdigit() for c in m.group(1))
            ):
                hit = head
            break
        self._subjects[i] = hit
        return hit

    def _sentence_ranges(self, f: Figure) -> tuple[tuple[int, int], ...]:
        """The sentence ranges of the figure's paragraph (none when it is unknown)."""
        key = (f.article, f.paragraph)
        spans = self._sentences.get(key)
        if spans is None:
            try:
                # Asked once per figure: the paragraph (made when read) is read once.  Its
                # ranges are the list's own tuple, shared, not a copy.
                spans = self.articles[f.article].paragraphs[f.paragraph].sentences
            except IndexError:
                spans = ()
            if len(self._sentences) >= _PARAGRAPH_CACHE:
                self._sentences.clear()
            self._sentences[key] = spans
        return spans

    def _sentence_start(self, f: Figure, si: int) -> int:
        """Where sentence ``si`` of the figure's paragraph starts; a "sentence" that opens with
        the digits of a decimal split as tokenised copy writes it ("measuring 6. 4 on the
        Richter scale") continues the one before."""
        spans = self._sentence_ranges(f)
        if not spans or si >= len(spans):
            return 0
        text = self._paragraph(f.article, f.paragraph, f.text)[0]  # one shared copy
        while (
            si > 0
            and _DECIMAL_SPLIT.match(text, spans[si][0])
            and text[: spans[si][0]].rstrip().endswith(".")
            and text[: spans[si][0]].rstrip()[-2:-1].isdigit()
        ):
            si -= 1
        return spans[si][0]

    def part(self, i: int) -> bool:
        """Whether the count is part of another count written after it ("30 of the 80 wounded
        remained in hospital"): a share of that figure, not a quantity reported in its own right
        ("two of them" is: no number follows).  Asked for every pair a figure is in: read once."""
        hit = self._parts.get(i)
        if hit is None:
            hit = self._parts[i] = self._part(self.figures[i])
        return hit

    def _part(self, f: Figure) -> bool:
        if f.kind != "count":
            return False  # "80 percent of the ..." is the share itself
        try:
            text = paragraph_text(self.articles[f.article], f.paragraph)
        except IndexError:
            return False
        m = _PARTITIVE.match(text, f.end)
        return (
            m is not None
            and _is_number_word(m.group(1))
            # "14 wagons of the 38-wagon train": a count with its own noun is not a share
            and all(_is_number_word(w) for w in f.text.split())
        )

    def same_about(self, i: int, j: int) -> bool:
        """False when both figures' sentences name their subject and the names differ."""
        si, sj = self.subject(i), self.subject(j)
        return si is None or sj is None or si == sj

    def noun(self, i: int) -> str | None:
        """The head noun written right after the number ("one *man* died", "three bank
        *workers*"), singular; None when there is none or it is any person ("people").  It
        depends on the figure's text alone, so each distinct text ("two people") is read once."""
        text = self.figures[i].text
        nouns = self._nouns
        if text in nouns:
            return nouns[text]
        hit = nouns[text] = _noun(text)
        return hit

    def same_subject(self, i: int, j: int) -> bool:
        """Whether two counts can be of the same things: "one man died" is not "two women died"
        although both count the dead."""
        if self.figures[i].kind != "count":
            return True
        ni, nj = self.noun(i), self.noun(j)
        return ni is None or nj is None or ni == nj

    def same_owner(self, i: int, j: int, matched: bool = False) -> bool:
        """Ages belong to a person: two ages join only when they name the same one (two people
        aged 23 are not one figure).  In matched paragraphs an unnamed age may pair with the same
        value."""
        if self.figures[i].counted != "age" or self.figures[j].counted != "age":
            return True
        oi, oj = self.owner(i), self.owner(j)
        if oi and oj:
            if not oi & oj:
                # "a 63-year-old woman" and "63-year-old Madeline Kafoury": one outlet names the
                # person the other describes; in matched paragraphs the same age is one person.
                return (
                    matched
                    and (i in self._named) != (j in self._named)
                    and self.figures[i].value == self.figures[j].value
                )
            # "a 50-year-old man" and "a 48-year-old man" share only a common noun: two people
            # unless the ages are equal; a named person may be two years apart (see compatible).
            return (i in self._named and j in self._named) or self.figures[i].value == self.figures[
                j
            ].value
        return matched and self.figures[i].value == self.figures[j].value

    def anchors(self, i: int) -> tuple[Figure, ...]:
        """The dates and years written in the figure's sentence ("In February, ... 1,400")."""
        hit = self._anchors.get(i)
        if hit is not None:
            return hit
        f = self.figures[i]
        text, starts = self._text(f)
        si = starts.index(f.start)
        lo, hi = self._paragraph_span(i)
        hit = tuple(g for g in self._dates(lo, hi) if g is not f and starts.index(g.start) == si)
        if not hit and _PRONOUN_OPENER.match(text, self._sentence_start(f, si)):
            # "It killed 612 people and injured more than 1,400": the sentence goes on about
            # what the one before it named, so that sentence's date places it too.
            hit = self._previous_anchors(f, si, starts, lo, hi)
        self._anchors[i] = hit
        return hit

    def _paragraph_span(self, i: int) -> tuple[int, int]:
        """The figures of figure ``i``'s paragraph, as the index range ``lo:hi`` (figures are in
        reading order, so a paragraph's figures are neighbours: no index by paragraph is kept)."""
        figs = self.figures
        key = (figs[i].article, figs[i].paragraph)
        lo = i
        while lo > 0 and (figs[lo - 1].article, figs[lo - 1].paragraph) == key:
            lo -= 1
        hi = i + 1
        while hi < len(figs) and (figs[hi].article, figs[hi].paragraph) == key:
            hi += 1
        return lo, hi

    def _dates(self, lo: int, hi: int) -> list[Figure]:
        return [g for g in self.figures[lo:hi] if g.kind in ("date", "year")]

    def _previous_anchors(
        self, f: Figure, si: int, starts: SentenceStarts, first: int, end: int
    ) -> tuple[Figure, ...]:
        """Dates and years of the sentence before the figure's (the previous paragraph's last
        sentence when the figure's sentence opens its paragraph); ``first:end`` are the figures
        of the figure's paragraph."""
        if si > 0:
            return tuple(g for g in self._dates(first, end) if starts.index(g.start) == si - 1)
        if f.paragraph == 0 or first == 0:
            return ()
        prev = self.figures[first - 1]
        if (prev.article, prev.paragraph) != (f.article, f.paragraph - 1):
            return ()  # no figure in the paragraph before
        ptext, pstarts = self._paragraph(f.article, f.paragraph - 1, "")
        last = pstarts.index(len(ptext))
        return tuple(
            g
            for g in self._dates(*self._paragraph_span(first - 1))
            if pstarts.index(g.start) == last
        )

    def months(self, i: int) -> frozenset[str]:
        """Month names written in the figure's sentence (or the one before, as for anchors):
        "In February, a quake ... wounding around 1,400" is dated though "February" alone is
        no date figure."""
        hit = self._months.get(i)
        if hit is not None:
            return hit
        f = self.figures[i]
        text, starts = self._text(f)
        si = starts.index(f.start)
        lo = self._sentence_start(f, si)
        hi = (
            self._sentence_start(f, si + 1) if si + 1 < len(self._sentence_ranges(f)) else len(text)
        )
        found = {m.group(0).lower() for m in _MONTH_NAME.finditer(text, lo, hi)}
        if not found and _PRONOUN_OPENER.match(text, lo):
            if si > 0:
                found = {
                    m.group(0).lower()
                    for m in _MONTH_NAME.finditer(text, self._sentence_start(f, si - 1), lo)
                }
            elif f.paragraph > 0:
                ptext, _ = self._paragraph(f.article, f.paragraph - 1, "")
                found = {m.group(0).lower() for m in _MONTH_NAME.finditer(ptext)}
        hit = frozenset(found) if found else _NONE
        self._months[i] = hit
        return hit

    def same_time(self, i: int, j: int) -> bool:
        """Whether two figures' sentences place them at one time: a sentence dated "In February"
        (a past quake) does not report the same fact as an undated one about today's quake, nor
        as one dated otherwise."""
        ai, aj = self.anchors(i), self.anchors(j)
        mi, mj = self.months(i), self.months(j)
        if not ai and not aj and not mi and not mj:
            return True
        if mi & mj:
            return True
        return any(compatible(x, y) for x in ai for y in aj)

    def contradicts(self, i: int, j: int) -> bool:
        """Both figures sit next to capitalised names and they share none (Aleppo vs Idlib).

        Names every article uses (the story's protagonist) are left out when there are three
        articles or more: "Teixeira" next to the Orioles' offer and next to the Red Sox' offer
        does not make them one offer.
        """
        _, ci = self.get(i)
        _, cj = self.get(j)
        if ci & cj and self._story_names:
            ci, cj = ci - self._story_names, cj - self._story_names
        return bool(ci) and bool(cj) and not (ci & cj)


_SUBJECT = re.compile(
    r"[\s\"“‘'(]*(?:(?:The|the)\s+)?((?:[A-Z][\w'’.&-]*\s+){0,3}[A-Z][\w'’&-]*)(?=[\s,])"
)
"""A capitalised name opening a sentence (up to four words), after an optional "The"."""
_MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|June|July|August|September|October"
    r"|November|December)\b"
)
_SUBJECT_VERB = re.compile(
    r"\s*,|\s+(?:has|have|had|is|was|are|were|will|would|also|reportedly|[a-z]+ed)\b"
)
"""What follows a name that is the sentence's subject: a verb, or an aside after a comma."""
_DECIMAL_SPLIT = re.compile(r"\d")
_PARTITIVE = re.compile(r"\s+of\s+(?:the|those|these|their)\s+(\S+)")
_PRONOUN_OPENER = re.compile(r"[\s\"“‘'(]*(?:It|They|He|She|This|That|These|Those|Its|Their)\b")
_OPENERS = frozenset(
    "meanwhile however but and yet still also so then now earlier later police officials".split()
)
_REPORTED = re.compile(
    r"\s+(?:reported|said|says|told|wrote|reports|confirmed|believes|added)(?:\s+(?:that\s+)?)?\s*",
)
_OWNER_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*),\s?$")
_OWNER_AFTER = re.compile(r"\s+((?:[A-Z][\w'’.-]*)(?:\s[A-Z][\w'’.-]*){0,2}|[a-z][\w'’-]*)")
_PAIRWISE_LIMIT = 10
"""Dates and times are compared pair by pair (years stripped, a 12-hour clock); in a join only
this many members of each side are, so the cost stays bounded on long inputs."""
_POSITIONAL_KINDS = frozenset({"date", "time", "year", "percent", "amount"})
_ANY_PERSON = frozenset({"people", "person", "individual", "victim", "resident", "civilian"})
_EVENT_WORDS = frozenset(w for words in EVENT_CONCEPTS.values() for w in words)


_CAP_WORD = re.compile(r"\b[A-Z][\w'’-]+")


def _story_names(articles: list[Article]) -> frozenset[str]:
    """Capitalised words (lower case) that every article uses somewhere."""
    common: set[str] | None = None
    for art in articles:
        words = {w.lower() for w in _CAP_WORD.findall(art.text)}
        common = words if common is None else common & words
    return frozenset(common or ())


@lru_cache(maxsize=8192)
def _is_number_word(word: str) -> bool:
    """A digit string or a number word ("two", "million", "dozens"); remembered per word, as the
    same few words ("two", "people") are asked about for figure after figure."""
    w = word.lower().strip(",.")
    return (
        any(c.isdigit() for c in w)
        or w in UNITS
        or w in TENS
        or w in SCALES
        or w in ("dozen", "dozens", "hundreds", "thousands", "millions", "several", "few")
    )


def _noun(text: str) -> str | None:
    """The head noun after the number of a figure's text (see :meth:`_Ctx.noun`)."""
    words = text.split()
    k = next((x for x, w in enumerate(words) if _is_number_word(w)), None)
    if k is None:
        return None
    k += 1
    while k < len(words) and _is_number_word(words[k]):
        k += 1  # "two million", "26, 000"
    run: list[str] = []
    while (
        k < len(words)
        and len(run) < 3
        and words[k].isalpha()
        and words[k].islower()
        and words[k] not in FUNCTION_WORDS
        and words[k] not in _EVENT_WORDS
    ):
        run.append(words[k])
        k += 1
    if not run:
        return None
    w = sys.intern(noun_label(run[-1:]))  # the head of "three bank workers", folded
    return None if w in _ANY_PERSON or w in EVENT_VALUES or w in _EVENT_WORDS else w


_OWNER_STOP = frozenset({"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "the", "a", "an"})


def _bounds(f: Figure, strip_year: bool = False) -> tuple[float, float]:
    """(low, high) in a space where compatible figures overlap; None -> infinity."""
    lo = -math.inf if f.low is None else f.low
    hi = math.inf if f.high is None else f.high
    if f.kind == "duration":
        d = duration_days(f.unit)
        lo, hi = lo * d, hi * d
    elif f.kind == "date" and strip_year and lo >= 10000 and hi - lo < 10000:
        lo, hi = lo % 10000, hi % 10000
        if hi < lo:
            hi += 10000
    return lo, hi


def _strip_year(a: Figure, b: Figure) -> bool:
    """Dates compare without the year when either lacks one ("December 8" vs "8 Dec 2024")."""
    return a.kind == "date" and (
        (a.low is not None and a.low < 10000) or (b.low is not None and b.low < 10000)
    )


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures for the same thing can both be true (their ranges overlap).

    Ages allow two years apart: outlets writing at different stages of a story (arrest, trial)
    give one person different ages.
    """
    ak, bk = a.kind, b.kind
    if ak == "time" and bk == "time":
        return _times_overlap(a, b)
    if ak == "year" and bk == "date":
        return _year_in_date(a, b)
    if ak == "date" and bk == "year":
        return _year_in_date(b, a)
    strip = _strip_year(a, b)
    alo, ahi = _bounds(a, strip)
    blo, bhi = _bounds(b, strip)
    tol = _EPS * max(1.0, abs(alo) if math.isfinite(alo) else 1.0)
    if a.counted == "age" and b.counted == "age":
        tol = 2.0
    return alo <= bhi + tol and blo <= ahi + tol


_HALF_DAY = 720.0


def _times_overlap(a: Figure, b: Figure) -> bool:
    """Times of day compare on a 12-hour clock ("3:30" often stands without "a.m.")."""
    if a.low is None or a.high is None or b.low is None or b.high is None:
        return True
    alo, ahi, blo, bhi = a.low, a.high, b.low, b.high
    if ahi - alo >= _HALF_DAY or bhi - blo >= _HALF_DAY:
        return True
    for shift in (-2 * _HALF_DAY, -_HALF_DAY, 0.0, _HALF_DAY, 2 * _HALF_DAY):
        if alo <= bhi + shift and blo + shift <= ahi:
            return True
    return False


def _year_in_date(year: Figure, date: Figure) -> bool:
    """Whether a year ("in 1983") can be the year of a date that gives one ("November 1983")."""
    if year.low is None or year.high is None or date.low is None or date.high is None:
        return True
    return year.low <= date.high // 10000 and date.low // 10000 <= year.high


def _dated(f: Figure) -> bool:
    return f.kind == "date" and f.low is not None and f.low >= 10000


def _same_family(a: Figure, b: Figure) -> bool:
    """Same kind, and units that can be compared (any time unit; same currency / measure); a
    year and a date that gives its year ("in 1983" / "November 1983") compare too."""
    ak, bk = a.kind, b.kind
    if (ak == "year" and bk == "date") or (ak == "date" and bk == "year"):
        return _dated(a) or _dated(b)
    if ak != bk or ak == "ordinal":
        return False
    if a.kind in _UNIT_KINDS:
        return a.unit == b.unit
    return True


# Kinds whose figures compare only in the same unit (a currency, a measure).
_UNIT_KINDS = ("amount", "percent", "other")


class _Partners:
    """Before two different values are called one quantity: does either figure have an agreeing
    counterpart (same label, compatible value) in the paragraphs of the other article that the
    aligner matched with its own?  Then that counterpart is its fact, and the other value is
    another fact ("300 rounds" on one boat, "923 rounds" in all)."""

    def __init__(
        self,
        figures: list[Figure],
        by_paragraph: dict[tuple[int, int], list[int]],
        matches: list[Match],
    ) -> None:
        self.figures = figures
        self.by_paragraph = by_paragraph  # the figures of every matched paragraph
        self.partners: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for m in matches:
            self.partners[m.left].append(m.right)
            self.partners[m.right].append(m.left)

    def has_compatible(self, i: int, article: int) -> bool:
        f = self.figures[i]
        if _is_generic(f.counted) and f.counted != "age":
            return False
        for ref in self.partners.get((f.article, f.paragraph), ()):
            if ref[0] != article:
                continue
            for k in self.by_paragraph.get(ref, ()):
                g = self.figures[k]
                if (
                    g.counted == f.counted
                    and g.kind == f.kind
                    and g.unit == f.unit
                    and g.low is not None
                    and g.high is not None
                    and compatible(f, g)
                ):
                    return True  # (an open "at least 12" agrees with anything above: no partner)
        return False


class _Summary:
    """What a join needs to know about a set of figures, so it never compares them pair by pair:
    the intersection of their ranges (1-D intervals that overlap pairwise share a point), the
    numbers written, the event and noun labels, and the first :data:`_PAIRWISE_LIMIT` members
    (those the pairwise checks compare)."""

    __slots__ = ("lo", "hi", "agree", "values", "events", "nouns", "members")

    def __init__(self, f: Figure, i: int) -> None:
        self.lo, self.hi = _interval(f)
        self.agree = True  # every two members compatible (so lo..hi is their common part)
        # Frozen, and one shared empty set: a long input has a summary for every group it joins.
        self.values: frozenset[float] = frozenset((f.value,)) if f.value is not None else _NONE
        label = None if _is_generic(f.counted) else f.counted
        self.events: frozenset[str] = _NONE
        self.nouns: frozenset[str] = _NONE
        if label is not None:
            if label in EVENT_VALUES:
                self.events = frozenset((label,))
            else:
                self.nouns = frozenset((label,))
        self.members = [i]

    def meets(self, other: _Summary) -> bool:
        """Whether the two sets' ranges all overlap (both sets agreeing within themselves)."""
        if not (self.agree and other.agree):
            return False
        # ``max`` / ``min`` spelled out (the same values, no calls): this runs for every join.
        lo, olo = self.lo, other.lo
        hi = other.hi if other.hi < self.hi else self.hi
        scale = abs(lo) if math.isfinite(lo) else 1.0
        return (olo if olo > lo else lo) <= hi + _EPS * (scale if scale > 1.0 else 1.0)

    def one_quantity(self, other: _Summary) -> bool:
        """Whether the two sets, from one article, can be mentions of one quantity."""
        return (
            _one_between(self.values, other.values)
            and _one_between(self.events, other.events)
            and _one_between(self.nouns, other.nouns)
            and self.meets(other)
        )

    def absorb(self, other: _Summary, agreeing: bool) -> None:
        self.agree = self.agree and other.agree and agreeing and self.meets(other)
        self.lo, self.hi = max(self.lo, other.lo), min(self.hi, other.hi)
        if not other.values <= self.values:
            self.values = self.values | other.values
        if not other.events <= self.events:
            self.events = self.events | other.events
        if not other.nouns <= self.nouns:
            self.nouns = self.nouns | other.nouns
        # Joins read only the first _PAIRWISE_LIMIT members: a group of every row of a long
        # table would otherwise keep a second list of them all (and a third per article).
        room = _PAIRWISE_LIMIT - len(self.members)
        if room > 0:
            self.members.extend(other.members[:room])


def _one_between(a: frozenset[Any], b: frozenset[Any]) -> bool:
    """``len(a | b) <= 1`` without building the union."""
    if len(a) > 1 or len(b) > 1:
        return False
    return not a or not b or a == b


def _interval(f: Figure) -> tuple[float, float]:
    """A figure's range where compatible figures of kinds other than date and time overlap."""
    if f.kind in ("date", "time"):
        return -math.inf, math.inf  # compared pair by pair (years stripped, 12-hour clock)
    lo, hi = _bounds(f)
    if f.counted == "age":
        lo, hi = lo - 1.0, hi + 1.0
    return lo, hi


class _UnionFind(DenseUnionFind):
    """The shared union-find, refusing merges two figures of one article forbid.

    Links chain: "three killed" pairs with "three people" in a matched paragraph, which pairs
    with "three boats" elsewhere...  Within one article a group may only hold mentions of one
    quantity, so a merge is refused when it would put together two figures of the same article
    whose values are incompatible or whose labels name different things (see ``_same_thing``),
    and a join for two compatible figures needs the two whole groups to agree: an open "at least
    one quake" must not chain a 5.9 and a 6.7 magnitude into one agreeing group (a join for an
    incompatible pair is the conflict itself and skips that test).  Each group keeps a
    ``_Summary`` in total and per article, so a join costs the number of articles, not pairs.
    It also remembers the direct cross-article links and whether each is strong evidence of one
    quantity (for the conflict test).
    """

    __slots__ = ("links", "figures", "_agreeing", "_whole", "_per_article")

    def __init__(self, figures: list[Figure]) -> None:
        super().__init__(len(figures))
        self.figures = figures
        self.links: list[tuple[int, int, bool]] = []
        self._agreeing = True
        self._whole: dict[int, _Summary] = {}
        self._per_article: dict[int, dict[int, _Summary]] = {}

    def _sums(self, root: int) -> tuple[_Summary, dict[int, _Summary]]:
        """The group's summaries, built from its members the first time a join needs them."""
        whole = self._whole.get(root)
        if whole is None:
            figs = self.figures
            # ``root`` is a root: no find; a single has no member list (DenseUnionFind).
            members = self._members.get(root) or [root]
            whole = _Summary(figs[members[0]], members[0])
            per: dict[int, _Summary] = {
                figs[members[0]].article: _Summary(figs[members[0]], members[0])
            }
            for x in members[1:]:
                f = figs[x]
                one = _Summary(f, x)
                whole.absorb(one, True)  # reads ``one`` only, so it can serve per article too
                if f.article in per:
                    per[f.article].absorb(one, True)
                else:
                    per[f.article] = one
            self._whole[root] = whole
            self._per_article[root] = per
        return whole, self._per_article[root]

    def join(self, a: int, b: int) -> bool:
        """Join the groups of ``a`` and ``b`` unless that is forbidden; True when joined."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        self._agreeing = compatible(self.figures[a], self.figures[b])
        if ra in self._whole or rb in self._whole:
            self._sums(ra)  # both sides' summaries from their members before these change
            self._sums(rb)
        if not self.union(a, b, self._can_join):
            return False
        root, gone = (ra, rb) if self.find(a) == ra else (rb, ra)
        if ra not in self._whole and rb not in self._whole:
            return True  # summaries are built from the members when a later join needs them
        whole, per = self._whole[root], self._per_article[root]
        whole_g, per_g = self._sums(gone)
        whole.absorb(whole_g, self._agreeing)
        for art, summ in per_g.items():
            if art in per:
                per[art].absorb(summ, True)
            else:
                per[art] = summ
        del self._whole[gone], self._per_article[gone]
        return True

    def _can_join(self, ra: int, rb: int) -> bool:
        figs = self.figures
        if self.size(ra) == 1 and self.size(rb) == 1:  # the usual case
            fa, fb = figs[ra], figs[rb]
            if fa.article == fb.article:
                return _same_thing(fa, fb)
            # Two single figures are their own roots, so ``join`` has just set ``_agreeing`` to
            # ``compatible(fa, fb)``: "not agreeing, or compatible" holds.
            return True
        wa, pa = self._sums(ra)
        wb, pb = self._sums(rb)
        if len(pa) > len(pb):
            pa, pb = pb, pa
        pairwise = figs[ra].kind in ("date", "time")
        for art, sa in pa.items():
            sb = pb.get(art)
            if sb is None:
                continue
            if not sa.one_quantity(sb):
                return False
            if pairwise and not all(
                _same_thing(figs[x], figs[y])
                for x in sa.members[:_PAIRWISE_LIMIT]
                for y in sb.members[:_PAIRWISE_LIMIT]
            ):
                return False
        if self._agreeing:
            if pairwise:
                return all(
                    compatible(figs[x], figs[y])
                    for x in wa.members[:_PAIRWISE_LIMIT]
                    for y in wb.members[:_PAIRWISE_LIMIT]
                )
            return not (wa.agree and wb.agree) or wa.meets(wb)
        return True


def _month_only(a: Figure, b: Figure) -> bool:
    """Two dates that share only their month: one gives a day but no year ("June 20"), the other
    a year but no day ("June 2005").  Nothing says they are one date (a shooting on June 20 and
    a killing later that June), so they do not pair as agreeing."""
    if a.kind != "date" or b.kind != "date":
        return False
    for day, month in ((a, b), (b, a)):
        if (
            day.low is not None
            and day.low < 10000
            and month.low is not None
            and month.high is not None
            and month.low >= 10000
            and month.high - month.low >= 27
        ):
            return True
    return False


def _loose(f: Figure) -> bool:
    """An open range ("at least two", "more than 500") or a vague word with no number written
    ("a few", "several", "dozens"): compatible with many values, so weak evidence by itself."""
    return f.low is None or f.high is None or (f.value is None and not _HAS_DIGIT.search(f.text))


_HAS_DIGIT = re.compile(r"\d")


def _same_thing(a: Figure, b: Figure) -> bool:
    """Whether two figures of one article can be mentions of one quantity: compatible values, and
    labels that do not name two different things (equal, one generic, or an event and a noun),
    and the same written number when both have one."""
    if not compatible(a, b):
        return False
    if a.value is not None and b.value is not None and a.value != b.value:
        return False  # one article repeats a figure with the same number ("at least 10" / "10")
    la, lb = a.counted, b.counted
    if la == lb or _is_generic(la) or _is_generic(lb):
        return True
    return (la in EVENT_VALUES) != (lb in EVENT_VALUES)


def _pair_matched(
    a_ids: list[int],
    b_ids: list[int],
    figures: list[Figure],
    ctx: _Ctx,
    uf: _UnionFind,
    partners: _Partners,
    weak: bool = False,
) -> None:
    """One-to-one pairing of the figures of two matched paragraphs (see module doc); ``weak``
    when the match itself is only "supported" (weaker shared facts kept on a second cue)."""
    kinds_a = Counter((figures[i].kind, figures[i].unit) for i in a_ids)
    kinds_b = Counter((figures[j].kind, figures[j].unit) for j in b_ids)
    cands: list[tuple[float, int, int, bool]] = []
    for i in a_ids:
        fi = figures[i]
        for j in b_ids:
            fj = figures[j]
            if (
                not _same_family(fi, fj)
                or ctx.part(i)
                or ctx.part(j)
                or not ctx.same_owner(i, j, matched=True)
                or not ctx.same_subject(i, j)
                or not ctx.same_about(i, j)
            ):
                continue
            gi, gj = _is_generic(fi.counted), _is_generic(fj.counted)
            sim, _, shared_caps = ctx.similarity(i, j)
            if (
                weak
                and fi.kind in _WEAK_KINDS
                and not shared_caps
                and sim < _WEAK_SIM
                and (gi or fi.counted != fj.counted)
            ):
                # A "supported" match rests on little shared besides, often, this very figure
                # ("four years" in a paragraph on a dissolution and one on a heritage list): the
                # pair needs its own evidence, a name beside both or alike wording, unless both
                # name the same specific thing.
                continue
            if not gi and not gj and fi.counted != fj.counted:
                # Outlets name the same thing differently ("500 families have fled" / "hundreds
                # of families"; "trucks" / "lorries"): in matched paragraphs, pair them when the
                # values agree and the pairing is unambiguous or the wording around them is alike.
                # Two different counted nouns ("two women", "two buildings") need alike wording:
                # only an event and a noun ("three workers" / "three dead") may pair by position.
                unique = kinds_a[(fi.kind, fi.unit)] == 1 and kinds_b[(fj.kind, fj.unit)] == 1
                nouns = fi.counted not in EVENT_VALUES and fj.counted not in EVENT_VALUES
                if not (compatible(fi, fj) and ((unique and not nouns) or sim >= 0.34)):
                    continue
            same_label = fi.counted == fj.counted and not gi
            if (
                (fi.counted is None) != (fj.counted is None)
                and fi.kind == "count"
                and not (fi.value == fj.value and sim >= 0.34)
            ):
                continue  # a bare "four" says nothing it counts: only alike wording pairs it
            if compatible(fi, fj):
                if _month_only(fi, fj):
                    continue
                if (
                    fi.kind == "count"
                    and not same_label
                    and not shared_caps
                    and sim < 0.34
                    and ctx.contradicts(i, j)
                ):
                    # "20,000 people marched in Athens" / "In Patras, around 20,000 protesters":
                    # matched paragraphs about rallies in two cities.  Counts that are not named
                    # alike, beside different names and different wording, are two crowds.
                    continue
                score = 3.0 + 1.5 * same_label + sim
            else:
                if ctx.contradicts(i, j) and not shared_caps:
                    continue
                if (
                    fi.counted != fj.counted
                    and not (gi and gj)
                    and None not in (fi.counted, fj.counted)
                ):
                    # Incompatible values that count differently named things ("1,200 people"
                    # and "hundreds of families") are not the same fact told two ways.
                    continue
                unique = kinds_a[(fi.kind, fi.unit)] == 1 and kinds_b[(fj.kind, fj.unit)] == 1
                if not (same_label or unique or sim >= 0.34):
                    continue
                if partners.has_compatible(i, figures[j].article) or partners.has_compatible(
                    j, figures[i].article
                ):
                    continue  # each has its own agreeing counterpart: two different facts
                if not ctx.same_time(i, j):
                    continue  # "In February, ... 1,400 injured" is another event than today's
                score = 1.0 + 1.5 * same_label + sim
            unique = kinds_a[(fi.kind, fi.unit)] == 1 and kinds_b[(fj.kind, fj.unit)] == 1
            # Certain enough for a conflict: the same specific label, or the one date / percentage /
            # amount of both paragraphs with a shared name or wording around it.  Generic counts
            # ("several", "110") and measures pair by position, which is too weak for a conflict.
            strong = (
                same_label
                or (unique and fi.kind in _POSITIONAL_KINDS and (shared_caps > 0 or sim >= 0.34))
            ) and not ctx.contradicts(i, j)
            cands.append((score, i, j, strong))
    if len({figures[i].kind for _, i, _, _ in cands}) >= 2 and not any(
        compatible(figures[i], figures[j]) for _, i, j, _ in cands
    ):
        # Two paragraphs that disagree on every figure they share, in two kinds of measure or
        # more ("a seven-year deal worth $140 million" / "an eight-year deal worth $184
        # million"), describe two things (two teams' offers) more likely than they contradict
        # each other: no conflict is claimed.  (Two differing counts, "12 killed, 30 injured" /
        # "14 killed, 45 injured", are the usual disagreement of casualty reports and stay one.)
        cands = [(score, i, j, False) for score, i, j, _ in cands]
    cands.sort(key=lambda c: -c[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j, strong in cands:
        if i in used_a or j in used_b:
            continue
        if not uf.join(i, j):
            continue
        used_a.add(i)
        used_b.add(j)
        uf.links.append((i, j, strong))


def _label_links(
    ids: list[int],
    figures: list[Figure],
    ctx: _Ctx,
    uf: _UnionFind,
    matched: set[tuple[tuple[int, int], tuple[int, int]]],
    partners: _Partners,
) -> None:
    """Join figures with the same specific label across articles (see module doc)."""
    # Counted first: the lists by article are built only for the all-pairs comparison (a large
    # bucket, one figure a row of a long table, would hold a second list of every figure).
    sizes = Counter(figures[i].article for i in ids)
    if len(sizes) < 2:
        return
    arts = sorted(sizes)
    n_pairs = sum(sizes[a] * sizes[b] for x, a in enumerate(arts) for b in arts[x + 1 :])
    if n_pairs <= _ALL_PAIRS_LIMIT:
        by_article: dict[int, list[int]] = defaultdict(list)
        for i in ids:
            by_article[figures[i].article].append(i)
        pairs: Iterable[tuple[int, int]] = (
            (i, j)
            for x, a in enumerate(arts)
            for b in arts[x + 1 :]
            for i in by_article[a]
            for j in by_article[b]
        )
    else:
        pairs = _indexed_pairs(ids, figures, ctx)
    # A bucket holds one kind, never "ordinal" (its key is the kind and the label), so
    # ``_same_family`` of two of its figures only asks for equal units, and only for these kinds:
    # asked once here instead of a call per pair.
    by_unit = figures[ids[0]].kind in _UNIT_KINDS
    for i, j in pairs:
        if figures[i].article == figures[j].article:
            continue
        joined = uf.find(i) == uf.find(j)
        if joined and compatible(figures[i], figures[j]):
            continue  # nothing to add: same group, and no conflict to record
        if by_unit and figures[i].unit != figures[j].unit:
            continue  # not ``_same_family``
        pi = (figures[i].article, figures[i].paragraph)
        pj = (figures[j].article, figures[j].paragraph)
        if (pi, pj) in matched or (pj, pi) in matched:
            continue  # the one-to-one pairing of matched paragraphs already decided
        if (
            ctx.contradicts(i, j)
            or ctx.part(i)
            or ctx.part(j)
            or not ctx.same_owner(i, j)
            or not ctx.same_subject(i, j)
            or not ctx.same_about(i, j)
        ):
            continue
        if not ctx.same_time(i, j):
            continue  # "In February, ... around 1,400 injured" is another event, whatever the values
        if compatible(figures[i], figures[j]):
            if (
                figures[i].value != figures[j].value
                and figures[i].counted not in EVENT_VALUES
                and (_loose(figures[i]) or _loose(figures[j]))
            ):
                # Unmatched paragraphs, and counts of things that meet only through an open bound
                # or a vague word ("at least two ladder trucks" / "31 fire trucks", "a few doors
                # away" / "three doors away"): only wording alike around both makes them one
                # quantity.  An event's toll ("hundreds were killed" / "more than 500 were
                # killed") is the story's own figure and needs no more.
                _, shared, shared_caps = ctx.similarity(i, j)
                if not shared_caps and shared < 2:
                    continue
            if uf.join(i, j):
                uf.links.append((i, j, True))
            continue
        if partners.has_compatible(i, figures[j].article) or partners.has_compatible(
            j, figures[i].article
        ):
            continue  # "300 rounds" has its "300" in the other article; "923 rounds" is another fact
        sim, shared, shared_caps = ctx.similarity(i, j)
        if shared_caps or (shared >= 3 and sim >= 0.25):
            # Unmatched paragraphs: the same label and a shared name make the same quantity
            # likely; only wording alike around both (a shared name and several shared words)
            # makes it certain enough for a conflict, else the values are shown as differing.
            strong = shared_caps > 0 and (shared >= 3 or sim >= 0.25)
            if uf.join(i, j):
                uf.links.append((i, j, strong))


def _indexed_pairs(ids: list[int], figures: list[Figure], ctx: _Ctx) -> list[tuple[int, int]]:
    """Candidate pairs for a large bucket: equal ranges, and rare shared context words."""
    pairs: list[tuple[int, int]] = []
    # Per range only the first figure of each article is paired, and a token in more than
    # _RARE_TOKEN_DF figures pairs none: neither keeps a list of every figure of the bucket
    # (a table's rows, issue 10).  A common token keeps its place (``None``), so the pairs come
    # in the same order as from full lists.
    by_range: dict[tuple[float | None, float | None], dict[int, int]] = defaultdict(dict)
    by_token: dict[str, list[int] | None] = {}
    for i in ids:
        f = figures[i]
        by_range[(f.low, f.high)].setdefault(f.article, i)
        for tok in ctx.get(i, keep=False)[1]:
            members = by_token.get(tok, [])
            if members is None:
                continue
            if len(members) == _RARE_TOKEN_DF:
                by_token[tok] = None
                continue
            members.append(i)
            by_token[tok] = members
    for firsts in by_range.values():
        heads = list(firsts.values())
        pairs.extend(zip(heads, heads[1:]))
    for rare in by_token.values():
        if rare is not None:
            pairs.extend((i, j) for x, i in enumerate(rare) for j in rare[x + 1 :])
    return pairs


def _status(
    members: list[int], figures: list[Figure], root: int, conflicted: set[int], differing: set[int]
) -> FigureStatus:
    """single (one article), conflict, differs or agree.

    ``conflict`` needs a *direct* link between incompatible figures backed by strong evidence
    that they measure one quantity (the same specific label in paragraphs the aligner matched);
    a direct incompatible link on weaker evidence gives ``differs``.  Only direct links count: a
    vague "at least 3" can join "3 killed" in one outlet and "10 killed" in another (both
    compatible with it) without those two contradicting each other.
    """
    arts = {figures[i].article for i in members}
    if len(arts) < 2:
        return "single"
    if root in conflicted:
        return "conflict"
    if root in differing or not _values_agree(members, figures):
        return "differs"
    return "agree"


# Kinds whose stated values are compared digit by digit for "agree"; dates, times and years have
# their own compatibility (a day inside a month), and ages their two years' leeway.
_STATED_KINDS = frozenset({"count", "amount", "percent", "duration", "other"})


def _precision(value: float) -> float:
    """The step a stated value is rounded to: 10 ** trailing zeros of a whole number ("5,000"
    -> 1,000, "5,800" -> 100, "72 million" -> 1 million), else its last decimal ("3.5" -> 0.1)."""
    if value == int(value):
        n = int(abs(value))
        if n == 0:
            return 1.0
        step = 1
        while n % 10 == 0:
            n //= 10
            step *= 10
        return float(step)
    digits = f"{abs(value):.6g}".partition(".")[2].rstrip("0")
    return 10.0 ** -len(digits) if digits else 1.0


def _values_agree(members: list[int], figures: list[Figure]) -> bool:
    """Whether every two stated values of the group are one value at the rounder one's
    precision ("about 5,000" and "5,012" agree; "about 5,000" and "some 6,000", or "5,800" and
    "about 5,900", only overlap as approximations: the outlets report different numbers, which
    the reader is shown as "differs", not as an agreement).  Bounds ("at least 12", "more than
    2,000"), vague amounts ("thousands") and the kinds outside :data:`_STATED_KINDS` never
    object."""
    stated: dict[float, float] = {}
    for i in members:
        f = figures[i]
        if (
            f.value is not None
            and f.low is not None
            and f.high is not None  # "at least 12" is a bound that "14" satisfies, no value
            and f.kind in _STATED_KINDS
            and f.counted != "age"
        ):
            # Durations in days ("48 hours" and "two days" are one value), each at the
            # precision it was written with.
            scale = duration_days(f.unit) if f.kind == "duration" else 1.0
            stated[f.value * scale] = _precision(f.value) * scale
    values = sorted(stated)
    for x, a in enumerate(values):
        for b in values[x + 1 :]:
            if abs(a - b) >= max(stated[a], stated[b]) / 2:
                return False
    return True


def _group_label(members: list[int], figures: list[Figure]) -> str:
    labels = Counter(c for i in members if (c := figures[i].counted))
    specific = [(n, lab) for lab, n in labels.items() if not _is_generic(lab)]
    if specific:
        return max(specific, key=lambda t: (t[0], -len(t[1])))[1]
    if labels:
        return labels.most_common(1)[0][0]
    return figures[members[0]].unit or figures[members[0]].kind


_STATUS_ORDER = {"conflict": 0, "differs": 1, "agree": 2, "single": 3}


def group_figures(
    figures: list[Figure], articles: list[Article], matches: list[Match]
) -> list[FigureGroup]:
    """Group ``figures`` (indices are positions in this list) and set ``Figure.group``.

    Every figure except ordinals ends up in exactly one group; groups are ordered conflicts
    first, then agreements, then singles, each by first appearance.
    """
    # Grouping allocates sets, tuples and summaries by the ten thousand and creates no reference
    # cycles; the cyclic collector would rescan everything alive (articles, figures...) again and
    # again meanwhile, about a tenth of the run time.  It is paused, then restored, as in
    # ``find_entities``.
    with GcPause():
        return _group_figures(figures, articles, matches)


def _group_figures(
    figures: list[Figure], articles: list[Article], matches: list[Match]
) -> list[FigureGroup]:
    uf = _UnionFind(figures)
    ctx = _Ctx(figures, articles)
    for f in figures:
        f.group = None

    # Figures by paragraph, for the matched paragraphs only (a long input has few).
    matched_paragraphs = {m.left for m in matches} | {m.right for m in matches}
    by_par: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, f in enumerate(figures):
        where = (f.article, f.paragraph)
        if f.kind != "ordinal" and where in matched_paragraphs:
            by_par[where].append(i)
    matched: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    partners = _Partners(figures, by_par, matches)
    for m in matches:
        matched.add((m.left, m.right))
        a_ids = by_par.get(m.left)
        b_ids = by_par.get(m.right)
        if a_ids and b_ids and m.left[0] != m.right[0]:
            weak = m.evidence != "clear" and not m.manual
            _pair_matched(a_ids, b_ids, figures, ctx, uf, partners, weak)

    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    repeats: dict[tuple[int, str, str, str | None, float | None, float | None], int] = {}
    for i, f in enumerate(figures):
        if f.kind == "ordinal":
            continue  # ordinals are never grouped: each stays a group of its own
        if f.counted is not None and (
            f.kind not in ("duration", "year") or not _is_generic(f.counted)
        ):
            key = (f.article, f.kind, f.counted, f.unit, f.low, f.high)
            first = repeats.setdefault(key, i)
            if first != i:
                uf.join(first, i)
        if f.counted is not None and not _is_generic(f.counted):
            buckets[(f.kind, f.counted)].append(i)
    for ids in buckets.values():
        _label_links(ids, figures, ctx, uf, matched, partners)

    conflicted: set[int] = set()
    differing: set[int] = set()
    for i, j, strong in uf.links:
        if figures[i].article != figures[j].article and not compatible(figures[i], figures[j]):
            (conflicted if strong else differing).add(uf.find(i))
    staged = []
    for members in uf.groups():  # ordinals never join anything: each is a group of its own
        if figures[members[0]].kind == "ordinal":
            continue
        members.sort()
        root = uf.find(members[0])
        staged.append((_status(members, figures, root, conflicted, differing), members))
    staged.sort(key=lambda s: (_STATUS_ORDER[s[0]], s[1][0]))
    groups: list[FigureGroup] = []
    for gid, (status, members) in enumerate(staged):
        groups.append(
            FigureGroup(
                gid, _group_label(members, figures), figures[members[0]].kind, status, members
            )
        )
        for i in members:
            figures[i].group = gid
    return groups
