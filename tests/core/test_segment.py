"""Paragraph blocks, sentence boundaries and boilerplate detection."""

from __future__ import annotations

import pytest

from reader.core.ingest.segment import (
    collapse_whitespace,
    is_boilerplate,
    split_blocks,
    split_sentences,
)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


# --- blocks -------------------------------------------------------------------------------------


def test_blocks_are_separated_by_blank_lines() -> None:
    text = "one\ntwo\n\n  \n three \n\n\n\nfour"
    assert split_blocks(text) == [["one", "two"], ["three"], ["four"]]


def test_no_blank_line_means_one_block_per_line() -> None:
    assert split_blocks("first line\nsecond line\n") == [["first line"], ["second line"]]
    assert split_blocks("a\n  \nb") == [["a"], ["b"]]


def test_single_line_and_empty() -> None:
    assert split_blocks("only") == [["only"]]
    assert split_blocks("\n \n") == []


def test_collapse_whitespace() -> None:
    assert collapse_whitespace("  hard\nwrapped   line\u00a0here ") == "hard wrapped line here"


# --- sentences ----------------------------------------------------------------------------------


def test_plain_sentences() -> None:
    assert sentences("One thing. Another thing! A question? Yes.") == [
        "One thing.",
        "Another thing!",
        "A question?",
        "Yes.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith met Dr. Jones and Mrs. Brown on Jan. 5 at No. 10 Downing St. in London.",
        "J. R. R. Tolkien and George W. Bush were mentioned.",
        "Growth was 1.2 percent, up from 0.9 percent.",
        "The U.S. Senate voted and U.K. officials agreed.",
        "Roe v. Wade was cited, e.g. by the court, i.e. the judges.",
        "Apple Inc. said profits rose.",
    ],
)
def test_no_false_boundaries(text: str) -> None:
    assert sentences(text) == [text]


def test_quote_after_the_stop() -> None:
    assert sentences('"We will rebuild," he said. "It will take time." She agreed.') == [
        '"We will rebuild," he said.',
        '"It will take time."',
        "She agreed.",
    ]
    assert sentences("He said “no.” Then he left.") == ["He said “no.”", "Then he left."]


def test_quoted_question_continues_with_lowercase() -> None:
    assert sentences('"Why?" she asked. Nobody knew.') == ['"Why?" she asked.', "Nobody knew."]


def test_ambiguous_abbreviation_before_a_sentence_opener() -> None:
    assert sentences(
        "He moved to the U.S. The family followed. Martin Luther King Jr. He spoke."
    ) == [
        "He moved to the U.S.",
        "The family followed.",
        "Martin Luther King Jr.",
        "He spoke.",
    ]


def test_ellipses() -> None:
    assert sentences("Wait... and then nothing. Well… Maybe later.") == [
        "Wait... and then nothing.",
        "Well…",
        "Maybe later.",
    ]


def test_said_no_is_not_the_number_abbreviation() -> None:
    assert sentences("He said no. Then he left.") == ["He said no.", "Then he left."]


def test_list_number_at_start_is_not_a_sentence() -> None:
    assert sentences("1. Collect the data. Then stop.") == ["1. Collect the data.", "Then stop."]


def test_cjk_full_stops() -> None:
    assert sentences("东京是首都。它很大！真的吗？是的") == [
        "东京是首都。",
        "它很大！",
        "真的吗？",
        "是的",
    ]


def test_offsets_are_stripped_and_cover_text() -> None:
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert spans == ((2, 12), (15, 26))
    assert split_sentences("") == ()
    assert split_sentences("   ") == ()
    assert split_sentences("no terminator") == ((0, 13),)


