"""Article dates: the day an article gives for itself (dateline, Published line, URL)."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.extract.article_dates import find_article_date, with_article_date
from quotes.records import ArticleInput, ArticleMeta


@pytest.mark.parametrize(
    ("text", "url", "expected"),
    [
        (
            "KYIV, March 3 (Reuters) - The mayor said",
            "https://example.org/world/2024/03/03/mayor",
            (date(2024, 3, 3), "dateline"),
        ),
        ("NAIROBI, 4 June 2021 (AFP) — Officials said", None, (date(2021, 6, 4), "dateline")),
        ("LIMA, Oct. 9 (Wire) - No year anywhere", None, None),
        (
            "Headline\nPublished: 12 January 2020\nUpdated: 13 January 2020\nBody",
            None,
            (date(2020, 1, 12), "text"),
        ),
        (
            "Headline\nLast updated November 5, 2019 at 10:00\nBody",
            None,
            (date(2019, 11, 5), "text"),
        ),
        (
            "Body without a date",
            "https://example.org/news/20180704/story",
            (date(2018, 7, 4), "url"),
        ),
        ("Body", "https://example.org/2022/09/story-of-a-month", None),
        ("Body", "https://example.org/2022/02/30/no-such-day", None),
        ("PARIS — The minister said on May 2, 2017 that", None, None),
    ],
)
def test_find_article_date(text: str, url: str | None, expected: object) -> None:
    assert find_article_date(text, url) == expected


def test_a_date_given_with_the_article_is_kept_and_named() -> None:
    given = ArticleInput(
        "a.txt", "KYIV, March 3, 2024 (Reuters) - x", ArticleMeta(published=date(2024, 3, 4))
    )
    assert with_article_date(given).meta.published == date(2024, 3, 4)
    assert with_article_date(given).meta.published_source == "metadata"


def test_an_undated_article_takes_its_dateline() -> None:
    found = with_article_date(ArticleInput("a.txt", "KYIV, March 3, 2024 (Reuters) - x"))
    assert (found.meta.published, found.meta.published_source) == (date(2024, 3, 3), "dateline")
