"""Unit tests for grouping figures across articles (reader.core.figures.group_figures)."""

from __future__ import annotations

from reader.core.figures import find_figures, group_figures
from reader.core.model import Article, FigureGroup, Match, Paragraph


def article(*paragraphs: str) -> Article:
    return Article.from_texts("test", "t", paragraphs)


def run(arts: list[Article], matches: list[Match] | None = None):
    figures = find_figures(arts)
    groups = group_figures(figures, arts, matches or [])
    return figures, groups


def summary(
    arts: list[Article], matches: list[Match] | None = None
) -> list[tuple[str, str, list[str]]]:
    figures, groups = run(arts, matches)
    return [(g.status, g.counted, [figures[i].text for i in g.figures]) for g in groups]


def group_of(groups: list[FigureGroup], figures, text: str) -> FigureGroup:
    (idx,) = [i for i, f in enumerate(figures) if f.text == text]
    return groups[figures[idx].group]


def test_exact_conflict_12_vs_14_killed() -> None:
    out = summary(
        [
            article("Israeli strikes killed 12 people in Gaza on Tuesday."),
            article("An Israeli air strike in Gaza left 14 people dead on Tuesday."),
        ]
    )
    assert out[0] == ("conflict", "killed", ["12 people", "14 people dead"])


def test_agree_with_qualifier_at_least() -> None:
    out = summary(
        [
            article("At least 12 people were killed in Gaza."),
            article("The death toll in Gaza rose to 14."),
        ]
    )
    assert out == [("agree", "killed", ["At least 12 people were killed", "14"])]


def test_agree_with_about_tolerance() -> None:
    assert (
        summary([article("About 50 troops were sent."), article("It sent 52 troops.")])[0][0]
        == "agree"
    )
    assert (
        summary([article("About 50 troops were sent."), article("It sent 70 troops.")])[0][0]
        == "single"
    )


def test_agree_with_vagueness() -> None:
    out = summary(
        [article("Hundreds were killed, officials said."), article("More than 500 were killed.")]
    )
    assert out == [("agree", "killed", ["Hundreds were killed", "More than 500 were killed"])]


def test_vague_conflicts_with_out_of_range_figure_in_matched_paragraphs() -> None:
    out = summary(
        [article("Dozens were killed in Gaza."), article("In Gaza 2,000 were killed.")],
        [Match((0, 0), (1, 0), 0.7)],
    )
    assert out[0][0] == "conflict"


def test_single_when_one_article_reports_it() -> None:
    out = summary([article("Police arrested 5 people."), article("Nothing to see here.")])
    assert out == [("single", "arrested", ["5 people"])]


def test_repeated_mentions_in_one_article_form_one_group() -> None:
    figures, groups = run([article("12 people were killed.", "Officials said 12 died.")])
    assert len(groups) == 1 and groups[0].figures == [0, 1] and groups[0].status == "single"


def test_dates_agree_and_conflict_via_matched_paragraphs() -> None:
    m = [Match((0, 0), (1, 0), 0.8)]
    agree = summary(
        [
            article("The rebels took Damascus on December 8."),
            article("Rebels seized Damascus on 8 December 2024."),
        ],
        m,
    )
    assert agree == [("agree", "date", ["December 8", "8 December 2024"])]
    conflict = summary(
        [
            article("The rebels took Damascus on December 8."),
            article("Rebels seized Damascus on 9 December 2024."),
        ],
        m,
    )
    assert conflict[0][0] == "conflict"


def test_dates_in_unmatched_paragraphs_are_not_grouped() -> None:
    out = summary(
        [
            article("The rebels took Damascus on December 8."),
            article("Markets reopened on 9 December 2024."),
        ]
    )
    assert [s for s, _, _ in out] == ["single", "single"]


def test_ranges_overlap_agree_and_disjoint_conflict() -> None:
    m = [Match((0, 0), (1, 0), 0.8)]
    assert (
        summary(
            [article("Between 10 and 15 percent backed it."), article("Some 12% backed it.")], m
        )[0][0]
        == "agree"
    )
    assert (
        summary(
            [article("Between 10 and 15 percent backed it."), article("Some 30% backed it.")], m
        )[0][0]
        == "conflict"
    )


