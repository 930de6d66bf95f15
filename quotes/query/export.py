"""Export: every quotation (or a filtered part) with its article, speaker and remark, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.query.search import (
    FTS5,
    PG_CONFIG,
    PG_FTS,
    Filters,
    Publisher,
    Via,
    filtered,
    speaker_ids,
)
from quotes.query.terms import checked_term
from quotes.store import fts
from quotes.store.models import (
    Article,
    Quote,
    Speaker,
)

# ---------------------------------------------------------------------------------------------
# Export


EXPORT_COLUMNS: Final = (
    "id", "date", "said_on", "speaker", "speaker_role", "cue", "kind", "quotation", "publisher",
    "via", "title", "url", "published", "remark_id", "article_id", "start_char", "end_char",
    "confidence",
)  # fmt: skip


def export(
    session: Session, filters: Filters = Filters(limit=None), term: str | None = None
) -> Iterator[dict[str, Any]]:
    """Every quotation that the filters (and `term`, read as `search` reads it) select, in id
    order, one row at a time: memory stays constant however many there are."""
    stmt = (
        select(
            Quote.id, Quote.dated_on, Quote.said_on, Speaker.name, Quote.speaker_role, Quote.cue,
            Quote.kind,
            Quote.text, Publisher.name, Via.name, Article.title, Article.url, Article.published,
            Quote.remark_id, Quote.article_id, Quote.start_char, Quote.end_char,
            Quote.confidence,
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .outerjoin(Publisher, Publisher.id == Article.publisher_id)
        .outerjoin(Via, Via.id == Quote.via_outlet_id)
        .order_by(Quote.id)
    )  # fmt: skip
    if term:
        ids = speaker_ids(session, checked_term(term))
        if ids:
            stmt = stmt.where(Quote.speaker_id.in_(ids))
        elif session.get_bind().dialect.name == "sqlite":
            query = fts.fts5_query(term)
            matches = select(FTS5.c.rowid).where(
                sa.text("quotes_fts MATCH :fts_query").bindparams(fts_query=query)
            )
            stmt = stmt.where(Quote.id.in_(matches) if query else sa.false())
        else:
            tsquery = func.plainto_tsquery(PG_CONFIG, term)
            matches = select(PG_FTS.c.id).where(PG_FTS.c.vector.op("@@")(tsquery))
            stmt = stmt.where(Quote.id.in_(matches))
    stmt = filtered(session, stmt, filters)
    result = session.execute(stmt.execution_options(yield_per=1000))
    for row in result:
        yield dict(zip(EXPORT_COLUMNS, row, strict=True))
