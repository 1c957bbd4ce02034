"""Command-palette providers (ctrl+p): every reader action, "view: show article N", and jumps to
entities and figure groups.

Entity names come from articles, so their hits are displayed as ``Content(name)``; the built-in
``Matcher.highlight`` parses its argument as markup and is only used on our own titles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.ui.navigation import letter

PALETTE_ACTIONS: list[tuple[str, str, str]] = [
    ("go: next match", "next_match(1)", "Next matched paragraph; both panes move to the pair (n)"),
    ("go: previous match", "next_match(-1)", "Previous matched paragraph (p)"),
    ("go: next unmatched paragraph", "next_unmatched(1)", "Next paragraph with no partner (u)"),
    ("go: previous unmatched paragraph", "next_unmatched(-1)", "Previous one with no partner (U)"),
    ("go: next paragraph", "move(1)", "Move the current paragraph down (j)"),
    ("go: previous paragraph", "move(-1)", "Move the current paragraph up (k)"),
    ("go: page down", "page(1)", "pagedown"),
    ("go: page up", "page(-1)", "pageup"),
    ("go: first paragraph", "edge(0)", "g"),
    ("go: last paragraph", "edge(1)", "G"),
    ("go: next partner", "cycle_partner(1)", "Cycle the partners of a split paragraph (])"),
    ("go: previous partner", "cycle_partner(-1)", "[")  ,
    ("search: all articles", "search", "Search every article, ignoring case and accents (/)"),
    ("view: explain the current match", "explain", "Score and shared words, names, numbers (x)"),
    ("view: toggle scroll sync", "toggle_sync", "Lock or unlock the panes (s)"),
    ("view: cycle visible articles", "cycle_view", "Show the next set of articles (v)"),
    ("view: toggle sidebar", "toggle_sidebar", "Show or hide entities and figures (b)"),
    ("view: focus entity list", "focus_list('entities')", "e"),
    ("view: focus figure list", "focus_list('figures')", "f"),
    ("view: clear highlights", "clear", "Drop search and entity highlights (escape)"),
    ("edit: reject or restore the current match", "reject_match", "Saved at once (r)"),
    ("edit: link paragraphs by hand", "mark_link", "Mark one, then one in another pane (m)"),
    ("edit: undo the last correction", "undo", "ctrl+z"),
    ("edit: redo", "redo", "ctrl+y"),
    ("edit: write the memo (Markdown) to a file", "write_memo", "w"),
    ("edit: copy the paragraph with its source", "copy_paragraph", "c"),
    ("edit: copy the pair with their sources", "copy_pair", "C"),
    ("app: help", "app.help", "All keys (? or F1)"),
]


class ReaderCommands(Provider):
    """Reader actions and data-driven jumps for the command palette."""

    def _reader(self):
        from reader.ui.screens.reader import ReaderScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    def _run(self, action: str) -> None:
        reader = self._reader()
        if reader is not None:
            self.app.call_later(self.app.run_action, action, reader)

    def _candidates(self) -> Iterator[tuple[str, Content | None, Callable[[], None], str | None]]:
        """``(plain title, display or None for our own titles, callback, help)``."""
        for title, action, help_text in PALETTE_ACTIONS:
            yield title, None, partial(self._run, action), help_text
        reader = self._reader()
        if reader is None:
            return
        for i, art in enumerate(reader.articles):
            title = f"view: show article {i + 1} ({letter(i)}) {art.title}"
            yield title, Content(title), partial(reader.show_article, i), None
        analysis = reader.analysis
        if analysis is None:
            return
        for ent in analysis.entities:
            title = f"go: entity {ent.name}"
            yield title, Content(title), partial(reader.select_target, ("e", ent.id)), None
        for group in analysis.figure_groups:
            title = f"go: figure {group.counted} ({group.status})"
            yield title, Content(title), partial(reader.select_target, ("g", group.id)), None

    async def discover(self) -> Hits:
        for title, display, callback, help_text in self._candidates():
            if title.startswith(("go: entity", "go: figure")):
                continue
            yield DiscoveryHit(display if display is not None else title, callback,
                               text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, display, callback, help_text in self._candidates():
            score = matcher.match(title)
            if score > 0:
                shown = matcher.highlight(title) if display is None else display
                yield Hit(score, shown, callback, text=title, help=help_text)
