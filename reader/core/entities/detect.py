"""Rule-based detection of proper-name mentions in news English.

Finds capitalised token sequences (with name particles and "of" inside organisation/place
names), then cleans each span with closed word lists: titles are cut off but remembered as a
person cue, possessives and sentence-final periods are dropped, function words and dates are
rejected, and a lone capitalised word at the start of a sentence is kept only when the same word
is also seen capitalised mid-sentence, is a known name, or is followed by another name word.

The output is a flat list of :class:`Candidate` plus acronym definitions ("Islamic State
(ISIS)"); :mod:`reader.core.entities.link` turns them into linked entities.  Everything works on
precompiled regexes and per-span Python, never per-word Python, so 2 MB of text takes a fraction
of a second.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from reader.core.entities import names as N
from reader.core.ingest.segment import SentenceStarts
from reader.core.model import Article, Paragraph, paragraph_text
from reader.core.vocabulary.folding import fold as fold_letters
from reader.core.vocabulary.stopwords import MONTHS, NON_NAME_ABBREVIATIONS, WEEKDAYS
from reader.core.vocabulary.verbs import IRREGULAR_PAST, is_past_tense

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f\u0386-\u038f\u0391-\u03ab\u0400-\u042f"
_W = r"[^\W_]"
_HP = "|".join(N.HYPHEN_PREFIXES)
# One capitalised token: optional Arabic-style lower-case prefix ("al-Assad"), inner hyphens,
# apostrophes, periods and ampersands ("Jong-un", "O'Brien", "U.S", "AT&T"), then an optional
# possessive / closing apostrophe or a final period (decided later: abbreviation or sentence end).
_TOK = rf"(?:(?:{_HP})-)?[{_UP}]{_W}*(?:[-'’.&]{_W}+)*(?:['’]|\.)?"
_CONN = r"(?:of[ \u00a0]+the|of|and|for|on|to|" + "|".join(N.NAME_PARTICLES) + r"|&)"
_LEAD = "|".join(p.replace(" ", r"[ \u00a0]+") for p in N.LEADING_PARTICLES)
# Finding spans: the pattern starts with a plain character class (a capital), so the regex
# engine scans for it at C speed; the rare cases that need the text before the match (inside a
# word, an "al-" prefix, a leading "de") are settled in Python.  A look-behind or an optional
# prefix at the start of the pattern disables that fast scan and measured twice as slow.
_FIRST_TOK = rf"[{_UP}]{_W}*(?:[-'’.&]{_W}+)*(?:['’]|\.)?"
# An elided French or Italian particle glued to the next word of a place's name ("Cap
# d'Antibes", "Côte d'Ivoire", "Palazzo dell'Orologio"); ECB+ writes a space after its apostrophe.
_ELIDED_WORD = r"(?:d|l|dell|dall|nell|sull|all)['’]"
_ELIDED = _ELIDED_WORD + r"[ \u00a0]?"
_SPAN_RE = re.compile(
    rf"{_FIRST_TOK}(?:[ \u00a0]+(?:{_CONN}[ \u00a0]+)*(?:{_ELIDED}(?=[{_UP}]))?{_TOK})*"
)
_LEAD_BEFORE_RE = re.compile(rf"(?<![\w'’-])(?:{_LEAD})[ \u00a0]+$")
_LEAD_LAST = frozenset(p.split()[-1] for p in N.LEADING_PARTICLES)
_LEAD_LAST_ENDS = frozenset(p[-1] for p in _LEAD_LAST)
_HYPHEN_PREFIX_SET = frozenset(N.HYPHEN_PREFIXES)
_PIECE_RE = re.compile(rf"{_TOK}|{_ELIDED_WORD}(?=[ \u00a0]?[{_UP}])|\S+")
_CAP_START_RE = re.compile(rf"(?:(?:{_HP})-)?[{_UP}]")
# The characters of ``[_UP]``: a piece that opens with one is capitalised without asking
# ``_CAP_START_RE`` (most pieces of a span are), which the rest ("al-Assad", "of") still ask.
_UP_CHARS = frozenset(
    chr(cp) for cp in range(0x500) if re.fullmatch(f"[{_UP}]", chr(cp)) is not None
)
_HYPHEN_SUFFIX_RE = re.compile(
    r"-(?:based|backed|led|born|era|style|owned|controlled|occupied|held|run|made|bound|linked|"
    r"affiliated|aligned|friendly|speaking|wide|related|type|like|allied|funded|sponsored|"
    r"brokered|mediated|registered|flagged|bred|educated|trained)$"
)
# A word of a line, for telling headlines from prose: an apostrophe's ending stays in its word
# ("NLM's", "Don't"), or a possessive's "s" would count as a lower-case word.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A title abbreviation glued to a capitalised name by its period ("Gov.Sarah", "Dr.Smith").
_GLUED_TITLE_RE = re.compile(r"([A-Z][a-z]{1,3})\.(?=[A-Z][a-z])")
# A word of 3+ letters glued by an apostrophe to another word that is not a contraction
# ("Saints'Pierre"); "O'Brien", "don't", "it's" do not match.
_GLUED_RE = re.compile(
    r"[^\W\d_]{3,}['’](?!(?:s|t|d|ll|re|ve|m)(?![^\W\d_]))(?=[^\W\d_]{2})", re.IGNORECASE
)
# A lower-case word start after white space; counted with a first-letter check instead of a
# look-behind, which the regex engine would try at every character (twice as slow).  The letter
# is looked ahead at, not matched: ``findall`` then returns the one-character white space, a
# string Python keeps once, instead of a new two-character string per word (the count is the
# same: a letter is no white space, so the matches never overlapped, and a look-ahead sees no
# further than the ``endpos`` a match had to end at).
_LOWER_START_RE = re.compile(r"\s(?=[a-z])")
# The same count for an ASCII text without the regex engine, whose ``findall`` costs a few hundred
# instructions a match (a tenth of a paragraph's detection): the text's bytes translated to b" " for
# every character ``\s`` matches, b"a" for a to z and b"x" for the rest, then ``bytes.count(b" a")``.
# The table is read off the pattern's own class, so the two cannot disagree.
_LOWER_START_BYTES = bytes(
    32 if re.match(r"\s", chr(b)) else 97 if 97 <= b <= 122 else 120 for b in range(256)
)


def _lower_starts(text: str, lo: int, hi: int) -> int:
    """``len(_LOWER_START_RE.findall(text, lo, hi))``: lower-case word starts after white space
    in ``text[lo:hi]`` (the letter inside the range too).  ``str.isascii`` is a flag look-up, and
    news paragraphs are mostly ASCII; any other text is counted by the regex."""
    if text.isascii():
        # A space and a letter never overlap, and ``bytes.count`` with an end, like ``findall``
        # with an ``endpos``, sees no further than ``hi``.
        return text.encode("ascii").translate(_LOWER_START_BYTES).count(b" a", lo, hi)
    return len(_LOWER_START_RE.findall(text, lo, hi))


# Context cues, read around every mention and summed over all mentions of an entity.  "in X"
# is a strong place cue; "at / from / to X" also precede people and companies ("lost to X",
# "a statement from X"), so they count little.
# Words right before a name, looked up in sets (a regex search per mention cost a tenth of
# the detection time).  "in X" is a strong place cue; "at / from / to X" also precede people
# and companies ("lost to X", "a statement from X"), so they count little.
_PREP_STRONG = frozenset(
    "in near outside inside across throughout around downtown suburban uptown".split()
)
# Verbs of employment before "at / for X": X is the employer ("works at African Movies").
_WORK_WORDS = frozenset("works worked work working employed employee employees".split())
# Words of defeat before "to X": X is the opponent, not a destination ("fell to Indianapolis").
_DEFEAT_WORDS = frozenset("lost lose loses losing fell fall falls loss losses defeat".split())
_PREP_WEAK = frozenset("at from to into toward towards via".split())
# Words of telling before "to X": X is the outlet told ("in a statement to Access", "confirmed
# to People"); "admitted to", "spoke to", "said to" are left out (admissions, people, hearsay).
_TOLD_WORDS = frozenset("statement statements confirmed confirms comment comments remarks".split())
_INDEFINITE = frozenset(("a", "an"))
# Pieces of writing before "in X" that make X a publication, not a place ("a 1997 article in
# X", "an op-ed in X"); "a report in X" and "published in X" also name places, so they are not here.
_PIECE_IN = frozenset(
    "article articles interview interviews op-ed editorial editorials column essay obituary".split()
)
# Adjectives that qualify a job or a role and never open a name ("Former AMA trustee").
_BEFORE_A_JOB = frozenset(("former",))
_OUTLET_VERBS = frozenset(("reported", "reports"))
_PLACE_OF = frozenset(
    "town city village port county province state region suburb district capital island borough "
    "municipality residents outskirts streets citizens people mayor governor centre center heart "
    "section part parts".split()
)
_CTX_AFTER_SPEAKER = re.compile(
    r"^\s+(?:said|says|told|added|wrote|tweeted|argued|insisted|recalled|stated|announced|confirmed|"
    r"denied|declined|warned|admitted)\b"
)
# A won-lost record in parentheses: "(7-2)", "(25 - 7)"; a third number is a boxer's draws.
_CTX_AFTER_RECORD = re.compile(r"^ \(\d{1,2} ?[-–] ?\d{1,2}\)")
_CTX_AFTER_PERSON = re.compile(r"^(?:,\s*\d{1,3}\s*,|,\s*who\b|\s+(?:himself|herself)\b)")
_CTX_AFTER_ORG = re.compile(
    r"['’]s?\s+(?:spokesman|spokeswoman|spokesperson|spokespeople|chief executive|ceo|chairman|"
    r"board|shares|headquarters|website|statement|employees|staff)\b",
    re.IGNORECASE,
)
# A possessive that owns nothing: the name of a shop or a restaurant ("a McDonald's on Utica
# Ave.", "inside the McDonald's.", "Fry's in Fountain Valley").
_CTX_AFTER_SHOP = re.compile(r"['’] ?s(?:[.,;]|\s+(?:on|in|at|near)\s+[A-Z])")
_CTX_AFTER_PLACE_SUFFIX = re.compile(r"-(?:based|born)\b")
_CTX_AFTER_FOLLOWER = re.compile(r"^\s+([a-z]+)\b")
_CTX_AFTER_FOLLOWER2 = re.compile(r"\s+([a-z]+)\b")
# After white space the speaker, person and follower cues are tried in this order: one
# alternation of the three tries them in the same order, with one call instead of three.
_CTX_AFTER_SPACE = re.compile(
    f"(?:({_CTX_AFTER_SPEAKER.pattern})|({_CTX_AFTER_PERSON.pattern})|({_CTX_AFTER_FOLLOWER.pattern}))"
)
_SPEAKER_GROUP = 1
_PERSON_GROUP = _SPEAKER_GROUP + _CTX_AFTER_SPEAKER.groups + 1
_FOLLOWER_WORD = _PERSON_GROUP + _CTX_AFTER_PERSON.groups + 2  # the follower's own group 1
_CTX_AFTER_COMMA_PLACE = re.compile(rf"^,\s+([{_UP}][\w.'’]*(?:\s+[{_UP}][\w.'’]*)?)")
# A dateline opens a paragraph: "ASHFORD MILLS, England, Oct 8 (Agency) - ...",
# "WASHINGTON (Reuters) - ...", "PARIS — ..."; the agency in parentheses is an organisation.
# After the place only capitalised words or numbers follow commas ("Oct 8"): "Qeshm, a 1,500 -
# square" and "Ortiz, 35, was a 15 - year" (ECB+ spaces its hyphens) are no datelines.  Group 1
# is the agency.  No "^" in these patterns: they are matched at the name's end
# (``match(text, pos)``), where "^" never matches.
_DATELINE_AFTER = re.compile(
    r"(?:,(?:[ \u00a0]+[A-Z0-9][\w.'’]*)+)*[ \u00a0]*(\([^()]{1,40}\))?[ \u00a0]*[-–—][ \u00a0]"
)
_AGENCY_AFTER = re.compile(r"\)\s*[-–—]\s")
# What a dateline's words before its agency never hold (capitals, numbers and commas only).
_NOT_DATELINE_HEAD = re.compile(r"[a-z()]")
# Sentence-initial words that open a clause, not a name ("Considering Lionsgate's offer...").
_INITIAL_OPENERS = frozenset(
    "considering following including regarding concerning excluding pending barring given "
    "notwithstanding assuming excepting".split()
)
_DEF_BETWEEN = re.compile(
    r"^[ \u00a0]*(?:(?:group|party|movement|militia|organi[sz]ation|network|alliance|coalition|front|forces)[ \u00a0]+)?\([ \u00a0]*$",
    re.IGNORECASE,
)
_DEF_AFTER = re.compile(r"^[ \u00a0]*\)")
_OF_HEADS = (
    N.ORG_CUES
    | N.OTHER_CUES
    | N.PLACE_CUES
    | N.TITLE_HEADS
    | frozenset(
        {
            "states",
            "state",
            "house",
            "isle",
            "republic",
            "kingdom",
            "people",
            "bay",
            "sea",
            "statue",
            "prince",
            "duke",
        }
    )
)
# Organisation cue words that are themselves names, and surnames ("Mayor Bloomberg").
_NAMED_CUES = N.ORG_CUES & N.KNOWN_ORGANIZATIONS
_GENERIC_SINGLE = (N.ORG_CUES | N.PLACE_CUES) - frozenset(
    {
        "congress",
        "senate",
        "parliament",
        "reuters",
        "bloomberg",
        "afp",
        "ap",
        "bbc",
        "cnn",
        "cabinet",
        "house",
    }
    | N.REGION_HEADS  # "the Riviera": a region named by its head word alone
)
# Words after which "for" stays inside a name ("Center for Biological Diversity", "Minister for
# Foreign Affairs", "Award for Courage"); elsewhere it separates two names ("Obama for America"
# is rare, "votes Trump for ..." is not).
_FOR_HEADS = (
    N.ORG_CUES
    | N.OTHER_CUES
    | N.TITLE_HEADS
    | frozenset({"campaign", "society", "coalition", "partnership", "council"})
)
_ALLCAPS_STOP = frozenset(
    "IN THE AND OF TO A AN AT ON FOR BY WITH FROM IS ARE WAS BE IT AS OR BUT NOT NO NEW SAYS SAID "
    "AFTER OVER UPDATE UPDATED BREAKING EXCLUSIVE VIDEO PHOTOS PHOTO WATCH LIVE READ MORE OK I".split()
)
# A ranking compound before a team or a player is an adjective, not part of the name.
_RANK_SUFFIXES = ("-ranked", "-seeded", "-rated")
_SUFFIX_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


@dataclass(slots=True)
class Candidate:
    """One detected name occurrence, before linking.

    ``votes`` holds typing evidence from this occurrence only (title, context words, a spaCy
    label): person, organization, place, and "speaker" ("X said"), which fits a person or an
    organisation and is settled over the whole entity by :mod:`entity_link`.  Once its
    paragraph is read the rule backend shares equal ``votes`` lists between candidates
    (:func:`_share_votes`): read them, or give a candidate a new list; never change one in place.
    """

    article: int
    paragraph: int
    start: int
    end: int
    text: str
    initial: bool = False
    votes: list[float] = field(default_factory=lambda: [0.0, 0.0, 0.0, 0.0])
    family: int = 0  # 1: "the Gray family"; 2: "the LaRues" (a family if LaRue is a surname)
    modifier: bool = False  # a lower-case word follows ("the San Diego freeway")
    follower: str = ""  # that lower-case word ("freeway"), read by the linker's team rule
    work: bool = False  # a quoted title of a work ("A Road to Dunmore"), never a long form


@dataclass(slots=True)
class Detection:
    """Candidates plus the acronym definitions met in the text (long surface, short surface)."""

    candidates: list[Candidate]
    definitions: list[tuple[str, str]]


# Typography that varies between outlets but never between names: curly quotes, dashes and the
# no-break space.  Letters are folded by :func:`reader.core.vocabulary.folding.fold`, shared with matching.
_PUNCT_FOLD = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "\u00a0": " "})


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Accent-folded lower case ("Erdoğan" -> "erdogan", "Türkiye" -> "turkiye")."""
    return fold_letters(text.translate(_PUNCT_FOLD))


