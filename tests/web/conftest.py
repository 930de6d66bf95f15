"""A database with the five seed articles and one hostile article, made once per module and
backend (ingesting the seeds is the slow part), and the web view of it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from starlette.testclient import TestClient

from quotes.ingest import ingest
from quotes.store.schema import open_database
from quotes.web.app import create_app
from tests.conftest import BACKENDS, SEEDS, drop_pg_database, new_pg_database

HOSTILE_TEXT = (
    "Lavrov warns the West\n\n"
    "“<script>alert(1)</script> will not stop us, and claims change nothing,” Russian Foreign "
    "Minister Sergei Lavrov told reporters in Moscow.\n"
)
HOSTILE_META = {
    "outlet": "Example <b>Times</b>",
    "published": "2024-01-02",
    "title": "<script>alert(2)</script> Lavrov",
    "url": "javascript:alert(3)",
}


def write_hostile_article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    article = folder / "hostile.txt"
    article.write_text(HOSTILE_TEXT, encoding="utf-8")
    Path(f"{article}.meta.json").write_text(json.dumps(HOSTILE_META), encoding="utf-8")
    return article


def load_web_sample(url: str, folder: Path) -> None:
    engine: Engine = open_database(url, writer=True)
    try:
        summary = ingest(engine, [SEEDS, write_hostile_article(folder)])
        assert (summary.added, summary.failed) == (6, 0)
    finally:
        engine.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def web_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of a database holding the seeds and the hostile article, on each backend."""
    folder = tmp_path_factory.mktemp("web")
    if request.param == "sqlite":
        url = f"sqlite:///{folder / 'quotes.db'}"
        load_web_sample(url, folder / "articles")
        yield url
        return
    admin = request.getfixturevalue("pg_admin")
    url = new_pg_database(admin)
    try:
        load_web_sample(url, folder / "articles")
        yield url
    finally:
        drop_pg_database(admin, url)


@pytest.fixture
def client(web_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(web_url)) as client:
        yield client
