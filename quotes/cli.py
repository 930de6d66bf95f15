"""The command line: each command parses, calls one library function, and renders.

Every command that prints rows takes `--format table|json|jsonl|csv|markdown` and `--limit N`
and prints through `quotes.query.output`; notes (how many more rows, what a search tried) go to
stderr, so stdout stays data. Start-up is kept short: only typer and the standard library load
with this module, and each command imports the library it needs when it runs
(benchmarks/bench_startup.py measures it).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from quotes import __version__
from quotes.errors import DatabaseError, QuotesError

if TYPE_CHECKING:
    from datetime import date

    from rich.console import Console
    from sqlalchemy import Engine

    from quotes.ingest import IngestOutcome, IngestSummary

# click's own error class (usage errors and the like), whichever click typer ships with.
_CLICK_EXCEPTION: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)
INTERRUPTED = 130
"""Exit status after Ctrl-C, as shells report a process ended by SIGINT."""


class QuotesGroup(TyperGroup):
    """Turns every error into one line on stderr: a usage error exits 2, a problem 1, Ctrl-C
    130; never a traceback (unless QUOTES_DEBUG is set) and never a boxed panel."""

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: Any = None, complete_var: Any = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:  # fmt: skip
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _CLICK_EXCEPTION as exc:
            code = _usage_error(exc)
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            code = 1
        code = code if isinstance(code, int) else 0
        if not standalone_mode:
            return code
        sys.exit(code)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuotesError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from None
        except (typer.Exit, typer.Abort, _CLICK_EXCEPTION, KeyboardInterrupt):
            raise
        except BrokenPipeError:
            # The reader went away (`quotes export | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(141) from None
        except Exception as exc:
            if os.environ.get("QUOTES_DEBUG"):
                raise
            typer.echo(
                f"Error: unexpected {type(exc).__name__}: {exc} (QUOTES_DEBUG=1 shows details)",
                err=True,
            )
            raise typer.Exit(1) from None


def _usage_error(exc: Any) -> int:
    """A usage error as one line naming the command's --help; no arguments at all shows help."""
    ctx = getattr(exc, "ctx", None)
    if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
        typer.echo(ctx.get_help())
        return 0
    where = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
    message = exc.format_message().replace("Value error, ", "")
    typer.echo(f"Error: {message}{where}", err=True)
    return int(getattr(exc, "exit_code", 2))


