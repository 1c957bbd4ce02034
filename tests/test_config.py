"""The config file: settings read, one warning and the defaults when it is unusable, the theme
written back without losing the user's comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import Config, load_config, remember_theme


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_settings_are_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '# mine\ntheme = "gruvbox"\nsidebar = false\nmin_pane_width = 40\n'
        '[keys]\nnext-match = "n, ctrl+n"\n',
    )
    config, warning = load_config(path)
    assert warning is None
    assert config == Config(path, {"next-match": "n,ctrl+n"}, "gruvbox", False, 40)


@pytest.mark.parametrize(
    "text, words",
    [
        ("theme = ", "ignored"),
        ("sidebar = 3", "sidebar: expected true or false"),
        ("min_pane_width = 2", "min_pane_width"),
        ("colour = 'red'", "unknown setting 'colour'"),
        ("[keys]\nquit = 5", "keys.quit"),
        ("keys = 1", "[keys] must be a table"),
    ],
)
def test_invalid_file_is_one_warning_and_the_defaults(
    tmp_path: Path, text: str, words: str
) -> None:
    config, warning = load_config(_write(tmp_path, text))
    assert config == Config()
    assert warning is not None and words in warning and "\n" not in warning
    assert "using the defaults" in warning


def test_missing_default_is_silent_missing_explicit_warns(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("reader.config.config_path", lambda: tmp_path / "none.toml")
    assert load_config() == (Config(tmp_path / "none.toml"), None)
    config, warning = load_config(tmp_path / "other.toml")
    assert config == Config() and warning is not None and "not found" in warning


def test_theme_is_remembered_keeping_comments(tmp_path: Path) -> None:
    path = _write(tmp_path, '# my settings\nsidebar = true\n\n[keys]\nquit = "q"\n')
    config, _ = load_config(path)
    assert remember_theme(config, "nord") is None
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# my settings\nsidebar = true\n")
    assert load_config(path)[0].theme == "nord"
    assert remember_theme(load_config(path)[0], "dracula") is None
    assert path.read_text(encoding="utf-8").count("theme =") == 1
    assert load_config(path)[0] == Config(path, {"quit": "q"}, "dracula", True, None)


def test_theme_not_written_over_an_unusable_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "theme = = broken")
    config, warning = load_config(path)
    assert warning and remember_theme(config, "nord") is None
    assert path.read_text(encoding="utf-8") == "theme = = broken"


def test_new_config_file_is_created(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "sub" / "config.toml"
    monkeypatch.setattr("reader.config.config_path", lambda: target)
    config, _ = load_config()
    assert remember_theme(config, "nord") is None
    assert target.read_text(encoding="utf-8") == 'theme = "nord"\n'
