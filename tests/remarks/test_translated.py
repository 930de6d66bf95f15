"""`quotes compare` shows a remark's translations beside it, in either direction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from tests.conftest import PROJECT_ROOT

pytest.importorskip("pymorphy3", reason="the [russian] extra")

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "russian" / "articles.json"


def _write(folder: Path, *ids: str) -> None:
    articles = {a["id"]: a for a in json.loads(FIXTURE.read_text(encoding="utf-8"))}
    for key in ids:
        article = articles[key]
        (folder / f"{key}.txt").write_text(article["text"], encoding="utf-8")
        meta = {"outlet": article["outlet"], "published": article["published"]}
        (folder / f"{key}.txt.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def _compare(runner: CliRunner, db_url: str, words: str) -> list[tuple[str, str, str]]:
    result = runner.invoke(app, ["--db", db_url, "compare", words, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return [(r["publisher"], r["relation"], r["quotation"]) for r in json.loads(result.stdout)]


def test_the_original_and_its_translation_side_by_side(
    db_url: str, tmp_path: Path, runner: CliRunner
) -> None:
    _write(tmp_path, "tass-02", "en-tass-02-scmp", "tass-03")
    assert runner.invoke(app, ["--db", db_url, "ingest", str(tmp_path)]).exit_code == 0
    english = "Our countries are in favour of building a more just world order,"
    russian = "Наши страны выступают за построение более справедливого миропорядка"
    assert _compare(runner, db_url, "more just world order") == [
        ("South China Morning Post", "canonical", english),
        ("TASS", "translation", russian),
    ]
    assert _compare(runner, db_url, "справедливого миропорядка") == [
        ("TASS", "canonical", russian),
        ("South China Morning Post", "translation", english),
    ]
