"""Facts: paragraphs from any number of articles that report the same thing.

A fact is built from the matcher's links around a *core* paragraph: the core and the paragraphs
matched with it.  Links alone would chain: a merged paragraph B that reports two things is matched
with A (the first thing) and with C (the second), yet A and C have nothing in common.  So a linked
paragraph joins a core's fact only when it also belongs with the members already there: it must be
matched with, or share content with (:data:`SHARE_MIN` of the smaller one's content words), at least
half of the first :data:`CHECK_MEMBERS` members other than the core.  A paragraph left out of one
core's fact becomes the core of its own, so the merged paragraph sits in both facts and A and C in
one each.

Cores are taken most-linked first (the paragraph most outlets were matched with is the likeliest
full report of the fact); ties go to reading order.  Every body paragraph ends up in at least one
fact: a paragraph no other article reports is a fact of one article ("only in C").

The label is the fact's most central sentence: the core's sentence whose content words the other
members use most, shortened to :data:`LABEL_CHARS` characters.

Only the facts several articles report are kept as objects; the fact of a paragraph nobody else
reports is made from the paragraph when it is read (:class:`reader.core.model.FactList`), so a
long article no other outlet covers does not hold a second copy of itself as facts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from reader.core.gc_pause import GcPause
from reader.core.ingest.segment import split_sentences
from reader.core.matching.terms import content_keys
from reader.core.model import (
    Analysis,
    Article,
    Fact,
    FactList,
    Match,
    ParagraphRef,
    paragraph_text,
)

SHARE_MIN = 0.2
"""Two members "share content" when this fraction of the smaller one's content words is common."""
CHECK_MEMBERS = 6
"""A candidate member is checked against at most this many accepted members (besides the core),
which keeps a fact of 200 outlets linear to build."""
LABEL_CHARS = 110

MemberTier = Literal["clear", "supported", "linked", "only"]
"""How firmly a paragraph belongs to its fact (:func:`member_tiers`)."""
TIER_RANK: dict[str, int] = {"only": 0, "linked": 1, "supported": 2, "clear": 3}
"""Tiers from the loosest to the firmest."""
MatchLookup = Callable[[ParagraphRef, ParagraphRef], Match | None]
"""``between(a, b)``: the match joining two paragraphs, if any."""


class _Keys:
    """Content-word sets of paragraphs (and of sentences), computed once, on demand."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.cache: dict[ParagraphRef, frozenset[str]] = {}

    def text(self, ref: ParagraphRef) -> str:
        return paragraph_text(self.articles[ref[0]], ref[1])

    def of(self, ref: ParagraphRef) -> frozenset[str]:
        keys = self.cache.get(ref)
        if keys is None:
            keys = self.cache[ref] = frozenset(content_keys(self.text(ref)))
        return keys


def _share(a: frozenset[str], b: frozenset[str]) -> bool:
    small = min(len(a), len(b))
    return small > 0 and len(a & b) >= SHARE_MIN * small


def build_facts(articles: list[Article], matches: list[Match]) -> FactList:
    """Group paragraphs into facts (see the module docstring); facts are ordered by their first
    member in reading order (article, then paragraph), ids are positions in the result."""
    # Building facts allocates sets, lists and content-word sets by the ten thousand and makes no
    # reference cycles; the cyclic collector would rescan everything alive (the articles, the
    # matches...) meanwhile, a tenth of this stage's time on 2 x 20,000 paragraphs.  Paused, as
    # in the other stages.
    with GcPause():
        return _build_facts(articles, matches)


def _build_facts(articles: list[Article], matches: list[Match]) -> FactList:
    links: dict[ParagraphRef, dict[ParagraphRef, float]] = {}
    for m in matches:
        if m.left[0] == m.right[0]:
            continue
        links.setdefault(m.left, {})[m.right] = m.score
        links.setdefault(m.right, {})[m.left] = m.score
    keys = _Keys(articles)
    covered: set[ParagraphRef] = set()
    groups: list[tuple[list[ParagraphRef], float]] = []
    for core in sorted(links, key=lambda r: (-len(links[r]), r)):
        if core in covered:
            continue
        members, strength = _grow(core, links, keys)
        covered.update(members)
        groups.append((members, strength))
    groups.sort(key=lambda g: min(g[0]))
    n = max(1, len(articles))
    kept: list[Fact] = []
    single: list[tuple[int, ParagraphRef]] = []
    fid = 0
    shared = iter(groups)
    pending = next(shared, None)
    for ref in _uncovered(articles, covered):
        # Merge the shared facts (by first member) and the lone paragraphs (in reading order).
        while pending is not None and min(pending[0]) < ref:
            kept.append(_fact(fid, pending, n, keys))
            fid += 1
            pending = next(shared, None)
        single.append((fid, ref))
        fid += 1
    while pending is not None:
        kept.append(_fact(fid, pending, n, keys))
        fid += 1
        pending = next(shared, None)
    return FactList(kept, single, _OneParagraph(articles))


def _uncovered(articles: list[Article], covered: set[ParagraphRef]) -> Iterator[ParagraphRef]:
    """The body paragraphs no shared fact holds, in reading order: each is a fact of its own."""
    for a, article in enumerate(articles):
        for p in article.paragraphs:
            ref = (a, p.index)
            if not p.boilerplate and ref not in covered:
                yield ref


def _fact(fid: int, group: tuple[list[ParagraphRef], float], n: int, keys: _Keys) -> Fact:
    members, strength = group
    arts = sorted({a for a, _p in members})
    others = [keys.of(r) for r in members[1 : 1 + CHECK_MEMBERS]]
    return Fact(
        fid,
        _label(keys.text(members[0]), others),
        members,
        arts,
        round(len(arts) / n, 4),
        round(strength, 4),
    )


class _OneParagraph:
    """Makes the fact of a paragraph no other article reports, from the paragraph, on demand."""

    def __init__(self, articles: list[Article]) -> None:
        self.articles = articles
        self.coverage = round(1 / max(1, len(articles)), 4)

    def __call__(self, fid: int, ref: ParagraphRef) -> Fact:
        text = paragraph_text(self.articles[ref[0]], ref[1])
        return Fact(fid, _label(text, []), [ref], [ref[0]], self.coverage, 0.0)


def _grow(
    core: ParagraphRef, links: dict[ParagraphRef, dict[ParagraphRef, float]], keys: _Keys
) -> tuple[list[ParagraphRef], float]:
    """The core's fact: the core, then its partners strongest first, each passing the guard."""
    partners = links[core]
    accepted: list[ParagraphRef] = []
    scores: list[float] = []
    for ref, score in sorted(partners.items(), key=lambda x: (-x[1], x[0])):
        checked = accepted[:CHECK_MEMBERS]
        if checked:
            mine = links.get(ref, {})
            own = keys.of(ref)
            agree = sum(1 for x in checked if x in mine or _share(own, keys.of(x)))
            if 2 * agree < len(checked):
                continue
        accepted.append(ref)
        scores.append(score)
    members = [core, *sorted(accepted)]
    return members, (sum(scores) / len(scores) if scores else 0.0)


