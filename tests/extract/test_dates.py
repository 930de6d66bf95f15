"""The day a remark was said: weekdays and written dates against the article's date."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.extract.dates import said_on


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("He said on Sunday.", date(2022, 9, 19), date(2022, 9, 18)),
        ("He said last Monday.", date(2022, 9, 19), date(2022, 9, 12)),
        ("He said yesterday.", date(2022, 9, 19), date(2022, 9, 18)),
        # 0001-01-01 is a Monday: Sunday and yesterday fall before the first day a date holds.
        ("He said on Sunday.", date(1, 1, 1), None),
        ("He said yesterday.", date(1, 1, 1), None),
        ("He said on Monday.", date(1, 1, 1), date(1, 1, 1)),
        ("He said on Dec. 31.", date(1, 1, 1), None),
    ],
)
def test_said_on(sentence: str, published: date, expected: date | None) -> None:
    assert said_on(sentence, 0, len(sentence), published) == expected
