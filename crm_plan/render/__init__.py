"""Turning what the core computed into something to read, on one axis: where it is read.

- `terminal/`: the views drawn with rich's public API on one console in one theme (`console`):
  the listing, `show`, `status`, the action sheet, the change report; `grid` sets cells side by
  side. rich is imported only there, so that the machine formats start without it.
- `documents/`: files to circulate and machine formats, one module per format, each with its one
  escaper: `markdown`, `html`, `docx` (Word), `records` (json and csv).
- Beside them, what every format shares: `layout` (what the listing and the export show where),
  `sheet_rows` (an action sheet's rows and wording), `changes` (the change report's wording)
  and `problems` (validate's output).
"""
