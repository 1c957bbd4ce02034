"""Link name candidates across all articles into entities, and type them.

Linking runs over *distinct names* (accent-folded keys), never over mentions, so its cost depends
on the vocabulary of names, not the length of the text.  Rules, in order, each a union in a
union-find whose every union is guarded against chaining (see ``_compatible``):

1. alias groups from the gazetteer ("Turkey" / "Türkiye" / "Turkiye", "U.S." / "United States");
2. acronyms defined in the text ("Islamic State (ISIS)");
3. word-order variants with the same content words ("Defense Ministry" / "Ministry of Defense");
4. spelling variants: fuzzy match of accent-folded names inside blocks that share the first
   letters of their first or last word ("Recept Tayyip Erdogan" / "Recep Tayyip Erdoğan");
5. implicit acronyms: an all-capitals name equal to the initials of exactly one long name;
6. short forms: a name whose words end a longer name ("Netanyahu" -> "Benjamin Netanyahu",
   "Tayyip Erdogan" -> "Recep Tayyip Erdogan"), or a known given name that starts one
   ("Lindsay" -> "Lindsay Lohan").  When a short form fits several different entities
   ("Kim" with "Kim Jong-un" and "Kim Yo-jong") it joins the globally dominant one if that has
   at least ``dominance`` times the mentions of the next, else it stays separate; in addition,
   inside an article that names exactly one of the others, its mentions there join that one.

The guard refuses a union when two multi-word names of the two groups disagree word for word
(different given names: "Kim Jong-un" vs "Kim Yo-jong", "Lindsay Lohan" vs "Dina Lohan") or when
both groups contain different gazetteer places ("Austria" vs "Australia").  Scorers and
thresholds are the ones measured best on ECB+ train (see benchmarks/eval_ecbplus.py --sweep).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler

from reader.core.entities import names as N
from reader.core.entities.detect import Candidate, Detection, fold, is_acronym
from reader.core.model import Entity, EntityType, Mention
from reader.core.unionfind import UnionFind

_TYPES: tuple[EntityType, EntityType, EntityType] = ("person", "organization", "place")
_CONNECTORS = frozenset({"of", "the", "and", "for", "&"})
_PARTICLES = frozenset(N.NAME_PARTICLES) | frozenset(N.HYPHEN_PREFIXES)
_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NICK_PAIRS: frozenset[tuple[str, str]] = frozenset(
    pair for grp in N.NICKNAME_GROUPS for pet in grp[1:] for pair in ((grp[0], pet), (pet, grp[0]))
)
# Abbreviated words spelled out before comparing ("Mt Cook" == "Mount Cook"); "St" is "Saint"
# before a name and "Street" after one.
_ABBREV_ANY = {"mt": "mount", "ft": "fort", "pt": "point"}


def name_key(surface: str) -> str:
    """Comparison key of a name: folded, no periods/apostrophes, hyphens as spaces, no "the"."""
    f = fold(surface).replace(".", "").replace("'", "").replace("-", " ")
    toks = f.split()
    if toks and toks[0] == "the" and len(toks) > 1:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in N.CORP_SUFFIXES:
        toks.pop()
    if len(toks) > 1:
        toks = [_ABBREV_ANY.get(t, t) for t in toks]
        if toks[0] == "st":
            toks[0] = "saint"
        if toks[-1] == "st":
            toks[-1] = "street"
    return " ".join(toks)


# Gazetteer tables under the same key as the names ("st. louis" -> "saint louis", "u.s." -> "us").
_PLACE_KEYS = frozenset(name_key(p) for p in N.PLACES)
_ORG_KEYS = frozenset(name_key(o) for o in N.KNOWN_ORGANIZATIONS)
_ALIAS: dict[str, str] = {name_key(a): name_key(grp[0]) for grp in N.ALIAS_GROUPS for a in grp}
_GROUP_OF: dict[str, tuple[str, ...]] = {name_key(grp[0]): tuple(name_key(a) for a in grp) for grp in N.ALIAS_GROUPS}


def given_equiv(a: str, b: str) -> bool:
    """Two (folded) first names that can denote the same person: equal, a listed short form of
    the other ("mo" / "maurice"), or a prefix of at least four letters ("fred" / "frederick")."""
    if a == b or (a, b) in _NICK_PAIRS:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long.startswith(short)


def _core(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name without a trailing generational suffix ("comeaux jr" -> "comeaux")."""
    if len(tokens) > 1 and tokens[-1] in _GENERATIONAL:
        return tokens[:-1]
    return tokens


