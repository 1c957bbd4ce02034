"""Applying the analyst's corrections to an analysis, without touching the original.

``apply_corrections`` is a pure function of (analysis, corrections): undo is re-applying the
shorter list to the same base analysis, so nothing has to know how to reverse a decision.
Corrections apply in the order they were made (a rename then a merge means what it says).

A correction whose paragraphs or figures can no longer be found is *stale* and is skipped, never
guessed onto a neighbour; one that concerns none of these articles is *foreign* (it belongs to
another comparison saved in the same file) and is kept but not reported as a problem.  One that
concerns a part the analysis does not have yet (``Analysis.pending``: the reader shows the matches
before the entities and figures are found) is *deferred*: applied when that part arrives, never
called stale for being early.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.corrections.keys import Resolver
from reader.core.corrections.kinds import (
    Correction,
    LinkParagraphs,
    MergeEntities,
    NotAConflict,
    RejectMatch,
    RenameEntity,
    SplitFigure,
    SplitVariant,
    describe,
    paragraph_keys,
)
from reader.core.model import (
    Analysis,
    AnalysisPart,
    Entity,
    Figure,
    FigureGroup,
    FigureStatus,
    Match,
    ParagraphRef,
)

NOT_A_CONFLICT = "not a conflict"
SPLIT = "split"


@dataclass(slots=True)
class Applied:
    """The corrected analysis and what became of each correction."""

    analysis: Analysis
    applied: list[Correction] = field(default_factory=list)
    stale: list[Correction] = field(default_factory=list)
    foreign: list[Correction] = field(default_factory=list)
    deferred: list[Correction] = field(default_factory=list)
    """Corrections of a part the analysis does not have yet (see ``Analysis.pending``)."""


class _Stale(Exception):
    """The correction's paragraphs, figures or names are not (all) there any more."""


class _Working:
    """Copies of the parts of an analysis that corrections change, made on first change."""

    def __init__(self, base: Analysis) -> None:
        self.base = base
        self.matches = list(base.matches)
        self.rejected = list(base.rejected)
        self.entities = list(base.entities)
        self.figures = list(base.figures)
        self.groups = list(base.figure_groups)
        self._own_figures: set[int] = set()

    def figure(self, index: int) -> Figure:
        """A figure this working copy may change (copied the first time)."""
        if index not in self._own_figures:
            self.figures[index] = dataclasses.replace(self.figures[index])
            self._own_figures.add(index)
        return self.figures[index]

    def result(self, stale: list[str]) -> Analysis:
        """The corrected analysis; every field corrections do not touch is the base's (so fields
        added to :class:`Analysis` later are carried over), the lookup cache starts empty."""
        return dataclasses.replace(
            self.base,
            _by_paragraph=None,
            matches=self.matches,
            entities=[
                dataclasses.replace(e, id=i) if e.id != i else e
                for i, e in enumerate(self.entities)
            ],
            figures=self.figures,
            figure_groups=self.groups,
            rejected=self.rejected,
            stale_corrections=[*self.base.stale_corrections, *stale],
        )


def part_of(correction: Correction) -> AnalysisPart | None:
    """The part of an analysis a correction changes besides the matches (``None``: matches)."""
    if isinstance(correction, (MergeEntities, SplitVariant, RenameEntity)):
        return "entities"
    if isinstance(correction, (NotAConflict, SplitFigure)):
        return "figures"
    return None


def apply_corrections(analysis: Analysis, corrections: Iterable[Correction]) -> Applied:
    """``analysis`` with ``corrections`` applied (``analysis`` itself is left unchanged)."""
    resolver = Resolver(analysis)
    work = _Working(analysis)
    out = Applied(analysis)
    for correction in corrections:
        keys = paragraph_keys(correction)
        if keys and not any(resolver.related(k) or resolver.paragraph(k) for k in keys):
            out.foreign.append(correction)
            continue
        if part_of(correction) in analysis.pending:
            out.deferred.append(correction)
            continue
        try:
            _apply_one(work, resolver, correction)
        except _Stale:
            out.stale.append(correction)
        else:
            out.applied.append(correction)
    if out.applied or out.stale:
        out.analysis = work.result([describe(c) for c in out.stale])
    return out


def _apply_one(work: _Working, resolver: Resolver, c: Correction) -> None:
    if isinstance(c, (RejectMatch, LinkParagraphs)):
        a, b = resolver.paragraph(c.left), resolver.paragraph(c.right)
        if a is None or b is None or a[0] == b[0]:
            raise _Stale
        left, right = sorted((a, b))
        if isinstance(c, RejectMatch):
            _reject(work, left, right)
        else:
            _link(work, left, right)
    elif isinstance(c, NotAConflict):
        _not_a_conflict(work, resolver, c)
    elif isinstance(c, SplitFigure):
        _split_figure(work, resolver, c)
    elif isinstance(c, MergeEntities):
        _merge(work, c)
    elif isinstance(c, SplitVariant):
        _split_variant(work, c)
    else:
        _rename(work, c)


