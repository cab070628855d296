"""The exported documents opened by the programs people open them with.

These tests run only where the programs are installed, and skip cleanly elsewhere (CI does not
install them: they are large). To run them locally on Debian or Ubuntu:
    sudo apt-get install -y chromium libreoffice-writer-nogui
- Chromium (headless) loads the HTML export, prints no console message (the page's
  Content-Security-Policy makes any script or external load one), and renders a screenshot
  and a landscape PDF.
- LibreOffice converts the Word export to PDF.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from test_export import page_of
from typer.testing import CliRunner

from crm_plan.cli import app

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser"))), None)
LIBREOFFICE = next(filter(None, map(shutil.which, ("libreoffice", "soffice"))), None)


def _has_writer(program: str | None) -> bool:
    """LibreOffice comes in parts (Debian: libreoffice-calc-nogui, -writer-nogui...); only
    Writer opens a Word file. Its configuration lies in share/registry beside program/."""
    if program is None:
        return False
    registry = Path(program).resolve().parent.parent / "share" / "registry"
    return (registry / "writer.xcd").exists() or not registry.exists()


WRITER = _has_writer(LIBREOFFICE)
REAL_PLAN = str(ROOT / "workplan.yaml")
TIMEOUT = 90  # seconds: a cold start of LibreOffice on a slow machine


def export(path: Path, *args: str) -> None:
    result = CliRunner().invoke(app, ["export", "-f", REAL_PLAN, "--as-of", "2010-03-01",
                                      "-o", str(path), *args], env={"CRMPLAN_FILE": None})
    assert result.exit_code == 0, result.output


def landscape_pages(pdf: bytes) -> list[bool]:
    """For each page box of a PDF, whether it is wider than high."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [float(x1) - float(x0) > float(y1) - float(y0) for x0, y0, x1, y1 in boxes]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_in_a_headless_browser(tmp_path: Path):
    page, png, pdf = tmp_path / "plan.html", tmp_path / "plan.png", tmp_path / "plan.pdf"
    export(page)
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600",
         "--enable-logging=stderr", "--v=0", f"--screenshot={png}", f"--print-to-pdf={pdf}",
         "--no-pdf-header-footer", "--dump-dom", page.as_uri()],
        capture_output=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    console = [line for line in done.stderr.decode(errors="replace").splitlines()
               if ":CONSOLE" in line]
    assert console == []
    dom = page_of(done.stdout)  # the page as the browser built it
    assert dom.tags["table"] == 5 and dom.tags["svg"] == 1
    assert len([attrs for _status, attrs in dom.rows if attrs.get("id")]) == 51
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1280, 1600)
    assert len(data) > 50_000  # a page of text and a chart, not a blank one
    pages = landscape_pages(pdf.read_bytes())
    assert len(pages) >= 3 and all(pages)


@pytest.mark.skipif(not WRITER, reason="LibreOffice Writer is not installed")
def test_docx_opens_in_libreoffice(tmp_path: Path):
    pytest.importorskip("docx")
    document = tmp_path / "plan.docx"
    export(document)
    done = subprocess.run(
        [LIBREOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(document)],
        capture_output=True, timeout=TIMEOUT, check=False)
    pdf = tmp_path / "out" / "plan.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")
    pages = landscape_pages(pdf.read_bytes())
    assert len(pages) >= 3 and all(pages)
