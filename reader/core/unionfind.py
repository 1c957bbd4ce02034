"""One union-find (disjoint sets) for every stage that groups things transitively.

Entity linking groups name variants, figure grouping groups figures of one quantity and the matcher
groups spelling variants of names.  All three need the same structure: find with path halving,
union that can refuse (an anti-chaining guard sees both whole groups before they join), and the
members of each group.  Roots are the smallest item of their group, so results do not depend on
the order in which links were found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, Protocol, TypeVar


class _Key(Protocol):
    """What an item needs: hashable, and ordered so a group's root is its smallest item."""

    def __hash__(self) -> int: ...

    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Key)


class UnionFind(Generic[K]):
    """Disjoint sets over hashable, mutually comparable items; items join lazily on first use."""

    __slots__ = ("_parent", "_members")

    def __init__(self, items: Iterable[K] = ()) -> None:
        self._parent: dict[K, K] = {}
        self._members: dict[K, list[K]] = {}
        for item in items:
            self.add(item)

    def add(self, item: K) -> None:
        """Make ``item`` a group of its own (no-op when it is known already)."""
        if item not in self._parent:
            self._parent[item] = item
            self._members[item] = [item]

    def find(self, item: K) -> K:
        """The root of ``item``'s group (the group's smallest item)."""
        parent = self._parent
        if item not in parent:
            self.add(item)
            return item
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: K, b: K, can_join: Callable[[K, K], bool] | None = None) -> bool:
        """Join the groups of ``a`` and ``b``; ``True`` when they are (now) one group.

        ``can_join(root_a, root_b)``, when given, sees both roots before anything changes and may
        refuse: then nothing changes and the result is ``False``.
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if can_join is not None and not can_join(ra, rb):
            return False
        if rb < ra:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))
        return True

    def same(self, a: K, b: K) -> bool:
        """Whether ``a`` and ``b`` are in one group."""
        return self.find(a) == self.find(b)

    def members(self, item: K) -> list[K]:
        """Every item of ``item``'s group (in the order they joined)."""
        return self._members[self.find(item)]

    def groups(self) -> Iterator[list[K]]:
        """Each group once, as the list of its members."""
        return iter(self._members.values())

    def mapping(self) -> dict[K, K]:
        """Item -> root, for the items that are not their own root."""
        return {k: r for k in self._parent if (r := self.find(k)) != k}
