"""Acronyms and their written expansions are one term for the matcher (issue 8, third round)."""

from __future__ import annotations

from reader.core.ingest import article_from_text
from reader.core.matching.acronyms import AcronymIndex
from reader.core.matching.matcher import align, prepare
from reader.core.matching.terms import find_term_spans


def _article(text: str, name: str):
    return article_from_text(text, name, fmt="txt")


def _expansions(*texts: str) -> dict[str, list[str]]:
    return AcronymIndex(texts).expansions


def test_initials_spell_the_acronym_with_joining_words_and_numerals() -> None:
    assert _expansions("The DHS said.", "the Department of Homeland Security said") == {
        "DHS": ["Department of Homeland Security"]
    }
    # Capitalised words only: lower-case runs are spelt by chance too easily.
    assert _expansions("The DHS said.", "the department of homeland security") == {}
    # A sentence-initial word before the expansion is no part of it.
    assert _expansions("NTSB", "The National Transportation Safety Board met.") == {
        "NTSB": ["National Transportation Safety Board"]
    }
    # A final numeral stands for itself, as a Roman numeral or a small number.
    assert _expansions("WWII", "in World War II, and", "during World War 2") == {
        "WWII": ["World War II", "World War 2"]
    }
    assert _expansions("WWII", "World War I") == {}


def test_two_letter_acronyms_are_not_expanded() -> None:
    # Any two capitalised words spell one ("Los Angeles" would be every "LA").
    assert _expansions("LA", "Los Angeles") == {}


def test_an_expansion_never_spans_two_lines() -> None:
    assert _expansions("ESA", "the Endangered\nSpecies Act") == {}


def test_index_keeps_only_expansions_written_in_the_input() -> None:
    index = AcronymIndex(
        [
            "Throughout WWII she was a pinup.",
            "The NTSB opened an inquiry.",
            "Pinups of World War II were everywhere.",
        ]
    )
    assert index.expansions == {"WWII": ["World War II"]}  # NTSB is never spelt out
    assert index.expansion_terms("veterans of World War II") == ["WWII"]
    assert index.expansion_terms("a later war") == []


def test_an_expansion_never_spans_two_paragraphs() -> None:
    index = AcronymIndex(["He saw the Endangered", "Species Act was changed.", "ESA"])
    assert not index


def test_no_acronym_costs_nothing() -> None:
    assert not AcronymIndex(["plain text with Capitals", "and more"])


def _pinup_pair():
    a = _article(
        "Esther Williams dies\n\n"
        "Williams became a favourite pinup of soldiers in World War II, and her popularity "
        "continued afterward.\n\nShe swam in films.",
        "a.txt",
    )
    b = _article(
        "Swimmer Williams dead at 91\n\n"
        "Throughout WWII, she was a popular pinup for GIs and stayed popular afterwards.\n\n"
        "She was 91.",
        "b.txt",
    )
    return a, b


def test_acronym_and_expansion_meet_as_one_name_counted_once() -> None:
    a, b = _pinup_pair()
    paras, vocab, _display = prepare([a, b])
    left = next(p for p in paras[0] if "World War II" in p.text)
    right = next(p for p in paras[1] if "WWII" in p.text)
    assert "wwii" in left.keys and "wwii" in right.keys
    # The expansion's words are folded into the one term, not counted beside it.
    assert not {"world", "war"} & left.keys
    assert "wwii" in vocab.names


def test_the_match_reports_both_spellings_and_both_are_highlighted() -> None:
    a, b = _pinup_pair()
    match = next(m for m in align([a, b]) if m.left == (0, 1))
    assert match.right == (1, 1)
    assert "World War II/WWII" in match.names
    left_text = a.paragraphs[1].text
    right_text = b.paragraphs[1].text
    spans_left = [left_text[s:e] for s, e in find_term_spans(left_text, match.names)]
    spans_right = [right_text[s:e] for s, e in find_term_spans(right_text, match.names)]
    assert spans_left == ["World", "War", "II"]
    assert spans_right == ["WWII"]
