"""Command line: ``parallel-reader [FILE ...]`` opens the reader, ``parallel-reader compare`` reports.

This module only wires the core to the UI and to files.  Every failure a user can cause (a missing
file, a binary, too few articles, an unwritable output) ends as one line on stderr and a non-zero
exit; ``--debug`` shows the traceback instead, for bug reports.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, cast

from reader import __version__
from reader.core.ingest import (
    IngestError,
    expand_sources,
    is_url,
    load_source,
    sanitize_line,
    slow_to_load,
)
from reader.core.ingest.load import DEFAULT_MAX_SIZE, TooLargeError, format_size
from reader.core.model import Analysis, Article, article_label
from reader.core.report.formats import DETAILS, FORMATS, format_choices, format_named
from reader.store import Terminated, atomic_writer, same_file, signals_as_exceptions

if TYPE_CHECKING:
    from reader.core.analysis import ProgressCallback  # the pipeline itself loads on first use
    from reader.core.ingest.prefetch import PageDownloads

PROG = "parallel-reader"
EXIT_INPUT = 1
"""Bad input: a file could not be read, or there is nothing to compare."""
EXIT_USAGE = 2
"""The command line itself is wrong (argparse uses 2 as well)."""
EXIT_INTERNAL = 70
"""A bug: something failed that should not have (EX_SOFTWARE)."""


def _one_line(message: str) -> str:
    """An error message safe for the terminal: file names can carry escape bytes too."""
    return sanitize_line(message, "?")


class CliError(Exception):
    """A problem to report as one line and exit with ``code``."""

    def __init__(self, message: str, code: int = EXIT_INPUT) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse, with its usage errors made safe: they echo the offending argument, and a
    globbed file name can carry escape sequences or a line break."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {_one_line(message)}\n")


_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", re.IGNORECASE)
_SIZE_FACTORS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(text: str) -> int:
    """``"50MB"``, ``"200m"``, ``"1G"``, ``"65536"`` -> bytes (units are binary: 1 MB = 2**20)."""
    m = _SIZE.fullmatch(text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (examples: 50MB, 200M, 1G)")
    size = int(float(m.group(1)) * _SIZE_FACTORS[m.group(2).lower()])
    if size < 1:
        raise argparse.ArgumentTypeError("the size must be at least 1 byte")
    return size


_COMMANDS_HELP = f"""commands:
  {PROG} compare FILE FILE ...  analyse without the UI; writes JSON (the default) or Markdown
  {PROG} open ANALYSIS.json     open a saved compare JSON report as it was, without re-analysing

