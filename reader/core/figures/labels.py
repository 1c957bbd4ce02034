"""Normalised labels for "what a number counts", and the small word lists the extractor needs.

Two outlets rarely word a count the same way ("12 people were killed", "killing 12", "a death
toll of 12").  Everything here exists so those land on the same short label ("killed").  The
synonym table is deliberately small and hand-written: it covers the vocabulary of casualty, crisis
and economic reporting, and anything not in it falls back to its singular lowercase form, which is
already enough for two outlets that use the same noun.

Synonym table (surface form, after singularising -> label):
    dead, death, died, fatality, killed, kill, body, life (lives lost), death toll -> killed
    injured, wounded, hurt, injury, wound                                  -> injured
    arrested, detained, arrest, detention                                 -> arrested
    displaced, fled, refugee* (not folded: refugees are a population)     -> displaced
    kidnapped, abducted, hostage                                          -> hostage
    soldier, troop                                                         -> troop
    person, people, individual                                             -> people
    child, children, kid                                                   -> child
    airstrike, air strike, air raid, air attack                            -> airstrike
    percent, per cent, %, pct                                              -> percent
    $, US$, USD, dollar                                                    -> usd (also eur, gbp, ...)
"""

from __future__ import annotations

from reader.core.vocabulary.synonyms import EVENT_CONCEPTS, NEWS_SYNONYM_GROUPS

EVENT_LABELS: dict[str, str] = {
    **{word: label for label, words in EVENT_CONCEPTS.items() for word in words},
    # Phrases and report-only words that name the same events.
    "death toll": "killed",
    "toll": "killed",
    "number of dead": "killed",
    "number of deaths": "killed",
    "number of fatalities": "killed",
    "lost their lives": "killed",
    "injury toll": "injured",
    "number of injured": "injured",
    "number of wounded": "injured",
    "casualties": "casualty",
    "casualty toll": "casualty",
    "number of casualties": "casualty",
    "taken hostage": "hostage",
}
"""Event word or phrase -> label; single words come from the shared vocabulary's event concepts."""

EVENT_VALUES: frozenset[str] = frozenset(EVENT_LABELS.values())
"""The labels of counted events ("killed", "injured"...), as opposed to counted nouns."""

NOUN_SYNONYMS: dict[str, str] = {
    "dead": "killed",
    "death": "killed",
    "fatality": "killed",
    "body": "killed",
    "injury": "injured",
    "wounded": "injured",
    "injured": "injured",
    "casualty": "casualty",
    "soldier": "troop",
    "troop": "troop",
    "serviceman": "troop",
    "servicemen": "troop",
    "person": "people",
    "people": "people",
    "individual": "people",
    "child": "child",
    "children": "child",
    "kid": "child",
    "airstrike": "airstrike",
    "air strike": "airstrike",
    "air raid": "airstrike",
    "air attack": "airstrike",
    "airstrikes": "airstrike",
    "arrest": "arrested",
    "detainee": "arrested",
    "hostage": "hostage",
    "captive": "hostage",
    "percent": "percent",
    "per cent": "percent",
    "pct": "percent",
    # British / American pairs and plain near-synonyms that outlets swap when rewriting.
    "lorry": "truck",
    "truck": "truck",
    "vehicle": "vehicle",
    "kilometre": "km",
    "kilometer": "km",
}

NEWS_NOUNS: dict[str, str] = {w: group[0] for group in NEWS_SYNONYM_GROUPS for w in group}
"""The shared vocabulary's near-synonyms ("five sites" / "five locations"), each folded onto its
group's first word, so counted things the matcher treats as one are one label here too."""

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "usd",
    "us$": "usd",
    "usd": "usd",
    "a$": "aud",
    "c$": "cad",
    "hk$": "hkd",
    "€": "eur",
    "eur": "eur",
    "£": "gbp",
    "gbp": "gbp",
    "¥": "jpy",
    "jpy": "jpy",
    "cny": "cny",
}
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "usd",
    "us dollar": "usd",
    "euro": "eur",
    "pound": "gbp",
    "pound sterling": "gbp",
    "sterling": "gbp",
    "yen": "jpy",
    "yuan": "cny",
    "renminbi": "cny",
    "rouble": "rub",
    "ruble": "rub",
    "shekel": "ils",
    "rupee": "inr",
}

