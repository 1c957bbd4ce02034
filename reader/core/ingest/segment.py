"""Paragraph blocks, sentence boundaries and page-furniture detection.

Everything here works on already-sanitised text (see :mod:`reader.core.ingest.sanitize`) and is
regex-based so that multi-megabyte inputs segment in a fraction of a second.  The rules are
general (abbreviation lists, capitalisation, punctuation), never tuned to one outlet's wording.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from reader.core.lazy import LazyPattern
from reader.core.vocabulary.stopwords import MONTHS, WEEKDAYS

__all__ = [
    "split_blocks",
    "collapse_whitespace",
    "split_sentences",
    "SentenceStarts",
    "is_boilerplate",
]

# ---------------------------------------------------------------------------------------------
# Paragraph blocks
# ---------------------------------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def split_blocks(text: str) -> list[list[str]]:
    """Split plain text into blocks of stripped, non-empty lines.

    Blocks are separated by blank (or whitespace-only) lines.  A text with no blank line at all
    gets one block per non-empty line: such files are usually "one paragraph per line" exports,
    and treating them as a single giant paragraph would make them unreadable and unmatchable.
    Callers keep the line structure because the title rule needs to know whether the first
    block was a single line.
    """
    lines_of = [[ln.strip() for ln in chunk.split("\n")] for chunk in _BLANK_LINE.split(text)]
    blocks = [[ln for ln in lines if ln] for lines in lines_of]
    blocks = [b for b in blocks if b]
    if len(blocks) == 1 and len(blocks[0]) > 1 and not _BLANK_LINE.search(text):
        return [[ln] for ln in blocks[0]]
    return blocks


def collapse_whitespace(text: str) -> str:
    """Join hard-wrapped lines and squeeze whitespace runs to one space, stripping the ends.

    One space between words keeps offsets trivial for every later stage (term spans, figures,
    highlights) and makes reflowed copies of the same wire story compare equal.
    """
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Sentences
# ---------------------------------------------------------------------------------------------

# A sentence-ending run of punctuation, any closing quotes/brackets, then whitespace.  CJK full
# stops end a sentence without needing a following space.
# (It starts with one character class so the regex engine can scan for it quickly.)
_END = LazyPattern(
    "[.!?\u2026\u3002\uff01\uff1f]"
    "(?:(?<=[.!?\u2026])[.!?\u2026]*[\"'\u201d\u2019\u00bb)\\]]*(?=\\s)"
    "|(?<=[\u3002\uff01\uff1f])[\u3002\uff01\uff1f]*[\u300d\u300f\u201d\u2019\uff09)]*)"
)
_UP_TO_LAST_SPACE = re.compile(r".*[\s\"'\u201c\u2018\u00ab(\[]", re.DOTALL)
_NEXT = re.compile(r"\s*(\S)")
_WORD_AFTER = re.compile(r"[^\W\d_]*")

# Abbreviations after which a full stop (almost) never ends a sentence.
_ABBREV = frozenset(
    """mr mrs ms mx dr prof st mt ft gen col lt sgt capt cpl cmdr adm maj brig rev hon pres
    sen rep gov supt insp det fr messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues thu thur thurs
    vs v approx dept fig figs vol vols pp para eds al cf ca viz e.g i.e a.k.a""".split()
)
# Abbreviations that also often end a sentence, and dotted initialisms ("U.S", "J.R.R"): the
# stop ends the sentence only before a typical sentence opener ("...in the U.S. The ...").
_AMBIGUOUS = frozenset("inc ltd co corp llc plc bros etc jr sr u.s u.k u.n e.u a.m p.m d.c".split())
_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here
    but and so yet or then however meanwhile in on at for after before when while if as
    mr mrs ms dr""".split()
)
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


def _ends_sentence(text: str, start: int, nxt: str, next_word: str) -> bool:
    """Decide whether the terminator ``text[start:end]`` really closes a sentence."""
    if nxt.islower():  # "e.g. the", "... and then", "Inc. said"
        return False
    if text[start] != "." or text.startswith("...", start):
        return True
    lo = max(0, start - 40)
    cut = _UP_TO_LAST_SPACE.match(text, lo, start)
    word = text[cut.end() if cut else lo : start]
    low = word.lower()
    if not word:
        return True
    if low == "no" or low == "nos":  # "No. 10" is an abbreviation, "said no. Then" is not
        return not nxt.isdigit()
    if low in _ABBREV:
        return False
    if low in _AMBIGUOUS or _INITIALS.fullmatch(word):
        return next_word.lower() in _OPENERS
    if len(word) == 1 and word.isupper():  # an initial ("J. Smith"), unless "Plan B. The ..."
        return next_word.lower() in _OPENERS
    if word.isdigit() and start - len(word) == 0:  # "1. First item" list numbering
        return False
    return True


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Return ``(start, end)`` offsets of the sentences of ``text``.

    Ranges are increasing, non-overlapping, stripped of surrounding whitespace and together
    cover every non-whitespace character.  Handles abbreviations (Mr., Dr., Jan., No. 5),
    initials (J. R. R. Tolkien), initialisms (U.S.), decimals (1.2, no space so never a
    boundary), closing quotes after the stop ("... said." She) and ellipses.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    for m in _END.finditer(text):
        if m.start() < pos:
            continue
        nm = _NEXT.match(text, m.end())
        if nm is None:
            break  # nothing but whitespace follows: the final sentence ends at the text's end
        nxt = nm.group(1)
        word = _WORD_AFTER.match(text, nm.start(1))
        next_word = word.group() if word else ""
        if not _ends_sentence(text, m.start(), nxt, next_word):
            continue
        out.append((pos, m.end()))
        pos = nm.start(1)
    end = n
    while end > pos and text[end - 1].isspace():
        end -= 1
    if end > pos:
        if not out:
            return _one_sentence(pos, end)
        out.append((pos, end))
    return tuple(out)


