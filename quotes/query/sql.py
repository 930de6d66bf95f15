"""Read-only SQL: a user's statement run so that it can only read the database's own data.

Safe by construction on both backends, whoever connects:

- the statement only ever runs as a subquery (`SELECT ... FROM (<statement>)`), so nothing but
  one query can run: no second statement, no COPY, SET, LOCK, PRAGMA, ATTACH or VACUUM;
- PostgreSQL: `SET ROLE quotes_reader` (SELECT on the project's tables and views, nothing else)
  in a READ ONLY transaction with a statement timeout, through the SECURITY DEFINER function of
  quotes.store.reader, which caps the rows and bytes returned;
- SQLite: `PRAGMA query_only`, an authorizer that allows reading the database's own tables,
  views and full-text index and nothing else, a progress handler enforcing the time limit and a
  cap on the size of any value (SQLITE_LIMIT_LENGTH) and on the rows.

Statements that are plainly not queries are refused before they reach the database, so the
refusal names them; the guarantees above do not depend on that check.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy.engine import make_url

from quotes.errors import DatabaseError, QuotesError, ReadOnlyViolation
from quotes.store.engine import connect, describe, make_engine
from quotes.store.reader import READER_FUNCTION, READER_ROLE


@dataclass(frozen=True)
class SqlLimits:
    """What one `quotes sql` statement may take."""

    seconds: float = 10.0
    rows: int = 100_000
    bytes: int = 64 * 1024 * 1024
    """PostgreSQL: the whole result; SQLite: any one value (SQLITE_LIMIT_LENGTH)."""


DEFAULT_LIMITS: Final = SqlLimits()

NOT_QUERIES: Final = frozenset(
    "abort alter analyze attach begin call checkpoint close cluster comment commit copy create "
    "deallocate declare delete detach discard do drop end execute explain fetch grant import "
    "insert listen load lock merge move notify pragma prepare reassign refresh reindex release "
    "replace reset revoke rollback savepoint security set show start truncate unlisten update "
    "vacuum".split()
)
"""First words of statements that are not queries: refused by name before they are sent."""

_TOKEN: Final = re.compile(
    r"""\s+|--[^\n]*|/\*.*?(?:\*/|\Z)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|(\$\w*\$).*?(?:\1|\Z)|;|\w+|.""",
    re.S,
)


def _split_statement(sql: str) -> tuple[str, str, bool]:
    """The statement up to its first top-level semicolon, its first word (lower case), and
    whether another statement follows. Strings, quoted names and comments are skipped."""
    first_word = ""
    for match in _TOKEN.finditer(sql):
        token = match.group()
        if token == ";":
            rest = sql[match.end() :]
            follows = any(t.group().strip(" \t\r\n;") and not t.group().startswith(("--", "/*"))
                          for t in _TOKEN.finditer(rest))  # fmt: skip
            return sql[: match.start()], first_word, follows
        if not first_word and token[0].isalpha():
            first_word = token.lower()
    return sql, first_word, False


def _checked(sql: str) -> str:
    statement, first_word, follows = _split_statement(sql)
    if follows:
        raise ReadOnlyViolation(
            "quotes sql is read-only: it runs one statement, a second one is refused"
        )
    if first_word in NOT_QUERIES:
        raise ReadOnlyViolation(
            f"quotes sql is read-only: {first_word.upper()} is refused "
            "(it runs one query: SELECT, WITH, VALUES or TABLE)"
        )
    return statement


Rows = Iterator[dict[str, Any]]


@contextmanager
def run_readonly_sql(
    url: str, sql: str, limits: SqlLimits = DEFAULT_LIMITS
) -> Iterator[tuple[list[str], Rows]]:
    """Run one query that can only read; yields the column names and a lazy iterator of rows.
    A refused statement raises ReadOnlyViolation; other SQL errors DatabaseError, in one line."""
    statement = _checked(sql)
    parsed = make_url(url)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path not in (None, "", ":memory:") and not Path(str(path)).expanduser().is_file():
        raise DatabaseError(f"{describe(parsed)} does not exist")
    engine = make_engine(url)
    try:
        with connect(engine) as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            if conn.dialect.name == "sqlite":
                with _sqlite_query(raw, statement, limits) as result:
                    yield result
            else:
                with _postgresql_query(raw, statement, limits, describe(parsed)) as result:
                    yield result
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------
# SQLite

_ALLOWED_ACTIONS: Final = frozenset({sqlite3.SQLITE_SELECT, sqlite3.SQLITE_RECURSIVE})
_DENIED_FUNCTIONS: Final = frozenset({"load_extension", "readfile", "writefile", "edit"})
_READ_PRAGMAS: Final = frozenset(
    "data_version table_info table_xinfo table_list index_list index_info index_xinfo "
    "foreign_key_list".split()
)
"""Pragmas that only report (FTS5 itself asks for data_version), whatever their argument."""
_ACTION_NAMES: Final = {
    getattr(sqlite3, name): name.removeprefix("SQLITE_").replace("_", " ")
    for name in dir(sqlite3)
    if name.startswith("SQLITE_") and name not in ("SQLITE_OK", "SQLITE_DENY", "SQLITE_IGNORE")
    and isinstance(getattr(sqlite3, name), int) and not name.startswith("SQLITE_LIMIT")
}  # fmt: skip


class _Authorizer:
    """Allows SELECT, reads of the main database, plain functions and reporting pragmas;
    remembers what it refused. SQLite itself checks an UPDATE of sqlite_master when it first
    connects a virtual table (the full-text index): allowed, since query_only and the subquery
    wrapping leave no way to write."""

    def __init__(self) -> None:
        self.refused: str | None = None

    def __call__(
        self, action: int, arg1: str | None, arg2: str | None, db: str | None, _source: str | None
    ) -> int:
        if action in _ALLOWED_ACTIONS:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_READ and db in ("main", None):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and (arg1 or "").lower() in _READ_PRAGMAS:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_UPDATE and arg1 == "sqlite_master" and db == "main":
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() not in _DENIED_FUNCTIONS:
            return sqlite3.SQLITE_OK
        name = _ACTION_NAMES.get(action, f"action {action}")
        self.refused = " ".join(filter(None, (name, arg2 if action == sqlite3.SQLITE_FUNCTION
                                                    else arg1)))  # fmt: skip
        return sqlite3.SQLITE_DENY


@contextmanager
def _sqlite_query(
    raw: sqlite3.Connection, statement: str, limits: SqlLimits
) -> Iterator[tuple[list[str], Rows]]:
    authorizer = _Authorizer()
    deadline = time.monotonic() + limits.seconds
    raw.execute("PRAGMA query_only = ON")
    old_length = raw.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limits.bytes)
    raw.set_authorizer(authorizer)
    raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)

    def refusal(exc: sqlite3.Error) -> QuotesError:
        if "interrupted" in str(exc):
            return _timed_out(limits)
        if authorizer.refused:
            return ReadOnlyViolation(f"quotes sql is read-only: {authorizer.refused} is refused")
        return _sql_error(exc)

    try:
        cursor = raw.cursor()
        try:
            cursor.execute(f"SELECT * FROM (\n{statement}\n) LIMIT {limits.rows + 1}")
        except sqlite3.Error as exc:
            raise refusal(exc) from None
        columns = [d[0] for d in cursor.description]
        yield columns, _capped(_fetched(cursor, columns, refusal), limits)
    finally:
        raw.set_authorizer(None)
        raw.set_progress_handler(None, 0)
        raw.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, old_length)
        raw.rollback()


def _fetched(
    cursor: sqlite3.Cursor, columns: list[str], refusal: Callable[[sqlite3.Error], QuotesError]
) -> Rows:
    try:
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield dict(zip(columns, row, strict=True))
    except sqlite3.Error as exc:
        raise refusal(exc) from None


# ---------------------------------------------------------------------------------------------
# PostgreSQL


@contextmanager
def _postgresql_query(
    raw: Any, statement: str, limits: SqlLimits, database: str
) -> Iterator[tuple[list[str], Rows]]:
    import psycopg

    raw.rollback()
    raw.read_only = True
    try:
        with raw.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {int(limits.seconds * 1000)}")
            _assume_reader(raw, cursor, database)
            columns = _postgresql_columns(raw, statement)
            cursor.execute(
                f"SELECT {READER_FUNCTION}(%s, %s, %s)::text",
                (statement, limits.rows, limits.bytes),
            )
            rows = [dict(zip(columns, _ordered_values(r[0]), strict=False)) for r in cursor]
    except psycopg.errors.QueryCanceled:
        raise _timed_out(limits) from None
    except psycopg.Error as exc:
        raise _sql_error(exc) from None
    finally:
        raw.rollback()
    yield columns, _capped(iter(rows), limits)


def _assume_reader(raw: Any, cursor: Any, database: str) -> None:
    """SET ROLE quotes_reader, or refuse with the fix when the role or its function is missing
    or the connecting user may not assume it."""
    import psycopg

    cursor.execute(
        "SELECT (SELECT oid FROM pg_roles WHERE rolname = %s) IS NOT NULL, "
        "to_regproc(%s) IS NOT NULL, pg_has_role(current_user, "
        "COALESCE((SELECT oid FROM pg_roles WHERE rolname = %s), 0), 'MEMBER')",
        (READER_ROLE, READER_FUNCTION, READER_ROLE),
    )
    role_exists, function_exists, _member = cursor.fetchone()
    if not (role_exists and function_exists):
        raise DatabaseError(
            f"quotes sql cannot run on {database}: the role {READER_ROLE} or its function "
            f"{READER_FUNCTION} is missing (a superuser runs `quotes db upgrade` to make them)"
        )
    try:
        cursor.execute(f"SET LOCAL ROLE {READER_ROLE}")
    except psycopg.errors.InsufficientPrivilege:
        raw.rollback()
        user = raw.info.user
        raise DatabaseError(
            f"quotes sql cannot run as role {READER_ROLE} on {database}: user {user!r} is not "
            f'a member (a superuser runs: GRANT {READER_ROLE} TO "{user}")'
        ) from None


def _postgresql_columns(raw: Any, statement: str) -> list[str]:
    """The statement's column names, from PostgreSQL's parser (Parse and Describe, never run)."""
    import psycopg

    wrapped = f"SELECT * FROM (\n{statement}\n) AS quotes_sql"
    pgconn = raw.pgconn
    described = pgconn.prepare(b"", wrapped.encode())
    if described.status == psycopg.pq.ExecStatus.COMMAND_OK:
        described = pgconn.describe_prepared(b"")
    if described.status != psycopg.pq.ExecStatus.COMMAND_OK:
        raise _sql_error((described.error_message or b"").decode(errors="replace"))
    return [(described.fname(i) or b"").decode() for i in range(described.nfields)]


def _ordered_values(row: str) -> list[Any]:
    """The values of one row_to_json row, in column order even when names repeat."""
    pairs: list[tuple[str, Any]] = json.loads(row, object_pairs_hook=list)
    return [value for _name, value in pairs]


# ---------------------------------------------------------------------------------------------
# Both


def _capped(rows: Rows, limits: SqlLimits) -> Rows:
    for n, row in enumerate(rows):
        if n == limits.rows:
            raise DatabaseError(
                f"quotes sql stops at {limits.rows:,} rows: add a LIMIT or use `quotes export`"
            )
        yield row


def _timed_out(limits: SqlLimits) -> QuotesError:
    return DatabaseError(
        f"quotes sql stopped the statement at its time limit of {limits.seconds:g} s"
    )


_REFUSALS: Final = (
    "read-only transaction",
    "readonly database",
    "query_only",
    "permission denied",
    "must be superuser",
    "must be a superuser",
    "must be a member",
    "within security-definer function",
    "not authorized",
    "data-modifying statement",
)


def _sql_error(exc: Exception | str) -> QuotesError:
    lines = [line for line in str(exc).strip().splitlines() if line.strip()]
    message = lines[0] if lines else type(exc).__name__
    message = message.removeprefix("ERROR:").strip()
    if "quotes sql result over" in message:
        return DatabaseError(f"{message}: select fewer or smaller columns, or add a LIMIT")
    if any(marker in message.lower() for marker in _REFUSALS):
        return ReadOnlyViolation(f"quotes sql is read-only: {message}")
    return DatabaseError(f"SQL error: {message}")
