"""HTML pages: the article's text as the stored body, the page's metadata, refusals in one line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.read.files import read_articles
from quotes.read.html import article_from_html, looks_like_html, page_sha256
from quotes.read.problems import ReadProblem
from quotes.records import ArticleInput, ArticleMeta
from tests.read.pagemaker import ARTICLE_TEXT, PARAGRAPHS, index_page, news_page

PAGE_META = ArticleMeta(
    outlet="The Coastal Herald",
    published=date(2024, 3, 12),
    title="Ministers clash over the harbour bridge plan",
    url="https://herald.example/news/bridge-plan",
    published_source="metadata",
    language="en",
)


def test_the_body_is_the_article_text_and_the_metadata_the_pages() -> None:
    page = news_page()
    article = article_from_html(page, "page.html")
    assert article == ArticleInput(
        "page.html", ARTICLE_TEXT, PAGE_META, page_sha256=page_sha256(page)
    )


def test_a_date_found_only_in_the_text_says_so() -> None:
    page = news_page(published=None, paragraphs=("12 March 2024", *PARAGRAPHS), lang="en-GB")
    meta = article_from_html(page, "page.html").meta
    assert (meta.published, meta.published_source, meta.language) == (
        date(2024, 3, 12),
        "page",
        "en-gb",
    )


def test_without_metadata_the_publisher_is_the_one_the_title_names_after_the_headline() -> None:
    titled = "Ministers clash over the harbour bridge plan - Harbour Gazette"
    assert article_from_html(news_page(site_name=None, page_title=titled), "p").meta.outlet == (
        "Harbour Gazette"
    )
    # A title that is not the headline and a name names no publisher: the host is all there is.
    untitled = "Harbour news: ministers clash"
    page = news_page(site_name=None, page_title=untitled)
    assert article_from_html(page, "p").meta.outlet == "herald.example"


def test_a_page_without_metadata_leaves_publisher_and_date_unknown() -> None:
    meta = article_from_html(news_page(site_name=None, published=None, canonical=None), "p").meta
    assert (meta.outlet, meta.published, meta.url) == (None, None, None)


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            index_page(),
            "no article text found (0 words of prose; a search page, an index or a login wall?)",
        ),
        (
            news_page(paragraphs=["Please log in to keep reading."]),
            "no article text found (6 words of prose; a search page, an index or a login wall?)",
        ),
        (b"<html>\x00\x01\x02\x89PNG", "binary content, not an HTML page"),
    ],
)
def test_pages_that_are_no_article_are_refused_in_one_line(page: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        article_from_html(page, "page.html")
    assert str(raised.value) == f"page.html: {message}"


def test_html_is_known_by_its_content() -> None:
    assert looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>")
    assert looks_like_html(b"<!-- saved from url -->\n<html lang='en'>")
    assert not looks_like_html(b"Plain text with <b>markup</b> inside.")


def test_folders_of_pages_are_read_with_sidecars_and_options_on_top(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(news_page())
    (tmp_path / "a.html.meta.json").write_text(json.dumps({"outlet": "Harbour Gazette"}))
    (tmp_path / "saved.txt").write_bytes(news_page(site_name="Other Times"))
    (tmp_path / "front.htm").write_bytes(index_page())
    results = list(read_articles([tmp_path], ArticleMeta(published=date(2024, 3, 13))))
    assert [type(r).__name__ for r in results] == ["ArticleInput", "ReadProblem", "ArticleInput"]
    first, problem, saved = results
    assert isinstance(first, ArticleInput) and isinstance(saved, ArticleInput)
    assert (first.meta.outlet, first.meta.published, first.meta.published_source) == (
        "Harbour Gazette",
        date(2024, 3, 13),
        "user",
    )
    assert saved.text == ARTICLE_TEXT
    assert saved.meta.outlet == "Other Times"
    assert problem == ReadProblem(
        str(tmp_path / "front.htm"),
        "no article text found (0 words of prose; a search page, an index or a login wall?)",
    )


def test_without_the_pages_extra_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(InputError) as raised:
        article_from_html(news_page(), "page.html")
    assert str(raised.value) == (
        'page.html: reading HTML needs trafilatura: install the pages extra: pip install "quotes[pages]"'
    )
