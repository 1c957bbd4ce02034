"""The status line: where you are ("match k of N", score, "¶ 4/17"), sync lock, search and progress."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ProgressBar


class StatusText(Widget):
    """Fixed-size text whose updates repaint one row only (``Static.update`` would request a
    layout of the whole screen on every key)."""

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.content = Content("")

    def render(self) -> Content:
        return self.content

    def show(self, content: Content) -> None:
        if content != self.content:
            self.content = content
            self.refresh()


class StatusLine(Horizontal):
    """One row: a text part and, while the analysis runs, a progress bar."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        #status-text { width: 1fr; height: 1; padding: 0 1; }
        #progress { width: 24; height: 1; display: none; }
        #status-hidden { display: none; width: auto; max-width: 40%; height: 1; padding: 0 1; color: $text-warning; text-style: bold; }
        &.-busy #progress { display: block; }
    }
    """

    def compose(self) -> ComposeResult:
        yield StatusText(id="status-text")
        yield StatusText(id="status-hidden")

    def show_hidden(self, content: Content) -> None:
        """The "+N hidden: D, E" marker at the right end (its width follows its text)."""
        hidden = self.query_one("#status-hidden", StatusText)
        if content != hidden.content:
            hidden.content = content
            hidden.display = bool(content.plain)
            hidden.refresh(layout=True)

    @property
    def hidden_text(self) -> str:
        """The plain text of the hidden-articles marker (handy for tests)."""
        return self.query_one("#status-hidden", StatusText).content.plain

    @property
    def text(self) -> str:
        """The plain text currently shown (handy for tests)."""
        return self.query_one("#status-text", StatusText).content.plain

    def show(self, content: Content) -> None:
        self.query_one("#status-text", StatusText).show(content)

    def progress(self, fraction: float | None) -> None:
        """Show (0..1) or hide (``None``) the progress bar.

        The bar (four widgets) is mounted on first use rather than composed: it is only needed
        once the analysis runs, which starts after the first frame.
        """
        self.set_class(fraction is not None, "-busy")
        if fraction is None:
            return
        value = round(100 * max(0.0, min(1.0, fraction)))
        bars = self.query(ProgressBar)
        if bars:
            bars.first().update(progress=value)
        else:
            self.mount(ProgressBar(total=100, show_eta=False, id="progress"))
            self.query_one(ProgressBar).update(progress=value)
