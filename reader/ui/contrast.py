"""Legible colours for small marks (the gutter), whatever the theme.

Theme colours are chosen for large areas: the warning yellow of a light theme is fine as a
background yet nearly invisible as a one-cell mark on pale grey, and Textual's ``auto 60%``
("muted text") cannot be taken into a partial component style at all (it comes out white).  So
the pane picks its gutter colours here: a theme colour, optionally faded towards the background,
then darkened or lightened just enough to reach a WCAG contrast ratio against that background.

Pure arithmetic on ``(r, g, b)`` tuples (0-255), so it is unit-testable without Textual.
"""

from __future__ import annotations

RGB = tuple[int, int, int]

MARK_CONTRAST = 4.5
"""WCAG AA for text: gutter labels ("→B3", "⇅B6") are read, not just seen."""
DIM_CONTRAST = 3.0
"""WCAG AA for non-text UI marks: the floor for deliberately quiet marks ("·", "≠")."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: RGB) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""
    r, g, b = rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: RGB, b: RGB) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def blend(a: RGB, b: RGB, amount: float) -> RGB:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return (
        round(a[0] + (b[0] - a[0]) * amount),
        round(a[1] + (b[1] - a[1]) * amount),
        round(a[2] + (b[2] - a[2]) * amount),
    )


def legible(colour: RGB, background: RGB, floor: float) -> RGB:
    """``colour``, or the nearest shade of it (towards black or white, whichever side of the
    background gives more room) whose contrast with ``background`` reaches ``floor``.

    Keeps the hue as far as possible, so a theme's warning mark stays recognisably amber on a
    light theme (a darker amber) rather than turning into plain text colour.
    """
    if contrast(colour, background) >= floor:
        return colour
    black, white = (0, 0, 0), (255, 255, 255)
    target = black if contrast(black, background) >= contrast(white, background) else white
    lo, hi = 0.0, 1.0
    for _ in range(12):  # bisection: the smallest step towards the target that is legible
        mid = (lo + hi) / 2
        if contrast(blend(colour, target, mid), background) >= floor:
            hi = mid
        else:
            lo = mid
    return blend(colour, target, hi)
