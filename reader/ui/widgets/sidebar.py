"""Entity and figure lists: two ``OptionList``s (Line API, cheap with thousands of entries).

Every prompt is a ``Content`` built with ``Content.from_markup("...$name...", name=...)`` so names and
figures taken from articles are substituted as data and can never act as markup.  Choosing an entry
posts :class:`Sidebar.TargetSelected`; the sidebar never reaches into the screen.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import AwaitMount
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.core.model import Analysis, AnalysisPart, Entity, Figure, FigureGroup, article_label
from reader.ui.filters import entity_wanted, figure_wanted

TargetKind = Literal["entity", "figure"]
"""What a sidebar entry stands for: an entity, or a figure group."""

TYPE_HEADINGS = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "other": "Other names",
}
MAX_VARIANTS = 3


def presence(articles: list[int], total: int) -> str:
    """Per-article presence column, e.g. ``"A B -"``."""
    present = set(articles)
    return " ".join(article_label(a) if a in present else "-" for a in range(total))


def entity_prompt(entity: Entity, total: int) -> Content:
    """One entity line: presence, canonical name, folded variants, mention count, "only in" mark."""
    variants = [v for v in entity.variants if v != entity.name][:MAX_VARIANTS]
    more = len(entity.variants) - 1 - len(variants)
    folded = ", ".join(variants) + (f", +{more}" if more > 0 else "")
    arts = entity.articles
    # Styled pieces, not parsed markup (see figure_prompt): names are data either way.
    pieces: list[str | tuple[str, str]] = [(presence(arts, total), "dim"), " " + entity.name]
    if folded:
        pieces.extend((" ", (f"({folded})", "dim")))
    pieces.extend((" ", (f"×{len(entity.mentions)}", "dim")))
    if total > 1 and len(arts) == 1:
        pieces.extend((" ", (f"only in {article_label(arts[0])}", "$warning")))
    return Content.assemble(*pieces)


STATUS_MARKS: dict[str, tuple[str, str]] = {
    "conflict": ("✗", "$error"),
    "differs": ("≠", "$warning"),
    "agree": ("✓", "$success"),
}
"""A figure group's status mark and its style (any other status: a dim dot)."""


def figure_prompt(group: FigureGroup, analysis: Analysis) -> Content:
    """One figure group: status mark, what is counted, each article's values with paragraph refs.

    Assembled from styled pieces rather than parsed markup: a group reported by 50 outlets has
    50 parts, and parsing them cost ~2.5 ms a group, over a second for a story's figure list.
    """
    per_article: dict[int, list[str]] = {}
    for fid in group.figures:
        fig = analysis.figures[fid]
        per_article.setdefault(fig.article, []).append(f"{short_value(fig)} ¶{fig.paragraph + 1}")
    pieces: list[str | tuple[str, str]] = [
        STATUS_MARKS.get(group.status, ("·", "dim")),
        " ",
        (group.counted or group.kind, "b"),
        ":",
    ]
    for n, (a, vals) in enumerate(sorted(per_article.items())):
        pieces.extend((" · " if n else " ", (article_label(a), "b"), " " + ", ".join(vals)))
    return Content.assemble(*pieces)


QUALIFIER_MARKS = {
    "at least": "≥",
    "more than": ">",
    "over": ">",
    "up to": "≤",
    "fewer than": "<",
    "less than": "<",
    "at most": "≤",
    "about": "~",
    "around": "~",
    "some": "~",
    "nearly": "~",
    "almost": "~",
    "approximately": "~",
}


def short_value(fig: Figure) -> str:
    """Compact value of a figure for the list ("≥12"), falling back to its text when unvalued."""
    if fig.value is None or fig.kind in ("date", "time"):
        return (
            fig.text
        )  # a date's or time's value is an encoding (314, 210 minutes), not for reading
    if fig.kind == "year":
        return f"{fig.value:.0f}"  # 2019, never "2,019"
    value = f"{fig.value:,.0f}" if float(fig.value).is_integer() else f"{fig.value:,g}"
    mark = QUALIFIER_MARKS.get((fig.qualifier or "").lower(), "~" if fig.qualifier else "")
    unit = "%" if fig.unit == "percent" or fig.kind == "percent" else ""
    return f"{mark}{value}{unit}"


