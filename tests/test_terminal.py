"""The terminal views as a terminal receives them: rich's console, crmplan's one theme, colour
where there is a terminal, and rich only through its public API."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, SMALL_PLAN
from plans import plan_of
from rich.console import Console
from rich.style import Style
from rich.text import Text

from crm_plan.changes import compare
from crm_plan.counts import report
from crm_plan.model import Actor, Outcome, Plan, Ref
from crm_plan.problems import Problem, Severity
from crm_plan.query import Filters, Scope, select
from crm_plan.render.terminal import changes, item, status
from crm_plan.render.terminal import listing as table
from crm_plan.render.terminal import sheet as sheets
from crm_plan.render.terminal.console import THEME, console, new_console, print_lines
from crm_plan.sheet import action_sheet
from crm_plan.text import unsafe_characters

PLAN = plan_of()
DAY = dt.date(2010, 3, 1)
Draw = Callable[[Console], None]


def coloured(draw: Draw, width: int = 60) -> list[str]:
    """What `draw` prints on a terminal of `width` columns, each escape code written as a tag:
    <1;4>bold underline</>."""
    out = new_console(file=io.StringIO(), width=width, color_system="standard",
                      force_terminal=True)
    draw(out)
    text = out.file.getvalue()  # type: ignore[attr-defined]
    return re.sub(r"\x1b\[([0-9;]*)m", lambda m: "</>" if m[1] == "0" else f"<{m[1]}>",
                  text).split("\n")


def listing(filters: Filters) -> Draw:
    return lambda out: table.print_listing(PLAN, select(PLAN, filters, DAY), out)


def test_a_listing_in_colour() -> None:
    assert coloured(listing(Filters(objectives=("1",), actors=("México",)))) == [
        "<1>Id </>  <1>Activity                  </>  <1>Responsible      </>  <1>Status  </>",
        "────────────────────────────────────────────────────────────",
        "",
        "<1;7>A.</><1;7> </><1;7>Combate a los delitos                                    </>",
        "",
        "<1>1.</><1> </><1>Instar a los países miembros                             </>",
        "<1>1.1</>  Informar sobre los logros   Países miembros    continuo",
        "                                 ST (coordination)          ",
        "                                 <3>Países miembros </>           ",
        "                                 <3>(includes México)</>          ",
        "1 activity.",
        "",
    ]


def test_both_parts_pending_and_overdue_in_colour() -> None:
    lines = coloured(listing(Filters(scope=Scope.ALL)), width=72)
    assert lines[3] == "<1;4>Active plan</>"  # the words underlined, not the width
    assert lines[12] == " " * 61 + "<1;31>overdue</>    "
    assert lines[17].endswith("  <4>por definir</>")  # pending: underlined, as in the document
    assert lines[27] == "<1;4>History</>"
    assert lines[32:35] == [
        "<1>I.A.1.1</>  Adoptar los lineamientos                            completado ",
        "         • Adoptados por los                                 2009-11-26 ",
        "           viceministros                                                "]


def test_an_activity_of_the_history_in_colour() -> None:
    historical = next(PLAN.activities(active=False, archived=True))
    assert coloured(lambda out: item.print_item(PLAN, historical, DAY, out)) == [
        "<1>Activity        </> <1>I.A.1.1 (history)                          </>",
        "<1>Objective       </> I.A.1. Objetivo histórico                  ",
        "<1>Section         </> A. Combate a los delitos                   ",
        "<1>Area            </> I. Políticas y gestión migratoria          ",
        "<1>Text            </> Adoptar los lineamientos                   ",
        "<1>Status          </> completado (derived from the history)      ",
        "<1>Plan of Action  </> no                                         ",
        "<1>Outcomes        </> • Adoptados por los viceministros          ",
        "                   <2>Ref.: p. 3, CRM, Deci., abril, 2007</>      ",
        "<1>Archived        </> 2009-11-26                                 ",
        "<1>Line in the file</> 74                                         ",
        "",
    ]


def test_status_in_colour() -> None:
    assert coloured(lambda out: status.print_status(PLAN, report(PLAN, Filters(), DAY), out)) == [
        "5 activities as of 2010-03-01: 2 pending (pendiente + por ",
        "definir), 1 overdue; 1 in the history.",
        "",
        "<1>Status     </>   <1>A</>   <1>B</>   <1>Total</>",
        "───────────────────────────",
        "continuo      1   0       <1>1</>",
        "programado    1   1       <1>2</>",
        "pendiente     0   1       <1>1</>",
        "por definir   0   1       <1>1</>",
        "",
        "pending       0   2       <1>2</>",
        "overdue       1   0       <1>1</>",
        "<1>total      </>   <1>2</>   <1>3</>   <1>    </><1>5</>",
        "",
        "<1>A.</> Combate a los delitos                                    ",
        "<1>B.</> Intercambio de información                               ",
        "",
        "<1>Actor          </>   <1>Activities</>   <1>Pending</>   <1>Overdue</>",
        "────────────────────────────────────────────────",
        "ST                         2         0         0",
        "OIM                        2         1         1",
        "Países miembros            2         1         0",
        "RROCM                      1         0         1",
        "México                     1         1         0",
        "Belice                     1         1         0",
        "",
    ]


def test_a_report_and_changes_in_colour_take_the_same_styles() -> None:
    sheet = coloured(lambda out: sheets.print_sheet(PLAN, action_sheet(PLAN, "OIM", DAY), out))
    assert sheet[0] == "<1>Action sheet: OIM</>"
    assert sheet[6:8] == [
        "<1;7>Overdue: programado, due date passed (1)</>",
        "<1>Id </>   <1>Activity                    </>   <1>Role     </>   <1>Status     </>"]
    assert sheet[16:18] == [
        "<1>2.1</>   <4>Crear un directorio de      </>   responsi…   por definir",
        "      <4>albergues</><2;4> (Ref.: p. i, Inf. </>                          "]
    newer = plan_of(_edited())
    drawn = coloured(lambda out: changes.print_changes(compare(PLAN, newer), "a", "b", out), 100)
    assert drawn[2] == "<1;7>B. Intercambio de información</>"
    assert drawn[5].startswith("<1>2.2</><1> </>  Compartir datos  ")
    assert "<1>text: Compartir </><1;9;31>[-estadísticas-]</><1> </><1;32>{+datos+}</>" in drawn[6]


def _edited() -> str:
    from plans import QUERY_PLAN

    return QUERY_PLAN.replace("Compartir estadísticas\n        responsible: [Belice]",
                              "Compartir datos\n        responsible: [Belice]").replace(
        "status: pendiente", "status: continuo")


class StrictConsole(Console):
    """A console that refuses a style named outside the theme (rich would draw it plain)."""

    def get_style(self, name: str | Style, *, default: Style | str | None = None) -> Style:
        assert isinstance(name, Style) or name in ("", "none") or name in THEME.styles, name
        return super().get_style(name, default=default)


def test_every_style_the_views_name_is_in_the_one_theme() -> None:
    historical = next(PLAN.activities(active=False, archived=True))
    out = StrictConsole(file=io.StringIO(), width=80, color_system="standard",
                        force_terminal=True, theme=THEME, markup=False, highlight=False)
    listing(Filters(scope=Scope.ALL, actors=("México",)))(out)
    item.print_item(PLAN, historical, DAY, out)
    item.print_item(PLAN, PLAN.objectives[0], DAY, out)
    status.print_status(PLAN, report(PLAN, Filters(), DAY, pending=True, overdue=True), out)
    sheets.print_sheet(PLAN, action_sheet(PLAN, "Países miembros", DAY), out)
    changes.print_changes(compare(PLAN, plan_of(_edited())), "a", "b", out)
    assert "\x1b[1;7m" in out.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize("lines", [
    [Text("Active plan", "bold underline"), Text()],
    [Text("a", "bold").append(" b", "italic"), Text("漢字 🙂", "dim"), Text("  x  ")],
    [Text.assemble(("1.1", "bold"), "  ", ("pendiente", "underline")), Text("─" * 10)],
])
def test_lines_print_as_rich_prints_them_joined(lines: list[Text]) -> None:
    """print_lines renders each line as it is, and gives the bytes of rich's own print."""
    ours, theirs = (Console(file=io.StringIO(), width=20, color_system="truecolor",
                            force_terminal=True) for _ in range(2))
    print_lines(ours, lines)
    theirs.print(Text("\n").join(lines), soft_wrap=True)
    assert ours.file.getvalue() == theirs.file.getvalue()  # type: ignore[attr-defined]


