"""`validate` on a file holding git's conflict markers: one sentence with the lines, not the
YAML syntax errors the markers make (conflicts.py, called by source.py before parsing)."""

from __future__ import annotations

from conftest import SMALL_PLAN, problems_of
from typer.testing import CliRunner

from crm_plan.cli import app
from crm_plan.conflicts import regions
from crm_plan.source import from_bytes

CONFLICTED = SMALL_PLAN.replace("        status: continuo\n", """\
<<<<<<< ours
        status: pendiente
=======
        status: por definir
>>>>>>> theirs
""")


def test_validate_names_the_unfinished_merge_and_its_lines(plan_file):
    path = plan_file(CONFLICTED)
    result = CliRunner().invoke(app, ["validate", "-f", str(path)])
    assert (result.exit_code, result.stdout) == (1, (
        f"{path}:27:1: error: this file holds an unfinished merge at lines 27–31: keep one side, "
        "then delete the markers [merge-conflict]\n"
        f"{path}: 1 error.\n"))


def test_in_spanish(plan_file):
    path = plan_file(CONFLICTED)
    result = CliRunner().invoke(app, ["--lang", "es", "validate", "-f", str(path)])
    assert "contiene una fusión sin terminar en las líneas 27–31: conserve uno de los lados y " \
           "luego borre las marcas [merge-conflict]" in result.stdout


def test_every_conflict_in_one_problem_crlf_bom_and_diff3_style():
    text = CONFLICTED.replace("objectives:\n", "<<<<<<< HEAD\n||||||| base\n=======\n"
                              "objectives:\n>>>>>>> feature\n", 1)
    source = from_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"), "plan.yaml")
    assert [(p.line, p.col, p.code) for p in source.problems] == [(18, 1, "merge-conflict")]
    assert "at lines 18–22, 31–35:" in source.problems[0].message
    assert source.root is None


def test_markers_deleted_in_part_and_text_that_only_looks_like_markers():
    half = CONFLICTED.replace("<<<<<<< ours\n", "")
    assert regions(half) == [(28, 30)]
    assert problems_of(half) == [(28, 1, "merge-conflict")]
    # not at the start of a line, or longer: plan text, not a marker
    text = SMALL_PLAN.replace("text: Actividad uno", "text: 'Actividad ======= uno'").replace(
        "    title: Objetivo uno\n", "    title: Objetivo uno\n# <<<<<<< no\n")
    assert regions(text) == [] and problems_of(text) == []
    assert regions("a: 1\n========\n") == []


def test_one_stray_marker_line_is_named_as_one_line():
    """A marker left alone (the rest deleted by hand): "at line 28", not "lines 28–28"."""
    stray = SMALL_PLAN.replace("        status: continuo\n", "        status: continuo\n=======\n")
    source = from_bytes(stray.encode("utf-8"), "plan.yaml")
    assert [(p.line, p.message) for p in source.problems] == [(28, (
        "this file holds an unfinished merge at line 28: keep one side, then delete the "
        "markers"))]
    two = stray.replace("objectives:\n", "objectives:\n>>>>>>> theirs\n", 1)
    assert "at lines 19, 29:" in from_bytes(two.encode("utf-8"), "plan.yaml").problems[0].message