@lru_cache(maxsize=4096)
def _one_sentence(start: int, end: int) -> tuple[tuple[int, int], ...]:
    """``((start, end),)``, one shared tuple per range.  Most paragraphs are one sentence (every
    row of a table, most headlines and captions), and every paragraph keeps its ranges: a new
    pair of tuples each cost about 100 bytes a paragraph, twice a table row's own text."""
    return ((start, end),)


# ---------------------------------------------------------------------------------------------
# Boilerplate
# ---------------------------------------------------------------------------------------------

_SHORT_WORDS = 25  # furniture is short; a real paragraph that says "read more" is not furniture
_SHORT_CHARS = 2000  # ... in characters too: a megabyte without spaces is one "word" but no byline

_FURNITURE = LazyPattern(
    r"""^[\W_]*(?:
        source\s*(?:link|:)
      | share(?:\s+(?:this|on|via|the\s+(?:story|article)|article|story)\b|\s*(?::|$))
      | tweet(?:\s+this)?\s*$ | e-?mail\s+(?:this|article|story) | print\s+(?:this|article|story)
      | read\s+(?:more|next|also|the\s+full|the\s+original|this\s+next)\b | see\s+also\b
      | related(?:\s+(?:articles?|stories|coverage|content|news|links?|topics?|reading))?\s*(?::|$)
      | (?:recommended|sponsored|promoted)(?:\s+(?:for\s+you|content|stories|articles|links?|reading|videos?))?\s*(?::|$)
      | (?:more\s+on\s+this(?:\s+story)?|most\s+(?:read|popular|viewed|shared))\s*(?::|$)
      | (?:story\s+continues\s+below\s+)?advert(?:isement)?\s*(?:[-\u2013\u2014:|].*)?$
      | click\s+here | tap\s+here | listen\s+to\s+(?:this|the)\s+(?:article|story)
      | sign\s+(?:up|in)\b | log\s+in\b | subscribe\b | (?:get|join)\s+our\b | newsletters?\b
      | follow\s+(?:us\b|@|\w+\s+on\s+(?:twitter|x|facebook|instagram|threads|bluesky|linkedin)\b)
      | download\s+(?:the|our)\s+app | skip\s+to\b | back\s+to\s+top\b
      | leave\s+a\s+comment | view\s+comments | comments?\s*(?:\(\d+\))?\s*$ | \d+\s+comments?\s*$
      | (?:we\s+use|this\s+(?:site|website)\s+uses|accept(?:\s+all)?)\s+cookies | cookie\s+(?:policy|settings)
      | (?:(?:photo|photograph|picture|image|illustration|video|graphic|caption|file\s+photo)s?(?:\s+credits?)?
        |credits?)\s*(?:by\b|:|/|\|)
      | (?:reporting|writing|editing|additional\s+reporting|edited|written|contributed)\s+by\b
      | (?:updated|published|posted|last\s+(?:updated|modified))(?:\s+on|\s+at)?\s*[:,]?\s*
        (?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|today|an?\s+hour|$)
      | this\s+(?:article|story|post)\s+(?:was\s+(?:originally|first|amended|updated|corrected|published|produced)
        |originally|first\s+appeared|has\s+been\s+(?:updated|amended|corrected))
      | copyright\s*(?:\u00a9|\(c\)|\d{4}) | \(c\)\s*\d{4} | \u00a9 | all\s+rights\s+reserved
      | terms\s+(?:of\s+(?:use|service)|and\s+conditions) | privacy\s+policy | contact\s+us\b
      | \d+\s+min(?:ute)?s?\s+read\b | reading\s+time\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_ANYWHERE = LazyPattern(
    r"all\s+rights\s+reserved|\u00a9|\bcopyright\s+(?:\u00a9\s*)?\d{4}|\(reporting\s+by\b|\bediting\s+by\b"
    # Blog bylines, opening the paragraph or one of its sentences: "posted in Hit and Run
    # Accidents on Friday, September 20, 2013", "Filed under Politics on 3/4/2013"; and a
    # paragraph opening "On behalf of Smith & Jones, LLP" (a firm's blog-post signature).
    r"|(?:^|[.|\u2022]\s*)(?:posted|filed)\s+(?:in|under)\s+[^.!?]{1,80}?\s+(?:on|at)\s+"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)"
    r"|^[\W_]*on\s+behalf\s+of\s+[^.!?]{1,80}?\b(?:llp|llc|l\.l\.p|pllc|p\.c|ltd|inc)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^by\s+(.+)$", re.IGNORECASE)
_BYLINE_GLUE = frozenset("and & , | in of the for de van von der da di la le bin al".split())


def _is_byline(text: str) -> bool:
    """ "By Jane Smith", "By JANE SMITH and Ali Khan, Reuters": only capitalised names follow."""
    m = _BYLINE.match(text)
    if not m:
        return False
    words = re.findall(r"[^\s,|;/]+", m.group(1))
    if not words or len(words) > 10:
        return False
    for w in words:
        core = w.strip(".'\"()-–—:")
        if not core or core.lower() in _BYLINE_GLUE:
            continue
        if not (core[0].isupper() or core[0] == "@" or core.isdigit()):
            return False
    return not text.rstrip().endswith(("?", "!"))


def is_boilerplate(text: str) -> bool:
    """True for page furniture that must never be matched: share/subscribe prompts, ads,
    image credits, bylines, reporting/editing credits, copyright lines, timestamps.

    Only short paragraphs qualify; a long paragraph mentioning "read more" is real content.
    A paragraph without a single letter or digit ("* * *", "|") is furniture too.
    """
    stripped = text.strip()
    if not any(ch.isalnum() for ch in stripped):
        return True
    words = len(stripped.split(None, _SHORT_WORDS))  # stops counting past the limit
    if words > _SHORT_WORDS or len(stripped) > _SHORT_CHARS:
        return False
    if _FURNITURE.match(stripped) or _is_byline(stripped) or _is_timestamp(stripped):
        return True
    return words <= 20 and _ANYWHERE.search(stripped) is not None


_TIMESTAMP_WORDS = (
    MONTHS
    | WEEKDAYS
    | frozenset(
        "am pm a m p noon midnight gmt utc bst cet cest edt est et cdt cst mdt mst pdt pst pt ist jst "
        "at on updated published posted last modified".split()
    )
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _is_timestamp(text: str) -> bool:
    """A dateline or timestamp on its own ("August 2, 2013", "Fri Aug 2, 2013 6:50pm EDT",
    "Updated 10:55 P.M. FEB. 2, 2009"): only dates, times and time zones, with a number.  It dates
    the page and reports nothing, so it must never match another page's timestamp."""
    tokens = _TOKEN.findall(text)
    if not any(t.isdigit() for t in tokens):
        return False
    return all(t.isdigit() or t.casefold() in _TIMESTAMP_WORDS for t in tokens)


_SENTENCE_OPENERS = frozenset(" \t\n\u00a0\"'“‘«([{—–-")
"""What may stand between a sentence's start and its first word (quotes, brackets, dashes)."""


class SentenceStarts:
    """Answers "does this word open a sentence?" from one paragraph's sentence boundaries.

    Every stage that needs to know whether a capital means a name or just a sentence start asks
    this, with the boundaries ingest computed once (``Paragraph.sentences``), so abbreviations
    ("Mr.", "U.S.") and decimals are judged by the same careful rule everywhere.
    """

    __slots__ = ("_text", "_starts")

    def __init__(self, text: str, sentences: Sequence[tuple[int, int]] | None = None) -> None:
        self._text = text
        spans = sentences or split_sentences(text)  # an article built by hand may have none
        self._starts = [start for start, _ in spans] or [0]

    @property
    def text(self) -> str:
        """The paragraph text it answers for."""
        return self._text

    def index(self, pos: int) -> int:
        """Index of the sentence that contains offset ``pos`` (0 before the first)."""
        k = bisect_right(self._starts, pos) - 1
        return k if k > 0 else 0

    def opens_sentence(self, pos: int) -> bool:
        """True when only openers (spaces, quotes, brackets, dashes) precede ``pos`` in its sentence."""
        k = bisect_right(self._starts, pos) - 1
        if k < 0:
            return True  # before the first sentence
        start = self._starts[k]
        if start == pos:
            return True
        text = self._text
        # Asked for every capitalised word: a sentence seldom opens with a quote or a dash, so
        # its first character mostly decides without reading up to ``pos``.
        if start < len(text) and text[start] not in _SENTENCE_OPENERS:
            return False
        return all(ch in _SENTENCE_OPENERS for ch in text[start:pos])

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether offsets ``a`` and ``b`` lie in one sentence."""
        return self.index(a) == self.index(b)
