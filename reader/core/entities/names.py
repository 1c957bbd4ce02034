"""Closed word lists and small gazetteers for entity detection and typing.

Pure data, written from general knowledge, so detection works offline with nothing downloaded.
The lists are deliberately small: they only need to *type* names and to reject capitalised
function words; names that are not listed are still found by capitalisation and typed by
context cues.  All entries are lower case and accent-folded (compare with ``fold``-ed tokens).
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from reader.core.vocabulary.stopwords import (
    FUNCTION_WORDS,
    RELATIVE_TIME_WORDS,
    REPORTING_WORDS,
)
from reader.core.vocabulary.synonyms import NAME_ALIAS_GROUPS, NAME_SHORT_FORMS
from reader.core.vocabulary.titles import (  # noqa: F401  (re-exported for the detector)
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_SURNAMES,
    TITLE_TAILS,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w)


def _data_lines(name: str, *, ordered: bool = False) -> Any:
    """The entries of ``data/<name>.txt`` (read once, at import): a frozenset, or a tuple in file
    order when ``ordered``.  Large gazetteers live in data files so they can be reviewed and
    extended without touching code."""
    text = (files("reader.core.entities") / "data" / f"{name}.txt").read_text(encoding="utf-8")
    entries = [line.strip() for line in text.splitlines()]
    entries = [e for e in entries if e and not e.startswith("#")]
    return tuple(entries) if ordered else frozenset(entries)


# Capitalised words that are sentence openers, pronouns, determiners, adverbs or generic nouns,
# never names on their own.  A span starting with one of them loses it ("The Associated Press",
# "Since Trump took office").
STOP_CAPS = (
    FUNCTION_WORDS
    | REPORTING_WORDS
    | RELATIVE_TIME_WORDS
    | _words(
        """
    advertisement analysts aren article authorities breaking chapter click couldn critics day
    dear demonstrators didn diplomats doctors doesn don dont dozens eight eventually exclusive
    experts fifth finally first five forces four fourth furthermore game go hello hence hi
    hundreds image indeed instead investigators isn journalists lawyers leaders lets meanwhile
    medics millions moreover nevertheless nine nonetheless observers officials oh ok okay
    opponents otherwise overall page part people photo please police prosecutors protesters read
    reporters reporting rescuers residents round saw season second section seven several share
    shouldn six soldiers sorry sources speaking subscribe supporters take ten thank thanks
    therefore third thousands three took troops two update updated video voters wasn watch week
    weeks welcome went weren witnesses won wouldn writing yes web internet
    hundred hundreds thousand million billion trillion dozen dollars euros
    anti tri non semi multi
    """
    )
)


# Titles and honorifics (TITLE_HEADS, TITLE_MODIFIERS, TITLE_TAILS, TITLE_ABBREVIATIONS) live in
# reader.core.vocabulary.titles: the matcher needs them too (a title is never a shared name).
# Job titles that news capitalises before names and that the entity detector also cuts
# ("Special Counsel Robert Mueller", "Professor X", "Undersheriff Y", "Det. Z").  They extend the
# shared titles for detection only: the matcher's set is left as it is until measured there.
TITLE_HEADS = TITLE_HEADS | _words(
    "professor dean founder doctor undersheriff prosecutor agent counsel deputy chief det supt insp atty"
    " manager"
)
TITLE_MODIFIERS = TITLE_MODIFIERS | _words("special patrol immediate past")
TITLE_ABBREVIATIONS = TITLE_ABBREVIATIONS | _words("det supt insp atty asst dist")

# Organisation and place cue words (last or any token of a multi-word name).
ORG_CUES = _words(
    """
    ministry ministries party council agency agencies university college school academy
    institute institution inc corp corporation co company companies ltd llc plc group bank
    army navy forces force police court courts committee organization organisation union
    association department commission news times post journal herald tribune telegraph
    guardian gazette reuters press network broadcasting radio tv television channel
    foundation fund trust federation alliance coalition front movement brigade brigades
    battalion regiment command guard guards corps militia parliament senate congress
    assembly cabinet government administration office bureau service services authority
    board league club team fc church mosque synagogue hospital clinic center centre
    airlines airways motors industries holdings partners capital securities exchange
    commission tribunal chamber society institute laboratories labs systems technologies
    reuters bloomberg afp ap bbc cnn
    wire primary rail railway railways railroad telecom media studios records pictures
    entertainment energy house partnership program programme unit division enforcement
    protection security advisors advisers accounting financial consulting magazine newspaper
    daily weekly observatory network networks channel studio studios festival campaign
    """
)

# Nouns of honours: in lower case right after a name they show the name is an award's ("the
# Pro Ecclesia medal", "the Kessler prize"), not a person's or a place's.
AWARD_WORDS = _words(
    "award awards prize prizes medal medals fellowship fellowships trophy honor honour"
)

# Head words of names that are neither people nor places: awards, laws and agreements, events,
# storms, works.  A name containing one is typed as an organisation if it also has an
# organisation cue, else as "other".
OTHER_CUES = AWARD_WORDS | _words(
    """
    act acts agreement
    agreements treaty treaties accord accords convention protocol hurricane typhoon cyclone storm
    tropical war wars games olympics olympic cup championship championships tournament
    summit conference expo fair marathon oscars oscar emmy emmys grammy grammys
    """
)

PLACE_CUES = _words(
    """
    city province rue hotel plaza springs river mountain mountains mount mt street avenue ave road rd boulevard
    region county district island islands valley lake sea ocean gulf bay strait coast
    peninsula desert plain plains hill hills square bridge airport port harbor harbour park
    village town township borough territory territories canyon falls beach crossing border
    highway freeway interstate route corridor wall camp base oblast prefecture governorate canton kingdom republic
    emirate heights isle
    lane drive terrace crescent close row mews parade gardens grove walk way wharf quay
    embankment green common estate moor marsh fen heath forest wood woods weir dam reservoir
    canal creek cove pier station tunnel junction glen vale ridge cape marina promenade
    delta basin archipelago plateau
    riviera highlands lowlands
    """
)

# Compass and position words that open a place's name: "East Flatbush", "North Korea", "Upper
# Manhattan" name a different place (or a part) from the bare name after them.
DIRECTIONS = _words(
    "north south east west northern southern eastern western central upper lower "
    "northeast northwest southeast southwest northeastern northwestern southeastern southwestern"
)

# Academic degrees and majors: the capitalised words after "<degree> in" name a field of study
# ("a BS in Chemistry", "a master's degree in Public Health"), not a place.  Not "degrees" (of
# temperature, "five degrees in Phoenix") nor "major" (the rank, "a Marine major in Iraq").
DEGREE_WORDS = _words(
    """
    degree diploma doctorate bachelor's bachelors master's masters phd ph.d. ba b.a. bs b.s. bsc
    ma m.a. msc mba m.b.a. majored majoring
    """
)

# Head words of a school with campuses, named "<Head> of <Place> at <City>" or "<Head> of <Place>,
# <City>" ("University of Alabama at Birmingham", "University of California, Berkeley").
CAMPUS_HEADS = _words("university universities college")

# Head words of a street's name: its bare stem names the same street at a crossing ("at Church
# and Snyder" beside "Snyder Avenue").
STREET_HEADS = _words("street st avenue ave aves road rd boulevard blvd lane parkway")

# Place cue words that also name their region alone once the story has named it ("the French
# Riviera" ... "the Riviera", "the Scottish Highlands" ... "the Highlands").
REGION_HEADS = _words("riviera highlands lowlands")

# Head words of a care facility's name and the kinds of care written before them, which outlets
# vary for one clinic ("Betty Ford Center", "Betty Ford Clinic", "Betty Ford Treatment Center").
FACILITY_HEADS = _words("center centre clinic")
FACILITY_KINDS = _words("treatment rehab rehabilitation recovery")

# Lower-case nouns that introduce or follow the quoted title of a work ("his movie "Ted"", "the
# "Family Guy" animated show"): the quoted words are the work's name, not a person or a place.
WORK_NOUNS = _words(
    """
    movie movies film films show shows series sitcom documentary book books novel memoir album
    song single play musical opera episode exhibition exhibit painting poem program programme
    podcast column blog video game
    """
)

# Prefixes of ships' names ("INS Sukanya", "HMS Belfast", "USS Cole"): a vessel is neither a
# person nor a place nor a body.
VESSEL_PREFIXES = _words("uss hms ins hmas hmcs hmnzs mv rv")
# Lower-case (or headline-capitalised) nouns that introduce a ship's name ("warship X", "the
# frigate X"): the name is a vessel's.
VESSEL_NOUNS = _words(
    "ship warship vessel frigate destroyer corvette cruiser submarine tanker freighter trawler "
    "yacht liner ferry carrier"
)
# Words that name a road, a line or a flight together with the number after them ("Interstate
# 75", "Highway 401", "Route 66"): the number is part of the name.
NUMBERED_NAME_HEADS = _words("interstate highway route hwy freeway flight")

# Common nouns that introduce an organisation's name at the start of a sentence ("Operator
# Northline Rail said...", "Carrier Flybe..."): not part of the name, a sign of an organisation.
ORG_DESCRIPTORS = _words(
    """
    operator company firm carrier airline insurer retailer developer manufacturer maker
    regulator broadcaster owner supplier contractor lender landlord publisher distributor
    charity watchdog provider chain giant startup start-up club studio label network
    """
)

# Nouns that, in lower case right after a name, show the name is a place ("the Orchard estate",
# "the Mill Lane ward", "Ashford Mills families", "the Indianapolis area").
PLACE_FOLLOWERS = _words(
    """
    estate ward area district neighbourhood neighborhood suburb suburbs county region town
    village city province border coast valley countryside resident residents families locals
    streets shoreline outskirts metro seafront waterfront beachfront riverfront boardwalk
    promenade
    """
)

# Nouns that, in lower case right after a name, show the name is a person's ("the Obama
# presidency", "the Reagan years").  "administration", "government" and "campaign" are not here:
# "the Bush administration" is a body of its own (the detector makes it one name).
PERSON_FOLLOWERS = _words("presidency era years regime family's")

# Lower-case nouns that introduce a company or an outlet right before its name ("Swiss firm
# Chopard", "the insurer Aviva", "broadcaster France Info"); unlike "jeweler" or "owner" they are
# never a person's job.
ORG_INTRODUCERS = _words(
    """
    firm company companies corporation carrier airline insurer retailer manufacturer automaker
    carmaker regulator broadcaster lender charity watchdog chain conglomerate startup newspaper
    tabloid magazine daily broadcaster network outlet agency bank brand label casino
    """
)

# Head words of a capitalised name that can only be a body of people: a committee, a campaign,
# a party (not a building such as "House" or "Center", nor a modifier such as "Security").  An
# appositive that is such a name ("Creep, the Campaign to Re-elect the President"; "NRA, the
# National Rifle Association") says what kind of thing the name before it is.
BODY_HEADS = _words(
    """
    committee committees campaign council agency association commission foundation federation
    alliance coalition party union ministry department league society movement organization
    organisation bureau board authority corporation company group trust institute fund
    """
)

# Nouns that, in lower case right after a name (or after one more lower-case word), show the
# name is an organisation's: a brand, a gang, a broadcaster's affiliate ("the Pink Panther
# gang", "a red Adidas hoodie", "CNN affiliate WDIV"), or a shop's ("a Harry Winston boutique",
# "the Casty store": the business; ECB+ types such a store a location where a robbery happened,
# but the sidebar lists the jeweller, and a reader names the firm, not the premises).
ORG_FOLLOWERS = _words(
    """
    franchise brand label gang gangs cartel affiliate affiliates subsidiary
    hoodie sneakers jacket
    store stores boutique boutiques shop shops jeweller jewellers jeweler jewelers
    """
)

# Corporate suffixes dropped before comparing names ("Microsoft Corp." == "Microsoft").
CORP_SUFFIXES = _words("inc corp co ltd llc plc ag sa nv gmbh limited corporation incorporated")

# Lower-case particles allowed inside a name ("Staffan de Mistura", "Mohammed bin Salman",
# "Ursula von der Leyen") and, except "of", at its start ("de Mistura", "van der Leyen").
NAME_PARTICLES = (
    "de",
    "da",
    "das",
    "dos",
    "do",
    "di",
    "del",
    "della",
    "du",
    "van",
    "von",
    "der",
    "den",
    "ter",
    "bin",
    "ibn",
    "bint",
    "al",
    "el",
    "la",
    "le",
    "y",
    "et",
)
LEADING_PARTICLES = (
    "van der",
    "von der",
    "van den",
    "de la",
    "de",
    "van",
    "von",
    "bin",
    "ibn",
    "da",
    "di",
    "del",
    "della",
    "dos",
    "du",
)
# Lower-case Arabic-style prefixes joined by a hyphen to a capitalised part ("al-Assad").
HYPHEN_PREFIXES = (
    "al",
    "el",
    "ad",
    "as",
    "ash",
    "at",
    "an",
    "ar",
    "az",
    "abu",
    "bin",
    "ibn",
    "ul",
    "ur",
)

OTHER_ABBREVIATIONS = _words("jr sr inc corp co ltd no vs etc bros")

COUNTRIES = _data_lines("countries")

REGIONS = _data_lines("regions")

CITIES = _data_lines("cities")

# Demonyms and nationality adjectives: a sign the next name is a place-related entity, and
# never an entity on their own here (they are adjectives, not the place).
DEMONYMS = _data_lines("demonyms")

# Groups of names that denote the same entity (first entry = preferred display form, folded).
ALIAS_GROUPS = NAME_ALIAS_GROUPS
SHORT_FORMS = NAME_SHORT_FORMS
"""Alternative names of one referent, from the shared vocabulary."""

# Abbreviations of US states used in datelines and after city names ("Palm Springs, Calif.",
# "Tulsa, Okla."); those that are also common words or honorifics (Miss., Mass., Wash., Ill.,
# Ore., Mo., Del., Ind., La.) are only trusted after "City, ".
US_STATE_ABBREVIATIONS = _data_lines("us_state_abbreviations")

# The state each abbreviation stands for: the name a place shown only by its abbreviation is
# listed under in the sidebar ("Fla." of "Palm Beach, Fla." is Florida, not "Fla").
US_STATE_SPELLED: dict[str, str] = {
    abbreviation.replace("_", " "): state.replace("_", " ")  # "_" stands for a space
    for abbreviation, state in (
        pair.split("=")
        for pair in """
    ala=Alabama ariz=Arizona ark=Arkansas cal=California calif=California colo=Colorado
    conn=Connecticut fla=Florida ga=Georgia kan=Kansas kans=Kansas ky=Kentucky mich=Michigan
    minn=Minnesota n.c=North_Carolina n.d=North_Dakota n.h=New_Hampshire n.j=New_Jersey
    n.m=New_Mexico n.y=New_York neb=Nebraska nev=Nevada okla=Oklahoma pa=Pennsylvania
    penn=Pennsylvania r.i=Rhode_Island s.c=South_Carolina s.d=South_Dakota tenn=Tennessee
    tex=Texas va=Virginia vt=Vermont w._va=West_Virginia w.va=West_Virginia wis=Wisconsin
    wyo=Wyoming del=Delaware ill=Illinois ind=Indiana la=Louisiana mass=Massachusetts
    miss=Mississippi mo=Missouri ore=Oregon wash=Washington
    """.split()
    )
}

# Two-letter postal codes of US states ("Fountain Valley, CA"); trusted only in capitals right
# after "Place, " (several are also words or other abbreviations: IN, OR, ME, HI, OK, PA).
US_STATE_CODES = _words(
    """
    al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm
    ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc
    """
)

PLACES = COUNTRIES | REGIONS | CITIES | US_STATE_ABBREVIATIONS
# After "City, " the ambiguous abbreviations are states too ("Jackson, Miss.", "Salem, Ore.").
STATE_ABBREVIATIONS_AFTER_COMMA = US_STATE_ABBREVIATIONS | _words(
    "miss mass wash ill ore mo del ind la"
)

# International bodies, agencies and news organisations that news names without any cue word
# ("the UN", "UNHCR", "Reuters"): without this list their name alone looks like a place or person.
KNOWN_ORGANIZATIONS = _data_lines("known_organizations")

# Common given names (persons) across the languages met in international news.
GIVEN_NAMES = _data_lines("given_names")

# Given names with their usual short forms and pet names: each line is a formal name followed by
# forms that may stand for it ("Mo Cheeks" / "Maurice Cheeks", "Fred LaRue" / "Frederick LaRue",
# "Katie Jenkin" / "Kathryn Jenkin").  Only formal <-> short pairs are equivalent, never two short
# forms of one line ("Tina" and "Chris" both shorten Christina but are different people).
NICKNAME_GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(line.split()) for line in _data_lines("nicknames", ordered=True)
)

# Sports a place's name can stand before for its team ("for North Carolina basketball").
SPORTS = _words("basketball football baseball hockey soccer rugby")
