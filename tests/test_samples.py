"""The bundled sample sets: their expected alignments are well formed and each set still has the
properties it exists to exercise; and the matcher keeps a measured quality floor on them.

The expected alignments are hand-made, so the structural checks guard against the easy mistakes
(an index shifted by a segmentation change, a boilerplate line in a match, a duplicate pair) that
would otherwise silently skew every precision/recall figure computed from them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.benchmark_module import load

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
REQUIRED_SETS = ("ceasefire", "three-outlets", "rewrite", "hostile")

# Quality floor for reader.core.matching.matcher on all samples (micro-averaged), set a little below what was
# measured when the samples were written (see the report of the samples helper); raise it when the
# matcher improves, never lower it to make a regression pass.
# Issue 8, third round (sentence-level cue): measured 0.969 / 0.816 / 0.940 (before: 0.978 /
# 0.781 / 0.919); precision keeps the goal of the issue as its floor.
PRECISION_FLOOR = 0.93
RECALL_FLOOR = 0.79
BEST_MATCH_FLOOR = 0.91

ingest = pytest.importorskip(
    "reader.core.ingest.load", reason="reader.core.ingest.load not written yet"
)


ev = load("eval_alignment.py")
SETS = [p.name for p in ev.sample_sets(SAMPLES)]


def _expected(name: str) -> dict[str, Any]:
    return json.loads((SAMPLES / name / "expected.json").read_text(encoding="utf-8"))


_ARTICLE_CACHE: dict[str, list[Any]] = {}


def _articles(name: str) -> list[Any]:
    if name not in _ARTICLE_CACHE:
        files = _expected(name)["articles"]
        _ARTICLE_CACHE[name] = [ingest.load_article(str(SAMPLES / name / f)) for f in files]
    return _ARTICLE_CACHE[name]


def _pairs(name: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    return [((a, p), (b, q)) for (a, p), (b, q) in _expected(name)["matches"]]


def _partners(name: str, ref: tuple[int, int], article: int) -> list[int]:
    out = []
    for left, right in _pairs(name):
        if left == ref and right[0] == article:
            out.append(right[1])
        elif right == ref and left[0] == article:
            out.append(left[1])
    return sorted(out)


def test_required_sets_present() -> None:
    assert set(REQUIRED_SETS) <= set(SETS)
    assert not (SAMPLES / ".keep").exists()


@pytest.mark.parametrize("name", SETS)
def test_expected_json_is_valid(name: str) -> None:
    data = _expected(name)
    assert set(data) == {"articles", "matches", "notes"}
    assert isinstance(data["notes"], str) and data["notes"].strip()
    files = data["articles"]
    assert len(files) >= 2 and len(set(files)) == len(files)
    on_disk = {p.name for p in (SAMPLES / name).iterdir() if p.name != "expected.json"}
    assert on_disk == set(files), "every article file is listed, and only those"
    articles = _articles(name)
    seen: set[frozenset[tuple[int, int]]] = set()
    assert data["matches"], "a set without expected matches measures nothing"
    for match in data["matches"]:
        assert len(match) == 2 and all(len(ref) == 2 for ref in match), match
        (a, p), (b, q) = match
        assert 0 <= a < b < len(articles), f"left article must be < right: {match}"
        assert 0 <= p < len(articles[a].paragraphs), f"{files[a]} has no paragraph {p}"
        assert 0 <= q < len(articles[b].paragraphs), f"{files[b]} has no paragraph {q}"
        key = frozenset({(a, p), (b, q)})
        assert key not in seen, f"duplicate pair {match}"
        seen.add(key)
        for art, par in ((a, p), (b, q)):
            paragraph = articles[art].paragraphs[par]
            assert not paragraph.boilerplate, (
                f"boilerplate in a match: {files[art]} {par} {paragraph.text!r}"
            )


@pytest.mark.parametrize("name", SETS)
def test_headline_is_paragraph_zero(name: str) -> None:
    """The headline stays paragraph 0 (numbering equals the file's blocks) and is the title."""
    for art in _articles(name):
        assert art.title
        assert art.paragraphs[0].text == art.title
        assert art.paragraphs[0].role == "headline"
        assert all(p.role != "headline" for p in art.paragraphs[1:])


def test_ceasefire_properties() -> None:
    name = "ceasefire"
    files = _expected(name)["articles"]
    arts = _articles(name)
    assert len(arts) == 2
    assert {Path(f).suffix for f in files} == {".txt", ".md"}
    assert all(12 <= len(a.paragraphs) <= 18 for a in arts)
    pairs = _pairs(name)
    # A paragraph split in two: one left paragraph whose partners are two consecutive paragraphs.
    splits = [
        p
        for p in range(len(arts[0].paragraphs))
        if any(
            b - a == 1 for a, b in zip(_partners(name, (0, p), 1), _partners(name, (0, p), 1)[1:])
        )
    ]
    assert splits, "no 1-to-2 split"
    merges = [q for q in range(len(arts[1].paragraphs)) if len(_partners(name, (1, q), 0)) >= 2]
    assert merges, "no 2-to-1 merge"
    crossing = any(l1[1] < l2[1] and r1[1] > r2[1] for l1, r1 in pairs for l2, r2 in pairs)
    assert crossing, "no crossing matches"
    for i, art in enumerate(arts):
        matched = {ref[1] for pair in pairs for ref in pair if ref[0] == i}
        unmatched = [
            p.index for p in art.paragraphs if p.index not in matched and not p.boilerplate
        ]
        assert len(unmatched) >= 2, f"{files[i]} needs paragraphs only it reports"
    # Name variants the set exists to test must really be on both sides.
    assert "Erdogan" in arts[0].text and "Erdoğan" in arts[1].text and "Recept" in arts[0].text


def test_three_outlets_properties() -> None:
    name = "three-outlets"
    files = _expected(name)["articles"]
    arts = _articles(name)
    assert len(arts) == 3
    assert {Path(f).suffix for f in files} == {".html", ".txt", ".md"}
    pairs = _pairs(name)
    for a in range(3):
        for b in range(a + 1, 3):
            assert any(left[0] == a and right[0] == b for left, right in pairs), (
                f"no expected match between {a} and {b}"
            )
    html = arts[[Path(f).suffix for f in files].index(".html")]
    page_furniture = (
        "cookies",
        "Related stories",
        "Share this",
        "All rights reserved",
        "Subscribe",
        "Privacy",
    )
    for p in html.paragraphs:
        assert not any(word in p.text for word in page_furniture), p.text
    assert "families evacuated" in html.title
    txt = arts[[Path(f).suffix for f in files].index(".txt")]
    tail = {p.text: p for p in txt.paragraphs[-2:]}
    assert set(tail) == {"Share this", "Source link"}
    assert all(p.boilerplate for p in tail.values())


def test_rewrite_properties() -> None:
    name = "rewrite"
    original, rewrite = _articles(name)
    assert len(original.paragraphs) >= 2 * len(rewrite.paragraphs)
    assert 35 <= len(original.paragraphs) <= 45 and 15 <= len(rewrite.paragraphs) <= 20
    multi = [q for q in range(len(rewrite.paragraphs)) if len(_partners(name, (1, q), 0)) >= 2]
    assert len(multi) >= len(rewrite.paragraphs) // 2, "merges should be the norm in the rewrite"
    # Reordered: the rewrite's partners do not follow the original's order.
    firsts = [
        min(_partners(name, (1, q), 0))
        for q in range(len(rewrite.paragraphs))
        if _partners(name, (1, q), 0)
    ]
    assert firsts != sorted(firsts)


def test_hostile_properties() -> None:
    name = "hostile"
    files = _expected(name)["articles"]
    raw = [(SAMPLES / name / f).read_bytes() for f in files]
    assert any(b"\x1b[2J" in r and b"\x1b]0;" in r and b"\x07" in r for r in raw), (
        "escape bytes must be on disk"
    )
    assert all(b"[/]" in r for r in raw)
    arts = _articles(name)
    for art in arts:
        for text in [art.title, art.text, *(p.text for p in art.paragraphs)]:
            assert "\x1b" not in text and "\x07" not in text
    joined = "\n".join(a.text for a in arts)
    for literal in (
        "[/]",
        "[bold]not bold[/bold]",
        "[@click=app.quit]x[/]",
        "[citation needed]",
        "[$accent]",
        "東京",
        "🙂",
    ):
        assert literal in joined, f"{literal!r} must survive ingest verbatim"


def test_best_match_counts_scores_the_top_partner_only() -> None:
    expected = {((0, 0), (1, 0))}
    scored = {((0, 0), (1, 1)): 0.9, ((0, 0), (1, 0)): 0.5}
    # (0,0) picks (1,1) first: wrong.  (1,0) has only (0,0): right.
    assert ev.best_match_counts(expected, scored) == (1, 2)
    assert ev.best_match_counts(expected, {}) == (0, 2)


def _report() -> dict[str, Any]:
    try:
        return ev.evaluate_all(ev.sample_sets(SAMPLES))
    except ev.EvalError as exc:
        pytest.skip(str(exc))


def test_matcher_quality_floor() -> None:
    pytest.importorskip(
        "reader.core.matching.matcher", reason="reader.core.matching.matcher not written yet"
    )
    overall = _report()["overall"]
    assert overall["precision"] >= PRECISION_FLOOR, overall
    assert overall["recall"] >= RECALL_FLOOR, overall
    assert overall["best_match_accuracy"] >= BEST_MATCH_FLOOR, overall
