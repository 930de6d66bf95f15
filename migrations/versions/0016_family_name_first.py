"""Surname keys of names written family name first, or with a generational suffix.

`quotes.extract.names.surname_key` now takes the first word of a two-word name whose second word
is a given name written the Korean way ("Moon Jae-in", "Ban Ki-moon"), where it took the last
piece of the given name ("in", "moon"), and skips a generational suffix ("Ferdinand Marcos Jr."
-> marcos, not jr); so a bare "Moon" or "Marcos" never found the person. Stored keys of such names
are recomputed; the downgrade writes the old keys back.

Revision ID: 0016_family_name_first
Revises: 0015_article_lz4
Create Date: 2026-12-08 05:00:00.000000
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from quotes.extract.names import SURNAME_FIRST, name_key, surname_key

revision: str = "0016_family_name_first"
down_revision: str | None = "0015_article_lz4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The names whose key this revision changes hold a hyphen or end in a suffix: only they are read.
_CHANGED = (
    "SELECT id, name, surname_key FROM speakers WHERE name LIKE '% %-%' OR name LIKE '% Jr%'"
    " OR name LIKE '% Sr%' OR name LIKE '% II%' OR name LIKE '% IV%'"
)


def _old_surname_key(name: str) -> str:
    """`surname_key` as it was before this revision."""
    words = name_key(name).split()
    if not words:
        return ""
    if 2 <= len(words) <= 3 and words[0] in SURNAME_FIRST:
        return words[0]
    return words[-1]


def _rekey(key: Callable[[str], str]) -> None:
    bind = op.get_bind()
    for row_id, name, stored in bind.execute(sa.text(_CHANGED)).all():
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
