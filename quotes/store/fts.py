"""Full-text search over quotations: the index each backend keeps, and safe query building.

SQLite: an FTS5 table `quotes_fts` with external content (`content="quotes"`, so the text is
stored once), kept in sync by triggers `quotes_ai`, `quotes_ad` and `quotes_au`, ranked by
bm25. The porter stemmer makes "sanction" find "sanctions", like PostgreSQL's English
configuration. Datasette recognises the table and offers full-text search on `quotes`.

PostgreSQL: a table `quotes_fts (id, vector)` holding `to_tsvector('english', text)` per
quotation, with a GIN index, kept in sync by triggers and ranked by `ts_rank`. A side table
rather than a column keeps the `quotes` model identical on both backends.

The ingest writer indexes a batch's quotations with one statement instead (`defer_indexing`,
then `index_deferred`): a trigger firing per row cost SQLite 0.9 ms of the 1.1 ms it takes to
insert a seed-size article's 27 quotations, a batched insert 0.13 ms. Since revision 0013 the
insert trigger stands aside while a transaction says so (SQLite: a row in
`quotes_fts_deferred`, deleted again before it commits; PostgreSQL: the transaction-local
setting `quotes.fts_deferred`), so every other writer, a user's own INSERT included, is still
indexed by the trigger.

The DDL here is what revisions 0002 and 0013 created; a later change goes in a new revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from quotes.store.engine import is_sqlite

FTS_TABLE: Final = "quotes_fts"
TEXT_SEARCH_CONFIG: Final = "english"

SQLITE_CREATE_0002: Final[tuple[str, ...]] = (
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, content="quotes", content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END""",
    """CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END""",
    """CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes BEGIN
    INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END""",
    "INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')",
)
SQLITE_DROP_0002: Final[tuple[str, ...]] = (
    "DROP TRIGGER IF EXISTS quotes_au",
    "DROP TRIGGER IF EXISTS quotes_ad",
    "DROP TRIGGER IF EXISTS quotes_ai",
    "DROP TABLE IF EXISTS quotes_fts",
)

POSTGRESQL_CREATE_0002: Final[tuple[str, ...]] = (
    """CREATE TABLE quotes_fts (
    id INTEGER PRIMARY KEY REFERENCES quotes (id) ON DELETE CASCADE,
    vector TSVECTOR NOT NULL)""",
    "CREATE INDEX quotes_fts_vector ON quotes_fts USING GIN (vector)",
    """CREATE FUNCTION quotes_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO quotes_fts (id, vector) VALUES (NEW.id, to_tsvector('english', NEW.text))
    ON CONFLICT (id) DO UPDATE SET vector = EXCLUDED.vector;
    RETURN NULL;
END
$$""",
    """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes
    FOR EACH ROW EXECUTE FUNCTION quotes_fts_sync()""",
    """CREATE TRIGGER quotes_au AFTER UPDATE OF text ON quotes
    FOR EACH ROW EXECUTE FUNCTION quotes_fts_sync()""",
    """INSERT INTO quotes_fts (id, vector)
    SELECT id, to_tsvector('english', text) FROM quotes""",
)
POSTGRESQL_DROP_0002: Final[tuple[str, ...]] = (
    "DROP TRIGGER IF EXISTS quotes_au ON quotes",
    "DROP TRIGGER IF EXISTS quotes_ai ON quotes",
    "DROP FUNCTION IF EXISTS quotes_fts_sync()",
    "DROP TABLE IF EXISTS quotes_fts",
)


def create_index(conn: Connection) -> None:
    """Create the full-text index of this backend and fill it from the stored quotations."""
    statements = SQLITE_CREATE_0002 if is_sqlite(conn) else POSTGRESQL_CREATE_0002
    for statement in statements:
        conn.exec_driver_sql(statement)


def drop_index(conn: Connection) -> None:
    statements = SQLITE_DROP_0002 if is_sqlite(conn) else POSTGRESQL_DROP_0002
    for statement in statements:
        conn.exec_driver_sql(statement)


SQLITE_DEFERRED_0013: Final[tuple[str, ...]] = (
    "CREATE TABLE quotes_fts_deferred (one INTEGER PRIMARY KEY CHECK (one = 1))",
    "DROP TRIGGER quotes_ai",
    """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes
WHEN NOT EXISTS (SELECT 1 FROM quotes_fts_deferred) BEGIN
    INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END""",
)
SQLITE_UNDEFERRED_0013: Final[tuple[str, ...]] = (
    "DROP TRIGGER quotes_ai",
    SQLITE_CREATE_0002[1],
    "DROP TABLE quotes_fts_deferred",
)
POSTGRESQL_DEFERRED_0013: Final[tuple[str, ...]] = (
    "DROP TRIGGER quotes_ai ON quotes",
    """CREATE TRIGGER quotes_ai AFTER INSERT ON quotes FOR EACH ROW
    WHEN (current_setting('quotes.fts_deferred', true) IS DISTINCT FROM 'on')
    EXECUTE FUNCTION quotes_fts_sync()""",
)
POSTGRESQL_UNDEFERRED_0013: Final[tuple[str, ...]] = (
    "DROP TRIGGER quotes_ai ON quotes",
    POSTGRESQL_CREATE_0002[3],
)


def make_indexing_deferrable(conn: Connection) -> None:
    """Revision 0013: the insert trigger stands aside while a transaction defers indexing."""
    sqlite = is_sqlite(conn)
    for statement in SQLITE_DEFERRED_0013 if sqlite else POSTGRESQL_DEFERRED_0013:
        conn.exec_driver_sql(statement)


def make_indexing_immediate(conn: Connection) -> None:
    sqlite = is_sqlite(conn)
    for statement in SQLITE_UNDEFERRED_0013 if sqlite else POSTGRESQL_UNDEFERRED_0013:
        conn.exec_driver_sql(statement)


def defer_indexing(session: Session) -> None:
    """Quotations this transaction inserts from now on are left out of the index until
    `index_deferred` is called with their ids, which must happen before it commits."""
    if is_sqlite(session.get_bind()):
        session.execute(text("INSERT OR IGNORE INTO quotes_fts_deferred (one) VALUES (1)"))
    else:
        session.execute(text("SELECT set_config('quotes.fts_deferred', 'on', true)"))


def index_deferred(session: Session, quote_ids: Sequence[int]) -> None:
    """Index the quotations inserted since `defer_indexing`, in one statement per thousand, and
    let the trigger index every later insert again."""
    sqlite = is_sqlite(session.get_bind())
    if sqlite:
        statement = text(
            "INSERT INTO quotes_fts (rowid, text) SELECT id, text FROM quotes WHERE id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
    else:
        statement = text(
            "INSERT INTO quotes_fts (id, vector) SELECT id, to_tsvector('english', text)"
            " FROM quotes WHERE id = ANY(:ids)"
        )
    ids = sorted(quote_ids)
    for first in range(0, len(ids), 1000):
        session.execute(statement, {"ids": ids[first : first + 1000]})
    if sqlite:
        session.execute(text("DELETE FROM quotes_fts_deferred"))
    else:
        session.execute(text("SELECT set_config('quotes.fts_deferred', 'off', true)"))
