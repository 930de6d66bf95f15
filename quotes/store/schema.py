"""Schema state through alembic: migrate a new database, refuse one that is behind, wrap
`upgrade`, `downgrade` and `current` for `quotes db`.

A database at the latest schema is recognised without alembic: its `alembic_version` row is read
with one query and compared with `HEAD_REVISION`, which a test keeps equal to the migration
scripts' head. alembic (about a quarter of a second to import, plus reading every script) is
loaded only to migrate, or to explain a revision that is not the head."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError

from quotes.store.engine import (
    connect,
    describe,
    is_sqlite,
    make_engine,
    make_readonly_engine,
    resolve_url,
)
from quotes.store.reader import install_reader

__all__ = ["describe", "make_engine", "resolve_url"]
from quotes.errors import DatabaseError, SchemaOutdated

if TYPE_CHECKING:
    from alembic.config import Config

HEAD_REVISION = "0016_family_name_first"
"""The newest migration's revision id (tests/store/test_schema.py checks it against alembic)."""

_PROJECT_ROOT = Path(__file__).resolve().parents[2]
PG_MIGRATION_LOCK = 7_203_117
"""Advisory-lock key that serialises migrations between processes on PostgreSQL."""


def migrations_dir() -> Path:
    """`migrations/` beside the package (a checkout or editable install) or inside it (a wheel)."""
    for candidate in (_PROJECT_ROOT / "migrations", Path(__file__).parents[1] / "_migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise DatabaseError("the migrations folder is missing from this installation")


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return HEAD_REVISION


@cache
def script_head() -> str:
    """The head as the migration scripts give it (reads every script: slow, for checks)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


@cache
def _known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    return frozenset(
        s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    )


def current_revision(conn: Connection) -> str | None:
    """The database's schema revision, or None where alembic has not been run on it."""
    if not conn.dialect.has_table(conn, "alembic_version"):
        return None
    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # a table by that name that is not alembic's
        conn.rollback()
        return None


def _run(engine: Engine, action: str, revision: str) -> None:
    """Run one alembic command in one transaction that holds a lock, so two processes never
    migrate at once: SQLite's write lock (BEGIN IMMEDIATE), PostgreSQL's advisory lock."""
    if is_sqlite(engine):
        engine = make_engine(engine.url.render_as_string(hide_password=False), writer=True)
    from alembic import command

    with connect(engine) as conn, conn.begin():
        if not is_sqlite(conn):
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        config = alembic_config(conn)
        if action == "upgrade":
            command.upgrade(config, revision)
            if current_revision(conn) == head_revision():
                install_reader(
                    conn
                )  # again: a superuser's upgrade sets up what another's could not
        else:
            command.downgrade(config, revision)


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str = "-1") -> None:
    _run(engine, "downgrade", revision)


def current(engine: Engine) -> str | None:
    with connect(engine) as conn:
        return current_revision(conn)


def ensure_schema(engine: Engine) -> None:
    """Migrate a new, empty database to head; refuse a database behind head with one line."""
    with connect(engine) as conn:
        revision = current_revision(conn)
        if revision is None:
            user_tables = {n for n in conn.dialect.get_table_names(conn) if n != "alembic_version"}
            if user_tables:
                raise DatabaseError(
                    f"{describe(engine.url)} holds tables that are not a quotes database"
                )
    if revision == head_revision():
        return
    if revision is None:
        upgrade(engine)
        return
    if revision not in _known_revisions():
        raise DatabaseError(
            f"{describe(engine.url)} is at schema revision {revision}, unknown to this version "
            "of quotes (made by a newer one?)"
        )
    raise SchemaOutdated(
        f"{describe(engine.url)} is at schema revision {revision}, behind {head_revision()}: "
        "run `quotes db upgrade`"
    )


def open_database(option: str | None = None, *, writer: bool = False) -> Engine:
    """The engine every command uses: `--db`, else QUOTES_DATABASE_URL, else ./quotes.db;
    a new empty database is migrated to head, one behind head is refused."""
    engine = make_engine(resolve_url(option), writer=writer)
    ensure_schema(engine)
    return engine


def open_readonly_database(option: str | None = None) -> Engine:
    """An engine that cannot write (`make_readonly_engine`) on an existing quotes database at the
    latest schema: a missing SQLite file, an empty database or one behind head is refused with
    one line, never created or migrated (read-only means nothing at all is written)."""
    url = resolve_url(option)
    parsed = make_url(url)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path not in (None, "", ":memory:") and not Path(str(path)).expanduser().is_file():
        raise DatabaseError(f"{describe(parsed)} does not exist: run `quotes ingest` first")
    engine = make_readonly_engine(url)
    revision = current(engine)
    if revision is None:
        engine.dispose()
        raise DatabaseError(f"{describe(parsed)} holds no quotes yet: run `quotes ingest` first")
    if revision != head_revision():
        engine.dispose()
        raise SchemaOutdated(
            f"{describe(parsed)} is at schema revision {revision}, not {head_revision()}: "
            "run `quotes db upgrade`"
        )
    return engine
