"""The sanitiser removes everything a terminal would interpret and keeps every visible character."""

from __future__ import annotations

import pytest

from reader.core.ingest.sanitize import CONTROL_CHARS, bidi_control_count, sanitize, sanitize_line

HOSTILE = (
    "AAA\x1b[2J\x1b]0;PWNED-TITLE\x1b\\BBB\x1b[31mREDCCC\x07bell\x08bs\rcr\x00nul\x1b[?1049lDDD"
)


def _controls(text: str) -> list[str]:
    return [ch for ch in text if ord(ch) in CONTROL_CHARS or ch in "\r\t\x1b"]


def test_hostile_example_from_the_guide() -> None:
    out = sanitize(HOSTILE)
    assert _controls(out) == []
    assert "\x1b" not in out
    assert "PWNED-TITLE" not in out  # the OSC payload is part of the sequence, not text
    assert out == "AAABBBREDCCCbellbs\ncrnulDDD"


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("a\x1b[1;31;48;5;200mb", "ab"),  # SGR with parameters
        ("a\x1b]52;c;aGVsbG8=\x07b", "ab"),  # OSC 52 clipboard write, BEL-terminated
        ("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb"),  # hyperlink: text kept
        ("a\x1bP1$r0m\x1b\\b", "ab"),  # DCS
        ("a\x1b_payload\x1b\\b", "ab"),  # APC
        ("a\x1b7\x1b8\x1bcb", "ab"),  # save/restore cursor, full reset
        ("a\x1b(Bb", "ab"),  # charset designation
        ("a\x9b2Jb", "ab"),  # 8-bit CSI
        ("a\x9d\x9cb", "ab"),  # lone C1 controls
        ("a\x7fb", "ab"),  # DEL
        ("x\u202eevil\u202cy", "xevily"),  # bidi override ("Trojan Source")
        ("x\u2066iso\u2069y", "xisoy"),  # bidi isolate
        ("a\x1b", "a"),  # lone ESC at the end
    ],
)
def test_escape_sequences_and_controls_removed(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean


def test_unterminated_osc_stops_at_end_of_line() -> None:
    out = sanitize("title\x1b]0;junk\nThe article text survives.")
    assert out == "title\nThe article text survives."


def test_line_endings_normalised() -> None:
    assert sanitize("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_line_separating_controls_become_line_breaks() -> None:
    # deleting them would glue the words on either side together
    assert (
        sanitize("one\x0ctwo\x0bthree\x85four\u2028five\u2029six")
        == "one\ntwo\nthree\nfour\nfive\n\nsix"
    )


def test_tabs_expanded() -> None:
    assert sanitize("a\tb") == "a   b"
    assert "\t" not in sanitize("\tindented\t\ttext")


@pytest.mark.parametrize(
    "text",
    [
        "東京で会議が開かれた。",
        "Emoji 🎉👍🏽 and flags 🇫🇷",
        "Café, naïve, Ærøskøbing, Zażółć gęślą jaźń",
        "“Curly” ‘quotes’ — dashes – and … ellipsis",
        "Arabic مرحبا and Hebrew שלום",
        "Markup-looking [bold]text[/] and [/] and [link=x] stay literal",
        "non\u00a0breaking space",
        "Family emoji \U0001f468\U0001f3fd and keycap 1\ufe0f\u20e3",
    ],
)
def test_clean_unicode_untouched(text: str) -> None:
    assert sanitize(text) == text


def test_clean_text_is_returned_unchanged_object_when_nothing_to_do() -> None:
    text = "Plain text.\nSecond line."
    assert sanitize(text) is text


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("Erd\u200bogan", "Erdogan"),  # zero-width space inside a name
        ("Erd\u200c\u200dogan", "Erdogan"),  # non-joiner, joiner
        ("Erd\u2060ogan\ufeff", "Erdogan"),  # word joiner, stray BOM
        ("Tok\u00adyo", "Tokyo"),  # soft hyphen
        ("x\U000e0041\U000e0042\U000e007fy", "xy"),  # tag characters (hidden "prompt" text)
        ("a\u200eb\u200fc\u061cd", "abcd"),  # LRM, RLM, ALM
    ],
)
def test_invisible_characters_removed(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean
    assert sanitize_line(dirty, "?") == clean  # removed, not shown as a replacement mark


def test_bidi_controls_are_counted_for_a_warning() -> None:
    assert bidi_control_count("plain text") == 0
    assert bidi_control_count("x\u202eevil\u202cy and \u2066z\u2069") == 4


def test_lone_surrogates_become_replacement_characters() -> None:
    # an undecodable byte of a file name (surrogateescape) can never be written as UTF-8
    assert sanitize_line("caf\udce9.txt") == "caf\ufffd.txt"
    assert sanitize("caf\udce9") == "caf\ufffd"


def test_sanitize_line_removes_osc_52_and_line_breaks() -> None:
    name = "a\x1b]52;c;cm0gLXJmIH4=\x07b\nc\u202ed.txt"
    assert sanitize_line(name, "?") == "a?b?c?d.txt"