def _match_index(matches: list[Match], left: ParagraphRef, right: ParagraphRef) -> int | None:
    for i, m in enumerate(matches):
        if m.left == left and m.right == right:
            return i
    return None


def _reject(work: _Working, left: ParagraphRef, right: ParagraphRef) -> None:
    """Move the match to ``rejected`` (nothing to do when the matcher no longer pairs them)."""
    i = _match_index(work.matches, left, right)
    if i is not None:
        work.rejected.append(work.matches.pop(i))


def _link(work: _Working, left: ParagraphRef, right: ParagraphRef) -> None:
    """Add a manual match, unless the two are already matched."""
    if _match_index(work.matches, left, right) is not None:
        return
    i = _match_index(work.rejected, left, right)
    if i is not None:
        work.rejected.pop(i)
    work.matches.append(Match(left, right, 1.0, manual=True))


def _not_a_conflict(work: _Working, resolver: Resolver, c: NotAConflict) -> None:
    indices = [resolver.figure(k) for k in c.figures]
    if not indices or any(i is None for i in indices):
        raise _Stale
    groups = {work.figures[i].group for i in indices if i is not None}
    if len(groups) != 1 or None in groups:
        raise _Stale
    gid = groups.pop()
    assert gid is not None
    group = work.groups[gid]
    if group.status == "conflict":
        work.groups[gid] = dataclasses.replace(group, status="agree", manual=NOT_A_CONFLICT)


def _split_figure(work: _Working, resolver: Resolver, c: SplitFigure) -> None:
    index = resolver.figure(c.figure)
    if index is None:
        raise _Stale
    gid = work.figures[index].group
    if gid is None:
        return
    group = work.groups[gid]
    rest = [i for i in group.figures if i != index]
    if not rest:
        return
    figures = work.figures
    work.groups[gid] = dataclasses.replace(
        group,
        figures=rest,
        status=_status(rest, figures),
        manual=SPLIT,
    )
    new_id = len(work.groups)
    f = work.figure(index)
    f.group = new_id
    work.groups.append(
        FigureGroup(new_id, f.counted or f.unit or f.kind, f.kind, "single", [index], manual=SPLIT)
    )


def _status(members: list[int], figures: list[Figure]) -> FigureStatus:
    """Status of what is left of a group: single, conflict when two articles' figures are
    incompatible, else agree."""
    # Imported here: the figure rules are heavy, and the reader opens the corrections file before
    # its first frame, long before any figure is split.
    from reader.core.figures import compatible

    if len({figures[i].article for i in members}) < 2:
        return "single"
    for x, i in enumerate(members):
        for j in members[x + 1 :]:
            a, b = figures[i], figures[j]
            if a.article != b.article and not compatible(a, b):
                return "conflict"
    return "agree"


def _find_entity(entities: list[Entity], name: str) -> int:
    """The entity shown as ``name``, else the one that has ``name`` among its variants."""
    for i, e in enumerate(entities):
        if e.name == name:
            return i
    for i, e in enumerate(entities):
        if name in e.variants:
            return i
    raise _Stale


def _merge(work: _Working, c: MergeEntities) -> None:
    t, o = _find_entity(work.entities, c.target), _find_entity(work.entities, c.other)
    if t == o:
        return
    target, other = work.entities[t], work.entities[o]
    variants = list(target.variants) + [v for v in other.variants if v not in target.variants]
    mentions = sorted(
        [*target.mentions, *other.mentions], key=lambda m: (m.article, m.paragraph, m.start)
    )
    work.entities[t] = dataclasses.replace(
        target, variants=variants, mentions=mentions, manual=True
    )
    del work.entities[o]


def _split_variant(work: _Working, c: SplitVariant) -> None:
    i = _find_entity(work.entities, c.entity)
    entity = work.entities[i]
    if c.variant not in entity.variants:
        raise _Stale
    moved = [m for m in entity.mentions if m.text == c.variant]
    kept = [m for m in entity.mentions if m.text != c.variant]
    if not moved or not kept:
        return
    variants = [v for v in entity.variants if v != c.variant]
    name = entity.name if entity.name != c.variant else variants[0]
    work.entities[i] = dataclasses.replace(
        entity,
        name=name,
        variants=variants,
        mentions=kept,
        manual=True,
    )
    work.entities.insert(
        i + 1, Entity(i + 1, c.variant, entity.type, [c.variant], moved, manual=True)
    )


def _rename(work: _Working, c: RenameEntity) -> None:
    i = _find_entity(work.entities, c.entity)
    entity = work.entities[i]
    if entity.name != c.name:
        work.entities[i] = dataclasses.replace(entity, name=c.name, manual=True)
