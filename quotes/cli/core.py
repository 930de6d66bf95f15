"""The command line's core: the app and its global options, one-line errors, and the output
options every listing shares.

Every command that prints rows takes `--format table|json|jsonl|csv|markdown` and `--limit N`
and prints through `quotes.query.output`; notes (how many more rows, what a search tried) go to
stderr, so stdout stays data. Start-up is kept short: only typer and the standard library load
with the CLI, and each command imports the library it needs when it runs
(benchmarks/bench_startup.py measures it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
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


def date_option(value: str | None, flag: str) -> date | None:
    if not value:
        return None
    from quotes.read.files import parse_date  # only when given: reading loads a good deal

    return parse_date(value, flag)


def outlet_option(value: str | None) -> str | None:
    """`--outlet` as given; a name with no letters in any script is refused."""
    from quotes.extract.names import has_letters

    if value is not None and not has_letters(value):
        raise QuotesError(f"--outlet: {value!r} has no letters in any script")
    return value


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

    page = render(rows, columns, fmt.value, limit=limit_or_all(limit), total=total)
    if (line := more_line(page, cap)) is not None:
        note(line)


def limit_or_all(limit: int | None) -> int | None:
    """`--limit 0` means no limit; others must be from 1 to a billion."""
    from quotes.query.terms import checked_limit

    return checked_limit(limit) if limit else None


def main() -> None:
    app()
