"""One remark as a reader compares it: every report (`quotes.remarks.compare.compare`) with
where its date comes from and how closely its words match the canonical wording, grouped by
the publisher and relay that carried it (the web view's compare page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from quotes.remarks.assign import RemarkSummary, Report
from quotes.remarks.compare import compare
from quotes.remarks.items import DedupItem
from quotes.remarks.scoring import relation
from quotes.store.models import Article, Outlet, Quote, Remark, Speaker


@dataclass(frozen=True)
class ReportView:
    report: Report
    date_given: bool
    """The article gives the date it was said; else `report.said_on` is its published date."""
    score: float | None
    """How closely the words match the canonical wording (0-100), None when unrelated."""


@dataclass(frozen=True)
class ReportGroup:
    publisher: str | None
    via: str | None
    reports: tuple[ReportView, ...]


@dataclass(frozen=True)
class RemarkView:
    remark: RemarkSummary
    reports: tuple[ReportView, ...]
    """In date order (undated last), as `compare` gives them."""
    groups: tuple[ReportGroup, ...]
    """The same reports by publisher and relay, the group that reported first first."""


def remark_view(session: Session, target: int | str) -> RemarkView:
    """A remark (by id, or words of one of its reports) ready to read side by side."""
    found = compare(session, target)
    canonical = DedupItem(0, found.remark.canonical_text)
    ids = [r.quote_id for r in found.reports]
    given: dict[int, date | None] = {
        row[0]: row[1]
        for row in session.execute(select(Quote.id, Quote.said_on).where(Quote.id.in_(ids)))
    }
    views = []
    for report in found.reports:
        if report.relation == "canonical":
            score: float | None = 100.0
        else:
            scored = relation(canonical, DedupItem(1, report.text))
            score = scored[1] if scored else None
        views.append(ReportView(report, given.get(report.quote_id) is not None, score))
    return RemarkView(found.remark, tuple(views), group_reports(views))


def group_reports(views: list[ReportView]) -> tuple[ReportGroup, ...]:
    """Reports by (publisher, relay), in order of each group's first report."""
    groups: dict[tuple[str | None, str | None], list[ReportView]] = {}
    for view in views:
        groups.setdefault((view.report.publisher, view.report.via), []).append(view)
    return tuple(ReportGroup(p, v, tuple(rs)) for (p, v), rs in groups.items())


def first_date(views: tuple[ReportView, ...]) -> date | None:
    return min((v.report.said_on for v in views if v.report.said_on), default=None)


# ---------------------------------------------------------------------------------------------
# The most widely carried remarks, a page at a time


@dataclass(frozen=True)
class RemarkFilters:
    """Which remarks a listing shows: carried by `min_outlets`, reported `min_quotes` times,
    of some speakers (ids, as `quotes.query.speaker_ids` resolves a name), first said within
    `since`..`until`; and which page of them."""

    min_outlets: int = 1
    min_quotes: int = 2
    speaker_ids: tuple[int, ...] | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class CarriedRemark:
    """A remark in a listing, in the column names every command uses."""

    remark_id: int
    speaker: str | None
    first_date: date | None
    last_date: date | None
    outlets: int
    """Publishers and relays together (the order of the listing)."""
    quotations: int
    publishers: int
    """Publishers that carried it (`quotes.remarks.compare.remark_counts` counts the same)."""
    relays: int
    """Relays it came through."""
    articles: int
    """Articles that quote it."""
    publisher_names: str
    """The publishers that carried it, by name, comma-separated."""
    canonical_text: str


def carried_remarks(session: Session, filters: RemarkFilters) -> list[CarriedRemark]:
    """One page of remarks, most widely carried first, the latest of equals first (the order of
    the index ix_remarks_carried, so no remark is sorted), each with its publishers, relays and
    articles counted; no wording is compared: a page costs three indexed queries."""
    stmt = (
        select(Remark.id, Speaker.name, Remark.first_said_on, Remark.last_said_on,
               Remark.outlet_count, Remark.quote_count, Remark.canonical_text)
        .outerjoin(Speaker, Speaker.id == Remark.speaker_id)
        .where(Remark.outlet_count >= filters.min_outlets,
               Remark.quote_count >= filters.min_quotes)
        .order_by(Remark.outlet_count.desc(), Remark.quote_count.desc(), Remark.id.desc())
        .offset(filters.offset)
        .limit(filters.limit)
    )  # fmt: skip
    if filters.speaker_ids is not None:
        stmt = stmt.where(Remark.speaker_id.in_(filters.speaker_ids))
    if filters.since is not None:
        stmt = stmt.where(Remark.first_said_on >= filters.since)
    if filters.until is not None:
        stmt = stmt.where(Remark.first_said_on <= filters.until)
    rows = session.execute(stmt).all()
    ids = [row[0] for row in rows]
    publishers: dict[int, set[str]] = {}
    for remark_id, name in session.execute(
        select(Quote.remark_id, Outlet.name)
        .join(Article, Article.id == Quote.article_id)
        .join(Outlet, Outlet.id == Article.publisher_id)
        .where(Quote.remark_id.in_(ids))
        .distinct()
    ):
        publishers.setdefault(remark_id, set()).add(name)
    counted = {
        remark_id: (int(relays), int(articles))
        for remark_id, relays, articles in session.execute(
            select(
                Quote.remark_id,
                func.count(distinct(Quote.via_outlet_id)),
                func.count(distinct(Quote.article_id)),
            )
            .where(Quote.remark_id.in_(ids))
            .group_by(Quote.remark_id)
        )
    }
    return [
        CarriedRemark(
            remark_id=row[0], speaker=row[1], first_date=row[2], last_date=row[3],
            outlets=row[4], quotations=row[5], publishers=len(publishers.get(row[0], ())),
            relays=counted.get(row[0], (0, 0))[0], articles=counted.get(row[0], (0, 0))[1],
            publisher_names=", ".join(sorted(publishers.get(row[0], ()))),
            canonical_text=row[6],
        )
        for row in rows
    ]  # fmt: skip
