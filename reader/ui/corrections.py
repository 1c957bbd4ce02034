"""The reader's keys for the analyst's own work: reject and link matches, undo and redo, write the
memo, copy to the clipboard.

Every decision goes to the :class:`~reader.core.corrections.CorrectionSession` the app holds; it
applies the decision, saves the file at once and says what it did, and the screen only shows the
corrected analysis it gets back.  Kept apart from the reading screen's navigation so each stays
small; :class:`CorrectionActions` is mixed into :class:`~reader.ui.screens.reader.ReaderScreen`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content

from reader.core.model import Analysis, Match, ParagraphRef, article_label

if TYPE_CHECKING:
    from reader.core.corrections import CorrectionSession

CORRECTION_BINDINGS: list[Binding] = [
    Binding(
        "r",
        "reject_match",
        "Reject",
        id="reject-match",
        tooltip="reject or restore the match; lists: rename / dismiss",
    ),
    Binding(
        "m",
        "mark_link",
        "Link",
        id="link-paragraphs",
        tooltip="mark, then m in another pane links; entities: merge",
    ),
    Binding(
        "S",
        "split",
        "Split",
        show=False,
        id="split",
        tooltip="split a variant or a figure out (in the lists)",
    ),
    Binding("ctrl+z", "undo", "Undo", show=False, id="undo", tooltip="undo the last correction"),
    Binding("ctrl+y", "redo", "Redo", show=False, id="redo", tooltip="redo what was undone"),
    Binding(
        "w",
        "write_memo",
        "Write memo",
        show=False,
        id="write-memo",
        tooltip="write the Markdown memo of the story to a file",
    ),
    Binding(
        "c",
        "copy_paragraph",
        "Copy",
        show=False,
        id="copy-paragraph",
        tooltip="copy the current paragraph with its source",
    ),
    Binding(
        "C",
        "copy_pair",
        "Copy pair",
        show=False,
        id="copy-pair",
        tooltip="copy the paragraph and its partner with sources",
    ),
]
"""Keys that change or export the analysis (the command palette lists them under "edit:")."""


def ref_label(ref: ParagraphRef) -> str:
    """``B3`` for paragraph index 2 of article 1."""
    return f"{article_label(ref[0])}{ref[1] + 1}"


def rejected_with(analysis: Analysis, ref: ParagraphRef) -> list[Match]:
    """Rejected matches that involve ``ref``, the most recently rejected first."""
    return [m for m in reversed(analysis.rejected) if ref in (m.left, m.right)]


class CorrectionActions:
    """Actions of :data:`CORRECTION_BINDINGS`, for the reading screen.

    Relies on the screen's ``analysis``, ``current``, ``selected_partner()``, ``set_analysis()``
    and ``update_status()``, and on ``app.session`` (``None`` when corrections are off).
    """

    link_mark: ParagraphRef | None = None
    """The paragraph ``m`` marked, waiting for its partner in another pane."""

    # The screen provides these (declared for type checkers only).
    if TYPE_CHECKING:
        from textual.app import App

        analysis: Analysis | None
        app: App[None]

        @property
        def current(self) -> ParagraphRef: ...
        def selected_partner(self) -> ParagraphRef | None: ...
        def current_match(self) -> Match | None: ...
        def set_analysis(self, analysis: Analysis) -> None: ...
        def update_status(self) -> None: ...
        def notify(self, message: str, **kwargs: object) -> None: ...

    def correction_status(self) -> list[Content]:
        """Status-line parts: a manual match, rejected matches here, a pending link mark."""
        parts: list[Content] = []
        analysis = self.analysis
        if analysis is None:
            return parts
        match = self.current_match()
        if match is not None and match.manual:
            parts.append(Content.from_markup("[$accent]✎ linked by hand[/]"))
        rejected = rejected_with(analysis, self.current)
        if rejected:
            others = ",".join(ref_label(m.other(self.current)) for m in rejected)
            parts.append(Content.from_markup("[$warning]✗ rejected $refs[/]", refs=others))
        if self.link_mark is not None:
            parts.append(Content.from_markup("m: $ref marked", ref=ref_label(self.link_mark)))
        return parts

    def _session(self) -> CorrectionSession | None:
        session = getattr(self.app, "session", None)
        if self.analysis is None:
            # (The command line opens the session with the analysis, in the worker.)
            self.notify("Still matching paragraphs…", severity="warning", timeout=2)
            return None
        if session is None:
            self.notify("Corrections are not kept in this view", severity="warning", timeout=2)
            return None
        if session.base is None:
            self.notify("Still matching paragraphs…", severity="warning", timeout=2)
            return None
        return session

    def _after(self, outcome: tuple[str, str | None]) -> None:
        """Show the corrected analysis and say what happened (and any save problem)."""
        message, problem = outcome
        session = getattr(self.app, "session", None)
        if session is not None and session.applied is not None:
            self.set_analysis(session.analysis)
        self.notify(message, markup=False, timeout=3)
        if problem:
            self.notify(problem, severity="error", markup=False, timeout=8)

    # -- sidebar lists -----------------------------------------------------------------------------

    def _list_target(self) -> tuple[str, int] | None:
        """``("e", entity id)`` or ``("g", group id)`` when a sidebar list has focus and an
        entry is highlighted."""
        from textual.widgets import OptionList

        from reader.ui.widgets.sidebar import TargetOption

        focused = getattr(self, "focused", None)
        if not isinstance(focused, OptionList) or focused.id not in ("entities", "figures"):
            return None
        if focused.highlighted is None:
            self.notify("Highlight an entry first (↑/↓)", severity="warning", timeout=2)
            return ("", -1)
        option = focused.get_option_at_index(focused.highlighted)
        if not isinstance(option, TargetOption):
            return ("", -1)
        return ("e" if option.kind == "entity" else "g"), option.target

    def _entity_action(self, kind: str, ident: int) -> None:
        """``r`` renames, ``m`` merges, ``S`` splits a variant out of entity ``ident``."""
        from reader.ui.screens.choice import ChoiceScreen
        from reader.ui.screens.prompt import PromptScreen

        session = self._session()
        if session is None or self.analysis is None:
            return
        entities = self.analysis.entities
        entity = entities[ident]
        if kind == "rename":

            def rename(name: str | None) -> None:
                if name:
                    self._after(session.rename_entity(ident, name))

            self.app.push_screen(PromptScreen(f"Rename {entity.name!r} to:", entity.name), rename)
        elif kind == "merge":
            others = sorted((e for e in entities if e.id != ident), key=lambda e: e.name.casefold())
            if not others:
                self.notify("There is no other entity to merge with", severity="warning")
                return

            def merge(i: int | None) -> None:
                if i is not None:
                    self._after(session.merge_entities(ident, others[i].id))

            names = [f"{e.name} ({e.type})" for e in others]
            self.app.push_screen(ChoiceScreen(f"Merge into {entity.name!r}:", names), merge)
        else:
            variants = list(entity.variants)
            if len(variants) < 2:
                self.notify(
                    f"{entity.name!r} has only one spelling; nothing to split",
                    severity="warning",
                    markup=False,
                )
                return

            def split(i: int | None) -> None:
                if i is not None:
                    self._after(session.split_variant(ident, variants[i]))

            self.app.push_screen(ChoiceScreen(f"Split out of {entity.name!r}:", variants), split)

    def _figure_action(self, kind: str, group: int) -> None:
        """``r`` marks the group "not a conflict" (again: withdraws), ``S`` splits a figure out."""
        from reader.ui.screens.choice import ChoiceScreen

        session = self._session()
        if session is None or self.analysis is None:
            return
        if kind == "dismiss":
            self._after(session.toggle_not_a_conflict(group))
            return
        members = self.analysis.figure_groups[group].figures
        figures = self.analysis.figures
        entries = [
            f"{article_label(figures[i].article)}{figures[i].paragraph + 1}: {figures[i].text}"
            for i in members
        ]

        def split(i: int | None) -> None:
            if i is not None:
                self._after(session.split_figure(members[i]))

        self.app.push_screen(ChoiceScreen("Split out of this group:", entries), split)

    def _on_list(self, entity_kind: str, figure_kind: str | None) -> bool:
        """Run the list action for the focused sidebar list; ``False`` when no list has focus."""
        target = self._list_target()
        if target is None:
            return False
        kind, ident = target
        if kind == "e":
            self._entity_action(entity_kind, ident)
        elif kind == "g" and figure_kind is not None:
            self._figure_action(figure_kind, ident)
        elif kind == "g":
            self.notify(
                "On a figure group: r marks it not a conflict, S splits a figure out", timeout=3
            )
        return True

    def action_split(self) -> None:
        if not self._on_list("split", "split"):
            self.notify("S splits in the entity or figure list (e / f)", timeout=3)

    # -- paragraphs ------------------------------------------------------------------------------

    def action_reject_match(self) -> None:
        if self._on_list("rename", "dismiss"):
            return
        session = self._session()
        if session is None or self.analysis is None:
            return
        partner = self.selected_partner()
        if partner is not None:
            self._after(session.toggle_reject(self.current, partner))
            return
        rejected = rejected_with(self.analysis, self.current)
        if rejected:
            m = rejected[0]
            self._after(session.toggle_reject(m.left, m.right))
            return
        self.notify("The current paragraph has no match to reject", severity="warning", timeout=2)

    def action_mark_link(self) -> None:
        if self._on_list("merge", None):
            return
        session = self._session()
        if session is None:
            return
        here = self.current
        mark = self.link_mark
        if mark is None or mark[0] == here[0]:
            if mark == here:
                self.link_mark = None
                self.notify(f"{ref_label(here)} unmarked", timeout=2)
            else:
                self.link_mark = here
                self.notify(
                    f"{ref_label(here)} marked: press m on a paragraph in another pane "
                    "to link the two",
                    timeout=4,
                )
            self.update_status()
            return
        self.link_mark = None
        self._after(session.toggle_link(mark, here))

    def action_undo(self) -> None:
        session = self._session()
        if session is not None:
            self._after(session.undo())

    def action_redo(self) -> None:
        session = self._session()
        if session is not None:
            self._after(session.redo())

    # -- export ----------------------------------------------------------------------------------

    def action_copy_paragraph(self) -> None:
        from reader.core.report import paragraph_clip

        if self.analysis is None:
            return
        self.app.copy_to_clipboard(paragraph_clip(self.analysis, self.current))
        self.notify(f"Copied {ref_label(self.current)} with its source to the clipboard", timeout=3)

    def action_copy_pair(self) -> None:
        from reader.core.report import pair_clip

        if self.analysis is None:
            return
        partner = self.selected_partner()
        if partner is None:
            self.notify(
                "The current paragraph has no partner; c copies it alone",
                severity="warning",
                timeout=3,
            )
            return
        self.app.copy_to_clipboard(pair_clip(self.analysis, self.current, partner))
        self.notify(
            f"Copied {ref_label(self.current)} and {ref_label(partner)} with their sources "
            "to the clipboard",
            timeout=3,
        )

    def action_write_memo(self) -> None:
        from reader.ui.screens.prompt import PromptScreen

        if self.analysis is None:
            self.notify("Still matching paragraphs…", severity="warning", timeout=2)
            return
        self.app.push_screen(
            PromptScreen("Write the memo (Markdown) to:", default_memo_name(self.analysis)),
            self._write_memo,
        )

    def _write_memo(self, path: str | None) -> None:
        from reader.core.report import save_report
        from reader.store import same_file

        if not path or self.analysis is None:
            return
        target = Path(path).expanduser()
        for article in self.analysis.articles:
            if Path(article.source).exists() and same_file(target, article.source):
                self.notify(
                    f"{target} is one of the articles; choose another file",
                    severity="error",
                    markup=False,
                    timeout=6,
                )
                return
        try:
            save_report(self.analysis, "markdown", str(target))
        except OSError as error:
            self.notify(
                f"Memo not written to {target}: {error.strerror or error}",
                severity="error",
                markup=False,
                timeout=8,
            )
            return
        self.notify(f"Memo written to {target}", markup=False, timeout=4)


def default_memo_name(analysis: Analysis) -> str:
    """``<first article's name>-memo.md`` in the current folder."""
    stem = Path(analysis.articles[0].source).stem or "story"
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in stem).strip("-.") or "story"
    return f"{safe}-memo.md"
