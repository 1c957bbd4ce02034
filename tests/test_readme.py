"""The README's two set-up commands are the ones CI actually runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:sh|bash)\n(.+?)\n```", quick)


def test_readme_has_two_setup_commands() -> None:
    commands = _commands()
    assert len(commands) == 2, commands
    run, test = commands
    assert "parallel-reader" in run and "pip install" in run
    assert "pytest" in test and ".[test" in test
    # Users and CI get the same matcher: both commands install the meaning extra.
    assert "meaning" in run and "meaning" in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_command = _commands()[1]
    ci_lines = [line.strip() for line in ci.splitlines()]
    assert test_command.strip() in ci_lines
