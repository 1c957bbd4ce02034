"""One article, rendered through the Line API: a single virtualised ``ScrollView`` per pane.

Why not one widget per paragraph: mounting 10,000 widgets takes seconds and every key then pays for
layout of all of them.  Here the pane keeps three compact arrays (visual row -> paragraph, visual row
-> start offset, paragraph -> first row) rebuilt only when the width changes, renders only the rows on
screen, and caches finished strips keyed by ``(row, width, state)``.  Highlights are data (spans from
the analysis) turned into ``Segment`` styles, so article text never passes through a markup parser.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.model import Article
from reader.ui.contrast import DIM_CONTRAST, MARK_CONTRAST, blend, legible
from reader.ui.navigation import ArticleIndex, Span
from reader.ui.wrap import wrap_offsets

THREADED_LAYOUT_CHARS = 1_500_000
"""Above this many characters of text, wrapping (~50 ms) moves to a worker thread."""
STRIP_CACHE_ROWS = 512
"""Finished rows kept per pane: about a dozen screens.  More only feeds the garbage collector
(every cached ``Strip`` holds several small dicts it must walk on a full collection)."""
WRAP_CACHE_WIDTHS = 4
"""Wrapped layouts kept per pane, by text width: resizing back and forth (or toggling the
sidebar) reuses them instead of re-wrapping every paragraph."""
DISPLAY_CHARS_MAX = 100_000
"""Characters of one paragraph the pane lays out and draws; the rest is replaced by a
"… (N more characters)" mark.  A real paragraph is a few thousand characters at most; a 20 MB run
without spaces (a dump, a broken export) would otherwise cost seconds of wrapping per resize and
stall the keyboard.  Display only: the analysis, the reports and search keep the whole text."""
ANALYSING_MARK = "…"
"""Gutter mark while the analysis is still running: not "·", which means page furniture."""
GUTTER_MAX = 10
"""Widest partner label shown in the gutter, in cells (longer labels end with an ellipsis)."""
GUTTER_NARROW = 4
"""Widest gutter label in a narrow pane ("→B12", then "…"): at 80 columns a pane has about 38
columns, and a 10-cell gutter took a quarter of them from the text."""
NARROW_PANE = 48
"""Panes narrower than this many columns get the short gutter."""

GUTTER_COLOURS: dict[str, tuple[str, float, float]] = {
    "gutter": ("foreground", 0.3, MARK_CONTRAST),
    "gutter-crossing": ("warning", 0.0, MARK_CONTRAST),
    "gutter-manual": ("primary", 0.0, MARK_CONTRAST),
    "gutter-rejected": ("error", 0.0, MARK_CONTRAST),
    "gutter-none": ("foreground", 0.5, DIM_CONTRAST),
    "gutter-cursor": ("accent", 0.0, MARK_CONTRAST),
}
"""Gutter colour per component class: the theme variable it comes from, how far it is faded
towards the pane background, and the contrast it must keep against that background (see
:mod:`reader.ui.contrast`).  TCSS still gives the text style (bold); the colour is computed
because theme colours meant for areas vanish as one-cell marks on light themes."""
GUTTER_CLASS = {
    "match": "gutter",
    "moved": "gutter-crossing",
    "manual": "gutter-manual",
    "rejected": "gutter-rejected",
    "none": "gutter-none",
    "furniture": "gutter-none",
}
"""Component class of each kind of gutter mark (``ArticleIndex.marks``)."""

# Background-type classes are taken whole (their background is blended by Textual); foreground-type
# classes are taken "partial" (colour and text style only) so they layer over any background.
_BG_KINDS = ("mention", "hit", "hit-current")
_SPAN_ORDER = {
    "entity": 0,
    "figure": 1,
    "conflict": 2,
    "shared": 3,
    "mention": 4,
    "hit": 5,
    "hit-current": 6,
}


@dataclass(slots=True)
class Layout:
    """Wrapped rows of one article at one text width."""

    width: int
    row_para: array
    """Paragraph of each visual row."""
    row_start: array
    """Start offset of each row in its paragraph's text; -1 for the blank row after a paragraph."""
    para_row: array
    """First row of each paragraph, plus the total row count at the end."""

    @property
    def height(self) -> int:
        return len(self.row_para)


