"""The reader with what ingest warned about, and with a paragraph far too long to lay out."""

from __future__ import annotations

import time

from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.widgets.article_pane import DISPLAY_CHARS_MAX, ArticlePane, display_text

from .conftest import make_article


async def test_ingest_warnings_are_notified(story2: Analysis) -> None:
    story2.articles[0].warnings = [
        "6 invalid UTF-8 bytes replaced with \ufffd",
        "[bold]not markup[/]",
    ]
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        shown = [(n.message, n.severity, n.markup) for n in app._notifications]
        source = story2.articles[0].source
        assert (f"{source}: 6 invalid UTF-8 bytes replaced with \ufffd", "warning", False) in shown
        assert (f"{source}: [bold]not markup[/]", "warning", False) in shown


def test_display_text_caps_a_paragraph_with_a_mark() -> None:
    assert display_text("short") == "short"
    text = "x" * (DISPLAY_CHARS_MAX + 12_345)
    shown = display_text(text)
    assert shown.startswith("x" * DISPLAY_CHARS_MAX)
    assert shown.endswith(" … (12,345 more characters)")


async def test_a_huge_unbroken_paragraph_keeps_the_reader_responsive() -> None:
    blob = "東京abcdéж" * 1_500_000  # 12 million characters, no space, not ASCII
    a = make_article("a.txt", "Blob", [blob, "The port of Valmora closed on Monday."])
    b = make_article("b.txt", "Port", ["The port of Valmora closed on Monday after the storm."])
    analysis = Analysis(articles=[a, b], matches=[])
    app = ReaderApp([a, b], analysis=analysis)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        pane = app.query(ArticlePane).first()
        deadline = time.monotonic() + 20
        while pane.rows is None and time.monotonic() < deadline:
            await pilot.pause(0.05)
        assert pane.rows is not None
        # laid out from the capped text: ~100,000 characters, not 12 million
        assert pane.rows.height < 2 * DISPLAY_CHARS_MAX // 40
        start = time.monotonic()
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
        assert time.monotonic() - start < 3.0
        first_para_end = pane.rows.para_row[1] - 2  # the last text row of paragraph 0
        last_row = "".join(
            seg.text for seg in pane._render_row(pane.rows, first_para_end, 0, 120, pane.rich_style)
        )
        assert "more characters)" in last_row
        assert a.paragraphs[0].text == blob  # display only: the article keeps its text
