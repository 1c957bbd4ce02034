"""The corrections file format: versioned JSON that people can read and edit.

Reading is strict: anything that is not exactly this format (bad JSON, an unknown kind, a missing
field, a future version) raises :class:`CorrectionsError` with one line saying what and where, so
the reader can say so and open without the file rather than act on a guess.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from reader.core.corrections.keys import FigureKey, ParagraphKey
from reader.core.corrections.kinds import (
    KINDS,
    Correction,
    LinkParagraphs,
    MergeEntities,
    NotAConflict,
    RejectMatch,
    RenameEntity,
    SplitFigure,
    SplitVariant,
)

SCHEMA = "parallel-reader/corrections"
VERSION = 1


class CorrectionsError(ValueError):
    """The corrections data is not in the expected format (message: one line)."""


def _paragraph_json(key: ParagraphKey) -> dict[str, Any]:
    return {
        "article": key.article,
        "paragraph": key.paragraph,
        "occurrence": key.occurrence,
        "source": key.source,
        "preview": key.preview,
    }


def _figure_json(key: FigureKey) -> dict[str, Any]:
    return {
        "paragraph": _paragraph_json(key.paragraph),
        "start": key.start,
        "end": key.end,
        "text": key.text,
    }


def correction_json(c: Correction) -> dict[str, Any]:
    """One correction as JSON data (``kind`` first)."""
    out: dict[str, Any] = {"kind": c.kind}
    if isinstance(c, (RejectMatch, LinkParagraphs)):
        out.update(left=_paragraph_json(c.left), right=_paragraph_json(c.right))
    elif isinstance(c, NotAConflict):
        out["figures"] = sorted(
            (_figure_json(f) for f in c.figures), key=lambda d: json.dumps(d, sort_keys=True)
        )
    elif isinstance(c, SplitFigure):
        out["figure"] = _figure_json(c.figure)
    elif isinstance(c, MergeEntities):
        out.update(target=c.target, other=c.other)
    elif isinstance(c, SplitVariant):
        out.update(entity=c.entity, variant=c.variant)
    else:
        out.update(entity=c.entity, name=c.name)
    return out


def to_document(corrections: Iterable[Correction]) -> dict[str, Any]:
    """The whole file's JSON data."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "corrections": [correction_json(c) for c in corrections],
    }


def dumps(corrections: Iterable[Correction]) -> str:
    """The file's text: indented, UTF-8 readable, ending in a newline."""
    return json.dumps(to_document(corrections), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> list[Correction]:
    """Parse a corrections file (raises :class:`CorrectionsError`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorrectionsError(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    return from_document(data)


def from_document(data: Any) -> list[Correction]:
    """Corrections from already-parsed JSON data (raises :class:`CorrectionsError`)."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise CorrectionsError(f'not a corrections file (expected "schema": "{SCHEMA}")')
    version = data.get("version")
    if version != VERSION:
        raise CorrectionsError(f"unsupported version {version!r} (this program reads {VERSION})")
    items = data.get("corrections")
    if not isinstance(items, list):
        raise CorrectionsError('"corrections" must be a list')
    return [_correction(item, f"corrections[{i}]") for i, item in enumerate(items)]


def _field(item: dict[str, Any], name: str, kind: type, where: str) -> Any:
    value = item.get(name)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise CorrectionsError(f"{where}.{name}: expected {kind.__name__}")
    return value


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise CorrectionsError(f"{where}: expected an object")
    return value


def _paragraph(value: Any, where: str) -> ParagraphKey:
    item = _object(value, where)
    occurrence = _field(item, "occurrence", int, where)
    if occurrence < 0:
        raise CorrectionsError(f"{where}.occurrence: must not be negative")
    return ParagraphKey(
        _field(item, "article", str, where),
        _field(item, "paragraph", str, where),
        occurrence,
        source=_hint(item, "source"),
        preview=_hint(item, "preview"),
    )


def _hint(item: dict[str, Any], name: str) -> str:
    """A human-readable hint: kept when it is text, ignored otherwise (it is never an identity)."""
    value = item.get(name)
    return value if isinstance(value, str) else ""


def _figure(value: Any, where: str) -> FigureKey:
    item = _object(value, where)
    return FigureKey(
        _paragraph(item.get("paragraph"), f"{where}.paragraph"),
        _field(item, "start", int, where),
        _field(item, "end", int, where),
        _field(item, "text", str, where),
    )


def _correction(value: Any, where: str) -> Correction:
    item = _object(value, where)
    kind = item.get("kind")
    if kind not in KINDS:
        raise CorrectionsError(f"{where}: unknown kind {kind!r}")
    if kind in (RejectMatch.kind, LinkParagraphs.kind):
        cls = RejectMatch if kind == RejectMatch.kind else LinkParagraphs
        return cls.of(
            _paragraph(item.get("left"), f"{where}.left"),
            _paragraph(item.get("right"), f"{where}.right"),
        )
    if kind == NotAConflict.kind:
        figures = item.get("figures")
        if not isinstance(figures, list) or not figures:
            raise CorrectionsError(f"{where}.figures: expected a non-empty list")
        return NotAConflict(
            frozenset(_figure(f, f"{where}.figures[{i}]") for i, f in enumerate(figures))
        )
    if kind == SplitFigure.kind:
        return SplitFigure(_figure(item.get("figure"), f"{where}.figure"))
    if kind == MergeEntities.kind:
        return MergeEntities(_field(item, "target", str, where), _field(item, "other", str, where))
    if kind == SplitVariant.kind:
        return SplitVariant(_field(item, "entity", str, where), _field(item, "variant", str, where))
    return RenameEntity(_field(item, "entity", str, where), _field(item, "name", str, where))
