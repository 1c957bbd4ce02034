"""JSON and Markdown reports: schema, indices, escaping and safety."""

from __future__ import annotations

import json

from reader.core.model import (
    Analysis,
    Article,
    Entity,
    Figure,
    FigureGroup,
    Match,
    Mention,
)
from reader.core.report import SCHEMA_VERSION, md_escape, to_json, to_json_data, to_markdown


def _article(
    source: str, title: str, texts: list[str], boilerplate: set[int] = frozenset()
) -> Article:
    return Article.from_texts(
        source, title, texts, boilerplate=boilerplate, sentences=lambda text: ((0, len(text)),)
    )


def _analysis() -> Analysis:
    a = _article(
        "a.txt",
        "Ceasefire holds [/]",
        [
            "At least 12 people were killed in Aleppo, officials said.",
            "President Erdogan called for calm.",
            "A paragraph only A has, with [bold]markup[/bold] and a | pipe.",
        ],
    )
    b = _article(
        "b.md",
        "Truce *holds*",
        [
            "Mr Erdoğan urged restraint on Tuesday.",
            "Fourteen people died in Aleppo.",
            "Share this",
        ],
        boilerplate={2},
    )
    matches = [
        Match((0, 0), (1, 1), 0.71, words=("aleppo",), names=("Aleppo",), numbers=()),
        Match(
            (0, 1),
            (1, 0),
            0.64,
            words=("calm",),
            names=("Erdogan",),
            near_verbatim=False,
            evidence="supported",
            cue="best",
            sentences=((0, 34), (0, 38)),
        ),
    ]
    entities = [
        Entity(
            0,
            "Erdoğan",
            "person",
            ["Erdoğan", "Erdogan"],
            [Mention(0, 1, 10, 17, "Erdogan"), Mention(1, 0, 3, 10, "Erdoğan")],
        ),
        Entity(1, "Aleppo", "place", ["Aleppo"], [Mention(0, 0, 31, 37, "Aleppo")]),
    ]
    figures = [
        Figure(
            0,
            0,
            0,
            31,
            "At least 12 people were killed",
            12.0,
            12.0,
            None,
            "at least",
            "killed",
            group=0,
        ),
        Figure(1, 1, 0, 8, "Fourteen", 14.0, 14.0, 14.0, None, "killed", group=0),
    ]
    groups = [FigureGroup(0, "killed", "count", "agree", [0, 1])]
    return Analysis([a, b], matches, entities, figures, groups)


