"""Entities (people, organisations, places) found in the articles and linked across them.

This is the public entry point; the work is split into detection (:mod:`entity_detect`, or
:mod:`entities_spacy` for the optional spaCy backend), linking and typing (:mod:`entity_link`)
and word lists (:mod:`entity_names`).  Both backends share the same linking, so they differ
only in which spans they propose.
"""

from __future__ import annotations

from typing import Any

from reader.core.entities.detect import detect
from reader.core.entities.link import LinkConfig, link
from reader.core.gc_pause import GcPause
from reader.core.model import Article, Entity

BACKENDS = ("rules", "spacy")


def find_entities(
    articles: list[Article],
    *,
    backend: str = "rules",
    nlp: Any = None,
    config: LinkConfig | None = None,
) -> list[Entity]:
    """Detect names in every paragraph and link them across all ``articles``.

    Returns entities sorted by the number of articles that mention them, then by mention count,
    then by name; ``Entity.id`` is the position in that list.  Mention offsets index
    ``Paragraph.text``.

    Args:
        backend: ``"rules"`` (built-in, offline) or ``"spacy"`` (needs spaCy and a model, or
            ``nlp``, an already loaded spaCy ``Language``).
        nlp: spaCy pipeline to use with the spaCy backend (mainly for tests).
        config: linking thresholds; the default is the setting measured best on ECB+.
    """
    if backend not in BACKENDS:
        raise ValueError(
            f"unknown entity backend {backend!r} (choose one of: {', '.join(BACKENDS)})"
        )
    # Detection and linking allocate tens of thousands of small objects and create no reference
    # cycles; the cyclic collector would rescan everything alive (the articles...) several times
    # meanwhile, about a fifth of the run time on megabytes of text.  It is paused, then restored.
    with GcPause():
        if backend == "rules":
            detection = detect(articles)
        else:
            from reader.core.entities.spacy_backend import detect_spacy

            detection = detect_spacy(articles, nlp=nlp)
        return link(detection, config, articles)
