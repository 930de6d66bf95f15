"""The ingest writer indexes a batch's quotations for full-text search in one statement: the
insert trigger stands aside while a transaction defers indexing (quotes.store.fts).

Revision ID: 0013_fts_batched
Revises: 0012_remark_counts
Create Date: 2026-12-07 12:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

from quotes.store.fts import make_indexing_deferrable, make_indexing_immediate

revision: str = "0013_fts_batched"
down_revision: str | None = "0012_remark_counts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    make_indexing_deferrable(op.get_bind())


def downgrade() -> None:
    make_indexing_immediate(op.get_bind())