class QuotesCommand(TyperCommand):
    """Help that names arguments by their metavar (`KEEP`), not as `{KEEP}` and `KEEP <str>`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [p.replace("{", "").replace("}", "") for p in super().collect_usage_pieces(ctx)]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Arguments": [], "Options": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                name = param.metavar or param.name or ""
                sections["Arguments"].append((name, record[1]))
            else:
                sections["Options"].append(record)
        for title, records in sections.items():
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


app = typer.Typer(
    name="quotes",
    cls=QuotesGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
db_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Database schema: upgrade, downgrade, current.",
)
app.add_typer(db_app, name="db")

STATE: dict[str, Any] = {"db": None, "quiet": False}


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"quotes {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL or SQLite file path (else $QUOTES_DATABASE_URL, ./quotes.db).",
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only results, errors and summaries.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """quotes: who said what, through which outlet, and when."""
    STATE["db"] = db
    STATE["quiet"] = quiet


def database(*, writer: bool = False) -> Engine:
    """The database this invocation works on, migrated when new, refused when behind; a read
    command on a SQLite file that does not exist says so instead of creating one."""
    from quotes.store import schema

    url = schema.resolve_url(STATE["db"])
    if not writer and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if str(path) not in ("", ":memory:") and not path.exists():
            raise DatabaseError(
                f"no database at {path}: `quotes ingest PATH` creates one (or give --db)"
            )
    return schema.open_database(STATE["db"], writer=writer)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def note(message: str) -> None:
    """A line for the user on stderr (not data), unless --quiet."""
    if not STATE["quiet"]:
        typer.echo(message, err=True)


def _date_option(value: str | None, flag: str) -> date | None:
    from quotes.read.files import parse_date

    return parse_date(value, flag) if value else None


# --- The output options every listing shares ---


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


LIST_LIMIT = 50
"""Rows a listing prints unless told otherwise (search: 20); --limit 0 prints all."""

FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="table, json, jsonl, csv or markdown.",
        show_default=True,
    ),
]  # fmt: skip
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", metavar="N", help="At most this many rows (0: all).")
]


def show_rows(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: OutputFormat,
    limit: int | None = None,
    total: int | None = None,
    cap: int | None = None,
) -> None:
    """Print rows through the one output layer; say on stderr how many more there are (`cap`:
    the total was counted no further)."""
    from quotes.query.output import more_line, render

    page = render(rows, columns, fmt.value, limit=_all(limit), total=total)
    if (line := more_line(page, cap)) is not None:
        note(line)


def _all(limit: int | None) -> int | None:
    """`--limit 0` means no limit; others must be from 1 to a billion."""
    from quotes.query.terms import checked_limit

    return checked_limit(limit) if limit else None


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
        list[Path], typer.Argument(metavar="PATH", help="Article files or directories.")
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
        list[Path], typer.Argument(metavar="PATH", help="Article files or directories.")
    ],
    outlet: Annotated[
        str | None, typer.Option(metavar="NAME", help="Publisher of every article.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Publication date (YYYY-MM-DD) of every article."),
    ] = None,
    max_size: MaxSizeOption = None,
) -> None:
    """Read articles, extract their quotations and store everything. Ctrl-C stops after the
    article being stored and prints what was done; running again resumes."""
    from quotes.ingest import IngestSummary, ingest
    from quotes.records import ArticleMeta

    overrides = ArticleMeta(outlet=outlet, published=_date_option(published, "--published"))
    engine = database(writer=True)
    console = stderr()
    done = IngestSummary()
    started = time.perf_counter()
    try:
        with _progress(console, paths) as advance:

            def on_outcome(outcome: IngestOutcome) -> None:
                done.record(outcome)
                advance(outcome)

            ingest(engine, paths, overrides, on_outcome, _max_bytes(max_size))
    except KeyboardInterrupt:
        done.seconds = time.perf_counter() - started
        typer.echo(f"Interrupted: {_ingest_summary(done)}; run again to resume", err=True)
        raise typer.Exit(INTERRUPTED) from None
    done.seconds = time.perf_counter() - started
    typer.echo(_ingest_summary(done), err=True)
    if done.failed:
        raise typer.Exit(1)


def _ingest_summary(summary: IngestSummary) -> str:
    return (
        f"{summary.added} added, {summary.skipped} skipped, {summary.failed} failed; "
        f"{summary.quotations} quotations found in {summary.seconds:.2f} s"
    )


@contextmanager
def _progress(console: Console, paths: list[Path]) -> Iterator[Any]:
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


# --- Search, show, speakers, outlets, reports, SQL, export (quotes.query) ---


SEARCH_HELP = """Find quotations: a speaker's, or those whose wording matches TERM.

TERM is first tried as a speaker: a full name, an alias, a surname or a given name (any case,
with or without accents) lists that speaker's quotations, newest first. Otherwise the wording
is searched, best match first, with the same language on SQLite and PostgreSQL:

\b
  world order        every word must match (stemmed: sanction finds sanctions)
  "world order"      the words as a phrase
  Putin OR Xi        either one
  -Ukraine           without this word (or -"a phrase")
  ord*               a word starting with ord

Common words (the, of, and) are ignored outside phrases; world-order is the phrase
"world order". --text searches the wording even when TERM is a name. When nothing matches,
stderr says what was tried and what is close."""

SpeakerOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Only quotations of this speaker.")
]
OutletOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Only articles of this publisher.")
]
ViaOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Only quotations relayed by this outlet.")
]
SinceOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="Said on or after (YYYY-MM-DD).")
]
UntilOption = Annotated[
    str | None, typer.Option(metavar="DATE", help="Said on or before (YYYY-MM-DD).")
]
KindOption = Annotated[
    str | None, typer.Option(metavar="KIND", help="direct, partial or indirect.")
]


def _filters(
    speaker: str | None, outlet: str | None, via: str | None, since: str | None,
    until: str | None, kind: str | None, limit: int | None,
) -> Any:  # fmt: skip
    from quotes.query.search import Filters

    return Filters(
        speaker=speaker, outlet=outlet, via=via, since=_date_option(since, "--since"),
        until=_date_option(until, "--until"), kind=kind, limit=limit,
    )  # fmt: skip


@app.command(cls=QuotesCommand, help=SEARCH_HELP)
def search(
    term: Annotated[str, typer.Argument(metavar="TERM", help="A name, or words (see above).")],
    speaker: SpeakerOption = None, outlet: OutletOption = None, via: ViaOption = None,
    since: SinceOption = None, until: UntilOption = None, kind: KindOption = None,
    limit: LimitOption = 20,
    text: Annotated[bool, typer.Option("--text", help="Search the wording, not names.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:  # fmt: skip
    from sqlalchemy.orm import Session

    from quotes import query
    from quotes.query.search import COUNT_CAP

    filters = _filters(speaker, outlet, via, since, until, kind, _all(limit))
    with Session(database()) as session:
        result = query.search(session, term, filters, text_only=text)
    show_rows(result.rows(), query.HIT_COLUMNS, fmt, _all(limit), result.total, COUNT_CAP)
    if not result.hits:
        note(result.nothing_found())


@app.command(cls=QuotesCommand)
def show(
    quote_id: Annotated[
        int, typer.Argument(metavar="QUOTE_ID", help="The quotation's id (from search).")
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show one quotation in its paragraph, with speaker, cue, relay, article and remark."""
    from sqlalchemy.orm import Session

    from quotes import query
    from quotes.query.output import render_record

    with Session(database()) as session:
        detail = query.show_quote(session, quote_id)
    render_record(detail.record(), fmt.value)


