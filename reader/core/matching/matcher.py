"""Paragraph alignment: which paragraphs of different articles report the same facts.

Pipeline (all linear in the input size; no all-pairs comparison):

1. **Terms.** Each non-boilerplate paragraph (the headline included) becomes the *set* of its
   content keys (:func:`reader.core.matching.terms.content_keys`: casefolded, accent-free, lightly
   stemmed, stopwords out, numbers normalised).  Weekdays never count (a day dates a report, it
   is not a fact of it) and titles written as titles ("President Obama", "Prime Minister", "Lt.
   Hastings", :func:`_mask_titles`) are dropped.  A key is a *name* when it is written
   capitalised more often than not across the whole input -- never a number, a title or a month.
   An acronym and its expansion written in the input ("WWII" / "World War II", "ESA" /
   "Endangered Species Act") are one term: the expansion's words fold into the acronym's key
   (:mod:`reader.core.matching.acronyms`, :func:`_fold_expansions`).
2. **Spelling variants.** Names of >= 5 letters that one article uses and the other never does
   are compared with ``rapidfuzz.fuzz.ratio`` within the same first letter; pairs scoring
   >= :data:`VARIANT_CUTOFF` become one key ("Zelensky"/"Zelenskyy", "Recep"/"Recept").  Names
   whose first letters differ but sound alike (same consonant skeleton, :func:`_skeleton`) meet
   when the rest of the two names clears the same cutoff ("Gaddafi"/"Qaddafi", "Cohen"/"Kohen").
   Short names (Kiev/Kyiv) are not fuzzy-matched -- vowel-only differences are as common between
   distinct places (Gaza/Giza) -- well-known exonyms are listed in :mod:`reader.core.matching.terms`.
   Accent variants ("Erdoğan"/"Erdogan") already share a key.
3. **Weights.** IDF over all paragraphs of all articles, ``ln((N + 1) / df)``; numbers get a
   small boost, names ``Settings.name_weight``.  Common words therefore weigh almost nothing and a name used in every
   paragraph ("Erdogan" in a story about Erdogan) weighs little.
4. **Candidates.** Per article pair, an inverted index of the right article's keys (keys in more
   than :data:`POSTING_CAP` of its paragraphs are not indexed) accumulates shared weight per
   left paragraph; each paragraph, on either side, keeps its :data:`TOP_K` best partners (on
   huge articles only those sharing :data:`CANDIDATE_MIN_SHARE` of their weight).
5. **Scores.** For each candidate: weighted Dice (symmetric) and smoothed weighted containment
   (shared weight over the smaller side + a smoothing mass, so split/merged halves score well);
   the score is ``max(dice, sqrt(dice * containment))``.  Two further kinds of evidence can
   raise it: *anchors* (terms no other paragraph uses, shared by the two -- strong evidence even
   when the rest is reworded) and a *single sentence* of either paragraph largely contained in
   the other (two paragraphs sharing one fact among others).  Evidence is facts, not names: a
   pair sharing only names counts :data:`NAME_ONLY_FACTOR` of its score.
   **Meaning** (optional, :mod:`reader.core.matching.meaning`, the ``meaning`` extra): every
   sentence is read by a small sentence-embedding model, and two paragraphs are as close as
   their closest pair of sentences (cosine).  Paragraphs of one story sit near each other by
   topic alone, so only the part above :data:`TOPIC_COSINE` counts; it takes ``Settings.meaning``
   of the score (:func:`_blend`), the word evidence the rest, and pairs whose meaning alone could
   clear the positional floor are scored though they share no indexed word.  Inputs of more than
   :data:`MEANING_MAX_SENTENCES` sentences (or :data:`MEANING_MAX_CHARS` characters), and
   installs without the extra, use words alone.
6. **Selection, two tiers** (:func:`_select`, :class:`Settings`).  *Clear*: the score alone
   clears ``Settings.clear``.  *Supported*: a weaker pair kept because a second cue agrees -- it
   is the best partner of one of its paragraphs (from ``Settings.weak``), or one side is the
   headline and the other in the headline/lede block, or it continues a diagonal run of kept
   pairs (positional cues, from ``weak * POSITIONAL_FLOOR``).  Supported pairs outside the lede
   must score :data:`RELATIVE_TO_BEST` of each paragraph's best partner.  A paragraph of several
   sentences also keeps the best partner of each *sentence* whose evidence there clears ``weak``
   (:func:`_sentence_best`, cue "best"): long articles put two or three facts in a paragraph.
   Each match records its tier (``Match.evidence``) and cue (``Match.cue``).  With meaning, a
   supported pair (at either level) whose meaning is no closer than the topic is dropped
   (:func:`_meaning_disagrees`): the cue says "maybe", and the model reads two different facts.
7. **Sentence pass** (:func:`sentence_units`, :func:`_sentence_links`).  On ordinary inputs
   (at most :data:`SENTENCE_PASS_MAX_PAIRS` sentence pairs per article pair) steps 3-6 run once
   more with *sentences* as the units (IDF over sentences; a sentence too light to stand alone
   joins its neighbour), and the clear and positional links found there are lifted to the
   paragraphs holding the two sentences (:data:`SENTENCE_PASS_CUES`).  Long articles state a
   fact in one sentence of a paragraph that says other things too: as wholes the two paragraphs
   share too little, and the headline meets the *first sentence* of a long lede, and two
   outlets telling a story in the same order form a diagonal of sentences, not of paragraphs.
8. **Best sentence pair.** For every kept match, the pair of sentences (one per side) sharing the
   most weight is reported as offsets (``Match.sentences``), so the reader can show *where*
   the shared fact is.
9. **Calibration.** Internally a true match scores roughly 0.2-0.6, which reads as "weak" to an
   analyst.  The reported ``Match.score`` is ``raw ** CALIBRATION_EXPONENT`` with the exponent
   chosen so that the default ``Settings.weak`` (raw 0.2) maps to 0.5: monotone, 0 -> 0, 1 -> 1
   (copies still score 1.0), raw 0.4 (the default ``clear``) -> 0.67, raw 0.6 -> 0.80.  Pairs
   kept only by a positional cue therefore show below 0.5.  ``near_verbatim`` is independent of
   the score (a text-ratio test).
10. **Reasons.** Shared keys, most informative first, reported as names / numbers / words in the
   left paragraph's spelling (``"Left/Right"`` when the spellings differ).  ``near_verbatim`` is
   set when ``rapidfuzz.fuzz.ratio`` of the folded texts is >= :data:`NEAR_VERBATIM_RATIO`.

The thresholds were chosen by measurement on ``benchmarks/generate.py`` output, the hand-made
``samples/`` and real outlet pairs (``benchmarks/eval_real_alignment.py``: settings chosen on one
half of the dev pairs hold on the other), not on any one text.
"""

from __future__ import annotations

import bisect
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import ClassVar

from rapidfuzz import fuzz, process

from reader.core.gc_pause import GcPause
from reader.core.ingest.segment import split_sentences
from reader.core.matching.acronyms import ACRONYM_RE, AcronymIndex
from reader.core.matching.meaning import MeaningModel, load_model
from reader.core.matching.terms import TOKEN_RE, content_key, fold, word_info
from reader.core.model import Article, Match, MatchCue
from reader.core.unionfind import UnionFind
from reader.core.vocabulary.stopwords import MONTHS
from reader.core.vocabulary.titles import TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS

