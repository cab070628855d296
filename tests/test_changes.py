"""`crmplan changes`: what changed between two versions of the plan (changes.py, revisions.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from plans import QUERY_PLAN, plan_of
from typer.testing import CliRunner

from crm_plan.changes import Kind, compare, id_key, shorten, word_diff
from crm_plan.cli import app

PlanFile = Callable[..., Path]  # the plan_file fixture (conftest.py)

ENV = {"COLUMNS": "80", "NO_COLOR": None, "CRMPLAN_FILE": None}

# The new version: 2.1 archived with an outcome, 1.1's text edited, 2.2 now programado with a due
# date and México responsible too, 3.1 due a year later, 3.2 added, 1.2 removed.
EDITS = [
    ("        text: Informar sobre los logros\n",
     "        text: Informar por escrito sobre los logros y retos\n"),
    ("        responsible: [Belice]\n        support: [Países miembros]\n"
     "        status: pendiente\n",
     ("        responsible: [Belice, México]\n        support: [Países miembros]\n"
     "        status: programado\n        due: 2010-06\n")),
    ('        due: "2011"\n        action_plan: true\n',
     ('        due: "2012"\n        action_plan: true\n      - id: "3.2"\n'
     "        text: Publicar el informe anual\n        responsible: [ST]\n"
     "        status: continuo\n")),
    ("""      - id: "1.2"
        text: Realizar un taller de capacitación
        ref: pf. 21, CRM, Deci., mayo, 2003
        responsible: [OIM]
        support: [RROCM]
        status: programado
        due: 2010-02
