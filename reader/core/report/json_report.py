"""The JSON report: a public, versioned contract for scripts (documented in the README).

Fields are only ever added within a schema version.  The document is streamed item by item so very
large comparisons stay within memory.
"""

from __future__ import annotations

import json
import math
from array import array
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, TextIO

from reader import __version__
from reader.core.gc_pause import GcPause
from reader.core.ingest import sanitize_line
from reader.core.matching.facts import MatchLookup, build_facts, matches_between, member_tiers
from reader.core.model import (
    Analysis,
    Article,
    Fact,
    FactList,
    Figure,
    FigureGroup,
    Match,
    ParagraphRef,
    article_label,
)

SCHEMA_VERSION = 1


def _number(value: float | None) -> float | int | None:
    """JSON-friendly number: integral floats become ints, infinities become ``None``."""
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


def ensure_facts(analysis: Analysis) -> FactList:
    """The analysis's facts, built from its matches when it came without (a hand-made analysis)."""
    if not analysis.facts and analysis.articles:
        analysis.facts = build_facts(analysis.articles, analysis.matches)
    return analysis.facts


def counterparts(analysis: Analysis) -> dict[ParagraphRef, set[int]]:
    """For each paragraph, the other articles where it has a counterpart: a paragraph it is
    matched with, or one that reports a fact with it.  One pass over matches and facts, so the
    pair summaries cost what the articles' paragraphs do, not paragraphs times pairs."""
    out: dict[ParagraphRef, set[int]] = {}
    for m in analysis.matches:
        out.setdefault(m.left, set()).add(m.right[0])
        out.setdefault(m.right, set()).add(m.left[0])
    for fact in ensure_facts(analysis).shared():
        for member in fact.members:
            out.setdefault(member, set()).update(fact.articles)
    return out


class OneSided:
    """Which paragraphs of each article have no counterpart in each other article.

    Built once from :func:`counterparts`: most paragraphs have a counterpart almost everywhere,
    so it stores only the exceptions, and all the pair summaries together cost about what the
    paragraphs do rather than paragraphs times pairs of articles."""

    def __init__(self, analysis: Analysis) -> None:
        found = counterparts(analysis)
        n = len(analysis.articles)
        everyone = set(range(n))
        self.body: list[int] = []
        # An array, not a list of ints: a long article nobody else reports (a table of
        # 240,000 rows) has every paragraph here (8 bytes each instead of 36).
        self.alone: list[array[int]] = []
        self.missing: list[dict[int, list[int]]] = []
        for a, article in enumerate(analysis.articles):
            alone: array[int] = array("q")
            missing: dict[int, list[int]] = {}
            body = 0
            for p in article.paragraphs:
                if p.boilerplate:
                    continue
                body += 1
                there = found.get((a, p.index))
                if there is None:
                    alone.append(p.index)
                    continue
                for b in everyone - there:
                    missing.setdefault(b, []).append(p.index)
            self.body.append(body)
            self.alone.append(alone)
            self.missing.append(missing)

    def only(self, article: int, other: int) -> tuple[list[int], float]:
        """Paragraphs of ``article`` with no counterpart in ``other``, and the share that have."""
        alone, share = self.iter_only(article, other)
        return list(alone), share

    def iter_only(self, article: int, other: int) -> tuple[Iterator[int], float]:
        """:meth:`only` with the paragraphs one at a time."""
        extra = self.missing[article].get(other, [])
        alone = sorted([*self.alone[article], *extra]) if extra else self.alone[article]
        body = self.body[article]
        share = round((body - len(alone)) / body, 4) if body else 0.0
        return iter(alone), share


def pair_summary(
    analysis: Analysis, left: int, right: int, sides: OneSided | None = None
) -> dict[str, Any]:
    """Matches and one-sided paragraphs for one pair of articles.

    ``sides`` is the analysis's :class:`OneSided` (built when not given; pass it when
    summarising many pairs)."""
    summary: dict[str, Any] = _materialised(
        _pair_item(analysis, left, right, sides or OneSided(analysis))
    )
    return summary


def _pair_item(analysis: Analysis, left: int, right: int, sides: OneSided) -> dict[str, Any]:
    """:func:`pair_summary` with the one-sided paragraphs as lazy lists."""
    only_left, cover_left = sides.iter_only(left, right)
    only_right, cover_right = sides.iter_only(right, left)
    return {
        "articles": [left, right],
        "matches": analysis.pair_match_count(left, right),
        "only_left": only_left,
        "only_right": only_right,
        "coverage": [cover_left, cover_right],
    }


