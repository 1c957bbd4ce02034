"""Paragraphs and facts made when read (issue 10): they read exactly like the lists they replaced."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.ingest.segment import split_sentences
from reader.core.model import Article, Fact, FactList, Paragraph, ParagraphList, ParagraphRole


def _as_list(texts: list[str], furniture: set[int], headline: bool) -> list[Paragraph]:
    """The paragraphs as ``Article.from_texts`` built them before (one object each)."""
    out = []
    offset = 0
    for i, text in enumerate(texts):
        role: ParagraphRole = (
            "furniture" if i in furniture else ("headline" if headline and i == 0 else "body")
        )
        out.append(
            Paragraph(
                i,
                text,
                offset,
                offset + len(text),
                split_sentences(text),
                i in furniture,
                role=role,
            )
        )
        offset += len(text) + len(Article.PARAGRAPH_SEPARATOR)
    return out


_TEXT = st.text(alphabet=st.sampled_from("ab .?!\u00e9\u6771"), max_size=30)


@given(
    st.lists(_TEXT, min_size=1, max_size=12),
    st.sets(st.integers(0, 11), max_size=4),
    st.booleans(),
)
def test_paragraphs_read_as_the_list_they_replace(
    texts: list[str], furniture: set[int], headline: bool
) -> None:
    article = Article.from_texts(
        "a.txt",
        "A",
        texts,
        boilerplate=furniture,
        sentences=split_sentences,
        headline=headline,
    )
    expected = _as_list(texts, furniture, headline)
    paragraphs = article.paragraphs
    assert isinstance(paragraphs, ParagraphList)
    assert len(paragraphs) == len(expected)
    assert list(paragraphs) == expected
    assert paragraphs == expected and expected == paragraphs
    assert [paragraphs[i] for i in range(len(texts))] == expected
    assert paragraphs[-1] == expected[-1]
    assert paragraphs[1:3] == expected[1:3]
    for p in paragraphs:
        assert article.text[p.start : p.end] == p.text


def test_out_of_range_and_sentences_without_a_splitter() -> None:
    article = Article.from_texts("a.txt", "A", ["One. Two.", "Three"])
    assert [p.sentences for p in article.paragraphs] == [(), ()]
    with pytest.raises(IndexError):
        article.paragraphs[2]
    assert article.paragraphs != ["One. Two.", "Three"]
    assert repr(article.paragraphs) == "ParagraphList(2 paragraphs)"


def _fact(fid: int, ref: tuple[int, int]) -> Fact:
    return Fact(fid, f"fact {fid}", [ref], [ref[0]], 0.5)


@given(st.lists(st.booleans(), max_size=20), st.integers(-25, 25))
def test_facts_made_on_demand_read_as_a_list(on_demand: list[bool], probe: int) -> None:
    """``FactList`` shares ``ParagraphList``'s reading rules: a fact made on demand and a kept
    one are read, sliced, indexed from the end and compared exactly as a plain list of facts."""
    expected = [_fact(fid, (fid % 3, fid)) for fid in range(len(on_demand))]
    kept = [f for f, lazy in zip(expected, on_demand) if not lazy]
    single = [(f.id, f.members[0]) for f, lazy in zip(expected, on_demand) if lazy]
    facts = FactList(kept, single, _fact)
    assert len(facts) == len(expected)
    assert list(facts) == expected and facts == expected
    assert facts[1:4] == expected[1:4] and facts[::-2] == expected[::-2]
    if -len(expected) <= probe < len(expected):
        assert facts[probe] == expected[probe]
    else:
        with pytest.raises(IndexError, match="fact id out of range"):
            facts[probe]
    with pytest.raises(TypeError):
        hash(facts)
