"""Remarks get an index on (outlet_count, quote_count, id), replacing the one on outlet_count
alone: the most widely carried remarks, the latest of equals first (the remarks page of
`quotes serve`), are read a page at a time in index order. At 450,000 remarks the first page
sorted every remark carried by the most outlets (6,858 in the benchmark corpus) by id.

Revision ID: 0005_remark_ranking
Revises: 0005_remark_meaning_dates
Create Date: 2026-12-07 04:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_remark_ranking"
down_revision: str | None = "0005_remark_meaning_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_remarks_carried", "remarks", ["outlet_count", "quote_count", "id"])
    op.drop_index("ix_remarks_outlet_count", table_name="remarks")


def downgrade() -> None:
    op.create_index("ix_remarks_outlet_count", "remarks", ["outlet_count"])
    op.drop_index("ix_remarks_carried", table_name="remarks")