@pytest.mark.parametrize(("environment", "escapes", "trimmed", "width"), [
    ({}, False, True, 50),  # a pipe, as under pytest: no colour, lines without their padding
    ({"FORCE_COLOR": "1"}, True, False, 50),
    ({"TTY_COMPATIBLE": "1"}, True, False, 50),
    ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False, 50),  # not even bold
    ({"FORCE_COLOR": "1", "TERM": "dumb"}, False, False, 80),  # rich's rule for a dumb one
])
def test_the_console_on_stdout_follows_the_environment(
        environment: dict[str, str], escapes: bool, trimmed: bool, width: int,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "50")  # else rich asks the terminal the tests run in
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert console().width == width
    table.print_listing(PLAN, select(PLAN, Filters(objectives=("1",)), DAY))
    lines = capsys.readouterr().out.splitlines()
    assert any("\x1b[" in line for line in lines) is escapes
    assert all(line == line.rstrip(" ") for line in lines) is trimmed


def test_no_width_at_all_draws_nothing(monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "0")  # as rich draws in no width
    table.print_listing(PLAN, select(PLAN, Filters(), DAY))
    assert capsys.readouterr().out == ""


def test_rich_only_through_its_public_api() -> None:
    """No import of rich's private modules, no escape code written by hand."""
    for path in (ROOT / "crm_plan").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\brich\._|from rich import _|from \._", source), path
        assert not re.search(r"\\x1b\[|\\033\[|\\u001b\[|\\e\[", source), path


