"""`quotes serve` on the command line: problems are one line, before anything listens."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from quotes.cli import app


def test_serve_refuses_a_missing_database_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "none.db"), "serve"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: SQLite file {tmp_path / 'none.db'} does not exist: run `quotes ingest` first\n"
    )
    assert not (tmp_path / "none.db").exists()


def test_serve_datasette_on_postgresql_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--db", "postgresql://u@h/db", "serve", "--datasette"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: datasette reads SQLite files, not PostgreSQL")