VARIANT_CUTOFF = 88.0
"""``fuzz.ratio`` (0..100) from which two names of different articles count as one spelling.
Measured on 17 known transliteration pairs and 20 distinct look-alikes (same first letter
required): 85 meets 12/17 variants but merges 10 distinct pairs (Austria/Australia,
Colombia/Columbia...); 88 meets 10/17 (Zelensky/Zelenskyy, Recep/Recept, Tymoshenko/Timoshenko,
Halvorsen/Halvorson...) and merges 5 (Johnson/Johnston, Brown/Browne...); 90 meets only 7/17.
Merging only names one article never writes the other way keeps those rare in practice."""
VARIANT_MIN_LEN = 5
POSTING_CAP = 60
"""Keys found in more paragraphs of one article than this are too common to propose candidates."""
TOP_K = 8
"""Candidates kept per left paragraph (splits into more parts than this are rare)."""
CANDIDATE_MIN_SHARE = 0.2
"""On large inputs, candidates must share indexed (rare) weight of at least this fraction of one
side's weight (halves the pairs to score at no measured recall cost on the generator)."""
EXHAUSTIVE_PAIRS = 250_000
"""Article pairs with at most this many paragraph pairs (500 x 500) skip that pre-filter: on
ordinary articles it is cheap to score every candidate, and weak matches that only the sentence or
anchor evidence reveals are kept."""
MIN_SCORE = 0.2
"""Default ``Settings.weak``: the least score kept with a non-positional second cue."""
RELATIVE_TO_BEST = 0.6
"""A supported pair (outside the lede) must score at least this fraction of the best pair of
each of its two paragraphs.  0.6 rather than 0.5: on the real-news sets a paragraph that is
merely the best of a neighbour with a much better partner of its own was wrong more often than
right (dev and held-out both improve; see BENCHMARKS.md for the sensitivity)."""
STRONG_SCORE = 0.4
"""Default ``Settings.clear``: pairs scoring this much are kept on their own evidence."""
GAP_MAX_WINDOW = 4
"""A paragraph between two kept pairs is paired inside their window on the other side only
when the window spans at most this many paragraphs: the local order proves little beyond."""
NEAR_VERBATIM_RATIO = 92.0
"""``fuzz.ratio`` of the folded texts from which a pair is shared wire copy (verbatim copies with
re-written numbers score >= 96 in the generator; light edits 90-95)."""
SENTENCE_WEIGHT = 0.85
"""How much a single contained sentence counts relative to a whole-paragraph match."""
SENTENCE_MIN_BASE = 0.12
"""Below this whole-paragraph score the sentence check is skipped (too little in common)."""
ANCHOR_SCORE = 0.3
ANCHOR_COUNT = 4
"""Sharing this many terms that no other paragraph uses scores :data:`ANCHOR_SCORE`."""
NUMBER_BOOST = 1.25
MAX_REASONS = 8
CALIBRATION_EXPONENT = math.log(0.5) / math.log(MIN_SCORE)
"""The reported score is ``raw ** CALIBRATION_EXPONENT`` (see the module docstring)."""
NAME_ONLY_FACTOR = 0.75
"""Pairs that share only names (the story's cast, no content word or number) count this much of
their score: naming the same people is not reporting the same fact, though a headline and a
sentence naming the same four places often do."""
POSITIONAL_FLOOR = 0.6
"""Positional cues (lede block, diagonal run) admit pairs from this fraction of ``Settings.weak``:
position is independent evidence, and headlines are too short to share many words."""
MEANING_SHARE = 0.2
"""Default ``Settings.meaning``: the share of a pair's score that the meaning evidence
(:mod:`reader.core.matching.meaning`) takes when the model is installed; the word evidence keeps
the rest.  A fifth: shared words, numbers and names stay the main evidence, the model a second
reading of the same two texts that mostly decides the doubtful pairs.  Measured on the real-news
sets at 0.05-0.5: every share helped, 0.2 most, and 0.16 / 0.24 nearly as much (BENCHMARKS.md,
"Eighth round")."""
TOPIC_COSINE = 0.4
"""Cosine (all-MiniLM-L6-v2) that two paragraphs of one story reach by sharing the topic alone:
the median cosine of all sentence pairs of an ECB+ outlet pair lies between 0.15 and 0.41, so only
the part above this counts as evidence of the same fact (rescaled to 0..1)."""
MEANING_MAX_SENTENCES = 1000
"""The model reads at most this many sentences of an input (about 100 a second on 2 cores: a story
of five outlets of 30 paragraphs in 3-4 s, ten outlets in under 10 s); a larger input is matched by
words alone, so the wait stays short and the cost of very large inputs is unchanged.  Repeated
sentences count each time (the input's size, not the reading work, decides): a long table of
equal rows is a large input."""
MEANING_MAX_CHARS = 1_000_000
"""Nor does it read an input of more than this many characters in all (1,000 sentences of 1,000
characters): a few sentences can be huge (a 20-million-character paragraph with no sentence
stops), and loading the model for them costs its 250 MB and reads nothing a sentence model is
made for."""
LEDE = 3
"""Paragraphs at the top of each article (headline, dateline or standfirst, first paragraph) that
form the headline/lede block: they all carry the story's main fact, so two of them sharing
facts is credible at a weaker score."""


@dataclass(frozen=True, slots=True)
class Settings:
    """The few settings of link selection, in raw score units (see the module docstring).

    Attributes:
        clear: a pair whose shared facts score this much is kept on that evidence alone.
        weak: a pair scoring at least this much is kept when it is the best partner of one of
            its paragraphs; positional cues (headline and lede block, diagonal run, gap between
            two kept pairs) admit pairs from ``weak * POSITIONAL_FLOOR``.
        name_weight: how much a shared *name* weighs relative to a shared content word of the same
            rarity; names say who, facts say what happened.
        meaning: the share of the score taken by the meaning evidence when the model is
            installed (:func:`_blend`); 0 matches by words alone.
    """

    clear: float = STRONG_SCORE
    weak: float = MIN_SCORE
    name_weight: float = 1.0
    meaning: float = MEANING_SHARE

    TUNABLE: ClassVar[tuple[str, ...]] = ("clear", "weak", "name_weight", "meaning")
    """Settings the real-news benchmark tunes on one half and perturbs by +-20%."""


class _Para:
    """Precomputed view of one paragraph.

    Attributes:
        article, index: the paragraph's reference (:attr:`ref` builds the tuple when asked).
        keys: its key set; equal sets are one shared object (:func:`_intern`).
        weight: the summed weight of ``keys``.
        seq: keys of every token in order ("" for stopwords and titles); kept only for
            multi-sentence paragraphs (the sentence check and the best sentence pair read it).
        bounds: end position in ``seq`` of each sentence.
        spans: sentence ranges in ``text`` (from ingest, else
            :func:`~reader.core.ingest.segment.split_sentences`).
        position: position among the article's matchable paragraphs, clipped at :data:`LEDE`:
            only the headline/lede block (the first :data:`LEDE`) is ever told apart.

    There is one per matchable paragraph of every article and one per sentence unit, so it is
    kept small (issue 10: a table of 240,000 one-line rows): two ints instead of a reference
    tuple, shared key sets, small shared ints for the position.
    """

    __slots__ = (
        "article",
        "index",
        "text",
        "keys",
        "weight",
        "seq",
        "bounds",
        "sentence_keys",
        "spans",
        "position",
    )

    def __init__(
        self,
        ref: tuple[int, int],
        text: str,
        keys: frozenset[str],
        weight: float = 0.0,
        seq: tuple[str, ...] = (),
        bounds: tuple[int, ...] = (),
        sentence_keys: list[tuple[frozenset[str], float]] | None = None,
        spans: tuple[tuple[int, int], ...] = (),
        position: int = 0,
    ) -> None:
        self.article, self.index = ref
        self.text = text
        self.keys = keys
        self.weight = weight
        self.seq = seq
        self.bounds = bounds
        self.sentence_keys = sentence_keys
        self.spans = spans
        self.position = min(position, LEDE)

    @property
    def ref(self) -> tuple[int, int]:
        """(article index, paragraph index)."""
        return (self.article, self.index)


def _intern(keys: frozenset[str], seen: dict[frozenset[str], frozenset[str]]) -> frozenset[str]:
    """The one shared object equal to ``keys`` (tables repeat rows and cells: a frozenset of
    five keys is 472 bytes, a paragraph's whole text often less)."""
    return seen.setdefault(keys, keys)


@dataclass(slots=True)
class _Vocab:
    """Corpus-wide facts about keys."""

    weight: dict[str, float] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    canon: dict[str, str] = field(default_factory=dict)
    smoothing: float = 1.0
    df: dict[str, int] = field(default_factory=dict)
    anchor_df: int = 2
    key_of: dict[str, str] = field(default_factory=dict)
    """Surface form -> key ("" for stopwords), shared cache of the whole run."""
    settings: Settings = field(default_factory=lambda: Settings())
    meaning: Meaning | None = None
    """The paragraphs' meaning vectors, when the model is installed and the input small enough."""


