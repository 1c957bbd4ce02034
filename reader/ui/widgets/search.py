"""The ``/`` search bar: an input, its hit counter, and the hits of what was typed.

The bar owns the query: it searches every article (debounced while typing) and posts
:class:`SearchBar.Changed` when the hits change.  Its keys post :class:`SearchInput.Step` and
:class:`SearchInput.Closed`.  Which hit is current, the highlights and moving the panes belong
to whoever handles those messages (the reader screen); the bar never reaches into it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from reader.core.matching.search import Hit, SearchIndex
from reader.core.model import Article

DEBOUNCE = 0.15
"""Seconds of no typing before the query runs (each search scans every paragraph)."""


class SearchInput(Input):
    """The search box: enter / down next hit, up / ctrl+r previous, escape closes.

    ``shift+enter`` is bound too, but many terminals send it as plain enter, so ``ctrl+r``
    (reverse, as in a shell's history search) is the previous-hit key that always arrives."""

    BINDINGS = [
        Binding("down", "step(1)", "Next hit", show=False, id="search-next"),
        Binding(
            "ctrl+r,up,shift+enter", "step(-1)", "Previous hit", show=False, id="search-previous"
        ),
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
    """The ``/`` search input with its hit counter, searching ``articles``."""

    class Changed(Message):
        """The hits changed (a new query ran); read them with :meth:`SearchBar.run`."""

    def __init__(self, articles: Sequence[Article], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._index = SearchIndex(articles)
        self._query = ""
        self._hits: list[Hit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-prompt")
        yield SearchInput(
            placeholder="search all articles (enter/↓ next · ctrl+r/↑ previous)",
            id="search-input",
        )
        yield Static("", id="search-count", markup=False)

    @property
    def query_text(self) -> str:
        """The query the current hits are for."""
        return self._query

    def run(self) -> list[Hit]:
        """The hits of what is typed, searching now if typing is pending.

        The same list object comes back until the query changes, so callers can tell new hits
        from old ones by identity.
        """
        query = self.query_one(SearchInput).value
        if query != self._query:
            self._query = query
            self._hits = self._index.find(query)
        return self._hits

    def reindex(self, articles: Sequence[Article]) -> None:
        """Search these texts from now on (an article finished loading); hits are recomputed."""
        self._index = SearchIndex(articles)
        self.forget()

    def forget(self) -> None:
        """Drop the hits; the typed text searches afresh on the next :meth:`run`."""
        self._query = ""
        self._hits = []

    def show_count(self, position: int, total: int) -> None:
        """Show "hit k of n" (``position`` -1: none chosen yet), or "no hits" for a query."""
        count = self.query_one("#search-count", Static)
        if total:
            count.update(f"hit {position + 1 if position >= 0 else '–'} of {total}")
        else:
            count.update("no hits" if self._query.strip() else "")

    @on(Input.Changed, "#search-input")
    def _on_typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._search_now)

    def _search_now(self) -> None:
        before = self._hits
        if self.run() is not before:
            self.post_message(self.Changed())
