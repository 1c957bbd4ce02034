"""One article's column: a header line, the headline and the article pane."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from reader.core.model import Article, article_label
from reader.ui.widgets.article_pane import ArticlePane


class PaneColumn(Vertical):
    """A pane with its header line (title and source, shown as data)."""

    def __init__(self, article: Article, index: int) -> None:
        super().__init__(id=f"col-{index}", classes="pane-column")
        self.article = article
        self.index = index

    def compose(self) -> ComposeResult:
        yield Static(self.header(), classes="pane-header", markup=False)
        yield Static(self.title(), classes="pane-title", markup=False)
        yield ArticlePane(self.article, self.index, id=f"pane-{self.index}")

    def header(self, matched: int | None = None) -> Content:
        """One line: the article letter, its file name and how much of it is matched.

        Args:
            matched: how many paragraphs have a partner, once the analysis is known.
        """
        art = self.article
        stats = f"{len(art.paragraphs)} ¶"
        if matched is not None:
            stats = f"{matched}/{stats} matched"
        name = Path(art.source).name if art.source != "-" else "standard input"
        return Content.from_markup(
            "[b reverse] $letter [/] [dim]$source · $stats[/]",
            letter=article_label(self.index),
            source=name or art.source,
            stats=stats,
        )

    def set_article(self, article: Article) -> None:
        """Show ``article`` in place of a placeholder that was loading."""
        self.article = article
        self.query_one(".pane-header", Static).update(self.header())
        self.query_one(".pane-title", Static).update(self.title())
        self.query_one(ArticlePane).set_article(article)

    def show_matched(self, matched: int) -> None:
        """Update the header once the analysis has arrived."""
        self.query_one(".pane-header", Static).update(self.header(matched))

    def title(self) -> Content:
        """The headline, on up to two lines: outlets are told apart by their headlines, and one
        line of a three-pane layout cut most of them off."""
        return Content.from_markup("[b]$title[/]", title=self.article.title or self.article.source)
