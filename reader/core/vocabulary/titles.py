"""Titles and honorifics: words that say *who someone is*, never *what happened*.

The entity detector strips them from names ("Prime Minister Netanyahu" -> "Netanyahu") and uses
them as a sign that a name is a person; the matcher never counts or shows them as shared names
(two paragraphs that both write "President Obama" share a name, not a fact).  All entries are
lower case and accent-folded.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in text.split() if w)


# A title is a run of modifiers ending in a head word ("Foreign Minister", "Prime Minister",
# "Vice President", "Gen.").  Modifiers alone never strip ("Foreign Ministry" stays whole).
TITLE_HEADS = _words(
    """
    mr mrs ms miss mx dr prof president minister secretary chancellor premier king queen pope
    prince princess sheikh sheik emir sultan ayatollah imam rabbi cardinal archbishop bishop
    reverend rev sen senator rep representative congressman congresswoman gov governor mayor
    judge justice gen lt col maj capt sgt adm cmdr lieut colonel captain sergeant admiral
    commander marshal brigadier corporal private coach sir dame lord lady baroness baron
    duke duchess countess ambassador envoy spokesman spokeswoman spokesperson chairman
    chairwoman chair ceo officer detective inspector superintendent constable sheriff
    speaker leader dictator director commissioner attorney councillor councilman
    councilwoman pastor surgeon
    """
)
TITLE_MODIFIERS = _words(
    """
    prime foreign defense defence interior finance foreign economy economic health education
    justice trade energy home vice deputy acting former late crown supreme chief grand
    interim first lieutenant major general assistant under associate senior junior
    executive managing opposition majority minority senate district
    high head party military army police fire press
    """
)
# Words that may follow a title head and still belong to the title ("Secretary of State",
# "Secretary-General", "Attorney General", "Minister for Foreign Affairs").
TITLE_TAILS = _words("general of for the state foreign affairs defense defence")

TITLE_ABBREVIATIONS = _words(
    "mr mrs ms dr prof gen sen rep gov lt col maj capt sgt adm cmdr rev st mt ft messrs"
)
"""Abbreviated titles; their final period does not end a sentence before a name."""

TITLE_SURNAMES = _words("king bishop dean judge pope prince knight earl baron")
"""Title words that are also common English surnames ("Carole King", "Elvis Bishop", "Howard
Dean"): after a person's given name, with nothing after them, they end the name."""


# Words that tell a person's gender right before or as a title of a full name ("his sister Kim
# Yo-jong", "Mrs"): entity linking gives "Ms. Kim" to the woman of two Kims.
FEMALE_WORDS = _words(
    """
    mrs ms miss sister daughter mother wife girlfriend widow niece aunt grandmother
    granddaughter stepmother stepdaughter mom mum actress woman girl lady
    """
)
MALE_WORDS = _words(
    """
    mr mister brother son father husband boyfriend widower nephew uncle grandfather grandson
    stepfather stepson dad man boy
    """
)

# "The elder Mr. LaRue", "the younger Bush": a generation word before a surname the story gives
# to a father and a son names the one written with that generational suffix.
GENERATION_WORDS: dict[str, str] = {"elder": "sr", "younger": "jr"}
