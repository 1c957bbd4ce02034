"""The shortcuts taken for speed in detection, grouping and sentence look-ups answer exactly what
the plain rule they stand for answers (issue 9 speed: outputs must not change)."""

from __future__ import annotations

import gc
import importlib
import re
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.figures import find_figures, group_figures
from reader.core.ingest.segment import _SENTENCE_OPENERS, SentenceStarts, split_sentences
from reader.core.model import Article

# The module, not the function of the same name that ``reader.core.entities`` exports.
detect_module = importlib.import_module("reader.core.entities.detect")

# Text made of the characters the rules look at: openers, capitals, digits, spaces, periods.
_PIECES = [" ", "  ", "\t", "\n", '"', "“", "(", "—", "-", "'", ".", ",", "A", "b", "Z", "z", "7"]
_WORDS = ["said", "says", "himself", "who", "the", "local", "in", "of", "a", "Mr.", "U.S."]
texts = st.lists(st.sampled_from(_PIECES + _WORDS), max_size=40).map("".join)


def _opens_reference(text: str, starts: list[int], pos: int) -> bool:
    """The rule as first written: only openers between the sentence's start and ``pos``."""
    start = starts[max(0, bisect_right(starts, pos) - 1)]
    if start > pos:
        return True
    return all(ch in _SENTENCE_OPENERS for ch in text[start:pos])


@settings(max_examples=300)
@given(texts, st.lists(st.integers(0, 45), max_size=5), st.integers(-2, 50))
def test_opens_sentence_matches_its_rule(text, raw_starts, pos):
    spans = tuple((s, s) for s in sorted(set(raw_starts)))
    ss = SentenceStarts(text, spans or None)
    starts = [s for s, _ in (spans or split_sentences(text))] or [0]
    assert ss.opens_sentence(pos) == _opens_reference(text, starts, pos)
    assert ss.index(pos) == max(0, bisect_right(starts, pos) - 1)


_LOWER_START = re.compile(r"\s[a-z]")


@settings(max_examples=300)
@given(texts)
def test_paragraph_mode_fast_path_counts_like_the_whole_text(text):
    """Counting lower-case words on half the paragraph first decides "normal" exactly when the
    count over the whole paragraph does."""
    whole = len(_LOWER_START.findall(text)) + ("a" <= text[:1] <= "z")
    if whole > 2 and whole > 0.3 * (text.count(" ") + 1):
        assert detect_module._paragraph_mode(text) == "normal"


@settings(max_examples=300)
@given(texts)
def test_one_alternation_after_a_name_tries_the_cues_in_order(tail):
    tail = " " + tail[:15]
    m = detect_module._CTX_AFTER_SPACE.match(tail)
    speaker = detect_module._CTX_AFTER_SPEAKER.match(tail)
    person = detect_module._CTX_AFTER_PERSON.match(tail)
    follower = detect_module._CTX_AFTER_FOLLOWER.match(tail)
    assert (m is not None and m.start(detect_module._SPEAKER_GROUP) >= 0) == bool(speaker)
    if not speaker:
        assert (m is not None and m.start(detect_module._PERSON_GROUP) >= 0) == bool(person)
    if not speaker and not person:
        assert (m is None) == (follower is None)
        if follower is not None:
            assert m.group(detect_module._FOLLOWER_WORD) == follower.group(1)
            assert m.end() == follower.end()


def test_before_name_cues_cover_every_word_the_chain_reads():
    """Mentions after a word outside ``_BEFORE_CUES`` get the same votes as with the chain."""
    for before in ("the ", "in the ", "town of ", "at ", "a ", "a local ", "a 2007 silver "):
        text = f"They met {before}Brandon Ward."
        start = text.index("Brandon")
        votes = [0.0, 0.0, 0.0, 0.0]
        detect_module._context_votes(text, start, start + len("Brandon Ward"), votes)
        assert votes != [0.0, 0.0, 0.0, 0.0], before
    votes = [0.0, 0.0, 0.0, 0.0]
    text = "They met yesterday Brandon Ward."
    start = text.index("Brandon")
    detect_module._context_votes(text, start, start + len("Brandon Ward"), votes)
    assert votes == [0.0, 0.0, 0.0, 0.0]


def test_figures_pause_the_collector_and_restore_it():
    arts = [
        Article.from_texts("a", "a", ["Police said 12 people were killed in Gaza."]),
        Article.from_texts("b", "b", ["Twelve people died in Gaza, officials said."]),
    ]
    seen: list[bool] = []
    original = group_figures.__globals__["_group_figures"]

    def spy(*args):
        seen.append(gc.isenabled())
        return original(*args)

    group_figures.__globals__["_group_figures"] = spy
    try:
        assert gc.isenabled()
        figs = find_figures(arts)
        groups = group_figures(figs, arts, [])
        assert gc.isenabled() and seen == [False]
        gc.disable()
        group_figures(figs, arts, [])
        assert not gc.isenabled()
    finally:
        gc.enable()
        group_figures.__globals__["_group_figures"] = original
    assert groups and figs
