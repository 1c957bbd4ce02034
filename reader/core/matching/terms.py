"""Tokenising and normalising words, names and numbers for matching and highlighting.

Everything that compares wording across articles goes through :func:`term_key`, so two surface
forms meet exactly when their keys are equal:

* ``casefold`` plus accent stripping (Unicode NFKD, combining marks dropped, and a few letters
  NFKD leaves alone such as ``ı``, ``ø``, ``ł``, ``đ``) -- "Erdoğan" and "ERDOGAN" meet;
* possessive ``'s`` and inner apostrophes dropped -- "Erdogan's" meets "Erdogan";
* a small suffix folder (:func:`stem`) for plurals and ``-ed``/``-ing``/``-ly`` -- it only has
  to be *consistent*, not linguistically right, because both sides are folded the same way;
* a few derivational endings fold too (``-ation``/``-tion`` -> ``-t``, ``-ment``, ``-ator``), so
  "evacuation" meets "evacuated" and "negotiations" meets "negotiated";
* the shared vocabulary's near-synonyms and alternative names (:data:`SYNONYM_GROUPS`:
  killed/died/dead, soldiers/troops, lorry/truck, fled/evacuated, shelling/bombardment...) maps
  every member onto one key, so two outlets that word the same fact differently still share it.
  The table is general English, never the wording of one text; members are folded *after*
  stemming, so inflected forms ("soldiers", "fleeing") follow;
  A few well-known exonyms and transliterations (Kiev/Kyiv, Peking/Beijing) are listed too;
* numbers written with thousands separators lose them ("50,000" -> ``50000``), trailing
  ``.0`` goes ("3.0" -> ``3``), and the number words two..ninety become digits ("three" -> ``3``).

Spelling variants that normalisation cannot reconcile ("Zelensky"/"Zelenskyy") are met later by
:mod:`reader.core.matching.matcher` with fuzzy matching; the shared name is then reported as
``"Zelensky/Zelenskyy"`` and :func:`find_term_spans` highlights both spellings because it splits
terms into tokens (see its docstring).

The module has no dependency beyond the standard library so every layer may reuse it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Literal, NamedTuple

from reader.core.ingest.segment import SentenceStarts
from reader.core.vocabulary.folding import fold
from reader.core.vocabulary.number_words import TENS, UNITS
from reader.core.vocabulary.stopwords import STOPWORDS, WEEKDAYS
from reader.core.vocabulary.synonyms import (
    EVENT_CONCEPTS,
    NEWS_SYNONYM_GROUPS,
    one_word_alias_groups,
)

TokenKind = Literal["word", "number"]

# Words: runs of letters, with inner apostrophes ("O'Neill", "Erdogan's").  Hyphens split words
# on purpose, so "al-Assad" still meets "Assad" and "cross-border" meets "border".
# Numbers: digits with "," or "." separators ("50,000", "1.5").
TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
"""One token: a word (letters with inner apostrophes) or a number ("50,000", "1.5").  Use
``TOKEN_RE.findall`` for the fastest tokenisation when offsets are not needed."""
_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")

NUMBER_WORDS: dict[str, str] = {
    word: str(value) for word, value in {**UNITS, **TENS}.items() if value >= 2
}
"""Number words mapped to digits, from the shared vocabulary.  "one" (and "zero") are left out:
"one" is mostly a pronoun ("one of the ...")."""


SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    *EVENT_CONCEPTS.values(),
    *NEWS_SYNONYM_GROUPS,
    *one_word_alias_groups(),
)
"""Every group of the shared vocabulary that the matcher folds onto one key (see the module
docstring)."""


class Token(NamedTuple):
    """One token of a text.

    Attributes:
        start / end: half-open offsets into the text that was tokenised.
        text: the surface form as written.
        key: the normalised key (:func:`term_key`); equal keys mean "the same term".
        kind: ``"number"`` for digits and number words, else ``"word"``.
        capitalised: the surface form starts with an upper-case letter.
        sentence_initial: the token opens a sentence (so capitals prove nothing about names).
        stopword: a function word; such tokens never count as shared content.
    """

    start: int
    end: int
    text: str
    key: str
    kind: TokenKind
    capitalised: bool
    sentence_initial: bool
    stopword: bool


def stem(word: str) -> str:
    """Fold common English suffixes so inflected forms share a key.

    Deliberately light (plural ``-s``/``-es``/``-ies``, ``-ed``, ``-ing``, ``-ly``, final ``-e``,
    doubled final consonant) and conservative on short words, which are left alone.  It only has
    to map related forms to one key *consistently*; the key is never shown to the user.

    >>> stem("ministers"), stem("announced"), stem("announcing"), stem("stopped"), stem("cities")
    ('minister', 'announc', 'announc', 'stop', 'city')
    """
    n = len(word)
    if n <= 3:
        return word
    if word.endswith("ies") and n > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ches", "shes", "xes", "zes")) and n > 5:
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    n = len(word)
    if word.endswith("ing") and n >= 7:
        word = word[:-3]
    elif word.endswith("ed") and n >= 6:
        word = word[:-2]
    elif word.endswith("ly") and n >= 6:
        word = word[:-2]
    n = len(word)
    # Derivational endings: "evacuation"/"evacuated", "agreement"/"agreed", "investigator".
    if n >= 8 and word.endswith("tion"):
        word = word[:-3]
    elif n >= 9 and word.endswith("ment"):
        word = word[:-4]
    elif n >= 9 and word.endswith("ator"):
        word = word[:-2]
    n = len(word)
    if n >= 5 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
        word = word[:-1]
    if word.endswith("e") and len(word) >= 5:
        word = word[:-1]
    return word


def number_key(text: str) -> str:
    """Canonical key of a written number: "50,000" -> "50000", "3.50" -> "3.5", "3,5" -> "3.5".

    A comma followed by groups of exactly three digits is a thousands separator; any other
    comma is read as a decimal comma.
    """
    if "," in text:
        text = text.replace(",", "") if _THOUSANDS_RE.match(text) else text.replace(",", ".")
    if "." in text:
        head, _, tail = text.partition(".")
        tail = tail.replace(".", "").rstrip("0")
        text = f"{head}.{tail}" if tail else head
    stripped = text.lstrip("0")
    if not stripped or stripped.startswith("."):
        stripped = "0" + stripped
    return stripped


@lru_cache(maxsize=200_000)
def word_info(surface: str) -> tuple[str, TokenKind, bool]:
    """(key, kind, stopword) of a *word* surface form (not digits); cached because news text
    repeats itself.  Words shorter than two letters count as stopwords."""
    folded = fold(surface)
    if "'" in folded:
        if folded.endswith("'s"):
            folded = folded[:-2]
        folded = folded.replace("'", "")
    if folded in STOPWORDS:
        return folded, "word", True
    number = NUMBER_WORDS.get(folded)
    if number is not None:
        return number, "number", False
    key = stem(folded)
    return _SYNONYM_KEY.get(key, key), "word", len(folded) < 2


def _synonym_keys() -> dict[str, str]:
    """Stemmed member -> the stem of its group's first member."""
    out: dict[str, str] = {}
    for group in SYNONYM_GROUPS:
        head = stem(fold(group[0]))
        for word in group:
            out.setdefault(stem(fold(word)), head)
    return out


