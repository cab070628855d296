"""Sharing the plan through git, driven through real git in temporary repositories: the merge
driver (`crmplan merge`), `git-setup`, and `log`. git's configuration is the repository's
own: the developer's (GIT_CONFIG_GLOBAL, the system's) is never read."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from merging import apply_all, kept, quoted
from plans import plan_of
from typer.testing import CliRunner

from crm_plan.cli import app
from crm_plan.edit import archive, restore
from crm_plan.gitsetup import DRIVER

ON = dt.date(2010, 3, 1)
SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
# What git runs in these tests: this crmplan, whatever the PATH holds.
# git before 2.44 passes %X %S %Y as written (the default words are used), later git the names.
TEST_DRIVER = f'"{sys.executable}" -m crm_plan merge %O %A %B %P --labels %X %S %Y'


def run(*args: str, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    old = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(app, list(args), prog_name="crmplan",
                                  env={"COLUMNS": "100", "CRMPLAN_FILE": None})
    finally:
        os.chdir(old)


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          check=check, timeout=60)


@pytest.fixture(autouse=True)
def no_personal_git_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


def commit(repo: Path, text: str, message: str, author: str = "Secretaría Técnica",
           date: str = "2009-11-26T10:00:00") -> None:
    (repo / "workplan.yaml").write_bytes(text.encode("utf-8"))
    git(repo, "add", "workplan.yaml")
    subprocess.run(["git", "commit", "-q", "-m", message, f"--author={author} <st@example.org>"],
                   cwd=repo, check=True, capture_output=True,
                   env=os.environ | {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds the shipped plan, with crmplan's merge driver."""
    folder = tmp_path / "red"
    folder.mkdir()
    git(folder, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Secretaría Técnica"), ("user.email", "st@example.org"),
                       ("commit.gpgsign", "false"), ("merge.crmplan.driver", TEST_DRIVER)):
        git(folder, "config", key, value)
    (folder / ".gitattributes").write_text("workplan.yaml merge=crmplan\n", encoding="utf-8")
    git(folder, "add", ".gitattributes")
    commit(folder, SHIPPED, "Plan de noviembre")
    return folder


def branches(repo: Path, ours: str, theirs: str) -> subprocess.CompletedProcess[str]:
    """Commit `theirs` on a branch and `ours` on main, then merge the branch into main."""
    git(repo, "checkout", "-q", "-b", "mexico")
    commit(repo, theirs, "México", author="Enlace de México", date="2010-03-02T10:00:00")
    git(repo, "checkout", "-q", "main")
    commit(repo, ours, "Panamá", author="Enlace de Panamá", date="2010-03-03T10:00:00")
    return git(repo, "merge", "--no-edit", "mexico", check=False)


# -- the merge driver, run by git -----------------------------------------------------------------

def archived_by_crmplan(repo: Path, activity_id: str, updated: str) -> str:
    """The plan after `crmplan archive ID` (which dates the plan today), dated `updated`
    instead, as if it had been archived that day."""
    (repo.parent / "elsewhere").mkdir(exist_ok=True)
    plan = repo.parent / "elsewhere" / "workplan.yaml"
    plan.write_text(SHIPPED, encoding="utf-8")
    result = run("archive", activity_id, "--date", "2010-03-01", "-f", str(plan))
    assert result.exit_code == 0, result.output
    text = plan.read_text(encoding="utf-8")
    today = plan_of(text).document.updated
    return text.replace(f"  updated: {today}\n", f"  updated: {updated}\n", 1)


