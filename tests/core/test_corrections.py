"""Corrections: keyed by content, applied purely, undone as data, stale never misapplied."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.analysis import analyze
from reader.core.corrections import (
    NOT_A_CONFLICT,
    CorrectionsError,
    History,
    LinkParagraphs,
    MergeEntities,
    NotAConflict,
    RejectMatch,
    RenameEntity,
    SplitFigure,
    SplitVariant,
    apply_corrections,
    dumps,
    figure_key,
    loads,
    paragraph_key,
)
from reader.core.ingest import load_article
from reader.core.model import Analysis, Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def base() -> Analysis:
    return _base()


_BASE: dict[str, Analysis] = {}


def _base() -> Analysis:
    if "a" not in _BASE:
        files = sorted((SAMPLES / "three-outlets").glob("*.*"))
        _BASE["a"] = analyze([load_article(str(f)) for f in files if f.name != "expected.json"])
    return _BASE["a"]


def _snapshot(analysis: Analysis) -> str:
    """Everything a correction can change, as comparable text."""
    return repr(
        (
            analysis.matches,
            analysis.rejected,
            analysis.entities,
            analysis.figures,
            analysis.figure_groups,
        )
    )


def _corrections(analysis: Analysis) -> list:
    """Every kind of correction that makes sense on ``analysis``."""
    out: list = []
    for m in analysis.matches[:4]:
        out.append(
            RejectMatch.of(paragraph_key(analysis, m.left), paragraph_key(analysis, m.right))
        )
    matched = {(m.left, m.right) for m in analysis.matches}
    a, b = analysis.articles[0], analysis.articles[1]
    for i in range(min(3, len(a.paragraphs))):
        for j in range(min(3, len(b.paragraphs))):
            if ((0, i), (1, j)) not in matched:
                out.append(
                    LinkParagraphs.of(
                        paragraph_key(analysis, (0, i)), paragraph_key(analysis, (1, j))
                    )
                )
    for g in analysis.figure_groups:
        if g.status == "conflict":
            out.append(NotAConflict(frozenset(figure_key(analysis, i) for i in g.figures)))
        if len(g.figures) > 1:
            out.append(SplitFigure(figure_key(analysis, g.figures[-1])))
    ents = analysis.entities
    if len(ents) >= 2:
        out.append(MergeEntities(ents[0].name, ents[1].name))
        out.append(RenameEntity(ents[0].name, "Renamed by hand"))
    for e in ents:
        if len(e.variants) > 1:
            out.append(SplitVariant(e.name, e.variants[-1]))
            break
    return out


def test_sample_offers_every_kind(base: Analysis) -> None:
    kinds = {c.kind for c in _corrections(base)}
    assert kinds >= {
        "reject-match",
        "link-paragraphs",
        "split-figure",
        "merge-entities",
        "rename-entity",
    }


def test_reject_moves_match_to_rejected(base: Analysis) -> None:
    m = base.matches[0]
    c = RejectMatch.of(paragraph_key(base, m.right), paragraph_key(base, m.left))
    out = apply_corrections(base, [c])
    assert out.applied == [c] and not out.stale
    assert m not in out.analysis.matches and m in out.analysis.rejected
    assert m in base.matches and not base.rejected  # the base is untouched


def test_link_adds_a_manual_match(base: Analysis) -> None:
    c = next(c for c in _corrections(base) if isinstance(c, LinkParagraphs))
    out = apply_corrections(base, [c])
    manual = [m for m in out.analysis.matches if m.manual]
    assert len(manual) == 1
    assert {paragraph_key(base, manual[0].left), paragraph_key(base, manual[0].right)} == {
        c.left,
        c.right,
    }
    assert out.analysis.partners(manual[0].left) and manual[0].left[0] < manual[0].right[0]


def test_not_a_conflict_and_split(base: Analysis) -> None:
    conflict = next((g for g in base.figure_groups if g.status == "conflict"), None)
    if conflict is not None:
        c = NotAConflict(frozenset(figure_key(base, i) for i in conflict.figures))
        group = apply_corrections(base, [c]).analysis.figure_groups[conflict.id]
        assert group.status == "agree" and group.manual == NOT_A_CONFLICT
    group = next(g for g in base.figure_groups if len(g.figures) > 1)
    out = apply_corrections(base, [SplitFigure(figure_key(base, group.figures[-1]))]).analysis
    assert out.figure_groups[group.id].figures == group.figures[:-1]
    split = out.figure_groups[-1]
    assert split.figures == [group.figures[-1]] and split.status == "single"
    assert out.figures[group.figures[-1]].group == split.id
    assert base.figures[group.figures[-1]].group == group.id


def test_entity_merge_split_rename(base: Analysis) -> None:
    a, b = base.entities[0], base.entities[1]
    out = apply_corrections(
        base, [MergeEntities(a.name, b.name), RenameEntity(b.name, "Both of them")]
    ).analysis
    assert len(out.entities) == len(base.entities) - 1
    merged = out.entities[0]
    assert merged.name == "Both of them" and merged.manual
    assert len(merged.mentions) == len(a.mentions) + len(b.mentions)
    assert [e.id for e in out.entities] == list(range(len(out.entities)))


def _edited(analysis: Analysis, article: int, paragraph: int, new_text: str) -> Analysis:
    """The same analysis with one paragraph's text replaced (as if the file had been edited)."""
    old = analysis.articles[article]
    texts = [p.text for p in old.paragraphs]
    texts[paragraph] = new_text
    articles = list(analysis.articles)
    articles[article] = Article.from_texts("renamed/" + old.source, old.title, texts)
    return dataclasses.replace(analysis, articles=articles, _by_paragraph=None)


