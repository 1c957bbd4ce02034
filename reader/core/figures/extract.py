"""Find numeric expressions in paragraphs and say what they count.

One compiled master regex finds every number candidate in a paragraph in a single pass: dates
(month names), digit numbers with optional currency, magnitude and range, written-out numbers and
vague quantities.  Each candidate is then refined with small anchored regexes run at fixed
positions (never a scan of the whole text): a unit suffix to the right ("%", "-year", "dollars"),
a qualifier to the left ("more than"), and the counted thing (an event verb such as "were killed"
to the right, "killing" / "death toll rose to" to the left, else the head of the noun phrase that
follows).  That keeps the cost linear in the text and the per-candidate Python work small.

Noise is dropped rather than reported: numbers glued to letters or hyphens ("G7", "COVID-19",
"F-16"), numbers after a capitalised name word ("Boeing 737", "Route 66"), times, fractions and
version numbers ("10:30", "24/7", "1.2.3"), idiomatic "one" ("one of the", "one day"), and ordinal
words ("for the first time").  Digit ordinals ("3rd") are kept with kind "ordinal" so the UI can
show them, and grouping ignores them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from reader.core.figures.clock import find_times
from reader.core.figures.labels import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    EVENT_VALUES,
    MEASURE_UNITS,
    TIME_UNITS,
    event_label,
    noun_label,
    singular,
)
from reader.core.gc_pause import GcPause
from reader.core.ingest.segment import SentenceStarts
from reader.core.model import Article, Figure, FigureKind
from reader.core.vocabulary.number_words import (
    SCALES,
    TENS,
    UNITS,
    VAGUE,
    VAGUE_WORDS,
    WORD_NUMBER,
    parse_digits,
    parse_word_number,
    rounding_tolerance,
    vague_range,
)
from reader.core.vocabulary.stopwords import (
    COUNT_PHRASE_STOPS,
    FUNCTION_WORDS,
    RELATIVE_TIME_WORDS,
    REPORTING_WORDS,
)

# --------------------------------------------------------------------------- master regex

_MONTH_TOKENS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sept",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![a-z])"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
_YEAR = r"(?:1[89]\d\d|20\d\d)(?!\w)"
_DAY_RANGE = rf"(?:\s*[-–]\s*{_DAY})?"
_DATE = (
    rf"{_MONTH}\s+{_DAY}{_DAY_RANGE}(?:,?\s+{_YEAR})?"
    rf"|(?<![\w.,:/-]){_DAY}{_DAY_RANGE}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH},?\s+(?:of\s+)?{_YEAR}"
)

_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3}|,\x20\d{3}(?![\d,.]\d|\d))+|\d+)"
    r"(?:\.\d+|(?<!\d\d\d)\.\x20\d{1,2}(?=\s?(?:[a-z%$€£)\-]|[.,;]?$)))?"
)
"""Digits with optional thousands separators and decimals.  Tokenised copy writes "1, 500" and
"6. 1 magnitude": ", " before exactly three digits after a group of one to three, and ". "
between a short number and one or two digits followed by a lower-case word, a unit or the end,
are read as one number (a full stop before a new sentence is followed by a capital)."""
_ATTACHED = r"(?:bn|mn|tn|km|m|k|b|st|nd|rd|th|s)"
_SCALE_WORDS = r"(?i:thousand|million|billion|trillion|hundred|mln|bln|bn|mn)"
_CUR = r"(?:US\$|A\$|C\$|HK\$|\$|€|£|¥|(?:USD|EUR|GBP|JPY|CNY)\s?)"


def _num(i: int) -> str:
    """One number: digits (+ attached suffix), a vague quantity, a word number or "half"."""
    return (
        rf"(?:(?P<d{i}>{_DIGITS})(?P<a{i}>{_ATTACHED})?(?![\w]|[.,:/]\d)"
        rf"|(?<![\w-])(?P<v{i}>(?i:{VAGUE_WORDS}))"
        rf"|(?<![\w-])(?P<w{i}>(?i:{WORD_NUMBER}))(?![\w-])"
        + (r"|(?<![\w-])(?P<half>(?i:half))\b" if i == 1 else "")
        + rf")(?:(?:\s+|-|\s-\s)(?P<s{i}>{_SCALE_WORDS})\b)?"
    )


# The leading lookahead lets the regex engine reject, in one character test, every position that
# cannot start a candidate (mid-word, or a word whose first letter starts no number, month or
# currency word); without it the scan of 2 MB costs three times as much.
_LEAD = r"(?=[\d$€£¥]|\b[abdefhjmnostzuABDEFHJMNOSTZUCGK])"
_MASTER = re.compile(
    rf"{_LEAD}(?:(?P<date>{_DATE})"
    rf"|(?:(?P<pre>(?i:between|from))\s+)?(?<![\w.,/:-])(?P<cur>{_CUR})?{_num(1)}"
    rf"(?:(?P<sep>\s*[-–—]\s*|\s+(?i:to)\s+|(?(pre)\s+(?i:and)\s+|(?!)))"
    rf"(?P<cur2>{_CUR})?{_num(2)})?)"
)


def _scanner_pattern() -> str:
    """A cheap regex that finds every position where ``_MASTER`` could start a match.

    ``_MASTER.finditer`` tries its long alternation at every word start, which made it most of
    the extraction cost.  Every master match starts at offset 0 or right after a non-word
    character (its digits, currencies and words all sit behind a word boundary or a
    lookbehind guard), so this scanner consumes one non-word character -- a character class
    the regex engine skips to in C -- and accepts it only when the next word could start a
    candidate: a digit or currency sign, or a case-exact first letter followed by the rest of a
    number word, vague word, month, currency code, "between"/"from", "half" or "a"/"an".  It is a
    superset (``_MASTER.match`` at each hit decides), so the figures found are exactly those of a
    full ``_MASTER.finditer``.
    """
    case_free = {"between", "from", "half", *UNITS, *TENS}
    case_free |= {k.split()[0] for k in VAGUE if not k.startswith("a ")}
    exact = [*_MONTH_TOKENS, "US$", "A$", "C$", "HK$", "USD", "EUR", "GBP", "JPY", "CNY"]
    rests: dict[str, set[str]] = {}
    for w in case_free:
        for c in {w[0].lower(), w[0].upper()}:
            rests.setdefault(c, set()).add("(?i:" + re.escape(w[1:]) + ")")
    for w in exact:
        rests.setdefault(w[0], set()).add(re.escape(w[1:]))
    for c in "aA":  # "a dozen", "a few", "an estimated..." are all "a"/"an" + space
        rests.setdefault(c, set()).add(r"n?\s")
    dispatch = "|".join(
        re.escape(c) + "(?:" + "|".join(sorted(r, key=len, reverse=True)) + ")"
        for c, r in sorted(rests.items())
    )
    return rf"\W(?=[\d$€£¥]|{dispatch})"


_SCAN = re.compile(_scanner_pattern())


def _master_matches(text: str) -> list[re.Match[str]]:
    """Exactly ``list(_MASTER.finditer(text))``, about three times faster (see ``_SCAN``)."""
    out: list[re.Match[str]] = []
    match = _MASTER.match
    m = match(text, 0)
    resume = 0
    if m:
        out.append(m)
        resume = m.end()
    for s in _SCAN.finditer(text, max(0, resume - 1)):
        p = s.end()
        if p < resume:
            continue
        m = match(text, p)
        if m:
            out.append(m)
            resume = m.end()
    return out


# --------------------------------------------------------------------------- helper regexes

_DATE_ONLY = re.compile(_DATE)
_DATE_JOIN = re.compile(r"\s*(?:[-–]|to|until|till|through|and)\s*")
_MONTH_FIND = re.compile(_MONTH)
_DAY_YEAR_FIND = re.compile(r"\d+")
_MONTH_NUM = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}

_SUFFIX = re.compile(
    r"(?P<pct>\s*%|\s*(?i:per\s?cent|percent|pct)\b)"
    r"|(?P<pp>\s+(?i:percentage\s+points?)\b)"
    r"|\s+(?P<curw>(?i:(?:US\s+)?dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan"
    r"|renminbi|roubles?|rubles?|shekels?|rupees?))\b"
    r"|\s+(?P<curc>USD|EUR|GBP|JPY|CNY)\b"
    r"|(?:\s+|-|\s-\s)(?P<du>(?i:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?"
    r"|century|centuries))\b(?P<old>(?:-|\s-\s)old)?"
    r"|(?:\s*|-)(?P<mu>(?i:square\s+(?:kilomet(?:re|er)s?|miles?)|sq\s?km|km/h|°C|°F"
    r"|kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|kg|kilograms?|tonnes?|tons?|acres?"
    r"|hectares?|degrees|mph|feet|ft|inch(?:es)?|cm|mm|barrels?))(?![\w/])"
)
_AND_HALF = re.compile(r"\s+(?i:and\s+a\s+half)\b")
_SUFFIX_STARTS = (
    "%",
    "per",
    "pct",
    "us",
    "dollar",
    "euro",
    "pound",
    "sterling",
    "yen",
    "yuan",
    "renminbi",
    "roubl",
    "rubl",
    "shekel",
    "rupee",
    "eur",
    "gbp",
    "jpy",
    "cny",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "centur",
    "square",
    "sq",
    "km",
    "°",
    "kilo",
    "mile",
    "met",
    "kg",
    "ton",
    "acre",
    "hectare",
    "degree",
    "mph",
    "feet",
    "ft",
    "inch",
    "cm",
    "mm",
    "barrel",
)
"""Casefolded starts of every ``_SUFFIX`` alternative, for a cheap test before the regex."""


def _suffix(text: str, end: int) -> re.Match[str] | None:
    """``_SUFFIX.match(text, end)``, skipped when the next word cannot start a unit."""
    j = end
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    if j < n and text[j] == "-":
        j += 1
        while j < n and text[j] == " ":
            j += 1
    if not text[j : j + 8].casefold().startswith(_SUFFIX_STARTS):
        return None
    return _SUFFIX.match(text, end)


def _and_half(text: str, end: int) -> re.Match[str] | None:
    """``_AND_HALF.match(text, end)``, skipped unless the next word is "and"."""
    if (
        not text[end : end + 1].isspace()
        or text[end : end + 12].split(None, 1)[:1] != ["and"]
        and not text[end : end + 12].casefold().lstrip().startswith("and")
    ):
        return None
    return _AND_HALF.match(text, end)


_QUALIFIERS: dict[str, str] = {
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "just over": "more than",
    "north of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
    "fewer than": "less than",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
}
_QUAL_RE = re.compile(
    r"(?<![\w])(?P<q>"
    + "|".join(
        re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_QUALIFIERS, key=len, reverse=True)
    )
    + r")\s+$",
    re.IGNORECASE,
)

_QUAL_ENDS = tuple({q.split()[-1] for q in _QUALIFIERS})

_STOP_SET = FUNCTION_WORDS | REPORTING_WORDS | RELATIVE_TIME_WORDS | COUNT_PHRASE_STOPS
"""Words that end a counted noun phrase ("12 people *in* Gaza")."""
_STOP = "|".join(sorted(_STOP_SET, key=len, reverse=True))
_EVENT_WORDS = (
    r"killed|dead|died|deaths|fatalities|injured|wounded|hurt|injuries|casualties|arrested"
    r"|detained|displaced|missing|evacuated|rescued|kidnapped|abducted|lost\s+their\s+lives"
    r"|taken\s+hostage|fled"
)
_RIGHT_EVENT = re.compile(
    r"(?:\s+of)?(?:\s+(?!(?:" + _STOP + r")\b)[A-Za-z][\w'’-]*){0,3}?"
    r"(?:\s+(?:were|was|are|is|have|has|had|been|being|reportedly|reported|confirmed|later"
    r"|also|all|now|since|already|being)){0,3}"
    r"\s+(?P<ev>" + _EVENT_WORDS + r")\b",
    re.IGNORECASE,
)
_LEFT_EVENT = re.compile(
    r"(?<![\w])(?P<ev>killing|killed|kills|kill|injuring|wounding|wounded|injured|arresting"
    r"|arrested|detaining|detained|displacing|displaced|evacuating|evacuated|rescuing|rescued"
    r"|kidnapping|kidnapped|abducting|abducted|(?:death|injury|casualty)\s+toll|toll"
    r"|number\s+of\s+(?:dead|deaths|fatalities|injured|wounded|casualties))"
    r"(?:\s+(?:in|from|on|among)(?:\s+the)?\s+[\w'’-]+)?"  # "the death toll in Gaza rose to"
    r"(?:\s+(?:has|have|had|been|now|rose|risen|rising|climbed|climbing|jumped|reached|reaching"
    r"|hit|stood|stands|stand|was|is|were|are|further|increased|to|at|of|from|another|a|total"
    r"|of|some|reportedly|from\s+(?:\d[\d,.]*|dozens|scores|hundreds|thousands)))*\s+$",
    re.IGNORECASE,
)
# A word of the counted noun phrase; a dotted abbreviation ("U.S.", "U.N.") is one word, a
# modifier of the head after it ("5,900 U.S. troops" counts troops, not "U").
_RUN_WORD = r"(?:(?:[A-Za-z]\.){2,}(?=\s)|[A-Za-z][A-Za-z'’-]*)"
_NOUN_RUN = re.compile(
    r"(?:\s+of(?:\s+the)?)?((?:\s+(?!(?:" + _STOP + r")\b)" + _RUN_WORD + r"){1,3})",
    re.IGNORECASE,
)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)
_WORD = re.compile(_RUN_WORD)
_PREV_WORD = re.compile(r"([A-Za-z][\w.]*)\s+$")
_BARE_NEXT = re.compile(
    r"\s*(?:$|[,.;:!?)]|\s(?:in|at|on|from|across|and|or|near|inside|outside)\b)"
)
_HALF_OK = re.compile(r"\s+(?:of|the|its|their|his|her|all|our)\b", re.IGNORECASE)
_CLOCK_ZONE = re.compile(
    r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|hrs\b|hours\b|h\b|local time)"
)


def _is_clock_time(text: str, end: int, value: float) -> bool:
    """A four-digit 24-hour clock time followed by a zone or "hours" ("2100 GMT", "0600 hrs")."""
    return value <= 2400 and value % 100 < 60 and _CLOCK_ZONE.match(text, end) is not None


_CLOCK = re.compile(r"(?:[.:]\s?\d\d)?\s*(?:[ap]\.\s?m\b\.?|[ap]m\b|o'clock\b)", re.IGNORECASE)
"""A time of day after an hour number: "3 p.m.", "4. 30am" (tokenised copy), "7 o'clock"."""

_ONE_PRONOUN = re.compile(
    r"\s+(?:is|was|has|had|will|would|can|could|must|should|may|might)\b", re.IGNORECASE
)
_PHONE_WORDS = frozenset("call calls called calling dial dialed dialled phoned".split())
_PHONE_NEXT = re.compile(
    r"\s+(?:call|calls|caller|callers|dispatcher|dispatchers|operator|line"
    r"|hotline|emergency)\b",
    re.IGNORECASE,
)
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|its|their|his|her|our|those|these)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:\d[\d,]*|(?i:" + "|".join(sorted([*UNITS, *TENS], key=len, reverse=True)) + r"))"
    r"(?:\s+|-)([a-z][\w'’-]*)"
)
"""A part of a counted whole: "Fourteen of the train's 38 *wagons*" counts wagons."""
_BARE_WORD_END = re.compile(r"\s*(?:[,.;:!?)\"”]|$|\s(?:and|or|to|in|were|was|are|is|had|have)\b)")
_COMPOUND_NEXT = re.compile(r"(?:-|\s-\s)([A-Za-z]+)")
_COMPOUND_PREV = re.compile(r"[A-Za-z]\s-\s$")
_MEASURE_WORDS = frozenset(
    "square cubic foot feet inch inches mile miles kilometer kilometre kilometers kilometres meter "
    "metre meters metres yard yards caliber calibre gauge pound pounds ton tons tonne tonnes acre "
    "acres hectare hectares storey story gallon gallons liter litre degree degrees point percent "
    "magnitude strength".split()
)
_MAGNITUDE_AFTER = re.compile(
    r"(?:\s*-\s*|\s+)(?:magnitude|degree|strength)\b|\s+on\s+the\s+Richter\b", re.IGNORECASE
)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s*-\s*|\s+)(?:of\s+)?$", re.IGNORECASE)
_QUAKE_AFTER = re.compile(r"\s+(?:earthquake|quake|temblor|tremor)s?\b", re.IGNORECASE)
_PHONE_TAIL = re.compile(r"(?<![\d,.])\d{3}\s?[-–]\s?$")
_MODEL_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}\s[-–]\s$")
_BLOCK_OF = re.compile(r"\s+block\s+of\b", re.IGNORECASE)
_HALF_TIME = re.compile(r"\s+an?\s+(hour|day|year|month|week|century|decade)\b", re.IGNORECASE)
_HALF_BLOCK = frozenset({"first", "second", "other", "a", "one", "and", "latter", "back"})

_NAME_PREFIXES = frozenset(
    "route highway interstate boeing airbus flight article resolution section chapter apollo "
    "windows iphone galaxy model page no no. number room gate terminal platform level phase "
    "building block unit sector bus line channel road street avenue track version v fig figure "
    "table vol volume episode season grade class category type mark mk series covid sars "
    "mh su mig f pixel xbox playstation ps".split()
)
_NOT_NAMES = frozenset(
    "in on at by since until from the about some over nearly around of and or but to for with "
    "after before during between than up as a an when if while all almost just under more "
    "less only killing killed injuring arrested wounded".split()
)
_MONTH_DAY_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday "
    "saturday sunday".split()
)
_VERBISH = frozenset(
    "fled left took made went came gave got met held began saw ran won lost fell rose sank "
    "grew flew drew fought brought bought caught sought sold told stood sat hit cut put set shot "
    "struck spent sent built kept felt dealt meant paid laid said spoke broke chose drove rode "
    "wrote hid ate remain stay live die say return arrive attend face need want vote work "
    "hold get go come take make become became run".split()
)
_ED_NOUNS = frozenset({"hundred", "red", "bed", "shed", "seed", "need", "speed", "breed"})
_ING_NOUNS = frozenset(
    {
        "building",
        "housing",
        "bombing",
        "shelling",
        "meeting",
        "being",
        "wing",
        "king",
        "ring",
        "thing",
        "string",
        "spring",
        "hearing",
        "sibling",
        "offering",
        "killing",
        "shooting",
        "uprising",
        "clothing",
        "funding",
        "spending",
        "earning",
        "saving",
        "crossing",
        "landing",
    }
)
_BACK_REFERENCE = frozenset(
    {
        "the",
        "these",
        "those",
        "both",
        "all",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "whose",
    }
)
"""Words before a small count that make it name a set the story already introduced ("the two
leaders", "their three children"): the reader learns no quantity from it."""
_ONE_IDIOM_NOUNS = frozenset(
    {
        "day",
        "time",
        "way",
        "thing",
        "side",
        "hand",
        "point",
        "another",
        "other",
        "more",
        "last",
        "moment",
        "night",
        "morning",
    }
)


@dataclass(slots=True)
class _Counted:
    label: str | None
    end: int  # end of the counted phrase when it lies right of the number, else -1
    event: bool


def _kind_of_prev(text: str, start: int) -> tuple[str | None, int]:
    """The word before ``start`` and its offset (-1 when there is none).

    Same result as ``_PREV_WORD.search(text, start - 30, start)`` (the word is the run of
    ``[\\w.]`` before the trailing spaces, from its first ASCII letter), walked by hand because
    a regex search tries every one of the 30 window positions.
    """
    lo = max(0, start - 30)
    k = start
    while k > lo and text[k - 1].isspace():
        k -= 1
    if k == start or k == lo:
        return None, -1
    j = k
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "._"):
        j -= 1
    p = j
    while p < k and not ("a" <= text[p] <= "z" or "A" <= text[p] <= "Z"):
        p += 1
    if p == k:
        return None, -1
    return text[p:k], p


