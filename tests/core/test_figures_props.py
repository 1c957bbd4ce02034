"""Property tests: figure extraction and grouping never fail and keep their invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.figures import compatible, find_figures, group_figures
from reader.core.figures import extract as fe
from reader.core.model import Article, Match

_PIECES = st.sampled_from(
    [
        "more than",
        "about",
        "nearly",
        "up to",
        "at least",
        "some",
        "between",
        "and",
        "to",
        "-",
        "–",
        "12",
        "1,200",
        "3.5",
        "$",
        "€",
        "£",
        "bn",
        "m",
        "million",
        "percent",
        "%",
        "dozens",
        "hundreds",
        "a dozen",
        "half",
        "of",
        "people",
        "were",
        "killed",
        "killing",
        "injured",
        "troops",
        "December",
        "8th",
        "Dec.",
        "2024",
        "1990s",
        "13-year",
        "days",
        "hours",
        "one",
        "first",
        "G7",
        "COVID-19",
        "Aleppo",
        "Idlib",
        ".",
        ",",
        ":",
        "/",
        "twenty-five",
        "three",
        "and a half",
        "from",
        "the",
        # issue 9: tokenised numbers, times, ages, back-references, captions, addresses
        "1, 000",
        "6. 1",
        "a. m.",
        "p.m.",
        "8. 40am",
        "Katie Jenkin,",
        "20,",
        "aged",
        "-year-old",
        "- year - old",
        "block of",
        "one is",
        "(AP Photo)",
        "both",
        "their",
        "ago",
        "man",
        "women",
    ]
)
_TEXT = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=40).map(" ".join),
)


def _article(texts: list[str]) -> Article:
    return Article.from_texts("p", "p", texts)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_TEXT, min_size=1, max_size=4), min_size=1, max_size=3), st.data())
def test_extraction_and_grouping_invariants(texts: list[list[str]], data: st.DataObject) -> None:
    arts = [_article(t) for t in texts]
    figures = find_figures(arts)
    for f in figures:
        par = arts[f.article].paragraphs[f.paragraph]
        assert 0 <= f.start < f.end <= len(par.text)
        assert par.text[f.start : f.end] == f.text
        if f.low is not None and f.high is not None:
            assert f.low <= f.high
    refs = [(a, p.index) for a, art in enumerate(arts) for p in art.paragraphs]
    matches = []
    if len(arts) > 1:
        for _ in range(data.draw(st.integers(0, 4))):
            left = data.draw(st.sampled_from([r for r in refs if r[0] == 0]))
            right = data.draw(st.sampled_from([r for r in refs if r[0] > 0]))
            matches.append(Match(left, right, 0.5))
    groups = group_figures(figures, arts, matches)
    for i, f in enumerate(figures):
        if f.group is not None:
            assert i in groups[f.group].figures
    for g in groups:
        assert g.status in ("agree", "differs", "conflict", "single")
        assert all(figures[i].group == g.id for i in g.figures)
        # one article never gives one group two different numbers
        for a in {figures[i].article for i in g.figures}:
            values = {
                figures[i].value
                for i in g.figures
                if figures[i].article == a and figures[i].value is not None
            }
            assert len(values) <= 1
        if g.status in ("conflict", "differs"):
            assert any(
                not compatible(figures[i], figures[j])
                for i in g.figures
                for j in g.figures
                if figures[i].article != figures[j].article
            )


_CASED = st.sampled_from(
    [
        "Twelve",
        "TWELVE",
        "Hundreds Of",
        "A few",
        "US$",
        "USD 5",
        "From 3",
        "x-12",
        "3.5.1",
        "some",
        "A dozen",
        "An",
        "ſix",
        "Sept.",
        "May 3",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, _CASED, st.text(max_size=4)), max_size=40),
    st.sampled_from([" ", "", "-", "  ", "\n", "("]),
)
def test_fast_paths_equal_the_plain_regexes(pieces: list[str], sep: str) -> None:
    """The speed-ups in figure_extract (candidate scanner, hand-walked previous word) are exact."""
    text = sep.join(pieces)
    got = [(m.span(), m.groupdict()) for m in fe._master_matches(text)]
    want = [(m.span(), m.groupdict()) for m in fe._MASTER.finditer(text)]
    assert got == want
    for start in range(len(text) + 1):
        m = fe._PREV_WORD.search(text, max(0, start - 30), start)
        word, _ = fe._kind_of_prev(text, start)
        assert word == (m.group(1) if m else None)