def test_two_archives_of_one_objective_merge_cleanly_and_validate(repo: Path):
    ours = archived_by_crmplan(repo, "9.3", "2010-03-01")  # two officers, on two days
    theirs = archived_by_crmplan(repo, "9.5", "2010-03-02")
    merged = branches(repo, ours, theirs)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    text = (repo / "workplan.yaml").read_text(encoding="utf-8")
    assert plan_of(text).document.updated == dt.date(2010, 3, 2)  # the later of the two days
    plan = plan_of(text)
    assert [a.id for a in plan.history[-1].activities] == ["9.3", "9.5"]
    assert "9.3" not in [a.id for a in plan.activities()]
    assert git(repo, "status", "--porcelain").stdout == ""
    result = run("validate", "-f", str(repo / "workplan.yaml"))
    assert result.exit_code == 0, result.stdout


def test_without_the_driver_git_sees_a_conflict(repo: Path):
    git(repo, "config", "--unset", "merge.crmplan.driver")
    (repo / ".gitattributes").write_text("", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "sin driver")
    merged = branches(repo, archive(SHIPPED, "9.3", ON), archive(SHIPPED, "9.5", ON))
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout  # what the issue reports


def test_a_true_conflict_has_markers_around_the_field_and_exit_1(repo: Path):
    ours = apply_all(SHIPPED, [("set", "9.5", "status", "continuo"),
                               ("set", "9.1", "status", "continuo")])
    theirs = apply_all(SHIPPED, [("set", "9.5", "status", "por definir"), ("archive", "9.3")])
    merged = branches(repo, ours, theirs.replace("2010-03-01", "2026-11-28"))
    assert merged.returncode != 0 and "CONFLICT (content)" in merged.stdout
    text = (repo / "workplan.yaml").read_text(encoding="utf-8")
    at = text.splitlines().index("<<<<<<< ours")
    assert f"workplan.yaml: conflicts at lines {at + 1}–{at + 5}: keep one side of each" in \
        merged.stderr
    assert text.count("<<<<<<<") == 1 and text.splitlines()[at:at + 5] == [
        "<<<<<<< ours", "        status: continuo", "=======", "        status: por definir",
        ">>>>>>> theirs"]
    resolved = text.replace("<<<<<<< ours\n        status: continuo\n=======\n", "").replace(
        ">>>>>>> theirs\n", "")
    assert resolved == apply_all(theirs.replace("2010-03-01", "2026-11-28"),
                                 [("set", "9.1", "status", "continuo")])
    result = run("validate", "-f", str(repo / "workplan.yaml"))
    assert result.exit_code == 1 and "[merge-conflict]" in result.stdout


@pytest.mark.parametrize("style", ["diff3", "zdiff3"])
def test_the_conflict_style_of_the_repository_shows_the_base(repo: Path, style: str):
    git(repo, "config", "merge.conflictStyle", style)
    ours = apply_all(SHIPPED, [("set", "9.5", "status", "continuo")])
    theirs = apply_all(SHIPPED, [("set", "9.5", "status", "por definir")])
    merged = branches(repo, ours, theirs)
    assert merged.returncode != 0
    lines = (repo / "workplan.yaml").read_text(encoding="utf-8").splitlines()
    at = lines.index("<<<<<<< ours")
    assert lines[at:at + 7] == [
        "<<<<<<< ours", "        status: continuo", "||||||| base", "        status: pendiente",
        "=======", "        status: por definir", ">>>>>>> theirs"]
    result = run("validate", cwd=repo)
    assert result.exit_code == 1 and "[merge-conflict]" in result.stdout


def test_archived_on_one_side_and_edited_on_the_other_marks_both_ends(repo: Path):
    ours = archive(SHIPPED, "9.3", ON)
    theirs = apply_all(SHIPPED, [("set", "9.3", "status", "pendiente")])
    merged = branches(repo, ours, theirs)
    assert merged.returncode != 0
    text = (repo / "workplan.yaml").read_text(encoding="utf-8")
    starts = [n + 1 for n, line in enumerate(text.splitlines()) if line == "<<<<<<< ours"]
    assert len(starts) == 2
    assert "an activity was archived or removed on one side and changed on the other; keep the " \
        "same side in each conflict" in merged.stderr
    assert kept(text, "ours") == ours and kept(text, "theirs") == theirs
    said = run("validate", cwd=repo).stdout.splitlines()  # the markers, and git's own state
    assert [line.rsplit("[", 1)[-1] for line in said[:-1]] == ["unmerged]", "merge-conflict]"]
    assert said[-1] == "workplan.yaml: 1 error, 1 warning."
    (repo / "workplan.yaml").write_text(kept(text, "theirs"), encoding="utf-8")
    assert run("validate", "-f", str(repo / "workplan.yaml")).exit_code == 0