def test_matched_paragraphs_group_different_labels() -> None:
    figures, groups = run(
        [
            article("Israeli strikes killed 12 Palestinians in Gaza."),
            article("Gaza officials said 12 people died."),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert len(groups) == 1 and groups[0].status == "agree" and groups[0].counted == "killed"


def test_matched_paragraphs_pair_figures_one_to_one() -> None:
    out = summary(
        [
            article("3 killed in Aleppo and 10 in Idlib."),
            article("Ten died in Idlib, and three in Aleppo."),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert sorted(out) == [
        ("agree", "killed", ["10", "Ten died"]),
        ("agree", "killed", ["3 killed", "three"]),
    ]


def test_different_events_do_not_conflict() -> None:
    out = summary(
        [article("3 people were killed in Aleppo."), article("10 people were killed in Idlib.")]
    )
    assert [s for s, _, _ in out] == ["single", "single"]


def test_generic_amounts_group_only_through_matches() -> None:
    arts = [article("The fund is $3.5bn."), article("Exports reached $7bn.")]
    assert [s for s, _, _ in summary(arts)] == ["single", "single"]
    out = summary(
        [article("The fund is $3.5bn."), article("The fund totals 3.5 billion dollars.")],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert out == [("agree", "usd", ["$3.5bn", "3.5 billion dollars"])]


def test_durations_compare_across_units() -> None:
    out = summary(
        [article("The siege lasted 48 hours."), article("The siege lasted two days.")],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert out[0][0] == "agree"


def test_order_conflicts_then_agree_then_single_and_group_indices() -> None:
    arts = [
        article(
            "Police arrested 5 people.",
            "12 people were killed in Gaza.",
            "About 50 troops were sent.",
        ),
        article("14 people were killed in Gaza.", "It sent 52 troops."),
    ]
    figures, groups = run(arts)
    assert [g.status for g in groups] == ["conflict", "agree", "single"]
    for g in groups:
        assert g.id == groups.index(g)
        for i in g.figures:
            assert figures[i].group == g.id


def test_ordinals_are_not_grouped() -> None:
    figures, groups = run([article("The 3rd attack came."), article("The 4th attack came.")])
    assert groups == [] and all(f.group is None for f in figures)


def test_vague_figure_does_not_chain_two_events_into_a_conflict() -> None:
    # "at least 3" is compatible with both; 3 in Aleppo and 10 in Idlib are different events
    # and are never linked directly, so nothing here contradicts anything.  An agreeing group
    # must agree as a whole (issue 9), so the 10 stays apart instead of being chained in.
    out = summary(
        [
            article("At least 3 people were killed."),
            article("3 people were killed in Aleppo."),
            article("10 people were killed in Idlib."),
        ]
    )
    assert out == [
        ("agree", "killed", ["At least 3 people were killed", "3 people were killed"]),
        ("single", "killed", ["10 people were killed"]),
    ]


def test_direct_link_inside_a_chain_still_conflicts() -> None:
    out = summary(
        [
            article("At least 3 people were killed."),
            article("3 people were killed in Aleppo."),
            article("14 people were killed in Aleppo."),
        ]
    )
    assert [s for s, _, _ in out] == ["conflict"]


def test_change_figure_conflicts_with_a_value_inside_the_old_range() -> None:
    m = [Match((0, 0), (1, 0), 0.8)]
    assert (
        summary(
            [article("The death toll rose from 12 to 14."), article("13 people were killed.")], m
        )[0][0]
        == "conflict"
    )
    assert (
        summary(
            [article("The death toll rose from 12 to 14."), article("14 people were killed.")], m
        )[0][0]
        == "agree"
    )


def test_clock_time_is_not_a_year() -> None:
    from reader.core.figures import find_figures
    from reader.core.model import Article, Paragraph

    text = "The truce took effect at midnight local time (2100 GMT) on Thursday."
    article = Article("a.txt", "t", text, [Paragraph(0, text, 0, len(text))])
    # both are times of day (issue 9), neither a year nor a count
    assert [(f.text, f.kind, f.value) for f in find_figures([article])] == [
        ("midnight", "time", 1440),
        ("2100 GMT", "time", 1260),
    ]


def test_matched_paragraphs_pair_differently_named_counts() -> None:
    from reader.core.figures import find_figures, group_figures
    from reader.core.model import Article, Match, Paragraph

    a_text = "More than 500 families have fled the valley since the fighting began, the UNHCR said."
    b_text = (
        "Hundreds of families have left their homes since the shelling started, says the UNHCR."
    )
    arts = [
        Article(f"{i}.txt", "t", t, [Paragraph(0, t, 0, len(t))])
        for i, t in enumerate((a_text, b_text))
    ]
    figures = find_figures(arts)
    groups = group_figures(figures, arts, [Match((0, 0), (1, 0), 0.8)])
    assert len(groups) == 1 and groups[0].status == "agree"


def test_lorries_and_trucks_count_the_same_thing() -> None:
    from reader.core.figures import find_figures

    texts = [
        "A first convoy of 30 trucks waited in Sirvan.",
        "A first convoy of thirty lorries waited in Sirvan.",
    ]
    arts = [Article(f"{i}.txt", "t", t, [Paragraph(0, t, 0, len(t))]) for i, t in enumerate(texts)]
    assert {f.counted for f in find_figures(arts)} == {"truck"}


def test_attached_kilometres() -> None:
    from reader.core.figures import find_figures

    text = "Heavy weapons are to be withdrawn 15km from the line of contact."
    article = Article("a.txt", "t", text, [Paragraph(0, text, 0, len(text))])
    [figure] = find_figures([article])
    assert (figure.text, figure.value, figure.unit) == ("15km", 15.0, "km")


def test_people_and_families_in_matched_paragraphs_do_not_conflict() -> None:
    from reader.core.figures import find_figures, group_figures

    a_text = "About 1,200 people spent the night in the Ashford Mills leisure centre."
    b_text = "Hundreds of Ashford Mills families spent the night in the leisure centre."
    arts = [
        Article(f"{i}.txt", "t", t, [Paragraph(0, t, 0, len(t))])
        for i, t in enumerate((a_text, b_text))
    ]
    figures = find_figures(arts)
    groups = group_figures(figures, arts, [Match((0, 0), (1, 0), 0.8)])
    assert all(g.status != "conflict" for g in groups)


def _cross_groups(figures, groups) -> list[tuple[str, list[str]]]:
    return [
        (g.status, sorted(figures[i].text for i in g.figures))
        for g in groups
        if len({figures[i].article for i in g.figures}) > 1
    ]


def test_month_in_sentence_dates_another_event() -> None:
    """ "In February, ... wounding around 1,400" is a past quake, not today's "dozens" injured,
    even though "dozens" is open enough to take 1,400."""
    figures, groups = run(
        [
            article("A powerful earthquake hit the south, injuring dozens of people."),
            article("In February, a quake hit the town, injuring around 1,400 people."),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert _cross_groups(figures, groups) == []


def test_pronoun_sentence_takes_the_month_of_the_paragraph_before() -> None:
    figures, groups = run(
        [
            article("The quake injured dozens of people on Sunday."),
            article(
                "The last major quake to hit the region was in February.",
                "It killed 612 people and injured more than 1,400 people.",
            ),
        ],
        [Match((0, 0), (1, 1), 0.8)],
    )
    assert _cross_groups(figures, groups) == []


def test_magnitude_is_a_measure_not_a_count() -> None:
    """ "a 6.7 degree quake" is a magnitude; it never agrees with "at least one slight quake"."""
    figures = find_figures(
        [
            article(
                "A 6.7 degree quake hit Bam. A magnitude 5.9 quake struck; "
                "it measured about 6.0 on the Richter scale."
            )
        ]
    )
    assert [(f.text, f.kind, f.counted) for f in figures] == [
        ("6.7", "other", "magnitude"),
        ("5.9", "other", "magnitude"),
        ("about 6.0", "other", "magnitude"),
    ]
    # "the" before a small number usually names a set already mentioned, not before a magnitude
    assert [
        f.counted for f in find_figures([article("The 6.1-magnitude quake struck the island.")])
    ] == ["magnitude"]
    figures, groups = run(
        [
            article("A 6.7 degree quake hit Bam."),
            article("Iran has at least one slight quake every day."),
        ]
    )
    assert _cross_groups(figures, groups) == []


def test_different_sentence_subjects_are_different_quantities() -> None:
    """The Orioles' seven-year deal is not the Red Sox' eight-year deal."""
    figures, groups = run(
        [
            article(
                "The Orioles, according to several reports published over the last few days, "
                "have offered the slugger a deal over seven years."
            ),
            article(
                "Lynch reported the Red Sox, according to several sources close to the talks, "
                "have offered the slugger a deal over eight years."
            ),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert _cross_groups(figures, groups) == []


def test_ages_of_unnamed_men_need_equal_values() -> None:
    """ "a 50-year-old man" and "a 48-year-old man" are two people (a named person may be two
    years apart between reports)."""
    figures, groups = run(
        [
            article("A 50-year-old man from Dexter tipped off the police."),
            article("Police identified the victims as a 48-year-old man and a woman."),
        ]
    )
    assert _cross_groups(figures, groups) == []


def test_paragraphs_that_differ_on_every_figure_report_two_facts_not_a_conflict() -> None:
    # Two teams' offers: the length and the value both differ, so the matched paragraphs are more
    # likely two facts than one contradicted; the same label still groups them, as "differs".
    arts = [
        article("The offer is a seven - year deal worth $150 million, reports said."),
        article("The offer is an eight - year deal worth $184 million, reports said."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert "conflict" not in [s for s, _, _ in out]
    assert ("differs", "deal", ["seven - year deal", "eight - year deal"]) in out


def test_one_differing_figure_beside_an_agreeing_one_is_still_a_conflict() -> None:
    arts = [
        article("The offer is a seven - year deal worth $150 million, reports said."),
        article("The offer is an eight - year deal worth $150 million, reports said."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert ("conflict", "deal", ["seven - year deal", "eight - year deal"]) in out


def test_two_differing_counts_of_one_event_still_conflict() -> None:
    arts = [
        article("Officials said 12 people were killed and 30 were injured."),
        article("Officials said 14 people were killed and 45 were injured."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert ("conflict", "killed", ["12 people were killed", "14 people were killed"]) in out


def test_open_or_vague_figures_in_unmatched_paragraphs_need_alike_wording() -> None:
    # "a few doors away" / "three doors away", "at least two ladder trucks" / "31 fire trucks":
    # compatible only through a vague word or an open bound, in paragraphs nobody matched.
    doors = summary(
        [
            article("The man then fled into an apartment three doors away."),
            article("Orozco was found hiding in a house a few doors away from the shooting."),
        ]
    )
    assert all(s == "single" for s, _, _ in doors)
    trucks = summary(
        [
            article("Crews fought the blaze using at least two ladder trucks."),
            article("Owen said a total of 31 fire trucks were eventually on scene."),
        ]
    )
    assert all(s == "single" for s, _, _ in trucks)


def test_same_written_number_still_links_across_unmatched_paragraphs() -> None:
    out = summary(
        [
            article("Fire crews used 31 fire trucks at the blaze."),
            article("Owen said a total of 31 fire trucks were eventually on scene."),
        ]
    )
    assert ("agree", "truck", ["31 fire trucks", "31 fire trucks"]) in out


def test_a_day_without_year_and_a_month_with_year_do_not_agree() -> None:
    # "June 20" (a shooting) and "June 2005" (a killing later that month) share only the month.
    arts = [
        article("Deputies said the shooting on June 20 was the first."),
        article("Deputies said the killing in June 2005 was the first."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert all(s == "single" for s, _, _ in out)


def test_part_of_a_count_is_not_the_count() -> None:
    # "30 of the 80 wounded remained in hospital": the 30 is a share of the 80, not the injured.
    arts = [
        article("As many as 80 people were also wounded."),
        article("He said 30 of the 80 wounded remained in hospital."),
    ]
    figures, groups = run(arts, [Match((0, 0), (1, 0), 0.8)])
    assert group_of(groups, figures, "30").status == "single"


def _supported(left: tuple[int, int], right: tuple[int, int]) -> Match:
    return Match(left, right, 0.5, evidence="supported", cue="diagonal")


def test_a_weak_match_needs_its_own_evidence_for_a_generic_pair() -> None:
    # The aligner kept these on a second cue, sharing little besides "four years" itself.
    arts = [
        article("Dissolution of the corporation has taken four years, McFarlane said."),
        article("The building made the list of endangered properties for the past four years."),
    ]
    out = summary(arts, [_supported((0, 0), (1, 0))])
    assert all(s == "single" for s, _, _ in out)
    # The same paragraphs matched clearly still pair by position.
    clear = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert clear[0][0] == "agree"


def test_a_weak_match_still_pairs_figures_with_alike_wording() -> None:
    arts = [
        article("The deputy had married two weeks before the shooting, his family said."),
        article("The deputy married his wife two weeks before the shooting."),
    ]
    out = summary(arts, [_supported((0, 0), (1, 0))])
    assert out[0][0] == "agree"


def test_counts_beside_different_names_in_matched_paragraphs_are_two_crowds() -> None:
    arts = [
        article("Police said as many as 20,000 people took to the streets of Athens."),
        article("In Patras, around 20,000 protesters were joined by tractor drivers."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert all(s == "single" for s, _, _ in out)


def test_repeated_durations_in_one_article_are_not_one_quantity_by_themselves() -> None:
    # "married two weeks before the shooting" and "two weeks after the death": two spans.
    a = article(
        "He had married two weeks before the shooting.",
        "Jurors watched a video recorded two weeks after the death.",
    )
    figures, groups = run([a])
    weeks = [f.group for f in figures if f.text == "two weeks"]
    assert len(weeks) == 2 and weeks[0] != weeks[1]
    # Nor are two events of one year (the plant's closure and an election in 2007).
    b = article("The plant closed at the end of 2007.", "A new mayor was elected in 2007.")
    figures, groups = run([b])
    years = [f.group for f in figures if f.text == "2007"]
    assert len(years) == 2 and years[0] != years[1]
    # Specific labels still repeat: "12 people were killed" twice is one toll.
    c = article("The blast killed 12 people.", "Officials confirmed it killed 12 people.")
    figures, groups = run([c])
    assert len({f.group for f in figures}) == 1


def test_a_described_person_and_a_named_one_of_the_same_age_are_one_in_matched_paragraphs() -> None:
    arts = [
        article("Police said the person killed was a 63-year-old woman from Warren."),
        article("He was found guilty in the slaying of 63-year-old Madeline Kafoury."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert out[0][0] == "agree" and out[0][1] == "age"


def test_a_year_and_a_date_in_that_year_agree() -> None:
    arts = [
        article("The company filed for bankruptcy in 1983."),
        article("The company filed for bankruptcy in November 1983."),
    ]
    out = summary(arts, [Match((0, 0), (1, 0), 0.8)])
    assert out[0][0] == "agree" and len(out[0][2]) == 2
    other = summary(
        [
            article("The company filed for bankruptcy in 1984."),
            article("The company filed for bankruptcy in November 1983."),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert "agree" not in [s for s, _, _ in other]


def test_approximations_of_different_numbers_differ_rather_than_agree() -> None:
    # "about 5,000" and "some 6,000" overlap as approximations, but the outlets report two
    # different numbers: the reader is told they differ, not that they agree.
    out = summary(
        [
            article("About 5,000 migrants arrived at the border on Thursday."),
            article("Some 6,000 migrants arrived at the border on Thursday."),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert out == [("differs", "migrant", ["About 5,000 migrants", "Some 6,000 migrants"])]


def test_one_value_at_the_rounder_precision_agrees() -> None:
    out = summary(
        [
            article("About 5,000 migrants arrived at the border on Thursday."),
            article("Officials counted 5,012 migrants at the border on Thursday."),
        ],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert out[0][0] == "agree"
    out = summary(
        [article("The army sent 5,800 troops."), article("The army sent about 5,900 troops.")],
        [Match((0, 0), (1, 0), 0.8)],
    )
    assert out[0][0] == "differs"


def test_dotted_abbreviation_before_the_noun_is_a_modifier() -> None:
    figures, _ = run([article("About 5,900 U.S. troops have been deployed along the border.")])
    assert figures[0].counted == "troop"
    assert figures[0].text == "About 5,900 U.S. troops"
