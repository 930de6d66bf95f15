"""The pages. Each handler reads its parameters, makes one library call in a read-only session,
and answers as HTML, JSON or CSV (`quotes.web.pages`), as a CLI command parses, calls, renders.

Handlers are plain functions: Starlette runs them in its thread pool, one session each."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import date
from typing import Final

from sqlalchemy.orm import Session
from starlette.requests import Request
from starlette.responses import Response

from quotes import query
from quotes.errors import QuotesError
from quotes.query.remark import CarriedRemark, RemarkFilters, carried_remarks, remark_view
from quotes.query.search import one_speaker
from quotes.query.show import contexts
from quotes.query.speaker import RemarkLine, speaker_profile
from quotes.read.files import parse_date
from quotes.remarks import compare as remark_views
from quotes.remarks.assign import Comparison
from quotes.store.models import QUOTE_KINDS
from quotes.web.charts import month_bars
from quotes.web.pages import page, record_response, requested_format, rows_response

PAGE_SIZE: Final = 20

"""Rows per page of search results and remarks, as `quotes search` shows (`limit` may ask for
up to MAX_ROWS)."""

MAX_ROWS: Final = 1000

INLINE_TALKING_POINTS: Final = 500

"""A speaker page lists the talking points itself up to this many quotations; beyond, finding
them takes seconds (quotes.remarks.phrases compares every remark), so the page links to them."""

SEARCH_COLUMNS: Final = (*query.HIT_COLUMNS, "before", "after")

REMARK_LIST_COLUMNS: Final = tuple(CarriedRemark.__dataclass_fields__)

REPORT_COLUMNS: Final = (*remark_views.COMPARE_COLUMNS[:-1], "date_given", "score")


@contextmanager
def reading(request: Request) -> Iterator[Session]:
    """A session for one request on the app's read-only engine."""
    with Session(request.app.state.engine) as session:
        yield session


