"""The shared_remarks report counts a remark as every command does: `publishers`, `relays` and
`articles` (quotes.remarks.compare.remark_counts). The views of quotes.store.views.VIEWS_0012
replace those of VIEWS_0010; no table changes.

Revision ID: 0012_remark_counts
Revises: 0011_pages
Create Date: 2026-12-07 07:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

from quotes.store.views import VIEWS_0010, VIEWS_0012, create_views, drop_views

revision: str = "0012_remark_counts"
down_revision: str | None = "0011_pages"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0010)
    create_views(conn, VIEWS_0012)


def downgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0012)
    create_views(conn, VIEWS_0010)
