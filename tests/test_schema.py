"""The JSON Schema of the plan file: up to date, complete, and right about real and broken plans.

Plans are turned into JSON the way an editor reads YAML 1.2 (`2010` is a number, `2009-11-26`
a text), then checked with the `jsonschema` library.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import jsonschema  # the test extra: a missing library is an error here, never a skip
import pytest
from conftest import DATA, ROOT, SMALL_PLAN
from plans import QUERY_PLAN
from typer.testing import CliRunner

from crm_plan import fields
from crm_plan.cli import app
from crm_plan.model import Status
from crm_plan.problems import has_errors
from crm_plan.schema import PARTS, plan_schema
from crm_plan.skeleton import skeleton
from crm_plan.source import Mapping, Node, Scalar, Sequence, Source, parse
from crm_plan.validate import validate

COMMITTED = ROOT / "workplan.schema.json"
SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")


def instance(node: Node) -> object:
    """The JSON value of a YAML node under the YAML 1.2 core schema, as editors read it."""
    if isinstance(node, Mapping):
        return {key.value: instance(value) for key, value in node.pairs}
    if isinstance(node, Sequence):
        return [instance(item) for item in node.items]
    assert isinstance(node, Scalar)
    text = node.value
    if node.style is not None:
        return text
    if re.fullmatch(r"null|Null|NULL|~|", text):
        return None
    if re.fullmatch(r"true|True|TRUE|false|False|FALSE", text):
        return text.lower() == "true"
    if re.fullmatch(r"[-+]?[0-9]+", text):
        return int(text)
    if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
        return float(text)
    return text


def nodes(text: str) -> Node:
    root, problems = parse(text, "plan.yaml")
    assert root is not None, problems
    return root


def schema_errors(text: str, schema: dict | None = None) -> list[str]:  # type: ignore[type-arg]
    schema = schema or plan_schema(_plan(text))
    checker = jsonschema.Draft202012Validator(schema)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in checker.iter_errors(instance(nodes(text)))]


def _plan(text: str):  # type: ignore[no-untyped-def]
    plan, _problems = validate(Source("plan.yaml", text, nodes(text), []))
    return plan


def validate_errors(text: str) -> bool:
    root, problems = parse(text, "plan.yaml")
    return has_errors(validate(Source("plan.yaml", text, root, problems))[1])


def test_the_committed_schema_is_crmplan_schema_of_the_shipped_plan():
    result = CliRunner().invoke(app, ["schema", "-f", str(ROOT / "workplan.yaml")])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")


def test_the_shipped_plan_names_the_schema_on_its_first_line():
    assert SHIPPED.splitlines()[0] == "# yaml-language-server: $schema=workplan.schema.json"


def test_the_schema_is_a_valid_draft_2020_12_schema():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_field_the_reader_accepts_is_in_the_schema():
    schema = plan_schema()
    described = {**schema["properties"]}
    for part in schema["$defs"].values():
        described |= part.get("properties", {})
    assert {"legend", "origin", "position", "members"} <= fields.NAMES_OF_FIELDS
    for part in fields.ALL_PARTS:
        assert set(part.names) <= set(described), part.name


@pytest.mark.parametrize("part", sorted(PARTS))
def test_each_part_has_validate_s_fields_required_fields_and_bilingual_descriptions(part: str):
    schema = plan_schema()
    found = schema if part == "plan" else schema["$defs"][part]
    fields, required = PARTS[part]
    assert list(found["properties"]) == list(fields)
    assert found["required"] == list(required)
    assert found["additionalProperties"] is False
    for field, body in found["properties"].items():
        spanish, english = body["description"].split(" / ")
        assert spanish and english and spanish != english, field


def test_statuses_and_sections_are_enums():
    schema = plan_schema(_plan(SMALL_PLAN))
    assert schema["$defs"]["sectionId"] == {"enum": ["A"]}
    status = schema["$defs"]["activity"]["properties"]["status"]
    assert status["anyOf"][0] == {"enum": [s.value for s in Status]}
    archived = schema["$defs"]["archivedActivity"]["properties"]["status"]
    assert archived["anyOf"][0] == {"enum": ["completado"]}
    shipped = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert shipped["$defs"]["sectionId"] == {"enum": ["A", "B", "C"]}


def test_a_section_named_like_a_number_is_also_that_number():
    text = SMALL_PLAN.replace("  A:\n    area: I", "  1:\n    area: I").replace(
        "section: A", "section: 1")
    assert plan_schema(_plan(text))["$defs"]["sectionId"] == {"enum": ["1", 1]}
    assert schema_errors(text) == []


@pytest.mark.parametrize("text", [
    SHIPPED, SMALL_PLAN, QUERY_PLAN, skeleton(dt.date(2026, 1, 15)),
    (DATA / "edit" / "plan.yaml").read_text(encoding="utf-8"),
    (DATA / "edit" / "archive_2.1_with_outcome.yaml").read_text(encoding="utf-8"),
], ids=["shipped", "small", "query", "init", "edit", "archived"])
def test_valid_plans_pass(text: str):
    assert schema_errors(text) == []


# Structurally broken plans: (name, change to SMALL_PLAN, does validate report an error too).
BROKEN = [
    ("no document", lambda t: re.sub(r"document:\n(  .*\n)+", "", t), True),
    ("misspelt field", lambda t: t.replace("text: Actividad uno", "txt: Actividad uno"), True),
    ("unknown top-level key", lambda t: t + "extras: 1\n", True),
    ("status not in the vocabulary", lambda t: t.replace("continuo", "pendinte"), True),
    ("status not in the vocabulary, capitalised", lambda t: t.replace("continuo", "Pendinte"),
     True),
    ("undeclared section", lambda t: t.replace("section: A", "section: Z", 1), True),
    ("responsible as a mapping", lambda t: t.replace("responsible: [OIM]",
                                                     "responsible: {OIM: sí}"), True),
    ("due date in words", lambda t: t.replace("due: 2010-02", "due: febrero"), True),
    ("historical activity not completado", lambda t: t.replace(
        "        text: Hecho\n", "        text: Hecho\n        status: pendiente\n"), True),
    ("action_plan not a boolean", lambda t: t.replace(
        "    title: Objetivo uno\n", "    title: Objetivo uno\n    action_plan: sí\n"), True),
    ("updated not a date", lambda t: t.replace("2009-11-26", "26/11/2009"), True),
    ("objectives as a mapping", lambda t: t.replace("objectives:\n  - id: \"1\"",
                                                    "objectives:\n  uno:\n    id: \"1\""), True),
    ("an activity without text", lambda t: t.replace("        text: Actividad dos\n", ""), True),
    ("unquoted id read as a number", lambda t: t.replace('id: "1.1"', "id: 1.10").replace(
        'id: "1.2"', "id: 1.20"), False),  # validate warns: id-quotes
]


@pytest.mark.parametrize(("change", "validate_fails"), [(c, v) for _n, c, v in BROKEN],
                         ids=[name for name, _c, _v in BROKEN])
def test_structurally_broken_plans_fail(change, validate_fails):  # type: ignore[no-untyped-def]
    text = change(SMALL_PLAN)
    assert text != SMALL_PLAN
    assert schema_errors(text, plan_schema(_plan(SMALL_PLAN))) != []
    assert validate_errors(text) is validate_fails


def test_schema_follows_the_plan_in_use(plan_file, monkeypatch: pytest.MonkeyPatch):
    path = plan_file()
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)
    result = CliRunner().invoke(app, ["schema"])
    assert json.loads(result.stdout)["$defs"]["sectionId"] == {"enum": ["A"]}


def test_schema_of_a_plan_with_errors_is_refused(plan_file):
    path = plan_file(SMALL_PLAN.replace("continuo", "pendinte"))
    result = CliRunner().invoke(app, ["schema", "-f", str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.endswith(f"crmplan: {path} has errors; fix them first (crmplan validate "
                                  "lists them)\n")


def test_the_committed_schema_is_in_the_sdist_list():
    assert '"workplan.schema.json"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")




@pytest.mark.parametrize("word", ["Por Definir", "por  definir", "PENDIENTE", "Contínuo"])
def test_statuses_are_read_as_validate_reads_them(word: str):
    text = SMALL_PLAN.replace("status: continuo", f"status: {word}")
    assert not validate_errors(text)
    assert schema_errors(text) == []