speakers_app = typer.Typer(
    rich_markup_mode=None, help="Speakers, with counts; merge and alias them."
)
app.add_typer(speakers_app, name="speakers")


@speakers_app.callback(invoke_without_command=True)
def speakers(
    ctx: typer.Context,
    search: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Names or aliases containing this.")
    ] = None,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = LIST_LIMIT,
) -> None:
    """List speakers with their numbers of quotations and remarks, most quoted first."""
    if ctx.invoked_subcommand is None:
        from sqlalchemy.orm import Session

        from quotes import query

        with Session(database()) as session:
            rows = query.list_speakers(session, search)
        show_rows(rows, query.SPEAKER_COLUMNS, fmt, limit, len(rows))


@speakers_app.command("merge", cls=QuotesCommand)
def speakers_merge(
    keep: Annotated[
        str, typer.Argument(metavar="KEEP", help="The speaker to keep (name, alias or id).")
    ],
    remove: Annotated[
        str, typer.Argument(metavar="REMOVE", help="The speaker merged into KEEP, then deleted.")
    ],
) -> None:
    """Merge speaker REMOVE into KEEP; REMOVE's name becomes an alias of KEEP for good."""
    from sqlalchemy.orm import Session

    from quotes import query

    with Session(database(writer=True)) as session:
        merged = query.merge_speakers(session, keep, remove)
        session.commit()
    typer.echo(
        f"Merged {merged.removed!r} into {merged.kept!r}: {merged.quotations} quotations, "
        f"{merged.remarks} remarks, {merged.aliases} aliases moved"
    )


@speakers_app.command("alias", cls=QuotesCommand)
def speakers_alias(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="A speaker's name, known alias or id.")
    ],
    alias: Annotated[str, typer.Argument(metavar="ALIAS", help="Another name of that speaker.")],
) -> None:
    """Record ALIAS as another name of speaker NAME, kept when more articles are ingested."""
    from sqlalchemy.orm import Session

    from quotes import query

    with Session(database(writer=True)) as session:
        speaker = query.add_speaker_alias(session, name, alias)
        session.commit()
    typer.echo(f"{alias!r} is now an alias of {speaker!r}")


@app.command(cls=QuotesCommand)
def outlets(fmt: FormatOption = OutputFormat.table, limit: LimitOption = LIST_LIMIT) -> None:
    """List outlets with the articles they published and the quotations they relayed."""
    from sqlalchemy.orm import Session

    from quotes import query

    with Session(database()) as session:
        rows = query.list_outlets(session)
    show_rows(rows, query.OUTLET_COLUMNS, fmt, limit, len(rows))


