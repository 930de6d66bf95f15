"""quotes.web.datasette and `quotes serve --datasette`: metadata that names only real tables and
columns, keyed by the file's stem, and the datasette command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import inspect

from quotes.errors import QuotesError
from quotes.store.schema import open_database
from quotes.web.datasette import metadata_for
from quotes.web.server import datasette_command


def test_the_metadata_names_real_tables_columns_and_facets(tmp_path: Path) -> None:
    engine = open_database(str(tmp_path / "news.db"), writer=True)
    schema = inspect(engine)
    tables = set(schema.get_table_names()) | set(schema.get_view_names())
    metadata = metadata_for(tmp_path / "news.db")
    assert list(metadata["databases"]) == ["news"]
    configured = metadata["databases"]["news"]["tables"]
    assert set(configured) <= tables
    for table, config in configured.items():
        columns = {c["name"] for c in schema.get_columns(table)}
        facets = {
            f if isinstance(f, str) else next(iter(f.values())) for f in config.get("facets", [])
        }
        named = set(config.get("columns", {})) | facets
        named |= {config[k] for k in ("sort_desc", "label_column") if k in config}
        assert named <= columns, table
    quotes = configured["quotes"]
    assert (quotes["facets"], quotes["sort_desc"], quotes["fts_table"]) == (
        ["speaker_id", "via_outlet_id", {"date": "dated_on"}, "kind"], "dated_on", "quotes_fts",
    )  # fmt: skip
    assert configured["articles"]["facets"] == ["publisher_id", {"date": "published"}]
    engine.dispose()


def test_datasette_serves_sqlite_files_only(tmp_path: Path) -> None:
    metadata = tmp_path / "metadata.json"
    with pytest.raises(QuotesError) as pg:
        datasette_command("postgresql://u@h/db", "127.0.0.1", 8001, metadata)
    assert str(pg.value) == (
        "datasette reads SQLite files, not PostgreSQL database 'db' on h:5432: use `quotes serve` "
        "without --datasette"
    )
    with pytest.raises(QuotesError) as missing:
        datasette_command(str(tmp_path / "none.db"), "127.0.0.1", 8001, metadata)
    assert str(missing.value).endswith("none.db does not exist: run `quotes ingest` first")


def test_the_datasette_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    open_database(str(tmp_path / "quotes.db"), writer=True).dispose()
    metadata = tmp_path / "metadata.json"
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(QuotesError) as absent:
        datasette_command(str(tmp_path / "quotes.db"), "127.0.0.1", 8001, metadata)
    assert str(absent.value) == "datasette is not installed: pip install datasette"
    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    assert datasette_command(str(tmp_path / "quotes.db"), "127.0.0.1", 8002, metadata) == [
        "/usr/bin/datasette", "serve", str(tmp_path / "quotes.db"), "--metadata", str(metadata),
        "--host", "127.0.0.1", "--port", "8002",
    ]  # fmt: skip
    assert '"quotes": {' in metadata.read_text(encoding="utf-8")
