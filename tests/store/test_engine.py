"""Where the data lives, and one clear line when it cannot be reached."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import DatabaseError
from quotes.store.engine import describe, make_engine, resolve_url
from quotes.store.schema import head_revision, open_database


def test_option_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUOTES_DATABASE_URL", "postgresql://u@h/db")
    assert resolve_url("x.db") == "sqlite:///x.db"
    assert resolve_url(None) == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("QUOTES_DATABASE_URL")
    assert resolve_url(None) == "sqlite:///quotes.db"
    assert resolve_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"


def test_descriptions_name_the_host_without_the_password() -> None:
    assert describe("postgresql+psycopg://u:secret@db.example:6543/quotes") == (
        "PostgreSQL database 'quotes' on db.example:6543"
    )
    assert describe("sqlite:///data/q.db") == "SQLite file data/q.db"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql+psycopg://postgres@127.0.0.1:1/quotes",
            "cannot connect to PostgreSQL database 'quotes' on 127.0.0.1:1: "
            "server is not running or not accepting connections",
        ),
        (
            "postgresql+psycopg://postgres@127.0.0.1:5432/no_such_database_here",
            "cannot connect to PostgreSQL database 'no_such_database_here' on 127.0.0.1:5432: "
            "database does not exist (create it with createdb)",
        ),
        ("mysql://u@h/db", "unsupported database 'mysql': use SQLite or PostgreSQL"),
    ],
)
def test_unreachable_databases_are_one_line(url: str, message: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        open_database(url)
    assert str(caught.value) == message


def test_the_environment_variable_is_honoured_by_commands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner
) -> None:
    monkeypatch.setenv("QUOTES_DATABASE_URL", str(tmp_path / "env.db"))
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert result.output == f"SQLite file {tmp_path / 'env.db'} is at revision {head_revision()}\n"
    assert (tmp_path / "env.db").exists()


def test_db_commands_round_trip(db_url: str, runner: CliRunner) -> None:
    head = head_revision()
    assert (
        runner.invoke(app, ["--db", db_url, "db", "current"]).output == f"empty (latest: {head})\n"
    )
    assert runner.invoke(app, ["--db", db_url, "db", "upgrade"]).exit_code == 0
    assert (
        runner.invoke(app, ["--db", db_url, "db", "current"]).output == f"{head} (latest: {head})\n"
    )
    assert runner.invoke(app, ["--db", db_url, "db", "downgrade", "base"]).exit_code == 0
    assert (
        runner.invoke(app, ["--db", db_url, "db", "current"]).output == f"empty (latest: {head})\n"
    )


def test_a_database_behind_head_asks_for_an_upgrade(db_url: str, runner: CliRunner) -> None:
    assert runner.invoke(app, ["--db", db_url, "db", "upgrade", "0001"]).exit_code == 0
    result = runner.invoke(app, ["--db", db_url, "ingest", "seeds"])
    assert result.exit_code == 1
    assert result.stderr.endswith("behind " + head_revision() + ": run `quotes db upgrade`\n")
    assert result.stderr.count("\n") == 1


def test_sqlite_folder_must_exist(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match=r"folder .*missing does not exist$"):
        make_engine(f"sqlite:///{tmp_path / 'missing' / 'q.db'}")


def test_an_upgrade_that_clears_remarks_says_how_to_rebuild_them(
    seeded_engine: Engine, runner: CliRunner
) -> None:
    url = seeded_engine.url.render_as_string(hide_password=False)
    assert runner.invoke(app, ["--db", url, "db", "downgrade", "0002"]).exit_code == 0
    result = runner.invoke(app, ["--db", url, "db", "upgrade"])
    assert result.exit_code == 0
    waiting = result.output.splitlines()[1]
    assert waiting.endswith(" quotations are in no remark yet: run `quotes dedupe`")
    assert runner.invoke(app, ["--db", url, "dedupe"]).exit_code == 0
    again = runner.invoke(app, ["--db", url, "db", "upgrade"])
    assert again.output.count("\n") == 1


def test_sqlite_writers_keep_statement_journals_in_memory(tmp_path: Path) -> None:
    """A writer's inserts into quotes (which has a trigger) open a statement journal each: in
    memory, not a file per statement. Readers keep SQLite's defaults."""
    url = f"sqlite:///{tmp_path / 'q.db'}"
    for writer, expected in ((True, 2), (False, 0)):
        engine = make_engine(url, writer=writer)
        with engine.connect() as conn:
            pragmas = (
                conn.exec_driver_sql("PRAGMA temp_store").scalar(),
                conn.exec_driver_sql("PRAGMA journal_mode").scalar(),
                conn.exec_driver_sql("PRAGMA foreign_keys").scalar(),
            )
        engine.dispose()
        assert pragmas == (expected, "wal", 1)
