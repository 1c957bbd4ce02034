"""Linking rules of linking round 8 (issue 9, branch s18-matching2): wrong merges kept apart by
general rules, each checked on sentences of our own, not the strings of ECB+."""

from __future__ import annotations

from tests.core.test_entities import by_variant, entities_of

# --- a compass word before a one-word place names another place ----------------------------------


def test_directional_prefix_names_another_place():
    ents = entities_of(
        "Protesters marched through East Flatbush on Monday night.",
        "Gang members from Flatbush were seen near the store.",
        "The vigil in East Flatbush ended peacefully.",
    )
    east = by_variant(ents, "East Flatbush")
    assert {m.text for m in east.mentions} == {"East Flatbush"}
    assert any(e.name == "Flatbush" for e in ents)


def test_directional_prefix_of_our_own_kind():
    ents = entities_of(
        "Flooding hit Lower Dunmore on Tuesday as the river rose.",
        "Residents of Dunmore, across the valley, were spared.",
        "Rescuers reached Lower Dunmore by boat.",
    )
    lower = by_variant(ents, "Lower Dunmore")
    assert {m.text for m in lower.mentions} == {"Lower Dunmore"}


def test_surname_after_no_prefix_still_links():
    # A direction as a surname ends the name; the bare surname is still the person.
    ents = entities_of(
        "The singer Carla West released an album on Friday.",
        "West said the album took two years.",
    )
    person = by_variant(ents, "Carla West")
    assert [m.text for m in person.mentions] == ["Carla West", "West"]
