"""The analysis pipeline: articles in, everything the reader and the reports show out.

One pipeline so the CLI's ``compare`` and the reader's background worker run exactly the same
analysis, in the same order, with the same progress stages.  It runs in stages
(:func:`analyze_stages`) because the reader's panes, match keys and facts overview need only the
matches and facts, about a third of the work on a story of many outlets: the reader shows them at
once and fills in names and figures as they come.  :func:`analyze` runs every stage for callers
that want the whole result (``compare``, the reports).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.core.matching.facts import build_facts
from reader.core.matching.joint import align_story
from reader.core.matching.moved import mark_moved
from reader.core.model import Analysis, AnalysisPart, Article, Entity, Figure

if TYPE_CHECKING:
    from reader.core.beside import Beside

ProgressCallback = Callable[[str, float], None]
"""Called with a short stage label and the overall fraction done (0..1)."""

LATER_PARTS: tuple[AnalysisPart, ...] = ("entities", "figures")
"""What :func:`analyze_stages` adds after the matches and facts, in this order."""


def _ignore_progress(stage: str, fraction: float) -> None:
    """Default progress sink for callers that do not show progress."""


SECOND_PROCESS_PARAGRAPHS = 1_000
""":func:`analyze` finds the names and figures in a second process while it matches paragraphs
when the articles other than the longest hold at least this many paragraphs: then the matching
has real work to overlap with (two articles of 1,000 paragraphs take about a second to match).
Below it the whole analysis is short and starting a process would eat most of the saving; a
single long article (a table of 240,000 rows) has almost nothing to match, and its names and
figures would only cross between the two processes for nothing."""


def analyze_stages(
    articles: list[Article],
    *,
    progress: ProgressCallback | None = None,
    entity_backend: str = "rules",
) -> Iterator[Analysis]:
    """The analysis in three stages, each yielded as soon as it is done.

    1. matches and facts (``pending`` names entities and figures);
    2. the entities added (``pending``: figures);
    3. the figures and their groups added: the complete analysis, equal to :func:`analyze`'s.

    Every stage shares the earlier stages' lists (the same ``matches`` and ``facts`` objects, and
    so their lookup caches), so a later stage never changes what an earlier one showed.  The
    entity and figure rules are imported only when their stage starts: their imports alone
    delayed the matches by ~0.3 s.

    Args:
        articles: two or more ingested articles.
        progress: optional callback for long inputs (the reader shows it while it works).
        entity_backend: ``"rules"`` (built-in, offline) or ``"spacy"`` (needs spaCy and a model).
    """
    yield from _stages(
        articles, progress or _ignore_progress, _NamesAndFigures(articles, entity_backend)
    )


def analyze(
    articles: list[Article],
    *,
    progress: ProgressCallback | None = None,
    entity_backend: str = "rules",
) -> Analysis:
    """Match paragraphs, find and link entities, find and compare figures.

    The result is the last stage of :func:`analyze_stages`.  On long inputs
    (:data:`SECOND_PROCESS_PARAGRAPHS`) the names and figures are found in a second process
    beside the matching (:mod:`reader.core.beside`): they do not read the matches, so on two cores
    the wait is the longer of the two instead of their sum (BENCHMARKS.md, stop 22).  Only the
    time depends on it: when the second process cannot start or delivers nothing, the work is
    done here.

    Args:
        articles: two or more ingested articles.
        progress: optional callback for long inputs (the reader shows it while it works).
        entity_backend: ``"rules"`` (built-in, offline) or ``"spacy"`` (needs spaCy and a model).

    Returns:
        The complete analysis.
    """
    side = None
    if _worth_a_second_process(articles):
        # Imported here: multiprocessing alone takes ~30 ms, which short inputs never need.
        from reader.core import beside

        side = beside.start(_names_and_figures, articles, entity_backend)
    found = _NamesAndFigures(articles, entity_backend, side)
    try:
        *_, complete = _stages(articles, progress or _ignore_progress, found)
    finally:
        found.close()
    return complete


def _worth_a_second_process(articles: list[Article]) -> bool:
    sizes = sorted(len(a.paragraphs) for a in articles)
    return sum(sizes[:-1]) >= SECOND_PROCESS_PARAGRAPHS


def _names_and_figures(
    articles: list[Article], entity_backend: str
) -> tuple[list[Entity], list[Figure]]:
    """The parts of the analysis that do not read the matches (the second process's work)."""
    here = _NamesAndFigures(articles, entity_backend)
    return here.entities(), here.figures()


class _NamesAndFigures:
    """Where the stages take the entities and the figures from: found here when the stage asks,
    or the second process's answer when there is one (found here after all when it delivers
    nothing)."""

    def __init__(
        self,
        articles: list[Article],
        entity_backend: str,
        side: Beside[tuple[list[Entity], list[Figure]]] | None = None,
    ) -> None:
        self.articles = articles
        self.entity_backend = entity_backend
        self.side = side
        self.answer: tuple[list[Entity], list[Figure]] | None = None

    def _answered(self) -> tuple[list[Entity], list[Figure]] | None:
        """The second process's answer, asked for once (``None``: none, or it failed)."""
        if self.side is not None:
            from reader.core.beside import BesideFailed

            side, self.side = self.side, None
            try:
                self.answer = side.result()
            except BesideFailed:
                pass
            finally:
                side.close()
        return self.answer

    def entities(self) -> list[Entity]:
        answer = self._answered()
        if answer is not None:
            return answer[0]
        from reader.core.entities import find_entities

        return find_entities(self.articles, backend=self.entity_backend)

    def figures(self) -> list[Figure]:
        answer = self._answered()
        if answer is not None:
            return answer[1]
        from reader.core.figures import find_figures

        return find_figures(self.articles)

    def close(self) -> None:
        """Stop the second process if it still runs (after an error in this one) and release
        it (idempotent)."""
        if self.side is not None:
            self.side.close()


def _stages(
    articles: list[Article], report: ProgressCallback, found: _NamesAndFigures
) -> Iterator[Analysis]:
    """The stages of :func:`analyze_stages`, the names and figures taken from ``found``."""
    report("Matching paragraphs", 0.0)
    matches, fact_links = align_story(articles)
    mark_moved(matches)
    facts = build_facts(articles, fact_links)
    stage = Analysis(articles=articles, matches=matches, facts=facts, pending=LATER_PARTS)
    yield stage
    report("Finding names", 0.55)
    stage = dataclasses.replace(stage, entities=found.entities(), pending=LATER_PARTS[1:])
    yield stage
    report("Finding figures", 0.8)
    from reader.core.figures import group_figures

    figures = found.figures()
    # Figures in matched paragraphs are compared with each other: the grouping uses the matches.
    groups = group_figures(figures, articles, matches)
    report("Done", 1.0)
    yield dataclasses.replace(stage, figures=figures, figure_groups=groups, pending=())
