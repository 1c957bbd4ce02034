"""Which matches are *moved*: out of order between their two articles (reordered text).

Every match that crosses a far-moved paragraph also crosses it, so flagging every crossing pair
would mark nearly everything after one moved paragraph.  Instead, as diff tools detect moved
blocks, keep the longest chain of matches that is in order in both articles (the longest
non-decreasing run of right paragraphs over the matches sorted by left paragraph) and call the
rest moved.  O(M log M) per pair of articles.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from reader.core.model import Match


def moved_flags(matches: Sequence[Match]) -> list[bool]:
    """For each match (same order as ``matches``), whether it is out of order in its pair.

    Pure: reads only each match's ``left`` and ``right`` paragraph references.
    """
    by_pair: dict[tuple[int, int], list[tuple[int, int, int]]] = {}
    for i, m in enumerate(matches):
        by_pair.setdefault((m.left[0], m.right[0]), []).append((m.left[1], m.right[1], i))
    flags = [False] * len(matches)
    for pairs in by_pair.values():
        pairs.sort()
        tails: list[int] = []  # tails[k] = smallest right paragraph ending a chain of length k+1
        tail_idx: list[int] = []
        prev = [-1] * len(pairs)
        for j, (_, q, _i) in enumerate(pairs):
            k = bisect_right(tails, q)
            if k == len(tails):
                tails.append(q)
                tail_idx.append(j)
            else:
                tails[k] = q
                tail_idx[k] = j
            prev[j] = tail_idx[k - 1] if k else -1
        keep: set[int] = set()
        j = tail_idx[-1] if tail_idx else -1
        while j != -1:
            keep.add(j)
            j = prev[j]
        for j, (_, _, i) in enumerate(pairs):
            if j not in keep:
                flags[i] = True
    return flags


def mark_moved(matches: Sequence[Match]) -> None:
    """Set ``Match.moved`` on every match from :func:`moved_flags` (the analysis calls this once)."""
    for match, moved in zip(matches, moved_flags(matches), strict=True):
        match.moved = moved
