"""The shortcuts taken for speed in detection, grouping and sentence look-ups answer exactly what
the plain rule they stand for answers (issue 9 speed: outputs must not change)."""

from __future__ import annotations

import gc
import importlib
import re
from bisect import bisect_right
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.figures import find_figures, group_figures
from reader.core.ingest.segment import _SENTENCE_OPENERS, SentenceStarts, split_sentences
from reader.core.model import Article, paragraph_text

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


# --- stop 17: whole-word search, description tails, reading order, paragraphs, sentence starts

_NAME_PIECES = ["King", "Dean", "Kingdom", "Deans", "king", " ", "-", "_", "é", "7", "٣", ".", "'"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_NAME_PIECES + ["a", "Z", "ß", "\u00a0"]), max_size=30).map("".join),
    st.sets(st.sampled_from(["King", "Dean", "Pope"]), min_size=1),
)
def test_whole_words_finds_what_the_word_regex_finds(text, words):
    """``whole_words`` (``str.find`` and a boundary test) stands for ``\\b(?:w|...)\\b``."""
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + r")\b")
    expected = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
    assert detect_module.whole_words(text, words) == expected


link_module = importlib.import_module("reader.core.entities.link")


def _desc_tail_reference(text: str, end: int, possessive: bool) -> int:
    """``_desc_tail`` without its first-character test, as first written."""
    if text.startswith(("'s", "\u2019s"), end):
        if not possessive:
            return -1
        end += 2
    head = ""
    n = 0
    while n < 3:
        m = link_module._DESC_WORD_RE.match(text, end)
        if m is None or m.group(1) in link_module._DESC_STOP:
            break
        end, n, head = m.end(), n + 1, m.group(1)
    if not n or head.endswith("ed") or (head.endswith("s") and not head.endswith("ss")):
        return -1
    m = link_module._DESC_OF_RE.match(text, end)
    return m.end() if m else end


_DESC_PIECES = [" ", "'s", "’s", "mother", "of", "12", "the", "said", "a", "é", "B", ",", "-", "x"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_DESC_PIECES), max_size=14).map("".join),
    st.integers(0, 40),
    st.booleans(),
)
def test_description_tail_fast_test_answers_like_the_regex(text, end, possessive):
    assert link_module._desc_tail(text, end, possessive) == _desc_tail_reference(
        text, end, possessive
    )


@settings(max_examples=200)
@given(st.lists(st.tuples(st.integers(0, 2), st.integers(0, 3), st.integers(0, 9)), max_size=12))
def test_by_paragraph_sorts_as_by_its_key(places):
    """The candidates out of reading order are sorted by a list of keys, as by the key function."""
    cands = [detect_module.Candidate(a, p, s, s + 1, "X") for a, p, s in places]
    nodes = [0 if k % 3 else -1 for k in range(len(cands))]
    order = sorted(
        range(len(cands)), key=lambda ci: (cands[ci].article, cands[ci].paragraph, cands[ci].start)
    )
    expected: list[tuple[int, int, list[int]]] = []
    for ci in order:
        if nodes[ci] < 0:
            continue
        c = cands[ci]
        if expected and expected[-1][:2] == (c.article, c.paragraph):
            expected[-1][2].append(ci)
        else:
            expected.append((c.article, c.paragraph, [ci]))
    assert list(link_module._by_paragraph(cands, nodes)) == expected


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(["", "One.", "Two. Three.", "A b. C d. E", "x"]), max_size=6),
    st.sets(st.integers(0, 6)),
    st.booleans(),
    st.booleans(),
)
def test_paragraph_list_reads_paragraphs_as_laid_out(texts, furniture, headline, sentences):
    """Iterating and indexing (both with ``_make`` inlined) give each paragraph as laid out."""
    split = split_sentences if sentences else None
    art = Article.from_texts(
        "s", "s", texts, boilerplate=furniture, sentences=split, headline=headline
    )
    paras = art.paragraphs
    sep = len(Article.PARAGRAPH_SEPARATOR)
    start = 0
    for i, text in enumerate(texts):
        p = paras[i]
        assert list(paras)[i] == p == paras[i - len(texts)]
        assert (p.index, p.text, p.start, p.end) == (i, text, start, start + len(text))
        assert art.text[p.start : p.end] == text
        assert p.sentences == (split(text) if split else ())
        assert p.boilerplate == (i in furniture)
        assert p.role == (
            "furniture" if i in furniture else ("headline" if headline and i == 0 else "body")
        )
        start += len(text) + sep


