"""The shared union-find: groups are transitive closures, roots are smallest items, guards refuse."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from reader.core.unionfind import DenseUnionFind, UnionFind


def test_union_joins_transitively_and_root_is_smallest() -> None:
    uf: UnionFind[int] = UnionFind(range(5))
    assert uf.union(3, 4)
    assert uf.union(4, 1)
    assert uf.same(3, 1)
    assert uf.find(4) == 1
    assert sorted(uf.members(3)) == [1, 3, 4]
    assert not uf.same(0, 2)
    assert uf.mapping() == {3: 1, 4: 1}


def test_guard_sees_both_roots_and_can_refuse() -> None:
    uf: UnionFind[str] = UnionFind()
    seen: list[tuple[str, str]] = []

    def refuse(a: str, b: str) -> bool:
        seen.append((a, b))
        return False

    assert uf.union("kiev", "kyiv")
    assert not uf.union("kyiv", "odesa", refuse)
    assert seen == [("kiev", "odesa")]
    assert not uf.same("kiev", "odesa")
    assert uf.union("kyiv", "kyiv", refuse)  # already one group: the guard is not asked
    assert len(seen) == 1


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=60))
def test_groups_equal_connected_components(links: list[tuple[int, int]]) -> None:
    uf: UnionFind[int] = UnionFind(range(31))
    for a, b in links:
        uf.union(a, b)
    # Reference: components by repeated relaxation.
    label = list(range(31))
    changed = True
    while changed:
        changed = False
        for a, b in links:
            low = min(label[a], label[b])
            if label[a] != low or label[b] != low:
                label[a] = label[b] = low
                changed = True
    for i in range(31):
        comp = {j for j in range(31) if label[j] == label[i]}
        assert set(uf.members(i)) == comp
        assert uf.find(i) == min(comp)
    assert sorted(x for g in uf.groups() for x in g) == list(range(31))


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.booleans()), max_size=60),
)
def test_dense_union_find_behaves_as_the_general_one(
    links: list[tuple[int, int, bool]],
) -> None:
    """Same roots, same members in the same order, same groups in the same order, and the
    guard asked with the same roots: figure grouping swapped one for the other (issue 10)."""
    general: UnionFind[int] = UnionFind(range(31))
    dense = DenseUnionFind(31)
    asked: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])

    def guard(seen: list[tuple[int, int]], allow: bool) -> Callable[[int, int], bool]:
        def ask(a: int, b: int) -> bool:
            seen.append((a, b))
            return allow

        return ask

    for a, b, allow in links:
        assert general.union(a, b, guard(asked[0], allow)) == dense.union(
            a, b, guard(asked[1], allow)
        )
    assert asked[0] == asked[1]
    for i in range(31):
        assert dense.find(i) == general.find(i)
        assert dense.members(i) == general.members(i)
        assert dense.size(i) == len(general.members(i))
        assert dense.same(i, 0) == general.same(i, 0)
    assert list(dense.groups()) == list(general.groups())
