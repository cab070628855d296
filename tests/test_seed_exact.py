"""The shipped plan says exactly what the 2009 document says (issue 16), read from the seed.

tests/test_seed_fidelity.py checks that nothing was lost, accents, case and punctuation aside.
These tests check what it does not: which items the document writes in capitals (and that
`export` writes exactly those in capitals again), its spelling, that the historical part
records no status the document does not give, and its punctuation. Each reads
tests/data/seed.txt, so that a difference cannot come back unnoticed.

What the model deliberately normalises, and these tests therefore ignore, is said in the
header comment of workplan.yaml: runs of spaces, the "(Ref: ...)" / "(ref.: ...)" / "(Ref.
...)" prefixes (all written "(Ref.: ...)"), and the numbering slips the YAML comments name.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import ROOT
from test_seed_fidelity import (
    REF,
    SPLIT_FRAGMENTS,
    normalise_fragment,
    parse_active,
    seed_fragments,
    seed_lines,
    split_seed,
    string_values,
    workplan,
)

from crm_plan import export
from crm_plan.model import Plan
from crm_plan.planfile import load_valid, locate
from crm_plan.query import Filters, Scope, objective_in_action_plan, select

UPPER_OBJECTIVES = ["11", "12", "13"]
UPPER_ACTIVITIES = ["4.5", "4.6", "11.1", "12.1", "13.1"]
UPPER_CALENDARS = ["11.1", "12.1", "13.1"]  # CONTINUO; 4.5 and 4.6 say "Continuo."


def words(text: str) -> str:
    """One space between words; the reference prefixes as the model writes them."""
    text = re.sub(r"\((?:Ref|ref)\.?:?\s*", "(Ref.: ", text)
    return " ".join(text.split())


def upper(text: str) -> bool:
    """Written in capitals: every letter outside the references is upper case."""
    letters = [c for c in REF.sub("", text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@pytest.fixture(scope="module")
def real_plan() -> Plan:
    return load_valid(locate(str(ROOT / "workplan.yaml"))).plan


@pytest.fixture(scope="module")
def doc(real_plan: Plan) -> export.Layout:
    everything = select(real_plan, Filters(scope=Scope.ALL), dt.date(2010, 3, 1))
    return export.layout(real_plan, everything)


def exported_lines(layout: export.Layout) -> list[str]:
    """Every numbered line of the exported document, with the headings, as plain text."""
    lines = [layout.organization, layout.title]
    for part in layout.parts:
        lines += [*part.columns, *(a.heading for a in part.areas if a.heading)]
        for section in part.sections:
            for block in section.objectives:
                lines.append(block.entry.plain())
                lines += [entry.plain() for row in block.rows for cell in row.cells
                          for entry in cell]
    return [words(line) for line in lines]


def seed_cell(number: str) -> str:
    """The text of the active plan's line numbered `number` (no number, no tab)."""
    active, _ = split_seed()
    for raw in active:
        if re.match(rf"^{re.escape(number)}\.?\s", raw.strip()):
            return raw.strip()[len(number):].lstrip(". ").strip()
    raise AssertionError(f"seed: no line {number}")


# -- 1. action_plan is the item's own mark --------------------------------------------------------

def test_the_upper_case_items_of_the_seed_are_those_marked_action_plan():
    parsed = parse_active()
    seed_objectives = [i for i, title in parsed["objectives"] if upper(title)]
    seed_activities = [i for i in parsed["activities"] if upper(parsed["activity_text"][i])]
    assert (seed_objectives, seed_activities) == (UPPER_OBJECTIVES, UPPER_ACTIVITIES)
    objectives = workplan()["objectives"]
    assert [o["id"] for o in objectives if o.get("action_plan")] == UPPER_OBJECTIVES
    assert [a["id"] for o in objectives for a in o["activities"]
            if a.get("action_plan")] == UPPER_ACTIVITIES


def test_action_plan_filter_and_record_are_the_activity_own_mark(real_plan: Plan):
    as_of = dt.date(2010, 3, 1)
    marked = select(real_plan, Filters(action_plan=True), as_of).activities
    assert [a.id for a in marked] == UPPER_ACTIVITIES
    through = select(real_plan, Filters(objective_action_plan=True), as_of).activities
    assert [a.id for a in through] == ["11.1", "12.1", "12.2", "12.3", "12.4", "12.5", "12.6",
                                      "13.1"]
    (a122,) = [a for a in real_plan.activities() if a.id == "12.2"]
    assert not a122.action_plan and objective_in_action_plan(real_plan, a122)


# -- 2. the source's spelling ---------------------------------------------------------------------

def accents_kept(text: str) -> str:
    """normalise_fragment, but with the accents: `normalise` drops them."""
    text = text.casefold().replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"^[\W_]+|[\W_]+$", "", " ".join(text.split()))


def test_every_fragment_of_the_seed_is_spelled_as_the_seed_spells_it():
    corpus = "\n".join(accents_kept(s) for s in string_values(workplan()))
    respelled = []
    for text, _number in seed_fragments():
        if len(text.split()) < 4 or normalise_fragment(text) in SPLIT_FRAGMENTS:
            continue
        if accents_kept(text) not in corpus:
            respelled.append(text)
    assert respelled == []


