"""Link name candidates across all articles into entities, and type them.

Linking runs over *distinct names* (accent-folded keys), never over mentions, so its cost depends
on the vocabulary of names, not the length of the text.  Rules, in order, each a union in a
union-find whose every union is guarded against chaining (see ``_compatible``):

1. alias groups from the gazetteer ("Turkey" / "Türkiye" / "Turkiye", "U.S." / "United States",
   "ICE" / "Immigration and Customs Enforcement"), and names whose first word is an alias
   ("U.N. Command" / "United Nations Command");
2. acronyms defined in the text ("Islamic State (ISIS)");
3. word-order variants with the same content words ("Defense Ministry" / "Ministry of Defense"),
   the same letters spaced differently ("Trail Blazers" / "Trailblazers"), one care facility
   under several head words ("Betty Ford Center" / "Betty Ford Clinic"), a nickname
   blended from the starts of a person's two names ("LiLo" / "Lindsay Lohan"), a team's
   nickname clipped ("Jags" / "Jacksonville Jaguars"), and a body without its generic last word
   ("Staunton Police" / "Staunton Police Department");
4. spelling variants: fuzzy match of accent-folded names inside blocks that share the first
   letters of their first or last word ("Recept Tayyip Erdogan" / "Recep Tayyip Erdoğan"), a
   one-letter slip in a surname ("Dario Sepy" / "Dario Sepe"), two neighbouring letters
   swapped in a one-word name of six letters or more ("Klistchko" / "Klitschko"), and an
   unknown word one or two letters from exactly one known place of the story ("Pyongang" /
   "Pyongyang"); a people's name never joins its country ("North Koreans" / "North Korea");
5. implicit acronyms: an all-capitals name equal to the initials of exactly one long name, also
   with a leading "T" for the title's article ("THR" / "The Hollywood Reporter"), also
   without a leading place ("CBP" / "U.S. Customs and Border Protection"); when several long
   names fit, the one that is a well-known body ("AP": "Associated Press", not "American Pie");
6. short forms: a name whose words end a longer name ("Netanyahu" -> "Benjamin Netanyahu",
   "Tayyip Erdogan" -> "Recep Tayyip Erdogan"; for names with cue words only a trailing part:
   "University of Alabama" is not "University of South Alabama"), the surname of a name written
   surname first ("Kim" -> "Kim Jong-un"), or a word that starts one: a known given name
   ("Lindsay" -> "Lindsay Lohan"), or an unknown word whose long name's surname is used alone
   ("Kimani" -> "Kimani Gray").  A one-word cue ("House", "Court") is never a short form.  When a
   short form fits several entities ("Trump" with "Donald Trump" and "Donald Trump Jr.") it
   joins the most prominent (``dominance`` times the mentions of the next), except near a full
   mention of the other one (its paragraph and the next two), as a reader resolves it; a bare
   surname never goes to a bearer named with "Jr." when exactly one bearer has no suffix, and
   after "Mr" / "Ms" / "Mrs" / "Miss" it goes to the bearer of that gender when the story tells
   it ("his sister Kim Yo-jong": "Ms. Kim" is she, see ``_gendered_titles``).  A one-word name opening the story's one natural feature is its short form ("the
   Mediterranean" / "Mediterranean Sea");
7. teams: a bare city with no place cue stands for the story's one team of that city
   ("San Diego's playoff loss" in a story on the San Diego Chargers), also before a verb
   ("New Orleans has", "Jacksonville trailed") or a sport ("North Carolina basketball") but not
   before another noun ("the San Diego freeway");
8. descriptions (with the articles' texts): a description the story attaches to a name by
   apposition ("Zurana Horton, a Brownsville mother of 12,", "New Zealand's highest peak, Mount
   Cook.") is a mention of that name wherever the story writes it, in any article;
9. staff: a person's mentions followed by "team", "camp" or "staff" ("the Obama team") are an
   organisation of their own, as "the Obama administration" is (see ``_split_staff``);
10. editions (with the articles' texts): an event's name with two different ordinals or years
   ("the 79th Oscars", "the 2013 Academy Awards") is split by edition (see ``editions.py``).

The guard refuses a union when two multi-word names of the two groups disagree word for word
(different given names: "Kim Jong-un" vs "Kim Yo-jong", "Lindsay Lohan" vs "Dina Lohan") or when
both groups contain different gazetteer places ("Austria" vs "Australia").  Scorers and
thresholds are the ones measured best on ECB+ train (see benchmarks/eval_ecbplus.py --sweep).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Levenshtein

from reader.core.entities import names as N
from reader.core.entities.detect import Candidate, Detection, fold, is_acronym
from reader.core.entities.editions import split_editions
from reader.core.model import Article, Entity, EntityType, Mention, paragraph_text
from reader.core.unionfind import UnionFind
from reader.core.vocabulary.stopwords import (
    AUXILIARY_VERBS,
    FUNCTION_WORDS,
    MONTHS,
    REPORTING_WORDS,
    WEEKDAYS,
)
from reader.core.vocabulary.titles import FEMALE_WORDS, GENERATION_WORDS, MALE_WORDS

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
    # Every word one letter (``split`` gives no empty word); ``map`` makes no generator per name.
    if len(toks) > 1 and max(map(len, toks)) == 1:
        toks = ["".join(toks)]  # "U. S." / "L. A." spaced initials are "us" / "la"
    if toks and toks[0] == "the" and len(toks) > 1:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in N.CORP_SUFFIXES:
        toks.pop()
    if not _SHORT_FORM_WORDS.isdisjoint(toks):
        toks = _spell_out(toks)
    if len(toks) > 1:
        toks = [_ABBREV_ANY.get(t, t) for t in toks]
        if toks[0] == "st":
            toks[0] = "saint"
        if toks[-1] == "st":
            toks[-1] = "street"
    return " ".join(toks)


_SHORT_FORM_WORDS = frozenset(N.SHORT_FORMS)


def _spell_out(toks: list[str]) -> list[str]:
    """Informal words for a city or a team written out ("philly sixers" -> "philadelphia
    76ers"), unless the name already holds the full form's other words ("las vegas")."""
    out: list[str] = []
    for t in toks:
        full = N.SHORT_FORMS.get(t)
        if full is None or (" " in full and full.rsplit(" ", 1)[0] in " ".join(out)):
            out.append(t)
        else:
            out.extend(full.split())
    return out


# Gazetteer tables under the same key as the names ("st. louis" -> "saint louis", "u.s." -> "us").
_PLACE_KEYS = frozenset(name_key(p) for p in N.PLACES)
_ORG_KEYS = frozenset(name_key(o) for o in N.KNOWN_ORGANIZATIONS)
_REGION_KEYS = frozenset(name_key(r) for r in N.REGIONS)
_COUNTRY_KEYS = frozenset(name_key(c) for c in N.COUNTRIES) - N.GIVEN_NAMES
_ALIAS: dict[str, str] = {name_key(a): name_key(grp[0]) for grp in N.ALIAS_GROUPS for a in grp}
_GROUP_OF: dict[str, tuple[str, ...]] = {
    name_key(grp[0]): tuple(name_key(a) for a in grp) for grp in N.ALIAS_GROUPS
}


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
    dominance: float = 1.25  # "most prominent": a quarter more mentions than the next bearer
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
    # A name of two or more words, no acronym: set once (the tokens never change), read by every
    # union's anti-chaining guard and most rules, tens of thousands of times.
    full: bool = field(init=False)

    def __post_init__(self) -> None:
        self.full = not self.acronym and len(self.tokens) >= 2


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
        self,
        a: int,
        b: int,
        can_join: Callable[[int, int], bool] | None = None,
        *,
        guard: bool = True,
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
                if (
                    not tokens_compatible(x.tokens, y.tokens, self.cfg.token_threshold)
                    and not _last_word_typo(x.tokens, y.tokens)
                    and not _place_word_typo(x.tokens, y.tokens)
                ):
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
            # The same letters spaced differently ("trail blazers" in "portland trailblazers").
            joined = "".join(a)
            return len(joined) >= 6 and joined in "".join(b)
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


def _cue(word: str, cues: frozenset[str]) -> bool:
    """``word`` is a cue word or its plural ("boards", "agencies" -> "agency")."""
    if word in cues:
        return True
    if len(word) >= 4 and word.endswith("s"):
        return word[:-1] in cues or (word.endswith("ies") and word[:-3] + "y" in cues)
    return False


_ORG_CUE, _PLACE_CUE, _OTHER_CUE = 1, 2, 4


@functools.lru_cache(maxsize=65536)
def _cue_kinds(word: str) -> int:
    """Which cue lists ``word`` is in, as :func:`_cue` answers for each (``_ORG_CUE`` |
    ``_PLACE_CUE`` | ``_OTHER_CUE``): the typing votes ask the three lists about every word of
    every name, and the same words come back in name after name."""
    return (
        (_ORG_CUE if _cue(word, N.ORG_CUES) else 0)
        | (_PLACE_CUE if _cue(word, N.PLACE_CUES) else 0)
        | (_OTHER_CUE if _cue(word, N.OTHER_CUES) else 0)
    )


# Articles that open place and organisation names in Romance languages and Arabic
# ("Le Monde", "La Croisette", "Los Angeles"), never a person's given name.
_NAME_ARTICLES = frozenset({"la", "le", "les", "el", "los", "las", "il", "lo"})
# First words that name a storm or an event, whatever follows ("Hurricane Katrina").
_EVENT_FIRST = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tropical", "operation"})


# Particles that open the complement of a French, Spanish or Italian name ("Hotel du Cap",
# "Plaza de Mayo", "Palazzo della Ragione"): the head word is the one before.
_ROMANCE_OF = frozenset({"de", "du", "des", "del", "della", "di", "da"})


def _particle_head(words: list[str]) -> str:
    """The word before the first Romance "of" inside the name ("" when there is none)."""
    for k in range(1, len(words) - 1):
        if words[k] in _ROMANCE_OF:
            return words[k - 1]
    return ""


def _static_votes(node: _Node) -> list[float]:
    """Typing evidence from the name itself: gazetteers, cue words anywhere in the name (the
    head word counts most), given names, particles."""
    v = [0.0, 0.0, 0.0]
    toks = node.tokens
    if not toks:
        return v
    if len(toks) > 1 and toks[-1].isdigit():
        toks = toks[:-1]  # "State Route 94", "Interstate 75": the head is the word before
    if len(toks) == 2 and toks[1] == "family" and node.key.endswith(" family"):
        v[0] += 6.0  # a family is listed with the people
        return v
    if len(toks) > 1 and toks[0] in _ORG_KEYS:
        # "Microsoft Word", "Toyota Camry", "NBC New York": a known body's product or unit (the
        # context tells which), never a person
        v[0] -= 3.0
    if node.key in _ORG_KEYS or (node.gaz is not None and node.gaz in _ORG_KEYS):
        v[1] += 6.0
    elif node.corp:
        v[1] += 4.0  # "Microsoft Corp.": the suffix is dropped from the key, not the evidence
    elif node.gaz is not None:
        v[2] += 4.0
    # A one-word known body that is also a cue word ("Reuters", "Bloomberg") is counted once,
    # above: it can still be a surname after a title ("Mayor Bloomberg").
    single_known = len(toks) == 1 and node.key in _ORG_KEYS
    kinds = list(map(_cue_kinds, toks))
    anywhere = 0  # the lists some word of the name is in
    for k in kinds:
        anywhere |= k
    # Some word of the name is an organisation cue (only whether there is one counts below).
    org = not single_known and bool(anywhere & _ORG_CUE)
    # The head noun: the last word, or the word before "of" ("University of Alabama").
    words = node.key.split()
    of_head = words[words.index("of") - 1] if "of" in words[1:] else None
    head_org = bool(kinds[-1] & _ORG_CUE) or (
        of_head is not None and bool(_cue_kinds(of_head) & _ORG_CUE)
    )
    if org:
        v[1] += 2.0 + (4.0 if head_org else 0.0)
        if head_org:
            # "Duke University", "Federation of State Medical Boards": the head word outweighs
            # context such as "Xavier University, New Orleans".
            v[0] -= 3.0
            v[2] -= 2.0
    head_place = (
        bool(kinds[-1] & _PLACE_CUE)
        or (len(toks) > 1 and toks[0] in N.PLACE_CUES)
        or (not _ROMANCE_OF.isdisjoint(words) and _particle_head(words) in N.PLACE_CUES)
    )
    if head_place and not head_org:
        v[2] += 2.5
        v[0] -= 1.0
    elif (
        not org
        and len(toks) > 1
        and node.gaz is None
        and (toks[-1] in _PLACE_KEYS or toks[-1] in _ALIAS)
    ):
        v[2] += 2.0  # "Southern California", "Upper Austria": a known place with a modifier
    other = (bool(anywhere & _OTHER_CUE) and not head_org and not (kinds[-1] & _PLACE_CUE)) or (
        len(toks) > 1 and (toks[0] in _EVENT_FIRST or toks[0] in N.VESSEL_PREFIXES)
    )
    if other:
        # Awards, laws, agreements, storms, events: neither people nor places, nor bodies
        # unless an organisation cue says so ("Nobel Committee" has its own head word).
        v[0] -= 6.0
        v[2] -= 6.0
        if not org:
            v[1] -= 3.0
    if len(toks) == 2 and toks[1] == "state" and toks[0] in _REGION_KEYS and node.gaz is None:
        # "Ohio State", "Indiana State": a university named by its state, as sports news
        # writes it; the state itself is "Ohio" or "the state of Ohio"
        v[1] += 3.0
        v[0] -= 2.0
        v[2] -= 1.0
    if len(toks) > 1 and toks[0] == "saint" and not head_org:
        v[2] += 1.5  # "St Anne", "St Helens": saints' names in the news are places and churches
    if len(toks) > 1 and toks[0] in _NAME_ARTICLES:
        v[0] -= 2.0
    cues = bool(org) or bool(anywhere & _PLACE_CUE) or other
    if not cues and not node.acronym and node.gaz is None:
        if toks[0] in N.GIVEN_NAMES and 2 <= len(toks) <= 4:
            v[0] += 2.0
        elif len(toks) == 1 and toks[0] in N.GIVEN_NAMES:
            v[0] += 1.0
        elif 3 <= len(toks) <= 4 and any(t in N.GIVEN_NAMES for t in toks[1:-1]):
            v[0] += 1.5  # a middle name: "Duncan Robert Rait"
        elif 2 <= len(toks) <= 3 and toks[0] in _COUNTRY_KEYS:
            # "France Info", "Syria Deeply": a country's name opening a longer name is a body's
            # (a broadcaster, a campaign), not a person's, unless it is also a given name.
            v[1] += 1.0
            v[0] -= 1.0
        elif 2 <= len(toks) <= 3:
            # A tie-breaker only: any cue word or context (in X, the X, X said) outweighs it.
            v[0] += 0.25
        elif len(toks) == 1 and node.key not in _ORG_KEYS:
            # An unknown one-word name with no other evidence is most often a person met by
            # surname or nickname; a weak prior, outweighed by any context ("in X", "X's staff").
            v[0] += 0.35
        if not _PARTICLES.isdisjoint(toks):
            v[0] += 0.5
    if (
        not cues
        and node.gaz is None
        and len(toks) >= 3
        and (toks[-1] in _GENERATIONAL or any(len(t) == 1 for t in toks[1:-1]))
    ):
        v[0] += 2.0  # "Hugh W. Sloan Jr.": a middle initial or a generational suffix
    # ``map`` with ``any``: no generator to make and close for each of the thousands of names.
    if any(map(_INNER_PARTICLE_RE.search, node.surfaces)):
        v[2] += 2.0  # "Mar-a-Lago", "Stratford-upon-Avon", "Saint-Jean-de-Luz": a place
        v[0] -= 1.0
    if (
        len(toks) > 1
        and toks[0] not in N.GIVEN_NAMES
        and any(map(_ELIDED_INSIDE_RE.search, node.surfaces))
    ):
        v[2] += 2.0  # "Cap d'Antibes", "Val d'Isère"; "Valéry Giscard d'Estaing" has a given name
        v[0] -= 1.0
    if "&" in node.key:
        v[1] += 3.0  # "Grill & Grocery", "AT&T", "Johnson & Johnson"
        v[0] -= 2.0
    if node.acronym and node.gaz is None:
        # An unknown acronym is an organisation far more often than a place ("LASD", "NLM"
        # after "at" or "in" still name the body).
        v[1] += 1.0 if len(node.key) < 3 else 3.5
    return v


def _build_nodes(cands: list[Candidate]) -> tuple[list[_Node], list[int]]:
    by_key: dict[str, int] = {}
    nodes: list[_Node] = []
    cand_node: list[int] = []
    key_cache: dict[str, str] = {}
    plurals: list[tuple[int, str]] = []

    def node_of(key: str, ci: int, c: Candidate) -> int:
        """The node of ``key`` (made on first sight), with candidate ``ci`` counted as its
        mention."""
        ni = by_key.get(key)
        if ni is None:
            ni = by_key[key] = len(nodes)
            nodes.append(_new_node(key, c.text))
        n = nodes[ni]
        n.surfaces[c.text] += 1
        n.mentions.append(ci)
        n.articles.add(c.article)
        return ni

    for ci, c in enumerate(cands):
        key = key_cache.get(c.text)
        if key is None:
            key = key_cache[c.text] = name_key(c.text)
        if c.family:
            if c.family == 2:
                plurals.append((ci, key))  # "the LaRues": decided once every name is known
                cand_node.append(-1)
                continue
            key += " family"  # "the Gray family": its own entry, apart from Kimani Gray
        cand_node.append(node_of(key, ci, c))
    if plurals:
        surnames = _surnames(nodes, {key[:-1] for _, key in plurals})
        for ci, key in plurals:
            c = cands[ci]
            if key[:-1] in surnames:
                key = key[:-1] + " family"
            cand_node[ci] = node_of(key, ci, c)
    return nodes, cand_node


def _new_node(key: str, text: str) -> _Node:
    toks = tuple(t for t in key.split() if t not in _CONNECTORS) or tuple(key.split())
    acr = is_acronym(text) and len(toks) == 1
    gaz = _ALIAS.get(key) or (key if key in _PLACE_KEYS else None)
    if (
        gaz is not None
        and gaz not in _PLACE_KEYS
        and not any(a in _PLACE_KEYS for a in _alias_group(gaz))
    ):
        gaz = None  # alias of a non-place ("ISIS"): not a gazetteer place
    words = fold(text).replace(".", "").split()
    # "People.com", "CNN.com": a website is its publisher's
    corp = (len(words) > 1 and words[-1] in N.CORP_SUFFIXES) or (
        "." in text and text.rstrip(".").lower().endswith(_WEB_SUFFIXES)
    )
    return _Node(key, toks, acr, gaz, corp)


# A lower-case particle between two hyphens inside a name: places are named so, people are not.
_INNER_PARTICLE_RE = re.compile(
    r"\w-(?:a|de|du|des|la|le|les|en|sur|sous|on|upon|under|by|in|am|an|im|del|di)-\w"
)
# An elided French or Italian particle between two words of a name ("Cap d'Antibes").
_ELIDED_INSIDE_RE = re.compile(r"\w (?:d|l|dell|dall|nell|sull|all)['’] ?\w")
_WEB_SUFFIXES = (".com", ".org", ".net", ".co.uk", ".gov")


def _surnames(nodes: list[_Node], wanted: set[str]) -> set[str]:
    """Those of ``wanted`` that are last words of the story's multi-word names that look like
    people's (no cue word, no connector, not a known place) and are also used alone, as
    surnames are."""
    out = set()
    wanted = wanted & _keys_alone(nodes)
    for n in nodes:
        if len(n.tokens) < 2 or _core(n.tokens)[-1] not in wanted:
            continue
        words = tuple(n.key.split())
        if (
            1 < len(words) <= 4
            and not n.key.endswith(" family")
            and n.key not in _PLACE_KEYS
            and words[0] not in _PLACE_KEYS  # "Mississippi Democrat": not a surname
            and words[0] not in N.DEMONYMS
            and not any(w in _CONNECTORS or _is_cue_word(w) for w in words)
        ):
            out.add(_core(words)[-1])
    return out


def _keys_alone(nodes: list[_Node]) -> set[str]:
    return {n.key for n in nodes if len(n.tokens) == 1}


def _alias_group(canon: str) -> tuple[str, ...]:
    return _GROUP_OF.get(canon, (canon,))


def link(
    detection: Detection, cfg: LinkConfig | None = None, articles: list[Article] | None = None
) -> list[Entity]:
    """Cluster the detected candidates into typed, sorted entities.  With ``articles`` (the
    texts the candidates were found in), descriptions that the story attaches to a name by
    apposition also become mentions of it (see ``_descriptions``)."""
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
    # 1b. the same name with an alias spelled out ("U.N. Command" / "United Nations Command")
    _alias_prefixes(nodes, uf)
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
    # 3a. the same letters spaced differently ("Trail Blazers" / "Trailblazers")
    joined: dict[str, int] = {}
    for i, n in enumerate(nodes):
        if not n.acronym and n.tokens:
            letters = "".join(n.tokens)
            if len(letters) >= 6:
                if letters in joined:
                    uf.union(
                        joined[letters], i, guard=False
                    )  # same letters: the word guard would see two names
                else:
                    joined[letters] = i
    # 3b. the same name with a short form of the given name ("Mo Cheeks" / "Maurice Cheeks")
    _nicknames(nodes, uf)
    # 3b'. a blend of the given name's and the surname's first letters ("LiLo", "J.Lo")
    _blend_nicknames(nodes, uf)
    # 3b''. one facility under different head words ("X Center" / "X Clinic" / "X Treatment Center")
    _facility_variants(nodes, uf)
    # 3c. middle initials: "Frederick C. LaRue" / "Frederick Cheney LaRue"
    _middle_names(nodes, uf)
    # 3d. a ship's prefix spelled out: "INS Sukanya" / "Indian Naval Ship Sukanya"
    _spelled_prefixes(nodes, uf)
    # 3e. state abbreviations: "Mich." / "Michigan", "Calif." / "California"
    _state_abbreviations(nodes, uf)
    # 3e'. "the North" of a story on North Korea
    _country_halves(nodes, uf)
    # 3f. one facility under several heads ("Betty Ford Center" / "Betty Ford Clinic")
    _facility_heads(nodes, uf)
    # 3f'. a body without its generic last word ("Staunton Police" / "Staunton Police Department")
    _generic_heads(nodes, uf, by_key)
    # 3g. a nickname blended from a person's two names ("LiLo" of "Lindsay Lohan")
    _blends(nodes, uf)
    # 3h. a team's nickname clipped ("Jags" / "Jacksonville Jaguars")
    _clipped_nicknames(nodes, uf)
    # 4. fuzzy spelling variants inside blocks
    _fuzzy(nodes, uf, cfg)
    # 4b. one- or two-letter variants of a known place of the story ("Pyongyang" / "Pyongang")
    _place_variants(nodes, uf)
    # 5. implicit acronyms
    if cfg.implicit_acronyms:
        _implicit_acronyms(nodes, uf)
    # 6. short forms
    override: dict[tuple[int, int, int], int] = {}
    if cfg.subsequence:
        ambiguous: dict[int, list[int]] = {}
        sited = _sited(nodes, cands, articles) if articles else {}
        override = _short_forms(nodes, uf, cands, cfg, ambiguous, sited, by_key)
        if ambiguous and articles:
            _gendered_titles(nodes, uf, cands, articles, ambiguous, override)
            _generations(nodes, uf, cands, articles, ambiguous, override)
    # 7. a city named for its team ("Indianapolis beat Jacksonville" in a story on the Colts)
    teams = _team_mentions(nodes, cands, uf)
    extra = _descriptions(cands, cand_node, uf, teams, articles) if articles else {}
    entities = _entities(nodes, cand_node, cands, uf, override, teams, extra)
    if articles:
        # 10. editions of a recurring event ("79th Oscars" / "86th Oscars") kept apart
        entities = split_editions(entities, articles)
    return _numbered(entities)


def _numbered(entities: list[Entity]) -> list[Entity]:
    """The entities in the sidebar's order -- reported by the most articles, then the most
    mentions, then by name -- with their ids set to that order."""
    entities.sort(key=lambda e: (-len({m.article for m in e.mentions}), -len(e.mentions), e.name))
    for i, e in enumerate(entities):
        e.id = i
    return entities


def _team_mentions(nodes: list[_Node], cands: list[Candidate], uf: _Clusters) -> dict[int, int]:
    """Mentions of a place that stand for the story's team of that place: when the story names
    exactly one "<place> <plural nickname>" ("Indianapolis Colts", "New Orleans Saints",
    "Philadelphia 76ers"), a mention of the bare place with no sign of a place around it ("in
    X", "X-based", "downtown X", a dateline, "X, State") is the team, as sports writing uses it
    ("San Diego's playoff loss", "lost to Indianapolis.").  A mention followed by a lower-case
    word stays the place: "the San Diego freeway" and "Indianapolis won" cannot be told apart
    without a parser, and the place is the safer reading; a sport ("for North Carolina
    basketball") names the team.  Returns candidate index -> team root."""
    teams: dict[str, set[int]] = defaultdict(set)
    for n_i, place, _ in _team_names(nodes):
        teams[place].add(uf.find(n_i))
    if not teams:
        return {}
    out: dict[int, int] = {}
    for n in nodes:
        roots = teams.get(n.key)
        if roots is None or len(roots) != 1:
            continue
        (team,) = roots
        for ci in n.mentions:
            c = cands[ci]
            if c.votes[2] <= 0 and (not c.modifier or _acts(c.follower) or c.follower in N.SPORTS):
                out[ci] = team
    return out


# Sports after a place: "North Carolina basketball" is the team's programme, not the state.


def _team_names(nodes: list[_Node]) -> list[tuple[int, str, str]]:
    """The story's team names, "<place> <plural nickname>" ("Indianapolis Colts", "Boston Red
    Sox"), as (node, place key, nickname's last word)."""
    out = []
    for n_i, n in enumerate(nodes):
        if n.key[-1] != "s" or " " not in n.key or n.gaz is not None or n.acronym:
            continue
        words = n.key.split()
        nick = words[-1]
        if not (nick.endswith("s") and len(nick) > 3) or _is_cue_word(nick):
            continue
        if nick in N.DEMONYMS or nick in _PLACE_KEYS:
            continue
        place = " ".join(words[:-1])
        if len(words) > 2 and place not in _PLACE_KEYS and place not in _ALIAS:
            place = " ".join(words[:-2])  # "Boston Red Sox", "North Carolina Tar Heels"
        if place in _PLACE_KEYS or place in _ALIAS:
            out.append((n_i, place, nick))
    return out


def _clipped_nicknames(nodes: list[_Node], uf: _Clusters) -> None:
    """A one-word plural that clips the nickname of exactly one team of the story is that team
    ("Jags" of "Jacksonville Jaguars", "Bucs" of "Tampa Bay Buccaneers")."""
    nicks = [(nick, n_i) for n_i, _, nick in _team_names(nodes)]
    if not nicks:
        return
    for i, n in enumerate(nodes):
        if len(n.tokens) != 1 or n.acronym or n.gaz is not None:
            continue
        w = n.tokens[0]
        stem = w[:-1]
        if not w.endswith("s") or len(stem) < 3:
            continue
        roots = {uf.find(j) for nick, j in nicks if nick != w and nick.startswith(stem)}
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _acts(word: str) -> bool:
    """``word``, written right after a name, makes the name the subject of a verb: an auxiliary
    ("Boston has", "New Orleans will") or a past form ("Jacksonville trailed", "New Orleans
    signed"), never a noun the name modifies ("the San Diego freeway")."""
    return word in AUXILIARY_VERBS or (len(word) >= 5 and word.endswith("ed"))


# A description built on a name: the name, a possessive when the name is a known place, one to
# three lower-case words and an optional "of <word>" ("New Zealand's highest peak", "Brownsville
# mother of 12").  A person's possessive ("Lohan's lawyer") names someone else by relation.
_DESC_WORD_RE = re.compile(r" ([a-z][a-z-]*)")
_DESC_OF_RE = re.compile(r" of [\w-]+")
_DESC_STOP = FUNCTION_WORDS | REPORTING_WORDS | AUXILIARY_VERBS
# The characters a description can start after (a space; the apostrophe of "'s" / "’s").
_DESC_NEXT = frozenset((" ", "'", "\u2019"))


def _desc_tail(text: str, end: int, possessive: bool) -> int:
    """End of the lower-case description words written right after a name ending at ``end``
    (up to three, stopping at a function word or a verb), or -1 when there are none or their
    head is not a singular noun: a description of one name is singular ("a Detroit station"),
    so "Post reports" and "Ford passed" are clauses, not descriptions."""
    if text.startswith(("'s", "\u2019s"), end):
        if not possessive:
            return -1
        end += 2
    if text[end : end + 1] != " " or not "a" <= text[end + 1 : end + 2] <= "z":
        return -1  # what ``_DESC_WORD_RE`` needs first, tested without it: most names fail
    head = ""
    n = 0
    while n < 3:
        m = _DESC_WORD_RE.match(text, end)
        if m is None or m.group(1) in _DESC_STOP:
            break
        end, n, head = m.end(), n + 1, m.group(1)
    if not n or head.endswith("ed") or (head.endswith("s") and not head.endswith("ss")):
        return -1
    m = _DESC_OF_RE.match(text, end)
    return m.end() if m else end


def _by_paragraph(
    cands: list[Candidate], cand_node: list[int]
) -> Iterator[tuple[int, int, list[int]]]:
    """The linked candidates of each paragraph, in reading order: (article, paragraph, their
    indexes by start).  Detection gives them in reading order unless it re-read some paragraphs
    or found bare title surnames (those come last): in order, one paragraph's list is held at a
    time (a dict of every paragraph's list took 18 MB on a 240,000-row table); otherwise they
    are sorted first."""
    order: Sequence[int] = range(len(cands))
    if any(
        (b.article, b.paragraph, b.start) < (a.article, a.paragraph, a.start)
        for a, b in zip(cands, islice(cands, 1, None))
    ):
        keys = [(c.article, c.paragraph, c.start) for c in cands]
        order = sorted(order, key=keys.__getitem__)
    here: tuple[int, int] | None = None
    cis: list[int] = []
    for ci in order:
        if cand_node[ci] < 0:
            continue
        c = cands[ci]
        if (c.article, c.paragraph) != here:
            if here is not None:
                yield here[0], here[1], cis
            here, cis = (c.article, c.paragraph), []
        cis.append(ci)
    if here is not None:
        yield here[0], here[1], cis


def _descriptions(
    cands: list[Candidate],
    cand_node: list[int],
    uf: _Clusters,
    teams: dict[int, int],
    articles: list[Article],
) -> dict[int, list[Mention]]:
    """Descriptions that the story attaches to a name by apposition, as further mentions of that
    name's entity: "Zurana Horton, a Brownsville mother of 12, was shot" and "from New Zealand's
    highest peak, Mount Cook." make "Brownsville mother of 12" and "New Zealand's highest peak"
    aliases, and every other place in the story that writes the same description ("the trial of
    the Brownsville mother of 12") is a mention too.  A description is a name of the story
    followed by lower-case words; the name it is built on keeps its own mention.  The name must
    stand alone between commas or at the sentence's end ("According to Boston police, John Smith
    said" is no apposition).  Returns entity root -> extra mentions."""
    found: dict[str, set[int]] = defaultdict(set)  # description key -> entity roots
    anchors: list[tuple[int, int]] = []  # (candidate, end of its description)

    def root_of(ci: int) -> int:
        r = teams.get(ci)
        return uf.find(r if r is not None else cand_node[ci])

    for a, p, cis in _by_paragraph(cands, cand_node):
        text = paragraph_text(articles[a], p)
        for x, ci in enumerate(cis):
            c = cands[ci]
            if text[c.end : c.end + 1] not in _DESC_NEXT:
                continue  # ``_desc_tail`` needs a space or a possessive next: most names fail
            end = _desc_tail(text, c.end, uf.nodes[cand_node[ci]].gaz is not None)
            if end < 0:
                continue
            key = fold(text[c.start : end])
            anchors.append((ci, end))
            # "..., DESC, NAME.": the name follows and closes the sentence; after "the" the
            # description is part of a longer phrase ("his partner on the Watergate story, X.")
            nxt = cis[x + 1] if x + 1 < len(cis) else None
            if (
                nxt is not None
                and not text.endswith(("the ", "The "), 0, c.start)
                and text.startswith(", ", end)
                and cands[nxt].start == end + 2
                and (cands[nxt].end == len(text) or text[cands[nxt].end] == ".")
            ):
                found[key].add(root_of(nxt))
            # "NAME, a DESC," / "NAME, the DESC.": the name comes first, the article marks the
            # apposition ("the Braves and Angels, Teixeira hit" is a list and a clause)
            prev = cis[x - 1] if x > 0 else None
            if prev is not None and (end == len(text) or text[end] in ".,;:"):
                if text[cands[prev].end : c.start] in (", a ", ", an ", ", the "):
                    found[key].add(root_of(prev))
    out: dict[int, list[Mention]] = defaultdict(list)
    for ci, end in anchors:
        c = cands[ci]
        text = paragraph_text(articles[c.article], c.paragraph)
        roots = found.get(fold(text[c.start : end]))
        if roots is None or len(roots) != 1:
            continue
        (root,) = roots
        if root == root_of(ci):
            continue
        # The mention is the description's own words: the name it is built on stays a mention
        # of that name ("New Zealand" in "New Zealand's highest peak").
        start = c.end + (2 if text.startswith(("'s", "\u2019s"), c.end) else 0) + 1
        out[root].append(Mention(c.article, c.paragraph, start, end, text[start:end]))
    return out


MAX_BLOCK = 400
"""Names in one spelling block beyond which the block is skipped: a prefix that common is no
evidence of a variant spelling, and the block's pairs would grow with its square."""


def name_blocks(nodes: list[_Node]) -> dict[tuple[int, str], list[int]]:
    """The blocks of candidate spelling variants: node indices by (number of words, first three
    letters of the last word, or of the first word for names of several words); blocks of one
    name or of more than :data:`MAX_BLOCK` are left out."""
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.acronym or not n.tokens:
            continue
        blocks[(len(n.tokens), "L" + n.tokens[-1][:3])].append(i)
        if len(n.tokens) > 1:
            blocks[(len(n.tokens), "F" + n.tokens[0][:3])].append(i)
    return {k: m for k, m in blocks.items() if 2 <= len(m) <= MAX_BLOCK}


def _fuzzy(nodes: list[_Node], uf: _Clusters, cfg: LinkConfig) -> None:
    """Link spelling variants: names of the same length in words that share the first three
    letters of their last (or first) word are compared with the configured scorer.

    The scores of a block are computed by RapidFuzz's own loop (``process.extract_iter`` with
    the cutoff), and only the pairs that clear it are checked further in Python: a story read
    by many outlets has blocks of hundreds of names ("Thompson", "Thomas", "Thomson"...), whose
    every pair scored from Python made this step grow with the square of the input (at 2 x 20,000
    paragraphs it was over half of the linking time).  One-word names one swapped pair of
    letters apart ("Klistchko" / "Klitschko") score below the cutoff, so they are looked up by
    their letters instead (:func:`_transposed`).
    """
    score = _scorer(cfg.scorer)
    seen: set[tuple[int, int]] = set()
    for (length, _prefix), members in name_blocks(nodes).items():
        keys = [" ".join(nodes[m].tokens) for m in members]
        single = length == 1
        cutoff = cfg.single_threshold if single else cfg.threshold
        anagrams: dict[str, list[int]] = defaultdict(list)
        if single:
            for y, k in enumerate(keys):
                anagrams["".join(sorted(k))].append(y)
        for x in range(len(members) - 1):
            ka = keys[x]
            later = keys[x + 1 :]
            close = {
                x + 1 + y
                for _k, _s, y in process.extract_iter(ka, later, scorer=score, score_cutoff=cutoff)
            }
            if single:
                close.update(
                    y for y in anagrams["".join(sorted(ka))] if y > x and _transposed(ka, keys[y])
                )
            for y in sorted(close):
                pair = (members[x], members[y])
                if pair in seen:
                    continue
                seen.add(pair)
                a, b = nodes[pair[0]], nodes[pair[1]]
                kb = keys[y]
                if single:
                    if min(len(ka), len(kb)) < cfg.min_single_len or ka[0] != kb[0]:
                        continue
                else:
                    if _people_of(a.tokens[-1], b.tokens[-1]):
                        continue  # "North Koreans" are people of North Korea, not the country
                    if (
                        not tokens_compatible(a.tokens, b.tokens, cfg.token_threshold)
                        and not _last_word_typo(a.tokens, b.tokens)
                        and not _place_word_typo(a.tokens, b.tokens)
                    ):
                        continue
                uf.union(*pair)


def _transposed(a: str, b: str) -> bool:
    """Two words of six letters or more, the same first letter, that differ only by two
    neighbouring letters swapped, the commonest typing slip ("Klistchko" / "Klitschko"), which
    the fuzzy ratio scores as two edits."""
    if len(a) != len(b) or len(a) < 6 or a[0] != b[0]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


_DEMONYM_ENDINGS = ("n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is")


def _people_of(a: str, b: str) -> bool:
    """One word is the other plus a demonym ending ("korea" / "koreans", "iraq" / "iraqis")."""
    if a == b:
        return False
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return long.startswith(short) and long[len(short) :] in _DEMONYM_ENDINGS and len(short) >= 4


def _last_word_typo(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """Same words but a one-letter slip in the last one, of four letters or more ("Dario Sepe" /
    "Dario Sepy"); a slip in a given name is not accepted ("Dina" / "Dana" are two people)."""
    if len(x) != len(y) or len(x) < 2 or x[:-1] != y[:-1]:
        return False
    a, b = x[-1], y[-1]
    return (
        min(len(a), len(b)) >= 4
        and a[0] == b[0]
        and Levenshtein.distance(a, b, score_cutoff=1) <= 1
    )


def _place_word_typo(x: tuple[str, ...], y: tuple[str, ...]) -> bool:
    """A place name led by a place cue word whose other words agree but for a one-letter slip
    in one of four letters or more, the first letter included ("Gulf of Aden" / "Gulf of
    Eden"); people's names are left to ``_last_word_typo``."""
    if len(x) != len(y) or len(x) < 2 or not (_cue(x[0], N.PLACE_CUES) and x[0] == y[0]):
        return False  # the cue leads ("Gulf of", "Lake", "Mount"): "Dina Marsh" is a person
    diff = [(a, b) for a, b in zip(x, y) if a != b]
    if len(diff) != 1:
        return False
    a, b = diff[0]
    if x[0] in N.GIVEN_NAMES or y[0] in N.GIVEN_NAMES or a in N.GIVEN_NAMES or b in N.GIVEN_NAMES:
        return False  # "Dina Marsh" / "Dana Marsh": two people, whatever "marsh" means
    return min(len(a), len(b)) >= 4 and Levenshtein.distance(a, b, score_cutoff=1) <= 1


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


# "LiLo", "JLo", "J.Lo": one capitalised piece of up to four letters, an optional period, then a
# second capitalised piece; both pieces are read as the openings of a given name and a surname.
_BLEND_RE = re.compile(r"([A-Z][a-z]{0,3})\.?([A-Z][a-z]{1,4})")


def _blend_nicknames(nodes: list[_Node], uf: _Clusters) -> None:
    """A one-word name written as two capitalised pieces that open the given name and the
    surname of exactly one person of the story ("LiLo" for Lindsay Lohan, "J.Lo" for a Jennifer
    Lopez) is that person, as celebrity news abbreviates.  A blend that is itself a surname of
    the story ("DiLeo" in "Tony DiLeo", "LaRue") is a name of its own."""
    blends: list[tuple[int, str, str]] = []
    for i, n in enumerate(nodes):
        if len(n.tokens) != 1 or n.acronym or n.gaz is not None or not n.surfaces:
            continue
        surface = n.surfaces.most_common(1)[0][0].rstrip("'’s")
        m = _BLEND_RE.fullmatch(surface)
        if m and len(m.group(1)) + len(m.group(2)) >= 3:
            blends.append((i, m.group(1).lower(), m.group(2).lower()))
    if not blends:
        return
    surnames = {_core(n.tokens)[-1] for n in nodes if len(n.tokens) > 1 and not n.acronym}
    # People named by a given name and a surname, by the given name's first letter.
    people: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
    letters = {first[0] for _, first, _ in blends}
    for i, n in enumerate(nodes):
        if n.tokens and n.tokens[0][0] in letters and n.tokens[0] in N.GIVEN_NAMES:
            core = _core(n.tokens)
            if 2 <= len(core) <= 3 and n.gaz is None and not n.acronym and not _has_cue(n):
                people[core[0][0]].append((i, core))
    for i, first, last in blends:
        if nodes[i].tokens[0] in surnames or nodes[i].tokens[0] in N.GIVEN_NAMES:
            continue
        roots = {
            uf.find(j)
            for j, core in people.get(first[0], ())
            if core[0].startswith(first) and core[-1].startswith(last)
        }
        if len(roots) == 1:
            uf.union(i, roots.pop())


def _facility_stem(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The distinctive words of a care facility's name, without its head and its kind of care
    ("betty ford treatment center" -> "betty ford"), or None when it has no facility head."""
    k = len(tokens)
    if not k or tokens[k - 1] not in N.FACILITY_HEADS:
        return None
    k -= 1
    while k and tokens[k - 1] in N.FACILITY_KINDS:
        k -= 1
    return tokens[:k] if 0 < k < len(tokens) else None


def _facility_variants(nodes: list[_Node], uf: _Clusters) -> None:
    """One clinic written with different head words by different outlets ("the Betty Ford
    Center", "the Betty Ford Clinic", "the Betty Ford Treatment Center"): names with the same
    distinctive words before a facility head are one body, unless those words are a known place
    ("Boston Recovery Center" and "Boston Clinic" are two).  A name without its head
    ("Morningside Recovery") is left alone: ECB+ files such short names as places (train type
    accuracy fell when they joined)."""
    by_stem: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.acronym or len(n.tokens) < 2 or n.gaz is not None:
            continue
        stem = _facility_stem(n.tokens)
        if stem is not None and " ".join(stem) not in _PLACE_KEYS and " ".join(stem) not in _ALIAS:
            by_stem[stem].append(i)
    for members in by_stem.values():
        for j in members[1:]:
            uf.union(members[0], j, guard=False)  # the word guard sees two heads


def _middle_names(nodes: list[_Node], uf: _Clusters) -> None:
    """Three- or four-word names with the same first and last word whose middle words agree
    word by word, an initial standing for a name ("Frederick C. LaRue" / "Frederick Cheney
    LaRue"); "John A. Smith" and "John B. Smith" stay apart."""
    by_ends: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        core = _core(n.tokens)
        if n.full and n.gaz is None and 3 <= len(core) <= 4:
            by_ends[(core[0], core[-1])].append(i)
    for members in by_ends.values():
        if len(members) < 2 or len(members) > 20:
            continue
        members = [i for i in members if not _has_cue(nodes[i])]
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = _core(nodes[members[x]].tokens), _core(nodes[members[y]].tokens)
                if len(a) == len(b) and all(
                    u == v or ((len(u) == 1 or len(v) == 1) and u[0] == v[0])
                    for u, v in zip(a[1:-1], b[1:-1])
                ):
                    uf.union(members[x], members[y])


# Head words of a care facility's name that writers swap freely ("the X Center", "the X Clinic",
# "the X Treatment Center"); schools, courts and police are never named so interchangeably.
_FACILITY_HEADS = frozenset("center centre clinic treatment rehab rehabilitation recovery".split())


# Generic last words that news drops from a body's name when the rest still names it: "the
# Staunton Police" is the Staunton Police Department, "the U.S. Marshals" the Marshals Service.
_GENERIC_HEADS = (" department", " dept", " service", " force")


def _generic_heads(nodes: list[_Node], uf: _Clusters, by_key: dict[str, int]) -> None:
    """A name of two words or more joins the story's name that adds only a generic head word to
    it ("Staunton Police" / "Staunton Police Department"); one word ("Justice", "State", "Air")
    is too little to name the body."""
    for i, n in enumerate(nodes):
        if not n.key.endswith(_GENERIC_HEADS) or len(n.tokens) < 3 or n.acronym:
            continue
        j = by_key.get(n.key.rsplit(" ", 1)[0])
        if j is not None:
            uf.union(i, j)


def _facility_heads(nodes: list[_Node], uf: _Clusters) -> None:
    """Names that differ only in trailing care-facility head words link when what precedes them
    is the same two or more words and not a place ("Betty Ford Center" / "Betty Ford Clinic" /
    "Betty Ford Treatment Center"); "Boston Clinic" / "Boston Center" stay apart."""
    by_stem: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        toks = n.tokens
        k = len(toks)
        while k > 0 and toks[k - 1] in _FACILITY_HEADS:
            k -= 1
        if k < len(toks) and k >= 2 and " ".join(toks[:k]) not in _PLACE_KEYS:
            by_stem[toks[:k]].append(i)
    for members in by_stem.values():
        for j in members[1:]:
            uf.union(members[0], j, guard=False)  # the word guard would see "clinic" / "center"


_BLEND_RE = re.compile(r"([A-Z][a-z]+)([A-Z][a-z]+)")


def _blends(nodes: list[_Node], uf: _Clusters) -> None:
    """A one-word name written as two capitalised pieces ("LiLo", "JeLo") that begin the given
    name and the surname of exactly one person-like name of the story is that person's
    nickname; "McCain" or "DeShawn" find no such name."""
    blends: list[tuple[int, str, str]] = []
    for i, n in enumerate(nodes):
        if len(n.tokens) == 1 and not n.acronym and n.gaz is None:
            for surf in n.surfaces:
                m = _BLEND_RE.fullmatch(surf)
                if m:
                    blends.append((i, m.group(1).lower(), m.group(2).lower()))
                    break
    if not blends:
        return
    # Each person's first and last word once, not once per blend, filed by the given name's
    # first letter: a blend's first piece (never empty) only fits given names that open with it.
    people: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for j, n in enumerate(nodes):
        if n.full and n.gaz is None and 2 <= len(n.tokens) <= 3 and not _has_cue(n):
            people[n.tokens[0][:1]].append((n.tokens[0], _core(n.tokens)[-1], j))
    for i, first, last in blends:
        fits = {
            uf.find(j)
            for given, surname, j in people.get(first[:1], ())
            if given.startswith(first)
            and surname.startswith(last)
            and given != first + last  # not the word itself
        }
        if len(fits) == 1:
            uf.union(i, fits.pop())


def _spelled_prefixes(nodes: list[_Node], uf: _Clusters) -> None:
    """A name opening with an acronym and the same name with the acronym spelled out ("INS
    Sukanya" / "Indian Naval Ship Sukanya", "USS Cole" / "United States Ship Cole")."""
    by_rest: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.full and 2 <= len(n.tokens) <= 7:
            by_rest[n.tokens[1:]].append(i)
    if not by_rest:
        return
    for i, n in enumerate(nodes):
        if not n.full or len(n.tokens) < 4:
            continue
        for k in (2, 3, 4):
            if len(n.tokens) - k < 1:
                break
            initials = "".join(t[0] for t in n.tokens[:k])
            for j in by_rest.get(n.tokens[k:], ()):
                if j != i and nodes[j].tokens[0] == initials:
                    uf.union(i, j, guard=False)  # the word guard cannot see "ins" in "indian..."


def _state_abbreviations(nodes: list[_Node], uf: _Clusters) -> None:
    """A US state's abbreviation links to the state it stands for (``names.US_STATE_SPELLED``:
    "Mich." / Michigan, "Ala." / Alabama) when the story writes it out; one without an entry
    there links to the one place of the story that starts with its first letter and holds its
    letters in order, and stays alone when two places do."""
    abbrevs = [i for i, n in enumerate(nodes) if _abbreviates_state(n.key, n.surfaces)]
    if not abbrevs:
        return
    places = [i for i, n in enumerate(nodes) if n.gaz is not None and len(n.key) > 4]
    place_keys = {nodes[j].key: j for j in places}
    for i in abbrevs:
        a = nodes[i].key
        spelled = N.US_STATE_SPELLED.get(a)
        if spelled is not None:
            # The state it stands for, when the story writes it ("Ala." is Alabama even in a
            # story that also names Alaska).
            j = place_keys.get(spelled.lower())
            if j is not None:
                uf.union(i, j, guard=False)
            continue
        fits = {
            uf.find(j)
            for j in places
            if j != i and nodes[j].key[0] == a[0] and _in_order(a, nodes[j].key)
        }
        if len(fits) == 1:
            uf.union(i, fits.pop(), guard=False)  # two gazetteer keys of one state


def _abbreviates_state(key: str, surfaces: Iterable[str]) -> bool:
    """``key`` (written as ``surfaces``) is a US state's abbreviation: one that is no common word
    ("Fla"), or one that is ("Miss.", "Mo.", "La.") written as an abbreviation, one word and its
    period -- not "Mo" (a given name), "La" of "La Croisette" nor "L. A."."""
    return key in N.US_STATE_ABBREVIATIONS or (
        key in N.STATE_ABBREVIATIONS_AFTER_COMMA
        and all(surf.endswith(".") and surf.count(".") == 1 for surf in surfaces)
    )


# The compass words that name the halves of a divided country ("the North", "the South").
_HALVES = ("north", "south")


def _country_halves(nodes: list[_Node], uf: _Clusters) -> None:
    """A bare "North" or "South" links to the one country of the story named by that word and
    one more ("the North" of a story on North Korea, "the South" of one on South Sudan), as a
    reader takes it: news names the halves of a divided country so.  Without such a country, or
    with two ("North Korea" and "North Macedonia"), the word stays alone.  "the West" and "the
    East" are left out: they name a bloc of their own ("the West" beside West Germany)."""
    bare = [
        i for i, n in enumerate(nodes) if len(n.tokens) == 1 and n.key in _HALVES and not n.acronym
    ]
    if not bare:
        return
    halves: dict[str, set[int]] = defaultdict(set)
    for j, n in enumerate(nodes):
        if len(n.tokens) == 2 and n.key in N.COUNTRIES and n.tokens[0] in _HALVES:
            halves[n.tokens[0]].add(uf.find(j))
    for i in bare:
        fits = {uf.find(j) for j in halves.get(nodes[i].key, ())}
        if len(fits) == 1:
            uf.union(i, fits.pop(), guard=False)  # the word guard sees one word of two


def _in_order(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _alias_prefixes(nodes: list[_Node], uf: _Clusters) -> None:
    """Multi-word names whose first word(s) are an alias of a listed name ("U.N.", "U.S.") are
    compared with that name spelled out in its preferred form."""
    spelled: dict[str, int] = {}
    pending: list[tuple[str, int]] = []
    for i, n in enumerate(nodes):
        if not n.full:
            continue
        spelled.setdefault(" ".join(n.tokens), i)
        for k in (1, 2):
            if len(n.tokens) > k:
                canon = _ALIAS.get(" ".join(n.tokens[:k]))
                if canon is not None and canon != " ".join(n.tokens[:k]):
                    pending.append((canon + " " + " ".join(n.tokens[k:]), i))
    for key, i in pending:
        j = spelled.get(key)
        if j is not None and j != i:
            uf.union(
                i, j, guard=False
            )  # the word-by-word guard cannot see "un" in "united nations"


def _place_variants(nodes: list[_Node], uf: _Clusters) -> None:
    """An unknown one-word name one or two letters away from a known place of the story (one
    for names up to six letters) is that place misspelled or transliterated, when exactly one
    place is that close."""
    places = [
        i for i, n in enumerate(nodes) if n.gaz is not None and len(n.tokens) == 1 and not n.acronym
    ]
    if not places:
        return
    by_first: dict[str, list[int]] = defaultdict(list)
    for i in places:
        by_first[nodes[i].tokens[0][0]].append(i)
    for i, n in enumerate(nodes):
        if n.gaz is not None or n.acronym or len(n.tokens) != 1 or len(n.tokens[0]) < 4:
            continue
        w = n.tokens[0]
        limit = 1 if len(w) <= 6 else 2
        best: list[int] = []
        best_d = limit + 1
        for j in by_first.get(w[0], ()):
            d = Levenshtein.distance(w, nodes[j].tokens[0], score_cutoff=limit)
            if d < best_d:
                best, best_d = [j], d
            elif d == best_d:
                best.append(j)
        if len(best) == 1 and best_d <= limit:
            uf.union(i, best[0])


def _initials(tokens: tuple[str, ...]) -> str:
    return "".join(t[0] for t in tokens if t not in _PARTICLES)


def _implicit_acronyms(nodes: list[_Node], uf: _Clusters) -> None:
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.full and len(n.tokens) <= 8:
            by_initials[_initials(n.tokens)].append(i)
            if len(n.tokens) >= 3 and (n.tokens[0] in _ALIAS or n.tokens[0] in _PLACE_KEYS):
                # "U.S. Customs and Border Protection" is also "CBP"
                by_initials[_initials(n.tokens[1:])].append(i)
    for i, n in enumerate(nodes):
        if not n.acronym:
            continue
        letters = n.key.replace(" ", "")
        longs = by_initials.get(letters, [])
        if not longs and len(letters) >= 3 and letters[0] == "t":
            # "THR" of "(The) Hollywood Reporter": the article counts in a title's acronym
            longs = [j for j in by_initials.get(letters[1:], ()) if len(nodes[j].tokens) >= 2]
        cands = {uf.find(j) for j in longs}
        if len(cands) > 1:
            # Several long names fit ("AP": "American Pie", "Associated Press"): a well-known
            # body among them is the one an unexplained acronym names.
            cands = {uf.find(j) for j in longs if nodes[j].key in _ORG_KEYS}
        if len(cands) == 1:
            uf.union(i, cands.pop())


def _short_forms(
    nodes: list[_Node],
    uf: _Clusters,
    cands: list[Candidate],
    cfg: LinkConfig,
    ambiguous: dict[int, list[int]] | None = None,
    sited: dict[int, set[str]] | None = None,
    by_key: dict[str, int] | None = None,
) -> dict[tuple[int, int, int], int]:
    """Short forms joined to their long names (see the module docstring, rule 6); returns the
    per-paragraph overrides of ambiguous short forms, and fills ``ambiguous`` (short form's node
    -> the long names it fits) when given."""
    sited = sited or {}
    by_last: dict[str, list[int]] = defaultdict(list)
    by_first: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        # A work's title is no long form of the name it ends with ("A Road to Watergate").
        if n.full and n.gaz is None and not all(cands[ci].work for ci in n.mentions):
            by_last[_core(n.tokens)[-1]].append(i)
            by_first[n.tokens[0]].append(i)
    override: dict[tuple[int, int, int], int] = {}
    alone = {n.tokens[0] for n in nodes if len(n.tokens) == 1 and not n.acronym}
    order = sorted(range(len(nodes)), key=lambda i: -len(nodes[i].tokens))
    for i in order:
        s = nodes[i]
        if len(s.tokens) == 1 and not s.acronym:
            # "Mediterranean" of "Mediterranean Sea", "Hudson" of "Hudson River": a natural
            # feature is named without its head word when the story names one such feature.
            feats = [
                j
                for j in by_first.get(s.tokens[0], ())
                if len(nodes[j].tokens) == 2 and nodes[j].tokens[1] in _FEATURE_HEADS
            ]
            if len(feats) == 1 and s.tokens[0] not in by_last:
                uf.union(i, feats[0])
                continue
        if s.acronym or not s.tokens or s.gaz is not None:
            continue
        k = len(s.tokens)
        if k == 1 and _is_cue_word(s.tokens[0]) and s.tokens[0] not in N.REGION_HEADS:
            continue  # "House" is not the White House, "Court" not the Superior Court
        longs = [
            j
            for j in by_last.get(_core(s.tokens)[-1], ())
            if len(nodes[j].tokens) > k
            and _ordered_sub(s.tokens, nodes[j].tokens)
            and (k == 1 or not _has_cue(nodes[j]) or nodes[j].tokens[-k:] == s.tokens)
            # "Watergate" is not the "Senate Watergate" committee; "Interior" is the Department of Interior
            and not (_cue(nodes[j].tokens[0], N.ORG_CUES) and " of " not in nodes[j].key)
            and not _object_of_body(s.tokens, nodes[j].key.split())
            and not _directional_part(s.tokens, nodes[j].tokens)
            and not (i in sited and _sited_elsewhere(sited[i], s.tokens, nodes[j].tokens, by_key))
        ]  # "University of Alabama" is not short for "University of South Alabama"
        if (
            cfg.prefix_given_names
            and k == 1
            and (
                s.tokens[0] in N.GIVEN_NAMES
                or (s.tokens[0] not in by_last and s.key not in _ORG_KEYS)
            )
        ):
            # A given name ("Lindsay"), or an unknown word that starts a person's name of the
            # story and ends none ("Kimani" of "Kimani Gray"); the name counts as a person's when
            # its last word is also used alone, as surnames are ("Gray"), which "Microsoft
            # Word" or "Waitrose Store" are not.
            longs += [
                j
                for j in by_first.get(s.tokens[0], ())
                if 2 <= len(nodes[j].tokens) <= 3
                and not _has_cue(nodes[j])
                and (s.tokens[0] in N.GIVEN_NAMES or nodes[j].tokens[-1] in alone)
            ]
        if k == 1:
            # Surname first ("Kim Jong-un", "Moon Jae-in"): the bare surname is the first word.
            longs += [
                j
                for j in by_first.get(s.tokens[0], ())
                if _surname_first(nodes[j]) and j not in longs
            ]
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
        if ambiguous is not None:
            ambiguous[i] = longs
    return override


# A gendered title or kinship noun right before a name ("Miss Jenkin", "his sister Katie
# Jenkin", "sister, Kathryn Jenkin"); not "the brother of Kathryn Jenkin".
_GENDER_BEFORE_RE = re.compile(r"(?:\b(Mr|Mrs|Ms|Miss|Mister)\.?\s+|\b([a-z]+),?\s+)$")


def _gendered_titles(
    nodes: list[_Node],
    uf: _Clusters,
    cands: list[Candidate],
    articles: list[Article],
    ambiguous: dict[int, list[int]],
    override: dict[tuple[int, int, int], int],
) -> None:
    """A surname shared by several people of the story, after "Mr" or "Miss" / "Mrs" / "Ms",
    is the bearer the title fits, by what the story tells of their gender ("his sister Katie
    Jenkin", "Mr John Jenkin"): the one bearer known to be of that gender, else the one bearer
    not known to be of the other ("Miss Jenkin" is Katie, "Mr Jenkin" her brother).  The
    paragraph of the titled mention is overridden, as a reader resolves it there."""
    texts: dict[tuple[int, int], str] = {}

    def before(ci: int, titles: bool) -> str:
        """ "f" / "m" for a gendered title (``titles``) or kinship noun right before ``ci``."""
        c = cands[ci]
        text = texts.get((c.article, c.paragraph))
        if text is None:
            text = texts[c.article, c.paragraph] = paragraph_text(articles[c.article], c.paragraph)
        m = _GENDER_BEFORE_RE.search(text, max(0, c.start - 24), c.start)
        word = m and ((m.group(1) if titles else m.group(2) or m.group(1)) or "").lower()
        return "f" if word in FEMALE_WORDS else "m" if word in MALE_WORDS else ""

    gender: dict[int, str] = {}
    for i, longs in ambiguous.items():
        # A title votes for a person (detect adds 3): only those mentions are read.
        titled = [(ci, before(ci, True)) for ci in nodes[i].mentions if cands[ci].votes[0] >= 2]
        titled = [(ci, g) for ci, g in titled if g]
        if not titled:
            continue
        roots = {uf.find(j) for j in longs}
        for r in roots:
            if r not in gender:
                seen = {
                    before(ci, False)
                    for m in uf.members(r)
                    if nodes[m].full
                    for ci in nodes[m].mentions
                } - {""}
                gender[r] = seen.pop() if len(seen) == 1 else ""
        for ci, g in titled:
            fit = [r for r in roots if gender[r] == g]
            if len(fit) != 1:
                fit = [r for r in roots if gender[r] in ("", g)]
                if len(fit) != 1 or all(gender[r] in ("", g) for r in roots):
                    continue
            c = cands[ci]
            override[(i, c.article, c.paragraph)] = fit[0]


# "the elder Mr. LaRue", "The younger Bush": a generation word, maybe a short title, then the name.
_GENERATION_BEFORE_RE = re.compile(
    r"\b[Tt]he\s+(" + "|".join(GENERATION_WORDS) + r")\s+(?:[A-Z][a-z]{1,3}\.?\s+)?$"
)


def _generations(
    nodes: list[_Node],
    uf: _Clusters,
    cands: list[Candidate],
    articles: list[Article],
    ambiguous: dict[int, list[int]],
    override: dict[tuple[int, int, int], int],
) -> None:
    """A surname shared by several people of the story, after "the elder" or "the younger", is
    the one bearer named with the matching suffix ("Sr." / "Jr."): "The elder Mr. LaRue" beside
    "Ike Parsons LaRue Sr." and "Fred LaRue" is the father, whoever the story is about.  The
    mention's paragraph is overridden, as a reader resolves it there."""
    for i, longs in ambiguous.items():
        by_suffix: dict[str, set[int]] = defaultdict(set)
        for j in longs:
            if nodes[j].tokens[-1] in _GENERATIONAL:
                by_suffix[nodes[j].tokens[-1]].add(uf.find(j))
        if not by_suffix:
            continue  # no bearer named with a suffix: nothing to read
        for ci in nodes[i].mentions:
            c = cands[ci]
            text = paragraph_text(articles[c.article], c.paragraph)
            m = _GENERATION_BEFORE_RE.search(text, max(0, c.start - 24), c.start)
            fit = by_suffix.get(GENERATION_WORDS[m.group(1)], ()) if m else ()
            if len(fit) == 1:
                override[(i, c.article, c.paragraph)] = next(iter(fit))


# Heads of the names of seas, rivers and mountains, which news drops once the feature is known
# ("the Mediterranean"); towns and streets are not named this way ("Palm" is not "Palm Street").
_FEATURE_HEADS = frozenset(
    "sea ocean river lake mountains desert gulf bay strait channel glacier peninsula".split()
)


def _surname_first(n: _Node) -> bool:
    """A name written surname first, as Korean and Chinese names are in English news: two words,
    the second a hyphenated given name ("Kim Jong-un", "Moon Jae-in", "Kim Yo-jong")."""
    if len(n.tokens) != 3 or _has_cue(n):
        return False
    for surf in n.surfaces:
        words = surf.split()
        if len(words) == 2 and "-" in words[1]:
            a, _, b = words[1].partition("-")
            if a[:1].isupper() and b and len(a) <= 5 and len(b) <= 5 and "-" not in b:
                return True
    return False


# Heads whose "of" complement is the body's own short name ("Department of Commerce" is
# "Commerce"); other bodies are named after what they serve ("Chamber of Commerce", "Bank of X").
_PORTFOLIO_HEADS = frozenset("department ministry secretary secretariat".split())


def _object_of_body(short: tuple[str, ...] | list[str], long: list[str]) -> bool:
    """``short`` is only the complement of a body's head that is not a portfolio ("Commerce" of
    "Chamber of Commerce", unlike "Interior" of "Department of the Interior")."""
    if "of" not in long[1:]:
        return False
    k = long.index("of")
    head = long[k - 1]  # "U.S. Chamber of Commerce": the head is the word before "of"
    if head in _PORTFOLIO_HEADS or not _cue(head, N.ORG_CUES):
        return False
    return short[0] in long[k + 1 :] and short[0] not in long[:k]


def _directional_part(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``long`` is the one-word place ``short`` after a compass or position word ("East
    Flatbush", "West Virginia", "Upper Manhattan"): it names another place, or a part of it, not
    the place itself, as "North Korea" is not "Korea".  Only a one-word bare name: writers vary a
    longer locality's prefix for one spot ("South Richmond Hill" / "Richmond Hill" at one
    crossing), and a word further in front ("North Carolina Tar Heels") is no such prefix."""
    return len(short) == 1 and len(long) == 2 and long[0] in N.DIRECTIONS and long[1] == short[0]


# "a Superior Court jury in Norwalk", "the District Court in Tulsa": a body's name, maybe one
# lower-case noun, then "in" and a capitalised place.
_SITED_RE = re.compile(r"(?:\s+[a-z]+)?\s+in\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")


def _sited(
    nodes: list[_Node], cands: list[Candidate], articles: list[Article]
) -> dict[int, set[str]]:
    """Bodies' names without a place of their own (two words or more, a cue word, no gazetteer
    entry) -> the towns the story writes them in ("a Superior Court jury in Norwalk"); months,
    days, countries and regions are no such town ("in March", "in California")."""
    out: dict[int, set[str]] = {}
    for i, n in enumerate(nodes):
        if len(n.tokens) < 2 or n.gaz is not None or n.acronym or not _has_cue(n):
            continue
        for ci in n.mentions:
            c = cands[ci]
            text = paragraph_text(articles[c.article], c.paragraph)
            m = _SITED_RE.match(text, c.end, c.end + 48)
            if m:
                town = name_key(m.group(1))
                first = town.split()[0]
                if not (
                    first in MONTHS
                    or first in WEEKDAYS
                    or town in _COUNTRY_KEYS
                    or town in _REGION_KEYS
                ):
                    out.setdefault(i, set()).add(town)
    return out


def _sited_elsewhere(
    towns: set[str], short: tuple[str, ...], long: tuple[str, ...], by_key: dict[str, int] | None
) -> bool:
    """``long`` is ``short`` after a town's name ("Bellflower Superior Court") but the story
    writes ``short`` in another town ("a Superior Court jury in Norwalk"): two bodies of one
    kind, as every town has its court.  The town is a known city or a name the story writes on
    its own ("the Bellflower courthouse"), not a country or region ("U.S. District Court" is the
    district court in Tulsa) nor a common word ("State Route 52" is "Route 52 in San Diego")."""
    k = len(long) - len(short)
    if k < 1 or long[k:] != short:
        return False
    town = " ".join(long[:k])
    return (
        town not in towns
        and (town in _PLACE_KEYS or (by_key is not None and town in by_key))
        and town not in _COUNTRY_KEYS
        and town not in _REGION_KEYS
    )


def _has_cue(n: _Node) -> bool:
    # ``_is_cue_word`` for each word, through ``map``: no generator made and closed per name.
    return any(map(_cue_kinds, n.tokens))


def _is_cue_word(t: str) -> bool:
    return _cue_kinds(t) != 0


def _resolve_ambiguous(
    i: int,
    roots: set[int],
    nodes: list[_Node],
    uf: _Clusters,
    cands: list[Candidate],
    cfg: LinkConfig,
    override: dict[tuple[int, int, int], int],
) -> None:
    """A short form that fits several entities: decide per article, else by dominance."""
    s = nodes[i]
    ranked = sorted(roots, key=lambda r: -uf.count(r))
    dominant = None
    if cfg.ambiguous in ("article", "dominant") and _core(s.tokens) == s.tokens:
        # A bare surname is not the bearer named with "Jr." / "III" when another bearer has no
        # such suffix ("Trump" beside "Donald Trump" and "Donald Trump Jr."): readers write
        # "Trump Jr." for the son.
        plain = [r for r in ranked if not _suffixed(r, nodes, uf)]
        if len(plain) == 1 and len(plain) < len(ranked):
            uf.union(i, plain[0])
            return
    if cfg.ambiguous in ("article", "dominant"):
        c0, c1 = uf.count(ranked[0]), uf.count(ranked[1])
        if c0 >= cfg.dominance * c1:
            dominant = ranked[0]
    if dominant is not None:
        uf.union(i, dominant)
    if cfg.ambiguous == "article":
        # Inside an article that names exactly one non-dominant candidate, the short form
        # means that one ("Lohan" in the article about Dina Lohan).
        # Only near it, as a reader resolves it: in the paragraph that names the other one in
        # full or the next two ("Donald Trump Jr. tweeted. Trump Jr. ..."); elsewhere in the
        # article the short form keeps the story's most prominent bearer of the name.
        root_articles = {r: {a for m in uf.members(r) for a in nodes[m].articles} for r in roots}
        for art in s.articles:
            present = [r for r in roots if art in root_articles[r]]
            if len(present) == 1 and present[0] != dominant:
                r = present[0]
                if dominant is None:
                    override[(i, art, -1)] = r
                    continue
                near = {
                    cands[ci].paragraph + d
                    for m in uf.members(r)
                    for ci in nodes[m].mentions
                    if cands[ci].article == art
                    for d in (0, 1, 2)
                }
                for p in near:
                    override[(i, art, p)] = r


def _suffixed(root: int, nodes: list[_Node], uf: _Clusters) -> bool:
    """Every full name of ``root``'s group ends in a generational suffix ("Donald Trump Jr.")."""
    fulls = [nodes[m].tokens for m in uf.members(root) if nodes[m].full]
    return bool(fulls) and all(t[-1] in _GENERATIONAL for t in fulls)


def _settle_speaker(ctx: list[float], static: list[float]) -> None:
    """ "X said" fits a person or an organisation: it goes to whichever the rest of the evidence
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


def _is_known(surface: str) -> bool:
    k = name_key(surface)
    return k in _PLACE_KEYS or k in _ORG_KEYS or k in _ALIAS


def _described(surfaces: Counter) -> set[str]:
    """Variants that are another variant, a person's given name and surname, with words before
    the given name that are no given names: a description or title the detector kept ("Charger
    Vincent Jackson", "Moviemaker Gary Ross" beside "Gary Ross"); not "Barack Obama" beside
    "Obama" nor "Mary Ann Smith" beside "Ann Smith"."""
    people = {
        fold(t).replace(".", ""): t
        for t in surfaces
        if " " in t and fold(t).split(None, 1)[0] in N.GIVEN_NAMES
    }
    out: set[str] = set()
    if not people:
        return out
    for s in surfaces:
        words = fold(s).replace(".", "").split()
        for k in range(1, len(words) - 1):
            if " ".join(words[k:]) in people:
                if not any(w in N.GIVEN_NAMES or len(w) == 1 for w in words[:k]):
                    out.add(s)
                break
    return out


def _title_cased(name: str) -> str:
    """ "NEW YORK" -> "New York", "WINSTON-SALEM" -> "Winston-Salem": each word's first letter
    and each letter after a hyphen stays a capital."""
    return "-".join(" ".join(w.capitalize() for w in part.split(" ")) for part in name.split("-"))


def _spelled_state(name: str, surfaces: Counter) -> str:
    """A place the story writes only as one US state's abbreviation ("Palm Beach, Fla.") is
    listed under the state's name ("Florida"): "Fla" alone reads as a fragment of a word.  When
    the story also writes the state out, the abbreviation has joined it already
    (``_state_abbreviations``) and the full name is the display name anyway."""
    keys = {fold(s).rstrip(".") for s in surfaces}
    if not all(_abbreviates_state(k, surfaces) for k in keys):
        return name
    states = {N.US_STATE_SPELLED.get(k) for k in keys}
    if len(states) == 1:
        state = states.pop()
        if state is not None:
            return state
    return name


def _canonical(surfaces: Counter, person: bool = False) -> str:
    """The display name: the most complete variant (most words), then the most frequent, never
    a misspelling, nor for a ``person`` a variant with a description before the name (see
    ``_described``).  A variant is a misspelling when one of its words is a near copy (one or two
    letters off) of a word that the other variants use more often ("Sepy" beside "Sepe" x5)."""
    if len(surfaces) == 1:
        return next(iter(surfaces))
    word_count: Counter = Counter()
    for surf, n in surfaces.items():
        for w in set(fold(surf).replace(".", "").split()):
            word_count[w] += n

    def misspelt(surf: str) -> bool:
        for w in set(fold(surf).replace(".", "").split()):
            if len(w) < 4:
                continue
            for u, n in word_count.items():
                if (
                    n > word_count[w]
                    and u != w
                    and len(u) >= 4
                    and u[0] == w[0]
                    and Levenshtein.distance(w, u, score_cutoff=2) <= 2
                ):
                    return True
        return False

    def rank(s: str) -> tuple:
        words = [w for w in s.split() if w.lower() not in _CONNECTORS]
        acr = is_acronym(s)
        return (
            not typo[s],
            s not in described,
            known[s],
            fold(s).rstrip(".") not in N.US_STATE_ABBREVIATIONS,  # "Texas" over "Tex."
            0 if acr else len(words),
            surfaces[s],
            not s.isascii(),  # a character beyond ASCII
            len(s),
            s,
        )

    typo = {s: len(surfaces) > 1 and surfaces[s] == 1 and misspelt(s) for s in surfaces}
    described = _described(surfaces) if person else set()
    known = (
        {s: _is_known(s) for s in surfaces} if len(surfaces) > 1 else {s: False for s in surfaces}
    )
    return max(surfaces, key=rank)


# Collective nouns that, in lower case right after a person's name, name the people who work
# for that person ("the Obama team", "the Clinton camp"): a body of its own, as "the Obama
# administration" is (see detect._BODY_WORDS), which ECB+ files under the body's chain.  Nouns for
# one person or for several ("Lohan lawyer", "Nixon aides") keep the name as the person's mention,
# as ECB+ and the sidebar gold do.
_STAFF_NOUNS = frozenset({"team", "camp", "staff"})


def _split_staff(
    members: list[int],
    staff_cis: set[int],
    cands: list[Candidate],
    out: list[Entity],
) -> list[int]:
    """The person's mentions without those followed by a collective noun ("the Obama team"),
    which become an organisation per noun, its mentions spanning the name and the noun and
    appended to ``out``; ``staff_cis`` holds the candidates followed by such a noun.  A person
    whose every mention is so followed stays the person."""
    staff: dict[str, list[int]] = defaultdict(list)
    rest: list[int] = []
    for ci in members:
        (staff[cands[ci].follower] if ci in staff_cis else rest).append(ci)
    if not staff or not rest:
        return members
    for noun, cis in staff.items():
        cis.sort(key=lambda ci: (cands[ci].article, cands[ci].paragraph, cands[ci].start))
        mentions = [
            Mention(c.article, c.paragraph, c.start, c.end + 1 + len(noun), f"{c.text} {noun}")
            for c in (cands[ci] for ci in cis)
        ]
        name = f"{_canonical(Counter(cands[ci].text for ci in cis))} {noun}"
        out.append(Entity(0, name, "organization", [name], mentions))
    return rest


def _first_largest(votes: list[float]) -> int:
    """The index of the first of the three largest votes, as ``max(range(3), key=votes.__getitem__)``
    answers, without its key function's three calls (asked once per entity)."""
    v0, v1, v2 = votes
    return 0 if v0 >= v1 and v0 >= v2 else (1 if v1 >= v2 else 2)


def _entities(
    nodes: list[_Node],
    cand_node: list[int],
    cands: list[Candidate],
    uf: _Clusters,
    override: dict[tuple[int, int, int], int],
    teams: dict[int, int],
    extra: dict[int, list[Mention]],
) -> list[Entity]:
    groups: dict[int, list[int]] = defaultdict(list)
    team_roots: set[int] = set()
    overridden = {ni for ni, _, _ in override}
    for ci, ni in enumerate(cand_node):
        c = cands[ci]
        r = teams.get(ci) if teams else None
        if r is not None:
            root = uf.find(r)
            groups[root].append(ci)
            team_roots.add(root)
            continue
        r = None
        if ni in overridden:  # few names have a per-paragraph override: skip the rest's look-ups
            r = override.get((ni, c.article, c.paragraph))
            if r is None:
                r = override.get((ni, c.article, -1))
        groups[uf.find(r if r is not None else ni)].append(ci)
    out: list[Entity] = []  # in no order: ``link`` numbers them (``_numbered``)
    staff = {ci for ci, c in enumerate(cands) if c.follower in _STAFF_NOUNS}
    # The nodes of families ("Gray family"), few: an entity made of them alone is shown as one.
    families = {ni for ni, n in enumerate(nodes) if n.key.endswith(" family")}
    where = [(c.article, c.paragraph, c.start) for c in cands]  # the members' reading order
    for root, members in groups.items():
        surfaces: Counter = Counter([cands[ci].text for ci in members])
        # A place's mentions that stand for its team bring their context, not the place's
        # gazetteer entry, nor its name.
        own = [ci for ci in members if ci not in teams] if root in team_roots else members
        node_ids = {cand_node[ci] for ci in (own or members)}
        votes = [0.0, 0.0, 0.0]
        acronyms = [0.0, 0.0, 0.0]
        for ni in node_ids:
            into = acronyms if nodes[ni].acronym else votes
            for t, w in enumerate(_static_votes(nodes[ni])):
                into[t] += w
        if not (votes[2] > 0 and votes[2] >= max(votes[0], votes[1])):
            # An acronym's default (a body) yields to a long form named as a place ("IRTC" of
            # the "Internationally Recognised Transit Corridor").
            for t in range(3):
                votes[t] += acronyms[t]
        # Summed in the members' order, per type, as before: the same floats, fewer loops.
        c0 = c1 = c2 = c3 = 0.0
        for ci in members:
            v = cands[ci].votes
            c0 += v[0]
            c1 += v[1]
            c2 += v[2]
            c3 += v[3]
        ctx = [c0, c1, c2, c3]
        _settle_speaker(ctx, votes)
        scale = 3.0 / len(members)
        for t in range(3):
            votes[t] += ctx[t] * scale + (math.log1p(ctx[t]) if ctx[t] > 0 else 0.0)
        best = _first_largest(votes)
        etype: EntityType = _TYPES[best] if votes[best] > 0 else "other"
        if etype == "person" and staff and not staff.isdisjoint(members):
            rest = _split_staff(members, staff, cands, out)
            if rest is not members:
                own = rest if own is members else [ci for ci in own if ci not in staff]
                members = rest
                surfaces = Counter(cands[ci].text for ci in members)
        name = _canonical(
            Counter(cands[ci].text for ci in own) if own is not members and own else surfaces,
            etype == "person",
        )
        if etype == "place":
            name = _spelled_state(name, surfaces)
            if name.isupper() and len(name) >= 4 and "." not in name and fold(name) in N.PLACES:
                name = _title_cased(name)  # "NEW YORK" of a dateline is shown "New York"
        if node_ids <= families and not name.endswith("s"):
            name += " family"  # "the Gray family" is shown as "Gray family", not as "Gray"
        variants = [name] + sorted(
            (s for s in surfaces if s != name), key=lambda s: (-surfaces[s], s)
        )
        members.sort(key=where.__getitem__)
        mentions = [
            Mention(c.article, c.paragraph, c.start, c.end, c.text)
            for c in map(cands.__getitem__, members)
        ]
        if root in extra:
            mentions += extra[root]
            mentions.sort(key=lambda m: (m.article, m.paragraph, m.start))
        out.append(Entity(0, name, etype, variants, mentions))
    return out
