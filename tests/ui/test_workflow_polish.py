"""Issue 12 polish: keys that reach the app in every terminal, help at 80 columns, narrow
layouts, filters."""

from __future__ import annotations

from textual.widgets import Input, Static

from reader.core.model import Analysis
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.status import StatusLine


def status(app: ReaderApp) -> str:
    return app.reader.query_one(StatusLine).text


async def test_ctrl_r_steps_back_through_search_hits(story2: Analysis) -> None:
    """``shift+enter`` arrives as plain enter in many terminals; ``ctrl+r`` always arrives."""
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"erdogan", "enter", "enter")
        assert "hit 2 of 4" in status(app)
        await pilot.press("ctrl+r")
        assert "hit 1 of 4" in status(app)
        assert isinstance(app.focused, Input)  # still typing in the search box
        placeholder = app.query_one("#search-input", Input).placeholder
        assert "ctrl+r" in placeholder


async def test_help_at_80_columns_keeps_descriptions_out_of_the_key_column(
    story2: Analysis,
) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HelpScreen)
        keys = list(screen.query(".help-key").results(Static))
        descs = list(screen.query(".help-desc").results(Static))
        assert len(keys) == len(descs) > 20
        key_right = max(k.region.right for k in keys)
        dialog = screen.query_one("#help-dialog")
        assert dialog.region.right <= 80
        for d in descs:
            assert d.region.x >= key_right  # every description line starts right of the keys
            assert d.region.right <= dialog.region.right
        # Long descriptions wrap inside their column, so some rows are taller than one line.
        assert any(d.region.height > 1 for d in descs)
        text = " ".join(str(k.content) for k in keys)
        assert "ctrl+r" in text  # the previous-hit key that reaches the app is listed


