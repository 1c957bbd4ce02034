"""The sentence-level "best" cue (issue 8, third round): a paragraph that reports several facts
keeps a partner for each, not only for its dominant one."""

from __future__ import annotations

from reader.core.ingest import article_from_text
from reader.core.matching.matcher import (
    _candidates,
    _score_candidates,
    _select,
    _sentence_best,
    align,
    prepare,
)
from reader.core.model import Article


def _two_facts() -> tuple[Article, Article]:
    """Left paragraph 1 reports the harbour wall (right 1) and the ferry (right 3); right 3 is
    mostly about boiling water, which left 2 reports, so the ferry pair is the paragraph-level
    best of neither side."""
    left = article_from_text(
        "Storm hits coast\n\n"
        "The storm destroyed the harbour wall at Porthleven and flooded forty fishing boats "
        "overnight. Separately, the council said the Scilly ferry would stay cancelled.\n\n"
        "Residents of Helston were told to boil drinking water for three days.\n\n"
        "The mayor praised volunteers.",
        "left.txt",
        fmt="txt",
    )
    right = article_from_text(
        "Harbour wall collapses\n\n"
        "Waves tore down the Porthleven harbour wall, flooding forty fishing boats moored "
        "overnight.\n\n"
        "Engineers will inspect the pier next week.\n\n"
        "Helston residents must boil drinking water for three days, the water company said. "
        "The Scilly ferry stays cancelled.\n\n"
        "Schools reopened on Monday.",
        "right.txt",
        fmt="txt",
    )
    return left, right


def test_each_fact_of_a_paragraph_keeps_its_partner() -> None:
    left, right = _two_facts()
    by_pair = {(m.left, m.right): m for m in align([left, right])}
    assert ((0, 1), (1, 1)) in by_pair  # the wall: the dominant fact
    assert ((0, 2), (1, 3)) in by_pair  # the water: right 3's dominant fact
    ferry = by_pair[((0, 1), (1, 3))]  # the ferry: the best partner of one sentence only
    assert "Scilly" in ferry.names and "ferry" in ferry.words
    # The two ferry sentences say the same thing: as a sentence pair they are clear evidence
    # (the sentence pass); the paragraph level alone keeps the pair by the sentence "best" cue.
    assert ferry.evidence == "clear"
    paras, vocab, _ = prepare([left, right])
    a, b = paras
    scored = _score_candidates(a, b, _candidates(a, b, vocab.weight), vocab)
    assert _select(scored, a, b, vocab.settings, vocab)[(1, 3)][1] == "best"
    # Paragraphs that share no fact stay apart.
    assert not any(m.left == (0, 4) or m.right == (1, 5) for m in by_pair.values())


def test_the_cue_only_adds_pairs_and_only_for_multi_sentence_paragraphs() -> None:
    left, right = _two_facts()
    paras, vocab, _ = prepare([left, right])
    a, b = paras
    scored = _score_candidates(a, b, _candidates(a, b, vocab.weight), vocab)
    without = _select(scored, a, b, vocab.settings)
    with_cue = _select(scored, a, b, vocab.settings, vocab)
    assert set(without) < set(with_cue)
    assert all(with_cue[pair] == kept for pair, kept in without.items())
    for i, j in set(with_cue) - set(without):
        assert a[i].bounds or b[j].bounds  # one side has several sentences


def test_a_sentence_tied_between_two_paragraphs_keeps_both() -> None:
    # The second sentence shares exactly the same words with right 1 and right 2: neither is
    # better, so both are kept (and the choice never depends on the order of a set).
    filler = [
        "Markets opened late.",
        "Teachers met parents.",
        "A choir sang at dusk.",
        "Bakers sold out of bread.",
    ]
    left = Article.from_texts(
        "l",
        "l.txt",
        [
            "Quake strikes island",
            "Rescuers pulled survivors from rubble in Qeshm. "
            "The Bandar ferry terminal suspended sailings to Kish and Hormuz until further notice.",
            *filler,
        ],
    )
    right = Article.from_texts(
        "r",
        "r.txt",
        [
            "Island shaken",
            "Officials said the Bandar ferry terminal suspended sailings to Kish and Hormuz until further notice.",
            "Traders noted that the Bandar ferry terminal suspended sailings to Kish and Hormuz until further notice.",
            *filler,
        ],
    )
    paras, vocab, _ = prepare([left, right])
    a, b = paras
    scored = {(1, 1): 0.13, (1, 2): 0.13}
    keep: dict = {}
    _sentence_best(scored, a, b, vocab, keep)
    assert set(keep) == {(1, 1), (1, 2)}
