"""Every command that prints rows, in every format, against one database: the same column
names for the same things, the expected number of rows, and JSON/CSV that parse."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from quotes.cli import app
from tests.search_sample import load_sample

FORMATS = ("table", "json", "jsonl", "csv", "markdown")

HIT = ["quote_id", "date", "speaker", "publisher", "via", "kind", "quotation", "remark_id",
       "publishers"]  # fmt: skip
EXPORT = ["quote_id", "date", "said_on", "speaker", "role", "cue", "kind", "quotation",
          "publisher", "via", "title", "url", "published", "remark_id", "article_id", "start",
          "end", "confidence"]  # fmt: skip
REMARKS = ["remark_id", "outlets", "quotations", "first_date", "speaker", "canonical_text",
           "last_date", "publishers", "relays", "articles", "members"]  # fmt: skip
COMPARE = ["date", "publisher", "via", "speaker_as_written", "relation", "why", "wording",
           "quotation", "date_inferred", "remark_id", "quote_id", "diff"]  # fmt: skip
EXTRACT = ["source", "start", "end", "quotation", "speaker", "speaker_kind", "role",
           "speaker_as_written", "cue", "via", "via_as_written", "kind", "said_on",
           "paragraph_number", "confidence", "rule"]  # fmt: skip
EXTRACT_SHORT = ["source", "speaker", "via", "kind", "said_on", "quotation"]

SPEAKERS = ["speaker_id", "speaker", "kind", "role", "quotations", "remarks", "aliases"]
OUTLETS = ["outlet_id", "outlet", "kind", "country", "articles", "quotations", "relayed"]
SPEAKER_PUBLISHERS = ["speaker_id", "speaker", "publisher_id", "publisher", "quotations",
                      "remarks", "first_date", "last_date"]  # fmt: skip
SHARED_REMARKS = ["remark_id", "speaker", "first_date", "publishers", "relays", "articles",
                  "quotations", "publisher_names", "canonical_text"]  # fmt: skip
TIMELINE = ["speaker_id", "speaker", "date", "remark_id", "first_quote_id", "quotations",
            "publishers", "canonical_text"]  # fmt: skip
PHRASES = ["phrase", "remarks", "remark_id", "date", "quotation"]
SQL = "SELECT id AS quote_id, kind FROM quotes ORDER BY id"

# (arguments, columns in machine formats, columns in table/markdown, rows)
COMMANDS: list[tuple[list[str], list[str], list[str] | None, int]] = [
    (["search", "Patrushev"], HIT, None, 3),
    (["search", "world OR sanctions"], HIT, None, 5),
    (["search", "world", "--limit", "2"], HIT, None, 2),
    (["speakers"], SPEAKERS, None, 3),
    (["outlets"], OUTLETS, None, 4),
    (["report"], ["report", "view", "description"], None, 5),
    (["report", "speaker_publishers"], SPEAKER_PUBLISHERS, None, 6),
    (["report", "shared_remarks"], SHARED_REMARKS, None, 1),
    (["report", "speaker_timeline"], TIMELINE, None, 4),
    (["sql", SQL], ["quote_id", "kind"], None, 6),
    (["export"], EXPORT, None, 6),
    (["remarks"], REMARKS, REMARKS[:6], 1),
    (["compare", "1"], COMPARE, COMPARE[:7], 3),
    (["phrases", "Patrushev"], PHRASES, None, 0),
]

OLD_NAMES = {"id", "name", "text", "said_on_first", "first_said_on", "last_said_on",
             "outlet_count", "quote_count", "speaker_text", "via_text", "speaker_role",
             "start_char", "end_char", "lowest_similarity", "other_outlets",
             "remark_outlets"}  # fmt: skip
"""Names that used to mean one thing in one command and another elsewhere."""


def parse(out: str, fmt: str) -> tuple[list[str], list[dict[str, object]] | int]:
    """The columns and rows (or, for table and markdown, the row count) of an output."""
    if fmt == "json":
        rows = json.loads(out)
        return (list(rows[0]) if rows else []), rows
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]
        return (list(rows[0]) if rows else []), rows
    if fmt == "csv":
        reader = csv.DictReader(io.StringIO(out))
        rows = list(reader)
        return list(reader.fieldnames or []), rows  # type: ignore[arg-type]
    lines = out.splitlines()
    if fmt == "markdown":
        start = next(i for i, line in enumerate(lines) if line.startswith("| "))
        header = [c.strip() for c in lines[start].strip("|").split("|")]
        return header, len(lines) - start - 2
    start = next(i for i, line in enumerate(lines) if line.startswith("─")) - 1
    return lines[start].split(), len(lines) - start - 2


def test_every_command_in_every_format(
    engine: Engine, db_url: str, runner: CliRunner, tmp_path: Path
) -> None:
    load_sample(engine)
    article = tmp_path / "a.txt"
    article.write_text("“We will win,” the minister said on Monday.\n", encoding="utf-8")
    commands = [*COMMANDS, (["extract", str(article)], EXTRACT, EXTRACT_SHORT, 1)]
    for args, columns, short, count in commands:
        for fmt in FORMATS:
            result = runner.invoke(app, ["--db", db_url, *args, "--format", fmt])
            assert result.exit_code == 0, (args, fmt, result.stderr)
            names, rows = parse(result.stdout, fmt)
            expected = short if short is not None and fmt in ("table", "markdown") else columns
            if count or fmt not in ("json", "jsonl"):
                assert names == expected, (args, fmt)
            assert not OLD_NAMES & set(names), (args, fmt)
            assert (rows if isinstance(rows, int) else len(rows)) == count, (args, fmt)


def test_show_in_every_format(engine: Engine, db_url: str, runner: CliRunner) -> None:
    load_sample(engine)
    outputs = {
        fmt: runner.invoke(app, ["--db", db_url, "show", "6", "--format", fmt]).stdout
        for fmt in FORMATS
    }
    record = json.loads(outputs["json"])
    assert json.loads(outputs["jsonl"]) == record
    assert next(csv.DictReader(io.StringIO(outputs["csv"]))) == {
        k: "" if v is None else str(v) for k, v in record.items()
    }
    assert (record["quote_id"], record["canonical_text"], record["speaker_as_written"]) == (
        6, "The West (and its allies) must stop - now", "Peskov",
    )  # fmt: skip
    assert outputs["table"].splitlines()[0].split() == ["field", "value"]
    assert outputs["markdown"].splitlines()[2] == "| quote_id | 6 |"
