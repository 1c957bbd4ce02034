"""The rules behind n/p, "match k of N" and the overview grid, without Textual."""

from __future__ import annotations

from reader.core.model import Analysis
from reader.ui.fact_grid import FactFilter, arrange, build_rows
from reader.ui.navigation import NavIndex
from reader.ui.stops import Stops, hidden_partners

from .conftest import outlets_analysis, story_analysis


def test_total_is_the_same_whichever_article_leads() -> None:
    analysis = story_analysis(3)
    stops = Stops(NavIndex(analysis), [0, 1, 2])
    ranks = [sorted(stops._entries(lead).rank.values()) for lead in range(3)]
    assert ranks[0] == ranks[1] == ranks[2] == list(range(1, stops.total + 1))


def test_every_paragraph_with_a_shown_partner_is_an_entry() -> None:
    analysis = story_analysis(2)
    nav = NavIndex(analysis)
    stops = Stops(nav, [0, 1])
    for lead in (0, 1):
        for p in nav.per_article[lead].matched:
            assert stops.entry_at(lead, p) is not None
    # A3 is matched with B3 and B4 (a split): one stop, two entries when B leads.
    assert stops.group_of((1, 3)) == stops.group_of((1, 4)) == stops.group_of((0, 3))
    assert stops.total == 7


def test_a_stop_the_leading_article_lacks_is_parked_not_skipped() -> None:
    analysis = outlets_analysis(4)  # "not-A": the suspect fact is in B, C, D only
    stops = Stops(NavIndex(analysis), [0, 1, 2])
    suspect = stops.group_of((1, 3))
    assert suspect is not None and 0 not in stops.members[suspect]
    assert stops.entry_at(0, -1, parked=suspect) is not None
    seen = set()
    entry = stops.step(0, None, 0, 1)
    for _ in range(len(stops._entries(0).items)):
        assert entry is not None
        seen.add(stops.entry(0, entry)[1])
        entry = stops.step(0, entry, 0, 1)
    assert seen == set(range(stops.total))


def test_facts_relate_members_whose_core_is_hidden() -> None:
    analysis = outlets_analysis(6)
    nav = NavIndex(analysis)
    # The first fact's core is A; with A hidden, B and C are matched only with A...
    assert not [r for r in nav.partners((1, 0)) if r[0] == 2]
    stops = Stops(nav, [1, 2])
    # ...yet they report the same fact, so they are one stop.
    assert stops.group_of((1, 0)) == stops.group_of((2, 0)) is not None
    assert hidden_partners(analysis, nav, (1, 0), [1, 2]) == [0, 3, 4, 5]


def test_step_wraps_and_previous_skips_the_current_place() -> None:
    stops = Stops(NavIndex(story_analysis(2)), [0, 1])
    first = stops.step(0, None, 0, 1)
    assert first is not None and stops.entry(0, first)[0] == 1  # after A1 (the cursor)
    last = stops.step(0, None, 0, -1)
    assert last is not None and stops.entry(0, last)[0] == 9  # wraps to the end
    assert stops.step(0, 0, 0, -1) == len(stops._entries(0).items) - 1


def test_no_stops_without_shared_paragraphs() -> None:
    analysis = story_analysis(2)
    empty = Analysis(analysis.articles, [])
    stops = Stops(NavIndex(empty), [0, 1])
    assert stops.total == 0 and stops.step(0, None, 0, 1) is None


def test_grid_rows_tiers_sort_and_filters() -> None:
    analysis = outlets_analysis(5)
    rows = build_rows(analysis, NavIndex(analysis))
    assert len(rows) == len(analysis.facts)
    first = rows[0]
    assert first.coverage == 5
    assert first.cells[0] == (1, "clear")  # the core takes its strongest link
    assert first.cells[1] == (1, "supported") and first.cells[2] == (1, "clear")
    only_a = next(r for r in rows if r.articles == (0,))
    assert only_a.cells == {0: (1, "only")}
    by_cover = arrange(rows, 5, "coverage", None)
    assert [r.coverage for r in by_cover] == sorted((r.coverage for r in rows), reverse=True)
    assert [r.first for r in arrange(rows, 5, "position", None)] == sorted(r.first for r in rows)
    assert [r.coverage for r in arrange(rows, 5, "position", FactFilter("in-all"))] == [5]
    only_b = arrange(rows, 5, "position", FactFilter("only", 1))
    assert [r.articles for r in only_b] == [(1,)]
    missing_a = arrange(rows, 5, "position", FactFilter("missing", 0))
    assert missing_a and all(0 not in r.cells for r in missing_a)
    assert FactFilter("missing", 0).describe() == "missing from A"


def test_a_member_not_matched_with_the_core_is_linked() -> None:
    analysis = outlets_analysis(3)
    fact = analysis.facts[0]
    analysis = Analysis(
        analysis.articles,
        [m for m in analysis.matches if fact.members[2] not in (m.left, m.right)],
        facts=analysis.facts,
    )
    rows = build_rows(analysis, NavIndex(analysis))
    assert rows[0].cells[fact.members[2][0]][1] == "linked"


def test_a_fact_member_counts_only_through_a_kept_match() -> None:
    analysis = outlets_analysis(6)
    core, member = (0, 0), (2, 0)
    # The analyst rejected C1's match with the fact's core (or ``t`` hid it): B1 and C1 still
    # share the fact, but nothing on screen links them any more.
    kept = [m for m in analysis.matches if {m.left, m.right} != {core, member}]
    trimmed = Analysis(analysis.articles, kept, facts=analysis.facts)
    stops = Stops(NavIndex(trimmed), [1, 2])
    assert stops.group_of((2, 0)) is None or stops.group_of((2, 0)) != stops.group_of((1, 0))
    assert Stops(NavIndex(analysis), [1, 2]).group_of((2, 0)) is not None
