"""Group figures that count the same thing across articles and decide whether they agree.

Two kinds of evidence join figures (union-find over figure indices):

1. Matched paragraphs.  Paragraphs the aligner matched report the same facts, so their figures
   are paired one-to-one (greedy, best pair first).  A pair needs the same kind and unit family;
   labels must be equal unless one of them is generic or missing ("12 people" pairs with
   "killing 12").  Compatible values pair readily; incompatible values pair only when the labels
   agree, when each paragraph holds a single figure of that kind, or when the words around them
   are alike, so "3 in Aleppo, 10 in Idlib" against "10 in Idlib, 3 in Aleppo" pairs 3-3 / 10-10.
2. The same specific label ("killed", "troop") anywhere in two articles.  Compatible values join
   unless the capitalised words around them contradict (Aleppo vs Idlib: different events);
   incompatible values join only with positive context evidence (a shared capitalised word, or
   several shared content words), which keeps "3 killed in Aleppo" and "10 killed in Idlib" apart.
   Generic labels (people, percent, currencies, years, dates) join only through matched
   paragraphs: two "$" amounts in a story are usually different budgets.

Repeated mentions of the same value and label within one article are one group.

Status: ``single`` when one article; ``conflict`` when two members from different articles have
ranges (after qualifiers and vagueness) that do not overlap; else ``agree``.  That test is
O(members) using per-article extreme bounds.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from reader.core.figures.extract import duration_days
from reader.core.figures.labels import GENERIC_LABELS
from reader.core.vocabulary.stopwords import (
    FUNCTION_WORDS,
    MONTHS,
    RELATIVE_TIME_WORDS,
    REPORTING_WORDS,
    WEEKDAYS,
)
from reader.core.ingest.segment import SentenceStarts
from reader.core.model import Article, Figure, FigureGroup, Match
from reader.core.unionfind import UnionFind

_CTX_CHARS = 70
_ALL_PAIRS_LIMIT = 4000
_RARE_TOKEN_DF = 12
_EPS = 1e-9

_CTX_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_CTX_STOP = (
    FUNCTION_WORDS | REPORTING_WORDS | RELATIVE_TIME_WORDS | MONTHS | WEEKDAYS
    | frozenset("cent day days first month months nearly new people percent three two week year years".split())
)
"""Words around a figure that say nothing about what it counts (its context is compared)."""


def _is_generic(label: str | None) -> bool:
    return label is None or label in GENERIC_LABELS


class _Ctx:
    """Content words and capitalised words near each figure, computed on demand and cached."""

    def __init__(self, figures: list[Figure], articles: list[Article]) -> None:
        self.figures = figures
        self.articles = articles
        self._cache: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
        self._paragraphs: dict[tuple[int, int], tuple[str, SentenceStarts]] = {}
        # Neighbouring figures bound each context window, so "3 in Aleppo and 10 in Idlib" gives
        # the 3 the context "Aleppo" and the 10 the context "Idlib".
        self._left: dict[int, int] = {}
        self._right: dict[int, int] = {}
        prev: Figure | None = None
        for f in figures:  # in reading order, as find_figures returns them
            if prev is not None and (prev.article, prev.paragraph) == (f.article, f.paragraph):
                self._left[id(f)] = prev.end
                self._right[id(prev)] = f.start
            prev = f

    def get(self, i: int) -> tuple[frozenset[str], frozenset[str]]:
        hit = self._cache.get(i)
        if hit is not None:
            return hit
        f = self.figures[i]
        text, starts = self._text(f)
        words: set[str] = set()
        caps: set[str] = set()
        left = max(0, f.start - _CTX_CHARS, min(self._left.get(id(f), 0), f.start))
        right = min(f.end + _CTX_CHARS, max(self._right.get(id(f), len(text)), f.end))
        for part, lo in ((text[left:f.start], left), (text[f.end:right], f.end)):
            for m in _CTX_WORD.finditer(part):
                w = m.group(0)
                low = w.lower()
                if len(low) < 3 or low in _CTX_STOP:
                    continue
                words.add(low)
                if w[0].isupper() and not starts.opens_sentence(lo + m.start()):
                    caps.add(low)
        hit = (frozenset(words), frozenset(caps))
        self._cache[i] = hit
        return hit

    def _text(self, f: Figure) -> tuple[str, SentenceStarts]:
        """The figure's paragraph text and its sentence starts (the figure alone when unknown)."""
        key = (f.article, f.paragraph)
        hit = self._paragraphs.get(key)
        if hit is None:
            try:
                para = self.articles[f.article].paragraphs[f.paragraph]
                hit = (para.text, SentenceStarts(para.text, para.sentences))
            except IndexError:
                hit = (f.text, SentenceStarts(f.text))
            self._paragraphs[key] = hit
        return hit

    def similarity(self, i: int, j: int) -> tuple[float, int, int]:
        """(Jaccard of content words, shared content words, shared capitalised words)."""
        wi, ci = self.get(i)
        wj, cj = self.get(j)
        shared = len(wi & wj)
        union = len(wi | wj)
        return (shared / union if union else 0.0), shared, len(ci & cj)

    def contradicts(self, i: int, j: int) -> bool:
        """Both figures sit next to capitalised names and they share none (Aleppo vs Idlib)."""
        _, ci = self.get(i)
        _, cj = self.get(j)
        return bool(ci) and bool(cj) and not (ci & cj)


