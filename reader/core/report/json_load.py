"""Reading a saved ``compare`` JSON report back into an :class:`~reader.core.model.Analysis`.

``parallel-reader open analysis.json`` shows a colleague's saved analysis exactly as it was,
corrections included, without ingesting or analysing anything again.  The file may have been
edited or damaged on the way, so it is checked as strictly as any other input: every index must
point at something that exists, every offset must lie inside its paragraph, and text carrying
terminal control characters is refused (article text is data, never terminal control).  Any
problem is one :class:`ReportError` line.
"""

from __future__ import annotations

import json
from typing import Any

from reader.core.ingest import sanitize_line
from reader.core.model import (
    Analysis,
    Article,
    Entity,
    Fact,
    FactList,
    Figure,
    FigureGroup,
    Match,
    Mention,
    Paragraph,
)
from reader.core.report.json_report import SCHEMA_VERSION

SCHEMA = "parallel-reader/compare"


class ReportError(ValueError):
    """The file is not a usable ``compare`` JSON report (message: one line)."""


def loads_report(text: str) -> Analysis:
    """Parse a JSON report's text (raises :class:`ReportError`)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportError(f"not valid JSON (line {error.lineno}: {error.msg})") from None
    return from_report_data(data)


def from_report_data(data: Any) -> Analysis:
    """The analysis a report describes (raises :class:`ReportError`)."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ReportError(f'not a parallel-reader compare report (no "schema": "{SCHEMA}")')
    if data.get("schema_version") != SCHEMA_VERSION:
        raise ReportError(
            f"report schema version {data.get('schema_version')!r} is not supported "
            f"(this program reads {SCHEMA_VERSION})"
        )
    try:
        return _Reader(data).analysis()
    except ReportError:
        raise
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as error:
        detail = f"missing field {error}" if isinstance(error, KeyError) else str(error)
        raise ReportError(f"damaged report: {detail}") from None


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ReportError(f"{where}: expected text")
    if sanitize_line(value, "\ufffd") != value:
        raise ReportError(f"{where}: contains control characters")
    return value


def _int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ReportError(f"{where}: expected a whole number")
    return value


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


