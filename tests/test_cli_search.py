"""The search, show, speakers, outlets, report, sql and export commands, through the CLI."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from quotes.cli import app
from tests.search_sample import load_sample


@pytest.fixture
def db(engine: Engine, db_url: str) -> str:
    load_sample(engine)
    return db_url


def invoke(runner: CliRunner, db: str, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["--db", db, *args])
    return result.exit_code, result.stdout, result.stderr


def test_search_speaker_as_csv(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "search", "patrushev", "--via", "TASS", "--format", "csv")
    assert code == 0
    assert out == (
        "quote_id,date,speaker,publisher,via,kind,quotation,remark_id,publishers\n"
        "2,2022-09-19,Nikolai Patrushev,Reuters,TASS,direct,A more just world order is needed,1,3\n"
        "1,2022-09-19,Nikolai Patrushev,South China Morning Post,TASS,direct,"
        "a more just world order,1,3\n"
    )


def test_search_text_as_table(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "search", "sanctions")
    assert code == 0
    assert out.splitlines()[0].split() == [
        "quote_id", "date", "speaker", "publisher", "via", "kind", "quotation", "remark_id",
        "publishers",
    ]  # fmt: skip
    assert out.splitlines()[2].split() == [
        "5", "2022-09-19", "Dmitry", "Peskov", "Reuters", "indirect", "sanctions", "would",
        "not", "work", "1",
    ]  # fmt: skip


def test_search_jsonl_with_filters(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(
        runner, db, "search", "world", "--outlet", "Al Jazeera", "--kind", "partial",
        "--since", "2022-09-01", "--until", "2022-09-30", "--limit", "5", "--format", "jsonl",
    )  # fmt: skip
    assert code == 0
    assert [json.loads(line) for line in out.splitlines()] == [
        {"quote_id": 3, "date": "2022-09-19", "speaker": "Nikolai Patrushev",
         "publisher": "Al Jazeera", "via": None, "kind": "partial",
         "quotation": "a more just world order", "remark_id": 1, "publishers": 3},
    ]  # fmt: skip


def test_search_fts_syntax_and_near_miss(runner: CliRunner, db: str) -> None:
    code, out, err = invoke(runner, db, "search", '"(AND OR NOT - *', "--format", "json")
    assert (code, out) == (0, "[]\n")
    assert err == (
        "No quotations match '\"(AND OR NOT - *' (no speaker of that name; wording searched "
        'for "and or not").\n'
    )
    code, out, err = invoke(runner, db, "search", "Patrushew", "--format", "json")
    assert (code, out) == (0, "[]\n")
    assert err == (
        "No quotations match 'Patrushew' (no speaker of that name; wording searched for "
        "patrushew). Did you mean 'Nikolai Patrushev'?\n"
    )


def test_errors_are_one_line_and_exit_1(runner: CliRunner, db: str) -> None:
    assert invoke(runner, db, "search", "x", "--speaker", "Putin") == (
        1, "", "Error: no speaker named 'Putin'\n",
    )  # fmt: skip
    assert invoke(runner, db, "show", "42") == (1, "", "Error: no quotation with id 42\n")
    code, out, err = invoke(runner, db, "search", "x", "--since", "yesterday")
    assert (code, out) == (1, "") and err.startswith("Error: ") and err.count("\n") == 1


def test_show_as_json(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "show", "6", "--format", "json")
    assert code == 0
    record = json.loads(out)
    assert (record["paragraph"], record["speaker"], record["publisher"], record["remark_publishers"]) == (
        "“The West (and its allies) must stop - now,” Peskov said.", "Dmitry Peskov",
        "Al Jazeera", 1,
    )  # fmt: skip


def test_speakers_and_curation(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "speakers", "--search", "pesk", "--format", "csv")
    assert (code, out) == (
        0,
        "speaker_id,speaker,kind,role,quotations,remarks,aliases\n"
        "3,Dmitry Peskov,person,Kremlin spokesman,2,1,\n",
    )
    assert invoke(runner, db, "speakers", "alias", "Peskov", "Dmitri Peskov") == (
        0, "'Dmitri Peskov' is now an alias of 'Dmitry Peskov'\n", "",
    )  # fmt: skip
    assert invoke(runner, db, "speakers", "merge", "Nikolai Patrushev", "Yang Jiechi") == (
        0, "Merged 'Yang Jiechi' into 'Nikolai Patrushev': 1 quotations, 1 remarks, "
        "1 aliases moved; Nikolai Patrushev now has 2 remarks\n", "",
    )  # fmt: skip
    code, out, _ = invoke(runner, db, "speakers", "--format", "csv")
    assert out.splitlines()[1:] == [
        "1,Nikolai Patrushev,person,Security Council secretary,4,2,"
        '"Nikolay Patrushev, Yang Jiechi"',
        "3,Dmitry Peskov,person,Kremlin spokesman,2,1,Dmitri Peskov",
    ]


def test_outlets(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "outlets", "--format", "markdown")
    assert (code, out.splitlines()[:3]) == (
        0,
        ["| outlet_id | outlet | kind | country | articles | quotations | relayed |", "|---|---|---|---|---|---|---|",
         "| 1 | TASS | news agency | RU | 0 | 0 | 2 |"],
    )  # fmt: skip


def test_report_list_and_run(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "report", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "report,view,description"
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == [
        "speaker_publishers", "relay_dependence", "shared_remarks", "divergent_remarks",
        "speaker_timeline",
    ]  # fmt: skip
    code, out, _ = invoke(runner, db, "report", "relay_dependence", "--format", "jsonl")
    assert [json.loads(line)["percent_of_publisher"] for line in out.splitlines()] == [50.0, 50.0]
    code, out, _ = invoke(
        runner, db, "report", "speaker_timeline", "--speaker", "Peskov", "--format", "csv"
    )
    assert out.splitlines()[1:] == [
        "3,Dmitry Peskov,2022-09-19,,5,1,1,sanctions would not work",
        "3,Dmitry Peskov,2022-09-20,3,6,1,1,The West (and its allies) must stop - now",
    ]


def test_sql(runner: CliRunner, db: str) -> None:
    assert invoke(runner, db, "sql", "SELECT COUNT(*) AS n FROM quotes", "--format", "csv") == (
        0, "n\n6\n", "",
    )  # fmt: skip
    code, out, err = invoke(runner, db, "sql", "DELETE FROM quotes")
    assert (code, out) == (1, "")
    assert err.startswith("Error: quotes sql is read-only: ") and err.count("\n") == 1
    assert invoke(runner, db, "sql", "SELECT COUNT(*) AS n FROM quotes", "--format", "json") == (
        0, '[\n{"n": 6}\n]\n', "",
    )  # fmt: skip


def test_export(runner: CliRunner, db: str) -> None:
    code, out, _ = invoke(runner, db, "export", "--speaker", "Peskov", "--format", "csv")
    assert code == 0
    assert [line.split(",")[0] for line in out.splitlines()] == ["quote_id", "5", "6"]
    code, out, _ = invoke(runner, db, "export", "world order")
    assert [json.loads(line)["quote_id"] for line in out.splitlines()] == [1, 2, 3]


HUGE = "99999999999999999999"
NOT_UTF8 = b"\xff\xfe".decode("utf-8", "surrogateescape")  # as Python hands over such argv


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "Patrushev", "--limit", HUGE], f"limit must be from 1 to 1,000,000,000, not {HUGE}"),
        (["search", "Patrushev", "--limit", "-1"], "limit must be from 1 to 1,000,000,000, not -1"),
        (["export", "--limit", HUGE], f"limit must be from 1 to 1,000,000,000, not {HUGE}"),
        (["report", "shared_remarks", "--limit", "-2"], "limit must be from 1 to 1,000,000,000, not -2"),
        (["speakers", "--limit", "-1"], "limit must be from 1 to 1,000,000,000, not -1"),
        (["show", HUGE], f"no quotation with id {HUGE}"),
        (["show", "--", "-1"], "no quotation with id -1"),
        (["compare", HUGE], f"no remark {HUGE}: list them with `quotes remarks`"),
        (["search", "w" * 100_000], "search term of 100,000 characters is over the limit of 1,000"),
        (["search", NOT_UTF8], "search term is not valid UTF-8 text"),
        (["search", "x", "--speaker", NOT_UTF8], "speaker is not valid UTF-8 text"),
        (["compare", NOT_UTF8], "search term is not valid UTF-8 text"),
        (["export", NOT_UTF8], "search term is not valid UTF-8 text"),
        (["speakers", "--search", "w" * 1001], "search term of 1,001 characters is over the limit of 1,000"),
        (["speakers", "alias", "Patrushev", NOT_UTF8], "alias is not valid UTF-8 text"),
    ],
)  # fmt: skip
def test_edge_values_get_one_line(
    runner: CliRunner, db: str, args: list[str], message: str
) -> None:
    assert invoke(runner, db, *args) == (1, "", f"Error: {message}\n")
