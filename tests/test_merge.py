"""The structural merge (merge.py, blocks.py, diff3.py): independent changes merge cleanly,
byte for byte; true conflicts hold git's markers around the field, nothing else."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from conftest import ROOT
from merging import apply_all, kept, quoted
from plans import QUERY_PLAN, plan_of

from crm_plan.blocks import LIST, MAPPING, tree
from crm_plan.diff3 import Conflict, merge_lines
from crm_plan.edit import archive, restore
from crm_plan.merge import merge_files, merge_texts

ON = dt.date(2010, 3, 1)
SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")


def merged(base: str, ours: str, theirs: str) -> str:
    result = merge_texts(base, ours, theirs)
    assert result is not None and result.conflicts == [], result
    plan_of(result.text)  # it validates
    return result.text


def conflicted(base: str, ours: str, theirs: str) -> str:
    result = merge_texts(base, ours, theirs)
    assert result is not None and result.conflicts
    assert_keeps_every_line(base, ours, theirs, result.text)
    return result.text


def assert_keeps_every_line(base: str, ours: str, theirs: str, result: str) -> None:
    """Every line a side added (or changed) is in the result: nobody's text is lost."""
    def counted(text: str) -> Counter[str]:
        return Counter(line.rstrip("\r\n") for line in text.splitlines())

    written = (counted(ours) - counted(base)) | (counted(theirs) - counted(base))
    assert not written - counted(result), written - counted(result)


# -- the case of the issue: two officers archive two activities of one objective ------------------

def test_two_archives_in_one_objective_merge_cleanly():
    ours, theirs = archive(SHIPPED, "9.3", ON), archive(SHIPPED, "9.5", ON)
    result = merged(SHIPPED, ours, theirs)
    # as if 9.5 were archived after 9.3, but with the position 9.5 had when it was archived
    assert result == archive(ours, "9.5", ON).replace("objective: \"9\", position: 4,",
                                                      "objective: \"9\", position: 5,")
    assert [a.id for a in plan_of(result).history[-1].activities] == ["9.3", "9.5"]


def test_archive_of_one_and_restore_or_edit_of_another():
    base = archive(SHIPPED, "9.1", ON)
    ours = archive(base, "9.3", ON)
    theirs = apply_all(restore(base, "9.1"), [("set", "9.4", "status", "pendiente")])
    assert merged(base, ours, theirs) == apply_all(
        restore(ours, "9.1"), [("set", "9.4", "status", "pendiente")])


def test_both_edits_in_either_order_when_they_commute():
    ours = apply_all(QUERY_PLAN, [("set", "1.1", "status", "pendiente"),
                                  ("comment", "3.1", "revisar en marzo")])
    theirs = apply_all(QUERY_PLAN, [("set", "1.1", "text", quoted("Informar cada año")),
                                    ("add", "2", "2.3"), ("archive", "1.2")])
    both = apply_all(ours, [("set", "1.1", "text", quoted("Informar cada año")),
                            ("add", "2", "2.3"), ("archive", "1.2")])
    assert merged(QUERY_PLAN, ours, theirs) == both == merged(QUERY_PLAN, theirs, ours)


def test_additions_in_different_objectives_and_fields_of_the_document():
    ours = apply_all(QUERY_PLAN, [("add", "1", "1.3")]).replace(
        "  updated: 2009-11-26\n", "  updated: 2010-03-01\n")
    theirs = apply_all(QUERY_PLAN, [("add", "3", "3.2")]).replace(
        "  RROCM: Red Regional", "  ACNUR: Alto Comisionado\n  RROCM: Red Regional")
    result = merged(QUERY_PLAN, ours, theirs)
    assert result == apply_all(ours, [("add", "3", "3.2")]).replace(
        "  RROCM: Red Regional", "  ACNUR: Alto Comisionado\n  RROCM: Red Regional")


def test_comment_edits_in_different_places():
    base = "# Plan\n#\n# de trabajo\n" + QUERY_PLAN
    ours = base.replace("# Plan\n", "# Plan de la red\n").replace(
        "      - id: \"2.2\"\n", "      # pendiente de la reunión\n      - id: \"2.2\"\n")
    theirs = base.replace("# de trabajo\n", "# de trabajo 2010\n").replace(
        "        due: 2010-02\n", "        due: 2010-02  # confirmar\n")
    assert merged(base, ours, theirs) == ours.replace("# de trabajo\n", "# de trabajo 2010\n") \
        .replace("        due: 2010-02\n", "        due: 2010-02  # confirmar\n")


def test_a_comment_above_a_field_and_an_edit_of_the_field_before_it():
    ours = QUERY_PLAN.replace("        support: [Países miembros]\n",
                              "        # confirmado por Belice\n        support: [Países miembros]\n")
    theirs = QUERY_PLAN.replace("        responsible: [Belice]\n",
                                "        responsible: [Belice, México]\n")
    assert merged(QUERY_PLAN, ours, theirs) == ours.replace(
        "        responsible: [Belice]\n", "        responsible: [Belice, México]\n")