""", ""),
]


def edited(text: str = QUERY_PLAN) -> str:
    for old, new in EDITS:
        assert old in text, old
        text = text.replace(old, new)
    return text


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV, prog_name="crmplan")


@pytest.fixture
def versions(plan_file: PlanFile, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """old.yaml and workplan.yaml: the edits above, then `crmplan archive 2.1` on 2010-03-01,
    which dates the plan that day (document.updated)."""
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: dt.date(2010, 3, 1))
    old = plan_file(QUERY_PLAN, name="old.yaml")
    new = plan_file(edited())
    result = run("archive", "2.1", "--outcome", "Directorio publicado", "--date", "2010-03-01",
                 "-f", str(new))
    assert result.exit_code == 0, result.output
    return old, new


# -- changes.py ---------------------------------------------------------------------------------

def kinds(old: str, new: str) -> list[tuple[str, str, str | None]]:
    return [(c.id, c.kind.value, c.field) for c in compare(plan_of(old), plan_of(new)).changes]


def test_no_changes():
    comparison = compare(plan_of(), plan_of())
    assert comparison.changes == () and comparison.counts() == {}


def test_each_kind_of_change(versions: tuple[Path, Path]):
    old, new = (plan_of(p.read_text(encoding="utf-8")) for p in versions)
    comparison = compare(old, new)
    assert [(c.id, c.kind, c.field, c.before, c.after) for c in comparison.changes] == [
        ("1.1", Kind.EDITED, "text", "Informar sobre los logros",
         "Informar por escrito sobre los logros y retos"),
        ("1.2", Kind.REMOVED, None, None, None),
        ("2.1", Kind.ARCHIVED, None, None, None),
        ("2.2", Kind.STATUS, None, "pendiente", "programado"),
        ("2.2", Kind.ACTORS, "responsible", ("Belice",), ("Belice", "México")),
        ("2.2", Kind.DUE, None, None, "2010-06"),
        ("3.1", Kind.DUE, None, "2011", "2012"),
        ("3.2", Kind.ADDED, None, None, None),
    ]
    archived = comparison.changes[2]
    assert archived.outcomes == ("Directorio publicado",)
    assert comparison.counts() == {Kind.ADDED: 1, Kind.REMOVED: 1, Kind.ARCHIVED: 1,
                                   Kind.STATUS: 1, Kind.ACTORS: 1, Kind.DUE: 2, Kind.EDITED: 1}
    assert [section for section, _changes in comparison.by_section()] == ["A", "B"]
    assert comparison.sections == {"A": "Combate a los delitos",
                                   "B": "Intercambio de información"}


def test_restored_is_the_reverse_of_archived(versions: tuple[Path, Path]):
    old, new = (plan_of(p.read_text(encoding="utf-8")) for p in versions)
    back = [(c.id, c.kind) for c in compare(new, old).changes if c.id == "2.1"]
    assert back == [("2.1", Kind.RESTORED)]


def test_outcomes_edits_and_moves():
    old = QUERY_PLAN.replace("  - id: \"3\"\n    section: B", "  - id: \"3\"\n    section: A")
    new = QUERY_PLAN.replace("          - text: Adoptados por los viceministros\n",
                             "          - text: Adoptados por los viceministros\n"
                             "          - text: Publicados en el sitio de la CRM\n").replace(
        "        note: Reunión de Tegucigalpa\n", "").replace(
        "ref: p. 5.b, GRCM", "ref: p. 6, GRCM")
    changes = compare(plan_of(old), plan_of(new)).changes
    assert [(c.id, c.kind, c.field, c.before, c.after) for c in changes] == [
        ("1.1", Kind.EDITED, "ref", "p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008",
         "p. 6, GRCM, Inf. Red Trata, noviembre, 2008"),
        ("I.A.1.1", Kind.OUTCOMES, None, ("Adoptados por los viceministros",),
         ("Adoptados por los viceministros", "Publicados en el sitio de la CRM")),
        ("2.1", Kind.EDITED, "note", "Reunión de Tegucigalpa", None),
        ("3.1", Kind.MOVED, "section", "A", "B"),
    ]


def test_word_diff():
    assert word_diff("Designar un enlace por país", "Designar dos enlaces por país") == (
        ("=", "Designar"), ("-", "un enlace"), ("+", "dos enlaces"), ("=", "por país"))
    assert word_diff("", "Nuevo texto") == (("+", "Nuevo texto"),)
    assert word_diff("a  b\nc", "a b c") == (("=", "a b c"),)  # spacing is not a change


def test_shorten_keeps_the_words_around_a_change():
    words = word_diff(" ".join(map(str, range(30))), " ".join(map(str, range(29))) + " x")
    assert shorten(words, context=3) == (("=", "… 26 27 28"), ("-", "29"), ("+", "x"))
    middle = word_diff(" ".join(map(str, range(30))), "x " + " ".join(map(str, range(1, 30))))
    assert shorten(middle, context=2) == (("-", "0"), ("+", "x"), ("=", "1 2 …"))


def test_ids_in_reading_order():
    ids = ["I.B.1.2", "10.1", "9.3", "9.10", "I.A.3.1"]
    assert sorted(ids, key=id_key) == ["9.3", "9.10", "10.1", "I.A.3.1", "I.B.1.2"]


# -- the command --------------------------------------------------------------------------------

MARKDOWN = """\
# Changes to the work plan

Changes from `old.yaml` (updated 2009-11-26) to `workplan.yaml` (updated 2010-03-01): 1 added, \
1 removed, 1 archived, 1 status change, 1 change of actors, 2 due date changes, 1 text edit.

## A. Combate a los delitos

- **1.1** Informar por escrito sobre los logros y retos
  - text: Informar **por escrito** sobre los logros **y retos**
- **1.2** Realizar un taller de capacitación
  - removed

## B. Intercambio de información

- **2.1** Crear un directorio de albergues
  - archived: Directorio publicado
- **2.2** Compartir estadísticas
  - status: pendiente → programado
  - responsible: Belice → Belice, México
  - due date: (none) → 2010-06
- **3.1** Publicar regularmente logros
  - due date: 2011 → 2012
- **3.2** Publicar el informe anual
  - added
"""


TABLE = """\
Changes from old.yaml (updated 2009-11-26) to workplan.yaml (updated
2010-03-01): 1 added, 1 removed, 1 archived, 1 status change, 1 change of
actors, 2 due date changes, 1 text edit.

A. Combate a los delitos
Id    Activity                       Change
────────────────────────────────────────────────────────────────────────────────
1.1   Informar por escrito sobre     text: Informar {+por escrito+} sobre los
      los logros y retos             logros {+y retos+}
1.2   Realizar un taller de          removed
      capacitación

B. Intercambio de información
Id    Activity                       Change
────────────────────────────────────────────────────────────────────────────────
2.1   Crear un directorio de         archived: Directorio publicado
      albergues
