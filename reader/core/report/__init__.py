"""Reports of an :class:`~reader.core.model.Analysis`: the top stage of the core.

Each format is one module with a ``write(analysis, stream)`` function, registered in
:data:`FORMATS`.  The command line reads its ``--format`` choices from here, so a new format is one
new module plus one line below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO, cast

from reader.core.model import Analysis
from reader.core.report import json_report, markdown_report
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
    "FORMATS",
    "ReportError",
    "ReportFormat",
    "SCHEMA_VERSION",
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


@dataclass(frozen=True, slots=True)
class ReportFormat:
    """One output format: its name on the command line, other names it answers to, its writer."""

    name: str
    description: str
    write: Callable[[Analysis, TextIO, tuple[str, ...]], None]
    aliases: tuple[str, ...] = ()


FORMATS: dict[str, ReportFormat] = {
    fmt.name: fmt
    for fmt in (
        ReportFormat("json", "versioned JSON for scripts (the default)", json_report.write_json),
        ReportFormat(
            "markdown", "a briefing to paste into a memo", markdown_report.write_markdown, ("md",)
        ),
    )
}


def format_named(name: str) -> ReportFormat:
    """The format called ``name`` or one of its aliases (``KeyError`` when there is none)."""
    for fmt in FORMATS.values():
        if name == fmt.name or name in fmt.aliases:
            return fmt
    raise KeyError(name)


def write_report(
    analysis: Analysis, fmt: str, stream: TextIO, detail: tuple[str, ...] = ()
) -> None:
    """Write ``analysis`` to ``stream`` in the format called ``fmt``, with the optional
    ``detail`` sections (:data:`markdown_report.DETAILS`) where the format has them."""
    format_named(fmt).write(analysis, stream, detail)


def save_report(analysis: Analysis, fmt: str, path: str) -> None:
    """Write the report to ``path`` atomically (the old file survives any failure; ``OSError``
    propagates for the caller to report in one line)."""
    from reader.store import atomic_writer

    with atomic_writer(path) as stream:
        write_report(analysis, fmt, cast(TextIO, stream))
