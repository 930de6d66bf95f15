"""quotes.query.remark: a remark's reports with date provenance, scores and groups, on SQLite
and PostgreSQL (tests/search_sample.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from quotes.query.remark import CarriedRemark, RemarkFilters, carried_remarks, remark_view
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


def test_carried_remarks_a_page_at_a_time_with_filters(engine: Engine) -> None:
    load_sample(engine)
    with Session(engine) as session:
        assert carried_remarks(session, RemarkFilters(min_quotes=1)) == [
            CarriedRemark(
                remark_id=1, speaker="Nikolai Patrushev", first_date=date(2022, 9, 19),
                last_date=date(2022, 9, 19), outlets=3, quotations=3, publishers=3, relays=1,
                articles=3, publisher_names="Al Jazeera, Reuters, South China Morning Post",
                canonical_text="a more just world order",
            ),
            CarriedRemark(
                remark_id=3, speaker="Dmitry Peskov", first_date=date(2022, 9, 20),
                last_date=date(2022, 9, 20), outlets=1, quotations=1, publishers=1, relays=0,
                articles=1, publisher_names="Al Jazeera",
                canonical_text="The West (and its allies) must stop - now",
            ),
            CarriedRemark(
                remark_id=2, speaker="Yang Jiechi", first_date=date(2022, 9, 19),
                last_date=date(2022, 9, 19), outlets=1, quotations=1, publishers=1, relays=0,
                articles=1, publisher_names="South China Morning Post",
                canonical_text="security and stability of the world",
            ),
        ]  # fmt: skip

        def ids(**filters: object) -> list[int]:
            return [
                r.remark_id
                for r in carried_remarks(session, RemarkFilters(min_quotes=1, **filters))
            ]  # type: ignore[arg-type]

        assert ids(limit=1, offset=1) == [3]
        assert ids(speaker_ids=(3,)) == [3]
        assert ids(since=date(2022, 9, 20)) == [3]
        assert ids(until=date(2022, 9, 19)) == [1, 2]
        assert ids(min_outlets=2) == [1]
        assert [r.remark_id for r in carried_remarks(session, RemarkFilters())] == [1]
