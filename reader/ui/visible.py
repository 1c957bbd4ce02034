"""Which articles get a pane when not all fit: pure rules, unit-tested without Textual.

The reader shows two or three articles side by side.  The leading article (the one navigation
moves in) is always shown; the others keep their place where possible, so resizing or jumping to
a hit never reshuffles the panes the reader is comparing.
"""

from __future__ import annotations

from collections.abc import Sequence


def fit(shown: Sequence[int], active: int, total: int, want: int) -> list[int]:
    """The shown articles (ascending) after the room changed to ``want`` panes.

    Keeps what is shown where possible and always the leading article ``active``; fills up with
    the articles after it (wrapping around), and drops from the end when there is less room.
    """
    want = min(total, want)
    visible = [a for a in shown if a < total]
    if active not in visible:
        visible = [active]
    for a in [*range(active, total), *range(0, active)]:
        if len(visible) >= want:
            break
        if a not in visible:
            visible.append(a)
    if len(visible) > want:
        visible = [active] + [a for a in visible if a != active][: want - 1]
    return sorted(visible)


def bring_in(shown: Sequence[int], active: int, article: int) -> list[int]:
    """The shown articles once ``article`` must be on screen: it replaces the last pane that does
    not lead (the leading one only when it is alone)."""
    if article in shown:
        return list(shown)
    others = [a for a in shown if a != active]
    replaced = others[-1] if others else shown[-1]
    return sorted([a for a in shown if a != replaced] + [article])


def cycled(shown: Sequence[int], total: int) -> list[int]:
    """The next set of articles for the "view" key: every pane moves on by one article."""
    return sorted({(a + 1) % total for a in shown})
