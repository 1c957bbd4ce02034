"""The Markdown report: a briefing to paste into a memo.

It reads top-down the way an analyst briefs: first the facts by how many outlets report them (all,
most, some), each with its label, the outlets and the paragraph references; then what only one
outlet reports; then figure conflicts and the names; the pairwise detail (every matched pair quoted)
only on request (``compare --detail pairs``), since it grows with the pairs of articles.  Paragraph
references are written ``B4`` (article B, paragraph 4, 1-based).

Article text is escaped (it renders as written) and the report can never carry terminal control
bytes: titles and sources given on the command line pass the same one-line rule as everything
else that comes from outside.
"""

from __future__ import annotations

import re
from typing import TextIO

from reader.core.ingest import sanitize, sanitize_line
from reader.core.matching.facts import MemberTier, matches_between, member_tiers
from reader.core.model import Analysis, Article, Fact, Match, ParagraphRef, article_label
from reader.core.report.json_report import OneSided, ensure_facts, pair_summary

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


def _matches_by_pair(analysis: Analysis) -> dict[tuple[int, int], list[Match]]:
    by_pair: dict[tuple[int, int], list[Match]] = {}
    for m in analysis.matches:
        by_pair.setdefault((m.left[0], m.right[0]), []).append(m)
    return by_pair


def _pair_markdown(
    analysis: Analysis,
    left: int,
    right: int,
    out: list[str],
    sides: OneSided | None = None,
    by_pair: dict[tuple[int, int], list[Match]] | None = None,
) -> None:
    a, b = analysis.articles[left], analysis.articles[right]
    la, lb = article_label(left), article_label(right)
    summary = pair_summary(analysis, left, right, sides)
    out.append(f"## {la} ↔ {lb}: {_title(a)} ↔ {_title(b)}")
    out.append("")
    out.append(
        f"{summary['matches']} matched pairs; {la} covered {summary['coverage'][0]:.0%}, "
        f"{lb} covered {summary['coverage'][1]:.0%}."
    )
    out.append("")
    if by_pair is None:
        by_pair = _matches_by_pair(analysis)
    pair_matches = sorted(by_pair.get((left, right), ()), key=lambda m: (m.left[1], m.right[1]))
    if pair_matches:
        out.append("### Matched paragraphs")
        out.append("")
    for m in pair_matches:
        if m.manual:
            out.append(f"**{la}{m.left[1] + 1} ↔ {lb}{m.right[1] + 1}** · linked by hand")
        else:
            flag = " · near-verbatim" if m.near_verbatim else ""
            out.append(
                f"**{la}{m.left[1] + 1} ↔ {lb}{m.right[1] + 1}** · score {m.score:.2f}{flag} · "
                + _reason(m)
            )
        out.append("")
        out.append(_quote(a.paragraphs[m.left[1]].text))
        out.append(">")
        out.append(f"> — {lb}{m.right[1] + 1}: " + md_escape(b.paragraphs[m.right[1]].text))
        out.append("")
    rejected = sorted(
        (m for m in analysis.rejected if m.left[0] == left and m.right[0] == right),
        key=lambda m: (m.left[1], m.right[1]),
    )
    if rejected:
        out.append(f"### Rejected by hand ({len(rejected)})")
        out.append("")
        for m in rejected:
            out.append(
                f"- {la}{m.left[1] + 1} ↔ {lb}{m.right[1] + 1} (matcher score {m.score:.2f})"
            )
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


WIDE_TABLE_ARTICLES = 8
"""Beyond this many articles the entity table lists outlets instead of a column per article."""


def _entity_list(analysis: Analysis, labels: list[str], out: list[str]) -> None:
    n = len(labels)
    out.append("| Name | Type | Outlets | Mentions | Variants |")
    out.append("|---|---|---|---:|---|")
    for e in analysis.entities:
        arts = e.articles
        where = f"all {n}" if len(arts) == n else ", ".join(labels[a] for a in arts)
        variants = ", ".join(md_escape(v) for v in e.variants[1:]) or ""
        out.append(f"| {md_escape(e.name)} | {e.type} | {where} | {len(e.mentions)} | {variants} |")
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
    if n > WIDE_TABLE_ARTICLES:
        _entity_list(analysis, labels, out)
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
        only += " (edited by hand)" if e.manual else ""
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
        status: str = "**conflict**" if g.status == "conflict" else g.status
        if g.manual:
            status += f" ({g.manual}, by hand)"
        out.append(f"| {status} | {md_escape(g.counted)} | " + " | ".join(cells) + " |")
    out.append("")


def _refs(fact: Fact, tiers: dict[ParagraphRef, MemberTier]) -> str:
    """``A3 · B2, _B5_ · D1``: the fact's paragraphs, grouped by article; a paragraph joined to
    the fact by weaker evidence than a clear match (:func:`member_tiers`) is in italics."""
    by_article: dict[int, list[str]] = {}
    for ref in sorted(fact.members):
        label = f"{article_label(ref[0])}{ref[1] + 1}"
        if tiers.get(ref, "clear") != "clear":
            label = f"_{label}_"
        by_article.setdefault(ref[0], []).append(label)
    return " · ".join(", ".join(labels) for labels in by_article.values())


