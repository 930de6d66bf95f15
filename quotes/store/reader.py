"""The PostgreSQL reader of `quotes sql`: a NOLOGIN role that may only read, and the one function
through which its statements run.

`quotes sql` does `SET ROLE quotes_reader` in a READ ONLY transaction, then calls
`quotes_sql_run(statement, ...)`. Two things make that safe whoever connects, a superuser too:

- the role owns nothing but that function and holds only SELECT on the project's tables and
  views, so COPY to files or programs, pg_read_file, pg_ls_dir, signalling other backends and
  writes are refused by PostgreSQL's own privilege checks;
- the function is SECURITY DEFINER, and PostgreSQL refuses to change `role` or
  `session_authorization` inside one: without it, `SELECT set_config('role', 'postgres', true)`
  would undo `SET ROLE` in the middle of the statement, since SET ROLE is checked against the
  session's (superuser) login.

The function runs the statement only as a subquery (`SELECT ... FROM (<statement>) AS q`), so
nothing but a query can run, never a second statement; it stops past a number of rows and of
bytes. Creating roles needs a superuser or CREATEROLE: without either, `install_reader` leaves a
notice and `quotes sql` refuses with the fix (a superuser runs `quotes db upgrade`).
"""

from __future__ import annotations

from typing import Final

from sqlalchemy.engine import Connection

READER_ROLE: Final = "quotes_reader"
READER_FUNCTION: Final = "quotes_sql_run"

_FUNCTION_SQL: Final = f"""
CREATE OR REPLACE FUNCTION {READER_FUNCTION}(statement text, max_rows integer, max_bytes bigint)
RETURNS SETOF json LANGUAGE plpgsql SECURITY DEFINER AS $fn$
DECLARE
    result_row json;
    total bigint := 0;
BEGIN
    FOR result_row IN EXECUTE
        'SELECT row_to_json(quotes_sql) FROM (' || statement || E'\\n) AS quotes_sql LIMIT '
        || (max_rows + 1)
    LOOP
        total := total + octet_length(result_row::text);
        IF total > max_bytes THEN
            RAISE EXCEPTION USING MESSAGE = 'quotes sql result over ' || max_bytes || ' bytes';
        END IF;
        RETURN NEXT result_row;
    END LOOP;
END
$fn$
"""

_INSTALL_SQL: Final = f"""
DO $install$
DECLARE
    schema_name text := quote_ident(current_schema());
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
        BEGIN
            CREATE ROLE {READER_ROLE} NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;  -- another database of this server made it at the same moment
        END;
    END IF;
    IF NOT pg_has_role(current_user, '{READER_ROLE}', 'MEMBER') THEN
        EXECUTE 'GRANT {READER_ROLE} TO ' || quote_ident(current_user);
    END IF;
    EXECUTE 'GRANT USAGE ON SCHEMA ' || schema_name || ' TO {READER_ROLE}';
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA ' || schema_name || ' TO {READER_ROLE}';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || schema_name
        || ' GRANT SELECT ON TABLES TO {READER_ROLE}';
    {_FUNCTION_SQL.strip()};
    ALTER FUNCTION {READER_FUNCTION}(text, integer, bigint) OWNER TO {READER_ROLE};
    REVOKE ALL ON FUNCTION {READER_FUNCTION}(text, integer, bigint) FROM PUBLIC;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE USING MESSAGE = 'quotes sql is not set up (' || SQLERRM
        || '): a superuser must run quotes db upgrade';
END
$install$
"""

_REMOVE_SQL: Final = f"""
DO $remove$
DECLARE
    schema_name text := quote_ident(current_schema());
BEGIN
    DROP FUNCTION IF EXISTS {READER_FUNCTION}(text, integer, bigint);
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = '{READER_ROLE}') THEN
        EXECUTE 'REVOKE SELECT ON ALL TABLES IN SCHEMA ' || schema_name || ' FROM {READER_ROLE}';
        EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || schema_name
            || ' REVOKE SELECT ON TABLES FROM {READER_ROLE}';
    END IF;
END
$remove$
"""


def install_reader(conn: Connection) -> None:
    """Create (or refresh) the reader role's grants and function; idempotent, PostgreSQL only.
    The role is the server's, shared by its databases, so it is created once and never dropped."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_INSTALL_SQL)


def remove_reader(conn: Connection) -> None:
    """Drop the function and the grants of this database (the role stays for the others)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_REMOVE_SQL)
