"""An editor saving while `archive` runs, for real: a separate process saves the plan again and
again (by renaming a new file over it, or by writing into it), while crmplan archives. Whatever
the timing, no save is lost: crmplan either refuses, or it read the latest save and its change
is made on top of it, or the editor's next save lands on top of crmplan's.

The test does not depend on the race being hit (on a busy machine the timings shift); it prints
how often crmplan refused because of a save (`pytest -s` shows it).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import selectors
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import DATA

from crm_plan import edit, store
from crm_plan.errors import CrmPlanError
from crm_plan.planfile import PlanLocation

BASE = (DATA / "edit" / "plan.yaml").read_bytes()
TRIALS = 50  # for each way of saving; about two seconds each
SAVES = 6  # by the editor in each trial, a few milliseconds apart
HANG_GUARD = 60  # seconds: a writer that does not answer has hung

# The editor: for each line "DELAY" it reads, it waits DELAY seconds, then saves SAVES times,
# each save the base plan and "# save K"; before each save it notes which save the file holds
# (crmplan may have archived it meanwhile), and prints those notes as one JSON line.
EDITOR = """\
import json, os, random, re, sys, time

how, path, saves = sys.argv[1], sys.argv[2], int(sys.argv[3])
base = open(sys.argv[4], "rb").read()
random.seed(int(sys.argv[5]))


def save(data):
    if how == "renaming":
        temporary = path + ".editor~"
        with open(temporary, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    else:
        with open(path, "wb") as out:
            out.write(data)


for line in sys.stdin:
    time.sleep(float(line))
    seen = []
    for k in range(1, saves + 1):
        with open(path, "rb") as current:
            found = re.findall(rb"# save (\\d+)\\n", current.read())
        seen.append([int(n) for n in found])
        save(base + b"# save %d\\n" % k)
        time.sleep(random.uniform(0, 0.003))
    print(json.dumps(seen), flush=True)
"""


def saved(k: int) -> bytes:
    return BASE + b"# save %d\n" % k


def archive(path: Path) -> str:
    """What `crmplan archive 1.2` does, without the command line around it."""
    location = PlanLocation(path, str(path))
    try:
        store.update(location, lambda plan, source: edit.archive_many(
            plan, source, ["1.2"], completed=False, on=dt.date(2026, 11, 28)))
    except CrmPlanError as exc:
        return "changed on disk" if "changed on disk" in str(exc) else type(exc).__name__
    return "archived"


class Editor:
    def __init__(self, how: str, path: Path, seed: int) -> None:
        script = path.parent.parent / f"editor-{how.replace(' ', '-')}.py"
        script.write_text(EDITOR, encoding="utf-8")
        base = path.parent.parent / "base.yaml"
        base.write_bytes(BASE)
        self.process = subprocess.Popen(
            [sys.executable, str(script), how.replace(" ", "-"), str(path), str(SAVES),
             str(base), str(seed)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.selector = selectors.DefaultSelector()
        assert self.process.stdout is not None
        self.selector.register(self.process.stdout, selectors.EVENT_READ)

    def start(self, delay: float) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{delay}\n")
        self.process.stdin.flush()

    def seen(self) -> list[list[int]]:
        assert self.selector.select(HANG_GUARD), "the editor did not answer"
        assert self.process.stdout is not None
        return json.loads(self.process.stdout.readline())  # type: ignore[no-any-return]

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(HANG_GUARD)


@pytest.mark.parametrize("how", ["renaming", "in place"])
def test_no_save_is_ever_lost(tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "plan"
    folder.mkdir()
    path = folder / "workplan.yaml"
    late = Counter[str]()
    real = store._unchanged

    def counting(checked: Path, read) -> bool:  # type: ignore[no-untyped-def]
        answer = real(checked, read)
        if not answer:  # a save came after crmplan read the plan, seen at the last moment
            late["before the swap" if checked == path else "after the swap"] += 1
        return answer

    monkeypatch.setattr(store, "_unchanged", counting)
    chance = random.Random(13)
    editor = Editor(how, path, seed=13)
    outcomes = Counter[str]()
    try:
        for _trial in range(TRIALS):
            path.write_bytes(saved(0))
            editor.start(delay=chance.uniform(0, 0.02))
            outcome = archive(path)
            seen = editor.seen()
            outcomes[outcome] += 1
            # Before each save the file held the previous one (archived or not): never an
            # older save that crmplan read and wrote back over a newer one.
            assert seen == [[k] for k in range(SAVES)], (outcome, seen)
            final = path.read_bytes()
            assert re.findall(rb"# save (\d+)\n", final) == [b"%d" % SAVES], (outcome, final)
            if final != saved(SAVES):  # crmplan's change on top of the last save
                assert outcome == "archived" and b"archived: 2026-11-28" in final
    finally:
        editor.close()
    print(f"\n{how}: {dict(outcomes)}; refused at the last moment: {dict(late)}")
    assert sum(outcomes.values()) == TRIALS
    assert set(outcomes) <= {"archived", "changed on disk", "PlanInvalid"}, outcomes