def group_order(group: FigureGroup) -> tuple[int, int]:
    """Conflicts first, then differing values, then agreements, then single-article figures."""
    return ({"conflict": 0, "differs": 1, "agree": 2}.get(group.status, 3), group.id)


def not_yet(
    analysis: Analysis | None, part: AnalysisPart, what: str, failed: bool
) -> Option | None:
    """The one disabled line a list shows while its ``part`` of the analysis is not there:
    still being found (the matches may be shown already), or not found because that stage
    failed; ``None`` once the part has arrived."""
    if analysis is not None and part not in analysis.pending:
        return None
    if failed:
        text = f"No {what}: finding them failed"
    elif analysis is None:
        text = "Analysing…"
    else:
        text = f"Finding {what}…"
    return Option(Content.styled(text, "dim"), disabled=True)


def same_part(old: Analysis | None, new: Analysis | None, part: AnalysisPart) -> bool:
    """Whether ``new`` has exactly the names (``part`` "entities") or figures of ``old``: the
    same objects, equally pending, of the same articles."""
    if old is None or new is None:
        return old is new
    if (part in old.pending) != (part in new.pending) or old.articles is not new.articles:
        return False
    if part == "entities":
        return old.entities is new.entities
    return old.figures is new.figures and old.figure_groups is new.figure_groups


class TargetOption(Option):
    """A list entry standing for one entity or figure group."""

    def __init__(self, prompt: Content, kind: TargetKind, target: int) -> None:
        super().__init__(prompt, id=f"{kind}-{target}")
        self.kind: TargetKind = kind
        self.target = target
        """``Entity.id`` or ``FigureGroup.id``."""


class EntityFilter(Input):
    """The entity list's filter box: typing narrows the list; escape clears it (and, when it
    is already empty, goes back to the list); enter or ↓ go to the list."""

    BINDINGS = [
        Binding("escape", "clear_or_leave", "Clear filter", show=False, id="entity-filter-clear"),
        Binding("down", "leave", "To the list", show=False, id="entity-filter-leave"),
    ]

    def action_clear_or_leave(self) -> None:
        if self.value:
            self.value = ""
        else:
            self.action_leave()

    def action_leave(self) -> None:
        entities = self.screen.query_one("#entities", EntityList)
        entities.focus()
        if entities.highlighted is None:
            entities.action_first()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_leave()


