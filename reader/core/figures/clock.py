"""Times of day as figures: "3:30 a.m.", "shortly after 3 p.m.", "by 6:40", "just before midnight".

Outlets often disagree on when something happened, and a reader checks those times like counts.
A time is a figure of kind ``time`` whose value is minutes after midnight.  Its range allows for
how it is written: a time on the hour or half hour is a rounded report (±10 minutes), "about"
adds a quarter of an hour either way, "shortly after" / "shortly before" open 20 minutes on one
side, and "by" / "before" / "after" / "until" leave that side open.  Times are compared on a
12-hour clock (see ``group.compatible``), because "3:30" often stands without "a.m.".

Times in tokenised copy ("3:30 a. m.", "8. 40am") are read too.
"""

from __future__ import annotations

import re

from reader.core.model import Figure

_HOUR = r"(?<![\w.,:/$€£-])(?:[01]?\d|2[0-4])"
_ZONE = r"(?:\s+(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|GMT|UTC|BST|local\s+time)\b)?"
_TIME = re.compile(
    rf"(?P<h>{_HOUR})(?:(?::|\.\s?)(?P<m>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\b\.?|[ap]m\b){_ZONE}"
    rf"|(?P<h2>{_HOUR}):(?P<m2>[0-5]\d)(?!\d|[:.,]\d)(?:\s*(?:hours|hrs)\b)?{_ZONE}"
    r"|(?<![\w.,:/$€£-])(?P<h3>[01]\d|2[0-3])(?P<m3>[0-5]\d)(?=\s*(?:GMT|UTC|BST|hrs\b|hours\b|local\s+time))"
    rf"\s*(?:GMT|UTC|BST|hrs|hours)?{_ZONE}"
    r"|(?<![\w-])(?P<word>midnight|noon|midday)\b",
    re.IGNORECASE,
)
_QUAL = re.compile(
    r"(?:(?P<near>shortly|just|soon|right|sometime|some\s+time)\s+(?P<side>after|before)"
    r"|(?P<about>about|around|approximately|roughly|circa|some)"
    r"|(?P<open>by|until|till|before|after|from|since))\s+(?:at\s+)?$",
    re.IGNORECASE,
)
_ROUND = 10
_ABOUT = 15
_NEAR = 20


def _minutes(m: re.Match[str]) -> int | None:
    word = m.group("word")
    if word:
        return 24 * 60 if word.lower() == "midnight" else 12 * 60
    h = int(m.group("h") or m.group("h2") or m.group("h3"))
    mins = int(m.group("m") or m.group("m2") or m.group("m3") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm == "pm" else 0)
    return h * 60 + mins


def find_times(text: str, article: int, paragraph: int) -> list[Figure]:
    """Every time of day in one paragraph, in reading order."""
    out: list[Figure] = []
    for m in _TIME.finditer(text):
        value = _minutes(m)
        if value is None:
            continue
        start, end = m.span()
        mins = value % 60
        tol = _ROUND if mins in (0, 30) and not m.group("word") else 0
        low, high = float(value - tol), float(value + tol)
        qualifier = None
        q = _QUAL.search(text, max(0, start - 24), start)
        if q:
            start = q.start()
            if q.group("near"):
                qualifier = q.group("near").lower() + " " + q.group("side").lower()
                low, high = (
                    (value, value + _NEAR)
                    if q.group("side").lower() == "after"
                    else (value - _NEAR, value)
                )
            elif q.group("about"):
                qualifier = "about"
                low, high = value - tol - _ABOUT, value + tol + _ABOUT
            else:
                qualifier = q.group("open").lower()
                if qualifier in ("by", "until", "till", "before"):
                    low = value - 12 * 60 + 1
                else:
                    high = value + 12 * 60 - 1
        out.append(
            Figure(
                article,
                paragraph,
                start,
                end,
                text[start:end],
                float(value),
                float(low),
                float(high),
                qualifier,
                "time",
                "time",
                None,
            )
        )
    return out
