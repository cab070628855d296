"""The renderers on their own: colour rules, clean lines, shared cell texts, and the layers."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys

import pytest
from conftest import ROOT
from plans import QUERY_PLAN, plan_of

from crm_plan import messages
from crm_plan.model import Ref
from crm_plan.query import Filters, Hit, Naming, Scope, select
from crm_plan.render import layout
from crm_plan.render.documents import records
from crm_plan.render.layout import Heading
from crm_plan.render.terminal import listing as table
from crm_plan.render.terminal.console import TrimmedLines, new_console

PLAN = plan_of()
DAY = dt.date(2010, 3, 1)


def printed(capsys: pytest.CaptureFixture[str]) -> str:
    """The listing as `console()` prints it on stdout."""
    table.print_listing(PLAN, select(PLAN, Filters(), DAY))
    return capsys.readouterr().out


def test_no_colour_without_a_terminal(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert "\x1b[" not in printed(capsys)


def test_colour_on_a_terminal_but_never_with_no_color(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich: behave as on a terminal
    monkeypatch.delenv("NO_COLOR", raising=False)
    coloured = printed(capsys)
    assert "\x1b[1m" in coloured  # bold headings
    assert "\x1b[4mpendiente" in coloured  # pending underlined, as in the document
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in printed(capsys)


def test_plan_text_is_never_markup(capsys, monkeypatch):  # type: ignore[no-untyped-def]
    plan = plan_of(QUERY_PLAN.replace("text: Informar sobre los logros",
                                      "text: '[bold]Informe[/bold] :smile:'"))
    monkeypatch.setenv("COLUMNS", "80")
    table.print_listing(plan, select(plan, Filters(objectives=("1",)), DAY))
    assert "[bold]Informe[/bold] :smile:" in capsys.readouterr().out


def test_trimmed_lines_drop_trailing_spaces_only():
    target = io.StringIO()
    stream = TrimmedLines(target)
    stream.write("a  b   \nc")
    stream.write("  \n  d ")
    assert target.getvalue() == "a  b\nc\n"
    stream.flush()
    assert target.getvalue() == "a  b\nc\n  d "


def test_a_console_given_is_used():
    out = new_console(file=io.StringIO(), width=50)
    table.print_listing(PLAN, select(PLAN, Filters(objectives=("3",)), DAY), out)
    lines = out.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert max(map(len, lines)) == 50
    assert [line.rstrip() for line in lines[-3:]] == [
        "3.1  Publicar              ST           programado",
        "     regularmente logros                2011",
        "1 activity.",
    ]


def test_with_or_without_colour_the_same_words_in_the_same_places():
    import re

    from crm_plan.counts import report
    from crm_plan.render.terminal import item, status

    def drawn(**options: object) -> list[str]:
        file = io.StringIO()
        out = new_console(file=file, width=72, **options)
        table.print_listing(PLAN, select(PLAN, Filters(scope=Scope.ALL), DAY), out)
        status.print_status(PLAN, report(PLAN, Filters(), DAY, pending=True), out)
        item.print_item(PLAN, next(PLAN.activities(active=False, archived=True)), DAY, out)
        text = file.getvalue()
        return [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in text.splitlines()]

    plain = drawn(color_system=None)
    coloured = drawn(color_system="standard", force_terminal=True)
    assert plain == coloured and len(plain) > 40 and "•" in "".join(plain)


# -- the words in the cells ----------------------------------------------------------------------


def test_outline_announces_each_section_and_objective_once():
    hits = select(PLAN, Filters(scope=Scope.ALL), DAY).hits
    entries = [(e.level, e.id) if isinstance(e, Heading) else e.activity.id
               for e in layout.outline(PLAN, hits)]
    assert entries == [
        ("part", ""), ("section", "A"), ("objective", "1"), "1.1", "1.2",
        ("section", "B"), ("objective", "2"), "2.1", "2.2", ("objective", "3"), "3.1",
        ("part", ""), ("section", "A"), ("objective", "I.A.1"), "I.A.1.1"]


def test_only_the_history_has_no_part_heading():
    hits = select(PLAN, Filters(scope=Scope.ARCHIVED), DAY).hits
    assert [e.level for e in layout.outline(PLAN, hits) if isinstance(e, Heading)] == [
        "section", "objective"]


def test_actor_and_status_cells():
    activity = PLAN.objectives[0].activities[1]
    assert layout.actor_lines(activity) == ["OIM", "RROCM (support)"]
    assert layout.status_lines(activity, DAY) == ["programado", "2010-02", "overdue"]
    assert layout.status_lines(activity, dt.date(2010, 2, 28)) == ["programado", "2010-02"]


def test_via_lines_say_which_group_includes_the_actor():
    activity = PLAN.objectives[1].activities[1]
    hit = Hit(activity, (Naming("México", "Países miembros", "support"),
                         Naming("Belice", "Belice", "responsible")))
    assert layout.via_lines(hit) == ["Países miembros (includes México)"]
    assert layout.match_label("México", "Países miembros", "support") == (
        "Países miembros (includes México; support)")
    assert layout.match_label("Belice", None, "responsible") == "Belice (responsible)"


def test_via_lines_in_spanish_need_no_agreement_with_the_country():
    activity = PLAN.objectives[1].activities[1]
    hit = Hit(activity, (Naming("Guatemala", "Países miembros", "support"),
                         Naming("México", "Países miembros", "support")))
    messages.use("es")  # conftest switches back to English
    assert layout.via_lines(hit) == ["Países miembros (incluye a Guatemala)",
                                     "Países miembros (incluye a México)"]
    assert layout.match_label("Guatemala", "Países miembros", "support") == (
        "Países miembros (incluye a Guatemala; apoyo)")


@pytest.mark.parametrize(("ref", "reading"), [
    (Ref("x", point="5.b", body="GRCM", kind="Informe de la Red", month=11, year=2008),
     "point 5.b, GRCM, Informe de la Red, 2008-11"),
    (Ref("x", meeting="XI", body="CRM"), "CRM, meeting XI"),
    (Ref("x", place="Managua", month=10, year=2007), "Managua, 2007-10"),
    (Ref("x", month=5), "month 5"),
    (Ref("x"), "not read"),
])
def test_ref_reading(ref: Ref, reading: str):
    assert layout.ref_reading(ref) == reading


def test_json_and_csv_share_the_field_order():
    hit = select(PLAN, Filters(actors=("OIM",)), DAY).hits[0]
    assert tuple(records.activity_record(PLAN, hit, DAY)) == records.ACTIVITY_FIELDS
    assert tuple(records.activity_record(PLAN, hit, DAY, matches=True)) == (
        *records.ACTIVITY_FIELDS, "matches")


def test_narrow_terminal_gives_the_text_most_of_the_width():
    out = new_console(file=io.StringIO(), width=40)
    table.print_listing(PLAN, select(PLAN, Filters(objectives=("2",)), DAY), out)
    header = out.file.getvalue().splitlines()[0]  # type: ignore[attr-defined]
    assert header.rstrip() == "Id   Activity      Respons…  Status"


# -- layers and start-up -------------------------------------------------------------------------


def _modules_after(code: str) -> set[str]:
    """The top-level packages imported once `code` has run in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys\nprint(*sys.modules, file=sys.stderr)"],
        capture_output=True, text=True, cwd=ROOT, check=True)
    return {name.split(".")[0] for name in result.stderr.split()}


