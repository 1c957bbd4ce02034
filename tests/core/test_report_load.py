"""A saved compare report reads back into the same analysis (corrections included), and the
reports mark the analyst's decisions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.analysis import analyze
from reader.core.corrections import (
    LinkParagraphs,
    MergeEntities,
    RejectMatch,
    SplitFigure,
    apply_corrections,
    figure_key,
    paragraph_key,
)
from reader.core.ingest import load_article
from reader.core.model import Analysis
from reader.core.report import ReportError, loads_report, to_json, to_markdown

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def corrected() -> Analysis:
    files = sorted(f for f in (SAMPLES / "three-outlets").iterdir() if f.name != "expected.json")
    base = analyze([load_article(str(f)) for f in files])
    m = base.matches[0]
    matched = {(x.left, x.right) for x in base.matches}
    free = next((0, i) for i in range(5) if ((0, i), (1, 0)) not in matched and (0, i) != m.left)
    group = next(g for g in base.figure_groups if len(g.figures) > 1)
    corrections = [
        RejectMatch.of(paragraph_key(base, m.left), paragraph_key(base, m.right)),
        LinkParagraphs.of(paragraph_key(base, free), paragraph_key(base, (1, 0))),
        SplitFigure(figure_key(base, group.figures[-1])),
        MergeEntities(base.entities[0].name, base.entities[1].name),
    ]
    out = apply_corrections(base, corrections)
    assert len(out.applied) == 4
    return out.analysis


def test_round_trip_is_exact(corrected: Analysis) -> None:
    text = to_json(corrected)
    loaded = loads_report(text)
    assert to_json(loaded) == text
    assert [a.text for a in loaded.articles] == [a.text for a in corrected.articles]
    assert loaded.rejected == corrected.rejected
    assert [m for m in loaded.matches if m.manual]


@pytest.mark.parametrize(
    "value, read",
    [(0.7123, 0.7123), (None, None), ("high", None), (True, None), (7, None)],
)
def test_meaning_reads_back_and_a_bad_value_reads_as_unknown(
    corrected: Analysis, value: object, read: float | None
) -> None:
    data = json.loads(to_json(corrected))
    data["matches"][0]["meaning"] = value
    loaded = loads_report(json.dumps(data))
    assert loaded.matches[0].meaning == read
    if read is not None:
        assert json.loads(to_json(loaded))["matches"][0]["meaning"] == read


def test_json_marks_manual_decisions(corrected: Analysis) -> None:
    data = json.loads(to_json(corrected))
    assert any(m["manual"] for m in data["matches"])
    assert len(data["rejected_matches"]) == 1
    assert any(g["manual"] == "split" for g in data["figure_groups"])
    assert data["entities"][0]["manual"] is True
    assert data["stale_corrections"] == []


def test_markdown_marks_manual_decisions(corrected: Analysis) -> None:
    text = to_markdown(corrected, ("pairs",))
    assert "linked by hand" in text and "Rejected by hand (1)" in text
    assert "(edited by hand)" in text and "(split, by hand)" in text


@pytest.mark.parametrize(
    "mutate, words",
    [
        (lambda d: d.update(schema="x"), "not a parallel-reader compare report"),
        (lambda d: d.update(schema_version=99), "schema version 99"),
        (lambda d: d["matches"][0].update(left=[0, 9999]), "does not exist"),
        (
            lambda d: d["articles"][0]["paragraphs"][0].update(text="\x1b[31mred"),
            "control characters",
        ),
        (lambda d: d["figures"][0].update(end=10**6), "outside the paragraph"),
        (lambda d: d.pop("matches"), "missing field 'matches'"),
        (lambda d: d["figure_groups"][0].update(figures=[10**6]), "missing figure"),
    ],
)
def test_damaged_report_is_one_line(corrected: Analysis, mutate, words: str) -> None:
    data = json.loads(to_json(corrected))
    mutate(data)
    with pytest.raises(ReportError) as error:
        loads_report(json.dumps(data))
    assert words in str(error.value) and "\n" not in str(error.value)


def test_not_json_is_one_line() -> None:
    with pytest.raises(ReportError, match="not valid JSON"):
        loads_report("{")


def test_clips_carry_their_source(corrected: Analysis) -> None:
    from reader.core.report import pair_clip, paragraph_clip

    text = paragraph_clip(corrected, (1, 0))
    assert text.startswith(corrected.articles[1].paragraphs[0].text)
    assert f"— B1 · {corrected.articles[1].source}" in text
    both = pair_clip(corrected, (1, 0), (0, 2))
    assert both.index("— A3") < both.index("— B1")


def test_save_report_is_atomic(corrected: Analysis, tmp_path, monkeypatch) -> None:
    from reader.core.report import save_report

    target = tmp_path / "memo.md"
    save_report(corrected, "markdown", str(target))
    assert target.read_text(encoding="utf-8") == to_markdown(corrected)
    target.write_text("previous memo", encoding="utf-8")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.store.os.fsync", full)
    with pytest.raises(OSError):
        save_report(corrected, "markdown", str(target))
    assert target.read_text(encoding="utf-8") == "previous memo"
