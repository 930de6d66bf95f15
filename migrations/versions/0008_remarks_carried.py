"""The remarks' ranking index gets `id` too: (outlet_count, quote_count, id) replaces
(outlet_count, quote_count), so the most widely carried remarks, the latest of equals first (the
remarks page of `quotes serve`), are read a page at a time in index order on both backends. With
the index of 0007_remark_ranking the first page still sorted, by id, every remark carried by the
most outlets (6,858 of 450,000 in the benchmark corpus of 1,000,000 quotations).

Revision ID: 0008_remarks_carried
Revises: 0007_remark_ranking
Create Date: 2026-12-07 05:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008_remarks_carried"
down_revision: str | None = "0007_remark_ranking"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_remarks_carried", "remarks", ["outlet_count", "quote_count", "id"])
    op.drop_index("ix_remarks_outlet_count_quote_count", table_name="remarks")


def downgrade() -> None:
    op.create_index(
        "ix_remarks_outlet_count_quote_count", "remarks", ["outlet_count", "quote_count"]
    )
    op.drop_index("ix_remarks_carried", table_name="remarks")
