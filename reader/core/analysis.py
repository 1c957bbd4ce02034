"""The analysis pipeline: articles in, everything the reader and the reports show out.

One function so the CLI's ``compare`` and the reader's background worker run exactly the same
analysis, in the same order, with the same progress stages.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.entities import find_entities
from reader.core.figures import find_figures, group_figures
from reader.core.matching.facts import build_facts
from reader.core.matching.joint import align_story
from reader.core.matching.moved import mark_moved
from reader.core.model import Analysis, Article

ProgressCallback = Callable[[str, float], None]
"""Called with a short stage label and the overall fraction done (0..1)."""


def _ignore_progress(stage: str, fraction: float) -> None:
    """Default progress sink for callers that do not show progress."""


def analyze(
    articles: list[Article],
    *,
    progress: ProgressCallback | None = None,
    entity_backend: str = "rules",
) -> Analysis:
    """Match paragraphs, find and link entities, find and compare figures.

    Args:
        articles: two or more ingested articles.
        progress: optional callback for long inputs (the reader shows it while it works).
        entity_backend: ``"rules"`` (built-in, offline) or ``"spacy"`` (needs spaCy and a model).

    Returns:
        The complete analysis. Figures are grouped using the paragraph matches, so that figures in
        matched paragraphs are compared with each other.
    """
    report = progress or _ignore_progress
    report("Matching paragraphs", 0.0)
    matches, fact_links = align_story(articles)
    mark_moved(matches)
    facts = build_facts(articles, fact_links)
    report("Finding names", 0.55)
    entities = find_entities(articles, backend=entity_backend)
    report("Finding figures", 0.8)
    figures = find_figures(articles)
    groups = group_figures(figures, articles, matches)
    report("Done", 1.0)
    return Analysis(
        articles=articles,
        matches=matches,
        entities=entities,
        figures=figures,
        figure_groups=groups,
        facts=facts,
    )
