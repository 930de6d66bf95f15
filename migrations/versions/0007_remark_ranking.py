"""Remarks get an index on (outlet_count, quote_count), replacing the one on outlet_count alone:
the most widely carried remarks come first a page at a time (`quotes remarks`, the remarks page
of `quotes serve`) without sorting every remark (at 450,000 remarks the first page took a sort
of the whole table).

Revision ID: 0007_remark_ranking
Revises: 0006_remark_meaning_dates
Create Date: 2026-12-07 04:30:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_remark_ranking"
down_revision: str | None = "0006_remark_meaning_dates"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_remarks_outlet_count_quote_count", "remarks", ["outlet_count", "quote_count"]
    )
    op.drop_index("ix_remarks_outlet_count", table_name="remarks")


def downgrade() -> None:
    op.create_index("ix_remarks_outlet_count", "remarks", ["outlet_count"])
    op.drop_index("ix_remarks_outlet_count_quote_count", table_name="remarks")
