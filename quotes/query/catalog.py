"""Speakers and outlets with their counts, and their curation: merge two speakers, add an alias."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.errors import QuotesError
from quotes.extract.names import fold, name_key
from quotes.query.search import (
    one_speaker,
)
from quotes.query.terms import checked_term
from quotes.store.models import (
    Article,
    Outlet,
    Quote,
    QuoteKey,
    Remark,
    Speaker,
    SpeakerAlias,
)

# ---------------------------------------------------------------------------------------------
# Speakers and outlets


SPEAKER_COLUMNS: Final = (
    "speaker_id", "speaker", "kind", "role", "quotations", "remarks", "aliases",
)  # fmt: skip

OUTLET_COLUMNS: Final = (
    "outlet_id", "outlet", "kind", "country", "articles", "quotations", "relayed",
)  # fmt: skip


def list_speakers(session: Session, search: str | None = None) -> list[dict[str, Any]]:
    """Speakers with their numbers of quotations and remarks, most quoted first; `search`
    keeps those whose name or an alias contains it (in any case, without diacritics)."""
    counts = (
        select(
            Quote.speaker_id.label("speaker_id"),
            func.count().label("quotations"),
            func.count(sa.distinct(Quote.remark_id)).label("remarks"),
        )
        .group_by(Quote.speaker_id)
        .subquery()
    )
    stmt = (
        select(
            Speaker.id, Speaker.name, Speaker.kind, Speaker.role,
            func.coalesce(counts.c.quotations, 0), func.coalesce(counts.c.remarks, 0),
        )
        .outerjoin(counts, counts.c.speaker_id == Speaker.id)
        .order_by(func.coalesce(counts.c.quotations, 0).desc(), Speaker.name, Speaker.id)
    )  # fmt: skip
    if search:
        pattern = f"%{fold(checked_term(search))}%"
        by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key.like(pattern))
        stmt = stmt.where(sa.or_(Speaker.name_key.like(pattern), Speaker.id.in_(by_alias)))
    rows = session.execute(stmt).all()
    aliases: dict[int, list[str]] = {}
    alias_rows = session.execute(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
        .where(SpeakerAlias.speaker_id.in_([r[0] for r in rows]))
        .order_by(SpeakerAlias.alias)
    )
    for speaker_id, alias in alias_rows:
        aliases.setdefault(speaker_id, []).append(alias)
    return [
        dict(zip(SPEAKER_COLUMNS, (*row, ", ".join(aliases.get(row[0], []))), strict=True))
        for row in rows
    ]


def list_outlets(session: Session) -> list[dict[str, Any]]:
    """Outlets with the articles they published, the quotations in those, and the quotations
    other outlets relayed from them; busiest first."""
    published = (
        select(
            Article.publisher_id.label("outlet_id"),
            func.count(sa.distinct(Article.id)).label("articles"),
            func.count(Quote.id).label("quotations"),
        )
        .outerjoin(Quote, Quote.article_id == Article.id)
        .group_by(Article.publisher_id)
        .subquery()
    )
    relayed = (
        select(Quote.via_outlet_id.label("outlet_id"), func.count().label("relayed"))
        .group_by(Quote.via_outlet_id)
        .subquery()
    )
    articles = func.coalesce(published.c.articles, 0)
    relayed_count = func.coalesce(relayed.c.relayed, 0)
    stmt = (
        select(
            Outlet.id, Outlet.name, Outlet.kind, Outlet.country, articles,
            func.coalesce(published.c.quotations, 0), relayed_count,
        )
        .outerjoin(published, published.c.outlet_id == Outlet.id)
        .outerjoin(relayed, relayed.c.outlet_id == Outlet.id)
        .order_by((articles + relayed_count).desc(), Outlet.name)
    )  # fmt: skip
    return [dict(zip(OUTLET_COLUMNS, row, strict=True)) for row in session.execute(stmt)]


@dataclass(frozen=True)
class Merged:
    kept: str
    removed: str
    quotations: int
    remarks: int
    aliases: int
    rejoined: int = 0
    """Remarks of the kept speaker after their reports were placed again (fewer than before
    when reports split by the two names now join)."""


def _add_user_alias(session: Session, speaker: Speaker, alias: str, key: str) -> None:
    existing = session.scalar(select(SpeakerAlias).where(SpeakerAlias.alias_key == key))
    if existing is None:
        session.add(SpeakerAlias(speaker_id=speaker.id, alias=alias, alias_key=key, source="user"))
    else:
        existing.speaker_id = speaker.id
        existing.source = "user"
    session.flush()


def merge_speakers(session: Session, keep: str, remove: str) -> Merged:
    """Make `remove` one with `keep`: its quotations, remarks and aliases move to `keep`, its
    name becomes a user alias of `keep` (so later ingests resolve it there), the remarks of both
    are placed again so that reports split by the two names join, and it is deleted. The
    caller commits."""
    a = one_speaker(session, checked_term(keep, "speaker"))
    b = one_speaker(session, checked_term(remove, "speaker"))
    if a.id == b.id:
        raise QuotesError(f"{keep!r} and {remove!r} are already the same speaker ({a.name})")
    moved_quotes = session.execute(
        sa.update(Quote).where(Quote.speaker_id == b.id).values(speaker_id=a.id)
    )
    moved_remarks = session.execute(
        sa.update(Remark).where(Remark.speaker_id == b.id).values(speaker_id=a.id)
    )
    moved_aliases = session.execute(
        sa.update(SpeakerAlias).where(SpeakerAlias.speaker_id == b.id).values(speaker_id=a.id)
    )
    _merge_remark_state(session, a.id, b.id)
    rejoined = _rejoin_remarks(session, a.id)
    if not a.role and b.role:
        a.role = b.role
    removed_name, removed_key = b.name, b.name_key
    session.delete(b)
    session.flush()
    session.expire_all()
    kept = session.get(Speaker, a.id)
    assert kept is not None
    _add_user_alias(session, kept, removed_name, removed_key)
    return Merged(
        kept=kept.name,
        removed=removed_name,
        quotations=moved_quotes.rowcount,  # type: ignore[attr-defined]
        remarks=moved_remarks.rowcount,  # type: ignore[attr-defined]
        aliases=moved_aliases.rowcount + 1,  # type: ignore[attr-defined]
        rejoined=rejoined,
    )


def _merge_remark_state(session: Session, keep: int, remove: int) -> None:
    """The clustering state that names a speaker (a remark's organisation, the speaker blocking
    keys of quotes.remarks.blocking.global_keys) follows the merge, so that new reports of
    either spelling meet the remarks of both (`_rejoin_remarks` then joins the remarks already
    split by the two spellings)."""
    session.execute(sa.update(Remark).where(Remark.org_id == remove).values(org_id=keep))
    for prefix in ("s:", "sf:"):
        session.execute(
            sa.update(QuoteKey)
            .where(QuoteKey.key == f"{prefix}{remove}")
            .values(key=f"{prefix}{keep}")
        )


IN_CHUNK: Final = 5000
"""Ids per `IN (...)` list, below every backend's limit on bound parameters."""


