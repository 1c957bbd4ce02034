"""The story at a glance (``o``): every fact against every outlet, sortable and filterable.

``enter`` closes the overview with the chosen fact; the reader then shows that fact's paragraphs
side by side.  The grid is a Line-API widget (:mod:`reader.ui.widgets.fact_table`); rows, sorting
and filters are Textual-free (:mod:`reader.ui.fact_grid`).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer

from reader.core.model import Analysis, article_label
from reader.ui.fact_grid import FactFilter, FactRow, FilterKind, SortKey, arrange, build_rows
from reader.ui.navigation import NavIndex
from reader.ui.screens.choice import ChoiceScreen
from reader.ui.widgets.fact_table import FactTable
from reader.ui.widgets.status import StatusText


def outlet_entries(analysis: Analysis) -> list[str]:
    """One line per article for a choice list: its letter, file name and headline."""
    out = []
    for i, art in enumerate(analysis.articles):
        name = Path(art.source).name if art.source != "-" else "standard input"
        title = f" — {art.title}" if art.title else ""
        out.append(f"{article_label(i)}  {name}{title}")
    return out


LEGEND = (
    "[$text on $success 35%] ● [/] clear match  [$text on $secondary 22%] ● [/] supported  "
    "[$text-muted] ● [/] same fact  [$text on $warning 25%] ● [/] one outlet only"
)
"""What the cells' shading means (the same colours as the grid's component classes)."""


class OverviewScreen(Screen[int | None]):
    """Facts x outlets; dismisses with the chosen fact's index, or ``None`` (escape)."""

    DEFAULT_CSS = """
    OverviewScreen {
        layout: vertical;
        #overview-title { height: 1; padding: 0 1; background: $panel; }
        #overview-grid { height: 1fr; }
        #overview-fact { height: 2; padding: 0 1; background: $boost; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Show fact",
            id="overview-show",
            tooltip="close the overview and show this fact's paragraphs side by side",
        ),
        Binding(
            "s",
            "toggle_sort",
            "Sort",
            id="overview-sort",
            tooltip="sort by position in the story / by how many outlets report it",
        ),
        Binding(
            "a",
            "filter('in-all')",
            "In all",
            id="overview-in-all",
            tooltip="facts every outlet reports",
        ),
        Binding(
            "i",
            "ask_filter('only')",
            "Only in…",
            id="overview-only",
            tooltip="facts one outlet alone reports",
        ),
        Binding(
            "m",
            "ask_filter('missing')",
            "Missing from…",
            id="overview-missing",
            tooltip="facts an outlet does not report",
        ),
        Binding("c", "clear_filter", "All facts", id="overview-clear", tooltip="drop the filter"),
        Binding("escape,o", "close", "Close", id="overview-close", tooltip="back to the panes"),
    ]

    def __init__(
        self,
        analysis: Analysis,
        nav: NavIndex,
        *,
        shown: list[int] | None = None,
        current_fact: int | None = None,
    ) -> None:
        super().__init__()
        self.analysis = analysis
        self.n_articles = len(analysis.articles)
        self.all_rows: list[FactRow] = build_rows(analysis, nav)
        self.sort: SortKey = "position"
        self.filter: FactFilter | None = None
        self._shown = frozenset(shown or ())
        self._start_fact = current_fact

    def compose(self) -> ComposeResult:
        yield StatusText(id="overview-title")
        yield FactTable(self.n_articles, id="overview-grid")
        yield StatusText(id="overview-fact")
        yield Footer()

    @property
    def table(self) -> FactTable:
        return self.query_one(FactTable)

    def on_mount(self) -> None:
        table = self.table
        table.shown = self._shown
        self._relist(self._start_fact)
        table.focus()

    @property
    def rows(self) -> list[FactRow]:
        """The facts listed now (after the filter, in the chosen order)."""
        return self.table.rows

    def _relist(self, keep: int | None = None) -> None:
        rows = arrange(self.all_rows, self.n_articles, self.sort, self.filter)
        self.table.set_rows(rows, keep)
        self._show_title()
        self._show_fact()

    def _show_title(self) -> None:
        facts = len(self.all_rows)
        count = f"{len(self.rows)} of {facts} facts" if self.filter else f"{facts} facts"
        self.query_one("#overview-title", StatusText).show(
            Content.from_markup(
                "[b]Facts × outlets[/]  $count · by [b]$sort[/]$filt   " + LEGEND,
                count=count,
                sort=self.sort,
                filt=f" · {self.filter.describe()}" if self.filter else "",
            )
        )

    def _show_fact(self) -> None:
        row = self.table.current
        foot = self.query_one("#overview-fact", StatusText)
        if row is None:
            foot.show(Content(""))
            return
        members = self.analysis.facts[row.fact].members
        refs = ", ".join(f"{article_label(a)}{p + 1}" for a, p in sorted(members))
        room = max(10, self.size.width - 20)
        if len(refs) > room:
            # One line, cut at a reference: rendering a long wrapped line cost ~5 ms a key.
            refs = refs[: refs.rfind(", ", 0, room)] + ", …"
        label = row.label
        width = max(10, self.size.width - 2)
        if cell_len(label) > width:
            label = set_cell_size(label, width - 1) + "…"
        foot.show(
            Content.from_markup(
                "$label\n[dim]$cov outlets: $refs[/]",
                label=label,
                cov=f"{row.coverage}/{self.n_articles}",
                refs=refs,
            )
        )

    def on_fact_table_moved(self, event: FactTable.Moved) -> None:
        self._show_fact()

    # -- actions ---------------------------------------------------------------------------------

    def action_choose(self) -> None:
        row = self.table.current
        if row is not None:
            self.dismiss(row.fact)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_sort(self) -> None:
        self.sort = "coverage" if self.sort == "position" else "position"
        current = self.table.current
        self._relist(current.fact if current else None)

    def set_filter(self, filt: FactFilter | None) -> None:
        """List only the facts ``filt`` keeps (``None``: all)."""
        self.filter = filt
        current = self.table.current
        self._relist(current.fact if current else None)

    def action_filter(self, kind: FilterKind) -> None:
        self.set_filter(FactFilter(kind))

    def action_clear_filter(self) -> None:
        self.set_filter(None)

    def action_ask_filter(self, kind: FilterKind) -> None:
        question = {
            "only": "Facts only in which outlet?",
            "missing": "Facts missing from which outlet?",
        }.get(kind, "Facts in which outlet?")

        def chosen(article: int | None) -> None:
            if article is not None:
                self.set_filter(FactFilter(kind, article))

        self.app.push_screen(ChoiceScreen(question, outlet_entries(self.analysis)), chosen)