group_module = importlib.import_module("reader.core.figures.group")


def _sentence_start_reference(articles, f, si: int) -> int:
    """``_Ctx._sentence_start`` as first written: the paragraph read at every call."""
    try:
        para = articles[f.article].paragraphs[f.paragraph]
    except IndexError:
        return 0
    spans = para.sentences
    if not spans or si >= len(spans):
        return 0
    while (
        si > 0
        and group_module._DECIMAL_SPLIT.match(para.text, spans[si][0])
        and para.text[: spans[si][0]].rstrip().endswith(".")
        and para.text[: spans[si][0]].rstrip()[-2:-1].isdigit()
    ):
        si -= 1
    return spans[si][0]


def test_sentence_start_reads_each_paragraph_once_with_the_same_answers():
    texts = [
        "The quake measured 6. 4 on the Richter scale. It killed 12 people.",
        "Officials said 30 were hurt. Another 4. 5 percent fled. Then 7 died.",
        "No figure here.",
    ]
    arts = [Article.from_texts(n, n, texts, sentences=split_sentences) for n in "ab"]
    figs = find_figures(arts)
    from dataclasses import replace

    figs.append(replace(figs[0], paragraph=99))  # a figure of no paragraph: start 0
    ctx = group_module._Ctx(figs, arts)
    for _ in range(2):  # read, then from the cache
        for f in figs:
            for si in range(5):
                assert ctx._sentence_start(f, si) == _sentence_start_reference(arts, f, si)


def _blends_reference(nodes, uf) -> None:
    """``link._blends`` as first written: each person's words read again for every blend."""
    blends = []
    for i, n in enumerate(nodes):
        if len(n.tokens) == 1 and not n.acronym and n.gaz is None:
            for surf in n.surfaces:
                m = link_module._BLEND_RE.fullmatch(surf)
                if m:
                    blends.append((i, m.group(1).lower(), m.group(2).lower()))
                    break
    if not blends:
        return
    people = [
        j
        for j, n in enumerate(nodes)
        if n.full and n.gaz is None and 2 <= len(n.tokens) <= 3 and not link_module._has_cue(n)
    ]
    for i, first, last in blends:
        fits = {
            uf.find(j)
            for j in people
            if nodes[j].tokens[0].startswith(first)
            and link_module._core(nodes[j].tokens)[-1].startswith(last)
            and nodes[j].tokens[0] != first + last
        }
        if len(fits) == 1:
            uf.union(i, fits.pop())


_PEOPLE = ["Lindsay Lohan", "Lisa Lopez", "Jennifer Lopez", "Jeff Long", "Lillian Loren Jr."]
_BLENDS = ["LiLo", "JeLo", "LiLoren", "McCain", "DeShawn", "JLo", "LoLi"]


@settings(max_examples=100)
@given(st.lists(st.sampled_from(_PEOPLE + _BLENDS), min_size=1, max_size=10))
def test_blends_read_each_person_once_and_link_the_same(texts):
    cands = [detect_module.Candidate(0, k, 0, len(t), t) for k, t in enumerate(texts)]
    cfg = link_module.LinkConfig()
    results = []
    for blend in (link_module._blends, _blends_reference):
        nodes, _ = link_module._build_nodes(cands)
        uf = link_module._Clusters(nodes, cfg)
        blend(nodes, uf)
        results.append([uf.find(i) for i in range(len(nodes))])
    assert results[0] == results[1]


