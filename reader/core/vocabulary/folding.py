"""Case and accent folding: the project's one idea of which letters count as the same.

Matching, entity linking and search all fold through :func:`fold`, so "Erdoğan", "ERDOGAN" and
"Erdogan" meet everywhere alike: a name the matcher pairs is also one the search box finds.
"""

from __future__ import annotations

import unicodedata

# Letters that Unicode NFKD leaves whole (no combining mark to drop), folded to their usual
# Latin transliteration, plus the typographic apostrophe.  Keys are lower case: ``fold``
# casefolds first.
LETTER_FOLD = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
     "ß": "ss", "’": "'", "‘": "'"}
)


def fold(text: str) -> str:
    """Casefold and strip accents: "Erdoğan" -> "erdogan", "Łódź" -> "lodz", "Straße" -> "strasse"."""
    text = text.casefold().translate(LETTER_FOLD)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