def display_text(text: str, limit: int = DISPLAY_CHARS_MAX) -> str:
    """``text`` as the pane shows it: whole, or its first ``limit`` characters and a mark saying
    how many more there are."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]} … ({len(text) - limit:,} more characters)"


def build_layout(texts: list[str], width: int) -> Layout:
    """Wrap every paragraph at ``width`` cells; each paragraph is followed by one blank row."""
    row_para = array("i")
    row_start = array("i")
    para_row = array("i")
    for p, text in enumerate(texts):
        para_row.append(len(row_para))
        starts = wrap_offsets(text, width)
        row_start.extend(starts)
        row_start.append(-1)
        row_para.extend([p] * (len(starts) + 1))
    para_row.append(len(row_para))
    return Layout(width, row_para, row_start, para_row)


class ArticlePane(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrollable, highlighted, word-wrapped view of one article.

    The pane knows nothing about matching: the reader screen hands it lookups (:class:`ArticleIndex`)
    and overlay spans, and moves its cursor.  Keys are bound on the screen, so the pane has none.
    """

    COMPONENT_CLASSES = {
        "articlepane--gutter",
        "articlepane--gutter-crossing",
        "articlepane--gutter-none",
        "articlepane--gutter-manual",
        "articlepane--gutter-rejected",
        "articlepane--gutter-cursor",
        "articlepane--cursor",
        "articlepane--cursor-idle",
        "articlepane--partner",
        "articlepane--match-clear",
        "articlepane--match-supported",
        "articlepane--boilerplate",
        "articlepane--entity",
        "articlepane--figure",
        "articlepane--conflict",
        "articlepane--shared",
        "articlepane--mention",
        "articlepane--hit",
        "articlepane--hit-current",
    }

    DEFAULT_CSS = """
    ArticlePane {
        overflow-x: hidden;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    """

    class Scrolled(Message):
        """The user scrolled this pane (never sent for programmatic, guarded scrolls)."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ArticlePane.Scrolled) and message.pane is self.pane

    class ParagraphClicked(Message):
        """A paragraph was clicked."""

        def __init__(self, pane: ArticlePane, paragraph: int) -> None:
            super().__init__()
            self.pane = pane
            self.paragraph = paragraph

    class LaidOut(Message):
        """The pane finished (re)wrapping its text; rows have moved."""

        def __init__(self, pane: ArticlePane) -> None:
            super().__init__()
            self.pane = pane

    def __init__(self, article: Article, article_index: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_index = article_index
        self._take_text(article)
        self.nav: ArticleIndex | None = None
        self.cursor = 0
        self.active = False
        self.partner_marks: set[int] = set()
        self._overlays: dict[str, dict[int, list[Span]]] = {}
        self.rows: Layout | None = None
        # Not ``_layout_cache``: that is a Widget internal which ``refresh()`` clears, so a cache
        # under that name never hit.
        self._wraps: LRUCache[int, Layout] = LRUCache(WRAP_CACHE_WIDTHS)
        self._pending_width: int | None = None
        self._gutter_width = 2
        self._gutter_widest = 1
        """Cells of the widest gutter label of the current analysis."""
        self._strips: LRUCache[tuple, Strip] = LRUCache(STRIP_CACHE_ROWS)
        self._styles: dict[str, Style] = {}
        self._gen = 0
        self._para_gen: dict[int, int] = {}
        self._suppress = False

    def _take_text(self, article: Article) -> None:
        self.article = article
        self._texts = [display_text(p.text) for p in article.paragraphs]
        self._capped = {p.index for p in article.paragraphs if len(p.text) > DISPLAY_CHARS_MAX}
        """Paragraphs shown cut short: their spans stop at the cut, not on the mark."""
        self._boiler = {p.index for p in article.paragraphs if p.boilerplate}
        self._total_chars = sum(len(t) for t in self._texts)

    # -- data from the screen -------------------------------------------------------------------

    def set_article(self, article: Article) -> None:
        """Show another text (an article that finished loading after the first frame): the
        cursor goes back to the top, highlights and the wrapped layout are dropped."""
        self._take_text(article)
        self.nav = None
        self.cursor = 0
        self.partner_marks = set()
        self._overlays.clear()
        self._para_gen.clear()
        self._wraps.clear()
        self.rows = None
        self._invalidate_all()
        self.follow(0)
        self._relayout(force=True)

    def set_nav(self, nav: ArticleIndex | None) -> None:
        """Install per-paragraph lookups (partners, gutter labels, spans) from a new analysis."""
        self.nav = nav
        labels = nav.gutter if nav is not None else []
        self._gutter_widest = max((cell_len(s) for s in labels), default=1)
        self._invalidate_all()
        self._fit_gutter()

    def _fit_gutter(self) -> None:
        """Size the gutter for the widest label, capped shorter in a narrow pane; lay the text
        out again when that changes its width."""
        cap = GUTTER_MAX if self.size.width >= NARROW_PANE else GUTTER_NARROW
        gutter = min(cap, self._gutter_widest) + 1
        if gutter != self._gutter_width:
            self._gutter_width = gutter
            self._invalidate_all()
            self._relayout(force=True)

    def set_overlay(self, name: str, spans: dict[int, list[Span]]) -> None:
        """Replace one layer of highlight spans (``shared``, ``mention``, ``search``) and repaint
        only the paragraphs whose spans changed."""
        old = self._overlays.get(name, {})
        self._overlays[name] = spans
        changed = {p for p in old.keys() | spans.keys() if old.get(p) != spans.get(p)}
        self.touch(changed)

    def set_cursor(self, paragraph: int, *, active: bool | None = None) -> None:
        """Move the current paragraph, repainting the old and new one only."""
        paragraph = max(0, min(paragraph, len(self._texts) - 1))
        touched = {self.cursor, paragraph}
        self.cursor = paragraph
        if active is not None and active != self.active:
            self.active = active
        self.touch(touched)

    def set_active(self, active: bool) -> None:
        if active != self.active:
            self.active = active
            self.touch({self.cursor})

    def set_partner_marks(self, marks: set[int]) -> None:
        old = self.partner_marks
        self.partner_marks = marks
        self.touch(old ^ marks)

    def touch(self, paragraphs: Iterable[int]) -> None:
        """Invalidate cached strips of ``paragraphs`` (by bumping their state) and repaint them."""
        paragraphs = [p for p in paragraphs if 0 <= p < len(self._texts)]
        if not paragraphs:
            return
        if len(paragraphs) > 64:
            self._invalidate_all()
            return
        layout = self.rows
        for p in paragraphs:
            self._para_gen[p] = self._para_gen.get(p, 0) + 1
            if layout is not None:
                first = layout.para_row[p]
                self.refresh_lines(first, layout.para_row[p + 1] - first)

    def _invalidate_all(self) -> None:
        self._gen += 1
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        """Theme or CSS changed: cached styles and strips are stale."""
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # -- geometry --------------------------------------------------------------------------------

    @property
    def paragraph_count(self) -> int:
        return len(self._texts)

    def paragraph_rows(self, paragraph: int) -> tuple[int, int]:
        """``(first_row, end_row)`` of a paragraph (end includes its trailing blank row)."""
        layout = self.rows
        if layout is None:
            return paragraph, paragraph + 1
        return layout.para_row[paragraph], layout.para_row[paragraph + 1]

    def paragraph_at_row(self, row: int) -> int:
        layout = self.rows
        if layout is None or layout.height == 0:
            return 0
        return layout.row_para[max(0, min(row, layout.height - 1))]

    @property
    def top_paragraph(self) -> int:
        return self.paragraph_at_row(round(self.scroll_y))

    @property
    def view_height(self) -> int:
        return max(1, self.scrollable_content_region.height)

    def row_of_offset(self, paragraph: int, offset: int) -> int:
        """Visual row showing character ``offset`` of ``paragraph``."""
        layout = self.rows
        if layout is None:
            return paragraph
        first, end = layout.para_row[paragraph], layout.para_row[paragraph + 1] - 1
        starts = layout.row_start[first:end]
        return first + max(0, bisect_right(starts, offset) - 1)

    # -- scrolling -------------------------------------------------------------------------------

    def follow(self, y: float) -> None:
        """Scroll to row ``y`` without announcing it (guarded: no echo back to the leader).

        ``ScrollView.scroll_to(animate=False)`` assigns ``scroll_y`` synchronously, so our own
        ``watch_scroll_y`` runs inside the guard.
        """
        self._suppress = True
        try:
            self.scroll_to(y=max(0, y), animate=False, force=True)
        finally:
            self._suppress = False

    def reveal(self, paragraph: int, *, jump: bool, row: int | None = None) -> None:
        """Scroll (guarded) so ``paragraph`` - or a given ``row`` inside it - is on screen.

        ``jump`` puts a far target near the top with some context, as after "next match"; otherwise
        the view moves as little as possible (cursor keys).
        """
        first, end = self.paragraph_rows(paragraph)
        last = end - 2 if end - first > 1 else first
        if row is not None:
            first = last = row
        top = round(self.scroll_y)
        height = self.view_height
        if first >= top and last < top + height:
            return
        if jump or last - first >= height:
            target = first - min(2, height // 4)
        elif first < top:
            target = first
        else:
            target = last - height + 1
        self.follow(target)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._suppress and round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self))

    # -- layout ----------------------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(8, self.scrollable_content_region.width - self._gutter_width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit_gutter()
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        if not self.is_mounted or self.scrollable_content_region.width <= 0:
            return
        width = self._text_width()
        if not force and self.rows is not None and self.rows.width == width:
            return
        cached = self._wraps.get(width)
        if cached is not None:
            self._apply_layout(cached)
        elif self._total_chars > THREADED_LAYOUT_CHARS:
            if self._pending_width != width:
                self._pending_width = width
                self._layout_worker(width)
        else:
            self._apply_layout(build_layout(self._texts, width))

    @work(thread=True, exclusive=True, group="layout")
    def _layout_worker(self, width: int) -> None:
        layout = build_layout(self._texts, width)
        self.app.call_from_thread(self._apply_layout, layout)

    def _apply_layout(self, layout: Layout) -> None:
        if self._pending_width == layout.width:
            self._pending_width = None
        if layout.width != self._text_width():
            # A newer resize superseded this result; keep it for later and lay out again.
            self._wraps.set(layout.width, layout)
            self._relayout()
            return
        old = self.rows
        anchor: tuple[int, float] | None = None
        if old is not None and old.height:
            top = round(self.scroll_y)
            p = old.row_para[min(top, old.height - 1)]
            first, end = old.para_row[p], old.para_row[p + 1]
            anchor = (p, (top - first) / max(1, end - first))
        self._wraps.set(layout.width, layout)
        self.rows = layout
        self.virtual_size = Size(self.scrollable_content_region.width, layout.height)
        self._invalidate_all()
        if anchor is not None:
            p, frac = anchor
            first, end = layout.para_row[p], layout.para_row[p + 1]
            self.follow(first + round(frac * (end - first)))
        self.post_message(self.LaidOut(self))

    # -- rendering -------------------------------------------------------------------------------

    def _style(self, name: str, partial: bool) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"articlepane--{name}", partial=partial)
            if name in GUTTER_COLOURS:
                style = self._legible_gutter(name, style)
            self._styles[name] = style
        return style

    def _legible_gutter(self, name: str, style: Style) -> Style:
        """``style`` with its colour replaced by a theme colour that reads on the pane's
        background (unchanged for ANSI themes, where the terminal picks the colours)."""
        from rich.color import ColorType
        from textual.color import Color

        background = self.rich_style.bgcolor
        variable, fade, floor = GUTTER_COLOURS[name]
        # The theme's variables as Textual last computed them (it does on every theme change,
        # before restyling): get_css_variables() would build the whole colour system again,
        # ~3 ms per gutter style before the first frame.
        variables = self.app.theme_variables or self.app.get_css_variables()
        value = variables.get(variable, "")
        try:
            colour = Color.parse(value)
        except Exception:  # "auto 60%", "ansi_yellow": nothing to compute with
            return style
        if background is None or background.type is not ColorType.TRUECOLOR or colour.ansi:
            return style
        bg = background.get_truecolor()
        bg_rgb = (bg.red, bg.green, bg.blue)
        rgb = blend((colour.r, colour.g, colour.b), bg_rgb, fade)
        r, g, b = legible(rgb, bg_rgb, floor)
        return style + Style(color=f"#{r:02x}{g:02x}{b:02x}")

    def render_lines(self, crop: Region) -> list[Strip]:
        # Resize events reach the pane only after the frame that first shows it, so without this
        # the first frame would say "Laying out text…" and the text would come one frame later.
        # Small articles are wrapped here, synchronously, the moment the width is known.
        if self._total_chars <= THREADED_LAYOUT_CHARS and (
            self.rows is None or self.rows.width != self._text_width()
        ):
            self._relayout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        layout = self.rows
        row = y + round(self.scroll_y)
        base = self._styles.get("")
        if base is None:
            # DOMNode.rich_style walks the ancestors (~0.1 ms); cache it like the component styles.
            base = self._styles[""] = self.rich_style
        if layout is None:
            if y == 0 and self._texts:
                return Strip([Segment(" Laying out text…", base)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if row >= layout.height:
            return Strip.blank(width, base)
        p = layout.row_para[row]
        key = (row, width, self._gen, self._para_gen.get(p, 0))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(layout, row, p, width, base)
            self._strips.set(key, strip)
        return strip

    def _paragraph_style(self, p: int, base: Style) -> Style:
        style = base
        nav = self.nav
        if nav is not None:
            # Shaded by the matcher's evidence tier: "clear" reads as a match on its own facts,
            # "supported" as weaker evidence backed by a second cue (see Match.evidence).
            tier = nav.tiers.get(p)
            if tier is not None:
                style += self._style(f"match-{tier}", False)
        if p in self._boiler:
            style += self._style("boilerplate", True)
        if p == self.cursor:
            if self.active:
                style += self._style("cursor", False)
            elif p in self.partner_marks:
                style += self._style("partner", False)
            else:
                style += self._style("cursor-idle", False)
        elif p in self.partner_marks:
            style += self._style("partner", False)
        return style

    def _render_row(self, layout: Layout, row: int, p: int, width: int, base: Style) -> Strip:
        start = layout.row_start[row]
        para_style = self._paragraph_style(p, base)
        gutter_w = self._gutter_width
        segments: list[Segment] = []
        first_row = layout.para_row[p] == row
        label = ""
        if first_row and self.nav is not None:
            label = self.nav.gutter[p]
            if cell_len(label) > gutter_w - 1:
                label = label[: gutter_w - 2] + "…"
        elif first_row:
            label = ANALYSING_MARK
        kind = self.nav.marks[p] if self.nav is not None and self.nav.marks else "match"
        gutter_style = base + self._style(GUTTER_CLASS[kind], True)
        if p == self.cursor and self.active and start >= 0:
            gutter_style += self._style("gutter-cursor", True)
        segments.append(Segment(label.ljust(gutter_w - 1) + " ", gutter_style))
        if start < 0:
            return Strip(segments).adjust_cell_length(width, base)
        text = self._texts[p]
        nxt = row + 1
        end = layout.row_start[nxt] if nxt < layout.height and layout.row_para[nxt] == p else -1
        if end < 0:
            end = len(text)
        segments.extend(self._text_segments(p, text, start, end, para_style))
        return Strip(segments).adjust_cell_length(width, para_style)

    def _spans_for(self, p: int) -> list[Span]:
        spans: list[Span] = []
        if self.nav is not None:
            spans.extend(self.nav.spans.get(p, ()))
        for layer in self._overlays.values():
            spans.extend(layer.get(p, ()))
        if p in self._capped:
            cut = DISPLAY_CHARS_MAX
            spans = [(s, min(e, cut), kind) for s, e, kind in spans if s < cut]
        return spans

    def _text_segments(
        self, p: int, text: str, start: int, end: int, style: Style
    ) -> list[Segment]:
        chunk = text[start:end].rstrip(" ")
        end = start + len(chunk)
        spans = [s for s in self._spans_for(p) if s[0] < end and s[1] > start]
        if not spans:
            return [Segment(chunk, style)]
        spans.sort(key=lambda s: _SPAN_ORDER.get(s[2], 0))
        cuts = {start, end}
        for s, e, _ in spans:
            cuts.add(max(s, start))
            cuts.add(min(e, end))
        points = sorted(cuts)
        out: list[Segment] = []
        for a, b in zip(points, points[1:], strict=False):
            if a >= b:
                continue
            seg_style = style
            for s, e, kind in spans:
                if s <= a and e >= b:
                    seg_style += self._style(kind, kind not in _BG_KINDS)
            out.append(Segment(text[a:b], seg_style))
        return out

    # -- mouse -----------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self.rows is None or not self.rows.height:
            return
        row = offset.y + round(self.scroll_y)
        if row >= self.rows.height:
            return
        self.post_message(self.ParagraphClicked(self, self.rows.row_para[row]))
