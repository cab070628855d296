"""Turning a selection of the plan into text: a rich table, json, csv or markdown.

`layout` says what is shown where (shared by every format); `table` is the only module
that imports rich, and only when a table is drawn.
"""
