"""`crmplan export`: the plan as the 2009 document, in markdown, HTML, Word, csv and json.

The golden files in tests/data/export/ are the export of the shipped plan as of 2010-03-01;
after a deliberate change to the layout or to workplan.yaml, regenerate them with
    crmplan export -f workplan.yaml --as-of 2010-03-01 -o tests/data/export/workplan.md
(and .csv, .json), and read the diff.
"""

from __future__ import annotations

import collections
import csv
import datetime as dt
import html
import io
import json
import re
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from plans import QUERY_PLAN, plan_of
from test_seed_fidelity import (
    REF,
    normalise,
    normalise_fragment,
    parse_active,
    parse_history,
    seed_fragments,
    seed_lines,
)
from typer.testing import CliRunner

from crm_plan import export
from crm_plan.cli import app
from crm_plan.model import Due, Status
from crm_plan.query import Filters, Scope, select

PlanFile = Callable[..., Path]  # the plan_file fixture (conftest.py)

GOLDEN = DATA / "export"
REAL_PLAN = str(ROOT / "workplan.yaml")
AS_OF = ["--as-of", "2010-03-01"]
ENV = {"COLUMNS": "80", "NO_COLOR": None, "CRMPLAN_FILE": None}


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV, prog_name="crmplan")


def exported(*args: str) -> bytes:
    result = run("export", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout_bytes


@pytest.fixture(scope="module")
def real_markdown() -> str:
    return exported("-f", REAL_PLAN, *AS_OF).decode("utf-8")


def query_layout(**filters: object) -> export.Layout:
    plan = plan_of(QUERY_PLAN)
    selection = select(plan, Filters(scope=Scope.ALL, **filters), dt.date(2010, 3, 1))  # type: ignore[arg-type]
    return export.layout(plan, selection)


# -- the layout: numbering and wording (pure functions) -----------------------------------------

@pytest.mark.parametrize(("item_id", "number"), [
    ("9.3", "9.3"), ("6.10", "6.10"), ("I.B.1.2", "1.2"), ("I.A.1", "1"), ("II.C.4.1", "4.1")])
def test_number_drops_the_area_and_section_of_historical_ids(item_id: str, number: str):
    assert export.number(item_id) == number


def test_layout_of_a_small_plan():
    layout = query_layout()
    assert (layout.organization, layout.title, layout.updated) == (
        "CRM", "PLAN DE PRUEBA", "Actualizado el 26 de noviembre de 2009")
    active, history = layout.parts
    assert (active.heading, active.columns) == (None, export.ACTIVE_COLUMNS)
    assert (history.heading, history.columns) == ("HISTÓRICO", export.HISTORY_COLUMNS)
    assert [a.heading for a in active.areas] == ["POLÍTICAS Y GESTIÓN MIGRATORIA"]
    assert [a.heading for a in history.areas] == ["I. POLÍTICAS Y GESTIÓN MIGRATORIA"]
    assert [s.heading for s in active.sections] == [
        "A. Combate a los delitos", "B. Intercambio de información"]
    lines = [[[e.plain() for e in cell] for cell in row.cells] for row in active.sections[0].rows]
    assert lines == [
        [["1.1 Informar sobre los logros (Ref.: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008)"],
         ["1.1.1 Países miembros en coordinación con la ST"], ["1.1.1.1 Continuo"]],
        [["1.2 Realizar un taller de capacitación (Ref.: pf. 21, CRM, Deci., mayo, 2003)"],
         ["1.2.1 OIM, con apoyo de la RROCM"], ["1.2.1.1 Febrero 2010"]],
    ]
    (row,) = history.sections[0].rows
    assert [[e.plain() for e in cell] for cell in row.cells] == [
        ["1.1 Adoptar los lineamientos"],
        ["1.1.1 Adoptados por los viceministros (Ref.: p. 3, CRM, Deci., abril, 2007)"]]


def test_pending_items_are_underlined_and_plan_of_action_items_in_upper_case():
    active = query_layout().parts[0]
    objective_2, objective_3 = active.sections[1].objectives
    assert objective_2.entry.text == "FACILITAR EL INTERCAMBIO"  # the objective is marked
    pending = objective_2.rows[0]  # 2.1, por definir, in an objective of the Plan of Action
    assert all(e.underline for cell in pending.cells for e in cell)
    assert pending.cells[0][0].text == "Crear un directorio de albergues"  # not marked itself
    assert pending.cells[0][0].note == "Reunión de Tegucigalpa"
    assert objective_3.rows[0].cells[0][0].text == "PUBLICAR REGULARMENTE LOGROS"
    assert not any(e.underline for cell in objective_3.rows[0].cells for e in cell)


def test_a_reference_inside_a_note_is_shown_once_with_the_note():
    row = query_layout().parts[0].sections[1].objectives[0].rows[1]  # 2.2
    assert row.cells[0][0].refs == ()
    assert row.cells[2][0].plain() == (
        "2.2.1.1 Pendiente. (Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)")


def test_filters_select_a_slice_and_drop_empty_parts():
    layout = query_layout(statuses=("pendiente",))
    assert [r.activity.id for r in layout.rows] == ["2.2"]
    assert [p.historical for p in layout.parts] == [False]


@pytest.mark.parametrize(("due", "text"), [
    ("2010", "2010"), ("2010-02", "Febrero 2010"), ("2010-02-15", "15 de febrero de 2010")])
def test_due_dates_as_the_document_writes_them(due: str, text: str):
    assert export.due_text(Due.parse(due)) == text


def test_articles_of_organisations_known_by_their_acronym():
    plan = plan_of(QUERY_PLAN.replace(
        "  Belice: Belice\n",
        "  Belice: Belice\n  GRCM: Grupo Regional de Consulta sobre Migración\n"
        "  PNUD: Programa de las Naciones Unidas para el Desarrollo\n"))
    assert [export.article(plan, name) for name in ("ST", "OIM", "RROCM", "GRCM", "PNUD",
                                                    "México", "Países miembros", "nadie")] == [
        "la ", "la ", "la ", "el ", "el ", "", "", ""]


def test_responsible_wording_keeps_the_documents_own_words():
    plan = plan_of(QUERY_PLAN)
    activity = next(a for a in plan.activities() if a.id == "1.1")

    def wording(**changes: object) -> str:
        return export.responsible_text(plan, activity._replace(**changes))  # type: ignore[arg-type]

    assert wording() == "Países miembros en coordinación con la ST"
    assert wording(responsible=("ST",), coordination=(),
                   responsible_note="La ST con insumos de los países") == \
        "La ST con insumos de los países"
    assert wording(coordination=(), support=("RROCM",),
                   responsible_note="con apoyo de la RROCM si lo desean") == \
        "Países miembros, con apoyo de la RROCM si lo desean"
    assert wording(responsible=("México", "OIM", "ST"), coordination=(),
                   responsible_note="Informan en las reuniones.") == \
        "México, OIM y ST. Informan en las reuniones."
    assert wording(responsible=(), coordination=()) == ""


def test_calendar_of_a_completed_activity_still_in_the_plan():
    plan = plan_of(QUERY_PLAN.replace("status: continuo", "status: completado"))
    activity = next(a for a in plan.activities() if a.id == "1.1")
    assert activity.status is Status.COMPLETADO
    assert export.calendar_entry(activity).plain() == "1.1.1.1 Completado"


# -- markdown -----------------------------------------------------------------------------------

def test_markdown_of_a_small_plan(plan_file: PlanFile):
    text = exported("-f", str(plan_file(QUERY_PLAN)), *AS_OF).decode("utf-8")
    assert text.split("\n### B.")[0] == """\
**CRM**

# PLAN DE PRUEBA

Actualizado el 26 de noviembre de 2009

## POLÍTICAS Y GESTIÓN MIGRATORIA

### A. Combate a los delitos

| OBJETIVOS | ACTIVIDADES | RESPONSABLE | CALENDARIO |
| --- | --- | --- | --- |
| 1. Instar a los países miembros | 1.1 Informar sobre los logros (Ref.: p. 5.b, GRCM, Inf. \
Red Trata, noviembre, 2008) | 1.1.1 Países miembros en coordinación con la ST | 1.1.1.1 Continuo |
|  | 1.2 Realizar un taller de capacitación (Ref.: pf. 21, CRM, Deci., mayo, 2003) | 1.2.1 OIM, \
con apoyo de la RROCM | 1.2.1.1 Febrero 2010 |
"""
    assert ("| 2. FACILITAR EL INTERCAMBIO | <ins>2.1 Crear un directorio de albergues (Ref.: "
            "p. i, "
            "Inf. Red Trata, GRCM, diciembre, 2009) Reunión de Tegucigalpa</ins> | <ins>2.1.1 "
            "México y OIM</ins> | <ins>2.1.1.1 Por definir</ins> |\n") in text
    assert text.endswith("| 1. Objetivo histórico | 1.1 Adoptar los lineamientos | 1.1.1 Adoptados "
                         "por los viceministros (Ref.: p. 3, CRM, Deci., abril, 2007) |\n")


def test_markdown_escapes_what_markdown_would_read(plan_file: PlanFile):
    path = plan_file(QUERY_PLAN.replace("Compartir estadísticas", "Compartir | <b>datos</b> *ya*"))
    text = exported("-f", str(path)).decode("utf-8")
    assert "2.2 Compartir \\| &lt;b&gt;datos&lt;/b&gt; \\*ya\\*" in text


def test_markdown_golden(real_markdown: str):
    assert real_markdown.encode("utf-8") == (GOLDEN / "workplan.md").read_bytes()


def test_csv_golden():
    data = exported("-f", REAL_PLAN, "--format", "csv", *AS_OF)
    assert data == (GOLDEN / "workplan.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 51 and sum(r["archived"] == "true" for r in rows) == 11
    history = next(r for r in rows if r["id"] == "I.B.1.3")
    assert history["number"] == "1.3"
    assert history["outcomes"].startswith(  # with the outcomes' references
        "El Salvador presentó los formatos modificados para consideración de la OIM. (Ref.: p. 4, "
        "CRM, Inf. Red Trata, abril, 2007) | Utilizar el formato estándar para compartir ")


def test_json_golden():
    data = exported("-f", REAL_PLAN, "--format", "json", *AS_OF)
    assert data == (GOLDEN / "workplan.json").read_bytes()
    records = json.loads(data)
    assert len(records) == 51
    assert set(records[0]) >= {"id", "text", "responsible", "coordination", "support", "status",
                               "due", "refs", "note", "status_note", "responsible_note",
                               "outcomes", "archived", "number", "objective_title",
                               "section_title", "area"}
    (record,) = [r for r in records if r["id"] == "2.2"]
    assert (record["due"], record["overdue"], record["number"]) == ("2010-02", True, "2.2")


# -- the markdown export holds everything of the 2009 document -----------------------------------

def _plain(markdown: str) -> str:
    """The markdown's text: no markup, no escapes, one cell or cell line per line."""
    text = markdown.replace("<br>", "\n").replace("<ins>", "").replace("</ins>", "")
    text = re.sub(r"\\(.)", r"\1", text)
    return html.unescape(text.replace(" | ", "\n"))


def test_markdown_has_every_fragment_of_the_seed(real_markdown: str):
    """Every 4+-word fragment of the seed (activities, responsible and calendar wording, notes,
    outcomes, titles, legend) is in the export as written (case and accents aside): even the
    wordings workplan.yaml split into actors come back as the document had them."""
    corpus = "\n".join(normalise(line) for line in _plain(real_markdown).splitlines())
    missing = [text for text, _number in seed_fragments()
               if len(normalise_fragment(text).split()) >= 4
               and normalise_fragment(text) not in corpus]
    assert not missing, "seed fragments missing from the markdown export:\n" + "\n".join(missing)
    assert "«Pasar al histórico»" in real_markdown


def test_markdown_has_every_reference_of_the_seed(real_markdown: str):
    seed = collections.Counter(normalise_fragment(r) for r in REF.findall("\n".join(seed_lines())))
    found = collections.Counter(normalise_fragment(r) for r in REF.findall(_plain(real_markdown)))
    assert not seed - found, f"references missing from the markdown export: {seed - found}"


def _cells(markdown: str) -> list[list[str]]:
    return [[c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            for line in markdown.splitlines() if line.startswith("| ") and "---" not in line]


def _numbers(cell: str) -> list[str]:
    entries = cell.replace("<ins>", "").replace("</ins>", "").split("<br>")
    return [m.group(1) for e in entries if (m := re.match(r"(\d+(?:\.\d+)*)\.? ", e))]


def test_markdown_numbers_every_objective_activity_responsible_and_calendar(real_markdown: str):
    active_part = real_markdown.split("\n# HISTÓRICO\n")[0]
    rows = [r for r in _cells(active_part) if r[0] != "OBJETIVOS"]
    objectives = [n.rstrip(".") for r in rows for n in _numbers(r[0])]
    activities = [n for r in rows for n in _numbers(r[1])]
    assert objectives == [number for number, _title in parse_active()["objectives"]]
    assert activities == parse_active()["activities"]
    for row in rows:
        (activity,) = _numbers(row[1])
        assert _numbers(row[2]) in ([], [f"{activity}.1"]) and _numbers(row[3]) == [
            f"{activity}.1.1"], row


def test_markdown_has_every_outcome_of_the_seed(real_markdown: str):
    history = real_markdown.split("\n# HISTÓRICO\n")[1]
    outcomes, section = {}, None
    for line in history.splitlines():
        if m := re.match(r"### ([A-Z])\. ", line):
            section = m.group(1)
        elif line.startswith("| ") and "---" not in line and not line.startswith("| OBJETIVOS"):
            ((_objective, activity, results),) = _cells(line)
            (number,) = _numbers(activity)
            outcomes[f"I.{section}.{number}"] = len(_numbers(results))
    assert outcomes == parse_history()


# -- HTML -----------------------------------------------------------------------------------------

class _Page(HTMLParser):
    """What a test needs of a page: tags, attributes that load things, table rows and cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: collections.Counter[str] = collections.Counter()
        self.loads: list[str] = []
        self.rows: list[tuple[str | None, dict[str, str | None]]] = []
        self.table = -1
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        found = dict(attrs)
        self.loads += [v or "" for k, v in attrs if k in ("src", "href") or
                       (k == "rel" and v == "stylesheet")]
        if tag == "table":
            self.table += 1
        if tag == "tr":
            self.rows.append((found.get("data-status"), found))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page_of(data: bytes) -> _Page:
    page = _Page()
    page.feed(data.decode("utf-8"))
    return page


@pytest.fixture(scope="module")
def real_html() -> bytes:
    return exported("-f", REAL_PLAN, "--format", "html", *AS_OF)


def test_html_is_one_self_contained_page(real_html: bytes):
    page = page_of(real_html)
    assert page.tags["script"] == 0 and page.loads == []
    assert b"Content-Security-Policy" in real_html and b"default-src 'none'" in real_html
    assert page.tags["style"] == 1 and page.tags["svg"] == 1
    assert b"@page { size: A4 landscape" in real_html
    assert b"thead { display: table-header-group; }" in real_html
    assert b'<meta name="viewport"' in real_html and b"@media (max-width: 720px)" in real_html


def test_html_has_a_row_per_activity_and_a_header_per_table(real_html: bytes):
    page = page_of(real_html)
    statuses = collections.Counter(status for status, _attrs in page.rows)
    # 3 active and 2 historical sections, each a table with one header row.
    assert page.tags["table"] == 5 and statuses[None] == 5
    assert statuses == {None: 5, "continuo": 26, "programado": 2, "pendiente": 4,
                        "por definir": 8, "completado": 11}
    ids = [attrs["id"] for _status, attrs in page.rows if attrs.get("id")]
    assert ids[:3] == ["a-1.1", "a-1.2", "a-2.1"] and ids[-1] == "a-I.B.5.1" and len(ids) == 51


def test_html_summary_and_chart(real_html: bytes):
    text = " ".join(" ".join(page_of(real_html).text).split())
    assert ("40 activities as of 2010-03-01: 12 pending (pendiente + por definir), 1 overdue; 11 "
            "in the history.") in text
    assert "Activities by status, per section" in text
    assert "C: pendiente 4" in text  # the tooltip of a bar
    # Activity, responsible and calendar of the 12 pending ones (7.1 names nobody responsible).
    assert real_html.count(b"<u>") == 12 * 3 - 1
    assert b'<td class="objective" rowspan="6"' in real_html  # objective 4 spans 6 activities


def test_html_is_in_spanish_with_lang_es(plan_file: PlanFile):
    result = CliRunner().invoke(app, ["--lang", "es", "export", "-f", str(plan_file(QUERY_PLAN)),
                                      "--format", "html", *AS_OF], env=ENV)
    text = result.stdout_bytes.decode("utf-8")
    assert ("5 actividades al 1 de marzo de 2010: 2 por resolver (pendiente + por definir), 1 "
            "con plazo vencido; 1 en el histórico.") in text
    assert '<span class="line overdue">plazo vencido</span>' in text


# -- Word -----------------------------------------------------------------------------------------

def test_docx_has_real_tables_in_landscape(tmp_path: Path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "plan.docx"
    result = run("export", "-f", REAL_PLAN, *AS_OF, "-o", str(path))  # the format from the name
    assert (result.exit_code, result.stdout) == (0, f"Wrote {path}.\n")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert section.page_width > section.page_height
    tables = document.tables
    assert len(tables) == 5
    assert [len(t.rows) - 1 for t in tables] == [12, 11, 17, 3, 8]
    assert [c.text for c in tables[0].rows[0].cells] == list(export.ACTIVE_COLUMNS)
    assert [c.text for c in tables[3].rows[0].cells] == list(export.HISTORY_COLUMNS)
    header = tables[0].rows[0]._tr.trPr
    assert header is not None and header.xml.count("tblHeader") == 1  # repeated on each page
    first = [c.text for c in tables[0].rows[1].cells]
    assert first[0].startswith("1. Instar a los países miembros")
    assert first[1:] == [
        ("1.1 Informar sobre los logros, avances y retos en la instrumentación de sus leyes para "
        "combatir la trata de personas y el tráfico ilícito de migrantes. (Ref.: pto. 8, Deci., "
        "CRM, mayo, 2004)"),
        ("1.1.1 Países miembros. Los países presentan informes durante las reuniones del GRCM y la "
        "CRM."),
        "1.1.1.1 Continuo"]
    # The objective cell is merged down its activities: row 2 shows the same cell.
    assert tables[0].rows[2].cells[0]._tc is tables[0].rows[1].cells[0]._tc
    overdue = next(r for r in tables[0].rows if r.cells[1].text.startswith("2.2 "))
    assert overdue.cells[3].text == "2.2.1.1 Febrero 2010\noverdue"


def test_docx_underlines_pending_items(plan_file: PlanFile, tmp_path: Path):
    docx = pytest.importorskip("docx")
    path = tmp_path / "plan.docx"
    assert run("export", "-f", str(plan_file(QUERY_PLAN)), "-o", str(path)).exit_code == 0
    rows = docx.Document(str(path)).tables[1].rows
    pending = rows[1].cells[1].paragraphs[0].runs
    assert pending[0].text == "2.1 Crear un directorio de albergues" and pending[0].underline
    assert not rows[3].cells[1].paragraphs[0].runs[0].underline  # 3.1, programado


def test_docx_without_python_docx_says_how_to_install_it(plan_file: PlanFile, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx now raises ImportError
    result = run("export", "-f", str(plan_file(QUERY_PLAN)), "-o", str(tmp_path / "p.docx"))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        "crmplan: Word files need the python-docx package; install it with: pip install "
        "\"crmplan[docx]\"\n"))
    assert not (tmp_path / "p.docx").exists()


# -- the command line ---------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "start"), [
    ("plan.md", b"**CRM**"), ("plan.html", b"<!DOCTYPE html>"), ("plan.csv", b"\xef\xbb\xbfid,"),
    ("plan.json", b"[\n"), ("plan.txt", b"**CRM**")])
def test_the_format_follows_the_file_name(plan_file: PlanFile, tmp_path: Path, name: str,
                                          start: bytes):
    path = tmp_path / name
    assert run("export", "-f", str(plan_file(QUERY_PLAN)), "-o", str(path)).exit_code == 0
    assert path.read_bytes().startswith(start)


def test_format_wins_over_the_file_name(plan_file: PlanFile, tmp_path: Path):
    path = tmp_path / "plan.txt"
    assert run("export", "-f", str(plan_file(QUERY_PLAN)), "--format", "json", "-o",
               str(path)).exit_code == 0
    assert json.loads(path.read_text(encoding="utf-8"))[0]["id"] == "1.1"


@pytest.mark.parametrize(("args", "ids"), [
    ([], ["1.1", "1.2", "2.1", "2.2", "3.1", "I.A.1.1"]),
    (["--active"], ["1.1", "1.2", "2.1", "2.2", "3.1"]),
    (["--archived"], ["I.A.1.1"]),
    (["--all"], ["1.1", "1.2", "2.1", "2.2", "3.1", "I.A.1.1"]),
    (["--active", "--archived"], ["1.1", "1.2", "2.1", "2.2", "3.1", "I.A.1.1"]),
    (["--responsible", "México", "--status", "tbd"], ["2.1"]),
    (["--objective", "2", "--search", "estadísticas"], ["2.2"]),
    (["--overdue", *AS_OF], ["1.2"]),
])
def test_export_takes_the_filters_of_list(plan_file: PlanFile, args: list[str], ids: list[str]):
    data = exported("-f", str(plan_file(QUERY_PLAN)), "--format", "json", *args)
    assert [r["id"] for r in json.loads(data)] == ids


def test_export_of_a_slice_keeps_the_layout(plan_file: PlanFile):
    text = exported("-f", str(plan_file(QUERY_PLAN)), "--section", "B").decode("utf-8")
    assert "### A." not in text and "### B. Intercambio de información" in text
    assert "HISTÓRICO" not in text


def test_export_errors_are_one_sentence(plan_file: PlanFile, tmp_path: Path):
    plan = str(plan_file(QUERY_PLAN))
    result = run("export", "-f", plan, "--responsible", "Mexco")
    assert (result.exit_code, result.stderr) == (
        2, f"crmplan: in {plan}: 'Mexco' is not a declared actor; did you mean 'México'?\n")
    result = run("export", "-f", plan, "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (
        1, f"crmplan: {tmp_path} is a folder; give the name of a file in it\n")
    result = run("export", "-f", plan, "-o", str(tmp_path / "no" / "plan.md"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"crmplan: {tmp_path / 'no' / 'plan.md'} could not be "
                                    "written (")
    result = run("export", "-f", plan, "--format", "pdf")
    assert result.exit_code == 2
    assert "crmplan: 'pdf' is not a value of --format (valid: markdown, html, docx" \
        in result.stderr


def test_a_word_file_is_not_poured_into_a_terminal(plan_file: PlanFile,
                                                   monkeypatch: pytest.MonkeyPatch):
    pytest.importorskip("docx")
    from crm_plan.commands import options

    monkeypatch.setattr(options, "stdout_is_terminal", lambda: True)
    result = run("export", "-f", str(plan_file(QUERY_PLAN)), "--format", "docx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("crmplan: a Word file cannot be shown in the terminal: write it to "
                             "a file with -o, e.g. -o plan.docx\n")


def test_export_rewrites_a_file_whole(plan_file: PlanFile, tmp_path: Path):
    path = tmp_path / "plan.md"
    path.write_text("old\n", encoding="utf-8")
    assert run("export", "-f", str(plan_file(QUERY_PLAN)), "-o", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("**CRM**")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.md", "workplan.yaml"]