2.2   Compartir estadísticas         status: pendiente → programado
                                     responsible: Belice → Belice, México
                                     due date: (none) → 2010-06
3.1   Publicar regularmente logros   due date: 2011 → 2012
3.2   Publicar el informe anual      added
"""


def test_changes_markdown_for_a_meeting_note(versions: tuple[Path, Path],
                                             monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(versions[0].parent)
    result = run("changes", "old.yaml", "workplan.yaml", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == MARKDOWN


def test_changes_table(versions: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(versions[0].parent)
    result = run("changes", "old.yaml")  # the newer one: the plan file, ./workplan.yaml
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == TABLE


def test_changes_json(versions: tuple[Path, Path]):
    old, new = versions
    result = run("changes", str(old), str(new), "--format", "json")
    data = json.loads(result.stdout)
    assert data["old"] == {"name": str(old), "updated": "2009-11-26"}
    assert data["new"] == {"name": str(new), "updated": "2010-03-01"}  # dated by archive
    assert data["counts"] == {"added": 1, "removed": 1, "archived": 1, "status": 1, "actors": 1,
                              "due": 2, "edited": 1}
    assert data["changes"][0] == {
        "kind": "edited", "id": "1.1", "section": "A", "objective": "1",
        "text": "Informar por escrito sobre los logros y retos", "field": "text",
        "from": "Informar sobre los logros", "to": "Informar por escrito sobre los logros y retos",
        "words": [{"op": "=", "text": "Informar"}, {"op": "+", "text": "por escrito"},
                  {"op": "=", "text": "sobre los logros"}, {"op": "+", "text": "y retos"}],
        "outcomes": []}
    assert [c["kind"] for c in data["changes"]] == [
        "edited", "removed", "archived", "status", "actors", "due", "due", "added"]
    actors = data["changes"][4]
    assert (actors["field"], actors["from"], actors["to"]) == (
        "responsible", ["Belice"], ["Belice", "México"])


def test_no_changes_is_one_line(plan_file: PlanFile, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(plan_file().parent)
    result = run("changes", "workplan.yaml", "workplan.yaml")
    assert (result.exit_code, result.stdout) == (0, (
        "No changes from workplan.yaml (updated 2009-11-26) to workplan.yaml (updated\n"
        "2009-11-26).\n"))


def test_changes_refuses_a_version_with_errors(plan_file: PlanFile):
    bad = plan_file(QUERY_PLAN.replace("status: continuo", "status: x"), name="bad.yaml")
    result = run("changes", str(bad), str(plan_file()))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.endswith(f"crmplan: {bad} has errors; fix them first (crmplan validate "
                                  "lists them)\n")
    assert f"{bad}:33:17: error: 'x' is not a status" in result.stderr


@pytest.mark.parametrize(("args", "message"), [
    ([], ("crmplan: say which version to compare with: crmplan changes --since HEAD~1, or crmplan "
         "changes OLD.yaml [NEW.yaml]\n")),
    (["a", "b", "c"], ("crmplan: too many files: give OLD_FILE and NEW_FILE, or --since REV and "
                      "at most NEW_FILE\n")),
    (["--since", "HEAD", "a", "b"], ("crmplan: too many files: give OLD_FILE and NEW_FILE, or "
                                    "--since REV and at most NEW_FILE\n")),
])
def test_changes_usage_errors(args: list[str], message: str):
    result = run("changes", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)


# -- --since REV: the old version from git --------------------------------------------------------

def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env=os.environ | {"GIT_CONFIG_GLOBAL": os.devnull,
                                     "GIT_CONFIG_NOSYSTEM": "1"})


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose first commit holds the small plan, in a folder of its own."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "repo"
    folder.mkdir()
    git(folder, "init", "-q")
    git(folder, "config", "user.name", "Secretaría Técnica")
    git(folder, "config", "user.email", "st@example.org")
    git(folder, "config", "commit.gpgsign", "false")
    (folder / "workplan.yaml").write_text(QUERY_PLAN, encoding="utf-8")
    git(folder, "add", "workplan.yaml")
    git(folder, "commit", "-q", "-m", "Plan de noviembre")
    return folder


def test_since_a_revision(repo: Path):
    plan = repo / "workplan.yaml"
    plan.write_text(edited(), encoding="utf-8")
    result = run("changes", "--since", "HEAD", "-f", str(plan), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert data["old"]["name"] == "HEAD:workplan.yaml"
    assert data["counts"] == {"added": 1, "removed": 1, "status": 1, "actors": 1, "due": 2,
                              "edited": 1}
    git(repo, "commit", "-q", "-am", "Plan de marzo")
    result = run("changes", "--since", "HEAD~1", str(plan), "--format", "markdown")
    assert result.stdout.splitlines()[2].startswith(
        "Changes from `HEAD~1:workplan.yaml` (updated 2009-11-26) to `")


def test_since_in_a_folder_without_the_plan_refuses_as_log_does(
        repo: Path, monkeypatch: pytest.MonkeyPatch):
    """A subfolder of the plan's repository has no workplan.yaml: the plan bundled with crmplan
    is not in git, so comparing it with REV would compare the wrong files."""
    (repo / "notas").mkdir()
    monkeypatch.chdir(repo / "notas")
    refusal = ("No workplan.yaml here: using the CRM plan bundled with crmplan (read-only).\n"
               "crmplan: name the plan file in your git repository (--file), or run this in its "
               "folder\n")
    result = run("changes", "--since", "HEAD")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", refusal)
    log = run("log", "1.1")
    assert (log.exit_code, log.stdout, log.stderr) == (2, "", refusal)


def test_since_outside_a_repository(plan_file: PlanFile, monkeypatch: pytest.MonkeyPatch):
    path = plan_file()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(path.parent.parent))
    result = run("changes", "--since", "HEAD", "-f", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"crmplan: {path.parent.resolve()} is not in a git repository, so --since cannot read "
        "an earlier version; compare two files instead: crmplan changes OLD.yaml NEW.yaml\n"))


@pytest.mark.parametrize("revision", ["v9", "HEAD~5", "-p", "--output=x", ""])
def test_since_an_unknown_revision_is_a_usage_error(repo: Path, revision: str):
    result = run("changes", "--since", revision, "-f", str(repo / "workplan.yaml"))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", (
        f"crmplan: '{revision}' is not a revision of this git repository; give a commit, a tag "
        "or a branch, e.g. --since HEAD~1\n"))
    assert not (repo / "x").exists()


def test_since_a_revision_without_the_file(repo: Path):
    other = repo / "otro.yaml"
    other.write_text(QUERY_PLAN, encoding="utf-8")
    result = run("changes", "--since", "HEAD", "-f", str(other))
    assert (result.exit_code, result.stderr) == (1, (
        "crmplan: otro.yaml is not in revision HEAD of the git repository (was it committed "
        "under another name?)\n"))


def test_since_a_revision_whose_plan_has_errors(repo: Path):
    """A committed version cannot be fixed: the refusal says it cannot be compared."""
    plan = repo / "workplan.yaml"
    plan.write_text(QUERY_PLAN.replace("status: continuo", "status: x"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Estado mal escrito")
    plan.write_text(QUERY_PLAN, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Estado corregido")
    result = run("changes", "--since", "HEAD~1", "-f", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        "HEAD~1:workplan.yaml:33:17: error: 'x' is not a status (known: continuo, programado, "
        "pendiente, por definir, completado) [status]\n"
        "crmplan: the plan file as committed in revision HEAD~1 (HEAD~1:workplan.yaml) has "
        "errors, so it cannot be compared\n"))


def test_since_without_git(repo: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", str(repo))  # no git there
    result = run("changes", "--since", "HEAD", "-f", str(repo / "workplan.yaml"))
    assert (result.exit_code, result.stderr) == (1, (
        "crmplan: git is not installed (or not on the PATH); --since needs it to read an "
        "earlier version of the plan\n"))


# -- the other parts of the plan: document data, areas, sections, actors, objectives -------------

def test_the_other_parts_item_by_item():
    from crm_plan.changes import Part, part_changes

    new = QUERY_PLAN.replace("  title: Plan de prueba\n", "  title: Plan de trabajo\n").replace(
        "  Belice: Belice\n", "").replace("    members: [México, Belice]\n",
                                         "    members: [México]\n").replace(
        "  I: Políticas y gestión migratoria\n",
        "  I: Políticas y gestión migratoria\n  II: Cooperación\n").replace(
        "    title: Publicar resultados\n", "    title: Publicar los resultados\n"
        "    note: Revisar en 2010\n").replace(
        "    responsible: [Belice]\n", "    responsible: [México]\n")
    found = [(c.part, c.key, c.kind, c.field, c.before, c.after)
             for c in part_changes(plan_of(), plan_of(new))]
    assert found == [
        (Part.DOCUMENT, "", Kind.EDITED, "title", "Plan de prueba", "Plan de trabajo"),
        (Part.AREA, "II", Kind.ADDED, None, None, None),
        (Part.ACTOR, "Belice", Kind.REMOVED, None, None, None),
        (Part.ACTOR, "Países miembros", Kind.EDITED, "members", ("México", "Belice"),
         ("México",)),
        (Part.OBJECTIVE, "3", Kind.EDITED, "title", "Publicar resultados",
         "Publicar los resultados"),
        (Part.OBJECTIVE, "3", Kind.EDITED, "note", None, "Revisar en 2010"),
    ]
    comparison = compare(plan_of(), plan_of(new))
    assert comparison.part_counts() == {Part.DOCUMENT: 1, Part.AREA: 1, Part.ACTOR: 2,
                                        Part.OBJECTIVE: 2}


def test_an_objective_archived_whole_is_not_a_change_of_objectives(plan_file: PlanFile):
    path = plan_file(QUERY_PLAN)
    assert run("archive", "3.1", "--date", "2010-03-01", "-f", str(path)).exit_code == 0
    comparison = compare(plan_of(), plan_of(path.read_text(encoding="utf-8")))
    assert comparison.parts == () and [c.kind for c in comparison.changes] == [Kind.ARCHIVED]


def test_the_other_parts_in_the_table(plan_file: PlanFile, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(plan_file().parent)
    plan_file(QUERY_PLAN, name="old.yaml")
    plan_file(QUERY_PLAN.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n").replace(
        "    title: Publicar resultados\n", "    title: Publicar los resultados\n").replace(
        "  title: Plan de prueba\n", "  title: Plan de trabajo\n"))
    result = run("changes", "old.yaml")
    assert (result.exit_code, result.stdout) == (0, """\