extract_module = importlib.import_module("reader.core.figures.extract")
_FIGURE_PIECES = ["12", " ", "people", "killed", "3 p.m.", "noon", ":", "five", "%", "x", "."]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_FIGURE_PIECES + ["the", "A"]), max_size=12).map("".join))
def test_a_paragraph_without_a_number_reports_its_times_only(text):
    """``_figures_in`` returns before building its event index when no number matched: what the
    loop would have left, the times of day alone."""
    figs = extract_module._figures_in(text, 0, 0, SentenceStarts(text))
    if not extract_module._master_matches(text):
        times = extract_module.find_times(text, 0, 0) if extract_module._may_have_time(text) else []
        assert figs == times


_TEAM_PIECES = ["ers", "ERS", "Ers", "er", "s", "7", "٣", "²", "Ⅷ", "_", "a", "é", " ", "-", "."]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_TEAM_PIECES), max_size=12).map("".join))
def test_team_number_scan_answers_like_the_regex(text):
    """``_has_team_number`` (``str.find``, ``isdecimal`` for ``\\d``, ``isalnum`` or "_" for the
    ``\\b`` after the "s") stands for ``_TEAM_NUMBER_RE.search``: "76ers", "49ERS" only."""
    expected = detect_module._TEAM_NUMBER_RE.search(text) is not None
    assert detect_module._has_team_number(text) == expected


def test_team_number_scan_finds_teams():
    assert detect_module._has_team_number("the Philadelphia 76ers won")
    assert detect_module._has_team_number("SAN FRANCISCO 49ERS")
    assert not detect_module._has_team_number("76ersx, 4 others, 49ers_ and ²ers")


_LEAD_PIECES = ["de", "van", "der", "al", "bin", "della", "la", " ", "\u00a0", "Mistura", "X", "a"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_LEAD_PIECES), max_size=12).map("".join))
def test_lead_particle_test_skips_only_words_that_cannot_be_particles(text):
    """In ``_spans`` the particle look-up is skipped when the character before the space ends no
    particle: that never skips a word the look-up would find."""
    lead_last = detect_module._LEAD_LAST
    ends = detect_module._LEAD_LAST_ENDS
    for s in range(1, len(text) + 1):
        full = text[max(0, s - 7) : s - 1].rpartition(" ")[2] in lead_last
        fast = s > 1 and text[s - 2] in ends and full
        assert fast == full


def test_spans_still_take_leading_particles():
    text = "talks with de Mistura ended, then with van der Berg, not with bin Laden"
    spans = [text[s:e] for s, e in detect_module._spans(text)]
    assert spans == ["de Mistura", "van der Berg", "bin Laden"]


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(["", "One.", "Two. Three.", "x"]), min_size=1, max_size=6),
    st.integers(-8, 8),
    st.booleans(),
)
def test_paragraph_text_reads_what_the_paragraph_holds(texts, index, as_list):
    """``paragraph_text`` (the text sliced without making the paragraph) answers as
    ``paragraphs[index].text``, an ``IndexError`` included, for laid-out and plain lists."""
    art = Article.from_texts("s", "s", texts, sentences=split_sentences)
    if as_list:
        art = Article(art.source, art.title, art.text, list(art.paragraphs))
    try:
        expected: str | None = art.paragraphs[index].text
    except IndexError:
        expected = None
    try:
        got: str | None = paragraph_text(art, index)
    except IndexError:
        got = None
    assert got == expected


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_DESC_PIECES + ["'", "’", "."]), max_size=10).map("".join),
    st.integers(0, 40),
)
def test_descriptions_skip_only_names_without_a_description(text, end):
    """``_descriptions`` calls ``_desc_tail`` only when a space or an apostrophe follows the
    name: after anything else it finds no description, possessive or not."""
    if text[end : end + 1] not in link_module._DESC_NEXT:
        assert link_module._desc_tail(text, end, True) == -1
        assert link_module._desc_tail(text, end, False) == -1


# --- stop 18: cue kinds per word, stop words per token, the story's words from paragraph texts

_CUE_WORDS = sorted(
    {w for cues in (link_module.N.ORG_CUES, link_module.N.PLACE_CUES) for w in cues}
)[:60] + ["agencies", "boards", "laws", "agreements", "smith", "bus", "ies", "s", ""]


