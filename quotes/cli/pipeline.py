"""Commands of the pipeline: `extract` (no database), `ingest`, and `db` (schema migrations)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from quotes.errors import QuotesError

if TYPE_CHECKING:
    from rich.console import Console
    from sqlalchemy import Engine

    from quotes.ingest import IngestOutcome, IngestSummary

from quotes.cli.core import (
    INTERRUPTED,
    STATE,
    FormatOption,
    LimitOption,
    OutputFormat,
    QuotesCommand,
    app,
    database,
    date_option,
    db_app,
    note,
    outlet_option,
    show_rows,
    stderr,
)

# --- Pipeline: extract, ingest, db ---


SHORT_FORMATS = (OutputFormat.table, OutputFormat.markdown)

"""Formats for people: they show the main columns; machine formats carry them all."""

MaxSizeOption = Annotated[
    int | None,
    typer.Option(
        "--max-size", metavar="MB", min=1,
        help="Largest article file or JSON line read, in MB (default: 32).",
    ),
]  # fmt: skip

MB = 1024 * 1024


def _max_bytes(max_size: int | None) -> int:
    from quotes.read.files import DEFAULT_MAX_BYTES

    return max_size * MB if max_size else DEFAULT_MAX_BYTES


@app.command(cls=QuotesCommand)
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Article files (text, JSON Lines, HTML), folders, URLs."
        ),
    ],
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
    max_size: MaxSizeOption = None,
) -> None:
    """Print the quotations found in articles, without touching a database."""
    from quotes.ingest import extract_files
    from quotes.read.files import ReadProblem
    from quotes.records import EXTRACT_COLUMNS, EXTRACT_SHORT_COLUMNS

    problems: list[ReadProblem] = []

    def records() -> Iterator[dict[str, Any]]:
        for item in extract_files(paths, max_bytes=_max_bytes(max_size)):
            if isinstance(item, ReadProblem):
                typer.echo(f"Error: {item}", err=True)
                problems.append(item)
                continue
            for warning in item.article.warnings:
                note(f"Warning: {warning}")
            for q in item.quotations:
                yield q.row(item.article.source)

    columns = EXTRACT_SHORT_COLUMNS if fmt in SHORT_FORMATS else EXTRACT_COLUMNS
    show_rows(records(), columns, fmt, limit)
    if problems:
        raise typer.Exit(1)


@app.command("ingest", cls=QuotesCommand)
def ingest_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Article files (text, JSON Lines, HTML, feeds, WARC), folders, URLs.",
        ),
    ] = None,
    urls: Annotated[
        Path | None, typer.Option(metavar="FILE", help="A file of URLs, one per line.")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(metavar="NAME", help="Publisher of every article.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Publication date of every article (2024-03-11)."),
    ] = None,
    max_size: MaxSizeOption = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=1,
            help="Processes at work: one stores, the others extract [default: the cores].",
        ),
    ] = None,
) -> None:
    """Read articles, extract their quotations and store everything. Ctrl-C stops after the
    article being stored and prints what was done; running again resumes."""
    from quotes.ingest import IngestSummary, ingest
    from quotes.parallel import default_jobs
    from quotes.read.files import read_url_list
    from quotes.records import ArticleMeta

    overrides = ArticleMeta(
        outlet=outlet_option(outlet), published=date_option(published, "--published")
    )
    paths = (paths or []) + (read_url_list(urls) if urls else [])
    if not paths:
        raise QuotesError("nothing to ingest: give files, folders or URLs, or --urls FILE")
    engine = database(writer=True)
    console = stderr()
    done = IngestSummary()
    started = time.perf_counter()
    try:
        with _progress(console, paths) as advance:

            def on_outcome(outcome: IngestOutcome) -> None:
                done.record(outcome)
                advance(outcome)

            ingest(
                engine,
                paths,
                overrides,
                on_outcome,
                _max_bytes(max_size),
                jobs=jobs or default_jobs(),
            )
    except KeyboardInterrupt:
        done.seconds = time.perf_counter() - started
        typer.echo(f"Interrupted: {_ingest_summary(done)}; run again to resume", err=True)
        raise typer.Exit(INTERRUPTED) from None
    done.seconds = time.perf_counter() - started
    typer.echo(_ingest_summary(done), err=True)
    if done.failed:
        raise typer.Exit(1)


def _ingest_summary(summary: IngestSummary) -> str:
    line = (
        f"{summary.added} added, {summary.skipped} skipped, {summary.failed} failed; "
        f"{summary.quotations} quotations found in {summary.seconds:.2f} s"
    )
    if summary.without_rules:
        line += (
            f"\n{summary.without_rules} in a language without attribution rules: "
            "quotations found by their marks, speakers left unknown"
        )
    return line


@contextmanager
def _progress(console: Console, paths: list[str]) -> Iterator[Any]:
    """A progress display on a terminal (unless --quiet); each problem printed as one line,
    each warning and copy within the batch too unless --quiet. Articles skipped as already
    stored are only counted, so resuming a long ingest prints one line."""

    def report(outcome: IngestOutcome, out: Console) -> None:
        if not STATE["quiet"]:
            for warning in outcome.warnings:
                out.print(f"Warning: {warning}", markup=False)
        if outcome.status == "failed":
            out.print(f"Error: {outcome.source}: {outcome.message}", markup=False)
        elif outcome.status == "skipped" and outcome.article_id is None and not STATE["quiet"]:
            out.print(f"Skipped: {outcome.source}: {outcome.message}", markup=False)

    if not console.is_terminal or STATE["quiet"]:
        yield lambda outcome: report(outcome, console)
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    from quotes.read.files import count_articles

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=count_articles(paths))
        counts = {"added": 0, "skipped": 0, "failed": 0}

        def advance(outcome: IngestOutcome) -> None:
            report(outcome, progress.console)
            counts[outcome.status] += 1
            progress.update(
                task, advance=1, description=", ".join(f"{v} {k}" for k, v in counts.items())
            )

        yield advance


def _schema_engine(writer: bool = False) -> Engine:
    from quotes.store import schema

    return schema.make_engine(schema.resolve_url(STATE["db"]), writer=writer)


@db_app.command("upgrade", cls=QuotesCommand)
def db_upgrade(
    revision: Annotated[str, typer.Argument(metavar="REVISION", help="Target revision.")] = "head",
) -> None:
    """Migrate the database schema up to REVISION (default: the latest)."""
    from sqlalchemy.orm import Session

    from quotes.remarks import assign
    from quotes.store import schema

    engine = _schema_engine(writer=True)
    schema.upgrade(engine, revision)
    typer.echo(f"{schema.describe(engine.url)} is at revision {schema.current(engine)}")
    if schema.current(engine) == schema.head_revision():
        with Session(engine) as session:
            waiting = assign.unassigned_count(session)
        if waiting:
            typer.echo(f"{waiting} quotations are in no remark yet: run `quotes dedupe`")


@db_app.command("downgrade", cls=QuotesCommand)
def db_downgrade(
    revision: Annotated[str, typer.Argument(metavar="REVISION", help="Target revision.")] = "-1",
) -> None:
    """Migrate the database schema down to REVISION (default: one step; 'base' empties it)."""
    from quotes.store import schema

    engine = _schema_engine(writer=True)
    schema.downgrade(engine, revision)
    typer.echo(f"{schema.describe(engine.url)} is at revision {schema.current(engine)}")


@db_app.command("current", cls=QuotesCommand)
def db_current() -> None:
    """Show the schema revision of the database and the latest one this version knows."""
    from quotes.store import schema

    engine = _schema_engine()
    typer.echo(f"{schema.current(engine) or 'empty'} (latest: {schema.head_revision()})")
