"""Pick one entry from a short list (an entity to merge with, a variant or figure to split out)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class ChoiceScreen(ModalScreen[int | None]):
    """Dismisses with the index of the chosen entry, or ``None`` on ``escape``.

    Entries are shown as :class:`Content` (they come from articles: never parsed as markup).
    """

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen > Vertical {
        width: 70%; max-width: 90; height: auto; max-height: 80%; padding: 1 2;
        border: round $primary; background: $surface;
    }
    ChoiceScreen OptionList { margin-top: 1; height: auto; max-height: 20; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="choice-cancel")]

    def __init__(self, question: str, entries: list[str]) -> None:
        super().__init__()
        self.question = question
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.question))
            yield OptionList(*(Option(Content(e)) for e in self.entries), id="choice-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.entries else None
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
