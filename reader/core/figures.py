"""Figures: numbers with what they count, grouped across articles (entry point).

``find_figures`` extracts (see :mod:`reader.core.figure_extract`), ``group_figures`` links the
figures that count the same thing and marks agreement or conflict
(see :mod:`reader.core.figure_group`).  The vocabulary lives in :mod:`reader.core.number_words`
and :mod:`reader.core.figure_labels`.
"""

from __future__ import annotations

from reader.core.figure_extract import find_figures
from reader.core.figure_group import compatible, group_figures

__all__ = ["compatible", "find_figures", "group_figures"]
