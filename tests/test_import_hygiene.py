"""The analysis core must never pull in the UI toolkit (so it stays scriptable and fast to import)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader.core


def _core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
    )


def test_core_has_modules() -> None:
    assert {"reader.core.model", "reader.core.analysis", "reader.core.report"} <= set(_core_modules())


def test_core_never_imports_textual() -> None:
    modules = _core_modules() + ["reader.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'reader.ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported UI modules: {result.stdout.strip()}"