@settings(max_examples=300)
@given(
    st.one_of(
        st.sampled_from(_CUE_WORDS),
        st.sampled_from(_CUE_WORDS).map(lambda w: w + "s"),
        st.sampled_from(_CUE_WORDS).map(lambda w: w[:-1] + "ies" if w.endswith("y") else w),
        st.text("abeilorsy", max_size=8),
    )
)
def test_cue_kinds_answer_like_each_cue_list(word):
    """``_cue_kinds`` (cached per word) has the bit of each list for which ``_cue`` says yes."""
    kinds = link_module._cue_kinds(word)
    n = link_module.N
    assert bool(kinds & link_module._ORG_CUE) == link_module._cue(word, n.ORG_CUES)
    assert bool(kinds & link_module._PLACE_CUE) == link_module._cue(word, n.PLACE_CUES)
    assert bool(kinds & link_module._OTHER_CUE) == link_module._cue(word, n.OTHER_CUES)
    assert link_module._is_cue_word(word) == (
        link_module._cue(word, n.ORG_CUES)
        or link_module._cue(word, n.PLACE_CUES)
        or link_module._cue(word, n.OTHER_CUES)
    )


def test_static_votes_use_cue_words_anywhere_in_the_name():
    """The cached kinds still type by head word and by cue words inside the name."""
    cands = [
        detect_module.Candidate(0, k, 0, len(t), t)
        for k, t in enumerate(["Duke University", "Lake Erie", "Paris Agreement", "Brandon Ward"])
    ]
    nodes, _ = link_module._build_nodes(cands)
    votes = {n.key: link_module._static_votes(n) for n in nodes}
    best = {k: max(range(3), key=lambda t, v=v: v[t]) for k, v in votes.items()}
    assert best["duke university"] == 1 and best["lake erie"] == 2
    assert best["brandon ward"] == 0 and max(votes["paris agreement"]) <= 0


@settings(max_examples=300)
@given(st.sampled_from(["The", "THE", "He's", "He’s", "PM", "P.M.", "A.", "US", "Obama", "Mr."]))
def test_cached_stop_test_answers_like_the_rule(text):
    fold = detect_module.tok_fold(text)
    assert detect_module._is_stop(text, fold) == detect_module._is_stop.__wrapped__(text, fold)


def _split_inner_acronyms_reference(g):
    """``_split_inner_acronyms`` without its shortcut for names of one or two words."""
    parts, cur = [], []
    for i, t in enumerate(g):
        if (
            detect_module._short_acronym(t)
            and 0 < i < len(g) - 1
            and not g[i - 1].conn
            and not g[i + 1].conn
            and not detect_module._short_acronym(g[i - 1])
            and not detect_module._short_acronym(g[i + 1])
        ):
            parts.extend([cur, [t]])
            cur = []
            continue
        cur.append(t)
    parts.append(cur)
    return [p for p in parts if p]


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(["Saints", "RB", "NFL", "Pierre", "of", "Thomas", "AB"]), max_size=5)
)
def test_inner_acronym_split_shortcut_answers_like_the_loop(words):
    toks = detect_module._pieces(" ".join(words), 0, len(" ".join(words)), False)
    got = detect_module._split_inner_acronyms(toks)
    assert got == _split_inner_acronyms_reference(toks)
    assert all(part is not toks for part in got)  # new lists, as the loop makes


def test_capital_characters_are_exactly_the_capital_class():
    """``_UP_CHARS`` holds every character ``[_UP]`` matches (the class ends below U+0500)."""
    cls = re.compile(f"[{detect_module._UP}]")
    for cp in range(0x3000):
        ch = chr(cp)
        assert (ch in detect_module._UP_CHARS) == (cls.fullmatch(ch) is not None), hex(cp)


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(["al-", "Ünal", "of", "É", "ß", "x", "Σ", "Я", "7", "-"]),
        min_size=1,
        max_size=3,
    ).map("".join)
)
def test_capital_start_shortcut_answers_like_the_regex(raw):
    fast = raw[0] in detect_module._UP_CHARS or detect_module._CAP_START_RE.match(raw) is not None
    assert fast == (detect_module._CAP_START_RE.match(raw) is not None)


