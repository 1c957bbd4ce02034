"""Command-palette providers (ctrl+p): every reader action, "view: show article N", and jumps to
entities and figure groups.

The action rows are generated from the reader screen's and the app's key bindings (description and
tooltip as title, as in the help screen; keys as help), so a new key shows up in the palette by
itself and the two can never disagree.  Entity names come from articles, so their hits are displayed as
``Content(name)``; the built-in ``Matcher.highlight`` parses its argument as markup and is only
used on our own titles.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.core.model import article_label
from reader.ui.corrections import CORRECTION_BINDINGS
from reader.ui.screens.reader import ReaderScreen


@dataclass(frozen=True, slots=True)
class PaletteAction:
    """One palette row for a key binding."""

    title: str
    """``"<namespace>: <description> · <tooltip>"``, e.g. ``"view: sync · lock / unlock ..."``;
    the tooltip says what a short footer label ("Sync") does and gives the search more words."""
    action: str
    """The binding's action, run against the reader screen."""
    keys: tuple[str, ...]
    """The binding's keys, as Textual names them (``"pagedown"``, ``"N"``)."""


def palette_actions(
    sections: Iterable[tuple[str, Iterable[BindingType]]],
) -> list[PaletteAction]:
    """Palette rows for ``(namespace, bindings)`` sections, one per binding with a description.

    Bindings given as tuples (Textual allows them) carry no tooltip and are skipped.
    """
    rows: list[PaletteAction] = []
    for namespace, bindings in sections:
        for b in bindings:
            if not isinstance(b, Binding) or not b.description:
                continue
            title = f"{namespace}: {b.description[:1].lower()}{b.description[1:]}"
            if b.tooltip:
                title += f" · {b.tooltip}"
            keys = tuple(k.strip() for k in b.key.split(","))
            rows.append(PaletteAction(title, b.action, keys))
    return rows


READER_SECTIONS: tuple[tuple[str, list[Binding]], ...] = (
    ("go", ReaderScreen.GO_BINDINGS),
    ("view", ReaderScreen.VIEW_BINDINGS),
    ("edit", CORRECTION_BINDINGS),
)


class ReaderCommands(Provider):
    """Reader actions and data-driven jumps for the command palette."""

    def _reader(self) -> ReaderScreen | None:
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        return None

    def _run(self, action: str) -> None:
        reader = self._reader()
        if reader is not None:
            self.app.call_later(self.app.run_action, action, reader)

    def _help(self, row: PaletteAction) -> str:
        """The row's keys as the footer writes them."""
        return " ".join(self.app.get_key_display(Binding(k, row.action)) for k in row.keys)

    def _actions(self) -> list[PaletteAction]:
        # The app's shown keys (quit, help) run on the app; their actions need the "app." prefix
        # because palette actions run against the reader screen.
        app_rows = [
            PaletteAction(r.title, r.action if "." in r.action else f"app.{r.action}", r.keys)
            for r in palette_actions(
                [("app", [b for b in self.app.BINDINGS if isinstance(b, Binding) and b.show])]
            )
        ]
        return [*palette_actions(READER_SECTIONS), *app_rows]

    def _candidates(self) -> Iterator[tuple[str, Content | None, Callable[[], None], str | None]]:
        """``(plain title, display or None for our own titles, callback, help)``."""
        for row in self._actions():
            yield row.title, None, partial(self._run, row.action), self._help(row)
        reader = self._reader()
        if reader is None:
            return
        for i, art in enumerate(reader.articles):
            title = f"view: show article {i + 1} ({article_label(i)}) {art.title}"
            yield title, Content(title), partial(reader.show_article, i), None
        analysis = reader.analysis
        if analysis is None:
            return
        for ent in analysis.entities:
            title = f"go: entity {ent.name}"
            yield title, Content(title), partial(reader.select_target, "entity", ent.id), None
        for group in analysis.figure_groups:
            title = f"go: figure {group.counted} ({group.status})"
            yield title, Content(title), partial(reader.select_target, "figure", group.id), None

    async def discover(self) -> Hits:
        for title, display, callback, help_text in self._candidates():
            if title.startswith(("go: entity", "go: figure")):
                continue
            yield DiscoveryHit(
                display if display is not None else title, callback, text=title, help=help_text
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, display, callback, help_text in self._candidates():
            score = matcher.match(title)
            if score > 0:
                shown = matcher.highlight(title) if display is None else display
                yield Hit(score, shown, callback, text=title, help=help_text)
