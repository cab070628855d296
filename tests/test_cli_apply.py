"""The countries' answers: `report --format xlsx` makes a workbook per actor, openpyxl (or
LibreOffice Calc) fills it in, `apply` takes the answers back into the plan, byte for byte."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, ROOT
from typer.testing import CliRunner

from crm_plan import answers
from crm_plan.cli import app

openpyxl = pytest.importorskip("openpyxl")

SHIPPED = ROOT / "workplan.yaml"
EXPECTED = DATA / "answers" / "workplan.yaml"
TODAY = dt.date(2026, 11, 28)
SOFFICE = next(filter(None, map(shutil.which, ("soffice", "libreoffice"))), None)


def _has_calc(program: str | None) -> bool:
    """Only LibreOffice's Calc opens a workbook (Debian ships it as libreoffice-calc-nogui)."""
    if program is None:
        return False
    registry = Path(program).resolve().parent.parent / "share" / "registry"
    return (registry / "calc.xcd").exists() or not registry.exists()


# (workbook, activity) -> the answer written into its row: new status, new due date (a text, or
# what Excel or Calc would store for a typed number or date), progress note, outcome.
ANSWERS: dict[tuple[str, str], dict[str, object]] = {
    ("st.xlsx", "6.1"): {"progress": "Información actualizada en marzo de 2010"},
    ("oim.xlsx", "6.4"): {"new_status": "completado",
                          "outcome": "Matriz actualizada y circulada en la XV CRM"},
    ("mexico.xlsx", "6.3"): {"new_status": "programado", "new_due": "2010-09"},
    ("mexico.xlsx", "6.5"): {"progress": "Borrador del directorio en revisión"},
    ("guatemala.xlsx", "9.3"): {"progress": "Enlace designado en la Dirección de Migración"},
    ("honduras.xlsx", "9.3"): {"progress": "Enlace por designar"},
    ("honduras.xlsx", "9.6"): {"new_status": "ongoing"},
    ("el-salvador.xlsx", "2.2"): {"new_due": dt.datetime(2010, 5, 20)},
    ("paises-participantes.xlsx", "12.3"): {"new_due": 2011},
    ("belice.xlsx", "9.5"): {"new_status": "terminado"},
    ("canada.xlsx", "10.2"): {"new_due": "2010-13"},
    ("costa-rica.xlsx", "1.1"): {"outcome": "Informe presentado"},
}
PROBLEMS = (
    "sheets/belice.xlsx, Commitments!H10: 'terminado' is not a status (valid: continuo, "
    "programado, pendiente, por definir, completado; in English: ongoing, continuous, scheduled, "
    "tbd, to be defined, done, completed; pending: pendiente and por definir)\n"
    "sheets/canada.xlsx, Commitments!I15: the due date '2010-13' has no such month; months go "
    "from 01 to 12\n"
    "sheets/costa-rica.xlsx, Commitments!K16: an outcome is recorded when the activity is "
    "completed: choose 'completado' as the new status, or leave the outcome empty; this row "
    "was not applied\n"
    "crmplan: 3 answers could not be applied (listed above)\n")


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: TODAY)


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(SHIPPED, tmp_path / "workplan.yaml")
    return tmp_path / "workplan.yaml"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def every_actor(folder: str = "sheets") -> list[str]:
    """A workbook for every actor of the shipped plan: the members of the group at once, the
    others one by one (into the folder, under their names)."""
    Path(folder).mkdir(exist_ok=True)
    result = run("report", "-r", "Países miembros", "--each-member", "--format", "xlsx",
                 "-o", folder)
    assert result.exit_code == 0, result.output
    for actor in ("ST", "OIM", "RROCM", "GRCM", "ACNUR", "País sede", "Países participantes",
                  "Otros gobiernos interesados", "Países miembros"):
        result = run("report", "-r", actor, "--format", "xlsx", "-o", folder)
        assert result.exit_code == 0, result.output
    return sorted(str(p) for p in Path(folder).glob("*.xlsx"))