@dataclass(slots=True)
class Meaning:
    """The meaning model and the vectors of the input's sentences.

    A paragraph's meaning is read sentence by sentence and two paragraphs are as close as their
    closest pair of sentences, one from each: a paragraph's single vector averages its facts into
    the story's topic, while a shared fact is usually told in one sentence of each (on the
    real-news sets, whole-paragraph vectors lost precision on multi-sentence paragraphs, the best
    sentence pair did not; BENCHMARKS.md, "Eighth round")."""

    model: MeaningModel
    vectors: dict[str, object]
    """Sentence text -> its unit vector."""
    sentences: dict[str, list[str]]
    """Paragraph text -> its sentences' texts (the whole text for a single sentence)."""

    @classmethod
    def of(cls, articles: list[Article], settings: Settings) -> Meaning | None:
        """Vectors of the sentences of every matchable paragraph of ``articles`` (the one
        sentence rule: ingest's sentences, else :func:`split_sentences`, as :func:`_collect`
        reads them); ``None`` when meaning is off (the setting, the switch, the model not
        installed) or the input holds more than :data:`MEANING_MAX_SENTENCES` sentences or
        :data:`MEANING_MAX_CHARS` characters."""
        if settings.meaning <= 0:
            return None
        sentences: dict[str, list[str]] = {}
        count = chars = 0
        for art in articles:
            for p in art.paragraphs:
                if p.boilerplate:
                    continue
                chars += len(p.text)
                if chars > MEANING_MAX_CHARS:
                    return None
                parts = sentences.get(p.text)
                if parts is None:
                    spans = p.sentences or split_sentences(p.text)
                    parts = [p.text[a:b] for a, b in spans] if len(spans) > 1 else [p.text]
                    sentences[p.text] = parts
                # Every sentence counts, repeated ones too: each is read once, but every
                # paragraph takes its row of the similarities (a table of 240,000 equal rows
                # would load the model, 250 MB, to read one row).
                count += len(parts)
                if count > MEANING_MAX_SENTENCES:
                    return None
        model = load_model()
        if model is None:
            return None
        return cls(
            model, model.embed([t for parts in sentences.values() for t in parts]), sentences
        )


def align(
    articles: list[Article],
    *,
    settings: Settings | None = None,
    key_cache: dict[str, str] | None = None,
) -> list[Match]:
    """Match the paragraphs of every pair of articles; see the module docstring for the method.

    Returns matches sorted by ``(left, right)``, with ``left`` in the article of smaller index.
    Boilerplate paragraphs and paragraphs without content words never match.  ``key_cache``
    (surface form -> key) may be shared by calls over the same texts, which then tokenise
    faster; the keys do not depend on it.
    """
    if len(articles) < 2:
        return []
    # The run allocates millions of small, acyclic objects (sets, tuples); the cyclic garbage
    # collector would rescan them over and over, making large inputs super-linear.
    with GcPause():
        return _align(articles, settings or Settings(), key_cache)


def _align(
    articles: list[Article], settings: Settings, key_cache: dict[str, str] | None = None
) -> list[Match]:
    paras, vocab, display = prepare(articles, settings, key_cache)
    matches = _align_prepared(paras, vocab, display)
    matches.sort(key=lambda m: (m.left, m.right))
    return matches


def _align_prepared(
    paras: list[list[_Para]], vocab: _Vocab, display: list[dict[str, str]]
) -> list[Match]:
    """Every pair of the prepared articles, paragraph and sentence levels united."""
    units = sentence_units(paras, vocab)
    matches: list[Match] = []
    for a in range(len(paras)):
        for b in range(a + 1, len(paras)):
            lifted = _lifted(units, a, b)
            found, _ = _align_pair(paras[a], paras[b], vocab, display[a], display[b], lifted)
            matches.extend(found)
    return matches


def _lifted(units: tuple[list[list[_Unit]], _Vocab] | None, a: int, b: int) -> SentenceLinks | None:
    """The sentence pass's links of articles ``a`` and ``b`` (``None`` when it is skipped)."""
    if units is None:
        return None
    by_article, uvocab = units
    return _sentence_links(by_article[a], by_article[b], uvocab)


@dataclass(slots=True)
class PairLinks:
    """One article pair's links in a story of several, before any story-level cue: ``matches``
    (what the pair alone keeps) and ``pending``, the pair's *weak* candidates -- scoring at least
    ``Settings.weak`` but with no cue of their own -- already built as matches with cue
    ``"outlets"``, for :mod:`reader.core.matching.outlets` to add when other outlets support
    them.  Built at once so that nothing of the pair's preparation outlives it."""

    a: int
    b: int
    matches: list[Match]
    pending: list[Match]


def _renumber(m: Match, a: int, b: int) -> Match:
    return replace(m, left=(a, m.left[1]), right=(b, m.right[1]))


def each_pair_links(
    articles: list[Article], *, settings: Settings | None = None
) -> list[PairLinks]:
    """Every pair of articles matched exactly as :func:`align` matches the two alone (their own
    names, spelling variants, acronyms, weights and sentence pass), renumbered into ``articles``,
    with each pair's weak candidates beside its links (:class:`PairLinks`), so that a
    story-level cue can still add links (:mod:`reader.core.matching.outlets`).
    :mod:`reader.core.matching.joint` uses it for stories of several outlets, so a pair's own
    links do not depend on the other articles given.

    The text is tokenised once for all pairs whose two articles write out no acronym's
    expansion (the only step of tokenising that reads both articles); a pair that does is
    prepared on its own.
    """
    if len(articles) < 2:
        return []
    settings = settings or Settings()
    with GcPause():
        key_of: dict[str, str] = {}
        texts = [[p.text for p in art.paragraphs if not p.boilerplate] for art in articles]
        has_acronyms = [any(ACRONYM_RE.search(t) for t in ts) for ts in texts]
        shared: tuple[list[list[_Para]], list[Counter[str]]] | None = None
        meaning = Meaning.of(articles, settings)
        out: list[PairLinks] = []
        for a in range(len(articles)):
            for b in range(a + 1, len(articles)):
                if (has_acronyms[a] or has_acronyms[b]) and AcronymIndex(texts[a] + texts[b]):
                    paras, vocab, display = _prepare(
                        [articles[a], articles[b]], settings, key_of, meaning
                    )
                else:
                    if shared is None:
                        shared = _collect(articles, key_of, fold_acronyms=False)
                    base, surfaces = shared
                    paras = [[_fresh(p) for p in base[a]], [_fresh(p) for p in base[b]]]
                    vocab = _Vocab(settings=settings, key_of=key_of, meaning=meaning)
                    display = _finish(paras, [surfaces[a], surfaces[b]], vocab, pairwise=True)
                left, right = paras
                lifted = _lifted(sentence_units(paras, vocab), 0, 1)
                found, pending = _align_pair(
                    left, right, vocab, display[0], display[1], lifted, settings.weak
                )
                if (found or pending) and (left[0].article, right[0].article) != (a, b):
                    # A pair with acronyms was prepared on its own, as articles 0 and 1.
                    found = [_renumber(m, a, b) for m in found]
                    pending = [_renumber(m, a, b) for m in pending]
                out.append(PairLinks(a, b, found, pending))
    return out


def _fresh(p: _Para) -> _Para:
    """A copy of ``p`` as collected: keys before spelling variants, no weights yet."""
    return _Para(p.ref, p.text, p.keys, 0.0, p.seq, p.bounds, None, p.spans, p.position)


def prepare(
    articles: list[Article],
    settings: Settings | None = None,
    key_cache: dict[str, str] | None = None,
) -> tuple[list[list[_Para]], _Vocab, list[dict[str, str]]]:
    """Everything computed once over all articles: paragraph key sets, names and their
    spelling variants, weights, meaning vectors, and each article's display forms (shared by
    every driver).  ``key_cache`` is the surface -> key cache to fill (see :func:`align`)."""
    settings = settings or Settings()
    return _prepare(articles, settings, key_cache, Meaning.of(articles, settings))


def _prepare(
    articles: list[Article],
    settings: Settings,
    key_cache: dict[str, str] | None,
    meaning: Meaning | None,
) -> tuple[list[list[_Para]], _Vocab, list[dict[str, str]]]:
    """:func:`prepare` with the meaning vectors already read (for a story, once for all its
    pairs: :func:`each_pair_links`)."""
    vocab = _Vocab(settings=settings, meaning=meaning)
    if key_cache is not None:
        vocab.key_of = key_cache
    paras, surfaces = _collect(articles, vocab.key_of)
    display = _finish(paras, surfaces, vocab, pairwise_affordable(articles))
    return paras, vocab, display


def _finish(
    paras: list[list[_Para]], surfaces: list[Counter[str]], vocab: _Vocab, pairwise: bool
) -> list[dict[str, str]]:
    """Names, spelling variants (the keys of ``paras`` rewritten to them) and weights over the
    collected articles; returns each article's display forms."""
    cap_counts, lower_counts = _case_counts(surfaces, vocab.key_of)
    vocab.names = {
        k
        for k, c in cap_counts.items()
        if c > lower_counts.get(k, 0) and k not in _NOT_NAME_KEYS and not k[0].isdigit()
    }
    vocab.canon = _variant_map(paras, vocab.names, pairwise)
    if vocab.canon:
        canon = vocab.canon
        rewritten: dict[frozenset[str], frozenset[str]] = {}
        for art in paras:
            for p in art:
                if not p.keys.isdisjoint(canon):
                    keys = rewritten.get(p.keys)
                    if keys is None:
                        keys = rewritten[p.keys] = frozenset(canon.get(k, k) for k in p.keys)
                    p.keys = keys
        vocab.names |= {canon[k] for k in vocab.names if k in canon}
    _weigh(paras, vocab)
    return [_display_forms(c, vocab) for c in surfaces]