async def test_sidebar_overlays_the_panes_at_80_columns(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        r = app.reader
        widths = [r.pane(i).region.width for i in (0, 1)]
        assert not r.sidebar_shown and min(widths) >= 30
        await pilot.press("e")
        await pilot.pause()
        assert r.sidebar_shown and r.sidebar_overlaid
        # The panes keep their width: the sidebar lies over them instead of squeezing them.
        assert [r.pane(i).region.width for i in (0, 1)] == widths
        sidebar = r.query_one("#sidebar")
        assert sidebar.region.right == 80 and sidebar.region.width >= 30
        assert app.focused is r.query_one("#entities")
        await pilot.press("escape")
        await pilot.pause()
        assert not r.sidebar_shown
        assert app.focused is r.active_pane


async def test_sidebar_sits_beside_the_panes_when_wide(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        assert r.sidebar_shown and not r.sidebar_overlaid
        sidebar = r.query_one("#sidebar")
        assert r.pane(1).region.right <= sidebar.region.x


async def test_gutter_is_shorter_in_narrow_panes(story3: Analysis) -> None:
    app = ReaderApp(story3.articles, analysis=story3)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = app.reader.pane(0)._gutter_width
        assert narrow <= 5
        assert any(len(label) > 4 for label in app.reader.pane(0).nav.gutter)
        await pilot.resize_terminal(200, 45)
        for _ in range(20):  # the resize reaches the panes over a few refreshes
            await pilot.pause()
            if app.reader.pane(0)._gutter_width > narrow:
                break
        assert app.reader.pane(0)._gutter_width > narrow


async def test_footer_keeps_the_important_keys_at_80_columns(story2: Analysis) -> None:
    from reader.ui.widgets.footer import ReaderFooter

    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.reader.chrome_ready()
        await pilot.pause()
        footer = app.reader.query_one(ReaderFooter)
        for _ in range(20):  # the footer composes once the screen's bindings are known
            if footer.children:
                break
            await pilot.pause()
        keys = [k for k in footer.children if "-command-palette" not in k.classes]
        actions = [k.action for k in keys]
        for action in ("next_match(1)", "next_match(-1)", "search", "help", "quit"):
            assert action in actions
        assert all(k.region.right <= 80 for k in footer.children)
        palette = [k for k in footer.children if "-command-palette" in k.classes]
        assert palette and palette[0].region.right <= 80
        # Wider: more keys, in the same order of importance.
        await pilot.resize_terminal(160, 45)
        for _ in range(20):  # the footer recomposes after the refresh that follows the resize
            await pilot.pause()
            wide = [k.action for k in footer.children if "-command-palette" not in k.classes]
            if len(wide) > len(actions):
                break
        assert len(wide) > len(actions) and wide[: len(actions)] == actions


# -- filters -------------------------------------------------------------------------------------


def test_filter_rules_drop_only_what_they_say() -> None:
    from dataclasses import replace

    from reader.ui.filters import (
        SCORE_STEPS,
        above_min_score,
        entity_wanted,
        figure_wanted,
        next_min_score,
    )

    from .conftest import story_analysis

    story = story_analysis(2)
    assert above_min_score(story, None) is story
    kept = above_min_score(story, 0.6)
    assert kept.matches and all(m.score >= 0.6 for m in kept.matches)
    assert len(kept.matches) < len(story.matches)
    low = min(story.matches, key=lambda m: m.score)
    assert kept.match_indices(low.left) == [] or all(
        kept.matches[i].score >= 0.6 for i in kept.match_indices(low.left)
    )
    manual = replace(low, manual=True)
    with_manual = replace(story, matches=[*story.matches, manual], _by_paragraph=None)
    assert manual in above_min_score(with_manual, 0.8).matches  # the analyst's link stays
    erdogan = next(e for e in story.entities if e.name.startswith("Recep"))
    assert entity_wanted(erdogan, "erdogan") and entity_wanted(erdogan, "  ")
    assert entity_wanted(erdogan, "TAYYIP") and not entity_wanted(erdogan, "soylu")
    killed, injured = story.figure_groups[0], story.figure_groups[1]
    assert figure_wanted(killed, True) and not figure_wanted(injured, True)
    assert figure_wanted(injured, False)
    steps = [None]
    for _ in range(len(SCORE_STEPS)):
        steps.append(next_min_score(steps[-1]))
    assert steps[0] is None and steps[-1] is None and steps[1:-1] == list(SCORE_STEPS[1:])


async def test_entity_filter_box_narrows_the_list_and_escape_clears(story2: Analysis) -> None:
    from reader.ui.widgets.sidebar import EntityFilter, EntityList, TargetOption

    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        entities = app.reader.query_one(EntityList)
        every = [o for o in entities._options if isinstance(o, TargetOption)]
        assert len(every) == len(story2.entities)
        await pilot.press("slash")  # in the list, / filters the list (not the articles)
        assert isinstance(app.focused, EntityFilter)
        await pilot.press(*"soylu")
        shown = [o for o in entities._options if isinstance(o, TargetOption)]
        assert [story2.entities[o.target].name for o in shown] == ["Süleyman Soylu"]
        await pilot.press("enter")  # to the list, first entry highlighted: enter selects it
        assert app.focused is entities
        await pilot.press("enter")
        assert app.reader.target_label() == "Süleyman Soylu"
        await pilot.press("slash", "escape")  # escape clears the filter
        assert app.reader.query_one(EntityFilter).value == ""
        assert len([o for o in entities._options if isinstance(o, TargetOption)]) == len(every)
        await pilot.press("escape")  # empty box: back to the list
        assert app.focused is entities
        await pilot.press("slash", *"zzz")
        assert not [o for o in entities._options if isinstance(o, TargetOption)]
        assert "No name matches" in str(entities.get_option_at_index(0).prompt)


async def test_figures_conflicts_only_toggle(story2: Analysis) -> None:
    from textual.widgets import Label

    from reader.ui.widgets.sidebar import FigureList, TargetOption

    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        figures = app.reader.query_one(FigureList)

        def shown() -> list[str]:
            groups = story2.figure_groups
            return [
                groups[o.target].status for o in figures._options if isinstance(o, TargetOption)
            ]

        assert sorted(shown()) == ["agree", "conflict", "single"]
        await pilot.press("exclamation_mark")
        assert shown() == ["conflict"]
        assert "conflicts only" in str(app.reader.query_one("#figures-title", Label).content)
        await pilot.press("enter")
        assert app.reader.target_label() == "killed"
        await pilot.press("exclamation_mark")
        assert len(shown()) == 3


async def test_min_score_hides_weaker_matches_from_shading_and_keys(story2: Analysis) -> None:
    app = ReaderApp(story2.articles, analysis=story2)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        r = app.reader
        every = len(r.nav.per_article[0].matched)
        assert "score ≥" not in status(app)
        await pilot.press("t")  # 0.50
        await pilot.press("t")  # 0.60
        assert r.min_score == 0.6 and "score ≥ 0.60" in status(app)
        kept = r.nav.per_article[0].matched
        assert 0 < len(kept) < every
        for p in range(len(story2.articles[0].paragraphs)):
            for ref in r.nav.per_article[0].partners[p]:
                assert r.nav.match_between((0, p), ref).score >= 0.6
        # Not shaded: a paragraph whose only match is under the threshold has no tier.
        weak = [m.left[1] for m in story2.matches if m.left[0] == 0 and m.score < 0.6]
        assert weak and all(p not in r.pane(0).nav.tiers for p in weak if p not in kept)
        # Not navigated: n visits only the kept matches.
        await pilot.press("g")
        visited = set()
        for _ in range(every + 2):
            await pilot.press("n")
            visited.add(r.current[1])
        assert visited <= set(kept)
        assert len(r.analysis.matches) == len(story2.matches)  # the analysis itself is whole
        for _ in range(3):
            await pilot.press("t")
        assert r.min_score is None and len(r.nav.per_article[0].matched) == every


def test_new_keys_have_ids_a_config_file_can_remap() -> None:
    from reader.ui.app import binding_ids

    ids = binding_ids()
    for new in ("min-score", "entity-filter", "figures-conflicts-only", "search-previous"):
        assert new in ids


async def test_remapped_min_score_key(story2: Analysis) -> None:
    from reader.config import Config

    config = Config(keys={"min-score": "ctrl+t"})
    app = ReaderApp(story2.articles, analysis=story2, config=config)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+t")
        assert app.reader.min_score is not None and "score ≥" in status(app)
