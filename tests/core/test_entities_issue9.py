"""Entity rules for a sidebar an analyst can trust (issue 9): names kept, words dropped, types from
cue words, short forms resolved as a reader does.  Each rule is checked with the issue's example
and with one of our own, so a list of the examples' strings could not pass."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.entities import find_entities
from tests.core.test_entities import article, by_variant, check_offsets, names


def _same(ents, a: str, b: str) -> bool:
    return by_variant(ents, a) is by_variant(ents, b)


def _type(ents, variant: str) -> str:
    return by_variant(ents, variant).type


# --- detection: words are not names -----------------------------------------------------------


@pytest.mark.parametrize(
    "word, lower",
    [
        ("North", "The talks in the north of the country went on."),
        ("Summit", "The summit was held in a hotel."),
        ("Workers", "Later the workers were tired."),
        ("Retreat", "The army began a retreat at dawn."),
    ],
)
def test_capitalised_common_word_the_story_writes_in_lower_case_is_not_a_name(word, lower):
    arts = [
        article(
            f"Envoys said the {word} stalled on Tuesday.",
            lower,
            "Nadia Kovar met Tomas Brel in Vienna.",
        )
    ]
    ents = find_entities(arts)
    assert word not in names(ents)
    assert {"Nadia Kovar", "Tomas Brel", "Vienna"} <= names(ents)
    check_offsets(arts, ents)


def test_surname_that_is_also_a_common_word_stays_when_it_ends_a_full_name():
    arts = [article("Kimani Gray was shot.", "Gray was 16.", "She wore a gray coat.")]
    ents = find_entities(arts)
    assert _same(ents, "Kimani Gray", "Gray")


@pytest.mark.parametrize(
    "shout, lower",
    [
        ("COLLUSION", "He denied any collusion with them."),
        ("OBSTRUCTION", "The charge was obstruction of justice."),
        ("RETREAT", "The army began a retreat at dawn."),
    ],
)
def test_all_capitals_emphasis_is_not_a_name(shout, lower):
    ents = find_entities([article(f"Ravel wrote: NO {shout}!", lower)])
    assert shout not in names(ents)


def test_acronym_never_written_in_lower_case_stays():
    ents = find_entities([article("NATO met in Brussels.", "The FBI and the WHO agreed.")])
    assert {"NATO", "FBI"} <= names(ents)


@pytest.mark.parametrize("abbr", ["PM", "EDT", "GMT", "SUV", "MBA", "AM"])
def test_time_zones_units_and_degrees_are_not_names(abbr):
    ents = find_entities(
        [
            article(f"Updated 3:15 {abbr} on Friday, Dana Wolcott said."),
            article(f"At 4 {abbr}, Wolcott left."),
        ]
    )
    assert abbr not in names(ents)
    assert "Dana Wolcott" in names(ents)


# --- organisation names keep inner words -----------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Center for Biological Diversity",
        "Society for Conservation Biology",
        "Campaign for Clean Air",
    ],
)
def test_for_stays_inside_an_organisation_name(name):
    ents = find_entities([article(f"The {name} sued on Monday.")])
    assert name in names(ents)
    assert _type(ents, name) == "organization"


def test_for_between_two_names_still_separates_them():
    ents = find_entities([article("Lina Ostrova voted for Pavel Dorn.")])
    assert {"Lina Ostrova", "Pavel Dorn"} <= names(ents)


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "U.S. Customs and Border Protection said on Monday.",
            "U.S. Customs and Border Protection",
        ),
        (
            "Immigration and Customs Enforcement said on Monday.",
            "Immigration and Customs Enforcement",
        ),
        (
            "She was Chair of the Federation of State Medical Boards of the United States.",
            "Federation of State Medical Boards",
        ),
    ],
)
def test_organisation_names_with_and_or_of_stay_whole(text, name):
    ents = find_entities([article(text)])
    assert any(e.name.startswith(name) for e in ents), names(ents)


# --- types from cue words --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Korean Armistice Agreement", "other"),
        ("Nelson Mandela Award", "other"),
        ("Hurricane Katrina", "other"),
        ("Pacific Partnership", "organization"),
        ("Homeland Security", "organization"),
        ("Duke University", "organization"),
        ("Scientific Integrity Program", "organization"),
        ("Federation of State Medical Boards", "organization"),
    ],
)
def test_type_comes_from_cue_words_anywhere_in_the_name(name, expected):
    ents = find_entities(
        [
            article(
                f"Officials in {name} said the plan was ready.",
                f"Orlo Vance praised {name} on Friday.",
            )
        ]
    )
    got = _type(ents, name)
    assert got == expected if expected != "organization" else got in ("organization",), (name, got)


@pytest.mark.parametrize("name", ["Le Monde", "La Croisette"])
def test_names_opening_with_an_article_are_not_people(name):
    ents = find_entities([article(f"Reporters saw {name} on Friday.")])
    assert _type(ents, name) != "person"


@pytest.mark.parametrize("name", ["Twitter", "YouTube", "New York Times"])
def test_known_networks_and_newspapers_are_organisations(name):
    ents = find_entities([article(f"He posted on {name} that the deal was off.")])
    assert _type(ents, name) == "organization"


@pytest.mark.parametrize(
    "text, place",
    [
        ("They met in Palm Springs, Calif. on Monday.", "Calif"),
        ("He lives in Tulsa, Okla.", "Okla"),
    ],
)
def test_state_abbreviations_are_places(text, place):
    ents = find_entities([article(text)])
    assert any(e.type == "place" and e.name.startswith(place) for e in ents), [
        (e.name, e.type) for e in ents
    ]


# --- short forms ------------------------------------------------------------------------------


def test_bare_and_titled_surname_go_to_the_most_prominent_person():
    arts = [
        article(
            "Donald Trump spoke in Ohio.",
            "President Trump said the deal was done.",
            "Donald Trump Jr. tweeted.",
        ),
        article(
            "Mr. Trump met Donald Trump at the rally.",
            "Trump later left.",
            "Donald Trump thanked the crowd.",
        ),
    ]
    ents = find_entities(arts)
    assert _same(ents, "Donald Trump", "Trump")
    assert not _same(ents, "Donald Trump", "Donald Trump Jr.")


def test_surname_first_names_link_their_bare_surname_and_two_kims_stay_apart():
    arts = [
        article("Kim Jong-un met Moon Jae-in.", "Kim said the talks went well.", "Moon agreed."),
        article(
            "Kim Jong-un arrived.",
            "Kim Yo-jong, his sister, came too.",
            "Kim Jong-un and Moon spoke.",
        ),
    ]
    ents = find_entities(arts)
    assert _same(ents, "Kim Jong-un", "Kim")
    assert _same(ents, "Moon Jae-in", "Moon")
    assert not _same(ents, "Kim Jong-un", "Kim Yo-jong")


@pytest.mark.parametrize(
    "titled, plain",
    [
        ("Special Counsel Robert Mueller", "Robert Mueller"),
        ("Professor Lena Brandt", "Lena Brandt"),
        ("President-elect Barack Obama", "Barack Obama"),
    ],
)
def test_titles_are_cut_even_when_capitalised(titled, plain):
    ents = find_entities([article(f"{titled} spoke on Monday."), article(f"{plain} spoke again.")])
    assert plain in names(ents)
    assert titled not in names(ents)


def test_middle_initial_and_suffix_do_not_block_a_merge():
    ents = find_entities(
        [article("Robert S. Mueller III testified."), article("Robert Mueller left.")]
    )
    assert _same(ents, "Robert S. Mueller III", "Robert Mueller")


@pytest.mark.parametrize(
    "short, long",
    [
        ("U.N. Command", "United Nations Command"),
        ("U.S. Army Corps", "United States Army Corps"),
    ],
)
def test_alias_prefix_links_to_the_spelled_out_name(short, long):
    ents = find_entities([article(f"The {long} said so."), article(f"The {short} agreed.")])
    assert _same(ents, short, long)


def test_acronym_links_to_long_form_named_elsewhere_in_the_story():
    arts = [
        article("U.S. Customs and Border Protection agents arrived."),
        article("A CBP spokesman declined to comment."),
    ]
    ents = find_entities(arts)
    assert _same(ents, "CBP", "U.S. Customs and Border Protection")


def test_well_known_acronym_links_to_its_long_form():
    arts = [
        article("Immigration and Customs Enforcement agents came."),
        article("ICE said nothing."),
    ]
    ents = find_entities(arts)
    assert _same(ents, "ICE", "Immigration and Customs Enforcement")


@pytest.mark.parametrize(
    "place, variant",
    [("Pyongyang", "Pyongang"), ("Singapore", "Singapure"), ("Jerusalem", "Jerusalen")],
)
def test_one_or_two_letter_variant_of_a_known_place_links(place, variant):
    ents = find_entities(
        [article(f"Talks in {place} ended."), article(f"In {variant}, talks ended.")]
    )
    assert _same(ents, place, variant)
    assert by_variant(ents, place).name == place


def test_white_house_never_merges_with_house():
    arts = [
        article("The White House said the House would vote."),
        article("The House passed it; the White House agreed."),
    ]
    ents = find_entities(arts)
    assert not _same(ents, "White House", "House")


def test_unknown_given_name_joins_the_person_whose_surname_is_used_alone():
    arts = [
        article("Zarek Mundell was arrested.", "Mundell denied it."),
        article("Police said Zarek was 19."),
    ]
    ents = find_entities(arts)
    assert _same(ents, "Zarek", "Zarek Mundell")


def test_product_names_do_not_take_the_company_short_form():
    arts = [article("Vexacorp released Vexacorp Word.", "Vexacorp said sales rose.")]
    ents = find_entities(arts)
    assert not _same(ents, "Vexacorp", "Vexacorp Word")


def test_spacing_variants_of_one_name_link():
    ents = find_entities(
        [article("The Portland Trail Blazers won."), article("The Portland Trailblazers lost.")]
    )
    assert _same(ents, "Portland Trail Blazers", "Portland Trailblazers")


# --- display name ------------------------------------------------------------------------------


def test_display_name_is_never_a_one_off_misspelling():
    arts = [
        article("Deputy Dario Sepe was hurt.", "Dario Sepe is in hospital.", "Sepe is 31."),
        article("Deputy Dario Sepy was hurt.", "Sepe was released."),
    ]
    ents = find_entities(arts)
    e = by_variant(ents, "Dario Sepy")
    assert e.name == "Dario Sepe"


# --- more detection and typing rules ----------------------------------------------------------


@pytest.mark.parametrize("compound", ["Russian-Ukrainian", "Israeli-Palestinian"])
def test_adjective_compounds_of_demonyms_are_not_names(compound):
    ents = find_entities([article(f"The {compound} talks failed, Oren Lasky said.")])
    assert compound not in names(ents)


def test_group_named_by_a_plural_demonym_is_not_the_country():
    arts = [
        article("Christian North Koreans fled.", "North Korea denied it."),
        article("North Koreans were angry at North Korea."),
    ]
    ents = find_entities(arts)
    assert "Christian North Koreans" not in names(ents)
    assert all(v != "North Koreans" for v in by_variant(ents, "North Korea").variants)


@pytest.mark.parametrize(
    "title", ["Angel in a White Coat", "Changing the Face of Medicine", "A Higher Loyalty"]
)
def test_quoted_title_of_a_work_is_one_name_and_not_a_person(title):
    arts = [article(f'She wrote "{title}" in 2009, Mira Holt said.')]
    ents = find_entities(arts)
    e = by_variant(ents, title)
    assert e.type == "other"
    check_offsets(arts, ents)


def test_quoted_speech_is_not_a_title():
    ents = find_entities([article('"We will win this," Mira Holt said.')])
    assert "We will win this" not in names(ents)


@pytest.mark.parametrize("name", ["Sheriff's Department", "Children's Hospital"])
def test_possessive_before_an_organisation_head_stays_inside(name):
    ents = find_entities([article(f"He worked for the Los Angeles County {name} for years.")])
    assert any(e.name.endswith(name) and e.type == "organization" for e in ents), [
        (e.name, e.type) for e in ents
    ]


def test_office_before_a_title_keeps_its_place_without_the_modifier():
    ents = find_entities([article("Assistant Oakland County Prosecutor Rob Novy spoke.")])
    assert {"Oakland County", "Rob Novy"} <= names(ents)


def test_spaced_initials_are_not_the_article_a():
    ents = find_entities([article("He shot an L. A. County deputy on Friday.")])
    assert "L. A. County" in names(ents)


@pytest.mark.parametrize("initial", ["D.", "E."])
def test_a_lone_initial_is_not_a_name(initial):
    ents = find_entities([article(f"They met on {initial} 52nd St. near the park.")])
    assert initial not in names(ents)


def test_unknown_acronym_after_in_is_still_an_organisation():
    ents = find_entities(
        [article("She trained at NLM for a year.", "Later she worked in NLM offices.")]
    )
    assert _type(ents, "NLM") == "organization"


def test_city_comma_state_abbreviation_makes_a_place():
    ents = find_entities(
        [article("Brandon, Miss., voted for him.", "Officials said Brandon had grown.")]
    )
    assert _type(ents, "Brandon") == "place"


def test_presidency_after_a_name_makes_it_a_person():
    ents = find_entities(
        [
            article(
                "The Zorlan presidency ended early.",
                "Critics of the Zorlan presidency disagreed.",
            )
        ]
    )
    assert _type(ents, "Zorlan") == "person"


def test_ampersand_name_is_an_organisation():
    ents = find_entities([article("They bought food at Halo Grill & Grocery on Monday.")])
    assert _type(ents, "Halo Grill & Grocery") == "organization"


def test_middle_initial_and_suffix_make_a_person():
    ents = find_entities([article("Hugh W. Sloan Jr. testified.")])
    assert _type(ents, "Hugh W. Sloan Jr.") == "person"


def test_longer_organisation_is_not_a_short_form_target_by_inner_words():
    arts = [article("The University of South Alabama opened.", "The University of Alabama closed.")]
    ents = find_entities(arts)
    assert not _same(ents, "University of Alabama", "University of South Alabama")


def test_short_form_far_from_the_other_bearer_keeps_the_prominent_one():
    arts = [
        article("Donald Trump spoke.", "Donald Trump left.", "Donald Trump returned."),
        article(
            "Donald Trump Jr. tweeted about the rally.",
            "Trump Jr. was not there.",
            "The crowd waited.",
            "Aides said little.",
            "Police closed roads.",
            "President Trump then spoke for an hour.",
        ),
    ]
    ents = find_entities(arts)
    pres = by_variant(ents, "Donald Trump")
    far = [m for m in pres.mentions if m.article == 1]
    assert any(m.paragraph == 5 for m in far), "the far 'Trump' should be the president"
    assert not _same(ents, "Donald Trump", "Donald Trump Jr.")


# --- properties -------------------------------------------------------------------------------

_issue_words = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "Angel",
        "in",
        "a",
        "White",
        "Coat",
        "for",
        "Center",
        "Sheriff's",
        "Department",
        "&",
        "Grill",
        "L.",
        "A.",
        "County",
        "Russian-Ukrainian",
        "North",
        "Koreans",
        "Korea",
        "COLLUSION",
        "collusion",
        "PM",
        "EDT",
        "Kim",
        "Jong-un",
        "Trump",
        "Jr.",
        "President-elect",
        "of",
        "the",
        "University",
        "Alabama",
        "Calif.",
        ",",
        ".",
        "Chair",
        "Secretary",
        "Health",
        "administration",
    ]
)
_issue_texts = st.lists(st.one_of(_issue_words, st.text(max_size=6)), max_size=40).map(" ".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_issue_texts, min_size=1, max_size=3), min_size=1, max_size=3))
def test_offsets_stay_valid_with_the_new_rules(docs):
    arts = [article(*paras) for paras in docs]
    ents = find_entities(arts)
    check_offsets(arts, ents)
    for i, e in enumerate(ents):
        assert e.id == i and e.name in e.variants
        assert e.type in ("person", "organization", "place", "other")


def test_short_form_of_a_name_spaced_differently_still_links():
    arts = [
        article("The Portland Trail Blazers won."),
        article("The Portland Trailblazers lost.", "The Trail Blazers said so."),
    ]
    ents = find_entities(arts)
    assert _same(ents, "Trail Blazers", "Portland Trailblazers")


def test_city_police_short_name_links_to_its_acronym():
    ents = find_entities(
        [article("New York Police said the man fled."), article("The NYPD said he fled.")]
    )
    assert _same(ents, "NYPD", "New York Police")


def test_subject_of_a_body_is_not_the_body():
    arts = [
        article("The Senate Watergate committee met.", "Watergate changed politics."),
        article("Watergate was a scandal."),
    ]
    ents = find_entities(arts)
    assert not any(
        "Watergate" in e.variants and any(v.startswith("Senate") for v in e.variants) for e in ents
    )


def test_surname_first_name_keeps_its_bare_surname_even_if_a_common_word():
    arts = [article("Moon Jae-in met envoys.", "Officials said Moon agreed.", "The moon was full.")]
    ents = find_entities(arts)
    assert _same(ents, "Moon Jae-in", "Moon")


def test_the_field_of_a_department_is_its_short_form():
    arts = [
        article("The Department of Interior issued rules."),
        article("A spokesman for Interior declined to comment."),
    ]
    ents = find_entities(arts)
    assert _same(ents, "Interior", "Department of Interior")
