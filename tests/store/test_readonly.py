"""quotes.store: the read-only engine and database of `quotes serve`, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from quotes.errors import DatabaseError, SchemaOutdated
from quotes.store.schema import downgrade, open_readonly_database


def test_no_connection_of_the_readonly_engine_can_write(engine: Engine, db_url: str) -> None:
    readonly = open_readonly_database(db_url)
    try:
        with readonly.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM quotes")).scalar_one() == 0
            with pytest.raises(DBAPIError) as refused:
                conn.execute(
                    text("INSERT INTO outlets (name, name_key, kind) VALUES ('a', 'a', 'other')")
                )
            assert any(
                marker in str(refused.value).lower()
                for marker in ("read-only transaction", "readonly database", "query_only")
            )
    finally:
        readonly.dispose()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM outlets")).scalar_one() == 0


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with pytest.raises(DatabaseError) as missing:
        open_readonly_database(str(path))
    assert str(missing.value) == f"SQLite file {path} does not exist: run `quotes ingest` first"
    assert not path.exists()


def test_an_empty_or_outdated_database_is_refused_not_migrated(engine: Engine, db_url: str) -> None:
    downgrade(engine, "0003")
    with pytest.raises(SchemaOutdated) as behind:
        open_readonly_database(db_url)
    assert "is at schema revision 0003, not " in str(behind.value)
    assert str(behind.value).endswith(": run `quotes db upgrade`")
    downgrade(engine, "base")
    with pytest.raises(DatabaseError) as empty:
        open_readonly_database(db_url)
    assert str(empty.value).endswith("holds no quotes yet: run `quotes ingest` first")
