"""The sentence pass (issue 8, fourth round): the two-tier selection run on sentence units and
lifted to the paragraphs that hold them, so a fact stated in one sentence of a long paragraph
is not lost in the rest of the paragraph."""

from __future__ import annotations

import pytest

from reader.core.ingest import article_from_text
from reader.core.matching import matcher
from reader.core.matching.matcher import (
    SENTENCE_PASS_CUES,
    Kept,
    SentenceLinks,
    _candidates,
    _score_candidates,
    _select,
    _sentence_links,
    _unite,
    align,
    best_sentence_pair,
    prepare,
    sentence_units,
)
from reader.core.model import Article


def _paragraph_level(articles: list[Article]) -> Kept:
    """What the paragraph-level rules alone keep (positions of matchable paragraphs)."""
    paras, vocab, _ = prepare(articles)
    a, b = paras
    scored = _score_candidates(a, b, _candidates(a, b, vocab.weight), vocab)
    return _select(scored, a, b, vocab.settings, vocab)


def _diluted() -> list[Article]:
    """The fire is one sentence of each long first paragraph; the rest of each paragraph talks
    about other things, so the paragraphs as wholes share little."""
    left = article_from_text(
        "Fire destroys Waitrose store in Banstead\n\n"
        "A huge fire almost destroyed the Waitrose supermarket in Banstead overnight. "
        "Shoppers queued at the bakery counter on Saturday for the holiday season. "
        "The chain has run stores across Surrey since the nineteen fifties, and the council "
        "plans a new library and swimming pool in the high street next spring.\n\n"
        "Engineers will inspect the roof next week.",
        "l.txt",
        fmt="txt",
    )
    right = article_from_text(
        "Blaze guts supermarket\n\n"
        "Flames tore through the Waitrose supermarket in Banstead overnight, destroying it "
        "almost entirely. Residents were evacuated from nearby flats and roads were closed by "
        "police. Ten fire engines and seventy firefighters fought the blaze for six hours "
        "before dawn.\n\n"
        "Schools reopened on Monday.",
        "r.txt",
        fmt="txt",
    )
    return [left, right]


def test_a_clear_sentence_pair_links_two_long_paragraphs() -> None:
    articles = _diluted()
    # As wholes the two first paragraphs share too little to be scored at all.
    assert (1, 1) not in _paragraph_level(articles)
    by_pair = {(m.left[1], m.right[1]): m for m in align(articles)}
    fire = by_pair[(1, 1)]
    assert fire.evidence == "clear" and fire.cue is None
    assert {"Waitrose", "Banstead"} <= set(fire.names)


def test_a_headline_meets_the_first_sentence_of_a_long_lede() -> None:
    articles = _diluted()
    # Left paragraph 1 against the right headline: diluted as a paragraph, the lede block in
    # sentences (the headline and the first sentences) keeps it.
    assert (1, 0) not in _paragraph_level(articles)
    by_pair = {(m.left[1], m.right[1]): m for m in align(articles)}
    assert by_pair[(1, 0)].cue == "lede"
    # Paragraphs that share no fact stay apart.
    assert not any(m.left[1] == 2 or m.right[1] == 2 for m in by_pair.values())


def _storm() -> list[Article]:
    """Left reports the coastguards in a short paragraph; right in the first sentence of a
    paragraph whose second, long sentence is about the weather.  Both outlets tell the story in
    the same order, so the weak pair lies on the diagonal of two clear ones."""
    left = article_from_text(
        "Storm closes port\n\n"
        "The storm destroyed the harbour wall at Porthleven and sank forty fishing boats.\n\n"
        "Coastguards searched the bay all night.\n\n"
        "Helston residents must boil drinking water for three days.\n\n"
        "The mayor praised volunteers.",
        "l.txt",
        fmt="txt",
    )
    right = article_from_text(
        "Harbour wall collapses\n\n"
        "Waves tore down the Porthleven harbour wall and sank forty fishing boats.\n\n"
        "A sailor from Newlyn is still missing after his trawler capsized, coastguards said. "
        "Forecasters at the national weather service expect gales to return to western "
        "counties on Thursday, with rail operators warning commuters about cancelled trains "
        "and closed bridges.\n\n"
        "Residents of Helston were told to boil drinking water for three days.\n\n"
        "Schools reopened on Monday.",
        "r.txt",
        fmt="txt",
    )
    return [left, right]


def test_a_weak_sentence_pair_on_the_diagonal_of_sentences_is_kept() -> None:
    articles = _storm()
    assert (2, 2) not in _paragraph_level(articles)
    by_pair = {(m.left[1], m.right[1]): m for m in align(articles)}
    coastguards = by_pair[(2, 2)]
    assert coastguards.evidence == "supported" and coastguards.cue == "diagonal"
    assert "Coastguards" in coastguards.words
    assert (1, 1) in by_pair and (3, 3) in by_pair
    assert not any(m.left[1] == 4 or m.right[1] == 4 for m in by_pair.values())


