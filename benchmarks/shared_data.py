"""Where the project's public dev data lives, for benchmarks and the quality-floor tests.

The data is ``shared/data`` beside the repository or beside one of its parent folders (from a
checkout in ``/work/main`` that is ``/work/shared/data``; from a CI clone in ``/tmp/ci/main``,
``/tmp/ci/shared/data``).  One lookup, so no script hard-codes a machine's path.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_data(sub: str = "") -> Path | None:
    """``shared/data/<sub>`` nearest the repository, or ``None`` when this machine has none."""
    for parent in REPO.parents:
        candidate = parent / "shared" / "data" / sub
        if candidate.exists():
            return candidate
    return None
