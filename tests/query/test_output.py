"""quotes.query.output: every format, exact text, and streaming in constant memory."""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from datetime import date
from itertools import pairwise
from typing import Any

import pytest

from quotes.query.output import FORMATS, render, render_record

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
