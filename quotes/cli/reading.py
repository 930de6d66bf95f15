"""Commands that read the database: search, show, speakers (with merge and alias), outlets,
reports, read-only SQL and export."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    pass

from quotes.cli.core import (
    LIST_LIMIT,
    STATE,
    FormatOption,
    LimitOption,
    OutputFormat,
    QuotesCommand,
    app,
    database,
    date_option,
    limit_or_all,
    note,
    outlet_option,
    show_rows,
)

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
        speaker=speaker, outlet=outlet, via=via, since=date_option(since, "--since"),
        until=date_option(until, "--until"), kind=kind, limit=limit,
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

    filters = _filters(speaker, outlet, via, since, until, kind, limit_or_all(limit))
    with Session(database()) as session:
        result = query.search(session, term, filters, text_only=text)
    show_rows(result.rows(), query.HIT_COLUMNS, fmt, limit_or_all(limit), result.total, COUNT_CAP)
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
        f"{merged.remarks} remarks, {merged.aliases} aliases moved; "
        f"{merged.kept} now has {merged.rejoined} remarks"
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


articles_app = typer.Typer(
    no_args_is_help=True, rich_markup_mode=None, help="Articles: correct their metadata."
)
app.add_typer(articles_app, name="articles")


@articles_app.command("set", cls=QuotesCommand)
def articles_set(
    article_id: Annotated[
        int, typer.Argument(metavar="ID", help="The article's id (from show or sql).")
    ],
    outlet: Annotated[str | None, typer.Option(metavar="NAME", help="Its publisher.")] = None,
    published: Annotated[
        str | None, typer.Option(metavar="DATE", help="Its date (2024-03-11).")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Its title.")] = None,
    url: Annotated[str | None, typer.Option(help="Its URL.")] = None,
) -> None:
    """Set or correct an article's publisher, date, title or URL; its quotations are dated
    again and remarks re-linked."""
    from sqlalchemy.orm import Session

    from quotes.correct import ArticleCorrection, correct_article

    change = ArticleCorrection(
        outlet_option(outlet), date_option(published, "--published"), title, url
    )
    with Session(database(writer=True)) as session:
        done = correct_article(session, article_id, change)
        session.commit()
    changed = ", ".join(done.fields) or "nothing"
    relinked = f"; remarks rebuilt: {done.remarks}" if done.remarks is not None else ""
    typer.echo(
        f"Article {article_id}: {changed} changed; quotations re-dated: {done.redated}{relinked}"
    )


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
        result = query.run_report(session, name, speaker=speaker, limit=limit_or_all(limit))
    show_rows(result.rows, result.columns, fmt, limit_or_all(limit), result.total)


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

    filters = _filters(speaker, outlet, via, since, until, kind, limit_or_all(limit))
    with Session(database()) as session:
        show_rows(query.export(session, filters, term), query.EXPORT_COLUMNS, fmt)
