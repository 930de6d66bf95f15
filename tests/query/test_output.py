"""quotes.query.output: every format, exact text, and streaming in constant memory."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from datetime import date
from itertools import pairwise
from typing import Any

import pytest

from quotes.query.marked import Marked
from quotes.query.output import FORMATS, Page, more_line, render, render_record

ROWS: list[dict[str, Any]] = [
    {"id": 1, "speaker": "Nikolai Patrushev", "said_on": date(2024, 3, 1), "text": "a **b**"},
    {"id": 22, "speaker": None, "said_on": None, "text": 'x|y, "z"'},
]


def rendered(fmt: str, rows: Any = ROWS, columns: list[str] | None = None) -> str:
    out = io.StringIO()
    render(rows, columns, fmt, out)
    return out.getvalue()


def test_formats() -> None:
    assert FORMATS == ("table", "json", "jsonl", "csv", "markdown")


def test_table_is_plain_and_unwrapped_when_not_a_terminal() -> None:
    long = "word " * 100
    text = rendered("table", [{"id": 1, "text": long.strip()}])
    lines = text.splitlines()
    assert lines[0] == "id   text"
    assert lines[1] == "─" * (5 + len(long.strip()))
    assert lines[2] == "1    " + long.strip()
    assert len(lines) == 3
    assert "\x1b" not in text


def test_table_prints_markup_literally() -> None:
    text = rendered("table", [{"t": "[bold]x[/bold]"}])
    assert text.splitlines()[2] == "[bold]x[/bold]"


def test_json() -> None:
    assert rendered("json") == (
        "[\n"
        '{"id": 1, "speaker": "Nikolai Patrushev", "said_on": "2024-03-01", "text": "a **b**"},\n'
        '{"id": 22, "speaker": null, "said_on": null, "text": "x|y, \\"z\\""}\n'
        "]\n"
    )
    assert rendered("json", [], ["a"]) == "[]\n"


def test_jsonl_with_chosen_columns() -> None:
    assert rendered("jsonl", columns=["text", "id"]) == (
        '{"text": "a **b**", "id": 1}\n{"text": "x|y, \\"z\\"", "id": 22}\n'
    )


def test_csv() -> None:
    assert rendered("csv") == (
        'id,speaker,said_on,text\n1,Nikolai Patrushev,2024-03-01,a **b**\n22,,,"x|y, ""z"""\n'
    )
    assert rendered("csv", [], ["a", "b"]) == "a,b\n"


def test_markdown_escapes_pipes() -> None:
    assert rendered("markdown", columns=["id", "text"]) == (
        '| id | text |\n|---|---|\n| 1 | a **b** |\n| 22 | x\\|y, "z" |\n'
    )


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        rendered("xml")


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_streaming_formats_consume_one_row_at_a_time(fmt: str) -> None:
    """The writer has written row n before the generator is asked for row n + 1."""
    out = io.StringIO()
    seen: list[int] = []

    def rows() -> Iterator[Mapping[str, Any]]:
        for i in range(1000):
            seen.append(len(out.getvalue()))
            yield {"i": i}

    assert render(rows(), ["i"], fmt, out).shown == 1000
    assert all(later > earlier for earlier, later in pairwise(seen))


def test_render_record() -> None:
    out = io.StringIO()
    render_record({"id": 1, "role": None}, "table", out)
    assert out.getvalue().splitlines() == ["field   value", "─" * 13, "id      1", "role"]
    out = io.StringIO()
    render_record({"id": 1, "role": None}, "json", out)
    assert out.getvalue() == '{"id": 1, "role": null}\n'


# --- Terminal tables and highlighting ---


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


LONG_QUOTE = (
    "Our two countries are in favour of building a more just world order, and welcome the rise "
    "of the number of states which choose the path of free, sovereign development"
)
HITS = [
    {"quote_id": 12345, "date": date(2023, 2, 22), "speaker": "Nikolai Patrushev",
     "publisher": "South China Morning Post", "via": "Sputnik", "quotation": LONG_QUOTE,
     "other_outlets": 0},
    {"quote_id": 7, "date": date(2022, 9, 19), "speaker": "Yang Jiechi",
     "publisher": "Reuters", "via": None, "quotation": "short", "other_outlets": 12},
]  # fmt: skip


def on_terminal(width: int, rows: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("TERM", "xterm-256color")  # a dumb terminal is 80 columns to rich
    out = Terminal()
    render(rows, None, "table", out)
    return [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("width", [100, 120, 160])
def test_terminal_table_fits_and_wraps_only_at_spaces(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = on_terminal(width, HITS, monkeypatch)
    assert max(len(line) for line in lines) <= width
    words = {w for line in lines for w in line.split()}
    assert set(LONG_QUOTE.split()) <= words  # no word cut in two
    assert {"12345", "2023-02-22", "2022-09-19", "Patrushev"} <= words  # ids, dates whole
    quotation_lines = [line for line in lines if "Our two countries" in line]
    assert len(quotation_lines) == 1
    assert quotation_lines[0].index("Our") <= width - 40  # the quotation column is wide


def test_a_too_narrow_terminal_stacks_each_row(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = on_terminal(50, HITS, monkeypatch)
    assert lines[:3] == ["quote_id       12345", "date           2023-02-22",
                         "speaker        Nikolai Patrushev"]  # fmt: skip
    assert max(len(line) for line in lines) <= 50, lines


def test_highlights_show_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"quotation": Marked("a just world order", ((7, 12),))}]
    assert rendered("json", rows) == '[\n{"quotation": "a just world order"}\n]\n'
    assert rendered("csv", rows) == "quotation\na just world order\n"
    assert rendered("table", rows).splitlines()[2] == "a just world order"
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    out = Terminal()
    render(rows, None, "table", out)
    assert "\x1b[1;7mworld\x1b[0m" in out.getvalue()


def test_limit_counts_what_is_left() -> None:
    out = io.StringIO()
    page = render(({"i": i} for i in range(10)), ["i"], "csv", out, limit=3)
    assert (page, out.getvalue()) == (Page(3, 7), "i\n0\n1\n2\n")
    assert more_line(page) == "… 7 more (shown 3; --limit N to see more, 0 for all)"
    assert render([{"i": 1}], ["i"], "csv", io.StringIO(), limit=5, total=1) == Page(1, 0)
    assert more_line(Page(1, 0)) is None


def test_a_capped_total_reads_at_least() -> None:
    assert more_line(Page(20, 9_980), cap=10_000) == (
        "… at least 9,980 more (shown 20; --limit N to see more, 0 for all)"
    )
    assert more_line(Page(20, 5), cap=10_000) == (
        "… 5 more (shown 20; --limit N to see more, 0 for all)"
    )
