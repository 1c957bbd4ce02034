"""One cursor over places in the articles, shared by search hits and entity / figure mentions.

Both lists are ``(article, paragraph, start, end)`` places stepped through with wrap-around, and
both start "from where the reader is": the first step goes to the first place at or after the
current paragraph (or, stepping backwards, the last place before it).  Pure and Textual-free.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.model import ParagraphRef
from reader.ui.navigation import Span

Place = tuple[int, int, int, int]
"""``(article, paragraph, start, end)``; offsets index ``Paragraph.text``."""


@dataclass(slots=True)
class HitCursor:
    """Places in reading order and the current one (``pos`` -1: none chosen yet)."""

    places: Sequence[Place] = field(default_factory=list)
    pos: int = -1

    def reset(self, places: Sequence[Place]) -> None:
        """New places; the next :meth:`step` starts from the reader's position again."""
        self.places = places
        self.pos = -1

    @property
    def current(self) -> Place | None:
        return self.places[self.pos] if 0 <= self.pos < len(self.places) else None

    def step(self, direction: int, here: ParagraphRef) -> Place | None:
        """Move to the next (``direction`` > 0) or previous place, wrapping around, and return it.

        The first step after :meth:`reset` goes to the first place at or after paragraph ``here``
        (forwards) or the last one before it (backwards).  ``None`` when there are no places.
        """
        n = len(self.places)
        if not n:
            return None
        if self.pos < 0:
            after = next((i for i, r in enumerate(self.places) if (r[0], r[1]) >= here), None)
            if direction > 0:
                self.pos = after if after is not None else 0
            else:
                self.pos = (after - 1) % n if after is not None else n - 1
        else:
            self.pos = (self.pos + direction) % n
        return self.places[self.pos]

    def layer(
        self, article: int, kind: str, current_kind: str | None = None
    ) -> dict[int, list[Span]]:
        """Highlight spans of the places in ``article``, by paragraph; the current place gets
        ``current_kind`` when given."""
        out: dict[int, list[Span]] = {}
        for i, (a, p, s, e) in enumerate(self.places):
            if a == article:
                k = current_kind if current_kind is not None and i == self.pos else kind
                out.setdefault(p, []).append((s, e, k))
        return out