TIME_UNITS: dict[str, float] = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}
"""Length of each duration unit in days, so "48 hours" and "two days" compare equal."""

MEASURE_UNITS: dict[str, str] = {
    "km": "km",
    "kilometre": "km",
    "kilometer": "km",
    "mile": "mile",
    "metre": "m",
    "meter": "m",
    "m": "m",
    "kg": "kg",
    "kilogram": "kg",
    "tonne": "tonne",
    "ton": "tonne",
    "acre": "acre",
    "hectare": "hectare",
    "sq km": "km2",
    "sqkm": "km2",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "square mile": "mile2",
    "degree": "degree",
    "°c": "degree",
    "°f": "degree_f",
    "mph": "mph",
    "km/h": "km/h",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "inch",
    "inches": "inch",
    "cm": "cm",
    "mm": "mm",
    "barrel": "barrel",
}

GENERIC_LABELS: frozenset[str] = frozenset(
    {
        "people",
        "percent",
        "percentage point",
        "time",
        "other",
        "year",
        "date",
        "thing",
        "way",
        "part",
        "case",
        "member",
        "number",
        "total",
        "more",
        "day",
        "month",
        "week",
        "hour",
        "minute",
        "second",
        "decade",
        "magnitude",
    }  # a quake story names several quakes (aftershocks, earlier ones): pair by paragraph
    | set(CURRENCY_SYMBOLS.values())
    | set(CURRENCY_WORDS.values())
    | set(MEASURE_UNITS.values())
)
"""Labels too broad to say two figures count the same thing without more evidence (a paragraph
match).  Currencies are here: two "$" amounts in one story are often different budgets."""

_IRREGULAR: dict[str, str] = {
    "people": "people",
    "children": "child",
    "men": "man",
    "women": "woman",
    "feet": "foot",
    "lives": "life",
    "police": "police",
    "news": "news",
    "species": "species",
    "series": "series",
    "data": "data",
    "media": "media",
    "aircraft": "aircraft",
    "personnel": "personnel",
    "staff": "staff",
    "sheep": "sheep",
    "fish": "fish",
    "crisis": "crisis",
    "analysis": "analysis",
    "wolves": "wolf",
    "knives": "knife",
    "centuries": "century",
    "us": "us",
    "bus": "bus",
    "buses": "bus",
    "status": "status",
    "census": "census",
    "virus": "virus",
    "viruses": "virus",
    "gas": "gas",
}


def singular(word: str) -> str:
    """Lowercase singular of an English noun, by the usual suffix rules and a few irregulars."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("sses", "xes", "ches", "shes", "zes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is", "'s", "’s")) or len(w) < 3:
        return w[:-2] if w.endswith(("'s", "’s")) else w
    if w.endswith("s"):
        return w[:-1]
    return w


def noun_label(words: list[str]) -> str:
    """Label for a noun phrase's head: the last word (or a known two-word compound), folded."""
    if len(words) >= 2:
        pair = singular(words[-2]) + " " + singular(words[-1])
        if pair in NOUN_SYNONYMS:
            return NOUN_SYNONYMS[pair]
    head = singular(words[-1])
    if head in NOUN_SYNONYMS:
        return NOUN_SYNONYMS[head]
    folded = NEWS_NOUNS.get(words[-1].lower()) or NEWS_NOUNS.get(head)
    return singular(folded) if folded else head


def event_label(phrase: str) -> str | None:
    """Label for an event word or phrase ("were killed" -> killed, "death toll" -> killed)."""
    return EVENT_LABELS.get(" ".join(phrase.lower().split()))
