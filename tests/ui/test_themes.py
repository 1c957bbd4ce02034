"""Gutter marks stay legible in every built-in theme (issue 12: pale yellow on light grey)."""

from __future__ import annotations

import pytest
from rich.color import ColorType

from reader.ui.app import ReaderApp
from reader.ui.contrast import DIM_CONTRAST, MARK_CONTRAST, blend, contrast, legible
from reader.ui.widgets.article_pane import GUTTER_CLASS, GUTTER_COLOURS

from .conftest import story_analysis


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # WCAG's own example: #777777 on white is just under 4.5:1.
    assert contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    "colour, background",
    [
        ((0xFE, 0xA6, 0x2B), (0xD8, 0xD8, 0xD8)),  # textual-light's warning on its surface
        ((0x20, 0x20, 0x60), (0x1E, 0x1E, 0x1E)),  # dark blue on a dark background
        ((0x80, 0x80, 0x80), (0x80, 0x80, 0x80)),  # invisible: same colour
    ],
)
def test_legible_reaches_the_floor_and_keeps_a_legible_colour(colour, background) -> None:
    for floor in (DIM_CONTRAST, MARK_CONTRAST):
        assert contrast(legible(colour, background, floor), background) >= floor
    ok = (0, 0, 0)
    assert legible(ok, (255, 255, 255), MARK_CONTRAST) == ok  # already legible: unchanged


def test_legible_changes_a_colour_no_more_than_needed() -> None:
    amber, grey = (0xFE, 0xA6, 0x2B), (0xD8, 0xD8, 0xD8)
    fixed = legible(amber, grey, MARK_CONTRAST)
    # Darker amber, not black: red still dominates blue.
    assert fixed != (0, 0, 0) and fixed[0] > fixed[2]
    assert contrast(blend(fixed, amber, 0.1), grey) < MARK_CONTRAST


async def test_every_gutter_mark_is_legible_in_every_theme() -> None:
    analysis = story_analysis(2)
    app = ReaderApp(analysis.articles, analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.reader.pane(0)
        themes = sorted(app.available_themes)
        assert len(themes) > 10 and "textual-light" in themes
        failures = []
        checked = 0
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            base = pane.rich_style
            for cls in set(GUTTER_CLASS.values()) | {"gutter-cursor"}:
                style = base + pane._style(cls, True)
                fg, bg = style.color, style.bgcolor
                assert fg is not None and bg is not None
                if bg.type is not ColorType.TRUECOLOR:
                    # ANSI themes: the terminal's own palette decides; we keep its colours.
                    assert app.current_theme.name.startswith("ansi"), theme
                    continue
                checked += 1
                ratio = contrast(tuple(fg.get_truecolor()), tuple(bg.get_truecolor()))
                if ratio < GUTTER_COLOURS[cls][2]:
                    failures.append(f"{theme} {cls}: {ratio:.2f}")
            # What is painted is what was checked: the first gutter cell of the first row.
            first = next(iter(pane.render_line(0)))
            assert first.style is not None and first.style.color is not None
        assert checked > 50
        assert not failures, failures
        assert min(f for _, _, f in GUTTER_COLOURS.values()) >= DIM_CONTRAST
