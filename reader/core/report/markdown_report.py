"""The Markdown report, meant to be pasted into a memo.

Article text is escaped (it renders as written) and the report can never carry terminal control
bytes: titles and sources given on the command line pass the same one-line rule as everything
else that comes from outside.
"""

from __future__ import annotations

import re
from typing import TextIO

from reader.core.ingest import sanitize, sanitize_line
from reader.core.model import Analysis, Article, Match, article_label
from reader.core.report.json_report import pair_summary

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Escape text so Markdown renders it literally, with no control bytes."""
    return _MD_SPECIAL.sub(r"\\\1", sanitize_line(text, " "))


def _title(article: Article) -> str:
    return md_escape(article.title or article.source)


def _quote(text: str) -> str:
    return "> " + md_escape(text)


def _reason(match: Match) -> str:
    parts = []
    if match.names:
        parts.append("names: " + ", ".join(md_escape(x) for x in match.names))
    if match.numbers:
        parts.append("numbers: " + ", ".join(md_escape(x) for x in match.numbers))
    if match.words:
        parts.append("words: " + ", ".join(md_escape(x) for x in match.words))
    return "; ".join(parts) if parts else "overall wording"


def _pair_markdown(analysis: Analysis, left: int, right: int, out: list[str]) -> None:
    a, b = analysis.articles[left], analysis.articles[right]
    la, lb = article_label(left), article_label(right)
    summary = pair_summary(analysis, left, right)
    out.append(f"## {la} ↔ {lb}: {_title(a)} ↔ {_title(b)}")
    out.append("")
    out.append(
        f"{summary['matches']} matched pairs; {la} covered {summary['coverage'][0]:.0%}, "
        f"{lb} covered {summary['coverage'][1]:.0%}."
    )
    out.append("")
    pair_matches = sorted(
        (m for m in analysis.matches if m.left[0] == left and m.right[0] == right),
        key=lambda m: (m.left[1], m.right[1]),
    )
    if pair_matches:
        out.append("### Matched paragraphs")
        out.append("")
    for m in pair_matches:
        flag = " · near-verbatim" if m.near_verbatim else ""
        out.append(
            f"**{la}{m.left[1] + 1} ↔ {lb}{m.right[1] + 1}** · score {m.score:.2f}{flag} · {_reason(m)}"
        )
        out.append("")
        out.append(_quote(a.paragraphs[m.left[1]].text))
        out.append(">")
        out.append(f"> — {lb}{m.right[1] + 1}: " + md_escape(b.paragraphs[m.right[1]].text))
        out.append("")
    for label, article, only in ((la, a, summary["only_left"]), (lb, b, summary["only_right"])):
        out.append(f"### Only in {label} ({len(only)})")
        out.append("")
        if not only:
            out.append("Nothing: every paragraph has a counterpart.")
            out.append("")
        for index in only:
            out.append(f"- **{label}{index + 1}** " + md_escape(article.paragraphs[index].text))
        if only:
            out.append("")


def _entity_table(analysis: Analysis, out: list[str]) -> None:
    n = len(analysis.articles)
    labels = [article_label(i) for i in range(n)]
    out.append("## Entities")
    out.append("")
    if not analysis.entities:
        out.append("No names found.")
        out.append("")
        return
    out.append("| Name | Type | " + " | ".join(labels) + " | Variants |")
    out.append("|---|---|" + "---:|" * n + "---|")
    for e in analysis.entities:
        counts = [0] * n
        for m in e.mentions:
            counts[m.article] += 1
        cells = [str(c) if c else "–" for c in counts]
        variants = ", ".join(md_escape(v) for v in e.variants[1:]) or ""
        only = f" (only in {labels[e.articles[0]]})" if len(e.articles) == 1 and n > 1 else ""
        out.append(
            f"| {md_escape(e.name)}{only} | {e.type} | " + " | ".join(cells) + f" | {variants} |"
        )
    out.append("")


def _figure_table(analysis: Analysis, out: list[str]) -> None:
    n = len(analysis.articles)
    labels = [article_label(i) for i in range(n)]
    out.append("## Figures")
    out.append("")
    if not analysis.figure_groups:
        out.append("No figures found.")
        out.append("")
        return
    order = {"conflict": 0, "differs": 1, "agree": 2, "single": 3}
    groups = sorted(analysis.figure_groups, key=lambda g: (order.get(g.status, 3), g.id))
    out.append("| Status | Counted | " + " | ".join(labels) + " |")
    out.append("|---|---|" + "---|" * n)
    for g in groups:
        per_article: list[list[str]] = [[] for _ in range(n)]
        for i in g.figures:
            f = analysis.figures[i]
            per_article[f.article].append(f"{md_escape(f.text)} (¶{f.paragraph + 1})")
        cells = ["; ".join(x) if x else "–" for x in per_article]
        status = "**conflict**" if g.status == "conflict" else g.status
        out.append(f"| {status} | {md_escape(g.counted)} | " + " | ".join(cells) + " |")
    out.append("")


def to_markdown(analysis: Analysis) -> str:
    """A readable report: per pair, matched paragraphs and what only one article says; then the
    entity table and the figures table (conflicts first)."""
    out: list[str] = ["# Parallel reading report", ""]
    out.append("| | Title | Source | Paragraphs |")
    out.append("|---|---|---|---:|")
    for i, a in enumerate(analysis.articles):
        body = sum(1 for p in a.paragraphs if not p.boilerplate)
        out.append(f"| {article_label(i)} | {_title(a)} | {md_escape(a.source)} | {body} |")
    out.append("")
    n = len(analysis.articles)
    for i in range(n):
        for j in range(i + 1, n):
            _pair_markdown(analysis, i, j, out)
    _entity_table(analysis, out)
    _figure_table(analysis, out)
    text = "\n".join(out).rstrip() + "\n"
    return sanitize(text)


def write_markdown(analysis: Analysis, stream: TextIO) -> None:
    """Write the Markdown report to ``stream``."""
    stream.write(to_markdown(analysis))
