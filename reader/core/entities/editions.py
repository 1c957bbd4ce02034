"""Editions of a recurring event: "the 79th Academy Awards" is not "the 86th Oscars".

Detection finds the event's name without its edition ("Oscars", "Academy Awards", "Emmys"), so
linking joins every edition the story mentions into one entry.  A reader tells them apart by
the ordinal or the year written with the name: "the 79th Oscars", "the 2013 Academy Awards",
"the Emmys in November 2001".  This pass runs on the linked entities named with an event's head
word (awards, games, cup, summit...: ``names.OTHER_CUES``; not people or places) and splits one
whose mentions carry two different editions:

* an edition is a year, or an ordinal; when one mention gives both ("the 79th Oscars in 2007")
  the event is yearly and every ordinal converts to its year (the 85th is then 2013);
* the story's own edition is the one named in a headline or lead paragraph (paragraphs 0-1),
  the most often when several; the bare mentions ("the Oscars") stay with it, as a reader
  takes them, and so do editions that cannot be compared with it (an ordinal beside a year
  when no mention gives both);
* every other edition becomes an entity of its own, named with its edition ("79th Oscars").

Entities without two conflicting editions are left as they are.  The cost is one short regular
expression per mention of the entities that have any mention with a number before or after.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reader.core.entities import names as N
from reader.core.model import Article, Entity, Mention, paragraph_text

# "79th Oscars", "2013 Academy Awards" (the number right before the name).
_BEFORE_RE = re.compile(r"(?:\b(\d{1,3})(?:st|nd|rd|th)|\b((?:18|19|20)\d\d))\s+$")
# "the Emmys in November 2001", "the Oscars in 2007", "the Games of 2012".
_AFTER_RE = re.compile(
    r"\s+(?:in|of)\s+(?:[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?((?:18|19|20)\d\d)\b"
)
_LEAD_PARAGRAPHS = 2  # headline and lead

Key = tuple[str, int]  # ("y", 2013) or ("o", 85)


def split_editions(entities: list[Entity], articles: Sequence[Article]) -> list[Entity]:
    """``entities`` with every recurring event that mixes editions split by edition (see the
    module docstring), each edition in its event's place; ``link`` numbers the list after."""
    out: list[Entity] = []
    texts: dict[tuple[int, int], str] = {}
    for e in entities:
        parts = _split(e, articles, texts) if _recurring(e) else None
        if parts is None:
            out.append(e)
        else:
            out.extend(parts)
    return out


def _recurring(e: Entity) -> bool:
    """An award, a games, a summit...: a name with an event's head word, not a person or place
    ("joined Microsoft in 2010 ... left Microsoft in 2014" is one company)."""
    return e.type not in ("person", "place") and any(
        w in N.OTHER_CUES for v in e.variants for w in v.lower().split()
    )


def _marks(
    m: Mention, articles: Sequence[Article], texts: dict[tuple[int, int], str]
) -> tuple[int | None, int | None, str]:
    """(ordinal, year, label) around one mention; the label is the edition as written, after
    "<" when it stands before the name and ">" when after, "" when there is none."""
    text = texts.get((m.article, m.paragraph))
    if text is None:
        text = texts[m.article, m.paragraph] = paragraph_text(articles[m.article], m.paragraph)
    ordinal = year = None
    label = ""
    b = _BEFORE_RE.search(text, max(0, m.start - 12), m.start)
    if b:
        if b.group(1):
            ordinal = int(b.group(1))
        else:
            year = int(b.group(2))
        label = "<" + b.group(0).strip()
    a = _AFTER_RE.match(text, m.end, min(len(text), m.end + 40))
    if a:
        year = int(a.group(1))
        label = label or ">" + a.group(1)
    return ordinal, year, label


def _split(
    e: Entity, articles: Sequence[Article], texts: dict[tuple[int, int], str]
) -> list[Entity] | None:
    marks = [_marks(m, articles, texts) for m in e.mentions]
    if sum(1 for o, y, _ in marks if o is not None or y is not None) < 2:
        return None
    offsets = {y - o for o, y, _ in marks if o is not None and y is not None}
    offset = offsets.pop() if len(offsets) == 1 else None
    keys: list[Key | None] = []
    for o, y, _ in marks:
        if y is not None:
            keys.append(("y", y))
        elif o is not None:
            keys.append(("y", o + offset) if offset is not None else ("o", o))
        else:
            keys.append(None)
    seen: dict[str, set[int]] = {}
    for k in keys:
        if k is not None:
            seen.setdefault(k[0], set()).add(k[1])
    if all(len(v) < 2 for v in seen.values()):
        return None  # one edition of each kind: nothing tells two editions apart
    lead = Counter(
        k for k, m in zip(keys, e.mentions) if k is not None and m.paragraph < _LEAD_PARAGRAPHS
    )
    main = lead.most_common(1)[0][0] if lead else None
    groups: dict[Key | None, list[int]] = {}
    for i, k in enumerate(keys):
        if k is not None and main is not None and (k == main or k[0] != main[0]):
            k = None  # the story's edition, or one that cannot be told from it
        groups.setdefault(k, []).append(i)
    if len(groups) < 2:
        return None
    parts = []
    for k, idx in groups.items():
        mentions = [e.mentions[i] for i in idx]
        if k is None:
            surfaces = Counter(m.text for m in mentions)
            variants = [v for v in e.variants if v in surfaces]
            name = e.name if e.name in surfaces else variants[0]
            parts.append(Entity(0, name, e.type, variants, mentions, e.manual))
            continue
        # Named as the story first writes the edition: "79th Oscars", "Emmys (2005)".
        label = next(marks[i][2] for i in idx if marks[i][2])
        base = Counter(m.text for m in mentions).most_common(1)[0][0]
        name = f"{label[1:]} {base}" if label[0] == "<" else f"{base} ({label[1:]})"
        variants = [name, *sorted({m.text for m in mentions})]
        parts.append(Entity(0, name, e.type, variants, mentions, e.manual))
    return parts
