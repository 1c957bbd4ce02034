"""The user's configuration file: key bindings, theme, sidebar, minimum pane width.

A TOML file in the user's config directory (platformdirs; ``--config PATH`` to choose another)::

    theme = "gruvbox"          # any Textual theme; the palette's choice is written back here
    sidebar = false            # sidebar open at start (default: when the terminal is wide enough)
    min_pane_width = 40        # narrowest article pane, in columns

    [keys]                     # binding id = keys, comma-separated (Textual keymaps)
    next-match = "n,ctrl+n"

A file that cannot be used (bad TOML, a wrong type, an unknown setting) gives one warning line and
every default: half-applied settings would be harder to understand than none.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import APP_NAME
from reader.store import atomic_write_text

FILE_NAME = "config.toml"
MIN_PANE_WIDTH_RANGE = (10, 200)
_MAX_BYTES = 1024 * 1024
_KEYS = re.compile(r"[A-Za-z0-9_+\-]+(\s*,\s*[A-Za-z0-9_+\-]+)*")


def config_path() -> Path:
    """The default config file: ``<user config dir>/parallel-reader/config.toml``."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


@dataclass(slots=True)
class Config:
    """Settings read from the config file; ``None`` means "the built-in default"."""

    path: Path | None = None
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    sidebar: bool | None = None
    min_pane_width: int | None = None


def _parse(data: dict[str, Any], path: Path) -> Config:
    """Checked settings (raises ``ValueError`` with what is wrong)."""
    config = Config(path)
    for name, value in data.items():
        if name == "keys":
            if not isinstance(value, dict):
                raise ValueError('[keys] must be a table of binding id = "keys"')
            for binding, keys in value.items():
                if not isinstance(keys, str) or not _KEYS.fullmatch(keys.strip()):
                    raise ValueError(f'keys.{binding}: expected keys like "n,ctrl+n"')
                config.keys[str(binding)] = ",".join(k.strip() for k in keys.split(","))
        elif name == "theme":
            if not isinstance(value, str) or not value:
                raise ValueError("theme: expected a theme name")
            config.theme = value
        elif name == "sidebar":
            if not isinstance(value, bool):
                raise ValueError("sidebar: expected true or false")
            config.sidebar = value
        elif name == "min_pane_width":
            low, high = MIN_PANE_WIDTH_RANGE
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise ValueError(f"min_pane_width: expected a whole number from {low} to {high}")
            config.min_pane_width = value
        else:
            raise ValueError(f"unknown setting {name!r}")
    return config


def load_config(path: str | os.PathLike[str] | None = None) -> tuple[Config, str | None]:
    """The settings at ``path`` (default :func:`config_path`), and a warning line or ``None``.

    A missing default file is no problem (every default); a missing file named with ``--config``
    is worth a warning.  Any problem gives the defaults, bound to no file (so the theme chosen in
    the palette is not written over a file the user has to fix first).
    """
    explicit = path is not None
    target = Path(path) if path is not None else config_path()
    try:
        with open(target, "rb") as stream:
            raw = stream.read(_MAX_BYTES + 1)
    except FileNotFoundError:
        if explicit:
            return Config(), f"config file {target} not found; using the defaults"
        return Config(target), None
    except OSError as error:
        return (
            Config(),
            f"config file {target} unreadable ({error.strerror or error}); using the defaults",
        )
    # The TOML parser is imported only when there is a file to parse (every start reads the
    # config before the first frame, and most users have none).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        if len(raw) > _MAX_BYTES:
            raise ValueError("too large")
        config = _parse(tomllib.loads(raw.decode("utf-8")), target)
    except UnicodeDecodeError:
        return Config(), f"config file {target} is not UTF-8 text; using the defaults"
    except (tomllib.TOMLDecodeError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Config(), f"config file {target} ignored ({reason}); using the defaults"
    return config, None


_THEME_LINE = re.compile(r"^[ \t]*theme[ \t]*=.*$", re.MULTILINE)


def remember_theme(config: Config, theme: str) -> str | None:
    """Write ``theme = "…"`` into the config file, keeping everything else (comments included).

    Returns ``None`` or one line saying why it could not be saved.  Nothing is written when the
    config was unusable (no path) or already says this theme.
    """
    if config.path is None or config.theme == theme:
        return None
    line = f"theme = {_toml_string(theme)}"
    try:
        old = config.path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    except (OSError, UnicodeDecodeError) as error:
        return f"theme not remembered: {config.path}: {error}"
    text = (
        _THEME_LINE.sub(line, old, count=1) if _THEME_LINE.search(old) else _insert_top(old, line)
    )
    try:
        config.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(config.path, text)
    except OSError as error:
        return f"theme not remembered: {config.path}: {error.strerror or error}"
    config.theme = theme
    return None


def _insert_top(text: str, line: str) -> str:
    """``line`` before the first table header (top-level keys must precede tables in TOML)."""
    lines = text.splitlines(keepends=True)
    for i, existing in enumerate(lines):
        if existing.lstrip().startswith("["):
            return "".join([*lines[:i], line + "\n", *lines[i:]])
    return text + ("" if not text or text.endswith("\n") else "\n") + line + "\n"


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{"".join(ch if ch.isprintable() else "" for ch in escaped)}"'
