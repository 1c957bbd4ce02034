"""Search across articles: case- and accent-insensitive, offsets into the text the user sees."""

from __future__ import annotations

from reader.core.matching.search import SearchIndex, find
from reader.core.model import Article
from reader.core.vocabulary.folding import fold


def _articles() -> list[Article]:
    return [
        Article.from_texts(
            "a.txt", "A", ["President Erdoğan met envoys in Łódź.", "Nothing here."]
        ),
        Article.from_texts("b.txt", "B", ["ERDOGAN spoke later; Erdogan's aides in Lodz agreed."]),
    ]


def test_hits_ignore_case_and_accents_and_point_at_the_text() -> None:
    articles = _articles()
    hits = find(articles, "erdogan")
    assert [(a, p) for a, p, _, _ in hits] == [(0, 0), (1, 0), (1, 0)]
    for a, p, start, end in hits:
        assert fold(articles[a].paragraphs[p].text[start:end]) == "erdogan"


def test_letters_without_combining_marks_fold_like_the_matcher() -> None:
    # "ł" has no NFKD decomposition; search must still treat it as the matcher does.
    articles = _articles()
    hits = find(articles, "lodz")
    texts = [articles[a].paragraphs[p].text[s:e] for a, p, s, e in hits]
    assert texts == ["Łódź", "Lodz"]


def test_index_reuses_folded_text_and_handles_empty_queries() -> None:
    index = SearchIndex(_articles())
    assert index.find("") == []
    assert index.find("ERDOĞAN") == index.find("erdogan")
