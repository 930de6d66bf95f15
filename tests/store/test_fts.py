"""The full-text index holds every quotation, whether the ingest writer indexed its batch in one
statement or the trigger indexed a row inserted some other way."""

from __future__ import annotations

from sqlalchemy import Engine, func, insert, select, text
from sqlalchemy.orm import Session

from quotes.store.models import Quote


def _indexed_ids(session: Session, word: str) -> list[int]:
    if session.get_bind().dialect.name == "sqlite":
        query = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :word ORDER BY rowid"
    else:
        query = "SELECT id FROM quotes_fts WHERE vector @@ to_tsquery('english', :word)"
        query += " ORDER BY id"
    return list(session.scalars(text(query), {"word": word}))


def _index_size(session: Session) -> int:
    table = "quotes_fts_docsize" if session.get_bind().dialect.name == "sqlite" else "quotes_fts"
    return int(session.scalar(text(f"SELECT count(*) FROM {table}")) or 0)


def test_every_ingested_quotation_is_indexed_once_and_indexing_is_immediate_again(
    seeded_engine: Engine,
) -> None:
    with Session(seeded_engine) as session:
        quotations = session.scalar(select(func.count()).select_from(Quote))
        assert quotations == 137
        assert _index_size(session) == quotations
        if session.get_bind().dialect.name == "sqlite":
            assert session.scalar(text("SELECT count(*) FROM quotes_fts_deferred")) == 0
        taiwan = session.scalars(
            select(Quote.id).where(Quote.text.like("%Taiwan%")).order_by(Quote.id)
        ).all()
        assert len(taiwan) == 5
        assert _indexed_ids(session, "taiwan") == list(taiwan)


def test_a_quotation_inserted_outside_the_writer_is_indexed_by_the_trigger(
    seeded_engine: Engine,
) -> None:
    with Session(seeded_engine) as session, session.begin():
        article_id = session.scalar(select(Quote.article_id).limit(1))
        new_id = session.scalar(
            insert(Quote.table())
            .values(article_id=article_id, kind="direct", text="Flamingos wade at dawn.",
                    start_char=0, end_char=22, paragraph=0, confidence=0.5, rule="manual")
            .returning(Quote.table().c.id)
        )  # fmt: skip
    with Session(seeded_engine) as session:
        assert _indexed_ids(session, "flamingo") == [new_id]
