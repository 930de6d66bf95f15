"""One way to print rows, used by every command: table, json, jsonl, csv or markdown.

`render(rows, columns, fmt)` takes any iterable of mappings. The json, jsonl and csv formats
stream: they write each row as it arrives and hold none, so an export of millions of rows runs
in constant memory. The table and markdown formats need every row to size their columns.

Values are made printable the same way everywhere: dates and datetimes as ISO 8601, None as
an empty cell (null in json/jsonl), floats as they are. In a table, text is printed literally
(no rich markup is interpreted) and, when the output is not a terminal, without colour and
without wrapping, so piped output is stable and greppable.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from itertools import chain
from typing import Any, Final, Literal, TextIO, get_args

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

Format = Literal["table", "json", "jsonl", "csv", "markdown"]
FORMATS: Final[tuple[str, ...]] = get_args(Format)
STREAMING_FORMATS: Final[tuple[str, ...]] = ("json", "jsonl", "csv")
"""Formats written row by row, in constant memory."""

UNBOUNDED_WIDTH: Final = 100_000
"""Console width used when output is not a terminal: wide enough that no cell ever wraps."""


def plain(value: Any) -> Any:
    """A value as JSON can hold it: ISO dates, floats for decimals, everything else as is."""
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


def write_table(rows: Iterable[Mapping[str, Any]], columns: Sequence[str], out: TextIO) -> int:
    """A rich table on a terminal; elsewhere the same layout as plain aligned text, without
    colour, wrapping or trailing blanks (and fast: no layout engine for a pipe)."""
    materialised = list(rows)
    cells = [[cell(row.get(c)).replace("\n", " ") for c in columns] for row in materialised]
    console = console_for(out)
    if console.is_terminal:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, highlight=False)
        for column in columns:
            table.add_column(column, overflow="fold")
        for values in cells:
            table.add_row(*(Text(v) for v in values))
        console.print(table)
        return len(materialised)
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


_WRITERS = {
    "table": write_table,
    "json": write_json,
    "jsonl": write_jsonl,
    "csv": write_csv,
    "markdown": write_markdown,
}


def render(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str] | None = None,
    fmt: str = "table",
    out: TextIO | None = None,
) -> int:
    """Write `rows` to `out` (standard output by default) in `fmt`; return how many rows.

    `columns` picks and orders the fields; without it, the first row's keys are used. With
    json, jsonl and csv, `rows` may be a generator over any number of rows: it is consumed
    one row at a time.
    """
    if fmt not in _WRITERS:
        raise ValueError(f"unknown output format {fmt!r}: use one of {', '.join(FORMATS)}")
    target = out if out is not None else sys.stdout
    names, iterator = _columns_and_rows(rows, columns)
    count = _WRITERS[fmt](iterator, names, target)
    target.flush()
    return count


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
