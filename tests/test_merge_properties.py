"""Properties of the structural merge on random plans (hypothesis, plans from `plangen.py`).

Two sides make random independent edits of one plan (archive, restore, a field's value, a
comment above an activity or one of its fields, a new activity): the merge is clean, validates, and equals applying both sides' edits:
byte for byte when the two orders give the same file; else the same lines as one of the files
that applying them in some interleaving gives, in some order, but for blank lines and the
`position:` that `origin:` records (`merging.loosely`): two archives into one objective do not
commute (the second goes after the first, and records its position as it is then).

When both sides change one field differently, the only markers are around that field, and no
line either side wrote is lost.

The normal run uses a fixed, small set of examples; `CRMPLAN_FUZZ=1` many random ones.
"""

from __future__ import annotations

import itertools

import pytest
from fuzzing import examples, fuzz
from hypothesis import assume, given
from hypothesis import strategies as st
from merging import Edit, Skip, apply_all, claims, independent, kept, loosely, quoted
from plangen import Generated, generated_plans
from test_merge import assert_keeps_every_line

from crm_plan.blocks import tree
from crm_plan.merge import merge_texts
from crm_plan.model import Plan
from crm_plan.source import from_bytes
from crm_plan.validate import validate

STATUSES = ("pendiente", "continuo", "por definir")
Claims = frozenset[tuple[str, str, str]]