def tok_fold(token: str) -> str:
    """Lower-case a token and drop its final period, for list look-ups."""
    return token.rstrip(".").lower()


def is_acronym(text: str) -> bool:
    """All-capitals name such as NATO, UN, U.S., EU (two or more capital letters, no lower case)."""
    return text.isupper() and sum(1 for c in text if c.isalpha()) >= 2


def _paragraph_mode(text: str) -> str:
    """``"shout"`` for all-capitals lines, ``"title"`` for Title Case headlines, else ``"normal"``.

    A Title Case headline has most words capitalised and no sentence-final punctuation; body
    sentences full of names ("Foreign Minister X met Prime Minister Y.") end with a period.
    """
    # Fast path: ordinary prose has many lower-case words, most often enough of them in its
    # first half already (a count over part of the text is at most the whole text's).
    need = 0.3 * (text.count(" ") + 1)
    half = len(text) // 2
    n_lower = ("a" <= text[:1] <= "z") + _lower_starts(text, 0, half)
    if n_lower > 2 and n_lower > need:
        return "normal"
    if half:
        # The rest, from the half's last character: matches ("\s[a-z]") never overlap, so one
        # across the cut is counted once.
        n_lower += _lower_starts(text, half - 1, len(text))
        if n_lower > 2 and n_lower > need:
            return "normal"
    words = _WORD_RE.findall(text)
    if len(words) < 3:
        return "normal"
    upper = sum(1 for w in words if len(w) > 1 and w.isupper())
    if upper >= 0.7 * len(words):
        return "shout"
    caps = sum(1 for w in words if w[0].isupper())
    if len(words) >= 4 and caps >= 0.7 * len(words) and text.rstrip(" \"”’'»)")[-1:] not in ".!?":
        return "title"
    if (
        len(words) == 3
        and caps == 3
        and "," not in text
        and text.rstrip(" \"”’'»)")[-1:] not in ".!?"
        and not any(fold(w) in N.GIVEN_NAMES or w == "By" for w in words)
    ):
        # A three-word heading ("Multiple Special Circumstances", "Earthquake Jolts Iran") is a
        # headline too; a byline or a caption naming a person ("By Jane Kowalski") and a
        # dateline ("WASHINGTON, DC, April 28") are not.
        return "title"
    return "normal"


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str  # possessive / final period already removed
    fold: str
    initial: bool
    hard_stop: bool  # a sentence or possessive boundary follows this token
    conn: bool = False
    stop: bool = False  # forced break (common word in a Title Case line)


def _pieces(ptext: str, s: int, e: int, initial: bool) -> list[_Tok]:
    """Split a span into name tokens and connectors, marking sentence / possessive breaks."""
    out: list[_Tok] = []
    next_initial = initial
    for m in _PIECE_RE.finditer(ptext, s, e):
        a, b = m.span()
        raw = m.group()
        if raw[0] not in _UP_CHARS and not _CAP_START_RE.match(raw):
            out.append(_Tok(a, b, raw, raw.lower(), False, False, conn=True))
            continue
        if "." in raw and raw.find(".", 0, len(raw) - 1) > 0:
            glued_title = _GLUED_TITLE_RE.match(raw)
            if glued_title and glued_title.group(1).lower() in N.TITLE_ABBREVIATIONS:
                # "Gov.Sarah Palin": a title whose space was lost
                k = glued_title.end(1) + 1
                out.append(_Tok(a, a + k, raw[:k], tok_fold(raw[:k]), next_initial, False))
                next_initial = False
                a, raw = a + k, raw[k:]
        if "'" in raw or "’" in raw:
            glued = _GLUED_RE.match(raw)
            if glued:  # "Chargers'Jamal", "Colts'defense": a possessive with the space lost
                k = glued.end() - 1
                out.append(_Tok(a, a + k, raw[:k], tok_fold(raw[:k]), next_initial, True))
                next_initial = False
                a, raw = a + k + 1, raw[k + 1 :]
                if not _CAP_START_RE.match(raw):
                    out.append(_Tok(a, b, raw, raw.lower(), False, False, stop=True))
                    continue
        hard = False
        if raw.endswith(("'s", "’s", "'S", "’S")) and len(raw) > 3:
            if b < e and out and out[-1].fold in ("st", "saint") and not out[-1].conn:
                pass  # "St Anne's Primary", "St Mary's Hospital": the possessive is the name
            elif b < e and _org_head_follows(ptext, b, e):
                pass  # "Sheriff's Department", "Children's Hospital": one organisation name
            else:
                b -= 2
                hard = True
        elif raw.endswith(("'", "’")):
            b -= 1
            hard = True
        elif raw.endswith("."):
            core = raw[:-1]
            low = core.lower()
            if "." in core or len(core) == 1:
                pass  # U.S. / J. — abbreviation or initial, keep the period
            elif low in N.TITLE_ABBREVIATIONS or low in N.OTHER_ABBREVIATIONS:
                pass
            else:
                b -= 1  # sentence-final period
                hard = True
        # ``ptext[a:b]`` lies inside ``raw``: without a hyphen there no suffix can match.
        hs = _HYPHEN_SUFFIX_RE.search(ptext, a, b) if "-" in raw else None
        if hs:
            b = hs.start()
            hard = True
        txt = ptext[a:b]
        out.append(_Tok(a, b, txt, txt.rstrip(".").lower(), next_initial, hard))  # tok_fold
        next_initial = False
        if hard and raw.endswith("."):
            next_initial = True
    return out


_NEXT_WORD_RE = re.compile(r"[ \u00a0]+([A-Z][a-z]+)")


def _org_head_follows(ptext: str, pos: int, end: int) -> bool:
    """The capitalised word after ``pos`` (inside the span) is an organisation head word."""
    m = _NEXT_WORD_RE.match(ptext, pos, end)
    return m is not None and _org_word(m.group(1).lower())


def _title_run(toks: list[_Tok]) -> tuple[int, int] | None:
    """Find the first title ("Foreign Minister", "Mr.", "Secretary of State") inside ``toks``."""
    for h, t in enumerate(toks):
        if t.conn or not _title_head(t.fold):
            continue
        i = h
        while i > 0 and not toks[i - 1].conn and toks[i - 1].fold in N.TITLE_MODIFIERS:
            i -= 1
        j = h + 1
        while j < len(toks) and (
            toks[j].fold in N.TITLE_TAILS or (not toks[j].conn and _title_head(toks[j].fold))
        ):
            j += 1
        # A job description between two title words belongs to the title ("Chief Public
        # Relations Officer", "Chief Patrol Agent"), unless a name starts in between.
        for k in range(j, min(j + 3, len(toks))):
            t = toks[k]
            if t.conn or t.fold in N.GIVEN_NAMES or t.hard_stop or len(t.text.rstrip(".")) < 2:
                break
            if _title_head(t.fold) and t.fold not in N.TITLE_ABBREVIATIONS:
                j = k + 1
                while j < len(toks) and toks[j].fold in N.TITLE_TAILS:
                    j += 1
                break
        while j > h + 1 and toks[j - 1].fold in ("of", "for", "the"):
            j -= 1
        return i, j
    return None


def _title_head(f: str) -> bool:
    """A title word, also hyphenated with "elect" or "designate" or after "ex-"
    ("President-elect", "Secretary-designate", "ex-President")."""
    if f in N.TITLE_HEADS:
        return True
    if "-" in f:
        a, _, b = f.partition("-")
        return (b in ("elect", "designate") and a in N.TITLE_HEADS) or (
            a == "ex" and b in N.TITLE_HEADS
        )
    return False


def _clean(toks: list[_Tok]) -> list[tuple[list[_Tok], int]]:
    """Turn one span's tokens into name sub-spans, each with a 'title seen' flag."""
    groups: list[list[_Tok]] = [[]]
    purpose_end = -1  # the last token of a "Committee to ..." name's purpose
    for k, t in enumerate(toks):
        cur = groups[-1]
        if k <= purpose_end:
            cur.append(t)  # "Journalists" of "Committee to Protect Journalists": no stop word
            if t.hard_stop:
                groups.append([])
            continue
        if t.conn:
            if t.fold == "and":
                if not _and_inside_name(cur, toks, k):
                    groups.append([])
                    continue
            elif t.fold == "for":
                if (
                    not cur
                    or cur[-1].conn
                    or (cur[-1].fold not in _FOR_HEADS and not _for_inside_name(cur, toks, k))
                ):
                    groups.append([])
                    continue
            elif t.fold == "on":
                if not _on_inside_name(cur, toks, k):
                    groups.append([])
                    continue
            elif t.fold == "to":
                purpose = _purpose_length(cur, toks, k)
                if not purpose:
                    groups.append([])
                    continue
                purpose_end = k + purpose
            elif t.fold.startswith("of") and (
                not cur
                or cur[-1].conn
                or not (cur[-1].fold in _OF_HEADS or _org_word(cur[-1].fold))
            ):
                groups.append([])
                continue
            cur.append(t)
            continue
        if t.fold.endswith(_RANK_SUFFIXES):
            groups.append([])  # "Top-ranked North Carolina", "Fifth-seeded X": a ranking
            continue
        if t.fold in WEEKDAYS or (
            t.fold in MONTHS and not (cur and not cur[-1].conn and cur[-1].fold in N.GIVEN_NAMES)
        ):
            groups.append([])
            continue
        if (
            (t.stop or _is_stop(t.text, t.fold))
            and not (
                cur
                and not cur[-1].conn
                and not t.stop
                and t.fold in N.ORG_CUES
                and t.text[0].isupper()
                and not t.initial
            )
            and not (cur and not t.stop and t.fold in _KNOWN_LAST and _completes_known(cur, t))
            and not _surname_after_given(cur, t)
            and not _opens_known_place(toks, k)
        ):
            # ("The New York Times" keeps "Times": an organisation head word after a name word)
            groups.append([])
            continue
        # An abbreviation such as "U.S." may end a sentence; the next token then starts one.
        if cur and cur[-1].text.endswith(".") and "." in cur[-1].text[:-1] and t.initial:
            groups.append([])
            cur = groups[-1]
        cur.append(t)
        if t.hard_stop:
            groups.append([])
    out: list[tuple[list[_Tok], int]] = []
    for g in groups:
        while g and g[0].conn and g[0].fold not in N.LEADING_PARTICLES:
            g = g[1:]
        while g and g[-1].conn:
            g = g[:-1]
        if not g:
            continue
        if g[0].initial and len(g) > 1 and not g[1].conn and g[0].fold in N.ORG_DESCRIPTORS:
            out.append((g[1:], 2))  # "Operator Northline Rail said..."
            continue
        if len(g) > 1 and not g[1].conn and g[0].fold in N.VESSEL_NOUNS:
            out.append((g[1:], 3))  # "Warship Sukanya, deployed on patrol..."
            continue
        if len(g) < 3:
            # One or two tokens: no place, acronym or given name splits them (see the three
            # splits below, each of which needs three), so only the titles are looked for.
            _split_titles(g, out)
            continue
        for whole in _split_trailing_place(g):
            for part in _split_inner_acronyms(whole):
                for sub in _split_before_given(part):
                    _split_titles(sub, out)
    return out


