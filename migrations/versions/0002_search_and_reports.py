"""Full-text search over quotations and the report views.

SQLite: FTS5 table quotes_fts (external content, triggers quotes_ai/_ad/_au).
PostgreSQL: table quotes_fts of tsvectors with a GIN index, kept by triggers.
Both: the report_* views of quotes.store.views.VIEWS_0002, and an index on quotes
(speaker_id, said_on) for a speaker's quotations newest first.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:05:00.000000
"""

from collections.abc import Sequence

from alembic import op

from quotes.store import fts
from quotes.store.views import VIEWS_0002, create_views, drop_views

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(
            "ix_quotes_speaker_id_said_on", ["speaker_id", "said_on"], unique=False
        )
    conn = op.get_bind()
    fts.create_index(conn)
    create_views(conn, VIEWS_0002)


def downgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0002)
    fts.drop_index(conn)
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_speaker_id_said_on")
