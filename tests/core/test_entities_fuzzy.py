"""The spelling-variant step of entity linking scores each block in RapidFuzz's loop: it must
join exactly the names the plain pairwise loop joined (same pairs, same order, so the
anti-chaining guard sees the same groups)."""

from __future__ import annotations

import importlib

from hypothesis import given
from hypothesis import strategies as st

# The module, not the package's ``link`` function of the same name.
L = importlib.import_module("reader.core.entities.link")

POOL = [
    "klitschko",
    "klistchko",
    "thompson",
    "thomson",
    "thomas",
    "tompson",
    "zelensky",
    "zelenskyy",
    "johnson",
    "johnston",
    "erdogan",
    "erdogen",
    "recep erdogan",
    "recept erdogan",
    "north korea",
    "north koreans",
    "dario sepe",
    "dario sepy",
    "dina",
    "dana",
    "vitali klitschko",
    "vitaly klitschko",
    "wladimir klitschko",
    "tony thompson",
    "toni thompson",
    "anna thompson",
]


def _reference(nodes: list[L._Node], uf: L._Clusters, cfg: L.LinkConfig) -> None:
    """Every pair of a block scored from Python, as the step was first written (the blocks
    are the step's own: what is compared here is the scoring of their pairs)."""
    score = L._scorer(cfg.scorer)
    seen: set[tuple[int, int]] = set()
    for members in L.name_blocks(nodes).values():
        for x in range(len(members)):
            a = nodes[members[x]]
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair in seen:
                    continue
                seen.add(pair)
                b = nodes[members[y]]
                ka, kb = " ".join(a.tokens), " ".join(b.tokens)
                if len(a.tokens) == 1:
                    if min(len(ka), len(kb)) < cfg.min_single_len or ka[0] != kb[0]:
                        continue
                    if score(ka, kb) < cfg.single_threshold and not L._transposed(ka, kb):
                        continue
                else:
                    if L._people_of(a.tokens[-1], b.tokens[-1]):
                        continue
                    if score(ka, kb) < cfg.threshold:
                        continue
                    if (
                        not L.tokens_compatible(a.tokens, b.tokens, cfg.token_threshold)
                        and not L._last_word_typo(a.tokens, b.tokens)
                        and not L._place_word_typo(a.tokens, b.tokens)
                    ):
                        continue
                uf.union(*pair)


def _groups(names: list[str], step) -> list[list[str]]:
    nodes = [L._Node(key=n, tokens=tuple(n.split()), acronym=False, gaz=None) for n in names]
    cfg = L.LinkConfig()
    uf = L._Clusters(nodes, cfg)
    step(nodes, uf, cfg)
    return sorted(sorted(names[m] for m in g) for g in uf.groups())


@given(st.lists(st.sampled_from(POOL), min_size=2, max_size=14, unique=True))
def test_block_scoring_joins_what_the_pairwise_loop_joined(names: list[str]) -> None:
    assert _groups(names, L._fuzzy) == _groups(names, _reference)


def test_swapped_letters_and_near_spellings_join_distinct_names_do_not() -> None:
    groups = _groups(["klitschko", "klistchko", "thompson", "thomson", "dina", "dana"], L._fuzzy)
    assert ["klistchko", "klitschko"] in groups  # two letters swapped, below the ratio cutoff
    assert ["thompson", "thomson"] in groups
    assert ["dana"] in groups and ["dina"] in groups  # short one-word names never fuzzy-join
