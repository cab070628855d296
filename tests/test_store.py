"""Saving safely: a write that fails at any step, a process killed while writing, an editor
saving meanwhile (also while the new file is written, and in the instant between the last
comparison and the rename), and processes that race for the same activity. Whatever happens,
the plan is the old file or the new one, never half of one, no save is lost, and no temporary
file stays behind. (tests/test_write_window.py races a real editor process.)

(tests/test_cli_edit.py has the first cases: a failed rename, a failed fsync, a write that
does not read back, an editor saving in-process, eight processes archiving eight ids.)
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, ROOT, dated, posix_only
from typer.testing import CliRunner

from crm_plan.cli import app

runner = CliRunner()
ORIGINAL = (DATA / "edit" / "plan.yaml").read_bytes()


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The day of the expected files: an edit dates the plan (document.updated) with it."""
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: dt.date(2026, 11, 28))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "workplan.yaml"
    path.write_bytes(ORIGINAL)
    return path


def untouched(plan: Path) -> None:
    assert plan.read_bytes() == ORIGINAL
    assert sorted(p.name for p in plan.parent.iterdir()) == [".workplan.yaml.lock",
                                                            "workplan.yaml"]


class HalfWritten:
    """A file object that writes half of what it is given, then finds the disk full."""

    def __init__(self, real) -> None:  # type: ignore[no-untyped-def]
        self.real = real

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc: object) -> None:
        self.real.close()

    def write(self, data: bytes) -> int:
        self.real.write(data[: len(data) // 2])
        self.real.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.real, name)


def fail(number: int):  # type: ignore[no-untyped-def]
    def failing(*args: object, **kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    return failing


STEPS = {
    # the temporary file cannot even be created (a full disk, a read-only folder)
    "create": ("tempfile.mkstemp", fail(errno.ENOSPC), "No space left on device"),
    "half-written": ("os.fdopen", None, "No space left on device"),
    "flush": ("os.fsync", fail(errno.ENOSPC), "No space left on device"),
    "permissions": ("os.chmod", fail(errno.EPERM), "Operation not permitted"),
    "rename": ("os.replace", fail(errno.EACCES), "Permission denied"),
}


@pytest.mark.parametrize("step", sorted(STEPS))
def test_a_write_that_fails_at_any_step_keeps_the_original(
        plan: Path, monkeypatch: pytest.MonkeyPatch, step: str):
    target, replacement, reason = STEPS[step]
    if replacement is None:  # half of the temporary file is written, then the disk is full
        real_fdopen = os.fdopen
        def replacement(fd, *args, **kwargs):  # type: ignore[no-untyped-def]
            return HalfWritten(real_fdopen(fd, *args, **kwargs))
    monkeypatch.setattr(target, replacement)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan.resolve()} could not be written ({reason}); it was left as it was\n"))
    untouched(plan)


def test_ctrl_c_while_writing(plan: Path, monkeypatch: pytest.MonkeyPatch):
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert result.exit_code == 130  # the shell's code for Ctrl-C
    untouched(plan)


def test_the_file_deleted_meanwhile_is_not_recreated(plan: Path, monkeypatch):
    from crm_plan import edit

    real = edit.archive_many

    def deleted_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        plan.unlink()
        return real(*args, **kwargs)

    monkeypatch.setattr(edit, "archive_many", deleted_meanwhile)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan} changed on disk while crmplan was working (saved by an editor?); "
        "nothing was written: run the command again\n"))
    assert [p.name for p in plan.parent.iterdir()] == [".workplan.yaml.lock"]


# A crmplan whose steps the tests control: it stops or dies where it is told to.
DRIVER = """\
import os, signal, sys, time
from pathlib import Path
from crm_plan import edit

mode, flags = sys.argv[1], Path(sys.argv[2])
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)  # Windows: SIGTERM is TerminateProcess
if mode == "die-before-rename":  # the temporary file is complete, the rename never happens
    os.fsync = lambda fd: os.kill(os.getpid(), KILL)
elif mode == "die-before-the-swap":  # the new file is complete under its own name
    from crm_plan import store

    store._take_the_name = lambda *args: os.kill(os.getpid(), KILL)
elif mode == "wait-after-reading":  # let the test play a text editor, then go on
    real = edit.archive_many

    def waiting(*args, **kwargs):
        (flags / "read").touch()
        deadline = time.monotonic() + 60
        while not (flags / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(*args, **kwargs)

    edit.archive_many = waiting
from crm_plan.cli import main

sys.argv = ["crmplan", *sys.argv[3:]]
main()
"""