def _pairs(analysis: Analysis) -> Iterator[dict[str, Any]]:
    n = len(analysis.articles)
    sides = OneSided(analysis)
    return (_pair_item(analysis, i, j, sides) for i in range(n) for j in range(i + 1, n))


def _fact_json(fact: Fact, between: MatchLookup) -> dict[str, Any]:
    tiers = member_tiers(fact, between)
    return {
        "id": fact.id,
        "label": fact.label,
        "members": [list(m) for m in fact.members],
        "member_evidence": [tiers[m] for m in fact.members],
        "articles": list(fact.articles),
        "coverage": fact.coverage,
        "strength": fact.strength,
    }


def _article_json(index: int, article: Article) -> dict[str, Any]:
    return {
        "index": index,
        "label": article_label(index),
        "source": sanitize_line(article.source, "?"),
        "title": sanitize_line(article.title, " "),
        "warnings": list(article.warnings),
        "paragraphs": (
            {
                "index": p.index,
                "text": p.text,
                "start": p.start,
                "end": p.end,
                "sentences": [list(s) for s in p.sentences],
                "boilerplate": p.boilerplate,
                "role": p.role,
            }
            for p in article.paragraphs
        ),
    }


def _match_json(match: Match) -> dict[str, Any]:
    return {
        "left": list(match.left),
        "right": list(match.right),
        "score": round(match.score, 4),
        "near_verbatim": match.near_verbatim,
        "manual": match.manual,
        "evidence": match.evidence,
        "cue": match.cue,
        "sentences": [list(s) for s in match.sentences] if match.sentences else None,
        "moved": match.moved,
        "meaning": None if match.meaning is None else round(match.meaning, 4),
        "reason": {
            "words": list(match.words),
            "names": list(match.names),
            "numbers": list(match.numbers),
        },
    }


def _figure_json(index: int, figure: Figure, groups: list[FigureGroup]) -> dict[str, Any]:
    group = None
    if figure.group is not None and 0 <= figure.group < len(groups):
        group = {"id": figure.group, "status": groups[figure.group].status}
    return {
        "id": index,
        "text": figure.text,
        "value": _number(figure.value),
        "range": [_number(figure.low), _number(figure.high)],
        "qualifier": figure.qualifier,
        "counted": figure.counted,
        "kind": figure.kind,
        "unit": figure.unit,
        "article": figure.article,
        "paragraph": figure.paragraph,
        "start": figure.start,
        "end": figure.end,
        "group": group,
    }


def _entity_json(entity, n_articles: int) -> dict[str, Any]:
    present = entity.articles
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "variants": list(entity.variants),
        "articles": present,
        "only_in": present[0] if len(present) == 1 and n_articles > 1 else None,
        "manual": entity.manual,
        "mentions": (
            {
                "article": m.article,
                "paragraph": m.paragraph,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for m in entity.mentions
        ),
    }


def _group_json(group: FigureGroup, analysis: Analysis) -> dict[str, Any]:
    return {
        "id": group.id,
        "counted": group.counted,
        "kind": group.kind,
        "status": group.status,
        "figures": iter(group.figures),
        "articles": sorted({analysis.figures[i].article for i in group.figures}),
        "manual": group.manual,
    }


def _sections(analysis: Analysis) -> Iterator[tuple[str, Any]]:
    """The top-level fields in order; list fields come as lazy iterators of items, and so do
    the long lists inside an item (an article's paragraphs, an entity's mentions, a group's
    figures), which can hold one entry per paragraph of the document.

    Both the in-memory form and the streamed text are built from this one description, so they
    cannot drift apart.
    """
    n = len(analysis.articles)
    groups = analysis.figure_groups
    yield "schema", "parallel-reader/compare"
    yield "schema_version", SCHEMA_VERSION
    yield "generator", f"parallel-reader {__version__}"
    yield "articles", (_article_json(i, a) for i, a in enumerate(analysis.articles))
    yield "matches", (_match_json(m) for m in analysis.matches)
    yield "rejected_matches", (_match_json(m) for m in analysis.rejected)
    yield "unmatched", (analysis.iter_unmatched(i) for i in range(n))
    between = matches_between(analysis)
    yield "facts", (_fact_json(f, between) for f in ensure_facts(analysis))
    yield "pairs", _pairs(analysis)
    yield "entities", (_entity_json(e, n) for e in analysis.entities)
    yield "figures", (_figure_json(i, f, groups) for i, f in enumerate(analysis.figures))
    yield "figure_groups", (_group_json(g, analysis) for g in groups)
    yield "stale_corrections", iter(analysis.stale_corrections)