@dataclass(slots=True)
class LinkConfig:
    """Linking knobs; defaults are the values chosen by the ECB+ train sweep."""

    scorer: str = "ratio"  # ratio | jaro_winkler | token_sort_ratio | wratio
    threshold: float = 88.0  # whole-name score for same-length multi-word names (0..100)
    single_threshold: float = 90.0  # score for one-word names
    token_threshold: float = 80.0  # per-word score inside the anti-chaining guard
    min_single_len: int = 5  # shorter one-word names only link when identical
    ambiguous: str = "article"  # article | dominant | separate
    dominance: float = 2.0
    implicit_acronyms: bool = True
    prefix_given_names: bool = True
    subsequence: bool = True


def _scorer(name: str):
    if name == "ratio":
        return fuzz.ratio
    if name == "jaro_winkler":
        return lambda a, b, score_cutoff=0: JaroWinkler.similarity(a, b) * 100.0
    if name == "token_sort_ratio":
        return fuzz.token_sort_ratio
    if name == "wratio":
        return fuzz.WRatio
    raise ValueError(f"unknown scorer {name!r}")


@dataclass(slots=True)
class _Node:
    key: str
    tokens: tuple[str, ...]  # content words (no of/the/and)
    acronym: bool
    gaz: str | None  # gazetteer / alias canonical key when the name is a known place
    corp: bool = False  # a surface ended in a corporate suffix ("Corp.", "Ltd")
    surfaces: Counter = field(default_factory=Counter)
    mentions: list[int] = field(default_factory=list)
    articles: set[int] = field(default_factory=set)

    @property
    def full(self) -> bool:
        return not self.acronym and len(self.tokens) >= 2


class _Clusters(UnionFind[int]):
    """The shared union-find over name nodes, with the anti-chaining guard on every union."""

    __slots__ = ("nodes", "cfg")

    def __init__(self, nodes: list[_Node], cfg: LinkConfig) -> None:
        super().__init__(range(len(nodes)))
        self.nodes = nodes
        self.cfg = cfg

    def count(self, root: int) -> int:
        """Mentions in ``root``'s group."""
        return sum(len(self.nodes[m].mentions) for m in self.members(root))

    def union(
        self, a: int, b: int, can_join: Callable[[int, int], bool] | None = None, *, guard: bool = True
    ) -> bool:
        """Join unless the anti-chaining guard refuses (``guard=False`` for certain aliases)."""
        return super().union(a, b, can_join or (self._compatible if guard else None))

    def _fulls(self, root: int) -> list[_Node]:
        fulls = [self.nodes[m] for m in self.members(root) if self.nodes[m].full]
        fulls.sort(key=lambda n: -len(n.mentions))
        return fulls[:6]

    def _compatible(self, ra: int, rb: int) -> bool:
        ga = {self.nodes[m].gaz for m in self.members(ra)} - {None}
        gb = {self.nodes[m].gaz for m in self.members(rb)} - {None}
        if ga and gb and not (ga & gb):
            return False
        for x in self._fulls(ra):
            for y in self._fulls(rb):
                if not tokens_compatible(x.tokens, y.tokens, self.cfg.token_threshold):
                    return False
        return True


def _tok_match(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]  # an initial matches the word it abbreviates
    if (a, b) in _NICK_PAIRS:
        return True
    if min(len(a), len(b)) <= 3:
        return False
    return fuzz.ratio(a, b, score_cutoff=threshold) >= threshold


def tokens_compatible(x: tuple[str, ...], y: tuple[str, ...], threshold: float) -> bool:
    """Every word of the shorter name has its own fuzzy counterpart in the longer one."""
    a, b = (x, y) if len(x) <= len(y) else (y, x)
    ga, gb = {t for t in a if t in _GENERATIONAL}, {t for t in b if t in _GENERATIONAL}
    if ga and gb and ga != gb:
        return False  # "Jr" vs "Sr"; a name without the suffix may be either
    used = [False] * len(b)
    for t in a:
        for j, u in enumerate(b):
            if not used[j] and _tok_match(t, u, threshold):
                used[j] = True
                break
        else:
            return False
    return True


