"""Why two paragraphs matched: score, near-verbatim flag, shared words / names / numbers, the
matcher's evidence tier and cue, and both paragraphs with the shared terms highlighted and the
sentences the match rests on shaded (all article text shown as data)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.core.matching.matcher import TOPIC_COSINE
from reader.core.model import Match, article_label
from reader.ui.navigation import NavIndex, Span

CUE_WORDS = {
    "best": "it is the best partner of one of the two paragraphs or of one of their sentences",
    "lede": "a headline and the other article's opening paragraphs",
    "diagonal": "it continues the order of the matches around it",
    "outlets": "both paragraphs clearly match the same paragraph of a third article",
}
"""What each supporting cue of the matcher means, in an analyst's words."""


def evidence_line(match: Match) -> Content:
    """The matcher's evidence tier for ``match`` and, for a supported match, the cue behind it."""
    if match.evidence == "clear":
        said = "clear: the shared facts alone are enough"
    else:
        cue = CUE_WORDS.get(match.cue or "", "a second cue agrees")
        said = f"supported: weaker on its own, kept because {cue}"
    return Content.from_markup("[b]$label[/] $said", label="Evidence", said=said)


def meaning_line(match: Match) -> Content | None:
    """How close the model reads the two paragraphs in meaning; ``None`` when it did not read
    them (not installed, switched off, or an input too large)."""
    if match.meaning is None:
        return None
    if match.meaning <= TOPIC_COSINE:
        said = "no closer than the story's topic"
    elif match.meaning < 0.6:
        said = "some of the same content"
    else:
        said = "close: much the same content"
    return Content.from_markup(
        "[b]$label[/] $value · $said", label="Meaning ", value=f"{match.meaning:.2f}", said=said
    )


def highlighted(text: str, spans: list[Span], sentence: tuple[int, int] | None = None) -> Content:
    """``text`` as Content with the shared-term spans emphasised and the best-matching sentence
    (the matcher's ``Match.sentences`` for this side) shaded."""
    content = Content(text)
    if sentence is not None and 0 <= sentence[0] < sentence[1] <= len(text):
        content = content.stylize("on $accent 20%", *sentence)
    for start, end, _ in spans:
        content = content.stylize("bold $text-accent underline", start, end)
    return content


def term_line(label: str, terms: tuple[str, ...]) -> Content:
    shown = ", ".join(terms) if terms else "—"
    return Content.from_markup("[b]$label[/] $terms", label=label.ljust(8), terms=shown)


class ExplainScreen(ModalScreen[None]):
    """Modal explanation of one match; escape, x or q closes it."""

    BINDINGS = [
        Binding("escape,x,q", "dismiss", "Close", id="explain-close"),
    ]

    def __init__(self, match: Match, nav: NavIndex, *, rejected: bool = False) -> None:
        """Args:
        match: the pair to explain.
        nav: the analysis' lookups, for the articles and the (cached) shared-term spans.
        rejected: the analyst rejected this match (``x`` on a paragraph whose match was
            rejected): the title says so.
        """
        super().__init__()
        self.match = match
        self.nav = nav
        self.rejected = rejected

    def compose(self) -> ComposeResult:
        m = self.match
        verbatim = (
            "[$warning]near-verbatim (shared wire copy?)[/]" if m.near_verbatim else "reworded"
        )
        with Vertical(id="explain-dialog"):
            if m.manual:
                title = Content.from_markup(
                    "[b]Linked by hand[/] · you linked these paragraphs ([b]r[/] withdraws the link)"
                )
            elif self.rejected:
                title = Content.from_markup(
                    "[b]Rejected by you[/] · the matcher scored it [b]$score[/] ([b]r[/] restores it)",
                    score=f"{m.score:.2f}",
                )
            else:
                title = Content.from_markup(
                    "[b]Why these paragraphs match[/]  score [b]$score[/] · " + verbatim,
                    score=f"{m.score:.2f}",
                )
            yield Static(title, id="explain-title")
            yield Static(term_line("Words", m.words), classes="explain-terms")
            yield Static(term_line("Names", m.names), classes="explain-terms")
            yield Static(term_line("Numbers", m.numbers), classes="explain-terms")
            yield Static(evidence_line(m), classes="explain-terms explain-evidence")
            meaning = meaning_line(m)
            if meaning is not None:
                yield Static(meaning, classes="explain-terms explain-meaning")
            with Horizontal(id="explain-texts"):
                for side, (a, p) in enumerate((m.left, m.right)):
                    art = self.nav.articles[a]
                    text = art.paragraphs[p].text
                    with VerticalScroll(classes="explain-side"):
                        yield Static(
                            Content.from_markup(
                                "[b reverse] $letter [/] [b]$title[/] [dim]¶ $num[/]",
                                letter=article_label(a),
                                title=art.title or art.source,
                                num=str(p + 1),
                            ),
                            classes="explain-head",
                        )
                        sentence = m.sentences[side] if m.sentences else None
                        shared = self.nav.shared_spans(m, (a, p))
                        yield Static(highlighted(text, shared, sentence), classes="explain-text")
            yield Static(Content.from_markup("[dim]escape to close[/]"), id="explain-foot")
