"""Verb forms that tell a clause's verb from a noun without a parser.

News English puts a finite verb right after the subject ("Indianapolis won", "the Saints
rallied"); a regular past tense ends in "-ed", the common irregular ones are listed here.  The
entity detector reads a name followed by one as the subject of a clause, not as a modifier of a
noun ("the San Diego freeway").
"""

from __future__ import annotations

IRREGULAR_PAST = frozenset(
    """
    beat became began bit blew broke brought built bought came caught chose dealt did drew drove
    ate fell fed felt fought found fled flew forgot froze got gave went grew had heard held hid hit
    hung kept knew laid led left lent let lost made meant met paid put quit ran rang rode rose said
    sold sent set shook shot showed shut sang sank sat slept slid spent spoke spun split spread
    stood stole stuck struck swept swam swung took taught tore told thought threw understood woke
    wore won wrote
    """.split()
)
"""Irregular past tenses of common verbs (all lower case)."""


def is_past_tense(word: str) -> bool:
    """``word`` (lower case) reads as a past-tense verb: "-ed" after three letters, or listed."""
    return word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed"))