def _text(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return value or None


def _date(request: Request, name: str) -> date | None:
    return parse_date(_text(request, name), name)


def _int(request: Request, name: str, default: int, lowest: int, highest: int) -> int:
    raw = _text(request, name)
    if raw is None:
        return default
    if not raw.isdigit():
        raise QuotesError(f"{name}: {raw!r} is not a whole number")
    return max(lowest, min(highest, int(raw)))


# ---------------------------------------------------------------------------------------------
# Search and one quotation


def search_page(request: Request) -> Response:
    fmt = requested_format(request)
    term = _text(request, "q")
    filters = query.Filters(
        speaker=_text(request, "speaker"), outlet=_text(request, "outlet"),
        via=_text(request, "via"), since=_date(request, "since"), until=_date(request, "until"),
        kind=_text(request, "kind"), limit=_int(request, "limit", PAGE_SIZE, 1, MAX_ROWS),
    )  # fmt: skip
    if term is None and filters.speaker:  # the speaker alone: their quotations
        term, filters = filters.speaker, query.Filters(**{**asdict(filters), "speaker": None})
    result, around, speaker_id = None, {}, None
    if term is not None:
        with reading(request) as session:
            text_only = "text" in request.query_params
            result = query.search(session, term, filters, text_only=text_only, count=False)
            around = contexts(session, [hit.quote_id for hit in result.hits])
            if result.by == "speaker" and len(result.speakers) == 1:
                speaker_id = query.speaker_ids(session, term)[0]
    rows = [
        {**asdict(hit), "before": around[hit.quote_id].before, "after": around[hit.quote_id].after}
        for hit in (result.hits if result else ())
    ]
    if fmt != "html":
        return rows_response(rows, SEARCH_COLUMNS, fmt, "search")
    return page(
        request, "search.html", term=term or "", result=result, rows=rows,
        speaker_id=speaker_id, kinds=QUOTE_KINDS, params=request.query_params,
    )  # fmt: skip


def quote_page(request: Request) -> Response:
    fmt = requested_format(request)
    with reading(request) as session:
        detail = query.show_quote(session, request.path_params["quote_id"])
    if fmt == "csv":
        return rows_response(
            [detail.record()], list(detail.record()), fmt, f"quote-{detail.quote_id}"
        )
    if fmt == "json":
        return record_response(detail)
    return page(request, "quote.html", q=detail)


# ---------------------------------------------------------------------------------------------
# Remarks: the most widely carried, and one side by side


def remarks_page(request: Request) -> Response:
    fmt = requested_format(request)
    speaker = _text(request, "speaker")
    limit = _int(request, "limit", PAGE_SIZE, 1, MAX_ROWS)
    number = _int(request, "page", 1, 1, 1_000_000)
    filters = RemarkFilters(
        min_outlets=_int(request, "min_outlets", 1, 1, 1000), since=_date(request, "since"),
        until=_date(request, "until"), limit=limit, offset=(number - 1) * limit,
    )  # fmt: skip
    with reading(request) as session:
        if speaker:
            ids = query.speaker_ids(session, speaker) or [one_speaker(session, speaker).id]
            filters = replace(filters, speaker_ids=tuple(ids))
        rows = [asdict(r) for r in carried_remarks(session, filters)]
    if fmt != "html":
        return rows_response(rows, REMARK_LIST_COLUMNS, fmt, "remarks")
    return page(
        request, "remarks.html", rows=rows, params=request.query_params, page_number=number,
        more=len(rows) == limit, limit=limit,
    )  # fmt: skip


def remark_page(request: Request) -> Response:
    fmt = requested_format(request)
    with reading(request) as session:
        view = remark_view(session, request.path_params["remark_id"])
    found = Comparison(view.remark, tuple(v.report for v in view.reports))
    rows = [
        {**row, "date_given": v.date_given, "score": v.score}
        for row, v in zip(remark_views.comparison_rows(found, fmt), view.reports, strict=True)
    ]
    if fmt == "json":
        summary = remark_views.summary_row(view.remark)
        return record_response({"remark": summary, "reports": rows})
    if fmt == "csv":
        return rows_response(rows, REPORT_COLUMNS, fmt, f"remark-{view.remark.id}")
    return page(request, "remark.html", view=view)


# ---------------------------------------------------------------------------------------------
# Speakers


def speakers_page(request: Request) -> Response:
    fmt = requested_format(request)
    search = _text(request, "q")
    limit = _int(request, "limit", 200, 1, 100_000)
    with reading(request) as session:
        rows = query.list_speakers(session, search)[:limit]
    if fmt != "html":
        return rows_response(rows, query.SPEAKER_COLUMNS, fmt, "speakers")
    return page(request, "speakers.html", rows=rows, search=search or "")


def speaker_page(request: Request) -> Response:
    fmt = requested_format(request)
    with reading(request) as session:
        profile = speaker_profile(session, request.path_params["speaker_id"])
        inline = profile.quotations <= INLINE_TALKING_POINTS
        points = remark_views.phrases(session, profile.speaker) if inline else None
    if fmt == "json":
        phrases = None if points is None else remark_views.phrase_rows(points)
        return record_response({"speaker": profile, "talking_points": phrases})
    if fmt == "csv":
        rows = [asdict(line) for line in profile.recent]
        return rows_response(rows, list(RemarkLine.__dataclass_fields__), fmt, "speaker-remarks")
    return page(request, "speaker.html", s=profile, points=points, chart=month_bars(profile.months))


def talking_points_page(request: Request) -> Response:
    fmt = requested_format(request)
    with reading(request) as session:
        profile = speaker_profile(session, request.path_params["speaker_id"])
        points = remark_views.phrases(session, profile.speaker)
    if fmt != "html":
        rows = remark_views.phrase_rows(points)
        return rows_response(rows, remark_views.PHRASE_COLUMNS, fmt, "talking-points")
    return page(request, "talking_points.html", s=profile, points=points)