def _after_dateline(ptext: str, s: int) -> bool:
    """ "NEW YORK (AP) — Shares fell": the word after a dateline's dash opens the story's first
    sentence (a capital there is no sign of a name).  A dateline is a short run of capitalised
    words and numbers at the paragraph's start with a place in capitals or an agency in
    parentheses ("SEOUL, South Korea —", "Washington (CNN) —"); "Maria Dulce - Valencia" (a
    spaced hyphen inside a name) is none."""
    if s > 80:
        return False
    head = ptext[:s].rstrip()
    if not head.endswith(("—", "–", "-")) or len(head) < 3:
        return False
    words = head.split()
    if any(w[:1].islower() for w in words):
        return False
    first = words[0].rstrip(",")
    return (len(first) >= 3 and first.isupper()) or head[:-1].rstrip().endswith(")")


def _opens_known_place(toks: list[_Tok], k: int) -> bool:
    """ "NEW YORK (AP) --": a word that is a stop word in capitals ("NEW: ...") opens a known
    place's name with the word after it, as datelines write it."""
    return (
        k + 1 < len(toks)
        and not toks[k].hard_stop
        and not toks[k + 1].conn
        and f"{toks[k].fold} {toks[k + 1].fold}" in N.PLACES
    )


def _to_sentence_end(toks: list[_Tok], k: int) -> list[_Tok]:
    """The tokens from ``k`` to the end of the span or through the first one that ends a
    sentence or a possessive, whichever comes first: a span can run on past a sentence's end
    ("... Childhood Arrivals. Officials said"), a name cannot."""
    for j in range(k, len(toks)):
        if toks[j].hard_stop:
            return toks[k : j + 1]
    return toks[k:]


def _for_inside_name(cur: list[_Tok], toks: list[_Tok], k: int) -> bool:
    """ "Deferred Action for Childhood Arrivals", "Physicians for Social Responsibility": a
    "for" between two runs of plain capitalised words that close the span (or the sentence:
    "... Childhood Arrivals. Officials said") is one programme's or group's name.  Either side
    naming a person, a place, a title or an acronym splits it ("Obama for America", "votes Trump
    for President")."""
    after = _to_sentence_end(toks, k + 1)
    if not after or len(after) > 3 or any(t.conn for t in after):
        return False
    for t in (*cur, *after):
        if t.conn or t.initial and t is cur[0] and len(cur) == 1:
            return False
        if _names_on_its_own(t) or t.stop or _is_stop(t.text, t.fold):
            return False
    return True


def _names_on_its_own(t: _Tok) -> bool:
    """``t`` names a person, a place, a people, a title or an acronym by itself, so a "for" or
    "to" beside it separates two names rather than joining one ("Obama for America", "the
    Committee to Washington")."""
    f = t.fold
    return (
        f in N.GIVEN_NAMES
        or f in N.PLACES
        or f in N.DEMONYMS
        or _title_head(f)
        or _short_acronym(t)
        or "." in t.text
    )


# Capitalised words that stay function words even after a given name ("Tony And", "Mary Said").
_NEVER_SURNAME = N.FUNCTION_WORDS | N.REPORTING_WORDS | N.RELATIVE_TIME_WORDS


def _surname_after_given(cur: list[_Tok], t: _Tok) -> bool:
    """ "referee Tony Weeks", "Mary Read": a capitalised common noun right after a given name in
    running text is the person's surname, not a generic word that ends the name (news English
    capitalises a common noun mid-sentence only inside a name)."""
    return (
        bool(cur)
        and not cur[-1].conn
        and not cur[-1].hard_stop
        and cur[-1].fold in N.GIVEN_NAMES
        and not t.stop
        and not t.initial
        and len(t.text) > 2
        and t.text[0].isupper()
        and t.text[1:].islower()
        and t.fold not in _NEVER_SURNAME
    )


# Last words of the known bodies' multi-word names ("today" of "usa today").
_KNOWN_LAST = frozenset(o.rsplit(" ", 1)[1] for o in N.KNOWN_ORGANIZATIONS if " " in o)


def _completes_known(cur: list[_Tok], t: _Tok) -> bool:
    """A common word that ends a known body's name with the words before it ("USA Today"): it
    stays inside the name."""
    return " ".join(x.fold for x in cur) + " " + t.fold in N.KNOWN_ORGANIZATIONS


def _and_inside_name(cur: list[_Tok], toks: list[_Tok], k: int) -> bool:
    """ "Fire and Rescue Service", "Department of Health and Human Services": an "and" stays
    inside a name when the words after it end in an organisation cue word and neither side
    looks like a person or a place of its own ("Lindsay Lohan and Betty Ford Center",
    "Britain and France Telecom" are split)."""
    if (
        not cur
        or cur[-1].conn
        or cur[-1].hard_stop
        or "." in cur[-1].text
        or _short_acronym(cur[-1])
    ):
        return False
    h = cur[-1].fold
    if h in N.GIVEN_NAMES or h in N.PLACES or h in N.ORG_CUES or h in N.PLACE_CUES:
        return False  # the words before "and" already make a whole name ("Emory University")
    if k + 1 >= len(toks):
        return False
    first = toks[k + 1]
    if first.conn or first.fold in N.GIVEN_NAMES or first.fold in N.PLACES or _short_acronym(first):
        return False
    last, n_words, to_end = None, 0, False
    for q, t in enumerate(toks[k + 1 : k + 5], k + 1):
        if t.conn and t.fold == "and":
            break
        if t.stop or _is_stop(t.text, t.fold):
            break
        if n_words and not t.conn and _title_head(t.fold):
            break  # "Customs and Border Protection Commissioner X": the body ends at the title
        if not t.conn:
            last, n_words = t, n_words + 1
        if t.hard_stop or q == len(toks) - 1:
            to_end = not t.conn
            break
    if last is not None and n_words >= 2 and last.fold in N.ORG_CUES:
        return True
    # The second half of a portfolio after "<cue> of/for": "Office of Management and Budget",
    # "School of Design and Construction", "Award for Health and Human Rights".  The words after
    # "and" close the span and are neither a person nor a place nor a whole organisation.
    return (
        to_end
        and n_words <= 3
        and _portfolio_open(cur)
        and not any(
            t.conn or t.fold in N.GIVEN_NAMES or t.fold in N.PLACES or _org_word(t.fold)
            for t in toks[k + 1 : k + 1 + n_words]
        )
    )


def _purpose_length(cur: list[_Tok], toks: list[_Tok], k: int) -> int:
    """ "Committee to Protect Journalists", "Campaign to Stop Killer Robots": "to" stays inside
    the name of a body named after its purpose, with a body's head word right before it
    (:data:`names.BODY_HEADS`) and one to three capitalised words closing the span or the
    sentence after it.  Returns how many tokens after ``toks[k]`` the purpose takes, 0 when "to"
    separates two names: "sent the Committee to Washington" (a place after it), "Obama to Visit
    China" (no body before it), "Committee to Hear Case on Kim" (more words).  The purpose may end
    in a plural common noun ("Journalists", "Voters") that is no name alone."""
    if not cur or cur[-1].conn or cur[-1].fold not in N.BODY_HEADS:
        return 0
    after = _to_sentence_end(toks, k + 1)
    if not after or len(after) > 3:
        return 0
    for t in after:
        if (
            t.conn
            or t.fold in N.FUNCTION_WORDS
            or _names_on_its_own(t)
            or len(t.text) < 3  # "Re" of "Re - elect" (a hyphen spaced out): a broken word
        ):
            return 0
    return len(after)


def _on_inside_name(cur: list[_Tok], toks: list[_Tok], k: int) -> bool:
    """ "Council on Foreign Relations", "Committee on Ethical and Judicial Affairs": "on" stays
    inside the name of a body named after its subject; "Congress on Capitol Hill" is a body and
    a place."""
    if not cur or cur[-1].conn or not _org_word(cur[-1].fold) or cur[-1].fold not in _ON_HEADS:
        return False
    for t in toks[k + 1 : k + 5]:
        if t.conn and t.fold != "and":
            return False
        if not t.conn and (t.fold in N.PLACES or t.fold in N.PLACE_CUES or t.initial):
            return False
        if t.hard_stop:
            break
    return True


def _portfolio_open(cur: list[_Tok]) -> bool:
    """``cur`` (the name so far) is "<cue word> of / for / on <words>"."""
    for x in range(1, len(cur) - 1):
        t = cur[x]
        if t.conn and t.fold in ("of", "for", "of the", "on") and not cur[x - 1].conn:
            f = cur[x - 1].fold
            return _org_word(f) or f in N.OTHER_CUES
    return False


def _short_acronym(t: _Tok) -> bool:
    return not t.conn and 2 <= len(t.text) <= 4 and t.text.isalpha() and t.text.isupper()


def _split_inner_acronyms(g: list[_Tok]) -> list[list[_Tok]]:
    """ "Saints RB Pierre Thomas": a short acronym between ordinary name words is a separate name."""
    if len(g) < 3:  # no word between two others: most names (one or two words) stay whole
        return [g[:]] if g else []
    parts: list[list[_Tok]] = []
    cur: list[_Tok] = []
    for i, t in enumerate(g):
        if (
            _short_acronym(t)
            and 0 < i < len(g) - 1
            and not g[i - 1].conn
            and not g[i + 1].conn
            and not _short_acronym(g[i - 1])
            and not _short_acronym(g[i + 1])
        ):
            parts.extend([cur, [t]])
            cur = []
            continue
        cur.append(t)
    parts.append(cur)
    return [p for p in parts if p]


def _split_trailing_place(g: list[_Tok]) -> list[list[_Tok]]:
    """ "Regina Benjamin U.S. surgeon general": a known place's abbreviation ("U.S.", "UK",
    spaced "U. S.") after a person's given name and surname is a name of its own."""
    n = len(g)
    if n < 3 or not any(t.fold in N.GIVEN_NAMES for t in g[: n - 2]):
        return [g]
    for k in (1, 2):
        if n - k < 2:
            break
        tail = g[n - k :]
        if any(t.conn or not t.text.replace(".", "").isupper() for t in tail):
            break
        letters = "".join(t.fold.replace(".", "") for t in tail)
        if (k == 1 or all(len(t.fold.replace(".", "")) == 1 for t in tail)) and (
            letters in _ALIAS_KEYS or letters in N.PLACES
        ):
            if any(t.conn for t in g[: n - k]):
                return [g]
            return [g[: n - k], g[n - k :]]
    return [g]


def _split_before_given(g: list[_Tok]) -> list[list[_Tok]]:
    """ "Chargers Jamal Williams", "Knicks Mark Jackson": a plural word (a team, a group) right
    before a given name and a surname is not part of the person's name."""
    if len(g) < 3 or g[-1].fold in N.ORG_CUES or g[-1].fold in N.PLACE_CUES:
        return [g]
    for i in range(1, len(g) - 1):
        t, p = g[i], g[i - 1]
        if t.conn or p.conn:
            return [g]
        if t.fold not in N.GIVEN_NAMES or g[i + 1].conn:
            continue
        f = p.fold
        if (
            len(f) >= 4
            and f[-1] == "s"
            and f[-2] not in "aiosu'"
            and f.isalpha()
            and f not in N.GIVEN_NAMES
            and f not in N.PLACES
            and f not in N.TITLE_HEADS
        ):
            return [g[:i], g[i:]]
    return [g]


