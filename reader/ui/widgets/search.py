"""The ``/`` search bar: an input and its hit counter.

The input knows nothing about hits or panes: its keys post :class:`SearchInput.Step` and
:class:`SearchInput.Closed`, and whoever owns the search (the reader screen) handles them.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static


class SearchInput(Input):
    """The search box: enter / down next hit, shift+enter / up previous, escape closes."""

    BINDINGS = [
        Binding("down", "step(1)", "Next hit", show=False, id="search-next"),
        Binding("shift+enter,up", "step(-1)", "Previous hit", show=False, id="search-previous"),
        Binding("escape", "close", "Close search", show=False, id="search-close"),
    ]

    class Step(Message):
        """Go to the next (``direction`` 1) or previous (-1) hit."""

        def __init__(self, direction: int) -> None:
            super().__init__()
            self.direction = direction

    class Closed(Message):
        """The user closed the search bar (the hits stay highlighted)."""

    def action_step(self, direction: int) -> None:
        self.post_message(self.Step(direction))

    def action_close(self) -> None:
        self.post_message(self.Closed())


class SearchBar(Horizontal):
    """The ``/`` search input with its hit counter."""

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield SearchInput(
            placeholder="search all articles (enter next · shift+enter/↑ previous)",
            id="search-input",
        )
        yield Static("", id="search-count", markup=False)