def to_json_data(analysis: Analysis) -> dict[str, Any]:
    """The analysis as plain JSON-serialisable data (schema version :data:`SCHEMA_VERSION`)."""
    return {
        key: value if isinstance(value, (str, int)) else [_materialised(item) for item in value]
        for key, value in _sections(analysis)
    }


def _materialised(item: Any) -> Any:
    """``item`` with its lazy inner lists made lists (the in-memory form of one list item)."""
    if isinstance(item, dict):
        return {k: list(v) if isinstance(v, Iterator) else v for k, v in item.items()}
    if isinstance(item, Iterator):
        return list(item)
    return item


class _LazyTypes(dict[type, bool]):
    """Type -> whether its values are lazy lists (iterators), each type judged once: an
    ``isinstance`` against the ``Iterator`` ABC for every field of every item cost more than
    writing the items."""

    def __missing__(self, kind: type) -> bool:
        lazy = self[kind] = issubclass(kind, Iterator)
        return lazy


_lazy = _LazyTypes().__getitem__


_CHUNK = 1024
"""Entries of a lazy list encoded by one encoder call: few enough to keep memory flat, many
enough that the per-call cost of the encoder vanishes."""


def _list_pieces(entries: Iterator[Any], dump: Callable[[Any], str]) -> Iterator[str]:
    """A lazy list's JSON text, a chunk of entries at a time.  A chunk dumped as a list with its
    brackets dropped is exactly its entries' text with their separators, so the pieces join into
    the text of the whole list."""
    yield "["
    separator = ""
    while chunk := list(islice(entries, _CHUNK)):
        yield separator + dump(chunk)[1:-1]
        separator = ", "
    yield "]"


def _item_pieces(item: Any, dump: Callable[[Any], str]) -> Iterator[str]:
    """One list item's JSON text, the exact text ``dump(item)`` gives for its materialised form,
    written as it goes: an inner lazy list is emitted a chunk at a time instead of being built.
    The plain fields between lazy lists are dumped together, as a dict whose braces are dropped
    (one encoder call instead of two per field)."""
    if _lazy(type(item)):  # a lazy list as an item of its own
        yield from _list_pieces(item, dump)
        return
    if not isinstance(item, dict) or not any(map(_lazy, map(type, item.values()))):
        yield dump(item)
        return
    separator = "{"
    plain: dict[str, Any] = {}
    for key, value in item.items():
        if not _lazy(type(value)):
            plain[key] = value
            continue
        if plain:
            yield separator + dump(plain)[1:-1]
            separator = ", "
            plain = {}
        yield separator + dump(key) + ": "
        yield from _list_pieces(value, dump)
        separator = ", "
    if plain:
        yield separator + dump(plain)[1:-1]
    yield "}"


def iter_json(analysis: Analysis) -> Iterator[str]:
    """The JSON document in pieces, one list item per line.

    Streaming keeps peak memory flat on very large inputs: a 2 x 20,000-paragraph comparison
    would otherwise hold every item's dict and the whole indented text at once.  Its callers
    (:func:`write_json`, :func:`to_json`) pause the cyclic collector: the items' dicts and lists
    make no reference cycles, and collections would rescan the whole analysis again and again
    (a fifth of the writing time on 2 x 20,000 paragraphs).
    """
    dump = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    yield "{"
    first_key = True
    for key, value in _sections(analysis):
        yield ("\n  " if first_key else ",\n  ") + dump(key) + ": "
        first_key = False
        if isinstance(value, (str, int)):
            yield dump(value)
            continue
        yield "["
        first_item = True
        for item in value:
            yield "\n    " if first_item else ",\n    "
            yield from _item_pieces(item, dump)
            first_item = False
        yield "]" if first_item else "\n  ]"
    yield "\n}\n"


def write_json(analysis: Analysis, stream: TextIO, detail: tuple[str, ...] = ()) -> None:
    """Write the JSON document to ``stream`` without building it in memory (``detail`` is for
    the Markdown briefing's optional sections: the JSON always holds everything)."""
    with GcPause():
        for piece in iter_json(analysis):
            stream.write(piece)


def to_json(analysis: Analysis) -> str:
    """The analysis as a JSON document (UTF-8 text, non-ASCII kept readable)."""
    with GcPause():
        return "".join(iter_json(analysis))
