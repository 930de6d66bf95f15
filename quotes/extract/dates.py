"""Dates: the day a remark was said, from the article's date and the words around the cue
("on Monday", "last Tuesday", "on Sept. 15")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from quotes.extract.lexicon import lexicon

# --- Dates ------------------------------------------------------------------------------------

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_WEEKDAY_REF = re.compile(
    r"\b(?:(last|this|on|late on|early on|late|early)\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)

_EXPLICIT_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|May|June|July|August|September|October|November|December)\.?\s+(\d{1,2})(?!\d))"
    r"(?:,?\s+(\d{4}))?"
)

_DIGIT = re.compile(r"\d")

# Words the date patterns cannot match without (looked for before the slower full patterns).
_MONTH_PREFIX = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")

_WEEKDAY_NAME = re.compile("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")

_RELATIVE_DAY = re.compile(r"\b(yesterday|today)\b")


def said_on(text: str, lo: int, hi: int, published: date | None) -> date | None:
    """The date a sentence gives for the saying: a weekday before `published`, or a written date."""
    has_month = (  # the month first: a scan for it skips ahead, a scan for a digit cannot
        _MONTH_PREFIX.search(text, lo, hi) is not None and _DIGIT.search(text, lo, hi) is not None
    )
    for pattern_match in _EXPLICIT_DATE.finditer(text, lo, hi) if has_month else ():
        resolved = _explicit_date(pattern_match, published)
        if resolved is not None:
            return resolved
    if published is None:
        return None
    has_day = text.find("day", lo, hi) >= 0
    has_weekday = has_day and _WEEKDAY_NAME.search(text, lo, hi) is not None
    weekday = _WEEKDAY_REF.search(text, lo, hi) if has_weekday else None
    if weekday is not None:
        target = WEEKDAYS.index(weekday.group(2).lower())
        back = (published.weekday() - target) % 7
        if weekday.group(1) == "last" and back == 0:
            back = 7
        return _days_before(published, back)
    relative = _RELATIVE_DAY.search(text, lo, hi) if has_day else None
    if relative is not None:
        return _days_before(published, 1 if relative.group(1) == "yesterday" else 0)
    return None


def _days_before(published: date, days: int) -> date | None:
    """`days` before `published`; None before the first day a date can hold (0001-01-01)."""
    try:
        return published - timedelta(days=days)
    except OverflowError:
        return None


def _explicit_date(match: re.Match[str], published: date | None) -> date | None:
    months = lexicon().months
    if match.group(1):
        day, month_name = int(match.group(1)), match.group(2)
    else:
        day, month_name = int(match.group(4)), match.group(3)
    month = months.get(month_name.lower().rstrip("."))
    if month is None:
        return None
    if match.group(5):
        year = int(match.group(5))
    elif published is not None:
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None
