"""archive and restore as text edits: byte-exact results, and restore undoes archive."""

from __future__ import annotations

import datetime as dt
import difflib
import random

import pytest
from conftest import DATA, ROOT

from crm_plan.edit import EditRefused, archive, restore
from crm_plan.model import Status
from crm_plan.source import Source, parse
from crm_plan.validate import validate

ON = dt.date(2026, 11, 28)
EDIT = DATA / "edit"
FIXTURE = (EDIT / "plan.yaml").read_text(encoding="utf-8")
SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")


def plan_of(text: str):
    body = text[1:] if text.startswith("\ufeff") else text
    root, problems = parse(body, "p")
    plan, problems = validate(Source("p", text, root, problems))
    assert [str(p) for p in problems if p.severity == "error"] == []
    return plan


def test_archive_a_middle_activity():
    assert archive(FIXTURE, "1.2", ON) == (EDIT / "archive_1.2.yaml").read_text(encoding="utf-8")


def test_archive_keeps_comments_with_their_items():
    expected = (EDIT / "archive_1.1_1.3.yaml").read_text(encoding="utf-8")
    assert archive(archive(FIXTURE, "1.1", ON), "1.3", ON) == expected


def test_archive_the_last_activity_moves_the_objective_and_records_the_outcome():
    expected = (EDIT / "archive_2.1_with_outcome.yaml").read_text(encoding="utf-8")
    assert archive(FIXTURE, "2.1", ON, 'Se logró: "todo" bien') == expected
    plan = plan_of(expected)
    assert [o.id for o in plan.objectives] == ["1"]
    (done,) = [a for a in plan.activities(active=False, archived=True) if a.id == "2.1"]
    assert done.outcomes[-1].text == 'Se logró: "todo" bien'
    assert (done.status, done.archived_on, done.origin) == (Status.COMPLETADO, ON, "2")


@pytest.mark.parametrize("ids", [["1.2"], ["1.1", "1.3"], ["1.3", "1.1"], ["2.1"],
                                 ["1.1", "1.2", "1.3", "2.1"]])
def test_restore_undoes_archive_on_the_fixture(ids: list[str]):
    text = FIXTURE
    for activity_id in ids:
        text = archive(text, activity_id, ON)
    for activity_id in reversed(ids):
        text = restore(text, activity_id)
    assert text == FIXTURE


def test_archived_fields_are_unchanged():
    before = {a.id: a for a in plan_of(FIXTURE).activities()}
    after = {a.id: a for a in plan_of(archive(FIXTURE, "1.2", ON)).activities(archived=True)}
    moved = after["1.2"]
    assert (moved.text, moved.responsible, moved.refs) == (
        before["1.2"].text, before["1.2"].responsible, before["1.2"].refs)


SHIPPED_IDS = [a.id for a in plan_of(SHIPPED).activities()]


@pytest.mark.parametrize("activity_id", SHIPPED_IDS)
def test_archive_then_restore_is_identity_for_every_shipped_activity(activity_id: str):
    archived = archive(SHIPPED, activity_id, ON)
    plan = plan_of(archived)
    assert activity_id in {a.id for a in plan.activities(active=False, archived=True)}
    assert restore(archived, activity_id) == SHIPPED


@pytest.mark.parametrize("seed", range(12))
def test_several_at_once_in_any_order(seed: int):
    rng = random.Random(seed)
    chosen = rng.sample(SHIPPED_IDS, rng.randint(2, len(SHIPPED_IDS)))
    text = SHIPPED
    for activity_id in chosen:
        text = archive(text, activity_id, ON)
    plan = plan_of(text)
    assert sorted(a.id for a in plan.activities(active=False, archived=True)) == sorted(
        chosen + [a.id for a in plan_of(SHIPPED).activities(active=False, archived=True)])
    rng.shuffle(chosen)
    for activity_id in chosen:
        text = restore(text, activity_id)
    assert text == SHIPPED


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def test_the_diff_of_an_archive_is_only_the_moved_item():
    removed, added = changed_lines(SHIPPED, archive(SHIPPED, "9.3", ON))
    assert len(removed) == 7  # the activity's lines
    assert len(added) == 1 + 4 + 7 + 2  # a blank line, the objective's header, the item, metadata
    assert added[-2:] == ["        archived: 2026-11-28",
                          '        origin: {section: C, objective: "9", position: 3, '
                          "status: por definir}"]
    assert "        status: completado" in added and "        status: por definir" in removed