def test_merge_strategy_options_do_not_reach_the_driver(repo: Path):
    """What docs/git-workflow.md says: `git merge -X theirs` is not passed to a merge driver,
    so a true conflict in the plan keeps its markers and is resolved by hand."""
    git(repo, "checkout", "-q", "-b", "mexico")
    commit(repo, apply_all(SHIPPED, [("set", "9.5", "status", "por definir")]), "México")
    git(repo, "checkout", "-q", "main")
    commit(repo, apply_all(SHIPPED, [("set", "9.5", "status", "continuo")]), "Panamá")
    merged = git(repo, "merge", "--no-edit", "-X", "theirs", "mexico", check=False)
    assert merged.returncode != 0 and "CONFLICT (content)" in merged.stdout
    assert (repo / "workplan.yaml").read_text(encoding="utf-8").count("<<<<<<<") == 1


UNMERGED = ("workplan.yaml:1:1: warning: git still counts this file as unmerged: if you resolved "
            "it, git add it; if it holds no conflict markers, git's merge driver may not have "
            "run and the file may hold only one side (check with crmplan git-setup --check, "
            "then git {operation} --abort and {operation} again) [unmerged]")
SHIPPED_SUMMARY = "(13 objectives, 40 activities, 11 in the history)."


def validated(repo: Path, *options: str) -> tuple[int, list[str]]:
    """validate in the repository's folder: its exit code and its lines."""
    result = run(*options, "validate", cwd=repo)
    return result.exit_code, result.stdout.splitlines()


def test_validate_warns_while_git_counts_the_plan_unmerged(repo: Path):
    """git could not run the driver (crmplan not on its PATH): it reports a conflict and
    leaves our side alone, without markers. validate says so until the file is added, even
    though these bytes were validated (and cached) before."""
    git(repo, "config", "merge.crmplan.driver", "crmplan-not-on-this-path merge %O %A %B %P")
    ours = archive(SHIPPED, "9.3", ON)
    ours_summary = "(13 objectives, 39 activities, 12 in the history)."
    (repo / "workplan.yaml").write_text(ours, encoding="utf-8")
    assert validated(repo)[1][-1] == f"workplan.yaml: 0 errors, 5 warnings {ours_summary}"
    merged = branches(repo, ours, archive(SHIPPED, "9.5", ON))
    assert merged.returncode != 0 and "CONFLICT" in merged.stdout
    assert (repo / "workplan.yaml").read_text(encoding="utf-8") == ours  # no markers
    code, lines = validated(repo)
    assert (code, lines[0], lines[-1]) == (0, UNMERGED.format(operation="merge"),
                                          f"workplan.yaml: 0 errors, 6 warnings {ours_summary}")
    assert [line for line in lines if "[unmerged]" in line] == [lines[0]]
    as_json = json.loads(run("validate", "--format", "json", cwd=repo).stdout)
    assert [(p["line"], p["column"], p["code"]) for p in as_json][:1] == [(1, 1, "unmerged")]
    assert validated(repo, "--lang", "es")[1][0].startswith(
        "workplan.yaml:1:1: advertencia: git todavía cuenta este archivo como sin fusionar: ")
    git(repo, "add", "workplan.yaml")  # resolved (here: kept as it is)
    assert validated(repo, "--lang", "en")[1][-1] == (
        f"workplan.yaml: 0 errors, 5 warnings {ours_summary}")


