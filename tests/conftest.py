"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL tests create a database of their own on the server named by QUOTES_TEST_PG_URL
(default: postgres on 127.0.0.1:5432) and drop it afterwards. Without a server they are
skipped, except under CI=true, where an unreachable server fails the run.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotes.ingest import ingest
from quotes.store.schema import open_database

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT_ROOT / "seeds"
PG_ADMIN_URL = os.environ.get(
    "QUOTES_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test can touch a user's real database: the default lives in a temporary folder."""
    monkeypatch.setenv("QUOTES_DATABASE_URL", f"sqlite:///{tmp_path / 'default.db'}")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """An AUTOCOMMIT engine on the PostgreSQL server, for creating and dropping databases."""
    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to reach the server
        engine.dispose()
        message = f"PostgreSQL unreachable at {make_url(PG_ADMIN_URL).host}: {exc}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    yield engine
    engine.dispose()


def new_pg_database(admin: Engine) -> str:
    name = f"quotes_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(admin: Engine, url: str) -> None:
    name = make_url(url).database
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'quotes.db'}"
        return
    admin: Engine = request.getfixturevalue("pg_admin")
    url = new_pg_database(admin)
    yield url
    drop_pg_database(admin, url)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A database migrated to head (through alembic, as users get it)."""
    engine = open_database(db_url, writer=True)
    yield engine
    engine.dispose()


@pytest.fixture
def seeded_engine(engine: Engine) -> Engine:
    """A database holding the five seed articles."""
    summary = ingest(engine, [SEEDS])
    assert (summary.added, summary.failed) == (5, 0)
    return engine


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
