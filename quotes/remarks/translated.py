"""The database side of translations: the quotations in other languages that translate a
remark's reports (or that its reports translate), for `quotes compare`.

Links are found when a remark is read, not stored: candidates are the quotations of the remark's
speaker (one row across scripts, see `quotes.store.articles.find_speaker`) in articles of another
language, dated within `translation.MAX_DAYS` of the remark; `translation.translation_links`
decides. A link below `translation.CONFIDENT` is shown with the relation "translation?" (a guess).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session, aliased

from quotes.remarks.assign import DiffPart, Report
from quotes.remarks.translation import (
    MAX_DAYS,
    TranslationItem,
    TranslationLink,
    translation_links,
)
from quotes.store.models import Article, Outlet, Quote, Remark, Speaker

Publisher = aliased(Outlet)
Via = aliased(Outlet)


def translation_reports(session: Session, remark: Remark) -> list[Report]:
    """Reports in another language that translate the remark, or that it translates."""
    if remark.speaker_id is None:
        return []
    speaker = session.get(Speaker, remark.speaker_id)
    if speaker is None:
        return []
    rows = list(session.execute(_candidates(remark)))
    members = [r for r in rows if r.remark_id == remark.id]
    languages = {r.language or "en" for r in members}
    others = [r for r in rows if r.remark_id != remark.id and (r.language or "en") not in languages]
    if not members or not others:
        return []
    items = [
        TranslationItem(r.id, r.language or "en", speaker.name, r.dated_on, r.text)
        for r in (*members, *others)
    ]
    member_ids = {r.id for r in members}
    by_id = {r.id: r for r in others}
    found: dict[int, TranslationLink] = {}
    for link in translation_links(items):
        pair = {link.original, link.translation}
        other = next(iter(pair - member_ids), None)
        new = other is not None and (other not in found or link.agreement > found[other].agreement)
        if len(pair & member_ids) == 1 and other is not None and new:
            found[other] = link
    return [
        _report(by_id[quote_id], link, speaker.name) for quote_id, link in sorted(found.items())
    ]


def _candidates(remark: Remark) -> Select[Any]:
    query = (
        select(
            Quote.id,
            Quote.remark_id,
            Quote.dated_on,
            Quote.text,
            Quote.speaker_text,
            Quote.start_char,
            Quote.end_char,
            Article.language,
            Article.source_path,
            Publisher.name.label("publisher"),
            Via.name.label("via"),
        )
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Publisher, Article.publisher_id == Publisher.id)
        .outerjoin(Via, Quote.via_outlet_id == Via.id)
        .where(Quote.speaker_id == remark.speaker_id, Quote.kind != "indirect")
    )
    if remark.first_said_on is not None and remark.last_said_on is not None:
        query = query.where(
            Quote.dated_on >= remark.first_said_on - timedelta(days=MAX_DAYS),
            Quote.dated_on <= remark.last_said_on + timedelta(days=MAX_DAYS),
        )
    return query


def _report(row: Row[Any], link: TranslationLink, speaker: str) -> Report:
    guess = "only a guess: " if link.guess else ""
    return Report(
        row.id,
        row.dated_on,
        row.publisher,
        row.via,
        row.speaker_text,
        "translation?" if link.guess else "translation",
        row.text,
        row.source_path,
        row.start_char,
        row.end_char,
        (DiffPart("same", row.text),),
        speaker=speaker,
        why=f"{guess}a translation (content agreement {link.agreement:.2f})",
    )