def test_units_split_sentences_and_keep_fragments_with_a_neighbour() -> None:
    left = article_from_text(
        "Quake hits island\n\n"
        "The earthquake destroyed seven villages on Qeshm island in the Persian Gulf. "
        "He was 77. "
        "Rescue teams from Bandar Abbas searched the rubble for survivors all night.",
        "l.txt",
        fmt="txt",
    )
    right = article_from_text("Island quake\n\nSeven villages were destroyed.", "r.txt", fmt="txt")
    paras, vocab, _ = prepare([left, right])
    result = sentence_units(paras, vocab)
    assert result is not None
    units, _uvocab = result
    # Headline, then the long paragraph's two heavy sentences; "He was 77." is too light to
    # stand as a fact and joins the sentence before it.
    assert [u.owner for u in units[0]] == [0, 1, 1]
    assert "77" in units[0][1].para.keys and "villag" in units[0][1].para.keys
    assert "77" not in units[0][2].para.keys
    # A single-sentence paragraph is one unit with the paragraph's own keys.
    assert [u.para.keys for u in units[1]] == [p.keys for p in paras[1]]
    assert [u.para.position for u in units[0]] == [0, 1, 2]
    # Each unit covers the text of its sentences: the fragment's range is its sentence's.
    text = paras[0][1].text
    quake, rescue = (text[s:e] for s, e in (u.spans[0] for u in units[0][1:]))
    assert (
        quake
        == "The earthquake destroyed seven villages on Qeshm island in the Persian Gulf. He was 77."
    )
    assert rescue.startswith("Rescue teams") and rescue.endswith("all night.")
    assert units[1][0].spans == paras[1][0].spans[:1]


def test_a_link_found_by_the_sentence_pass_shows_the_sentences_it_was_found_on() -> None:
    """The explain view highlights ``Match.sentences``: for a link only the sentence pass made,
    the unit pair that made it -- here the coastguards sentence of the right paragraph, though
    its long weather sentence shares no less rare weight with the left paragraph as a whole."""
    left, right = _storm()
    by_pair = {(m.left[1], m.right[1]): m for m in align([left, right])}
    match = by_pair[(2, 2)]
    assert match.sentences is not None
    (ls, le), (rs, re) = match.sentences
    assert left.paragraphs[2].text[ls:le] == "Coastguards searched the bay all night."
    assert right.paragraphs[2].text[rs:re] == (
        "A sailor from Newlyn is still missing after his trawler capsized, coastguards said."
    )


def test_a_clear_link_of_the_paragraph_level_keeps_its_own_sentence_pair() -> None:
    """A link the paragraph level already keeps as clear, with a score the sentence pass does not
    beat, shows the sentence pair sharing the most weight, as before the pass."""
    articles = _storm()
    by_pair = {(m.left[1], m.right[1]): m for m in align(articles)}
    paras, vocab, _ = prepare(articles)
    kept = _paragraph_level(articles)
    wall = by_pair[(1, 1)]
    assert kept[(1, 1)][1] is None and wall.evidence == "clear"
    assert wall.sentences == best_sentence_pair(paras[0][1], paras[1][1], vocab)


def test_only_clear_and_positional_links_are_lifted() -> None:
    articles = _storm()
    paras, vocab, _ = prepare(articles)
    result = sentence_units(paras, vocab)
    assert result is not None
    units, uvocab = result
    lifted = _sentence_links(units[0], units[1], uvocab)
    assert lifted and all(cue in SENTENCE_PASS_CUES for _s, cue, _spans in lifted.values())
    assert lifted[(2, 2)][1] == "diagonal"


def test_large_inputs_skip_the_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = _diluted()
    paras, vocab, _ = prepare(articles)
    assert sentence_units(paras, vocab) is not None
    monkeypatch.setattr(matcher, "SENTENCE_PASS_MAX_PAIRS", 4)
    assert sentence_units(paras, vocab) is None
    # Without the pass the paragraph-level links alone are returned.
    pairs = {(m.left[1], m.right[1]) for m in align(articles)}
    assert (1, 1) not in pairs and (0, 1) in pairs


def test_unite_shows_the_unit_pair_only_where_the_sentence_pass_decided() -> None:
    """The sentence pass's unit pair is what the link rests on when the pass made the link,
    scored it higher or raised it to clear; otherwise the paragraph level's evidence stands."""
    spans = ((0, 10), (5, 20))
    keep: Kept = {
        (0, 0): (0.5, None),  # clear at paragraph level, higher than the pass
        (1, 1): (0.2, "best"),  # supported; the pass finds it clear
        (2, 2): (0.2, "best"),  # the pass scores it higher, same tier
        (3, 3): (0.3, "best"),  # the pass scores it lower, same tier
    }
    lifted: SentenceLinks = {
        (0, 0): (0.45, None, spans),
        (1, 1): (0.18, None, spans),
        (2, 2): (0.25, "diagonal", spans),
        (3, 3): (0.25, "diagonal", spans),
        (4, 4): (0.15, "lede", spans),  # only the pass found it
    }
    shown = _unite(keep, lifted)
    assert set(shown) == {(1, 1), (2, 2), (4, 4)} and shown[(4, 4)] == spans
    assert keep[(0, 0)] == (0.5, None) and keep[(1, 1)] == (0.2, None)
    assert keep[(2, 2)] == (0.25, "best") and keep[(4, 4)] == (0.15, "lede")
