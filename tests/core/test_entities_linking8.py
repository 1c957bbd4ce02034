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


# --- editions of a recurring event never merge ---------------------------------------------------


def named(ents, name):
    (e,) = [e for e in ents if e.name == name]
    return e


def _names(ents):
    return {e.name: sorted(m.text for m in e.mentions) for e in ents}


def test_editions_by_year_stay_apart_and_bare_names_join_the_story_edition():
    ents = entities_of(
        "Mara Quint wins 2019 Halvorsen Prize",
        "The Halvorsen Prize jury praised her second novel on Monday.",
        "She was shortlisted for the 2015 Halvorsen Prize with her first book.",
        "The Halvorsen Prize carries a purse of 50,000 euros.",
    )
    main = named(ents, "Halvorsen Prize")
    assert len(main.mentions) == 3  # the headline's 2019 edition and the two bare mentions
    (old,) = [e for e in ents if e.name == "2015 Halvorsen Prize"]
    assert [m.paragraph for m in old.mentions] == [2]


def test_ordinals_convert_to_years_when_one_mention_gives_both():
    # "the 12th ... in 2008" makes the event yearly: the 15th is the 2011 edition.
    ents = entities_of(
        "Runners gather for the 2014 Dorset Marathon",
        "Kemboi won the 12th Dorset Marathon in 2008 and the 15th Dorset Marathon too.",
        "He also won the 2011 Dorset Marathon, his last.",
        "The Dorset Marathon starts at dawn.",
    )
    names = _names(ents)
    assert "12th Dorset Marathon" in names and len(names["12th Dorset Marathon"]) == 1
    assert "15th Dorset Marathon" in names and len(names["15th Dorset Marathon"]) == 2
    assert len(names["Dorset Marathon"]) == 2  # the 2014 headline and the bare mention


def test_editions_written_after_the_name_stay_apart():
    ents = entities_of(
        "Nora Vale will host the gala again, the network said on Friday.",
        "Vale is a veteran of live television.",
        "She hosted the Emmys in November 2001 after the show was delayed twice.",
        "She returned to host the Emmys in 2005, weeks after the storm.",
    )
    emmys = [e for e in ents if e.name.startswith("Emmys")]
    assert sorted(e.name for e in emmys) == ["Emmys (2001)", "Emmys (2005)"]


def test_a_company_with_years_after_it_is_not_split():
    # Only an event's name has editions: "joined X in 2010 ... left X in 2014" is one company.
    ents = entities_of(
        "Lund joined Halvorsen Group in 2010 as an engineer.",
        "He left Halvorsen Group in 2014 to found his own firm.",
    )
    group = named(ents, "Halvorsen Group")
    assert len(group.mentions) == 2


def test_one_edition_and_bare_names_are_not_split():
    ents = entities_of(
        "Critics previewed the 2019 Halvorsen Prize shortlist.",
        "The Halvorsen Prize will be awarded on Friday.",
    )
    assert len(named(ents, "Halvorsen Prize").mentions) == 2


# --- "the elder" / "the younger" before a shared surname -----------------------------------------


def test_the_elder_surname_is_the_father_named_sr():
    ents = entities_of(
        "Tom Benning, the oil executive, died on Sunday. Benning was 82.",
        "Benning built the firm in 1961. Tom Benning sold it in 1999.",
        "His father, Harold Benning Sr., founded a bank. The elder Mr. Benning went to jail.",
        "Benning never spoke of it.",
    )
    father = by_variant(ents, "Harold Benning Sr.")
    assert [m.text for m in father.mentions] == ["Harold Benning Sr.", "Benning"]
    tom = by_variant(ents, "Tom Benning")
    assert len(tom.mentions) == 5  # the father's paragraph aside


def test_the_younger_surname_is_the_son_named_jr():
    ents = entities_of(
        "Senator Paul Ostrander spoke on Monday. Ostrander said the bill would pass.",
        "Ostrander thanked his aides. Ostrander left at noon.",
        "His son, Paul Ostrander Jr., is a lawyer. The younger Ostrander declined to comment.",
    )
    son = by_variant(ents, "Paul Ostrander Jr.")
    assert [m.text for m in son.mentions] == ["Paul Ostrander Jr.", "Ostrander"]


# --- a body's name written in another town is not the long name of this town ---------------------


def test_body_in_another_town_is_not_this_towns_body():
    ents = entities_of(
        "Kessler was arraigned in Oakdale Municipal Court on Monday.",
        "Reporters waited outside the Oakdale courthouse.",
        "A Municipal Court jury in Linton convicted his partner last year.",
    )
    oakdale = by_variant(ents, "Oakdale Municipal Court")
    assert [m.text for m in oakdale.mentions] == ["Oakdale Municipal Court"]


def test_body_in_a_town_of_a_country_named_before_it_still_links():
    ents = entities_of(
        "He sued in the U.S. District Court on Friday.",
        "The District Court in Tulsa will hear the case in May.",
    )
    court = by_variant(ents, "U.S. District Court")
    assert len(court.mentions) == 2
