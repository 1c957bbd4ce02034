"""The analysis core must never pull in the UI toolkit (so it stays scriptable and fast to import)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader
import reader.core


def _core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(reader.core.__path__, prefix="reader.core.")
    )


def test_core_has_modules() -> None:
    assert {"reader.core.model", "reader.core.analysis", "reader.core.report"} <= set(
        _core_modules()
    )


def test_core_never_imports_textual() -> None:
    modules = _core_modules() + ["reader.cli"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'reader.ui')))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core imported UI modules: {result.stdout.strip()}"


def test_no_import_cycle_between_modules() -> None:
    """No module imports (directly or through others) a module that imports it back.

    grimp reads every import statement, including the ones inside functions, so a "hidden" cycle
    (two screens importing each other lazily) fails here as well as a visible one.  A package's
    ``__init__`` re-exporting its submodules is not a cycle of behaviour and is skipped.
    """
    grimp = pytest.importorskip("grimp")
    graph = grimp.build_graph("reader")
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported.startswith(module + ".") or module.startswith(imported + "."):
                continue  # a package and its own submodules
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain and not any(
                a.startswith(b + ".") or b.startswith(a + ".") for a, b in zip(chain, chain[1:])
            ):
                cycles.append(" -> ".join((module, *chain)))
    assert not cycles, "import cycles:\n" + "\n".join(cycles)


def test_every_source_folder_is_a_package() -> None:
    """A folder without ``__init__.py`` is a namespace package that import checks cannot see."""
    root = Path(reader.__file__).parent
    missing = sorted(
        str(folder.relative_to(root))
        for folder in {path.parent for path in root.rglob("*.py")}
        if not (folder / "__init__.py").exists()
    )
    assert not missing, f"folders without __init__.py: {missing}"