# --------------------------------------------------------------------------- preparation


_NOT_NAME_KEYS = frozenset(
    word_info(w)[0] for w in TITLE_HEADS | TITLE_ABBREVIATIONS | TITLE_MODIFIERS | MONTHS
)
"""Keys never counted or shown as names although often capitalised: titles ("President",
"Minister") and months ("August" dates a report; a shared date is a fact, not a name)."""

_TITLE_KIND: dict[str, int] = {}
"""Capitalised surface -> 2 for a title head ("Minister", "Lt"), 1 for a title modifier ("Prime"),
0 otherwise; cached."""


def _title_kind(surface: str) -> int:
    if not surface[0].isupper():
        return 0
    kind = _TITLE_KIND.get(surface)
    if kind is None:
        folded = fold(surface)
        kind = (
            2
            if folded in TITLE_HEADS or folded in TITLE_ABBREVIATIONS
            else (1 if folded in TITLE_MODIFIERS else 0)
        )
        _TITLE_KIND[surface] = kind
    return kind


def _mask_titles(toks: list[str], seq: list[str]) -> None:
    """Blank the keys of titles in ``seq``: a capitalised title head followed by a capitalised word
    ("President Obama", "Lt. Hastings") and capitalised modifiers before such a title ("Prime
    Minister", "Police Capt.").  Titles say who someone is; two paragraphs naming the same
    "Prime Minister" share a name, not a fact.  Lower-case uses ("the minister resigned") stay."""
    title_after = False  # is the token after i a (masked) title?
    next_cap = False  # is the token after i capitalised?
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        cap = t[0].isupper()
        is_title = False
        if cap:
            kind = _title_kind(t)
            is_title = (kind == 2 and next_cap) or (kind >= 1 and title_after)
            if is_title:
                seq[i] = ""
        title_after = is_title
        next_cap = cap


def _collect(
    articles: list[Article], key_of: dict[str, str], *, fold_acronyms: bool = True
) -> tuple[list[list[_Para]], list[Counter[str]]]:
    """Key sets of all paragraphs and each article's surface counts; acronyms' expansions
    written in the input folded into the acronym's key unless ``fold_acronyms`` is false."""
    paras: list[list[_Para]] = []
    per_article: list[Counter[str]] = []
    lookup = key_of.__getitem__
    findall = TOKEN_RE.findall
    titles = {t for t in key_of if _title_kind(t)}  # capitalised title surfaces met so far
    acronyms = AcronymIndex(
        p.text for art in articles for p in art.paragraphs if fold_acronyms and not p.boilerplate
    )
    seen: dict[frozenset[str], frozenset[str]] = {}
    texts: dict[str, str] = {}  # one object per distinct text (paragraphs are made when read)
    for ai, art in enumerate(articles):
        out: list[_Para] = []
        surfaces: Counter[str] = Counter()
        for p in art.paragraphs:
            if p.boilerplate:
                continue
            text = texts.setdefault(p.text, p.text)
            spans = p.sentences or split_sentences(text)
            if len(spans) < 2:
                toks = findall(text)
                bounds: tuple[int, ...] = ()
            else:
                # Tokenise sentence by sentence so the sentence check never re-tokenises.
                # Cut at sentence starts only, so that text between given sentences is kept.
                cuts = [0] + [s for s, _e in spans[1:]] + [len(text)]
                toks = []
                ends = []
                for lo, hi in zip(cuts, cuts[1:]):
                    toks += findall(text, lo, hi)
                    ends.append(len(toks))
                bounds = tuple(ends)
            surfaces.update(toks)
            distinct = set(toks)
            for s in distinct.difference(key_of):
                key_of[s] = content_key(s)
                if _title_kind(s):
                    titles.add(s)
            if titles.isdisjoint(distinct):
                seq = tuple(map(lookup, toks))
            else:
                seq_list = list(map(lookup, toks))
                _mask_titles(toks, seq_list)
                seq = tuple(seq_list)
            if acronyms:
                found = acronyms.expansion_terms(text)
                if found:
                    seq = _fold_expansions(text, toks, seq, found, acronyms, key_of, surfaces)
            keys = set(seq)
            keys.discard("")
            if keys:
                out.append(
                    _Para(
                        (ai, p.index),
                        text,
                        _intern(frozenset(keys), seen),
                        seq=seq if bounds else (),
                        bounds=bounds,
                        position=len(out),
                        spans=tuple(spans),
                    )
                )
        paras.append(out)
        per_article.append(surfaces)
    return paras, per_article


def _case_counts(
    per_article: list[Counter[str]], key_of: dict[str, str]
) -> tuple[Counter[str], Counter[str]]:
    """How often each key is written capitalised / lower-case (the evidence for "a name")."""
    cap: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for surfaces in per_article:
        for s, n in surfaces.items():
            k = key_of[s]
            if not k or s[0].isdigit():
                continue
            if s[0].isupper():
                cap[k] += n
            else:
                lower[k] += n
    return cap, lower


def _fold_expansions(
    text: str,
    toks: list[str],
    seq: tuple[str, ...],
    found: list[str],
    acronyms: AcronymIndex,
    key_of: dict[str, str],
    surfaces: Counter[str],
) -> tuple[str, ...]:
    """``seq`` (the keys of ``toks``) with each written expansion ("World War II") folded into
    its acronym's key ("wwii"): the expansion's words are blanked and the acronym's key stands at
    its first word, so the two forms are one term and nothing is counted twice.

    The expansion is also counted as a surface of the article (its key is the acronym's), so the
    reasons show it in this article's own words ("World War II/WWII") and both spellings are
    highlighted.
    """
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    if len(spans) != len(toks):  # tokenised by sentence differently: leave it (never seen)
        return seq
    out = list(seq)
    starts = [a for a, _b in spans]
    for acronym in found:
        key = key_of.get(acronym)
        if key is None:
            key = key_of[acronym] = content_key(acronym)
        if not key:
            continue
        for form in acronyms.expansions[acronym]:
            at = text.find(form)
            while at >= 0:
                end = at + len(form)
                first = bisect.bisect_left(starts, at)
                last = bisect.bisect_left(starts, end)
                if first < last:
                    for t in range(first, last):
                        out[t] = ""
                    out[first] = key
                    key_of[form] = key
                    surfaces[form] += 1
                at = text.find(form, end)
    return tuple(out)


def _display_forms(surfaces: Counter[str], vocab: _Vocab) -> dict[str, str]:
    """Canonical key -> how one article usually writes it (lower-case preferred for non-names)."""
    key_of, canon, names = vocab.key_of, vocab.canon, vocab.names
    best: dict[str, tuple[int, str]] = {}
    for s, n in surfaces.items():
        k = key_of[s]
        if not k:
            continue
        k = canon.get(k, k)
        rank = n * 2 + (1 if (k in names) == s[0].isupper() else 0) * 1_000_000
        if rank > best.get(k, (-1, ""))[0]:
            best[k] = (rank, s)
    return {k: s for k, (_r, s) in best.items()}


_SOUND_CLASSES = str.maketrans(
    {"c": "k", "q": "k", "g": "k", "z": "s", "p": "b", "t": "d", "w": "f", "v": "f"}
)
_VOWELS_RE = re.compile(r"[aeiouyh]")
_DOUBLE_RE = re.compile(r"(.)\1+")


def _skeleton(key: str) -> str:
    """Consonant skeleton of a folded name, letters grouped by sound (c/k/q/g, t/d, v/f/w...),
    vowels, ``y`` and ``h`` dropped, doubles collapsed: "gaddafi" and "qaddafi" -> "kdf"."""
    return _DOUBLE_RE.sub(
        r"\1", _VOWELS_RE.sub("", key.replace("ph", "f").translate(_SOUND_CLASSES))
    )


PAIRWISE_BUDGET = 10_000
"""Articles are matched pair by pair (every pair of articles directly, spelling variants looked
for pair by pair) while that work stays within what two articles of 5,000 paragraphs cost (the
speed goal of issue 8): the paragraphs summed over every pair of articles, ``(N - 1) x`` the
story's paragraphs, at most this.  Five to ten outlets of news length (20-200 paragraphs each) are
matched pairwise, as two articles are; a story beyond the budget (16 x 500, 50 x 40, 200 x 40) is
linked to fact cores by :mod:`reader.core.matching.joint`, whose work grows with the paragraphs and
names rather than with the pairs of articles."""