@settings(max_examples=200)
@given(st.text(alphabet="aEğé ß.Ω\u00a0", min_size=1, max_size=8))
def test_display_name_prefers_the_accented_spelling_as_before(word):
    """``_canonical`` asks ``str.isascii`` where it asked ``ord(ch) > 127`` of each character:
    of two equally used spellings of a name, the accented one is still shown."""
    assert (not word.isascii()) == any(ord(ch) > 127 for ch in word)
    assert link_module._canonical(Counter({"Erdogan": 2, "Erdoğan": 2})) == "Erdoğan"


# --- stop 18, second speed round: lower-case word starts, hyphen suffixes, entity types, months

_LOWER_START_TWO_CHARS = re.compile(r"\s[a-z]")


@settings(max_examples=400)
@given(
    st.text(alphabet=" \t\n\u00a0\u2003aZbé.-", max_size=16),
    st.integers(0, 17),
    st.integers(0, 17),
)
def test_lower_start_look_ahead_counts_like_the_two_character_match(text, lo, hi):
    """The look-ahead pattern finds as many word starts in ``text[lo:hi]`` as ``\\s[a-z]``:
    the letter after the space is still inside the range searched, never past it."""
    pattern = detect_module._LOWER_START_RE
    assert len(pattern.findall(text, lo, hi)) == len(_LOWER_START_TWO_CHARS.findall(text, lo, hi))


def _as_first_written(func, fast: str, plain: str):
    """``func`` of the detector rebuilt from its source with the shortcut ``fast`` replaced by
    the ``plain`` code it stands for (both must be in the source as written)."""
    import inspect
    import textwrap

    source = textwrap.dedent(inspect.getsource(func))
    assert fast in source
    namespace: dict = {}
    exec(source.replace(fast, plain), vars(detect_module), namespace)
    return namespace[func.__name__]


def _pieces_asking_every_piece():
    """``detect._pieces`` as first written: the hyphen-suffix regex asked of every piece."""
    return _as_first_written(
        detect_module._pieces,
        'hs = _HYPHEN_SUFFIX_RE.search(ptext, a, b) if "-" in raw else None',
        "hs = _HYPHEN_SUFFIX_RE.search(ptext, a, b)",
    )


_PIECE_WORDS = ["Gov.Sarah", "Chargers'Jamal", "U.S.-based", "al-Assad", "Jong-un", "-born", "-led"]
_PIECE_PARTS = ["Smith", "O'Brien", "St", "Anne's", " ", "-", ".", "'", "’s", "of", "Kabul-"]


@settings(max_examples=400)
@given(
    st.lists(st.sampled_from(_PIECE_WORDS + _PIECE_PARTS), max_size=8).map("".join), st.booleans()
)
def test_pieces_skip_the_suffix_regex_only_where_no_hyphen_is(span, initial):
    reference = _pieces_asking_every_piece()
    assert detect_module._pieces(span, 0, len(span), initial) == reference(
        span, 0, len(span), initial
    )


@settings(max_examples=300)
@given(st.lists(st.sampled_from([-1.5, 0.0, 0.25, 2.0, 3.0, -0.0]), min_size=3, max_size=3))
def test_first_largest_vote_is_what_max_picks(votes):
    assert link_module._first_largest(votes) == max(range(3), key=lambda t: votes[t])


def test_months_read_the_sentence_ranges_as_the_paragraph_holds_them():
    """``_Ctx.months`` asks the cached sentence ranges how many sentences the paragraph has; the
    answers are those of a context that reads the paragraph's own ranges each time."""
    texts = [
        "In February, a quake killed 12 people. It injured 1,400 more in March.",
        "They said 30 were hurt in May. Another 4. 5 percent fled. Then 7 died.",
        "It killed 3 people.",
        "No figure here.",
    ]
    arts = [Article.from_texts(n, n, texts, sentences=split_sentences) for n in "ab"]
    figs = find_figures(arts)
    from dataclasses import replace

    figs.append(replace(figs[-1], paragraph=99))  # a figure of no paragraph: whole-text range

    class _Rereading(group_module._Ctx):
        def _sentence_ranges(self, f):
            try:
                return tuple(self.articles[f.article].paragraphs[f.paragraph].sentences)
            except IndexError:
                return ()

    fast, plain = group_module._Ctx(figs, arts), _Rereading(figs, arts)
    months = [fast.months(i) for i in range(len(figs))]
    assert months == [plain.months(i) for i in range(len(figs))]
    assert any(months)


