"""The Textual application: paints the articles at once, matches them in a worker thread, then
shows the analysis.  ``reader.cli`` constructs it; tests pass a ready ``analysis``.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from reader.config import Config, remember_theme
from reader.core.gc_pause import GcPause
from reader.core.model import Analysis, Article
from reader.ui.commands import ReaderCommands
from reader.ui.navigation import NavIndex
from reader.ui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    # Type only: importing the pipeline (entity and figure rules, ~0.2 s) must wait until the
    # worker runs it, after the first frame.
    from reader.core.analysis import ProgressCallback
    from reader.core.corrections import CorrectionSession

    Analyzer = Callable[[list[Article], ProgressCallback], Analysis | Iterable[Analysis]]
    """Runs the analysis in the worker thread: ``analyze(articles, progress)`` returns the
    analysis, or its stages (``reader.core.analysis.analyze_stages``), the complete one last."""

PROGRESS_INTERVAL = 0.1
"""Seconds between progress repaints; faster callbacks from the worker are coalesced."""
PAINT_WAIT = 1.0
"""Longest the analysis worker waits for the frame showing the matches before going on."""
LOADING_TEXT = "Loading this article…"
"""What a pane says until its article has been loaded by the worker."""


def placeholder_article(source: str) -> Article:
    """A stand-in shown until ``source`` is loaded: its name as title, one line saying so.

    The name comes from the command line, so it is made safe as one line first."""
    from reader.core.ingest import sanitize_line

    name = sanitize_line(source, "?")
    return Article.from_texts(name, name, [LOADING_TEXT])


def binding_ids() -> set[str]:
    """Every binding id the reader defines (the names a config file's [keys] table may use).

    Imports every module of the UI first: screens and widgets that only a key opens (the
    overview, the article picker...) are imported then, not before the first frame, and their
    bindings count too."""
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import reader.ui

    for module in pkgutil.walk_packages(reader.ui.__path__, "reader.ui."):
        importlib.import_module(module.name)
    ids: set[str] = set()
    pending: list[type] = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("reader.ui"):
            ids.update(
                b.id for b in cls.__dict__.get("BINDINGS", []) if isinstance(b, Binding) and b.id
            )
    return ids


class ReaderApp(App[None]):
    """Side-by-side reader for several articles about one story.

    Args:
        articles: the ingested articles, shown immediately.
        analyze: called as ``analyze(articles, progress)`` in a worker thread when ``analysis`` is
            not given; ``progress(label, fraction)`` may be called from that thread at any rate.
            It returns the analysis or yields its stages: each is shown as it comes (the
            matches and facts first, names and figures when found).
        analysis: a ready analysis to show at once (tests, benchmarks).
        config: the user's settings (key bindings by id, theme, ...); the defaults when omitted.
        notices: one-line messages to show once the reader is up (an unusable config file...).
        session: the corrections session; a ready ``analysis`` is attached to it (corrected) when
            it has none yet, and so is every stage ``analyze`` yields (the app attaches them).
            The command line sets it from ``analyze`` instead, before returning the stages
            (opening the corrections is not needed before the first frame, and their imports
            cost ~35 ms).
        gc_pause: a garbage-collector pause already started by the caller (the CLI pauses before
            ingest); the app ends it after the first frame.  Without one the app pauses from
            :meth:`on_load`.
        show: the articles (indices) to give panes to at start, the first leading (``--show``).
        pending: articles still to load, by position in ``articles`` (where a placeholder
            stands), with the source to load each from.  Web pages, HTML and Markdown files:
            fetching and parsing them (the parsers' imports included) took longer than the
            whole first frame, so they are loaded in the worker after it, then analysed.
        load: reads one pending source (in the worker thread); an exception it raises ends
            the reader, and is kept in :attr:`load_error` for the caller to report.  While
            the reader is closing its worker is cancelled: ``load`` may then give up waiting
            (for a page still downloading) by raising, and nothing is reported.
    """

    CSS_PATH = Path(__file__).with_name("reader.tcss")
    """Absolute, so subclasses defined elsewhere (benchmarks, tests) still find the stylesheet."""
    TITLE = "parallel-reader"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="quit-now"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("f1", "help", "Help", show=False, priority=True, id="help-f1"),
    ]

    def __init__(
        self,
        articles: list[Article],
        analyze: Analyzer | None = None,
        *,
        analysis: Analysis | None = None,
        config: Config | None = None,
        notices: list[str] | None = None,
        session: CorrectionSession | None = None,
        gc_pause: GcPause | None = None,
        show: list[int] | None = None,
        pending: dict[int, str] | None = None,
        load: Callable[[str], Article] | None = None,
    ) -> None:
        super().__init__()
        self._pending = dict(pending or {})
        self._load = load
        self.load_error: BaseException | None = None
        """Why a pending article could not be loaded (the reader exits with return code 1)."""
        self.session = session
        """The analyst's corrections (``None``: the correction keys say so and do nothing)."""
        if session is not None and analysis is not None and session.base is None:
            analysis = session.attach(analysis)
        self.config = config or Config()
        self._notices = list(notices or [])
        self.articles = articles
        self._analyze = analyze
        self._initial_analysis = analysis
        self._progress_lock = threading.Lock()
        self._progress_latest: tuple[str, float] | None = None
        self._progress_sent = 0.0
        self._gc_pause = gc_pause if gc_pause is not None else GcPause()
        self._show = show

    def get_default_screen(self) -> ReaderScreen:
        busy = (
            ("Matching paragraphs…", 0.0)
            if self._initial_analysis is None and self._analyze
            else None
        )
        if self._pending:
            busy = (self._loading_label(0), 0.0)
        return ReaderScreen(self.articles, self._initial_analysis, busy=busy, show=self._show)

    def _loading_label(self, done: int) -> str:
        return f"Loading articles {done}/{len(self._pending)}…"

    @property
    def reader(self) -> ReaderScreen:
        """The reading screen, even while a modal (help, explain, palette) is on top."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, ReaderScreen):
                return screen
        raise LookupError("reader screen is not installed")

    def _apply_config(self) -> None:
        """Key bindings and theme from the config file; unknown names are one notice each."""
        # Only with a [keys] table: listing the ids imports every screen.
        known = binding_ids() if self.config.keys else set()
        unknown = sorted(set(self.config.keys) - known)
        if unknown:
            self._notices.append(
                "config: unknown key binding id "
                + ", ".join(unknown)
                + " (ids: "
                + ", ".join(sorted(known))
                + ")"
            )
        keymap = {k: v for k, v in self.config.keys.items() if k in known}
        if keymap:
            self.set_keymap(keymap)
        theme = self.config.theme
        if theme is not None:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self._notices.append(f"config: unknown theme {theme!r}; using {self.theme}")
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: object) -> None:
        """The palette's theme choice is written back to the config file."""
        problem = remember_theme(self.config, self.theme)
        if problem:
            self.notify(problem, severity="warning", markup=False)

    def on_load(self) -> None:
        self._apply_config()
        # No garbage collection until the first frame is on screen (see reader.core.gc_pause); a
        # pause the CLI started before ingest simply continues.
        self._gc_pause.pause()

    # -- signals -----------------------------------------------------------------------------------

    EXIT_SIGNALS = tuple(
        s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s
    )
    """Signals that end the reader the way ``q`` does: the driver then leaves the alternate screen
    and turns mouse reporting off.  Killed by the default handler instead, the process would leave
    the user's terminal in the alternate screen, echoing mouse moves as garbage."""

    def on_mount(self) -> None:
        self._previous_handlers: dict[int, Any] = {}
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may install signal handlers
        loop = asyncio.get_running_loop()
        for signum in self.EXIT_SIGNALS:
            try:
                previous = signal.getsignal(signum)
                loop.add_signal_handler(signum, self._exit_on_signal, signum)
            except (NotImplementedError, RuntimeError, ValueError):  # no Unix signals here
                continue
            self._previous_handlers[signum] = previous

    def _exit_on_signal(self, signum: int) -> None:
        """Runs on the event loop (``add_signal_handler``), so exiting here is an ordinary exit."""
        self.exit(return_code=128 + signum)

    def _restore_signal_handlers(self) -> None:
        handlers, self._previous_handlers = getattr(self, "_previous_handlers", {}), {}
        if not handlers:
            return
        loop = asyncio.get_running_loop()
        for signum, previous in handlers.items():
            loop.remove_signal_handler(signum)
            signal.signal(signum, previous)

    def on_unmount(self) -> None:
        self._restore_signal_handlers()
        self._gc_pause.resume()  # an exit before the first frame must not leave collection off
        gc.unfreeze()  # let a later collection reclaim what we froze (tests run many apps)

    @staticmethod
    def _freeze_long_lived() -> None:
        """Move everything alive now (modules, widgets, articles, the analysis and its indexes)
        out of the collector's reach.  They live as long as the app, and with 2 x 10,000
        paragraphs a full collection that walks them took 50-70 ms: a visible hitch on the key
        press it happened to land on.  Later collections only walk newer objects."""
        gc.freeze()

    def on_ready(self) -> None:
        self._gc_pause.resume()
        self._freeze_long_lived()
        # Both started after the first frame so neither competes with the first paint: the text
        # is on screen before the sidebar, footer and search bar mount and before matching begins
        # (a worker thread would hold the GIL half the time).
        self.reader.add_chrome()
        for notice in self._notices:
            self.notify(notice, severity="warning", markup=False, timeout=8)
        self._notify_warnings()
        if self._pending and self._load is not None:
            self._run_loading()
        elif self._initial_analysis is None and self._analyze is not None:
            self._run_analysis()
        else:
            self._corrections_notices()

    def _notify_warnings(self, articles: list[Article] | None = None) -> None:
        """What ingest reported but did not refuse (replaced bytes, removed bidi controls, a
        document read as plain text): one notification per warning, as data, not markup."""
        for article in self.articles if articles is None else articles:
            for note in article.warnings:
                self.notify(
                    f"{article.source}: {note}",
                    title="Warning",
                    severity="warning",
                    timeout=10,
                    markup=False,
                )

    # -- loading worker --------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="loading")
    def _run_loading(self) -> None:
        """Load the pending articles (ones that are not web pages or HTML first: they are
        quick, and show while the extractor loads), then analyse all of them.

        Its own worker group: the analysis it starts at the end is exclusive in "analysis", and
        sharing that group would mark this worker cancelled when it is only returning."""
        assert self._load is not None
        from reader.core.ingest import needs_extraction

        worker = get_current_worker()
        order = sorted(self._pending, key=lambda i: (needs_extraction(self._pending[i]), i))
        for done, index in enumerate(order):
            try:
                article = self._load(self._pending[index])
            except Exception as error:  # reported by the caller as one line after the exit
                if not worker.is_cancelled:  # else the reader is closing: nothing to report
                    self.call_from_thread(self._on_screen, self._loading_failed, error)
                return
            if worker.is_cancelled:
                return
            self.call_from_thread(self._on_screen, self._fill, index, article, done + 1)
        if self._initial_analysis is None and self._analyze is not None:
            self.call_from_thread(self._on_screen, self._loaded)

    def _on_screen(self, callback: Callable[..., None], *args: Any) -> None:
        """Run a worker's result on the event loop, unless the reader is closing: quitting while
        a stage is on its way takes the screen apart first, and that stage must not reach it
        (it raised on the missing widgets, and the failed worker printed a traceback)."""
        if self.is_running:
            callback(*args)

    def _loaded(self) -> None:
        """Every article is in: analyse them once the frame showing them is painted (started
        at once, the analysis's imports and work would hold the interpreter and delay it)."""
        self.reader.set_progress("Matching paragraphs…", 0.0)
        self.call_after_refresh(self._run_analysis)

    def _fill(self, index: int, article: Article, done: int) -> None:
        self.articles[index] = article
        self.reader.fill_article(index, article)
        self._notify_warnings([article])
        if done < len(self._pending):
            self.reader.set_progress(self._loading_label(done), done / len(self._pending))

    def _loading_failed(self, error: BaseException) -> None:
        """A pending article cannot be read: leave the reader; the caller reports ``error``."""
        self.load_error = error
        self.exit(return_code=1)

    # -- analysis worker -------------------------------------------------------------------------

    def _progress(self, label: str, fraction: float) -> None:
        """Progress callback for the worker thread: throttled, then marshalled to the loop."""
        now = time.monotonic()
        with self._progress_lock:
            self._progress_latest = (label, fraction)
            if now - self._progress_sent < PROGRESS_INTERVAL and fraction < 1.0:
                return
            self._progress_sent = now
        self.call_from_thread(self._on_screen, self._show_progress)

    def _show_progress(self) -> None:
        with self._progress_lock:
            latest = self._progress_latest
        if latest is not None and self.reader.busy is not None:
            self.reader.set_progress(*latest)

    @work(thread=True, exclusive=True, group="analysis")
    def _run_analysis(self) -> None:
        self._analysis_body()

    def _analysis_body(self) -> None:
        """Analyse the articles (in a worker thread) and hand each stage to the screen as it
        comes: the matches and facts (panes, match keys and overview work from then on), then
        the names, then the figures."""
        assert self._analyze is not None
        try:
            result = self._analyze(self.articles, self._progress)
            stages = iter((result,) if isinstance(result, Analysis) else result)
            analysis = next(stages)
            if self.session is not None:
                # Safe in this thread: no correction can be made before an analysis is shown.
                analysis = self.session.attach(analysis)
            nav = NavIndex(analysis)
        except Exception as error:  # shown to the user; the text stays readable
            self.call_from_thread(self._on_screen, self.reader.analysis_failed, error)
            return
        painted = threading.Event()
        self.call_from_thread(self._on_screen, self._show_analysis, analysis, nav, painted)
        if not self.is_running:
            return  # closing: nothing will paint, and nothing more is wanted
        if analysis.pending:
            # Let the frame with the matches be drawn before finding names and figures: drawn
            # while this thread works, it took twice as long (the two share the interpreter).
            painted.wait(PAINT_WAIT)
        worker = get_current_worker()
        try:
            # Checked before each stage: the analyst may quit while the names are being found,
            # and the process waits for this thread before it exits.
            while not worker.is_cancelled:
                stage = next(stages, None)
                if stage is None or worker.is_cancelled:
                    break
                # Attached on the event loop (``call_from_thread`` waits): the analyst may be
                # correcting the matches already, and the session is not shared across threads.
                self.call_from_thread(self._on_screen, self._show_stage, stage)
        except Exception as error:  # the matches stay shown and usable
            self.call_from_thread(self._on_screen, self._stage_failed, error)

    def _corrections_notices(self) -> None:
        """Say once what became of the saved corrections (an unusable file, stale ones)."""
        if self.session is not None:
            for line in self.session.opening_messages():
                self.notify(line, severity="warning", markup=False, timeout=10)

    def _show_analysis(
        self, analysis: Analysis, nav: NavIndex, painted: threading.Event | None = None
    ) -> None:
        self.reader.set_analysis(analysis, nav)
        if not analysis.pending:
            self._corrections_notices()
        self.call_after_refresh(self._freeze_long_lived)
        if painted is not None:
            self.call_after_refresh(painted.set)

    def _show_stage(self, stage: Analysis) -> None:
        """A later stage (names or figures found): corrected with the session's decisions as
        they are now, then shown beside the matches already on screen."""
        analysis = self.session.attach(stage) if self.session is not None else stage
        self.reader.add_parts(analysis)
        if not analysis.pending:
            # Only now can a saved correction of a name or a figure be told apart from a stale
            # one: before, its part was simply not there yet.
            self._corrections_notices()
        self.call_after_refresh(self._freeze_long_lived)

    def _stage_failed(self, error: BaseException) -> None:
        self.reader.parts_failed(error)
        self._corrections_notices()

    # -- actions ---------------------------------------------------------------------------------

    def action_help(self) -> None:
        from reader.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        from reader.ui.screens.overview import OverviewScreen
        from reader.ui.widgets.fact_table import FactTable
        from reader.ui.widgets.sidebar import EntityList, FigureList

        if isinstance(self.screen, OverviewScreen):
            bindings = [*OverviewScreen.BINDINGS, *FactTable.BINDINGS, *self.BINDINGS]
        else:
            bindings = [
                *ReaderScreen.BINDINGS,
                *EntityList.BINDINGS,
                *FigureList.BINDINGS,
                *self.BINDINGS,
            ]
        self.push_screen(HelpScreen([b for b in bindings if isinstance(b, Binding)]))
