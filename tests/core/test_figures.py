"""Unit tests for figure extraction (reader.core.figures.find_figures)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core.figures import find_figures
from reader.core.model import Article, Figure


def article(*paragraphs: str) -> Article:
    return Article.from_texts("test", "t", paragraphs)


def figs(text: str) -> list[Figure]:
    out = find_figures([article(text)])
    for f in out:
        assert text[f.start : f.end] == f.text
    return out


def one(text: str) -> Figure:
    out = [f for f in figs(text) if f.kind != "ordinal"]
    assert len(out) == 1, [f.text for f in out]
    return out[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They counted 50,000 ballots.", 50_000),
        ("It took 1.2 million votes.", 1.2e6),
        ("There were three boats.", 3),
        ("We saw twenty-five boats.", 25),
        ("A hundred boats came.", 100),
        ("Two hundred and five boats came.", 205),
        ("They sent 5k boats.", 5000),
        ("About 12 boats.", 12),
    ],
)
def test_number_formats(text: str, value: float) -> None:
    assert one(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Dozens of boats sank.", 24, 199),
        ("Hundreds of boats sank.", 200, 999),
        ("Thousands of boats sank.", 2000, 9999),
        ("Tens of thousands of boats sank.", 20_000, 99_999),
        ("A few boats sank.", 2, 5),
        ("Several boats sank.", 3, 9),
        ("A dozen boats sank.", 10, 14),
        ("Several hundred boats sank.", 300, 900),
    ],
)
def test_vague_words_get_documented_ranges(text: str, low: float, high: float) -> None:
    f = one(text)
    assert (f.low, f.high) == (low, high)
    assert f.counted == "boat"


def test_half_is_fifty_percent() -> None:
    f = one("Nearly half of the residents left.")
    assert (f.kind, f.value, f.qualifier, f.low, f.high) == ("percent", 50, "nearly", 45, 50)


@pytest.mark.parametrize(
    ("phrase", "canon", "low", "high"),
    [
        ("more than", "more than", 500, None),
        ("over", "more than", 500, None),
        ("at least", "at least", 500, None),
        ("about", "about", 450, 550),
        ("around", "about", 450, 550),
        ("approximately", "about", 450, 550),
        ("some", "about", 450, 550),
        ("roughly", "about", 450, 550),
        ("an estimated", "about", 450, 550),
        ("up to", "up to", None, 500),
        ("nearly", "nearly", 450, 500),
        ("almost", "nearly", 450, 500),
        ("fewer than", "less than", None, 500),
        ("less than", "less than", None, 500),
    ],
)
def test_qualifiers(phrase: str, canon: str, low: float | None, high: float | None) -> None:
    f = one(f"The agency said {phrase} 500 troops arrived.")
    assert f.qualifier == canon
    assert f.text == f"{phrase} 500 troops"
    assert f.low == (pytest.approx(low) if low is not None else None)
    assert f.high == (pytest.approx(high) if high is not None else None)
    assert f.counted == "troop"


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("12 people were killed on Monday.", "killed"),
        ("The strike, killing 12, hit a school.", "killed"),
        ("There were 12 dead.", "killed"),
        ("A death toll of 12 was given.", "killed"),
        ("The death toll rose to 14 on Monday.", "killed"),
        ("Twelve died in the blast.", "killed"),
        ("The blast, injuring 30, hit a market.", "injured"),
        ("30 were wounded.", "injured"),
        ("Police arrested 5 protesters.", "arrested"),
        ("Israeli strikes killed 12 Palestinians.", "killed"),
        ("Officials counted 500 air attacks.", "airstrike"),
        ("It sent 300 soldiers.", "troop"),
        ("It sent 300 troops.", "troop"),
        ("They met 12 Palestinians there.", "palestinian"),
        ("We saw 7 children in the street.", "child"),
    ],
)
def test_counted_detection(text: str, counted: str) -> None:
    assert one(text).counted == counted


def test_counted_noun_phrase_skips_adjectives_and_stops_at_prepositions() -> None:
    f = one("Some 50,000 Syrian refugees in Turkey returned.")
    assert f.counted == "refugee" and f.text == "Some 50,000 Syrian refugees"


def test_bare_number_inherits_the_label_in_a_list() -> None:
    out = figs("3 people were killed in Aleppo and 10 in Idlib.")
    assert [(f.value, f.counted) for f in out] == [(3, "killed"), (10, "killed")]


@pytest.mark.parametrize(
    ("text", "value", "unit", "counted"),
    [
        ("The 13-year war ended.", 13, "year", "war"),
        ("It lasted three days.", 3, "day", "day"),
        ("Within 48 hours it was over.", 48, "hour", "hour"),
    ],
)
def test_durations(text: str, value: float, unit: str, counted: str) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit, f.counted) == ("duration", value, unit, counted)


def test_age_is_not_a_duration() -> None:
    f = one("A 13-year-old boy was hurt.")
    assert (f.kind, f.counted) == ("other", "age")


@pytest.mark.parametrize(
    ("text", "value", "low", "high"),
    [
        ("It fell on December 8th.", 1208, 1208, 1208),
        ("It fell on 8 December 2024.", 20241208, None, None),
        ("It fell on Dec. 8 at dawn.", 1208, None, None),
        ("It fell on December 8, 2024.", 20241208, None, None),
        ("It ran from December 8 to December 31.", None, 1208, 1231),
        ("It ran December 8-10.", None, 1208, 1210),
        ("It happened in December 2024.", None, 20241201, 20241231),
    ],
)
def test_dates(text: str, value: float | None, low: float | None, high: float | None) -> None:
    f = one(text)
    assert f.kind == "date"
    assert f.value == value
    if low is not None:
        assert (f.low, f.high) == (low, high)


def test_date_range_text_includes_from() -> None:
    assert one("It ran from December 8 to December 31.").text == "from December 8 to December 31"


def test_year() -> None:
    f = one("In 2024, things changed.")
    assert (f.kind, f.value) == ("year", 2024)
    f = one("They built 2000 homes.")
    assert f.kind == "count" and f.counted == "home"
    assert one("It began in the 1990s.").low == 1990


@pytest.mark.parametrize(
    ("text", "low", "high", "kind"),
    [
        ("Between 10 and 15 boats sank.", 10, 15, "count"),
        ("They saw 10-15 boats.", 10, 15, "count"),
        ("It rose 10 to 15 percent.", 10, 15, "percent"),
        ("It rose 10–15%.", 10, 15, "percent"),
        ("Two to three boats sank.", 2, 3, "count"),
        ("It cost $10-15 million.", 9.5e6, 15e6, "amount"),
        ("The war of 2014-2024 ended.", 2014, 2024, "year"),
    ],
)
def test_ranges(text: str, low: float, high: float, kind: str) -> None:
    f = one(text)
    assert f.kind == kind and f.value is None
    assert (f.low, f.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "text", ["It rose 5%.", "It rose 5 percent.", "It rose 5 per cent.", "It rose 5 pct."]
)
def test_percentages(text: str) -> None:
    f = one(text)
    assert (f.kind, f.value, f.unit, f.counted) == ("percent", 5, "percent", "percent")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("It gave $3.5bn.", 3.5e9, "usd"),
        ("It gave US$20 million.", 2e7, "usd"),
        ("It gave €10m.", 1e7, "eur"),
        ("It gave £2 million.", 2e6, "gbp"),
        ("It gave 5 million dollars.", 5e6, "usd"),
        ("It gave 40 euros.", 40, "eur"),
        ("It gave 12 dollars.", 12, "usd"),
        ("It gave $500.", 500, "usd"),
    ],
)
def test_money(text: str, value: float, unit: str) -> None:
    f = one(text)
    assert (f.kind, f.unit, f.counted) == ("amount", unit, unit)
    assert f.value == pytest.approx(value)
    assert f.low <= value <= f.high


def test_scaled_numbers_allow_rounding() -> None:
    f = one("It gave $3.5bn.")
    assert f.low == pytest.approx(3.45e9) and f.high == pytest.approx(3.55e9)


@pytest.mark.parametrize(
    "text",
    [
        "For the first time, the second round began.",
        "One of the leaders spoke.",
        "One day we will go.",
        "The G7 met.",
        "COVID-19 spread.",
        "A Boeing 737 landed.",
        "Route 66 is long.",
        "It opened on a 24/7 basis.",
        "Version 1.2.3 shipped.",
        "No one was hurt.",
        "In the first half they scored.",
    ],
)
def test_noise_is_skipped(text: str) -> None:
    assert [f.text for f in figs(text) if f.kind != "ordinal"] == []


def test_digit_ordinal_is_kind_ordinal() -> None:
    out = figs("It was the 3rd attack.")
    assert [(f.kind, f.counted) for f in out] == [("ordinal", None)]


def test_measurements() -> None:
    f = one("The convoy drove about 50 km.")
    assert (f.kind, f.unit, f.qualifier) == ("other", "km", "about")


def test_boilerplate_paragraphs_are_ignored_and_offsets_are_per_paragraph() -> None:
    art = article("Share this 5 times", "Then 12 people were killed.")
    art.paragraphs = [replace(art.paragraphs[0], boilerplate=True), *art.paragraphs[1:]]
    out = find_figures([art, article("No numbers here.", "Over 30 troops came.")])
    assert [(f.article, f.paragraph, f.text) for f in out] == [
        (0, 1, "12 people were killed"),
        (1, 1, "Over 30 troops"),
    ]


@pytest.mark.parametrize(
    "text, shown, value, counted",
    [
        ("The death toll rose from 12 to 14 on Sunday.", "14", 14.0, "killed"),
        ("Inflation fell from 3.5 to 2.9 percent.", "2.9 percent", 2.9, "percent"),
        ("Spending was raised from $1.2bn to $1.5bn.", "$1.5bn", 1.5e9, "usd"),
        ("The number of injured climbed from 40 to 55.", "55", 55.0, "injured"),
    ],
)
def test_change_from_to_reports_the_new_value_not_a_range(
    text: str, shown: str, value: float, counted: str
) -> None:
    f = one(text)
    assert (f.text, f.value, f.counted) == (shown, value, counted)
    assert f.low is not None and f.low >= value * 0.9  # not widened down to the old value


def test_from_to_without_a_change_verb_stays_a_range() -> None:
    f = one("The festival runs from 12 to 14 days.")
    assert (f.low, f.high, f.value) == (12.0, 14.0, None)
