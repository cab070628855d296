"""outfile.py: what `-o` names is written, never destroyed (issue 13, "Output paths").

A device or a FIFO is written through like a shell's `>`; a symbolic link stays a link and its
target is replaced; the plan in use is never overwritten by an output; a folder is refused
with the sentence it always had.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SMALL_PLAN, posix_only
from plans import QUERY_PLAN
from typer.testing import CliRunner

from crm_plan import outfile
from crm_plan.cli import app
from crm_plan.errors import EXIT_USAGE, CrmPlanError, UsageError

PlanFile = Callable[..., Path]  # the plan_file fixture (conftest.py)
ENV = {"COLUMNS": "80", "NO_COLOR": None, "CRMPLAN_FILE": None}


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV, prog_name="crmplan")


@pytest.fixture
def devices_never_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root in some places: a regression that renamed a file over /dev/null
    or /dev/full would break the machine (it did, once), so any replacement under /dev fails
    the test instead. Every test that writes to a device uses this."""
    real = outfile.replace

    def guarded(target: Path, data: bytes, mode: int) -> None:
        assert not str(target).startswith("/dev/"), f"{target} would have been replaced"
        real(target, data, mode)

    monkeypatch.setattr(outfile, "replace", guarded)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# -- what is not a regular file is written through ------------------------------------------------

@posix_only
@pytest.mark.usefixtures("devices_never_replaced")
def test_a_character_device_is_written_through_not_replaced():
    outfile.write(Path("/dev/null"), b"# a document\n")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@posix_only
@pytest.mark.usefixtures("devices_never_replaced")
def test_export_to_dev_null(plan_file: PlanFile):
    result = run("export", "-f", str(plan_file(QUERY_PLAN)), "-o", "/dev/null")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Wrote /dev/null.\n", "")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@posix_only
def test_a_fifo_is_written_through_and_stays_a_fifo(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Opened for reading first, without waiting for a writer: the write cannot block, and
    # what it wrote is there to read (less than a pipe's buffer).
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        outfile.write(fifo, b"| id | text |\n")
        assert os.read(reader, 1000) == b"| id | text |\n"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert _leftovers(tmp_path) == []


@posix_only
def test_an_open_descriptor_is_written_through_at_its_end(tmp_path: Path):
    """`-o /dev/stdout` with the standard output redirected to a file (here `>> out.md`): the
    file is the process's own, so it is written, not renamed over."""
    path = tmp_path / "out.md"
    path.write_bytes(b"before\n")
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        outfile.write(Path(f"/dev/fd/{descriptor}"), b"# plan\n")
        assert os.fstat(descriptor).st_ino == path.stat().st_ino
    finally:
        os.close(descriptor)
    assert path.read_bytes() == b"before\n# plan\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.usefixtures("devices_never_replaced")
def test_a_full_device_is_one_sentence():
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    with pytest.raises(CrmPlanError, match=r"^/dev/full could not be written \(No space left"):
        outfile.write(Path("/dev/full"), b"x" * 10)


# -- symbolic links stay links --------------------------------------------------------------------

def test_a_symbolic_link_stays_a_link_and_its_target_is_replaced(tmp_path: Path):
    (tmp_path / "docs").mkdir()
    target = tmp_path / "docs" / "plan.md"
    target.write_bytes(b"old\n")
    link = tmp_path / "plan.md"
    link.symlink_to(Path("docs") / "plan.md")  # relative, as people make them
    outfile.write(link, b"new\n")
    assert link.is_symlink() and os.readlink(link) == os.path.join("docs", "plan.md")
    assert target.read_bytes() == b"new\n"
    assert _leftovers(tmp_path) == _leftovers(tmp_path / "docs") == []


def test_a_dangling_link_gets_its_target_created(tmp_path: Path):
    link = tmp_path / "plan.md"
    link.symlink_to(tmp_path / "plan-2010.md")
    outfile.write(link, b"new\n")
    assert link.is_symlink() and (tmp_path / "plan-2010.md").read_bytes() == b"new\n"


def test_a_loop_of_links_is_one_sentence(tmp_path: Path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(CrmPlanError, match="could not be written"):
        outfile.write(tmp_path / "a", b"x")
    assert (tmp_path / "a").is_symlink() and (tmp_path / "b").is_symlink()


# -- regular files and folders, as before ---------------------------------------------------------

@posix_only
def test_a_file_is_replaced_whole_and_keeps_its_permissions(tmp_path: Path):
    path = tmp_path / "plan.md"
    path.write_bytes(b"old\n")
    path.chmod(0o600)
    outfile.write(path, b"new\n")
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _leftovers(tmp_path) == []


@posix_only
def test_a_new_file_is_readable_by_others_as_the_umask_allows(tmp_path: Path):
    mask = os.umask(0o022)
    try:
        outfile.write(tmp_path / "plan.md", b"new\n")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "plan.md").stat().st_mode) == 0o644