# How a killed process ends: -9 on POSIX; on Windows os.kill(pid, SIGTERM) terminates it with
# exit code 15.
KILLED = -9 if os.name != "nt" else 15


def flags_of(tmp_path: Path) -> Path:
    """Where the driver and the test signal each other: beside tmp_path (whose contents the
    tests check), one folder per test."""
    flags = tmp_path.parent / f"{tmp_path.name}-flags"
    flags.mkdir(exist_ok=True)
    return flags


def drive(tmp_path: Path, mode: str, *args: str) -> subprocess.Popen[str]:
    driver = tmp_path.parent / f"{tmp_path.name}-driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    return subprocess.Popen([sys.executable, str(driver), mode, str(flags_of(tmp_path)), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)


def test_killed_while_writing(plan: Path, tmp_path: Path):
    process = drive(tmp_path, "die-before-rename", "archive", "1.2", "-f", str(plan))
    process.communicate(timeout=60)
    assert process.returncode == KILLED
    assert plan.read_bytes() == ORIGINAL
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].startswith("..workplan.yaml.crmplan-new.")
    result = runner.invoke(app, ["archive", "1.2", "--date", "2026-11-28", "-f", str(plan)])
    assert result.exit_code == 0  # the next change lands, and clears what the killed one left
    assert plan.read_bytes() == dated((DATA / "edit" / "archive_1.2.yaml").read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == [".workplan.yaml.lock", "workplan.yaml"]


def test_an_editor_saving_between_read_and_write(plan: Path, tmp_path: Path):
    """Two real processes: crmplan reads, the editor saves, crmplan refuses; nothing is lost."""
    flags = flags_of(tmp_path)
    process = drive(tmp_path, "wait-after-reading", "archive", "1.2", "-f", str(plan))
    deadline = time.monotonic() + 60
    while not (flags / "read").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (flags / "read").exists(), process.communicate(timeout=60)
    saved = ORIGINAL + b"# guardado por el editor\n"
    plan.write_bytes(saved)
    (flags / "go").touch()
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (1, "", (
        f"crmplan: {plan} changed on disk while crmplan was working (saved by an editor?); "
        "nothing was written: run the command again\n"))
    assert plan.read_bytes() == saved
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_eight_processes_two_of_them_too_late(tmp_path: Path):
    """Two pairs archive the same id: one of each pair lands, the other is refused and leaves
    no trace; restoring the six gives back the original bytes, whatever order they landed in."""
    path = tmp_path / "workplan.yaml"
    shutil.copyfile(ROOT / "workplan.yaml", path)
    original = path.read_bytes()
    ids = ["1.1", "1.1", "6.10", "6.10", "4.3", "9.3", "10.1", "13.1"]
    processes = [subprocess.Popen(
        [sys.executable, "-m", "crm_plan", "archive", i, "--date", "2026-11-28", "--keep-updated",
         "-f", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in ids]
    outputs = [p.communicate(timeout=120) for p in processes]
    landed = sorted(i for i, p, (out, _err) in zip(ids, processes, outputs, strict=True)
                    if p.returncode == 0 and out == f"Archived {i} in the history (2026-11-28).\n")
    assert landed == sorted(set(ids)), outputs
    refused = sorted((i, p.returncode, err) for i, p, (_out, err)
                     in zip(ids, processes, outputs, strict=True) if p.returncode != 0)
    assert refused == [(i, 1, (f"crmplan: {path}: {i} is already in the history (archived "
                               "2026-11-28); nothing was changed\n")) for i in ("1.1", "6.10")]
    assert runner.invoke(app, ["validate", "-f", str(path)]).exit_code == 0
    result = runner.invoke(app, ["restore", *sorted(set(ids)), "--keep-updated", "-f", str(path)])
    assert result.exit_code == 0
    assert path.read_bytes() == original
    assert sorted(p.name for p in tmp_path.iterdir()) == [".workplan.yaml.lock", "workplan.yaml"]


# -- the write window: the plan is compared again once the new file is complete -------------------

EDITED = ORIGINAL + b"# guardado por el editor\n"
CHANGED = ("crmplan: {plan} changed on disk while crmplan was working (saved by an editor?); "
           "nothing was written: run the command again\n")


def save_by_renaming(plan: Path, data: bytes) -> None:
    """What most editors do: write a new file beside it and rename it over the plan."""
    temporary = plan.parent / f"{plan.name}.editor~"
    temporary.write_bytes(data)
    os.replace(temporary, plan)


def save_in_place(plan: Path, data: bytes) -> None:
    """What some editors do (vim's backupcopy, Notepad): write into the same file."""
    with open(plan, "wb") as out:
        out.write(data)


SAVES = {"renaming": save_by_renaming, "in place": save_in_place}


def assert_refused_and_kept(result, plan: Path, saved: bytes) -> None:  # type: ignore[no-untyped-def]
    assert (result.exit_code, result.stderr) == (1, CHANGED.format(plan=plan))
    assert plan.read_bytes() == saved
    assert sorted(p.name for p in plan.parent.iterdir()) == [".workplan.yaml.lock",
                                                            "workplan.yaml"]


@pytest.mark.parametrize("save", sorted(SAVES))
def test_a_save_while_the_new_file_is_written(plan: Path, monkeypatch, save: str):
    """The reproduction of the issue: the comparison used to run before the new file was
    written and synced, so a save meanwhile was overwritten and crmplan said nothing."""
    from crm_plan import outfile

    real = outfile.replace

    def saving_meanwhile(target: Path, data: bytes, mode: int) -> None:
        real(target, data, mode)
        SAVES[save](plan, EDITED)

    monkeypatch.setattr(outfile, "replace", saving_meanwhile)
    assert_refused_and_kept(runner.invoke(app, ["archive", "1.2", "-f", str(plan)]), plan, EDITED)


@pytest.mark.parametrize("save", sorted(SAVES))
def test_a_save_between_the_last_comparison_and_the_rename(plan: Path, monkeypatch, save: str):
    """The last window: a save right after the plan was compared, an instant before the new file
    takes its name. Swapping the two names in one step, then looking at what came out, puts
    the save back."""
    from crm_plan import store

    real = store._unchanged
    calls = []

    def saving_right_after(path: Path, read) -> bool:  # type: ignore[no-untyped-def]
        answer = real(path, read)
        calls.append(path.name)
        if len(calls) == 1:  # the comparison with the plan, before the swap
            SAVES[save](plan, EDITED)
        return answer

    monkeypatch.setattr(store, "_unchanged", saving_right_after)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    if store._renameat2() is None:
        pytest.skip("names cannot be swapped in one step here: the window stays (docs/guide.md)")
    assert calls == ["workplan.yaml", ".workplan.yaml.crmplan-new"]
    assert_refused_and_kept(result, plan, EDITED)


def test_two_saves_around_the_swap_leave_the_newest(plan: Path, monkeypatch):
    """A save before the swap and another before crmplan swaps back: the newest is the plan."""
    from crm_plan import store

    if store._renameat2() is None:
        pytest.skip("names cannot be swapped in one step here")
    real = store._exchange
    saves = [EDITED, EDITED + b"# y otra vez\n"]

    def saving_before_each_swap(first: Path, second: Path) -> bool:
        if saves:
            save_by_renaming(plan, saves.pop(0))
        return real(first, second)

    monkeypatch.setattr(store, "_exchange", saving_before_each_swap)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert_refused_and_kept(result, plan, EDITED + b"# y otra vez\n")


def test_without_swapping_names_a_save_before_the_rename_is_still_seen(plan: Path, monkeypatch):
    """Where names cannot be swapped (macOS, Windows, NFS), the comparison right before the
    rename is the guard."""
    from crm_plan import outfile, store

    monkeypatch.setattr(store, "_exchange", lambda first, second: False)
    real = outfile.replace

    def saving_meanwhile(target: Path, data: bytes, mode: int) -> None:
        real(target, data, mode)
        save_by_renaming(plan, EDITED)

    monkeypatch.setattr(outfile, "replace", saving_meanwhile)
    assert_refused_and_kept(runner.invoke(app, ["archive", "1.2", "-f", str(plan)]), plan, EDITED)
    monkeypatch.setattr(outfile, "replace", real)
    plan.write_bytes(ORIGINAL)
    result = runner.invoke(app, ["archive", "1.2", "--date", "2026-11-28", "-f", str(plan)])
    assert result.exit_code == 0
    assert plan.read_bytes() == dated((DATA / "edit" / "archive_1.2.yaml").read_bytes())


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="only root may give a file to another owner")
def test_owner_and_mode_are_kept(plan: Path):
    os.chown(plan, 1234, 5678)
    plan.chmod(0o664)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert result.exit_code == 0
    status = plan.stat()
    assert (status.st_uid, status.st_gid, oct(status.st_mode & 0o7777)) == (1234, 5678, "0o664")


@pytest.mark.skipif(not hasattr(os, "chown"), reason="Windows: files have no owner ids")
def test_an_owner_that_cannot_be_kept_is_refused(plan: Path, monkeypatch):
    """A plan of another user in a folder one may write: renaming a new file over it would
    give it to whoever ran crmplan, which only root may undo."""
    from crm_plan import store

    def not_allowed(*args: object) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    real = store._keep_owner

    def as_if_owned_by_another(staged: Path, status: os.stat_result, display: str) -> None:
        fields = list(status)
        fields[4] += 1  # st_uid: another user's (os.stat_result(fields) keeps the first ten)
        real(staged, os.stat_result(fields), display)

    monkeypatch.setattr(os, "chown", not_allowed)  # as for any user but root
    monkeypatch.setattr(store, "_keep_owner", as_if_owned_by_another)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan} belongs to another user or group, and crmplan cannot give its new "
        "version the same owner; it was left as it was\n"))
    untouched(plan)


