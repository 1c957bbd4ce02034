"""Reports of an :class:`~reader.core.model.Analysis`: the top stage of the core.

Each format is one module with a ``write(analysis, stream)`` function, registered in
:data:`FORMATS` (:mod:`reader.core.report.formats`).  The command line reads its ``--format``
choices from there, so a new format is one new module plus one line in that list.

The writers and the report loader are imported on first use (``from reader.core.report import
to_json`` still works): importing this package, as every start of the command line does for the
format names, must not load them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO, cast

from reader.core.lazy import lazy_getattr
from reader.core.report.formats import DETAILS, FORMATS, ReportFormat, format_named

if TYPE_CHECKING:
    from reader.core.model import Analysis
    from reader.core.report.clip import pair_clip, paragraph_clip
    from reader.core.report.json_load import ReportError, from_report_data, loads_report
    from reader.core.report.json_report import (
        SCHEMA_VERSION,
        pair_summary,
        to_json,
        to_json_data,
        write_json,
    )
    from reader.core.report.markdown_report import md_escape, to_markdown

__all__ = [
    "DETAILS",
    "FORMATS",
    "ReportError",
    "ReportFormat",
    "SCHEMA_VERSION",
    "format_named",
    "from_report_data",
    "loads_report",
    "md_escape",
    "pair_clip",
    "paragraph_clip",
    "pair_summary",
    "to_json",
    "to_json_data",
    "to_markdown",
    "write_json",
    "save_report",
    "write_report",
]

_LAZY = {
    "pair_clip": "clip",
    "paragraph_clip": "clip",
    "ReportError": "json_load",
    "from_report_data": "json_load",
    "loads_report": "json_load",
    "SCHEMA_VERSION": "json_report",
    "pair_summary": "json_report",
    "to_json": "json_report",
    "to_json_data": "json_report",
    "write_json": "json_report",
    "md_escape": "markdown_report",
    "to_markdown": "markdown_report",
}
"""Names served from a submodule, imported the first time one of them is asked for."""


__getattr__ = lazy_getattr(__name__, _LAZY, globals())


def write_report(
    analysis: Analysis, fmt: str, stream: TextIO, detail: tuple[str, ...] = ()
) -> None:
    """Write ``analysis`` to ``stream`` in the format called ``fmt``, with the optional
    ``detail`` sections (:data:`DETAILS`) where the format has them."""
    format_named(fmt).write(analysis, stream, detail)


def save_report(analysis: Analysis, fmt: str, path: str) -> None:
    """Write the report to ``path`` atomically (the old file survives any failure; ``OSError``
    propagates for the caller to report in one line)."""
    from reader.store import atomic_writer

    with atomic_writer(path) as stream:
        write_report(analysis, fmt, cast(TextIO, stream))