def test_validate_says_which_operation_to_abort(repo: Path):
    git(repo, "config", "merge.crmplan.driver", "crmplan-not-on-this-path merge %O %A %B %P")
    git(repo, "checkout", "-q", "-b", "mexico")
    commit(repo, archive(SHIPPED, "9.5", ON), "México")
    git(repo, "checkout", "-q", "main")
    commit(repo, archive(SHIPPED, "9.3", ON), "Panamá")
    picked = git(repo, "cherry-pick", "mexico", check=False)
    assert picked.returncode != 0
    assert validated(repo)[1][0] == UNMERGED.format(operation="cherry-pick")
    git(repo, "cherry-pick", "--abort")
    assert "[unmerged]" not in run("validate", cwd=repo).stdout


def test_validate_finds_the_merge_of_a_linked_worktree_from_a_subfolder(repo: Path):
    """A worktree's `.git` is a file naming its git folder, where git keeps its MERGE_HEAD;
    the plan may be named from another folder (-f)."""
    git(repo, "config", "merge.crmplan.driver", "crmplan-not-on-this-path merge %O %A %B %P")
    git(repo, "branch", "mexico")
    tree = repo.parent / "arbol"
    git(repo, "worktree", "add", "-q", str(tree), "mexico")
    assert (tree / ".git").is_file()
    commit(tree, archive(SHIPPED, "9.5", ON), "México")
    commit(repo, archive(SHIPPED, "9.3", ON), "Panamá")
    assert git(tree, "merge", "--no-edit", "main", check=False).returncode != 0
    (tree / "notas").mkdir()
    result = run("validate", "-f", "../workplan.yaml", cwd=tree / "notas")
    assert result.stdout.splitlines()[0] == UNMERGED.format(operation="merge").replace(
        "workplan.yaml:", "../workplan.yaml:", 1)
    assert "[unmerged]" not in run("validate", cwd=repo).stdout  # the main tree is not merging


