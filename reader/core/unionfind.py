"""One union-find (disjoint sets) for every stage that groups things transitively.

Entity linking groups name variants, figure grouping groups figures of one quantity and the matcher
groups spelling variants of names.  All three need the same structure: find with path halving,
union that can refuse (an anti-chaining guard sees both whole groups before they join), and the
members of each group.  Roots are the smallest item of their group, so results do not depend on
the order in which links were found.
"""

from __future__ import annotations

from abc import abstractmethod
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, Protocol, TypeVar


class _Key(Protocol):
    """What an item needs: hashable, and ordered so a group's root is its smallest item."""

    def __hash__(self) -> int: ...

    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Key)


class _DisjointSets(Generic[K]):
    """The rules both structures share: the smallest item is the root, and ``union`` lets
    ``can_join`` see both roots before anything changes.  A subclass keeps parents and members
    its own way (``find``, ``_join``)."""

    __slots__ = ()

    @abstractmethod
    def find(self, item: K) -> K:
        """The root of ``item``'s group (the group's smallest item)."""

    @abstractmethod
    def _join(self, root: K, other: K) -> None:
        """Hang root ``other`` under the smaller root ``root`` and move its members there."""

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
        self._join(ra, rb)
        return True

    def same(self, a: K, b: K) -> bool:
        """Whether ``a`` and ``b`` are in one group."""
        return self.find(a) == self.find(b)


class UnionFind(_DisjointSets[K]):
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

    def _join(self, root: K, other: K) -> None:
        self._parent[other] = root
        self._members[root].extend(self._members.pop(other))

    def members(self, item: K) -> list[K]:
        """Every item of ``item``'s group (in the order they joined)."""
        return self._members[self.find(item)]

    def groups(self) -> Iterator[list[K]]:
        """Each group once, as the list of its members."""
        return iter(self._members.values())

    def mapping(self) -> dict[K, K]:
        """Item -> root, for the items that are not their own root."""
        return {k: r for k in self._parent if (r := self.find(k)) != k}


class DenseUnionFind(_DisjointSets[int]):
    """:class:`UnionFind` over the ints ``0 .. n - 1``, in about 4 bytes an item.

    For stages that group a whole input's items by position (figure grouping: one figure a row of
    a 240,000-row table, issue 10): the parents are one ``array('i')`` and a member list exists
    only for groups of two or more, where :class:`UnionFind` keeps two dict entries and a list for
    every item.  Same rules: path halving, the smallest item is the root, ``can_join`` may
    refuse, members in the order they joined, groups in the order of their roots.
    """

    __slots__ = ("_parent", "_members")

    def __init__(self, n: int) -> None:
        self._parent = array("i", range(n))
        self._members: dict[int, list[int]] = {}

    def find(self, item: int) -> int:
        """The root of ``item``'s group (the group's smallest item)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def _join(self, root: int, other: int) -> None:
        self._parent[other] = root
        members = self._members
        joined = members.pop(other, None) or [other]
        mine = members.get(root)
        if mine is None:
            members[root] = [root, *joined]
        else:
            mine.extend(joined)

    def size(self, item: int) -> int:
        """How many items ``item``'s group holds."""
        members = self._members.get(self.find(item))
        return 1 if members is None else len(members)

    def members(self, item: int) -> list[int]:
        """Every item of ``item``'s group (in the order they joined; a new list for a single)."""
        root = self.find(item)
        return self._members.get(root) or [root]

    def groups(self) -> Iterator[list[int]]:
        """Each group once, as the list of its members, in the order of their roots."""
        parent, members = self._parent, self._members
        for i in range(len(parent)):
            if parent[i] == i:
                yield members.get(i) or [i]
