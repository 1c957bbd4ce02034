"""The reading screen: article panes side by side, the sidebar, search, status and all navigation.

The screen owns the state that spans panes - which article leads, which partner is selected,
search hits, the selected entity - and wires the parts together: widgets post messages
(``ArticlePane.Scrolled``, ``SearchInput.Step``, ``Sidebar.TargetSelected``) and the screen
answers them.  The rules live in Textual-free modules: which articles get a pane
(:mod:`reader.ui.visible`), scroll anchors (:mod:`reader.ui.anchors`, applied by
:mod:`reader.ui.scroll_sync`), stepping through hits and mentions (:mod:`reader.ui.hits`) and the
per-paragraph lookups (:mod:`reader.ui.navigation`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import DescendantFocus, Resize, ScreenResume
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Input, OptionList

from reader.core.model import Analysis, Article, Match, ParagraphRef, article_label
from reader.ui import visible
from reader.ui.corrections import CORRECTION_BINDINGS, CorrectionActions, rejected_with
from reader.ui.filters import above_min_score, next_min_score
from reader.ui.hits import HitCursor, Place
from reader.ui.navigation import NavIndex, Span
from reader.ui.scroll_sync import ScrollSync
from reader.ui.stops import Stops, hidden_partners
from reader.ui.widgets.article_pane import ArticlePane
from reader.ui.widgets.pane_column import PaneColumn
from reader.ui.widgets.search import SearchBar, SearchInput
from reader.ui.widgets.sidebar import Sidebar, TargetKind
from reader.ui.widgets.status import StatusLine

SIDEBAR_MIN_WIDTH = 100
"""Below this many columns the sidebar folds away by itself (``b`` still shows it)."""
DEFAULT_MIN_PANE_WIDTH = 34
"""Narrowest pane (text, gutter and border) when the config does not say: as many panes as fit
this wide are shown, two at 80 or 100 columns, three at 160, ten at 400."""
SIDEBAR_WIDTH = (0.3, 30, 56)
"""The sidebar's share of the screen and its bounds (as in ``reader.tcss``): panes get the rest."""
HIDDEN_NAMED = (3, 10)
"""Hidden articles named in the "+N hidden" marker and the status: this many at 80 columns, one
more per 8 columns beyond, up to the second number."""