# --- boilerplate --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Source link",
        "Share this",
        "Share this article",
        "Share on Facebook",
        "Share via Email",
        "Read more",
        "Read more: Storm closes bridge",
        "READ MORE",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Click here to subscribe",
        "Sign up for our newsletter",
        "Subscribe to our daily briefing",
        "Follow us on Twitter",
        "Follow Reuters on Facebook",
        "Related: Mayor resigns after scandal",
        "Related stories",
        "Photo: Reuters",
        "Photograph: Jane Doe/AP",
        "(Photo by John Smith/Getty Images)",
        "Image credit: NASA",
        "(Reporting by John Smith; Editing by Jane Doe)",
        "Reporting by Ali Khan in Karachi",
        "By John Smith",
        "By JOHN SMITH and Ali Khan, Reuters",
        "By The Associated Press",
        "© 2024 The Daily Example",
        "Copyright 2023 Reuters. All rights reserved.",
        "All rights reserved",
        "(c) 2022 Example Media",
        "Updated: 12 March 2024",
        "Published 3 hours ago",
        "5 min read",
        "We use cookies to improve your experience.",
        "This article was originally published on Example.",
        "* * *",
        "|",
        "Listen to this article",
        # blog-post bylines (a law firm's blog in the ECB+ dev set)
        "On behalf of Newman, Anzalone & Newman, LLP. posted in Hit and Run Accidents on Friday, "
        "September 20, 2013.",
        "Posted in Politics on 3/4/2013 by admin",
        "Filed under Crime on March 4, 2012",
        "On behalf of Smith & Jones, LLC",
    ],
)
def test_furniture_is_boilerplate(text: str) -> None:
    assert is_boilerplate(text)


@pytest.mark.parametrize(
    "text",
    [
        "Share prices fell sharply on Monday.",
        "By Sunday, the army had withdrawn from the town.",
        "Related research suggests otherwise.",
        "Advertising revenue fell 5% last year.",
        "Published in 2019, the report found serious problems.",
        "Comments by the minister drew criticism.",
        "Copyright law is changing across Europe.",
        "Photographers gathered outside the court.",
        "The bridge reopened on Tuesday.",
        "Follow-up inspections are planned for May.",
        "He posted in a forum on Monday that he would resign.",
        "On behalf of the family, I thank the rescuers.",
        "The firm acted on behalf of Lehman Brothers Inc in the sale.",
        # a long real paragraph that happens to contain furniture words
        "Read more carefully, the minister's letter shows that the government knew about the "
        "cracks in the bridge two years ago, and officials who wanted to share this information "
        "with the public were told to wait until after the election, according to documents seen "
        "by reporters.",
    ],
)
def test_real_content_is_not_boilerplate(text: str) -> None:
    assert not is_boilerplate(text)


@pytest.mark.parametrize(
    "line",
    [
        "August 2, 2013",
        "Fri Aug 2, 2013 6:50pm EDT",
        "10:55 P. M. FEB. 2, 2009",
        "Saturday, September 14, 2013",
        "Updated 14:05 GMT",
    ],
)
def test_timestamp_lines_are_furniture(line: str) -> None:
    """A dateline/timestamp alone dates the page and reports nothing: it must never match
    another page's timestamp (gold alignments leave them unmatched)."""
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "On May 5 troops left the city.",
        "March 14 2013 was a day of 12 killed",
        "Quake kills 10 in southern Iran",
    ],
)
def test_sentences_with_dates_are_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)


def test_the_segmenter_patterns_compile_on_first_use() -> None:
    """The furniture and sentence patterns took ~10 ms to compile at import, paid by every start
    of the reader even when it segments nothing before its first frame (web pages only)."""
    import subprocess
    import sys

    code = (
        "from reader.core.ingest import segment\n"
        "patterns = (segment._END, segment._FURNITURE, segment._ANYWHERE)\n"
        "before = [p.compiled for p in patterns]\n"
        "assert segment.is_boilerplate('Share this article')\n"
        "assert not segment.is_boilerplate('The port closed on Monday.')\n"
        "assert segment.split_sentences('One. Two.') == ((0, 4), (5, 9))\n"
        "print(before, [p.compiled for p in patterns])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["[False,", "False,", "False]", "[True,", "True,", "True]"]


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    import re

    from reader.core.lazy import LazyPattern

    text = "Read more: the port. Share this! Ok?"
    lazy = LazyPattern(r"(share|read)\s+(\w+)", re.IGNORECASE)
    eager = re.compile(r"(share|read)\s+(\w+)", re.IGNORECASE)
    assert not lazy.compiled
    assert lazy.pattern == eager.pattern and lazy.flags == eager.flags
    assert lazy.compiled
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.search(text).group(2) == "more"
    assert lazy.match(text).group(1) == "Read" and lazy.fullmatch(text) is None
    assert lazy.sub("X", text) == eager.sub("X", text)
    assert lazy.findall(text) == eager.findall(text)
