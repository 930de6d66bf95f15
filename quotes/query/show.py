"""One quotation in its paragraph, with speaker, role, cue, relay, article and remark."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.errors import NotFound
from quotes.query.marked import Marked
from quotes.query.terms import id_in_range
from quotes.store.models import (
    Article,
    Quote,
)

# ---------------------------------------------------------------------------------------------
# One quotation in context


@dataclass(frozen=True)
class QuoteDetail:
    quote_id: int
    quotation: str
    kind: str
    paragraph: str
    speaker: str | None
    role: str | None
    speaker_as_written: str | None
    cue: str | None
    via: str | None
    via_as_written: str | None
    said_on: date | None
    confidence: float
    rule: str
    publisher: str | None
    title: str | None
    url: str | None
    published: date | None
    article_id: int
    remark_id: int | None
    canonical_text: str | None
    remark_quotations: int
    remark_publishers: int

    def record(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def paragraph_around(body: str, start: int, end: int) -> Marked:
    """The lines of `body` that hold the characters start..end, the quotation a highlighted
    span (shown in a terminal only)."""
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end)
    last = len(body) if last == -1 else last
    before = body[first:start].lstrip()
    text = (before + body[start:last]).rstrip()
    return Marked(text, ((len(before), min(len(before) + end - start, len(text))),))


def show_quote(session: Session, quote_id: int) -> QuoteDetail:
    quote = session.get(Quote, quote_id) if id_in_range(quote_id) else None
    if quote is None:
        raise NotFound(f"no quotation with id {quote_id}")
    article = quote.article
    remark = quote.remark
    quotations = publishers = 0
    if remark is not None:
        quotations, publishers = session.execute(
            select(func.count(), func.count(sa.distinct(Article.publisher_id)))
            .select_from(Quote)
            .join(Article, Article.id == Quote.article_id)
            .where(Quote.remark_id == remark.id)
        ).one()
    return QuoteDetail(
        quote_id=quote.id,
        quotation=quote.text,
        kind=quote.kind,
        paragraph=paragraph_around(article.body, quote.start_char, quote.end_char),
        speaker=quote.speaker.name if quote.speaker else None,
        role=quote.speaker_role or (quote.speaker.role if quote.speaker else None),
        speaker_as_written=quote.speaker_text,
        cue=quote.cue,
        via=quote.via_outlet.name if quote.via_outlet else None,
        via_as_written=quote.via_text,
        said_on=quote.said_on,
        confidence=quote.confidence,
        rule=quote.rule,
        publisher=article.publisher.name if article.publisher else None,
        title=article.title,
        url=article.url,
        published=article.published,
        article_id=article.id,
        remark_id=remark.id if remark else None,
        canonical_text=remark.canonical_text if remark else None,
        remark_quotations=int(quotations),
        remark_publishers=int(publishers),
    )


# ---------------------------------------------------------------------------------------------
# Quotations in their sentences (search results)


CONTEXT_CHARS = 240

"""At most this many characters of the sentence are kept either side of a quotation."""

_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")


@dataclass(frozen=True)
class QuoteContext:
    """The reporter's words either side of a quotation, up to the ends of its sentence."""

    before: str
    after: str


def sentence_around(body: str, start: int, end: int) -> QuoteContext:
    """The rest of the sentence (within its paragraph) before and after body[start:end]."""
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    first = max(body.rfind("\n", 0, start) + 1, start - CONTEXT_CHARS)
    ends_before = list(_SENTENCE_END.finditer(body, first, start))
    if ends_before:
        first = ends_before[-1].end()
    line_end = body.find("\n", end)
    last = min(len(body) if line_end == -1 else line_end, end + CONTEXT_CHARS)
    next_end = _SENTENCE_END.search(body + " ", end, last + 1)
    if next_end is not None:
        last = min(last, next_end.start() + 1)
    return QuoteContext(body[first:start].lstrip(), body[end:last].rstrip())


def contexts(session: Session, quote_ids: Sequence[int]) -> dict[int, QuoteContext]:
    """Each quotation's sentence around it, by quotation id (for a page of search results)."""
    if not quote_ids:
        return {}
    rows = session.execute(
        select(Quote.id, Article.body, Quote.start_char, Quote.end_char)
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.id.in_(list(quote_ids)))
    )
    return {int(i): sentence_around(body, start, end) for i, body, start, end in rows}
