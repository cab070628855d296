"""The documentation: a short README that gets a Spanish-speaking newcomer from a clone to
`crmplan status` on Windows, Linux or macOS, and links (to files and to their sections) that
lead somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

PAGES = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", ROOT / "docs" / "guide.md",
         ROOT / "docs" / "guia.md", ROOT / "docs" / "performance.md"]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_is_a_front_door():
    assert len(README.splitlines()) <= 200


@pytest.mark.parametrize("step", [
    "py -m venv .venv", ".venv\\Scripts\\activate",  # Windows
    "python3 -m venv .venv", ". .venv/bin/activate",  # Linux, macOS
    "pipx install .", "uv tool install .",  # for good: a new terminal still finds crmplan
    "crmplan status", "crmplan --lang es", "CRMPLAN_LANG",
])
def test_the_readme_installs_on_every_system(step: str):
    assert step in README


def test_the_readme_speaks_spanish_and_english():
    assert "**Español.**" in README and "**English.**" in README
    assert "docs/guia.md" in README and "docs/guide.md" in README


def anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of `page` (fenced code left out)."""
    found, fenced = set(), False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (heading := re.match(r"#+ (.*)", line)):
            found.add(re.sub(r"[^\w\- ]", "", heading[1].lower()).replace(" ", "-"))
    return found


def links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return [target for target in re.findall(r"\]\(([^)\s]+)\)", text)
            if not target.startswith(("http://", "https://"))]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_lead_somewhere(page: Path):
    for target in links(page):
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target}"
        if anchor and linked.suffix == ".md":
            assert anchor in anchors(linked), f"{page.name}: {target}"
