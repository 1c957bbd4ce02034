"""The command line under hostile names and a hostile environment: no write destroys data, nothing
from a file name reaches the terminal raw, every environment failure is one line (issue 10)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import reader.cli as cli
from reader.cli import main

A_TEXT = """Storm closes port

Heavy rain forced the harbour authority in Valmora to close the port on Monday, stranding 40 ships.

Mayor Ilse Brandt said the closure would last at least three days.
"""
B_TEXT = """Port shut as storm hits Valmora

Mayor Brandt told reporters the port would stay shut for three days or more.

Forty vessels were stuck after the Valmora harbour authority closed the port on Monday.
"""
OLD_REPORT = '{"the": "good old report"}'


@pytest.fixture()
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    return a, b


def _run(args: list[str | bytes], **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, timeout=120, **kwargs
    )


def _one_error_line(stderr: bytes) -> str:
    lines = stderr.decode("utf-8", "replace").strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("parallel-reader: error: ")
    assert "Traceback" not in lines[0] and "internal error" not in lines[0]
    return lines[0]


# --- the output is one of the inputs ------------------------------------------------------------


@pytest.mark.parametrize("spelling", ["same", "symlink", "hardlink", "dotted"])
def test_output_that_is_an_input_is_refused(pair, tmp_path: Path, capsys, spelling: str) -> None:
    a, b = pair
    output = {"same": a, "dotted": tmp_path / "." / "a.txt"}.get(spelling)
    if spelling == "symlink":
        output = tmp_path / "link.json"
        output.symlink_to(a)
    elif spelling == "hardlink":
        output = tmp_path / "hard.json"
        os.link(a, output)
    assert main(["compare", str(a), str(b), "-o", str(output)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is also an input" in err[0]
    assert a.read_text(encoding="utf-8") == A_TEXT


# --- atomic report writes -----------------------------------------------------------------------


def _failing_writer(failure: BaseException):
    def write(analysis, fmt, stream, detail=()) -> None:
        stream.write('{"articles": [' * 1000)  # half a report
        raise failure

    return write


@pytest.mark.parametrize(
    ("failure", "code"),
    [
        (KeyboardInterrupt(), 130),
        (OSError(28, "No space left on device"), 1),
    ],
)
def test_an_interrupted_or_failed_write_keeps_the_old_report(
    pair, tmp_path, monkeypatch, capsys, failure: BaseException, code: int
) -> None:
    out = tmp_path / "report.json"
    out.write_text(OLD_REPORT, encoding="utf-8")
    monkeypatch.setattr(cli, "_write_report", _failing_writer(failure))
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(out)]) == code
    assert out.read_text(encoding="utf-8") == OLD_REPORT
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".parallel-reader-")] == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_during_the_write_keeps_the_old_report(pair, tmp_path, monkeypatch) -> None:
    out = tmp_path / "report.json"
    out.write_text(OLD_REPORT, encoding="utf-8")

    def write(analysis, fmt, stream, detail=()) -> None:
        stream.write('{"articles": [' * 1000)
        os.kill(os.getpid(), signal.SIGTERM)  # what `kill` or a closing terminal sends
        stream.write("never written")

    monkeypatch.setattr(cli, "_write_report", write)
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(out)]) == 128 + signal.SIGTERM
    assert out.read_text(encoding="utf-8") == OLD_REPORT
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".parallel-reader-")] == []


def test_a_successful_write_replaces_the_report(pair, tmp_path) -> None:
    out = tmp_path / "report.json"
    out.write_text(OLD_REPORT, encoding="utf-8")
    assert main(["compare", str(pair[0]), str(pair[1]), "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["schema_version"] == 1


# --- names that carry terminal controls ---------------------------------------------------------


def test_usage_errors_do_not_echo_escape_sequences(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["compare", "--bogus\x1b]52;c;cm0gLXJmIH4=\x07\u202e", "x.txt"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\x07" not in err
    assert "unrecognized arguments: --bogus" in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
def test_json_and_markdown_carry_no_controls_from_file_names(tmp_path: Path, capsys) -> None:
    a = tmp_path / "news\u202e\u0085\u009b2J\x1b]0;pwned\x07.txt"
    b = tmp_path / "two\nlines|pipe.txt"
    a.write_text(A_TEXT, encoding="utf-8")
    b.write_text(B_TEXT, encoding="utf-8")
    assert main(["compare", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    for article in data["articles"]:
        for field in (article["source"], article["title"]):
            assert not any(ch in field for ch in "\u202e\u0085\u009b\x1b\x07\n")
    assert main(["compare", str(a), str(b), "--format", "md"]) == 0
    table = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith("| B |")]
    assert len(table) == 1 and "two" in table[0] and "lines" in table[0]  # the row stayed one row


# --- environment failures: one line, exit 1 ------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk(pair) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "compare", str(pair[0]), str(pair[1])],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
        )
    assert result.returncode == 1
    assert "cannot write to standard output: No space left on device" in _one_error_line(
        result.stderr
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file descriptors")
def test_closed_stdout(pair) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(pair[0]), str(pair[1])],
        stderr=subprocess.PIPE,
        timeout=120,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 1
    assert "standard output is closed" in _one_error_line(result.stderr)


def test_an_output_name_too_long_for_the_system(pair, tmp_path) -> None:
    out = tmp_path / ("r" * 300 + ".json")
    result = _run(["compare", str(pair[0]), str(pair[1]), "-o", str(out)])
    assert result.returncode == 1
    assert "File name too long" in _one_error_line(result.stderr)
    assert sorted(tmp_path.iterdir()) == sorted(pair)  # no report, no temporary file


@pytest.mark.skipif(sys.platform != "linux", reason="byte file names")
def test_non_utf8_file_names_for_input_and_output(pair, tmp_path) -> None:
    folder = os.fsencode(tmp_path)
    weird_in = folder + b"/caf\xe9.txt"
    with open(weird_in, "wb") as fh:
        fh.write(A_TEXT.encode("utf-8"))
    weird_out = folder + b"/r\xff\xfe.json"
    result = _run(["compare", weird_in, str(pair[1]), "-o", weird_out])
    assert result.returncode == 0, result.stderr
    with open(weird_out, "rb") as fh:
        data = json.loads(fh.read().decode("utf-8"))
    assert data["articles"][0]["source"].endswith("caf\ufffd.txt")


def test_warnings_are_one_line_each_on_stderr(pair, tmp_path) -> None:
    stray = tmp_path / "stray.txt"
    stray.write_bytes(
        ("Storm in Tōkyō closes port\n\n" + A_TEXT).encode("utf-8").replace(b"Heavy", b"\xffHeavy")
    )
    result = _run(["compare", str(stray), str(pair[1])])
    assert result.returncode == 0
    assert result.stderr.decode("utf-8").splitlines() == [
        f"parallel-reader: warning: {stray}: 1 invalid UTF-8 byte replaced with \ufffd"
    ]


@pytest.mark.parametrize(("size", "code"), [("1KB", 1), ("10MB", 0), ("lots", 2)])
def test_max_size_option(pair, tmp_path, capsys, size: str, code: int) -> None:
    big = tmp_path / "big.txt"
    big.write_text(A_TEXT + "\n" + "More text about the storm in Valmora. " * 100, encoding="utf-8")
    try:
        result = main(["compare", str(big), str(pair[1]), "--max-size", size])
    except SystemExit as stop:  # argparse rejects a bad size as a usage error
        result = stop.code
    assert result == code
    if code == 1:
        assert (
            "larger than the 1 KB limit for one article (--max-size raises it)"
            in capsys.readouterr().err
        )


def test_warnings_are_in_the_json_report(pair, tmp_path, capsys) -> None:
    stray = tmp_path / "stray.txt"
    stray.write_bytes(
        ("Storm in Tōkyō closes port\n\n" + A_TEXT).encode("utf-8").replace(b"Heavy", b"\xffHeavy")
    )
    assert main(["compare", str(stray), str(pair[1])]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["warnings"] for a in data["articles"]] == [
        ["1 invalid UTF-8 byte replaced with \ufffd"],
        [],
    ]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file descriptors")
def test_the_reader_with_a_closed_stdout_is_one_line(pair) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(pair[0]), str(pair[1])],
        stderr=subprocess.PIPE,
        timeout=120,
        env=env,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 2
    assert "the reader needs a terminal" in _one_error_line(result.stderr)
