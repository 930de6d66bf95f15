"""Commands about remarks: dedupe, compare (how each outlet worded one remark), remarks (by how
widely they were carried) and phrases (talking points)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    pass

from quotes.cli.core import (
    LIST_LIMIT,
    FormatOption,
    LimitOption,
    OutputFormat,
    QuotesCommand,
    app,
    database,
    limit_or_all,
    note,
    show_rows,
)
from quotes.cli.pipeline import (
    SHORT_FORMATS,
)

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
        rows = remarks.remark_rows(session, min_outlets, limit_or_all(limit))
        show_rows(rows, columns, fmt, limit_or_all(limit), total)


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
        rows = remarks.phrase_rows(remarks.phrases(session, speaker))
    show_rows(rows, remarks.PHRASE_COLUMNS, fmt, limit, len(rows))