_CLEAN_FAST = """        if len(g) < 3:
            # One or two tokens: no place, acronym or given name splits them (see the three
            # splits below, each of which needs three), so only the titles are looked for.
            _split_titles(g, out)
            continue
        for whole in _split_trailing_place(g):"""
_CLEAN_PLAIN = """        for whole in _split_trailing_place(g) if len(g) > 2 else (g,):"""
_SPAN_WORDS = ["Mr.", "Barack", "Obama", "U.S.", "RB", "Saints", "Pierre", "Thomas", "Chargers"]
_SPAN_WORDS += ["Jamal", "President", "of", "and", "the", "Police", "Chief", "King", "Operator"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(_SPAN_WORDS), min_size=1, max_size=6).map(" ".join), st.booleans())
def test_names_of_one_or_two_tokens_skip_the_splits_that_need_three(span, initial):
    plain = _as_first_written(detect_module._clean, _CLEAN_FAST, _CLEAN_PLAIN)
    toks = detect_module._pieces(span, 0, len(span), initial)
    assert detect_module._clean(toks) == plain(toks)


def test_a_node_is_full_as_its_words_say():
    """``_Node.full`` is set when the node is made, and answers as the property it replaced."""
    texts = ["Barack Obama met NATO and Mr. Obama in Kabul.", "The U.S. Department of State said."]
    arts = [Article.from_texts("a", "a", texts, sentences=split_sentences)]
    cands = detect_module.detect(arts).candidates
    nodes, _ = link_module._build_nodes(cands)
    assert {n.full for n in nodes} == {True, False}
    for n in nodes:
        assert n.full == (not n.acronym and len(n.tokens) >= 2)


@settings(max_examples=500)
@given(
    st.text(alphabet=" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u00a0\u2003aZbzé.-'", max_size=24),
    st.integers(0, 26),
    st.integers(0, 26),
)
def test_lower_starts_counts_like_the_regex(text, lo, hi):
    """The byte-table count of lower-case word starts (ASCII texts) answers as the regex does,
    for every kind of white space ``\\s`` matches and any range; other texts use the regex."""
    expected = len(detect_module._LOWER_START_RE.findall(text, lo, hi))
    assert detect_module._lower_starts(text, lo, hi) == expected


def _rebuilt(module, func, *replacements: tuple[str, str]):
    """``func`` of ``module`` rebuilt from its source with each shortcut (first of a pair)
    replaced by the plain code it stands for (second); both must be in the source as written."""
    import inspect
    import textwrap

    source = textwrap.dedent(inspect.getsource(func))
    for fast, plain in replacements:
        assert fast in source, fast
        source = source.replace(fast, plain)
    namespace: dict = {}
    exec(source, vars(module), namespace)
    return namespace[func.__name__]


_NAME_PARTS = [
    "Duke", "University", "of", "Alabama", "Reuters", "Lake", "Erie", "Mar-a-Lago", "Cap",
    "d'Antibes", "Ludwig", "van", "Beethoven", "Hugh", "W.", "Sloan", "Jr.", "Gray", "family",
    "Paris", "Agreement", "NATO", "U.", "S.", "Ohio", "State", "St", "Anne", "Route", "94",
    "Hurricane", "Katrina", "Grill", "&", "Grocery", "the", "Le", "Monde", "Stratford-upon-Avon",
]  # fmt: skip
_names = st.lists(st.sampled_from(_NAME_PARTS), min_size=1, max_size=4).map(" ".join)


