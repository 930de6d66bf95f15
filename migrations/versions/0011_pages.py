"""Articles read from web pages: the SHA-256 of the page itself; name keys recomputed for names in
any script (the language column is added by 0009_article_language).

(`published_source`, where the date came from, is added by 0006_remark_meaning_dates.)
`page_sha256` makes re-ingesting a page a no-op however its text is extracted. Plain ALTER TABLE
statements (no batch rebuild), so SQLite keeps its full-text triggers.

Name keys (quotes.extract.names) now transliterate letters of other scripts instead of dropping
them ("Støre" was "stre", now "store"): stored keys made the old way are recomputed, unless the
new key is already another row's (then the row keeps its old key).

Revision ID: 0011_pages
Revises: 0010_cli_vocabulary
Create Date: 2026-12-07 04:00:00.000000
"""

import re
import unicodedata
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from quotes.extract.names import fold, name_key, surname_key
from quotes.extract.outlets import outlet_key

revision: str = "0011_pages"
down_revision: str | None = "0010_cli_vocabulary"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NON_WORD = re.compile(r"[^a-z0-9]+")


def _old_fold(text: str) -> str:
    """`fold` as it was before this revision: every non-ASCII letter dropped."""
    ascii_only = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", ascii_only.lower().replace("'", "")).strip()


def _rekey(
    table: str,
    name_column: str,
    key_column: str,
    keys: Sequence[Callable[[str], str]],
    length: int = 200,
    unique: bool = True,
) -> None:
    """Recompute `key_column` of rows with a non-ASCII name whose key was made the old way by
    one of `keys` (current key functions; a unique new key already taken is left alone)."""
    conn = op.get_bind()
    rows = conn.execute(sa.text(f"SELECT id, {name_column}, {key_column} FROM {table}")).all()
    taken = {row[2] for row in rows} if unique else set()
    for row_id, name, old_key in rows:
        if name is None or name.isascii():
            continue
        new_key = (_new_key(name, old_key, keys) or "")[:length]
        if new_key and new_key != old_key and new_key not in taken:
            conn.execute(
                sa.text(f"UPDATE {table} SET {key_column} = :key WHERE id = :id"),
                {"key": new_key, "id": row_id},
            )
            if unique:
                taken.add(new_key)


def _new_key(name: str, old_key: str, keys: Sequence[Callable[[str], str]]) -> str | None:
    """The current key of `name` made by the function that made `old_key`, if one did."""
    for key in keys:
        # A key function applied to the old fold of a name (ASCII) gives the old key.
        if key(_old_fold(name))[: len(old_key)] == old_key:
            return key(name)
    return None


def upgrade() -> None:
    op.add_column("articles", sa.Column("page_sha256", sa.String(64), nullable=True))
    op.create_index("ix_articles_page_sha256", "articles", ["page_sha256"])
    _rekey("speakers", "name", "name_key", [name_key])
    _rekey("speakers", "name", "surname_key", [surname_key], length=100, unique=False)
    _rekey("speaker_aliases", "alias", "alias_key", [fold, name_key])
    _rekey("outlets", "name", "name_key", [outlet_key])
    _rekey("outlet_aliases", "alias", "alias_key", [outlet_key])


def downgrade() -> None:
    op.drop_index("ix_articles_page_sha256", table_name="articles")
    op.execute("ALTER TABLE articles DROP COLUMN page_sha256")
