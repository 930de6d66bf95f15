"""Running the web view: uvicorn on a local address, or datasette on the SQLite file with this
project's metadata (`quotes serve`, `quotes serve --datasette`)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import uvicorn
from sqlalchemy.engine import make_url
from starlette.applications import Starlette

from quotes.errors import QuotesError
from quotes.store.engine import describe, resolve_url
from quotes.web.app import create_app
from quotes.web.datasette import metadata_for

__all__ = ["create_app", "datasette_command", "run", "run_datasette"]


def run(app: Starlette, host: str, port: int) -> None:
    """Serve `app` until interrupted (Ctrl-C)."""
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def datasette_command(database: str | None, host: str, port: int, metadata: Path) -> list[str]:
    """The datasette command line for the SQLite file `database`, with `metadata` written."""
    url = make_url(resolve_url(database))
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        raise QuotesError(
            f"datasette reads SQLite files, not {describe(url)}: use `quotes serve` without "
            "--datasette"
        )
    path = Path(str(url.database)).expanduser()
    if not path.is_file():
        raise QuotesError(f"{describe(url)} does not exist: run `quotes ingest` first")
    program = shutil.which("datasette")
    if program is None:
        raise QuotesError("datasette is not installed: pip install datasette")
    metadata.write_text(json.dumps(metadata_for(path), indent=2), encoding="utf-8")
    return [program, "serve", str(path), "--metadata", str(metadata),
            "--host", host, "--port", str(port)]  # fmt: skip


def run_datasette(database: str | None, host: str, port: int) -> int:
    """Run datasette on the SQLite file until it stops; its exit status."""
    with tempfile.TemporaryDirectory(prefix="quotes-datasette-") as folder:
        command = datasette_command(database, host, port, Path(folder) / "metadata.json")
        return subprocess.run(command, check=False).returncode
