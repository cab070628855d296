"""`crmplan archive` and `crmplan restore` on real files: bytes, exit codes, safety."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DATA, ROOT, dated, posix_only
from typer.testing import CliRunner

from crm_plan.cli import app

runner = CliRunner()
EDIT = DATA / "edit"


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """The day the commands run in these tests: the date an edit gives the plan."""
    from crm_plan import query

    day = dt.date(2026, 11, 28)
    monkeypatch.setattr(query, "today", lambda: day)
    return day


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "workplan.yaml"
    shutil.copyfile(EDIT / "plan.yaml", path)
    return path


def run(*args: str):
    return runner.invoke(app, list(args))


def test_archive_writes_exactly_the_expected_bytes(plan: Path):
    result = run("archive", "1.2", "--date", "2026-11-28", "-f", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "Archived 1.2 in the history (2026-11-28).\n", "")
    assert plan.read_bytes() == dated((EDIT / "archive_1.2.yaml").read_bytes())


def test_restore_gives_back_the_same_bytes(plan: Path):
    run("archive", "1.1", "1.3", "--date", "2026-11-28", "--keep-updated", "-f", str(plan))
    assert plan.read_bytes() == (EDIT / "archive_1.1_1.3.yaml").read_bytes()
    result = run("restore", "1.3", "1.1", "--keep-updated", "-f", str(plan))
    assert (result.exit_code, result.stdout) == (
        0, "Restored 1.3 to the active plan.\nRestored 1.1 to the active plan.\n")
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()


def test_archive_and_restore_date_the_plan(plan: Path, today: dt.date):
    """Both set document.updated to today; apart from that line, restore gives back the bytes."""
    original = plan.read_text(encoding="utf-8")
    dated = original.replace("updated: 2009-11-26", f"updated: {today}")
    assert run("archive", "1.1", "1.3", "--date", "2010-03-01", "-f", str(plan)).exit_code == 0
    assert "  updated: 2026-11-28\n" in plan.read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    assert run("archive", "1.1", "--keep-updated", "-f", str(plan)).exit_code == 0
    assert "  updated: 2009-11-26\n" in plan.read_text(encoding="utf-8")
    assert run("restore", "1.1", "-f", str(plan)).exit_code == 0
    assert plan.read_text(encoding="utf-8") == dated


def test_archive_with_outcome(plan: Path):
    result = run("archive", "2.1", "--outcome", 'Se logró: "todo" bien', "--date", "2026-11-28",
                 "-f", str(plan))
    assert result.exit_code == 0
    assert plan.read_bytes() == dated((EDIT / "archive_2.1_with_outcome.yaml").read_bytes())


def test_dry_run_prints_the_diff_and_writes_nothing(plan: Path):
    result = run("archive", "1.2", "--dry-run", "--date", "2026-11-28", "-f", str(plan))
    assert result.exit_code == 0
    assert result.stdout == f"""\
--- a/{plan}
+++ b/{plan}
@@ -2,7 +2,7 @@
 document:
   title: Plan pequeño   # comentario al final de una línea
   organization: CRM
-  updated: 2009-11-26
+  updated: 2026-11-28
{" "}
 actors:
   ST: Secretaría Técnica
@@ -28,10 +28,6 @@
         responsible: [ST]
         status: continuo
         # comentario dentro de 1.1, al final
-      - id: "1.2"
-        text: 'Texto entre comillas simples'
-        responsible: [ Países miembros ]
-        status: Por Definir   # estado escrito a mano
       - id: "1.3"
         text: >-
           Texto plegado
@@ -63,4 +59,16 @@
         text: Hecho
         outcomes:
           - text: Resultado
+
+  # Comentario antes del primer objetivo.
+  - id: "1"
+    section: A
+    title: Objetivo uno
+    activities:
+      - id: "1.2"
+        text: 'Texto entre comillas simples'
+        responsible: [ Países miembros ]
+        status: completado   # estado escrito a mano
+        archived: 2026-11-28
+        origin: {{section: A, objective: "1", position: 2, status: "Por Definir"}}
 # comentario final
