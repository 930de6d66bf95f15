"""Remark blocking keys and remark state: new quotations find their neighbourhood by index.

quote_keys: the blocking keys (by week) of the quotations that represent a wording in their
remark; remark_outlets: the outlets that carried each remark; remarks gain root_quote_id,
org_id and fragments_only (quotes.remarks.clustering.RemarkState).

Remarks made before this revision have neither keys nor state, so upgrading clears them (the
quotations stay): run `quotes dedupe` afterwards to recompute them all. Downgrading keeps the
remarks (the older code reads only the columns it knows).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 16:00:00.000000
"""

from collections.abc import Sequence
from contextlib import nullcontext

import sqlalchemy as sa
from alembic import op

from quotes.store.views import VIEWS_0002, views_suspended

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("UPDATE quotes SET remark_id = NULL WHERE remark_id IS NOT NULL")
    op.execute("DELETE FROM quote_links")
    op.execute("DELETE FROM remarks")
    # SQLite cannot add a NOT NULL column without a default: rebuild the (now empty) table,
    # with the report views that read it dropped meanwhile.
    conn = op.get_bind()
    sqlite = conn.dialect.name == "sqlite"
    with (
        views_suspended(conn, VIEWS_0002) if sqlite else nullcontext(),
        op.batch_alter_table("remarks", recreate="always" if sqlite else "auto") as batch_op,
    ):
        batch_op.add_column(sa.Column("root_quote_id", sa.Integer(), nullable=False))
        batch_op.add_column(sa.Column("org_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("fragments_only", sa.Boolean(), nullable=False))
    op.create_table(
        "remark_outlets",
        sa.Column("remark_id", sa.Integer(), nullable=False),
        sa.Column("outlet_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outlet_id"],
            ["outlets.id"],
            name=op.f("fk_remark_outlets_outlet_id_outlets"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["remark_id"],
            ["remarks.id"],
            name=op.f("fk_remark_outlets_remark_id_remarks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("remark_id", "outlet_id", name=op.f("pk_remark_outlets")),
    )
    op.create_table(
        "quote_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("bucket", sa.Integer(), nullable=True),
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_quote_keys_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quote_keys")),
    )
    with op.batch_alter_table("quote_keys", schema=None) as batch_op:
        batch_op.create_index("ix_quote_keys_key_bucket", ["key", "bucket"], unique=False)
        batch_op.create_index(batch_op.f("ix_quote_keys_quote_id"), ["quote_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("quote_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_keys_quote_id"))
        batch_op.drop_index("ix_quote_keys_key_bucket")
    op.drop_table("quote_keys")
    op.drop_table("remark_outlets")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a rebuild of the table: rebuilding
    # would drop the remarks the quotations point to (and so unlink them) on SQLite.
    for column in ("fragments_only", "org_id", "root_quote_id"):
        op.drop_column("remarks", column)