def test_line_endings_bom_and_final_newline_are_the_files_own():
    base = "\ufeff" + QUERY_PLAN.replace("\n", "\r\n")[:-2]  # CRLF, a BOM, no final newline
    ours = apply_all(base, [("set", "1.1", "status", "pendiente")])
    theirs = base.replace("Adoptados por los viceministros",
                          "Adoptados por los viceministros en 2007")
    result = merged(base, ours, theirs)
    assert result == ours.replace("Adoptados por los viceministros",
                                  "Adoptados por los viceministros en 2007")
    assert result.startswith("\ufeff") and not result.endswith("\n") and "\r\n" in result
    assert "\n" not in result.replace("\r\n", "")


@pytest.mark.parametrize("converted", ["ours", "theirs"])
def test_a_side_that_changed_every_line_ending_is_not_an_edit_of_every_line(converted: str):
    """One officer's editor saved the file with CRLF while another archived: the archive
    merges, and the whole file takes the new line endings."""
    windows = QUERY_PLAN.replace("\n", "\r\n")
    archived = archive(QUERY_PLAN, "2.2", ON)
    ours, theirs = (windows, archived) if converted == "ours" else (archived, windows)
    assert merged(QUERY_PLAN, ours, theirs) == archived.replace("\n", "\r\n")


def test_both_sides_saved_with_crlf_merge_as_their_edits():
    windows = [apply_all(QUERY_PLAN, [edit]).replace("\n", "\r\n") for edit in
               (("set", "1.1", "status", "pendiente"), ("set", "2.2", "status", "continuo"))]
    assert merged(QUERY_PLAN, *windows) == apply_all(
        QUERY_PLAN, [("set", "1.1", "status", "pendiente"),
                     ("set", "2.2", "status", "continuo")]).replace("\n", "\r\n")


def test_a_failure_of_the_structural_merge_falls_back_to_the_line_merge(monkeypatch):
    from crm_plan import merge

    def broken(*args: object) -> None:
        raise AssertionError("a bug")

    monkeypatch.setattr(merge, "merge_texts", broken)
    ours, theirs = archive(QUERY_PLAN, "2.2", ON), archive(QUERY_PLAN, "1.1", ON)
    result = merge_files(*(t.encode() for t in (QUERY_PLAN, ours, theirs)), "plan")
    assert result.note == ("crmplan could not merge it by its structure (internal error "
                           "AssertionError: a bug; please report it); merged line by line instead")
    assert not result.structural and not result.clean  # git's markers, or a plan to check


def test_the_plan_dated_on_two_days_takes_the_later_date():
    ours = archive(QUERY_PLAN, "1.1", ON).replace("  updated: 2009-11-26\n",
                                                  "  updated: 2010-03-05  # ST\n")
    theirs = archive(QUERY_PLAN, "2.2", ON).replace("  updated: 2009-11-26\n",
                                                    "  updated: '2010-03-02' # ST\n")
    assert merged(QUERY_PLAN, ours, theirs) == archive(ours, "2.2", ON)
    assert merged(QUERY_PLAN, theirs, ours) == archive(theirs, "1.1", ON).replace(
        "  updated: '2010-03-02' # ST\n", "  updated: 2010-03-05  # ST\n")
    undated = ours.replace("  updated: 2010-03-05  # ST\n", "  updated: pronto\n")
    assert "<<<<<<< ours\n  updated: pronto\n" in conflicted(QUERY_PLAN, undated, theirs)
    # a comment on one side only is not dropped for the later date: a conflict
    commented = theirs.replace("  updated: '2010-03-02' # ST\n",
                               "  updated: 2010-03-02  # revisado por México\n")
    bare = ours.replace("  updated: 2010-03-05  # ST\n", "  updated: 2010-03-05\n")
    assert "# revisado por México\n>>>>>>> theirs" in conflicted(QUERY_PLAN, bare, commented)


# -- true conflicts: markers around the field, and nothing lost -----------------------------------

def test_the_same_field_changed_differently_is_a_conflict_of_that_field_only():
    ours = apply_all(QUERY_PLAN, [("set", "2.2", "status", "continuo"),
                                  ("set", "1.1", "text", quoted("Informar"))])
    theirs = apply_all(QUERY_PLAN, [("set", "2.2", "status", "por definir")])
    result = conflicted(QUERY_PLAN, ours, theirs)
    assert result == apply_all(QUERY_PLAN, [("set", "1.1", "text", quoted("Informar"))]).replace(
        "        status: pendiente\n", "<<<<<<< ours\n        status: continuo\n=======\n"
        "        status: por definir\n>>>>>>> theirs\n")
    assert merge_texts(QUERY_PLAN, ours, theirs).conflicts == [(56, 60)]  # type: ignore[union-attr]


