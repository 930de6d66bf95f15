"""quotes.query.remark: a remark's reports with date provenance, scores and groups, on SQLite
and PostgreSQL (tests/search_sample.py)."""

from __future__ import annotations

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from quotes.query.remark import remark_view
from quotes.store.models import Quote
from tests.search_sample import load_sample


def test_reports_carry_date_provenance_and_score_grouped_by_outlet(engine: Engine) -> None:
    load_sample(engine)
    with Session(engine) as session:
        session.execute(update(Quote).where(Quote.id == 3).values(said_on=None))
        view = remark_view(session, 1)
    assert [(v.report.quote_id, v.report.relation, v.date_given, v.score) for v in
            view.reports] == [(1, "identical", True, 100.0), (2, "excerpt", True, 100.0),
                              (3, "identical", False, 100.0)]  # fmt: skip
    assert [(g.publisher, g.via, [v.report.quote_id for v in g.reports]) for g in view.groups] == [
        ("South China Morning Post", "TASS", [1]),
        ("Reuters", "TASS", [2]),
        ("Al Jazeera", None, [3]),
    ]
    assert view.remark.canonical_text == "a more just world order"
