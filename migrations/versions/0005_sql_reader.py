"""`quotes sql` on PostgreSQL runs as the NOLOGIN role quotes_reader, which may only read the
project's tables and views, through the SECURITY DEFINER function quotes_sql_run (see
quotes.store.reader). Nothing changes on SQLite, where an authorizer does the same job.

Revision ID: 0005_sql_reader
Revises: 0004
Create Date: 2026-12-07 04:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

from quotes.store.reader import install_reader, remove_reader

revision: str = "0005_sql_reader"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    install_reader(op.get_bind())


def downgrade() -> None:
    remove_reader(op.get_bind())