def test_the_diff_when_the_objective_already_is_in_the_history():
    once = archive(SHIPPED, "9.3", ON)
    removed, added = changed_lines(once, archive(once, "9.4", ON))
    assert (len(removed), len(added)) == (5, 5 + 2)


def test_the_diff_when_the_objective_leaves_the_active_plan():
    removed, added = changed_lines(SHIPPED, archive(SHIPPED, "3.1", ON))
    # the blank line before it, the header, the item (with its due_each)
    assert len(removed) == 1 + 4 + 7
    assert len(added) == 1 + 4 + 7 + 2


def crlf_bom(text: str) -> str:
    return "\ufeff" + text.replace("\n", "\r\n")


def test_crlf_and_bom_are_kept():
    text = crlf_bom(FIXTURE)
    archived = archive(text, "1.2", ON)
    assert archived == crlf_bom((EDIT / "archive_1.2.yaml").read_text(encoding="utf-8"))
    assert restore(archived, "1.2") == text


def test_crlf_identity_on_the_shipped_plan():
    text = crlf_bom(SHIPPED)
    for activity_id in ("3.1", "9.3", "13.1"):
        archived = archive(text, activity_id, ON)
        assert "\n" not in archived.replace("\r\n", "")
        assert restore(archived, activity_id) == text


def mixed(text: str, every: int, first: int) -> bytes:
    """`text` with every `every`th line (from line `first`, 0-based) ending in CRLF, the others
    in LF: a file edited on Windows and on Linux by turns."""
    lines = text.splitlines(keepends=True)
    return "".join(line.replace("\n", "\r\n") if k % every == first else line
                   for k, line in enumerate(lines)).encode("utf-8")


MIXED = {f"{first} in {every}": (every, first) for every, first in [(2, 0), (2, 1), (3, 0), (5, 1)]}


@pytest.mark.parametrize("layout", sorted(MIXED))
@pytest.mark.parametrize("activity_id", SHIPPED_IDS)
def test_mixed_line_endings_come_back_byte_for_byte(activity_id: str, layout: str):
    """3.1 and 8.1 (objectives of one activity) used to come back with a CRLF blank line turned
    into LF: the blank line cut out with the objective now travels with it."""
    original = mixed(SHIPPED, *MIXED[layout])
    text = original.decode("utf-8")
    archived = archive(text, activity_id, ON)
    assert restore(archived, activity_id).encode("utf-8") == original


def test_a_file_without_final_newline():
    text = FIXTURE.rstrip("\n")
    archived = archive(text, "2.1", ON)
    assert not archived.endswith("\n")
    assert restore(archived, "2.1") == text


def test_the_first_archive_creates_the_history():
    text = FIXTURE[:FIXTURE.index("# Comentario antes de la historia.")]
    archived = archive(text, "1.2", ON)
    item = text[text.index('      - id: "1.2"'):text.index('      - id: "1.3"')]
    assert archived == text.replace(item, "") + (
        "\nhistory:\n"
        "  # Comentario antes del primer objetivo.\n"
        '  - id: "1"\n'
        "    section: A\n"
        "    title: Objetivo uno\n"
        "    activities:\n"
        '      - id: "1.2"\n'
        "        text: 'Texto entre comillas simples'\n"
        "        responsible: [ Países miembros ]\n"
        "        status: completado   # estado escrito a mano\n"
        "        archived: 2026-11-28\n"
        '        origin: {section: A, objective: "1", position: 2, status: "Por Definir"}\n'
    )
    assert restore(archived, "1.2") == text


def test_restore_recreates_the_objective_in_order():
    text = archive(archive(SHIPPED, "3.1", ON), "2.1", ON)
    text = archive(text, "2.2", ON)
    plan = plan_of(text)
    assert [o.id for o in plan.objectives][:2] == ["1", "4"]
    text = restore(text, "3.1")
    assert [o.id for o in plan_of(text).objectives][:3] == ["1", "3", "4"]


def test_refuses_when_the_objective_differs_between_the_parts():
    once = archive(FIXTURE, "1.1", ON)
    history_title = once.rindex("    title: Objetivo uno\n")
    edited = once[:history_title] + "    title: Objetivo uno (cambiado)\n" + once[
        history_title + len("    title: Objetivo uno\n"):]
    both = archive(edited, "1.2", ON)
    with pytest.raises(EditRefused, match="objective 1 is in both parts with different titles"):
        archive(both, "1.3", ON)


def test_restore_needs_an_origin():
    with pytest.raises(EditRefused, match="I.A.1.1 has no 'origin'"):
        restore(FIXTURE, "I.A.1.1")


