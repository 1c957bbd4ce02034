"""Entity rules of the eighth issue-9 round (stop 18: detection and types; benchmarks/
eval_sidebar.py, eval_ecbplus.py): each rule is checked with the issue's kind of example and
with sentences of our own."""

from __future__ import annotations

from tests.core.test_entities import by_variant, entities_of


def _type(ents, variant: str) -> str:
    return by_variant(ents, variant).type


def _names(ents) -> set[str]:
    return {v for e in ents for v in e.variants}


# --- a label in capitals made of common words is emphasis -------------------------------------


def test_capital_label_of_function_words_is_no_name():
    ents = entities_of("MUST SEE: Navy ships chase pirates off Somalia.")
    assert not any("MUST" in v for v in _names(ents))
    ents = entities_of("READ THIS: Kelvara Stadler wins the vote in Dunmore.")
    assert not any("READ" in v for v in _names(ents))
    assert "Kelvara Stadler" in _names(ents)


def test_capital_acronym_beside_a_function_word_is_kept():
    ents = entities_of("The US AND NATO agreed on Monday, officials in Dunmore said.")
    assert any("NATO" in v for v in _names(ents))


# --- the head noun of an appositive types the name --------------------------------------------


def test_appositive_casino_or_company_makes_an_organisation():
    ents = entities_of(
        "The family lost money in the Marlowe, a Reno gambling casino they bought in 1963."
    )
    assert _type(ents, "Marlowe") == "organization"
    ents = entities_of("He worked at Tessaly Partners, a 40 - to 50 - employee firm in the tower.")
    assert _type(ents, "Tessaly Partners") == "organization"


def test_appositive_village_makes_a_place():
    ents = entities_of("Rescuers reached Velmont, a small fishing village in the hills, at dawn.")
    assert _type(ents, "Velmont") == "place"


def test_appositive_role_of_something_else_is_no_body():
    ents = entities_of(
        '"They fear nothing," Kelvara Stadler, the store\'s insurer, told reporters.'
    )
    assert _type(ents, "Kelvara Stadler") == "person"


# --- honours: "et" inside a name, an award noun before or after it ----------------------------


def test_latin_et_stays_inside_a_name():
    ents = entities_of("She received the papal honor Pro Ecclesia et Pontifice from the Pope.")
    assert "Pro Ecclesia et Pontifice" in _names(ents)
    ents = entities_of("Shares of Marcel et Fils rose on Monday in Dunmore.")
    assert "Marcel et Fils" in _names(ents)


def test_honour_named_after_an_award_noun_is_no_person():
    ents = entities_of("She received the papal honor Pro Ecclesia et Pontifice from the Pope.")
    assert _type(ents, "Pro Ecclesia et Pontifice") == "other"
    ents = entities_of("The dean won the honour Fides Veritas in Dunmore.")
    assert _type(ents, "Fides Veritas") == "other"


def test_award_noun_after_a_name_makes_an_honour():
    ents = entities_of("Her archbishop asked for the Tessaly medal for her.")
    assert _type(ents, "Tessaly") == "other"


def test_name_after_an_award_noun_that_opens_a_clause_stays_a_person():
    ents = entities_of("The prize Kelvara Stadler won was the first for the town.")
    assert _type(ents, "Kelvara Stadler") == "person"


# --- a social-media handle is typed by the words run together in it ---------------------------


def test_handle_with_a_body_word_is_an_organisation():
    ents = entities_of('"I\'d like to thank @TheAcademy, my wife and the band," she wrote.')
    assert _type(ents, "TheAcademy") == "organization"
    ents = entities_of("The photo was shared by @DunmoreCouncil on Friday.")
    assert _type(ents, "DunmoreCouncil") == "organization"


def test_handle_with_a_given_name_first_is_a_person():
    ents = entities_of("The photo was shared by @MariaTessaly on Friday in Dunmore.")
    assert _type(ents, "MariaTessaly") == "person"


# --- quoted titles: a straight quote that closed a quotation may open a title -----------------


def test_title_after_a_closing_straight_quote_is_one_work():
    ents = entities_of(
        'He kept on worrying about the mayor, "Stadler wrote in his 1974 book, '
        '"An Ordinary Life: One Man\'s Road to Dunmore."'
    )
    assert _type(ents, "An Ordinary Life: One Man's Road to Dunmore") == "other"
    assert "Ordinary Life" not in _names(ents)


def test_quoted_title_is_no_long_form_of_its_last_name():
    ents = entities_of(
        'She wrote the book "A Long Road to Dunmore" last year.',
        "Dunmore is a fishing town. People in Dunmore cheered her.",
    )
    assert by_variant(ents, "Dunmore").name == "Dunmore"
    assert "A Long Road to Dunmore" not in by_variant(ents, "Dunmore").variants


