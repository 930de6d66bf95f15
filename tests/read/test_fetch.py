"""URLs: fetched from a local server the test starts, with one line for each failure."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from quotes.errors import InputError
from quotes.read.fetch import USER_AGENT, Fetcher, _network_problem
from quotes.read.files import read_articles, read_url_list
from quotes.read.problems import ReadProblem
from quotes.records import ArticleInput
from tests.read.pagemaker import ARTICLE_TEXT, news_page
from tests.read.webserver import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    routes = {
        "/news/bridge": (200, "text/html; charset=utf-8", news_page(canonical=None)),
        "/old-link": (301, "text/html", b"/news/bridge"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.7"),
        "/broken": (500, "text/html", b"<html>oops</html>"),
        "/huge": (200, "text/html", b"<html>" + b"x" * 5000 + b"</html>"),
    }
    with serve(Site(routes)) as running:
        yield running


def fetcher() -> Fetcher:
    return Fetcher(per_host_delay=0, timeout=5)


def test_a_page_is_fetched_after_redirects_with_a_user_agent_naming_the_tool(site: Site) -> None:
    [article] = list(read_articles([site.url("/old-link")], fetcher=fetcher()))
    assert isinstance(article, ArticleInput)
    assert article.source == site.url("/old-link")
    assert article.text == ARTICLE_TEXT
    assert article.meta.url == site.url("/news/bridge")
    assert site.user_agents == [USER_AGENT, USER_AGENT]
    assert USER_AGENT.startswith("quotes/")


def test_failures_are_one_line_each_and_the_batch_goes_on(site: Site) -> None:
    refused = socket.socket()
    refused.bind(("127.0.0.1", 0))
    dead = f"http://127.0.0.1:{refused.getsockname()[1]}/x"
    refused.close()
    urls = [site.url(p) for p in ("/missing", "/broken", "/report.pdf")] + [dead]
    urls.append(site.url("/news/bridge"))
    results = list(read_articles(urls, fetcher=fetcher()))
    assert results[:4] == [
        ReadProblem(urls[0], "HTTP 404 Not Found"),
        ReadProblem(urls[1], "HTTP 500 Internal Server Error"),
        ReadProblem(urls[2], "not an HTML page or a feed (content type application/pdf)"),
        ReadProblem(dead, "connection refused"),
    ]
    assert isinstance(results[4], ArticleInput)


def test_an_answer_over_the_size_cap_is_not_read(site: Site) -> None:
    small = Fetcher(per_host_delay=0, max_bytes=1024)
    with pytest.raises(InputError, match=r"/huge: larger than 0 MB, not read$"):
        small.fetch(site.url("/huge"))


def test_a_host_that_does_not_resolve_is_named_as_such() -> None:
    problem = _network_problem(socket.gaierror(-2, "Name or service not known"))
    assert problem == "cannot resolve the host name (DNS lookup failed)"


def test_url_lists_skip_blank_and_comment_lines_and_refuse_other_lines(tmp_path: Path) -> None:
    good = tmp_path / "urls.txt"
    good.write_text("# morning run\nhttps://a.example/1\n\nhttp://b.example/2\n", encoding="utf-8")
    assert read_url_list(good) == ["https://a.example/1", "http://b.example/2"]
    bad = tmp_path / "bad.txt"
    bad.write_text("https://a.example/1\nftp://b.example/2\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        read_url_list(bad)
    assert str(raised.value) == f"{bad}: line 2: 'ftp://b.example/2' is not an http(s) URL"
