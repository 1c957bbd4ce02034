"""The key reference (``?`` / F1), generated from the live bindings so it can never drift."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

MOUSE_HELP = [
    ("click paragraph", "make it the current paragraph"),
    ("enter / click (lists)", "highlight mentions in all panes; again: next one"),
    ("enter / ↓ (search)", "next hit"),
    ("shift+enter / ↑ (search)", "previous hit"),
    ("ctrl+p", "command palette: all actions, show article N, go: entity…"),
]
LEGEND = [
    ("→B3,4", "gutter: partners of this paragraph (article B, ¶3 and ¶4)"),
    ("⇅B6", "gutter: partner, but in a different order (moved text)"),
    ("✎B3", "gutter: partner you linked by hand (m … m)"),
    ("≠", "gutter: no partner in any other article"),
    ("✗", "gutter: no partner left: you rejected its match (r restores)"),
    ("·", "gutter: page furniture (byline, share links), never matched"),
    ("…", "gutter: still analysing"),
    ("shading", "green = near-identical wording; lighter = looser match"),
    ("underlined", "words, names and numbers the current pair shares"),
    ("red underline", "a figure another article reports differently"),
    ("✗ ≠ ✓ ·", "figures list: conflict / values differ / agree / one article only"),
]


class HelpScreen(ModalScreen[None]):
    """Modal list of every key."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def _lines(self) -> Content:
        rows: list[tuple[str, str]] = []
        for b in self.bindings:
            keys = " ".join(
                self.app.get_key_display(Binding(k, b.action)) for k in b.key.split(",")
            )
            rows.append((keys, f"{b.description} · {b.tooltip}" if b.tooltip else b.description))
        rows.extend(MOUSE_HELP)
        rows.append(("", ""))
        rows.extend(LEGEND)
        width = max(len(k) for k, _ in rows) + 2
        lines = [
            Content.from_markup("[b $text-accent]$keys[/]$desc", keys=k.ljust(width), desc=d)
            for k, d in rows
        ]
        return Content("\n").join(lines)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(
                Content.from_markup("[b]parallel-reader keys[/]  [dim]escape to close[/]"),
                id="help-title",
            )
            with VerticalScroll():
                yield Static(self._lines(), id="help-keys")
