"""`quotes sql` is read-only by construction: writes are refused and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from quotes.errors import DatabaseError, QuotesError, ReadOnlyViolation
from quotes.query.sql import SqlLimits, run_readonly_sql
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


# --- Hostile statements: refused with one line, whoever connects (tests connect as postgres) ---

REFUSED_EVERYWHERE = {
    "COPY (SELECT 1) TO PROGRAM 'rm -f /tmp/quotes-probe'": "COPY is refused",
    "COPY quotes TO '/tmp/quotes-probe.csv'": "COPY is refused",
    "LOCK TABLE quotes IN ACCESS EXCLUSIVE MODE": "LOCK is refused",
    "RESET ROLE": "RESET is refused",
    "SET SESSION AUTHORIZATION postgres": "SET is refused",
    "SET ROLE postgres": "SET is refused",
    "ATTACH DATABASE '/tmp/quotes-probe.db' AS probe": "ATTACH is refused",
    "VACUUM INTO '/tmp/quotes-probe.db'": "VACUUM is refused",
    "PRAGMA journal_mode = DELETE": "PRAGMA is refused",
    "/* a comment */ DELETE FROM quotes": "DELETE is refused",
}
QUERY_ONLY = " (it runs one query: SELECT, WITH, VALUES or TABLE)"
POSTGRESQL_ONLY = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
SQLITE_ONLY = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def refusal(db_url: str, statement: str) -> str:
    with pytest.raises(QuotesError) as refused:
        run(db_url, statement)
    message = str(refused.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("statement", sorted(REFUSED_EVERYWHERE))
def test_statements_that_are_not_queries_are_refused_by_name(
    engine: Engine, db_url: str, statement: str, tmp_path: Path
) -> None:
    load_sample(engine)
    assert refusal(db_url, statement) == (
        f"quotes sql is read-only: {REFUSED_EVERYWHERE[statement]}{QUERY_ONLY}"
    )
    assert counts(engine) == (6, 3, 4, 3, 1)
    assert not list(Path("/tmp").glob("quotes-probe*"))


PG_REFUSED = {
    "SELECT pg_read_file('/etc/passwd')": "permission denied for function pg_read_file",
    "SELECT * FROM pg_ls_dir('/')": "permission denied for function pg_ls_dir",
    "SELECT lo_export(0, '/tmp/quotes-probe')": "permission denied for function lo_export",
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'postgres'":
        "must be a superuser to terminate superuser process",
    # SET ROLE is checked against the session's login: without the SECURITY DEFINER function,
    # this would undo `SET ROLE quotes_reader` in the middle of the statement.
    "SELECT set_config('role', 'postgres', true), "
    "query_to_xml('SELECT pg_read_file(''/etc/passwd'')', true, false, '')":
        'cannot set parameter "role" within security-definer function',
    "SELECT set_config('session_authorization', 'postgres', true)":
        'cannot set parameter "session_authorization" within security-definer function',
    "WITH gone AS (DELETE FROM quotes RETURNING id) SELECT * FROM gone":
        "WITH clause containing a data-modifying statement must be at the top level",
    "SELECT nextval('quotes_id_seq')": "permission denied for sequence quotes_id_seq",
}  # fmt: skip


@POSTGRESQL_ONLY
@pytest.mark.parametrize("statement", sorted(PG_REFUSED))
def test_postgresql_runs_the_statement_as_the_reader_role(
    engine: Engine, db_url: str, statement: str
) -> None:
    load_sample(engine)
    assert refusal(db_url, statement) == f"quotes sql is read-only: {PG_REFUSED[statement]}"
    assert counts(engine) == (6, 3, 4, 3, 1)
    with connect(engine) as conn:  # the other connection was not terminated
        assert conn.execute(text("SELECT 1")).scalar_one() == 1


@POSTGRESQL_ONLY
def test_postgresql_statement_is_the_reader_s(engine: Engine, db_url: str) -> None:
    assert run(db_url, "SELECT current_user AS reader, session_user AS login") == (
        ["reader", "login"], [{"reader": "quotes_reader", "login": "postgres"}],
    )  # fmt: skip


@SQLITE_ONLY
def test_sqlite_authorizer_refuses_functions_outside_sql(engine: Engine, db_url: str) -> None:
    assert refusal(db_url, "SELECT load_extension('/tmp/x')") == (
        "quotes sql is read-only: FUNCTION load_extension is refused"
    )
    assert refusal(db_url, "SELECT randomblob(100000000)") == "SQL error: string or blob too big"


@SQLITE_ONLY
def test_full_text_index_and_reporting_pragmas_are_readable(engine: Engine, db_url: str) -> None:
    load_sample(engine)
    columns, rows = run(db_url, "SELECT name FROM pragma_table_info('outlets') WHERE cid < 2")
    assert rows == [{"name": "id"}, {"name": "name"}]
    columns, rows = run(db_url, "SELECT COUNT(*) AS n FROM quotes_fts WHERE quotes_fts MATCH 'the'")
    assert columns == ["n"] and rows[0]["n"] > 0


def stopped_at_time_limit(db_url: str, statement: str) -> str:
    with (
        pytest.raises(DatabaseError) as stopped,
        run_readonly_sql(db_url, statement, SqlLimits(seconds=1)) as (_columns, rows),
    ):
        list(rows)
    return str(stopped.value)


def test_an_endless_recursive_query_stops_at_the_time_limit(engine: Engine, db_url: str) -> None:
    endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT max(x) FROM c"
    assert stopped_at_time_limit(db_url, endless) == (
        "quotes sql stopped the statement at its time limit of 1 s"
    )


@POSTGRESQL_ONLY
@pytest.mark.parametrize(
    "statement",
    ["SELECT pg_sleep(30)", "SELECT set_config('statement_timeout', '0', true), pg_sleep(30)"],
)
def test_pg_sleep_stops_at_the_time_limit(engine: Engine, db_url: str, statement: str) -> None:
    assert stopped_at_time_limit(db_url, statement) == (
        "quotes sql stopped the statement at its time limit of 1 s"
    )


def test_rows_beyond_the_cap_are_refused(engine: Engine, db_url: str) -> None:
    statement = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50) " \
                "SELECT x FROM c"  # fmt: skip
    with run_readonly_sql(db_url, statement, SqlLimits(rows=50)) as (_columns, rows):
        assert len(list(rows)) == 50
    with (
        pytest.raises(DatabaseError) as capped,
        run_readonly_sql(db_url, statement, SqlLimits(rows=49)) as (_columns, rows),
    ):
        list(rows)
    assert str(capped.value) == "quotes sql stops at 49 rows: add a LIMIT or use `quotes export`"


@POSTGRESQL_ONLY
def test_postgresql_result_bytes_are_capped(engine: Engine, db_url: str) -> None:
    statement = "SELECT repeat('x', 600) FROM generate_series(1, 2)"
    with (
        pytest.raises(DatabaseError) as capped,
        run_readonly_sql(db_url, statement, SqlLimits(bytes=1000)) as (_columns, rows),
    ):
        list(rows)
    assert str(capped.value) == (
        "quotes sql result over 1000 bytes: select fewer or smaller columns, or add a LIMIT"
    )


@POSTGRESQL_ONLY
def test_postgresql_refuses_a_user_who_cannot_assume_the_reader(
    engine: Engine, db_url: str
) -> None:
    outsider = f"quotes_outsider_{make_url(db_url).database}"
    with connect(engine) as conn, conn.begin():
        conn.execute(text(f'CREATE ROLE "{outsider}" LOGIN'))
    try:
        url = make_url(db_url).set(username=outsider).render_as_string(hide_password=False)
        assert refusal(url, "SELECT 1") == (
            f"quotes sql cannot run as role quotes_reader on PostgreSQL database "
            f"'{make_url(db_url).database}' on 127.0.0.1:5432: user '{outsider}' is not a member "
            f'(a superuser runs: GRANT quotes_reader TO "{outsider}")'
        )
    finally:
        with connect(engine) as conn, conn.begin():
            conn.execute(text(f'DROP ROLE "{outsider}"'))


@POSTGRESQL_ONLY
def test_postgresql_without_the_reader_refuses_with_the_fix(engine: Engine, db_url: str) -> None:
    with connect(engine) as conn, conn.begin():
        conn.execute(text("DROP FUNCTION quotes_sql_run(text, integer, bigint)"))
    assert refusal(db_url, "SELECT 1") == (
        f"quotes sql cannot run on PostgreSQL database '{make_url(db_url).database}' on "
        "127.0.0.1:5432: the role quotes_reader or its function quotes_sql_run is missing "
        "(a superuser runs `quotes db upgrade` to make them)"
    )