def test_archived_on_one_side_and_edited_on_the_other():
    ours = archive(QUERY_PLAN, "2.2", ON)
    theirs = apply_all(QUERY_PLAN, [("set", "2.2", "text", quoted("Compartir datos"))])
    result = conflicted(QUERY_PLAN, ours, theirs)
    lines = result.splitlines()
    start = lines.index("<<<<<<< ours")
    assert lines[start:start + 9] == [
        "<<<<<<< ours", "=======", '      - id: "2.2"', '        text: "Compartir datos"',
        "        responsible: [Belice]", "        support: [Países miembros]",
        "        status: pendiente",
        '        status_note: "(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)"',
        ">>>>>>> theirs"]
    # the archived copy is marked too, on its side only: keeping one side everywhere is a plan
    history = result.split("\nhistory:\n")[1]
    assert history.count("<<<<<<< ours\n") == 1 and history.endswith("=======\n>>>>>>> theirs\n")
    assert kept(result, "ours") == ours and plan_of(ours)
    assert kept(result, "theirs") == theirs and plan_of(theirs)


def test_an_objective_emptied_on_one_side_and_retitled_on_the_other():
    ours = archive(archive(QUERY_PLAN, "2.1", ON), "2.2", ON)
    theirs = QUERY_PLAN.replace("title: Facilitar el intercambio", "title: Facilitar datos")
    result = conflicted(QUERY_PLAN, ours, theirs)
    assert result.count("<<<<<<<") == 2
    assert kept(result, "ours") == ours and plan_of(ours)
    assert kept(result, "theirs") == theirs and plan_of(theirs)



def test_the_same_id_added_twice_with_different_content():
    ours = apply_all(QUERY_PLAN, [("add", "3", "3.2")])
    theirs = ours.replace("Nueva actividad 3.2", "Otra actividad")
    result = conflicted(QUERY_PLAN, ours, theirs)
    assert result == ours.replace(
        "        text: Nueva actividad 3.2\n",
        "<<<<<<< ours\n        text: Nueva actividad 3.2\n=======\n        text: Otra actividad\n"
        ">>>>>>> theirs\n")
    dated = ours.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n")
    same = merge_texts(QUERY_PLAN, ours, dated)  # added twice alike, and another change
    assert same is not None and same.conflicts == [] and same.text == dated


# -- the driver: validation, and git's line merge when the structure cannot help -----------------

def test_a_merge_that_would_not_validate_is_a_conflict_with_the_reason():
    ours = apply_all(QUERY_PLAN, [("add", "1", "1.3")])
    theirs = apply_all(QUERY_PLAN, [("add", "3", "3.2")]).replace('"3.2"', '"1.3"')
    result = merge_files(*(t.encode() for t in (QUERY_PLAN, ours, theirs)), "workplan.yaml")
    assert not result.clean and not result.structural
    assert result.reason is not None and "the plan would not validate (workplan.yaml:" in \
        result.reason and "[duplicate-id]" in result.reason
    assert [p.code for p in result.problems] == ["duplicate-id", "id-prefix"]
    text = result.data.decode()
    assert_keeps_every_line(QUERY_PLAN, ours, theirs, text)


def test_a_version_that_is_not_a_plan_falls_back_to_git_merge_file():
    ours = QUERY_PLAN.replace("objectives:\n", "objectives: [\n", 1)  # broken YAML
    theirs = QUERY_PLAN.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n")
    result = merge_files(*(t.encode() for t in (QUERY_PLAN, ours, theirs)), "workplan.yaml")
    assert not result.structural and result.note is not None and "line by line" in result.note
    assert result.data.decode() == ours.replace("  updated: 2009-11-26\n",
                                                "  updated: 2010-03-01\n")
    assert result.conflicts == [] and not result.clean  # it merged, and it does not validate
    undecodable = merge_files(QUERY_PLAN.encode(), b"\xff" + QUERY_PLAN.encode(),
                              theirs.encode(), "workplan.yaml")
    assert undecodable.data == b"\xff" + theirs.encode() and not undecodable.clean


@pytest.mark.parametrize(("broken", "said"), [
    ("ours", "your version is not a plan file crmplan can read (crmplan validate says why)"),
    ("theirs", "the version being merged in is not a plan file crmplan can read (check it out "
               "and run crmplan validate to see why)"),
    ("base", "the version both sides started from is not a plan file crmplan can read (in a "
             "merge of several merges git builds it, and it may hold conflict markers)"),
    ("empty", "both sides added the file, with no version in common")])
