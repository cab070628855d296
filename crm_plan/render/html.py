"""The HTML page every crmplan document shares: one self-contained file, no JavaScript.

The style sheet is inline (no external asset: the file can be mailed or attached to a workflow
run and opened anywhere); it prints in landscape with the table headers repeated on each page,
and on a phone each row of a table becomes a card whose cells are labelled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape

from crm_plan.counts import Tally, tally
from crm_plan.messages import _, ngettext
from crm_plan.model import Activity, Status

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
        date=as_of.isoformat(), pending=total.pending, overdue=total.overdue, archived=archived)


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
