"""Reading articles and their metadata from files, with one-line problems for bad input."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from quotes.errors import InputError
from quotes.read.files import ReadProblem, count_articles, parse_date, read_articles
from quotes.records import ArticleInput, ArticleMeta
from tests.conftest import SEEDS


def _read(*paths: Path, overrides: ArticleMeta | None = None) -> list[ArticleInput | ReadProblem]:
    return list(read_articles(paths, overrides))


def test_seeds_come_with_their_metadata() -> None:
    articles = _read(SEEDS)
    assert [Path(a.source).name for a in articles if isinstance(a, ArticleInput)] == [
        "000_7a075a25a27c062d.txt", "001_b4144648db288aab.txt", "002_02dc396b46da6ec4.txt",
        "003_30609124e5ab23b4.txt", "004_90596ecd335d3845.txt",
    ]  # fmt: skip
    first = articles[0]
    assert isinstance(first, ArticleInput)
    assert first.meta.outlet == "South China Morning Post"
    assert first.meta.published == date(2022, 9, 19)
    assert first.text == (SEEDS / "000_7a075a25a27c062d.txt").read_text(encoding="utf-8")


def test_sidecar_beats_directory_metadata_and_options_beat_both(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "metadata.json").write_text(
        json.dumps(
            [{"file": "a.txt", "outlet": "Reuters", "title": "T", "published": "2022-01-02"}]
        )
    )
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"outlet": "TASS"}))
    [article] = _read(tmp_path / "a.txt")
    assert isinstance(article, ArticleInput)
    assert article.meta == ArticleMeta("TASS", date(2022, 1, 2), "T", None, "metadata")
    [article] = _read(tmp_path / "a.txt", overrides=ArticleMeta(published=date(2023, 5, 6)))
    assert isinstance(article, ArticleInput)
    assert article.meta == ArticleMeta("TASS", date(2023, 5, 6), "T", None, "user")


def test_without_metadata_publisher_and_date_stay_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("Published on Monday.", encoding="utf-8")
    [article] = _read(tmp_path)
    assert isinstance(article, ArticleInput)
    assert article.meta == ArticleMeta()


def test_text_is_read_as_path_read_text_reads_it(tmp_path: Path) -> None:
    (tmp_path / "crlf.txt").write_bytes("“A,” he said.\r\nNext\rline".encode())
    [article] = _read(tmp_path / "crlf.txt")
    assert isinstance(article, ArticleInput)
    assert article.text == (tmp_path / "crlf.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file, no article text"),
        (b"  \n\n ", "empty file, no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary file, not a text article"),
    ],
)
def test_unreadable_files_are_one_line_problems(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert _read(path) == [ReadProblem(str(path), message)]


def test_text_that_is_not_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("“Caf\u00e9 society,” she said.".encode("cp1252"))
    [article] = _read(path)
    assert isinstance(article, ArticleInput)
    assert article.text == "“Café society,” she said."
    assert article.warnings == (f"{path}: not valid UTF-8 (byte 0); decoded as cp1252",)


def test_missing_paths_and_empty_directories(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    assert _read(tmp_path / "nope.txt", tmp_path / "empty") == [
        ReadProblem(str(tmp_path / "nope.txt"), "no such file or directory"),
        ReadProblem(
            str(tmp_path / "empty"),
            "no articles found (looked for .txt, .md, .jsonl, .html, .warc, .rss, .atom)",
        ),
    ]


def test_bad_sidecars_fail_their_article_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text("{outlet: TASS}")
    (tmp_path / "b.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "b.txt.meta.json").write_text(json.dumps({"published": "2022-02-30"}))
    assert _read(tmp_path) == [
        ReadProblem(
            str(tmp_path / "a.txt"),
            f"{tmp_path / 'a.txt.meta.json'}: invalid JSON at line 1 column 2: "
            "Expecting property name enclosed in double quotes",
        ),
        ReadProblem(
            str(tmp_path / "b.txt"),
            f"{tmp_path / 'b.txt.meta.json'}: impossible or malformed date '2022-02-30' "
            "(expected YYYY-MM-DD)",
        ),
    ]


def test_json_lines_are_articles_and_bad_lines_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": "One.", "outlet": "Xinhua", "published": "2023-02-22"}),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Two.", "published": "yesterday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _read(path)
    assert results[0] == ArticleInput(
        f"{path}:1", "One.", ArticleMeta("Xinhua", date(2023, 2, 22), None, None, "metadata")
    )
    bad_json = "invalid JSON at column 2: Expecting property name enclosed in double quotes"
    assert results[1:] == [
        ReadProblem(f"{path}:3", bad_json),
        ReadProblem(f"{path}:4", "each line must be an object with a 'text' string"),
        ReadProblem(f"{path}:5", "'yesterday' is not a date with a year (e.g. 2024-03-11)"),
    ]


def test_parse_date_accepts_dates_and_timestamps() -> None:
    assert parse_date("2022-09-19", "x") == date(2022, 9, 19)
    assert parse_date("2022-09-19T23:10:00Z", "x") == date(2022, 9, 19)
    assert parse_date(None, "x") is None
    assert parse_date("19/09/2022", "x") == date(2022, 9, 19)
    with pytest.raises(InputError, match=r"^x: impossible or malformed date '2022-09-31'"):
        parse_date("2022-09-31", "x")


def test_json_lines_keys_of_common_scrapers_are_read_and_others_reported_once(
    tmp_path: Path,
) -> None:
    path = tmp_path / "scraped.jsonl"
    lines = [
        {"raw_text": "One.", "sitename": "TASS", "date": "11.03.2024", "author": "A", "id": 1},
        {"maintext": "Two.", "source_domain": "ria.ru", "date_publish": "March 12, 2024"},
        {"text": "Three.", "hostname": "example.org", "tags": ["x"], "author": "B"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    assert _read(path) == [
        ArticleInput(
            f"{path}:1",
            "One.",
            ArticleMeta("TASS", date(2024, 3, 11), published_source="metadata"),
            (f"{path}:1: keys not read: author, id",),
        ),
        ArticleInput(
            f"{path}:2",
            "Two.",
            ArticleMeta("ria.ru", date(2024, 3, 12), published_source="metadata"),
        ),
        ArticleInput(
            f"{path}:3", "Three.", ArticleMeta("example.org"), (f"{path}:3: keys not read: tags",)
        ),
    ]


def test_count_articles_matches_what_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{bad\n', encoding="utf-8")
    paths = [tmp_path, tmp_path / "missing"]
    assert count_articles(paths) == len(_read(*paths)) == 5


def test_an_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_text("Body.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:  # tests run as root, whom chmod 000 does not stop
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    problem, article = _read(tmp_path)
    assert str(problem) == f"{tmp_path / 'locked'}: cannot read folder (Permission denied)"
    assert isinstance(article, ArticleInput) and article.source == str(tmp_path / "open" / "a.txt")


def test_an_unreadable_metadata_file_fails_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Body.", encoding="utf-8")
    (tmp_path / "metadata.json").write_text("[]", encoding="utf-8")
    real_open = os.open

    def open_(path: Any, *args: Any, **kwargs: Any) -> Any:  # root reads a chmod 000 file
        if Path(path).name == "metadata.json":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    assert [str(item) for item in _read(tmp_path)] == [
        f"{tmp_path / 'a.txt'}: {tmp_path / 'metadata.json'}: cannot read (Permission denied)"
    ]


def test_a_json_line_over_the_cap_is_skipped_unread(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_text(
        json.dumps({"text": "x" * 5000}) + "\n" + json.dumps({"text": "Next."}) + "\n"
        + json.dumps({"text": "y" * 5000}), encoding="utf-8",
    )  # fmt: skip
    items = list(read_articles([path], max_bytes=1000))
    assert [str(item) for item in items[::2]] == [
        f"{path}:1: line over the size limit of 0.000954 MB (see --max-size)",
        f"{path}:3: line over the size limit of 0.000954 MB (see --max-size)",
    ]
    assert isinstance(items[1], ArticleInput) and items[1].text == "Next."


def test_a_character_device_is_refused_unopened() -> None:
    assert [str(item) for item in _read(Path("/dev/zero"))] == [
        "/dev/zero: a character device, not a regular file: not read"
    ]
