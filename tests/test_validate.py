"""Every validation rule, with the exact position it reports."""

from __future__ import annotations

import pytest
from conftest import SMALL_PLAN, assert_problems, problems_of

from crm_plan.model import Due, Status
from crm_plan.source import Source, parse
from crm_plan.validate import validate


def change(old: str, new: str, text: str = SMALL_PLAN) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def messages(text: str) -> list[str]:
    root, problems = parse(text, "plan.yaml")
    return [str(p) for p in validate(Source("plan.yaml", text, root, problems))[1]]


def test_small_plan_is_valid_and_read_whole():
    root, problems = parse(SMALL_PLAN, "plan.yaml")
    plan, found = validate(Source("plan.yaml", SMALL_PLAN, root, problems))
    assert found == []
    assert [a.id for a in plan.activities(archived=True)] == ["1.1", "1.2", "I.A.1.1"]
    first, second, done = plan.activities(archived=True)
    assert first.responsible == ("Países miembros",)
    assert first.refs[0].point == "5.b" and first.refs[0].body == "GRCM"
    assert second.status is Status.PROGRAMADO and second.due == Due(2010, 2)
    assert done.archived and done.status is Status.COMPLETADO
    assert done.outcomes[0].refs[0].year == 2007
    assert plan.actors["Países miembros"].members == ("México", "Belice")
    assert plan.groups_of("México") == ("Países miembros",)


def test_status_typo_says_did_you_mean():
    text = change("status: continuo", "status: pendinte")
    assert messages(text) == [
        "plan.yaml:27:17: error: 'pendinte' is not a status; did you mean 'pendiente'? [status]"
    ]


def test_status_accents_and_case_are_optional():
    assert problems_of(change("status: continuo", "status: Por Definír")) == []


@pytest.mark.parametrize("word", ["no", "ongoing", "hecho"])
def test_status_outside_vocabulary(word: str):
    assert_problems(change("status: continuo", f"status: {word}"), (27, 17, "status"))


def test_unknown_status_lists_the_vocabulary():
    (message,) = messages(change("status: continuo", "status: no"))
    assert message.endswith(
        "'no' is not a status (known: continuo, programado, pendiente, por definir, completado) "
        "[status]"
    )


def test_programado_needs_a_due_date():
    assert messages(change("        due: 2010-02\n", "")) == [
        ("plan.yaml:31:17: error: status 'programado' needs a due date: add 'due: 2010-02' (a year,"
         " year-month or date) on the next line [due]")
    ]


@pytest.mark.parametrize(
    ("due", "words"),
    [
        ("2010-13", "has no such month"),
        ("2010-02-30", "has no such day"),
        ("Febrero 2010", "is not a date"),
        ("10", "is not a date"),
    ],
)
def test_due_must_be_a_real_date(due: str, words: str):
    (message,) = messages(change("due: 2010-02", f"due: {due}"))
    assert message.startswith("plan.yaml:32:14: error: the due date") and words in message


@pytest.mark.parametrize("due", ["2010", "2010-2", "2010-02-28"])
def test_due_precision(due: str):
    assert problems_of(change("due: 2010-02", f"due: {due}")) == []


def test_due_on_another_status_is_a_warning():
    text = change("status: programado", "status: continuo")
    assert_problems(text, (32, 14, "due"))


def test_unknown_actor_says_did_you_mean():
    text = change("responsible: [OIM]", "responsible: [OIN, Mexico]")
    assert messages(text) == [
        "plan.yaml:30:23: error: actor 'OIN' is not declared; did you mean 'OIM'? [actor]",
        "plan.yaml:30:28: error: actor 'Mexico' is not declared; did you mean 'México'? [actor]",
    ]


def test_unknown_actor_without_near_miss_lists_the_directory():
    (message,) = messages(change("responsible: [OIM]", "responsible: [UNICEF]"))
    assert "actor 'UNICEF' is not declared (known: ST, OIM, México, Países miembros); " \
           "declare it under 'actors'" in message


