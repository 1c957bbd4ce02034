"""The key footer, most important keys first, showing only the keys that fit.

Textual's ``Footer`` lists the shown bindings in declaration order, screen before app, and cuts
the row off at the terminal's edge: at 80 columns it ended at "f Fi", with help and quit - the
two keys a newcomer needs - never visible.  This footer orders the keys by
:data:`FOOTER_PRIORITY` and drops whole keys from the end until the row fits, switching to the
compact style below :data:`COMPACT_BELOW` columns.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not re-exported; textual is pinned (<9)

FOOTER_PRIORITY = (
    "next-match",
    "prev-match",
    "search",
    "help",
    "quit",
    "entities",
    "figures",
    "explain",
    "toggle-sidebar",
    "next-unmatched",
)
"""Binding ids in the order the footer gives them room; other shown keys follow in the order
they are declared."""
COMPACT_BELOW = 120
"""Below this many columns the footer uses Textual's compact style (one space less per key)."""
PALETTE_ROOM = 13
"""Columns kept for the command palette key docked at the right ("^p palette" and its border)."""


def key_width(key_display: str, description: str, compact: bool) -> int:
    """Cells one :class:`FooterKey` takes: its padding and margin, as Textual's footer CSS sets
    them (``padding: 0 1`` around the key and after the description, or one margin cell when
    compact)."""
    return len(key_display) + len(description) + 2 + (0 if compact else 1)


def rank(binding: Binding, declared: int) -> tuple[int, int]:
    """Sort key: listed ids by their place in :data:`FOOTER_PRIORITY`, then the rest as
    declared."""
    if binding.id in FOOTER_PRIORITY:
        return (FOOTER_PRIORITY.index(binding.id), declared)
    return (len(FOOTER_PRIORITY), declared)


class ReaderFooter(Footer):
    """A footer that keeps the most important keys visible at any width."""

    def __init__(self) -> None:
        super().__init__(show_command_palette=True)
        self._width = 0

    def chosen(self, width: int) -> list[tuple[Binding, bool, str]]:
        """The keys shown at ``width`` columns, in display order."""
        compact = width < COMPACT_BELOW
        seen: set[str] = set()
        candidates: list[tuple[Binding, bool, str]] = []
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                candidates.append((binding, enabled, tooltip))
        order = sorted(range(len(candidates)), key=lambda i: rank(candidates[i][0], i))
        room = width - PALETTE_ROOM
        out: list[tuple[Binding, bool, str]] = []
        for i in order:
            binding, enabled, tooltip = candidates[i]
            need = key_width(self.app.get_key_display(binding), binding.description, compact)
            if need > room:
                break
            room -= need
            out.append((binding, enabled, tooltip))
        return out

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.size.width or self.app.size.width
        self._width = width
        self.compact = width < COMPACT_BELOW
        shown = self.chosen(width)
        self.styles.grid_size_columns = len(shown)
        for binding, enabled, tooltip in shown:
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        palette = self.app.COMMAND_PALETTE_BINDING
        entry = self.screen.active_bindings.get(palette)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and entry is not None:
            _node, binding, enabled, _tooltip = entry
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self.call_after_refresh(self.recompose)
