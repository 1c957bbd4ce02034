"""Load a script of ``benchmarks/`` as a module, so a test shares its logic instead of copying it.

``benchmarks/`` is not a package.  Each script is loaded once per run under its own name and
registered in ``sys.modules`` before it runs (its dataclasses need their module to be findable).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load(relative: str, name: str | None = None) -> ModuleType:
    """The script ``benchmarks/<relative>`` as a module named ``name`` (default: its stem)."""
    path = BENCHMARKS / relative
    name = name or path.stem
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
