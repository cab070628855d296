"""The exported documents opened by the programs people open them with.

These tests run where the programs are installed, and skip elsewhere saying which is missing.
`.ci/run` installs them when it runs as root with apt (as on CI), so they run on every
submission. To run them locally on Debian or Ubuntu:
    sudo apt-get install -y chromium libreoffice-writer-nogui poppler-utils
- Chromium (headless) loads the HTML export, prints no console message (the page's
  Content-Security-Policy makes any script or external load one), and renders a screenshot
  and a landscape PDF.
- LibreOffice converts the Word export to PDF.
- Both PDFs, read back with poppler's `pdftotext`, hold every activity's number and the
  legend, and every page rendered by `pdftoppm` has something on it.
"""

from __future__ import annotations

import collections
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
POPPLER = shutil.which("pdftotext") is not None and shutil.which("pdftoppm") is not None


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


def chromium(tmp_path: Path, page: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Headless Chromium as Debian ships it, run as root in a container (hence --no-sandbox)."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1600",
         "--enable-logging=stderr", "--v=0", *args, page.as_uri()],
        capture_output=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done


def libreoffice_pdf(tmp_path: Path, document: Path) -> Path:
    assert LIBREOFFICE is not None
    done = subprocess.run(
        [LIBREOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "out"), str(document)],
        capture_output=True, timeout=TIMEOUT, check=False)
    pdf = tmp_path / "out" / f"{document.stem}.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")
    return pdf


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_html_in_a_headless_browser(tmp_path: Path):
    page, png, pdf = tmp_path / "plan.html", tmp_path / "plan.png", tmp_path / "plan.pdf"
    export(page)
    done = chromium(tmp_path, page, f"--screenshot={png}", f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer", "--dump-dom")
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
    pdf = libreoffice_pdf(tmp_path, document)
    pages = landscape_pages(pdf.read_bytes())
    assert len(pages) >= 3 and all(pages)


# -- the PDFs read back ---------------------------------------------------------------------------

def expected_numbers() -> list[str]:
    """Every activity's number as the document prints it (9.3; I.B.1.2 is 1.2 in the history)."""
    from crm_plan.export import number
    from crm_plan.planfile import load_valid, locate

    plan = load_valid(locate(REAL_PLAN)).plan
    return [number(a.id) for a in plan.activities(archived=True)]


def legend() -> tuple[str, ...]:
    from crm_plan.planfile import load_valid, locate

    return load_valid(locate(REAL_PLAN)).plan.document.legend


def pdf_text(pdf: Path, *pages: str) -> str:
    """The text of a PDF; `"-f", "3", "-l", "3"` for its third page only."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-"],
                          capture_output=True, timeout=TIMEOUT, check=True)
    return done.stdout.decode("utf-8")


def inked_pixels(pdf: Path, folder: Path) -> list[int]:
    """Each page rendered by pdftoppm (grey, 20 dpi): how many of its pixels are not white."""
    folder.mkdir()
    subprocess.run(["pdftoppm", "-gray", "-r", "20", str(pdf), str(folder / "page")],
                   capture_output=True, timeout=TIMEOUT, check=True)
    counts = []
    for image in sorted(folder.glob("page-*.pgm"), key=lambda p: int(p.stem.split("-")[-1])):
        data = image.read_bytes()
        magic, width, height, _maxval, pixels = data.split(maxsplit=4)
        assert magic == b"P5"
        pixels = pixels[:int(width) * int(height)]
        counts.append(sum(1 for value in pixels if value < 250))
    return counts


def assert_pdf_reads_back(pdf: Path, tmp_path: Path) -> None:
    text = pdf_text(pdf)
    printed = collections.Counter(re.findall(r"(?<![\d.])(\d+(?:\.\d+)+)(?=\s)", text))
    missing = collections.Counter(expected_numbers()) - printed
    assert not missing, f"activity numbers not found in the PDF's text: {sorted(missing)}"
    flat = " ".join(text.split())
    assert [line for line in legend() if " ".join(line.split()) not in flat] == []
    inked = inked_pixels(pdf, tmp_path / "pages")
    assert len(inked) >= 3
    # A line of small grey text is a few hundred pixels at 20 dpi; an empty page none.
    assert [page for page, count in enumerate(inked, 1) if count < 20] == [], inked


@pytest.mark.skipif(CHROMIUM is None or not POPPLER,
                    reason="chromium or poppler-utils (pdftotext, pdftoppm) is not installed")
def test_the_pdf_of_the_html_reads_back(tmp_path: Path):
    page, pdf = tmp_path / "plan.html", tmp_path / "plan.pdf"
    export(page)
    chromium(tmp_path, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    assert_pdf_reads_back(pdf, tmp_path)
    # The legend stays on one page (it once left its last line alone on a page of its own).
    last = str(len(landscape_pages(pdf.read_bytes())))
    flat = " ".join(pdf_text(pdf, "-f", last, "-l", last).split())
    assert all(" ".join(line.split()) in flat for line in legend())


@pytest.mark.skipif(not WRITER or not POPPLER,
                    reason="LibreOffice Writer or poppler-utils (pdftotext, pdftoppm) is not "
                           "installed")
def test_the_pdf_of_the_docx_reads_back(tmp_path: Path):
    pytest.importorskip("docx")
    document = tmp_path / "plan.docx"
    export(document)
    assert_pdf_reads_back(libreoffice_pdf(tmp_path, document), tmp_path)
