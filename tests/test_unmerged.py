"""Finding, without starting git, whether git has an operation in progress above a plan
(unmerged.py); what git then says is tested with real git in test_sharing.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_plan.unmerged import git_dir, in_progress


@pytest.fixture(autouse=True)
def no_git_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GIT_DIR", raising=False)


def test_the_git_folder_above_a_plan(tmp_path: Path):
    (tmp_path / "red" / ".git").mkdir(parents=True)
    (tmp_path / "red" / "plan" / "notas").mkdir(parents=True)
    assert git_dir(tmp_path / "red" / "plan" / "notas") == tmp_path / "red" / ".git"


def test_a_git_file_points_to_the_folder_relative_to_itself(tmp_path: Path):
    """A linked worktree or a submodule: `.git` is a file `gitdir: PATH`."""
    (tmp_path / "arbol").mkdir()
    (tmp_path / "arbol" / ".git").write_bytes(b"gitdir: ../red/.git/worktrees/arbol\r\n")
    assert git_dir(tmp_path / "arbol") == tmp_path / "arbol" / "../red/.git/worktrees/arbol"
    (tmp_path / "arbol" / ".git").write_bytes(b"\xff not a pointer")
    assert git_dir(tmp_path / "arbol") is None


def test_git_dir_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "otro.git"))
    assert git_dir(tmp_path) == tmp_path / "otro.git"


@pytest.mark.parametrize(("left", "command"), [
    ("MERGE_HEAD", "merge"), ("CHERRY_PICK_HEAD", "cherry-pick"), ("REVERT_HEAD", "revert"),
    ("rebase-merge/", "rebase"), ("rebase-apply/", "rebase"), ("rebase-apply/applying", "am"),
])
def test_what_git_leaves_while_an_operation_is_unfinished(tmp_path: Path, left: str,
                                                          command: str):
    assert in_progress(tmp_path) is None
    (tmp_path / left.rstrip("/")).parent.mkdir(parents=True, exist_ok=True)
    if left.endswith("/"):
        (tmp_path / left).mkdir()
    else:
        (tmp_path / left).write_text("", encoding="utf-8")
    assert in_progress(tmp_path) == command
