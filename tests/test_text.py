"""Text helpers: the characters that never reach a terminal or a document raw."""

from crm_plan.text import character_name, unsafe_characters, visible

HOSTILE = "a\x1b]0;pwned\x07\x1b[2J\u202e\tb\nc\x85\u2028\x7f"


def test_visible_escapes_every_control_but_tab_and_newline() -> None:
    assert visible(HOSTILE) == "a\\x1b]0;pwned\\x07\\x1b[2J\\u202e\tb\nc\\x85\\u2028\\x7f"


def test_visible_on_one_line_escapes_tab_and_newline_too() -> None:
    assert visible("a\tb\nc\r", lines=False) == "a\\x09b\\x0ac\\x0d"


def test_visible_returns_clean_text_as_it_is() -> None:
    text = "Designar un enlace por país — «México»"
    assert visible(text) is text


def test_unsafe_characters_with_positions() -> None:
    assert unsafe_characters("ok\x1b[2J\u2066x") == [(2, "\x1b"), (6, "\u2066")]
    assert unsafe_characters("a\tb\nc") == []
    assert unsafe_characters("a\tb\nc", lines=True) == [(1, "\t"), (3, "\n")]


def test_character_names() -> None:
    assert [character_name(c) for c in "\x00\x1b\x7f\u202e\u2029"] == [
        "U+0000 NULL", "U+001B ESCAPE", "U+007F DELETE", "U+202E RIGHT-TO-LEFT OVERRIDE",
        "U+2029 PARAGRAPH SEPARATOR"]
