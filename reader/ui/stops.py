"""What ``n`` / ``p`` and the "match k of N" counter step through: matches *between the shown
articles*.  Pure rules, unit-tested without Textual.

A stop is one group of paragraphs of the shown articles that report the same thing: paragraphs
joined by a match, or by a fact (beyond the pairwise budget, ``matching.PAIRWISE_BUDGET``,
matches link each paragraph to its fact's core only, and the core may be in a hidden article; the
fact still relates the shown members).
Counting groups rather than the leading article's matched paragraphs makes the total a property of
what is on screen: it does not change when another pane takes the lead, and a group the leading
article does not report is still a stop (``n`` lines it up in the other panes) instead of being
skipped.  Stops are visited in the leading article's reading order, one *entry* per paragraph of
the leading article in the group (a split reported in two paragraphs is one stop visited twice, so
no paragraph with a partner on screen is ever passed over); a group it does not report is one
"parked" entry at its relative position in the first shown article that does.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from reader.core.model import Analysis, ParagraphRef
from reader.ui.navigation import NavIndex


class _Union:
    """Union-find over paragraph references."""

    def __init__(self) -> None:
        self.parent: dict[ParagraphRef, ParagraphRef] = {}

    def find(self, x: ParagraphRef) -> ParagraphRef:
        parent = self.parent
        root = x
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def join(self, a: ParagraphRef, b: ParagraphRef) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


class Stops:
    """The groups of the shown articles, numbered; built once per (analysis, shown set).

    Args:
        nav: the analysis's lookups (matches per paragraph).
        shown: the articles on screen.
    """

    def __init__(self, nav: NavIndex, shown: Sequence[int]) -> None:
        self.shown = sorted(set(shown))
        visible = set(self.shown)
        lengths = [max(1, len(a.paragraphs)) for a in nav.articles]
        union = _Union()
        for a in self.shown:
            idx = nav.per_article[a]
            for p in idx.matched:
                for b, q in idx.partners[p]:
                    if b in visible and b != a:
                        union.join((a, p), (b, q))
        for fact in nav.analysis.facts.shared():
            # A member counts through its match with the core: one the analyst rejected, or one
            # under the minimum score (``t``), is not a link on screen, so it makes no stop.
            core = fact.members[0]
            inside = [
                m
                for m in fact.members
                if m[0] in visible and (m == core or nav.match_between(core, m) is not None)
            ]
            if len({a for a, _ in inside}) >= 2:
                for m in inside[1:]:
                    union.join(inside[0], m)
        groups: dict[ParagraphRef, list[ParagraphRef]] = {}
        for ref in union.parent:
            groups.setdefault(union.find(ref), []).append(ref)
        self.members: list[dict[int, list[int]]] = []
        """Per stop: article -> its paragraphs in the group, ascending."""
        self._group: dict[ParagraphRef, int] = {}
        for refs in sorted(groups.values(), key=min):
            per: dict[int, list[int]] = {}
            for a, p in sorted(refs):
                per.setdefault(a, []).append(p)
            if len(per) < 2:
                continue
            for ref in refs:
                self._group[ref] = len(self.members)
            self.members.append(per)
        self._lengths = lengths
        self._orders: dict[int, _Order] = {}

    @property
    def total(self) -> int:
        """How many stops there are (the N of "match k of N")."""
        return len(self.members)

    def group_of(self, ref: ParagraphRef) -> int | None:
        """The stop paragraph ``ref`` belongs to, if any."""
        return self._group.get(ref)

    def _entries(self, lead: int) -> _Order:
        cached = self._orders.get(lead)
        if cached is None:
            cached = _Order(self, lead)
            self._orders[lead] = cached
        return cached

    def entry_at(self, lead: int, paragraph: int, parked: int | None = None) -> int | None:
        """The entry of ``lead``'s paragraph (or of the ``parked`` stop), if it is one."""
        order = self._entries(lead)
        if parked is not None:
            return order.parked.get(parked)
        return order.at.get(paragraph)

    def entry(self, lead: int, index: int) -> tuple[int | None, int]:
        """Entry ``index`` of ``lead``: (its paragraph, or ``None`` when parked; its stop)."""
        _place, paragraph, stop = self._entries(lead).items[index]
        return paragraph, stop

    def position(self, stop: int, lead: int) -> int:
        """1-based number of ``stop`` when ``lead`` leads (stops are numbered by their first
        entry)."""
        return self._entries(lead).rank[stop]

    def step(self, lead: int, current: int | None, cursor: int, direction: int) -> int | None:
        """The entry after (``direction`` 1) or before (-1) the current one, wrapping around.

        Args:
            current: the entry the cursor is on, or ``None``: then the entries are found around
                the cursor paragraph ``cursor`` of ``lead``.
        """
        order = self._entries(lead)
        if not order.items:
            return None
        if current is not None:
            return (current + direction) % len(order.items)
        here = cursor / self._lengths[lead]
        places = order.places
        i = bisect_right(places, here)
        if direction < 0:
            i -= 1
            # An entry exactly at the cursor paragraph is "here", not the previous one.
            while i >= 0 and places[i] >= here:
                i -= 1
        return i % len(order.items)

    def park(self, stop: int, lead: int) -> int:
        """The paragraph of ``lead`` to rest on for a stop it does not report: the one at the
        same relative place (the panes around it then show the group)."""
        n = self._lengths[lead]
        return max(0, min(n - 1, round(self._place(stop) * n)))

    def _place(self, stop: int) -> float:
        """Where a stop sits in the story: its place in the first shown article reporting it."""
        per = self.members[stop]
        first = min(per)
        return per[first][0] / self._lengths[first]


class _Order:
    """The entries of one leading article, in its reading order: one per paragraph of it in a
    stop (a split reported in two paragraphs is two entries of one stop), and one "parked"
    entry per stop it does not report, at that stop's place in the story."""

    def __init__(self, stops: Stops, lead: int) -> None:
        n = stops._lengths[lead]
        items: list[tuple[float, int | None, int]] = []
        for stop, per in enumerate(stops.members):
            if lead in per:
                items.extend((p / n, p, stop) for p in per[lead])
            else:
                items.append((stops._place(stop), None, stop))
        items.sort(key=lambda e: (e[0], e[1] is None, e[2]))
        self.items = items
        self.places = [e[0] for e in items]
        self.at = {p: i for i, (_, p, _s) in enumerate(items) if p is not None}
        self.parked = {s: i for i, (_, p, s) in enumerate(items) if p is None}
        self.rank: dict[int, int] = {}
        for _place, _p, stop in items:
            if stop not in self.rank:
                self.rank[stop] = len(self.rank) + 1


def hidden_partners(
    analysis: Analysis, nav: NavIndex, ref: ParagraphRef, shown: Sequence[int]
) -> list[int]:
    """Articles *not shown* that report what paragraph ``ref`` reports (a match or a shared
    fact), ascending: what the status line names so a partner is never silently off screen."""
    visible = set(shown)
    out = {a for a, _ in nav.partners(ref) if a not in visible}
    for f in analysis.facts_of(ref):
        fact = analysis.facts[f]
        if len(fact.articles) > 1:
            out.update(a for a in fact.articles if a not in visible and a != ref[0])
    return sorted(out)
