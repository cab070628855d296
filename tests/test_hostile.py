"""Hostile inputs: every command on every kind of broken file gets one sentence naming the
file (with line:col where there is one) and exit 1, never a traceback, and changes nothing.

The small files are in tests/data/bad/; the big ones (50 MB, 10,000 levels of nesting, a
1 MB line) are made in a temporary folder, never committed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA
from fuzzing import fuzz_only
from typer.testing import CliRunner

from crm_plan.cli import app
from crm_plan.source import MAX_DEPTH, MAX_FILE_BYTES

runner = CliRunner()
BAD = DATA / "bad"
COMMANDS = [["validate"], ["list"], ["status"], ["show", "9.3"],
            ["archive", "9.3", "--keep-updated"], ["restore", "9.3", "--keep-updated"]]
READ_ONLY = ("validate", "list", "status", "show")

# The first line crmplan says about each file of tests/data/bad ({p}: the file as named).
FIRST_PROBLEM = {
    "empty.yaml": "{p}:1:1: error: the file is empty; a plan starts with 'document:', 'actors:', "
                  "'sections:' and 'objectives:' (see the README) [required]",
    "only-comments.yaml": "{p}:1:1: error: the file is empty; a plan starts with 'document:', "
                          "'actors:', 'sections:' and 'objectives:' (see the README) [required]",
    "top-level-list.yaml": "{p}:1:1: error: the plan file should be a mapping of fields, but this "
                           "is a list [type]",
    "alias-bomb.yaml": "{p}:2:8: error: aliases (*a) are not allowed in a plan file; write the "
                       "value out in full [alias]",
    "tags.yaml": "{p}:2:10: error: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is "
                 "not allowed in a plan file; remove it (nothing was run) [tag]",
    "merge-key.yaml": "{p}:23:9: error: merge keys ('<<') are not supported in a plan file; write "
                      "the fields out in full [merge-key]",
    "duplicate-keys.yaml": "{p}:4:3: error: 'title' appears twice in the same mapping (first at "
                           "line 2); remove or rename one [duplicate-key]",
    "status-no.yaml": "{p}:34:17: error: 'no' is not a status (known: continuo, programado, "
                      "pendiente, por definir, completado) [status]",
    "impossible-dates.yaml": "{p}:4:12: error: 'updated' is '2010-13', which is not a date; write "
                             "it as YYYY-MM-DD, e.g. 2009-11-26 [date]",
    "tabs.yaml": "{p}:24:1: error: this line is indented with a tab; YAML needs spaces for "
                 "indentation [tab]",
    "nul.yaml": "{p}:32:23: error: the file contains a NUL byte: it looks like a binary file, not "
                "a YAML text [encoding]",
    "latin1.yaml": "{p}:6:15: error: the file is not UTF-8 text (byte 0xed here); save it with the "
                   "encoding UTF-8 [encoding]",
    "utf16.yaml": "{p}:1:1: error: the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save "
                  "as, Encoding UTF-8) [encoding]",
}


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CRMPLAN_DEBUG", raising=False)


def run(*args: str):
    result = runner.invoke(app, list(args))
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _bytes(path: Path) -> bytes | None:
    """The file's bytes, even while Path.read_bytes is made to fail."""
    if not path.is_file():
        return None
    with open(path, "rb") as data:
        return data.read()


def refused_everywhere(path: Path, first_line: str, commands: list[list[str]] = COMMANDS) -> None:
    """Every command says `first_line` first, exits 1 and leaves the file as it was."""
    before = _bytes(path)
    for command in commands:
        result = run(*command, "-f", str(path))
        lines = (result.stdout + result.stderr).splitlines()
        assert (result.exit_code, lines[0]) == (1, first_line), (command, lines)
        if command[0] != "validate":
            assert lines[-1].startswith(f"crmplan: {path}"), (command, lines)
    assert _bytes(path) == before
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("name", sorted(FIRST_PROBLEM))
def test_every_command_on_a_broken_file(tmp_path: Path, name: str):
    path = tmp_path / name
    shutil.copyfile(BAD / name, path)
    refused_everywhere(path, FIRST_PROBLEM[name].format(p=path))


def test_the_corpus_is_complete():
    assert sorted(p.name for p in BAD.iterdir()) == sorted([*FIRST_PROBLEM, "unquoted-6.10.yaml"])


