"""What every document crmplan writes does with hostile plan text (issues 13 and 14).

One escaper per format (render/documents/markdown.py `escape`, html.py `escape`, docx.py
`escape`, render/records.py `spreadsheet_cell`), used by every document of that format: the
listing, the export, the action sheet and the changes. No control, separator or bidi character
reaches a markdown, html or csv file raw (they are written visibly, as `text.visible` does); a
Word file never fails on one; a csv cell never starts a formula.

The hostile values are put into a valid plan's records directly, not through a plan file:
`validate` rejects control characters, and these tests are about the renderers' own defence.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from plans import QUERY_PLAN, plan_of
from typer.testing import CliRunner

from crm_plan import export
from crm_plan.changes import compare
from crm_plan.cli import app
from crm_plan.model import Activity, Plan
from crm_plan.query import Filters, Scope, select
from crm_plan.render.documents import docx as word
from crm_plan.render.documents import html, markdown, records
from crm_plan.render.terminal import sheet as terminal_sheet
from crm_plan.sheet import action_sheet
from crm_plan.text import unsafe_characters

PlanFile = Callable[..., Path]  # the plan_file fixture (conftest.py)
ENV = {"COLUMNS": "80", "NO_COLOR": None, "CRMPLAN_FILE": None}
DAY = dt.date(2010, 3, 1)

# What issue 13 found reaching the exports: a window title, a screen clear, a C1 control, the
# line separator, a right-to-left override, DEL and NUL.
HOSTILE = "Compartir \x1b]0;pwned\x07\x1b[2J \x85 a\u2028b \u202eodnum\u202c \x7f\x00 fin"
SHOWN = "Compartir \\x1b]0;pwned\\x07\\x1b[2J \\x85 a\\u2028b \\u202eodnum\\u202c \\x7f\\x00 fin"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV, prog_name="crmplan")


def hostile_plan(value: str = HOSTILE) -> Plan:
    """The query plan with `value` as the text, note and status note of 2.2 (responsible:
    Belice) and as the plan's title and an objective's title."""
    plan = plan_of(QUERY_PLAN)

    def activity(a: Activity) -> Activity:
        return a._replace(text=value, note=value, status_note=value) if a.id == "2.2" else a

    objectives = tuple(o._replace(title=value if o.id == "2" else o.title,
                                  activities=tuple(map(activity, o.activities)))
                       for o in plan.objectives)
    return plan._replace(objectives=objectives,
                         document=plan.document._replace(title=value))


def everything(plan: Plan) -> export.Layout:
    return export.layout(plan, select(plan, Filters(scope=Scope.ALL), DAY))


def assert_nothing_raw(text: str) -> None:
    """No control, separator or bidi character but tab, newline (and CRLF line ends)."""
    assert unsafe_characters(text.replace("\r\n", "\n")) == []


# -- markdown: one escaper (issue 14) -------------------------------------------------------------

MARKUP = "Designar <b>un</b> enlace *por* país | [aquí](http://x) `c` _y_ ~~no~~ &amp;"
ESCAPED = ("Designar &lt;b&gt;un&lt;/b&gt; enlace \\*por\\* país \\| \\[aquí\\](http://x) \\`c\\` "
           "\\_y\\_ \\~\\~no\\~\\~ &amp;amp;")


def test_list_and_export_escape_markdown_alike(plan_file: PlanFile):
    plan = str(plan_file(QUERY_PLAN.replace("Compartir estadísticas", MARKUP)))
    listed = run("list", "-f", plan, "--format", "markdown", "--objective", "2")
    assert listed.exit_code == 0
    assert f"| 2.2 | {ESCAPED} | Belice<br>Países miembros (support) | pendiente |" \
        in listed.stdout
    exported = run("export", "-f", plan, "--format", "markdown")
    assert f"| <ins>2.2 {ESCAPED}</ins> |" in exported.stdout


def test_the_markdown_escaper():
    assert markdown.escape(MARKUP) == ESCAPED
    assert markdown.escape("  two\n lines\tand  spaces ") == "two lines and spaces"
    assert markdown.escape(HOSTILE) == SHOWN.replace("\\", "\\\\").replace(
        "[", "\\[").replace("]", "\\]")


@pytest.mark.parametrize(("text", "expected"), [
    ("# no heading", "\\# no heading"), ("- no item", "\\- no item"), ("+ nor", "\\+ nor"),
    ("1. no list", "1\\. no list"), ("2010) no list", "2010\\) no list"),
    ("> no quote", "&gt; no quote"), ("Actualizado el 26", "Actualizado el 26"),
])
def test_a_paragraph_never_starts_a_block(text: str, expected: str):
    assert markdown.paragraph(text) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("workplan.yaml", "`workplan.yaml`"), ("a`b.yaml", "``a`b.yaml``"),
    ("`x", "`` `x ``"), ("a``b`c", "```a``b`c```"), ("a\x1b[2J.yaml", "`a\\x1b[2J.yaml`"),
])
def test_a_file_name_as_code(name: str, expected: str):
    assert markdown.code(name) == expected


def test_every_markdown_document_writes_controls_visibly():
    plan = hostile_plan()
    selection = select(plan, Filters(scope=Scope.ALL), DAY)
    sheet = action_sheet(plan, "Belice", DAY)
    documents = {
        "list": markdown.selection_markdown(plan, selection),
        "export": markdown.export_markdown(everything(plan)),
        "report": markdown.sheet_markdown(plan, sheet),
        "changes": markdown.changes_markdown(compare(plan_of(QUERY_PLAN), plan),
                                            "old\x1b[2J.yaml", "workplan.yaml"),
    }
    for name, data in documents.items():
        text = data.decode("utf-8")
        assert_nothing_raw(text)
        assert "\\\\x1b\\]0;pwned\\\\x07\\\\x1b\\[2J" in text, name
    assert "`old\\x1b[2J.yaml`" in documents["changes"].decode("utf-8")


def test_the_action_sheet_as_text_writes_controls_visibly():
    plan = hostile_plan()
    text = terminal_sheet.sheet_text(plan, action_sheet(plan, "Belice", DAY), width=200).decode("utf-8")
    assert_nothing_raw(text)
    assert "Compartir \\x1b]0;pwned\\x07\\x1b[2J \\x85 a\\u2028b" in text


# -- html -----------------------------------------------------------------------------------------

def test_every_html_document_writes_controls_visibly():
    plan = hostile_plan(HOSTILE + " <script>alert(1)</script> \"'")
    pages = {"export": html.export_html(everything(plan), DAY),
             "report": html.sheet_html(plan, action_sheet(plan, "Belice", DAY))}
    for name, data in pages.items():
        text = data.decode("utf-8")
        assert_nothing_raw(text)
        assert SHOWN in text, name
        assert "<script>" not in text and "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&#x27;" \
            in text, name


def test_the_html_escaper():
    assert html.escape("a<b>&\"'\x1b\u202e\nc") == "a&lt;b&gt;&amp;&quot;&#x27;\\x1b\\u202e\nc"


# -- csv: controls and formulas -------------------------------------------------------------------

def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_every_csv_writes_controls_visibly():
    plan = hostile_plan()
    selection = select(plan, Filters(scope=Scope.ALL, actors=("Belice",)), DAY)
    for data in (records.selection_csv(plan, selection), records.export_csv(plan, selection)):
        (row,) = [r for r in _rows(data) if r["id"] == "2.2"]
        assert row["text"] == row["note"] == row["status_note"] == SHOWN
        for cell in row.values():
            assert_nothing_raw(cell)


FORMULAS = {"text": "=HYPERLINK(\"http://x\",\"clic\")", "note": "+1 555 0100",
            "status_note": "-2+3", "responsible_note": "@SUM(A1:A2)"}


def _formula_plan(plan_file: PlanFile) -> str:
    text = QUERY_PLAN.replace(
        "        text: Compartir estadísticas\n",
        "".join(f"        {key}: '{value}'\n" for key, value in FORMULAS.items())).replace(
        '        status_note: "(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)"\n', "")
    return str(plan_file(text))


@pytest.mark.parametrize("command", [["list", "--format", "csv"], ["export", "--format", "csv"]])
def test_no_csv_cell_starts_a_formula(plan_file: PlanFile, command: list[str]):
    result = run(*command, "-f", _formula_plan(plan_file))
    assert (result.exit_code, result.stderr) == (0, "")
    (row,) = [r for r in _rows(result.stdout_bytes) if r["id"] == "2.2"]
    assert {key: row[key] for key in FORMULAS} == {key: "'" + value
                                                   for key, value in FORMULAS.items()}
    assert row["text"] == "'=HYPERLINK(\"http://x\",\"clic\")"


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+2", "'=1+2"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"),
    ("\tx", "'\tx"), ("\rx", "'\\x0dx"), ("\x1b=1", "\\x1b=1"),
    ("1-2", "1-2"), ("a=b", "a=b"), ("", ""), ("línea\nsiguiente", "línea\nsiguiente"),
])
def test_spreadsheet_cell(value: str, cell: str):
    assert records.spreadsheet_cell(value) == cell
    data = records.to_csv(("id", "value"), [{"id": "1", "value": value}], records.csv_cell)
    assert _rows(data) == [{"id": "1", "value": cell}]


# -- json: exact values, nothing raw --------------------------------------------------------------

def test_json_keeps_values_exactly_and_nothing_raw():
    plan = hostile_plan()
    selection = select(plan, Filters(scope=Scope.ALL, actors=("Belice",)), DAY)
    for data in (records.to_json(records.selection_records(plan, selection)),
                 records.export_json(plan, selection)):
        text = data.decode("utf-8")
        assert_nothing_raw(text)
        (record,) = [r for r in json.loads(text) if r["id"] == "2.2"]
        assert record["text"] == HOSTILE


# -- Word -----------------------------------------------------------------------------------------

def test_word_files_never_fail_on_a_character_xml_cannot_hold():
    docx = pytest.importorskip("docx")
    from crm_plan.render.documents.docx import escape, export_docx

    plan = hostile_plan(HOSTILE + " \ufffe\uffff")
    documents = [export_docx(everything(plan), DAY),
                 word.sheet_docx(plan, action_sheet(plan, "Belice", DAY))]
    for data in documents:
        document = docx.Document(io.BytesIO(data))
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        assert any(SHOWN + " \\ufffe\\uffff" in t for t in texts)
        assert unsafe_characters(document.core_properties.title) == []
    assert "PWNED\\x07" in docx.Document(io.BytesIO(documents[0])).core_properties.title
    assert escape("a\tb\nc\x0bd\ufffe") == "a\tb\nc\\x0bd\\ufffe"


def test_export_to_word_of_a_valid_plan_with_a_noncharacter(plan_file: PlanFile, tmp_path: Path):
    """U+FFFF is no control (a plan holding it validates), but XML cannot hold it: the export
    ended in "internal error (ValueError: All strings must be XML compatible...)"."""
    docx = pytest.importorskip("docx")
    plan = plan_file(QUERY_PLAN.replace("text: Compartir estadísticas",
                                        'text: "Compartir \\uffff estadísticas"'))
    assert run("validate", "-f", str(plan)).exit_code == 0
    result = run("export", "-f", str(plan), "-o", str(tmp_path / "plan.docx"))
    assert (result.exit_code, result.stderr) == (0, "")
    document = docx.Document(str(tmp_path / "plan.docx"))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "2.2 Compartir \\uffff estadísticas" in cells