def test_a_folder_is_refused_as_before(tmp_path: Path):
    with pytest.raises(CrmPlanError, match=r"is a folder; give the name of a file in it$"):
        outfile.write(tmp_path, b"x")


# -- the plan in use is never the output ----------------------------------------------------------

def _plan(tmp_path: Path) -> Path:
    path = tmp_path / "workplan.yaml"
    path.write_text(SMALL_PLAN, encoding="utf-8")
    return path


@pytest.mark.parametrize("spelling", ["same", "dotted", "absolute", "hard link", "symbolic link"])
def test_the_plan_is_never_overwritten(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       spelling: str):
    monkeypatch.chdir(tmp_path)
    plan = Path("workplan.yaml")
    _plan(tmp_path)
    (tmp_path / "sub").mkdir()
    output = {"same": plan, "dotted": Path("sub/../workplan.yaml"),
              "absolute": tmp_path / "workplan.yaml", "hard link": Path("copy.yaml"),
              "symbolic link": Path("link.yaml")}[spelling]
    if spelling == "hard link":
        os.link(plan, output)
    if spelling == "symbolic link":
        output.symlink_to(plan)
    with pytest.raises(UsageError) as raised:
        outfile.write(output, b"# markdown\n", plan=plan)
    assert str(raised.value) == (
        f"{output} is the plan file in use (workplan.yaml): writing there would replace the "
        "plan; give another file")
    assert raised.value.exit_code == EXIT_USAGE == 2
    assert (tmp_path / "workplan.yaml").read_text(encoding="utf-8") == SMALL_PLAN


def test_refuse_plan_alone_and_what_it_lets_through(tmp_path: Path):
    plan = _plan(tmp_path)
    with pytest.raises(UsageError, match="is the plan file in use"):
        outfile.refuse_plan(plan, plan)
    outfile.refuse_plan(tmp_path / "plan.md", plan)  # another file, existing or not
    (tmp_path / "plan.md").write_bytes(b"")
    outfile.refuse_plan(tmp_path / "plan.md", plan)
    # A plan read from a device or a pipe cannot be overwritten: nothing to protect.
    outfile.refuse_plan(Path("/dev/null"), Path("/dev/null"))


def test_the_plan_check_comes_before_anything_is_written(tmp_path: Path):
    plan = _plan(tmp_path)
    with pytest.raises(UsageError):
        outfile.write(plan, b"", plan=plan)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workplan.yaml"]


# -- through the command line: these need cli.py to pass the plan's path (see the note) -----------
# cli.py (being rewritten into commands/) must call outfile.write(path, data,
# plan=location.path) for every -o; until it does, these are expected to fail.
def test_export_onto_the_plan_is_refused(plan_file: PlanFile):
    plan = plan_file(QUERY_PLAN)
    result = run("export", "-f", str(plan), "-o", str(plan))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"crmplan: {plan} is the plan file in use ({plan}): writing there "
                             "would replace the plan; give another file\n")
    assert plan.read_text(encoding="utf-8") == QUERY_PLAN


def test_report_onto_a_link_to_the_plan_is_refused(plan_file: PlanFile, tmp_path: Path):
    plan = plan_file(QUERY_PLAN)
    (tmp_path / "sheet.md").symlink_to(plan)
    result = run("report", "-f", str(plan), "-r", "México", "-o", str(tmp_path / "sheet.md"))
    assert result.exit_code == 2 and "is the plan file in use" in result.stderr
    assert plan.read_text(encoding="utf-8") == QUERY_PLAN
