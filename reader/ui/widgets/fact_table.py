"""The facts x outlets grid: one row per fact, one column per article, drawn with the Line API.

A single ``ScrollView`` with ``render_line``: 50 outlets x hundreds of facts cost nothing until
they are on screen, and a cursor move repaints from cached strips.  The first line is a header
that stays put; the coverage count and the fact's label stay on the left while the outlet
columns scroll sideways (``left`` / ``right``).
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.model import article_label
from reader.ui.fact_grid import FactRow

COVERAGE_WIDTH = 7
"""Columns for "12/50 " and a space."""
LABEL_MIN = 24
"""The label never gets narrower than this; the outlet columns scroll instead."""
LABEL_WHEN_SCROLLING = 44
"""The label's width when not every outlet column fits."""
LABEL_MAX = 100
"""Wider labels would put the marks too far from the text they belong to."""


def mark(count: int) -> str:
    """A cell's symbol: a dot for one paragraph, the number of paragraphs for a split."""
    if count <= 1:
        return "●"
    return str(count) if count < 10 else "+"


class FactTable(ScrollView, can_focus=True, inherit_bindings=False):
    """The grid; the overview screen feeds it rows and reads :attr:`cursor`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "facttable--header",
        "facttable--shown",
        "facttable--cursor",
        "facttable--coverage",
        "facttable--coverage-all",
        "facttable--empty",
        "facttable--clear",
        "facttable--supported",
        "facttable--linked",
        "facttable--only",
    }
    DEFAULT_CSS = """
    FactTable {
        background: $surface;
        scrollbar-size-vertical: 1;
        scrollbar-size-horizontal: 1;
        & > .facttable--header { background: $panel; color: $text-muted; text-style: bold; }
        & > .facttable--shown { color: $text-accent; text-style: bold underline; }
        & > .facttable--cursor { background: $accent 30%; }
        & > .facttable--coverage { color: $text-muted; }
        & > .facttable--coverage-all { color: $text-success; text-style: bold; }
        & > .facttable--empty { color: $text-disabled; }
        & > .facttable--clear { background: $success 35%; color: $text; text-style: bold; }
        & > .facttable--supported { background: $secondary 22%; color: $text; }
        & > .facttable--linked { color: $text-muted; }
        & > .facttable--only { background: $warning 25%; color: $text; text-style: bold; }
    }
    FactTable:focus > .facttable--cursor { background: $accent 45%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next fact", show=False, id="overview-down"),
        Binding("k,up", "move(-1)", "Previous fact", show=False, id="overview-up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="overview-page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="overview-page-up"),
        Binding("g,home", "edge(0)", "First fact", show=False, id="overview-first"),
        Binding("G,end", "edge(1)", "Last fact", show=False, id="overview-last"),
        Binding("l,right", "sideways(1)", "Later outlets", show=False, id="overview-right"),
        Binding("h,left", "sideways(-1)", "Earlier outlets", show=False, id="overview-left"),
    ]

    class Moved(Message):
        """The cursor moved to another fact."""

    def __init__(self, n_articles: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.n_articles = n_articles
        self.rows: list[FactRow] = []
        self.cursor = 0
        self.shown: frozenset[int] = frozenset()
        """Articles currently in the reader's panes: their letters are marked in the header."""
        self.cell_width = max(2, len(article_label(max(0, n_articles - 1))) + 1)
        self._label_width = LABEL_MIN
        self._strips: LRUCache[tuple[object, ...], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._gen = 0

    # -- data ------------------------------------------------------------------------------------

    def set_rows(self, rows: list[FactRow], cursor_fact: int | None = None) -> None:
        """Show ``rows``, keeping the cursor on ``cursor_fact`` when it is still listed."""
        self.rows = rows
        index = next((i for i, r in enumerate(rows) if r.fact == cursor_fact), 0)
        self.cursor = index
        self._gen += 1
        self._strips.clear()
        self._fit()
        self.scroll_to(y=max(0, index - self._page() // 2), animate=False, force=True)
        self.refresh()

    @property
    def current(self) -> FactRow | None:
        """The fact under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- geometry --------------------------------------------------------------------------------

    def _fit(self) -> None:
        width = self.scrollable_content_region.width
        cells = self.cell_width * self.n_articles
        room = width - COVERAGE_WIDTH - 1
        if room - cells >= LABEL_MIN:
            self._label_width = min(LABEL_MAX, room - cells)
        else:
            self._label_width = max(12, min(LABEL_WHEN_SCROLLING, room - 4 * self.cell_width))
        self.virtual_size = Size(self._fixed_width + cells, len(self.rows) + 1)

    @property
    def _fixed_width(self) -> int:
        return COVERAGE_WIDTH + self._label_width + 1

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def on_resize(self, event: events.Resize) -> None:
        self._fit()
        self._strips.clear()
        self._reveal()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- movement --------------------------------------------------------------------------------

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and scroll it into view."""
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        self._refresh_row(old)
        self._refresh_row(index)
        self._reveal()
        self.post_message(self.Moved())

    def _refresh_row(self, index: int) -> None:
        y = index - round(self.scroll_y) + 1
        if 1 <= y < self.scrollable_content_region.height:
            self.refresh_line(y)

    def _reveal(self) -> None:
        top = round(self.scroll_y)
        page = self._page()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif self.cursor >= top + page:
            self.scroll_to(y=self.cursor - page + 1, animate=False, force=True)

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self._page() - 1))

    def action_edge(self, end: int) -> None:
        self.move_to(len(self.rows) - 1 if end else 0)

    def action_sideways(self, direction: int) -> None:
        self.scroll_to(x=self.scroll_x + direction * 4 * self.cell_width, animate=False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        index = offset.y - 1 + round(self.scroll_y)
        if index < len(self.rows):
            self.focus()
            self.move_to(index)

    # -- rendering -------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name:
                style = self.get_component_rich_style(f"facttable--{name}", partial=True)
            else:
                style = self.rich_style
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style("")
        x = round(self.scroll_x)
        if y == 0:
            key: tuple[object, ...] = ("header", width, x, self._gen, self.shown)
        else:
            index = y - 1 + round(self.scroll_y)
            if index >= len(self.rows):
                if index == 0 and y == 1:
                    text = " No facts to list here (c clears the filter)"
                    return Strip([Segment(text, base + self._style("empty"))]).adjust_cell_length(
                        width, base
                    )
                return Strip.blank(width, base)
            key = (index, index == self.cursor, width, x, self._gen, self.has_focus)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._header(width, x, base) if y == 0 else self._row(key[0], width, x, base)
            self._strips.set(key, strip)
        return strip

    def _cells(self, x: int, width: int) -> tuple[int, int]:
        """The outlet columns on screen from horizontal offset ``x`` (first, end)."""
        room = max(0, width - self._fixed_width)
        # Rounded up, so the last column is whole at the far right (the scroll range ends
        # wherever the width leaves it, not on a column boundary).
        first = min(-(-x // self.cell_width), self.n_articles)
        return first, min(self.n_articles, first + room // self.cell_width)

    def _header(self, width: int, x: int, base: Style) -> Strip:
        head = base + self._style("header")
        segs = [
            Segment(" cover ".rjust(COVERAGE_WIDTH), head),
            Segment(set_cell_size("fact", self._label_width), head),
            Segment("│", head),
        ]
        first, end = self._cells(x, width)
        shown = head + self._style("shown")
        for a in range(first, end):
            label = article_label(a).center(self.cell_width)
            segs.append(Segment(label, shown if a in self.shown else head))
        return Strip(segs).adjust_cell_length(width, head)

    def _row(self, index: object, width: int, x: int, base: Style) -> Strip:
        assert isinstance(index, int)
        row = self.rows[index]
        style = base + self._style("cursor") if index == self.cursor else base
        all_of = row.coverage == self.n_articles and self.n_articles > 1
        cover = f"{row.coverage}/{self.n_articles} ".rjust(COVERAGE_WIDTH)
        label = row.label
        if cell_len(label) > self._label_width:
            label = set_cell_size(label, self._label_width - 1) + "…"
        segs = [
            Segment(cover, style + self._style("coverage-all" if all_of else "coverage")),
            Segment(set_cell_size(label, self._label_width), style),
            Segment("│", style + self._style("linked")),
        ]
        first, end = self._cells(x, width)
        for a in range(first, end):
            cell = row.cells.get(a)
            if cell is None:
                segs.append(Segment(" " * self.cell_width, style))
                continue
            count, tier = cell
            text = mark(count).center(self.cell_width)
            segs.append(Segment(text, style + self._style(tier)))
        return Strip(segs).adjust_cell_length(width, style)