def test_json_schema_and_indices() -> None:
    data = json.loads(to_json(_analysis()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert [a["source"] for a in data["articles"]] == ["a.txt", "b.md"]
    assert data["articles"][0]["paragraphs"][2]["text"].startswith("A paragraph only A")
    for m in data["matches"]:
        for side in ("left", "right"):
            art, par = m[side]
            assert 0 <= par < len(data["articles"][art]["paragraphs"])
        assert 0.0 <= m["score"] <= 1.0
        assert set(m["reason"]) == {"words", "names", "numbers"}
    assert data["unmatched"] == [[2], []]  # boilerplate "Share this" is not "only in B"
    # Fields added within schema version 1: the match's evidence tier, cue and sentence pair,
    # and each paragraph's role.
    first, second = data["matches"]
    assert (first["evidence"], first["cue"], first["sentences"]) == ("clear", None, None)
    assert (second["evidence"], second["cue"], second["sentences"]) == (
        "supported",
        "best",
        [[0, 34], [0, 38]],
    )
    assert [p["role"] for p in data["articles"][1]["paragraphs"]] == ["body", "body", "furniture"]
    # ... and the meaning cosine, null when the matcher did not use the model.
    assert first["meaning"] is None and second["meaning"] is None
    assert data["pairs"][0]["only_left"] == [2]
    assert data["pairs"][0]["only_right"] == []


def test_json_entities_and_figures() -> None:
    data = to_json_data(_analysis())
    erdogan = data["entities"][0]
    assert erdogan["articles"] == [0, 1] and erdogan["only_in"] is None
    assert data["entities"][1]["only_in"] == 0
    mention = erdogan["mentions"][1]
    text = data["articles"][mention["article"]]["paragraphs"][mention["paragraph"]]["text"]
    assert text[mention["start"] : mention["end"]] == mention["text"]
    first = data["figures"][0]
    assert first["range"] == [12, None]  # unbounded above is null, not Infinity
    assert first["group"] == {"id": 0, "status": "agree"}
    assert data["figure_groups"][0]["articles"] == [0, 1]


def test_markdown_sections_and_escaping() -> None:
    brief = to_markdown(_analysis())
    assert "## What the outlets report" in brief and "## Only here" in brief
    assert "## A ↔ B" not in brief  # pairwise detail only on request
    md = to_markdown(_analysis(), ("pairs",))
    assert "## A ↔ B" in md
    assert "### Only in A (1)" in md
    assert "\\[bold\\]markup\\[/bold\\]" in md  # renders literally
    assert "\\|" in md  # a pipe cannot break a table
    assert "## Entities" in md and "## Figures" in md
    assert "Erdoğan" in md and "(only in A)" in md


def test_markdown_conflicts_come_first() -> None:
    analysis = _analysis()
    analysis.figure_groups = [
        FigureGroup(0, "injured", "count", "single", [0]),
        FigureGroup(1, "killed", "count", "conflict", [1]),
    ]
    md = to_markdown(analysis, ("pairs",))
    table = md.split("## Figures", 1)[1]
    assert table.index("conflict") < table.index("single")


def test_reports_never_carry_control_bytes() -> None:
    analysis = _analysis()
    analysis.articles[0].title = "Evil \x1b[2J title\x07"
    analysis.articles[0].source = "x\x1b]0;pwn\x07.txt"
    for text in (to_markdown(analysis),):
        assert "\x1b" not in text and "\x07" not in text
    assert "\x1b" not in md_escape("a\x1bb")
    # JSON escapes control characters as \u sequences, never raw bytes.
    assert "\x1b" not in to_json(analysis)


def test_json_facts_and_compact_pairs() -> None:
    data = to_json_data(_analysis())
    facts = data["facts"]
    assert [f["id"] for f in facts] == list(range(len(facts)))
    for f in facts:
        assert set(f) >= {"id", "label", "members", "articles", "coverage"}
        for art, par in f["members"]:
            assert 0 <= par < len(data["articles"][art]["paragraphs"])
        assert f["articles"] == sorted({a for a, _p in f["members"]})
    # A's paragraph 2 is reported by A alone; B's boilerplate is in no fact.
    assert {"members": [[0, 2]], "articles": [0]}.items() <= next(
        f for f in facts if [0, 2] in f["members"]
    ).items()
    assert all([1, 2] not in f["members"] for f in facts)


def _story_analysis(n_articles: int, n_paragraphs: int):
    from benchmarks.generate import generate_story
    from reader.core.analysis import analyze
    from reader.core.ingest.segment import split_sentences

    texts, _truths = generate_story(n_articles, n_paragraphs, 3)
    return analyze(
        [
            Article.from_texts(
                f"{k}.txt", f"Outlet {k}", t, sentences=lambda x: tuple(split_sentences(x))
            )
            for k, t in enumerate(texts)
        ]
    )


def test_markdown_briefing_five_outlets_fits() -> None:
    analysis = _story_analysis(5, 30)
    md = to_markdown(analysis)
    lines = md.count("\n")
    assert lines <= 320, lines
    brief = md.split("## Only here")[0]
    assert "### Reported by all 5" in brief
    # Facts come before what only one outlet says, which comes before figures and names.
    assert (
        md.index("## What the outlets report")
        < md.index("## Only here")
        < md.index("## Figure conflicts")
        < md.index("## Entities")
    )
    # The pairwise detail quotes every matched pair again: only on request.
    assert "## A ↔ B" not in md
    assert to_markdown(analysis, ("pairs",)).count("\n") > 3 * lines


def test_json_size_grows_with_paragraphs_not_pairs() -> None:
    small = len(to_json(_story_analysis(6, 20)))
    large = len(to_json(_story_analysis(24, 20)))
    # 4x the articles and paragraphs, 18x the pairs.
    assert large <= 6 * small


def test_pair_summaries_match_their_definition() -> None:
    from reader.core.report.json_report import OneSided, counterparts, pair_summary

    analysis = _story_analysis(6, 12)
    found = counterparts(analysis)
    sides = OneSided(analysis)
    for left in range(6):
        for right in range(left + 1, 6):
            summary = pair_summary(analysis, left, right, sides)
            for side, (art, other) in (("only_left", (left, right)), ("only_right", (right, left))):
                expected = [
                    p.index
                    for p in analysis.articles[art].paragraphs
                    if not p.boilerplate and other not in found.get((art, p.index), set())
                ]
                assert summary[side] == expected
            assert summary["matches"] == sum(
                1 for m in analysis.matches if (m.left[0], m.right[0]) == (left, right)
            )


def _one_item_per_line(data: dict) -> str:
    """The documented layout, built from the in-memory form: one list item per line."""
    dump = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            items = ",\n".join("    " + dump(item) for item in value)
            lines.append(f"  {dump(key)}: " + (f"[\n{items}\n  ]" if value else "[]"))
        else:
            lines.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def test_streamed_json_is_the_in_memory_form_item_per_line() -> None:
    analysis = _analysis()
    analysis.entities.append(Entity(2, "Nobody", "person", ["Nobody"], []))
    analysis.figure_groups.append(FigureGroup(1, "ships", "count", "single", []))
    assert to_json(analysis) == _one_item_per_line(to_json_data(analysis))
    assert to_json_data(analysis)["entities"][2]["mentions"] == []
    assert to_json_data(analysis)["articles"][1]["paragraphs"][2]["boilerplate"] is True


def test_markdown_marks_paragraphs_held_only_by_weaker_evidence() -> None:
    # A1-B2 is a clear match, A2-B1 a supported one: the briefing quotes both facts, and only
    # the second one's paragraphs are set in italics, with the legend saying what that means.
    brief = to_markdown(_analysis()).split("## Only here")[0]
    facts = [line for line in brief.splitlines() if line.startswith("- **")]
    assert len(facts) == 2
    clear = next(line for line in facts if "Aleppo" in line)
    supported = next(line for line in facts if "Erdogan" in line)
    assert clear.endswith("— A1 · B2")
    assert supported.endswith("— _A2_ · _B1_")
    assert "Paragraphs in _italics_" in brief


def test_markdown_has_no_legend_when_every_fact_is_clear() -> None:
    analysis = _analysis()
    analysis = Analysis(analysis.articles, analysis.matches[:1])
    brief = to_markdown(analysis)
    assert "_italics_" not in brief and "— A1 · B2" in brief


def test_json_facts_say_how_firmly_each_member_belongs() -> None:
    # The same rule as the briefing's italics (matching.facts.member_tiers), one entry a member.
    facts = to_json_data(_analysis())["facts"]
    by_members = {tuple(map(tuple, f["members"])): f["member_evidence"] for f in facts}
    assert by_members[((0, 0), (1, 1))] == ["clear", "clear"]
    assert by_members[((0, 1), (1, 0))] == ["supported", "supported"]
    assert by_members[((0, 2),)] == ["only"]
    assert all(len(f["member_evidence"]) == len(f["members"]) for f in facts)
