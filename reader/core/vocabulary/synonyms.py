"""Alternative names and near-synonyms, shared by matching, entity linking and figures.

Two stages that disagree on whether two words mean the same thing give the analyst contradictory
answers (the matcher saying two paragraphs share a place the entity list keeps apart), so every
table of "these words are the same" lives here once:

* :data:`NAME_ALIAS_GROUPS`: names of one place, state or group in other spellings or languages
  (Turkey/Türkiye, Kyiv/Kiev, Burma/Myanmar).  The entity linker merges them; the matcher uses the
  one-word members as shared terms.
* :data:`NAME_SHORT_FORMS`: informal words for a city or a team inside names ("Philly",
  "Sixers"), read by the entity linker only.
* :data:`EVENT_CONCEPTS`: what a reported count is about, keyed by the label figures show
  ("killed" for dead/died/deaths/fatalities).  Figures label counts with it; the matcher folds each
  group onto one term.
* :data:`NEWS_SYNONYM_GROUPS`: other near-synonyms of news English (lorry/truck, truce/ceasefire)
  that the matcher folds.

All entries are lower case and accent-folded.  Kept small and general on purpose: a wrong merge
makes two unrelated paragraphs share a word (cheap under IDF weighting); a right one bridges a
paraphrase.
"""

from __future__ import annotations

NAME_ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("turkey", "turkiye"),
    ("united states", "united states of america", "us", "usa", "u.s.", "u.s.a.", "america"),
    ("united kingdom", "uk", "u.k.", "britain", "great britain"),
    ("united nations", "un", "u.n."),
    ("european union", "eu", "e.u."),
    ("russia", "russian federation"),
    ("ivory coast", "cote d'ivoire"),
    ("czech republic", "czechia"),
    ("myanmar", "burma"),
    ("netherlands", "holland"),
    ("north korea", "dprk"),
    ("north macedonia", "macedonia"),
    ("united arab emirates", "uae"),
    ("democratic republic of congo", "democratic republic of the congo", "drc"),
    ("islamic state", "isis", "isil", "daesh"),
    ("kyiv", "kiev"),
    ("kharkiv", "kharkov"),
    ("lviv", "lvov"),
    ("odesa", "odessa"),
    ("mykolaiv", "nikolaev", "mykolayiv"),
    ("beijing", "peking"),
    ("mumbai", "bombay"),
    ("ho chi minh city", "saigon"),
    ("bengaluru", "bangalore"),
    ("marseille", "marseilles"),
    ("donbas", "donbass"),
    ("new york city", "nyc"),
    ("bosnia and herzegovina", "bosnia"),
    ("federal bureau of investigation", "fbi"),
    ("central intelligence agency", "cia"),
    ("national security agency", "nsa"),
    ("immigration and customs enforcement", "ice"),
    ("customs and border protection", "cbp"),
    ("department of homeland security", "homeland security department", "dhs"),
    ("department of justice", "justice department", "doj"),
    ("environmental protection agency", "epa"),
    ("federal emergency management agency", "fema"),
    ("national aeronautics and space administration", "nasa"),
    ("securities and exchange commission", "sec"),
    ("north atlantic treaty organization", "nato"),
    ("international monetary fund", "imf"),
    ("world trade organization", "wto"),
    ("international criminal court", "icc"),
    ("new york police department", "new york police", "nypd"),
    ("los angeles police department", "los angeles police", "lapd"),
    ("gaddafi", "qaddafi", "kadhafi", "qadhafi", "gadhafi"),
    ("muslim", "moslem"),
    ("koran", "quran"),
)
"""Alternative names: each group is one referent.  Short names that differ by vowels only
("Kiev"/"Kyiv") are listed because fuzzy spelling cannot meet them safely ("Gaza"/"Giza")."""

NAME_SHORT_FORMS: dict[str, str] = {
    # informal one-word names of cities
    "philly": "philadelphia",
    "indy": "indianapolis",
    "vegas": "las vegas",
    "nola": "new orleans",
    "jax": "jacksonville",
    "beantown": "boston",
    # short forms of sports teams' nicknames
    "sixers": "76ers",
    "niners": "49ers",
    "cavs": "cavaliers",
    "mavs": "mavericks",
    "bucs": "buccaneers",
    "pats": "patriots",
    "jags": "jaguars",
    "nats": "nationals",
    "phils": "phillies",
    "habs": "canadiens",
    "boks": "springboks",
}
"""Words that news English writes for a longer name inside names ("Philly Sixers" is the
Philadelphia 76ers, "the Cavs" the Cavaliers): general knowledge of well-known informal city
names and team nicknames, one word each, never a common English word.  The entity linker reads
them as the full word(s) wherever they stand in a name; the matcher does not use them (a shared
term there would change paragraph matching, which was not measured with them)."""