def test_edited_article_keeps_what_it_can_and_reports_the_rest(base: Analysis) -> None:
    m = base.matches[0]
    other = next(x for x in base.matches if x.left[0] == m.left[0] and x.left != m.left)
    gone = RejectMatch.of(paragraph_key(base, m.left), paragraph_key(base, m.right))
    kept = RejectMatch.of(paragraph_key(base, other.left), paragraph_key(base, other.right))
    edited = _edited(base, m.left[0], m.left[1], "An entirely new paragraph.")
    out = apply_corrections(edited, [gone, kept])
    assert out.stale == [gone] and out.applied == [kept]
    assert other in out.analysis.rejected and m in out.analysis.matches


def test_corrections_for_other_articles_are_foreign_not_stale(base: Analysis) -> None:
    m = base.matches[0]
    c = RejectMatch.of(paragraph_key(base, m.left), paragraph_key(base, m.right))
    others = Analysis(
        [Article.from_texts("x.txt", "x", ["One."]), Article.from_texts("y.txt", "y", ["Two."])], []
    )
    out = apply_corrections(others, [c])
    assert out.foreign == [c] and not out.stale and out.analysis is others


def test_link_within_one_article_is_stale(base: Analysis) -> None:
    c = LinkParagraphs.of(paragraph_key(base, (0, 0)), paragraph_key(base, (0, 1)))
    assert apply_corrections(base, [c]).stale == [c]


def test_file_round_trip(base: Analysis) -> None:
    corrections = _corrections(base)
    assert loads(dumps(corrections)) == corrections


@pytest.mark.parametrize(
    "text, words",
    [
        ("{", "not valid JSON"),
        ("[]", "not a corrections file"),
        (
            '{"schema": "parallel-reader/corrections", "version": 99, "corrections": []}',
            "version 99",
        ),
        (
            '{"schema": "parallel-reader/corrections", "version": 1, "corrections": [{"kind": "x"}]}',
            "unknown kind",
        ),
        (
            '{"schema": "parallel-reader/corrections", "version": 1, "corrections": '
            '[{"kind": "merge-entities", "target": 3}]}',
            "corrections[0].target",
        ),
    ],
)
def test_bad_file_is_one_clear_error(text: str, words: str) -> None:
    with pytest.raises(CorrectionsError) as error:
        loads(text)
    assert words in str(error.value) and "\n" not in str(error.value)


@st.composite
def _edits(draw):
    pool = _corrections(_base())
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(["toggle", "add", "remove", "undo", "redo"]), st.sampled_from(pool)
            ),
            max_size=12,
        )
    )


