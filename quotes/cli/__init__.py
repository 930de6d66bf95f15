"""The command line: each command parses, calls one library function, and renders.

Only this package imports typer. `core` holds the app, its global options (`--db`, `--quiet`,
`--version`), one-line errors and the output options every listing shares; the commands live
beside it by stage (`pipeline`, `reading`, `remarks`, `web`) and register on the app when
imported here, in the order `quotes --help` lists them.
"""

from quotes.cli import pipeline, reading, remarks, web
from quotes.cli.core import app, main

__all__ = ["app", "main", "pipeline", "reading", "remarks", "web"]
