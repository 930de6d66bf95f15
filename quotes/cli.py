"""The command line: each command parses, calls one library function, and renders."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from quotes.errors import QuotesError
from quotes.extraction import extract_quotations
from quotes.reading import ReadProblem, read_articles

app = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL or SQLite file path [env: QUOTES_DATABASE_URL]."),
    ] = None,
) -> None:
    """quotes: who said what, through which outlet, and when."""
    STATE["db"] = db


STATE: dict[str, str | None] = {"db": None}


class ExtractFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = ExtractFormat.table,
) -> None:
    """Print the quotations found in articles, without touching a database."""
    failed = False
    for item in read_articles(paths):
        if isinstance(item, ReadProblem):
            typer.echo(f"Error: {item}", err=True)
            failed = True
            continue
        for q in extract_quotations(item.text, item.meta.published):
            record = {"source": item.source, "start": q.start, "end": q.end, "text": q.text,
                      "speaker": q.speaker, "speaker_text": q.speaker_text, "cue": q.cue,
                      "via": q.via, "kind": q.kind,
                      "said_on": q.said_on.isoformat() if q.said_on else None,
                      "confidence": q.confidence, "rule": q.rule}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except QuotesError as exc:
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)

