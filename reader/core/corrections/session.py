"""One reading session's corrections: the base analysis, the history and the file, kept in step.

The reader calls :meth:`CorrectionSession.toggle`, :meth:`undo`... and shows what comes back; it
never applies or saves anything itself.  Every change is saved at once (atomically); a failed save
is one line to show, and the decision stays in effect for the session.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.corrections.apply import Applied, apply_corrections
from reader.core.corrections.history import Edit, History
from reader.core.corrections.kinds import Correction, describe
from reader.core.corrections.storage import CorrectionsFile
from reader.core.model import Analysis


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
