"""Initial schema: outlets, articles, speakers, quotes, remarks and the links between quotes.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 14:11:54.066342
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "outlets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("country", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlets")),
        sa.UniqueConstraint("name", name=op.f("uq_outlets_name")),
        sa.UniqueConstraint("name_key", name=op.f("uq_outlets_name_key")),
    )
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("surname_key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speakers")),
        sa.UniqueConstraint("name_key", name=op.f("uq_speakers_name_key")),
    )
    with op.batch_alter_table("speakers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_speakers_surname_key"), ["surname_key"], unique=False)

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("publisher_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source_path", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["publisher_id"],
            ["outlets.id"],
            name=op.f("fk_articles_publisher_id_outlets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("sha256", name=op.f("uq_articles_sha256")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_published"), ["published"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_publisher_id"), ["publisher_id"], unique=False
        )

    op.create_table(
        "outlet_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_outlet_aliases_outlet_id_outlets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outlet_aliases")),
        sa.UniqueConstraint("alias_key", name=op.f("uq_outlet_aliases_alias_key")),
    )
    with op.batch_alter_table("outlet_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_outlet_aliases_outlet_id"), ["outlet_id"], unique=False
        )

    op.create_table(
        "remarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("canonical_quote_id", sa.Integer(), nullable=True),
        sa.Column("canonical_text", sa.Text(), nullable=False),
        sa.Column("first_said_on", sa.Date(), nullable=True),
        sa.Column("last_said_on", sa.Date(), nullable=True),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.Column("outlet_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_remarks_speaker_id_speakers"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remarks")),
    )
    with op.batch_alter_table("remarks", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_remarks_first_said_on"), ["first_said_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_remarks_outlet_count"), ["outlet_count"], unique=False)
        batch_op.create_index(batch_op.f("ix_remarks_speaker_id"), ["speaker_id"], unique=False)

    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=200), nullable=False),
        sa.Column("alias_key", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_speaker_aliases_speaker_id_speakers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_speaker_aliases")),
        sa.UniqueConstraint("alias_key", name=op.f("uq_speaker_aliases_alias_key")),
    )
    with op.batch_alter_table("speaker_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_speaker_aliases_speaker_id"), ["speaker_id"], unique=False
        )

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        sa.Column("speaker_role", sa.String(length=300), nullable=True),
        sa.Column("cue", sa.String(length=200), nullable=True),
        sa.Column("via_outlet_id", sa.Integer(), nullable=True),
        sa.Column("via_text", sa.Text(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("paragraph", sa.Integer(), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("rule", sa.String(length=60), nullable=False),
        sa.Column("remark_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_quotes_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["remark_id"],
            ["remarks.id"],
            name=op.f("fk_quotes_remark_id_remarks"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name=op.f("fk_quotes_speaker_id_speakers"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["via_outlet_id"],
            ["outlets.id"],
            name=op.f("fk_quotes_via_outlet_id_outlets"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_article_id"), ["article_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_remark_id"), ["remark_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_said_on"), ["said_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_speaker_id"), ["speaker_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_quotes_via_outlet_id"), ["via_outlet_id"], unique=False
        )

    op.create_table(
        "quote_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quote_a_id", sa.Integer(), nullable=False),
        sa.Column("quote_b_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=12), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_a_id"],
            ["quotes.id"],
            name=op.f("fk_quote_links_quote_a_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_b_id"],
            ["quotes.id"],
            name=op.f("fk_quote_links_quote_b_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_links")),
        sa.UniqueConstraint(
            "quote_a_id", "quote_b_id", name=op.f("uq_quote_links_quote_a_id_quote_b_id")
        ),
    )
    with op.batch_alter_table("quote_links", schema=None) as batch_op:
        batch_op.create_index("ix_quote_links_quote_b_id", ["quote_b_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("quote_links", schema=None) as batch_op:
        batch_op.drop_index("ix_quote_links_quote_b_id")

    op.drop_table("quote_links")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_via_outlet_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_said_on"))
        batch_op.drop_index(batch_op.f("ix_quotes_remark_id"))
        batch_op.drop_index(batch_op.f("ix_quotes_article_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("speaker_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speaker_aliases_speaker_id"))

    op.drop_table("speaker_aliases")
    with op.batch_alter_table("remarks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_remarks_speaker_id"))
        batch_op.drop_index(batch_op.f("ix_remarks_outlet_count"))
        batch_op.drop_index(batch_op.f("ix_remarks_first_said_on"))

    op.drop_table("remarks")
    with op.batch_alter_table("outlet_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outlet_aliases_outlet_id"))

    op.drop_table("outlet_aliases")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_publisher_id"))
        batch_op.drop_index(batch_op.f("ix_articles_published"))

    op.drop_table("articles")
    with op.batch_alter_table("speakers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_speakers_surname_key"))

    op.drop_table("speakers")
    op.drop_table("outlets")
