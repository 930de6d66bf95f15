"""Store: the database. `engine` is the one module that opens databases (SQLite or PostgreSQL);
`models` the typed schema; `schema` runs the alembic migrations; `articles` writes an article with
its speakers and outlets; `fts` the full-text index; `views` the report views.
"""