def _label(text: str, others: list[frozenset[str]]) -> str:
    """The sentence of ``text`` (the core's) whose content words the ``others`` (the other
    members' content words) share most, shortened."""
    spans = split_sentences(text) or [(0, len(text))]
    best, best_score = spans[0], -1.0
    for start, end in spans:
        words = set(content_keys(text[start:end]))
        if not words:
            continue
        if not others:
            best = (start, end)  # every sentence scores 0: the first with content words wins
            break
        score = sum(len(words & o) for o in others) / len(words)
        if score > best_score:
            best, best_score = (start, end), score
    sentence = " ".join(text[best[0] : best[1]].split())
    if len(sentence) > LABEL_CHARS:
        cut = sentence.rfind(" ", 0, LABEL_CHARS - 1)
        sentence = (
            sentence[: cut if cut > LABEL_CHARS // 2 else LABEL_CHARS - 1].rstrip(",;: ") + "…"
        )
    return sentence


def member_tiers(fact: Fact, between: MatchLookup) -> dict[ParagraphRef, MemberTier]:
    """How firmly each member of ``fact`` belongs to it: the evidence tier (``Match.evidence``) of
    its match with the fact's core, or ``linked`` when the two have no match of their own (the
    member joined through the links the facts were built from).  The core takes the firmest
    tier of the other members.  The members of a fact one article alone reports are ``only``.

    One rule for every view that qualifies a fact's members -- the overview's cell shading, the
    Markdown briefing's marks and the JSON's ``member_evidence`` -- so they never disagree about
    which reports are the surer ones.  ``between(a, b)`` is the match joining two paragraphs, if
    any (:func:`matches_between` for an analysis, or a view's own index of the same matches).
    """
    if len(fact.articles) < 2:
        return dict.fromkeys(fact.members, "only")
    core = fact.members[0]
    tiers: dict[ParagraphRef, MemberTier] = {}
    core_tier: MemberTier = "linked"
    for ref in fact.members[1:]:
        match = between(core, ref)
        tier: MemberTier = match.evidence if match is not None else "linked"
        tiers[ref] = tier
        if TIER_RANK[tier] > TIER_RANK[core_tier]:
            core_tier = tier
    tiers[core] = core_tier
    return tiers


def matches_between(analysis: Analysis) -> MatchLookup:
    """``between(a, b)`` for :func:`member_tiers`: the best-scored match of ``analysis`` joining
    paragraphs ``a`` and ``b``, if any (through the analysis's own index of matches by
    paragraph, built once)."""
    matches = analysis.matches

    def between(a: ParagraphRef, b: ParagraphRef) -> Match | None:
        for i in analysis.match_indices(a):
            if matches[i].other(a) == b:
                return matches[i]
        return None

    return between
