"""The report views speak the commands' vocabulary: `canonical_text` for a remark's wording,
`publishers` for how many publishers carried it (`publisher_names` for their names), and
divergent_remarks measures divergence honestly (`shortest_percent`, `reworded`) instead of a
`lowest_similarity` that read 100 for excerpts. The views of quotes.store.views.VIEWS_0010
replace those of VIEWS_0004; no table changes.

Revision ID: 0010_cli_vocabulary
Revises: 0009_article_language
Create Date: 2026-12-07 04:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

from quotes.store.views import VIEWS_0004, VIEWS_0010, create_views, drop_views

revision: str = "0010_cli_vocabulary"
down_revision: str | None = "0009_article_language"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0004)
    create_views(conn, VIEWS_0010)


def downgrade() -> None:
    conn = op.get_bind()
    drop_views(conn, VIEWS_0010)
    create_views(conn, VIEWS_0004)
