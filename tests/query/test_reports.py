"""The report views: created by migration 0002 on both backends, exact rows on the sample."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, text
from sqlalchemy.orm import Session

from quotes import query
from quotes.errors import NotFound, QuotesError
from quotes.query.output import plain
from quotes.store.engine import connect
from quotes.store.views import REPORTS
from tests.search_sample import load_sample

WORLD_ORDER = "a more just world order"


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    load_sample(engine)
    with Session(engine) as session:
        yield session


def report(session: Session, name: str, **options: Any) -> list[tuple[Any, ...]]:
    result = query.run_report(session, name, **options)
    return [tuple(plain(row[c]) for c in result.columns) for row in result.rows]


def test_every_report_is_a_view_any_sql_client_sees(engine: Engine) -> None:
    with connect(engine) as conn:
        assert set(inspect(conn).get_view_names()) == {f"report_{r.name}" for r in REPORTS}


def test_list_reports() -> None:
    assert [r["report"] for r in query.list_reports()] == [
        "speaker_publishers", "relay_dependence", "shared_remarks", "divergent_remarks",
        "speaker_timeline",
    ]  # fmt: skip
    assert query.list_reports()[0] == {
        "report": "speaker_publishers",
        "view": "report_speaker_publishers",
        "description": "Quotations per speaker per publisher, with the first and last date.",
    }


def test_speaker_publishers(session: Session) -> None:
    assert query.run_report(session, "speaker_publishers").columns == (
        "speaker_id", "speaker", "publisher_id", "publisher", "quotations", "remarks",
        "first_date", "last_date",
    )  # fmt: skip
    day19, day20 = "2022-09-19", "2022-09-20"
    assert report(session, "speaker_publishers") == [
        (3, "Dmitry Peskov", 4, "Al Jazeera", 1, 1, day20, day20),
        (3, "Dmitry Peskov", 3, "Reuters", 1, 0, day19, day19),
        (1, "Nikolai Patrushev", 4, "Al Jazeera", 1, 1, day19, day19),
        (1, "Nikolai Patrushev", 3, "Reuters", 1, 1, day19, day19),
        (1, "Nikolai Patrushev", 2, "South China Morning Post", 1, 1, day19, day19),
        (2, "Yang Jiechi", 2, "South China Morning Post", 1, 1, day19, day19),
    ]
    assert report(session, "speaker_publishers", speaker="Peskov", limit=1) == [
        (3, "Dmitry Peskov", 4, "Al Jazeera", 1, 1, day20, day20),
    ]


def test_relay_dependence(session: Session) -> None:
    assert query.run_report(session, "relay_dependence").columns == (
        "publisher_id", "publisher", "via_id", "via", "quotations", "articles",
        "percent_of_publisher",
    )  # fmt: skip
    assert report(session, "relay_dependence") == [
        (3, "Reuters", 1, "TASS", 1, 1, 50.0),
        (2, "South China Morning Post", 1, "TASS", 1, 1, 50.0),
    ]


def test_shared_remarks(session: Session) -> None:
    assert query.run_report(session, "shared_remarks").columns == (
        "remark_id",
        "speaker",
        "first_date",
        "publishers",
        "relays",
        "articles",
        "quotations",
        "publisher_names",
        "canonical_text",
    )
    assert report(session, "shared_remarks") == [
        (1, "Nikolai Patrushev", "2022-09-19", 3, 1, 3, 3,
         "Al Jazeera, Reuters, South China Morning Post", WORLD_ORDER),
    ]  # fmt: skip


def test_divergent_remarks(session: Session) -> None:
    assert query.run_report(session, "divergent_remarks").columns == (
        "remark_id", "speaker", "first_date", "quotations", "wordings", "shortest",
        "longest", "length_spread", "shortest_percent", "reworded", "canonical_text",
    )  # fmt: skip
    assert report(session, "divergent_remarks") == [
        (1, "Nikolai Patrushev", "2022-09-19", 3, 2, 23, 33, 10, 69.7, 2, WORLD_ORDER),
    ]


def test_speaker_timeline(session: Session) -> None:
    assert query.run_report(session, "speaker_timeline").columns == (
        "speaker_id", "speaker", "date", "remark_id", "first_quote_id", "quotations",
        "publishers", "canonical_text",
    )  # fmt: skip
    peskov = [
        (3, "Dmitry Peskov", "2022-09-19", None, 5, 1, 1, "sanctions would not work"),
        (3, "Dmitry Peskov", "2022-09-20", 3, 6, 1, 1,
         "The West (and its allies) must stop - now"),
    ]  # fmt: skip
    assert report(session, "speaker_timeline") == [
        *peskov,
        (1, "Nikolai Patrushev", "2022-09-19", 1, 1, 3, 3, WORLD_ORDER),
        (2, "Yang Jiechi", "2022-09-19", 2, 4, 1, 1, "security and stability of the world"),
    ]
    assert report(session, "speaker-timeline", speaker="dmitry peskov") == peskov
    assert report(session, "report_speaker_timeline", speaker="Peskov") == peskov


def test_report_errors(session: Session) -> None:
    with pytest.raises(NotFound) as missing:
        query.run_report(session, "popular")
    assert str(missing.value) == (
        "no report named 'popular': choose one of speaker_publishers, relay_dependence, "
        "shared_remarks, divergent_remarks, speaker_timeline"
    )
    with pytest.raises(QuotesError) as no_speaker:
        query.run_report(session, "relay_dependence", speaker="Peskov")
    assert str(no_speaker.value) == "report 'relay_dependence' has no --speaker filter"
    with pytest.raises(NotFound) as unknown:
        query.run_report(session, "speaker_timeline", speaker="Peskow")
    assert str(unknown.value) == "no speaker named 'Peskow' (did you mean 'Dmitry Peskov'?)"


def test_sqlite_full_text_table_is_the_kind_datasette_detects(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("FTS5 is SQLite's")
    with connect(engine) as conn:
        sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'")).scalar()
        triggers = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        ).scalars()
        assert list(triggers) == ["quotes_ad", "quotes_ai", "quotes_au"]
    assert sql is not None and 'content="quotes"' in sql and "USING fts5" in sql