class ReaderScreen(CorrectionActions, Screen[None]):
    """Side-by-side reading of all articles of one analysis."""

    GO_BINDINGS: ClassVar[list[Binding]] = [
        Binding(
            "n",
            "next_match(1)",
            "Next match",
            id="next-match",
            tooltip="next matched paragraph; its partners line up",
        ),
        Binding(
            "p,N",
            "next_match(-1)",
            "Prev match",
            id="prev-match",
            tooltip="previous matched paragraph",
        ),
        Binding(
            "u",
            "next_unmatched(1)",
            "Unmatched",
            id="next-unmatched",
            tooltip="next paragraph no other article reports",
        ),
        Binding("U", "next_unmatched(-1)", "Prev unmatched", show=False, id="prev-unmatched"),
        Binding("j,down", "move(1)", "Next paragraph", show=False, id="cursor-down"),
        Binding("k,up", "move(-1)", "Previous paragraph", show=False, id="cursor-up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="page-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="page-up"),
        Binding("g,home", "edge(0)", "First paragraph", show=False, id="first"),
        Binding("G,end", "edge(1)", "Last paragraph", show=False, id="last"),
        Binding(
            "]",
            "cycle_partner(1)",
            "Next partner",
            show=False,
            id="next-partner",
            tooltip="next partner of a split/merged paragraph",
        ),
        Binding("[", "cycle_partner(-1)", "Previous partner", show=False, id="prev-partner"),
        Binding("tab", "app.focus_next", "Next pane/list", show=False, id="focus-next"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane/list", show=False, id="focus-previous"
        ),
        Binding(
            "/",
            "search",
            "Search",
            id="search",
            tooltip="search all articles (case and accents ignored)",
        ),
    ]
    """Keys that move through the articles (the command palette lists them under "go:")."""
    VIEW_BINDINGS: ClassVar[list[Binding]] = [
        Binding(
            "e",
            "focus_list('entities')",
            "Entities",
            id="entities",
            tooltip="go to the list of people, organisations, places",
        ),
        Binding(
            "f",
            "focus_list('figures')",
            "Figures",
            id="figures",
            tooltip="go to the figures list (conflicts first)",
        ),
        Binding(
            "x",
            "explain",
            "Explain",
            id="explain",
            tooltip="why the current pair matched: score, shared terms",
        ),
        Binding(
            "s",
            "toggle_sync",
            "Sync",
            id="toggle-sync",
            tooltip="lock / unlock scrolling of the panes together",
        ),
        Binding(
            "v",
            "cycle_view",
            "View",
            show=False,
            id="cycle-view",
            tooltip="show the next articles when not all fit",
        ),
        Binding(
            "o",
            "overview",
            "Facts",
            id="overview",
            tooltip="every fact against every outlet; enter shows one side by side",
        ),
        Binding(
            "a",
            "pick_articles",
            "Articles",
            show=False,
            id="pick-articles",
            tooltip="choose which articles get a pane",
        ),
        Binding(
            "b",
            "toggle_sidebar",
            "Sidebar",
            id="toggle-sidebar",
            tooltip="show / hide entities and figures",
        ),
        Binding(
            "t",
            "cycle_min_score",
            "Min score",
            id="min-score",
            tooltip="hide matches scored under 0.5, 0.6, 0.7, 0.8 in turn (then all again)",
        ),
        Binding(
            "escape",
            "clear",
            "Clear highlights",
            show=False,
            id="clear",
            tooltip="clear search and entity highlights",
        ),
    ]
    """Keys that change what is shown (the command palette lists them under "view:")."""
    BINDINGS: ClassVar[list[BindingType]] = [*GO_BINDINGS, *VIEW_BINDINGS, *CORRECTION_BINDINGS]

    def __init__(
        self,
        articles: list[Article],
        analysis: Analysis | None = None,
        *,
        busy: tuple[str, float] | None = None,
        show: list[int] | None = None,
    ) -> None:
        """Args:
        show: the articles to give panes to at start (``--show``); the first leads.  Their
            number also caps the panes later (until the picker changes it).
        """
        super().__init__()
        self.articles = articles
        self.analysis: Analysis | None = None
        self.nav: NavIndex | None = None
        self._pending: tuple[Analysis, NavIndex | None] | None = (
            (analysis, None) if analysis is not None else None
        )
        chosen = [a for a in (show or []) if 0 <= a < len(articles)]
        self.active = chosen[0] if chosen else 0
        """Article index of the pane that leads navigation."""
        self.shown: list[int] = sorted(chosen) or list(range(min(len(articles), 2)))
        self.pinned: int | None = len(chosen) or None
        """How many panes the analyst asked for (``--show``, the picker); ``None``: as many as
        fit."""
        self._lineup: tuple[ParagraphRef, dict[int, int], int | None] | None = None
        """While the cursor stays on ``ref``: the paragraph to line up in each other article,
        and the stop (``n``/``p``) it stands for - set by a stop the leading article does not
        report and by a fact chosen in the overview."""
        self._stops: Stops | None = None
        self.partner_choice = 0
        self.scroll_sync = ScrollSync()
        self.busy: tuple[str, float] | None = busy
        self.search = HitCursor()
        """Search hits, in reading order, and the current one."""
        self.mention_target: tuple[TargetKind, int] | None = None
        """The entity or figure group whose mentions are highlighted."""
        self.mentions = HitCursor()
        """The mentions of :attr:`mention_target` and the current one."""
        self.min_score: float | None = None
        """Matches scored under this are hidden (not shaded, not navigated); ``None``: all."""
        self._sidebar_override: bool | None = None
        self._min_pane_width: int | None = None
        self._ready = False
        self._resumed = False
        self._pending_error: BaseException | None = None
        self._chrome: list[AwaitMount | None] | None = None
        self._queued: tuple[Callable[[], None], ParagraphRef] | None = None
        """A key that needs the matches, pressed before they existed, and where the cursor was:
        it acts when they arrive, unless the cursor has moved since."""

    # -- composition -----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The status line sits under the panes only, not under the sidebar: Textual repaints the
        # bounding box of everything that changed, and a full-width status row would drag the
        # whole sidebar into every key's repaint.
        with Horizontal(id="body"):
            with Vertical(id="main"):
                with Horizontal(id="panes"):
                    for i, art in enumerate(self.articles):
                        # The leading and the leftmost column are marked from the start: marked
                        # on mount, each restyled the columns once more before the first frame.
                        yield (
                            PaneColumn(art, i)
                            .set_class(i == self.active, "-active", update=False)
                            .set_class(i == self.shown[0], "-first", update=False)
                        )
                yield StatusLine(id="status")
            yield Sidebar(id="sidebar")
        yield Horizontal(id="footer-slot")

    def on_screen_resume(self, event: ScreenResume) -> None:
        """The first resume of the reader (its start) does not restyle every node again.

        Each node was styled as it was mounted, and a class or focus change since restyled what
        it touched; Textual's restyle of the whole screen on that first resume only repeated
        the work (a third of the style applications before the first frame: every pane's 19
        component classes once more).  Later resumes are left as Textual sends them.  This
        handler runs before Textual's own, which reads the flag."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self._ready = True
        config = getattr(self.app, "config", None)
        if config is not None:
            # The user's settings: sidebar open or closed at start, narrowest pane.
            self._sidebar_override = config.sidebar
            self._min_pane_width = config.min_pane_width
        self.query_one(Sidebar).show(None)
        self._fit_to_width(self.size.width)
        self._set_active(self.active)
        self.pane(self.active).focus()
        if self._pending is not None:
            self.set_analysis(*self._pending)
        if self._pending_error is not None:
            self.analysis_failed(self._pending_error)
            self._pending_error = None
        self.update_status()

    def add_chrome(self) -> None:
        """Mount what the first frame does not need: the sidebar lists, the (hidden) search bar,
        the progress bar and the key footer.

        Called by the app once the first frame is on screen.  Composing them up front cost about
        half of the reader's start-up (~20 widgets to style and render) for parts that can only
        say "Analysing…" at that point.  Idempotent; :meth:`chrome_ready` awaits it.
        """
        if self._chrome is not None or not self.is_attached:
            return
        from reader.ui.widgets.footer import ReaderFooter

        status = self.query_one(StatusLine)
        self._chrome = [
            self.query_one(Sidebar).populate(),
            self.mount(SearchBar(self.articles, id="search-bar"), before=status),
            # The slot keeps the footer's row reserved, so nothing moves when it arrives.
            self.query_one("#footer-slot").mount(ReaderFooter()),
        ]
        if self.busy is not None:
            status.progress(self.busy[1])

    async def chrome_ready(self) -> None:
        """Wait until :meth:`add_chrome` has mounted everything (mounting it if needed)."""
        self.add_chrome()
        assert self._chrome is not None
        for mounting in self._chrome:
            if mounting is not None:
                await mounting
        self._chrome = [None]

    def pane(self, article: int) -> ArticlePane:
        return self.query_one(f"#pane-{article}", ArticlePane)

    @property
    def panes(self) -> list[ArticlePane]:
        return [self.pane(i) for i in range(len(self.articles))]

    @property
    def active_pane(self) -> ArticlePane:
        return self.pane(self.active)

    # -- analysis --------------------------------------------------------------------------------

    def set_progress(self, label: str, fraction: float) -> None:
        """Show the analysis progress (called on the event loop, coalesced by the app)."""
        self.busy = (label, fraction)
        if not self._ready:
            return
        self.query_one(StatusLine).progress(fraction)
        self.update_status()

    def fill_article(self, index: int, article: Article) -> None:
        """Put an article that finished loading (a web page, an HTML or Markdown file) in place
        of its placeholder; the analysis starts once every article is in."""
        self.articles[index] = article
        self.query_one(f"#col-{index}", PaneColumn).set_article(article)
        bar = self._search_bar()
        if bar is not None:
            bar.reindex(self.articles)
        self._update_partners()
        self.update_status()

    def set_analysis(self, analysis: Analysis, nav: NavIndex | None = None) -> None:
        """Show an analysis: gutters, shading, sidebar, counters.  While parts of it are still
        to come (``analysis.pending``) the progress stays on and the sidebar says so."""
        if not self._ready:
            self._pending = (analysis, nav)
            return
        self._pending = None
        self.analysis = analysis
        shown = above_min_score(analysis, self.min_score)
        self.nav = nav if nav is not None and shown is analysis else NavIndex(shown)
        self.scroll_sync.reset(self.nav)
        self._stops = None
        self._lineup = None
        if not analysis.pending:
            self.busy = None
            self.query_one(StatusLine).progress(None)
        for i, pane in enumerate(self.panes):
            pane.set_nav(self.nav.per_article[i])
            self.query_one(f"#col-{i}", PaneColumn).show_matched(
                len(self.nav.per_article[i].matched)
            )
        self.query_one(Sidebar).show(analysis)
        self.partner_choice = 0
        self._update_partners()
        self.update_status()
        self._run_queued()

    def until_matched(self, what: str, action: Callable[[], None]) -> None:
        """Hold a key that needs the matches until they arrive (the latest such key wins), and
        say so: an analyst who presses ``o`` while matching runs should not have to press it
        again."""
        self._queued = (action, self.current)
        self.notify(f"Matching paragraphs… {what} when they are ready", timeout=3)

    def _run_queued(self) -> None:
        queued, self._queued = self._queued, None
        if queued is not None and queued[1] == self.current:
            # After this refresh, so the key sees the panes and counters of the new analysis.
            self.call_later(queued[0])

    def add_parts(self, analysis: Analysis) -> None:
        """Show a later stage of the analysis on screen: the same matches and facts, with the
        names (then the figures) found since.  Only the sidebar, the highlights and the
        progress change; the cursor, the line-up and the chosen partner stay where they are."""
        shown = self.analysis
        if (
            not self._ready
            or shown is None
            or self.nav is None
            or analysis.facts is not shown.facts
            or analysis.matches != shown.matches
        ):
            # Not the matches on screen (cannot happen with analyze_stages): show it afresh.
            self.set_analysis(analysis)
            return
        self.analysis = analysis
        self.nav.set_spans(analysis)
        for i, pane in enumerate(self.panes):
            pane.set_nav(self.nav.per_article[i])
        self.query_one(Sidebar).show(analysis)
        if not analysis.pending:
            self.busy = None
            self.query_one(StatusLine).progress(None)
        self.update_status()

    def parts_failed(self, error: BaseException) -> None:
        """Finding names or figures failed: the matches and facts stay shown and usable."""
        self.busy = None
        if self.analysis is not None:
            # The lists say the names / figures are missing, not "none found".
            self.query_one(Sidebar).show(self.analysis, failed=True)
        if self._ready:
            self.query_one(StatusLine).progress(None)
            self.update_status()
        self.notify(
            f"Finding names and figures failed: {error}",
            title="Analysis error",
            severity="error",
            markup=False,
            timeout=10,
        )

    def analysis_failed(self, error: BaseException) -> None:
        """Report a failed analysis; the articles stay on screen, unmatched."""
        self.busy = None
        self._queued = None
        if not self._ready:
            self._pending_error = error
            return
        self.query_one(StatusLine).progress(None)
        self.notify(
            f"Matching failed: {error}",
            title="Analysis error",
            severity="error",
            markup=False,
            timeout=10,
        )
        self.update_status()

    # -- layout: visible panes and sidebar -------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._fit_to_width(event.size.width)

    @property
    def max_visible(self) -> int:
        """How many panes fit beside the sidebar, each at least the minimum pane width."""
        width = self.size.width
        # A sidebar opened over the panes (narrow terminals) takes no room from them.
        if self.sidebar_shown and not self.sidebar_overlaid:
            share, low, high = SIDEBAR_WIDTH
            width -= max(low, min(high, int(width * share)))
        narrowest = self._min_pane_width or DEFAULT_MIN_PANE_WIDTH
        return max(1, width // narrowest)

    @property
    def want_panes(self) -> int:
        """Panes to show now: as many as fit, or fewer when the analyst chose fewer."""
        room = self.max_visible
        return room if self.pinned is None else max(1, min(room, self.pinned))

    def _fit_to_width(self, width: int) -> None:
        auto = width >= SIDEBAR_MIN_WIDTH
        if self._sidebar_override is not None and self._sidebar_override == auto:
            self._sidebar_override = None
        self._apply_sidebar()
        self._refit()

    def _refit(self) -> None:
        """Show as many panes as now fit, keeping the ones on screen where possible."""
        self._show_articles(
            visible.fit(self.shown, self.active, len(self.articles), self.want_panes)
        )

    def _apply_sidebar(self) -> None:
        auto = self.size.width >= SIDEBAR_MIN_WIDTH
        shown = auto if self._sidebar_override is None else self._sidebar_override
        sidebar = self.query_one(Sidebar)
        # Too narrow to share the width: the sidebar opens over the panes instead of squeezing
        # them to a dozen columns (the panes keep their layout and scroll position).
        sidebar.set_class(not auto, "-overlay")
        sidebar.display = shown

    @property
    def sidebar_overlaid(self) -> bool:
        """Whether the sidebar is shown over the panes (narrow terminal) rather than beside."""
        sidebar = self.query_one(Sidebar)
        return bool(sidebar.display) and sidebar.has_class("-overlay")

    @property
    def sidebar_shown(self) -> bool:
        return bool(self.query_one(Sidebar).display)

    def _show_articles(self, shown: list[int]) -> None:
        changed = shown != self.shown
        self.shown = shown
        for i in range(len(self.articles)):
            column = self.query_one(f"#col-{i}", PaneColumn)
            column.display = i in shown
            column.set_class(i == shown[0], "-first")
        if self.active not in shown:
            self._set_active(shown[0])
        self.scroll_sync.reset()
        if changed:
            self._stops = None
            self._lineup = None
        self._show_hidden()

    @property
    def hidden(self) -> list[int]:
        """The articles without a pane, ascending."""
        return [a for a in range(len(self.articles)) if a not in self.shown]

    def _name_articles(self, articles: list[int]) -> str:
        """Letters of ``articles``, as many as the width allows ("D, E, F, …")."""
        low, high = HIDDEN_NAMED
        room = max(low, min(high, low + (self.size.width - 80) // 16))
        names = ", ".join(article_label(a) for a in articles[:room])
        return names + ", …" if len(articles) > room else names

    def _show_hidden(self) -> None:
        """The "+N hidden: D, E" marker, so articles off screen are never forgotten."""
        hidden = self.hidden
        content = Content("")
        if hidden:
            names = self._name_articles(hidden)
            # The key's reminder only where there is room for it beside the counter.
            hint = " [dim](a: choose)[/]" if self.size.width >= 120 else ""
            content = Content.from_markup(
                "+$n hidden: $names" + hint, n=str(len(hidden)), names=names
            )
        self.query_one(StatusLine).show_hidden(content)

    def show_article(self, article: int) -> None:
        """Make ``article`` visible (replacing the last non-leading pane) and let it lead."""
        if article not in self.shown:
            self._show_articles(visible.bring_in(self.shown, self.active, article))
        self._set_active(article)
        self.pane(article).focus()
        self._update_partners()
        self._align_followers()
        self.update_status()

    # -- state helpers ---------------------------------------------------------------------------

    def _set_active(self, article: int) -> None:
        self.active = article
        for pane in self.panes:
            pane.set_active(pane.article_index == article)
        for i in range(len(self.articles)):
            self.query_one(f"#col-{i}", PaneColumn).set_class(i == article, "-active")

    @property
    def current(self) -> ParagraphRef:
        return (self.active, self.active_pane.cursor)

    def current_partners(self) -> list[ParagraphRef]:
        """Partners of the current paragraph in the visible articles, best first."""
        if self.nav is None:
            return []
        return self.nav.partners(self.current, self.shown)

    def selected_partner(self) -> ParagraphRef | None:
        partners = self.current_partners()
        if not partners:
            return None
        return partners[self.partner_choice % len(partners)]

    def partner_in(self, article: int) -> int | None:
        """The current paragraph's partner shown in ``article``: the selected one when it is
        there, else the best; ``None`` when it has none there."""
        lineup = self._current_lineup()
        if lineup is not None and article in lineup[1]:
            return lineup[1][article]
        selected = self.selected_partner()
        if selected is not None and selected[0] == article:
            return selected[1]
        best = next((p for a, p in self.current_partners() if a == article), None)
        if best is not None:
            return best
        # Beyond the pairwise budget a paragraph is matched with its fact's core only: the other
        # members in the shown articles still report the same thing, so they line up too.
        stop = self.current_stop()
        if stop is not None:
            members = self.stops().members[stop].get(article)
            if members:
                return members[0]
        return None

    def _current_lineup(self) -> tuple[ParagraphRef, dict[int, int], int | None] | None:
        """The line-up set by the last stop or fact, while the cursor has not moved from it."""
        lineup = self._lineup
        if lineup is not None and lineup[0] == self.current:
            return lineup
        return None

    def stops(self) -> Stops:
        """The stops of ``n``/``p`` for the shown articles (built on first use after a change)."""
        assert self.nav is not None
        if self._stops is None:
            self._stops = Stops(self.nav, self.shown)
        return self._stops

    def current_stop(self) -> int | None:
        """The stop the cursor is on: the one ``n``/``p`` chose, else the group of the current
        paragraph; ``None`` between stops."""
        if self.nav is None:
            return None
        lineup = self._current_lineup()
        if lineup is not None and lineup[2] is not None:
            return lineup[2]
        return self.stops().group_of(self.current)

    def current_match(self) -> Match | None:
        partner = self.selected_partner()
        if partner is None or self.nav is None:
            return None
        return self.nav.match_between(self.current, partner)

    def _update_partners(self) -> None:
        """Mark the current paragraph's partners in the other panes and its shared terms."""
        cur = self.current
        partners = self.current_partners()
        selected = self.selected_partner()
        active = self.active_pane
        shared_active: dict[int, list[Span]] = {}
        for pane in self.panes:
            if pane is active:
                continue
            mine = [p for a, p in partners if a == pane.article_index]
            pane.set_partner_marks(set(mine))
            shared: dict[int, list[Span]] = {}
            chosen = self.partner_in(pane.article_index)
            if chosen is not None:
                pane.set_cursor(chosen)
                nav = self.nav
                match = nav.match_between(cur, (pane.article_index, chosen)) if nav else None
                if nav is not None and match is not None:
                    shared[chosen] = nav.shared_spans(match, (pane.article_index, chosen))
                    if selected == (pane.article_index, chosen):
                        shared_active[cur[1]] = nav.shared_spans(match, cur)
            pane.set_overlay("shared", shared)
        active.set_partner_marks(set())
        active.set_overlay("shared", shared_active)

    # -- synchronised scrolling ------------------------------------------------------------------

    @property
    def sync(self) -> bool:
        """Whether the panes scroll together (``s`` toggles)."""
        return self.scroll_sync.enabled

    def _align_followers(self) -> None:
        """Put each follower's partner (or interpolated position) level with the leader's cursor."""
        followers = [(self.pane(a), self.partner_in(a)) for a in self.shown if a != self.active]
        self.scroll_sync.align(self.active_pane, followers)

    @on(ArticlePane.Scrolled)
    def _on_pane_scrolled(self, event: ArticlePane.Scrolled) -> None:
        leader = event.pane
        if leader.article_index in self.shown:
            self.scroll_sync.follow_scroll(
                leader, [self.pane(a) for a in self.shown if a != leader.article_index]
            )

    @on(ArticlePane.LaidOut)
    def _on_laid_out(self, event: ArticlePane.LaidOut) -> None:
        self.scroll_sync.reset()
        if event.pane.article_index == self.active:
            event.pane.reveal(event.pane.cursor, jump=False)
        self._align_followers()

    @on(ArticlePane.ParagraphClicked)
    def _on_paragraph_clicked(self, event: ArticlePane.ParagraphClicked) -> None:
        event.pane.focus()
        self.goto(event.pane.article_index, event.paragraph, jump=False)

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        widget = event.widget
        if isinstance(widget, ArticlePane) and widget.article_index != self.active:
            self._set_active(widget.article_index)
            self.partner_choice = 0
            self._update_partners()
            self.update_status()

    # -- navigation ------------------------------------------------------------------------------

    def goto(
        self,
        article: int,
        paragraph: int,
        *,
        jump: bool = True,
        row: int | None = None,
        keep_partner: bool = False,
        lineup: tuple[dict[int, int], int | None] | None = None,
    ) -> None:
        """Make ``paragraph`` of ``article`` current, reveal it, bring partners level.

        Args:
            lineup: the paragraph each other article should line up (instead of the partner
                found by matches), and the ``n``/``p`` stop it stands for.
        """
        if article not in self.shown:
            self._show_articles(visible.bring_in(self.shown, self.active, article))
        if article != self.active:
            self._set_active(article)
        pane = self.pane(article)
        pane.set_cursor(paragraph)
        pane.reveal(pane.cursor, jump=jump, row=row)
        if not keep_partner:
            self.partner_choice = 0
        self._lineup = (self.current, *lineup) if lineup is not None else None
        self._update_partners()
        self._align_followers()
        self.update_status()

    def action_next_match(self, direction: int) -> None:
        """``n`` / ``p``: the next place the shown articles share (see :mod:`reader.ui.stops`):
        every paragraph of the leading article with a partner on screen, and every shared group
        it does not report - lined up in the other panes while the leading pane rests at the
        same place in the story."""
        if self.nav is None:
            self.until_matched(
                f"{'n' if direction > 0 else 'p'} moves",
                lambda: self.action_next_match(direction),
            )
            return
        stops = self.stops()
        lead = self.active
        entry = stops.step(lead, self._current_entry(), self.active_pane.cursor, direction)
        if entry is None:
            self.notify(
                "The shown articles share no paragraph (a: choose articles)",
                severity="warning",
                timeout=3,
            )
            return
        paragraph, stop = stops.entry(lead, entry)
        if paragraph is not None:
            self.goto(lead, paragraph, lineup=({}, stop))
            return
        others = {a: ps[0] for a, ps in stops.members[stop].items()}
        self.goto(lead, stops.park(stop, lead), lineup=(others, stop))

    def _current_entry(self) -> int | None:
        """The leading article's ``n``/``p`` entry the cursor is on, if any."""
        stops = self.stops()
        lineup = self._current_lineup()
        if lineup is not None and lineup[2] is not None:
            parked = stops.entry_at(self.active, -1, parked=lineup[2])
            if parked is not None:
                return parked
        return stops.entry_at(self.active, self.active_pane.cursor)

    def action_next_unmatched(self, direction: int) -> None:
        if self.nav is None:
            self.until_matched(
                f"{'u' if direction > 0 else 'U'} moves",
                lambda: self.action_next_unmatched(direction),
            )
            return
        target = NavIndex.step(
            self.nav.per_article[self.active].unmatched, self.active_pane.cursor, direction
        )
        if target is None:
            self.notify("Every paragraph has a partner", timeout=2)
            return
        self.goto(self.active, target)

    def action_move(self, delta: int) -> None:
        pane = self.active_pane
        self.goto(self.active, pane.cursor + delta, jump=False)

    def action_page(self, direction: int) -> None:
        pane = self.active_pane
        if pane.rows is None:
            return
        height = pane.view_height
        top = round(pane.scroll_y)
        new_top = max(0, min(top + direction * max(1, height - 2), pane.rows.height - height))
        pane.follow(new_top)
        target = pane.paragraph_at_row(new_top)
        if pane.paragraph_rows(target)[0] < new_top and target + 1 < pane.paragraph_count:
            target += 1
        if direction > 0 and new_top == top:
            target = pane.paragraph_count - 1
        if direction < 0 and new_top == 0:
            target = 0
        self.goto(self.active, target, jump=False)

    def action_edge(self, end: int) -> None:
        pane = self.active_pane
        self.goto(self.active, pane.paragraph_count - 1 if end else 0, jump=True)

    def action_cycle_partner(self, direction: int) -> None:
        partners = self.current_partners()
        if len(partners) < 2:
            self.notify(
                "This paragraph has no other partner"
                if partners
                else "This paragraph has no partner",
                timeout=2,
            )
            return
        self.partner_choice = (self.partner_choice + direction) % len(partners)
        lineup = self._current_lineup()
        if lineup is not None:
            # The analyst picks among the partners now: the line-up gives way.
            self._lineup = (lineup[0], {}, lineup[2])
        self._update_partners()
        self._align_followers()
        self.update_status()

    def action_toggle_sync(self) -> None:
        self.scroll_sync.enabled = not self.scroll_sync.enabled
        if self.sync:
            self._align_followers()
        self.notify("Scroll sync on" if self.sync else "Scroll sync off", timeout=1.5)
        self.update_status()

    def action_cycle_view(self) -> None:
        n = len(self.articles)
        if n <= len(self.shown):
            self.notify("All articles are already shown", timeout=2)
            return
        shifted = visible.cycled(self.shown, n)
        self._show_articles(shifted)
        self._set_active(self.active if self.active in shifted else shifted[0])
        self.active_pane.focus()
        self._update_partners()
        self._align_followers()
        self.update_status()

    def action_toggle_sidebar(self) -> None:
        self._sidebar_override = not self.sidebar_shown
        self._apply_sidebar()
        self._after_refit()
        if (
            not self.sidebar_shown
            and self.focused is not None
            and not isinstance(self.focused, ArticlePane)
        ):
            self.active_pane.focus()

    def _after_refit(self) -> None:
        """Refit the panes to the room left (the sidebar opened or closed) and realign them."""
        before = list(self.shown)
        self._refit()
        if self.shown != before:
            self._update_partners()
            self._align_followers()
            self.update_status()

    async def action_focus_list(self, which: str) -> None:
        await self.chrome_ready()
        if not self.sidebar_shown:
            self._sidebar_override = True
            self._apply_sidebar()
            self._after_refit()
        options = self.query_one(f"#{which}", OptionList)
        options.focus()
        if options.highlighted is None:
            # The first enter must act: without a highlight it did nothing until ↓ was pressed.
            options.action_first()

    def action_overview(self) -> None:
        """``o``: the facts x outlets grid; ``enter`` there shows a fact side by side."""
        if self.analysis is None or self.nav is None:
            self.until_matched("the overview opens", self.action_overview)
            return
        if not self.analysis.facts:
            self.notify("This analysis has no facts (saved by an older version)", timeout=3)
            return
        from reader.ui.screens.overview import OverviewScreen

        facts = self.analysis.facts_of(self.current)
        screen = OverviewScreen(
            self.analysis,
            self.nav,
            shown=self.shown,
            current_fact=facts[0] if facts else None,
        )

        def chosen(fact: int | None) -> None:
            if fact is not None:
                self.show_fact(fact)

        self.app.push_screen(screen, chosen)

    def show_fact(self, fact_id: int) -> None:
        """Show the paragraphs of one fact side by side: its articles get panes (as many as fit,
        the fact's core first), the core's article leads and every pane lines up its member."""
        assert self.analysis is not None
        fact = self.analysis.facts[fact_id]
        members: dict[int, list[int]] = {}
        for a, p in fact.members:
            members.setdefault(a, []).append(p)
        lead = fact.members[0][0]
        room = self.want_panes
        if not set(members) <= set(self.shown):
            wanted = [lead, *[a for a in fact.articles if a != lead]][:room]
            keep = [a for a in self.shown if a not in wanted]
            shown = sorted(wanted + keep[: max(0, len(self.shown) - len(wanted))])
            self._show_articles(shown)
        if lead not in self.shown:
            lead = next(a for a in fact.articles if a in self.shown)
        self._set_active(lead)
        self.pane(lead).focus()
        in_view = {a: sorted(ps) for a, ps in members.items() if a in self.shown}
        first = in_view[lead][0]
        others = {a: ps[0] for a, ps in in_view.items() if a != lead}
        self.goto(lead, first, jump=True, lineup=(others, self.stops().group_of((lead, first))))
        if len(members) > len(in_view):
            self.notify(
                f"{len(members) - len(in_view)} more outlets report this fact "
                f"than fit at this width (a: choose articles)",
                timeout=4,
            )

    def action_pick_articles(self) -> None:
        """``a``: choose the articles that get a pane."""
        from reader.ui.screens.picker import ArticlePicker

        def chosen(picked: list[int] | None) -> None:
            if picked:
                self.show_only(picked)

        self.app.push_screen(ArticlePicker(self.articles, self.shown, self.max_visible), chosen)

    def show_only(self, articles: list[int]) -> None:
        """Give panes to exactly these articles (as many as fit); the leading one stays when
        it is among them."""
        picked = sorted({a for a in articles if 0 <= a < len(self.articles)})
        if not picked:
            return
        room = self.max_visible
        if len(picked) > room:
            self.notify(
                f"Only {room} panes fit at this width: showing "
                + ", ".join(article_label(a) for a in picked[:room]),
                severity="warning",
                timeout=4,
            )
            picked = picked[:room]
        self.pinned = len(picked)
        self._show_articles(picked)
        self._set_active(self.active if self.active in picked else picked[0])
        self.active_pane.focus()
        self._update_partners()
        self._align_followers()
        self.update_status()

    def action_explain(self) -> None:
        from reader.ui.screens.explain import ExplainScreen

        match = self.current_match()
        rejected = rejected_with(self.analysis, self.current) if self.analysis else []
        if match is None and rejected and self.nav is not None:
            self.app.push_screen(ExplainScreen(rejected[0], self.nav, rejected=True))
            return
        if match is None:
            self.notify(
                "The current paragraph has no match to explain", severity="warning", timeout=2
            )
            return
        assert self.nav is not None  # a current match implies an analysis
        self.app.push_screen(ExplainScreen(match, self.nav))

    def action_cycle_min_score(self) -> None:
        """Step the minimum match score; the panes, counters and keys follow at once."""
        self.min_score = next_min_score(self.min_score)
        if self.analysis is not None:
            cursor = self.current
            self.set_analysis(self.analysis)
            self.goto(*cursor, jump=False)
        self.notify(
            f"Showing matches scored {self.min_score:.2f} or more"
            if self.min_score is not None
            else "Showing every match",
            timeout=2,
        )
        self.update_status()

    def action_clear(self) -> None:
        """Escape: close the sidebar when it covers the panes and has focus; otherwise drop
        search and entity highlights."""
        sidebar = self.query_one(Sidebar)
        if self.sidebar_overlaid and self.focused is not None and sidebar in self.focused.ancestors:
            self.action_toggle_sidebar()
            return
        bar = self._search_bar()
        if bar is not None:
            bar.forget()
        self.search.reset([])
        self._show_search_hits()
        self.mention_target = None
        self.mentions.reset([])
        for pane in self.panes:
            pane.set_overlay("mention", {})
        self.update_status()

    # -- search ----------------------------------------------------------------------------------

    async def action_search(self) -> None:
        await self.chrome_ready()
        bar = self.query_one(SearchBar)
        bar.display = True
        self.query_one("#search-input", Input).focus()

    @on(SearchInput.Closed)
    def close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.active_pane.focus()

    def _search_bar(self) -> SearchBar | None:
        """The search bar, once mounted (it arrives after the first frame)."""
        return next(iter(self.query(SearchBar).results(SearchBar)), None)

    @on(SearchBar.Changed)
    def _on_search_changed(self, event: SearchBar.Changed) -> None:
        bar = self._search_bar()
        if bar is not None:
            self._take_hits(bar.run())

    def _take_hits(self, hits: list[Place]) -> None:
        """Show the bar's hits when they are new (the bar hands back the same list until then)."""
        if hits is self.search.places:
            return
        self.search.reset(hits)
        self._show_search_hits()
        self.update_status()

    @on(Input.Submitted, "#search-input")
    def _on_search_submitted(self, event: Input.Submitted) -> None:
        self.search_step(1)

    @on(SearchInput.Step)
    def _on_search_step(self, event: SearchInput.Step) -> None:
        self.search_step(event.direction)

    def search_step(self, direction: int) -> None:
        """Jump to the next / previous hit (running the search first if typing is pending)."""
        bar = self._search_bar()
        if bar is None:
            return
        self._take_hits(bar.run())
        before = self.search.pos
        place = self.search.step(direction, self.current)
        if place is None:
            if bar.query_text.strip():
                self.notify("No hits", severity="warning", timeout=2)
            return
        self._show_search_hits(before)
        self._go_to_place(place)

    def _show_search_hits(self, moved_from: int | None = None) -> None:
        """Repaint the search layer and the hit counter.

        Args:
            moved_from: the previous current hit when only the current mark moved; then just the
                layers of the two articles involved are rebuilt.  ``None``: new hits, rebuild all.
        """
        hits = self.search
        if moved_from is None:
            touched = set(range(len(self.articles)))
        else:
            touched = {
                hits.places[i][0] for i in (moved_from, hits.pos) if 0 <= i < len(hits.places)
            }
        for a in touched:
            self.pane(a).set_overlay("search", hits.layer(a, "hit", "hit-current"))
        bar = self._search_bar()
        if bar is not None:
            bar.show_count(hits.pos, len(hits.places))

    @property
    def search_hits(self) -> list[Place]:
        return list(self.search.places)

    def _go_to_place(self, place: Place) -> None:
        """Make the paragraph of a hit or mention current, with the hit's own row on screen."""
        a, p, s, _ = place
        row = self.pane(a).row_of_offset(p, s) if a in self.shown else None
        self.goto(a, p, jump=True, row=row)

    # -- entities and figures --------------------------------------------------------------------

    @on(Sidebar.TargetSelected)
    def _on_target_selected(self, event: Sidebar.TargetSelected) -> None:
        self.select_target(event.kind, event.id)

    def select_target(self, kind: TargetKind, ident: int) -> None:
        """Highlight an entity's mentions (``"entity"``) or a figure group's members
        (``"figure"``) in every pane and step to the next one on each repeat."""
        analysis = self.analysis
        if analysis is None:
            return
        if (kind, ident) != self.mention_target:
            if kind == "entity":
                places = [
                    (m.article, m.paragraph, m.start, m.end)
                    for m in analysis.entities[ident].mentions
                ]
            else:
                figs = [analysis.figures[i] for i in analysis.figure_groups[ident].figures]
                places = sorted((f.article, f.paragraph, f.start, f.end) for f in figs)
            self.mention_target = (kind, ident)
            self.mentions.reset(places)
            for a, pane in enumerate(self.panes):
                pane.set_overlay("mention", self.mentions.layer(a, "mention"))
        place = self.mentions.step(1, self.current)
        if place is not None:
            self._go_to_place(place)

    def target_label(self) -> str:
        if self.mention_target is None or self.analysis is None:
            return ""
        kind, ident = self.mention_target
        if kind == "entity":
            return self.analysis.entities[ident].name
        return self.analysis.figure_groups[ident].counted or "figure"

    # -- status ----------------------------------------------------------------------------------

    def status_text(self) -> Content:
        parts: list[Content] = []
        pane = self.active_pane
        a = self.active
        if self.busy is not None and self.nav is None:
            parts.append(self._busy_part())
        elif self.nav is not None:
            parts.extend(self._counter_parts())
            match = self.current_match()
            partner = self.selected_partner()
            if match is not None and partner is not None:
                n_partners = len(self.current_partners())
                more = (
                    f" ({self.partner_choice % n_partners + 1}/{n_partners})"
                    if n_partners > 1
                    else ""
                )
                parts.append(
                    Content.from_markup(
                        "→ $ref$more  score $score",
                        ref=f"{article_label(partner[0])}{partner[1] + 1}",
                        more=more,
                        score=f"{match.score:.2f}",
                    )
                )
                if match.near_verbatim:
                    parts.append(Content.from_markup("[$warning]≈ verbatim[/]"))
            hidden = self._hidden_part()
            if hidden is not None:
                parts.append(hidden)
        parts.append(
            Content.from_markup(
                "$a ¶ $k/$n",
                a=article_label(a),
                k=str(pane.cursor + 1),
                n=str(pane.paragraph_count),
            )
        )
        search = self.search
        if search.places:
            k = str(search.pos + 1) if search.pos >= 0 else "–"
            parts.append(Content.from_markup("hit $k of $n", k=k, n=str(len(search.places))))
        mentions = self.mentions
        if self.mention_target is not None and mentions.places:
            parts.append(
                Content.from_markup(
                    "$name $k/$n",
                    name=self.target_label(),
                    k=str(mentions.pos + 1),
                    n=str(len(mentions.places)),
                )
            )
        parts.extend(self.correction_status())
        if self.busy is not None and self.nav is not None:
            # Names and figures still being found: the matches above are final already.
            parts.append(self._busy_part())
        if self.min_score is not None:
            parts.append(
                Content.from_markup("[$text-warning]score ≥ $min[/]", min=f"{self.min_score:.2f}")
            )
        parts.append(Content.from_markup("sync on" if self.sync else "[$warning]sync off[/]"))
        return Content(" · ").join(parts)

    def _busy_part(self) -> Content:
        assert self.busy is not None
        label, fraction = self.busy
        return Content.from_markup(
            "[b]$label[/] $pct", label=label, pct=f"{round(100 * fraction)}%"
        )

    def _counter_parts(self) -> list[Content]:
        """ "match k of N" over the stops of the shown articles (the same N whichever pane
        leads), whether the leading article reports the current stop, and which hidden articles
        report the current paragraph."""
        assert self.nav is not None and self.analysis is not None
        stops = self.stops()
        stop = self.current_stop()
        k = str(stops.position(stop, self.active)) if stop is not None else "–"
        own = stops.members[stop].get(self.active, []) if stop is not None else []
        # A stop the leading article reports in several paragraphs (a split, or a tangle of
        # partners) is one match: say which of its paragraphs this is.
        cursor = self.active_pane.cursor
        part = f" (¶ {own.index(cursor) + 1}/{len(own)})" if cursor in own and len(own) > 1 else ""
        parts = [
            Content.from_markup("match [b]$k[/] of $n$part", k=k, n=str(stops.total), part=part)
        ]
        if stop is not None and self.active not in stops.members[stop]:
            parts.append(
                Content.from_markup("[$warning]not in $a[/]", a=article_label(self.active))
            )
        return parts

    def _hidden_part(self) -> Content | None:
        """Which hidden articles report the current paragraph too ("partner in hidden D" when
        none on screen does), so a partner is never silently off screen."""
        if self.nav is None or self.analysis is None:
            return None
        hidden = hidden_partners(self.analysis, self.nav, self.current, self.shown)
        if not hidden:
            return None
        seen = self.current_stop() is not None or bool(self.current_partners())
        if len(hidden) <= HIDDEN_NAMED[0]:
            where = "hidden " + ", ".join(article_label(a) for a in hidden)
        else:
            where = f"{len(hidden)} hidden"
        what = "also in" if seen else ("partner in" if len(hidden) == 1 else "partners in")
        return Content.from_markup("[$warning]$what $where[/]", what=what, where=where)

    def update_status(self) -> None:
        self.query_one(StatusLine).show(self.status_text())
