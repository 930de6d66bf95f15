"""Correcting an article after ingest: its publisher, date, title or URL.

A new date re-dates the article's quotations: the days its sentences name ("on Monday") are
resolved again against it (by running the extraction again over the stored body and taking each
quotation's date by its span), and a quotation that names no day takes the article's date. A new
date or publisher changes which remarks the quotations belong to (remarks link reports of one
remark across outlets, within days of each other), so the remarks are rebuilt
(`quotes.remarks.assign.rebuild`, the same as `quotes dedupe --rebuild`): that reads every
quotation, a cost that grows with the database, which a correction, done by hand, can bear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from quotes.errors import InputError, NotFound
from quotes.extract.names import has_letters
from quotes.extract.pipeline import extract_quotations
from quotes.ingest import REMARKS_LOCK
from quotes.remarks.assign import rebuild
from quotes.store.articles import get_or_create_outlet
from quotes.store.engine import hold_transaction_lock
from quotes.store.models import Article, Quote


@dataclass(frozen=True, slots=True)
class ArticleCorrection:
    """The fields to set; None leaves a field as it is."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Corrected:
    """What a correction changed."""

    article_id: int
    fields: tuple[str, ...]
    redated: int
    remarks: int | None
    """The number of remarks after a rebuild, None when none was needed."""


def correct_article(session: Session, article_id: int, change: ArticleCorrection) -> Corrected:
    """Set an article's publisher, date, title or URL in the session's transaction, re-dating
    its quotations and re-linking remarks when the date or publisher changed. The caller
    commits."""
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(f"no article with id {article_id}")
    changed: list[str] = []
    if change.outlet is not None:
        if not has_letters(change.outlet):
            raise InputError(f"--outlet: {change.outlet!r} has no letters in any script")
        publisher_id = get_or_create_outlet(session, change.outlet).id
        if publisher_id != article.publisher_id:
            article.publisher_id = publisher_id
            changed.append("outlet")
    for name in ("title", "url"):
        value = getattr(change, name)
        if value is not None and value != getattr(article, name):
            setattr(article, name, value or None)
            changed.append(name)
    redated = 0
    if change.published is not None and change.published != article.published:
        article.published = change.published
        article.published_source = "user"
        changed.append("published")
        redated = _redate_quotations(session, article)
    remarks = None
    if "published" in changed or "outlet" in changed:
        session.flush()
        hold_transaction_lock(session, REMARKS_LOCK)
        remarks = rebuild(session).remarks
    return Corrected(article_id, tuple(changed), redated, remarks)


def _redate_quotations(session: Session, article: Article) -> int:
    """Date each quotation of the article again against its new published date."""
    said_on = {
        (q.start, q.end): q.said_on for q in extract_quotations(article.body, article.published)
    }
    rows = session.execute(
        select(Quote.id, Quote.start_char, Quote.end_char, Quote.said_on).where(
            Quote.article_id == article.id
        )
    ).all()
    values = []
    for quote_id, start, end, old_said_on in rows:
        new_said_on = said_on.get((start, end), old_said_on)
        values.append(
            {"id": quote_id, "said_on": new_said_on, "dated_on": new_said_on or article.published}
        )
    if values:
        session.execute(update(Quote), values)
    return len(values)