Changes from old.yaml (updated 2009-11-26) to workplan.yaml (updated
2010-03-01): 1 change to the document data, 1 change to the objectives.

Document data
Change
────────────────────────────────────────────────────────────────────────────────
title: Plan de [-prueba-] {+trabajo+}

Objectives
Id   Name                           Change
────────────────────────────────────────────────────────────────────────────────
3    Publicar los resultados        title: Publicar {+los+} resultados
""")


def test_meetings_compared_by_id():
    from conftest import ROOT

    from crm_plan.changes import Part, part_changes

    shipped = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
    new = shipped.replace("    date: 2008-11\n    place: Tegucigalpa\n",
                          "    date: 2008-11\n    place: Tegucigalpa, Honduras\n")
    assert [(c.part, c.key, c.field, c.before, c.after) for c in part_changes(
        plan_of(shipped), plan_of(new)) if c.part is Part.MEETING] == [
        (Part.MEETING, "GRCM-2008-11", "place", "Tegucigalpa", "Tegucigalpa, Honduras")]


def test_a_meeting_is_named_by_its_body_place_and_date():
    from conftest import ROOT

    from crm_plan.changes import Part, part_changes

    shipped = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
    new = shipped.replace("  - id: CRM-1996-03\n",
                          "  - id: GRCM-2010-06\n    body: GRCM\n    date: 2010-06\n"
                          "  - id: CRM-1996-03\n", 1).replace(
        "    date: 2008-11\n    place: Tegucigalpa\n",
        "    date: 2008-11\n    place: Tegucigalpa, Honduras\n")
    assert [(c.key, c.kind.value, c.name) for c in part_changes(plan_of(shipped), plan_of(new))
            if c.part is Part.MEETING] == [
        ("GRCM-2008-11", "edited", "GRCM, Tegucigalpa, Honduras, 2008-11"),
        ("GRCM-2010-06", "added", "GRCM, 2010-06")]
