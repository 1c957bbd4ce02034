"""Entity typing rules of stop 19 (issue 9; benchmarks/eval_sidebar.py, eval_ecbplus.py): each
rule is checked with the kind of example that showed it on the ECB+ gold and with our own."""

from __future__ import annotations

from tests.core.test_entities import by_variant, entities_of

# --- an appositive that is a body's own name types the short form before it -------------------


def test_appositive_body_name_makes_the_short_form_an_organisation():
    ents = entities_of(
        "He worked for Mitchell, who headed Crelp, the Campaign to Keep the Mayor, in 1972.",
        "Later he joined the inner circle at Crelp in Dunmore.",
    )
    assert by_variant(ents, "Crelp").type == "organization"
    ents = entities_of("Officials at Varnet, the Velmont Teachers Union, said talks failed.")
    assert by_variant(ents, "Varnet").type == "organization"


def test_appositive_with_a_capitalised_building_is_no_body():
    # "House" names a building as often as a body: it gives no vote.
    ents = entities_of("Lena Ford, the Harbour House manager, said the doors stayed shut.")
    assert by_variant(ents, "Lena Ford").type == "person"


def test_appositive_body_word_before_a_job_is_no_body_name():
    # "the Party official": the capitalised word modifies a job, the name is a person's.
    ents = entities_of("Kelvara Stadler, the Party official in charge, told reporters.")
    assert by_variant(ents, "Kelvara Stadler").type == "person"


# --- a shop after a name: the business, not its founder -------------------------------------


def test_name_before_store_or_boutique_is_a_business():
    ents = entities_of(
        "Thieves stole jewels from the Harold Vance boutique on a Paris avenue.",
        "The Harold Vance store had been robbed before, police said.",
    )
    assert by_variant(ents, "Harold Vance").type == "organization"


def test_person_without_a_shop_noun_stays_a_person():
    ents = entities_of("Harold Vance said the avenue was quiet.", "Vance left on Monday.")
    assert by_variant(ents, "Harold Vance").type == "person"


# --- "to" inside a body's name after its head word ------------------------------------------


def test_body_named_after_its_purpose_keeps_its_to():
    ents = entities_of(
        "The Committee to Protect Journalists said the reporter was held for two days.",
        "The Campaign to Stop Killer Robots welcomed the vote in Dunmore.",
    )
    assert by_variant(ents, "Committee to Protect Journalists").type == "organization"
    assert by_variant(ents, "Campaign to Stop Killer Robots").type == "organization"
    names = {v for e in ents for v in e.variants}
    assert "Protect" not in names and "Stop Killer Robots" not in names


def test_to_between_other_names_still_separates_them():
    ents = entities_of(
        "They sent the Committee to Washington on Monday.",
        "Kelvara Stadler to Visit Velmont Next Week, officials in Dunmore said.",
        "The Senate Committee to Hear Case on Kim was named.",
    )
    names = {v for e in ents for v in e.variants}
    assert "Washington" in names
    assert not any(" to " in n for n in names)


# --- a lawmaker's party-and-state tag is no name ---------------------------------------------


def test_party_and_state_tag_is_no_place():
    ents = entities_of(
        "Sen. Bob Corker, R-Tenn., said the summit was a gamble.",
        "Rep. Jerrold Nadler, D-N.Y., and Sen. Bernie Sanders, I-Vt., disagreed.",
    )
    names = {v for e in ents for v in e.variants}
    assert {"Bob Corker", "Jerrold Nadler", "Bernie Sanders"} <= names
    assert not any(n.startswith(("R-", "D-", "I-")) for n in names)


def test_hyphenated_name_with_a_capital_letter_first_is_kept():
    ents = entities_of("Officials in Wilkes-Barre said R-Tenn. is no name, but Wilkes-Barre is.")
    assert "Wilkes-Barre" in {v for e in ents for v in e.variants}


# --- a state written only as its abbreviation is listed under its name ----------------------


def test_lone_state_abbreviation_is_shown_as_the_state():
    ents = entities_of(
        "At Mar-a-Lago in Palm Beach, Fla., the president met his guests.",
        "Officials in Charleston, W. Va., said the plant closed.",
    )
    florida = by_variant(ents, "Fla")
    assert florida.name == "Florida" and florida.type == "place"
    assert by_variant(ents, "W. Va").name == "West Virginia"


def test_state_abbreviation_joins_the_state_written_out():
    ents = entities_of("The plant in Austin, Tex., closed.", "Texas officials agreed.")
    texas = by_variant(ents, "Tex")
    assert texas.name == "Texas"
    assert "Texas" in texas.variants


# --- "the North" of a story on North Korea ---------------------------------------------------