@app.command(cls=QuotesCommand)
def report(
    name: Annotated[
        str | None, typer.Argument(metavar="NAME", help="The report to run; none lists them.")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only this speaker's rows.")
    ] = None,
    limit: LimitOption = LIST_LIMIT,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the reports, or run one. Each is a SQL view (report_NAME) any SQL client can read."""
    from sqlalchemy.orm import Session

    from quotes import query

    if name is None:
        show_rows(query.list_reports(), ("report", "view", "description"), fmt)
        return
    with Session(database()) as session:
        result = query.run_report(session, name, speaker=speaker, limit=_all(limit))
    show_rows(result.rows, result.columns, fmt, _all(limit), result.total)


@app.command(cls=QuotesCommand)
def sql(
    statement: Annotated[
        str, typer.Argument(metavar="STATEMENT", help="One SQL statement, e.g. SELECT ...")
    ],
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """Run one read-only SQL statement; anything that would write is refused."""
    from quotes import query
    from quotes.store import schema

    database()  # a missing file is reported, not created; an old schema is refused
    with query.run_readonly_sql(schema.resolve_url(STATE["db"]), statement) as (columns, rows):
        show_rows(rows, columns, fmt, limit)


@app.command(cls=QuotesCommand)
def export(
    term: Annotated[str | None, typer.Argument(metavar="TERM", help="As in search.")] = None,
    speaker: SpeakerOption = None, outlet: OutletOption = None, via: ViaOption = None,
    since: SinceOption = None, until: UntilOption = None, kind: KindOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = OutputFormat.jsonl,
) -> None:  # fmt: skip
    """Write every quotation the filters select, streamed in constant memory."""
    from sqlalchemy.orm import Session

    from quotes import query

    filters = _filters(speaker, outlet, via, since, until, kind, _all(limit))
    with Session(database()) as session:
        show_rows(query.export(session, filters, term), query.EXPORT_COLUMNS, fmt)


# --- Remarks: dedupe, compare, remarks, phrases (quotes.remarks) ---


@app.command(cls=QuotesCommand)
def dedupe(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Recompute every remark and link.")
    ] = False,
) -> None:
    """Link quotations not yet in a remark to remarks (all of them again with --rebuild)."""
    from sqlalchemy.orm import Session

    from quotes.remarks import assign

    with Session(database(writer=True)) as session, session.begin():
        summary = assign.rebuild(session) if rebuild else assign.assign_pending(session)
    typer.echo(
        f"{summary.quotations} quotations in {summary.remarks} remarks, {summary.links} links"
    )


@app.command(cls=QuotesCommand)
def compare(
    remark: Annotated[
        str, typer.Argument(metavar="REMARK", help="A remark id, or words of one of its reports.")
    ],
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = None,
) -> None:
    """Every report of one remark in date order: who carried it, via whom, and how worded."""
    from sqlalchemy.orm import Session

    from quotes.remarks import compare as remarks

    with Session(database()) as session:
        found = remarks.compare(session, remark)
    r = found.remark
    if fmt in SHORT_FORMATS:
        typer.echo(f"Remark {r.id}: {r.speaker or 'unknown speaker'}, {r.quote_count} reports "
                   f"in {r.articles} articles by {r.publishers} publishers via {r.relays} relays"
                   f"\nCanonical: {r.canonical_text}\n")  # fmt: skip
    if found.others:
        more = ", ".join(str(i) for i in found.others[:10])
        note(f"The words also match remark{'s' * (len(found.others) > 1)} {more}: "
             f"`quotes compare ID` shows one")  # fmt: skip
    rows = remarks.comparison_rows(found, fmt.value)
    columns = remarks.COMPARE_COLUMNS[:7] if fmt in SHORT_FORMATS else remarks.COMPARE_COLUMNS
    show_rows(rows, columns, fmt, limit, len(rows))


@app.command("remarks", cls=QuotesCommand)
def remarks_command(
    min_outlets: Annotated[
        int, typer.Option(metavar="N", help="Carried by at least this many outlets.")
    ] = 1,
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = LIST_LIMIT,
) -> None:
    """Remarks reported more than once, most widely carried first."""
    from sqlalchemy.orm import Session

    from quotes.remarks import compare as remarks

    columns = remarks.REMARK_COLUMNS[:6] if fmt in SHORT_FORMATS else remarks.REMARK_COLUMNS
    with Session(database()) as session:
        total = remarks.count_remarks(session, min_outlets)
        rows = remarks.remark_rows(session, min_outlets, _all(limit))
        show_rows(rows, columns, fmt, _all(limit), total)


@app.command(cls=QuotesCommand)
def phrases(
    speaker: Annotated[
        str, typer.Argument(metavar="SPEAKER", help="A speaker's name, alias, surname or id.")
    ],
    fmt: FormatOption = OutputFormat.table,
    limit: LimitOption = LIST_LIMIT,
) -> None:
    """The talking points a speaker repeats on different occasions (in separate remarks)."""
    from sqlalchemy.orm import Session

    from quotes.remarks import compare as remarks

    with Session(database()) as session:
        rows = remarks.phrase_rows(session, speaker)
    show_rows(rows, remarks.PHRASE_COLUMNS, fmt, limit, len(rows))


@app.command(cls=QuotesCommand)
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (this machine only).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    datasette: Annotated[
        bool, typer.Option("--datasette", help="Run datasette on the SQLite file instead.")
    ] = False,
) -> None:
    """Serve a read-only web view: search, quotations, remarks side by side, speakers."""
    try:
        from quotes.web import server
    except ModuleNotFoundError as exc:
        raise QuotesError(
            f"quotes serve needs the web extra ({exc.name} is missing): pip install 'quotes[web]'"
        ) from None
    if datasette:
        raise typer.Exit(server.run_datasette(STATE["db"], host, port))
    from quotes.store import schema

    web = server.create_app(STATE["db"])
    note(f"Serving {schema.describe(schema.resolve_url(STATE['db']))} read-only on "
         f"http://{host}:{port}/ (Ctrl-C stops)")  # fmt: skip
    server.run(web, host, port)


def main() -> None:
    app()
