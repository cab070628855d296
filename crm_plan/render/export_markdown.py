"""`crmplan export --format markdown`: the plan as the 2009 document, in markdown.

Markdown has no underline: pending and to-be-defined items are wrapped in `<ins>...</ins>`,
which GitHub, GitLab, VS Code and pandoc's HTML all draw underlined (GitHub strips `<u>`).
Plan-of-Action items are in upper case, as in the document. A table per section; the
OBJETIVOS cell is written on the first row of its objective and left empty below, since
markdown cannot merge cells.
"""

from __future__ import annotations

from crm_plan.export import Entry, Layout, Part, Row

_MARKUP = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "&lt;", ">": "&gt;", "*": "\\*",
                         "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]"})


def export_markdown(layout: Layout) -> bytes:
    lines = [f"**{escape(layout.organization)}**", "", f"# {escape(layout.title)}", ""]
    if layout.updated:
        lines += [escape(layout.updated), ""]
    for part in layout.parts:
        lines += _part(part)
    if layout.note or layout.legend:
        lines += ["---", ""]
    if layout.note:
        lines += [escape(layout.note), ""]
    for line in layout.legend:
        lines += [escape(line), ""]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _part(part: Part) -> list[str]:
    lines = [f"# {escape(part.heading)}", ""] if part.heading else []
    for area in part.areas:
        if area.heading:
            lines += [f"## {escape(area.heading)}", ""]
        for section in area.sections:
            lines += [f"### {escape(section.heading)}", "", _cells(part.columns),
                      _cells(["---"] * len(part.columns))]
            for block in section.objectives:
                for index, row in enumerate(block.rows):
                    lines.append(_row(block.entry if index == 0 else None, row))
            lines.append("")
    return lines


def _row(objective: Entry | None, row: Row) -> str:
    first = entry_markdown(objective) if objective else ""
    return _cells([first, *("<br>".join(entry_markdown(e) for e in cell) for cell in row.cells)])


def entry_markdown(entry: Entry) -> str:
    text = escape(entry.plain())
    return f"<ins>{text}</ins>" if entry.underline else text


def _cells(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def escape(text: str) -> str:
    """Plan text as markdown that reads as written: no table syntax, HTML or emphasis."""
    return " ".join(text.translate(_MARKUP).split())
