"""English number words, magnitude words and vague quantities.

News copy writes numbers as words ("twenty-five", "two hundred") and as vague quantities
("dozens", "tens of thousands").  This module holds the regular-expression fragments that
recognise them and the functions that turn them into values or ranges, so the figure extractor can
treat "a dozen", "12" and "twelve" alike.

Vague quantities map to documented ranges (inclusive), chosen so that neighbouring words do not
overlap and so that a precise figure reported by another outlet can be checked against them:

    a couple (of)   2..3          a few        2..5          a handful     2..6
    several         3..9          a dozen      10..14 (12)   dozens        24..199
    scores          40..199       hundreds     200..999      thousands     2,000..9,999
    tens of thousands       20,000..99,999      hundreds of thousands   200,000..999,999
    millions        2e6..9.99e6   tens of millions  2e7..9.99e7          billions   2e9..9.99e9
    "a dozen" is 12 as a value but allows 10..14 because reporters use it loosely.
"""

from __future__ import annotations

UNITS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mln": 1e6,
    "mn": 1e6,
    "bln": 1e9,
    "bn": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
}

_UNIT_ALT = "|".join(sorted((u for u in UNITS if u != "zero"), key=len, reverse=True))
_TENS_ALT = "|".join(TENS)
_SMALL = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_UNIT_ALT})\b)?|(?:{_UNIT_ALT}))"

WORD_NUMBER = (
    rf"(?:{_SMALL}\b(?:\s+hundred\b(?:\s+(?:and\s+)?{_SMALL}\b)?)?"
    r"(?:\s+(?:thousand|million|billion|trillion)\b)?"
    r"|an?\s+(?:hundred|thousand|million|billion)\b)"
)
"""Cardinals written out: "three", "twenty-five", "two hundred and five", "a million"."""

# Vague quantity -> (low, high, value).  Order matters for the regex: longest first.
VAGUE: dict[str, tuple[float, float, float | None]] = {
    "hundreds of thousands": (2e5, 999_999, None),
    "tens of thousands": (2e4, 99_999, None),
    "hundreds of millions": (2e8, 999_999_999, None),
    "tens of millions": (2e7, 99_999_999, None),
    "a couple of": (2, 3, None),
    "a couple": (2, 3, None),
    "a handful of": (2, 6, None),
    "a handful": (2, 6, None),
    "a few": (2, 5, None),
    "a dozen": (10, 14, 12.0),
    "several": (3, 9, None),
    "dozens": (24, 199, None),
    "scores": (40, 199, None),
    "hundreds": (200, 999, None),
    "thousands": (2000, 9999, None),
    "millions": (2e6, 9_999_999, None),
    "billions": (2e9, 9_999_999_999, None),
}

VAGUE_WORDS = r"(?:" + "|".join(k.replace(" ", r"\s+") for k in VAGUE) + r")\b"


def vague_range(text: str) -> tuple[float, float, float | None] | None:
    """The documented (low, high, value) of a vague quantity such as "dozens", or None."""
    return VAGUE.get(" ".join(text.lower().split()))


def parse_word_number(text: str) -> float | None:
    """Value of a written-out cardinal ("twenty-five" -> 25, "a million" -> 1e6).

    Returns None when the words do not form a number, so callers can skip the match instead of
    guessing.
    """
    words = text.lower().replace("-", " ").split()
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("a", "an"):
            current = 1
            seen = True
        elif w == "and":
            continue
        elif w in UNITS:
            current += UNITS[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
    return total + current if seen else None


def parse_digits(text: str) -> float | None:
    """Value of "50,000" / "3.5" / "1,234.5" / "1, 000"; None if it is not a plain number."""
    try:
        return float(text.replace(",", "").replace(" ", ""))
    except ValueError:
        return None


def rounding_tolerance(mantissa: str, scale: float) -> float:
    """How far a scaled figure may be from its written value just by rounding.

    "1.2 million" is a rounded count, so it should agree with 1,234,000.  We allow half a unit of
    the last written digit, capped at 5 % of the value so "2 million" is not read as 1.5m..2.5m.
    """
    if scale <= 1:
        return 0.0
    decimals = len(mantissa.split(".", 1)[1]) if "." in mantissa else 0
    value = parse_digits(mantissa) or 0.0
    half_unit = 0.5 * (10**-decimals) * scale
    return min(half_unit, 0.05 * value * scale)