def test_coordination_and_support_are_actors_too():
    text = change("responsible: [OIM]", "responsible: [OIM]\n        coordination: [SR]")
    assert_problems(text, (31, 24, "actor"))


def test_group_members_may_be_plain_names_but_not_near_misses():
    text = change("members: [México, Belice]", "members: [Mexico, Belice, Países miembros]")
    assert_problems(text, (11, 15, "group"), (11, 31, "group"))


def test_empty_responsible_is_a_warning():
    assert_problems(change("responsible: [OIM]", "responsible: []"), (30, 22, "responsible"))


def test_activity_id_must_start_with_its_objective():
    assert messages(change('id: "1.2"', 'id: "2.2"')) == [
        ("plan.yaml:28:13: error: activity '2.2' is under objective 1; its id should be '1.' "
         "followed by a number, e.g. '1.1' [id-prefix]")
    ]


def test_duplicate_activity_id_across_active_and_history():
    text = change("id: I.A.1.1", 'id: "1.1"')
    assert_problems(text, (38, 13, "duplicate-id"), (38, 13, "id-prefix"))


def test_unquoted_number_id_is_read_as_written():
    text = change('      - id: "1.2"', "      - id: 1.20").replace('id: "1"', "id: 1")
    root, problems = parse(text, "plan.yaml")
    plan, found = validate(Source("plan.yaml", text, root, problems))
    assert [a.id for a in plan.activities()] == ["1.1", "1.20"]
    assert [str(p) for p in found] == [
        ('plan.yaml:28:13: warning: id 1.20 is not in quotes: YAML tools read it as the number 1.2;'
         ' write id: "1.20" [id-quotes]')
    ]


def test_bad_id_characters():
    assert_problems(change('id: "1.2"', 'id: "1.2 b"'), (28, 13, "id"), (28, 13, "id-prefix"))


def test_unknown_field_says_did_you_mean():
    assert messages(change("        text: Actividad dos", "        txt: Actividad dos")) == [
        "plan.yaml:28:9: error: an activity has no 'text'; add 'text: ...' [required]",
        ("plan.yaml:29:9: error: 'txt' is not a field of an activity; did you mean 'text'? "
         "[unknown-field]"),
    ]


def test_wrong_type_says_what_was_expected():
    text = change("        text: Actividad dos", "        text: [Actividad, dos]")
    assert messages(text) == [
        "plan.yaml:29:15: error: 'text' should be a text, but this is a list [type]"
    ]


def test_missing_top_level_parts():
    assert_problems("document:\n  title: x\n  organization: y\n  updated: 2009-01-01\n",
                    (1, 1, "required"), (1, 1, "required"), (1, 1, "required"))


def test_a_list_at_the_top():
    assert messages("- a\n- b\n") == [
        ("plan.yaml:1:1: error: the plan file should be a mapping of fields, but this is a list "
         "[type]")
    ]


def test_empty_file():
    assert messages("") == [
        ("plan.yaml:1:1: error: the file is empty; a plan starts with 'document:', 'actors:', "
         "'sections:' and 'objectives:' (see the README) [required]")
    ]


def test_only_comments_is_empty():
    assert_problems("# nada\n# todavía\n", (1, 1, "required"))


def test_unknown_section_and_area():
    text = change("    section: A\n    title: Objetivo uno", "    section: D\n    title: Objetivo uno")
    text = change("    area: I", "    area: II", text)
    assert messages(text) == [
        "plan.yaml:16:11: error: area 'II' is not declared; did you mean 'I'? [section]",
        "plan.yaml:20:14: error: section 'D' is not declared (known: A) [section]",
    ]


def test_document_date_must_be_a_date():
    assert_problems(change("updated: 2009-11-26", "updated: 26/11/2009"), (4, 12, "date"))


def test_action_plan_must_be_true_or_false():
    text = change("    title: Objetivo uno", "    title: Objetivo uno\n    action_plan: sí")
    assert messages(text) == [
        "plan.yaml:22:18: error: 'action_plan' is 'sí'; write true or false [boolean]"
    ]


