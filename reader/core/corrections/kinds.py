"""The analyst's decisions, as plain immutable values.

Each correction names what it is about by content (see :mod:`.keys`) or, for entities, by the
names the analyst saw, so it can be saved, compared, undone and applied again to a fresh analysis
of the same (or slightly edited) articles.  Equality ignores the human-readable hints, so toggling
a decision finds the earlier one however the file was written.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TypeAlias

from reader.core.corrections.keys import FigureKey, ParagraphKey


def _ordered(a: ParagraphKey, b: ParagraphKey) -> tuple[ParagraphKey, ParagraphKey]:
    """A pair in a canonical order, so (a, b) and (b, a) are the same decision."""
    return (
        (a, b)
        if (a.article, a.paragraph, a.occurrence) <= (b.article, b.paragraph, b.occurrence)
        else (b, a)
    )


@dataclass(frozen=True, slots=True)
class RejectMatch:
    """The matcher paired these two paragraphs; the analyst says they do not match."""

    kind: ClassVar[str] = "reject-match"
    left: ParagraphKey
    right: ParagraphKey

    @classmethod
    def of(cls, a: ParagraphKey, b: ParagraphKey) -> RejectMatch:
        return cls(*_ordered(a, b))


@dataclass(frozen=True, slots=True)
class LinkParagraphs:
    """The analyst says these two paragraphs (in different articles) report the same facts."""

    kind: ClassVar[str] = "link-paragraphs"
    left: ParagraphKey
    right: ParagraphKey

    @classmethod
    def of(cls, a: ParagraphKey, b: ParagraphKey) -> LinkParagraphs:
        return cls(*_ordered(a, b))


@dataclass(frozen=True, slots=True)
class NotAConflict:
    """The figures of one group differ but do not contradict each other (say, different dates)."""

    kind: ClassVar[str] = "not-a-conflict"
    figures: frozenset[FigureKey]


@dataclass(frozen=True, slots=True)
class SplitFigure:
    """This figure does not count the same thing as the rest of its group."""

    kind: ClassVar[str] = "split-figure"
    figure: FigureKey


@dataclass(frozen=True, slots=True)
class MergeEntities:
    """``other`` is the same person, organisation or place as ``target`` (names as shown)."""

    kind: ClassVar[str] = "merge-entities"
    target: str
    other: str


@dataclass(frozen=True, slots=True)
class SplitVariant:
    """Mentions written as ``variant`` are not ``entity``: they become an entity of their own."""

    kind: ClassVar[str] = "split-variant"
    entity: str
    variant: str


@dataclass(frozen=True, slots=True)
class RenameEntity:
    """Show ``entity`` under ``name``."""

    kind: ClassVar[str] = "rename-entity"
    entity: str
    name: str


Correction: TypeAlias = (
    RejectMatch
    | LinkParagraphs
    | NotAConflict
    | SplitFigure
    | MergeEntities
    | SplitVariant
    | RenameEntity
)

KINDS: dict[str, type] = {
    cls.kind: cls
    for cls in (
        RejectMatch,
        LinkParagraphs,
        NotAConflict,
        SplitFigure,
        MergeEntities,
        SplitVariant,
        RenameEntity,
    )
}


def paragraph_keys(correction: Correction) -> list[ParagraphKey]:
    """Every paragraph a correction depends on (none for entity corrections)."""
    if isinstance(correction, (RejectMatch, LinkParagraphs)):
        return [correction.left, correction.right]
    if isinstance(correction, NotAConflict):
        return [f.paragraph for f in correction.figures]
    if isinstance(correction, SplitFigure):
        return [correction.figure.paragraph]
    return []


def describe(correction: Correction) -> str:
    """One line for people: what the decision was."""
    if isinstance(correction, RejectMatch):
        return f"rejected match {_para(correction.left)} / {_para(correction.right)}"
    if isinstance(correction, LinkParagraphs):
        return f"manual link {_para(correction.left)} / {_para(correction.right)}"
    if isinstance(correction, NotAConflict):
        texts = sorted(f.text for f in correction.figures)
        return "not a conflict: " + ", ".join(repr(t) for t in texts)
    if isinstance(correction, SplitFigure):
        return f"figure {correction.figure.text!r} split out of its group"
    if isinstance(correction, MergeEntities):
        return f"{correction.other!r} merged into {correction.target!r}"
    if isinstance(correction, SplitVariant):
        return f"{correction.variant!r} split out of {correction.entity!r}"
    return f"{correction.entity!r} renamed {correction.name!r}"


def _para(key: ParagraphKey) -> str:
    preview = key.preview[:30] + ("…" if len(key.preview) > 30 else "")
    return f"{key.source or key.article}: {preview!r}"
