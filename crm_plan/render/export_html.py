"""`crmplan export --format html`: the plan as the 2009 document, as one printable web page.

A status summary and a chart of the active activities by status and section come first, then
the document: its title block, a table per section (the OBJETIVOS cell spans its activities),
the historical part and the legend. Pending items are underlined (`<u>`), Plan-of-Action
items in upper case, as the legend says.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from crm_plan.counts import tally
from crm_plan.export import Entry, Layout, Part, Row, ref_text
from crm_plan.messages import _, language
from crm_plan.query import is_overdue
from crm_plan.render.html import page, status_chart, summary_sentence

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
    html = escape(text)
    for ref in entry.refs:
        html += f' <span class="ref">{escape(ref_text(ref))}</span>'
    if entry.note:
        html += " " + escape(entry.note)
    if entry.underline:
        html = f"<u>{html}</u>"
    return f'<span class="line">{html}</span>'