Dry run: {plan} was not changed.
"""
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()


def test_archive_completed(plan: Path):
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: continuo", "status: completado"),
                    encoding="utf-8")
    result = run("archive", "--completed", "--date", "2026-11-28", "-f", str(plan))
    assert (result.exit_code, result.stdout) == (0, "Archived 1.1 in the history (2026-11-28).\n")
    result = run("archive", "--completed", "-f", str(plan))
    assert (result.exit_code, result.stdout) == (
        0, "No activity has the status 'completado': nothing to archive.\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["archive", "1.9"], 2, "crmplan: in {plan}: no activity has the id '1.9'; did you mean "
                                "'1.3', '1.2' or '1.1'?\n"),
        (["restore", "1.9"], 2, "crmplan: in {plan}: no activity has the id '1.9'; did you mean "
                                "'1.3', '1.2' or '1.1'?\n"),
        (["archive"], 2, "crmplan: name the activities to archive (e.g. crmplan archive 9.3), or "
                         "use --completed\n"),
        (["archive", "I.A.1.1"], 1, "crmplan: I.A.1.1 is already in the history; nothing was "
                                    "changed\n"),
        (["restore", "1.1"], 1, "crmplan: 1.1 is in the active plan, not in the history; nothing "
                                "was changed\n"),
        (["restore", "I.A.1.1"], 1, "crmplan: I.A.1.1 has no 'origin': it was never in the active"
                                    " plan, so it cannot be restored; nothing was changed\n"),
        (["archive", "1.1", "--date", "ayer"], 2, "crmplan: 'ayer' is not a date for --date; write"
                                                  " it as 2010-03-01\n"),
    ],
)
def test_refusals_write_nothing(plan: Path, args: list[str], code: int, message: str):
    result = run(*args, "-f", str(plan))
    if code == 1:  # a refusal names the file it is about
        message = message.replace("crmplan: ", f"crmplan: {plan}: ", 1)
    message = message.replace("{plan}", str(plan))  # an unknown id names the file looked in
    assert (result.exit_code, result.stderr) == (code, message)
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()


def test_a_plan_with_errors_is_not_changed(plan: Path):
    broken = plan.read_text(encoding="utf-8").replace("status: pendiente", "status: pendinte")
    plan.write_text(broken, encoding="utf-8")
    result = run("archive", "1.1", "-f", str(plan))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{plan}:52:17: error: 'pendinte' is not a status; did you mean 'pendiente'? [status]\n"
        f"crmplan: {plan} has errors; fix them first (crmplan validate lists them)\n")
    assert plan.read_text(encoding="utf-8") == broken


def test_the_bundled_plan_is_read_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)
    result = run("archive", "9.3")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "crmplan: the plan bundled with crmplan is read-only; copy it to ./workplan.yaml or name "
        "your plan file with --file\n")


@posix_only
def test_permissions_and_symlinks_are_kept(plan: Path):
    plan.chmod(0o640)
    link = plan.parent / "link.yaml"
    link.symlink_to(plan.name)
    assert run("archive", "1.2", "--date", "2026-11-28", "-f", str(link)).exit_code == 0
    assert link.is_symlink() and os.readlink(link) == plan.name
    assert plan.read_bytes() == dated((EDIT / "archive_1.2.yaml").read_bytes())
    assert oct(plan.stat().st_mode & 0o777) == oct(0o640)


def test_a_failed_write_keeps_the_original(plan: Path, monkeypatch: pytest.MonkeyPatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run("archive", "1.2", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan.resolve()} could not be written (No space left on device); it was left as"
        " it was\n"))
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()
    assert sorted(p.name for p in plan.parent.iterdir()) == [".workplan.yaml.lock",
                                                            "workplan.yaml"]


def test_a_failure_while_writing_the_temporary_file(plan: Path, monkeypatch: pytest.MonkeyPatch):
    def broken_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    assert run("archive", "1.2", "-f", str(plan)).exit_code == 1
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()
    assert [p.name for p in plan.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_file_changed_by_an_editor_meanwhile_is_not_overwritten(plan: Path, monkeypatch):
    from crm_plan import edit

    real = edit.archive_many

    def editor_saves_meanwhile(plan_model, source, *args, **kwargs):
        plan.write_text(source.text + "# guardado por el editor\n", encoding="utf-8")
        return real(plan_model, source, *args, **kwargs)

    monkeypatch.setattr(edit, "archive_many", editor_saves_meanwhile)
    result = run("archive", "1.2", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan} changed on disk while crmplan was working (saved by an editor?); "
        "nothing was written: run the command again\n"))
    assert plan.read_text(encoding="utf-8").endswith("# guardado por el editor\n")


def test_waits_for_the_lock_then_gives_up_with_a_sentence(plan: Path, monkeypatch):
    from test_store import Holder

    monkeypatch.setenv("CRMPLAN_LOCK_TIMEOUT", "0.2")
    other = Holder(plan)  # another crmplan, as it holds it
    try:
        result = run("archive", "1.2", "-f", str(plan))
    finally:
        other.release()
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: another crmplan is changing {plan} and has not finished after 0.2 seconds; "
        "try again\n"))
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()


def test_eight_processes_at_once_all_land(tmp_path: Path):
    path = tmp_path / "workplan.yaml"
    shutil.copyfile(ROOT / "workplan.yaml", path)
    ids = ["1.1", "2.2", "4.3", "6.10", "9.3", "10.1", "12.5", "13.1"]
    processes = [subprocess.Popen([sys.executable, "-m", "crm_plan", "archive", i, "-f", str(path)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for i in ids]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * 8, outputs
    listed = run("list", "--archived", "--format", "json", "-f", str(path))
    archived = {record["id"] for record in json.loads(listed.stdout)}
    assert set(ids) <= archived and len(archived) == 11 + 8
    assert run("validate", "-f", str(path)).exit_code == 0


def test_an_archived_activity_keeps_its_id(plan: Path):
    run("archive", "1.2", "--date", "2026-11-28", "-f", str(plan))
    result = run("show", "1.2", "--format", "json", "-f", str(plan))
    record = json.loads(result.stdout)
    assert (record["id"], record["archived"], record["archived_on"], record["origin"],
            record["status"]) == ("1.2", True, "2026-11-28", "1", "completado")
    text = runner.invoke(app, ["show", "1.2", "-f", str(plan)], env={"COLUMNS": "120"}).stdout
    assert "2026-11-28, from objective 1 (crmplan restore 1.2 puts it back)" in text


def test_a_write_that_does_not_read_back_is_refused(plan: Path, monkeypatch: pytest.MonkeyPatch):
    from crm_plan import outfile

    real = outfile.replace

    def corrupting(target: Path, data: bytes, mode: int) -> None:
        real(target, data[:-10], mode)

    monkeypatch.setattr(outfile, "replace", corrupting)
    result = run("archive", "1.2", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan} could not be written correctly; the original was kept\n"))
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()
    assert sorted(p.name for p in plan.parent.iterdir()) == [".workplan.yaml.lock",
                                                            "workplan.yaml"]


# -- what cannot be edited safely is refused in one sentence ----------------------------------------

@pytest.mark.parametrize("value", ["abc", "-1", "inf", "nan", "30s"])
def test_a_bad_lock_timeout_names_the_variable(plan: Path, monkeypatch, value: str):
    monkeypatch.setenv("CRMPLAN_LOCK_TIMEOUT", value)
    result = run("archive", "1.2", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (2, (
        f"crmplan: CRMPLAN_LOCK_TIMEOUT is '{value}'; it accepts a number of seconds to wait for "
        "another crmplan to finish, e.g. 30 (0: do not wait)\n"))
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()


@pytest.mark.parametrize("value", ["0", " 2.5 ", ""])
def test_a_good_lock_timeout(plan: Path, monkeypatch, value: str):
    monkeypatch.setenv("CRMPLAN_LOCK_TIMEOUT", value)
    assert run("archive", "1.2", "-f", str(plan)).exit_code == 0


@posix_only
def test_a_plan_from_a_pipe_cannot_be_edited():
    """`cat workplan.yaml | crmplan -f /dev/stdin archive 9.3`"""
    for command in ("archive", "restore"):
        done = subprocess.run([sys.executable, "-m", "crm_plan", "-f", "/dev/stdin", command,
                               "9.3"], input=(ROOT / "workplan.yaml").read_bytes(),
                              capture_output=True, timeout=60, check=False)
        assert (done.returncode, done.stdout, done.stderr.decode()) == (2, b"", (
            "crmplan: /dev/stdin is not a regular file: a plan read from a pipe cannot be "
            "edited; give its path\n"))


@posix_only
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path):
    fifo = tmp_path / "workplan.yaml"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "crm_plan", "archive", "9.3", "-f", str(fifo)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert (done.returncode, done.stderr) == (2, (
        f"crmplan: {fifo} is not a regular file: a plan read from a pipe cannot be edited; give "
        "its path\n"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workplan.yaml"]


@pytest.mark.parametrize("command", [["archive", "1.2"], ["restore", "I.A.1.1"]])
def test_a_read_only_plan_is_refused(plan: Path, command: list[str]):
    plan.chmod(0o444)  # root may still write it: crmplan reads the mode, not only os.access
    result = run(*command, "-f", str(plan))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan}: the plan is read-only, so nothing was changed; make the file "
        "writable first if it should change\n"))
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()
    assert oct(plan.stat().st_mode & 0o777) == oct(0o444)


def test_a_read_only_plan_still_shows_a_dry_run(plan: Path):
    plan.chmod(0o444)
    result = run("archive", "1.2", "--dry-run", "-f", str(plan))
    assert result.exit_code == 0 and result.stdout.endswith(f"Dry run: {plan} was not changed.\n")


def test_a_plan_with_several_names_is_refused(plan: Path):
    """Neither separated from its other names (replacing it) nor written in place (a crash
    would leave half a file under every name, and a backup's link would change)."""
    other = plan.parent / "copia.yaml"
    os.link(plan, other)
    result = run("archive", "1.2", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan}: the plan has 2 names (hard links); saving it would separate this name "
        "from the others, so nothing was changed; edit a copy with one name, or remove the other "
        "links first\n"))
    assert os.path.samefile(plan, other) and plan.stat().st_nlink == 2
    assert plan.read_bytes() == (EDIT / "plan.yaml").read_bytes()
    assert run("archive", "1.2", "--dry-run", "-f", str(other)).exit_code == 0


