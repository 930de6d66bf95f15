"""Article dates: the day an article gives for itself when its metadata gives none, and where it
came from: a wire dateline ("MOSCOW, Feb 21 (Reuters) -"), a "Published"/"Updated" line near
the top, or the URL path ("/2023/02/21/"). Found before any quotation is dated or any remark is
formed, so that undated coverage still dates its remarks.

What it does not do: a dateline without a year takes its year from the URL or a dated line of
the same article, never from the clock; a month without a day ("/2022/09/") is no date; numeric
dates other than ISO ("21/02/2023") are left alone, their order being ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Literal

from quotes.extract.lexicon import lexicon
from quotes.records import ArticleInput

DateSource = Literal["dateline", "text", "url"]

HEAD_CHARS = 1500

"""How far into the text a dateline or a "Published" line is looked for. Larger: pages with
long menus before the story still date; smaller: fewer dates of other events taken."""

_MONTH = (
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|June|"
    r"July|August|September|October|November|December)\.?"
)

_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\-/ ]{1,40}(?:,[ \t]*[A-Z][A-Za-z.'\- ]{1,30})?,[ \t]+"
    rf"(?:{_MONTH}[ \t]+(\d{{1,2}})|(\d{{1,2}})[ \t]+{_MONTH})(?:,?[ \t]+(\d{{4}}))?"
    r"[ \t]*(?:\([^)\n]{1,40}\))?[ \t]*(?:-{1,2}|—|–)",
    re.MULTILINE,
)

_STAMP_LINE = re.compile(
    r"^[ \t]*(?:First[ \t]+)?(Published|Posted|Updated|Last[ \t]+updated|Date)\b"
    r"[: \t]*(?:on[ \t]+)?([^\n]{4,80})$",
    re.MULTILINE | re.IGNORECASE,
)

_WRITTEN_DATE = re.compile(
    rf"\b(?:{_MONTH}[ \t]+(\d{{1,2}}),?[ \t]+(\d{{4}})|(\d{{1,2}})[ \t]+{_MONTH},?[ \t]+(\d{{4}})"
    r"|(\d{4})-(\d{2})-(\d{2}))\b"
)

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:/|-|_|\.|$)")


def _day(year: str | int, month: str | int, day: str | int) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _month(name: str) -> int:
    return lexicon().months[name.lower().rstrip(".")]


def written_date(text: str) -> date | None:
    """The first full written date in `text` ("February 21, 2023", "21 Feb 2023", ISO)."""
    for m in _WRITTEN_DATE.finditer(text):
        if m.group(1):
            found = _day(m.group(3), _month(m.group(1)), m.group(2))
        elif m.group(5):
            found = _day(m.group(6), _month(m.group(5)), m.group(4))
        else:
            found = _day(m.group(7), m.group(8), m.group(9))
        if found is not None:
            return found
    return None


def url_date(url: str | None) -> date | None:
    """The date in a URL path (/2023/02/21/, /20230221/); None for a month alone."""
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        found = _day(m.group(1), m.group(2), m.group(3))
        if found is not None:
            return found
    return None


def stamp_date(text: str) -> date | None:
    """The date of a "Published" (or, failing that, "Updated") line near the top."""
    found: dict[bool, date] = {}
    for m in _STAMP_LINE.finditer(text, 0, HEAD_CHARS):
        day = written_date(m.group(2))
        if day is not None:
            found.setdefault(m.group(1).lower().startswith(("published", "posted", "date")), day)
    return found.get(True) or found.get(False)


def dateline_date(text: str, year: int | None) -> date | None:
    """The date of a wire dateline near the top; its year, when it gives none, is `year`."""
    m = _DATELINE.search(text, 0, HEAD_CHARS)
    if m is None:
        return None
    if m.group(1):
        month, day = _month(m.group(1)), m.group(2)
    else:
        month, day = _month(m.group(4)), m.group(3)
    given = m.group(5)
    if given is None and year is None:
        return None
    return _day(given or year or 0, month, day)


def find_article_date(text: str, url: str | None = None) -> tuple[date, DateSource] | None:
    """The day the article gives for itself, and where: its dateline, a "Published" line or
    its URL, in that order."""
    from_url = url_date(url)
    from_stamp = stamp_date(text)
    year = (from_url or from_stamp or date.min).year if (from_url or from_stamp) else None
    from_dateline = dateline_date(text, year)
    if from_dateline is not None:
        return from_dateline, "dateline"
    if from_stamp is not None:
        return from_stamp, "text"
    if from_url is not None:
        return from_url, "url"
    return None


def with_article_date(article: ArticleInput) -> ArticleInput:
    """The article with the date it gives for itself when its metadata has none (its source
    kept in `published_source`); a date given with the article is never replaced."""
    meta = article.meta
    if meta.published is not None:
        if meta.published_source is None:
            return replace(article, meta=replace(meta, published_source="metadata"))
        return article
    found = find_article_date(article.text, meta.url)
    if found is None:
        return article
    return replace(article, meta=replace(meta, published=found[0], published_source=found[1]))
