"""Text side by side in columns of known widths: the rows of a listing and labelled facts.

Cells are wrapped as a rich `Table` wraps them (`Styled.wrap`, rich's own algorithm), but
laid out here: a `Table` measures and renders every cell several times to find widths that
crmplan already knows, and drew a listing three times slower (see the README's performance
section). The result is a list of lines, printed at once with `Screen.lines`.
"""

from __future__ import annotations

from typing import NamedTuple

from crm_plan.render.styled import Styled


class Column(NamedTuple):
    width: int
    wrap: bool = True  # False: one line per line of the text, cut with … when too long
    justify: str = "left"  # or "right", for numbers


class Bulleted(NamedTuple):
    """A text with a list under it, one bullet per item: a historical activity and its
    outcomes. An empty text leaves only the list."""

    text: Styled
    items: tuple[Styled, ...]


def row(cells: list[Styled | Bulleted], columns: list[Column], gap: str = "  ",
        style: str = "") -> list[Styled]:
    """The lines of one row: every cell wrapped to its column, blank below the shorter ones;
    the gaps and blanks in `style` (a heading in reverse video is one bar)."""
    blocks = [cell_lines(cell, column) for cell, column in zip(cells, columns)]
    lines = []
    for index in range(max(map(len, blocks))):
        line = Styled()
        for number, (block, column) in enumerate(zip(blocks, columns)):
            if number:
                line.append(gap, style)
            line.append(block[index] if index < len(block) else Styled(" " * column.width, style))
        lines.append(line)
    return lines


def cell_lines(cell: Styled | Bulleted, column: Column) -> list[Styled]:
    """A cell's lines, each padded to the column's width."""
    if isinstance(cell, Bulleted):
        return _bulleted(cell, column.width)
    if (column.justify == "left" and "\n" not in cell.plain and "\t" not in cell.plain
            and cell.cell_len <= column.width):  # one line that fits: what wrap would give
        line = cell.copy()
        line.truncate(column.width, pad=True)
        return [line]
    return cell.wrap(column.width, justify=column.justify, overflow="ellipsis",
                     no_wrap=not column.wrap)


def _bulleted(cell: Bulleted, width: int) -> list[Styled]:
    lines = cell_lines(cell.text, Column(width)) if cell.text.plain else []
    for item in cell.items:
        lines += row([Styled("•"), item], [Column(1), Column(max(1, width - 2))], " ")
    return lines


def labelled(facts: list[tuple[Styled, Styled | Bulleted]], width: int,
             style: str = "") -> list[Styled]:
    """A label and its value per fact, the values lined up after the longest label and
    wrapped under themselves, each line as wide as `width`."""
    label_width = max(label.cell_len for label, _value in facts)
    columns = [Column(label_width, wrap=False), Column(max(1, width - label_width - 1))]
    return [line for label, value in facts for line in row([label, value], columns, " ", style)]


def table(header: list[Styled], rows: list[list[Styled] | None], width: int) -> list[Styled]:
    """A header, a rule and the rows (None: a blank line between two groups of rows). Columns
    are as wide as their widest cell, numbers after the first; only the first column wraps,
    when the table would be wider than `width`."""
    body = [r for r in rows if r is not None]
    widths = [_widest(column) for column in zip(header, *body)]
    # At the least: the first column's longest word (up to 20), the others' widest number.
    words = [len(word) for cell in (r[0] for r in body) for word in cell.plain.split()]
    least = [max(8, min(20, max(words, default=0))),
             *(_widest(column) for column in list(zip(*body))[1:])] if body else widths
    over = sum(widths) + 3 * (len(widths) - 1) - width
    if over > 0:  # narrow: the first column wraps, then the headers of the others are cut
        widths[0] -= min(over, max(0, widths[0] - least[0]))
    while sum(widths) + 3 * (len(widths) - 1) > width:
        slack, index = max((w - m, i) for i, (w, m) in enumerate(zip(widths, least)))
        if slack <= 0:
            break
        widths[index] -= 1
    columns = [Column(widths[0]), *(Column(w, justify="right") for w in widths[1:])]
    lines = [*row(header, columns, "   "),  # type: ignore[arg-type]
             Styled("─" * (sum(widths) + 3 * (len(widths) - 1)))]
    for cells_of_row in rows:
        lines += [Styled()] if cells_of_row is None else row(
            cells_of_row, columns, "   ")  # type: ignore[arg-type]
    return lines


def _widest(cells: tuple[Styled, ...]) -> int:
    from rich.cells import cell_len

    return max(cell_len(line) for cell in cells for line in cell.plain.split("\n"))
