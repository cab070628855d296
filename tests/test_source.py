"""Reading the file: encodings, YAML syntax, and inputs meant to hurt."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT, assert_problems, problems_of
from fuzzing import examples, fuzz
from hypothesis import given
from hypothesis import strategies as st

from crm_plan.errors import PlanFileError
from crm_plan.source import (
    _ANY_COLON_HINT,
    MAX_DEPTH,
    Mapping,
    Scalar,
    _any_colon_hint,
    _indentation_hints,
    _line_hints,
    decode,
    parse,
    read_source,
)


def messages(text: str) -> list[str]:
    return [str(p) for p in parse(text, "plan.yaml")[1]]


def test_scalars_are_kept_as_written():
    root, problems = parse('a: 6.10\nb: no\nc: "x"\nd: 2010\n', "p.yaml")
    assert problems == [] and isinstance(root, Mapping)
    values = [(k.value, v.value, v.style) for k, v in root.pairs if isinstance(v, Scalar)]
    assert values == [("a", "6.10", None), ("b", "no", None), ("c", "x", '"'), ("d", "2010", None)]


def test_positions_are_one_based_and_count_characters():
    root, _ = parse("título: año\nb: [ñ, x]\n", "p.yaml")
    assert isinstance(root, Mapping)
    (_k1, v1), (_k2, v2) = root.pairs
    assert (v1.line, v1.col) == (1, 9)
    assert (v2.line, v2.col, v2.items[1].col) == (2, 4, 8)  # type: ignore[attr-defined]


def test_tab_indentation_is_named():
    assert messages("a:\n\tb: 1\n") == [
        ("plan.yaml:2:1: error: this line is indented with a tab; YAML needs spaces for "
         "indentation [tab]")
    ]


@pytest.mark.parametrize("key", ["legend", "origin", "position", "objective"])
def test_missing_space_after_colon_is_named_for_every_field_of_the_format(key: str):
    """The field names come from fields.py: the reader's and the hints' are the same."""
    (message,) = messages(f"document:\n  title: x\n  {key}:y\n")
    assert message.endswith(f"a space is missing after '{key}:'; write '{key}: ...' [syntax]")


def test_missing_space_after_colon_is_named():
    assert messages("document:\n  title: x\n  status:pendiente\n") == [
        "plan.yaml:3:10: error: a space is missing after 'status:'; write 'status: ...' [syntax]"
    ]


def test_colon_inside_text_explains_quoting():
    assert messages("a:\n  text: Nota: algo: otro\n") == [
        ("plan.yaml:2:13: error: a ':' followed by a space is not allowed here; if the text itself "
         "contains ': ', put the whole text in double quotes [syntax]")
    ]


def test_wrong_indentation():
    assert messages("a:\n  b: 1\n c: 2\n") == [
        ("plan.yaml:3:2: error: this line is not indented like the lines around it, or a quote or "
         "bracket is not closed [syntax]")
    ]


def test_unclosed_quote_is_reported_where_it_opens():
    assert_problems('a: "abc\nb: 1\n', (1, 4, "syntax"))


def test_duplicate_keys_name_both_lines():
    assert messages("a: 1\nb: 2\na: 3\n") == [
        ("plan.yaml:3:1: error: 'a' appears twice in the same mapping (first at line 1); remove or "
         "rename one [duplicate-key]")
    ]


def test_duplicate_keys_at_every_level_are_all_reported():
    text = "a: 1\na: 2\nb:\n  c: 1\n  c: 2\n  d:\n    - e: 1\n      e: 2\n"
    assert [p.line for p in parse(text, "p")[1]] == [2, 5, 8]


def test_alias_is_refused():
    assert messages("a: &x [1]\nb: *x\n") == [
        ("plan.yaml:2:4: error: aliases (*x) are not allowed in a plan file; write the value out in "
         "full [alias]")
    ]


def test_billion_laughs_stops_at_the_first_alias():
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    root, problems = parse("\n".join(lines) + "\n", "p")
    assert root is None and [(p.line, p.code) for p in problems] == [(2, "alias")]


def test_python_tags_are_refused_and_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    text = f"a: !!python/object/apply:os.system ['touch {marker}']\n"
    assert messages(text) == [
        ("plan.yaml:1:4: error: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
         "allowed in a plan file; remove it (nothing was run) [tag]")
    ]
    assert (1, 4, "tag") in problems_of(text)
    assert not marker.exists()


def test_merge_keys_are_refused():
    assert messages("a:\n  <<: {b: 1}\n") == [
        ("plan.yaml:2:3: error: merge keys ('<<') are not supported in a plan file; write the "
         "fields out in full [merge-key]")
    ]


def test_deep_nesting_stops_at_the_limit():
    root, problems = parse("[" * 10_000 + "]" * 10_000, "p")
    assert root is None
    assert [(p.line, p.col, p.code) for p in problems] == [(1, MAX_DEPTH + 1, "depth")]


def test_a_second_document_is_refused():
    assert_problems("a: 1\n---\nb: 2\n", (2, 1, "syntax"))


def test_crlf_positions_match_lf():
    assert messages("a: 1\r\nb: 2\r\na: 3\r\n")[0].startswith("plan.yaml:3:1:")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"a: \xff\n", ("plan.yaml:1:4: error: the file is not UTF-8 text (byte 0xff here); save it"
                        " with the encoding UTF-8 [encoding]")),
        (b"a: 1\nb: \x00\n", ("plan.yaml:2:4: error: the file contains a NUL byte: it looks like a "
                              "binary file, not a YAML text [encoding]")),
        ("a: 1\n".encode("utf-16"), ("plan.yaml:1:1: error: the file is saved as UTF-16; save it as"
                                     " UTF-8 (in Notepad: Save as, Encoding UTF-8) [encoding]")),
    ],
)
def test_bytes_that_are_not_utf8_text(data: bytes, message: str):
    text, problems = decode(data, "plan.yaml")
    assert text is None and [str(p) for p in problems] == [message]


def test_control_characters_are_named():
    assert messages("a: b\x07c\n") == [
        ("plan.yaml:1:5: error: the file contains a control character that a text file cannot hold"
         " [syntax]")
    ]


def test_bom_is_accepted_and_remembered(tmp_path: Path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    source = read_source(path)
    assert source.bom and source.problems == [] and isinstance(source.root, Mapping)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "{p}: no such file"),
        (lambda p: (p.mkdir(), p)[1], "{p}: is a folder, not a plan file"),
    ],
)
def test_files_that_cannot_be_read(tmp_path: Path, make, message: str):
    path = make(tmp_path / "plan.yaml")
    with pytest.raises(PlanFileError) as info:
        read_source(path)
    assert str(info.value) == message.format(p=path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "plan.yaml"
    path.write_text("a: 1\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # root may read anything, so simulate it
    with pytest.raises(PlanFileError) as info:
        read_source(path)
    assert str(info.value) == f"{path}: you do not have permission to read this file"


def test_too_large_file(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    with path.open("wb") as out:
        out.truncate(21 * 1024 * 1024)
    with pytest.raises(PlanFileError) as info:
        read_source(path)
    assert str(info.value) == f"{path}: the file is 21 MB; a plan file may be at most 20 MB"


@pytest.mark.parametrize("text", [
    "a:\n  text: |\n    note:ver el anexo\n    status:pendiente\n",
    'a:\n  text: "uno\n    \tdos"\n',
    "a:\n  text: uno\n    status:pendiente\n",
    "a:\n  - text: >\n      uno\n      \tdos\n",
])
def test_a_tab_or_a_colon_inside_a_text_of_several_lines_is_text(text: str):
    """Valid YAML: the hints for hand-editing slips do not fire inside a text."""
    assert messages(text) == []


def test_the_hints_still_fire_after_a_text_of_several_lines():
    assert messages("a:\n  text: |\n    uno\n  status:pendiente\n") == [
        "plan.yaml:4:10: error: a space is missing after 'status:'; write 'status: ...' [syntax]"
    ]


def test_without_the_c_parser_the_tree_and_problems_are_the_same(monkeypatch):
    text = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
    broken = "objectives:\n  - id: '1'\n    title: [a\n"
    with_c = [parse(text, "p"), parse(broken, "p")]
    monkeypatch.setitem(sys.modules, "_ruamel_yaml", None)  # as if not installed
    assert [(repr(root), problems) for root, problems in (parse(text, "p"), parse(broken, "p"))
            ] == [(repr(root), problems) for root, problems in with_c]


def test_a_control_character_the_parser_refuses_is_reported_where_it_is():
    """The C parser counts bytes of UTF-8 where the problem is; editors count characters."""
    text = "actors:\n  México: Estados Unidos Mexicanos\n  ST: Secretaría\x1bTécnica\n"
    assert [(p.line, p.col, p.code) for p in parse(text, "p")[1]] == [(3, 17, "syntax")]


# Pieces of lines from which the hints' look-ahead is tested: keys with and without the
# space, tabs, "- ", every kind of line break Python splits lines at, and words around them.
_PIECES = ["status:", "status: ", "note:x", "- ", "-", " ", "  ", "\t", "\n", "\r\n", "\r",
           "\v", "\x1c", "\x85", "\u2028", "`name:`", "x", "uno", ":", "/", "id:'1'", "a:b"]


@fuzz
@examples(normal=200, fuzzing=2000)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_hints_look_at_every_line_only_when_the_text_can_have_one(pieces: list[str]):
    """The whole-text check that skips the line-by-line search never skips a hint."""
    text = "".join(pieces)
    assert _indentation_hints(text, "p") == _line_hints(text, "p")


@fuzz
@examples(normal=200, fuzzing=2000)
@given(st.lists(st.sampled_from(_PIECES + ["é", ".", "a_b:", "7:x", "\u3000"]), max_size=30))
def test_the_search_for_a_key_glued_to_its_value_is_the_pattern_s(pieces: list[str]):
    text = "".join(pieces)
    assert _any_colon_hint(text) == bool(_ANY_COLON_HINT.search(text))


def test_a_plan_without_tabs_or_keys_glued_to_values_skips_the_line_by_line_search():
    text = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
    assert "\t" not in text and _ANY_COLON_HINT.search(text) is None
    assert _ANY_COLON_HINT.search(text + "\r  - status:pendiente") is not None
