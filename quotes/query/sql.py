"""Read-only SQL: a user's statement run so that it cannot change the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from sqlalchemy.engine import make_url

from quotes.errors import DatabaseError, QuotesError, ReadOnlyViolation
from quotes.store.engine import connect, describe, make_engine

# ---------------------------------------------------------------------------------------------
# Read-only SQL


_WRITE_REFUSALS: Final = (
    "readonly database",
    "read-only transaction",
    "query_only",
)


@contextmanager
def run_readonly_sql(url: str, sql: str) -> Iterator[tuple[list[str], Iterator[dict[str, Any]]]]:
    """Run one statement on a connection that cannot write: SQLite with `PRAGMA query_only`,
    PostgreSQL in a READ ONLY transaction, and never more than one statement (sqlite3 refuses
    a second; on PostgreSQL the statement is prepared, which cannot hold two, so no COMMIT can
    end the read-only transaction). Yields the column names and a lazy iterator of rows.
    A statement that would write raises ReadOnlyViolation; other SQL errors DatabaseError."""
    parsed = make_url(url)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path not in (None, "", ":memory:") and not Path(str(path)).expanduser().is_file():
        raise DatabaseError(f"{describe(parsed)} does not exist")
    engine = make_engine(url)
    try:
        with connect(engine) as conn:
            dbapi_error: type[Exception] = conn.dialect.dbapi.Error  # type: ignore[union-attr]
            raw = conn.connection.driver_connection
            assert raw is not None
            try:
                if conn.dialect.name == "sqlite":
                    raw.execute("PRAGMA query_only = ON")
                    cursor = raw.cursor()
                    cursor.execute(sql)
                else:
                    raw.rollback()
                    raw.read_only = True
                    cursor = raw.cursor()
                    cursor.execute(sql, prepare=True)
            except dbapi_error as exc:
                raise _sql_error(exc) from None
            columns = [d[0] for d in cursor.description] if cursor.description else []
            try:
                yield columns, _rows(cursor, columns, dbapi_error)
            finally:
                cursor.close()
                raw.rollback()
    finally:
        engine.dispose()


def _rows(
    cursor: Any, columns: list[str], dbapi_error: type[Exception]
) -> Iterator[dict[str, Any]]:
    if not columns:
        return
    try:
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield dict(zip(columns, row, strict=True))
    except dbapi_error as exc:
        raise _sql_error(exc) from None


def _sql_error(exc: Exception) -> QuotesError:
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else type(exc).__name__
    if any(marker in message.lower() for marker in _WRITE_REFUSALS):
        return ReadOnlyViolation(f"quotes sql is read-only: {message}")
    return DatabaseError(f"SQL error: {message}")