@settings(max_examples=300)
@given(st.lists(_names, min_size=1, max_size=4))
def test_static_votes_without_generators_vote_as_first_written(texts):
    """The typing votes, the cue test and the name key answer as their first-written code (a
    list of the organisation cue words, ``any`` over generators, ``all`` over the words)."""
    votes = _rebuilt(
        link_module,
        link_module._static_votes,
        ("kinds = list(map(_cue_kinds, toks))", "kinds = [_cue_kinds(t) for t in toks]"),
        (
            "org = not single_known and bool(anywhere & _ORG_CUE)",
            "org = [] if single_known else [t for t, k in zip(toks, kinds) if k & _ORG_CUE]",
        ),
        ("if not _PARTICLES.isdisjoint(toks):", "if any(t in _PARTICLES for t in toks):"),
        (
            "if any(map(_INNER_PARTICLE_RE.search, node.surfaces)):",
            'if any("-" in surf and _INNER_PARTICLE_RE.search(surf) for surf in node.surfaces):',
        ),
        (
            "and any(map(_ELIDED_INSIDE_RE.search, node.surfaces))",
            "and any(_ELIDED_INSIDE_RE.search(surf) for surf in node.surfaces)",
        ),
    )
    key = _rebuilt(
        link_module,
        link_module.name_key,
        ("max(map(len, toks)) == 1", "all(len(t) == 1 for t in toks)"),
    )
    cands = [detect_module.Candidate(0, k, 0, len(t), t) for k, t in enumerate(texts)]
    nodes, _ = link_module._build_nodes(cands)
    for n in nodes:
        assert link_module._static_votes(n) == votes(n)
        assert link_module._has_cue(n) == any(link_module._is_cue_word(t) for t in n.tokens)
    for t in texts:
        assert link_module.name_key(t) == key(t)


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_NAME_PARTS + ["and", "for", "on"]), max_size=5).map(" ".join))
def test_inner_connector_test_through_map_answers_like_the_generator(text):
    connectors = detect_module._INNER_CONNECTORS
    assert any(map(text.__contains__, connectors)) == any(c in text for c in connectors)


def test_family_entities_are_named_as_first_written():
    """``_entities`` tells an entity made of family nodes alone by a set of those nodes; the
    entities are those of the first-written ``all`` over the entity's nodes."""
    texts = [
        "The Gray family said Kimani Gray was shot. The LaRues met the Gray family.",
        "Fred LaRue and the LaRues spoke. Gray said the Gray family's lawyer would sue.",
        "Kimani Gray, 16, died. The Smith family and the Smiths grieved with the Grays.",
    ]
    arts = [Article.from_texts(n, n, texts, sentences=split_sentences) for n in "abc"]
    plain = _rebuilt(
        link_module,
        link_module._entities,
        (
            "if node_ids <= families and",
            'if all(nodes[ni].key.endswith(" family") for ni in node_ids) and',
        ),
    )
    from reader.core.entities import find_entities

    fast = find_entities(arts)
    saved = link_module._entities
    link_module._entities = plain
    try:
        first = find_entities(arts)
    finally:
        link_module._entities = saved
    assert fast == first
    assert any(e.name.endswith(" family") for e in fast)


_FIGURE_TEXTS = [
    "The deal is worth $5 million, or 5 million euros, up 12 percent.",
    "Officials said 30 people were killed and 12 percent of homes were hit.",
    "The company paid 5 million euros, about $5.6 million, for 3 km of road.",
    "At least 31 people were killed; 10 percent of the 40 km road was closed.",
]


def test_label_links_test_units_once_per_bucket_as_same_family_would():
    """``_label_links`` asks a bucket's kind once whether units must agree; the groups are those
    of the first-written call to ``_same_family`` for every pair."""
    arts = [
        Article.from_texts(n, n, _FIGURE_TEXTS[k:] + _FIGURE_TEXTS[:k], sentences=split_sentences)
        for k, n in enumerate("abc")
    ]
    plain = _rebuilt(
        group_module,
        group_module._label_links,
        (
            "if by_unit and figures[i].unit != figures[j].unit:",
            "if not _same_family(figures[i], figures[j]):",
        ),
    )
    fast_figs = find_figures(arts)
    fast = group_figures(fast_figs, arts, [])
    saved = group_module._label_links
    group_module._label_links = plain
    try:
        first_figs = find_figures(arts)
        first = group_figures(first_figs, arts, [])
    finally:
        group_module._label_links = saved
    assert fast == first and fast_figs == first_figs
    assert any(g.status != "single" for g in fast)