class EntityList(OptionList):
    """Entities grouped by type (disabled headings, separators), narrowed by the filter box."""

    BINDINGS = [
        Binding(
            "slash",
            "filter",
            "Filter names",
            id="entity-filter",
            tooltip="in the entity list: type part of a name to narrow it; escape clears",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._analysis: Analysis | None = None
        self._failed = False
        self.query_text = ""
        """The filter typed in the box above the list."""

    def action_filter(self) -> None:
        self.screen.query_one(EntityFilter).focus()

    def set_filter(self, text: str) -> None:
        if text != self.query_text:
            self.query_text = text
            self._list()

    def show(self, analysis: Analysis | None, *, failed: bool = False) -> None:
        """List the names of ``analysis``; kept as they are when they are the ones listed (a
        later stage of the analysis brings figures only: ~400 names took 0.2 s to list)."""
        same = same_part(self._analysis, analysis, "entities") and failed == self._failed
        self._analysis, self._failed = analysis, failed
        if not same or not self.option_count:
            self._list()

    def _list(self) -> None:
        analysis = self._analysis
        self.clear_options()
        waiting = not_yet(analysis, "entities", "names", self._failed)
        if waiting is not None:
            self.add_option(waiting)
            return
        assert analysis is not None
        total = len(analysis.articles)
        options: list[Option | None] = []
        for etype, heading in TYPE_HEADINGS.items():
            ents = [
                e
                for e in analysis.entities
                if e.type == etype and entity_wanted(e, self.query_text)
            ]
            if not ents:
                continue
            ents.sort(key=lambda e: (-len(e.articles), -len(e.mentions), e.name.casefold()))
            if options:
                options.append(None)
            options.append(
                Option(
                    Content.styled(f"{heading} ({len(ents)})", "bold $text-secondary"),
                    disabled=True,
                )
            )
            options.extend(TargetOption(entity_prompt(e, total), "entity", e.id) for e in ents)
        if not options:
            empty = "No name matches the filter" if self.query_text.strip() else "No names found"
            options.append(Option(Content.styled(empty, "dim"), disabled=True))
        self.add_options(options)


class FigureList(OptionList):
    """Figure groups, conflicts first; ``!`` shows the conflicts only."""

    BINDINGS = [
        Binding(
            "exclamation_mark",
            "toggle_conflicts",
            "Conflicts only",
            id="figures-conflicts-only",
            tooltip="in the figure list: only figures the articles report differently (again: all)",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._analysis: Analysis | None = None
        self._failed = False
        self.conflicts_only = False

    class Filtered(Message):
        """The "conflicts only" filter was turned on or off."""

    def action_toggle_conflicts(self) -> None:
        self.conflicts_only = not self.conflicts_only
        self._list()
        self.post_message(self.Filtered())

    def show(self, analysis: Analysis | None, *, failed: bool = False) -> None:
        """List the figure groups of ``analysis``; kept as they are when they are the ones
        listed."""
        same = same_part(self._analysis, analysis, "figures") and failed == self._failed
        self._analysis, self._failed = analysis, failed
        if not same or not self.option_count:
            self._list()

    def _list(self) -> None:
        analysis = self._analysis
        self.clear_options()
        waiting = not_yet(analysis, "figures", "figures", self._failed)
        if waiting is not None:
            self.add_option(waiting)
            return
        assert analysis is not None
        groups = sorted(
            (g for g in analysis.figure_groups if figure_wanted(g, self.conflicts_only)),
            key=group_order,
        )
        if not groups:
            empty = "No conflicting figures" if self.conflicts_only else "No figures found"
            self.add_option(Option(Content.styled(empty, "dim"), disabled=True))
            return
        self.add_options(TargetOption(figure_prompt(g, analysis), "figure", g.id) for g in groups)
        if self.has_focus and self.highlighted is None:
            self.action_first()


class Sidebar(Vertical):
    """The folding right-hand column holding both lists.

    The lists are mounted by :meth:`populate` after the first frame (two ``OptionList``s and their
    styles cost a noticeable part of start-up, and they can only say "Analysing…" at that point);
    :meth:`show` before then is remembered and applied on populate.
    """

    class TargetSelected(Message):
        """An entity (``kind`` "entity", ``id`` an ``Entity.id``) or a figure group ("figure",
        a ``FigureGroup.id``) was chosen: highlight its mentions, step to the next one."""

        def __init__(self, kind: TargetKind, id: int) -> None:
            super().__init__()
            self.kind: TargetKind = kind
            self.id = id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._pending: tuple[Analysis | None, bool] | None = None
        self.populated = False

    def populate(self) -> AwaitMount | None:
        """Mount the titles and lists (once); returns the mount to await, or ``None``."""
        if self.populated:
            return None
        self.populated = True
        mounting = self.mount_all(
            [
                Label("Entities  [dim](e)[/]", classes="sidebar-title"),
                EntityFilter(placeholder="/ filter names", id="entity-filter"),
                EntityList(id="entities"),
                Label(self._figures_title(False), id="figures-title", classes="sidebar-title"),
                FigureList(id="figures"),
            ]
        )
        if self._pending is not None:
            self.show(self._pending[0], failed=self._pending[1])
        return mounting

    @staticmethod
    def _figures_title(conflicts_only: bool) -> str:
        if conflicts_only:
            return "Figures  [dim](f)[/]  [b $error]conflicts only[/] [dim](! all)[/]"
        return "Figures  [dim](f · ! conflicts only)[/]"

    @on(Input.Changed, "#entity-filter")
    def _on_filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.query_one(EntityList).set_filter(event.value)

    @on(FigureList.Filtered)
    def _on_figures_filtered(self, event: FigureList.Filtered) -> None:
        event.stop()
        only = self.query_one(FigureList).conflicts_only
        self.query_one("#figures-title", Label).update(self._figures_title(only))

    @on(OptionList.OptionSelected)
    def _on_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option = event.option
        if isinstance(option, TargetOption):
            self.post_message(self.TargetSelected(option.kind, option.target))

    def show(self, analysis: Analysis | None, *, failed: bool = False) -> None:
        """List the analysis's names and figures (``None``: nothing analysed yet).

        Args:
            failed: the parts ``analysis.pending`` names will not come (their stage failed).
        """
        if not self.populated:
            self._pending = (analysis, failed)
            return
        self._pending = None
        for lst in (*self.query(EntityList), *self.query(FigureList)):
            lst.show(analysis, failed=failed)