def test_killed_after_the_new_file_was_complete(plan: Path, tmp_path: Path):
    """The new file is complete beside the plan when crmplan dies: the plan is the old file,
    and the next change clears the new file away."""
    process = drive(tmp_path, "die-before-the-swap", "archive", "1.2", "-f", str(plan))
    process.communicate(timeout=60)
    assert process.returncode == KILLED
    assert plan.read_bytes() == ORIGINAL
    assert (tmp_path / ".workplan.yaml.crmplan-new").exists()
    result = runner.invoke(app, ["archive", "1.2", "--date", "2026-11-28", "-f", str(plan)])
    assert result.exit_code == 0
    assert plan.read_bytes() == dated((DATA / "edit" / "archive_1.2.yaml").read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == [".workplan.yaml.lock", "workplan.yaml"]


# -- the lock: fasteners, beside the plan, dropped by the system however crmplan ends --------------

HOLDER = """import sys, fasteners
lock = fasteners.InterProcessLock(sys.argv[1])
assert lock.acquire(timeout=60)
print("held", flush=True)
sys.stdin.read()
"""


class Holder:
    """Another process holding the plan's lock (the system's lock is the process's own: one
    taken in this process would not keep crmplan, run here, out), until `release`."""

    def __init__(self, plan: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(plan.parent / ".workplan.yaml.lock")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None and self.process.stdout.readline() == "held\n"

    def release(self) -> None:
        self.process.communicate(timeout=60)  # stdin closed: it ends, and its lock with it



def test_a_crmplan_killed_while_it_holds_the_lock_leaves_no_stale_lock(plan: Path, tmp_path: Path,
                                                                        monkeypatch):
    """Killed with the lock held (it has read the plan and waits): the next crmplan gets the
    lock (the system drops it with the process; Windows may take a moment)."""
    flags = flags_of(tmp_path)
    process = drive(tmp_path, "wait-after-reading", "archive", "1.2", "-f", str(plan))
    deadline = time.monotonic() + 60
    while not (flags / "read").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert (flags / "read").exists(), process.communicate(timeout=60)
    monkeypatch.setenv("CRMPLAN_LOCK_TIMEOUT", "0")
    held = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (held.exit_code, held.stderr) == (1, (
        f"crmplan: another crmplan is changing {plan} and has not finished after 0 seconds; "
        "try again\n"))  # the control: the lock is really held
    process.kill()
    process.communicate(timeout=60)
    monkeypatch.delenv("CRMPLAN_LOCK_TIMEOUT")  # 30 s: a stale lock would never come free
    result = runner.invoke(app, ["archive", "1.2", "--date", "2026-11-28", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert plan.read_bytes() == dated((DATA / "edit" / "archive_1.2.yaml").read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == [".workplan.yaml.lock", "workplan.yaml"]


def test_the_lock_is_waited_for_then_taken(plan: Path, monkeypatch):
    """Another crmplan holds the lock and lets it go: this one waits, then makes its change."""
    import threading

    other = Holder(plan)
    taken = threading.Event()
    real_sleep = time.sleep

    def waiting(seconds: float) -> None:  # the first wait for the lock: let the other finish
        if not taken.is_set():
            taken.set()
            other.release()
        real_sleep(seconds)

    monkeypatch.setattr(time, "sleep", waiting)
    result = runner.invoke(app, ["archive", "1.2", "--date", "2026-11-28", "-f", str(plan)])
    assert (result.exit_code, result.stderr, taken.is_set()) == (0, "", True)
    assert plan.read_bytes() == dated((DATA / "edit" / "archive_1.2.yaml").read_bytes())


NO_LOCKS = ("crmplan: {plan}: the folder of the plan does not support locking files (a network "
            "share?), so crmplan cannot keep two changes from overwriting each other; nothing "
            "was changed. Copy the plan to a folder of this computer, change it there, and copy "
            "it back\n")


@pytest.mark.parametrize("number", [errno.ENOLCK, errno.ENOSYS, errno.EOPNOTSUPP])
def test_a_file_system_without_locks_is_a_sentence(plan: Path, monkeypatch, number: int):
    """A network share without locking: the system's refusal, as fasteners passes it on."""
    from fasteners import InterProcessLock

    def no_locks(self: InterProcessLock) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(InterProcessLock, "trylock", no_locks)
    for command in ("archive", "restore"):
        result = runner.invoke(app, [command, "1.2", "-f", str(plan)])
        assert (result.exit_code, result.stderr) == (1, NO_LOCKS.format(plan=plan))
    assert plan.read_bytes() == ORIGINAL
    assert [p.name for p in plan.parent.iterdir() if p.name != ".workplan.yaml.lock"] == [
        "workplan.yaml"]


@posix_only  # lockf: the lock fasteners takes on POSIX
@pytest.mark.parametrize("number", [errno.ENOLCK, errno.ENOSYS])
def test_lockf_refused_by_the_file_system_is_not_replaced_by_a_lock_file(plan: Path, monkeypatch,
                                                                        number: int):
    """lockf failing as on an NFS mount without its lock service (ENOLCK) or a file system
    without it (ENOSYS): no lock whose mere existence would be the lock (a crash would leave it
    behind); crmplan says why it cannot work there."""
    import fcntl

    def refused(fd: object, operation: int, *args: object) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(fcntl, "lockf", refused)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, NO_LOCKS.format(plan=plan))
    assert plan.read_bytes() == ORIGINAL
    assert [p.name for p in plan.parent.iterdir() if p.name != ".workplan.yaml.lock"] == [
        "workplan.yaml"]


UNLOCK_FAILS = """import errno, os, sys
import fasteners
from crm_plan.cli import main

real_unlock = fasteners.InterProcessLock.unlock

def failing(self):
    real_unlock(self)
    raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

fasteners.InterProcessLock.unlock = failing
sys.argv = ["crmplan", "archive", "1.2", "--date", "2026-11-28", "--keep-updated", "-f",
            sys.argv[1]]
main()
"""


def test_a_failure_to_unlock_prints_nothing(plan: Path):
    """The system drops the lock when crmplan ends anyway; fasteners' log of the failure (with
    its traceback) is not shown. (In its own process: pytest catches what is logged here.)"""
    done = subprocess.run([sys.executable, "-c", UNLOCK_FAILS, str(plan)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert (done.returncode, done.stderr) == (0, "")
    assert plan.read_bytes() == (DATA / "edit" / "archive_1.2.yaml").read_bytes()


def test_a_lock_file_that_cannot_be_created(plan: Path, monkeypatch):
    from fasteners import InterProcessLock

    def read_only_folder(self: InterProcessLock, *args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self.path))

    monkeypatch.setattr(InterProcessLock, "acquire", read_only_folder)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: cannot create the lock file {plan.resolve().parent / '.workplan.yaml.lock'} "
        "(Permission denied); is the folder writable?\n"))
    assert plan.read_bytes() == ORIGINAL


@pytest.mark.parametrize(("winerror", "refused_as"), [(1, "no locks"), (50, "no locks"),
                                                      (87, "lock file")])
def test_windows_errors_without_locks(plan: Path, monkeypatch, winerror: int, refused_as: str):
    """On Windows Python calls EINVAL every error it has no name for; the Windows number says
    which are a file system without locks (1: ERROR_INVALID_FUNCTION, 50: ERROR_NOT_SUPPORTED)
    and which are not (87: ERROR_INVALID_PARAMETER). Played here with the attribute Windows sets."""
    from fasteners import InterProcessLock

    def windows_error(self: InterProcessLock) -> None:
        exc = OSError(errno.EINVAL, "The request is not supported", str(self.path))
        exc.winerror = winerror  # type: ignore[attr-defined]
        raise exc

    monkeypatch.setattr(InterProcessLock, "trylock", windows_error)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    expected = NO_LOCKS.format(plan=plan) if refused_as == "no locks" else (
        f"crmplan: cannot create the lock file {plan.resolve().parent / '.workplan.yaml.lock'} "
        "(The request is not supported); is the folder writable?\n")
    assert (result.exit_code, result.stderr) == (1, expected)
