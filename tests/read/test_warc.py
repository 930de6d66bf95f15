"""Web archives: every HTML response, streamed; damaged archives end with one line."""

from __future__ import annotations

from pathlib import Path

from quotes.read.files import read_articles
from quotes.read.problems import ReadProblem
from quotes.records import ArticleInput
from tests.read.pagemaker import ARTICLE_TEXT, PARAGRAPHS, index_page, news_page, warc_archive

OTHER_PARAGRAPHS = tuple(p.replace("bridge", "tunnel") for p in PARAGRAPHS)


def _archive(tmp_path: Path, name: str = "crawl.warc.gz", gzip: bool = True) -> Path:
    path = tmp_path / name
    path.write_bytes(
        warc_archive(
            [
                ("https://herald.example/news/bridge", "text/html; charset=utf-8", news_page()),
                ("https://herald.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
                ("https://herald.example/news/", "text/html", index_page()),
                (
                    "https://herald.example/news/tunnel",
                    "text/html",
                    news_page(paragraphs=OTHER_PARAGRAPHS),
                ),
            ],
            gzip=gzip,
        )
    )
    return path


def test_every_html_response_is_an_article_or_a_problem(tmp_path: Path) -> None:
    for name, gzip in (("crawl.warc.gz", True), ("crawl.warc", False)):
        path = _archive(tmp_path, name, gzip)
        first, front, second = read_articles([path])
        assert isinstance(first, ArticleInput) and isinstance(second, ArticleInput)
        assert first.source == f"{path}:https://herald.example/news/bridge"
        assert first.text == ARTICLE_TEXT
        assert first.meta.outlet == "The Coastal Herald"
        assert "tunnel" in second.text
        assert front == ReadProblem(
            f"{path}:https://herald.example/news/",
            "no article text found (0 words of prose; a search page, an index or a login wall?)",
        )


def test_a_truncated_archive_keeps_what_came_before_and_says_how_far(tmp_path: Path) -> None:
    whole = _archive(tmp_path, "crawl.warc", gzip=False).read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: whole.rindex(b"WARC/1.") + 40])
    results = list(read_articles([cut]))
    assert isinstance(results[0], ArticleInput)
    assert isinstance(results[-1], ReadProblem)
    assert results[-1].source == str(cut)
    assert results[-1].message.startswith("truncated or damaged archive after 2 pages (")


def test_an_archive_without_html_says_so(tmp_path: Path) -> None:
    path = tmp_path / "images.warc.gz"
    path.write_bytes(warc_archive([("https://x.example/a.png", "image/png", b"\x89PNG")]))
    assert list(read_articles([path])) == [
        ReadProblem(str(path), "no HTML responses in the archive")
    ]


def test_how_many_pages_an_archive_holds_is_not_counted_ahead(tmp_path: Path) -> None:
    from quotes.read.files import count_articles

    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    assert count_articles([tmp_path / "a.txt"]) == 1
    assert count_articles([tmp_path / "a.txt", _archive(tmp_path)]) is None
