"""Turning a selection of the plan into text: a table in the terminal, json, csv or markdown.

`layout` says what is shown where (shared by every format). The terminal views are built of
`styled.Styled` text and printed on a `screen.Screen`, plain or in colour (`ansi`), without
rich's console except on Windows; `report` and `changes` draw rich tables. rich is imported
only inside functions, when something is drawn.
"""
