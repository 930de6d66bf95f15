"""`quotes serve`: the read-only web view (or datasette on the SQLite file)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from quotes.errors import QuotesError

if TYPE_CHECKING:
    pass

from quotes.cli.core import (
    STATE,
    QuotesCommand,
    app,
    note,
)


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