# -- control characters: shown, never sent raw ----------------------------------------------------

HOSTILE = "\x1b]0;pwned\x07\x1b[2J"  # sets the window title, then clears the screen
SHOWN = "\\x1b]0;pwned\\x07\\x1b[2J"


def hostile_plan() -> Plan:
    """The test plan with the hostile value in every kind of text a view prints: titles,
    texts, notes, references, actors, statuses, outcomes, ids."""
    section = PLAN.sections["A"]
    first, second = PLAN.objectives[0].activities
    first = first._replace(text=first.text + HOSTILE, note=HOSTILE, status_note=HOSTILE,
                           responsible_note=HOSTILE, refs=(Ref(HOSTILE, year=2008),),
                           responsible=(*first.responsible, "Belice" + HOSTILE))
    second = second._replace(id="1.2" + HOSTILE, support=("Grupo" + HOSTILE,))
    objective = PLAN.objectives[0]._replace(title=HOSTILE, activities=(first, second))
    old = PLAN.history[0]
    archived = old.activities[0]._replace(outcomes=(Outcome(HOSTILE, (Ref(HOSTILE),)),),
                                          origin=HOSTILE)
    return PLAN._replace(
        sections={**PLAN.sections, "A": section._replace(title=HOSTILE)},
        actors={**PLAN.actors, "OIM": Actor("OIM", HOSTILE),
                "Belice" + HOSTILE: Actor("Belice" + HOSTILE, HOSTILE),
                "Grupo" + HOSTILE: Actor("Grupo" + HOSTILE, HOSTILE, ("México",))},
        objectives=(objective, *PLAN.objectives[1:]),
        history=(old._replace(note=HOSTILE, activities=(archived,)),))


