"""Undo and redo as data: the list of corrections and the edits that led to it.

Every change is an :class:`Edit` (a correction added or removed at a position); undo applies the
inverse edit, redo the edit again.  The corrections list is the only state that is saved; the
history lives for one session of the reader.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from reader.core.corrections.kinds import Correction


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to the corrections list."""

    action: Literal["add", "remove"]
    correction: Correction
    position: int

    def inverse(self) -> Edit:
        return Edit("remove" if self.action == "add" else "add", self.correction, self.position)


class History:
    """The current corrections with undo/redo stacks."""

    def __init__(self, corrections: Iterable[Correction] = ()) -> None:
        self.corrections: list[Correction] = list(corrections)
        self._undo: list[Edit] = []
        self._redo: list[Edit] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    def __contains__(self, correction: object) -> bool:
        return correction in self.corrections

    def add(self, correction: Correction) -> Edit | None:
        """Record a new decision (nothing happens when it is already recorded)."""
        if correction in self.corrections:
            return None
        return self._do(Edit("add", correction, len(self.corrections)))

    def remove(self, correction: Correction) -> Edit | None:
        """Withdraw a decision (nothing happens when it is not recorded)."""
        if correction not in self.corrections:
            return None
        return self._do(Edit("remove", correction, self.corrections.index(correction)))

    def toggle(self, correction: Correction) -> Edit:
        """Add the decision, or withdraw it when it is already there."""
        edit = self.remove(correction) if correction in self.corrections else self.add(correction)
        assert edit is not None
        return edit

    def undo(self) -> Edit | None:
        """Reverse the last edit; returns the edit that was reversed."""
        if not self._undo:
            return None
        edit = self._undo.pop()
        self._perform(edit.inverse())
        self._redo.append(edit)
        return edit

    def redo(self) -> Edit | None:
        """Perform the last undone edit again."""
        if not self._redo:
            return None
        edit = self._redo.pop()
        self._perform(edit)
        self._undo.append(edit)
        return edit

    def _do(self, edit: Edit) -> Edit:
        self._perform(edit)
        self._undo.append(edit)
        self._redo.clear()
        return edit

    def _perform(self, edit: Edit) -> None:
        if edit.action == "add":
            self.corrections.insert(edit.position, edit.correction)
        else:
            del self.corrections[edit.position]