def _split_titles(g: list[_Tok], out: list[tuple[list[_Tok], int]]) -> None:
    run = _title_run(g)
    if run is None:
        if len(g) > 1 and g[0].fold in _BEFORE_A_JOB and not g[1].conn:
            g = g[1:]  # "Former AMA trustee X": "former" qualifies the lower-case job, not AMA
        out.append((g, 0))
        return
    i, j = run
    if _surname_title(g, i, j):
        out.append((g, 0))  # "Tishana King", "Carole King": the title word is the surname
        return
    rest = g[j:]
    of_link = (
        bool(rest) and rest[0].conn and (rest[0].fold.startswith("of") or rest[0].fold == "for")
    )
    while rest and rest[0].conn and rest[0].fold not in N.LEADING_PARTICLES:
        rest = rest[1:]
    rest_org = of_link and any(not t.conn and _org_word(t.fold) for t in rest)
    if of_link and rest and not rest_org and any(t.fold in _ACADEMIC_HEADS for t in g[i:j]):
        # After an academic title comes a field of study ("Professor of Conservation Ecology",
        # "Dean for Rural Health"), no name at all, unless it names a body.
        return
    if of_link and rest and (rest_org or not any(t.fold in N.GIVEN_NAMES for t in rest)):
        # "Chair of the Federation of State Medical Boards", "Assistant Secretary for Health":
        # what follows the title is the body or the portfolio, not the holder.
        out.append((rest, 2))
        return
    if rest and (
        (_org_word(rest[-1].fold) and not (len(rest) == 1 and rest[0].fold in _NAMED_CUES))
        or rest[-1].fold in N.PLACE_CUES
    ):
        out.append((g, 0))  # "Justice Department", "Prince Edward Island": not a title
        return
    _split_titles_left(g, i, j, out)
    if rest:
        sub: list[tuple[list[_Tok], int]] = []
        _split_titles(rest, sub)
        if sub:
            first, _ = sub[0]
            sub[0] = (first, 1)
        out.extend(sub)


def _surname_title(g: list[_Tok], i: int, j: int) -> bool:
    """The title ``g[i:j]`` is one surname-like title word ("King", "Bishop", "Dean") ending the
    name right after one plain capitalised word that is no title, place, people or body: the
    person's given name ("Tishana King said"), not a title ("Saudi King", "Vice President")."""
    if i != 1 or j != len(g) != 2 or g[1].fold not in N.TITLE_SURNAMES:
        return False
    first, last = g[0], g[1]
    return (
        not first.conn
        and not first.hard_stop
        and not last.text.isupper()
        and first.text[1:].islower()
        and len(first.text) > 2
        and first.fold not in N.TITLE_MODIFIERS
        and first.fold not in N.DEMONYMS
        and first.fold not in N.PLACES
        and first.fold not in N.STOP_CAPS
        and not _title_head(first.fold)
        and not _org_word(first.fold)
    )


def _split_titles_left(g: list[_Tok], i: int, j: int, out: list[tuple[list[_Tok], int]]) -> None:
    """The name before a title ``g[i:j]`` ("Oakland County" of "Oakland County Prosecutor X")."""
    left = g[:i]
    while left and not left[-1].conn and i < j - 1 and g[i].fold in N.ORG_CUES:
        # "Troy Police Chief X", "Labour Party Leader Y": the body's own word stays with it.
        left, i = g[: i + 1], i + 1
    while left and left[-1].conn:
        left = left[:-1]
    while len(left) > 1 and not left[0].conn and left[0].fold in N.TITLE_MODIFIERS:
        left = left[1:]  # "Assistant Oakland County Prosecutor X": the office is Oakland County
    if left and not all(t.fold in N.DEMONYMS or t.fold in N.TITLE_MODIFIERS for t in left):
        out.append((left, 0))


def _org_word(f: str) -> bool:
    """An organisation cue word or its plural ("board", "boards", "agencies")."""
    if f in N.ORG_CUES:
        return True
    return (
        len(f) > 4
        and f.endswith("s")
        and (f[:-1] in N.ORG_CUES or (f.endswith("ies") and f[:-3] + "y" in N.ORG_CUES))
    )


def _keep_single(tok: _Tok) -> bool:
    """Static filter for a one-token name; the sentence-initial check happens later."""
    f = tok.fold
    if len(tok.text) < 2 or f in N.DEMONYMS or f in _GENERIC_SINGLE or _title_head(f):
        return False
    if len(f) == 1 or (
        tok.text.endswith(".") and (f in N.TITLE_ABBREVIATIONS or f in N.OTHER_ABBREVIATIONS)
    ):
        return False  # "D.", "E.", "St.": an initial or abbreviation alone names nothing
    if "-" in f and all(part in N.DEMONYMS for part in f.split("-")):
        return False  # "Russian-Ukrainian": an adjective compound, not a name
    if f in N.STOP_CAPS and not is_acronym(tok.text):
        return False
    return not tok.text[0].isdigit()


def _known(low: str) -> bool:
    """A gazetteer place, alias or given name (``low`` is a lower-cased token)."""
    if low in N.PLACES or low in N.GIVEN_NAMES or low in _ALIAS_KEYS:
        return True
    if low.isascii():
        return False
    f = fold(low)
    return f in N.PLACES or f in N.GIVEN_NAMES or f in _ALIAS_KEYS


# Known bodies count as known names too ("Reuters reported..."), except "who", which opens
# questions far more often than it names the World Health Organization.
_ALIAS_KEYS = frozenset(a for grp in N.ALIAS_GROUPS for a in grp) | (
    N.KNOWN_ORGANIZATIONS - {"who"}
)


# Every word before a name that the chain in ``_context_votes`` reads a cue from ("the" before a
# preposition, "local" after "a"); digits are tested apart.
_BEFORE_CUES = (
    frozenset(("the", "of", "in", "local", "for"))
    | _PREP_STRONG
    | _PREP_WEAK
    | _INDEFINITE
    | N.ORG_INTRODUCERS
    | N.VESSEL_NOUNS
    | N.AWARD_WORDS
)


_CAMEL_WORD_RE = re.compile(r"[A-Z]+(?![a-z])|[A-Z][a-z]*|[a-z]+")


def _handle_votes(handle: str, votes: list[float]) -> None:
    """Type a social-media handle ("@TheAcademy", "@WhiteHouse", "@KelvaraStadler") by the words
    run together in it: a body's or a place's cue word, or a given name first."""
    parts = [w.lower() for w in _CAMEL_WORD_RE.findall(handle)]
    if len(parts) < 2:
        return
    if any(_org_word(w) for w in parts):
        votes[1] += 3.0
        votes[0] -= 2.0
    elif any(w in N.PLACE_CUES for w in parts):
        votes[2] += 2.0
        votes[0] -= 1.0
    elif parts[0] in N.GIVEN_NAMES:
        votes[0] += 2.0


def _no_clause_after(ptext: str, end: int) -> bool:
    """No lower-case word other than a function word follows the name at ``end`` (a verb there
    makes the name the subject of a clause: "the prize Smith won")."""
    if not ptext.startswith(" ", end):
        return True
    nxt = ptext[end + 1 : end + 20].split(None, 1)
    return not nxt or not nxt[0][:1].islower() or nxt[0] in N.FUNCTION_WORDS


def _context_votes(ptext: str, start: int, end: int, votes: list[float]) -> None:
    """Typing evidence from the words around one mention (see the ``_CTX_*`` patterns).

    Most cues need white space or punctuation right next to the name; checking that character
    first skips the regexes for most mentions.
    """
    n = len(ptext)
    placed = False  # "in X said...": the verb belongs to the sentence's subject, not to X
    if start > 2 and ptext[start - 1].isspace():
        words = ptext[start - 30 if start > 30 else 0 : start].rsplit(None, 3)[-3:]
        w = words[-1].lower() if words else ""
        # Most names follow no cue word: one look-up skips the chain below for them.
        if (
            w in _BEFORE_CUES
            or "0" <= w[:1] <= "9"
            or (len(words) > 1 and "0" <= words[-2][:1] <= "9")
        ):
            w2 = words[-2].lower() if len(words) > 1 else ""
            if w == "the" and w2 in _PREP_STRONG:
                w, w2 = w2, ""
            elif w == "the" and w2 in _PREP_WEAK:
                w, w2 = w2, ""
            if w == "of" and w2 in _PLACE_OF:
                votes[2] += 1.5
                placed = True
            elif (
                w == "of"
                and len(words) > 2
                and words[-2][:1].isupper()
                and words[-3][:1].isupper()
                and words[-2][-1:].isalpha()
            ):
                # "Danny Gold of Metropolis": a person of a body or of a place, never of a person
                votes[0] -= 1.0
                votes[1] += 0.5
            elif w == "in" and w2 in _PIECE_IN:
                votes[1] += 2.0  # "an article in Ebony", "an op-ed in The Ledger": an outlet
                votes[2] -= 1.0
            elif w in _PREP_STRONG:
                if not (
                    end + 1 < n
                    and ptext[end] in "'’"
                    and (ptext[end + 1] == "s" or ptext[end - 1] == "s")
                ):
                    # not "in NLM's exhibition", "in Ann Collins' novel": "in" governs what X owns
                    votes[2] += 1.0
                placed = True
            elif w2 in _WORK_WORDS and w in ("at", "for"):
                votes[1] += 1.0  # "works at X", "worked for X": an employer
                votes[2] -= 0.3
            elif w == "to" and w2 in _TOLD_WORDS:
                votes[1] += 2.0  # "a statement to X", "confirmed to X": an outlet
                votes[2] -= 1.0
            elif w == "to" and w2 in _DEFEAT_WORDS:
                votes[1] += 0.5  # "lost to X", "a loss to X": an opponent, a team or a player
                votes[2] -= 0.5
            elif w in _PREP_WEAK:
                votes[2] += 0.3
                # "Officials at Mar-a-Lago said": a preposition's object is not the subject of
                # the verb after it.
                placed = True
            elif w == "the":
                votes[1] += 0.5  # "the X": an organisation or a place, hardly a person
                votes[0] -= 0.5
            elif w in N.ORG_INTRODUCERS:
                votes[1] += 2.0  # "Swiss firm Chopard", "the insurer Aviva"
                votes[0] -= 1.0
            elif w in N.VESSEL_NOUNS:
                _vote_vessel(votes)  # "aboard warship X", "the frigate X"
            elif w in N.AWARD_WORDS and _no_clause_after(ptext, end):
                # "the papal honor Pro Ecclesia et Pontifice from ...": the honour's name; not
                # "the award Smith received", where a verb makes the name a clause's subject
                _vote_honour(votes)
            elif (w and "0" <= w[0] <= "9" or w2 and "0" <= w2[0] <= "9") and _after_dated_article(
                words, w, w2
            ):
                # "a 2007 silver Ford Fusion", "the 2014 Oscars": a model or an event
                votes[0] -= 1.5
            elif (w in _INDEFINITE or (w2 in _INDEFINITE and w == "local")) and not (
                end + 1 < n and ptext[end] == " " and ptext[end + 1].islower()
            ):
                # "looted a Rite Aid", "outside a local Walmart": one of a chain's outlets.  Not
                # before a lower-case noun, where a place names where it is ("a Vancouver office").
                votes[1] += 1.0
                votes[0] -= 1.0
    elif start and ptext[start - 1] == "(" and _AGENCY_AFTER.match(ptext, end, min(n, end + 5)):
        votes[1] += 3.0  # "(Reuters) -" after a dateline
    elif start and ptext[start - 1] == "@":
        _handle_votes(ptext[start:end], votes)
    if (
        end - start == 2
        and ptext[start - 2 : start] == ", "
        and ptext[start:end].lower() in N.US_STATE_CODES
        and ptext[start:end].isupper()
    ):
        votes[2] += 3.0  # "Fountain Valley, CA": a state's postal code after a place
    if end >= n:
        return
    c = ptext[end]
    if c.isspace():
        if (
            ptext.startswith(" (", end)
            and _CTX_AFTER_RECORD.match(ptext[end : end + 16])
            and not any(fold(w) in N.GIVEN_NAMES for w in ptext[start:end].split())
        ):
            # "Evansville (7-2)": a won-lost record after a team's name; an athlete's record
            # follows a name with a given name ("Ivan Dorokhov (16-0)")
            votes[1] += 0.5
        m = _CTX_AFTER_SPACE.match(ptext[end : end + 16])
        if m is not None and m.start(_SPEAKER_GROUP) >= 0:
            if not placed:
                votes[3] += 1.0
        elif m is not None and m.start(_PERSON_GROUP) >= 0:
            votes[0] += 1.0
        else:
            f1 = m.group(_FOLLOWER_WORD) if m is not None else ""
            if not f1:
                pass
            elif f1 in N.PLACE_FOLLOWERS:
                votes[2] += 1.0
            elif f1 in N.AWARD_WORDS:
                _vote_honour(votes)  # "the Pro Ecclesia medal", "a Kessler prize"
            elif f1 in _OUTLET_VERBS and not placed:
                votes[1] += 0.5  # "Le Monde reported": mostly outlets, sometimes a reporter
            elif f1 in N.PERSON_FOLLOWERS:
                votes[0] += 1.5  # "the Bush administration", "the Obama presidency"
                votes[1] = min(votes[1], 0.0)
            elif f1 in N.ORG_FOLLOWERS or (
                m is not None
                and f1 not in N.STOP_CAPS
                and (m2 := _CTX_AFTER_FOLLOWER2.match(ptext, end + m.end(), end + m.end() + 16))
                is not None
                and m2.group(1) in N.ORG_FOLLOWERS
            ):
                votes[1] += 2.0  # "the Pink Panther gang", "a red Torvalo hoodie"
                votes[0] -= 1.0
    elif c == ",":
        tail = ptext[end : end + 40]
        if _CTX_AFTER_PERSON.match(tail):
            votes[0] += 1.0
        else:
            m = _CTX_AFTER_COMMA_PLACE.match(tail)
            if m and (
                fold(m.group(1).rstrip(".,")) in N.PLACES
                or fold(m.group(1).rstrip(".,")) in N.STATE_ABBREVIATIONS_AFTER_COMMA
            ):
                votes[2] += 1.5  # "Dallas, Texas", "Ashford Mills, England"
            elif ptext.startswith((", a ", ", an ", ", the "), end):
                _appositive_votes(ptext, end, votes)
    elif c in "'’":
        if _CTX_AFTER_ORG.match(ptext, end, min(n, end + 24)):
            votes[1] += 1.5
        elif _CTX_AFTER_SHOP.match(ptext, end, min(n, end + 12)):
            votes[1] += 1.5  # "a McDonald's on Utica Ave.", "at Fry's in Fountain Valley"
    elif c == "-":
        if _CTX_AFTER_PLACE_SUFFIX.match(ptext, end, min(n, end + 8)):
            votes[2] += 1.5
    if start <= 1 and c in ", ([-–—":
        m = _DATELINE_AFTER.match(ptext, end, min(n, end + 110))
        # A dateline's place is in capitals or has its agency after it; a Title Case headline
        # ("Red Sox - Teixeira Rumor") is no dateline.
        if m is not None and (m.group(1) or ptext[start:end].isupper()):
            votes[2] += 3.0