def pairwise_affordable(articles: list[Article]) -> bool:
    """Whether every pair of ``articles`` is matched directly (see :data:`PAIRWISE_BUDGET`);
    always for two articles, where there is only one pair."""
    sizes = [sum(1 for p in a.paragraphs if not p.boilerplate) for a in articles]
    return len(sizes) <= 2 or (len(sizes) - 1) * sum(sizes) <= PAIRWISE_BUDGET


def _variant_map(paras: list[list[_Para]], names: set[str], pairwise: bool) -> dict[str, str]:
    """Map spelling variants of names across articles onto one key (union-find), pair by pair of
    articles when ``pairwise`` (:func:`pairwise_affordable`), else once over all names."""
    if not pairwise:
        return _joint_variant_map(paras, names)
    vocabs = [set().union(*(p.keys for p in art)) if art else set() for art in paras]
    long_names = [{k for k in v if k in names and len(k) >= VARIANT_MIN_LEN} for v in vocabs]
    variants: UnionFind[str] = UnionFind()
    for a in range(len(paras)):
        for b in range(a + 1, len(paras)):
            # Sorted: a tie between two equally close spellings is broken the same way in every
            # run (set order follows the process's string hashing).
            only_a = sorted(long_names[a] - vocabs[b])
            only_b = sorted(long_names[b] - vocabs[a])
            if not only_a or not only_b:
                continue
            by_letter: dict[str, list[str]] = {}
            for k in only_b:
                by_letter.setdefault(k[0], []).append(k)
            by_sound: dict[str, list[str]] = {}
            for k in only_b:
                by_sound.setdefault(_skeleton(k), []).append(k)
            for k in only_a:
                choices = by_letter.get(k[0])
                partner: str | None = None
                if choices:
                    hit = process.extractOne(
                        k, choices, scorer=fuzz.ratio, score_cutoff=VARIANT_CUTOFF
                    )
                    partner = hit[0] if hit is not None else None
                if partner is None:
                    # First letters differ but sound alike ("Gaddafi"/"Qaddafi"): same consonant
                    # skeleton and the rest of the names as close as the main rule demands.
                    for other in by_sound.get(_skeleton(k), ()):
                        if other[0] != k[0] and fuzz.ratio(k[1:], other[1:]) >= VARIANT_CUTOFF:
                            partner = other
                            break
                if partner is not None:
                    variants.union(k, partner)
    return variants.mapping()


def _variant_partner(k: str, choices: list[str] | None, sounds: list[str]) -> str | None:
    """The spelling of ``k`` among ``choices`` (same first letter) or ``sounds`` (same consonant
    skeleton, other first letter), by the rules of :func:`_variant_map`."""
    if choices:
        hit = process.extractOne(k, choices, scorer=fuzz.ratio, score_cutoff=VARIANT_CUTOFF)
        if hit is not None:
            return hit[0]
    for other in sounds:
        if other[0] != k[0] and fuzz.ratio(k[1:], other[1:]) >= VARIANT_CUTOFF:
            return other
    return None


def _apart(k: str, other: str, arts_of: dict[str, set[int]]) -> bool:
    """Some article writes ``k`` and not ``other``, and some article the reverse."""
    mine, theirs = arts_of[k], arts_of[other]
    return other != k and not mine <= theirs and not theirs <= mine


def _joint_variant_map(paras: list[list[_Para]], names: set[str]) -> dict[str, str]:
    """:func:`_variant_map` over all articles at once: two names can be spellings of one when
    some article writes the first and not the second and some other article the reverse (the
    pairwise rule's condition, met by some pair), compared once per name instead of per pair."""
    arts_of: dict[str, set[int]] = {}
    for a, art in enumerate(paras):
        for p in art:
            for k in p.keys:
                if k in names and len(k) >= VARIANT_MIN_LEN:
                    arts_of.setdefault(k, set()).add(a)
    by_letter: dict[str, list[str]] = {}
    by_sound: dict[str, list[str]] = {}
    for k in sorted(arts_of):
        by_letter.setdefault(k[0], []).append(k)
        by_sound.setdefault(_skeleton(k), []).append(k)
    variants: UnionFind[str] = UnionFind()
    for k in sorted(arts_of):
        choices = [c for c in by_letter[k[0]] if _apart(k, c, arts_of)]
        sounds = [c for c in by_sound[_skeleton(k)] if _apart(k, c, arts_of)]
        partner = _variant_partner(k, choices, sounds)
        if partner is not None:
            variants.union(k, partner)
    return variants.mapping()


def _weigh(paras: Sequence[Sequence[_Para]], vocab: _Vocab) -> None:
    """IDF weights over all paragraphs, and each paragraph's total weight."""
    df: Counter[str] = Counter()
    n = 0
    for art in paras:
        for p in art:
            df.update(p.keys)
            n += 1
    names = vocab.names
    weight = vocab.weight
    vocab.df = df
    vocab.anchor_df = max(2, len(paras))
    for k, d in df.items():
        w = math.log((n + 1) / d)
        if k[0].isdigit():
            w *= NUMBER_BOOST
        elif k in names:
            w *= vocab.settings.name_weight
        weight[k] = max(w, 0.01)
    total = 0.0
    count = 0
    # A shared key set has one weight object (a float is 24 bytes a paragraph otherwise).
    summed: dict[frozenset[str], float] = {}
    for art in paras:
        for p in art:
            pw = summed.get(p.keys)
            if pw is None:
                pw = summed[p.keys] = math.fsum(weight[k] for k in p.keys)
            p.weight = pw
            total += pw
            count += len(p.keys)
    # Smoothing mass for containment: about two average terms, so that a paragraph of two
    # words cannot be "fully contained" on the strength of one shared name.
    vocab.smoothing = 2.0 * (total / count) if count else 1.0


# --------------------------------------------------------------------------- one article pair


def _align_pair(
    left: list[_Para],
    right: list[_Para],
    vocab: _Vocab,
    dl: dict[str, str],
    dr: dict[str, str],
    sentence_links: SentenceLinks | None = None,
    pending_from: float | None = None,
) -> tuple[list[Match], list[Match]]:
    """Match two articles' paragraphs; ``sentence_links`` (from :func:`_sentence_links`, by
    paragraph position) are united with the paragraph-level links.

    Returns the matches, and -- when ``pending_from`` is given -- the candidates scoring at
    least that much that were not kept, as ``"outlets"`` matches for
    :func:`reader.core.matching.outlets.add_outlet_links` to confirm (else an empty list).
    """
    if not left or not right:
        return [], []
    sims = _similarities(left, right, vocab)
    scored = _score_candidates(left, right, _candidates(left, right, vocab.weight), vocab, sims)
    keep = _select(scored, left, right, vocab.settings, vocab)
    shown = _unite(keep, sentence_links) if sentence_links else {}
    if sims is not None:
        _meaning_disagrees(keep, sims)
    found = [
        _make_match(
            left[i], right[j], score, cue, vocab, dl, dr, shown.get((i, j)), _cosine(sims, i, j)
        )
        for (i, j), (score, cue) in sorted(keep.items())
    ]
    pending = []
    if pending_from is not None:
        pending = [
            _make_match(
                left[i], right[j], score, "outlets", vocab, dl, dr, meaning=_cosine(sims, i, j)
            )
            for (i, j), score in sorted(scored.items())
            if score >= pending_from and (i, j) not in keep
        ]
    return found, pending


def _candidates(
    left: list[_Para], right: list[_Para], weight: dict[str, float]
) -> set[tuple[int, int]]:
    """Pairs sharing enough rare weight, via an inverted index; top-K per paragraph, both sides."""
    index: dict[str, list[int]] = {}
    for j, p in enumerate(right):
        for k in p.keys:
            index.setdefault(k, []).append(j)
    cap = POSTING_CAP
    left_df: Counter[str] = Counter()
    for p in left:
        left_df.update(p.keys)
    index = {k: v for k, v in index.items() if len(v) <= cap and left_df.get(k, 0) <= cap}
    pairs: set[tuple[int, int]] = set()
    best_for_right: dict[int, list[tuple[float, int]]] = {}
    right_weight = [q.weight for q in right]
    min_share = CANDIDATE_MIN_SHARE if len(left) * len(right) > EXHAUSTIVE_PAIRS else 0.0
    for i, p in enumerate(left):
        acc: dict[int, float] = {}
        get = acc.get
        for k in p.keys:
            posting = index.get(k)
            if posting is None:
                continue
            w = weight[k]
            for j in posting:
                acc[j] = get(j, 0.0) + w
        if not acc:
            continue
        # Cheap pre-filter: the rare weight shared must be a visible part of the smaller side.
        if min_share:
            wi = p.weight * min_share
            items = [(j, s) for j, s in acc.items() if s >= wi or s >= right_weight[j] * min_share]
        else:
            items = list(acc.items())
        keep_top_candidates(i, items, best_for_right, pairs)
    add_best_of_other_side(best_for_right, pairs)
    return pairs


