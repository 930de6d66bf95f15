"""Bulk inserts keep every value as given, through COPY (PostgreSQL, many rows) or executemany."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quotes.store.bulk import COPY_MIN_ROWS, insert_rows
from quotes.store.models import Outlet

AWKWARD = ["tab\there", "two\nlines", "back\\slash", "\\N", "", "«Интерфакс»", "quote ' and \""]


@pytest.mark.parametrize("count", [3, COPY_MIN_ROWS + 5])
def test_rows_go_in_exactly_as_given(engine: Engine, count: int) -> None:
    rows = [
        {
            "name": f"{AWKWARD[i % len(AWKWARD)]} {i}",
            "name_key": f"key {i}",
            "kind": "agency",
            "country": None if i % 2 else "RU",
        }
        for i in range(count)
    ]
    with Session(engine) as session, session.begin():
        insert_rows(session, Outlet.table(), rows)
    with Session(engine) as session:
        stored = session.execute(
            select(Outlet.name, Outlet.name_key, Outlet.kind, Outlet.country).order_by(Outlet.id)
        ).all()
    assert [tuple(r) for r in stored] == [tuple(r.values()) for r in rows]


def test_a_failed_bulk_insert_leaves_nothing(engine: Engine) -> None:
    rows = [{"name": f"n{i}", "name_key": "same key", "kind": "agency"} for i in range(30)]
    with Session(engine) as session, pytest.raises(IntegrityError), session.begin():
        insert_rows(session, Outlet.table(), rows)
    with Session(engine) as session:
        assert session.scalars(select(Outlet.id)).all() == []
