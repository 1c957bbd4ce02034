"""Where the corrections file lives, and reading and saving it without ever losing work.

By default the file sits beside the first article (``<name>.parallel-reader.json``) so it travels
with the articles; when that folder cannot be written (a read-only share, a URL, standard input)
it goes to the user's data directory.  Saving goes through :mod:`reader.store` (temporary file,
fsync, rename), so a failed save leaves the previous good file.  A file that cannot be read as
corrections is reported once and left exactly as it is: nothing is saved over it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader import APP_NAME
from reader.core.corrections.document import CorrectionsError, dumps, loads
from reader.core.corrections.kinds import Correction
from reader.store import atomic_write_text

SUFFIX = ".parallel-reader.json"
_MAX_BYTES = 50 * 1024 * 1024
"""A corrections file is small; anything this big is not one (and is not read into memory)."""


def data_dir() -> Path:
    """The user's data directory for this program (platformdirs: XDG, macOS, Windows rules)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _is_file_source(source: str) -> bool:
    return source != "-" and "://" not in source


def _safe_name(source: str) -> str:
    """A file name for a source that has no folder of its own (a URL, standard input)."""
    if source == "-":
        return "stdin"
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", source.split("://", 1)[-1]).strip("._")
    return name[:100] or "articles"


def default_path(sources: Sequence[str], *, beside: bool = True) -> Path:
    """Where the corrections for these articles are kept when ``--corrections`` is not given.

    ``beside=False`` keeps them in the data directory even for files (the bundled samples: an
    installed package's folder is no place for the user's work).
    """
    first = sources[0] if sources else "-"
    if not beside and _is_file_source(first):
        return data_dir() / (Path(first).name + SUFFIX)
    if _is_file_source(first):
        path = Path(first)
        near = path.with_name(path.name + SUFFIX)
        if os.access(near.parent, os.W_OK | os.X_OK) and (
            not near.exists() or os.access(near, os.W_OK)
        ):
            return near
        return data_dir() / (path.name + SUFFIX)
    return data_dir() / (_safe_name(first) + SUFFIX)


@dataclass(slots=True)
class CorrectionsFile:
    """The corrections of one comparison, bound to the file they are saved in.

    Attributes:
        path: the file.
        corrections: what was read (empty when the file does not exist yet or was unusable).
        problem: one line when the file exists but could not be used; saving is then disabled so
            the bad file stays exactly as it is.
    """

    path: Path
    corrections: list[Correction] = field(default_factory=list)
    problem: str | None = None

    @property
    def can_save(self) -> bool:
        return self.problem is None

    def save(self, corrections: Sequence[Correction]) -> str | None:
        """Save ``corrections`` atomically; returns ``None``, or one line saying why it failed
        (the previous file is then untouched)."""
        if self.problem is not None:
            return f"corrections not saved: {self.path} is unusable and left as it is"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, dumps(corrections))
        except OSError as error:
            reason = error.strerror or type(error).__name__
            return f"corrections not saved to {self.path}: {reason}; the previous file is kept"
        self.corrections = list(corrections)
        return None


def open_corrections(path: str | os.PathLike[str]) -> CorrectionsFile:
    """Read the corrections file at ``path`` (a missing file is an empty set, not a problem)."""
    target = Path(path)
    try:
        with open(target, "rb") as stream:
            data = stream.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        return CorrectionsFile(target)
    except IsADirectoryError:
        return CorrectionsFile(target, problem=f"{target} is a folder, not a corrections file")
    except OSError as error:
        return CorrectionsFile(
            target, problem=f"cannot read corrections file {target}: {error.strerror or error}"
        )
    if len(data) > _MAX_BYTES:
        return CorrectionsFile(target, problem=f"corrections file {target} is too large; ignored")
    try:
        corrections = loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        problem = "not UTF-8 text"
    except CorrectionsError as error:
        problem = str(error)
    else:
        return CorrectionsFile(target, corrections)
    return CorrectionsFile(
        target,
        problem=f"corrections file {target} ignored ({problem}); opened without it, file left as it is",
    )