def keep_top_candidates(
    i: int,
    items: list[tuple[int, float]],
    best_for_other: dict[int, list[tuple[float, int]]],
    pairs: set[tuple[int, int]],
) -> None:
    """Keep paragraph ``i``'s top-K candidates ``(j, shared weight)`` in ``pairs``, and offer ``i``
    to each candidate's own top-K heap (see :func:`add_best_of_other_side`)."""
    top = heapq.nlargest(TOP_K, items, key=itemgetter(1)) if len(items) > TOP_K else items
    for j, _s in top:
        pairs.add((i, j))
    for j, s in items:
        heap = best_for_other.get(j)
        if heap is None:
            best_for_other[j] = [(s, i)]
        elif len(heap) < TOP_K:
            heapq.heappush(heap, (s, i))
        elif s > heap[0][0]:
            heapq.heapreplace(heap, (s, i))


def add_best_of_other_side(
    best_for_other: dict[int, list[tuple[float, int]]], pairs: set[tuple[int, int]]
) -> None:
    """Add each other-side paragraph's own top-K: one whose partner has many better candidates
    still keeps its best ones."""
    for j, heap in best_for_other.items():
        for _s, i in heap:
            pairs.add((i, j))


def _sentence_key_sets(p: _Para, canon: dict[str, str]) -> Iterator[set[str]]:
    """The canonical keys of each sentence of ``p``, in order (a fresh set each: callers grow
    them).  The one reading of ``p.bounds`` that the sentence cue and the sentence pass share."""
    start = 0
    for end in p.bounds:
        keys = set(p.seq[start:end])
        start = end
        keys.discard("")
        yield {canon.get(k, k) for k in keys} if canon else keys


def _sentences(p: _Para, vocab: _Vocab) -> list[tuple[frozenset[str], float]]:
    """(canonical keys, weight) of each sentence of ``p`` heavy enough to stand as a fact alone
    (>= two smoothing masses); computed once per paragraph, on demand."""
    if p.sentence_keys is None:
        out = []
        weight, floor = vocab.weight, 2 * vocab.smoothing
        for keys in _sentence_key_sets(p, vocab.canon):
            ws = math.fsum(map(weight.__getitem__, keys))
            if ws >= floor:
                out.append((frozenset(keys), ws))
        p.sentence_keys = out
    return p.sentence_keys


def _sentence_score(p: _Para, q: _Para, vocab: _Vocab) -> float:
    """Best smoothed containment of one sentence of ``p`` in the whole of ``q``."""
    weight, m, qkeys = vocab.weight, vocab.smoothing, q.keys
    best = 0.0
    for keys, ws in _sentences(p, vocab):
        shared = math.fsum(weight.get(k, 0.0) for k in keys if k in qkeys)
        best = max(best, shared / (ws + m))
    return best


def _score(p: _Para, q: _Para, vocab: _Vocab) -> float:
    weight = vocab.weight
    common = p.keys & q.keys
    # Evidence is facts, not names: two paragraphs that only name the same people and places
    # (the story's cast) report nothing in common yet.
    names = vocab.names
    shared = math.fsum(map(weight.__getitem__, common))
    if shared <= 0:
        return 0.0
    if all(k in names for k in common) and not (p.keys <= names and q.keys <= names):
        # They say something each (not just a list of names), but not the same thing.
        return NAME_ONLY_FACTOR * _raw_score(p, q, common, shared, vocab)
    return _raw_score(p, q, common, shared, vocab)


def _raw_score(p: _Para, q: _Para, common: frozenset[str], shared: float, vocab: _Vocab) -> float:
    """Dice / containment of the shared weight, raised by anchors and by one shared sentence."""
    dice = 2 * shared / (p.weight + q.weight)
    contain = shared / (min(p.weight, q.weight) + vocab.smoothing)
    # Dice alone already says "same content" for equal paragraphs; the containment term lifts
    # the parts of a split or merge, whose Dice is low because the other side says more.
    score = max(dice, math.sqrt(dice * contain))
    # Anchors: terms found in no other paragraph than these two (per article on average).  A
    # few of them shared is strong evidence even when the rest is reworded beyond recognition.
    df, anchor_df = vocab.df, vocab.anchor_df
    anchors = sum(1 for k in common if df[k] <= anchor_df)
    if anchors >= 2:
        score = max(score, ANCHOR_SCORE * min(1.0, anchors / ANCHOR_COUNT))
    # One shared sentence-level fact.  A sentence shares at most ``shared`` and weighs at least
    # two smoothing masses, which bounds what the check can add: skip it when it cannot help.
    if SENTENCE_MIN_BASE <= score < STRONG_SCORE and (
        SENTENCE_WEIGHT * shared / (3 * vocab.smoothing) > score
    ):
        sentence = max(_sentence_score(p, q, vocab), _sentence_score(q, p, vocab))
        score = max(score, SENTENCE_WEIGHT * sentence)
    return min(1.0, score)


def _score_candidates(left, right, pairs, vocab, sims=None) -> dict[tuple[int, int], float]:
    out = {}
    floor = vocab.settings.weak * POSITIONAL_FLOOR
    share = vocab.settings.meaning
    if sims is not None:
        # Pairs whose meaning alone can lift them over the floor are scored too, though they
        # share no indexed word: a fact told in other words.
        reach = TOPIC_COSINE + (1 - TOPIC_COSINE) * floor / share
        pairs = set(pairs)
        for i, row in enumerate(sims):
            pairs.update((i, j) for j, c in enumerate(row) if c >= reach)
    for i, j in pairs:
        s = _score(left[i], right[j], vocab)
        if sims is not None:
            s = _blend(s, sims[i][j], share)
        if s >= floor:
            out[(i, j)] = s
    return out


def _similarities(
    left: Sequence[_Para], right: Sequence[_Para], vocab: _Vocab
) -> list[list[float]] | None:
    """Meaning cosine of every pair of ``left`` x ``right`` (of their closest sentences);
    ``None`` without meaning vectors (the model, the setting, the input's size; the sentence
    pass's vocabulary never has them)."""
    meaning = vocab.meaning  # only read when ``Settings.meaning`` > 0 (:meth:`Meaning.of`)
    if meaning is None or len(left) * len(right) > EXHAUSTIVE_PAIRS:
        return None
    groups = meaning.sentences
    try:
        left_groups = [groups[p.text] for p in left]
        right_groups = [groups[q.text] for q in right]
    except KeyError:  # paragraphs the vectors were not read for
        return None
    return meaning.model.max_similarities(meaning.vectors, left_groups, right_groups)


def _cosine(sims: list[list[float]] | None, i: int, j: int) -> float | None:
    return None if sims is None else round(sims[i][j], 4)


def _meaning_disagrees(keep: Kept, sims: list[list[float]]) -> None:
    """Drop the supported pairs (kept on a second cue, at either level) whose meaning cosine is
    no more than :data:`TOPIC_COSINE`: the cue says "maybe", the words are weak, and the model
    reads two paragraphs that share the topic only.  Clear pairs stay: their shared facts are
    evidence enough."""
    for pair in [p for p, (_s, cue) in keep.items() if cue is not None]:
        if sims[pair[0]][pair[1]] <= TOPIC_COSINE:
            del keep[pair]


def _blend(words: float, cosine: float, share: float) -> float:
    """The pair's score from its word evidence and its meaning cosine: ``share`` of it is the
    cosine above :data:`TOPIC_COSINE`, rescaled to 0..1 (a copy still scores 1)."""
    meaning = max(0.0, cosine - TOPIC_COSINE) / (1 - TOPIC_COSINE)
    return min(1.0, (1 - share) * words + share * meaning)


def _headline_lede(p: _Para, q: _Para) -> bool:
    """One of the two opens its article (the headline, or the lede when there is none) and the
    other lies in its article's headline/lede block: a headline is written to state the main
    fact, which the other side's first paragraphs report too, in other words."""
    return (p.position == 0 and q.position < LEDE) or (q.position == 0 and p.position < LEDE)


Kept = dict[tuple[int, int], tuple[float, MatchCue | None]]
"""Selected pairs: (i, j) -> (raw score, supporting cue or None for clear evidence)."""

SentencePair = tuple[tuple[int, int], tuple[int, int]]
"""``((start, end), (start, end))``: a range of each paragraph's text, as ``Match.sentences``."""