def test_what_a_refusal_says(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    shutil.copyfile(BAD / "status-no.yaml", path)
    problem = FIRST_PROBLEM["status-no.yaml"].format(p=path)
    assert run("list", "-f", str(path)).stderr == (
        f"{problem}\ncrmplan: {path} has errors; fix them first (crmplan validate lists them)\n")
    assert run("archive", "9.3", "-f", str(path)).stderr == (
        f"{problem}\ncrmplan: {path} has errors; fix them first (crmplan validate lists them)\n")


def test_tags_never_run_anything(tmp_path: Path):
    marker = tmp_path / "ran"
    path = tmp_path / "plan.yaml"
    path.write_text((BAD / "tags.yaml").read_text(encoding="utf-8").replace("@MARKER@", str(marker)),
                    encoding="utf-8")
    result = run("validate", "-f", str(path))
    assert result.exit_code == 1
    tags = [line for line in result.stdout.splitlines() if line.endswith("[tag]")]
    assert [line.split(":")[1] for line in tags] == ["2", "3", "20", "24", "33"]
    assert "'!custom' is not allowed" in tags[-1]
    for command in COMMANDS[1:]:
        assert run(*command, "-f", str(path)).exit_code == 1
    assert not marker.exists()


def test_duplicate_keys_are_found_at_every_level(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    shutil.copyfile(BAD / "duplicate-keys.yaml", path)
    lines = run("validate", "-f", str(path)).stdout.splitlines()
    found = [(line.split(":")[1], line.split("'")[1]) for line in lines[:-1]]
    # document, the top level, a section, an activity (twice), an objective
    assert found == [("4", "title"), ("9", "actors"), ("16", "title"), ("26", "text"),
                     ("32", "due"), ("35", "section")]
    assert lines[-1] == f"{path}: 6 errors, 0 warnings (2 objectives, 3 activities, 0 in the history)."


def test_dates_that_do_not_exist(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    shutil.copyfile(BAD / "impossible-dates.yaml", path)
    assert run("validate", "-f", str(path)).stdout.splitlines()[1] == (
        f"{path}:26:14: error: the due date '2010-13' has no such month; months go from 01 to 12 "
        "[due]")


def test_an_unquoted_6_10_is_read_as_written(tmp_path: Path):
    """Not broken: a warning, and 6.10 stays 6.10 (never 6.1) for every command."""
    path = tmp_path / "plan.yaml"
    shutil.copyfile(BAD / "unquoted-6.10.yaml", path)
    original = path.read_bytes()
    result = run("validate", "-f", str(path))
    assert (result.exit_code, result.stdout) == (0, (
        f"{path}:22:13: warning: id 6.10 is not in quotes: YAML tools read it as the number 6.1; "
        f"write id: \"6.10\" [id-quotes]\n"
        f"{path}: 0 errors, 1 warning (2 objectives, 3 activities, 0 in the history).\n"))
    assert run("show", "6.10", "--format", "json", "-f", str(path)).stdout.count('"6.10"') == 1
    for command in COMMANDS[1:]:
        assert run(*command, "-f", str(path)).exit_code == 0, command
    assert path.read_bytes() == original  # archive 9.3 then restore 9.3


def test_a_missing_file(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    refused_everywhere(path, f"crmplan: {path}: no such file")
    assert list(tmp_path.iterdir()) == []  # not even a lock file


def test_a_folder(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.mkdir()
    refused_everywhere(path, f"crmplan: {path}: is a folder, not a plan file")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.yaml"]


def test_a_file_without_read_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "plan.yaml"
    shutil.copyfile(BAD / "unquoted-6.10.yaml", path)

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)  # tests run as root, who may read anything
    refused_everywhere(path, f"crmplan: {path}: you do not have permission to read this file")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_endless_device():
    """Read no more than a plan may hold, whatever stat says (0 bytes for a device); and never
    try to edit a device."""
    reads = [c for c in COMMANDS if c[0] in READ_ONLY]
    refused_everywhere(Path("/dev/zero"), "crmplan: /dev/zero: the file is 21 MB; a plan file "
                                          "may be at most 20 MB", reads)
    for command in ("archive", "restore"):
        result = run(command, "9.3", "-f", "/dev/zero")
        assert (result.exit_code, result.stderr) == (2, (
            "crmplan: /dev/zero is not a regular file: a plan read from a pipe cannot be edited; "
            "give its path\n"))


@pytest.mark.skipif(not Path("/dev/stdin").exists(), reason="no /dev/stdin here")
def test_a_plan_from_a_pipe():
    plan = (BAD / "unquoted-6.10.yaml").read_bytes()
    done = subprocess.run([sys.executable, "-m", "crm_plan", "validate", "-f", "/dev/stdin"],
                          input=plan, capture_output=True, timeout=60, check=False)
    assert (done.returncode, done.stdout.decode().splitlines()[-1]) == (
        0, "/dev/stdin: 0 errors, 1 warning (2 objectives, 3 activities, 0 in the history).")


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as out:
        out.truncate(size)
    return path


def test_a_50_mb_file(tmp_path: Path):
    path = sparse(tmp_path / "plan.yaml", 50 * 1024 * 1024)
    refused_everywhere(path, f"crmplan: {path}: the file is 50 MB; a plan file may be at most "
                             "20 MB")


def test_the_size_limit_is_exact(tmp_path: Path):
    path = sparse(tmp_path / "plan.yaml", MAX_FILE_BYTES + 1)
    result = run("validate", "-f", str(path))
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {path}: the file is 21 MB; a plan file may be at most 20 MB\n"))
    sparse(path, MAX_FILE_BYTES)  # at the limit it is read (and is all NUL bytes)
    assert run("validate", "-f", str(path)).stdout.startswith(f"{path}:1:1: error: the file "
                                                               "contains a NUL byte")


NESTED = {
    "flow.yaml": ("[" * 10_000 + "]" * 10_000, f"1:{MAX_DEPTH + 1}"),
    "block.yaml": ("- " * 10_000 + "x\n", f"1:{2 * MAX_DEPTH + 1}"),
    "mappings.yaml": ("{a: " * 10_000 + "x" + "}" * 10_000, f"1:{4 * MAX_DEPTH + 1}"),
    "in-a-plan.yaml": ((BAD / "unquoted-6.10.yaml").read_text(encoding="utf-8").replace(
        "  title: Plan de prueba", "  title: " + "[" * 10_000), f"2:{10 + MAX_DEPTH - 2}"),
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_10000_levels_of_nesting(tmp_path: Path, name: str):
    text, where = NESTED[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    refused_everywhere(path, f"{path}:{where}: error: the file is nested more than {MAX_DEPTH} "
                             f"levels deep here; a plan file is at most {MAX_DEPTH} levels deep "
                             "[depth]")


def plan_with_a_1_mb_line(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    long_text = "Designar un enlace por país " * 37_500  # 1 MB on one line
    path.write_text((BAD / "unquoted-6.10.yaml").read_text(encoding="utf-8").replace(
        "Designar un enlace por país", long_text.strip()), encoding="utf-8")
    assert path.stat().st_size > 1024 * 1024
    return path


def test_a_1_mb_line_in_a_valid_plan(tmp_path: Path):
    path = plan_with_a_1_mb_line(tmp_path)
    original = path.read_bytes()
    # (the table of list and show wraps the megabyte of text for seconds: see the fuzz test)
    for command in [["validate"], ["list", "--format", "json"], ["status"],
                    ["show", "9.3", "--format", "json"], ["archive", "9.3", "--keep-updated"],
                    ["restore", "9.3", "--keep-updated"]]:
        assert run(*command, "-f", str(path)).exit_code == 0, command
    assert path.read_bytes() == original


@fuzz_only
def test_a_1_mb_line_in_the_tables(tmp_path: Path):
    path = plan_with_a_1_mb_line(tmp_path)
    for command in (["list"], ["show", "9.3"]):
        result = run(*command, "-f", str(path))
        assert result.exit_code == 0 and "Designar un enlace" in result.stdout


def test_a_1_mb_line_that_never_closes_its_quote(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_text((BAD / "unquoted-6.10.yaml").read_text(encoding="utf-8").replace(
        "Designar un enlace por país", '"' + "x" * 1024 * 1024), encoding="utf-8")
    refused_everywhere(path, f"{path}:33:15: error: this quote is not closed: a text that "
                             'starts with " must end with " [syntax]')


BIG_INPUTS = {
    "50mb.yaml": lambda path: sparse(path, 50 * 1024 * 1024),
    "nested.yaml": lambda path: path.write_text("[" * 10_000 + "]" * 10_000),
    "line.yaml": lambda path: path.write_text("text: " + "x " * 512 * 1024 + "\n"),
    "bomb.yaml": lambda path: shutil.copyfile(BAD / "alias-bomb.yaml", path),
    "just-under-the-limit.yaml": lambda path: path.write_text(
        "document:\n" + ("  # " + "x" * 97 + "\n") * (MAX_FILE_BYTES // 102)),
}


@pytest.mark.parametrize("name", sorted(BIG_INPUTS))
def test_an_answer_not_a_hang(tmp_path: Path, name: str):
    """The real command, in a process of its own, answers (how fast is bench/'s business: a
    busy machine must not fail this test; the bound only catches a hang)."""
    path = tmp_path / name
    BIG_INPUTS[name](path)
    env = {**os.environ, "CRMPLAN_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-m", "crm_plan", "validate", "-f", str(path)],
                          capture_output=True, text=True, timeout=60, env=env, check=False)
    assert done.returncode == 1 and str(path) in done.stdout + done.stderr
    assert "Traceback" not in done.stderr
