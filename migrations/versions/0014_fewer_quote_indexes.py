"""Two indexes of quotes that nothing needed: speaker_id alone (ix_quotes_speaker_id_dated_on
starts with it and serves every look-up by speaker) and said_on (filters and timelines use
dated_on). Each cost every inserted quotation an index update.

Revision ID: 0014_fewer_quote_indexes
Revises: 0013_fts_batched
Create Date: 2026-12-07 17:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014_fewer_quote_indexes"
down_revision: str | None = "0013_fts_batched"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_quotes_speaker_id", table_name="quotes")
    op.drop_index("ix_quotes_said_on", table_name="quotes")


def downgrade() -> None:
    op.create_index("ix_quotes_said_on", "quotes", ["said_on"], unique=False)
    op.create_index("ix_quotes_speaker_id", "quotes", ["speaker_id"], unique=False)