def test_the_two_respelled_words_are_as_the_seed_writes_them():
    assert "SECRETARIA VIRTUAL" in seed_cell("12.1")
    assert "TRAFICO ILÍCITO" in seed_cell("13")
    activities = {a["id"]: a for o in workplan()["objectives"] for a in o["activities"]}
    assert "Secretaria Virtual" in activities["12.1"]["text"]
    assert "trafico ilícito" in workplan()["objectives"][12]["title"]


# -- 3. no status the history does not give -------------------------------------------------------

def test_historical_activities_have_no_invented_status(real_plan: Plan):
    history = [a for o in workplan()["history"] for a in o["activities"]]
    assert len(history) == 11
    assert [a["id"] for a in history if "status" in a] == []
    archived = list(real_plan.activities(active=False, archived=True))
    assert all(a.status_derived for a in archived)  # read as completado, and said so
    assert not any(a.status_derived for a in real_plan.activities())


def test_continuo_outcomes_keep_their_wording():
    _, history = split_seed()
    seed = [line.strip() for line in history if re.match(r"^\d+\.\d+\.\d+ Continuo", line.strip())]
    assert len(seed) == 5  # 3.1.1, 4.1.1-4.1.3, 5.1.1
    outcomes = [o["text"] for obj in workplan()["history"] for a in obj["activities"]
                for o in a.get("outcomes", [])]
    continuo = [text for text in outcomes if text.startswith("Continuo")]
    assert [accents_kept(t) for t in continuo] == [
        accents_kept(REF.sub("", line.split(" ", 1)[1])) for line in seed]


# -- 4. punctuation -------------------------------------------------------------------------------

PUNCTUATED = [  # (seed line, as it starts), a line the export must write with its punctuation
    "9.3.1.1 Por definir. (Tegucigalpa, noviembre de 2008)",
    "2.2 Realizar Taller de modernización",
    "1.4 Crear una matriz describiendo",
    "2.1.2 Guatemala, OIM, UNICEF",
    "2.1.3 Países enviaron observaciones",
]


def seed_line(start: str) -> str:
    (line,) = [raw.strip() for raw in seed_lines() if raw.strip().startswith(start)]
    return line


@pytest.mark.parametrize("start", PUNCTUATED)
def test_punctuation_as_the_seed_has_it(doc: export.Layout, start: str):
    expected = words(seed_line(start))
    # The export puts one space between a text and its reference, where the seed has none.
    shown = {line.replace(" (Ref.:", "(Ref.:") for line in exported_lines(doc)}
    assert expected.replace(" (Ref.:", "(Ref.:") in shown


def test_the_list_of_events_keeps_its_lines_and_periods():
    _, history = split_seed()
    at = next(i for i, line in enumerate(history) if line.startswith("1.2.1 Eventos"))
    seed = [words(line.strip()) for line in history[at:at + 8] if line.strip()]
    (activity,) = [a for o in workplan()["history"] for a in o["activities"]
                   if a["id"] == "I.B.1.2"]
    (outcome,) = activity["outcomes"]
    assert [words(line) for line in outcome["text"].splitlines()] == [
        seed[0].removeprefix("1.2.1 "), *seed[1:]]


def test_the_header_comment_says_what_is_normalised():
    header = "".join(line for line in open(workplan_path(), encoding="utf-8")
                     if line.startswith("#"))
    assert '"(Ref: ...)", "(ref.: ...)", "(Ref. ...)"' in header


def workplan_path() -> str:
    from test_seed_fidelity import WORKPLAN_PATH

    return str(WORKPLAN_PATH)


# -- 5. case --------------------------------------------------------------------------------------

def test_export_writes_every_capitalised_cell_of_the_seed_in_capitals(doc: export.Layout):
    shown = exported_lines(doc)
    capitals = []
    for raw in seed_lines():
        for cell in raw.strip().split("\t"):
            text = re.sub(r"^(?:\d+\.)*\d+\.?\s+|^[IVX]+\.\s+", "", cell.strip())
            if upper(text) and len(text) > 2:
                capitals.append(words(text))
    # title, columns, the area twice, 3 objectives, 5 activities, 3 CONTINUO, "OIM" twice
    assert len(capitals) == 21
    missing = [text for text in capitals
               if not any(line == text or line.endswith(" " + text) for line in shown)]
    assert missing == []


def test_export_writes_in_capitals_only_what_the_seed_does(doc: export.Layout):
    calendars = parse_active()["calendars"]
    for row in doc.rows:
        if row.activity.archived:
            continue
        aid = row.activity.id
        text, _responsible, calendar = (cell[0] if cell else None for cell in row.cells)
        assert upper(text.text) == (aid in UPPER_ACTIVITIES), aid
        if aid in calendars:
            assert upper(calendar.text) == upper(calendars[aid]) == (aid in UPPER_CALENDARS), aid