# Regressions found by the property tests (tests/test_properties.py): each was a lost comment,
# a broken file or a restore that did not give back the same bytes.

BEFORE_HISTORY = FIXTURE[:FIXTURE.index("# Comentario antes de la historia.")]


@pytest.mark.parametrize("empty", ["history:\n# fin\n", "history:   # todavía vacía\n",
                                   "history:\n  # Aquí irán las actividades terminadas.\n",
                                   "history:\n\n# comentario final\n"])
def test_an_empty_history_keeps_its_line_and_comments(empty: str):
    text = BEFORE_HISTORY + empty
    archived = archive(text, "1.2", ON)
    assert archived.startswith(BEFORE_HISTORY.replace(
        FIXTURE[FIXTURE.index('      - id: "1.2"'):FIXTURE.index('      - id: "1.3"')], "")
        + empty.split("\n")[0] + "\n")
    assert all(line in archived.splitlines() for line in empty.splitlines())
    assert '  - id: "1"' in archived.split("history:")[1]
    assert [o.id for o in plan_of(archived).history] == ["1"]
    assert restore(archived, "1.2") == text


def test_a_bare_empty_history_at_the_end_goes_with_its_last_activity():
    """The one case restore cannot tell from a history that `archive` created (documented in
    CONTRIBUTING.md, "Robustness tests"): a bare `history:` after a blank line, and nothing after it."""
    text = BEFORE_HISTORY + "history:\n"
    archived = archive(text, "1.2", ON)
    assert archived == archive(BEFORE_HISTORY.rstrip("\n") + "\n", "1.2", ON)
    assert restore(archived, "1.2") == BEFORE_HISTORY.rstrip("\n") + "\n"


def indentless(text: str) -> str:
    """The plan with its lists written `- ` under their key, as some editors write them."""
    lines = text.split("\n")
    start = lines.index("objectives:")
    return "\n".join(lines[:start] + [line.removeprefix("  ") for line in lines[start:]])


def test_an_indentless_plan_archived_entirely_comes_back():
    text = indentless(BEFORE_HISTORY)
    assert '\n- id: "1"\n  section: A\n' in text
    archived = text
    for activity_id in ("1.1", "1.2", "1.3", "2.1"):
        archived = archive(archived, activity_id, ON)
    assert "\nhistory:\n# Comentario antes del primer objetivo.\n- id: \"1\"\n" in archived
    assert plan_of(archived).objectives == ()
    for activity_id in ("2.1", "1.3", "1.1", "1.2"):
        archived = restore(archived, activity_id)
    assert archived == text


def test_a_comment_in_column_0_inside_the_last_objective():
    text = BEFORE_HISTORY.replace("    note: Nota del objetivo.\n",
                                  "# una nota escrita en la columna 0\n    note: Nota del objetivo.\n")
    archived = archive(text, "2.1", ON)
    assert plan_of(archived).objectives[-1].id == "1"  # the whole objective moved, comment too
    assert "# una nota escrita en la columna 0\n    note: Nota" in archived.split("history:")[1]
    assert restore(archived, "2.1") == text


def test_parts_indented_differently():
    """The active plan two spaces in, the history `- ` under its key; a blank line holding
    spaces inside an activity stays as it is."""
    text = FIXTURE.replace('        responsible: [ Países miembros ]\n',
                           '        responsible: [ Países miembros ]\n      \n')
    head, history = text.split("history:\n")
    text = head + "history:\n" + "\n".join(line.removeprefix("  ") for line in history.split("\n"))
    once = archive(text, "1.2", ON)
    twice = archive(once, "1.1", ON)
    assert '\n- id: "1"\n' in twice.split("history:")[1]
    assert restore(restore(twice, "1.1"), "1.2") == text
    assert restore(restore(twice, "1.2"), "1.1") == text


def test_blank_lines_follow_the_neighbours():
    """Objective 2's activities are separated by a blank line, objective 1's are not: restore
    puts back the blank lines that the activities around the place have."""
    text = BEFORE_HISTORY.replace(
        "        outcomes:\n          - text: Primer resultado\n",
        "        outcomes:\n          - text: Primer resultado\n\n"
        '      - id: "2.2"\n        text: Otra\n        responsible: [ST]\n'
        "        status: continuo\n\n"
        '      - id: "2.3"\n        text: Y otra\n        responsible: [ST]\n'
        "        status: continuo\n")
    for activity_id in ("2.2", "2.3", "1.2", "1.3"):
        assert restore(archive(text, activity_id, ON), activity_id) == text
