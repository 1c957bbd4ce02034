"""Linking rules of the s16 linking round (ECB+ train misses grouped by cause): each rule is
checked on sentences of our own, not the strings of ECB+, so that only the general rule passes."""

from __future__ import annotations

from reader.core.entities import find_entities
from tests.core.test_entities import article, by_variant, check_offsets, entities_of

# --- a city before a verb is its team ------------------------------------------------------------


def test_city_before_an_auxiliary_or_past_verb_is_its_team():
    ents = entities_of(
        "The Denver Falcons beat Dorset 24-17 on Sunday.",
        "Denver has won five straight games. Denver signed a new kicker.",
        "Fans lined the Denver freeway, and the parade was in Denver.",
    )
    team = by_variant(ents, "Denver Falcons")
    texts = [m.text for m in team.mentions]
    assert texts.count("Denver") == 2  # "Denver has", "Denver signed"
    (town,) = [e for e in ents if e.name == "Denver"]
    assert town.type == "place"
    assert len(town.mentions) == 2  # "the Denver freeway" and "in Denver" stay the city


# --- "The" counts in a title's acronym -----------------------------------------------------------


def test_acronym_with_the_links_to_a_title():
    ents = entities_of(
        "The story was first reported by The Marbury Ledger on Monday.",
        "According to TML, the singer left the clinic.",
    )
    assert "TML" in by_variant(ents, "Marbury Ledger").variants


# --- one care facility under several head words --------------------------------------------------


def test_facility_named_with_different_head_words_is_one():
    ents = entities_of(
        "She checked into the Mary Varlo Center on Monday.",
        "A spokesman for the Mary Varlo Clinic declined to comment.",
        "The Mary Varlo Treatment Center is in the desert.",
        "Doctors at the Boston Clinic and the Boston Center disagreed.",
    )
    clinic = by_variant(ents, "Mary Varlo Center")
    assert {"Mary Varlo Clinic", "Mary Varlo Treatment Center"} <= set(clinic.variants)
    assert by_variant(ents, "Boston Clinic") is not by_variant(ents, "Boston Center")


# --- a nickname blended from a person's two names ------------------------------------------------


def test_blended_nickname_links_to_its_person():
    ents = entities_of(
        "Dana Korvel arrived at the court on Monday with her lawyer.",
        "Her lawyer said that DaKo was at home. Korvel left by car.",
        "Senator John McCain and DeShawn Smith were not there; McCain sent a note.",
    )
    assert "DaKo" in by_variant(ents, "Dana Korvel").variants
    assert "Dana Korvel" not in by_variant(ents, "McCain").variants


# --- a team's nickname clipped -------------------------------------------------------------------


def test_clipped_nickname_joins_its_team():
    ents = entities_of(
        "The Denver Falcons beat the Portland Jaguars 24-17 on Sunday.",
        "The Jags had led at the half, and the Fals never gave up.",
    )
    assert "Jags" in by_variant(ents, "Portland Jaguars").variants
    assert "Fals" in by_variant(ents, "Denver Falcons").variants


# --- descriptions attached to a name by apposition -----------------------------------------------


def _find(*articles: tuple[str, ...]):
    arts = [article(*paras) for paras in articles]
    ents = find_entities(arts)
    check_offsets(arts, ents)
    return ents


def test_appositive_description_is_a_mention_across_articles():
    ents = _find(
        ("Lena Ashby, a Marbury mother of three, was hurt on Monday.",),
        ("Police said the Marbury mother of three left hospital.",),
        ("A climber fell from Norway's highest peak, Mount Varlo.",),
        ("Rescuers reached Norway's highest peak at dawn.",),
    )
    lena = by_variant(ents, "Lena Ashby")
    assert [(m.article, m.text) for m in lena.mentions if m.text != "Lena Ashby"] == [
        (0, "mother of three"),
        (1, "mother of three"),
    ]
    peak = by_variant(ents, "Mount Varlo")
    assert sum(m.text == "highest peak" for m in peak.mentions) == 2
    # the names the descriptions are built on keep their own mentions
    assert len(by_variant(ents, "Marbury").mentions) == 2
    assert len(by_variant(ents, "Norway").mentions) == 2
    # descriptions are mentions, never the display name or a variant
    assert lena.name == "Lena Ashby" and "mother of three" not in lena.variants


def test_clauses_and_lists_are_not_appositions():
    ents = _find(
        ("He wrote with his partner on the Glenmore story, Ann Beck.",),
        ("Traded by the Hawks and Owls, Ned Varga hit well.",),
        ("Ned Varga signed on Monday, the Marbury Post reports.",),
        ("Officials in Marbury said, Ann Beck denied it.",),
    )
    for e in ents:
        assert all(m.text[0].isupper() for m in e.mentions), (e.name, e.mentions)