def _qualifier(text: str, start: int) -> tuple[str | None, int]:
    """Canonical qualifier ending right before ``start`` ("over" -> "more than") and its start."""
    if (
        start == 0
        or not text[start - 1].isspace()
        or not text[max(0, start - 16) : start].rstrip().casefold().endswith(_QUAL_ENDS)
    ):
        return None, start  # cheap necessary test: the word before must end a qualifier
    m = _QUAL_RE.search(text, max(0, start - 24), start)
    if not m:
        return None, start
    q = " ".join(m.group("q").lower().split())
    return _QUALIFIERS[q], m.start()


class _EventIndex:
    """Where event-word stems ("kill", "wound", "toll"...) occur in one paragraph.

    ``_RIGHT_EVENT`` and ``_LEFT_EVENT`` are the costliest helper regexes (big case-insensitive
    alternations tried word by word), and most figures have no event word near them.  Both
    regexes can only match when one of these stems lies in the text they read, so looking the
    stems up first (a few ``str.find`` calls per paragraph) skips them without changing a result.
    """

    __slots__ = ("positions",)

    def __init__(self, text: str) -> None:
        low = text.casefold()
        if len(low) != len(text):  # offsets would not line up: never skip
            self.positions: list[int] | None = None
            return
        found: list[int] = []
        for stem in _EVENT_STEMS:
            i = low.find(stem)
            while i >= 0:
                found.append(i)
                i = low.find(stem, i + 1)
        found.sort()
        self.positions = found

    def any_after(self, pos: int) -> bool:
        """Whether a stem starts at or after ``pos`` (an event word to the right is possible)."""
        ps = self.positions
        return ps is None or (bool(ps) and ps[-1] >= pos)

    def any_between(self, lo: int, hi: int) -> bool:
        """Whether a stem starts in ``[lo, hi)``."""
        ps = self.positions
        if ps is None:
            return True
        i = bisect_left(ps, lo)
        return i < len(ps) and ps[i] < hi