def _fact_line(fact: Fact, n: int, tiers: dict[ParagraphRef, MemberTier]) -> str:
    line = f"- **{md_escape(fact.label)}** — {_refs(fact, tiers)}"
    missing = [article_label(a) for a in range(n) if a not in fact.articles]
    if missing and len(fact.articles) > 1 and len(missing) <= n // 2:
        line += f" (not in {', '.join(missing)})"
    return line


def _facts_section(analysis: Analysis, out: list[str]) -> None:
    n = len(analysis.articles)
    facts = ensure_facts(analysis)
    shared = facts.shared()
    everyone = [f for f in shared if len(f.articles) == n]
    most = [f for f in shared if n / 2 <= len(f.articles) < n]
    some = [f for f in shared if len(f.articles) < n / 2]
    single = len(facts) - len(shared)
    out.append("## What the outlets report")
    out.append("")
    out.append(
        f"{len(facts)} facts: {len(everyone)} reported by all {n} outlets, {len(most)} by most, "
        f"{len(some)} by a few, {single} by one outlet only (listed under *Only here*)."
    )
    out.append("")
    between = matches_between(analysis)
    tiers = {f.id: member_tiers(f, between) for f in shared}
    if any(t != "clear" for by_ref in tiers.values() for t in by_ref.values()):
        out.append(
            "Paragraphs in _italics_ are tied to their fact by weaker evidence than a clear "
            "match (a second cue agreed, or only through the other paragraphs): read them "
            "before quoting."
        )
        out.append("")
    sections = [(f"Reported by all {n}", everyone)]
    if n > 2:
        sections += [("Reported by most", most), ("Reported by a few", some)]
    for title, group in sections:
        if not group:
            continue
        out.append(f"### {title} ({len(group)})")
        out.append("")
        out.extend(_fact_line(f, n, tiers[f.id]) for f in group)
        out.append("")


def _only_here(analysis: Analysis, out: list[str]) -> None:
    out.append("## Only here")
    out.append("")
    # One pass over the facts: a fact of one paragraph is made (its label found) once, not once
    # per article.
    alone: list[list[str]] = [[] for _ in analysis.articles]
    for f in ensure_facts(analysis):
        if len(f.articles) == 1:
            label = article_label(f.articles[0])
            refs = ", ".join(f"{label}{p + 1}" for _a, p in f.members)
            alone[f.articles[0]].append(f"- **{refs}** {md_escape(f.label)}")
    for a, lines in enumerate(alone):
        out.append(f"### Only in {article_label(a)} ({len(lines)})")
        out.append("")
        if not lines:
            out.append("Nothing: every paragraph has a counterpart.")
        out.extend(lines)
        out.append("")


def _conflicts(analysis: Analysis, out: list[str]) -> None:
    out.append("## Figure conflicts")
    out.append("")
    conflicts = [g for g in analysis.figure_groups if g.status == "conflict"]
    agree = sum(1 for g in analysis.figure_groups if g.status == "agree")
    if not conflicts:
        out.append(f"None: {agree} figures reported by several outlets agree.")
        out.append("")
        return
    out.append(f"{len(conflicts)} conflicting, {agree} agreeing across outlets.")
    out.append("")
    for g in conflicts:
        # One entry per way of telling it, with every place it is told that way.
        told: dict[str, list[str]] = {}
        for i in g.figures:
            f = analysis.figures[i]
            told.setdefault(f.text, []).append(f"{article_label(f.article)}{f.paragraph + 1}")
        ways = "; ".join(
            f"{md_escape(text)} ({', '.join(dict.fromkeys(refs))})" for text, refs in told.items()
        )
        out.append(f"- **{md_escape(g.counted)}**: {ways}")
    out.append("")


def to_markdown(analysis: Analysis, detail: tuple[str, ...] | frozenset[str] = ()) -> str:
    """The briefing: facts by coverage, what only one outlet says, figure conflicts, names, then
    (with ``detail`` containing ``"pairs"``) each pair's matched paragraphs quoted, and the full
    figures table."""
    out: list[str] = ["# Parallel reading report", ""]
    out.append("| | Title | Source | Paragraphs |")
    out.append("|---|---|---|---:|")
    for i, a in enumerate(analysis.articles):
        body = sum(1 for p in a.paragraphs if not p.boilerplate)
        out.append(f"| {article_label(i)} | {_title(a)} | {md_escape(a.source)} | {body} |")
    out.append("")
    _facts_section(analysis, out)
    _only_here(analysis, out)
    _conflicts(analysis, out)
    _entity_table(analysis, out)
    if "pairs" in detail:
        out.append("# Pairwise detail")
        out.append("")
        n = len(analysis.articles)
        sides = OneSided(analysis)
        by_pair = _matches_by_pair(analysis)
        for i in range(n):
            for j in range(i + 1, n):
                _pair_markdown(analysis, i, j, out, sides, by_pair)
        _figure_table(analysis, out)
    if analysis.stale_corrections:
        out.append("## Corrections not applied (their paragraphs changed)")
        out.append("")
        out.extend("- " + md_escape(line) for line in analysis.stale_corrections)
        out.append("")
    text = "\n".join(out).rstrip() + "\n"
    return sanitize(text)


def write_markdown(
    analysis: Analysis, stream: TextIO, detail: tuple[str, ...] | frozenset[str] = ()
) -> None:
    """Write the Markdown report to ``stream``."""
    stream.write(to_markdown(analysis, detail))
