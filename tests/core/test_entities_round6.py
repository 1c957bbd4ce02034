"""Entity rules of the sixth issue-9 round (benchmarks/eval_sidebar.py, eval_ecbplus.py): each
rule is checked with sentences of our own, not the strings of the data sets."""

from __future__ import annotations

from reader.core.entities import find_entities
from tests.core.test_entities import article, by_variant, check_offsets, names


def _ents(*paragraphs: str):
    arts = [article(*paragraphs)]
    ents = find_entities(arts)
    check_offsets(arts, ents)
    return ents


# --- a capitalised common noun after a given name is a surname ------------------------------


def test_common_noun_after_a_given_name_is_the_surname():
    ents = _ents(
        "Linesman Peter Bloom knocked out Dave Haskins in the third round.",
        "The umpire, Dave Weeks, stopped the bout before Haskins could rise.",
    )
    got = names(ents)
    assert "Dave Weeks" in got
    weeks = by_variant(ents, "Dave Weeks")
    haskins = by_variant(ents, "Dave Haskins")
    assert weeks is not haskins
    assert "Dave" not in {v for v in haskins.variants}


def test_function_words_after_a_given_name_still_end_it():
    got = names(_ents("We asked Maria Ortega About the plan, said Tom Brandt Yesterday in Ohio."))
    assert "Maria Ortega" in got
    assert not any(n.endswith(("About", "Yesterday")) for n in got)
