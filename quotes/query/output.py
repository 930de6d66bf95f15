"""One way to print rows, used by every command: table, json, jsonl, csv or markdown.

`render(rows, columns, fmt)` takes any iterable of mappings. The json, jsonl and csv formats
stream: they write each row as it arrives and hold none, so an export of millions of rows runs
in constant memory. The table and markdown formats need every row to size their columns.

Values are made printable the same way everywhere: dates and datetimes as ISO 8601, None as
an empty cell (null in json/jsonl), floats as they are. Machine formats carry plain values: a
`Marked` string (search matches) is just its text there, and only a table on a terminal shows its
highlights. On a terminal, a table fits the width: the long-text column (the quotation) takes
what the others leave, words wrap at spaces, ids, dates and numbers never wrap. When the output
is not a terminal, a table prints full values without colour or wrapping, so it stays greppable.

`limit` caps the rows printed; `render` returns how many it printed and how many more there were
(counted from `total`, or by reading the rest of the rows without keeping them).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO, get_args

from quotes.query.marked import Marked

if TYPE_CHECKING:
    from rich.console import Console

Format = Literal["table", "json", "jsonl", "csv", "markdown"]
FORMATS: Final[tuple[str, ...]] = get_args(Format)
STREAMING_FORMATS: Final[tuple[str, ...]] = ("json", "jsonl", "csv")
"""Formats written row by row, in constant memory."""

UNBOUNDED_WIDTH: Final = 100_000
"""Console width used when output is not a terminal: wide enough that no cell ever wraps."""


def plain(value: Any) -> Any:
    """A value as JSON can hold it: ISO dates, floats for decimals, plain text for marked
    text, everything else as is."""
    if isinstance(value, Marked):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def cell(value: Any) -> str:
    """A value as text for a table, markdown or CSV cell; None is empty."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _columns_and_rows(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None
) -> tuple[list[str], Iterator[Mapping[str, Any]]]:
    """The columns to print (given, else the first row's keys) and the rows, still lazy."""
    iterator = iter(rows)
    if columns is not None:
        return list(columns), iterator
    first = next(iterator, None)
    if first is None:
        return [], iterator
    return list(first.keys()), chain([first], iterator)