_EVENT_STEMS = (
    "kill",
    "dead",
    "died",
    "death",
    "fatalit",
    "injur",
    "wound",
    "hurt",
    "casualt",
    "arrest",
    "detain",
    "displac",
    "missing",
    "evacuat",
    "rescu",
    "kidnap",
    "abduct",
    "lost",
    "taken",
    "fled",
    "toll",
)
"""Every word of ``_EVENT_WORDS`` and ``_LEFT_EVENT`` contains one of these (casefolded)."""


def _counted_right(
    text: str, pos: int, allow_noun: bool, events: _EventIndex | None = None
) -> _Counted:
    """What the number counts, looking right: an event verb, else the noun phrase's head."""
    m = _RIGHT_EVENT.match(text, pos) if events is None or events.any_after(pos) else None
    if m:
        label = event_label(m.group("ev"))
        if label:
            return _Counted(label, m.end(), True)
    if not allow_noun:
        return _Counted(None, -1, False)
    m = _NOUN_RUN.match(text, pos)
    if not m:
        return _Counted(None, -1, False)
    words: list[str] = []
    end = pos
    for w in _WORD.finditer(m.group(1)):
        token = w.group(0)
        low = token.lower()
        if (
            low in _VERBISH
            or low.endswith("ly")
            or (low.endswith("ed") and low not in _ED_NOUNS)
            or (low.endswith("ing") and low not in _ING_NOUNS)
        ):
            break
        words.append(token)
        end = m.start(1) + w.end()
    if not words:
        return _Counted(None, -1, False)
    return _Counted(noun_label(words), end, False)


