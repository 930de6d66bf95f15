"""Dates as people write them: read when unambiguous, refused with a message when not."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.errors import InputError
from quotes.read.dates import parse_date


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2024-03-11", date(2024, 3, 11)),
        ("2024-03-11T08:00:00+03:00", date(2024, 3, 11)),
        ("2024-03-10T23:30:00Z", date(2024, 3, 10)),
        ("11.03.2024", date(2024, 3, 11)),
        ("13/04/2024", date(2024, 4, 13)),
        ("04/13/2024", date(2024, 4, 13)),
        ("4/4/2024", date(2024, 4, 4)),
        ("March 11, 2024", date(2024, 3, 11)),
        ("11 March 2024", date(2024, 3, 11)),
        ("Mon, 11 Mar 2024 08:00:00 GMT", date(2024, 3, 11)),
        ("11 марта 2024", date(2024, 3, 11)),
    ],
)
def test_dates_as_people_write_them(written: str, expected: date) -> None:
    assert parse_date(written, "--published") == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "03/04/2024",
            "--published: ambiguous date '03/04/2024' (3 April or 4 March?); "
            "write it as 2024-04-03 or 2024-03-04",
        ),
        ("31.02.2024", "--published: impossible date '31.02.2024'"),
        (
            "2022-02-30",
            "--published: impossible or malformed date '2022-02-30' (expected YYYY-MM-DD)",
        ),
        ("yesterday", "--published: 'yesterday' is not a date with a year (e.g. 2024-03-11)"),
        ("Monday", "--published: 'Monday' is not a date with a year (e.g. 2024-03-11)"),
        ("soon in 2024", "--published: cannot read 'soon in 2024' as a date (e.g. 2024-03-11)"),
    ],
)
def test_ambiguous_impossible_and_yearless_dates_are_refused(written: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_date(written, "--published")
    assert str(raised.value) == message


def test_empty_values_are_unknown_dates() -> None:
    assert parse_date(None, "x") is None
    assert parse_date("", "x") is None


def test_without_the_pages_extra_iso_dates_still_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "dateparser", None)
    assert parse_date("2024-03-11", "x") == date(2024, 3, 11)
    with pytest.raises(InputError) as raised:
        parse_date("March 11, 2024", "x")
    assert str(raised.value) == (
        "x: 'March 11, 2024' is not an ISO date (YYYY-MM-DD); to read dates as written, "
        'install the pages extra: pip install "quotes[pages]"'
    )
