"""`quotes sql` is read-only by construction: writes are refused and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from quotes.errors import DatabaseError, QuotesError, ReadOnlyViolation
from quotes.query.sql import run_readonly_sql
from quotes.store.engine import connect
from tests.search_sample import load_sample

WRITES = [
    "DELETE FROM quotes",
    "UPDATE speakers SET name = 'x'",
    "INSERT INTO outlets (name, name_key, kind) VALUES ('x', 'x', 'other')",
    "DROP TABLE quote_links",
    "CREATE TABLE extra (id INTEGER)",
    "DROP VIEW report_shared_remarks",
    "CREATE INDEX ix_extra ON quotes (cue)",
    "ALTER TABLE quotes ADD COLUMN extra INTEGER",
]


def counts(engine: Engine) -> tuple[int, ...]:
    with connect(engine) as conn:
        return tuple(
            conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()
            for table in ("quotes", "speakers", "outlets", "quote_links", "report_shared_remarks")
        )


def run(url: str, sql: str) -> tuple[list[str], list[dict[str, object]]]:
    with run_readonly_sql(url, sql) as (columns, rows):
        return columns, list(rows)


def test_select(engine: Engine, db_url: str) -> None:
    load_sample(engine)
    assert run(db_url, "SELECT id, name FROM speakers WHERE id < 3 ORDER BY id") == (
        ["id", "name"],
        [{"id": 1, "name": "Nikolai Patrushev"}, {"id": 2, "name": "Yang Jiechi"}],
    )
    assert run(db_url, "SELECT remark_id, outlets FROM report_shared_remarks") == (
        ["remark_id", "outlets"], [{"remark_id": 1, "outlets": 3}],
    )  # fmt: skip
    assert run(db_url, "SELECT '100%' AS p") == (["p"], [{"p": "100%"}])


@pytest.mark.parametrize("statement", WRITES)
def test_writes_are_refused_and_change_nothing(engine: Engine, db_url: str, statement: str) -> None:
    load_sample(engine)
    before = counts(engine)
    with pytest.raises(ReadOnlyViolation) as refused:
        run(db_url, statement)
    message = str(refused.value)
    assert message.startswith("quotes sql is read-only: ") and "\n" not in message
    assert counts(engine) == before == (6, 3, 4, 3, 1)


@pytest.mark.parametrize(
    "statement",
    ["SELECT 1; DELETE FROM quotes", "COMMIT; DELETE FROM quotes",
     "SELECT 1; COMMIT; DROP TABLE quote_links"],
)  # fmt: skip
def test_a_second_statement_is_never_run(engine: Engine, db_url: str, statement: str) -> None:
    load_sample(engine)
    with pytest.raises(QuotesError) as refused:
        run(db_url, statement)
    assert "\n" not in str(refused.value)
    assert counts(engine) == (6, 3, 4, 3, 1)


def test_syntax_error_is_one_line(engine: Engine, db_url: str) -> None:
    with pytest.raises(DatabaseError) as error:
        run(db_url, "SELEC 1")
    message = str(error.value)
    assert message.startswith("SQL error: ") and "\n" not in message
    assert "syntax error" in message


def test_missing_sqlite_file_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(DatabaseError) as error:
        run(f"sqlite:///{path}", "SELECT 1")
    assert str(error.value) == f"SQLite file {path} does not exist"
    assert not path.exists()
