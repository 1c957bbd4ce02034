"""Property tests: align() is total and its output always honours the Match contract."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.matching.matcher import align
from reader.core.matching.terms import content_keys, term_key
from reader.core.model import Article
from reader.core.vocabulary.titles import TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS

# A small alphabet of news-ish words, names, numbers and odd characters, so that random texts
# actually share terms (random unicode alone would almost never overlap).
WORDS = st.sampled_from(
    [
        "the",
        "Erdoğan",
        "Erdogan",
        "Zelensky",
        "Zelenskyy",
        "ceasefire",
        "ceasefires",
        "troops",
        "50,000",
        "50000",
        "three",
        "3",
        "Monday",
        "said",
        "valley",
        "—",
        "...",
        "O'Neill",
        "é",
        "Straße",
        "\u0301",
        "ı",
        "Kyiv",
        "x",
        "!",
        "?",
        "1.5",
        "1,5",
        "al-Assad",
        "",
        "President",
        "Minister",
        "Prime",
    ]
)
TEXT = st.one_of(
    st.lists(WORDS, max_size=25).map(" ".join),
    st.text(max_size=60),
)
ARTICLE = st.lists(st.tuples(TEXT, st.booleans()), max_size=6)


def build(spec: list[tuple[str, bool]], n: int) -> Article:
    texts = [text for text, _ in spec]
    boilerplate = {i for i, (_, boiler) in enumerate(spec) if boiler}
    # The first paragraph is a headline when it is not furniture (as ingest marks it).
    return Article.from_texts(
        f"a{n}.txt",
        f"a{n}",
        texts,
        boilerplate=boilerplate,
        headline=bool(texts) and 0 not in boilerplate,
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, max_size=4))
def test_align_output_respects_contract(specs: list[list[tuple[str, bool]]]) -> None:
    articles = [build(spec, n) for n, spec in enumerate(specs)]
    matches = align(articles)
    seen = set()
    for m in matches:
        (la, lp), (ra, rp) = m.left, m.right
        assert 0 <= la < ra < len(articles)
        left, right = articles[la].paragraphs[lp], articles[ra].paragraphs[rp]
        assert not left.boilerplate and not right.boilerplate
        assert 0.0 <= m.score <= 1.0
        assert (m.left, m.right) not in seen
        seen.add((m.left, m.right))
        assert all(isinstance(x, str) and x for x in m.words + m.names + m.numbers)
        assert len(m.words) <= 8
        # The tier and its cue agree; the best sentence pair indexes real text on both sides.
        assert (m.evidence == "clear") == (m.cue is None)
        assert m.cue in (None, "best", "lede", "diagonal")
        if m.sentences is not None:
            for (start, end), para in zip(m.sentences, (left, right), strict=True):
                assert 0 <= start < end <= len(para.text)
        assert not any(n.casefold() in ("monday", "president", "minister") for n in m.names)
    assert matches == sorted(matches, key=lambda m: (m.left, m.right))


_TITLE_KEYS = frozenset(term_key(w) for w in TITLE_HEADS | TITLE_ABBREVIATIONS | TITLE_MODIFIERS)


@settings(max_examples=60, deadline=None)
@given(ARTICLE)
@example([("President Monday", False)])
def test_an_article_matches_its_copy_fully(spec: list[tuple[str, bool]]) -> None:
    """Every paragraph with content meets its own copy, with the top score.  Titles are not
    content: "President Monday" says who and when, not what (the matcher masks such titles)."""
    a, b = build(spec, 0), build(spec, 1)
    by_pair = {(m.left[1], m.right[1]): m for m in align([a, b])}
    for p in a.paragraphs:
        if p.boilerplate or not set(content_keys(p.text)) - _TITLE_KEYS:
            continue
        m = by_pair.get((p.index, p.index))
        assert m is not None and m.score == 1.0