run '{PROG} compare --help' or '{PROG} open --help' for their options."""


def _reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=(
            "Read several articles about the same story side by side. With no files, opens a "
            "bundled sample. Corrections made in the reader are saved at once to a corrections "
            "file and applied again next time."
        ),
        epilog=_COMMANDS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help=".txt, .md, .html, a folder of them, an http(s) address, or - for stdin",
    )
    parser.add_argument("--sample", metavar="NAME", help="open a bundled sample set by name")
    _show_option(parser)
    parser.add_argument(
        "--list-samples", action="store_true", help="list the bundled sample sets and exit"
    )
    _corrections_option(parser)
    _config_option(parser)
    _common_options(parser)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    return parser


def _compare_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} compare",
        description=(
            "Compare articles without the UI and write the analysis: JSON by default "
            "(--format markdown for a memo). The analyst's corrections saved by the reader are "
            "applied and marked as manual."
        ),
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=".txt, .md, .html, a folder of them, an http(s) address, or - for stdin",
    )
    parser.add_argument(
        "--format",
        choices=format_choices(),
        default="json",
        help="output format: " + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    _corrections_option(parser)
    parser.add_argument(
        "--detail",
        action="append",
        choices=DETAILS,
        default=[],
        help="add a section to the Markdown briefing: pairs = every pair of articles, matched "
        "paragraphs quoted (long with many articles)",
    )
    _common_options(parser)
    return parser


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=f"{PROG} open",
        description=(
            "Open a JSON report saved by 'compare' (articles included) in the reader, exactly as "
            "it was, corrections included, without reading the articles or analysing again."
        ),
    )
    parser.add_argument(
        "report", metavar="ANALYSIS.json", help="a report from compare --format json"
    )
    parser.add_argument(
        "--corrections",
        metavar="PATH",
        help="where further corrections are saved (default: beside the report, "
        "<name>.parallel-reader.json)",
    )
    _show_option(parser)
    _config_option(parser)
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=DEFAULT_MAX_SIZE * 4,
        metavar="SIZE",
        help=f"largest report read (default {format_size(DEFAULT_MAX_SIZE * 4)})",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    return parser


def _show_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--show",
        metavar="A,D,E",
        type=_parse_show,
        help="articles to give panes to at start, by their letters in the reader (A = the first "
        "file); the first one leads",
    )


def _parse_show(text: str) -> list[str]:
    """The letters of ``--show`` (checked against the number of articles once they are read)."""
    labels = [part.strip().upper() for part in text.split(",") if part.strip()]
    bad = [x for x in labels if not x.isascii() or not x.isalpha()]
    if not labels or bad:
        raise argparse.ArgumentTypeError(f"expected article letters like A,D,E, got {text!r}")
    return labels


def label_index(label: str) -> int:
    """The article index of a reader letter: the inverse of ``article_label`` (A -> 0, AA -> 26)."""
    index = 0
    for char in label.upper():
        index = index * 26 + ord(char) - ord("A") + 1
    return index - 1


def _show_indices(labels: list[str] | None, count: int) -> list[int] | None:
    """``--show`` as article indices; a letter beyond the articles read is a usage error."""
    if not labels:
        return None
    out: list[int] = []
    for label in labels:
        index = label_index(label)
        if not 0 <= index < count:
            last = article_label(count - 1)
            raise CliError(
                f"--show: there is no article {label} (the {count} articles are A to {last})",
                EXIT_USAGE,
            )
        if index not in out:
            out.append(index)
    return out


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="settings file (default: config.toml in the user config folder; see the README)",
    )


def _reader_setup(args: argparse.Namespace, session) -> dict:
    """The config, start-up notices (one line each) and corrections for :class:`ReaderApp`."""
    from reader.config import load_config

    config, warning = load_config(args.config)
    return {"config": config, "notices": [warning] if warning else [], "session": session}


def _corrections_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corrections",
        metavar="PATH",
        help="corrections file (default: beside the first article, "
        "<name>.parallel-reader.json, or in the user data folder when that is not writable)",
    )


def _common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--entities",
        choices=("rules", "spacy"),
        default="rules",
        help="entity finder: built-in rules (default) or spaCy (needs spaCy and en_core_web_sm)",
    )
    parser.add_argument(
        "--max-size",
        type=parse_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help=f"largest article read, e.g. 200MB (default {format_size(DEFAULT_MAX_SIZE)}); "
        "bigger inputs stop with an error",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def warn(message: str) -> None:
    """One warning line on stderr, safe for the terminal."""
    print(f"{PROG}: warning: {_one_line(message)}", file=sys.stderr)


def _load_all(sources: Sequence[str], max_size: int = DEFAULT_MAX_SIZE) -> list[Article]:
    """Ingest every source; the first failure becomes a one-line :class:`CliError`.  Each
    article's warnings are printed as they come, one line each."""
    sources = _article_sources(sources)
    # Every web page starts downloading now, several at once, in the downloader process; the
    # articles are still taken in the given order, so the first failure is the same one.
    downloads = _start_downloads(sources, max_size)
    try:
        articles = [_load_one(source, max_size, downloads=downloads) for source in sources]
    finally:
        if downloads is not None:
            downloads.close()
    _check_count(len(articles))
    return articles


def _article_sources(sources: Sequence[str]) -> list[str]:
    """The sources to read, folders expanded (a bad folder is a one-line :class:`CliError`)."""
    if list(sources).count("-") > 1:
        raise CliError("standard input (-) can be given only once", EXIT_USAGE)
    try:
        return expand_sources(sources)
    except IngestError as error:
        raise CliError(str(error), EXIT_USAGE) from error


def _check_count(count: int) -> None:
    if count < 2:
        raise CliError(f"need at least two articles to compare, got {count}", EXIT_USAGE)


