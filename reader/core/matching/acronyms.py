"""Acronyms and their expansions as one term: "ESA" / "Endangered Species Act", "WWII" / "World
War II".

One outlet writes the expansion, another the acronym, and a third both ("the National
Transportation Safety Board (NTSB)").  Word by word the two forms share nothing, so a paragraph
that says "WWII" never meets one that says "World War II".  The rule here is general and needs
no list: an *acronym* is a token of two to six capital letters used somewhere in the input; its
*expansion* is a run of capitalised words whose initials spell it, with the joining words "of",
"and", "the", "for", "on", "in" and "&" allowed inside the run, and a trailing Roman numeral or
number standing for itself ("World War II" -> W, W, II).  Only expansions that are actually
written in the input count, so the rule costs one scan of the text per acronym found.

:func:`expansion_terms` returns, for a text, the acronyms whose expansion it contains; the
matcher gives that paragraph the acronym's key as well, so both forms share a term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ACRONYM_RE = re.compile(r"\b[A-Z]{2,6}\b")
"""A candidate acronym: two to six capital letters standing alone."""

_JOINERS = r"(?:of|and|the|for|on|in|&)"
_ROMAN_TAIL_RE = re.compile(r"^(.*?)(I{1,3}|IV|VI{0,3}|IX|X)$")
_ROMAN_DIGITS = {
    "I": "1",
    "II": "2",
    "III": "3",
    "IV": "4",
    "V": "5",
    "VI": "6",
    "VII": "7",
    "VIII": "8",
    "IX": "9",
    "X": "10",
}
_MAX_ACRONYMS = 64
"""At most this many distinct acronyms are expanded per input (a shouting all-caps text must not
cost one regex per word)."""


def _word(letter: str) -> str:
    """A capitalised word starting with ``letter`` (letters, inner apostrophes or hyphens)."""
    return rf"{letter}[a-z]+(?:[-'’][A-Za-z]+)*"


def expansion_pattern(acronym: str) -> re.Pattern[str] | None:
    """The regular expression of ``acronym``'s expansion, or None when it cannot have one.

    Every letter is a capitalised word; a trailing Roman numeral may also be written as itself
    or as digits ("World War II", "World War 2").  Joining words may stand between two words.
    """
    head, tail = acronym, ""
    m = _ROMAN_TAIL_RE.match(acronym)
    if m and len(m.group(1)) >= 2:
        head, tail = m.group(1), m.group(2)
    if len(head) < 2 or len(acronym) < 3:
        return None
    gap = rf"(?:\s+{_JOINERS})*\s+"
    parts = [_word(letter) for letter in head]
    body = gap.join(parts)
    if tail:
        body += rf"\s+(?:{tail}|{_ROMAN_DIGITS[tail]})"
    return re.compile(rf"\b{body}\b")


class AcronymIndex:
    """The acronyms of one input and the expansions of them that the input writes out."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        found: dict[str, None] = {}
        for text in texts:
            for m in ACRONYM_RE.finditer(text):
                found.setdefault(m.group(), None)
                if len(found) >= _MAX_ACRONYMS:
                    break
        self.expansions: dict[str, list[str]] = {}
        """Acronym -> the distinct expansion strings written in the input."""
        if not found:
            return
        # One scan of the whole input per acronym; NUL never matches the spaces of a pattern,
        # so no expansion spans two paragraphs.
        joined = "\x00".join(texts)
        for acronym in found:
            pattern = expansion_pattern(acronym)
            if pattern is None:
                continue
            forms = dict.fromkeys(m.group() for m in pattern.finditer(joined))
            if forms:
                self.expansions[acronym] = list(forms)

    def __bool__(self) -> bool:
        return bool(self.expansions)

    def expansion_terms(self, text: str) -> list[str]:
        """The acronyms whose expansion ``text`` writes out ("World War II" -> ["WWII"])."""
        return [
            acronym
            for acronym, forms in self.expansions.items()
            if any(form in text for form in forms)
        ]
