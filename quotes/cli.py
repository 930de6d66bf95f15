"""The command line: each command parses, calls one library function, and renders."""

from __future__ import annotations

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
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeRemainingColumn,
)
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.core import TyperGroup

from quotes import query
from quotes.correct import ArticleCorrection, correct_article
from quotes.errors import QuotesError
from quotes.extract.names import has_letters
from quotes.ingest import IngestOutcome, extract_files, ingest
from quotes.query.output import render, render_record
from quotes.read.files import (
    DEFAULT_MAX_BYTES,
    ReadProblem,
    count_articles,
    parse_date,
    read_url_list,
)
from quotes.records import ArticleMeta, Quotation
from quotes.remarks import assign as remark_links
from quotes.remarks import compare as remark_views
from quotes.store import schema

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


def _outlet_option(value: str | None) -> str | None:
    if value is not None and not has_letters(value):
        raise QuotesError(f"--outlet: {value!r} has no letters in any script")
    return value


class ExtractFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


EXTRACT_JSONL_COLUMNS = (
    "source", "start", "end", "text", "speaker", "speaker_kind", "role", "speaker_text", "cue",
    "via", "via_text", "kind", "said_on", "paragraph", "confidence", "rule",
)  # fmt: skip


def quotation_record(source: str, q: Quotation) -> dict[str, Any]:
    return {
        "source": source, "start": q.start, "end": q.end, "text": q.text,
        "speaker": q.speaker, "speaker_kind": q.speaker_kind, "role": q.role,
        "speaker_text": q.speaker_text, "cue": q.cue, "via": q.via, "via_text": q.via_text,
        "kind": q.kind, "said_on": q.said_on.isoformat() if q.said_on else None,
        "paragraph": q.paragraph, "confidence": q.confidence, "rule": q.rule,
    }  # fmt: skip


EXTRACT_TABLE_COLUMNS = ("source", "speaker", "via", "kind", "said_on", "text")
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES // 1024 // 1024
MaxSizeOption = Annotated[
    int, typer.Option("--max-size", min=1, help="Largest article file or JSON line read, in MB.")
]


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Article files, directories or URLs.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", help="Output format.")] = (
        ExtractFormat.table
    ),
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
) -> None:
    """Print the quotations found in articles, without touching a database."""
    problems: list[ReadProblem] = []

    def records() -> Iterator[dict[str, Any]]:
        for item in extract_files(paths, max_bytes=max_size * 1024 * 1024):
            if isinstance(item, ReadProblem):
                stderr().print(f"Error: {item}", markup=False)
                problems.append(item)
                continue
            for warning in item.article.warnings:
                stderr().print(f"Warning: {warning}", markup=False)
            for q in item.quotations:
                yield quotation_record(item.article.source, q)

    columns = EXTRACT_TABLE_COLUMNS if fmt is ExtractFormat.table else EXTRACT_JSONL_COLUMNS
    render(records(), columns, fmt.value)
    if problems:
        raise typer.Exit(1)


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Article files (text, JSON Lines, HTML, feeds, WARC), folders, URLs."),
    ] = None,
    urls: Annotated[Path | None, typer.Option(help="A file of URLs, one per line.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Publisher of every article.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date of every article (2024-03-11).")
    ] = None,
    max_size: MaxSizeOption = DEFAULT_MAX_MB,
) -> None:
    """Read articles, extract their quotations and store everything."""
    overrides = ArticleMeta(
        outlet=_outlet_option(outlet), published=_date_option(published, "--published")
    )
    paths = (paths or []) + (read_url_list(urls) if urls else [])
    if not paths:
        raise QuotesError("nothing to ingest: give files, folders or URLs, or --urls FILE")
    engine = database(writer=True)
    console = stderr()
    with _progress(console, paths) as advance:
        summary = ingest(engine, paths, overrides, lambda o: advance(o, console),
                         max_size * 1024 * 1024)  # fmt: skip
    console.print(
        f"{summary.added} added, {summary.skipped} skipped, {summary.failed} failed; "
        f"{summary.quotations} quotations found in {summary.seconds:.2f} s",
        markup=False,
    )
    if summary.failed:
        raise typer.Exit(1)


