"""`crmplan report`: action sheets, what one actor owes (sheet.py, render/sheet_rows.py and the
sheet in each format)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from plans import QUERY_PLAN, plan_of
from test_export import page_of
from typer.testing import CliRunner

from crm_plan.cli import app
from crm_plan.errors import UsageError
from crm_plan.sheet import Group, action_sheet, each_member, file_name, members, sheet_of

PlanFile = Callable[..., Path]  # the plan_file fixture (conftest.py)

AS_OF = dt.date(2010, 3, 1)
ENV = {"COLUMNS": "80", "NO_COLOR": None, "CRMPLAN_FILE": None}
REAL_PLAN = str(ROOT / "workplan.yaml")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV, prog_name="crmplan")


def grouped(sheet) -> dict[Group, list[str]]:  # type: ignore[no-untyped-def]
    return {group: [h.activity.id for h in hits] for group, hits in sheet.groups}


@pytest.fixture
def plan(plan_file: PlanFile) -> str:
    return str(plan_file(QUERY_PLAN))


# -- sheet.py -----------------------------------------------------------------------------------

def test_a_member_owes_its_own_activities_and_its_groups():
    sheet = action_sheet(plan_of(), "mexico", AS_OF)
    assert (sheet.actor, sheet.full_name, sheet.groups_of) == (
        "México", "Estados Unidos Mexicanos", ("Países miembros",))
    # Pending: pendiente before por definir; 2.2 names México's group as support.
    assert grouped(sheet) == {Group.PENDING: ["2.2", "2.1"], Group.ONGOING: ["1.1"]}
    assert [(n.named, n.role) for n in sheet.groups[0][1][0].namings] == [
        ("Países miembros", "support")]


def test_overdue_first_then_scheduled_by_due_date():
    text = QUERY_PLAN.replace("responsible: [ST]", "responsible: [OIM]").replace(
        "        status: continuo\n", "        status: programado\n        due: 2010-12\n", 1)
    sheet = sheet_of(plan_of(text), "OIM", AS_OF)
    assert grouped(sheet) == {Group.OVERDUE: ["1.2"], Group.PENDING: ["2.1"],
                              Group.SCHEDULED: ["3.1"]}
    assert grouped(sheet_of(plan_of(text), "OIM", dt.date(2010, 1, 1)))[Group.SCHEDULED] == [
        "1.2", "3.1"]


def test_completed_activities_not_yet_archived_come_last():
    sheet = sheet_of(plan_of(QUERY_PLAN.replace("status: continuo", "status: completado")),
                     "ST", AS_OF)
    assert grouped(sheet) == {Group.SCHEDULED: ["3.1"], Group.COMPLETED: ["1.1"]}


def test_members_of_a_group_and_their_file_names():
    plan = plan_of()
    assert members(plan, "paises miembros") == ("México", "Belice")
    with pytest.raises(UsageError, match="'México' is not a group of actors; --each-member "
                                         "needs one, such as Países miembros"):
        members(plan, "México")
    assert [file_name(n, ".md") for n in ("República Dominicana", "México", "Costa Rica", "?")] \
        == ["republica-dominicana.md", "mexico.md", "costa-rica.md", "actor.md"]


def test_each_member_file_names_are_unique():
    plan = plan_of(QUERY_PLAN.replace("members: [México, Belice]",
                                      "members: [México, Belice, Mexico]"))
    found = each_member(plan, "Países miembros", AS_OF, ".md")
    assert [(name, sheet.actor) for name, sheet in found] == [
        ("mexico.md", "México"), ("belice.md", "Belice"), ("mexico-2.md", "Mexico")]
    assert grouped(found[2][1]) == {Group.PENDING: ["2.2"], Group.ONGOING: ["1.1"]}  # via group


# -- the command --------------------------------------------------------------------------------

def test_report_markdown(plan: str):
    result = run("report", "-f", plan, "-r", "México", "--format", "markdown", "--as-of",
                 "2010-03-01")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == """\
# Action sheet: México

Estados Unidos Mexicanos; member of Países miembros

Plan de prueba

3 activities of the active plan name México, directly or through a group, as of 2010-03-01.