def test_bare_north_and_south_join_the_divided_country_of_the_story():
    ents = entities_of(
        "North Korea agreed to talks, and South Korea welcomed the offer.",
        "Officials said the North had agreed to close its test site; the South will send envoys.",
    )
    north = by_variant(ents, "North Korea")
    assert "North" in north.variants and north.type == "place"
    assert "South" in by_variant(ents, "South Korea").variants


def test_bare_direction_stays_alone_without_one_such_country():
    ents = entities_of(
        "North Korea and North Macedonia were both named.",
        "Officials said the North had agreed.",
        "In the West, leaders were cautious about West Germany.",
    )
    assert "North" not in by_variant(ents, "North Korea").variants
    assert "West" not in by_variant(ents, "West Germany").variants


# --- a name with "for" or "to" that ends its sentence --------------------------------------


def test_for_name_ending_a_sentence_stays_whole():
    # The capitalised span runs on into the next sentence ("Arrivals. Officials"); the name ends
    # with its sentence.
    ents = entities_of(
        "Nielsen defended Deferred Action for Childhood Arrivals. Officials said it would stay."
    )
    names = {v for e in ents for v in e.variants}
    assert "Deferred Action for Childhood Arrivals" in names
    assert "Deferred Action" not in names
    assert by_variant(ents, "Deferred Action for Childhood Arrivals").type != "person"


def test_to_name_ending_a_sentence_stays_whole():
    ents = entities_of("The Committee to Protect Journalists. Officials said it had written.")
    assert "Committee to Protect Journalists" in {v for e in ents for v in e.variants}


# --- a preposition's object is not the speaker of the verb after it ----------------------------


def test_name_after_at_before_said_is_no_speaker():
    ents = entities_of("Officials at Mar-a-Lago said Trump would speak on Friday.")
    assert by_variant(ents, "Mar-a-Lago").type == "place"


def test_and_inside_a_body_before_a_title_and_its_holder():
    ents = entities_of(
        "U.S. Customs and Border Protection Commissioner Kevin McAleenan spoke on Monday."
    )
    names = {v for e in ents for v in e.variants}
    assert "U.S. Customs and Border Protection" in names
    assert "U.S. Customs" not in names and "Border Protection" not in names
    assert by_variant(ents, "Kevin McAleenan").type == "person"


# --- datelines ----------------------------------------------------------------------------------


def test_capitalised_dateline_keeps_new_of_its_place_and_is_shown_in_title_case():
    ents = entities_of(
        "NEW YORK (CNN Business) — Shares fell on Tuesday.",
        "NEW DELHI, India — Officials met on Monday.",
    )
    ny = by_variant(ents, "NEW YORK")
    assert ny.name == "New York" and ny.type == "place"
    assert by_variant(ents, "NEW DELHI").name == "New Delhi"
    names = {v for e in ents for v in e.variants}
    assert "YORK" not in names and "DELHI" not in names


def test_emphasis_new_is_still_no_name():
    ents = entities_of("NEW: Kelvara Stadler wins the vote in Dunmore.")
    names = {v for e in ents for v in e.variants}
    assert "Kelvara Stadler" in names
    assert not any(n.startswith("NEW") for n in names)


def test_abbreviated_place_in_capitals_keeps_its_capitals():
    ents = entities_of("Officials in the U.K. and the U.S. agreed on Monday.")
    assert by_variant(ents, "U.K.").name == "U.K."


def test_word_after_a_dateline_dash_opens_a_sentence():
    ents = entities_of(
        "NEW YORK (AP) — Shares fell on Tuesday, traders said.",
        "Washington (CNN) — Strikes continued on Monday.",
    )
    names = {v for e in ents for v in e.variants}
    assert "Shares" not in names and "Strikes" not in names


def test_spaced_hyphen_inside_a_name_is_no_dateline():
    ents = entities_of("Maria Dulce - Valencia, 27, was also killed, police said.")
    assert "Valencia" in {v for e in ents for v in e.variants}


# --- well-known companies and their products ------------------------------------------------


def test_well_known_companies_without_a_cue_word_are_organisations():
    ents = entities_of(
        "Goldman Sachs analyst Rod Hall cut his target.",
        "Analysts at Morgan Stanley were cautious, and Wells Fargo said so.",
    )
    for name in ("Goldman Sachs", "Morgan Stanley", "Wells Fargo"):
        assert by_variant(ents, name).type == "organization"
    assert by_variant(ents, "Rod Hall").type == "person"


def test_known_company_product_is_neither_the_company_nor_a_person():
    ents = entities_of(
        "Microsoft said the flaw affects Microsoft Word and other programs.",
        "Microsoft issued a patch on Thursday.",
    )
    word = by_variant(ents, "Microsoft Word")
    assert word is not by_variant(ents, "Microsoft")
    assert word.type != "person"