@contextmanager
def _progress(console: Console, paths: list[str]) -> Iterator[Any]:
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

        def advance(outcome: IngestOutcome, out: Console) -> None:
            report(outcome, progress.console)
            counts[outcome.status] += 1
            progress.update(
                task, advance=1, description=", ".join(f"{v} {k}" for k, v in counts.items())
            )

        yield advance


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Migrate the database schema up to REVISION (default: the latest)."""
    engine = schema.make_engine(schema.resolve_url(STATE["db"]), writer=True)
    schema.upgrade(engine, revision)
    typer.echo(f"{schema.describe(engine.url)} is at revision {schema.current(engine)}")
    if schema.current(engine) == schema.head_revision():
        with Session(engine) as session:
            waiting = remark_links.unassigned_count(session)
        if waiting:
            typer.echo(f"{waiting} quotations are in no remark yet: run `quotes dedupe`")


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


# --- Search, show, speakers, outlets, reports, SQL, export (quotes.query) ---


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="Output format.")]
SpeakerOption = Annotated[str | None, typer.Option(help="Only quotations of this speaker.")]
OutletOption = Annotated[str | None, typer.Option(help="Only articles of this publisher.")]
ViaOption = Annotated[str | None, typer.Option(help="Only quotations relayed by this outlet.")]
SinceOption = Annotated[str | None, typer.Option(help="Said on or after (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Said on or before (YYYY-MM-DD).")]
KindOption = Annotated[str | None, typer.Option(help="direct, partial or indirect.")]


def _filters(
    speaker: str | None, outlet: str | None, via: str | None, since: str | None,
    until: str | None, kind: str | None, limit: int | None,
) -> query.Filters:  # fmt: skip
    return query.Filters(
        speaker=speaker, outlet=outlet, via=via, since=_date_option(since, "--since"),
        until=_date_option(until, "--until"), kind=kind, limit=limit,
    )  # fmt: skip


@app.command()
def search(
    term: Annotated[str, typer.Argument(help="A speaker's name or alias, or words quoted.")],
    speaker: SpeakerOption = None, outlet: OutletOption = None, via: ViaOption = None,
    since: SinceOption = None, until: UntilOption = None, kind: KindOption = None,
    limit: Annotated[int, typer.Option(help="At most this many quotations.")] = 20,
    text: Annotated[bool, typer.Option(help="Search the wording even if TERM is a name.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:  # fmt: skip
    """Find quotations: a speaker's (TERM is a name or alias) or those whose words match TERM."""
    filters = _filters(speaker, outlet, via, since, until, kind, limit)
    with Session(database()) as session:
        result = query.search(session, term, filters, text_only=text)
    render(result.rows(), query.HIT_COLUMNS, fmt.value)
    if result.suggestion:
        stderr().print(
            f"No quotations match {term!r}. Did you mean {result.suggestion!r}?", markup=False
        )