# Head nouns of an appositive after a name ("X, a Las Vegas casino", "X, a small town in Ohio"):
# what kind of thing the name is.
# Only nouns that are never a person's job (not "owner", "developer") and that name a kind of
# place both inside and right after a place's name ("city", "village", not "station").
_APPOSITIVE_ORG = N.ORG_INTRODUCERS
_APPOSITIVE_PLACE = N.PLACE_FOLLOWERS & N.PLACE_CUES


def _appositive_votes(ptext: str, end: int, votes: list[float]) -> None:
    """Type a name by the head noun of the appositive after it (``ptext[end:]`` starts with
    ", a ", ", an " or ", the "): "the Castaways, a Las Vegas gambling casino they bought", "Gordon
    Advisors, a 40 - to 50 - employee company where", "Dunmore, a fishing village in Kerry".  The
    head is the last word before a function word or a punctuation mark.  A role relative to
    something else ("Jones, the store's insurer") is a person's and gives no vote."""
    words = ptext[end + 2 : end + 90].split()[1:8]  # the article skipped
    for i, word in enumerate(words):
        core = word.rstrip(",.;:!?\"”’')")
        if not core.isalpha() or not core.islower():
            if core.endswith(("'s", "’s")):
                return  # "the store's insurer", "the company's founder": a role
            if core.isalpha() and core.lower() in N.BODY_HEADS:
                nxt = words[i + 1] if i + 1 < len(words) else ""
                if core != word or nxt.lower() in N.FUNCTION_WORDS:
                    # The appositive is a body's own name ("Creep, the Campaign to Re-elect
                    # the President"): the name before it is that body's short form.
                    votes[1] += 2.0
                    votes[0] -= 1.0
                    votes[2] -= 1.0
                    return
            if core.isalpha() or core == word:
                continue  # a capitalised modifier ("Las Vegas"), a number, a hyphen
            break
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if core != word or nxt.lower() in N.FUNCTION_WORDS:
            if core in _APPOSITIVE_ORG:
                votes[1] += 2.0
                votes[0] -= 1.0
                votes[2] -= 1.0
            elif core in _APPOSITIVE_PLACE:
                votes[2] += 2.0
                votes[0] -= 1.0
            return
        if core in N.FUNCTION_WORDS:
            return


def _is_year(w: str) -> bool:
    return len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")


def _after_dated_article(words: list[str], w: str, w2: str) -> bool:
    """The name follows "a / the <year>" and at most one lower-case word ("a 2007 Ford Fusion",
    "the 2014 Oscars", "a 2007 silver Ford Fusion"): a model, an edition or an event; "in 2007
    Obama won" has no article and is not one."""
    if _is_year(w):
        return w2 in _ARTICLES
    return (
        len(words) > 2
        and _is_year(w2)
        and w.isalpha()
        and w.islower()
        and words[-3].lower() in _ARTICLES
    )


_ARTICLES = frozenset(("a", "an", "the"))


def detect(articles: list[Article]) -> Detection:
    """Find name candidates in every paragraph of ``articles`` (rule backend)."""
    cands: list[Candidate] = []
    definitions: list[tuple[str, str]] = []
    mid_tokens: set[str] = set()
    deferred: list[tuple[int, int, Paragraph, str]] = []
    # Names repeat across paragraphs and articles: the analysis of a span depends only on its
    # text and on whether it opens a sentence, so each distinct (text, initial) is analysed once.
    cache: dict[tuple[str, bool], list[_Found]] = {}
    votes: dict[tuple[float, ...], list[float]] = {}
    words: set[str] = set()
    for art in articles:
        # Not ``art.text.split()`` (a list of every word of the text), nor the paragraphs
        # themselves (made when read): their texts alone.
        for pi in range(len(art.paragraphs)):
            words.update(paragraph_text(art, pi).split())
    # Distinct words are few (tens of thousands for megabytes of text): strip them once.
    lower = {w.strip(_TRAILING) for w in words if w[0].islower()}
    for ai, art in enumerate(articles):
        for pi, para in enumerate(art.paragraphs):
            ptext = para.text
            if not ptext or para.boilerplate:
                continue  # credit lines and share buttons name editors, not the story's people
            mode = _paragraph_mode(ptext)
            if mode != "normal":
                deferred.append((ai, pi, para, mode))  # needs the words seen in normal text
                continue
            n = len(cands)
            _detect_paragraph(ai, pi, para, None, mid_tokens, cands, definitions, cache, lower)
            _share_votes(cands, n, votes)
    if deferred:
        # In headlines a word counts as a name word when it is seen capitalised mid-sentence
        # and is not a common word that the story also writes in lower case ("Queens
        # Hit-and-Run": "Hit and Run Accidents" elsewhere does not make "Hit" a name), unless
        # it ends a name of the body text (a surname: a blogger's lower-case "teixeira" does
        # not unmake "Mark Teixeira"), is a cue word or is known ("White House", "Lake Erie").
        ends = {tok_fold(t[t.rfind(" ") + 1 :]) for t in {c.text for c in cands} if " " in t}
        vocab = {
            w
            for w in mid_tokens
            if w not in lower
            or w in ends
            or _org_word(w)
            or w in N.PLACE_CUES
            or _known(w)
            or _title_head(w.replace("’", "'").partition("'")[0])  # "Sheriff's Department"
        }
        for ai, pi, para, _mode in deferred:
            n = len(cands)
            _detect_paragraph(ai, pi, para, vocab, mid_tokens, cands, definitions, None)
            _share_votes(cands, n, votes)
    if any(c.work for c in cands):
        cands = _unquoted_titles(articles, cands)
    kept = [c for c in cands if not c.initial or _initial_ok(c.text, mid_tokens)]
    common_phrases: set[str] = set()
    kept = _drop_common_words(kept, lower, common_phrases)
    if common_phrases:
        kept = _drop_generic_phrases(articles, kept, common_phrases)
    kept = _drop_misspelt_demonyms(kept)
    _vote_street_stems(kept)
    kept = _drop_group_members(articles, kept)
    kept = _campus_names(articles, kept)
    surnames = {
        t.rsplit(" ", 1)[1]
        for t in {c.text for c in kept}
        if t.endswith(_TITLE_SURNAME_ENDINGS) and t.count(" ") == 1
    }
    if surnames:
        kept.extend(_bare_title_surnames(articles, kept, surnames))
    return Detection(kept, definitions)


def _unquoted_titles(articles: list[Article], cands: list[Candidate]) -> list[Candidate]:
    """A work's title that the story quotes once is the same title where it is written without
    quotes ("the category of Outstanding Individual Performance in a Variety or Music Program"
    beside the quoted one): there its capitalised pieces are one work's name, not a person
    ("Outstanding Individual Performance") and a magazine ("Variety").

    Looked up by the title's first run of capitalised words, the piece the detector finds where
    the title is not quoted: one dictionary look-up per mention."""
    by_run: dict[str, list[tuple[str, int]]] = {}
    for t in {c.text for c in cands if c.work and " " in c.text}:
        words = t.split()
        k = 1 if words[0].lower() in _ARTICLES else 0
        run = []
        for w in words[k:]:
            if not w[:1].isupper():
                break
            run.append(w.rstrip(",.:;!?"))
            if w != run[-1]:
                break
        if len(run) < len(words) - k:
            first = " ".join(run)
            by_run.setdefault(first, []).append((t, t.index(first)))
    if not by_run:
        return cands
    drop: set[int] = set()
    added: dict[int, Candidate] = {}
    for i in [i for i, c in enumerate(cands) if c.text in by_run]:
        c = cands[i]
        hits = by_run[c.text]
        if c.work:
            continue
        ptext = paragraph_text(articles[c.article], c.paragraph)
        for t, off in hits:
            a = c.start - off
            if a < 0 or not ptext.startswith(t, a):
                continue
            b = a + len(t)
            title = Candidate(c.article, c.paragraph, a, b, t, votes=[-6.0, -3.0, -6.0, 0.0])
            title.work = True
            added[i] = title
            # The title's other pieces are this paragraph's mentions next to this one.
            j = i
            while j > 0 and _same_paragraph(cands[j - 1], c) and cands[j - 1].end > a:
                j -= 1
            while j < len(cands) and _same_paragraph(cands[j], c) and cands[j].start < b:
                if cands[j].end > a:
                    drop.add(j)
                j += 1
            break
    return _splice(cands, added, drop) if added else cands


def _splice(
    cands: list[Candidate], before: dict[int, Candidate], drop: set[int]
) -> list[Candidate]:
    """``cands`` in order with ``before[i]`` put in front of candidate ``i`` and the candidates
    of ``drop`` left out: a pass that joins or replaces some mentions keeps the reading order
    the linker expects."""
    out: list[Candidate] = []
    prev = 0
    for i in sorted(drop | before.keys()):
        out += cands[prev:i]
        if i in before:
            out.append(before[i])
        if i not in drop:
            out.append(cands[i])
        prev = i + 1
    out += cands[prev:]
    return out


def _same_paragraph(c: Candidate, d: Candidate) -> bool:
    return c.paragraph == d.paragraph and c.article == d.article


_CAMPUS_BETWEEN = (", ", " at ", "-", "–", " - ", " – ")


def _campus_names(articles: list[Article], cands: list[Candidate]) -> list[Candidate]:
    """A school's campus city written after its name is part of the name: "University of Alabama
    at Birmingham", "University of Alabama, Birmingham", "University of Wisconsin–Madison" are one
    organisation each (the Birmingham campus), not a school plus a city."""
    schools = {
        t
        for t in {c.text for c in cands}
        if " of " in t and tok_fold(t.partition(" ")[0]) in N.CAMPUS_HEADS
    }
    if not schools:
        return cands
    merged: dict[int, Candidate] = {}
    for i in [i for i, c in enumerate(cands) if c.text in schools]:
        c = cands[i]
        if i + 1 == len(cands) or i in merged or i - 1 in merged:
            continue
        y = cands[i + 1]
        if (y.article, y.paragraph) != (c.article, c.paragraph) or fold(y.text) not in N.PLACES:
            continue
        ptext = paragraph_text(articles[c.article], c.paragraph)
        if ptext[c.end : y.start] not in _CAMPUS_BETWEEN:
            continue
        campus = Candidate(c.article, c.paragraph, c.start, y.end, ptext[c.start : y.end])
        campus.votes = [c.votes[0] + y.votes[0], c.votes[1] + y.votes[1], c.votes[2], c.votes[3]]
        merged[i] = campus
    # the school and its city become one candidate
    return _splice(cands, merged, {j for i in merged for j in (i, i + 1)}) if merged else cands