_SYNONYM_KEY = _synonym_keys()


def term_key(surface: str) -> str:
    """The normalised key of one token's surface form (word or number)."""
    if surface[:1].isdigit():
        return number_key(surface)
    return word_info(surface)[0]


def iter_tokens(text: str) -> Iterator[Token]:
    """Yield every word and number token of ``text`` with offsets and normalised keys.

    Stopwords are yielded too (flagged), so callers that need positions see every token.
    """
    starts = SentenceStarts(text)
    for m in TOKEN_RE.finditer(text):
        surface = m.group()
        start = m.start()
        if surface[0].isdigit():
            yield Token(start, m.end(), surface, number_key(surface), "number", False, False, False)
            continue
        key, kind, stop = word_info(surface)
        yield Token(
            start,
            m.end(),
            surface,
            key,
            kind,
            surface[0].isupper(),
            starts.opens_sentence(start),
            stop,
        )


def tokenize(text: str) -> list[Token]:
    """All tokens of ``text`` (see :func:`iter_tokens`)."""
    return list(iter_tokens(text))


DAY_NAME_KEYS: frozenset[str] = frozenset(stem(w) for w in WEEKDAYS if w.endswith("day"))
"""Keys of the weekday names.  Every story of a day shares "Tuesday": it dates a report and is
not a fact of it, so the matcher never counts it as shared content."""


@lru_cache(maxsize=200_000)
def content_key(surface: str) -> str:
    """Key of one token's surface form, ``""`` for a stopword, a weekday name or a 1-letter word
    (every story of a day shares "Tuesday": it dates a report, it is not a fact of it).  Cached
    like :func:`word_info`: the facts' labels ask for every word of every shared paragraph."""
    if surface[0].isdigit():
        return number_key(surface)
    key, _kind, stop = word_info(surface)
    return "" if stop or key in DAY_NAME_KEYS else key


def content_keys(text: str) -> list[str]:
    """Keys of the content tokens of ``text`` (see :func:`content_key`), in order: what the
    matcher can share between paragraphs.

    The fast path used for indexing many paragraphs: no Token objects are built, and the
    tokens are keyed and filtered without a Python-level loop.
    """
    return list(filter(None, map(content_key, TOKEN_RE.findall(text))))


def find_term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Offsets of the tokens of ``text`` that show one of ``terms``, sorted, for highlighting.

    Each term is tokenised with the same rules as the text and a text token is highlighted when
    its key equals the key of any token of any term, so accents, case, plurals, possessives and
    "50,000"/"50000" or "three"/"3" all meet.  Fuzzy spelling variants are handled by the
    *terms*, not here: :func:`reader.core.matching.matcher.align` reports a name met across spellings as
    ``"Zelensky/Zelenskyy"``, whose two tokens light up whichever spelling each paragraph uses.
    Stopwords inside multi-word terms ("Bank of England") are not highlighted on their own.
    """
    keys: set[str] = set()
    for term in terms:
        tokens = tokenize(term)
        for tok in tokens:
            if not tok.stopword or len(tokens) == 1:
                keys.add(tok.key)
    if not keys:
        return []
    return [(t.start, t.end) for t in iter_tokens(text) if t.key in keys]