def fill(path: Path, answers_by_id: dict[str, dict[str, object]]) -> None:
    """Type answers into the rows of these activities, as a country would."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(1, sheet.max_row + 1)}
    for activity_id, given in answers_by_id.items():
        for column, value in given.items():
            sheet.cell(row=rows[activity_id], column=answers.COLUMNS.index(column) + 1,
                       value=value)
    workbook.save(path)


def fill_all(folder: str = "sheets") -> None:
    by_book: dict[str, dict[str, dict[str, object]]] = {}
    for (book, activity_id), given in ANSWERS.items():
        by_book.setdefault(book, {})[activity_id] = given
    for book, given in by_book.items():
        fill(Path(folder) / book, given)


def test_sheets_for_every_actor_filled_in_and_applied_byte_for_byte(plan: Path):
    books = every_actor()
    assert len(books) == 20  # 11 countries, 8 other actors and the group
    fill_all()
    preview = run("apply", *books)
    assert (preview.exit_code, preview.stderr) == (1, PROBLEMS)
    assert plan.read_bytes() == SHIPPED.read_bytes()
    result = run("apply", *books, "--yes")
    assert (result.exit_code, result.stderr) == (1, PROBLEMS)
    assert result.stdout == """\
2.2 (sheets/el-salvador.xlsx, Commitments!A9): due date 2010-02 → 2010-05-20
6.1 (sheets/st.xlsx, Commitments!A11): status note: Información actualizada en marzo de 2010
6.3 (sheets/mexico.xlsx, Commitments!A13): status por definir → programado; due date - → 2010-09
6.4 (sheets/oim.xlsx, Commitments!A13): archived with the outcome: Matriz actualizada y \
circulada en la XV CRM
6.5 (sheets/mexico.xlsx, Commitments!A14): status note: Borrador del directorio en revisión
9.3 (sheets/guatemala.xlsx, Commitments!A14; sheets/honduras.xlsx, Commitments!A14): status \
note: (Tegucigalpa, noviembre de 2008); Guatemala: Enlace designado en la Dirección de Migración; \
Honduras: Enlace por designar
9.6 (sheets/honduras.xlsx, Commitments!A11): status pendiente → continuo
12.3 (sheets/paises-participantes.xlsx, Commitments!A9): due date 2010 → 2011
Wrote the answers into workplan.yaml.
"""
    assert plan.read_bytes() == EXPECTED.read_bytes()
    again = run("apply", *books, "--yes")  # what was applied is not applied twice
    assert (again.exit_code, again.stdout, again.stderr) == (1, "", PROBLEMS)
    assert plan.read_bytes() == EXPECTED.read_bytes()


def test_the_preview_is_the_diff_and_writes_nothing(plan: Path):
    every_actor()
    fill(Path("sheets/mexico.xlsx"), {"6.3": {"new_status": "pendiente"}})
    result = run("apply", "sheets/mexico.xlsx", "--keep-updated")
    assert (result.exit_code, result.stderr) == (0, "")
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    at = lines.index('      - id: "6.3"') + 1 + 4 - 3  # 3 lines before the status line
    assert result.stdout == f"""\
6.3 (sheets/mexico.xlsx, Commitments!A13): status por definir → pendiente
--- a/workplan.yaml
+++ b/workplan.yaml
@@ -{at},7 +{at},7 @@
         text: Determinar el espacio para la discusión y definición de indicadores de línea \
base en materia de trata de personas.
         ref: p. i, Inf. Red Trata, GRCM, diciembre, 2009
         responsible: [México, OIM, Otros gobiernos interesados]
-        status: por definir
+        status: pendiente
       - id: "6.4"
         text: Actualizar la matriz comparativa de la legislación de los países miembros de la \
CRM relativa a la trata de personas y al tráfico ilícito de migrantes antes de cada reunión de \
la CRM y del GRCM.
         ref: CRM, mayo, 2002
