"""The staged analysis: matches and facts first, then names, then figures; the last stage is
exactly what ``analyze`` returns, and corrections wait for the part they concern."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.analysis import analyze, analyze_stages
from reader.core.corrections import (
    CorrectionSession,
    NotAConflict,
    RejectMatch,
    RenameEntity,
    SplitFigure,
    apply_corrections,
    figure_key,
    open_corrections,
    paragraph_key,
)
from reader.core.ingest import load_article
from reader.core.model import Analysis, Article
from reader.core.report import write_report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _articles(name: str = "ceasefire") -> list[Article]:
    files = sorted((SAMPLES / name).glob("*.*"))
    return [load_article(str(f)) for f in files if f.name != "expected.json"]


@pytest.fixture(scope="module")
def stages() -> list[Analysis]:
    return list(analyze_stages(_articles()))


def _report(analysis: Analysis, fmt: str) -> str:
    out = io.StringIO()
    write_report(analysis, fmt, out)
    return out.getvalue()


def test_three_stages_each_saying_what_is_still_to_come(stages: list[Analysis]) -> None:
    assert [s.pending for s in stages] == [("entities", "figures"), ("figures",), ()]
    first, second, last = stages
    assert first.matches and first.facts
    assert not first.entities and not first.figures and not first.figure_groups
    assert second.entities and not second.figures
    assert last.entities and last.figures and last.figure_groups


def test_later_stages_keep_the_first_stages_matches_and_facts(stages: list[Analysis]) -> None:
    first = stages[0]
    for later in stages[1:]:
        assert later.matches is first.matches and later.facts is first.facts
    assert stages[2].entities is stages[1].entities


def test_the_last_stage_is_the_complete_analysis() -> None:
    articles = _articles()
    *_, last = analyze_stages(articles)
    whole = analyze(_articles())
    for fmt in ("json", "markdown"):
        assert _report(last, fmt) == _report(whole, fmt)
    assert not whole.pending


def test_progress_labels_follow_the_stages() -> None:
    seen: list[tuple[str, float, int]] = []
    produced = 0

    def progress(label: str, fraction: float) -> None:
        seen.append((label, fraction, produced))

    for _stage in analyze_stages(_articles(), progress=progress):
        produced += 1
    labels = [(label, done) for label, _f, done in seen]
    # Names are being found only after the matches were handed over, figures after the names.
    assert labels == [
        ("Matching paragraphs", 0),
        ("Finding names", 1),
        ("Finding figures", 2),
        ("Done", 2),
    ]
    assert [f for _l, f, _d in seen] == sorted(f for _l, f, _d in seen)


def test_the_first_stage_does_not_load_the_entity_and_figure_rules() -> None:
    """Their imports alone cost ~0.3 s: the matches must not wait for them."""
    code = (
        "import sys\n"
        "from reader.core.analysis import analyze_stages\n"
        "from reader.core.model import Article\n"
        "arts = [Article.from_texts('a', 'A', ['The council met on Monday.']),\n"
        "        Article.from_texts('b', 'B', ['On Monday the council met.'])]\n"
        "stages = analyze_stages(arts)\n"
        "next(stages)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reader.core.entities',"
        " 'reader.core.figures'))))\n"
        "next(stages)\n"
        "print('reader.core.entities' in sys.modules, 'reader.core.figures' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    ).stdout.splitlines()
    assert out == ["[]", "True False"]


# -- corrections on a partial analysis ---------------------------------------------------------


def _conflict_group(analysis: Analysis) -> int:
    return next(g.id for g in analysis.figure_groups if g.status == "conflict")


def test_corrections_of_parts_not_there_yet_are_deferred_not_stale(
    stages: list[Analysis],
) -> None:
    first, second, last = stages
    m = first.matches[0]
    reject = RejectMatch.of(paragraph_key(first, m.left), paragraph_key(first, m.right))
    rename = RenameEntity(last.entities[0].name, "Renamed by hand")
    group = last.figure_groups[_conflict_group(last)]
    dismiss = NotAConflict(frozenset(figure_key(last, i) for i in group.figures))
    corrections = [reject, rename, dismiss]

    out = apply_corrections(first, corrections)
    assert out.applied == [reject] and out.deferred == [rename, dismiss] and not out.stale
    assert m not in out.analysis.matches and m in out.analysis.rejected
    assert not out.analysis.stale_corrections

    out = apply_corrections(second, corrections)
    assert out.applied == [reject, rename] and out.deferred == [dismiss] and not out.stale
    assert out.analysis.entities[0].name == "Renamed by hand"

    out = apply_corrections(last, corrections)
    assert out.applied == corrections and not out.deferred and not out.stale
    assert out.analysis.figure_groups[group.id].status == "agree"


def test_a_figure_split_waits_for_the_figures(stages: list[Analysis]) -> None:
    last = stages[-1]
    group = last.figure_groups[_conflict_group(last)]
    split = SplitFigure(figure_key(last, group.figures[-1]))
    assert apply_corrections(stages[0], [split]).deferred == [split]
    assert apply_corrections(stages[1], [split]).deferred == [split]
    assert apply_corrections(last, [split]).applied == [split]


def test_a_session_attached_stage_by_stage_reports_no_false_stale(
    stages: list[Analysis], tmp_path: Path
) -> None:
    first, _second, last = stages
    path = tmp_path / "corrections.json"
    session = CorrectionSession(open_corrections(path))
    session.attach(last)
    session.rename_entity(0, "Renamed by hand")
    m = last.matches[0]
    session.toggle_reject(m.left, m.right)

    again = CorrectionSession(open_corrections(path))
    shown = again.attach(first)
    assert again.opening_messages() == []
    assert m in shown.rejected and not shown.entities
    # A match decided while the names are still being found survives their arrival.
    m2 = shown.matches[0]
    again.toggle_reject(m2.left, m2.right)
    for later in stages[1:]:
        shown = again.attach(later)
        assert again.opening_messages() == []
        assert m in shown.rejected and m2 in shown.rejected
    assert shown.entities[0].name == "Renamed by hand"
