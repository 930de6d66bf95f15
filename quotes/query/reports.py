"""Named reports: each a SQL view (`quotes.store.views`), listed and run with filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm import Session

from quotes.errors import NotFound, QuotesError
from quotes.query.search import (
    one_speaker,
    speaker_ids,
)
from quotes.query.terms import checked_limit
from quotes.store.views import REPORTS, View

# ---------------------------------------------------------------------------------------------
# Reports


def list_reports() -> list[dict[str, Any]]:
    return [{"name": v.name, "view": v.view_name, "description": v.description} for v in REPORTS]


def report_view(name: str) -> View:
    for view in REPORTS:
        if name in (view.name, view.view_name, view.name.replace("_", "-")):
            return view
    raise NotFound(f"no report named {name!r}: choose one of {', '.join(v.name for v in REPORTS)}")


@dataclass(frozen=True)
class ReportResult:
    name: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)


def run_report(
    session: Session, name: str, *, speaker: str | None = None, limit: int | None = None
) -> ReportResult:
    """The rows of one report view, in its order; `speaker` keeps that speaker's rows (for
    reports that have a speaker)."""
    view = report_view(name)
    table = sa.table(view.view_name)
    stmt = select(sa.text("*")).select_from(table).order_by(sa.text(view.order_by))
    if speaker:
        if view.name not in ("speaker_publishers", "speaker_timeline"):
            raise QuotesError(f"report {view.name!r} has no --speaker filter")
        ids = speaker_ids(session, speaker) or [one_speaker(session, speaker).id]
        stmt = stmt.where(sa.column("speaker_id").in_(ids))
    if checked_limit(limit) is not None:
        stmt = stmt.limit(limit)
    result = session.execute(stmt)
    columns = tuple(result.keys())
    return ReportResult(view.name, columns, [dict(row._mapping) for row in result])