def _ordered_sub(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` is an ordered subsequence of ``long`` that keeps its last word (generational
    suffixes aside); the first word of a multi-word short form may be a short form of the given
    name ("Fred LaRue" in "Frederick C. LaRue", "Comeaux" in "Arcade Joseph Comeaux Jr.")."""
    short, long = _core(short), _core(long)
    if not short or len(short) >= len(long) or short[-1] != long[-1]:
        return False
    it = iter(long)
    if len(short) > 1 and short[0] != long[0] and given_equiv(short[0], long[0]):
        short, it = short[1:], iter(long[1:])
    return all(any(t == u for u in it) for t in short)


def _static_votes(node: _Node) -> list[float]:
    v = [0.0, 0.0, 0.0]
    toks = node.tokens
    if not toks:
        return v
    if node.key in _ORG_KEYS or (node.gaz is not None and node.gaz in _ORG_KEYS):
        v[1] += 6.0
    elif node.corp:
        v[1] += 4.0  # "Microsoft Corp.": the suffix is dropped from the key, not the evidence
    elif node.gaz is not None:
        v[2] += 4.0
    org = [t for t in toks if t in N.ORG_CUES]
    if org:
        v[1] += 2.0 + (1.0 if toks[-1] in N.ORG_CUES else 0.0)
    if toks[-1] in N.PLACE_CUES or (len(toks) > 1 and toks[0] in N.PLACE_CUES):
        v[2] += 2.5
    if len(toks) > 1 and toks[0] == "saint" and toks[-1] not in N.ORG_CUES:
        v[2] += 1.5  # "St Anne", "St Helens": saints' names in the news are places and churches
    cues = bool(org) or any(t in N.PLACE_CUES for t in toks)
    if not cues and not node.acronym and node.gaz is None:
        if toks[0] in N.GIVEN_NAMES and 2 <= len(toks) <= 4:
            v[0] += 2.0
        elif len(toks) == 1 and toks[0] in N.GIVEN_NAMES:
            v[0] += 1.0
        elif 3 <= len(toks) <= 4 and any(t in N.GIVEN_NAMES for t in toks[1:-1]):
            v[0] += 1.5  # a middle name: "Duncan Robert Rait"
        elif 2 <= len(toks) <= 3:
            # A tie-breaker only: any cue word or context (in X, the X, X said) outweighs it.
            v[0] += 0.25
        if any(t in _PARTICLES for t in toks):
            v[0] += 0.5
    if node.acronym and node.gaz is None:
        v[1] += 1.0
    return v


def _build_nodes(cands: list[Candidate]) -> tuple[list[_Node], list[int]]:
    by_key: dict[str, int] = {}
    nodes: list[_Node] = []
    cand_node: list[int] = []
    key_cache: dict[str, str] = {}
    for ci, c in enumerate(cands):
        key = key_cache.get(c.text)
        if key is None:
            key = key_cache[c.text] = name_key(c.text)
        ni = by_key.get(key)
        if ni is None:
            toks = tuple(t for t in key.split() if t not in _CONNECTORS) or tuple(key.split())
            acr = is_acronym(c.text) and len(toks) == 1
            gaz = _ALIAS.get(key) or (key if key in _PLACE_KEYS else None)
            if gaz is not None and gaz not in _PLACE_KEYS and not any(a in _PLACE_KEYS for a in _alias_group(gaz)):
                gaz = None  # alias of a non-place ("ISIS"): not a gazetteer place
            ni = by_key[key] = len(nodes)
            words = fold(c.text).replace(".", "").split()
            corp = len(words) > 1 and words[-1] in N.CORP_SUFFIXES
            nodes.append(_Node(key, toks, acr, gaz, corp))
        n = nodes[ni]
        n.surfaces[c.text] += 1
        n.mentions.append(ci)
        n.articles.add(c.article)
        cand_node.append(ni)
    return nodes, cand_node


def _alias_group(canon: str) -> tuple[str, ...]:
    return _GROUP_OF.get(canon, (canon,))


def link(detection: Detection, cfg: LinkConfig | None = None) -> list[Entity]:
    """Cluster the detected candidates into typed, sorted entities."""
    cfg = cfg or LinkConfig()
    cands = detection.candidates
    if not cands:
        return []
    nodes, cand_node = _build_nodes(cands)
    uf = _Clusters(nodes, cfg)
    by_key = {n.key: i for i, n in enumerate(nodes)}

    # 1. alias groups
    alias_first: dict[str, int] = {}
    for i, n in enumerate(nodes):
        canon = _ALIAS.get(n.key)
        if canon is not None:
            if canon in alias_first:
                uf.union(alias_first[canon], i, guard=False)
            else:
                alias_first[canon] = i
    # 2. acronyms defined in the text
    for long_s, short_s in detection.definitions:
        a, b = by_key.get(name_key(long_s)), by_key.get(name_key(short_s))
        if a is not None and b is not None:
            uf.union(a, b)
    # 3. word order
    order: dict[tuple[str, ...], int] = {}
    for i, n in enumerate(nodes):
        if n.full:
            k = tuple(sorted(n.tokens))
            if k in order:
                uf.union(order[k], i)
            else:
                order[k] = i
    # 3b. the same name with a short form of the given name ("Mo Cheeks" / "Maurice Cheeks")
    _nicknames(nodes, uf)
    # 4. fuzzy spelling variants inside blocks
    _fuzzy(nodes, uf, cfg)
    # 5. implicit acronyms
    if cfg.implicit_acronyms:
        _implicit_acronyms(nodes, uf)
    # 6. short forms
    override: dict[tuple[int, int], int] = {}
    if cfg.subsequence:
        override = _short_forms(nodes, uf, cands, cfg)
    return _entities(nodes, cand_node, cands, uf, override)


def _fuzzy(nodes: list[_Node], uf: _Clusters, cfg: LinkConfig) -> None:
    score = _scorer(cfg.scorer)
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.acronym or not n.tokens:
            continue
        blocks[(len(n.tokens), "L" + n.tokens[-1][:3])].append(i)
        if len(n.tokens) > 1:
            blocks[(len(n.tokens), "F" + n.tokens[0][:3])].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > 400:
            continue
        for x in range(len(members)):
            a = nodes[members[x]]
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair in seen:
                    continue
                seen.add(pair)
                b = nodes[members[y]]
                ka, kb = " ".join(a.tokens), " ".join(b.tokens)
                if len(a.tokens) == 1:
                    if min(len(ka), len(kb)) < cfg.min_single_len or ka[0] != kb[0]:
                        continue
                    if score(ka, kb, score_cutoff=cfg.single_threshold) < cfg.single_threshold:
                        continue
                else:
                    if score(ka, kb, score_cutoff=cfg.threshold) < cfg.threshold:
                        continue
                    if not tokens_compatible(a.tokens, b.tokens, cfg.token_threshold):
                        continue
                uf.union(*pair)


def _nicknames(nodes: list[_Node], uf: _Clusters) -> None:
    by_rest: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.full and n.gaz is None and len(n.tokens) <= 4:
            by_rest[_core(n.tokens)[1:]].append(i)
    for rest, members in by_rest.items():
        if len(members) < 2 or not rest or len(members) > 50:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = nodes[members[x]].tokens[0], nodes[members[y]].tokens[0]
                if a != b and given_equiv(a, b):
                    uf.union(members[x], members[y])


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t not in _PARTICLES)


def _implicit_acronyms(nodes: list[_Node], uf: _Clusters) -> None:
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.full and len(n.tokens) <= 8:
            by_initials[_initials(n.tokens)].append(i)
    for i, n in enumerate(nodes):
        if not n.acronym:
            continue
        cands = {uf.find(j) for j in by_initials.get(n.key.replace(" ", ""), ())}
        if len(cands) == 1:
            uf.union(i, cands.pop())


def _short_forms(nodes: list[_Node], uf: _Clusters, cands: list[Candidate], cfg: LinkConfig) -> dict[tuple[int, int], int]:
    by_last: dict[str, list[int]] = defaultdict(list)
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.full and n.gaz is None:
            by_last[_core(n.tokens)[-1]].append(i)
            by_first[n.tokens[0]].append(i)
    override: dict[tuple[int, int], int] = {}
    order = sorted(range(len(nodes)), key=lambda i: -len(nodes[i].tokens))
    for i in order:
        s = nodes[i]
        if s.acronym or not s.tokens or s.gaz is not None:
            continue
        k = len(s.tokens)
        longs = [j for j in by_last.get(_core(s.tokens)[-1], ()) if len(nodes[j].tokens) > k and _ordered_sub(s.tokens, nodes[j].tokens)]
        if cfg.prefix_given_names and k == 1 and s.tokens[0] in N.GIVEN_NAMES:
            longs += [j for j in by_first.get(s.tokens[0], ()) if 2 <= len(nodes[j].tokens) <= 3 and not _has_cue(nodes[j])]
        if not longs:
            continue
        me = uf.find(i)
        roots = {uf.find(j) for j in longs} - {me}
        if not roots:
            continue
        if len(roots) == 1:
            uf.union(i, roots.pop())
            continue
        _resolve_ambiguous(i, roots, nodes, uf, cands, cfg, override)
    return override


def _has_cue(n: _Node) -> bool:
    return any(t in N.ORG_CUES or t in N.PLACE_CUES for t in n.tokens)


def _resolve_ambiguous(
    i: int, roots: set[int], nodes: list[_Node], uf: _Clusters, cands: list[Candidate],
    cfg: LinkConfig, override: dict[tuple[int, int], int],
) -> None:
    """A short form that fits several entities: decide per article, else by dominance."""
    s = nodes[i]
    ranked = sorted(roots, key=lambda r: -uf.count(r))
    dominant = None
    if cfg.ambiguous in ("article", "dominant"):
        c0, c1 = uf.count(ranked[0]), uf.count(ranked[1])
        if c0 >= cfg.dominance * c1:
            dominant = ranked[0]
    if dominant is not None:
        uf.union(i, dominant)
    if cfg.ambiguous == "article":
        # Inside an article that names exactly one non-dominant candidate, the short form
        # means that one ("Lohan" in the article about Dina Lohan).
        root_articles = {r: {a for m in uf.members(r) for a in nodes[m].articles} for r in roots}
        for art in s.articles:
            present = [r for r in roots if art in root_articles[r]]
            if len(present) == 1 and present[0] != dominant:
                override[(i, art)] = present[0]


def _settle_speaker(ctx: list[float], static: list[float]) -> None:
    """"X said" fits a person or an organisation: it goes to whichever the rest of the evidence
    (over all mentions) favours, person when nothing tells them apart."""
    if len(ctx) < 4 or not ctx[3]:
        return
    per = static[0] + ctx[0]
    org = static[1] + ctx[1]
    if org > per:
        ctx[1] += ctx[3]
    elif per > 0 or org == per == 0:
        ctx[0] += ctx[3]
    else:
        ctx[1] += ctx[3]


def _canonical(surfaces: Counter) -> str:
    def rank(s: str) -> tuple:
        words = [w for w in s.split() if w.lower() not in _CONNECTORS]
        acr = is_acronym(s)
        return (0 if acr else len(words), surfaces[s], any(ord(ch) > 127 for ch in s), len(s), s)

    return max(surfaces, key=rank)


def _entities(
    nodes: list[_Node], cand_node: list[int], cands: list[Candidate], uf: _Clusters,
    override: dict[tuple[int, int], int],
) -> list[Entity]:
    groups: dict[int, list[int]] = defaultdict(list)
    for ci, ni in enumerate(cand_node):
        r = override.get((ni, cands[ci].article))
        groups[uf.find(r if r is not None else ni)].append(ci)
    keyed: list[tuple[tuple[int, int, str], Entity]] = []
    for members in groups.values():
        surfaces: Counter = Counter(cands[ci].text for ci in members)
        node_ids = {cand_node[ci] for ci in members}
        votes = [0.0, 0.0, 0.0]
        for ni in node_ids:
            for t, w in enumerate(_static_votes(nodes[ni])):
                votes[t] += w
        ctx = [0.0, 0.0, 0.0, 0.0]
        for ci in members:
            for t, w in enumerate(cands[ci].votes):
                ctx[t] += w
        _settle_speaker(ctx, votes)
        scale = 3.0 / len(members)
        for t in range(3):
            votes[t] += ctx[t] * scale + (math.log1p(ctx[t]) if ctx[t] > 0 else 0.0)
        best = max(range(3), key=lambda t: votes[t])
        etype: EntityType = _TYPES[best] if votes[best] > 0 else "other"
        name = _canonical(surfaces)
        variants = [name] + sorted((s for s in surfaces if s != name), key=lambda s: (-surfaces[s], s))
        members.sort(key=lambda ci: (cands[ci].article, cands[ci].paragraph, cands[ci].start))
        mentions = [Mention(c.article, c.paragraph, c.start, c.end, c.text) for c in (cands[ci] for ci in members)]
        n_articles = len({m.article for m in mentions})
        keyed.append(((-n_articles, -len(mentions), name), Entity(0, name, etype, variants, mentions)))
    keyed.sort(key=lambda kv: kv[0])
    out = [e for _, e in keyed]
    for i, e in enumerate(out):
        e.id = i
    return out