def _select(
    scored: dict[tuple[int, int], float],
    left: list[_Para],
    right: list[_Para],
    settings: Settings,
    vocab: _Vocab | None = None,
) -> Kept:
    """Two tiers.  A pair whose score clears ``settings.clear`` is kept on its own evidence.  A
    weaker pair is kept only when a second, independent cue agrees:

    * **best** (from ``settings.weak``): the pair is the best partner of one of its two
      paragraphs (so both halves of a split or merge qualify);
    * **lede** (from ``settings.weak * POSITIONAL_FLOOR``): one is the headline (the first
      matchable paragraph) and the other lies in the headline/lede block (first :data:`LEDE`),
      :func:`_headline_lede`; headlines are short and share few words with anything;
    * **diagonal** (from the same lower floor): the pair continues the order of the kept pairs:
      next to one on the diagonal (``(i-1, j-1)`` or ``(i+1, j+1)``), or a paragraph left
      unmatched between two kept pairs paired inside their window (:func:`_fill_gaps`).
    * **sentence best** (with ``vocab``; from ``settings.weak``): for paragraphs of several
      sentences, the pair is the best partner of one *sentence* (:func:`_sentence_best`): a
      paragraph reporting two facts has a partner for each, and the weaker one is not held to
      the paragraph's best.  Its cue is recorded as "best".

    Every supported pair must also score at least :data:`RELATIVE_TO_BEST` of the best pair of
    each of its paragraphs, so a paragraph with a much better partner keeps no incidental ones.
    """
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for (i, j), s in scored.items():
        if s > best_l.get(i, 0.0):
            best_l[i] = s
        if s > best_r.get(j, 0.0):
            best_r[j] = s
    keep: Kept = {}
    weak: dict[tuple[int, int], float] = {}
    for (i, j), s in scored.items():
        if s >= settings.clear:
            keep[(i, j)] = (s, None)
        elif _headline_lede(left[i], right[j]):
            # The lede block reports the main fact several times over: a headline has several
            # true partners there, so no relative rule.
            keep[(i, j)] = (s, "lede")
        elif s >= RELATIVE_TO_BEST * max(best_l[i], best_r[j]):
            weak[(i, j)] = s
    for (i, j), s in weak.items():
        if s >= settings.weak and (s >= best_l[i] or s >= best_r[j]):
            keep[(i, j)] = (s, "best")
    # Runs extend one step per round; a few rounds cover paraphrased stretches.
    for _ in range(3):
        added: Kept = {}
        for (i, j), s in weak.items():
            if (i, j) not in keep and ((i - 1, j - 1) in keep or (i + 1, j + 1) in keep):
                added[(i, j)] = (s, "diagonal")
        if not added:
            break
        keep.update(added)
    _fill_gaps(scored, keep, best_l, best_r)
    if vocab is not None:
        _sentence_best(scored, left, right, vocab, keep)
    return keep


def _fill_gaps(
    scored: dict[tuple[int, int], float],
    keep: Kept,
    best_l: dict[int, float],
    best_r: dict[int, float],
) -> None:
    """Second pass: a paragraph left unmatched between two matched anchors ``(i0, j0)`` and
    ``(i1, j1)`` with ``i0 < i < i1`` and ``j0 <= j1`` most likely reports something from the
    other article's window ``j0..j1`` (inclusive, so split/merge partners of an anchor count).
    The local order makes a weak lexical match credible, so within the window the positional
    floor applies (every scored pair clears it); the pair must still be the paragraph's best or
    near it.  Run for the
    left side, then symmetrically for the right; linear in the number of scored pairs."""
    for flip in (False, True):
        best_self = best_r if flip else best_l
        by_self: dict[int, list[tuple[int, float]]] = {}
        for (i, j), s in scored.items():
            a, b = (j, i) if flip else (i, j)
            by_self.setdefault(a, []).append((b, s))
        anchors = sorted({(j, i) if flip else (i, j) for i, j in keep})
        if not anchors:
            return
        matched = {a for a, _b in anchors}
        firsts = [a for a, _b in anchors]
        added: Kept = {}
        for a, options in by_self.items():
            if a in matched:
                continue
            pos = bisect.bisect_left(firsts, a)
            if pos == 0 or pos == len(anchors):
                continue
            # The partner of the nearest anchor before (its last) and after (its first).
            lo = anchors[pos - 1][1]
            hi = anchors[pos][1]
            if hi < lo or hi - lo > GAP_MAX_WINDOW:
                continue
            inside = [(s, b) for b, s in options if lo <= b <= hi]
            if not inside:
                continue
            s, b = max(inside)
            if s >= RELATIVE_TO_BEST * best_self[a]:
                added[(b, a) if flip else (a, b)] = (s, "diagonal")
        keep.update(added)


_TIE = 1e-9
"""Shared weights this close are equal (float sums of one set in different orders)."""


def _sentence_best(
    scored: dict[tuple[int, int], float],
    left: list[_Para],
    right: list[_Para],
    vocab: _Vocab,
    keep: Kept,
) -> None:
    """Keep, for each sentence of a multi-sentence paragraph, its best partner paragraph when
    the sentence's evidence there clears ``weak``: ``SENTENCE_WEIGHT`` times the smoothed
    containment of the sentence in the partner (the measure of the single-sentence evidence in
    :func:`_raw_score`).  Only scored pairs are considered; single-sentence paragraphs already
    have the paragraph-level "best" cue, which is the same rule for them.

    Long articles pack two or three facts into a paragraph, each reported by a different
    paragraph of the other outlet; the paragraph-level rules keep only the partner of the
    dominant fact (the others fall below :data:`RELATIVE_TO_BEST` of it).
    """
    threshold = vocab.settings.weak / SENTENCE_WEIGHT
    weight, m = vocab.weight, vocab.smoothing
    for flip in (False, True):
        side, other = (right, left) if flip else (left, right)
        partners: dict[int, list[int]] = {}
        for i, j in scored:
            a, b = (j, i) if flip else (i, j)
            if side[a].bounds:
                partners.setdefault(a, []).append(b)
        for a, options in partners.items():
            for keys, ws in _sentences(side[a], vocab):
                shares = [
                    (math.fsum(map(weight.__getitem__, keys & other[b].keys)), b) for b in options
                ]
                top = max(shares)[0]
                if top < threshold * (ws + m):
                    continue
                # Ties (the same words shared with two paragraphs) keep both; the tolerance
                # absorbs the order in which a set's weights happen to be summed.
                for shared, b in shares:
                    pair = (b, a) if flip else (a, b)
                    if shared >= top - _TIE and pair not in keep:
                        keep[pair] = (scored[pair], "best")


# --------------------------------------------------------------------------- sentence pass

SENTENCE_PASS_MAX_PAIRS = EXHAUSTIVE_PAIRS
"""The sentence pass runs when no pair of articles has more sentence pairs than this (ordinary
articles: 500 x 500 sentences); beyond, the paragraph-level rules alone keep the cost linear."""
SENTENCE_PASS_CUES: frozenset[MatchCue | None] = frozenset({None, "lede", "diagonal"})
"""Which sentence-level links are lifted to their paragraphs: clear evidence and the positional
cues.  A sentence's best partner is not lifted: the paragraph level already keeps it
(:func:`_sentence_best`) where it is credible, and lifted alone it was wrong more often than
right on the real-news sets (BENCHMARKS.md, fourth round)."""


class _Unit(_Para):
    """One sentence unit: a paragraph-like view the selection rules read (itself), and the
    position of the paragraph holding it among its article's matchable paragraphs (``owner``).
    One object, not a view plus a wrapper: there is one per sentence of the input."""

    __slots__ = ("owner",)

    def __init__(
        self, p: _Para, keys: frozenset[str], span: tuple[int, int], position: int, owner: int
    ) -> None:
        # ``spans`` holds the one range of the paragraph's text the unit's sentences cover: what
        # the explain view highlights when the link comes from this unit.
        super().__init__(p.ref, p.text, keys, spans=(span,), position=position)
        self.owner = owner

    @property
    def para(self) -> _Para:
        """The unit as the paragraph-like view (itself)."""
        return self


