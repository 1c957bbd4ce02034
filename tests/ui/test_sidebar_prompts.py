"""The sidebar's entries are assembled from styled pieces: names and figures from articles stay
data (never markup), and each piece carries its style."""

from __future__ import annotations

from reader.core.model import Analysis, Article, Entity, Figure, FigureGroup, Mention
from reader.ui.widgets.sidebar import entity_prompt, figure_prompt

HOSTILE = "[b]Bold[/] $warning [@click=app.quit]x[/]"


def _styles(content) -> dict[str, str]:
    """Each styled piece's text -> its style."""
    return {content.plain[s.start : s.end]: str(s.style) for s in content.spans}


def test_entity_prompt_keeps_markup_like_names_as_text() -> None:
    mentions = [Mention(0, 0, 0, 4, HOSTILE), Mention(0, 1, 0, 4, "Bold")]
    entity = Entity(0, HOSTILE, "person", [HOSTILE, "Bold"], mentions)
    prompt = entity_prompt(entity, 3)
    assert prompt.plain == f"A - - {HOSTILE} (Bold) ×2 only in A"
    assert _styles(prompt) == {
        "A - -": "dim",
        "(Bold)": "dim",
        "×2": "dim",
        "only in A": "$warning",
    }


def test_figure_prompt_lists_each_articles_values_with_the_status_mark() -> None:
    articles = [Article.from_texts(s, s, ["x"]) for s in ("a", "b", "c")]
    figures = [
        Figure(0, 0, 0, 2, "12", 12.0, 12.0, 12.0, None, HOSTILE),
        Figure(1, 0, 0, 2, "14", 14.0, 14.0, 14.0, None, HOSTILE),
        Figure(2, 2, 0, 2, "15", 15.0, 15.0, 15.0, None, HOSTILE),
    ]
    group = FigureGroup(0, HOSTILE, "count", "conflict", [0, 1, 2])
    analysis = Analysis(articles, [], figures=figures, figure_groups=[group])
    prompt = figure_prompt(group, analysis)
    assert prompt.plain == f"✗ {HOSTILE}: A 12 ¶1 · B 14 ¶1 · C 15 ¶3"
    assert _styles(prompt) == {"✗": "$error", HOSTILE: "b", "A": "b", "B": "b", "C": "b"}
    single = FigureGroup(1, "", "count", "single", [0])
    assert figure_prompt(single, analysis).plain == "· count: A 12 ¶1"
