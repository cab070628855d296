"""The standard output as it comes: a full disk, a console that cannot show every character.
Each is a sentence and an exit code, never "internal error"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PLAN = str(ROOT / "workplan.yaml")
NO_SPACE = "crmplan: no space left on the device while writing the output\n"


def crmplan(*args: str, stdout: object = subprocess.PIPE, **env: str
            ) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "crm_plan", *args], stdout=stdout,
                          stderr=subprocess.PIPE, env={**os.environ, **env}, timeout=120,
                          check=False)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("args", [("list",), ("status", "--format", "json"), ("show", "9.3"),
                                  ("export",), ("validate",)])
def test_a_full_disk_is_a_sentence(args: tuple[str, ...]):
    with open("/dev/full", "wb") as full:
        done = crmplan("-f", PLAN, *args, stdout=full)
    assert (done.returncode, done.stderr.decode()) == (1, NO_SPACE)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_in_spanish():
    with open("/dev/full", "wb") as full:
        done = crmplan("--lang", "es", "-f", PLAN, "list", stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "crmplan: no queda espacio en el dispositivo para escribir la salida\n")


@pytest.mark.parametrize("encoding", ["ascii", "cp850", "cp1252"])
def test_a_console_that_cannot_show_a_character_gets_a_replacement(encoding: str):
    done = crmplan("-f", PLAN, "show", "9.3", PYTHONIOENCODING=encoding, COLUMNS="80")
    assert done.returncode == 0 and done.stderr == b""
    shown = done.stdout.decode(encoding)
    assert "Designar un enlace por pa" in shown
    if encoding == "ascii":
        assert "Protecci?n a v?ctimas de trata" in shown


def test_an_error_message_on_an_ascii_console():
    done = crmplan("--lang", "es", "-f", "no-está.yaml", "list", PYTHONIOENCODING="ascii")
    # click takes a stream that claims ASCII for a misconfigured UTF-8 one, and writes UTF-8
    assert (done.returncode, done.stderr) == (
        1, "crmplan: no-está.yaml: el archivo no existe\n".encode())


@pytest.mark.parametrize("encoding", ["cp850", "cp1252"])
@pytest.mark.parametrize("args", [("status",), ("list",), ("report", "--responsible", "México"),
                                  ("--help",), ("list", "--help")])
def test_the_views_on_a_windows_console(encoding: str, args: tuple[str, ...]):
    """The code pages of a Windows console (cp850 in Latin America, cp1252): rich draws its
    boxes in characters the page has; what it lacks (an ellipsis in cp850) becomes `?`."""
    done = crmplan("-f", PLAN, *args, PYTHONIOENCODING=encoding, COLUMNS="80")
    assert (done.returncode, done.stderr) == (0, b"")
    done.stdout.decode(encoding)  # what the console receives is text of its page


@pytest.mark.parametrize("encoding", ["cp850", "cp1252"])
def test_problems_quoting_what_the_console_cannot_show(tmp_path: Path, encoding: str):
    """The plan quotes characters neither page has: standard output gets `?`, the error
    output Python's escapes; never "internal error"."""
    from conftest import SMALL_PLAN

    plan = tmp_path / "plan→.yaml"
    plan.write_text(SMALL_PLAN.replace("status: continuo", "status: hecho → ✓"),
                    encoding="utf-8")
    done = crmplan("-f", str(plan), "validate", PYTHONIOENCODING=encoding)
    assert (done.returncode, done.stderr) == (1, b"")
    assert "plan?.yaml:27:17: error: 'hecho ? ?' is not a status".encode(encoding) in done.stdout
    done = crmplan("-f", str(plan), "archive", "1.1", PYTHONIOENCODING=encoding)
    assert done.returncode == 1
    assert done.stderr.decode(encoding).endswith(
        "plan\\u2192.yaml has errors; fix them first (crmplan validate lists them)\n")
