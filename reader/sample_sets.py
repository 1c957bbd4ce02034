"""Find the bundled sample article sets, installed or in a source checkout.

A wheel carries ``samples/`` as ``reader/_samples``; an editable install or a plain checkout reads the
repository's ``samples/`` folder.  A set is a folder of articles; its ``expected.json`` (when present)
names the articles in reading order.
"""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT_SAMPLE = "ceasefire"
"""The set opened when the reader is started with no files: two outlets, every feature visible."""

_ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


def samples_dir() -> Path | None:
    """The folder holding the sample sets, or ``None`` when this installation has none."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_samples", here.parent / "samples"):
        if candidate.is_dir():
            return candidate
    return None


def sample_names() -> list[str]:
    """Names of the bundled sets, sorted."""
    root = samples_dir()
    if root is None:
        return []
    return sorted(p.name for p in root.iterdir() if p.is_dir() and sample_files(p.name))


def sample_files(name: str) -> list[Path]:
    """The article files of set ``name`` in reading order (empty if there is no such set)."""
    root = samples_dir()
    if root is None or not (root / name).is_dir():
        return []
    folder = root / name
    expected = folder / "expected.json"
    if expected.is_file():
        try:
            names = json.loads(expected.read_text(encoding="utf-8"))["articles"]
            files = [folder / n for n in names]
            if all(f.is_file() for f in files):
                return files
        except (ValueError, KeyError, TypeError):
            pass
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in _ARTICLE_SUFFIXES)


def default_sample() -> str | None:
    """The set to open with no arguments: :data:`DEFAULT_SAMPLE`, else the first one there is."""
    names = sample_names()
    if DEFAULT_SAMPLE in names:
        return DEFAULT_SAMPLE
    return names[0] if names else None
