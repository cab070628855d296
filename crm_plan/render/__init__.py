"""Turning a selection of the plan into text: the terminal views, json, csv, markdown, documents.

`layout` says what is shown where (shared by every format). The terminal views (`table`: the
listing, `item`, `status`, and the tables of `report` and `changes`) draw with rich on
`console`'s console, in its one theme; `grid` lays out a listing's rows. rich is imported only
by them, or inside the functions that draw, so that the machine formats start without it.
"""
