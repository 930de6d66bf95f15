"""The command line: each command parses, calls one library function, and renders."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine
from typer.core import TyperGroup

from quotes import schema
from quotes.errors import QuotesError
from quotes.extraction import extract_quotations
from quotes.ingest import IngestOutcome, ingest
from quotes.reading import ReadProblem, parse_date, read_articles
from quotes.records import ArticleMeta, Quotation

# click's own error class (usage errors and the like), whichever click typer ships with.
_CLICK_EXCEPTION: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


class QuotesGroup(TyperGroup):
    """Turns every domain error into one line on stderr and exit status 1, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuotesError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, _CLICK_EXCEPTION):
            raise
        except Exception as exc:
            if os.environ.get("QUOTES_DEBUG"):
                raise
            typer.echo(
                f"Error: unexpected {type(exc).__name__}: {exc} (QUOTES_DEBUG=1 shows details)",
                err=True,
            )
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=QuotesGroup, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False
)
db_app = typer.Typer(no_args_is_help=True, help="Database schema: upgrade, downgrade, current.")
app.add_typer(db_app, name="db")

STATE: dict[str, str | None] = {"db": None}


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL or SQLite file path (else $QUOTES_DATABASE_URL, ./quotes.db).",
        ),
    ] = None,
) -> None:
    """quotes: who said what, through which outlet, and when."""
    STATE["db"] = db


def database(*, writer: bool = False) -> Engine:
    """The database this invocation works on, migrated when new, refused when behind."""
    return schema.open_database(STATE["db"], writer=writer)


def stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _date_option(value: str | None, flag: str) -> date | None:
    return parse_date(value, flag) if value else None


class ExtractFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


def quotation_record(source: str, q: Quotation) -> dict[str, Any]:
    return {
        "source": source, "start": q.start, "end": q.end, "text": q.text,
        "speaker": q.speaker, "speaker_kind": q.speaker_kind, "role": q.role,
        "speaker_text": q.speaker_text, "cue": q.cue, "via": q.via, "via_text": q.via_text,
        "kind": q.kind, "said_on": q.said_on.isoformat() if q.said_on else None,
        "paragraph": q.paragraph, "confidence": q.confidence, "rule": q.rule,
    }  # fmt: skip


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = (
        ExtractFormat.table
    ),
) -> None:
    """Print the quotations found in articles, without touching a database."""
    failed = False
    rows = []
    for item in read_articles(paths):
        if isinstance(item, ReadProblem):
            stderr().print(f"Error: {item}", markup=False)
            failed = True
            continue
        for warning in item.warnings:
            stderr().print(f"Warning: {warning}", markup=False)
        for q in extract_quotations(item.text, item.meta.published):
            record = quotation_record(item.source, q)
            if fmt is ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                rows.append(record)
    if fmt is ExtractFormat.table:
        _print_extract_table(rows)
    if failed:
        raise typer.Exit(1)


def _print_extract_table(rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("source", "speaker", "via", "kind", "said_on", "text", show_lines=False)
    for r in rows:
        table.add_row(
            Path(r["source"]).name, r["speaker"] or "", r["via"] or "", r["kind"],
            r["said_on"] or "", r["text"],
        )  # fmt: skip
    Console(highlight=False).print(table)


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files or directories.")],
    outlet: Annotated[str | None, typer.Option(help="Publisher of every article.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) of every article.")
    ] = None,
) -> None:
    """Read articles, extract their quotations and store everything."""
    overrides = ArticleMeta(outlet=outlet, published=_date_option(published, "--published"))
    engine = database(writer=True)
    console = stderr()
    with _progress(console) as advance:
        summary = ingest(engine, paths, overrides, on_outcome=lambda o: advance(o, console))
    console.print(
        f"{summary.added} added, {summary.skipped} skipped, {summary.failed} failed; "
        f"{summary.quotations} quotations found in {summary.seconds:.2f} s",
        markup=False,
    )
    if summary.failed:
        raise typer.Exit(1)


@contextmanager
def _progress(console: Console) -> Iterator[Any]:
    """A progress display on a terminal; each problem or notice printed as one line."""

    def report(outcome: IngestOutcome, out: Console) -> None:
        for warning in outcome.warnings:
            out.print(f"Warning: {warning}", markup=False)
        if outcome.status == "failed":
            out.print(f"Error: {outcome.source}: {outcome.message}", markup=False)
        elif outcome.status == "skipped":
            out.print(f"Skipped: {outcome.source}: {outcome.message}", markup=False)

    if not console.is_terminal:
        yield report
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(outcome: IngestOutcome, out: Console) -> None:
            report(outcome, progress.console)
            progress.update(task, advance=1, description=f"{Path(outcome.source).name}")

        yield advance


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Migrate the database schema up to REVISION (default: the latest)."""
    engine = schema.make_engine(schema.resolve_url(STATE["db"]), writer=True)
    schema.upgrade(engine, revision)
    typer.echo(f"{schema.describe(engine.url)} is at revision {schema.current(engine)}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "-1") -> None:
    """Migrate the database schema down to REVISION (default: one step; 'base' empties it)."""
    engine = schema.make_engine(schema.resolve_url(STATE["db"]), writer=True)
    schema.downgrade(engine, revision)
    typer.echo(f"{schema.describe(engine.url)} is at revision {schema.current(engine)}")


@db_app.command("current")
def db_current() -> None:
    """Show the schema revision of the database and the latest one this version knows."""
    engine = schema.make_engine(schema.resolve_url(STATE["db"]))
    typer.echo(f"{schema.current(engine) or 'empty'} (latest: {schema.head_revision()})")


def main() -> None:
    app()