## Pending: pendiente or por definir (2)

| Id | Activity | Role | Status |
| --- | --- | --- | --- |
| 2.2 | <ins>Compartir estadísticas</ins> | support: Países miembros (includes México) | \
pendiente. (Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008) |
| 2.1 | <ins>Crear un directorio de albergues (Ref.: p. i, Inf. Red Trata, GRCM, diciembre, \
2009)<br>Reunión de Tegucigalpa</ins> | responsible | por definir |

## Ongoing: continuo (1)

| Id | Activity | Role | Status |
| --- | --- | --- | --- |
| 1.1 | Informar sobre los logros (Ref.: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008) | \
responsible: Países miembros (includes México) | continuo |
"""


def test_report_table_in_the_terminal(plan: str):
    result = run("report", "-f", plan, "-r", "OIM", "--as-of", "2010-03-01")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == """\
Action sheet: OIM
Organización Internacional para las Migraciones
Plan de prueba
2 activities of the active plan name OIM, directly or through a group, as of
2010-03-01.

Overdue: programado, due date passed (1)
Id    Activity                                   Role            Status
────────────────────────────────────────────────────────────────────────────────
1.2   Realizar un taller de capacitación         responsible     programado, due
      (Ref.: pf. 21, CRM, Deci., mayo, 2003)                     2010-02
                                                                 (overdue)

Pending: pendiente or por definir (1)
Id    Activity                                   Role            Status
────────────────────────────────────────────────────────────────────────────────
2.1   Crear un directorio de albergues (Ref.:    responsible     por definir
      p. i, Inf. Red Trata, GRCM, diciembre,
      2009)
      Reunión de Tegucigalpa
"""


def test_report_of_an_actor_without_activities(plan_file: PlanFile):
    path = plan_file(QUERY_PLAN.replace(
        "  Belice: Belice\n", "  Belice: Belice\n  ACNUR: Alto Comisionado de las Naciones Unidas "
        "para los Refugiados\n"))
    result = run("report", "-f", str(path), "-r", "acnur", "--as-of", "2010-03-01", "--format",
                 "markdown")
    assert (result.exit_code, result.stdout) == (0, """\
# Action sheet: ACNUR

Alto Comisionado de las Naciones Unidas para los Refugiados

Plan de prueba

