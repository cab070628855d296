"""Where items of a block list stand in the text: line spans for cut-and-paste edits.

Edits never re-dump YAML: they cut an item's lines out of the text and paste them
elsewhere (as pre-commit does), so everything around them stays byte-identical.
An item owns the comment lines directly above its `- ` line (not indented deeper
than it), its own lines, and comments indented under it; the blank lines between
items are the list's gap.
"""

from typing import NamedTuple

from crm_plan.source import Mapping, Node, Scalar, Sequence


class Span(NamedTuple):
    """Lines [lead, end] (0-based, inclusive) of one list item."""

    node: Node
    lead: int  # the first of the comment lines directly above the dash, or the dash line
    dash: int  # the line of its `- `
    end: int  # its last non-blank line
    indent: int  # the column of its dash


def is_blank(line: str) -> bool:
    return not line.strip()


def is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" \ufeff"))


def item_spans(lines: list[str], seq: Sequence) -> list[Span]:
    """The span of every item of a block sequence, in order."""
    dashes = [_dash_line(lines, item) for item in seq.items]
    leads = [_lead(lines, dash, first=k == 0) for k, dash in enumerate(dashes)]
    spans = []
    for k, (item, dash) in enumerate(zip(seq.items, dashes, strict=True)):
        indent = indent_of(lines[dash])
        limit = leads[k + 1] if k + 1 < len(dashes) else _block_end(lines, dash, indent)
        end = max((i for i in range(dash, limit) if not is_blank(lines[i])), default=dash)
        spans.append(Span(item, leads[k], dash, end, indent))
    return spans


def _dash_line(lines: list[str], item: Node) -> int:
    line = item.line - 1
    while not lines[line].lstrip(" \ufeff").startswith("-"):
        line -= 1  # the item starts on a line of its own after a lone "-"
    return line


def _lead(lines: list[str], dash: int, *, first: bool) -> int:
    """The comment lines directly above the dash belong to the item; a comment indented
    deeper than the dash belongs to the item before, if there is one."""
    lead, indent = dash, indent_of(lines[dash])
    while lead > 0 and is_comment(lines[lead - 1]) and (
            first or indent_of(lines[lead - 1]) <= indent):
        lead -= 1
    return lead


def _block_end(lines: list[str], start: int, indent: int) -> int:
    """The line after the last one indented deeper than `indent` before a line of content that
    is not. A comment may stand at any column inside a block, so it ends nothing."""
    line = end = start + 1
    while line < len(lines):
        if not is_blank(lines[line]):
            if indent_of(lines[line]) > indent:
                end = line + 1
            elif not is_comment(lines[line]):
                break
        line += 1
    return end


def key_span(lines: list[str], mapping: Mapping, key: str) -> tuple[int, int] | None:
    """Lines [first, last] of `key: value` in a block mapping, or None when absent."""
    for k, value in mapping.pairs:
        if k.value == key:
            first = k.line - 1
            end = _block_end(lines, first, indent_of(lines[first]))
            if isinstance(value, Sequence) and value.items and not value.flow:
                # `- ` items may stand in the key's own column (an "indentless" list)
                end = max(end, item_spans(lines, value)[-1].end + 1)
            last = max(i for i in range(first, end) if not is_blank(lines[i]))
            return first, last
    return None


def last_content_line(lines: list[str], span: Span) -> int:
    """The last line of the item that is not a comment: where new fields go."""
    return max(i for i in range(span.dash, span.end + 1)
               if not is_blank(lines[i]) and not is_comment(lines[i]))


def gap(lines: list[str], before: Span, after: Span) -> list[str]:
    return lines[before.end + 1:after.lead]


def scalar(node: Node | None) -> Scalar | None:
    return node if isinstance(node, Scalar) else None
