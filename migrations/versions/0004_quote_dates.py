"""Quotations get `dated_on`: the date the text gives, else the article's published date.

Search filters (--since, --until), ordering and the report views use it, so a quotation whose
sentence names no day is still found under its article's date. The views of
quotes.store.views.VIEWS_0004 replace those of VIEWS_0002. Plain ALTER TABLE statements (no batch
rebuild), so SQLite keeps its full-text triggers on `quotes`.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 15:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from quotes.store.views import VIEWS_0002, VIEWS_0004, create_views, drop_views

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0002)
    op.add_column("quotes", sa.Column("dated_on", sa.Date(), nullable=True))
    op.execute(
        "UPDATE quotes SET dated_on = COALESCE(said_on, "
        "(SELECT a.published FROM articles a WHERE a.id = quotes.article_id))"
    )
    op.create_index("ix_quotes_dated_on", "quotes", ["dated_on"])
    op.create_index("ix_quotes_speaker_id_dated_on", "quotes", ["speaker_id", "dated_on"])
    op.drop_index("ix_quotes_speaker_id_said_on", table_name="quotes")
    create_views(conn, VIEWS_0004)


def downgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0004)
    op.create_index("ix_quotes_speaker_id_said_on", "quotes", ["speaker_id", "said_on"])
    op.drop_index("ix_quotes_speaker_id_dated_on", table_name="quotes")
    op.drop_index("ix_quotes_dated_on", table_name="quotes")
    op.execute("ALTER TABLE quotes DROP COLUMN dated_on")
    create_views(conn, VIEWS_0002)
