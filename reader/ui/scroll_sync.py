"""Scrolling the article panes together, without feedback loops.

Sync is leader/follower: the pane the user moves posts ``ArticlePane.Scrolled``; the synchroniser
maps its top row through paragraph anchors (:mod:`reader.ui.anchors`) and moves the others with
the guarded ``ArticlePane.follow``, so no scroll ever echoes back.  The anchors of each pair of
panes are computed once per pair of layouts and analysis.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.ui.anchors import AnchorMap, partner_pairs
from reader.ui.navigation import NavIndex
from reader.ui.widgets.article_pane import ArticlePane


class ScrollSync:
    """Keeps follower panes level with the leading one."""

    def __init__(self) -> None:
        self.enabled = True
        """Off: every pane scrolls on its own."""
        self.nav: NavIndex | None = None
        self._anchors: dict[tuple[int, int, int, int], AnchorMap] = {}

    def reset(self, nav: NavIndex | None = None) -> None:
        """Forget cached anchors (new layouts or a new set of panes); with ``nav``, a new
        analysis too."""
        if nav is not None:
            self.nav = nav
        self._anchors.clear()

    def anchors(self, leader: ArticlePane, follower: ArticlePane) -> AnchorMap:
        """Row anchors from the leader to the follower, cached per pair of layouts."""
        key = (leader.article_index, follower.article_index, id(leader.rows), id(follower.rows))
        cached = self._anchors.get(key)
        if cached is not None:
            return cached
        lrows, frows = leader.rows, follower.rows
        if lrows is None or frows is None:
            anchors = AnchorMap((), (), lrows.height if lrows else 1, frows.height if frows else 1)
        else:
            pairs: list[tuple[int, int]] = []
            if self.nav is not None:
                idx = self.nav.per_article[leader.article_index]
                pairs = partner_pairs(idx.matched, idx.partners, follower.article_index)
            anchors = AnchorMap.build(pairs, lrows.para_row, frows.para_row)
        self._anchors[key] = anchors
        return anchors

    def map_row(self, leader: ArticlePane, follower: ArticlePane, row: float) -> float:
        """The follower row level with leader ``row``."""
        return self.anchors(leader, follower).map(row)

    def follow_scroll(self, leader: ArticlePane, followers: Iterable[ArticlePane]) -> None:
        """The user scrolled ``leader``: bring the followers level with its top row."""
        if not self.enabled:
            return
        top = round(leader.scroll_y)
        for follower in followers:
            follower.follow(round(self.map_row(leader, follower, top)))

    def align(
        self, leader: ArticlePane, followers: Iterable[tuple[ArticlePane, int | None]]
    ) -> None:
        """Put each follower's partner paragraph (or, without one, the interpolated position)
        level with the leader's cursor.

        Args:
            followers: each follower with the paragraph to line up, or ``None`` to map rows.
        """
        if not self.enabled or leader.rows is None:
            return
        row = leader.paragraph_rows(leader.cursor)[0]
        offset = row - round(leader.scroll_y)
        for follower, partner in followers:
            if follower.rows is None:
                continue
            target: float
            if partner is not None:
                target = follower.paragraph_rows(partner)[0]
            else:
                target = self.map_row(leader, follower, row)
            follower.follow(round(target - offset))