def _rejoin_remarks(session: Session, speaker_id: int) -> int:
    """Place the reports of the speaker's remarks again, now that both names are one speaker,
    so that a remark split by the two spellings becomes one (as if the articles had been
    ingested after the merge). Only these remarks are read and rewritten, not the database.
    Returns how many remarks the speaker has afterwards."""
    from quotes.ingest import REMARKS_LOCK
    from quotes.remarks.assign import assign_remarks
    from quotes.store.engine import hold_transaction_lock
    from quotes.store.models import QuoteLink, RemarkOutlet

    hold_transaction_lock(session, REMARKS_LOCK)
    theirs = sa.or_(Remark.speaker_id == speaker_id, Remark.org_id == speaker_id)
    remark_ids = session.scalars(select(Remark.id).where(theirs)).all()
    if not remark_ids:
        return 0
    quote_ids = session.scalars(
        select(Quote.id).where(Quote.remark_id.in_(remark_ids)).order_by(Quote.id)
    ).all()
    for at in range(0, len(quote_ids), IN_CHUNK):
        chunk = quote_ids[at : at + IN_CHUNK]
        session.execute(sa.delete(QuoteKey).where(QuoteKey.quote_id.in_(chunk)))
        session.execute(
            sa.delete(QuoteLink).where(
                sa.or_(QuoteLink.quote_a_id.in_(chunk), QuoteLink.quote_b_id.in_(chunk))
            )
        )
        session.execute(sa.update(Quote).where(Quote.id.in_(chunk)).values(remark_id=None))
    for at in range(0, len(remark_ids), IN_CHUNK):
        chunk = remark_ids[at : at + IN_CHUNK]
        session.execute(sa.delete(RemarkOutlet).where(RemarkOutlet.remark_id.in_(chunk)))
        session.execute(sa.delete(Remark).where(Remark.id.in_(chunk)))
    assign_remarks(session, quote_ids)
    return session.scalar(select(func.count()).select_from(Remark).where(theirs)) or 0


def add_speaker_alias(session: Session, name: str, alias: str) -> str:
    """Record `alias` as another name of the speaker `name` (source 'user', kept for ever).
    Returns the speaker's name. The caller commits."""
    speaker = one_speaker(session, checked_term(name, "speaker"))
    key = name_key(checked_term(alias, "alias"))
    if not key:
        raise QuotesError(f"alias {alias!r} has no letters or digits")
    other = session.scalar(select(Speaker).where(Speaker.name_key == key))
    if other is not None and other.id != speaker.id:
        raise QuotesError(
            f"{alias!r} is already the speaker {other.name!r}: "
            f"use `quotes speakers merge {speaker.name!r} {other.name!r}`"
        )
    if other is None:
        _add_user_alias(session, speaker, alias.strip(), key)
    return speaker.name
