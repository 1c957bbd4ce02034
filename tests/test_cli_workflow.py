"""Command line for work that persists: compare applies corrections, open shows a saved report,
help lists the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.corrections import RejectMatch, dumps, paragraph_key
from reader.core.report import loads_report
from tests.test_cli import A_TEXT, B_TEXT


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def _report(pair, capsys, *extra: str) -> dict:
    assert main(["compare", str(pair[0]), str(pair[1]), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _reject_first(pair, capsys, target: Path) -> tuple[list[int], list[int]]:
    """Write a corrections file that rejects the first match of the plain report."""
    data = _report(pair, capsys)
    analysis = loads_report(json.dumps(data))
    m = analysis.matches[0]
    target.write_text(
        dumps([RejectMatch.of(paragraph_key(analysis, m.left), paragraph_key(analysis, m.right))]),
        encoding="utf-8",
    )
    return list(m.left), list(m.right)


def test_compare_applies_corrections_found_beside_the_first_article(pair, capsys) -> None:
    left, right = _reject_first(pair, capsys, pair[0].with_name("a.txt.parallel-reader.json"))
    data = _report(pair, capsys)
    assert [left, right] not in [[m["left"], m["right"]] for m in data["matches"]]
    assert [[m["left"], m["right"]] for m in data["rejected_matches"]] == [[left, right]]


def test_compare_corrections_option_and_renamed_files(pair, capsys, tmp_path) -> None:
    saved = tmp_path / "elsewhere.json"
    left, right = _reject_first(pair, capsys, saved)
    moved = tmp_path / "moved"
    moved.mkdir()
    renamed = (pair[0].rename(moved / "first.txt"), pair[1].rename(moved / "second.txt"))
    data = _report(renamed, capsys, "--corrections", str(saved))
    assert [[m["left"], m["right"]] for m in data["rejected_matches"]] == [[left, right]]
    assert (
        main(
            [
                "compare",
                *map(str, renamed),
                "--format",
                "md",
                "--detail",
                "pairs",
                "--corrections",
                str(saved),
            ]
        )
        == 0
    )
    assert "Rejected by hand (1)" in capsys.readouterr().out


def test_compare_with_corrupt_corrections_warns_and_reports(pair, capsys) -> None:
    bad = pair[0].with_name("a.txt.parallel-reader.json")
    bad.write_text("{oops", encoding="utf-8")
    assert main(["compare", str(pair[0]), str(pair[1])]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["rejected_matches"] == []
    warning = [line for line in captured.err.splitlines() if "corrections" in line]
    assert len(warning) == 1 and "not valid JSON" in warning[0]
    assert bad.read_text(encoding="utf-8") == "{oops"


def test_compare_missing_corrections_option_is_an_error(pair, capsys, tmp_path) -> None:
    assert (
        main(["compare", str(pair[0]), str(pair[1]), "--corrections", str(tmp_path / "none.json")])
        == 2
    )
    assert "not found" in capsys.readouterr().err


def test_help_lists_commands_and_json_default(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "parallel-reader compare" in out and "parallel-reader open" in out
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    assert "JSON by default" in capsys.readouterr().out


def test_open_shows_the_saved_analysis_without_reanalysing(
    pair, capsys, tmp_path, monkeypatch
) -> None:
    _reject_first(pair, capsys, pair[0].with_name("a.txt.parallel-reader.json"))
    report = tmp_path / "analysis.json"
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(report)]) == 0
    pair[0].unlink()
    pair[1].unlink()  # the report carries the articles
    shown = []
    monkeypatch.setenv("TEXTUAL_DRIVER", "headless")
    monkeypatch.setattr("reader.core.analysis.analyze", lambda *a, **k: pytest.fail("re-analysed"))
    monkeypatch.setattr(
        "reader.ui.app.ReaderApp.run", lambda self: shown.append(self._initial_analysis)
    )
    assert main(["open", str(report)]) == 0
    assert len(shown) == 1 and len(shown[0].rejected) == 1
    from reader.core.report import to_json

    assert to_json(shown[0]) == report.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "content, words",
    [
        ("not json", "not valid JSON"),
        ('{"schema": "x"}', "not a parallel-reader compare report"),
    ],
)
def test_open_bad_report_is_one_line(tmp_path, capsys, content, words) -> None:
    path = tmp_path / "r.json"
    path.write_text(content, encoding="utf-8")
    assert main(["open", str(path)]) == 1
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1


def test_open_missing_file(tmp_path, capsys) -> None:
    assert main(["open", str(tmp_path / "none.json")]) == 1
    assert "cannot read" in capsys.readouterr().err
