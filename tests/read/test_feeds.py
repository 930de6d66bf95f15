"""Feeds: the articles an RSS or Atom feed links to, with one line for each broken entry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from quotes.read.fetch import Fetcher
from quotes.read.files import read_articles
from quotes.read.problems import ReadProblem
from quotes.records import ArticleInput
from tests.read.pagemaker import ARTICLE_TEXT, news_page, rss_feed
from tests.read.webserver import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    routes = {"/news/bridge": (200, "text/html", news_page(published=None, canonical=None))}
    with serve(Site(routes)) as running:
        running.routes["/feed.xml"] = (
            200,
            "application/rss+xml",
            rss_feed([running.url("/news/bridge"), None, running.url("/gone")]),
        )
        yield running


def test_a_feed_url_ingests_the_pages_it_links_to(site: Site) -> None:
    results = list(read_articles([site.url("/feed.xml")], fetcher=Fetcher(per_host_delay=0)))
    article, no_link, gone = results
    assert isinstance(article, ArticleInput)
    assert article.text == ARTICLE_TEXT
    # The page names no date: the feed entry's date fills it in.
    assert (article.meta.published, article.meta.published_source) == (
        date(2024, 3, 12),
        "metadata",
    )
    assert no_link == ReadProblem(
        f"{site.url('/feed.xml')}: entry 2", "no link to an article ('Item 2')"
    )
    assert gone == ReadProblem(site.url("/gone"), "HTTP 404 Not Found")


def test_a_feed_file_is_read_and_a_broken_one_is_one_problem(site: Site, tmp_path: Path) -> None:
    feed = tmp_path / "herald.rss"
    feed.write_bytes(rss_feed([site.url("/news/bridge")]))
    broken = tmp_path / "broken.atom"
    broken.write_bytes(b"this is not a feed at all")
    results = list(read_articles([feed, broken], fetcher=Fetcher(per_host_delay=0)))
    assert isinstance(results[0], ArticleInput)
    assert results[1:] == [ReadProblem(str(broken), "not a readable RSS or Atom feed")]