@app.command()
def show(
    quote_id: Annotated[int, typer.Argument(help="The quotation's id (from search).")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show one quotation in its paragraph, with speaker, cue, relay, article and remark."""
    with Session(database()) as session:
        detail = query.show_quote(session, quote_id)
    render_record(detail.record(), fmt.value)


speakers_app = typer.Typer(help="Speakers, with counts; merge and alias them.")
app.add_typer(speakers_app, name="speakers")


@speakers_app.callback(invoke_without_command=True)
def speakers(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option(help="Names or aliases containing this.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List speakers with their numbers of quotations and remarks, most quoted first."""
    if ctx.invoked_subcommand is None:
        with Session(database()) as session:
            render(query.list_speakers(session, search), query.SPEAKER_COLUMNS, fmt.value)


@speakers_app.command("merge")
def speakers_merge(
    keep: Annotated[str, typer.Argument(help="The speaker to keep.")],
    remove: Annotated[str, typer.Argument(help="The speaker merged into KEEP, then deleted.")],
) -> None:
    """Merge speaker REMOVE into KEEP; REMOVE's name becomes an alias of KEEP for good."""
    with Session(database(writer=True)) as session:
        merged = query.merge_speakers(session, keep, remove)
        session.commit()
    typer.echo(
        f"Merged {merged.removed!r} into {merged.kept!r}: {merged.quotations} quotations, "
        f"{merged.remarks} remarks, {merged.aliases} aliases moved"
    )


@speakers_app.command("alias")
def speakers_alias(
    name: Annotated[str, typer.Argument(help="A speaker's name (or known alias).")],
    alias: Annotated[str, typer.Argument(help="Another name of that speaker.")],
) -> None:
    """Record ALIAS as another name of speaker NAME, kept when more articles are ingested."""
    with Session(database(writer=True)) as session:
        speaker = query.add_speaker_alias(session, name, alias)
        session.commit()
    typer.echo(f"{alias!r} is now an alias of {speaker!r}")


articles_app = typer.Typer(no_args_is_help=True, help="Articles: correct their metadata.")
app.add_typer(articles_app, name="articles")


@articles_app.command("set")
def articles_set(
    article_id: Annotated[int, typer.Argument(help="The article's id (from show or sql).")],
    outlet: Annotated[str | None, typer.Option(help="Its publisher.")] = None,
    published: Annotated[str | None, typer.Option(help="Its date (2024-03-11).")] = None,
    title: Annotated[str | None, typer.Option(help="Its title.")] = None,
    url: Annotated[str | None, typer.Option(help="Its URL.")] = None,
) -> None:
    """Set or correct an article's publisher, date, title or URL; its quotations are dated
    again and remarks re-linked."""
    change = ArticleCorrection(outlet, _date_option(published, "--published"), title, url)
    with Session(database(writer=True)) as session:
        done = correct_article(session, article_id, change)
        session.commit()
    changed = ", ".join(done.fields) or "nothing"
    relinked = f"; remarks rebuilt: {done.remarks}" if done.remarks is not None else ""
    typer.echo(
        f"Article {article_id}: {changed} changed; quotations re-dated: {done.redated}{relinked}"
    )


@app.command()
def outlets(fmt: FormatOption = OutputFormat.table) -> None:
    """List outlets with the articles they published and the quotations they relayed."""
    with Session(database()) as session:
        render(query.list_outlets(session), query.OUTLET_COLUMNS, fmt.value)


@app.command()
def report(
    name: Annotated[str | None, typer.Argument(help="The report to run; none lists them.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Only this speaker's rows.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the reports, or run one. Each is a SQL view (report_NAME) any SQL client can read."""
    if name is None:
        render(query.list_reports(), ("name", "view", "description"), fmt.value)
        return
    with Session(database()) as session:
        result = query.run_report(session, name, speaker=speaker, limit=limit)
    render(result.rows, result.columns, fmt.value)


@app.command()
def sql(
    statement: Annotated[str, typer.Argument(help="One SQL statement, e.g. SELECT ...")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Run one read-only SQL statement; anything that would write is refused."""
    with query.run_readonly_sql(schema.resolve_url(STATE["db"]), statement) as (columns, rows):
        render(rows, columns, fmt.value)


@app.command()
def export(
    term: Annotated[str | None, typer.Argument(help="A speaker or words, as in search.")] = None,
    speaker: SpeakerOption = None, outlet: OutletOption = None, via: ViaOption = None,
    since: SinceOption = None, until: UntilOption = None, kind: KindOption = None,
    limit: Annotated[int | None, typer.Option(help="At most this many quotations.")] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="Output format.")] = (
        ExportFormat.jsonl
    ),
) -> None:  # fmt: skip
    """Write every quotation the filters select, streamed in constant memory."""
    filters = _filters(speaker, outlet, via, since, until, kind, limit)
    with Session(database()) as session:
        render(query.export(session, filters, term), query.EXPORT_COLUMNS, fmt.value)


# --- Remarks: dedupe, compare, remarks, phrases (quotes.remarks) ---


class CompareFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


class RemarksFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


DIFF_MARKS = {"table": ("[-", "-]", "{+", "+}"), "markdown": ("~~", "~~", "**", "**")}


def marked_wording(parts: tuple[remark_links.DiffPart, ...], fmt: str) -> str:
    """A report's wording with what it cut and added against the canonical text marked."""
    cut_open, cut_close, add_open, add_close = DIFF_MARKS.get(fmt, DIFF_MARKS["table"])
    words = []
    for part in parts:
        if part.op in ("cut", "changed"):
            words.append(f"{cut_open}{part.canonical or part.text}{cut_close}")
        if part.op in ("added", "changed"):
            words.append(f"{add_open}{part.text}{add_close}")
        if part.op == "same":
            words.append(part.text)
    return " ".join(words)


@app.command()
def dedupe(
    rebuild: Annotated[
        bool, typer.Option(help="Recompute every remark and link (after a threshold change).")
    ] = False,
) -> None:
    """Link quotations not yet in a remark to remarks (all of them again with --rebuild)."""
    with Session(database(writer=True)) as session, session.begin():
        summary = remark_links.rebuild(session) if rebuild else remark_links.assign_pending(session)
    typer.echo(
        f"{summary.quotations} quotations in {summary.remarks} remarks, {summary.links} links"
    )


@app.command()
def compare(
    remark: Annotated[str, typer.Argument(help="A remark id, or words of one of its reports.")],
    fmt: Annotated[CompareFormat, typer.Option("--format", help="Output format.")] = (
        CompareFormat.table
    ),
) -> None:
    """Every report of one remark in date order: who carried it, via whom, and how worded."""
    with Session(database()) as session:
        found = remark_views.compare(session, remark)
    r = found.remark
    if fmt is not CompareFormat.json:
        typer.echo(f"Remark {r.id}: {r.speaker or 'unknown speaker'}, {r.quote_count} reports "
                   f"in {r.articles} articles by {r.publishers} publishers via {r.relays} relays"
                   f"\nCanonical: {r.canonical_text}\n")  # fmt: skip
    rows = [
        {"said_on": p.said_on, "publisher": p.publisher, "via": p.via, "speaker": p.speaker_text,
         "relation": p.relation, "why": p.why, "wording": marked_wording(p.diff, fmt.value),
         "date_inferred": p.date_inferred,
         "text": p.text, "remark_id": r.id, "quote_id": p.quote_id,
         "diff": [{"op": d.op, "text": d.text, "canonical": d.canonical} for d in p.diff]}
        for p in found.reports
    ]  # fmt: skip
    columns = COMPARE_COLUMNS[:7] if fmt is not CompareFormat.json else COMPARE_COLUMNS
    render(rows, columns, fmt.value)


COMPARE_COLUMNS = ("said_on", "publisher", "via", "speaker", "relation", "why", "wording",
                   "text", "date_inferred", "remark_id", "quote_id", "diff")  # fmt: skip
REMARK_COLUMNS = ("id", "outlet_count", "quote_count", "first_said_on", "speaker",
                  "canonical_text", "last_said_on", "publishers", "relays", "articles",
                  "members")  # fmt: skip


@app.command("remarks")
def remarks_command(
    min_outlets: Annotated[int, typer.Option(help="Carried by at least this many outlets.")] = 1,
    fmt: Annotated[RemarksFormat, typer.Option("--format", help="Output format.")] = (
        RemarksFormat.table
    ),
) -> None:
    """Remarks reported more than once, most widely carried first."""
    with Session(database()) as session:
        rows = (
            {"id": r.id, "outlet_count": r.outlet_count, "quote_count": r.quote_count,
             "first_said_on": r.first_said_on, "last_said_on": r.last_said_on,
             "speaker": r.speaker, "canonical_text": r.canonical_text,
             "publishers": r.publishers, "relays": r.relays, "articles": r.articles,
             "members": [{"source_path": m.source_path, "start": m.start, "end": m.end,
                          "text": m.text, "publisher": m.publisher, "via": m.via,
                          "relation": m.relation, "said_on": m.said_on and m.said_on.isoformat(),
                          "date_inferred": m.date_inferred, "why": m.why}
                         for m in members]}
            for r, members in remark_views.list_remarks(session, min_outlets)
        )  # fmt: skip
        render(rows, REMARK_COLUMNS[:6] if fmt is RemarksFormat.table else REMARK_COLUMNS,
               fmt.value)  # fmt: skip


@app.command()
def phrases(
    speaker: Annotated[str, typer.Argument(help="A speaker's name, alias or surname.")],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """The talking points a speaker repeats on different occasions (in separate remarks)."""
    with Session(database()) as session:
        found = remark_views.phrases(session, speaker)
    rows = (
        {"phrase": p.text, "remarks": len(p.uses), "remark_id": u.remark_id,
         "said_on": u.said_on, "text": u.text}
        for p in found for u in p.uses
    )  # fmt: skip
    render(rows, ("phrase", "remarks", "remark_id", "said_on", "text"), fmt.value)


@app.command()
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
    web = server.create_app(STATE["db"])
    stderr().print(f"Serving {schema.describe(schema.resolve_url(STATE['db']))} read-only on "
                   f"http://{host}:{port}/ (Ctrl-C stops)", markup=False)  # fmt: skip
    server.run(web, host, port)


def main() -> None:
    app()
