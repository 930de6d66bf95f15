"""Full-text search over quotations: the index each backend keeps, and safe query building.

SQLite: an FTS5 table `quotes_fts` with external content (`content="quotes"`, so the text is
stored once), kept in sync by triggers `quotes_ai`, `quotes_ad` and `quotes_au`, ranked by
bm25. The porter stemmer makes "sanction" find "sanctions", like PostgreSQL's English
configuration. Datasette recognises the table and offers full-text search on `quotes`.

PostgreSQL: a table `quotes_fts (id, vector)` holding `to_tsvector('english', text)` per
quotation, with a GIN index, kept in sync by triggers and ranked by `ts_rank`. A side table
rather than a column keeps the `quotes` model identical on both backends.

The DDL here is what revision 0002 created; a later change goes in a new revision.
"""

from __future__ import annotations

from typing import Final

from sqlalchemy.engine import Connection

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
    statements = SQLITE_CREATE_0002 if conn.dialect.name == "sqlite" else POSTGRESQL_CREATE_0002
    for statement in statements:
        conn.exec_driver_sql(statement)


def drop_index(conn: Connection) -> None:
    statements = SQLITE_DROP_0002 if conn.dialect.name == "sqlite" else POSTGRESQL_DROP_0002
    for statement in statements:
        conn.exec_driver_sql(statement)