class _Reader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.articles: list[Article] = []

    def analysis(self) -> Analysis:
        self.articles = [self._article(i, a) for i, a in enumerate(self.data["articles"])]
        if len(self.articles) < 2:
            raise ReportError("the report has fewer than two articles")
        figures = [self._figure(i, f) for i, f in enumerate(self.data.get("figures", []))]
        groups = [
            self._group(i, g, len(figures))
            for i, g in enumerate(self.data.get("figure_groups", []))
        ]
        for f in figures:
            if f.group is not None and not 0 <= f.group < len(groups):
                raise ReportError(f"figure {f.text!r} points at a missing group")
        return Analysis(
            articles=self.articles,
            matches=[self._match(m, "matches") for m in self.data["matches"]],
            entities=[self._entity(i, e) for i, e in enumerate(self.data.get("entities", []))],
            figures=figures,
            figure_groups=groups,
            rejected=[
                self._match(m, "rejected_matches") for m in self.data.get("rejected_matches", [])
            ],
            facts=FactList([self._fact(i, f) for i, f in enumerate(self.data.get("facts", []))]),
            stale_corrections=[
                sanitize_line(str(s), " ") for s in self.data.get("stale_corrections", [])
            ],
        )

    def _article(self, index: int, item: dict[str, Any]) -> Article:
        where = f"articles[{index}]"
        paragraphs = []
        for i, p in enumerate(item["paragraphs"]):
            text = _text(p["text"], f"{where}.paragraphs[{i}].text")
            start = _int(p["start"], f"{where}.paragraphs[{i}].start")
            sentences = tuple((int(a), int(b)) for a, b in p.get("sentences", []))
            if (
                _int(p["index"], "index") != i
                or start < 0
                or any(not 0 <= a <= b <= len(text) for a, b in sentences)
            ):
                raise ReportError(f"{where}.paragraphs[{i}]: index or offsets out of place")
            boilerplate = bool(p.get("boilerplate", False))
            role = p.get("role", "furniture" if boilerplate else "body")
            if role not in ("headline", "body", "furniture"):
                raise ReportError(f"{where}.paragraphs[{i}]: unknown role {role!r}")
            paragraphs.append(
                Paragraph(i, text, start, start + len(text), sentences, boilerplate, role=role)
            )
        return Article(
            sanitize_line(str(item["source"]), "?"),
            sanitize_line(str(item.get("title", "")), " "),
            _article_text(paragraphs, where),
            paragraphs,
            warnings=[sanitize_line(str(w), " ") for w in item.get("warnings", [])],
        )

    def _ref(self, value: Any, where: str) -> tuple[int, int]:
        article, paragraph = (_int(x, where) for x in value)
        if not (
            0 <= article < len(self.articles)
            and 0 <= paragraph < len(self.articles[article].paragraphs)
        ):
            raise ReportError(f"{where}: paragraph {article}:{paragraph} does not exist")
        return article, paragraph

    def _span(self, article: int, paragraph: int, start: int, end: int, where: str) -> None:
        text = self.articles[article].paragraphs[paragraph].text
        if not 0 <= start <= end <= len(text):
            raise ReportError(f"{where}: offsets {start}..{end} outside the paragraph")

    def _match(self, item: dict[str, Any], where: str) -> Match:
        left, right = self._ref(item["left"], where), self._ref(item["right"], where)
        reason = item.get("reason", {})
        return Match(
            left,
            right,
            float(item["score"]),
            words=tuple(str(w) for w in reason.get("words", [])),
            names=tuple(str(w) for w in reason.get("names", [])),
            numbers=tuple(str(w) for w in reason.get("numbers", [])),
            near_verbatim=bool(item.get("near_verbatim", False)),
            manual=bool(item.get("manual", False)),
            moved=bool(item.get("moved", False)),
            evidence="supported" if item.get("evidence") == "supported" else "clear",
            cue=cue
            if (cue := item.get("cue")) in ("best", "lede", "diagonal", "outlets")
            else None,
            sentences=self._sentence_pair(item.get("sentences"), left, right, where),
            meaning=self._meaning(item.get("meaning")),
        )

    @staticmethod
    def _meaning(value: Any) -> float | None:
        """The match's meaning cosine; absent, null or not a number (a report written before
        the field, or edited by hand) reads as unknown."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        return float(value) if -1.0 <= value <= 1.0 else None

    def _sentence_pair(
        self, value: Any, left: tuple[int, int], right: tuple[int, int], where: str
    ) -> tuple[tuple[int, int], tuple[int, int]] | None:
        if value is None:
            return None
        (a, b), (c, d) = ((_int(x, where) for x in pair) for pair in value)
        self._span(*left, a, b, where)
        self._span(*right, c, d, where)
        return (a, b), (c, d)

    def _fact(self, index: int, item: dict[str, Any]) -> Fact:
        where = f"facts[{index}]"
        members = [self._ref(m, where) for m in item["members"]]
        articles = [_int(a, where) for a in item.get("articles", [])]
        if any(not 0 <= a < len(self.articles) for a in articles):
            raise ReportError(f"{where}: article does not exist")
        return Fact(
            index,
            _text(item.get("label", ""), where),
            members,
            articles,
            float(item.get("coverage", 0.0)),
            float(item.get("strength", 0.0)),
        )

    def _entity(self, index: int, item: dict[str, Any]) -> Entity:
        where = f"entities[{index}]"
        mentions = []
        for m in item["mentions"]:
            article, paragraph = self._ref([m["article"], m["paragraph"]], where)
            start, end = _int(m["start"], where), _int(m["end"], where)
            self._span(article, paragraph, start, end, where)
            mentions.append(Mention(article, paragraph, start, end, _text(m["text"], where)))
        kind = item.get("type")
        return Entity(
            index,
            _text(item["name"], where),
            kind if kind in ("person", "organization", "place", "other") else "other",
            [_text(v, where) for v in item.get("variants", [])],
            mentions,
            manual=bool(item.get("manual", False)),
        )

    def _figure(self, index: int, item: dict[str, Any]) -> Figure:
        where = f"figures[{index}]"
        article, paragraph = self._ref([item["article"], item["paragraph"]], where)
        start, end = _int(item["start"], where), _int(item["end"], where)
        self._span(article, paragraph, start, end, where)
        low, high = item.get("range", [None, None])
        group = item.get("group")
        return Figure(
            article,
            paragraph,
            start,
            end,
            _text(item["text"], where),
            _float(item.get("value")),
            _float(low),
            _float(high),
            item.get("qualifier"),
            item.get("counted"),
            kind=item.get("kind", "other"),
            unit=item.get("unit"),
            group=_int(group["id"], where) if group else None,
        )

    def _group(self, index: int, item: dict[str, Any], n_figures: int) -> FigureGroup:
        where = f"figure_groups[{index}]"
        members = [_int(i, where) for i in item["figures"]]
        if any(not 0 <= i < n_figures for i in members) or _int(item["id"], where) != index:
            raise ReportError(f"{where}: points at a missing figure")
        status = item.get("status")
        if status not in ("agree", "differs", "conflict", "single"):
            raise ReportError(f"{where}: unknown status {status!r}")
        manual = item.get("manual")
        return FigureGroup(
            index,
            _text(item["counted"], where),
            item.get("kind", "other"),
            status,
            members,
            manual=manual if isinstance(manual, str) else None,
        )


def _article_text(paragraphs: list[Paragraph], where: str) -> str:
    """The article text the paragraph offsets refer to (paragraphs at their offsets, the gaps
    blank lines, as ingest lays them out)."""
    pieces: list[str] = []
    at = 0
    for p in paragraphs:
        if p.start < at:
            raise ReportError(f"{where}: paragraphs overlap")
        gap = p.start - at
        pieces.append(Article.PARAGRAPH_SEPARATOR[:gap] if gap <= 2 else "\n" * gap)
        pieces.append(p.text)
        at = p.end
    return "".join(pieces)
