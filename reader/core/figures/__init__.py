"""Figures: numbers with what they count, grouped across articles (entry point).

``find_figures`` extracts (see :mod:`reader.core.figures.extract`), ``group_figures`` links the
figures that count the same thing and marks agreement or conflict
(see :mod:`reader.core.figures.group`).  The vocabulary lives in :mod:`reader.core.vocabulary.number_words`
and :mod:`reader.core.figures.labels`.
"""

from __future__ import annotations

from reader.core.figures.extract import find_figures
from reader.core.figures.group import compatible, group_figures

__all__ = ["compatible", "find_figures", "group_figures"]
