"""The command line as a whole: help for every command, and the `extract` contract."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from quotes.cli import app
from tests.conftest import SEEDS

COMMANDS = [
    "extract", "ingest", "search", "show", "compare", "remarks", "phrases", "dedupe",
    "speakers", "outlets", "report", "sql", "export", "serve", "db", "articles",
]  # fmt: skip


def test_every_command_has_help_text(runner: CliRunner) -> None:
    listing = runner.invoke(app, ["--help"])
    assert listing.exit_code == 0
    for command in COMMANDS:
        assert f" {command} " in listing.output, command
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert "Usage:" in result.output


def test_extract_jsonl_offsets_index_the_file_text(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", str(SEEDS), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 50
    texts = {p: Path(p).read_text(encoding="utf-8") for p in {r["source"] for r in records}}
    assert len(texts) == 5
    for r in records:
        assert texts[r["source"]][r["start"] : r["end"]] == r["text"]
        assert r["kind"] in ("direct", "partial", "indirect")
        assert {"speaker", "speaker_text", "cue", "via", "said_on", "confidence"} <= r.keys()


def test_extract_reports_bad_paths_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“We will win,” the minister said on Monday.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2024-03-06"}', encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "nope"), "--format", "jsonl"]
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope'}: no such file or directory\n"
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["text"], record["start"], record["end"]) == ("We will win,", 1, 13)
    assert (record["cue"], record["said_on"]) == ("said", "2024-03-04")
