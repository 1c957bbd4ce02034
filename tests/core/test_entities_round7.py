"""Entity rules of the seventh issue-9 round (benchmarks/eval_sidebar.py, eval_ecbplus.py): each
rule is checked with sentences of our own, not the strings of the data sets."""

from __future__ import annotations

from tests.core.test_entities import by_variant, entities_of


def _type(ents, variant: str) -> str:
    return by_variant(ents, variant).type


# --- context cues read at the name's end (they were anchored with "^" and never fired) -------


def test_agency_in_parentheses_before_a_dash_is_an_organisation():
    ents = entities_of("Dunmore (Zentrix) - A fire destroyed a barn on Friday.")
    assert _type(ents, "Zentrix") == "organization"


def test_possessive_spokesman_or_shares_make_an_organisation():
    assert _type(entities_of("On Monday Kelvara's spokesman said it would appeal."), "Kelvara") == (
        "organization"
    )
    assert _type(entities_of("Analysts said Kelvara's shares fell."), "Kelvara") == "organization"


def test_based_suffix_makes_a_place():
    ents = entities_of("The Dunmore-based charity handed out food.")
    assert _type(ents, "Dunmore") == "place"


def test_dateline_in_capitals_is_a_place():
    ents = entities_of("ZELMORE, Vantia - A fire destroyed a barn on Friday.")
    assert _type(ents, "ZELMORE") == "place"


def test_title_case_headline_before_a_dash_is_no_dateline():
    # "Kelvara Stadler" opens a paragraph before " - ", but in Title Case: no place vote
    ents = entities_of("Kelvara Stadler - Cheers For The Champion", "Fans cheered Kelvara Stadler.")
    assert _type(ents, "Kelvara Stadler") == "person"


def test_numbers_and_lower_case_words_after_a_comma_are_no_dateline():
    # ECB+ spaces its hyphens: "Ortiz, 35, was a 15 - year member" is a clause, not a dateline
    ents = entities_of(
        "Tarrow, 35, was a 15 - year member of the club, the coach said.",
        "The coach thanked Tarrow on Sunday.",
    )
    assert _type(ents, "Tarrow") == "person"


# --- a dateline's agency defines no acronym ---------------------------------------------------


def test_dateline_agency_is_not_an_acronym_of_the_place():
    ents = entities_of(
        "MARVILLE (Zentrix) - The mayor resigned on Monday.",
        "Officials in Marville said Zentrix had the story first.",
    )
    place, agency = by_variant(ents, "Marville"), by_variant(ents, "Zentrix")
    assert place is not agency
    assert place.type == "place" and agency.type == "organization"
    assert by_variant(ents, "MARVILLE") is place


def test_dateline_agency_after_place_and_country_stays_apart():
    ents = entities_of("BELGRADE, Serbia (AP) - The minister resigned on Monday.")
    assert by_variant(ents, "AP") is not by_variant(ents, "Serbia")


def test_acronym_definition_in_a_sentence_still_links():
    ents = entities_of(
        "The Coastal Rescue Agency (CRA) - a volunteer body - sent two boats.",
        "A CRA boat reached the ship first.",
    )
    assert by_variant(ents, "CRA") is by_variant(ents, "Coastal Rescue Agency")


# --- a three-word heading is read as a headline ---------------------------------------------


def test_three_word_heading_of_common_words_is_no_name():
    ents = entities_of(
        "Several Aggravating Factors",
        "The jury found aggravating factors in the case against Tom Reyes.",
    )
    assert not any("Aggravating" in v for e in ents for v in e.variants)
    assert by_variant(ents, "Tom Reyes").type == "person"


def test_three_word_headline_keeps_its_place():
    ents = entities_of("Earthquake Rattles Qeshm", "The quake hit Qeshm island on Sunday.")
    q = by_variant(ents, "Qeshm")
    assert all(m.text == "Qeshm" for m in q.mentions) and len(q.mentions) == 2


def test_three_word_byline_keeps_the_full_name():
    ents = entities_of("By Jane Kowalski", "The council met on Monday in Dayton.")
    assert by_variant(ents, "Jane Kowalski").type == "person"


# --- "a statement to X", "confirmed to X": X is an outlet -------------------------------------


def test_statement_or_confirmation_to_a_name_makes_an_outlet():
    ents = entities_of(
        "A court spokesman confirmed to Glimmer that the order was signed.",
        "The lawyer said in a statement to Glimmer that his client was well.",
    )
    assert _type(ents, "Glimmer") == "organization"


def test_going_to_a_name_stays_a_place():
    ents = entities_of("The family moved to Glimmer in May.", "Later they drove to Glimmer again.")
    assert _type(ents, "Glimmer") == "place"


# --- a street's bare stem is the street -----------------------------------------------------


def test_bare_stem_of_a_street_is_a_place():
    ents = entities_of(
        "Protesters gathered on Corbin Avenue on Monday night.",
        "“I am in the middle of it at Maple and Corbin in my district,” the councilman said.",
    )
    assert _type(ents, "Corbin") == "place"


def test_stem_that_is_also_a_surname_keeps_the_person():
    ents = entities_of(
        "Tom Corbin lives on Corbin Avenue, which is named after his grandfather.",
        "Corbin said the city never asked him.",
    )
    assert _type(ents, "Tom Corbin") == "person"
    assert by_variant(ents, "Corbin").type == "person"


# --- one member of a group named in the plural ----------------------------------------------


def test_one_member_of_a_plural_group_is_no_name():
    ents = entities_of(
        "Police said the Vipers and the Hornets fought near the park.",
        "He took a chain from the Viper and ran, a witness said.",
        "A Viper was arrested later.",
    )
    assert not any("Viper" in e.variants for e in ents)
    assert by_variant(ents, "Vipers").type == "organization"


def test_surname_beside_a_family_in_the_plural_is_kept():
    ents = entities_of(
        "Kimo Orlan, 16, was shot on Saturday.",
        "The Orlans said he was an Orlan to the core.",
    )
    assert by_variant(ents, "Kimo Orlan") is by_variant(ents, "Orlan")