def _drop_group_members(articles: list[Article], cands: list[Candidate]) -> list[Candidate]:
    """ "a Crip", "the Crip" beside the story's group "the Crips": one member of the group, a
    common noun, not a name of its own.  Not a word that ends a longer name (the surname
    "Gray" beside "the Grays")."""
    texts = {c.text for c in cands}
    singular = {
        t[:-1] for t in texts if len(t) > 4 and t.endswith("s") and " " not in t and t.isalpha()
    }
    members = singular & texts
    if not members:
        return cands
    for t in texts:
        sp = t.rfind(" ")
        if sp > 0:
            members.discard(t[sp + 1 :])
    members = {m for m in members if not _known(tok_fold(m))}
    if not members:
        return cands
    drop = set()
    for i, c in enumerate(cands):
        if c.text in members:
            before = articles[c.article].paragraphs[c.paragraph].text[max(0, c.start - 5) : c.start]
            prev = before.split()[-1:] if before[-1:].isspace() else []
            if prev and prev[0].lower() in _ARTICLES:
                drop.add(i)
    return [c for i, c in enumerate(cands) if i not in drop] if drop else cands


def _vote_street_stems(cands: list[Candidate]) -> None:
    """A name that is the stem of one of the story's streets ("Snyder" of "Snyder Ave", "at
    Church and Snyder") is that street, a place, unless the story also ends a longer name with it
    (the surname of "Tom Snyder")."""
    texts = {c.text for c in cands}
    stems: set[str] = set()
    for t in texts:
        sp = t.rfind(" ")
        if sp > 0 and tok_fold(t[sp + 1 :]) in N.STREET_HEADS:
            stems.add(t[:sp])
    if not stems:
        return
    for t in texts:
        sp = t.rfind(" ")
        if sp > 0 and t[sp + 1 :] in stems and tok_fold(t[sp + 1 :]) not in N.STREET_HEADS:
            stems.discard(t[sp + 1 :])
    for c in cands:
        if c.text in stems:
            v = c.votes[:]  # a new list: votes are shared between candidates (_share_votes)
            v[2] += 2.0
            v[0] -= 1.0
            c.votes = v


def _bare_title_surnames(
    articles: list[Article], cands: list[Candidate], surnames: set[str]
) -> list[Candidate]:
    """Mentions of a surname that is also a title word ("King" of "Tishana King"), written alone
    as surnames are ("King told The News", "King, 39,"): a title needs a name after it or an
    article before it ("the King", "King Abdullah"), so a bare one is the story's person."""
    found: list[tuple[int, int, int, int, str]] = []
    for ai, art in enumerate(articles):
        # One search over the article's text, not one per paragraph: the word is rare.
        hits = whole_words(art.text, surnames)
        if not hits:
            continue
        starts = [p.start for p in art.paragraphs]
        for m_start, m_end, word in hits:
            pi = bisect.bisect_right(starts, m_start) - 1
            if pi >= 0:
                para = art.paragraphs[pi]
                a, b = m_start - para.start, m_end - para.start
                if not para.boilerplate and para.text[a:b] == word:
                    found.append((ai, pi, a, b, word))
    where = {(ai, pi) for ai, pi, _, _, _ in found}
    taken: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for c in cands:
        key = (c.article, c.paragraph)
        if key in where:
            taken.setdefault(key, []).append((c.start, c.end))
    out: list[Candidate] = []
    for ai, pi, a, b, word in found:
        if any(s < b and a < e for s, e in taken.get((ai, pi), ())):
            continue  # inside a name already found ("Tishana King")
        ptext = articles[ai].paragraphs[pi].text
        before = _BARE_TITLE_BEFORE_RE.search(ptext, max(0, a - 16), a)
        if _BARE_TITLE_NEXT_RE.match(ptext, b) or (
            before is not None and before.group(1).lower() not in _OPENERS
        ):
            continue  # "King Abdullah", "the King", "Jordan's King"; not "But King"
        c = Candidate(ai, pi, a, b, word)
        c.votes[0] += 1.0
        _context_votes(ptext, a, b, c.votes)
        out.append(c)
    return out


