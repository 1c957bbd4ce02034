"""The key reference (``?`` / F1), generated from the live bindings so it can never drift."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

MOUSE_HELP = [
    ("click paragraph", "make it the current paragraph"),
    ("enter / click (lists)", "highlight mentions in all panes; again: next one"),
    ("enter / ↓ (search)", "next hit"),
    ("ctrl+r / ↑ (search)", "previous hit (shift+enter too, where the terminal sends it)"),
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
    """Modal list of every key: a two-column grid, so a long description wraps inside its own
    column instead of running back under the keys (at 80 columns most of them wrap)."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close")]

    def __init__(self, bindings: list[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def rows(self) -> list[tuple[str, str]]:
        """``(keys, description)`` for every binding, then mouse and search keys, then the
        legend (after an empty row)."""
        rows: list[tuple[str, str]] = []
        for b in self.bindings:
            keys = " ".join(
                self.app.get_key_display(Binding(k, b.action)) for k in b.key.split(",")
            )
            rows.append((keys, f"{b.description} · {b.tooltip}" if b.tooltip else b.description))
        rows.extend(MOUSE_HELP)
        rows.append(("", ""))
        rows.extend(LEGEND)
        return rows

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(
                Content.from_markup("[b]parallel-reader keys[/]  [dim]escape to close[/]"),
                id="help-title",
            )
            with VerticalScroll():
                with Grid(id="help-keys"):
                    for keys, desc in self.rows():
                        yield Static(Content.styled(keys, "b $text-accent"), classes="help-key")
                        yield Static(Content(desc), classes="help-desc")
