"""Acronyms and their expansions as one term: "ESA" / "Endangered Species Act", "WWII" / "World
War II".

One outlet writes the expansion, another the acronym, and a third both ("the National
Transportation Safety Board (NTSB)").  Word by word the two forms share nothing, so a paragraph
that says "WWII" never meets one that says "World War II".  The rule here is general and needs
no list: an *acronym* is a token of three to six capital letters used somewhere in the input; its
*expansion* is a run of capitalised words whose initials spell it, with the joining words "of",
"and", "the", "for", "on", "in" and "&" allowed inside the run, and a final Roman numeral or
small number standing for itself ("World War II" and "World War 2" both spell W, W, II).  Only
expansions actually written in the input count.  Two-letter acronyms are left out: any two
capitalised words spell one ("Los Angeles" would be every "LA").

Cost: one regular-expression scan of the text for acronyms and, when there are any, one for runs
of capitalised words; each run is checked against the acronyms by its initials (a set look-up
per sub-run of at most six words), so hostile all-capitals input costs no more than prose.

:meth:`AcronymIndex.expansion_terms` returns, for a text, the acronyms whose expansion it
contains; the matcher folds that expansion into the acronym's key, so both forms are one term.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ACRONYM_RE = re.compile(r"\b[A-Z]{3,6}\b")
"""A candidate acronym: three to six capital letters standing alone."""

_JOINER = r"(?:of|and|the|for|on|in|&)"
_CAP_WORD = r"[A-Z][a-z]+(?:['’][a-z]+)?"
_NUMERAL = r"(?:[IVX]{1,4}|[1-9]|10)\b"
RUN_RE = re.compile(rf"\b{_CAP_WORD}(?:(?:[ \t]+{_JOINER})*[ \t]+(?:{_CAP_WORD}|{_NUMERAL}))+")
"""A run of at least two capitalised words (joining words and a numeral allowed), on one line."""
_PART_RE = re.compile(rf"{_CAP_WORD}|{_NUMERAL}|[a-z&]+")

_ROMAN = {str(n): r for n, r in enumerate(("", *"I II III IV V VI VII VIII IX X".split())) if n}
"""Digits 1..10 as Roman numerals, so "World War 2" spells "WWII" too."""
_MAX_WORDS = 6


class AcronymIndex:
    """The acronyms of one input and the expansions of them that the input writes out."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        self.expansions: dict[str, list[str]] = {}
        """Acronym -> the distinct expansion strings written in the input, in order met."""
        acronyms = {m for text in texts for m in ACRONYM_RE.findall(text)}
        if not acronyms:
            return
        for text in texts:
            for run in RUN_RE.finditer(text):
                self._match_run(run.group(), acronyms)

    def _match_run(self, run: str, acronyms: set[str]) -> None:
        """Record every sub-run of ``run`` whose initials spell one of ``acronyms``."""
        # (initials, is a numeral, start, end) of each word that counts; joining words do not.
        parts: list[tuple[str, bool, int, int]] = []
        for m in _PART_RE.finditer(run):
            word = m.group()
            if word[0].isdigit():
                parts.append((_ROMAN[word], True, m.start(), m.end()))
            elif word.isupper():
                parts.append((word, True, m.start(), m.end()))  # a Roman numeral
            elif word[0].isupper():
                parts.append((word[0], False, m.start(), m.end()))
        for first, (initial, numeral, start, _end) in enumerate(parts):
            if numeral:
                continue  # an expansion opens with a word
            spelt = initial
            for initials, closes, _start, end in parts[first + 1 : first + _MAX_WORDS]:
                spelt += initials
                if spelt in acronyms:
                    form = run[start:end]
                    seen = self.expansions.setdefault(spelt, [])
                    if form not in seen:
                        seen.append(form)
                if closes or len(spelt) >= 6:
                    break  # a numeral ends an expansion; no acronym is longer

    def __bool__(self) -> bool:
        return bool(self.expansions)

    def expansion_terms(self, text: str) -> list[str]:
        """The acronyms whose expansion ``text`` writes out ("World War II" -> ["WWII"])."""
        return [
            acronym
            for acronym, forms in self.expansions.items()
            if any(form in text for form in forms)
        ]
