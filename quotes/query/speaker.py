"""One speaker's page: names, roles, how often and when they were quoted, their latest remarks,
and which outlets published and relayed their words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quotes.errors import NotFound
from quotes.store.models import Article, Outlet, Quote, Remark, Speaker, SpeakerAlias

RECENT_REMARKS: Final = 30

"""How many of a speaker's latest remarks the page lists."""

TOP_OUTLETS: Final = 12

"""How many publishers and relays are listed (the busiest)."""


@dataclass(frozen=True)
class RemarkLine:
    """One of the speaker's remarks, in the column names every command uses."""

    remark_id: int
    first_date: date | None
    outlets: int
    quotations: int
    canonical_text: str


@dataclass(frozen=True)
class SpeakerProfile:
    speaker_id: int
    speaker: str
    kind: str
    role: str | None
    aliases: tuple[str, ...]
    roles: tuple[tuple[str, int], ...]
    """Roles as the articles give them, with how many quotations give each, commonest first."""
    quotations: int
    remarks: int
    months: tuple[tuple[str, int], ...]
    """Quotations per month said ('2022-09'), in order, months without any included."""
    recent: tuple[RemarkLine, ...]
    publishers: tuple[tuple[str, int], ...]
    """Outlets that published the speaker's words, with quotations, busiest first."""
    relays: tuple[tuple[str, int], ...]
    """Outlets the words came through ('according to Tass'), with quotations, busiest first."""


def _counted(rows: Iterable[Any]) -> tuple[tuple[str, int], ...]:
    return tuple((str(name), int(n)) for name, n in rows if name)


def _months(days: Counter[date]) -> tuple[tuple[str, int], ...]:
    if not days:
        return ()
    per_month: Counter[tuple[int, int]] = Counter()
    for day, n in days.items():
        per_month[day.year, day.month] += n
    (year, month), last = min(per_month), max(per_month)
    months = []
    while (year, month) <= last:
        months.append((f"{year:04d}-{month:02d}", per_month[year, month]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(months)


def speaker_profile(session: Session, speaker_id: int) -> SpeakerProfile:
    speaker = session.get(Speaker, speaker_id)
    if speaker is None:
        raise NotFound(f"no speaker with id {speaker_id}: `quotes speakers` lists them")
    mine = Quote.speaker_id == speaker_id
    aliases = session.scalars(
        select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == speaker_id).order_by("alias")
    ).all()
    roles = session.execute(
        select(Quote.speaker_role, func.count())
        .where(mine, Quote.speaker_role.is_not(None))
        .group_by(Quote.speaker_role)
        .order_by(func.count().desc(), Quote.speaker_role)
    )
    days: Counter[date] = Counter()
    quotations = 0
    for day, n in session.execute(
        select(Quote.dated_on, func.count()).where(mine).group_by(Quote.dated_on)
    ):
        quotations += n
        if day is not None:
            days[day] += n
    remarks = session.scalar(select(func.count(sa.distinct(Quote.remark_id))).where(mine)) or 0
    recent = session.execute(
        select(Remark.id, Remark.first_said_on, Remark.outlet_count, Remark.quote_count,
               Remark.canonical_text)
        .where(Remark.speaker_id == speaker_id)
        .order_by(Remark.first_said_on.desc(), Remark.id.desc())
        .limit(RECENT_REMARKS)
    )  # fmt: skip
    publishers = session.execute(
        select(Outlet.name, func.count())
        .select_from(Quote)
        .join(Article, Article.id == Quote.article_id)
        .join(Outlet, Outlet.id == Article.publisher_id)
        .where(mine)
        .group_by(Outlet.name)
        .order_by(func.count().desc(), Outlet.name)
        .limit(TOP_OUTLETS)
    )
    relays = session.execute(
        select(Outlet.name, func.count())
        .select_from(Quote)
        .join(Outlet, Outlet.id == Quote.via_outlet_id)
        .where(mine)
        .group_by(Outlet.name)
        .order_by(func.count().desc(), Outlet.name)
        .limit(TOP_OUTLETS)
    )
    return SpeakerProfile(
        speaker_id=speaker.id, speaker=speaker.name, kind=speaker.kind, role=speaker.role,
        aliases=tuple(aliases), roles=_counted(roles), quotations=quotations,
        remarks=int(remarks), months=_months(days),
        recent=tuple(RemarkLine(*row) for row in recent),
        publishers=_counted(publishers), relays=_counted(relays),
    )  # fmt: skip
