"""Alembic environment: runs on a connection handed over by quotes.schema, or on the URL that
every quotes command would use (QUOTES_DATABASE_URL, else ./quotes.db)."""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy.engine import Connection

from quotes.store.engine import make_engine, resolve_url
from quotes.store.models import Base

config = context.config
target_metadata = Base.metadata

# Objects that migrations create by raw SQL and autogenerate must not try to drop:
# the full-text index tables (FTS5 shadow tables on SQLite) and the report views.
_UNMANAGED_PREFIXES = ("quotes_fts", "report_")


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(_UNMANAGED_PREFIXES)
    return True


def run_on(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = make_engine(resolve_url(None), writer=True)
    with engine.connect() as conn:
        run_on(conn)
        conn.commit()
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run against a database")
run_migrations_online()