@given(start=st.lists(st.integers(0, 30), max_size=4, unique=True), edits=_edits())
def test_undo_everything_returns_the_original(start, edits) -> None:
    analysis = _base()
    pool = _corrections(analysis)
    history = History([pool[i % len(pool)] for i in start])
    original = list(history.corrections)
    before = _snapshot(apply_corrections(analysis, original).analysis)
    done = 0
    for action, c in edits:
        if action in ("undo", "redo"):
            edit = getattr(history, action)()
            done += (edit is not None) * (1 if action == "redo" else -1)
        else:
            done += getattr(history, action)(c) is not None
    while history.undo():
        pass
    assert history.corrections == original
    assert _snapshot(apply_corrections(analysis, history.corrections).analysis) == before
    assert _snapshot(analysis) == _snapshot(_base())  # applying never changed the base


@given(st.lists(st.integers(0, 30), max_size=6))
def test_apply_then_nothing_is_identity_and_base_untouched(picks) -> None:
    analysis = _base()
    pool = _corrections(analysis)
    before = _snapshot(analysis)
    apply_corrections(analysis, [pool[i % len(pool)] for i in picks])
    assert _snapshot(analysis) == before
    assert _snapshot(apply_corrections(analysis, []).analysis) == before


@given(paragraph=st.integers(0, 40), text=st.text(min_size=1, max_size=40))
def test_stale_detection_never_moves_a_correction(paragraph, text) -> None:
    """After editing one paragraph, a correction either lands on its own paragraphs or is stale."""
    analysis = _base()
    article = analysis.articles[0]
    paragraph %= len(article.paragraphs)
    edited = _edited(analysis, 0, paragraph, text.strip() or "x")
    for m in analysis.matches:
        c = RejectMatch.of(paragraph_key(analysis, m.left), paragraph_key(analysis, m.right))
        out = apply_corrections(edited, [c])
        if out.applied:
            rejected = out.analysis.rejected
            assert all(
                edited.articles[r.left[0]].paragraphs[r.left[1]].text
                == analysis.articles[m.left[0]].paragraphs[m.left[1]].text
                for r in rejected
            )
            assert all(r.right == m.right for r in rejected)
        original = article.paragraphs[paragraph].text
        if m.left == (0, paragraph) and all(
            p.text != original for p in edited.articles[0].paragraphs
        ):
            assert out.stale == [c]


def test_corrections_json_is_readable(base: Analysis) -> None:
    data = json.loads(dumps(_corrections(base)[:1]))
    assert data["schema"] == "parallel-reader/corrections" and data["version"] == 1
    assert data["corrections"][0]["left"]["preview"]


def test_session_decisions_by_what_the_reader_shows(base: Analysis, tmp_path) -> None:
    from reader.core.corrections import CorrectionSession, open_corrections

    session = CorrectionSession(open_corrections(tmp_path / "c.json"))
    session.attach(base)
    m = base.matches[0]
    session.toggle_reject(m.right, m.left)
    assert m in session.analysis.rejected
    session.toggle_reject(m.left, m.right)
    assert m in session.analysis.matches and not session.analysis.rejected
    free = next(
        ((0, i), (1, j))
        for i in range(len(base.articles[0].paragraphs))
        for j in range(len(base.articles[1].paragraphs))
        if not any(x.left == (0, i) and x.right == (1, j) for x in base.matches)
    )
    session.toggle_link(*free)
    assert any(x.manual for x in session.analysis.matches)
    session.toggle_reject(*free)  # rejecting one's own link withdraws it
    assert not any(x.manual for x in session.analysis.matches) and not session.analysis.rejected
    assert "two different articles" in session.toggle_link((0, 0), (0, 1))[0]
    group = next(g for g in base.figure_groups if len(g.figures) > 1)
    session.split_figure(group.figures[0])
    assert len(session.analysis.figure_groups) == len(base.figure_groups) + 1
    n = len(base.entities)
    session.merge_entities(0, 1)
    assert len(session.analysis.entities) == n - 1
    session.rename_entity(0, "  A  new   name ")
    assert session.analysis.entities[0].name == "A new name"
    while session.history.can_undo:
        session.undo()
    assert repr(session.analysis.entities) == repr(base.entities)


def test_fields_corrections_do_not_touch_are_kept(base: Analysis) -> None:
    m = base.matches[0]
    out = apply_corrections(
        base, [RejectMatch.of(paragraph_key(base, m.left), paragraph_key(base, m.right))]
    ).analysis
    assert out.articles is base.articles and out.figures == base.figures
    assert getattr(out, "facts", None) == getattr(base, "facts", None)
    assert m not in out.matches and out.match_indices(m.left) != base.match_indices(m.left)