def whole_words(text: str, words: set[str]) -> list[tuple[int, int, str]]:
    r"""(start, end, word) of each whole-word occurrence of ``words`` (alphabetic) in ``text``,
    by start: what ``re.finditer(r"\b(?:w1|w2|...)\b", text)`` finds, from ``str.find`` (the
    regex tries its alternation at every word boundary of megabytes of text; a word only ends
    at a non-word character, so two hits never overlap)."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    for w in words:
        size = len(w)
        i = text.find(w)
        while i >= 0:
            j = i + size
            if (i == 0 or not _is_word_char(text[i - 1])) and (
                j == n or not _is_word_char(text[j])
            ):
                out.append((i, j, w))
            i = text.find(w, i + 1)
    out.sort()
    return out


def _is_word_char(ch: str) -> bool:
    r"""``ch`` is a regex word character (``\w`` on ``str``: alphanumeric or underscore)."""
    return ch.isalnum() or ch == "_"


_TITLE_SURNAME_ENDINGS = tuple(" " + w.capitalize() for w in sorted(N.TITLE_SURNAMES))
# Capitalised words that may stand before a bare surname ("But King", "When King").
_OPENERS = N.STOP_CAPS - {"the", "a", "an"}
_BARE_TITLE_NEXT_RE = re.compile(rf"[ \u00a0]+[{_UP}]|['’-]|[ \u00a0]+of\b")
_BARE_TITLE_BEFORE_RE = re.compile(rf"(\b(?:the|a|an)|['’]s?|\b[{_UP}][\w.]*)[ \u00a0]+$")


def _share_votes(
    cands: list[Candidate], start: int, shared: dict[tuple[float, ...], list[float]]
) -> None:
    """Make the candidates from ``start`` on (one paragraph's, their votes final) hold one list
    per distinct set of votes: most occurrences of a name carry the same few votes, and a list
    of four floats is 88 bytes a candidate (a table of 240,000 rows names 240,000 times, issue
    10).  Nothing writes a candidate's votes after its paragraph (a later change makes a new
    list)."""
    for k in range(start, len(cands)):
        c = cands[k]
        c.votes = shared.setdefault(tuple(c.votes), c.votes)


_TRAILING = ",.;:!?\"”’')"
# A party member after a place ("an Arizona Republican", "the Mississippi Democrat") describes a
# politician; the place is the only name.
_PARTY_MEMBERS = frozenset("democrat democrats republican republicans".split())
# Bodies named after their subject with "on" ("Council on Foreign Relations").
_ON_HEADS = frozenset(
    "council councils committee committees subcommittee commission commissions panel task force "
    "conference forum institute center centre office".split()
)
# Titles followed by a field of study rather than a body ("Professor of Conservation Ecology").
_ACADEMIC_HEADS = frozenset("professor professors dean lecturer reader fellow".split())
# A name with one of these inside is a body's, not a person's: its last word is not a surname
# ("Health" of "National Institutes of Health" stays a common word when used alone).
_INNER_CONNECTORS = (" of ", " for ", " and ", " on ", " to ", " & ")
_ADJ_ENDINGS = ("al", "ic", "ary", "ive", "ous")
_CODE_RE = re.compile(r"[A-Z]{1,4}-?\d{5,}")
# A party and a state after a US lawmaker's name ("Sen. Bob Corker, R-Tenn.", "D-N.Y.").
_PARTY_TAG_RE = re.compile(r"[RDI]-([A-Z][A-Za-z.]{1,7})")


def _party_tag(text: str) -> bool:
    """``text`` is a party-and-state tag: a party letter, a hyphen and a state's abbreviation or
    postal code ("R-Tenn", "D-Calif.", "D-N.Y.", "I-VT")."""
    m = _PARTY_TAG_RE.fullmatch(text)
    if m is None:
        return False
    state = m.group(1).replace(".", "").lower()
    return state in N.US_STATE_ABBREVIATIONS or state in N.US_STATE_CODES


_BODIES = frozenset({"congress", "senate", "parliament", "house", "cabinet"})


def _drop_common_words(
    cands: list[Candidate], lower: set[str], common_phrases: set[str] | None = None
) -> list[Candidate]:
    """Drop capitalised common words, and mark phrases of common words as not being people.

    A word the story also writes in lower case is a common word, not a name, when capitalised
    alone: headline and sentence-initial nouns ("Summit", "Workers", "Deputy"), capitals for
    emphasis ("COLLUSION").  It stays a name when it is known (a place, given name, known body)
    or ends a longer name of the story (the surname "Gray" of "Kimani Gray", "House" of "White
    House").  A multi-word name made only of such words ("Conservation Biology", "Human Rights",
    "Pacific Partnership" minus the place) is kept but gets a vote against being a person, and
    is added to ``common_phrases`` when given.
    """
    seen_lower = lower.__contains__

    texts = {c.text for c in cands}
    last_words = set()
    for t in texts:
        sp = t.rfind(" ")
        # (``map`` rather than a generator: one made and closed per distinct text otherwise)
        if sp > 0 and not any(map(t.__contains__, _INNER_CONNECTORS)):
            first = t.split(None, 1)[0]
            if not (first.isalpha() and seen_lower(first.lower())):
                last_words.add(tok_fold(t[sp + 1 :]))
            if t.count(" ") == 1 and "-" in t[sp + 1 :]:
                last_words.add(tok_fold(first))  # surname first: "Moon" of "Moon Jae-in"
    # Per distinct text: 0 keep, 1 keep but not a person, 2 drop.
    verdict: dict[str, int] = {}
    for t in texts:
        if t.isupper() and t.replace(". ", "").replace(".", "").lower() in NON_NAME_ABBREVIATIONS:
            verdict[t] = 2  # "D. A.", "S.W.A.T.": spaced or dotted, still a common noun
            continue
        if _CODE_RE.fullmatch(t):
            verdict[t] = 2  # "VA089897": a case or licence number, not a name
            continue
        if _party_tag(t):
            verdict[t] = 2  # "R-Tenn.", "D-N.Y.": a member of Congress's party and state
            continue
        if " " not in t:
            f = tok_fold(t)
            if is_acronym(t):
                keep = len(f) < 4 or not f.isalpha() or not seen_lower(f)
            else:
                keep = (
                    f in last_words
                    or f in _BODIES
                    or _known(f)
                    or not f.isalpha()
                    or not seen_lower(f)
                )
            verdict[t] = 0 if keep else 2
            continue
        toks = t.split()
        kind = 0
        if all(w.isalpha() and seen_lower(w.lower()) for w in toks):
            if all(w.isupper() for w in toks):
                kind = 2  # "MUST SEE", "FOR IMMEDIATE RELEASE": emphasis
            elif fold(toks[0]) not in N.GIVEN_NAMES:
                kind = 1
                if common_phrases is not None:
                    common_phrases.add(t)
        elif t.isupper() and all(
            w.isalpha() and (w.lower() in N.FUNCTION_WORDS or seen_lower(w.lower())) for w in toks
        ):
            # A label in capitals made of common words, one of them a function word the story
            # never writes in lower case ("MUST SEE:", "READ MORE HERE"): emphasis all the same.
            kind = 2
        elif fold(toks[0]) in N.DEMONYMS and all(
            w.isalpha() and w.lower().endswith(_ADJ_ENDINGS) and seen_lower(w.lower())
            for w in toks[1:]
        ):
            kind = 2  # "an Indian Naval ship", "the Russian Military": adjectives, not a name
        verdict[t] = kind
    out = []
    for c in cands:
        kind = verdict[c.text]
        if kind == 2:
            continue
        if kind == 1:
            c.votes = [c.votes[0] - 2.0, *c.votes[1:]]  # a new list: equal ones are shared
        out.append(c)
    return out


def _drop_generic_phrases(
    articles: list[Article], cands: list[Candidate], phrases: set[str]
) -> list[Candidate]:
    """Drop a capitalised phrase of common words (``phrases``: each word also written in lower
    case in the story, see ``_drop_common_words``) that the story only writes after "a" or "an"
    and not before a noun: one of a kind, not a name ("president of a State Medical Society in
    the United States", "filed in a Federal Court").  "a Superior Court jury" (a modifier) and
    any phrase also met after "the" or alone stay."""
    maybe: set[str] = set()
    named: set[str] = set()  # also met after "the", alone, or before a noun
    for c in cands:
        t = c.text
        if t not in phrases or t in named:
            continue
        ptext = paragraph_text(articles[c.article], c.paragraph)
        if not c.modifier and (" " + ptext[max(0, c.start - 4) : c.start]).endswith(
            (" a ", " an ", " A ", " An ")
        ):
            maybe.add(t)
        else:
            named.add(t)
    drop = maybe - named
    return [c for c in cands if c.text not in drop] if drop else cands


# Demonyms of five or more letters by first letter and length, for the typo check below.
_DEMONYMS_BY_KEY: dict[tuple[str, int], list[str]] = {}
for _d in sorted(N.DEMONYMS):
    if len(_d) >= 5 and _d.isalpha():
        _DEMONYMS_BY_KEY.setdefault((_d[0], len(_d)), []).append(_d)


def _drop_misspelt_demonyms(cands: list[Candidate]) -> list[Candidate]:
    """Drop a one-letter typo of a demonym used as one ("26 Somani brigands" for Somali): a
    single unknown word, only ever written before a lower-case noun, one edit (or swap) away from a
    people's adjective.  Such an adjective is no name (see ``_keep_single``), nor is its typo."""
    only_modifier = {c.text for c in cands if c.modifier}
    only_modifier -= {c.text for c in cands if not c.modifier}
    drop = set()
    for t in only_modifier:
        if " " in t or len(t) < 5 or not t.isalpha() or not t[0].isupper() or t.isupper():
            continue
        f = fold(t)
        if _known(f) or f in N.DEMONYMS:
            continue
        n = len(f)
        if any(
            OSA.distance(f, d, score_cutoff=1) <= 1
            for k in (n - 1, n, n + 1)
            for d in _DEMONYMS_BY_KEY.get((f[0], k), ())
        ):
            drop.add(t)
    return [c for c in cands if c.text not in drop] if drop else cands


_Found = tuple[int, int, str, int, bool]
"""One name inside a span: (start, end) relative to the span, text, cue cut off before it
(0 none, 1 a person's title, 2 an organisation descriptor), lone sentence-initial word (kept
only if confirmed elsewhere)."""


def _analyse_span(
    span: str,
    initial: bool,
    vocab: set[str] | None,
    mid_tokens: set[str],
    lower: set[str] | frozenset[str] = frozenset(),
) -> tuple[list[_Found], bool]:
    """Names inside one capitalised span, and whether the answer depended on ``mid_tokens``
    (then it must not be cached: the set grows while reading)."""
    toks = _pieces(span, 0, len(span), initial)
    consulted = False
    if vocab is not None:
        toks = _break_common(toks, vocab)
    else:
        consulted = _drop_initial_verb(toks, mid_tokens, lower)
    found: list[_Found] = []
    for g, titled in _clean(toks):
        names = [t for t in g if not t.conn]
        if len(names) == 1 and not _keep_single(names[0]):
            continue
        if len(names) > 1 and all(
            t.fold in N.DEMONYMS or t.fold in N.TITLE_MODIFIERS for t in names
        ):
            continue
        if len(names) > 1 and names[-1].fold.endswith("s") and names[-1].fold in N.DEMONYMS:
            continue  # "Christian North Koreans": a group of people, not a name
        if len(names) == 2:
            if names[1].fold in N.DEMONYMS and names[0].fold in N.DIRECTIONS:
                continue  # "the North Korean leader", "South African troops": an adjective
            if names[1].fold in _PARTY_MEMBERS and names[0].fold in N.PLACES:
                g = names[:1]  # "the Mississippi Democrat": a party member from a place
                names = g
        a, b = g[0].start, g[-1].end
        lone_initial = len(names) == 1 and g[0].initial and vocab is None
        if vocab is None:
            for t in names:
                if not t.initial:
                    mid_tokens.add(t.fold)
        found.append((a, b, span[a:b], titled, lone_initial))
    return found, consulted


# Abbreviations of US states that are also titles or words ("Miss.", "Ind."): a state only right
# after "<Place>, ".
_AMBIGUOUS_STATES = N.STATE_ABBREVIATIONS_AFTER_COMMA - N.US_STATE_ABBREVIATIONS
_PLACE_COMMA_RE = re.compile(rf"[{_UP}][\w.'’-]*, $")


# The number part of a code written after its capital letters: four or more digits, or three
# with a leading zero, that are no year ("BEY 0843", "ZK 20417"; not "NATO 2019", "UFC 229").
_CODE_NUMBER_RE = re.compile(r" (?!(?:19|20)\d\d(?!\d))(?:\d{4,}|0\d\d)(?![\w.,]\d)")


def _after_a_degree(ptext: str, pos: int) -> bool:
    """The word ending at ``pos`` names an academic degree or a major ("BS", "degree")."""
    before = ptext[max(0, pos - 12) : pos].rsplit(None, 1)
    return bool(before) and before[-1].lower().replace("’", "'") in N.DEGREE_WORDS


# A clock time right before a name: the name is the time's zone ("7:00pm UK", "22:07 GMT").
_CLOCK_BEFORE_RE = re.compile(r"\b\d{1,2}[:.]\d{2} ?(?:[ap]\.? ?m\.?)? $", re.IGNORECASE)


def _state_after_comma(ptext: str, s: int, span: str) -> bool:
    """``span`` is an ambiguous state abbreviation after "<Capitalised word>, " ("Jackson,
    Miss.", "Gary, Ind."), which the title rules would otherwise cut as "Miss"."""
    return (
        span[:-1].lower() in _AMBIGUOUS_STATES
        and _PLACE_COMMA_RE.search(ptext, max(0, s - 40), s) is not None
    )


def _detect_paragraph(
    ai: int,
    pi: int,
    para: Paragraph,
    vocab: set[str] | None,
    mid_tokens: set[str],
    cands: list[Candidate],
    definitions: list[tuple[str, str]],
    cache: dict[tuple[str, bool], list[_Found]] | None,
    lower: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Candidates of one paragraph.  In Title Case / ALL CAPS lines (``vocab`` given) a word
    only counts as a name word when it is known or was seen capitalised mid-sentence elsewhere."""
    ptext = para.text
    starts = SentenceStarts(ptext, para.sentences)
    para_cands: list[Candidate] = []
    titles = _quoted_titles(ptext) if ('"' in ptext or "“" in ptext) else ()
    has_family = "family" in ptext
    n_text = len(ptext)
    # Rare patterns are looked for once per paragraph, not at every name.
    has_body_word = "administration" in ptext or "government" in ptext or "campaign" in ptext
    has_team_number = _has_team_number(ptext)
    for a, b in titles:
        c = Candidate(ai, pi, a, b, ptext[a:b], work=True)
        c.votes[0] -= 6.0  # a work's title: neither a person nor a place nor a body
        c.votes[1] -= 3.0
        c.votes[2] -= 6.0
        para_cands.append(c)
    for s, e in _spans(ptext):
        if titles and any(a < e and s < b for a, b in titles):
            continue
        if s > 1 and ptext[s - 1] == " " and ("a" <= ptext[s - 2] <= "z" or ptext[s - 2] == ","):
            initial = False  # after "word " or ", " no sentence opens: skip the look-up
        else:
            initial = (
                starts.opens_sentence(s)
                or (
                    s > 1
                    and (ptext[s - 1] in _QUOTE_OPENERS or ptext[s - 2] == ":")
                    and _opens_quote_or_clause(ptext, s, e)
                )
                or _after_dateline(ptext, s)
            )
        span = ptext[s:e]
        if cache is not None:
            key = (span, initial)
            found = cache.get(key)
            if found is None:
                found, consulted = _analyse_span(span, initial, vocab, mid_tokens, lower)
                if not consulted:
                    cache[key] = found
        else:
            found, _ = _analyse_span(span, initial, vocab, mid_tokens, lower)
        state = e - s <= 6 and span[-1] == "." and _state_after_comma(ptext, s, span)
        if state:
            found = [(0, e - s, span, 0, False)]  # "Biloxi, Miss.": the state, not a title
        elif (
            span[-1] in _NUMBERED_LAST
            and span.endswith(_NUMBERED_ENDINGS)
            and _last_word(span) in N.NUMBERED_NAME_HEADS
        ):
            found = _with_number(ptext, s, e, found)
        elif has_team_number and found and found[-1][1] == e - s:
            m = _NUMBER_NAME_RE.match(ptext, e)
            if m is not None:  # "Philadelphia 76ers", "San Francisco 49ers": one name
                ra, _, _, titled, _ = found[-1]
                found = [*found[:-1], (ra, m.end() - s, ptext[s + ra : m.end()], titled, False)]
        for ra, rb, text, titled, lone_initial in found:
            a, b = s + ra, s + rb
            if (
                b - a <= 4
                and text.isupper()
                and a > 4
                and ptext[a - 2] in "0123456789mM."
                and _CLOCK_BEFORE_RE.search(ptext, 0, a)
            ):
                continue  # "11:39am UK": a time zone, not the country; not "11:30 p.m. Kimani"
            if (
                b - a <= 4
                and "0" <= ptext[b + 1 : b + 2] <= "9"
                and ptext[b : b + 1] == " "
                and text.isupper()
                and _CODE_NUMBER_RE.match(ptext, b)
            ):
                continue  # "plate BEY 0843", "case ZK 20417": a code's letters, not a name
            if (
                a > 4
                and ptext[a - 2] == "n"
                and ptext.endswith(" in ", 0, a)
                and _after_a_degree(ptext, a - 4)
            ):
                continue  # "a BS in Chemistry": a field of study, not a place
            if (
                b == e
                and has_body_word
                and ptext.startswith(_BODY_WORDS, b + 1)
                and (m := _BODY_OF_NAME_RE.match(ptext, b))
                and _names_a_body_head(text)
            ):
                b = m.end()  # "the Obama administration": a body of its own, not Obama
                text = ptext[a:b]
            # The votes given here, not by the field's factory: one call fewer per mention.
            c = Candidate(ai, pi, a, b, text, lone_initial, [0.0, 0.0, 0.0, 0.0])
            if (
                has_family
                and ptext.startswith("family", b + 1)
                and _FAMILY_AFTER_RE.match(ptext, b)
                and fold(text) not in N.PLACES
                and fold(text) not in N.DEMONYMS
            ):
                c.family = 1  # "the Gray family": the family, not Kimani Gray
            elif (
                text[-1] == "s"
                and " " not in text
                and not text.endswith("ss")
                and len(text) > 4
                and not text.isupper()
                and ptext.endswith(("the ", "The "), 0, a)
            ):
                c.family = 2
            if titled == 1:
                c.votes[0] += 3.0
            elif titled == 2:
                c.votes[1] += 2.0
            elif titled == 3:
                _vote_vessel(c.votes)
            _context_votes(ptext, a, b, c.votes)
            if state:
                c.votes[2] += 3.0
            if b < n_text - 1 and ptext[b] == " " and ptext[b + 1].islower():
                # A lower-case noun after the name makes it a modifier ("the San Diego
                # freeway"); a verb or a function word does not ("Indianapolis won", "lost to
                # Portland in May").  Inline: this runs for a third of all mentions.
                m = _FOLLOWER_RE.match(ptext, b + 1)
                nxt = m.group() if m else ""
                c.follower = nxt
                if nxt not in _NOT_MODIFIERS and not (nxt[-2:] == "ed" and is_past_tense(nxt)):
                    c.modifier = True
            para_cands.append(c)
    if len(para_cands) > 1 and "(" in ptext:
        definitions.extend(find_definitions(ptext, para_cands))
    cands.extend(para_cands)


# Lower-case words after a name that do not make it a noun's modifier (see _detect_paragraph).
_NOT_MODIFIERS = N.FUNCTION_WORDS | IRREGULAR_PAST
_FOLLOWER_RE = re.compile(r"[a-z]+")

# A person's name then one of these lower-case words names a body of its own ("the Obama
# administration", "the Romney campaign"): a statement by the administration is not a quote
# from Obama, and ECB+ files it under its own chain.  A place before "government" is the place
# acting as a state ("the Kenyan government", "the United States government"), as ECB+ types it.
_BODY_WORDS = ("administration", "government", "campaign")
_BODY_OF_NAME_RE = re.compile(r"[ \u00a0](?:administration|government|campaign)\b")


def _names_a_body_head(text: str) -> bool:
    """``text`` can head "<name> administration / government / campaign": not a known place, a
    people's adjective or an acronym ("the U.S. government" is the United States)."""
    f = fold(text)
    return not (f in N.PLACES or f in N.DEMONYMS or f in _ALIAS_KEYS or is_acronym(text))


# "the Gray family", "the Gray family's lawyer"; not "family physician", "family home".
_FAMILY_AFTER_RE = re.compile(
    r"[ \u00a0]+family\b(?!['’]s\s+(?:home|house|farm|business)|\s+(?:physicians?|doctors?|"
    r"practice|practitioners?|medicine|planning|court|law|values|business|farm|home|house|"
    r"friendly|leave|man|room|car|tree|name|members)\b)"
)

# A number glued to a plural "-ers" ending a team's name ("76ers", "49ERS").
_TEAM_NUMBER_RE = re.compile(r"\d(?:ers|ERS)\b")
_NUMBER_NAME_RE = re.compile(r"[ \u00a0]\d{1,3}(?:ers|ERS)\b")


def _has_team_number(ptext: str) -> bool:
    """``_TEAM_NUMBER_RE.search(ptext) is not None``, answered with ``str.find`` (a regex search
    for a digit reads every character of every paragraph; "ers" is found by a fast scan and is
    rarely after a digit): a decimal digit (``\\d``), "ers" or "ERS", then no word character
    (``\\b``: ``str.isalnum`` or "_", as the regex engine reads it)."""
    n = len(ptext)
    for suffix in ("ers", "ERS"):
        i = ptext.find(suffix, 1)
        while i > 0:
            j = i + 3
            if ptext[i - 1].isdecimal() and (j == n or not (ptext[j].isalnum() or ptext[j] == "_")):
                return True
            i = ptext.find(suffix, i + 1)
    return False


# The number after a road or flight word ("Interstate 75", "Route 66", "Flight 370").
_NUMBER_TAIL_RE = re.compile(r"[ \u00a0]+\d{1,4}(?![\w.,]\d|\w)")


_QUOTE_OPENERS = frozenset("\"'“‘")
_QUOTE_CLOSERS = frozenset("\"'”’")


def _opens_quote_or_clause(ptext: str, s: int, e: int) -> bool:
    """The span ``s:e`` opens quoted speech (", simply, "Maybe I can..."; 'Rest in peace') or
    follows a colon ("nomination: Stories and resources"): capitalised there by position, so a
    lone word must be confirmed elsewhere like a sentence's first word.  A quoted name alone
    ("the moniker "Sepy"", "“Shapow,”") is not speech."""
    if s < 2:
        return False
    c = ptext[s - 1]
    if c in _QUOTE_OPENERS:
        return ptext[s - 2] in " (\u00a0," and not any(
            ch in _QUOTE_CLOSERS for ch in ptext[e : e + 3]
        )
    return c == " " and ptext[s - 2] == ":"


_NUMBERED_ENDINGS = tuple(
    form for w in N.NUMBERED_NAME_HEADS for form in (w.capitalize(), w.upper())
)


_NUMBERED_LAST = frozenset(w[-1] for w in _NUMBERED_ENDINGS)


def _last_word(text: str) -> str:
    return text.rpartition(" ")[2].rstrip(".").lower()


def _with_number(ptext: str, s: int, e: int, found: list[_Found]) -> list[_Found]:
    """A span ending in a road or flight word followed by a number ("on Interstate 75"): the
    number belongs to the name, which then ends there (a new list; ``found`` may be cached)."""
    tail = _NUMBER_TAIL_RE.match(ptext, e)
    if tail is None:
        return found
    end = tail.end() - s
    head = ptext.rfind(" ", s, e) + 1 - s if " " in ptext[s:e] else 0
    out = [f for f in found if f[1] <= head]
    last = [f for f in found if f[1] > head]
    start = last[0][0] if last and last[0][0] <= head else head
    out.append((start, end, ptext[s + start : s + end], 0, False))
    return out


def _vote_honour(votes: list[float]) -> None:
    """An honour's name: neither a person, a place nor (less firmly) a body."""
    votes[0] -= 3.0
    votes[1] -= 1.5
    votes[2] -= 3.0


def _vote_vessel(votes: list[float]) -> None:
    """A ship's name: neither a person, a place nor a body (the entity is typed "other")."""
    votes[0] -= 4.0
    votes[1] -= 2.0
    votes[2] -= 4.0


_QUOTED_RE = re.compile(r'["“]\s?([^"“”]{2,80}?)\s?["”]')
_TITLE_SMALL = frozenset(
    "a an the of in on at to for and or but with by from as et de la le du des".split()
)
_WORD_BEFORE_RE = re.compile(r"([a-z]+)[ \u00a0]*$")
_WORD_AFTER_RE = re.compile(r"[ \u00a0]*([a-z]+)")


def _quoted_titles(ptext: str) -> list[tuple[int, int]]:
    """Titles of works quoted in the text ("Angel in a White Coat", "Changing the Face of
    Medicine", "Person of the Week"): a quoted phrase of two to ten words in title case (each
    word capitalised except short function words, first and last capitalised) with at least one
    function word inside, or of three or more words opening with an article ("A Higher
    Loyalty"), or any quoted title-case phrase of up to six words that a work noun introduces or
    follows ("his movie "Ted"", "the "Family Guy" animated show").  Such a phrase is one name of
    a work, never a person or place named by its words; quoted speech has lower-case words and
    does not qualify.  A period or comma closing a title inside the quotes, as American style
    puts it ("Changing the Face of Medicine."), is not part of it."""
    out = []
    pos = 0
    while (m := _QUOTED_RE.search(ptext, pos)) is not None:
        # A straight quote both opens and closes: when a pair is no title, its closing mark
        # may open the next one ('the president, "Mr. X wrote in his book, "An American Life:
        # ..."', where the first mark closed a quotation), so the search goes on from it.
        pos = m.end(1)
        words = m.group(1).split()
        if not 1 <= len(words) <= 10:
            continue
        if not (words[0][:1].isupper() and words[-1][:1].isupper()):
            continue
        small = 0
        ok = True
        for w in words:
            core = w.strip(",.:;!?'’")
            if not core:
                ok = False
                break
            if core[0].isupper() or core[0].isdigit():
                continue
            if core.lower() in _TITLE_SMALL:
                small += 1
                continue
            ok = False
            break
        if not ok:
            continue
        body = m.group(1).rstrip()
        closing = words[-1][-1:]
        if closing in ",.":
            body = body[:-1].rstrip()
        work = len(words) <= 6 and _work_noun_near(ptext, m.start(), m.end())
        if closing in ",.;:!?" and not (work or (small and closing in ",." and len(words) >= 3)):
            continue  # a quoted sentence
        if work or small or (len(words) >= 3 and words[0].lower() in ("a", "an", "the")):
            a = m.start(1)
            out.append((a, a + len(body)))
            pos = m.end()
    return out


def _work_noun_near(ptext: str, start: int, end: int) -> bool:
    """A work noun right before the opening quote ("his movie") or right after the closing one
    ("show", or "animated show": a lower-case adjective may come first)."""
    before = _WORD_BEFORE_RE.search(ptext, max(0, start - 20), start)
    if before and before.group(1) in N.WORK_NOUNS:
        return True
    pos = end
    for _ in range(2):
        after = _WORD_AFTER_RE.match(ptext, pos)
        if after is None:
            return False
        if after.group(1) in N.WORK_NOUNS:
            return True
        pos = after.end()
    return False


def _spans(ptext: str) -> list[tuple[int, int]]:
    """(start, end) of each maximal capitalised span, with a leading particle ("de Mistura") or
    an Arabic-style prefix ("al-Assad"), never starting inside a word ("iPhone")."""
    out: list[tuple[int, int]] = []
    search = _SPAN_RE.search
    hyphens = " - " in ptext
    pos = 0
    while True:
        m = search(ptext, pos)
        if m is None:
            return out
        s, e = m.span()
        if s:
            c = ptext[s - 1]
            if c == " " or c == "\u00a0":
                # The word before the space ends with ``ptext[s - 2]``: most words end with
                # no particle's last letter, and skip the slice.
                if (
                    s > 1
                    and ptext[s - 2] in _LEAD_LAST_ENDS
                    and ptext[max(0, s - 7) : s - 1].rpartition(" ")[2] in _LEAD_LAST
                ):
                    lead = _LEAD_BEFORE_RE.search(ptext, max(0, s - 10), s)
                    if lead:
                        s = lead.start()
            elif c == "-":
                j = s - 1
                while j > 0 and ptext[j - 1].isalpha():
                    j -= 1
                if ptext[j : s - 1] in _HYPHEN_PREFIX_SET and not (
                    j and (ptext[j - 1].isalnum() or ptext[j - 1] in "'’-_")
                ):
                    s = j
                else:
                    pos = s + 1  # "anti-American", "Jong-Un" seen from the inside
                    continue
            elif c.isalnum() or c in "'’_":
                pos = s + 1  # inside a word ("iPhone")
                continue
        out.append((s, e))
        pos = e
        if hyphens and ptext.startswith(" - ", e):
            out = _spaced_hyphens(ptext, out)
            pos = out[-1][1]


def _spaced_hyphens(ptext: str, out: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join one-word spans separated by spaced hyphens into one name when they cannot be a dash
    between two names: a chain of three or more ("Saint - Jean - Cap - Ferrat", as tokenised
    text writes "Saint-Jean-Cap-Ferrat"), or a given name joined to a given name or to a name
    that goes on ("Jean - Paul", "Jean - Luc Godard").  "Obama - Clinton" and "WASHINGTON -
    Officials" stay apart.  The last span of ``out`` is the chain's first."""
    s, e = out[-1]
    parts = [(s, e)]
    while ptext.startswith(" - ", e):
        m = _SPAN_RE.match(ptext, e + 3)
        if m is None:
            break
        e = m.end()
        parts.append(m.span())
    words = [ptext[a:b] for a, b in parts]
    if any(" " in w or w.isupper() or _is_stop(w, tok_fold(w)) for w in words[:-1]):
        return out
    last, _, surname = words[-1].partition(" ")
    if _is_stop(last, tok_fold(last)) or last.isupper():
        return out
    if len(words) < 3 and not (
        tok_fold(words[0]) in N.GIVEN_NAMES and (tok_fold(last) in N.GIVEN_NAMES or surname)
    ):
        return out  # two parts: a given name then a given name or a name ("Jean - Luc Godard")
    out[-1] = (s, parts[-1][1])
    return out


def _drop_initial_verb(
    toks: list[_Tok], mid_tokens: set[str], lower: set[str] | frozenset[str] = frozenset()
) -> bool:
    """ "Typically Microsoft ...", "Choosing DeGeneres ...", "Fired Jim O'Brien ...": a
    sentence-initial -ly adverb or -ing form, or an -ed verb before a given name and a surname,
    is not part of the name unless the word is also seen capitalised mid-sentence or is known.
    So is a common noun that the story writes in lower case before a given name and a surname
    ("Actress Tara Reid entered...", "Forward Tyler Hansbrough broke..."): a description.
    Returns whether ``mid_tokens`` was consulted."""
    if len(toks) < 2 or not toks[0].initial or toks[0].conn:
        return False
    f = toks[0].fold
    if f in _INITIAL_OPENERS:
        toks[0].stop = True
        toks[1].initial = False
        return False
    if (
        f in lower
        and len(toks) > 2
        and not toks[1].conn
        and toks[1].fold in N.GIVEN_NAMES
        and not toks[2].conn
        and not _known(f)
    ):
        toks[0].stop = True
        toks[1].initial = False
        return False
    if (
        not f.endswith("ly")
        and not (f.endswith("ing") and len(f) >= 6)
        and not (
            f.endswith("ed")
            and len(f) >= 5
            and len(toks) > 2
            and not toks[1].conn
            and toks[1].fold in N.GIVEN_NAMES
            and not toks[2].conn
        )
    ):
        return False
    if f not in mid_tokens and not _known(f):
        toks[0].stop = True
        toks[1].initial = False
    return True


def find_definitions(ptext: str, para_cands: list[Candidate]) -> list[tuple[str, str]]:
    """Acronym definitions among consecutive names of a paragraph: "Islamic State (ISIS)",
    "the Islamic State group (ISIS)", "NATO (North Atlantic Treaty Organization)"."""
    out: list[tuple[str, str]] = []
    for x, y in zip(para_cands, para_cands[1:]):
        if (is_acronym(y.text) or is_acronym(x.text)) and _DEF_BETWEEN.match(
            ptext[x.end : y.start]
        ):
            if _DEF_AFTER.match(ptext[y.end : y.end + 4]) and not (
                _AGENCY_AFTER.match(ptext, y.end, y.end + 6)
                and _NOT_DATELINE_HEAD.search(ptext, 0, x.start) is None
            ):
                # not a dateline's agency: "WASHINGTON (Reuters) - ..." defines no acronym
                out.append((x.text, y.text))
    return out


def _break_common(toks: list[_Tok], seen_caps: set[str]) -> list[_Tok]:
    """In Title Case / ALL CAPS lines, a word never seen capitalised mid-sentence in normal text
    and not a known name ends the name ("Lindsay Lohan Leaves Betty Ford")."""
    for t in toks:
        if not t.conn and t.fold not in seen_caps and not _known(t.fold) and "." not in t.text:
            t.stop = True
    return toks


@functools.lru_cache(maxsize=65536)  # asked of each token of each distinct span
def _is_stop(text: str, fold: str) -> bool:
    """Capitalised function word ("However", "The", "He's"), not an acronym such as US; or an
    all-capitals abbreviation that names nothing (PM, EDT, SUV, MBA).  An initial ("A." of
    "L. A. County") is never the article."""
    if len(text) == 2 and text[1] == ".":
        return False
    if text in _ALLCAPS_STOP:
        return True
    if fold in NON_NAME_ABBREVIATIONS and (text.isupper() or "." in text):
        return True
    if fold in N.STOP_CAPS and not (len(text) > 1 and is_acronym(text)):
        return True
    if "'" in text or "’" in text:
        return text.replace("’", "'").split("'")[0].lower() in N.STOP_CAPS
    return False


def _initial_ok(text: str, mid_tokens: set[str]) -> bool:
    f = tok_fold(text)
    return f in mid_tokens or _known(f) or is_acronym(text)