def test_validate_starts_git_only_while_an_operation_is_in_progress(
        repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Outside git, and in a repository with nothing in progress, nothing is started."""
    from crm_plan import git as crmplan_git

    def no_git(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was started")

    monkeypatch.setattr(crmplan_git, "run", no_git)
    (tmp_path / "solo").mkdir()
    (tmp_path / "solo" / "workplan.yaml").write_text(SHIPPED, encoding="utf-8")
    for folder in (repo, tmp_path / "solo"):
        code, lines = validated(folder)
        assert (code, lines[-1]) == (0, f"workplan.yaml: 0 errors, 5 warnings {SHIPPED_SUMMARY}")


def test_an_unreadable_version_falls_back_to_git_merge_file(repo: Path):
    broken = SHIPPED.replace("sections:\n", "sections: [\n", 1)
    theirs = SHIPPED.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n")
    merged = branches(repo, broken, theirs)
    assert "not a plan file crmplan can read" in merged.stderr and "line by line" in merged.stderr
    text = (repo / "workplan.yaml").read_text(encoding="utf-8")
    assert text == broken.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n")
    assert merged.returncode != 0  # git's merge is clean, but the plan does not validate


def test_the_driver_on_files_directly(tmp_path: Path):
    base, ours, theirs = (tmp_path / name for name in ("base", "ours", "theirs"))
    base.write_text(SHIPPED, encoding="utf-8")
    ours.write_text(archive(SHIPPED, "9.3", ON), encoding="utf-8")
    theirs.write_text(apply_all(SHIPPED, [("set", "1.1", "text", quoted("Informar cada año"))]),
                      encoding="utf-8")
    result = run("merge", str(base), str(ours), str(theirs), "workplan.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert ours.read_text(encoding="utf-8") == apply_all(
        archive(SHIPPED, "9.3", ON), [("set", "1.1", "text", quoted("Informar cada año"))])
    theirs.write_text(SHIPPED.replace("9.3\"\n        text: Designar", "9.3\"\n        text: X"),
                      encoding="utf-8")
    result = run("merge", str(base), str(ours), str(theirs))
    assert result.exit_code == 1 and "conflicts at lines" in result.stderr
    ours.write_text(apply_all(SHIPPED, [("add", "1", "1.9")]), encoding="utf-8")
    theirs.write_text(apply_all(SHIPPED, [("add", "3", "3.9")]).replace('"3.9"', '"1.9"'),
                      encoding="utf-8")
    invalid = run("merge", str(base), str(ours), str(theirs), "workplan.yaml")
    assert invalid.exit_code == 1 and invalid.stderr.startswith(
        "crmplan: workplan.yaml: merged by the plan's structure, the plan would not validate "
        "(workplan.yaml:")
    assert "[duplicate-id]); the file holds git's line merge instead" in invalid.stderr
    missing = run("merge", str(base), str(tmp_path / "nothing"), str(theirs))
    assert missing.exit_code == 1 and "no such file" in missing.stderr


def test_the_markers_name_the_versions_as_git_labels_them(tmp_path: Path):
    base, ours, theirs = (tmp_path / name for name in ("base", "ours", "theirs"))
    changed = {"ours": "continuo", "theirs": "por definir"}
    for name, status in (("base", None), *changed.items()):
        edits = [("set", "9.5", "status", status)] if status else []
        (tmp_path / name).write_text(apply_all(SHIPPED, edits), encoding="utf-8")
    files = [str(base), str(ours), str(theirs), "workplan.yaml"]
    result = run("merge", *files, "--labels", "HEAD", "main~1", "mexico-marzo")
    assert result.exit_code == 1
    text = ours.read_text(encoding="utf-8")
    at = text.splitlines().index("<<<<<<< HEAD")
    assert text.splitlines()[at:at + 5] == [
        "<<<<<<< HEAD", "        status: continuo", "=======", "        status: por definir",
        ">>>>>>> mexico-marzo"]
    ours.write_text(apply_all(SHIPPED, [("set", "9.5", "status", "continuo")]), encoding="utf-8")
    placeholders = run("merge", *files, "--labels", "%X", "%S", "%Y")
    assert placeholders.exit_code == 1
    assert "<<<<<<< ours\n" in ours.read_text(encoding="utf-8")
    assert ">>>>>>> theirs\n" in ours.read_text(encoding="utf-8")


# -- git-setup ------------------------------------------------------------------------------------

ATTRIBUTES = b"*.docx binary\nworkplan.yaml merge=crmplan\n"


def test_git_setup_writes_both_once_and_check_says_so(tmp_path: Path, monkeypatch):
    folder = tmp_path / "plan"
    folder.mkdir()
    git(folder, "init", "-q")
    (folder / "workplan.yaml").write_text(SHIPPED, encoding="utf-8")
    (folder / ".gitattributes").write_bytes(b"*.docx binary")  # no final newline
    monkeypatch.setenv("PATH", os.environ["PATH"] + os.pathsep + str(Path(sys.executable).parent))
    check = run("git-setup", "--check", cwd=folder)
    assert check.exit_code == 1 and check.stdout == (
        "merge driver (git config merge.crmplan.driver): no\n"
        "plan file merged with it (.gitattributes, merge=crmplan): no\n"
        "crmplan's lock file left out of git (.gitignore): no\n"
        "crmplan on the PATH, for git to run: yes\n")
    first = run("git-setup", cwd=folder)
    assert first.exit_code == 0, first.output
    assert first.stdout.splitlines()[:3] == [
        "Wrote the merge driver in the repository's configuration (.git/config).",
        f"Wrote 'workplan.yaml merge=crmplan' in {folder / '.gitattributes'}.",
        f"Wrote '/.workplan.yaml.lock' in {folder / '.gitignore'}."]
    assert git(folder, "config", "merge.crmplan.driver").stdout == DRIVER + "\n"
    assert (folder / ".gitattributes").read_bytes() == ATTRIBUTES
    assert (folder / ".gitignore").read_bytes() == b"/.workplan.yaml.lock\n"
    assert run("set", "1.1", "status=continuo", cwd=folder).exit_code == 0
    assert (folder / ".workplan.yaml.lock").exists()
    assert git(folder, "status", "--porcelain").stdout == (
        "?? .gitattributes\n?? .gitignore\n?? workplan.yaml\n")
    again = run("git-setup", cwd=folder)
    assert again.exit_code == 0 and again.stdout.startswith(
        "git was already set up to merge workplan.yaml with crmplan; nothing written.\n")
    assert (folder / ".gitattributes").read_bytes() == ATTRIBUTES
    assert run("git-setup", "--check", cwd=folder).exit_code == 0


def test_git_setup_for_a_plan_in_a_subfolder_with_a_space(tmp_path: Path):
    folder = tmp_path / "red"
    (folder / "planes 2010").mkdir(parents=True)
    git(folder, "init", "-q")
    plan = folder / "planes 2010" / "workplan.yaml"
    plan.write_text(SHIPPED, encoding="utf-8")
    assert run("git-setup", "-f", str(plan)).exit_code in (0, 1)  # 1: crmplan not on the PATH
    assert (folder / ".gitattributes").read_text(encoding="utf-8") == \
        '"planes 2010/workplan.yaml" merge=crmplan\n'
    said = git(folder, "check-attr", "merge", "--", "planes 2010/workplan.yaml").stdout
    assert said == "planes 2010/workplan.yaml: merge: crmplan\n"
    assert (folder / ".gitignore").read_text(encoding="utf-8") == \
        "/planes 2010/.workplan.yaml.lock\n"
    lock = "planes 2010/.workplan.yaml.lock"
    assert git(folder, "check-ignore", "--no-index", "--", lock).stdout == lock + "\n"


def test_git_setup_keeps_a_gitignore_that_already_ignores_the_lock(tmp_path: Path):
    git(tmp_path, "init", "-q")
    (tmp_path / "workplan.yaml").write_text(SHIPPED, encoding="utf-8")
    (tmp_path / ".gitignore").write_bytes(b".venv/\r\n.*.lock\r\n")
    result = run("git-setup", cwd=tmp_path)
    assert "crmplan's lock file left out of git (.gitignore): yes\n" in result.stdout
    assert ".gitignore" not in result.stdout.split("merge driver (")[0]
    assert (tmp_path / ".gitignore").read_bytes() == b".venv/\r\n.*.lock\r\n"


def test_git_setup_for_a_plan_in_a_folder_named_like_a_pattern(tmp_path: Path):
    folder = tmp_path / "red"
    (folder / "Plan [2010]").mkdir(parents=True)
    git(folder, "init", "-q")
    plan = folder / "Plan [2010]" / "workplan.yaml"
    plan.write_text(SHIPPED, encoding="utf-8")
    run("git-setup", "-f", str(plan))
    assert run("git-setup", "-f", str(plan)).stdout.startswith("git was already set up")
    assert (folder / ".gitattributes").read_text(encoding="utf-8") == \
        '"Plan \\\\[2010\\\\]/workplan.yaml" merge=crmplan\n'
    said = git(folder, "check-attr", "merge", "--", "Plan [2010]/workplan.yaml").stdout
    assert said == "Plan [2010]/workplan.yaml: merge: crmplan\n"


def test_git_setup_outside_a_repository(tmp_path: Path):
    (tmp_path / "workplan.yaml").write_text(SHIPPED, encoding="utf-8")
    result = run("git-setup", cwd=tmp_path)
    assert (result.exit_code, result.stderr) == (
        1, f"crmplan: {tmp_path} is not in a git repository\n")


# -- log ------------------------------------------------------------------------------------------

@pytest.fixture
def history(repo: Path) -> Path:
    """9.3 through a year: status changed, archived on a branch while 1.1 changed on main (the
    two merged by the driver), then restored."""
    commit(repo, apply_all(SHIPPED, [("set", "9.3", "status_note",
                                      quoted("(Tegucigalpa, noviembre de 2008) confirmado"))]),
           "Nota de 9.3", author="Ana", date="2010-01-10T09:00:00")
    base = (repo / "workplan.yaml").read_text(encoding="utf-8")
    branches(repo, apply_all(base, [("set", "1.1", "status", "pendiente")]),
             archive(apply_all(base, [("set", "9.3", "status", "pendiente")]), "9.3", ON))
    commit(repo, restore((repo / "workplan.yaml").read_text(encoding="utf-8"), "9.3"),
           "Restaurar 9.3", author="Beto", date="2010-04-01T09:00:00")
    return repo


def test_log_of_an_activity_through_its_archive_and_restore(history: Path):
    result = run("log", "9.3", cwd=history)
    assert result.exit_code == 0, result.output
    shas = git(history, "log", "--format=%h", "--abbrev=7", "--reverse", "--no-merges").stdout
    plan, note, mexico, _panama, restored = shas.split()
    assert result.stdout == (
        "9.3 Designar un enlace por país para la coordinación de las repatriaciones de víctimas "
        "de trata.\n"
        "workplan.yaml: 4 changes in 4 commits.\n\n"
        f"2009-11-26  {plan}  Secretaría Técnica  Plan de noviembre\n  added\n\n"
        f"2010-01-10  {note}  Ana  Nota de 9.3\n"
        "  status note: (Tegucigalpa, noviembre de 2008) {+confirmado+}\n\n"
        f"2010-03-02  {mexico}  Enlace de México  México\n  archived\n\n"
        f"2010-04-01  {restored}  Beto  Restaurar 9.3\n  restored to the active plan\n")


def test_log_json(history: Path):
    result = run("log", "9.3", "--format", "json", "-f", str(history / "workplan.yaml"))
    data = json.loads(result.stdout)
    assert (data["id"], data["file"], data["unreadable"]) == ("9.3", "workplan.yaml", [])
    assert [(e["author"], e["subject"], [c["kind"] for c in e["changes"]])
            for e in data["events"]] == [
        ("Secretaría Técnica", "Plan de noviembre", ["added"]),
        ("Ana", "Nota de 9.3", ["edited"]),
        ("Enlace de México", "México", ["archived"]),
        ("Beto", "Restaurar 9.3", ["restored"]),
    ]
    assert data["events"][1]["date"].startswith("2010-01-10T09:00:00")
    assert len(data["events"][0]["commit"]) == 40


def test_log_of_an_unknown_activity_and_outside_git(history: Path, tmp_path: Path):
    result = run("log", "99.1", cwd=history)
    assert (result.exit_code, result.stderr) == (2, (
        "crmplan: no version of workplan.yaml in the git history has an activity '99.1'\n"))
    (tmp_path / "solo").mkdir()
    (tmp_path / "solo" / "workplan.yaml").write_text(SHIPPED, encoding="utf-8")
    outside = run("log", "9.3", cwd=tmp_path / "solo")
    assert outside.exit_code == 1 and "is not in a git repository" in outside.stderr


def test_log_finds_an_id_as_show_does(repo: Path):
    """Case and spaces ignored, as `show` finds I.B.1.3 from i.b.1.3; the plan's own spelling
    is shown."""
    exact = run("log", "I.B.1.3", cwd=repo)
    assert exact.exit_code == 0, exact.output
    assert exact.stdout.startswith("I.B.1.3 ")
    for typed in ("i.b.1.3", " I.b.1.3 "):
        result = run("log", typed, cwd=repo)
        assert (result.exit_code, result.stdout, result.stderr) == (0, exact.stdout, "")
    data = json.loads(run("log", "i.b.1.3", "--format", "json", cwd=repo).stdout)
    assert data["id"] == "I.B.1.3" and len(data["events"]) == 1


def test_log_skips_a_commit_that_holds_an_unfinished_merge(repo: Path):
    commit(repo, SHIPPED.replace("        status: pendiente\n",
                                 "<<<<<<< ours\n        status: pendiente\n=======\n"
                                 "        status: continuo\n>>>>>>> theirs\n", 1), "Roto")
    commit(repo, SHIPPED.replace('"9.3"\n        text: Designar', '"9.3"\n        text: Nombrar'),
           "Arreglado")
    data = json.loads(run("log", "9.3", "--format", "json", cwd=repo).stdout)
    assert [e["subject"] for e in data["events"]] == ["Plan de noviembre", "Arreglado"]
    assert len(data["unreadable"]) == 1
    text = run("log", "9.3", cwd=repo).stdout
    assert "Skipped, as the plan file could not be read there: " in text


# -- changes --since: the other parts of the plan -------------------------------------------------

def test_changes_since_a_revision_covers_the_other_parts(repo: Path):
    new = SHIPPED.replace("  updated: 2009-11-26\n", "  updated: 2010-03-01\n").replace(
        "  updated_by: ST\n", "  updated_by: ST y OIM\n").replace(
        "  ACNUR: Alto", "  OEA: Organización de los Estados Americanos\n  ACNUR: Alto").replace(
        "    title: Intercambio de información\n",
        "    title: Intercambio de información entre países\n")
    (repo / "workplan.yaml").write_text(new, encoding="utf-8")
    result = run("changes", "--since", "HEAD", "--format", "json", cwd=repo)
    data = json.loads(result.stdout)
    assert [(p["part"], p["key"], p["kind"], p["field"], p["from"], p["to"])
            for p in data["parts"]] == [
        ("document", "", "edited", "updated_by", "ST", "ST y OIM"),
        ("section", "B", "edited", "title", "Intercambio de información",
         "Intercambio de información entre países"),
        ("actor", "OEA", "added", None, None, None),
    ]
    markdown = run("changes", "--since", "HEAD", "--format", "markdown", cwd=repo).stdout
    assert markdown.endswith(
        "1 change to the document data, 1 change to the sections, 1 change to the actors.\n\n"
        "## Document data\n\n- updated by: ST **y OIM**\n\n"
        "## Sections\n\n- **B** Intercambio de información entre países\n"
        "  - title: Intercambio de información **entre países**\n\n"
        "## Actors\n\n- **OEA** Organización de los Estados Americanos\n  - added\n")


def test_init_git_writes_the_plan_and_sets_git_up(tmp_path: Path):
    folder = tmp_path / "red"
    folder.mkdir()
    outside = run("init", "--git", cwd=folder)
    assert (outside.exit_code, outside.stderr) == (
        1, f"crmplan: {folder} is not in a git repository\n")
    assert not (folder / "workplan.yaml").exists()  # refused before anything was written
    git(folder, "init", "-q")
    result = run("init", "--git", "--date", "2010-03-01", cwd=folder)
    assert result.exit_code == 0, result.output  # crmplan on git's PATH or not
    assert result.stdout.splitlines()[:4] == [
        "Wrote workplan.yaml, a new plan to fill in. Check it after each change: crmplan "
        "validate -f workplan.yaml",
        "Wrote the merge driver in the repository's configuration (.git/config).",
        f"Wrote 'workplan.yaml merge=crmplan' in {folder / '.gitattributes'}.",
        f"Wrote '/.workplan.yaml.lock' in {folder / '.gitignore'}."]
    assert git(folder, "config", "merge.crmplan.driver").stdout == DRIVER + "\n"
    assert run("validate", cwd=folder).exit_code == 0