def sentence_units(
    paras: list[list[_Para]], vocab: _Vocab
) -> tuple[list[list[_Unit]], _Vocab] | None:
    """Each article as a list of sentence units, with a vocabulary weighed over the units;
    ``None`` when the input is too large for the sentence pass.

    A single-sentence paragraph is one unit as it is; each sentence of a longer one becomes a
    unit of its own keys.  A sentence too light to stand as a fact alone (under two smoothing
    masses, the floor of :func:`_sentences`: "He was 77.", or a stray "1." cut from "6. 1") joins
    the unit before it (the first one joins the next), so a fragment never matches on one number.
    IDF over sentences makes a word used in every sentence weigh nothing, like one used in every
    paragraph on the paragraph level.
    """
    counts = sorted((sum(len(p.bounds) or 1 for p in art) for art in paras), reverse=True)
    if len(counts) < 2 or counts[0] * counts[1] > SENTENCE_PASS_MAX_PAIRS:
        return None
    canon, weight = vocab.canon, vocab.weight
    floor = 2 * vocab.smoothing
    by_article: list[list[_Unit]] = []
    seen: dict[frozenset[str], frozenset[str]] = {}
    for art in paras:
        units: list[_Unit] = []
        for n, p in enumerate(art):
            for keys, first, last in _sentence_pieces(p, canon, weight, floor):
                span = (p.spans[first][0], p.spans[last][1]) if p.spans else (0, len(p.text))
                units.append(_Unit(p, _intern(keys, seen), span, len(units), n))
        by_article.append(units)
    del seen
    uvocab = _Vocab(names=vocab.names, canon=canon, key_of=vocab.key_of, settings=vocab.settings)
    _weigh(by_article, uvocab)
    return by_article, uvocab


def _sentence_pieces(
    p: _Para, canon: dict[str, str], weight: dict[str, float], floor: float
) -> list[tuple[frozenset[str], int, int]]:
    """The key sets of ``p``'s sentence units (see :func:`sentence_units`), each with the
    indices of its first and last sentence in ``p.spans``."""
    if not p.bounds:
        return [(p.keys, 0, max(len(p.spans) - 1, 0))]
    pieces: list[tuple[set[str], int, int]] = []
    carry: set[str] = set()
    carry_from: int | None = None  # the first sentence of those carried
    for n, keys in enumerate(_sentence_key_sets(p, canon)):
        keys |= carry
        if math.fsum(weight.get(k, 0.0) for k in keys) >= floor:
            pieces.append((keys, n if carry_from is None else carry_from, n))
            carry, carry_from = set(), None
        elif pieces:
            joined, first, _last = pieces[-1]
            pieces[-1] = (joined | keys, first, n)
        else:
            carry = keys
            if carry_from is None:
                carry_from = n
    if carry:
        # Only light sentences: one unit of them all (``carry`` exists before any piece only).
        pieces.append((carry, carry_from or 0, len(p.bounds) - 1))
    return [(frozenset(k), first, last) for k, first, last in pieces]


SentenceLinks = dict[tuple[int, int], tuple[float, MatchCue | None, SentencePair]]
"""Links lifted from the sentence pass: (paragraph position, paragraph position) -> (best
lifted score, cue or ``None`` for clear evidence, the text ranges of the unit pair that scored
best)."""


def _sentence_links(left: list[_Unit], right: list[_Unit], uvocab: _Vocab) -> SentenceLinks:
    """The two-tier selection run on two articles' sentence units, lifted to the paragraphs that
    hold them: (paragraph position, paragraph position) -> (best lifted score, cue; ``None``
    when some sentence pair of the two is clear evidence; the text ranges of the best-scored
    unit pair, which the explain view highlights).  Only :data:`SENTENCE_PASS_CUES` are lifted.

    Long articles state a fact in one sentence of a paragraph that also says other things, so
    the paragraph-level positional cues miss it: the headline against the *first sentences*
    (the lede block in sentences), and a run of successive sentences reported in the same order
    by both outlets across paragraph boundaries (the diagonal in sentences).
    """
    if not left or not right:
        return {}
    lp: list[_Para] = list(left)
    rp: list[_Para] = list(right)
    scored = _score_candidates(lp, rp, _candidates(lp, rp, uvocab.weight), uvocab)
    out: SentenceLinks = {}
    for (u, v), (score, cue) in _select(scored, lp, rp, uvocab.settings).items():
        if cue not in SENTENCE_PASS_CUES:
            continue
        pair = (left[u].owner, right[v].owner)
        old = out.get(pair)
        spans = (left[u].spans[0], right[v].spans[0])
        if old is None:
            out[pair] = (score, cue, spans)
        else:
            # Selection returns pairs in order, so ties keep the earliest unit pair.
            best = spans if score > old[0] else old[2]
            out[pair] = (max(score, old[0]), None if cue is None else old[1], best)
    return out


def _unite(keep: Kept, lifted: SentenceLinks) -> dict[tuple[int, int], SentencePair]:
    """Add the lifted sentence-level links to the paragraph-level ones: the higher score, and
    clear evidence when either level found it.  Returns, for each link whose evidence is the
    sentence pass's -- a link only it found, or one it scored higher or raised to clear -- the
    unit pair that made it, so the explain view highlights what the matcher used."""
    shown: dict[tuple[int, int], SentencePair] = {}
    for pair, (score, cue, spans) in lifted.items():
        old = keep.get(pair)
        if old is None:
            keep[pair] = (score, cue)
            shown[pair] = spans
        else:
            if score > old[0] or (cue is None and old[1] is not None):
                shown[pair] = spans
            keep[pair] = (max(score, old[0]), None if cue is None else old[1])
    return shown


# --------------------------------------------------------------------------- reasons


def _sentence_keysets(p: _Para, common: frozenset[str], vocab: _Vocab) -> list[set[str]]:
    """For each sentence of ``p`` (``p.spans``), the keys of ``common`` it contains; from the
    token keys kept at collection time, so nothing is tokenised twice."""
    canon = vocab.canon
    out = []
    start = 0
    for end in p.bounds:
        keys = set(p.seq[start:end])
        start = end
        if canon:
            keys = {canon.get(k, k) for k in keys}
        out.append(keys & common)
    return out


def best_sentence_pair(
    p: _Para, q: _Para, vocab: _Vocab
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The sentence of ``p`` and the sentence of ``q`` that share the most weight (ties: the
    earliest), as offsets into each paragraph's text: where the shared fact is written.  ``None``
    when no sentence pair shares anything."""
    common = p.keys & q.keys
    if not common or not p.spans or not q.spans:
        return None
    # A single-sentence side has no choice to make (``bounds`` is kept for multi-sentence ones).
    left = _sentence_keysets(p, common, vocab) if p.bounds else [set(common)]
    right = _sentence_keysets(q, common, vocab) if q.bounds else [set(common)]
    weight = vocab.weight
    best: tuple[float, int, int] | None = None
    for a, keys_p in enumerate(left):
        for b, keys_q in enumerate(right):
            shared = math.fsum(weight.get(k, 0.0) for k in keys_p & keys_q)
            if shared > 0 and (best is None or shared > best[0]):
                best = (shared, a, b)
    return None if best is None else (p.spans[best[1]], q.spans[best[2]])


def _make_match(
    p: _Para,
    q: _Para,
    score: float,
    cue: MatchCue | None,
    vocab: _Vocab,
    dp: dict[str, str],
    dq: dict[str, str],
    sentences: SentencePair | None = None,
    meaning: float | None = None,
) -> Match:
    """The match of ``p`` and ``q`` with its reasons; ``sentences`` is the sentence pair the
    link was found on when the sentence pass found it, else the pair sharing the most weight;
    ``meaning`` the pair's meaning cosine when the model read them."""
    weight, key_of = vocab.weight, vocab.key_of
    shared = sorted(p.keys & q.keys, key=lambda k: (-weight[k], k))
    words: list[str] = []
    names: list[str] = []
    numbers: list[str] = []
    for k in shared:
        left_form = dp.get(k, k)
        if k[0].isdigit():
            if len(numbers) < MAX_REASONS:
                numbers.append(left_form)
        elif k in vocab.names:
            if len(names) < MAX_REASONS:
                right_form = dq.get(k, left_form)
                # Same key = same spelling up to case/accents/possessive: show it once.  Else
                # both spellings, so find_term_spans lights up each side's own.  An acronym and
                # its expansion share a key but are two spellings (only expansions hold spaces).
                same = key_of.get(right_form) == key_of.get(left_form) and (" " in left_form) == (
                    " " in right_form
                )
                names.append(left_form if same else f"{left_form}/{right_form}")
        elif len(words) < MAX_REASONS and len(k) > 2:
            # Two-letter fragments ("al" of "al-Sharif") are not worth showing as a reason.
            words.append(left_form)
    near = False
    if score >= 0.6:
        near = fuzz.ratio(fold(p.text), fold(q.text)) >= NEAR_VERBATIM_RATIO
    return Match(
        left=p.ref,
        right=q.ref,
        score=round(min(1.0, score**CALIBRATION_EXPONENT), 4),
        words=tuple(words),
        names=tuple(names),
        numbers=tuple(numbers),
        near_verbatim=near,
        evidence="clear" if cue is None else "supported",
        cue=cue,
        sentences=sentences or best_sentence_pair(p, q, vocab),
        meaning=meaning,
    )