def _counted_left(text: str, start: int, events: _EventIndex | None = None) -> str | None:
    """Event label from a verb or toll phrase ending right before the figure ("killing 12")."""
    lo = max(0, start - 60)
    if events is not None and not events.any_between(lo, start):
        return None
    m = _LEFT_EVENT.search(text, lo, start)
    return event_label(m.group("ev")) if m else None


def _date_parts(s: str) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) of a date or date range, encoded as [YYYY]MMDD so dates compare.

    Without a year the value is MMDD (1208 for December 8); grouping compares such values with
    year-bearing ones modulo 10000.  A month alone ("December 2024") spans days 1..31.
    """
    months = [_MONTH_NUM[m.group(0)[:3].lower()] for m in _MONTH_FIND.finditer(s)]
    numbers = [int(n) for n in _DAY_YEAR_FIND.findall(s)]
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if n <= 31]
    if not months:
        return None, None, None
    base = years[-1] * 10000 if years else 0
    if not days:
        return None, float(base + months[0] * 100 + 1), float(base + months[-1] * 100 + 31)
    if len(months) == 1:
        months = months * len(days)
    elif len(days) == 1:
        days = days * len(months)
    points = [base + mo * 100 + d for mo, d in zip(months, days)]
    lo, hi = points[0], points[-1]
    if hi < lo and len(years) < 2:  # "December 28 to January 3"
        hi += 10000 if base else 0
    value = float(lo) if lo == hi else None
    return value, float(min(lo, hi)), float(max(lo, hi))


def _apply_qualifier(
    kind: str, qualifier: str | None, low: float | None, high: float | None, value: float | None
) -> tuple[float | None, float | None]:
    """Widen a range by what the qualifier allows.

    "more than"/"at least" open the top, "up to"/"less than" open the bottom.  "about" allows
    +-10 % (at least +-1 for small counts); "nearly" allows 10 % below and nothing above.
    Dates and years are not widened: "around 2020" is not a numeric tolerance question.
    """
    if qualifier is None or low is None or high is None:
        return low, high
    if qualifier in ("more than", "at least"):
        return low, None
    if qualifier in ("up to", "less than"):
        return None, high
    if kind in ("date", "year", "ordinal"):
        return low, high
    ref = value if value is not None else high
    if qualifier == "about":
        tol = max(abs(ref) * 0.10, 1.0 if kind in ("count", "percent") else 0.0)
        return low - tol, high + tol
    if qualifier == "nearly":
        return low - abs(ref) * 0.10, high
    return low, high


def _figures_in(text: str, article: int, paragraph: int, starts: SentenceStarts) -> list[Figure]:
    """All figures in one paragraph, in reading order."""
    out: list[Figure] = []
    skip_until = 0
    last_count: Figure | None = None
    times = find_times(text, article, paragraph) if _may_have_time(text) else []
    matches = _master_matches(text)
    if not matches:
        return times  # no number: the event index below would go unread
    events = _EventIndex(text)
    t = 0
    for m in matches:
        while t < len(times) and times[t].end <= m.start():
            out.append(times[t])
            t += 1
        if t < len(times) and times[t].start < m.end():
            continue  # a number inside a time of day ("3 p.m.")
        if m.start() < skip_until:
            continue
        if m.group("date"):
            fig: Figure | None = _date_figure(text, m, article, paragraph)
        else:
            m = _change_target(text, m) or m
            fig = _quant_figure(text, m, article, paragraph, last_count, starts, events)
        if fig is None:
            continue
        skip_until = fig.end
        out.append(fig)
        if fig.kind == "count" and fig.counted:
            last_count = fig
    out.extend(times[t:])
    return out


_AMPM = re.compile(r"\d\s?[.]?\s?[ap]\.?\s?m\b", re.IGNORECASE)
_TIME_WORDS = (":", "noon", "midnight", "midday", "GMT", "UTC", "BST", "hrs", "hours", "local time")


def _may_have_time(text: str) -> bool:
    """A cheap test before ``find_times``: most paragraphs name no time of day."""
    return any(w in text for w in _TIME_WORDS) or _AMPM.search(text) is not None


def _change_target(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """For "rose from 12 to 14", the candidate for the new value alone (14), else None.

    "from X to Y" after a verb of change reports a change, not a range: the current figure is Y,
    and X is an earlier state that would otherwise widen the range (12..14) and hide a conflict
    with another outlet's "13".  X is dropped rather than reported so it cannot conflict with
    the current figure of another outlet.
    """
    pre = m.group("pre")
    if (
        pre is None
        or pre.lower() != "from"
        or m.group("sep") is None
        or m.group("sep").strip().lower() != "to"
    ):
        return None
    prev, _ = _kind_of_prev(text, m.start())
    if prev is None or prev.lower() not in _CHANGE_VERBS:
        return None
    second = min(m.start(g) for g in ("cur2", "d2", "v2", "w2") if m.group(g) is not None)
    return _MASTER.match(text, second)


_CHANGE_VERBS = frozenset(
    "rose rise rises rising risen climbed climb climbs climbing jumped jump jumps jumping "
    "increased increase increases increasing grew grow grows growing grown fell fall falls "
    "falling fallen dropped drop drops dropping declined decline declines declining decreased "
    "decrease decreases decreasing slipped slid soared surged plunged plummeted tumbled edged "
    "doubled tripled halved raised lowered revised upgraded downgraded changed went moved "
    "shrank shrunk expanded swelled ballooned spiked leapt leaped up down".split()
)


def _date_figure(text: str, m: re.Match[str], article: int, paragraph: int) -> Figure:
    start, end = m.span()
    j = _DATE_JOIN.match(text, end)
    if j:
        m2 = _DATE_ONLY.match(text, j.end())
        if m2:
            end = m2.end()
    prev = text[max(0, start - 9) : start].lower()
    if prev.endswith(("from ", "between ")) and end > m.end():
        start -= 5 if prev.endswith("from ") else 8
    value, low, high = _date_parts(text[start:end])
    return Figure(
        article,
        paragraph,
        start,
        end,
        text[start:end],
        value,
        low,
        high,
        None,
        "date",
        "date",
        None,
    )


def _number(
    g: dict[str, str | None], i: int
) -> tuple[float | None, float | None, float | None, float]:
    """(value, low, high, rounding tolerance) of number ``i`` of the match, before any scale."""
    d = g[f"d{i}"]
    if d is not None:
        v = parse_digits(d)
        return v, v, v, 0.0
    v_txt = g[f"v{i}"]
    if v_txt is not None:
        r = vague_range(v_txt)
        if r is None:
            return None, None, None, 0.0
        return r[2], r[0], r[1], 0.0
    w = g[f"w{i}"]
    if w is not None:
        v = parse_word_number(w)
        return v, v, v, 0.0
    return None, None, None, 0.0


def _scale(g: dict[str, str | None], i: int, has_cur: bool) -> tuple[float, bool]:
    """Multiplier from an attached ("3.5bn") or spaced ("1.2 million") magnitude word.

    Returns (scale, ok); ok is False for an attached letter that makes no sense as a magnitude
    here (a bare "12b" is a flat number, not 12 billion).
    """
    s = g[f"s{i}"]
    if s is not None:
        return SCALES[s.lower()], True
    a = g[f"a{i}"]
    if a in ("bn", "mn", "tn", "k"):
        return SCALES[a], True
    if a in ("m", "b"):
        return (SCALES[a], True) if has_cur else (1.0, a == "m")
    return 1.0, True


def _quant_figure(
    text: str,
    m: re.Match[str],
    article: int,
    paragraph: int,
    last_count: Figure | None,
    starts: SentenceStarts,
    events: _EventIndex | None = None,
) -> Figure | None:
    """Build the Figure for a non-date candidate, or None when it is noise."""
    g = m.groupdict()  # one call instead of ~25 ``m.group`` calls
    has_range = g["sep"] is not None
    n1_start = (
        m.start("cur")
        if g["cur"]
        else m.start("d1")
        if g["d1"]
        else m.start("v1")
        if g["v1"]
        else m.start("w1")
        if g["w1"]
        else m.start("half")
    )
    start = m.start() if has_range and g["pre"] else n1_start
    end = m.end()

    if g["half"]:
        return _half_figure(text, m, article, paragraph)

    cur_sym = (g["cur"] or g["cur2"] or "").strip().lower()
    currency = CURRENCY_SYMBOLS.get(cur_sym) if cur_sym else None
    suffix = _suffix(text, end)
    suffix_at = end
    if suffix and suffix.group("curw"):
        word = " ".join(suffix.group("curw").lower().split())
        word = word[3:] if word.startswith("us ") else word
        currency = (
            currency or CURRENCY_WORDS.get(singular(word.split()[0])) or CURRENCY_WORDS.get(word)
        )
    if suffix and suffix.group("curc"):
        currency = currency or CURRENCY_SYMBOLS.get(suffix.group("curc").lower())

    v1, lo1, hi1, _ = _number(g, 1)
    if v1 is None and lo1 is None:
        return None
    sc1, ok1 = _scale(g, 1, currency is not None)
    if not ok1:
        return None
    a1 = g["a1"]
    if has_range:
        v2, lo2, hi2, _ = _number(g, 2)
        sc2, ok2 = _scale(g, 2, currency is not None)
        if v2 is None and lo2 is None or not ok2:
            has_range = False
            end = m.start("sep")
        elif sc1 == 1.0 and sc2 != 1.0 and not g["s1"] and not a1:
            sc1 = sc2  # "$10-15 million": the magnitude applies to both ends
    if not has_range:
        end = (
            m.end("s1")
            if g["s1"]
            else m.end("a1")
            if a1
            else (m.end("d1") if g["d1"] else m.end("v1") if g["v1"] else m.end("w1"))
        )
        if g["pre"]:
            start = n1_start
        if end != suffix_at:
            suffix = _suffix(text, end)
        if suffix and suffix.group("curw"):
            word = " ".join(suffix.group("curw").lower().split())
            word = word[3:] if word.startswith("us ") else word
            currency = currency or CURRENCY_WORDS.get(singular(word.split()[0]))
        elif suffix and suffix.group("curc"):
            currency = currency or CURRENCY_SYMBOLS.get(suffix.group("curc").lower())
        elif not g["cur"]:
            currency = None

    if not has_range and (v1 is not None and v1 <= 24) and _CLOCK.match(text, end):
        return None  # "3:30 a.m.", "around 9 p.m.": a time of day, not a quantity
    digits = g["d1"]
    plain_int = (
        digits is not None
        and not a1
        and not g["s1"]
        and "," not in digits
        and "." not in digits
        and not currency
    )
    is_vague = g["v1"] is not None
    word_txt = (g["w1"] or "").lower()

    if not has_range:
        h = _and_half(text, end)
        if h and (digits or word_txt) and not g["s1"] and not a1:
            v1 = (v1 or 0) + 0.5
            lo1 = hi1 = v1
            end = h.end()
            suffix = _suffix(text, end)

    tol = rounding_tolerance(digits, sc1) if digits and sc1 > 1 else 0.0
    value = v1 * sc1 if v1 is not None else None
    low = lo1 * sc1 - tol if lo1 is not None else None
    high = hi1 * sc1 + tol if hi1 is not None else None
    if has_range:
        lo2v = lo2 * sc2 if lo2 is not None else None
        hi2v = hi2 * sc2 if hi2 is not None else None
        if low is None or hi2v is None or lo2v is None:
            return None
        low, high, value = min(low, lo2v), max(high or low, hi2v), None
        d2 = g["d2"]
        if (
            plain_int
            and d2
            and len(digits or "") == 4
            and len(d2) == 4
            and 1800 <= low
            and high <= 2100
            and not suffix_is_unit(suffix)
        ):
            return Figure(
                article,
                paragraph,
                start,
                end,
                text[start:end],
                None,
                low,
                high,
                None,
                "year",
                "year",
                "year",
            )  # "2014-2024"

    # ---- kind and unit from the suffix
    kind: FigureKind = "count"
    unit: str | None = None
    counted: str | None = None
    if suffix is not None and (suffix.group("curw") or suffix.group("curc")) and currency:
        end = suffix.end()
    if a1 in ("st", "nd", "rd", "th"):
        kind = "ordinal"  # "the 14th month": a position, whatever unit follows
    elif currency:
        kind, unit, counted = "amount", currency, currency
        if g["cur"] is None and not (suffix and (suffix.group("curw") or suffix.group("curc"))):
            kind, unit, counted = "count", None, None
    elif a1 in ("m", "km") or (suffix is not None and suffix.group("mu")):
        written = suffix.group("mu") if suffix is not None else None
        mu = a1 if a1 in ("m", "km") else " ".join((written or "").lower().split())
        unit = MEASURE_UNITS.get(mu) or MEASURE_UNITS.get(singular(mu)) or mu
        kind, counted = "other", unit
        if suffix is not None and suffix.group("mu"):
            end = suffix.end()
    elif suffix is not None and suffix.group("pct"):
        kind, unit, counted = "percent", "percent", "percent"
        end = suffix.end()
    elif suffix is not None and suffix.group("pp"):
        kind, unit, counted = "percent", "percentage point", "percentage point"
        end = suffix.end()
    elif suffix is not None and suffix.group("du"):
        unit = singular(suffix.group("du"))
        unit = "century" if unit.startswith("centur") else unit
        end = suffix.end()
        if suffix.group("old"):
            kind, counted = "other", "age"
        else:
            kind = "duration"
            if word_txt == "one" and unit == "day" and not has_range:
                q, _ = _qualifier(text, start)
                if q is None:
                    return None  # "one day" idiom
    elif a1 == "s":
        if digits and len(digits) == 4 and digits.endswith("0"):
            y = float(digits)
            return Figure(
                article,
                paragraph,
                start,
                end,
                text[start:end],
                None,
                y,
                y + 9,
                None,
                "year",
                "year",
                "year",
            )
        return None

    # ---- noise: names, idioms
    if _MODEL_NAME.search(text, max(0, start - 8), start) or _PHONE_TAIL.search(
        text, max(0, start - 8), start
    ):
        return None  # "AK - 47" as tokenised copy writes "AK-47"; the "4811" of "745 - 4811"
    if (
        has_range
        and g["d1"]
        and g["d2"]
        and len(g["d1"]) == 3
        and len(g["d2"]) in (3, 4)
        and g["sep"].strip() in ("-", "–")
        and not g["pre"]
        and not suffix_is_unit(suffix)
        and not currency
    ):
        return None  # "907 - 745", "745 - 4811": a phone number, not a range
    prev, prev_start = _kind_of_prev(text, start)
    sentence_start = prev is None or starts.opens_sentence(prev_start)
    prev_low = prev.lower() if prev else None
    if (
        plain_int
        and kind == "count"
        and not has_range
        and 0 < (value or 0) < 120
        and (prev_low in ("aged", "age") or _is_appositive_age(text, start, end))
    ):
        return Figure(
            article,
            paragraph,
            start,
            end,
            text[start:end],
            value,
            value,
            value,
            None,
            "age",
            "other",
            "year",
        )
    if plain_int and kind in ("count", "ordinal") and not has_range and prev:
        if prev_low in _NAME_PREFIXES:
            return None
        if (
            prev[0].isupper()
            and not sentence_start
            and prev_low not in _NOT_NAMES
            and prev_low not in _MONTH_DAY_WORDS
        ):
            return None

    # ---- qualifier
    qualifier = None
    if not (has_range and g["pre"]):
        qualifier, qstart = _qualifier(text, start)
        start = qstart

    # ---- a quake's magnitude is a measure, not a count ("a 6.1-magnitude quake", "magnitude
    # 5.9", "6.7 degree", "6.0 on the Richter scale", "a 5.9 earthquake")
    if (
        kind == "count"
        and not has_range
        and not is_vague
        and value is not None
        and value < 10
        and (
            _MAGNITUDE_AFTER.match(text, end)
            or _MAGNITUDE_BEFORE.search(text, max(0, start - 16), start)
            or (value != int(value) and _QUAKE_AFTER.match(text, end))
        )
    ):
        kind, unit, counted = "other", "magnitude", "magnitude"

    # ---- a number that names a set already mentioned ("the two leaders", "both sides")
    if (
        kind == "count"
        and qualifier is None
        and not has_range
        and not is_vague
        and prev_low in _BACK_REFERENCE
        and (value or 0) < 100
    ):
        return None
    # ---- a number inside a compound modifier ("a four - by - four car", "a five-boat attack")
    # is an attribute of the thing, unless it is a measure ("a 1,500-square-kilometre island")
    if kind == "count" and not has_range:
        compound = _COMPOUND_NEXT.match(text, end)
        if (
            compound
            and compound.group(1).lower() not in _MEASURE_WORDS
            or _COMPOUND_PREV.search(text, max(0, start - 4), start)
        ):
            return None

    # ---- what is counted
    c_end = -1
    if kind == "count":
        c = _counted_right(text, end, allow_noun=True, events=events)
        counted, c_end = c.label, c.end
        if not c.event:
            part = _PARTITIVE.match(text, end)
            if part:
                counted = noun_label([part.group(1)])  # "Fourteen of the train's 38 wagons"
            left = _counted_left(text, start, events)
            if left:
                counted = left  # "killing 12 Palestinians": the event wins over the noun
        if word_txt == "one" and not has_range:
            if (
                counted is None
                or _OF.match(text, end)
                or counted in _ONE_IDIOM_NOUNS
                or (prev_low in ("no", "any", "every", "the", "this", "that", "which", "each"))
            ):
                return None
            if _ONE_PRONOUN.match(text, end):
                return None  # "one is killed", "one was": a pronoun
            if (
                qualifier is None
                and not c.event
                and counted not in EVENT_VALUES
                and not (last_count is not None and starts.same_sentence(last_count.end, start))
            ):
                return None  # "one official said", "one report": an indefinite article
        if plain_int and len(digits or "") == 4 and _is_clock_time(text, end, value or 0):
            return None  # "2100 GMT" is a time of day, neither a year nor a count
        if plain_int and _BLOCK_OF.match(text, end):
            return None  # "the 12000 block of Elm Street" is an address
        if (
            plain_int
            and len(digits or "") == 3
            and (_PHONE_NEXT.match(text, end) or prev_low in _PHONE_WORDS)
        ):
            return None  # "called 911", "a 911 call": a phone number
        if plain_int and 1800 <= (value or 0) <= 2100 and len(digits or "") == 4:
            plural = c.label is not None and (c.event or _is_plural(text, end))
            if not plural:
                kind, unit, counted, c_end = "year", "year", "year", -1
        if (
            counted is None
            and last_count is not None
            and not is_vague
            and _BARE_NEXT.match(text, end)
            and _listed_together(text, starts, last_count.end, start)
        ):
            counted = last_count.counted  # "3 killed in Aleppo and 10 in Idlib"
        if (
            counted is None
            and word_txt
            and qualifier is None
            and not has_range
            and not g["s1"]
            and _BARE_WORD_END.match(text, end)
        ):
            return None  # "two of the ..." / "the other two": a bare word number counts nothing
    elif kind == "duration":
        c = _counted_right(text, end, allow_noun=True, events=events)
        counted = c.label if c.label and not c.event else unit
        c_end = c.end if c.label and not c.event else -1
    if c_end > end:
        end = c_end

    if kind == "ordinal":
        counted, value, low, high = None, v1, v1, v1
        qualifier = None
    else:
        low, high = _apply_qualifier(kind, qualifier, low, high, value)
    if low is not None and high is not None and low > high:
        low, high = high, low
    if value is not None and not math.isfinite(value):
        return None
    return Figure(
        article,
        paragraph,
        start,
        end,
        text[start:end],
        value,
        low,
        high,
        qualifier,
        counted,
        kind,
        unit,
    )


_APPOSITIVE_BEFORE = re.compile(r"[A-Z][\w'’.-]*,\s?$")
_APPOSITIVE_AFTER = re.compile(r"\s?(?:,|\.(?!\d)|;|\)|$|\s(?:and|of|from|who|was|is)\b)")


def _is_appositive_age(text: str, start: int, end: int) -> bool:
    """ "Katie Jenkin, 20, was found": a small number set off by commas right after a name."""
    return (
        _APPOSITIVE_BEFORE.search(text, max(0, start - 40), start) is not None
        and _APPOSITIVE_AFTER.match(text, end) is not None
    )


def suffix_is_unit(suffix: re.Match[str] | None) -> bool:
    """Whether a suffix match names a unit (percent, currency, time, measure)."""
    return suffix is not None and any(
        suffix.group(g) for g in ("pct", "pp", "curw", "curc", "du", "mu")
    )


def _is_plural(text: str, pos: int) -> bool:
    m = _WORD.search(text, pos, pos + 40)
    if not m:
        return False
    w = m.group(0).lower()
    return w == "people" or (w.endswith("s") and not w.endswith("ss"))


def _listed_together(text: str, starts: SentenceStarts, a: int, b: int) -> bool:
    """True when two figures are items of one list: one sentence, and only a short separator
    between them, no clause break ("3 killed in Aleppo, and 10 in Idlib")."""
    between = text[a:b]
    return (
        starts.same_sentence(a, b) and len(between) < 80 and not any(ch in between for ch in ";:()")
    )


def _half_figure(text: str, m: re.Match[str], article: int, paragraph: int) -> Figure | None:
    """ "half of the residents" -> 50 percent; "half an hour" -> a 0.5 hour duration."""
    start, end = m.start("half"), m.end("half")
    prev, _ = _kind_of_prev(text, start)
    if prev and prev.lower() in _HALF_BLOCK:
        return None
    t = _HALF_TIME.match(text, end)
    qualifier, qstart = _qualifier(text, start)
    if t:
        unit = t.group(1).lower()
        low, high = _apply_qualifier("duration", qualifier, 0.5, 0.5, 0.5)
        return Figure(
            article,
            paragraph,
            qstart,
            t.end(),
            text[qstart : t.end()],
            0.5,
            low,
            high,
            qualifier,
            unit,
            "duration",
            unit,
        )
    if not _HALF_OK.match(text, end):
        return None
    low, high = _apply_qualifier("percent", qualifier, 50.0, 50.0, 50.0)
    return Figure(
        article,
        paragraph,
        qstart,
        end,
        text[qstart:end],
        50.0,
        low,
        high,
        qualifier,
        "percent",
        "percent",
        "percent",
    )


_STAMP_WORDS = (
    frozenset(
        "am pm a.m. p.m. gmt utc bst cet est edt cst cdt pst pdt et local time updated posted published "
        "last modified on at by of pub date dateline".split()
    )
    | _MONTH_DAY_WORDS
)
_STAMP_TOKEN = re.compile(r"[^\W\d_][\w.’']*")
_CAPTION = re.compile(
    r"\b(?:photo(?:graph)?s?|pictured|picture|file\s+image|caption|getty\s+images|afp|reuters"
    r"|ap\s+photo|epa)\b|^\s*(?:image|file)\s*[:|-]",
    re.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    """A paragraph that is only a publication date or time stamp ("May 5, 2010", "Updated 1:41 PM").

    Its date is when the page was written, not a fact of the story, so it is not reported (two
    outlets publishing on different days do not disagree about anything).
    """
    if len(text) > 80:
        return False
    words = [
        w
        for w in _STAMP_TOKEN.findall(text)
        if w.lower().rstrip(".") not in _STAMP_WORDS and w.lower() not in _STAMP_WORDS
    ]
    return len(words) <= 1 and any(ch.isdigit() for ch in text)


def is_caption(text: str) -> bool:
    """A photo caption or credit line: the date it gives is when the picture was taken."""
    return _CAPTION.search(text) is not None


def find_figures(articles: list[Article]) -> list[Figure]:
    """Every figure in every non-boilerplate paragraph, in article and reading order.

    Datelines are skipped whole; in photo captions dates are skipped (the picture's date is not
    the event's, and a caption's other numbers repeat the story's).
    """
    # No reference cycles are made here: the cyclic collector is paused while figures are read
    # (see ``group_figures``).
    with GcPause():
        return _find_figures(articles)


def _find_figures(articles: list[Article]) -> list[Figure]:
    out: list[Figure] = []
    # A paragraph's figures depend only on its text and sentence ranges, so a text seen before
    # (a table's rows, wire copy repeated, a standfirst repeated as the lead) is read once and
    # its figures copied with their new place.  Bounded like the grouping's paragraph cache.
    seen: dict[tuple[str, tuple[tuple[int, int], ...]], list[Figure]] = {}
    for ai, art in enumerate(articles):
        for p in art.paragraphs:
            if p.boilerplate or not p.text:
                continue
            key = (p.text, tuple(p.sentences))
            known = seen.get(key)
            if known is not None:
                out.extend(replace(f, article=ai, paragraph=p.index) for f in known)
                continue
            figs = _paragraph_figures(p.text, ai, p.index, key[1])
            if len(seen) >= _SEEN_TEXTS:
                seen.clear()
            seen[key] = figs
            out.extend(figs)
    return out


_SEEN_TEXTS = 16384


def _paragraph_figures(
    text: str, article: int, paragraph: int, sentences: tuple[tuple[int, int], ...]
) -> list[Figure]:
    """The figures :func:`find_figures` reports for one paragraph (none for a dateline, no
    dates in a photo caption)."""
    if is_dateline(text):
        return []
    figs = _figures_in(text, article, paragraph, SentenceStarts(text, sentences))
    if any(f.kind in ("date", "year") for f in figs) and is_caption(text):
        figs = [f for f in figs if f.kind not in ("date", "year")]
    return figs


def duration_days(unit: str | None) -> float:
    """Days per ``unit`` for durations (1.0 when unknown), used to compare "48 hours" with "2 days"."""
    return TIME_UNITS.get(unit or "", 1.0)
