"""Words that carry no fact of their own, in named sets that every stage composes.

One list of English function words serves the matcher (which ignores them as shared content), the
entity detector (which never takes them for names when capitalised) and the figure extractor (which
stops a counted noun phrase at them).  Each stage adds only what is specific to its job, as a named
set here, so "is *across* a function word?" has one answer everywhere.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS = _words(
    """
    a about above across after again against all almost along already also although am amid among
    an and another any anyone anything are around as at be because been before behind being below
    besides between beyond both but by can cannot could despite did do does doing done down during
    each either else even ever every few fewer for from further get gets got had has have having he
    her here hers herself him himself his how however i if in inside into is it its itself just
    least less let like made make many may me might mine more most much must my myself near neither
    no nor not now of off often on once one onto only or other others our ours ourselves out
    outside over own per perhaps put rather same see seen shall she should since so some still such
    than that the their theirs them themselves then there these they this those though through
    throughout thus till to too toward towards under unless unlike until up upon us very via was we
    well were what whatever when where whether which while who whoever whom whose why will with
    within without would yet you your yours yourself yourselves
    """
)
"""Determiners, pronouns, prepositions, conjunctions, auxiliaries and the commonest adverbs."""

AUXILIARY_VERBS = _words(
    "am are is was were be been being has have had do does did will would shall should can could "
    "may might must"
)
"""Auxiliary and modal verbs: after a name they make it the subject of a clause ("Boston has
signed"), never a modifier of a noun ("the Boston offices")."""

REPORTING_WORDS = _words(
    "according added adding asked including included said say saying says tell tells told"
)
"""Reporting verbs: every outlet writes them, so they say nothing about which fact is reported."""

HONORIFICS = _words("mr mrs ms dr")
"""Honorifics as bare words (titles proper live with the entity name lists)."""

RELATIVE_TIME_WORDS = _words(
    "ago earlier later last next today tonight yesterday tomorrow recently currently soon time times"
)
"""Words that place an event in time relative to the writing, never a thing that is counted."""

COUNT_PHRASE_STOPS = _words("worth apiece each away apart")
"""Words that end the phrase naming what a number counts but are no thing themselves ("a
seven-year deal *worth* $150 million", "three doors *away*")."""

MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun"
)

NON_NAME_ABBREVIATIONS = _words(
    """
    am pm a.m. p.m. gmt utc bst cet cest est edt cst cdt mst mdt pst pdt akst hst ist jst kst hkt
    aest aedt sgt wib msk eet eest wet et
    usd eur gbp jpy cny rmb inr aud cad chf kg km mph kph cm mm ft lb lbs oz
    md phd mba ba bs bsc msc rn dds jd llm
    suv atv rpg q&a faq diy ceo cfo coo cto gdp dna hiv aids ptsd tv pc ok
    swat da d.a dui dwi atm gps pro
    """
)
"""All-capitals abbreviations that are never names: clock and time-zone marks, currency and unit
codes, degrees, common nouns (SUV, CEO, a SWAT team, the D.A.'s office).  The entity detector drops them."""

STOPWORDS: frozenset[str] = FUNCTION_WORDS | REPORTING_WORDS | HONORIFICS
"""What the matcher never counts as shared content."""
