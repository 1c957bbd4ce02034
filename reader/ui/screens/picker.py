"""Choose the articles that get a pane (``a``): a checklist of every article.

``space`` ticks or unticks, ``enter`` shows the ticked ones, ``escape`` leaves things as they were;
``j`` / ``k`` / ``g`` / ``G`` move as in the reader (as do the arrow keys).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from reader.core.model import Article, article_label


def article_entry(index: int, article: Article) -> Content:
    """An article's line: its letter, file name and headline (as data, never markup)."""
    name = Path(article.source).name if article.source != "-" else "standard input"
    return Content.from_markup(
        "[b]$letter[/]  $name [dim]$title[/]",
        letter=article_label(index).ljust(2),
        name=name or article.source,
        title=f"— {article.title}" if article.title else "",
    )


class ArticlePicker(ModalScreen[list[int] | None]):
    """Dismisses with the ticked articles (ascending), or ``None`` when cancelled."""

    DEFAULT_CSS = """
    ArticlePicker { align: center middle; background: $background 60%; }
    ArticlePicker > Vertical {
        width: 80%; max-width: 110; height: auto; max-height: 90%; padding: 0 1;
        border: thick $accent; background: $surface;
    }
    ArticlePicker #picker-title { height: auto; margin-bottom: 1; }
    ArticlePicker SelectionList { height: auto; max-height: 30; border: none; padding: 0; }
    ArticlePicker #picker-count { height: 1; color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Show ticked", priority=True, id="picker-apply"),
        Binding("escape", "cancel", "Cancel", id="picker-cancel"),
        Binding("ctrl+a", "all", "Tick all", show=False, id="picker-all"),
        Binding("space", "tick", "Tick / untick", show=False, id="picker-toggle"),
        Binding("j", "step(1)", "Next article", show=False, id="picker-down"),
        Binding("k", "step(-1)", "Previous article", show=False, id="picker-up"),
        Binding("g", "edge(0)", "First article", show=False, id="picker-first"),
        Binding("G", "edge(1)", "Last article", show=False, id="picker-last"),
    ]

    def __init__(self, articles: list[Article], shown: list[int], room: int) -> None:
        """Args:
        articles: every article, in order.
        shown: those with a pane now (ticked at first).
        room: how many panes fit; more can be ticked, the first ``room`` are shown.
        """
        super().__init__()
        self.articles = articles
        self.shown = set(shown)
        self.room = room

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                Content.from_markup(
                    "[b]Articles to show[/]  [dim]space ticks · enter shows · escape cancels[/]"
                ),
                id="picker-title",
            )
            yield SelectionList[int](
                *(
                    Selection(article_entry(i, art), i, i in self.shown)
                    for i, art in enumerate(self.articles)
                ),
                id="picker-list",
            )
            yield Static(id="picker-count")

    @property
    def selection(self) -> SelectionList[int]:
        return self.query_one(SelectionList)

    def on_mount(self) -> None:
        self.selection.focus()
        self._count()

    def on_selection_list_selection_toggled(self) -> None:
        self._count()

    def on_selection_list_selected_changed(self) -> None:
        self._count()

    def _count(self) -> None:
        ticked = len(self.selection.selected)
        note = f" (only {self.room} fit at this width)" if ticked > self.room else ""
        self.query_one("#picker-count", Static).update(
            Content(f"{ticked} of {len(self.articles)} ticked · {self.room} panes fit{note}")
        )

    def action_apply(self) -> None:
        picked = sorted(self.selection.selected)
        if not picked:
            self.notify("Tick at least one article (space)", severity="warning", timeout=2)
            return
        self.dismiss(picked)

    def action_tick(self) -> None:
        """``space`` wherever the focus is (the list handles it itself when focused)."""
        selection = self.selection
        if selection.highlighted is not None:
            selection.toggle(selection.get_option_at_index(selection.highlighted).value)

    def action_step(self, direction: int) -> None:
        """``j`` / ``k``: the reader's own keys move in the list too."""
        if direction > 0:
            self.selection.action_cursor_down()
        else:
            self.selection.action_cursor_up()

    def action_edge(self, end: int) -> None:
        if end:
            self.selection.action_last()
        else:
            self.selection.action_first()

    def action_all(self) -> None:
        self.selection.select_all()

    def action_cancel(self) -> None:
        self.dismiss(None)
