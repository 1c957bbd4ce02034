"""The report formats by name: the one list ``compare --format`` and ``--detail`` take their
choices from.

Only names, descriptions and where each writer lives are kept here; a writer is imported when a
report is written.  The command line builds its parsers from this list on every start, the
reader's included, and importing the writers with it (the JSON and Markdown reports and the
matching helpers they use) cost about 25-45 ms before the reader's first frame.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO, cast

if TYPE_CHECKING:
    from reader.core.model import Analysis

Writer = Callable[["Analysis", TextIO, tuple[str, ...]], None]
"""``write(analysis, stream, detail)``."""

DETAILS = ("pairs",)
"""Optional sections ``compare --detail`` can add (the Markdown briefing has them)."""


@dataclass(frozen=True, slots=True)
class ReportFormat:
    """One output format: its name on the command line, other names it answers to, and the
    writer, as ``"module:function"`` (imported on first use)."""

    name: str
    description: str
    writer: str
    aliases: tuple[str, ...] = ()

    @property
    def write(self) -> Writer:
        """The writer function (importing its module now)."""
        module, _, function = self.writer.partition(":")
        return cast(Writer, getattr(importlib.import_module(module), function))


FORMATS: dict[str, ReportFormat] = {
    fmt.name: fmt
    for fmt in (
        ReportFormat(
            "json",
            "versioned JSON for scripts (the default)",
            "reader.core.report.json_report:write_json",
        ),
        ReportFormat(
            "markdown",
            "a briefing to paste into a memo",
            "reader.core.report.markdown_report:write_markdown",
            ("md",),
        ),
    )
}


def format_named(name: str) -> ReportFormat:
    """The format called ``name`` or one of its aliases (``KeyError`` when there is none)."""
    for fmt in FORMATS.values():
        if name == fmt.name or name in fmt.aliases:
            return fmt
    raise KeyError(name)


def format_choices() -> list[str]:
    """Every name and alias of the formats (``--format``'s choices)."""
    return [name for fmt in FORMATS.values() for name in (fmt.name, *fmt.aliases)]
