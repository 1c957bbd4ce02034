"""What the user may name as an input: a file, ``-``, a folder of articles, or a web address.

The command line passes every argument through :func:`expand_sources` (folders become their
supported files, sorted) and reads each with :func:`load_source`, so files and pages take the same
path into an :class:`~reader.core.model.Article`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.core.ingest.fetch import is_url, load_url
from reader.core.ingest.load import _EXTENSIONS, DEFAULT_MAX_SIZE, STDIN, IngestError, load_article
from reader.core.model import Article

SUPPORTED_SUFFIXES = frozenset(_EXTENSIONS)


def folder_articles(folder: Path) -> list[str]:
    """The supported files directly in ``folder``, sorted by name (hidden files skipped)."""
    return sorted(
        str(p)
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in SUPPORTED_SUFFIXES
    )


def expand_sources(sources: Sequence[str]) -> list[str]:
    """Arguments as article sources: each folder is replaced by its supported files.

    A folder named alone must hold at least two of them (raises :class:`IngestError` saying
    how many it has and which kinds count).
    """
    out: list[str] = []
    for source in sources:
        if source != STDIN and not is_url(source) and Path(source).is_dir():
            found = folder_articles(Path(source))
            if len(sources) == 1 and len(found) < 2 or not found:
                kinds = ", ".join(sorted({".txt", ".md", ".html"}))
                raise IngestError(
                    source,
                    f"folder holds {len(found)} article file{'s' if len(found) != 1 else ''} "
                    f"({kinds}...); at least two are needed",
                )
            out.extend(found)
        else:
            out.append(source)
    return out


def needs_extraction(source: str) -> bool:
    """Whether loading ``source`` probably means extracting a web page, which is slow (the
    extractor's import alone takes about a second): an HTML file, or a web address that does
    not name a text or Markdown file."""
    path = source.split("?", 1)[0].split("#", 1)[0]
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt == "html":
        return True
    return is_url(source) and fmt is None


def slow_to_load(source: str) -> bool:
    """Whether ``source`` is worth loading after the reader's first frame: a web address (a
    download), or an existing HTML or Markdown file (their parsers' imports alone, trafilatura
    and markdown-it, take longer than a bare Textual app's start).  Plain text is read at once,
    and so is a missing file: its error should come before any screen."""
    if is_url(source):
        return True
    if source == STDIN:
        return False
    fmt = _EXTENSIONS.get(Path(source).suffix.lower())
    return fmt in ("html", "md") and Path(source).is_file()


def load_source(source: str, *, max_size: int = DEFAULT_MAX_SIZE) -> Article:
    """Read one file, standard input or web page."""
    if is_url(source):
        return load_url(source, max_size=max_size)
    return load_article(source, max_size=max_size)
