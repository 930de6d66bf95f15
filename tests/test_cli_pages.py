"""The command line with pages and URLs, dates as written, names in any script, corrections."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.read.pagemaker import news_page
from tests.read.webserver import Site, serve


@pytest.fixture
def site() -> Iterator[Site]:
    with serve(Site({"/news/bridge": (200, "text/html", news_page())})) as running:
        yield running


def invoke(runner: CliRunner, db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def test_ingest_a_url_and_a_list_of_urls(runner: CliRunner, tmp_path: Path, site: Site) -> None:
    db = tmp_path / "q.db"
    code, _, err = invoke(runner, db, "ingest", site.url("/news/bridge"))
    assert code == 0, err
    assert err.startswith("1 added, 0 skipped, 0 failed; 4 quotations found in ")
    listing = tmp_path / "urls.txt"
    listing.write_text(f"{site.url('/news/bridge')}\n{site.url('/missing')}\n", encoding="utf-8")
    code, _, err = invoke(runner, db, "ingest", "--urls", str(listing))
    assert code == 1
    assert f"Error: {site.url('/missing')}: HTTP 404 Not Found\n" in err
    assert "0 added, 1 skipped, 1 failed" in err
    code, out, _ = invoke(
        runner,
        db,
        "sql",
        "SELECT title, published, published_source FROM articles",
        "--format",
        "csv",
    )
    assert out == (
        "title,published,published_source\n"
        "Ministers clash over the harbour bridge plan,2024-03-12,metadata\n"
    )


def test_dates_as_written_and_names_in_any_script(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    article = tmp_path / "a.txt"
    article.write_text(
        "“Контакты не ведутся,” Владимир Путин said on Monday, according to TASS.\n",
        encoding="utf-8",
    )
    code, _, err = invoke(runner, db, "ingest", str(article), "--published", "03/04/2024")
    assert (code, err) == (
        1,
        "Error: --published: ambiguous date '03/04/2024' (3 April or 4 March?); "
        "write it as 2024-04-03 or 2024-03-04\n",
    )
    code, _, err = invoke(
        runner,
        db,
        "ingest",
        str(article),
        "--published",
        "March 13, 2024",
        "--outlet",
        "РИА Новости",
    )
    assert code == 0, err
    code, out, _ = invoke(runner, db, "search", "Vladimir Putin", "--format", "jsonl")
    [found] = [json.loads(line) for line in out.splitlines()]
    assert (found["speaker"], found["publisher"], found["via"], found["date"]) == (
        "Владимир Путин",
        "RIA Novosti",
        "TASS",
        "2024-03-11",
    )
    code, out, err = invoke(runner, db, "speakers", "alias", "Владимир Путин", "Putin, V. V.")
    assert (code, out) == (0, "'Putin, V. V.' is now an alias of 'Владимир Путин'\n"), err
    code, _, err = invoke(runner, db, "ingest", str(article), "--outlet", "***")
    assert (code, err) == (1, "Error: --outlet: '***' has no letters in any script\n")


def test_articles_set_corrects_an_article(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    article = tmp_path / "a.txt"
    article.write_text("“We will win,” the minister said on Monday.\n", encoding="utf-8")
    assert invoke(runner, db, "ingest", str(article))[0] == 0
    code, out, err = invoke(
        runner,
        db,
        "articles",
        "set",
        "1",
        "--published",
        "11.03.2024",
        "--outlet",
        "Harbour Gazette",
    )
    assert (code, out) == (
        0,
        "Article 1: outlet, published changed; quotations re-dated: 1; remarks rebuilt: 1\n",
    ), err
    code, out, _ = invoke(runner, db, "search", "win", "--format", "csv")
    assert out.splitlines()[1].split(",")[1:4] == ["2024-03-11", "minister", "Harbour Gazette"]
    code, _, err = invoke(runner, db, "articles", "set", "9", "--title", "x")
    assert (code, err) == (1, "Error: no article with id 9\n")
