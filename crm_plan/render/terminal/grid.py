"""Text side by side in columns of chosen widths: a listing's rows, facts, the counts tables.

Each cell is wrapped by rich (`Text.wrap`) to its column and the lines of a row are put side by
side. A rich `Table` does that and more: it measures and renders every cell several times to
choose widths that these views know beforehand. Drawn as one `Table`, a listing of 8,000
activities took 3.4 s against 1.1 s so; the two tables of `status` cost a fifth of a start
(`report` and `agenda` share the width by ratios here too, in `shared`; `changes` is a rich
`Table`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console


class Column(NamedTuple):
    width: int
    wrap: bool = True  # False: one line per line of the text, cut with … when too long
    justify: Literal["left", "right"] = "left"  # right: numbers


class Bulleted(NamedTuple):
    """A text with a list under it, one bullet per item: a historical activity and its
    outcomes. An empty text leaves only the list."""

    text: Text
    items: tuple[Text, ...]


Cell = Text | Bulleted


def row(out: Console, cells: Sequence[Cell], columns: Sequence[Column], gap: str = "  ",
        style: str = "") -> list[Text]:
    """The lines of one row: every cell wrapped to its column, blank below the shorter ones;
    the gaps and blanks in `style` (a heading in reverse video is one bar)."""
    blocks = [cell_lines(out, cell, column) for cell, column in zip(cells, columns, strict=True)]
    lines = []
    for index in range(max(map(len, blocks))):
        line = Text()
        for number, (block, column) in enumerate(zip(blocks, columns, strict=True)):
            if number:
                line.append(gap, style)
            line.append_text(block[index] if index < len(block)
                             else Text(" " * column.width, style))
        lines.append(line)
    return lines


def cell_lines(out: Console, cell: Cell, column: Column) -> list[Text]:
    """A cell's lines, each padded to the column's width."""
    if isinstance(cell, Bulleted):
        return _bulleted(out, cell, column.width)
    if (column.justify == "left" and "\n" not in cell.plain and "\t" not in cell.plain
            and cell.cell_len <= column.width):
        # One line that fits, as most ids, statuses and actors are: what rich's wrap would
        # give, without its work (a fifth of the time of a long listing).
        line = cell.copy()
        line.pad_right(column.width - cell.cell_len)
        return [line]
    return list(cell.wrap(out, column.width, justify=column.justify, overflow="ellipsis",
                          no_wrap=not column.wrap))


def _bulleted(out: Console, cell: Bulleted, width: int) -> list[Text]:
    lines = cell_lines(out, cell.text, Column(width)) if cell.text.plain else []
    for item in cell.items:
        lines += row(out, [Text("•"), item], [Column(1), Column(max(1, width - 2))], " ")
    return lines


def labelled(out: Console, facts: Sequence[tuple[Text, Cell]], width: int,
             style: str = "") -> list[Text]:
    """A label and its value per fact, the values lined up after the longest label and
    wrapped under themselves, each line as wide as `width`."""
    label_width = max(label.cell_len for label, _value in facts)
    columns = [Column(label_width, wrap=False), Column(max(1, width - label_width - 1))]
    return [line for label, value in facts
            for line in row(out, [label, value], columns, " ", style)]


def table(out: Console, header: Sequence[Text], rows: Sequence[Sequence[Text] | None],
          width: int) -> list[Text]:
    """A header, a rule and the rows (None: a blank line between two groups of rows), the
    numbers to the right. Columns are as wide as their widest cell; on a narrow terminal the
    first column wraps, then the headers of the others are cut with …"""
    body = [r for r in rows if r is not None]
    widths = [max(cell.cell_len for cell in column) for column in zip(header, *body, strict=True)]
    # At the least: the first column's longest word (up to 20), the others' widest number.
    words = [len(word) for cells in body for word in cells[0].plain.split()]
    others = list(zip(*body, strict=True))[1:]
    least = [max(8, min(20, max(words, default=0))),
             *(max(cell.cell_len for cell in column) for column in others)]
    gaps = 3 * (len(widths) - 1)
    if body and sum(widths) + gaps > width:
        widths[0] -= min(sum(widths) + gaps - width, max(0, widths[0] - least[0]))
        while sum(widths) + gaps > width:
            pairs = enumerate(zip(widths, least, strict=True))
            slack, index = max((w - m, i) for i, (w, m) in pairs)
            if slack <= 0:
                break
            widths[index] -= 1
    columns = [Column(widths[0]), *(Column(w, justify="right") for w in widths[1:])]
    lines = [*row(out, header, columns, "   "), Text("─" * (sum(widths) + gaps))]
    for cells in rows:
        lines += [Text()] if cells is None else row(out, cells, columns, "   ")
    return lines


def shared(out: Console, header: Sequence[Text], rows: Sequence[Sequence[Text]],
           ratios: Sequence[int], width: int) -> list[Text]:
    """A header, a rule and the rows: the first column (ids) as wide as its widest cell, the
    others sharing the rest of the width by `ratios`, as a rich `Table` with ratios shares it,
    without measuring every cell (the tables of `report` and `agenda`)."""
    gaps = 3 * len(ratios)
    first = max(cell.cell_len for cell in [header[0], *(cells[0] for cells in rows)])
    rest = max(len(ratios), width - first - gaps)
    widths = [max(1, rest * ratio // sum(ratios)) for ratio in ratios[:-1]]
    widths.append(max(1, rest - sum(widths)))
    columns = [Column(first, wrap=False), *(Column(w) for w in widths)]
    lines = [*row(out, header, columns, "   "), Text("─" * (first + gaps + sum(widths)))]
    for cells in rows:
        lines += row(out, cells, columns, "   ")
    return lines

