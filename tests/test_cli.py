"""The command line as a whole: help for every command, and the `extract` contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from quotes import __version__
from quotes.cli import app
from tests.conftest import SEEDS
from tests.search_sample import load_sample

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
        assert texts[r["source"]][r["start"] : r["end"]] == r["quotation"]
        assert r["kind"] in ("direct", "partial", "indirect")
        assert {"speaker", "speaker_as_written", "cue", "via", "said_on", "confidence"} <= r.keys()


def test_extract_reports_bad_paths_and_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("“We will win,” the minister said on Monday.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"published": "2024-03-06"}', encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "nope"), "--format", "jsonl"]
    )
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope'}: no such file or directory\n"
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["quotation"], record["start"], record["end"]) == ("We will win,", 1, 13)
    assert (record["cue"], record["said_on"]) == ("said", "2024-03-04")


# --- Errors and edges: one line each, exit codes, --version, --quiet, Ctrl-C ---


def test_usage_errors_are_one_line_with_exit_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "Error: Missing argument 'TERM'. (see `quotes search --help`)\n"
    result = runner.invoke(app, ["search", "x", "--frmat", "csv"])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: No such option")
    result = runner.invoke(app, ["remarks", "--format", "xml"])
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: Invalid value for '--format' / '-f': 'xml' is not one of 'table', 'json', "
        "'jsonl', 'csv', 'markdown'. (see `quotes remarks --help`)\n",
    )


def test_help_shows_names_not_types(runner: CliRunner) -> None:
    out = runner.invoke(app, ["ingest", "--help"]).stdout
    assert out.startswith("Usage: quotes ingest [OPTIONS] [PATH]...\n")
    assert "<" not in out and "{" not in out
    out = runner.invoke(app, ["search", "--help"]).stdout
    for form in ('"world order"', "Putin OR Xi", "-Ukraine", "ord*", "surname"):
        assert form in out


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"quotes {__version__}\n")


def test_a_read_command_on_a_missing_database_says_so(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    for command in (["search", "Putin"], ["speakers"], ["sql", "SELECT 1"], ["remarks"]):
        result = runner.invoke(app, ["--db", str(missing), *command])
        assert (result.exit_code, result.stdout) == (1, "")
        assert result.stderr == (
            f"Error: no database at {missing}: `quotes ingest PATH` creates one (or give --db)\n"
        )
    assert not missing.exists()


def test_ctrl_c_prints_the_summary_so_far_and_exits_130(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quotes.ingest

    def interrupted(
        engine: object,
        paths: object,
        overrides: object,
        on_outcome: Any,
        max_bytes: int,
        **options: Any,
    ) -> None:
        on_outcome(quotes.ingest.IngestOutcome("a.txt", "added", quotations=3, article_id=1))
        on_outcome(quotes.ingest.IngestOutcome("b.txt", "skipped", "already", article_id=1))
        raise KeyboardInterrupt

    monkeypatch.setattr(quotes.ingest, "ingest", interrupted)
    result = runner.invoke(app, ["--db", str(tmp_path / "q.db"), "ingest", str(SEEDS)])
    assert result.exit_code == 130
    assert result.stderr.startswith("Interrupted: 1 added, 1 skipped, 0 failed; 3 quotations ")
    assert result.stderr.endswith(" s; run again to resume\n")


def test_resuming_prints_only_the_summary_and_quiet_drops_warnings(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = str(tmp_path / "q.db")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes("“Olé,” he said.".encode("cp1252"))
    first = runner.invoke(app, ["--db", db, "ingest", str(tmp_path / "in")])
    assert first.stderr.splitlines()[0].startswith("Warning: ")
    again = runner.invoke(app, ["--db", db, "--quiet", "ingest", str(tmp_path / "in")])
    assert again.exit_code == 0
    assert again.stderr.startswith("0 added, 1 skipped, 0 failed; ")
    assert again.stderr.count("\n") == 1


def test_listings_say_how_many_more_there_are(
    runner: CliRunner, engine: Engine, db_url: str
) -> None:
    load_sample(engine)
    result = runner.invoke(app, ["--db", db_url, "speakers", "--limit", "1", "--format", "csv"])
    assert result.stdout.count("\n") == 2
    assert result.stderr == "… 2 more (shown 1; --limit N to see more, 0 for all)\n"
    result = runner.invoke(app, ["--db", db_url, "search", "world", "-n", "1", "-f", "json"])
    assert len(json.loads(result.stdout)) == 1
    assert result.stderr == "… 3 more (shown 1; --limit N to see more, 0 for all)\n"
    result = runner.invoke(app, ["--db", db_url, "-q", "remarks", "--limit", "0"])
    assert result.stderr == ""


def test_ids_are_accepted_where_names_are(runner: CliRunner, engine: Engine, db_url: str) -> None:
    load_sample(engine)
    result = runner.invoke(app, ["--db", db_url, "speakers", "merge", "1", "2"])
    assert result.stdout == (
        "Merged 'Yang Jiechi' into 'Nikolai Patrushev': 1 quotations, 1 remarks, 1 aliases moved; "
        "Nikolai Patrushev now has 2 remarks\n"
    )
    result = runner.invoke(
        app, ["--db", db_url, "search", "world", "--via", "1", "--speaker", "1", "-f", "csv"]
    )
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["quote_id", "1", "2"]
    result = runner.invoke(app, ["--db", db_url, "speakers", "alias", "9", "X"])
    assert result.stderr == "Error: no speaker with id 9: `quotes speakers` lists them\n"


def test_a_given_name_finds_the_speaker_and_nothing_found_says_what_was_tried(
    runner: CliRunner, engine: Engine, db_url: str
) -> None:
    load_sample(engine)
    result = runner.invoke(app, ["--db", db_url, "search", "Dmitry", "-f", "csv"])
    assert [line.split(",")[0] for line in result.stdout.splitlines()] == ["quote_id", "6", "5"]
    result = runner.invoke(app, ["--db", db_url, "search", "Dmitry", "--since", "2030-01-01"])
    assert result.stderr == "No quotations of Dmitry Peskov match the filters.\n"
    result = runner.invoke(app, ["--db", db_url, "search", "world ordr -west", "-f", "json"])
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr == (
        "No quotations match 'world ordr -west' (no speaker of that name; wording searched for "
        "all of: world, ordr; without: west). Alone: world finds 4, ordr finds 0.\n"
    )


def test_compare_by_words_names_the_other_matching_remarks(
    runner: CliRunner, engine: Engine, db_url: str
) -> None:
    load_sample(engine)
    result = runner.invoke(app, ["--db", db_url, "compare", "world", "-f", "jsonl"])
    assert {json.loads(line)["remark_id"] for line in result.stdout.splitlines()} == {1}
    assert result.stderr == "The words also match remark 2: `quotes compare ID` shows one\n"
