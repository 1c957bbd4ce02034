"""The one vocabulary of the core: letter folding, number words, alternative names, stop-words.

Matching, entity linking and figures all read their word knowledge from here, so two stages can
never disagree on whether "Kyiv" and "Kiev" are the same place or whether "dozen" is a number.
"""

from __future__ import annotations

from reader.core.vocabulary.folding import LETTER_FOLD, fold

__all__ = ["LETTER_FOLD", "fold"]
