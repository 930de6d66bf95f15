"""Articles get `language`: the ISO 639-1 code the extractor detected ("en", "ru", ...).

Which attribution rules an article was read with; null for articles stored before detection.
Plain ALTER TABLE statements (no batch rebuild), so SQLite keeps its triggers.

Revision ID: 0009_article_language
Revises: 0008_remarks_carried
Create Date: 2026-12-07 04:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_article_language"
down_revision: str | None = "0008_remarks_carried"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("language", sa.String(length=8), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE articles DROP COLUMN language")