No activity of the active plan names ACNUR as of 2010-03-01.
""")


def test_report_in_spanish(plan: str):
    result = CliRunner().invoke(app, ["--lang", "es", "report", "-f", plan, "-r", "OIM",
                                      "--format", "markdown", "--as-of", "2010-03-01"], env=ENV)
    assert result.stdout.splitlines()[:7] == [
        "# Hoja de compromisos: OIM", "", "Organización Internacional para las Migraciones", "",
        "Plan de prueba", "",
        ("2 actividades del plan activo nombran a OIM, directamente o por medio de un grupo, al "
        "1 de marzo de 2010.")]
    assert "## Con plazo vencido: programado, fecha prevista pasada (1)" in result.stdout
    assert "| 1.2 | Realizar un taller de capacitación (Ref.: pf. 21, CRM, Deci., mayo, 2003) | " \
        "responsable | programado, fecha prevista febrero de 2010 (plazo vencido) |" in result.stdout


def test_each_member_writes_a_sheet_per_country(plan: str, tmp_path: Path):
    folder = tmp_path / "hojas"
    result = run("report", "-f", plan, "-r", "Países miembros", "--each-member", "-o",
                 str(folder), "--as-of", "2010-03-01")
    assert (result.exit_code, result.stdout) == (
        0, f"Wrote 2 action sheets into {folder}: mexico.md, belice.md\n")
    assert sorted(p.name for p in folder.iterdir()) == ["belice.md", "mexico.md"]
    mexico = (folder / "mexico.md").read_text(encoding="utf-8")
    assert mexico == run("report", "-f", plan, "-r", "México", "--format", "markdown",
                         "--as-of", "2010-03-01").stdout
    belice = (folder / "belice.md").read_text(encoding="utf-8")
    assert "| 2.2 | <ins>Compartir estadísticas</ins> | responsible; support: Países " \
        "miembros (includes Belice) |" in belice


@pytest.mark.parametrize(("fmt", "suffix"), [("html", ".html"), ("table", ".txt")])
def test_each_member_in_other_formats(plan: str, tmp_path: Path, fmt: str, suffix: str):
    result = run("report", "-f", plan, "-r", "Países miembros", "--each-member", "--format", fmt,
                 "-o", str(tmp_path), "--as-of", "2010-03-01")
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["workplan.yaml", f"belice{suffix}", f"mexico{suffix}"])
    text = (tmp_path / f"mexico{suffix}").read_text(encoding="utf-8")
    assert "Action sheet: México" in text and "\x1b" not in text


def test_report_html_rows(plan: str):
    result = run("report", "-f", plan, "-r", "México", "--format", "html")
    page = page_of(result.stdout_bytes)
    assert page.tags["table"] == 2 and page.tags["script"] == 0 and page.loads == []
    assert [attrs.get("id") for _s, attrs in page.rows] == [None, "a-2.2", "a-2.1", None, "a-1.1"]


def test_report_docx(plan: str, tmp_path: Path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "mexico.docx"
    result = run("report", "-f", plan, "-r", "México", "-o", str(path), "--as-of", "2010-03-01")
    assert (result.exit_code, result.stdout) == (0, f"Wrote {path}.\n")
    document = docx.Document(str(path))
    assert document.sections[0].page_width > document.sections[0].page_height
    assert [[c.text for c in row.cells] for row in document.tables[0].rows] == [
        ["Id", "Activity", "Role", "Status"],
        ["2.2", "Compartir estadísticas", "support: Países miembros (includes México)",
         "pendiente. (Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)"],
        ["2.1", ("Crear un directorio de albergues (Ref.: p. i, Inf. Red Trata, GRCM, diciembre, "
         "2009)\nReunión de Tegucigalpa"), "responsible", "por definir"]]
    assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")] == [
        "Action sheet: México", "Pending: pendiente or por definir (2)", "Ongoing: continuo (1)"]


@pytest.mark.parametrize(("args", "code", "message"), [
    (["-r", "Mexco"], 2, "crmplan: in {plan}: 'Mexco' is not a declared actor; did you mean 'México'?\n"),
    (["-r", "Países miembros", "--each-member"], 2,
     ("crmplan: --each-member writes one file per member: name the folder with -o, e.g. -o "
     "sheets/\n")),
    (["-r", "México", "--each-member", "-o", "x"], 2,
     ("crmplan: 'México' is not a group of actors; --each-member needs one, such as Países "
     "miembros\n")),
])
def test_report_errors(plan: str, args: list[str], code: int, message: str,
                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(Path(plan).parent)
    result = run("report", "-f", plan, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        code, "", message.replace("{plan}", plan))
    assert not Path("x").exists()  # nothing written before the error


def test_each_member_into_a_file_is_refused(plan: str, tmp_path: Path):
    target = tmp_path / "sheet.md"
    target.write_text("mine\n", encoding="utf-8")
    result = run("report", "-f", plan, "-r", "Países miembros", "--each-member", "-o",
                 str(target))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {target} is a file, not a folder; --each-member writes one file per member "
        "into a folder\n"))
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_report_requires_an_actor(plan: str):
    result = run("report", "-f", plan)
    assert result.exit_code == 2 and "the option --responsible is required" in result.stderr


def test_real_plan_sheets_for_every_member(tmp_path: Path):
    result = run("report", "-f", REAL_PLAN, "-r", "Países miembros", "--each-member", "-o",
                 str(tmp_path), "--as-of", "2010-03-01")
    assert result.exit_code == 0
    assert len(list(tmp_path.glob("*.md"))) == 11
    mexico = (tmp_path / "mexico.md").read_text(encoding="utf-8")
    assert "30 activities of the active plan name México" in mexico
    assert "| 6.5 | <ins>Elaborar un directorio de referencia" in mexico
    salvador = (tmp_path / "el-salvador.md").read_text(encoding="utf-8")
    assert salvador.index("## Overdue: programado, due date passed (1)") < salvador.index(
        "## Pending") and "| 2.2 | Realizar Taller de modernización" in salvador
