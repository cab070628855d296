"""`crmplan report`: an actor's action sheet as a table (rich), markdown, HTML or Word.

Every format shows the same thing: a title, who the actor is and the groups it belongs to,
then one table per group of activities (overdue, pending, scheduled, ongoing, completed) with
the id, the activity and its references, how it names the actor, and its status.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, NamedTuple

from crm_plan.export import cased, ref_text
from crm_plan.messages import _, ngettext
from crm_plan.model import Plan
from crm_plan.query import Hit, is_overdue
from crm_plan.render.layout import role_label
from crm_plan.sheet import Group, Sheet

if TYPE_CHECKING:
    from rich.console import Console


class SheetRow(NamedTuple):
    id: str
    text: str  # upper case for the Plan of Action, as in the document
    refs: tuple[str, ...]  # "(Ref.: ...)"
    notes: tuple[str, ...]
    role: str  # "responsible", "coordination, via Países miembros"
    status: str  # "por definir", "programado, Febrero 2010 (due 2010-02)", ...
    underline: bool


def group_title(group: Group) -> str:
    return {
        Group.OVERDUE: _("Overdue: programado, due date passed"),
        Group.PENDING: _("Pending: pendiente or por definir"),
        Group.SCHEDULED: _("Scheduled: programado, by due date"),
        Group.ONGOING: _("Ongoing: continuo"),
        Group.COMPLETED: _("Completed: completado, to be archived"),
    }[group]


def group_heading(group: Group, found: list[SheetRow]) -> str:
    """`Pending: pendiente or por definir (9)`."""
    return f"{group_title(group)} ({len(found)})"


def title(sheet: Sheet) -> str:
    return _("Action sheet: {actor}").format(actor=sheet.actor)


def intro(plan: Plan, sheet: Sheet) -> list[str]:
    """Who the actor is, which plan, and how many activities name it."""
    who = sheet.full_name if sheet.full_name != sheet.actor else sheet.actor
    if sheet.groups_of:
        who = _("{name}; member of {groups}").format(name=who, groups=", ".join(sheet.groups_of))
    count = len(sheet.hits)
    lines = [who, plan.document.title]
    if count:
        lines.append(ngettext(
            "{n} activity of the active plan names {actor}, directly or through a group, as of "
            "{date}.",
            "{n} activities of the active plan name {actor}, directly or through a group, as of "
            "{date}.", count).format(n=count, actor=sheet.actor, date=sheet.as_of.isoformat()))
    else:
        lines.append(_("No activity of the active plan names {actor} as of {date}.").format(
            actor=sheet.actor, date=sheet.as_of.isoformat()))
    return [line for line in lines if line]


def headers() -> list[str]:
    return [_("Id"), _("Activity"), _("Role"), _("Status")]


def rows(sheet: Sheet) -> list[tuple[Group, list[SheetRow]]]:
    return [(group, [sheet_row(hit, sheet) for hit in hits]) for group, hits in sheet.groups]


def sheet_row(hit: Hit, sheet: Sheet) -> SheetRow:
    a = hit.activity
    roles = []
    for naming in hit.namings:
        role = role_label(naming.role)
        if naming.via:
            role = _("{role}, via {group}").format(role=role, group=naming.via)
        roles.append(role)
    status = a.status.value
    if a.due is not None:
        status += ", " + _("due {date}").format(date=a.due.iso())
    if is_overdue(a, sheet.as_of):
        status += " " + _("(overdue)")
    if a.status_note:
        status += f". {a.status_note}"
    notes = tuple(n for n in (a.responsible_note, a.note) if n)
    return SheetRow(a.id, cased(a.text, a.action_plan),
                    tuple(ref_text(r.text) for r in a.refs if r.field == "ref"), notes,
                    "; ".join(dict.fromkeys(roles)), status, a.status.pending)


# -- markdown -------------------------------------------------------------------------------------

def sheet_markdown(plan: Plan, sheet: Sheet) -> bytes:
    from crm_plan.render.markdown import cells, escape, paragraph

    lines = [f"# {escape(title(sheet))}", ""]
    for line in intro(plan, sheet):
        lines += [paragraph(line), ""]
    for group, found in rows(sheet):
        lines += [f"## {escape(group_heading(group, found))}", "", cells(headers()),
                  cells(["---"] * len(headers()))]
        for row in found:
            text = "<br>".join(escape(t) for t in (" ".join((row.text, *row.refs)), *row.notes))
            if row.underline:
                text = f"<ins>{text}</ins>"
            lines.append(cells([escape(row.id), text, escape(row.role), escape(row.status)]))
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


# -- HTML -----------------------------------------------------------------------------------------

def sheet_html(plan: Plan, sheet: Sheet) -> bytes:
    from crm_plan.messages import language
    from crm_plan.render.html import escape, page

    labels = headers()
    body = [f'<header lang="{language()}">', f"<h1>{escape(title(sheet))}</h1>",
            *(f"<p>{escape(line)}</p>" for line in intro(plan, sheet)), "</header>", "<main>"]
    for group, found in rows(sheet):
        body += [f'<h2 lang="{language()}">{escape(group_heading(group, found))}</h2>', "<table>",
                 "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in labels)
                 + "</tr></thead>", "<tbody>"]
        for row in found:
            text = escape(row.text) + "".join(f' <span class="ref">{escape(r)}</span>'
                                              for r in row.refs)
            if row.underline:
                text = f"<u>{text}</u>"
            text += "".join(f'<span class="line">{escape(n)}</span>' for n in row.notes)
            cells = [escape(row.id), text, escape(row.role), escape(row.status)]
            body.append(f'<tr id="a-{escape(row.id)}">' + "".join(
                f'<td data-label="{escape(label)}">{cell}</td>'
                for label, cell in zip(labels, cells, strict=True)) + "</tr>")
        body += ["</tbody>", "</table>"]
    body.append("</main>")
    return page(title(sheet), body)


# -- Word -----------------------------------------------------------------------------------------

def sheet_docx(plan: Plan, sheet: Sheet) -> bytes:
    from crm_plan.render import docx as word

    document = word.landscape_document()
    word.titled(document, title(sheet))
    word.heading(document, title(sheet), 1)
    for line in intro(plan, sheet):
        word.paragraph(document, line)
    for group, found in rows(sheet):
        word.heading(document, group_heading(group, found), 2)
        grid = word.table(document, headers(), (8, 52, 20, 20))
        for row in found:
            cells = word.add_row(grid)
            style = {"underline": row.underline}
            word.write(cells[0], [[(row.id, {"bold": True})]])
            word.write(cells[1], [[(row.text, style),
                                   *((" " + r, {**style, "muted": True}) for r in row.refs)],
                                  *([(note, {})] for note in row.notes)])
            word.write(cells[2], [[(row.role, {})]])
            word.write(cells[3], [[(row.status, {})]])
        word.set_widths(grid, (8, 52, 20, 20))
    return word.to_bytes(document)


# -- the terminal ---------------------------------------------------------------------------------

def print_sheet(plan: Plan, sheet: Sheet, out: Console | None = None) -> None:
    from rich import box
    from rich.table import Table

    from crm_plan.render.console import console, text

    out = out or console()
    out.print(text(title(sheet), "label"))
    for line in intro(plan, sheet):
        out.print(text(line))
    for group, found in rows(sheet):
        out.print()
        out.print(text(group_heading(group, found), "heading.section"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        for index, header in enumerate(headers()):
            table.add_column(text(header), ratio=(None, 3, 1, 1)[index], no_wrap=index == 0,
                             style="activity.id" if index == 0 else None)
        for row in found:
            cell = text(row.text, "status.pending" if row.underline else "")
            for ref in row.refs:
                cell.append_text(text(" " + ref, "aside"))
            for note in row.notes:
                cell.append_text(text("\n" + note))
            table.add_row(text(row.id), cell, text(row.role), text(row.status))
        out.print(table)


def sheet_text(plan: Plan, sheet: Sheet, width: int = 100) -> bytes:
    """The terminal table as plain text, for a file (`--format table -o sheet.txt`)."""
    from crm_plan.render.console import new_console

    buffer = io.StringIO()
    print_sheet(plan, sheet, new_console(file=buffer, width=width, color_system=None,
                                         force_terminal=False))
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
    return (text + "\n").encode("utf-8")
