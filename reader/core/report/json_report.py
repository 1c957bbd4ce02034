"""The JSON report: a public, versioned contract for scripts (documented in the README).

Fields are only ever added within a schema version.  The document is streamed item by item so very
large comparisons stay within memory.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any, TextIO

from reader import __version__
from reader.core.ingest import sanitize_line
from reader.core.model import Analysis, Article, Figure, FigureGroup, Match, article_label

SCHEMA_VERSION = 1


def _number(value: float | None) -> float | int | None:
    """JSON-friendly number: integral floats become ints, infinities become ``None``."""
    if value is None or math.isinf(value) or math.isnan(value):
        return None
    return int(value) if float(value).is_integer() else round(value, 6)

def pair_summary(analysis: Analysis, left: int, right: int) -> dict[str, Any]:
    """Matches and one-sided paragraphs for one pair of articles."""
    count = sum(1 for m in analysis.matches if m.left[0] == left and m.right[0] == right)
    only_left = analysis.unmatched(left, against=right)
    only_right = analysis.unmatched(right, against=left)

    def coverage(article: int, only: list[int]) -> float:
        body = sum(1 for p in analysis.articles[article].paragraphs if not p.boilerplate)
        return round((body - len(only)) / body, 4) if body else 0.0

    return {
        "articles": [left, right],
        "matches": count,
        "only_left": only_left,
        "only_right": only_right,
        "coverage": [coverage(left, only_left), coverage(right, only_right)],
    }


def _article_json(index: int, article: Article) -> dict[str, Any]:
    return {
        "index": index,
        "label": article_label(index),
        "source": sanitize_line(article.source, "?"),
        "title": sanitize_line(article.title, " "),
        "warnings": list(article.warnings),
        "paragraphs": [
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
        ],
    }


def _match_json(match: Match) -> dict[str, Any]:
    return {
        "left": list(match.left),
        "right": list(match.right),
        "score": round(match.score, 4),
        "near_verbatim": match.near_verbatim,
        "evidence": match.evidence,
        "cue": match.cue,
        "sentences": [list(s) for s in match.sentences] if match.sentences else None,
        "moved": match.moved,
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
        "mentions": [
            {"article": m.article, "paragraph": m.paragraph, "start": m.start, "end": m.end, "text": m.text}
            for m in entity.mentions
        ],
    }


def _group_json(group: FigureGroup, analysis: Analysis) -> dict[str, Any]:
    return {
        "id": group.id,
        "counted": group.counted,
        "kind": group.kind,
        "status": group.status,
        "figures": list(group.figures),
        "articles": sorted({analysis.figures[i].article for i in group.figures}),
    }


def _sections(analysis: Analysis) -> Iterator[tuple[str, Any]]:
    """The top-level fields in order; list fields come as lazy iterators of items.

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
    yield "unmatched", (analysis.unmatched(i) for i in range(n))
    yield "pairs", (pair_summary(analysis, i, j) for i in range(n) for j in range(i + 1, n))
    yield "entities", (_entity_json(e, n) for e in analysis.entities)
    yield "figures", (_figure_json(i, f, groups) for i, f in enumerate(analysis.figures))
    yield "figure_groups", (_group_json(g, analysis) for g in groups)


def to_json_data(analysis: Analysis) -> dict[str, Any]:
    """The analysis as plain JSON-serialisable data (schema version :data:`SCHEMA_VERSION`)."""
    return {
        key: value if isinstance(value, (str, int)) else list(value)
        for key, value in _sections(analysis)
    }


def iter_json(analysis: Analysis) -> Iterator[str]:
    """The JSON document in pieces, one list item per line.

    Streaming keeps peak memory flat on very large inputs: a 2 x 20,000-paragraph comparison
    would otherwise hold every item's dict and the whole indented text at once.
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
            yield ("\n    " if first_item else ",\n    ") + dump(item)
            first_item = False
        yield "]" if first_item else "\n  ]"
    yield "\n}\n"


def write_json(analysis: Analysis, stream: TextIO) -> None:
    """Write the JSON document to ``stream`` without building it in memory."""
    for piece in iter_json(analysis):
        stream.write(piece)


def to_json(analysis: Analysis) -> str:
    """The analysis as a JSON document (UTF-8 text, non-ASCII kept readable)."""
    return "".join(iter_json(analysis))


