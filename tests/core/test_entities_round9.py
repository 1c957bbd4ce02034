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
