"""HTML: the page every crmplan document shares, the plan as the 2009 document (`export
--format html`), and the one way text is written into it (`escape`; `report` uses it too).

The page is one self-contained file, no JavaScript. The style sheet is inline (no external
asset: the file can be mailed or attached to a workflow run and opened anywhere); it prints in
landscape with the table headers repeated on each page, and on a phone each row of a table
becomes a card whose cells are labelled.

The document: a status summary and a chart of the active activities by status and section come
first, then its title block, a table per section (the OBJETIVOS cell spans its activities),
the historical part and the legend. Pending items are underlined (`<u>`), Plan-of-Action items
in upper case, as the legend says.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from crm_plan.counts import Tally, tally
from crm_plan.export import Entry, Layout, Part, Row, ref_text
from crm_plan.messages import _, day, language, ngettext
from crm_plan.model import Activity, Plan, Status
from crm_plan.query import is_overdue
from crm_plan.render.sheet_rows import group_heading, headers, intro, rows, title
from crm_plan.sheet import Sheet
from crm_plan.text import visible

if TYPE_CHECKING:
    from crm_plan.agenda import Agenda
    from crm_plan.render.agenda_rows import AgendaRow

STYLE = """\
:root { --ink: #1b1f24; --muted: #57606a; --rule: #c8ccd1; --head: #e8ecf0; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--ink);
       margin: 1.5rem auto; max-width: 1400px; padding: 0 1rem; line-height: 1.35; }