def _bounds(f: Figure, strip_year: bool = False) -> tuple[float, float]:
    """(low, high) in a space where compatible figures overlap; None -> infinity."""
    lo = -math.inf if f.low is None else f.low
    hi = math.inf if f.high is None else f.high
    if f.kind == "duration":
        d = duration_days(f.unit)
        lo, hi = lo * d, hi * d
    elif f.kind == "date" and strip_year and lo >= 10000 and hi - lo < 10000:
        lo, hi = lo % 10000, hi % 10000
        if hi < lo:
            hi += 10000
    return lo, hi


def _strip_year(a: Figure, b: Figure) -> bool:
    """Dates compare without the year when either lacks one ("December 8" vs "8 Dec 2024")."""
    return a.kind == "date" and (
        (a.low is not None and a.low < 10000) or (b.low is not None and b.low < 10000))


def compatible(a: Figure, b: Figure) -> bool:
    """Whether two figures for the same thing can both be true (their ranges overlap)."""
    strip = _strip_year(a, b)
    alo, ahi = _bounds(a, strip)
    blo, bhi = _bounds(b, strip)
    tol = _EPS * max(1.0, abs(alo) if math.isfinite(alo) else 1.0)
    return alo <= bhi + tol and blo <= ahi + tol


def _same_family(a: Figure, b: Figure) -> bool:
    """Same kind, and units that can be compared (any time unit; same currency / measure)."""
    if a.kind != b.kind or a.kind == "ordinal":
        return False
    if a.kind in ("amount", "percent", "other"):
        return a.unit == b.unit
    return True


class _UnionFind(UnionFind[int]):
    """The shared union-find, remembering the direct cross-figure links (for the conflict test)."""

    __slots__ = ("links",)

    def __init__(self, n: int) -> None:
        super().__init__(range(n))
        self.links: list[tuple[int, int]] = []


def _pair_matched(a_ids: list[int], b_ids: list[int], figures: list[Figure], ctx: _Ctx,
                  uf: _UnionFind) -> None:
    """One-to-one pairing of the figures of two matched paragraphs (see module doc)."""
    kinds_a = Counter((figures[i].kind, figures[i].unit) for i in a_ids)
    kinds_b = Counter((figures[j].kind, figures[j].unit) for j in b_ids)
    cands: list[tuple[float, int, int]] = []
    for i in a_ids:
        fi = figures[i]
        for j in b_ids:
            fj = figures[j]
            if not _same_family(fi, fj):
                continue
            gi, gj = _is_generic(fi.counted), _is_generic(fj.counted)
            sim, _, shared_caps = ctx.similarity(i, j)
            if not gi and not gj and fi.counted != fj.counted:
                # Outlets name the same thing differently ("500 families have fled" / "hundreds
                # of families"; "trucks" / "lorries"): in matched paragraphs, pair them when the
                # values agree and the pairing is unambiguous or the wording around them is alike.
                unique = kinds_a[(fi.kind, fi.unit)] == 1 and kinds_b[(fj.kind, fj.unit)] == 1
                if not (compatible(fi, fj) and (unique or sim >= 0.34)):
                    continue
            same_label = fi.counted == fj.counted and not gi
            if compatible(fi, fj):
                score = 3.0 + 1.5 * same_label + sim
            else:
                if ctx.contradicts(i, j) and not shared_caps:
                    continue
                if fi.counted != fj.counted and not (gi and gj) and None not in (fi.counted, fj.counted):
                    # Incompatible values that count differently named things ("1,200 people"
                    # and "hundreds of families") are not the same fact told two ways.
                    continue
                unique = kinds_a[(fi.kind, fi.unit)] == 1 and kinds_b[(fj.kind, fj.unit)] == 1
                if not (same_label or unique or sim >= 0.34):
                    continue
                score = 1.0 + 1.5 * same_label + sim
            cands.append((score, i, j))
    cands.sort(key=lambda c: -c[0])
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in cands:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        uf.union(i, j)
        uf.links.append((i, j))


