"""The config file in the reader: a remapped key works, the theme applies and is remembered,
unknown names are one notice."""

from __future__ import annotations

from pathlib import Path

from reader.config import Config, load_config
from reader.core.model import Analysis
from reader.ui.app import ReaderApp, binding_ids


def test_binding_ids_cover_the_reader_and_the_app() -> None:
    ids = binding_ids()
    assert {"next-match", "quit", "help", "search-next", "toggle-sidebar"} <= ids


async def test_remapped_key_moves_to_the_next_match(story2: Analysis, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nnext-match = "ctrl+n"\n', encoding="utf-8")
    config, warning = load_config(path)
    assert warning is None
    app = ReaderApp(story2.articles, analysis=story2, config=config)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("n")  # no longer bound
        assert app.reader.active_pane.cursor == 0
        await pilot.press("ctrl+n")
        assert app.reader.active_pane.cursor == 1


async def test_theme_applies_and_palette_choice_is_remembered(
    story2: Analysis, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# keep me\ntheme = "nord"\n', encoding="utf-8")
    config, _ = load_config(path)
    app = ReaderApp(story2.articles, analysis=story2, config=config)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == '# keep me\ntheme = "gruvbox"\n'


async def test_unknown_names_are_notices(story2: Analysis) -> None:
    config = Config(None, {"no-such-binding": "z"}, "no-such-theme")
    app = ReaderApp(story2.articles, analysis=story2, config=config, notices=["from the CLI"])
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "from the CLI" in messages
        assert any("unknown key binding id no-such-binding" in m for m in messages)
        assert any("unknown theme 'no-such-theme'" in m for m in messages)


async def test_no_color_is_honoured(story2: Analysis, monkeypatch) -> None:
    """With NO_COLOR set, every line the reader draws passes a colour-removing filter."""
    from textual.filter import Monochrome, NoColor

    monkeypatch.setenv("NO_COLOR", "1")
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any(isinstance(f, (Monochrome, NoColor)) for f in app.get_line_filters())


async def test_sidebar_and_min_pane_width_from_config(story3: Analysis) -> None:
    config = Config(None, {}, None, False, 70)
    app = ReaderApp(story3.articles, analysis=story3, config=config)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert not app.reader.sidebar_shown  # wide enough, but closed by the config
        assert len(app.reader.shown) == 2  # 160 // 70: two panes, not three
    app = ReaderApp(story3.articles, analysis=story3)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert app.reader.sidebar_shown and len(app.reader.shown) == 3