header p { margin: .2rem 0; }
.org { font-weight: bold; letter-spacing: .03em; }
h1 { font-size: 1.35rem; margin: .3rem 0; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.summary { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start;
           border: 1px solid var(--rule); border-radius: 6px; padding: .8rem 1rem;
           margin: 1rem 0; background: #f6f8fa; }
.summary p { margin: 0 0 .4rem; max-width: 34rem; }
.summary figure { margin: 0; }
.summary svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .35rem .45rem; vertical-align: top;
         text-align: left; }
th { background: var(--head); }
td.objective { font-weight: 600; }
col.objectives { width: 20%; } col.activities { width: 42%; } col.responsible { width: 22%; }
col.calendar { width: 16%; } col.outcomes { width: 38%; }
.line { display: block; }
.line + .line { margin-top: .3rem; }
.ref { color: var(--muted); }
.overdue { color: #b42318; font-weight: bold; }
.legend { color: var(--muted); font-size: .9rem; }
@media (max-width: 720px) {
  body { margin: .5rem; padding: 0; }
  table, thead, tbody, tr, th, td { display: block; width: auto; }
  thead { display: none; }
  tr { border: 1px solid var(--rule); border-radius: 6px; margin: 0 0 .6rem; }
  td { border: 0; border-top: 1px solid var(--head); }
  td:first-child { border-top: 0; }
  td.objective { width: auto; background: var(--head); }
  td[data-label]::before { content: attr(data-label); display: block; font-size: .7rem;
                           font-weight: bold; color: var(--muted); }
}
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
  .legend { break-inside: avoid; }  /* the legend on one page, never one line alone */
  .summary { background: none; }
}
"""

# Nothing but the page itself: no script, no external style sheet, font or image. A browser
# refuses (and logs) any other load, which the browser test would see.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# Colours of the statuses in the chart: calm for ongoing work, warm for what is pending.
STATUS_COLOURS = {Status.CONTINUO: "#4a7fb5", Status.PROGRAMADO: "#5b9a3c",
                  Status.PENDIENTE: "#e69138", Status.POR_DEFINIR: "#c0392b",
                  Status.COMPLETADO: "#8c959f"}


def escape(text: str) -> str:
    """Text as HTML, in an element or an attribute value: `&`, `<`, `>` and quotes escaped,
    and no control, separator or bidi character raw (written visibly, `\\x1b`)."""
    return html.escape(visible(text))


def page(title: str, body: list[str], lang: str = "es") -> bytes:
    """A whole HTML document around `body` (lines of HTML)."""
    head = ["<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{escape(title)}</title>", "<style>", STYLE + "</style>", "</head>",
            "<body>"]
    return ("\n".join([*head, *body, "</body>", "</html>"]) + "\n").encode("utf-8")


def summary_sentence(activities: Iterable[Activity], archived: int, as_of: dt.date) -> str:
    """`40 activities as of 2010-03-01: 12 pending (...), 1 overdue; 11 in the history.`"""
    total = tally(activities, as_of)
    return _("{activities} as of {date}: {pending} pending (pendiente + por definir), {overdue} "
             "overdue; {archived} in the history.").format(
        activities=ngettext("{n} activity", "{n} activities", total.total).format(
            n=total.total),
        date=day(as_of), pending=total.pending, overdue=total.overdue, archived=archived)


def status_chart(by_section: dict[str, Tally]) -> str:
    """A small inline SVG: one bar per section, split by status, with a legend."""
    statuses = [s for s in Status if any(t.by_status[s] for t in by_section.values())]
    widest = max((t.total for t in by_section.values()), default=0) or 1
    label, bar, height, gap = 36, 360, 20, 8
    top = 4 + len(by_section) * (height + gap)
    size = (label + bar + 40, top + 22)
    title = _("Activities by status, per section")
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{size[0]}" height="{size[1]}" '
             f'viewBox="0 0 {size[0]} {size[1]}" role="img" aria-labelledby="chart-title">'),
             f'<title id="chart-title">{escape(title)}</title>']
    for index, (section, counts) in enumerate(by_section.items()):
        y = 4 + index * (height + gap)
        parts.append(f'<text x="0" y="{y + 14}" font-size="12" font-weight="bold">'
                     f"{escape(section)}</text>")
        x = float(label)
        for status in statuses:
            if n := counts.by_status[status]:
                width = bar * n / widest
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{height}" '
                    f'fill="{STATUS_COLOURS[status]}"><title>{escape(section)}: '
                    f"{escape(status.value)} {n}</title></rect>")
                if width >= 16:
                    parts.append(f'<text x="{x + width / 2:.1f}" y="{y + 14}" font-size="11" '
                                 f'fill="#fff" text-anchor="middle">{n}</text>')
                x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 14}" font-size="11">{counts.total}</text>')
    x = 0.0
    for status in statuses:
        parts.append(f'<rect x="{x:.1f}" y="{top + 6}" width="10" height="10" '
                     f'fill="{STATUS_COLOURS[status]}"/>')
        parts.append(f'<text x="{x + 14:.1f}" y="{top + 15}" font-size="11">'
                     f"{escape(status.value)}</text>")
        x += 22 + 6.5 * len(status.value)
    parts.append("</svg>")
    return "\n".join(parts)


# -- export --format html -------------------------------------------------------------------------

_COLUMN_CLASSES = {"OBJETIVOS": "objectives", "ACTIVIDADES": "activities",
                   "RESPONSABLE": "responsible", "CALENDARIO": "calendar",
                   "RESULTADOS": "outcomes"}


def export_html(layout: Layout, as_of: dt.date) -> bytes:
    body = ["<header>", f'<p class="org">{escape(layout.organization)}</p>',
            f"<h1>{escape(layout.title)}</h1>"]
    if layout.updated:
        body.append(f"<p>{escape(layout.updated)}</p>")
    body += ["</header>", *summary(layout, as_of), "<main>"]
    for part in layout.parts:
        body += _part(part, as_of)
    body.append("</main>")
    if layout.note or layout.legend:
        body.append('<footer class="legend">')
        body += [f"<p>{escape(line)}</p>" for line in (layout.note, *layout.legend) if line]
        body.append("</footer>")
    return page(layout.title, body)


def summary(layout: Layout, as_of: dt.date) -> list[str]:
    """The state of the active plan at a glance: a sentence and the chart."""
    active = [p for p in layout.parts if not p.historical]
    archived = sum(len(s.rows) for p in layout.parts if p.historical for s in p.sections)
    by_section = {s.id: tally((row.activity for row in s.rows), as_of)
                  for p in active for s in p.sections}
    activities = [row.activity for p in active for s in p.sections for row in s.rows]
    lines = [f'<section class="summary" lang="{language()}">', "<div>",
             f"<p>{escape(summary_sentence(activities, archived, as_of))}</p>"]
    if by_section:
        lines += ["</div>", "<figure>", status_chart(by_section), "</figure>"]
    else:
        lines.append("</div>")
    return [*lines, "</section>"]


def _part(part: Part, as_of: dt.date) -> list[str]:
    lines = [f"<h2>{escape(part.heading)}</h2>"] if part.heading else []
    for area in part.areas:
        if area.heading:
            lines.append(f"<h2>{escape(area.heading)}</h2>")
        for section in area.sections:
            lines += [f"<h3>{escape(section.heading)}</h3>", '<table class="plan">',
                      "<colgroup>" + "".join(f'<col class="{_COLUMN_CLASSES.get(c, "")}">'
                                             for c in part.columns) + "</colgroup>", "<thead>",
                      "<tr>" + "".join(f'<th scope="col">{escape(c)}</th>'
                                       for c in part.columns) + "</tr>",
                      "</thead>", "<tbody>"]
            for block in section.objectives:
                for index, row in enumerate(block.rows):
                    lines.append(_row(part, block.entry if index == 0 else None,
                                      len(block.rows), row, as_of))
            lines += ["</tbody>", "</table>"]
    return lines


def _row(part: Part, objective: Entry | None, span: int, row: Row, as_of: dt.date) -> str:
    activity = row.activity
    cells = []
    if objective is not None:
        rowspan = f' rowspan="{span}"' if span > 1 else ""
        cells.append(f'<td class="objective"{rowspan} data-label="{escape(part.columns[0])}">'
                     f"{entry_html(objective)}</td>")
    for label, entries in zip(part.columns[1:], row.cells, strict=True):
        content = "".join(entry_html(e) for e in entries)
        if label == part.columns[-1] and is_overdue(activity, as_of):
            content += f'<span class="line overdue">{escape(_("overdue"))}</span>'
        cells.append(f'<td data-label="{escape(label)}">{content}</td>')
    return (f'<tr id="a-{escape(activity.id)}" data-status="{escape(activity.status.value)}">'
            + "".join(cells) + "</tr>")


def entry_html(entry: Entry) -> str:
    text = " ".join(p for p in (entry.number, entry.text) if p)
    markup = escape(text).replace("\n", "<br>")  # a list in a cell keeps its lines
    for ref in entry.refs:
        markup += f' <span class="ref">{escape(ref_text(ref))}</span>'
    if entry.refs and entry.after:
        markup += escape(entry.after)
    if entry.note:
        markup += " " + escape(entry.note)
    if entry.underline:
        markup = f"<u>{markup}</u>"
    return f'<span class="line">{markup}</span>'


# -- an action sheet (`crmplan report`) ------------------------------------------------------------

def sheet_html(plan: Plan, sheet: Sheet) -> bytes:
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


# -- crmplan agenda -------------------------------------------------------------------------------

def agenda_html(plan: Plan, agenda: Agenda) -> bytes:
    from crm_plan.render import agenda_rows as wording

    body = [f'<header lang="{language()}">', f"<h1>{escape(wording.title(agenda))}</h1>",
            *(f"<p>{escape(line)}</p>" for line in wording.intro(plan, agenda)), "</header>",
            "<main>"]
    for actor, groups in wording.rows(plan, agenda):
        body.append(f'<h2 lang="{language()}">{escape(wording.actor_heading(actor))}</h2>')
        for group, found in groups:
            body.append(f'<h3 lang="{language()}">'
                        f"{escape(wording.group_heading(group, found))}</h3>")
            body += _agenda_table(found)
    if agenda.completed:
        body.append(f'<h2 lang="{language()}">{escape(wording.completed_heading(agenda))}</h2>')
        body += _agenda_table(wording.completed_rows(plan, agenda))
    body.append("</main>")
    return page(wording.title(agenda), body)


def _agenda_table(found: list[AgendaRow]) -> list[str]:
    from crm_plan.render.agenda_rows import headers as agenda_headers

    labels = agenda_headers()
    lines = ["<table>", "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>'
                                                for h in labels) + "</tr></thead>", "<tbody>"]
    for row in found:
        text = escape(row.text) + "".join(f' <span class="ref">{escape(r)}</span>'
                                          for r in row.refs)
        if row.underline:
            text = f"<u>{text}</u>"
        cells = [escape(row.id), text, escape(row.status)]
        lines.append("<tr>" + "".join(f'<td data-label="{escape(label)}">{cell}</td>'
                                      for label, cell in zip(labels, cells, strict=True))
                     + "</tr>")
    return [*lines, "</tbody>", "</table>"]
