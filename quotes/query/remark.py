"""One remark as a reader compares it: every report (`quotes.remarks.compare.compare`) with
where its date comes from and how closely its words match the canonical wording, grouped by
the publisher and relay that carried it (the web view's compare page)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.remarks.assign import RemarkSummary, Report
from quotes.remarks.compare import compare
from quotes.remarks.items import DedupItem
from quotes.remarks.scoring import relation
from quotes.store.models import Quote


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