def _load_one(
    source: str,
    max_size: int,
    *,
    quiet: bool = False,
    downloads: PageDownloads | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Article:
    """One article; a failure is a one-line :class:`CliError`.  Its warnings are printed on
    stderr unless ``quiet`` (the reader shows them itself).  A web page among ``downloads``
    is taken from there (its download started earlier); waiting for it ends once
    ``cancelled()`` is true."""
    try:
        if downloads is not None and source in downloads:
            article = downloads.load(source, cancelled=cancelled)
        else:
            article = load_source(source, max_size=max_size)
    except TooLargeError as error:
        raise CliError(f"{error} (--max-size raises it)") from error
    except IngestError as error:
        raise CliError(str(error)) from error
    if not quiet:
        for note in article.warnings:
            warn(f"{article.source}: {note}")
    return article


def _worker_cancelled() -> bool:
    """Whether the reader's worker running this was cancelled (the reader is closing, and must
    not wait for a page that is still downloading)."""
    from textual.worker import NoActiveWorker, get_current_worker

    try:
        return get_current_worker().is_cancelled
    except NoActiveWorker:
        return False


def _start_downloads(sources: Sequence[str], max_size: int) -> PageDownloads | None:
    """Start downloading the web pages among ``sources`` in the background (``None``: none)."""
    urls = [s for s in sources if is_url(s)]
    if not urls:
        return None
    from reader.core.ingest.prefetch import PageDownloads

    return PageDownloads(urls, max_size=max_size)


@contextmanager
def _entity_backend_errors(entity_backend: str) -> Iterator[None]:
    """A missing or broken spaCy becomes one :class:`CliError` line when its stage runs."""
    try:
        yield
    except (ImportError, OSError, ValueError, RuntimeError) as error:
        if entity_backend == "spacy":
            raise CliError(f"spaCy entity backend unavailable: {error}") from error
        raise


def _analysis_stages(
    articles: list[Article], entity_backend: str, progress: ProgressCallback | None = None
) -> Iterator[Analysis]:
    """The analysis stage by stage (``reader.core.analysis.analyze_stages``), for the reader,
    which shows each stage as it comes."""
    from reader.core.analysis import analyze_stages

    with _entity_backend_errors(entity_backend):
        yield from analyze_stages(articles, progress=progress, entity_backend=entity_backend)


def _analyze(
    articles: list[Article], entity_backend: str, progress: ProgressCallback | None = None
) -> Analysis:
    """The complete analysis at once (``reader.core.analysis.analyze``: on long inputs the
    names and figures are found on the second core)."""
    from reader.core.analysis import analyze

    with _entity_backend_errors(entity_backend):
        return analyze(articles, progress=progress, entity_backend=entity_backend)


def _check_output(output: str | None, sources: Sequence[str]) -> None:
    """Refuse an output that is one of the inputs (same file, also through a link or another
    path): the report would replace the article it was made from."""
    if not output or output == "-":
        return
    for source in sources:
        if source != "-" and same_file(output, source):
            raise CliError(f"the output {output} is also an input; choose another file", EXIT_USAGE)


def run_compare(args: argparse.Namespace) -> int:
    """``parallel-reader compare``: analyse and write the report.

    A report file is written atomically (the old file survives any failure or interrupt);
    a report on standard output is UTF-8 whatever the locale, as JSON requires."""
    _check_output(args.output, args.files)
    articles = _load_all(args.files, args.max_size)
    analysis = _analyze(articles, args.entities)
    analysis = _apply_saved_corrections(analysis, args.corrections, args.files)
    if args.output and args.output != "-":
        try:
            with signals_as_exceptions(), atomic_writer(args.output) as stream:
                _write_report(analysis, args.format, cast(TextIO, stream), tuple(args.detail))
        except OSError as error:
            raise CliError(f"{args.output}: cannot write: {error.strerror or error}") from error
    else:
        _write_stdout(analysis, args.format, tuple(args.detail))
    return 0


def _apply_saved_corrections(
    analysis: Analysis, path: str | None, sources: Sequence[str]
) -> Analysis:
    """``analysis`` with the corrections file applied; problems and stale corrections are one
    warning line each (the report is still written)."""
    from reader.core.corrections import apply_corrections, default_path, describe, open_corrections

    if path is not None and not Path(path).exists():
        raise CliError(f"corrections file {path} not found", EXIT_USAGE)
    saved = open_corrections(path if path is not None else default_path(expand_sources(sources)))
    if saved.problem:
        warn(saved.problem)
    if not saved.corrections:
        return analysis
    applied = apply_corrections(analysis, saved.corrections)
    for correction in applied.stale:
        warn(f"correction not applied, its paragraphs changed: {describe(correction)}")
    return applied.analysis


def _write_stdout(analysis: Analysis, fmt: str, detail: tuple[str, ...] = ()) -> None:
    """The report on standard output; a closed or failing stdout is one line, exit 1."""
    if sys.stdout is None:
        raise CliError("standard output is closed; write the report with -o FILE")
    buffer = getattr(sys.stdout, "buffer", None)
    wrapper = (
        io.TextIOWrapper(buffer, encoding="utf-8", newline="\n") if buffer is not None else None
    )
    stream: TextIO = wrapper if wrapper is not None else sys.stdout
    try:
        sys.stdout.flush()
        _write_report(analysis, fmt, stream, detail)
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _silence_stdout()
        raise CliError(f"cannot write to standard output: {error.strerror or error}") from error
    finally:
        if wrapper is not None:
            try:
                wrapper.detach()
            except ValueError:
                pass


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so the interpreter's final flush of what is still
    buffered cannot fail again (a second message, exit status 120)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
    except OSError:
        pass
    finally:
        os.close(devnull)


def _write_report(
    analysis: Analysis, fmt: str, stream: TextIO, detail: tuple[str, ...] = ()
) -> None:
    """Write the report in the registered format ``fmt`` (JSON is streamed)."""
    format_named(fmt).write(analysis, stream, detail)


def _sample_sources(name: str | None) -> list[str]:
    from reader.sample_sets import default_sample, sample_files, sample_names

    chosen = name or default_sample()
    if chosen is None:
        raise CliError("no bundled samples in this installation; give two or more files")
    files = sample_files(chosen)
    if not files:
        known = ", ".join(sample_names()) or "none"
        raise CliError(f"no sample set named {chosen!r} (bundled: {known})", EXIT_USAGE)
    return [str(f) for f in files]


def run_reader(args: argparse.Namespace) -> int:
    """Open the interactive reader on the given files, or on a bundled sample."""
    if args.list_samples:
        from reader.sample_sets import sample_files, sample_names

        for name in sample_names():
            print(f"{name}: " + ", ".join(f.name for f in sample_files(name)))
        return 0
    if args.files and args.sample:
        raise CliError("give files or --sample, not both", EXIT_USAGE)
    sources = list(args.files) if args.files else _sample_sources(args.sample)
    from_sample = not args.files
    if sys.stdout is None or not (sys.stdout.isatty() or os.environ.get("TEXTUAL_DRIVER")):
        raise CliError(
            "the reader needs a terminal; for scripts use: parallel-reader compare FILE FILE ...",
            EXIT_USAGE,
        )
    sources = _article_sources(sources)
    # Web pages start downloading now, before the UI is even imported: their network time
    # overlaps the reader's start-up instead of following its first frame.
    downloads = _start_downloads(sources, args.max_size)
    try:
        return _run_reader(args, sources, from_sample, downloads)
    finally:
        if downloads is not None:
            downloads.close()


def _run_reader(
    args: argparse.Namespace,
    sources: list[str],
    from_sample: bool,
    downloads: PageDownloads | None,
) -> int:
    """The reader on ``sources`` (the web pages among them already downloading)."""
    from reader.core.gc_pause import GcPause

    # Ingest and the first layout allocate many long-lived objects; collecting them repeatedly
    # before the first frame only delays it.  The pause is handed to the app, which ends it once
    # the text is on screen; leaving this block (an error, the reader's exit) ends it too.
    with GcPause() as gc_pause:

        def load(source: str, quiet: bool = False) -> Article:
            article = _load_one(
                source, args.max_size, quiet=quiet, downloads=downloads, cancelled=_worker_cancelled
            )
            if from_sample:
                # Show "ceasefire/meridian-wire.txt", not a long path inside site-packages.
                path = Path(article.source)
                article.source = f"{path.parent.name}/{path.name}"
            return article

        from reader.ui.app import ReaderApp, placeholder_article

        # Web pages, HTML and Markdown files load after the first frame, in the reader's worker
        # (fetching, and the parsers' imports - trafilatura ~1 s - cost more than the whole
        # frame); plain text now.
        pending = {i: s for i, s in enumerate(sources) if slow_to_load(s)}
        articles = [
            placeholder_article(s) if i in pending else load(s) for i, s in enumerate(sources)
        ]
        _check_count(len(articles))
        if downloads is not None:
            # Pages already in that read as plain text are shown in the first frame too (their
            # warnings are shown by the reader, as for the pages it loads itself).
            for i, source in list(pending.items()):
                article = downloads.ready_text(source) if source in downloads else None
                if article is not None:
                    articles[i] = article
                    del pending[i]
        if "-" in sources:
            _reattach_terminal_stdin()

        backend = args.entities

        def analyze_in_worker(
            items: list[Article], progress: ProgressCallback
        ) -> Iterator[Analysis]:
            # The corrections are opened here, in the worker after the first frame: nothing
            # before the analysis needs them, and their modules took ~35 ms to import.  The
            # app is given the session before the first stage exists, and applies the saved
            # corrections to each stage itself (the matches and facts are shown while names
            # and figures are found).
            app.session = _corrections_session(args.corrections, sources, beside=not from_sample)
            return _analysis_stages(items, backend, progress)

        app = ReaderApp(
            articles,
            analyze_in_worker,
            gc_pause=gc_pause,
            show=_show_indices(args.show, len(articles)),
            pending=pending,
            load=lambda source: load(source, quiet=True),
            **_reader_setup(args, None),
        )
        app.run()
    if app.load_error is not None:
        # A page that could not be fetched or read: the reader has closed and the terminal is
        # restored, so the reason is one ordinary error line, as before any screen.
        raise app.load_error
    return app.return_code or 0  # 128 + N after SIGTERM / SIGHUP (the terminal is restored)


def _read_report(path: str, max_size: int) -> Analysis:
    """The analysis saved in a compare JSON report; any problem is one :class:`CliError` line."""
    from reader.core.report import ReportError, loads_report

    try:
        with open(path, "rb") as stream:
            data = stream.read(max_size + 1)
    except OSError as error:
        raise CliError(f"{path}: cannot read: {error.strerror or error}") from error
    if len(data) > max_size:
        raise CliError(f"{path}: larger than {format_size(max_size)} (--max-size raises it)")
    try:
        return loads_report(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CliError(f"{path}: not a compare report (not UTF-8 text)") from error
    except ReportError as error:
        raise CliError(f"{path}: {error}") from error


def run_open(args: argparse.Namespace) -> int:
    """``parallel-reader open ANALYSIS.json``: the saved analysis in the reader, as it was."""
    analysis = _read_report(args.report, args.max_size)
    _require_terminal()
    session = _corrections_session(args.corrections, [args.report])
    analysis = session.attach(analysis)
    from reader.ui.app import ReaderApp

    show = _show_indices(args.show, len(analysis.articles))
    app = ReaderApp(analysis.articles, analysis=analysis, show=show, **_reader_setup(args, session))
    app.run()
    return app.return_code or 0


def _corrections_session(path: str | None, sources: Sequence[str], *, beside: bool = True):
    """The corrections file for these sources (``--corrections`` or the default place)."""
    from reader.core.corrections import CorrectionSession, default_path, open_corrections

    where = path if path is not None else default_path(expand_sources(sources), beside=beside)
    return CorrectionSession(open_corrections(where))


def _require_terminal() -> None:
    if not (sys.stdout.isatty() or os.environ.get("TEXTUAL_DRIVER")):
        raise CliError(
            "the reader needs a terminal; for scripts use: parallel-reader compare FILE FILE ...",
            EXIT_USAGE,
        )


def _reattach_terminal_stdin() -> None:
    """After reading an article from a pipe, give the reader the keyboard back."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise CliError(
            "an article came from standard input and no terminal is available "
            "for the reader; use parallel-reader compare instead"
        ) from error
    os.dup2(tty, 0)
    os.close(tty)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``parallel-reader`` console script and ``python -m reader``."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "compare":
        parser = _compare_parser()
        args = parser.parse_args(argv[1:])
        args.format = format_named(args.format).name
        action = run_compare
    elif argv and argv[0] == "open":
        parser = _open_parser()
        args = parser.parse_args(argv[1:])
        action = run_open
    else:
        parser = _reader_parser()
        args = parser.parse_args(argv)
        action = run_reader
    try:
        return action(args)
    except CliError as error:
        if args.debug:
            raise
        print(f"{PROG}: error: {_one_line(str(error))}", file=sys.stderr)
        return error.code
    except BrokenPipeError:
        # The reader of our output went away (``| head``): not an error worth a message.
        _silence_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except Terminated as stop:
        return 128 + stop.signum
    except OSError as error:
        # The user's environment (a full disk, a vanished folder, a file-name limit), not a bug.
        if args.debug:
            raise
        where = f"{error.filename}: " if error.filename else ""
        print(
            f"{PROG}: error: {_one_line(where + (error.strerror or str(error)))}", file=sys.stderr
        )
        return EXIT_INPUT
    except Exception as error:  # the promise is "never a traceback"
        if args.debug:
            raise
        print(
            f"{PROG}: internal error: {type(error).__name__}: {_one_line(str(error))} "
            "(run with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
