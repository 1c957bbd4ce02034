"""The headline is a paragraph like any other: matched, searched, mined for names and figures."""

from __future__ import annotations

from reader.core.analysis import analyze
from reader.core.ingest import article_from_text
from reader.core.matching.search import find

A = (
    "Quake kills 12 in Kerman province\n\n"
    "A strong earthquake struck Kerman province in southern Iran on Sunday, killing 12 people and "
    "damaging dozens of homes, state media said.\n\n"
    "Rescue teams from Tehran were flown to the area overnight.\n"
)
B = (
    "Twelve dead as earthquake hits Kerman\n\n"
    "Rescuers searched collapsed homes in Kerman after an earthquake killed 12 people on Sunday.\n\n"
    "The Red Crescent said tents and blankets were on their way.\n"
)


def test_headline_is_paragraph_zero_and_takes_part_in_everything() -> None:
    a, b = article_from_text(A, "a.txt"), article_from_text(B, "b.txt")
    assert a.paragraphs[0].role == b.paragraphs[0].role == "headline"
    assert a.title == a.paragraphs[0].text  # still the pane title
    analysis = analyze([a, b])
    headline_matches = [m for m in analysis.matches if m.left == (0, 0) or m.right == (1, 0)]
    assert any(m.left == (0, 0) and m.right == (1, 0) for m in headline_matches)
    assert any(
        m.paragraph == 0
        for e in analysis.entities
        for m in e.mentions
        if m.article == 0 and m.text == "Kerman"
    )
    assert any(f.article == 0 and f.paragraph == 0 and f.value == 12 for f in analysis.figures)
    assert any(
        article == 1 and paragraph == 0
        for article, paragraph, _s, _e in find([a, b], "twelve dead")
    )