def _label_links(ids: list[int], figures: list[Figure], ctx: _Ctx, uf: _UnionFind,
                 matched: set[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """Join figures with the same specific label across articles (see module doc)."""
    by_article: dict[int, list[int]] = defaultdict(list)
    for i in ids:
        by_article[figures[i].article].append(i)
    if len(by_article) < 2:
        return
    arts = sorted(by_article)
    n_pairs = sum(len(by_article[a]) * len(by_article[b])
                  for x, a in enumerate(arts) for b in arts[x + 1:])
    if n_pairs <= _ALL_PAIRS_LIMIT:
        pairs: Iterable[tuple[int, int]] = (
            (i, j) for x, a in enumerate(arts) for b in arts[x + 1:]
            for i in by_article[a] for j in by_article[b])
    else:
        pairs = _indexed_pairs(ids, figures, ctx)
    for i, j in pairs:
        if figures[i].article == figures[j].article:
            continue
        joined = uf.find(i) == uf.find(j)
        if joined and compatible(figures[i], figures[j]):
            continue  # nothing to add: same group, and no conflict to record
        if not _same_family(figures[i], figures[j]):
            continue
        pi = (figures[i].article, figures[i].paragraph)
        pj = (figures[j].article, figures[j].paragraph)
        if (pi, pj) in matched or (pj, pi) in matched:
            continue  # the one-to-one pairing of matched paragraphs already decided
        sim, shared, shared_caps = ctx.similarity(i, j)
        if ctx.contradicts(i, j):
            continue
        if compatible(figures[i], figures[j]) or shared_caps or (shared >= 3 and sim >= 0.25):
            uf.union(i, j)
            uf.links.append((i, j))


def _indexed_pairs(ids: list[int], figures: list[Figure], ctx: _Ctx) -> list[tuple[int, int]]:
    """Candidate pairs for a large bucket: equal ranges, and rare shared context words."""
    pairs: list[tuple[int, int]] = []
    by_range: dict[tuple[float | None, float | None], list[int]] = defaultdict(list)
    by_token: dict[str, list[int]] = defaultdict(list)
    for i in ids:
        f = figures[i]
        by_range[(f.low, f.high)].append(i)
        for tok in ctx.get(i)[1]:
            by_token[tok].append(i)
    for members in by_range.values():
        firsts: dict[int, int] = {}
        for i in members:
            firsts.setdefault(figures[i].article, i)
        heads = list(firsts.values())
        pairs.extend(zip(heads, heads[1:]))
    for members in by_token.values():
        if len(members) <= _RARE_TOKEN_DF:
            pairs.extend((i, j) for x, i in enumerate(members) for j in members[x + 1:])
    return pairs


def _status(members: list[int], figures: list[Figure], conflicted: bool) -> str:
    """single (one article), conflict (a direct link joins incompatible figures) or agree.

    Only a *direct* link counts: a vague "at least 3" can join "3 killed" in one outlet and
    "10 killed" in another (both compatible with it) without those two contradicting each other,
    since they may report different events.
    """
    arts = {figures[i].article for i in members}
    if len(arts) < 2:
        return "single"
    return "conflict" if conflicted else "agree"


def _group_label(members: list[int], figures: list[Figure]) -> str:
    labels = Counter(c for i in members if (c := figures[i].counted))
    specific = [(n, lab) for lab, n in labels.items() if not _is_generic(lab)]
    if specific:
        return max(specific, key=lambda t: (t[0], -len(t[1])))[1]
    if labels:
        return labels.most_common(1)[0][0]
    return figures[members[0]].unit or figures[members[0]].kind


_STATUS_ORDER = {"conflict": 0, "agree": 1, "single": 2}


def group_figures(figures: list[Figure], articles: list[Article],
                  matches: list[Match]) -> list[FigureGroup]:
    """Group ``figures`` (indices are positions in this list) and set ``Figure.group``.

    Every figure except ordinals ends up in exactly one group; groups are ordered conflicts
    first, then agreements, then singles, each by first appearance.
    """
    n = len(figures)
    uf = _UnionFind(n)
    ctx = _Ctx(figures, articles)
    eligible = [i for i, f in enumerate(figures) if f.kind != "ordinal"]
    for f in figures:
        f.group = None

    by_par: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in eligible:
        by_par[(figures[i].article, figures[i].paragraph)].append(i)
    matched: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    for m in matches:
        matched.add((m.left, m.right))
        a_ids = by_par.get(m.left)
        b_ids = by_par.get(m.right)
        if a_ids and b_ids and m.left[0] != m.right[0]:
            _pair_matched(a_ids, b_ids, figures, ctx, uf)

    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    repeats: dict[tuple[int, str, str, str | None, float | None, float | None], int] = {}
    for i in eligible:
        f = figures[i]
        if f.counted is not None:
            key = (f.article, f.kind, f.counted, f.unit, f.low, f.high)
            first = repeats.setdefault(key, i)
            if first != i:
                uf.union(first, i)
        if f.counted is not None and not _is_generic(f.counted):
            buckets[(f.kind, f.counted)].append(i)
    for ids in buckets.values():
        _label_links(ids, figures, ctx, uf, matched)

    comps: dict[int, list[int]] = defaultdict(list)
    for i in eligible:
        comps[uf.find(i)].append(i)
    conflicted = {uf.find(i) for i, j in uf.links
                  if figures[i].article != figures[j].article
                  and not compatible(figures[i], figures[j])}
    staged = []
    for root, members in comps.items():
        members.sort()
        staged.append((_status(members, figures, root in conflicted), members))
    staged.sort(key=lambda s: (_STATUS_ORDER[s[0]], s[1][0]))
    groups: list[FigureGroup] = []
    for gid, (status, members) in enumerate(staged):
        groups.append(FigureGroup(gid, _group_label(members, figures), figures[members[0]].kind,
                                  status, members))  # type: ignore[arg-type]
        for i in members:
            figures[i].group = gid
    return groups
