"""One reading session's corrections: the base analysis, the history and the file, kept in step.

The reader calls :meth:`CorrectionSession.toggle`, :meth:`undo`... and shows what comes back; it
never applies or saves anything itself.  Every change is saved at once (atomically); a failed save
is one line to show, and the decision stays in effect for the session.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.corrections.apply import Applied, apply_corrections
from reader.core.corrections.history import Edit, History
from reader.core.corrections.keys import figure_key, paragraph_key
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
)
from reader.core.corrections.storage import CorrectionsFile
from reader.core.model import Analysis, ParagraphRef


class CorrectionSession:
    """Corrections for one set of articles, bound to their file.

    Args:
        file: the opened corrections file (its ``problem``, if any, disables saving).
    """

    def __init__(self, file: CorrectionsFile) -> None:
        self.file = file
        self.history = History(file.corrections)
        self.base: Analysis | None = None
        self.applied: Applied | None = None

    def attach(self, base: Analysis) -> Analysis:
        """Apply the saved corrections to a fresh analysis; returns the corrected one."""
        self.base = base
        self.applied = apply_corrections(base, self.history.corrections)
        return self.applied.analysis

    def opening_messages(self) -> list[str]:
        """What to tell the analyst once the analysis is shown (a bad file, stale corrections)."""
        out = []
        if self.file.problem:
            out.append(self.file.problem)
        if self.applied is not None and self.applied.stale:
            n = len(self.applied.stale)
            out.append(
                f"{n} saved correction{'s' if n != 1 else ''} not applied: "
                "their paragraphs changed (" + describe(self.applied.stale[0]) + ")"
            )
        return out

    @property
    def analysis(self) -> Analysis:
        if self.applied is None:
            raise LookupError("no analysis attached yet")
        return self.applied.analysis

    # -- decisions named by what the reader shows -------------------------------------------------

    def toggle_reject(self, a: ParagraphRef, b: ParagraphRef) -> tuple[str, str | None]:
        """``r`` on a pair: reject the match, or restore it when it is rejected.  A match linked by
        hand is unlinked instead (rejecting one's own link means withdrawing it)."""
        analysis = self.analysis
        left, right = sorted((a, b))
        key_a, key_b = paragraph_key(analysis, left), paragraph_key(analysis, right)
        link = LinkParagraphs.of(key_a, key_b)
        if link in self.history:
            return self._change(lambda: self.history.remove(link))
        return self.toggle(RejectMatch.of(key_a, key_b))

    def toggle_link(self, a: ParagraphRef, b: ParagraphRef) -> tuple[str, str | None]:
        """Link two paragraphs of different articles by hand, or withdraw that link."""
        if a[0] == b[0]:
            return "a manual link joins paragraphs of two different articles", None
        analysis = self.analysis
        return self.toggle(
            LinkParagraphs.of(paragraph_key(analysis, a), paragraph_key(analysis, b))
        )

    def toggle_not_a_conflict(self, group: int) -> tuple[str, str | None]:
        """Mark a conflicting figure group as "not a conflict", or withdraw that mark."""
        analysis = self.analysis
        g = analysis.figure_groups[group]
        decision = NotAConflict(frozenset(figure_key(analysis, i) for i in g.figures))
        if decision not in self.history and g.status != "conflict":
            return "only a conflicting group can be marked not a conflict", None
        return self.toggle(decision)

    def split_figure(self, figure: int) -> tuple[str, str | None]:
        """Take one figure out of its group."""
        analysis = self.analysis
        group = analysis.figures[figure].group
        if group is None or len(analysis.figure_groups[group].figures) < 2:
            return "this figure is alone in its group already", None
        return self.add(SplitFigure(figure_key(analysis, figure)))

    def merge_entities(self, target: int, other: int) -> tuple[str, str | None]:
        """Merge entity ``other`` into ``target`` (indices into the current entities)."""
        entities = self.analysis.entities
        if target == other:
            return "choose another entity to merge with", None
        return self.add(MergeEntities(entities[target].name, entities[other].name))

    def split_variant(self, entity: int, variant: str) -> tuple[str, str | None]:
        """Make the mentions written ``variant`` an entity of their own."""
        e = self.analysis.entities[entity]
        if variant not in e.variants or len(e.variants) < 2:
            return f"{e.name!r} has no other variant to split from", None
        return self.add(SplitVariant(e.name, variant))

    def rename_entity(self, entity: int, name: str) -> tuple[str, str | None]:
        """Show an entity under another name."""
        name = " ".join(name.split())
        if not name:
            return "a name cannot be empty", None
        return self.add(RenameEntity(self.analysis.entities[entity].name, name))

    def toggle(self, correction: Correction) -> tuple[str, str | None]:
        """Make or withdraw a decision: (what happened, save problem or ``None``)."""
        return self._change(lambda: self.history.toggle(correction))

    def add(self, correction: Correction) -> tuple[str, str | None]:
        """Make a decision (no change when it is already made)."""
        return self._change(lambda: self.history.add(correction))

    def undo(self) -> tuple[str, str | None]:
        return self._change(self.history.undo, undo=True)

    def redo(self) -> tuple[str, str | None]:
        return self._change(self.history.redo)

    def _change(
        self, step: Callable[[], Edit | None], undo: bool = False
    ) -> tuple[str, str | None]:
        edit = step()
        if edit is None:
            return ("nothing to undo" if undo else "nothing to change"), None
        if self.base is not None:
            self.applied = apply_corrections(self.base, self.history.corrections)
        problem = self.file.save(self.history.corrections)
        action = edit.action if not undo else ("remove" if edit.action == "add" else "add")
        verb = "undone: " if undo else ("" if action == "add" else "withdrawn: ")
        return verb + describe(edit.correction), problem
