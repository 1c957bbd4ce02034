"""Linking rules of linking round 7 (issue 9, branch s17-matching2): each rule is checked on
sentences of our own, not the strings of ECB+, so that only the general rule passes."""

from __future__ import annotations

from reader.core.entities import find_entities
from tests.core.test_entities import article, by_variant, check_offsets


def _ents(*paragraphs: str):
    arts = [article(*paragraphs)]
    ents = find_entities(arts)
    check_offsets(arts, ents)
    return ents


# --- "the <person> team": a body of its own ------------------------------------------------------


def test_person_team_is_a_body_of_its_own():
    ents = _ents(
        "Governor Marta Delacroix named a new budget chief on Monday.",
        "Delacroix said the choice was hers. The Delacroix team declined to comment.",
        "A Delacroix camp spokesman said the search was over.",
    )
    person = by_variant(ents, "Marta Delacroix")
    assert person.type == "person"
    assert [m.text for m in person.mentions] == ["Marta Delacroix", "Delacroix"]
    team = next(e for e in ents if e.name == "Delacroix team")
    assert team.type == "organization"
    assert [m.text for m in team.mentions] == ["Delacroix team"]
    camp = next(e for e in ents if e.name == "Delacroix camp")
    assert [m.text for m in camp.mentions] == ["Delacroix camp"]


def test_one_person_or_many_before_the_name_stay_the_person():
    # "aides" and "lawyer" are people, not a body: the name is the person's mention, as ECB+
    # marks "Lohan lawyer" and the sidebar gold "Nixon aides".
    ents = _ents(
        "Senator Paul Ostrander resigned on Friday.",
        "Ostrander aides said he was tired. An Ostrander lawyer confirmed it.",
    )
    person = by_variant(ents, "Paul Ostrander")
    assert [m.text for m in person.mentions] == ["Paul Ostrander", "Ostrander", "Ostrander"]
    assert not any(e.name.endswith(("aides", "lawyer")) for e in ents)


def test_a_name_only_seen_before_team_stays_whole():
    # No mention of the person alone: nothing to tell the body from the person, so it stays.
    ents = _ents("The Varga team won the cup on Sunday.", "Fans cheered the Varga team.")
    assert not any(e.name == "Varga team" for e in ents)
