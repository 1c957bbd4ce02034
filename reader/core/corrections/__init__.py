"""The analyst's corrections: a stage above figures and below the reports.

Decisions (a rejected match, a manual link, a dismissed figure conflict, an entity merge...) are
plain values keyed by content (:mod:`.keys`, :mod:`.kinds`), applied to an analysis by a pure
function (:mod:`.apply`), undone and redone as data (:mod:`.history`), and saved as versioned JSON
(:mod:`.document`, :mod:`.storage`).
"""

from __future__ import annotations

from reader.core.corrections.apply import NOT_A_CONFLICT, SPLIT, Applied, apply_corrections
from reader.core.corrections.document import (
    CorrectionsError,
    dumps,
    from_document,
    loads,
    to_document,
)
from reader.core.corrections.history import Edit, History
from reader.core.corrections.keys import (
    FigureKey,
    ParagraphKey,
    Resolver,
    figure_key,
    paragraph_key,
)
from reader.core.corrections.kinds import (
    Correction,
    LinkParagraphs,
    MergeEntities,
    NotAConflict,
    RejectMatch,
    RenameEntity,
    SplitFigure,
    SplitVariant,
    describe,
)
from reader.core.corrections.session import CorrectionSession
from reader.core.corrections.storage import CorrectionsFile, default_path, open_corrections

__all__ = [
    "NOT_A_CONFLICT",
    "SPLIT",
    "Applied",
    "Correction",
    "CorrectionSession",
    "CorrectionsError",
    "CorrectionsFile",
    "Edit",
    "FigureKey",
    "History",
    "LinkParagraphs",
    "MergeEntities",
    "NotAConflict",
    "ParagraphKey",
    "RejectMatch",
    "RenameEntity",
    "Resolver",
    "SplitFigure",
    "SplitVariant",
    "apply_corrections",
    "default_path",
    "describe",
    "dumps",
    "figure_key",
    "from_document",
    "loads",
    "open_corrections",
    "paragraph_key",
    "to_document",
]
