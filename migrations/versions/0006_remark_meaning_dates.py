"""Where an article's date came from, and the meaning score of a link (issue 14).

articles.published_source: 'metadata', 'page', 'user' (issue 15), 'dateline', 'text' or 'url'
(quotes.extract.article_dates): a date found in the article is kept apart from one the user gave.
quote_links.meaning_score: the score on words with synonyms made one, beside `score` on the
words themselves (NULL when no word of either side has a synonym).

Blocking keys now use British spellings made American and synonyms made one, so the keys and
remarks stored before this revision no longer match what the clusterer computes: upgrading
clears the remarks (the quotations stay), as revision 0003 did; run `quotes dedupe` afterwards.
Plain ALTER TABLE statements, so SQLite keeps its full-text triggers and the views stay.

Revision ID: 0006_remark_meaning_dates
Revises: 0005_sql_reader
Create Date: 2026-12-07 04:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_remark_meaning_dates"
down_revision: str | None = "0005_sql_reader"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE quotes SET remark_id = NULL WHERE remark_id IS NOT NULL")
    op.execute("DELETE FROM quote_keys")
    op.execute("DELETE FROM quote_links")
    op.execute("DELETE FROM remark_outlets")
    op.execute("DELETE FROM remarks")
    op.add_column("articles", sa.Column("published_source", sa.String(length=20), nullable=True))
    op.execute("UPDATE articles SET published_source = 'metadata' WHERE published IS NOT NULL")
    op.add_column("quote_links", sa.Column("meaning_score", sa.Float(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE quote_links DROP COLUMN meaning_score")
    op.execute("ALTER TABLE articles DROP COLUMN published_source")