def test_unreadable_reference_is_a_warning():
    text = change("ref: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008", "ref: p. 5.b, GRCM, 2x08")
    assert messages(text) == [
        ("plan.yaml:25:14: warning: the reference 'p. 5.b, GRCM, 2x08' cannot be read: '2x08' is not"
         " a point (p. 5), a body (CRM, GRCM), a kind of document (Deci., Decla., Concl., CC, Inf. "
         "Red Trata), a month or a year [ref]")
    ]


def test_reference_without_year_is_a_warning():
    assert_problems(change("ref: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008",
                           "ref: p. 5.b, GRCM"), (25, 14, "ref"))


def test_references_inside_notes_are_read():
    text = change("status: continuo",
                  'status: continuo\n        status_note: "(Ref.: p. 4, GRCM, noviembre, 2008)"')
    root, problems = parse(text, "plan.yaml")
    plan, found = validate(Source("plan.yaml", text, root, problems))
    assert found == []
    refs = next(plan.activities()).refs
    assert [(r.field, r.point, r.year) for r in refs] == [("ref", "5.b", 2008),
                                                         ("status_note", "4", 2008)]


REMOVES = "  updated: 2009-11-26\n  removes_undefined_objectives: true\n"


def test_objective_with_only_por_definir_and_removal_notes_are_warnings():
    text = change("status: continuo", "status: por definir").replace(
        "  updated: 2009-11-26\n", REMOVES).replace(
        "status: programado\n        due: 2010-02",
        "status: por definir\n        note: NOTA. Si no se identifican actividades, se elimina.")
    assert messages(text) == [
        ("plan.yaml:20:9: warning: every activity of objective 1 is still 'por definir'; the plan "
         "says objectives without defined activities are removed from it [undefined-objective]"),
        ("plan.yaml:33:15: warning: this note says the objective would be removed from the plan if "
         "nothing is identified: identify it, or remove the objective [removal-note]"),
    ]


def test_history_activities_are_completado():
    text = change("        text: Hecho", "        text: Hecho\n        status: pendiente")
    assert_problems(text, (40, 17, "status"))


def test_active_objective_without_activities():
    text = SMALL_PLAN.split("    activities:\n      - id: \"1.1\"")[0] + "    activities: []\n"
    assert_problems(text, (19, 9, "empty-objective"))


def test_problems_are_sorted_and_all_reported():
    text = change("status: continuo", "status: x").replace("responsible: [OIM]", "responsible: [Y]")
    text = text.replace("updated: 2009-11-26", "updated: ayer")
    assert [p[:2] for p in problems_of(text)] == [(4, 12), (27, 17), (30, 23)]


def test_group_members_of_the_wrong_type_are_reported_once():
    text = change("members: [México, Belice]", "members: [México, [Belice]]")
    assert_problems(text, (11, 23, "type"))


def test_duplicate_objective_ids():
    text = SMALL_PLAN.replace("history:\n", '  - id: "1"\n    section: A\n    title: Otro\n'
                              '    activities:\n      - id: "1.3"\n        text: x\n'
                              "        responsible: [ST]\n        status: continuo\nhistory:\n")
    assert_problems(text, (33, 9, "duplicate-id"))


def test_a_wrong_status_does_not_also_claim_the_objective_is_undefined():
    text = change("status: continuo", "status: contnuo").replace(
        "status: programado\n        due: 2010-02", "status: por definir")
    assert_problems(text, (27, 17, "status"))


def test_validating_leaves_no_reference_cycle():
    """crmplan turns the cycle collector off: a cycle would keep every node of the file alive
    until the collection at exit (a tenth of validating a large plan, and its memory)."""
    import gc

    text = change("status: continuo", "status: pendinte")
    root, problems = parse(text, "plan.yaml")
    gc.collect()
    gc.disable()
    try:
        validate(Source("plan.yaml", text, root, problems))
        del root
        assert gc.collect() == 0
    finally:
        gc.enable()
