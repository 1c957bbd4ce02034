"""Matching many articles at once: cost that grows with the paragraphs, not with the pairs.

Pairwise matching (:func:`reader.core.matching.matcher.align`) scores every pair of articles.  For
N outlets of one story that is N(N-1)/2 pairs, and since every outlet reports most facts, the
matches themselves grow with the pairs: 200 outlets of 40 paragraphs give some 800,000 matched
pairs, far more than an analyst or the memory can hold.

So the rule is one of cost (:func:`~reader.core.matching.matcher.pairwise_affordable`): while
matching every pair costs no more than two articles of 5,000 paragraphs
(:data:`~reader.core.matching.matcher.PAIRWISE_BUDGET`), every pair of articles is matched
directly -- five or ten outlets of news length get exactly the links two articles would, every
rule included (sentence pass, pairwise spelling variants), plus the weak links that a third
outlet confirms (:mod:`reader.core.matching.outlets`).  Beyond the budget the links are built
against the story's *cores* instead.  The articles are read in order; every paragraph that
matches no core so far becomes a core (the first report of a fact); every other paragraph is
matched against the cores with the matcher's own candidate scoring and selection, as if the cores
were one more article.  A fact is then a core with the paragraphs linked to it, so no fact grows
by chaining (every member matched the core itself), and a paragraph that reports two facts (a
merge) links to both cores.  The index of cores is kept up to date, so each paragraph is looked up
once: the work grows with the total number of paragraphs and the number of distinct facts.

The matches returned beyond the budget are these links (a paragraph and the core of its fact); the
paragraphs of two outlets that report the same fact are related through
:mod:`reader.core.matching.facts`.
"""

from __future__ import annotations

from collections import Counter

from reader.core.gc_pause import GcPause
from reader.core.matching.matcher import (
    CANDIDATE_MIN_SHARE,
    PAIRWISE_BUDGET,
    POSTING_CAP,
    Kept,
    _make_match,
    _Para,
    _score_candidates,
    _select,
    add_best_of_other_side,
    align,
    each_pair_links,
    keep_top_candidates,
    pairwise_affordable,
    prepare,
)
from reader.core.matching.outlets import add_outlet_links
from reader.core.model import Article, Match


def align_story(articles: list[Article]) -> tuple[list[Match], list[Match]]:
    """The story's matches (:func:`align_all`) and the links its facts are built from.

    Facts of more than two articles are built from links to the cores even when the matches are
    pairwise: a core's fact then holds paragraphs that each matched the core itself, where the
    pairwise links of several outlets also join paragraphs that were each matched with some
    member but report different things (``benchmarks/eval_facts.py``, ten articles a story:
    0.45 of the x-y pairs implied by facts were pairs the gold keeps apart, against 0.26; four
    articles: 0.38 against 0.26, for 7 fewer of 143 strong links gathered; BENCHMARKS.md,
    "Several outlets at once").  The core links cost one more pass over the paragraphs.
    """
    matches = align_all(articles)
    if len(articles) <= 2 or not pairwise_affordable(articles):
        return matches, matches
    return matches, _joint(articles)


def align_all(articles: list[Article]) -> list[Match]:
    """Paragraph matches for any number of articles, sorted by ``(left, right)``.

    Pairwise (every pair of articles) while :func:`pairwise_affordable`; beyond that budget, each
    paragraph is linked to the core paragraphs of the facts it reports (see the module docstring).
    """
    if pairwise_affordable(articles):
        return _each_pair(articles)
    return _joint(articles)


def _joint(articles: list[Article]) -> list[Match]:
    """Links of each paragraph to the cores of its facts (see the module docstring)."""
    with GcPause():
        return _link_to_cores(articles)


def _each_pair(articles: list[Article]) -> list[Match]:
    """Every pair of articles matched as if the two were the only ones
    (:func:`~reader.core.matching.matcher.each_pair_links`): the weights, names, spelling
    variants and sentence pass of the pair alone.

    So the links between two outlets do not change with the other outlets opened beside them, and
    a story of five or ten outlets gets the quality measured on article pairs (with the story's
    weights instead, a word every outlet uses weighs little and the thresholds chosen on pairs
    lose strong links: BENCHMARKS.md, "Several outlets at once").  The one thing the other
    outlets add: a weak pair whose two paragraphs both firmly match the same paragraph of a third
    article is kept (:func:`~reader.core.matching.outlets.add_outlet_links`).
    """
    if len(articles) <= 2:
        return align(articles)
    pairs = each_pair_links(articles)
    add_outlet_links(pairs)
    matches = [m for links in pairs for m in links.matches]
    matches.sort(key=lambda m: (m.left, m.right))
    return matches


def _link_to_cores(articles: list[Article]) -> list[Match]:
    paras, vocab, display = prepare(articles)
    cores = _Cores(vocab.weight)
    matches: list[Match] = []
    for b, art in enumerate(paras):
        keep: Kept = {}
        if cores.paras and art:
            pairs = cores.candidates(art)
            scored = _score_candidates(art, cores.paras, pairs, vocab)
            keep = _select(scored, art, cores.paras, vocab.settings, vocab)
        for (i, c), (score, cue) in sorted(keep.items()):
            core = cores.paras[c]
            matches.append(
                _make_match(core, art[i], score, cue, vocab, display[core.ref[0]], display[b])
            )
        linked = {i for i, _c in keep}
        for i, p in enumerate(art):
            if i not in linked:
                cores.add(p)
    matches.sort(key=lambda m: (m.left, m.right))
    return matches


class _Cores:
    """The core paragraphs so far, with an inverted index kept up to date as cores are added."""

    def __init__(self, weight: dict[str, float]) -> None:
        self.weight = weight
        self.paras: list[_Para] = []
        self.index: dict[str, list[int]] = {}

    def add(self, p: _Para) -> None:
        c = len(self.paras)
        self.paras.append(p)
        for k in p.keys:
            self.index.setdefault(k, []).append(c)

    def candidates(self, left: list[_Para]) -> set[tuple[int, int]]:
        """Pairs (paragraph of ``left``, core) sharing weight, top-K on both sides -- the rule of
        :func:`reader.core.matching.matcher._candidates` with the cores as the other article."""
        weight, index, cap = self.weight, self.index, POSTING_CAP
        left_df: Counter[str] = Counter()
        for p in left:
            left_df.update(p.keys)
        pairs: set[tuple[int, int]] = set()
        best_for_core: dict[int, list[tuple[float, int]]] = {}
        core_weight = [q.weight for q in self.paras]
        for i, p in enumerate(left):
            acc: dict[int, float] = {}
            get = acc.get
            for k in p.keys:
                posting = index.get(k)
                if posting is None or len(posting) > cap or left_df[k] > cap:
                    continue
                w = weight[k]
                for c in posting:
                    acc[c] = get(c, 0.0) + w
            if not acc:
                continue
            # The cores are many and mostly about other facts: as on large article pairs, a
            # candidate must share a visible part of the smaller side's weight.
            wi = p.weight * CANDIDATE_MIN_SHARE
            items = [
                (c, s)
                for c, s in acc.items()
                if s >= wi or s >= core_weight[c] * CANDIDATE_MIN_SHARE
            ]
            keep_top_candidates(i, items, best_for_core, pairs)
        add_best_of_other_side(best_for_core, pairs)
        return pairs


__all__ = ["PAIRWISE_BUDGET", "align_all", "align_story", "pairwise_affordable"]
