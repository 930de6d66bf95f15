"""Dates as people write them, in options, sidecars, JSON Lines and feeds.

ISO dates and timestamps ("2024-03-11", "2024-03-11T08:00:00+03:00") are read without any extra
library, as the local date of the timestamp. Numeric dates are read by their convention: dots are
day first ("11.03.2024", as in German or Russian); with slashes or dashes a date is read only when
one number cannot be a month ("13/04/2024"), and "03/04/2024" is refused as ambiguous rather than
guessed. Dates with a month name, in English or another language ("March 11, 2024", "11 марта
2024", "Mon, 11 Mar 2024 08:00:00 GMT"), go through dateparser (the `pages` extra). A date must
name its year: "yesterday" or "Monday" says nothing about when an article appeared.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from quotes.errors import InputError

_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
PAGES_EXTRA_HINT = 'install the pages extra: pip install "quotes[pages]"'


def parse_date(value: Any, where: str) -> date | None:
    """A date as people write it, or None for an empty value; an impossible, ambiguous or
    unreadable one is an InputError naming `where`."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InputError(f"{where}: 'published' must be a date like 2022-09-19, not {value!r}")
    text = value.strip()
    iso = _iso_date(text, where)
    if iso is not None:
        return iso
    if (numeric := _NUMERIC.fullmatch(text)) is not None:
        return _numeric_date(numeric, value, where)
    return _written_date(text, value, where)


def _iso_date(text: str, where: str) -> date | None:
    """An ISO date or timestamp; None when the text is not in ISO form at all."""
    if not re.match(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            f"{where}: impossible or malformed date {text!r} (expected YYYY-MM-DD)"
        ) from None


def _numeric_date(match: re.Match[str], value: str, where: str) -> date:
    first, separator, second, year = (match.group(i) for i in range(1, 5))
    a, b = int(first), int(second)
    if separator == "." or a > 12 >= b or a == b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        raise InputError(
            f"{where}: ambiguous date {value!r} ({a} {_MONTHS[b - 1]} or {b} {_MONTHS[a - 1]}?); "
            f"write it as {year}-{b:02d}-{a:02d} or {year}-{a:02d}-{b:02d}"
        )
    try:
        return date(int(year), month, day)
    except ValueError:
        raise InputError(f"{where}: impossible date {value!r}") from None


def _written_date(text: str, value: str, where: str) -> date:
    """A date with a month name, through dateparser; it must name its year."""
    if not _YEAR.search(text):
        raise InputError(f"{where}: {value!r} is not a date with a year (e.g. 2024-03-11)")
    try:
        import dateparser
    except ImportError:
        raise InputError(
            f"{where}: {value!r} is not an ISO date (YYYY-MM-DD); to read dates as written, "
            f"{PAGES_EXTRA_HINT}"
        ) from None
    settings = {"STRICT_PARSING": True, "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(text, settings=settings)
    if parsed is None:
        raise InputError(f"{where}: cannot read {value!r} as a date (e.g. 2024-03-11)")
    found: date = parsed.date()
    return found