Nothing was written: run the command again with --yes to apply these changes to workplan.yaml.
"""
    assert plan.read_bytes() == SHIPPED.read_bytes()


def test_all_or_nothing(plan: Path):
    every_actor()
    fill(Path("sheets/mexico.xlsx"), {"6.3": {"new_status": "pendiente"},
                                      "6.5": {"new_status": "pendinte"}})
    result = run("apply", "sheets/mexico.xlsx", "--yes", "--all-or-nothing")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        "sheets/mexico.xlsx, Commitments!H14: 'pendinte' is not a status; did you mean "
        "'pendiente'? (valid: continuo, programado, pendiente, por definir, completado; in "
        "English: ongoing, continuous, scheduled, tbd, to be defined, done, completed; "
        "pending: pendiente and por definir)\n"
        "crmplan: 1 answer could not be applied (listed above); with --all-or-nothing, nothing "
        "was applied\n"))
    assert plan.read_bytes() == SHIPPED.read_bytes()


def test_answers_to_activities_changed_or_gone_since(plan: Path):
    every_actor()
    fill(Path("sheets/mexico.xlsx"), {"6.3": {"new_status": "pendiente"},
                                      "6.5": {"progress": "Listo"},
                                      "9.3": {"progress": "Designado"}})
    assert run("set", "6.3", "status=continuo", "-f", "workplan.yaml").exit_code == 0
    assert run("archive", "6.5", "-f", "workplan.yaml").exit_code == 0
    before = plan.read_bytes()
    result = run("apply", "sheets/mexico.xlsx", "--yes")
    assert result.stderr == (
        "sheets/mexico.xlsx, Commitments!A13: activity 6.3 has changed since the sheet was made "
        "(status: now 'continuo', the sheet shows 'por definir'); this row was not applied\n"
        "sheets/mexico.xlsx, Commitments!A14: activity 6.5 is in the history now; this row was "
        "not applied\n"
        "crmplan: 2 answers could not be applied (listed above)\n")
    assert result.exit_code == 1
    assert plan.read_bytes() == before.replace(
        'status_note: "(Tegucigalpa, noviembre de 2008)"'.encode(),
        'status_note: "(Tegucigalpa, noviembre de 2008); México: Designado"'.encode())


def test_what_is_not_a_workbook_of_crmplan(plan: Path):
    every_actor()
    Path("other.xlsx").write_bytes(b"not a zip")
    book = openpyxl.Workbook()
    book.save("plain.xlsx")
    result = run("apply", "other.xlsx", "plain.xlsx", "sheets/st.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "other.xlsx: it cannot be read as a workbook (File is not a zip file); nothing in it was "
        "applied\n"
        "plain.xlsx: it was not made by crmplan report --format xlsx (it has no 'crmplan' "
        "sheet); nothing in it was applied\n")
    assert result.stdout == ""
    empty = run("apply", "sheets/st.xlsx")
    assert (empty.exit_code, empty.stdout) == (
        0, "No answers to apply: the workbooks have none filled in.\n")
    missing = run("apply", "nowhere.xlsx")
    assert (missing.exit_code, missing.stderr) == (2, "crmplan: nowhere.xlsx: no such workbook\n")


def test_the_workbook(plan: Path):
    """Spanish labels per --lang, the plan it was made from, locked columns, a drop-down."""
    result = run("--lang", "es", "report", "-r", "Guatemala", "-o", "guatemala.xlsx")
    assert (result.exit_code, result.stdout) == (0, "Se escribió guatemala.xlsx.\n")
    workbook = openpyxl.load_workbook("guatemala.xlsx")
    assert workbook.sheetnames == ["Compromisos", "crmplan"]
    sheet, meta = workbook["Compromisos"], workbook["crmplan"]
    assert meta.sheet_state == "hidden"
    lines = [sheet.cell(row=r, column=1).value for r in range(1, 7)]
    assert lines[0] == "Hoja de compromisos: Guatemala"
    assert lines[4] == ("Preparada el 28 de noviembre de 2026 a partir de workplan.yaml, el plan "
                        "actualizado el 26 de noviembre de 2009.")
    assert [c.value for c in sheet[8]] == [
        "Id", "Actividad", "Papel", "Estado", "Fecha prevista", "Referencias", "Notas",
        "Nuevo estado", "Nueva fecha prevista", "Nota de avance", "Resultado (si se completó)"]
    assert [c.value for c in sheet[9]][:4] == ["9.1", "Dar seguimiento a lo analizado en "
                                               "talleres o seminarios sobre las buenas prácticas "
                                               "de otros países de la región en conjunto con la "
                                               "RROCM.", "responsable: Países miembros (incluye a "
                                               "Guatemala)",
                                               "pendiente"]
    assert sheet.protection.sheet
    assert [sheet.cell(row=9, column=c).protection.locked for c in range(1, 12)] == [True] * 7 \
        + [False] * 4
    (statuses,) = sheet.data_validations.dataValidation
    assert statuses.formula1 == '"continuo,programado,pendiente,por definir,completado"'
    assert str(statuses.sqref) == f"H9:H{8 + 28}"
    assert sheet.cell(row=9, column=9).number_format == "@"
    records = {row[0]: row[1] for row in meta.iter_rows(values_only=True)}
    assert (records["plan"], records["file"], records["updated"], records["actor"],
            records["language"]) == (
        "Plan de trabajo para la Red de Funcionarios de Enlace para Combatir la Trata de "
        "Personas y el Tráfico Ilícito de Migrantes", "workplan.yaml", "2009-11-26",
        "Guatemala", "es")
    english = run("--lang", "en", "report", "-r", "Guatemala", "--format", "xlsx", "-o",
                  "en.xlsx")
    assert english.exit_code == 0
    assert openpyxl.load_workbook("en.xlsx").sheetnames == ["Commitments", "crmplan"]


def test_into_a_folder(plan: Path):
    """-o FOLDER (an existing one, or a new one written with its slash): FOLDER/<actor>.xlsx."""
    Path("hojas").mkdir()
    for folder in ("hojas", "nuevas/"):
        result = run("report", "-r", "Países miembros", "--format", "xlsx", "-o", folder)
        name = str(Path(folder) / "paises-miembros.xlsx")
        assert (result.exit_code, result.stdout) == (0, f"Wrote {name}.\n")
        assert openpyxl.load_workbook(name).sheetnames == ["Commitments", "crmplan"]


def test_a_workbook_is_not_poured_into_a_terminal(plan: Path, monkeypatch: pytest.MonkeyPatch):
    from crm_plan.commands import documents

    monkeypatch.setattr(documents, "stdout_is_terminal", lambda: True)
    result = run("report", "-r", "México", "--format", "xlsx")
    assert (result.exit_code, result.stderr) == (2, (
        "crmplan: a workbook cannot be shown in the terminal: write it to a file with -o, e.g. "
        "-o mexico.xlsx\n"))


def test_without_openpyxl(plan: Path, monkeypatch: pytest.MonkeyPatch):
    import builtins

    real = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    result = run("report", "-r", "México", "-o", "mexico.xlsx")
    assert (result.exit_code, result.stderr) == (1, (
        "crmplan: workbooks (.xlsx) need the openpyxl package; install it with: pip install "
        "\"crmplan[xlsx]\"\n"))
    assert not Path("mexico.xlsx").exists()


@pytest.mark.skipif(not _has_calc(SOFFICE), reason="LibreOffice Calc (soffice) is not installed")
def test_a_workbook_saved_again_by_libreoffice_calc_reads_back_the_same(plan: Path,
                                                                        tmp_path: Path):
    every_actor()
    fill_all()
    out = tmp_path / "calc"
    done = subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), "sheets/mexico.xlsx",
         "sheets/el-salvador.xlsx", "sheets/oim.xlsx"],
        capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    for name in ("mexico.xlsx", "el-salvador.xlsx", "oim.xlsx"):
        ours, calc = answers.read(Path("sheets") / name, name), answers.read(out / name, name)
        assert calc == ours and ours.answers