@pytest.fixture(scope="module", autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


def valid(text: str) -> Plan | None:
    plan, problems = validate(from_bytes(text.encode("utf-8"), "plan.yaml"))
    return None if any(p.severity == "error" for p in problems) else plan


def edits(data: st.DataObject, plan: Plan, side: str, taken: Claims = frozenset()
          ) -> list[Edit]:
    """1 to 3 edits, independent of what the other side's `taken` claims."""
    objective_of = {a.id: a.objective for a in plan.activities(archived=True)}

    def free(candidates: list[Edit]) -> list[Edit]:
        return [e for e in candidates if independent(claims(e, objective_of), set(taken))]

    active = [a.id for a in plan.activities()]
    restorable = [a.id for a in plan.activities(active=False, archived=True) if a.origin]
    every = active + restorable
    chosen: list[Edit] = []
    for index in range(data.draw(st.integers(1, 3), label=f"{side}: how many")):
        new = f"{80 if side == 'ours' else 70}{index}"  # numbered apart from the other side's
        options = {
            "archive": free([("archive", x) for x in active]),
            "restore": free([("restore", x) for x in restorable]),
            "status": free([("set", x, "status", v) for x in every for v in STATUSES]),
            "text": free([("set", x, "text", quoted(f"Texto de {side} {index}")) for x in every]),
            "comment": free([("comment", x, f"nota {side} {index}") for x in every]),
            "remark": free([("remark", x, f, f"ojo {side} {index}") for x in every
                            for f in ("status", "text")]),
            "add": free([("add", o.id, f"{o.id}.{new}") for o in plan.objectives]),
        }
        kinds = [kind for kind, found in options.items() if found]
        assume(kinds)
        kind = data.draw(st.sampled_from(kinds), label=f"{side}: edit")
        chosen.append(data.draw(st.sampled_from(options[kind]), label=kind))
    return chosen


def claimed(edits: list[Edit], plan: Plan) -> Claims:
    objective_of = {a.id: a.objective for a in plan.activities(archived=True)}
    return frozenset().union(*(claims(e, objective_of) for e in edits))


def interleavings(base: str, ours: list[Edit], theirs: list[Edit]) -> set[tuple[str, ...]]:
    """What applying both sides' edits gives, in every order that keeps each side's own."""
    found = set()
    total = len(ours) + len(theirs)
    for places in itertools.combinations(range(total), len(ours)):
        mine, other = iter(ours), iter(theirs)
        order = [next(mine) if k in places else next(other) for k in range(total)]
        try:
            found.add(loosely(apply_all(base, order)))
        except Skip:
            pass
    return found


def keeps_an_active_activity(base: str, edits: list[Edit]) -> bool:
    """Whether the active plan keeps an activity after each edit: once it is all archived,
    restore cannot know its indentation (README), and the two sides may restore with two."""
    for count in range(1, len(edits) + 1):
        plan = valid(apply_all(base, edits[:count]))
        if plan is None or not any(plan.activities()):
            return False
    return True


def two_sides(generated: Generated, data: st.DataObject) -> tuple[str, Plan]:
    """A generated plan with some activities archived first, so that there is something to
    restore."""
    plan = valid(generated.text)
    assert plan is not None
    first = data.draw(st.lists(st.sampled_from([a.id for a in plan.activities()]), unique=True,
                               max_size=2), label="archived before")
    try:
        base = apply_all(generated.text, [("archive", x) for x in first])
    except Skip:
        assume(False)
    plan = valid(base)
    assume(plan is not None)
    return base, plan  # type: ignore[return-value]


@fuzz
@examples(normal=30, fuzzing=400)
@given(generated=generated_plans(), data=st.data())
def test_independent_edits_merge_like_applying_both(generated: Generated, data: st.DataObject):
    base, plan = two_sides(generated, data)
    ours_edits = edits(data, plan, "ours")
    theirs_edits = edits(data, plan, "theirs", claimed(ours_edits, plan))
    try:
        ours, theirs = apply_all(base, ours_edits), apply_all(base, theirs_edits)
        ours_then_theirs = apply_all(ours, theirs_edits)
        theirs_then_ours = apply_all(theirs, ours_edits)
        if generated.part_indents_differ:  # as test_properties.choose: see there
            assume(all(keeps_an_active_activity(base, e) for e in (ours_edits, theirs_edits)))
    except Skip:
        assume(False)
    assume(all(valid(t) for t in (ours, theirs, ours_then_theirs, theirs_then_ours)))
    result = merge_texts(base, ours, theirs)
    assert result is not None and result.conflicts == []
    assert valid(result.text) is not None
    if ours_then_theirs == theirs_then_ours:
        assert result.text == ours_then_theirs
    else:
        assert loosely(result.text) in interleavings(base, ours_edits, theirs_edits)


@fuzz
@examples(normal=15, fuzzing=200)
@given(generated=generated_plans(), data=st.data())
def test_one_field_changed_differently_is_the_only_conflict(
        generated: Generated, data: st.DataObject):
    base, plan = two_sides(generated, data)
    assume(any(plan.activities()))
    target = data.draw(st.sampled_from([a.id for a in plan.activities()]), label="both change")
    mine, yours = data.draw(st.permutations(STATUSES), label="statuses")[:2]
    both = claimed([("archive", target)], plan)
    ours_edits = [*edits(data, plan, "ours", both), ("set", target, "status", mine)]
    theirs_edits = [("set", target, "status", yours),
                    *edits(data, plan, "theirs", both | claimed(ours_edits[:-1], plan))]
    try:
        ours, theirs = apply_all(base, ours_edits), apply_all(base, theirs_edits)
        assume(base not in (apply_all(base, ours_edits[-1:]), apply_all(base, theirs_edits[:1])))
    except Skip:
        assume(False)
    result = merge_texts(base, ours, theirs)
    assert result is not None and len(result.conflicts) == 1
    first, last = result.conflicts[0]
    region = [line.strip().removeprefix("- ") for line in
              result.text.splitlines()[first - 1:last]]  # `- `: status first in its activity
    assert [line.split(" #")[0].rstrip() for line in region] == [  # a comment may end it
        "<<<<<<< ours", f"status: {mine}", "=======", f"status: {yours}", ">>>>>>> theirs"]
    assert_keeps_every_line(base, ours, theirs, result.text)


@fuzz
@examples(normal=15, fuzzing=200)
@given(generated=generated_plans(), data=st.data())
def test_archived_on_one_side_and_edited_on_the_other_resolves_to_either_side(
        generated: Generated, data: st.DataObject):
    """Both ends of the move are marked: keeping one side in every conflict gives a plan with
    one copy of the activity, that side's edits and the other side's independent ones."""
    base, plan = two_sides(generated, data)
    assume(any(plan.activities()))
    target = data.draw(st.sampled_from([a.id for a in plan.activities()]), label="both change")
    edit = ("set", target, "text", quoted("Texto cambiado"))
    archiver = data.draw(st.sampled_from(["ours", "theirs"]), label="archived by")
    sides = {archiver: [("archive", target)],
             "theirs" if archiver == "ours" else "ours": [edit]}
    try:
        ours, theirs = apply_all(base, sides["ours"]), apply_all(base, sides["theirs"])
    except Skip:
        assume(False)
    assume(valid(ours) is not None and valid(theirs) is not None)
    result = merge_texts(base, ours, theirs)
    assert result is not None and result.conflicts
    assert_keeps_every_line(base, ours, theirs, result.text)
    for side, expected in (("ours", ours), ("theirs", theirs)):
        chosen = kept(result.text, side)
        assert valid(chosen) is not None
        # the same lines but for blank ones (around a deleted item they may stay on both sides)
        assert loosely(chosen) == loosely(expected)


@fuzz
@examples(normal=30, fuzzing=300)
@given(generated=generated_plans())
def test_every_block_is_its_parts_joined(generated: Generated):
    """Cutting a block into head, children, gaps and tail loses and adds nothing, all the way
    down (blocks are cut lazily, so the cut is checked here rather than on every merge)."""
    body = generated.text.removeprefix("\ufeff")
    body += "" if body.endswith(("\n", "\r")) else generated.layout.newline
    root = tree(body)
    assert root is not None and root.text() == body
    pending = [root]
    while pending:
        block = pending.pop()
        head, children, gaps, tail = block.parts
        between = [line for k, child in enumerate(children)
                   for line in (gaps[k - 1] if k else []) + child.lines()]
        assert "".join(head + between + tail) == block.text()
        pending += children