def write_jsonl(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps({c: plain(row.get(c)) for c in columns}, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_json(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """A JSON array, one object per line, written as the rows arrive."""
    count = 0
    for row in rows:
        out.write("[\n" if count == 0 else ",\n")
        out.write(json.dumps({c: plain(row.get(c)) for c in columns}, ensure_ascii=False))
        count += 1
    out.write("[]\n" if count == 0 else "\n]\n")
    return count


def write_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for row in rows:
        writer.writerow([cell(row.get(c)) for c in columns])
        count += 1
    return count


def _markdown_cell(value: Any) -> str:
    return cell(value).replace("|", "\\|").replace("\n", " ")


def write_markdown(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    materialised = list(rows)
    out.write("| " + " | ".join(_markdown_cell(c) for c in columns) + " |\n")
    out.write("|" + "|".join("---" for _ in columns) + "|\n")
    for row in materialised:
        out.write("| " + " | ".join(_markdown_cell(row.get(c)) for c in columns) + " |\n")
    return len(materialised)


def console_for(out: TextIO) -> Console:
    """A rich console on `out`: colours and wrapping only when `out` is a terminal."""
    from rich.console import Console

    terminal = bool(getattr(out, "isatty", lambda: False)())
    if terminal:
        return Console(file=out, highlight=False)
    return Console(
        file=out,
        width=UNBOUNDED_WIDTH,
        color_system=None,
        force_terminal=False,
        highlight=False,
        emoji=False,
        soft_wrap=True,
    )


COLUMN_GAP: Final = "   "

WIDE_COLUMNS: Final = frozenset(
    {"quotation", "canonical_text", "text", "wording", "paragraph", "value", "description"}
)
"""Long text: on a terminal these share the width the other columns leave, wrapped at spaces."""

NARROW_TEXT_WIDTH: Final = 24
"""Names and other short text wrap (at spaces) past this many cells on a terminal."""


def _is_terminal(out: TextIO) -> bool:
    return bool(getattr(out, "isatty", lambda: False)())


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """A table fitted to the terminal; elsewhere the same layout as plain aligned text, without
    colour, wrapping or trailing blanks (and fast: no layout engine for a pipe)."""
    materialised = list(rows)
    if _is_terminal(out):
        _terminal_table(materialised, columns, out)
        return len(materialised)
    from rich.cells import cell_len

    cells = [[cell(row.get(c)).replace("\n", " ") for c in columns] for row in materialised]
    widths = [cell_len(c) for c in columns]
    for values in cells:
        widths = [max(w, cell_len(v)) for w, v in zip(widths, values, strict=True)]

    def line(values: Sequence[str]) -> str:
        padded = (v + " " * (w - cell_len(v)) for v, w in zip(values, widths, strict=True))
        return COLUMN_GAP.join(padded).rstrip() + "\n"

    out.write(line(columns))
    out.write("─" * (sum(widths) + len(COLUMN_GAP) * (len(widths) - 1)) + "\n")
    out.writelines(line(values) for values in cells)
    return len(materialised)


def _terminal_text(value: Any) -> Any:
    from rich.text import Text

    text = Text(cell(value).replace("\n", " "))
    for start, end in getattr(value, "spans", ()):
        text.stylize("bold reverse", start, end)
    return text


TERMINAL_GAP: Final = 2
"""Blank cells between columns of a terminal table."""

WIDE_SHARE: Final = 0.5
"""The long-text column is promised at least this share of the terminal, the others shrink
(wrapping at spaces) to leave it."""


@dataclass
class _Column:
    name: str
    natural: int
    """Width of the longest value or the header: no wrapping needed."""
    least: int
    """Narrowest without breaking a word: the longest word of a value or of the header."""
    wide: bool
    fixed: bool
    """Ids, dates, numbers, single words: never wrapped (only the header may wrap)."""


MIN_WIDE_WIDTH: Final = 24
"""Narrower than this, the long text would be a column of single words: rows are printed as
stacked field/value records instead."""


def _layout(columns: list[_Column], width: int) -> list[int] | None:
    """Column widths for a terminal `width` cells wide: every column as wide as its values if
    they fit; else the narrow columns shrink to their longest word (widest first) so the wide
    column keeps at least WIDE_SHARE of the line. None when no layout leaves the wide column
    MIN_WIDE_WIDTH."""
    widths = [c.least if c.wide else c.natural for c in columns]
    room = width - TERMINAL_GAP * (len(columns) - 1)
    wide = [i for i, c in enumerate(columns) if c.wide]
    promised = sum(
        min(columns[i].natural, max(20, int(room * WIDE_SHARE / len(wide)))) for i in wide
    )
    narrow_room = room - promised
    while sum(widths[i] for i, c in enumerate(columns) if not c.wide) > narrow_room:
        shrinkable = [i for i, c in enumerate(columns) if not c.wide and widths[i] > c.least]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i] - columns[i].least)
        widths[widest] -= 1
    left = room - sum(widths[i] for i, c in enumerate(columns) if not c.wide)
    if wide and left // len(wide) < min(MIN_WIDE_WIDTH, *(columns[i].natural for i in wide)):
        return None
    if not wide and left < 0:
        return None
    for i in wide:
        widths[i] = min(columns[i].natural, left // len(wide))
    return widths


def _describe_column(name: str, rows: list[Mapping[str, Any]], wide: bool) -> _Column:
    from rich.cells import cell_len

    values = [cell(row.get(name)).replace("\n", " ") for row in rows]
    header_words = name.split("_")
    words = [w for v in values for w in v.split()] if not wide else []
    fixed = not wide and all(" " not in v for v in values)
    natural = max([cell_len(v) for v in values] + [cell_len(name)])
    longest_value = max([cell_len(v) for v in values] + [0])
    least_word = max([cell_len(w) for w in words] + [cell_len(w) for w in header_words])
    least = max(longest_value, *(cell_len(w) for w in header_words)) if fixed else least_word
    return _Column(name, natural, min(least, natural) if wide else least, wide, fixed)


def _terminal_table(rows: list[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = console_for(out)
    wide_names = {c for c in columns if c in WIDE_COLUMNS} or ({columns[-1]} if columns else set())
    described = [_describe_column(c, rows, c in wide_names) for c in columns]
    widths = _layout(described, console.width)
    if widths is None:
        _stacked(rows, columns, console)
        return
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False,
        padding=(0, TERMINAL_GAP - 1, 0, 0), collapse_padding=True,
    )  # fmt: skip
    for column, width in zip(described, widths, strict=True):
        header = column.name if width >= len(column.name) else column.name.replace("_", " ")
        table.add_column(Text(header, style="bold"), width=width, overflow="fold")
    for row in rows:
        table.add_row(*(_terminal_text(row.get(c)) for c in columns))
    console.print(table)


def _stacked(rows: list[Mapping[str, Any]], columns: Sequence[str], console: Console) -> None:
    """Each row as lines of `field  value`, for a terminal too narrow for the table."""
    from rich.table import Table
    from rich.text import Text

    for number, row in enumerate(rows):
        if number:
            console.print()
        table = Table.grid(padding=(0, TERMINAL_GAP, 0, 0))
        table.add_column(no_wrap=True, style="bold")
        table.add_column(overflow="fold")
        for column in columns:
            table.add_row(Text(column), _terminal_text(row.get(column)))
        console.print(table)


_WRITERS = {
    "table": write_table,
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "markdown": write_markdown,
}


@dataclass(frozen=True)
class Page:
    """What `render` printed: `shown` rows, and `more` rows past the limit."""

    shown: int
    more: int = 0


def render(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    fmt: str = "table",
    out: TextIO | None = None,
    *,
    limit: int | None = None,
    total: int | None = None,
) -> Page:
    """Write `rows` to `out` (standard output by default) in `fmt`: at most `limit` of them.

    `columns` picks and orders the fields; without it, the first row's keys are used. With
    json, jsonl and csv, `rows` may be a generator over any number of rows: it is consumed
    one row at a time. `total`, when known, is how many rows there are in all; otherwise the
    rows past the limit are counted by reading them (without keeping them).
    """
    if fmt not in _WRITERS:
        raise ValueError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    target = out if out is not None else sys.stdout
    names, iterator = _columns_and_rows(rows, columns)
    shown_rows = iterator if limit is None else islice(iterator, limit)
    shown = _WRITERS[fmt](shown_rows, names, target)
    target.flush()
    if limit is None:
        return Page(shown)
    more = total - shown if total is not None else sum(1 for _ in iterator)
    return Page(shown, max(more, 0))


def more_line(page: Page, cap: int | None = None) -> str | None:
    """The last line of a listing cut at its limit, or None when everything was shown; a total
    counted no further than `cap` reads "at least"."""
    if not page.more:
        return None
    more = (
        f"at least {page.more:,}"
        if cap is not None and page.shown + page.more >= cap
        else (f"{page.more:,}")
    )
    return f"… {more} more (shown {page.shown:,}; --limit N to see more, 0 for all)"


def render_record(record: Mapping[str, Any], fmt: str = "table", out: TextIO | None = None) -> None:
    """One record: as a two-column field/value table, or as a single object in other formats."""
    target = out if out is not None else sys.stdout
    if fmt == "json":
        target.write(json.dumps({k: plain(v) for k, v in record.items()}, ensure_ascii=False))
        target.write("\n")
        target.flush()
        return
    if fmt in ("table", "markdown"):
        render(
            ({"field": k, "value": v} for k, v in record.items()), ["field", "value"], fmt, target
        )
        return
    render([record], list(record.keys()), fmt, target)