def test_the_core_imports_neither_typer_nor_rich():
    modules = _modules_after("import crm_plan.query, crm_plan.lookup, crm_plan.counts, "
                             "crm_plan.render.documents.records, crm_plan.render.documents.markdown")
    assert "crm_plan" in modules
    assert not {"typer", "rich", "click"} & modules


RUN_CLI = """
from crm_plan.cli import app
try:
    app({args!r}, prog_name="crmplan")
except SystemExit as exit:
    assert exit.code == 0, exit.code
"""


@pytest.mark.parametrize(("args", "rich_loaded"), [
    (["list", "--format", "json"], False),
    (["list", "--format", "csv"], False),
    (["status", "--format", "json"], False),
    (["show", "9.3", "--format", "json"], False),
    (["list"], True),  # the check itself works: a table does load rich
])
def test_machine_formats_start_without_rich(args: list[str], rich_loaded: bool):
    modules = _modules_after(RUN_CLI.format(args=[*args, "-f", str(ROOT / "workplan.yaml")]))
    assert ("rich" in modules) is rich_loaded


def test_json_has_one_record_per_line_and_reads_back():
    from crm_plan.render.documents.records import pretty_json

    data = {"counts": {"total": 2, "by_status": {"continuo": 2}},
            "activities": [{"id": "1.1", "text": "ñ"}, {"id": "1.2", "text": "b"}]}
    text = pretty_json(data)
    assert text == (
        '{\n  "counts": {"total": 2, "by_status": {"continuo": 2}},\n  "activities": [\n'
        '    {"id": "1.1", "text": "ñ"},\n    {"id": "1.2", "text": "b"}\n  ]\n}')
    assert json.loads(text) == data
    assert pretty_json([]) == "[]"
