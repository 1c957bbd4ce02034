"""Scroll anchors: which row of the follower pane is level with a given row of the leader.

Percentages drift on articles whose paragraphs differ in length, so synchronised scrolling maps
through *anchors* instead: each matched paragraph of the leader is paired with its best partner in
the follower, and the start and end rows of both become anchor points.  A leader row inside a
matched paragraph maps to the same fraction of its partner ("top paragraph plus fraction"); a row
between matched paragraphs is interpolated linearly between the nearest anchors above and below;
before the first and after the last anchor the follower is simply shifted.

Pure and Textual-free: the panes supply their row tables (``Layout.para_row``), the navigation
index the partners, and the screen applies the result.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.model import ParagraphRef


def partner_pairs(
    matched: Iterable[int], partners: Sequence[Sequence[ParagraphRef]], follower: int
) -> list[tuple[int, int]]:
    """``(leader paragraph, follower paragraph)`` for each matched leader paragraph (ascending)
    that has a partner in article ``follower``, paired with its best such partner.

    Args:
        matched: the leader's matched paragraphs, ascending.
        partners: per leader paragraph, its partners best first.
        follower: the follower's article index.
    """
    out: list[tuple[int, int]] = []
    for p in matched:
        q = next((q for a, q in partners[p] if a == follower), None)
        if q is not None:
            out.append((p, q))
    return out


@dataclass(frozen=True, slots=True)
class AnchorMap:
    """Row anchors between one leader and one follower layout.

    Attributes:
        leader_rows / follower_rows: parallel lists, the start and end row of each anchored
            paragraph pair, in leader order.
        leader_height / follower_height: total rows, for the proportional fallback when the two
            articles share no matched paragraph.
    """

    leader_rows: tuple[int, ...]
    follower_rows: tuple[int, ...]
    leader_height: int
    follower_height: int

    @classmethod
    def build(
        cls,
        pairs: Iterable[tuple[int, int]],
        leader_para_row: Sequence[int],
        follower_para_row: Sequence[int],
    ) -> AnchorMap:
        """Anchors from paragraph pairs and each side's "first row of paragraph" table (with the
        total row count as its last entry, like ``Layout.para_row``)."""
        lrows: list[int] = []
        frows: list[int] = []
        for p, q in pairs:
            lrows.extend((leader_para_row[p], leader_para_row[p + 1]))
            frows.extend((follower_para_row[q], follower_para_row[q + 1]))
        return cls(tuple(lrows), tuple(frows), leader_para_row[-1], follower_para_row[-1])

    def map(self, row: float) -> float:
        """The follower row level with leader ``row``: exact inside anchored paragraphs, linear
        between them, a plain shift before the first / after the last anchor, and proportional
        when there are no anchors at all."""
        lrows, frows = self.leader_rows, self.follower_rows
        if not lrows:
            return row * self.follower_height / max(1, self.leader_height)
        i = bisect_right(lrows, row) - 1
        if i < 0:
            return frows[0] - (lrows[0] - row)
        if i >= len(lrows) - 1:
            return frows[-1] + (row - lrows[-1])
        # bisect_right puts i on the last anchor <= row, so lrows[i + 1] > row >= lrows[i].
        l0, l1, f0, f1 = lrows[i], lrows[i + 1], frows[i], frows[i + 1]
        return f0 + (row - l0) * (f1 - f0) / (l1 - l0)