def test_the_fallback_says_which_version_it_could_not_read(broken: str, said: str):
    texts = {"base": QUERY_PLAN, "ours": archive(QUERY_PLAN, "2.2", ON),
             "theirs": QUERY_PLAN.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n")}
    if broken == "empty":
        texts["base"] = ""
    else:
        texts[broken] = texts[broken].replace("objectives:\n", "objectives: [\n", 1)
    result = merge_files(*(texts[k].encode() for k in ("base", "ours", "theirs")), "plan")
    assert result.note == said + "; merged line by line instead"


def test_the_line_merge_shows_the_base_in_the_diff3_style():
    from crm_plan.merge import Labels

    ours = QUERY_PLAN.replace("objectives:\n", "objectives: [\n", 1).replace(
        "  updated: 2009-11-26\n", "  updated: 2010-03-05\n")
    theirs = QUERY_PLAN.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n")
    result = merge_files(*(t.encode() for t in (QUERY_PLAN, ours, theirs)), "plan",
                         Labels("HEAD", "base", "mexico", diff3=True))
    assert "<<<<<<< HEAD\n  updated: 2010-03-05\n||||||| base\n  updated: 2009-11-26\n" \
        "=======\n  updated: 2010-03-01\n>>>>>>> mexico\n" in result.data.decode()


def test_trivial_merges_copy_a_side():
    a, b = QUERY_PLAN.encode(), QUERY_PLAN.replace("2009", "2010").encode()
    assert merge_files(a, a, b, "p").data == b and merge_files(a, b, a, "p").data == b
    assert merge_files(a, b, b, "p").clean


# -- the pieces ----------------------------------------------------------------------------------

def test_the_tree_joins_back_to_the_text_and_knows_the_parts():
    root = tree(SHIPPED)
    assert root is not None and root.text() == SHIPPED
    assert [(c.key, c.kind) for c in root.children] == [
        ("document", MAPPING), ("actors", MAPPING), ("areas", MAPPING), ("sections", MAPPING),
        ("meetings", LIST), ("objectives", LIST), ("history", LIST)]
    objective = root.child("objectives").child("9")  # type: ignore[union-attr]
    assert objective is not None and [c.key for c in objective.child("activities").children] \
        == ["9.1", "9.2", "9.3", "9.4", "9.5", "9.6"]  # type: ignore[union-attr]


def test_meetings_are_merged_by_id_with_nothing_of_their_own():
    """A top-level part keyed by id (meetings came after the merge) is cut by id like any."""
    root = tree(SHIPPED)
    assert root is not None and root.child("meetings").kind == LIST  # type: ignore[union-attr]
    ours = SHIPPED.replace("    date: 2008-11\n    place: Tegucigalpa\n",
                           "    date: 2008-11\n    place: Tegucigalpa, Honduras\n")
    added = ('  - id: GRCM-2010-03\n    body: GRCM\n    date: 2010-03\n    place: Panamá\n'
             '\nobjectives:\n')
    theirs = SHIPPED.replace("\nobjectives:\n", "\n" + added.removeprefix("\n"), 1)
    assert merged(SHIPPED, ours, theirs) == theirs.replace(
        "    date: 2008-11\n    place: Tegucigalpa\n",
        "    date: 2008-11\n    place: Tegucigalpa, Honduras\n")
    moved = SHIPPED.replace("    date: 2008-11\n    place: Tegucigalpa\n",
                            "    date: 2008-12\n    place: Tegucigalpa\n")
    conflict = conflicted(SHIPPED, ours.replace("date: 2008-11\n    place: Tegucigalpa, H",
                                                "date: 2008-10\n    place: Tegucigalpa, H"),
                          moved)
    assert "<<<<<<< ours\n    date: 2008-10\n=======\n    date: 2008-12\n>>>>>>> theirs\n" \
        in conflict


def test_diff3():
    base = ["a\n", "b\n", "c\n", "d\n"]
    assert merge_lines(base, ["A\n", "b\n", "c\n", "d\n"], ["a\n", "b\n", "c\n", "D\n"]) == [
        "A\n", "b\n", "c\n", "D\n"]
    assert merge_lines(base, ["a\n", "B\n", "c\n", "d\n"], ["a\n", "b2\n", "c\n", "d\n"]) == [
        "a\n", Conflict(("b\n",), ("B\n",), ("b2\n",)), "c\n", "d\n"]
    assert merge_lines(base, ["a\n", "x\n", "c\n", "d\n"], ["a\n", "x\n", "c\n", "d\n"]) == [
        "a\n", "x\n", "c\n", "d\n"]


@pytest.mark.parametrize("text", ["", "[1, 2]\n", "a: [\n", "- a\n- b\n", "{a: 1}\n"])
def test_texts_that_are_not_a_block_mapping_are_not_cut(text: str):
    assert tree(text) is None