def drawn(draw: Draw, colour: bool) -> str:
    out = new_console(file=io.StringIO(), width=100, force_terminal=colour,
                      color_system="standard" if colour else None)
    draw(out)
    return out.file.getvalue()  # type: ignore[no-any-return, attr-defined]


def views(plan: Plan) -> dict[str, Draw]:
    every = select(plan, Filters(scope=Scope.ALL), DAY)
    counts = report(plan, Filters(), DAY, pending=True, overdue=True)
    first = plan.objectives[0].activities[0]
    historical = plan.history[0].activities[0]
    return {
        "list": lambda out: table.print_listing(plan, every, out),
        "list --responsible": lambda out: table.print_listing(
            plan, select(plan, Filters(actors=("Belice" + HOSTILE, "México")), DAY), out),
        "show": lambda out: item.print_item(plan, first, DAY, out),
        "show (history)": lambda out: item.print_item(plan, historical, DAY, out),
        "show (objective)": lambda out: item.print_item(plan, plan.objectives[0], DAY, out),
        "status": lambda out: status.print_status(plan, counts, out),
        "report": lambda out: sheets.print_sheet(plan, action_sheet(plan, "OIM", DAY), out),
        "changes": lambda out: changes.print_changes(compare(PLAN, plan), "old" + HOSTILE,
                                                     "new.yaml", out),
    }


@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("view", list(views(PLAN)))
def test_control_characters_are_shown_never_sent(view: str, colour: bool) -> None:
    text = drawn(views(hostile_plan())[view], colour)
    assert SHOWN in text
    # Once rich's own colour codes are taken out, not one control character is left.
    assert not unsafe_characters(re.sub(r"\x1b\[[0-9;]*m", "", text))
    assert colour or "\x1b" not in text


def test_the_listing_makes_room_for_what_it_shows() -> None:
    text = drawn(views(hostile_plan())["list"], colour=False)
    line = next(line for line in text.splitlines() if line.startswith("1.2"))
    assert line.startswith("1.2" + SHOWN + "  Realizar un taller")


def test_sheet_text_shows_control_characters() -> None:
    text = sheets.sheet_text(hostile_plan(), action_sheet(hostile_plan(), "OIM", DAY)).decode()
    assert SHOWN in text and "\x1b" not in text


def test_a_problem_shows_the_control_characters_of_its_file_name_and_message() -> None:
    problem = Problem(f"plan{HOSTILE}.yaml", 27, 17, Severity.ERROR, "status",
                      f"'{HOSTILE}' is not a status\nsecond line\u202e")
    assert str(problem) == (f"plan{SHOWN}.yaml:27:17: error: '{SHOWN}' is not a status"
                            "\\x0asecond line\\u202e [status]")


def test_validate_quotes_a_bad_value_with_its_control_characters_shown(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from crm_plan.cli import app

    path = tmp_path / f"plan{HOSTILE}.yaml"
    path.write_text(SMALL_PLAN.replace("status: continuo", 'status: "\\e]0;pwned\\a\\e[2J"'),
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", "-f", str(path)])
    problems = [line for line in result.output.splitlines() if ":27:17: " in line]
    assert f"plan{SHOWN}.yaml:27:17: error: '{SHOWN}' is not a status" in problems[0]
    assert not any(unsafe_characters(line) for line in problems)


def test_a_github_annotation_shows_them_too() -> None:
    from crm_plan.render.problems import annotation

    problem = Problem(f"plan{HOSTILE}.yaml", 27, 17, Severity.ERROR, "status",
                      f"'{HOSTILE}' is not a status\r\n")
    assert annotation(problem) == (f"::error file=plan{SHOWN}.yaml,line=27,col=17,title=status::"
                                   f"'{SHOWN}' is not a status%0D%0A")