EVENT_CONCEPTS: dict[str, tuple[str, ...]] = {
    "killed": (
        "killed",
        "killing",
        "kill",
        "kills",
        "die",
        "died",
        "dead",
        "death",
        "deaths",
        "fatalities",
        "fatality",
        "slain",
    ),
    "injured": ("injured", "injuring", "wounded", "wounding", "hurt", "injuries", "injury"),
    "arrested": (
        "arrested",
        "arresting",
        "arrest",
        "arrests",
        "detained",
        "detaining",
        "detention",
        "apprehended",
        "apprehend",
        "nabbed",
    ),
    "displaced": ("displaced", "displacing", "fled", "flee", "fleeing"),
    "evacuated": ("evacuated", "evacuating", "evacuation", "evacuate"),
    "rescued": ("rescued", "rescuing"),
    "missing": ("missing",),
    "hostage": (
        "kidnapped",
        "kidnapping",
        "abducted",
        "abducting",
        "hostage",
        "hostages",
        "captive",
        "captives",
    ),
}
"""Events that news counts ("12 were killed"), keyed by the label a figure of that event gets."""

NEWS_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("troops", "soldiers", "servicemen"),
    ("lorry", "lorries", "truck", "trucks"),
    ("car", "cars", "vehicle", "vehicles"),
    ("refugee", "refugees"),
    ("shelling", "bombardment", "bombarded", "shelled", "barrage"),
    ("blast", "explosion", "exploded", "detonation"),
    ("missile", "missiles", "rocket", "rockets"),
    ("airstrike", "airstrikes", "air-strike"),
    ("bomb", "bombs", "bombing", "bombings", "bomber", "bombers"),
    ("truce", "ceasefire", "armistice"),
    ("deal", "agreement", "accord", "pact"),
    ("talks", "negotiations", "negotiated", "negotiate"),
    ("protest", "protests", "demonstration", "demonstrations", "rally", "rallies"),
    ("protester", "protesters", "demonstrator", "demonstrators"),
    ("jail", "prison", "jailed", "imprisoned"),
    ("rise", "rose", "risen", "increase", "increased", "climb", "climbed", "grew", "jumped"),
    ("fall", "fell", "fallen", "drop", "dropped", "decline", "declined", "plunged", "slumped"),
    ("buy", "bought", "purchase", "purchased", "acquire", "acquired", "acquisition"),
    ("firm", "company", "companies", "firms"),
    ("children", "kids", "child"),
    ("home", "homes", "house", "houses", "dwelling"),
    ("shut", "closed", "closure", "shutdown"),
    ("spill", "spilled", "spilt", "leak", "leaked", "leaking"),
    ("disused", "abandoned", "derelict"),
    ("overnight", "night", "nighttime"),
    ("fire", "blaze", "fires", "blazes"),
    ("crash", "collision", "crashed", "collided"),
    ("strike", "walkout", "stoppage"),
    ("wage", "wages", "pay", "salary", "salaries"),
    ("chief", "boss", "head"),
    ("quake", "earthquake", "tremor"),
    ("gunman", "attacker", "shooter", "assailant"),
    ("doctor", "doctors", "physician", "physicians"),
    ("inquiry", "investigation", "probe", "investigators", "inspectors"),
    ("railway", "railways", "rail"),
    ("railroad",),
    ("begin", "began", "start", "started", "launched", "launch"),
    ("vote", "ballot", "poll", "election", "elections"),
    ("aid", "assistance", "relief"),
    ("flood", "flooding", "floods", "inundated"),
    ("minister", "ministers", "secretary"),
    ("cabinet", "government"),
    ("thief", "thieves", "robber", "robbers", "burglar", "burglars"),
    ("theft", "thefts", "robbery", "robberies", "heist", "burglary", "stole", "stolen", "steal"),
    ("jewel", "jewels", "jewelry", "jewellery", "jeweler", "jewelers", "jeweller", "jewellers"),
    ("shop", "shops", "store", "stores"),
    ("lawyer", "lawyers", "attorney", "attorneys"),
    ("movie", "movies", "film", "films"),
    ("actor", "actors", "actress", "actresses"),
    ("teen", "teens", "teenager", "teenagers", "teenage"),
    ("gun", "guns", "firearm", "firearms", "handgun", "pistol", "weapon", "weapons"),
    ("shooting", "shootings", "gunfire", "gunshot", "gunshots"),
    ("escape", "escaped", "escapee", "fugitive"),
    ("extra", "additional"),
    ("hotel", "motel"),
    ("chosen", "chose", "choose", "picked", "selected", "select"),
    ("win", "wins", "won", "winning", "victory"),
    ("resign", "resigned", "resignation", "quit", "quits"),
    (
        "reverse",
        "reversed",
        "overturn",
        "overturned",
        "rescind",
        "rescinded",
        "repeal",
        "repealed",
        "scrap",
        "scrapped",
    ),
    ("rule", "rules", "regulation", "regulations"),
    ("site", "sites", "location", "locations", "venue", "venues"),
)
"""Near-synonyms of news English that are neither names nor counted events."""


def one_word_alias_groups() -> tuple[tuple[str, ...], ...]:
    """The alias groups reduced to their one-word members (what a word-level matcher can use).

    Abbreviations with dots and two-letter forms ("u.s.", "us", "un") are left out: as lower-case
    words they collide with pronouns and function words.
    """
    groups = []
    for group in NAME_ALIAS_GROUPS:
        words = tuple(
            n for n in group if " " not in n and "." not in n and "'" not in n and len(n) > 2
        )
        if len(words) >= 2:
            groups.append(words)
    return tuple(groups)