@pytest.mark.parametrize("activity_id", ["3.1", "8.1", "9.3"])
def test_mixed_line_endings_survive_archive_and_restore(tmp_path: Path, activity_id: str):
    path = tmp_path / "workplan.yaml"
    lines = (ROOT / "workplan.yaml").read_bytes().splitlines(keepends=True)
    original = b"".join(line.replace(b"\n", b"\r\n") if k % 2 else line
                        for k, line in enumerate(lines))
    path.write_bytes(original)
    assert run("archive", activity_id, "--keep-updated", "-f", str(path)).exit_code == 0
    assert run("restore", activity_id, "--keep-updated", "-f", str(path)).exit_code == 0
    assert path.read_bytes() == original


BRACED = ('      - {id: "1.2", text: Texto entre comillas simples, responsible: [Países miembros], '
          'status: completado}\n')


@pytest.mark.parametrize(("command", "activity", "text"), [
    ("archive", "1.2", lambda text: text.replace(
        "      - id: \"1.2\"\n        text: 'Texto entre comillas simples'\n"
        "        responsible: [ Países miembros ]\n        status: Por Definir   # estado escrito "
        "a mano\n", BRACED)),
    ("restore", "I.A.1.2", lambda text: text.replace("# comentario final\n", (
        '      - {id: I.A.1.2, text: Hecho, status: completado, archived: 2009-11-26, origin: '
        '{section: A, objective: "1", position: 4, status: pendiente}}\n'
        "# comentario final\n"))),
])
def test_an_activity_in_braces_is_refused_in_words(plan: Path, command: str, activity: str,
                                                   text: Callable[[str], str]):
    """archive and restore move an activity's lines, one field a line: one written in braces
    is refused as `set` refuses it, naming it, and nothing is written."""
    braced = text(plan.read_text(encoding="utf-8"))
    assert braced != plan.read_text(encoding="utf-8")
    plan.write_text(braced, encoding="utf-8")
    assert run("validate", "-f", str(plan)).exit_code == 0
    result = run(command, activity, "-f", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"crmplan: {plan}: {activity} is written in braces ({{...}}) on one line; archive and "
        "restore need it written with one field a line\n"))
    assert plan.read_text(encoding="utf-8") == braced
