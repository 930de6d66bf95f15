"""Surname keys of names written family name first with a hyphenated given name.

`quotes.extract.names.surname_key` now takes the first word of a two-word name whose second word
is a given name written the Korean way ("Moon Jae-in", "Ban Ki-moon"): it took the last piece of
the given name ("in", "moon"), so a bare "Moon" never found the person. Stored keys of such names
are recomputed; the downgrade writes the old key back.

Revision ID: 0016_family_name_first
Revises: 0015_article_lz4
Create Date: 2026-12-08 05:00:00.000000
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from quotes.extract.names import GIVEN_AFTER_FAMILY, name_key, surname_key

revision: str = "0016_family_name_first"
down_revision: str | None = "0015_article_lz4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _old_surname_key(name: str) -> str:
    """`surname_key` as it was before this revision for these names: the last word of the key."""
    words = name_key(name).split()
    return words[-1] if words else ""


def _written_family_first(name: str) -> bool:
    written = name.split()
    return len(written) == 2 and GIVEN_AFTER_FAMILY.fullmatch(written[1]) is not None


def _rekey(key: Callable[[str], str]) -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, name, surname_key FROM speakers WHERE name LIKE '% %-%'")
    ).all()
    for row_id, name, stored in rows:
        if not _written_family_first(name):
            continue
        new_key = key(name)[:100]
        if new_key != stored:
            bind.execute(
                sa.text("UPDATE speakers SET surname_key = :key WHERE id = :id"),
                {"key": new_key, "id": row_id},
            )


def upgrade() -> None:
    _rekey(surname_key)


def downgrade() -> None:
    _rekey(_old_surname_key)
