"""Matching many articles at once: cost that grows with the paragraphs, not with the pairs.

Pairwise matching (:func:`reader.core.matching.matcher.align`) scores every pair of articles.  For
N outlets of one story that is N(N-1)/2 pairs, and since every outlet reports most facts, the
matches themselves grow with the pairs: 200 outlets of 40 paragraphs give some 800,000 matched
pairs, far more than an analyst or the memory can hold.

Beyond :data:`PAIRWISE_MAX_ARTICLES` articles the links are built against the story's *cores*
instead.  The articles are read in order; every paragraph that matches no core so far becomes a
core (the first report of a fact); every other paragraph is matched against the cores with the
matcher's own candidate scoring and selection, as if the cores were one more article.  A fact is
then a core with the paragraphs linked to it, so no fact grows by chaining (every member matched
the core itself), and a paragraph that reports two facts (a merge) links to both cores.  The index
of cores is kept up to date, so each paragraph is looked up once: the work grows with the total
number of paragraphs and the number of distinct facts.

The matches returned are these links (a paragraph and the core of its fact); the paragraphs of two
outlets that report the same fact are related through :mod:`reader.core.matching.facts`.  Up to
:data:`PAIRWISE_MAX_ARTICLES` articles every pair is matched directly, as before.
"""

from __future__ import annotations

import gc
from collections import Counter

from reader.core.matching.matcher import (
    CANDIDATE_MIN_SHARE,
    PAIRWISE_MAX_ARTICLES,
    POSTING_CAP,
    Kept,
    _make_match,
    _Para,
    _score_candidates,
    _select,
    add_best_of_other_side,
    align,
    keep_top_candidates,
    prepare,
)
from reader.core.model import Article, Match


def align_all(articles: list[Article]) -> list[Match]:
    """Paragraph matches for any number of articles, sorted by ``(left, right)``.

    Pairwise (every pair of articles) up to :data:`PAIRWISE_MAX_ARTICLES` articles; beyond, each
    paragraph is linked to the core paragraphs of the facts it reports (see the module docstring).
    """
    if len(articles) <= PAIRWISE_MAX_ARTICLES:
        return align(articles)
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _link_to_cores(articles)
    finally:
        if gc_was_enabled:
            gc.enable()


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


__all__ = ["PAIRWISE_MAX_ARTICLES", "align_all"]