def test_title_written_without_quotes_elsewhere_is_the_same_work():
    ents = entities_of(
        'She was nominated for "Outstanding Direction in a Comedy or Drama Series."',
        "The category of Outstanding Direction in a Comedy or Drama Series is gone.",
    )
    work = by_variant(ents, "Outstanding Direction in a Comedy or Drama Series")
    assert len(work.mentions) == 2
    assert work.type != "person"
    assert "Comedy" not in _names(ents)
    assert "Outstanding Direction" not in _names(ents)


# --- capitals before a long number are a code's letters ----------------------------------------


def test_capitals_before_a_code_number_are_no_name():
    ents = entities_of("The car had the license plate BEY 0843, Kelvara Stadler said.")
    assert "BEY" not in _names(ents)
    ents = entities_of("Officers in Dunmore opened file ZK 20417 on Monday.")
    assert "ZK" not in _names(ents)


def test_capitals_before_a_year_or_a_short_number_stay_names():
    ents = entities_of("The NATO 2019 summit was held in London.")
    assert "NATO" in _names(ents)
    ents = entities_of("At UFC 229 he won in Las Vegas.")
    assert "UFC" in _names(ents)


# --- a possessive's "s" is no lower-case word of a headline ------------------------------------


def test_headline_with_a_possessive_is_still_a_headline():
    ents = entities_of(
        'Rural Family Farmer Featured in Dunmore\'s "Changing the Face of Care" Exhibition',
        "The rural family farmer was featured on Monday, a farmer in Dunmore said.",
    )
    assert not any("Farmer" in v for v in _names(ents))
    assert "Dunmore" in _names(ents)


# --- "Immediate Past" qualifies a title, it names nobody --------------------------------------


def test_immediate_past_before_a_title_is_no_name():
    ents = entities_of("She is the Immediate Past - Chair of the Dunmore Medical Board.")
    assert not any("Past" in v for v in _names(ents))
    ents = entities_of("Past President Kelvara Stadler spoke in Dunmore on Monday.")
    assert "Kelvara Stadler" in _names(ents)
    assert not any("Past" in v for v in _names(ents))


# --- a campus city after a school's name is part of the name -----------------------------------


def test_campus_city_after_a_university_is_one_organisation():
    ents = entities_of("She earned her degree at the University of Texas at Austin in 1984.")
    assert _type(ents, "University of Texas at Austin") == "organization"
    assert "Austin" not in _names(ents)
    ents = entities_of("He studied at the University of Colorado, Denver, and in Boston.")
    assert _type(ents, "University of Colorado, Denver") == "organization"
    assert _type(ents, "Boston") == "place"


def test_city_after_another_body_stays_a_place():
    ents = entities_of("He worked for the Bank of Dunmore, Boston, for ten years.")
    assert _type(ents, "Boston") == "place"


# --- capitalised words after "<degree> in" are a field of study --------------------------------


def test_field_of_study_after_a_degree_is_no_name():
    ents = entities_of("Dr. Stadler holds a BS in Chemistry from Dunmore University.")
    assert "Chemistry" not in _names(ents)
    ents = entities_of("She earned a master's degree in Public Health in Boston.")
    assert "Public Health" not in _names(ents)
    assert _type(ents, "Boston") == "place"


def test_temperature_or_rank_before_in_keeps_the_place():
    ents = entities_of("It was five degrees in Phoenix, and a Marine major in Iraq said so.")
    assert _type(ents, "Phoenix") == "place"
    assert _type(ents, "Iraq") == "place"


# --- a one-letter typo of a demonym used as an adjective is no name ----------------------------


def test_typo_of_a_demonym_before_a_noun_is_no_name():
    ents = entities_of("The navy captured 26 Somani brigands near the Gulf of Aden.")
    assert "Somani" not in _names(ents)
    ents = entities_of("Police said three Bolivain tourists were hurt in Dunmore.")
    assert "Bolivain" not in _names(ents)


def test_surname_near_a_demonym_stays_a_name():
    # the same word named alone, not before a noun: a person
    ents = entities_of("Kelvara Somani said the navy was late.", "Somani spoke in Dunmore.")
    assert any("Somani" in v for v in _names(ents))


# --- a capitalised phrase of common words written only after "a" is one of a kind -------------


def test_phrase_of_common_words_after_an_indefinite_article_is_no_name():
    ents = entities_of(
        "She was the first woman to be president of a State Medical Society in Dunmore.",
        "The medical society of the state met; society doctors came.",
    )
    assert "State Medical Society" not in _names(ents)
    ents = entities_of(
        "The case was filed in a Federal Court on Monday in Dunmore.",
        "A federal judge said the court would rule.",
    )
    assert "Federal Court" not in _names(ents)


def test_phrase_also_named_with_the_or_before_a_noun_stays():
    ents = entities_of(
        "A Superior Court jury in Dunmore convicted him.",
        "The superior judge said the court would rule; a jury agreed.",
    )
    assert "Superior Court" in _names(ents)
    ents = entities_of(
        "He joined a State Medical Society in May.",
        "The State Medical Society said the medical society of the state met.",
    )
    assert "State Medical Society" in _names(ents)
