"""Ingest end to end, on SQLite and PostgreSQL: whole articles or nothing, re-runs are no-ops,
bad files are reported and skipped, and concurrent writers neither fail nor duplicate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from quotes.cli import app
from quotes.extract.pipeline import extract_quotations
from quotes.ingest import ingest
from quotes.store.models import Article, Outlet, Quote
from quotes.store.schema import open_database
from tests.conftest import SEEDS

MEMORY_PER_INPUT_MB = 20
"""Peak resident memory allowed per MB of article text (a 20 MB article: under 400 MB)."""
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def write_distinct_articles(folder: Path, count: int) -> list[Path]:
    """`count` different articles made from the seeds (each opens with its own dateline)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"article_{n:05d}.txt"
        path.write_text(f"BULLETIN {n}\n\n{SEED_TEXTS[n % len(SEED_TEXTS)]}", encoding="utf-8")
        paths.append(path)
    return paths


def _counts(engine: Engine) -> tuple[int, int]:
    with Session(engine) as session:
        articles = session.scalar(select(func.count()).select_from(Article)) or 0
        quotes = session.scalar(select(func.count()).select_from(Quote)) or 0
    return articles, quotes


def _expected_quotes(texts: list[str]) -> int:
    return sum(len(extract_quotations(t)) for t in texts)


def test_seeds_are_stored_with_publishers_and_offsets(seeded_engine: Engine) -> None:
    with Session(seeded_engine) as session:
        articles = session.scalars(select(Article).order_by(Article.id)).all()
        assert [a.publisher.name if a.publisher else None for a in articles] == [
            "South China Morning Post", "ABC News / Associated Press", "South China Morning Post",
            "Reuters", "South China Morning Post",
        ]  # fmt: skip
        assert [a.body for a in articles] == SEED_TEXTS
        for quote in session.scalars(select(Quote)):
            assert quote.article.body[quote.start_char : quote.end_char] == quote.text
        assert (
            session.scalar(
                select(func.count()).select_from(Outlet).where(Outlet.kind == "newspaper")
            )
            >= 1
        )
    assert _counts(seeded_engine)[1] == _expected_quotes(SEED_TEXTS)


def test_reingesting_the_same_content_is_a_skipped_no_op(seeded_engine: Engine) -> None:
    before = _counts(seeded_engine)
    summary = ingest(seeded_engine, [SEEDS])
    assert (summary.added, summary.skipped, summary.failed, summary.quotations) == (0, 5, 0, 0)
    assert _counts(seeded_engine) == before


def test_cli_reports_each_problem_goes_on_and_exits_1(
    db_url: str, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a_empty.txt").write_text("")
    (batch / "b_binary.txt").write_bytes(b"\x00\x01\x02")
    (batch / "c_latin1.txt").write_bytes("“Olé,” he said.".encode("cp1252"))
    (batch / "d_story.txt").write_text(SEED_TEXTS[3], encoding="utf-8")
    (batch / "e_copy.txt").write_text(SEED_TEXTS[3], encoding="utf-8")
    (batch / "f_dated.txt").write_text("Text.", encoding="utf-8")
    (batch / "f_dated.txt.meta.json").write_text('{"published": "2023-13-01"}')
    result = runner.invoke(app, ["--db", db_url, "ingest", str(batch), str(tmp_path / "gone")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {batch / 'a_empty.txt'}: empty file, no article text",
        f"Error: {batch / 'b_binary.txt'}: binary file, not a text article",
        f"Warning: {batch / 'c_latin1.txt'}: not valid UTF-8 (byte 0); decoded as cp1252",
        f"Skipped: {batch / 'e_copy.txt'}: same text as {batch / 'd_story.txt'} earlier in this batch",
        f"Error: {batch / 'f_dated.txt'}: {batch / 'f_dated.txt.meta.json'}: impossible or "
        "malformed date '2023-13-01' (expected YYYY-MM-DD)",
        f"Error: {tmp_path / 'gone'}: no such file or directory",
        result.stderr.splitlines()[-1],
    ]
    last = result.stderr.splitlines()[-1]
    assert last.startswith("2 added, 1 skipped, 4 failed; ")
    engine = open_database(db_url)
    assert _counts(engine)[0] == 2
    engine.dispose()


def test_a_directory_without_articles_is_an_error(
    db_url: str, tmp_path: Path, runner: CliRunner
) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["--db", db_url, "ingest", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"Error: {tmp_path / 'empty'}: no articles found"
        " (looked for .txt, .md, .jsonl, .html, .warc, .rss, .atom)"
    )


def test_options_override_metadata(engine: Engine, tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "a.txt").write_text(SEED_TEXTS[1], encoding="utf-8")
    url = engine.url.render_as_string(hide_password=False)
    result = runner.invoke(
        app,
        ["--db", url, "ingest", str(tmp_path), "--outlet", "Reuters", "--published", "2022-09-19"],
    )
    assert result.exit_code == 0, result.stderr
    with Session(engine) as session:
        article = session.scalars(select(Article)).one()
        assert (article.publisher and article.publisher.name, str(article.published)) == (
            "Reuters", "2022-09-19",
        )  # fmt: skip


def _ingest_process(db_url: str, *paths: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "quotes", "--db", db_url, "ingest", *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QUOTES_DEBUG": ""},
    )


def test_two_processes_ingesting_at_once_neither_fail_nor_duplicate(
    engine: Engine, tmp_path: Path
) -> None:
    paths = write_distinct_articles(tmp_path / "corpus", 60)
    url = engine.url.render_as_string(hide_password=False)
    first = _ingest_process(url, tmp_path / "corpus")
    second = _ingest_process(url, *reversed(paths))
    outputs = [p.communicate(timeout=240) for p in (first, second)]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    assert not any("locked" in err for _, err in outputs)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert _counts(engine) == (60, _expected_quotes(texts))


def test_an_ingest_killed_half_way_keeps_whole_articles_and_a_rerun_finishes(
    engine: Engine, tmp_path: Path
) -> None:
    paths = write_distinct_articles(tmp_path / "corpus", 400)
    url = engine.url.render_as_string(hide_password=False)
    process = _ingest_process(url, tmp_path / "corpus")
    deadline = time.monotonic() + 120
    while _counts(engine)[0] < 20 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    stored, _ = _counts(engine)
    assert 20 <= stored < 400
    with Session(engine) as session:
        for article in session.scalars(select(Article)):
            assert len(article.quotes) == len(extract_quotations(article.body, article.published))
    summary = ingest(engine, [tmp_path / "corpus"])
    assert (summary.added, summary.skipped, summary.failed) == (400 - stored, stored, 0)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert _counts(engine) == (400, _expected_quotes(texts))


# Runs `quotes ARGS...` and writes the process's own peak RSS (KiB) to argv[1] on exit.
# RUSAGE_CHILDREN in the test process would report the largest child pytest ever waited
# for (mypy in the code-quality test, say), not this ingest.
PEAK_RSS_WRAPPER = """
import atexit, resource, runpy, sys
out = sys.argv[1]
atexit.register(lambda: open(out, "w").write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)))
sys.argv = ["quotes", *sys.argv[2:]]
runpy.run_module("quotes", run_name="__main__")
"""


def test_a_20_mb_article_is_stored_whole_in_bounded_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        n = 0
        while handle.tell() < 20_000_000:
            handle.write(f"SECTION {n}\n\n{SEED_TEXTS[n % len(SEED_TEXTS)]}\n\n")
            n += 1
    url = f"sqlite:///{tmp_path / 'big.db'}"
    peak_file = tmp_path / "peak_kb"
    result = subprocess.run(
        [sys.executable, "-c", PEAK_RSS_WRAPPER, str(peak_file), "--db", url, "ingest", str(big)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("1 added, 0 skipped, 0 failed; ")
    peak_mb = int(peak_file.read_text()) / 1024
    assert peak_mb < 20 * MEMORY_PER_INPUT_MB
    engine = open_database(url)
    with Session(engine) as session:
        article = session.scalars(select(Article)).one()
        assert article.body == big.read_text(encoding="utf-8")
    engine.dispose()


def test_a_page_is_stored_as_its_text_and_ingesting_it_again_is_a_no_op(
    engine: Engine, tmp_path: Path
) -> None:
    from tests.read.pagemaker import ARTICLE_TEXT, news_page

    page = tmp_path / "bridge.html"
    page.write_bytes(news_page(site_name="РИА Новости", lang="ru"))
    assert ingest(engine, [page]).added == 1
    with Session(engine) as session:
        article = session.scalars(select(Article)).one()
        assert article.body == ARTICLE_TEXT
        assert article.publisher is not None and article.publisher.name == "RIA Novosti"
        assert (article.published_source, article.language) == ("metadata", "ru")
        assert article.page_sha256 is not None and len(article.page_sha256) == 64
    again = ingest(engine, [page])
    assert (again.added, again.skipped) == (0, 1)


def test_hostile_items_fail_alone_and_the_batch_finishes(
    db_url: str, tmp_path: Path, runner: CliRunner
) -> None:
    batch = tmp_path / "batch"
    (batch / "deep_meta").mkdir(parents=True)
    deep = "[" * 100_000 + "]" * 100_000
    lines = [
        json.dumps({"text": SEED_TEXTS[0]}),
        '{"text": "Lone \\ud800 surrogate, he said."}',
        '{"text": ' + deep + "}",
        '{"text": "A NUL \\u0000 in the text, he said."}',
        json.dumps({"text": "x" * (1024 * 1024 + 1)}),
        json.dumps({"text": SEED_TEXTS[1]}),
    ]
    (batch / "a_lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (batch / "b_fifo.txt").parent.mkdir(exist_ok=True)
    os.mkfifo(batch / "b_fifo.txt")
    (batch / "c_big.txt").write_text("y" * (1024 * 1024 + 1), encoding="utf-8")
    (batch / "d_nul.txt").write_text("x" * 9000 + "\x00 said.", encoding="utf-8")
    (batch / "e_year_one.txt").write_text('"We are early," he said on Sunday.', encoding="utf-8")
    (batch / "e_year_one.txt.meta.json").write_text('{"published": "0001-01-01"}')
    (batch / "deep_meta" / "metadata.json").write_text(deep)
    (batch / "deep_meta" / "f.txt").write_text(SEED_TEXTS[2], encoding="utf-8")
    (batch / "g_story.txt").write_text(SEED_TEXTS[3], encoding="utf-8")
    args = ["--db", db_url, "ingest", "--max-size", "1", str(batch), "/dev/zero"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    lines_file = batch / "a_lines.jsonl"
    assert result.stderr.splitlines()[:-1] == [
        f"Error: {lines_file}:2: text holds a lone surrogate U+D800 (at character 5), "
        "not valid Unicode",
        f"Error: {lines_file}:3: JSON nested too deeply",
        f"Error: {lines_file}:4: text holds a NUL character (at character 6), not text",
        f"Error: {lines_file}:5: line over the size limit of 1 MB (see --max-size)",
        f"Error: {batch / 'b_fifo.txt'}: a FIFO, not a regular file: not read",
        f"Error: {batch / 'c_big.txt'}: file of 1,048,577 bytes over the size limit of 1 MB (see --max-size)",
        f"Error: {batch / 'd_nul.txt'}: text holds a NUL character (at character 9000), not text",
        f"Error: {batch / 'deep_meta' / 'f.txt'}: {batch / 'deep_meta' / 'metadata.json'}: "
        "JSON nested too deeply",
        "Error: /dev/zero: a character device, not a regular file: not read",
    ]
    assert result.stderr.splitlines()[-1].startswith("4 added, 0 skipped, 9 failed; ")
    engine = open_database(db_url)
    with Session(engine) as session:
        stored = session.execute(select(Article.source_path).order_by(Article.id)).scalars().all()
        year_one = session.scalars(select(Quote).join(Article).where(
            Article.source_path == str(batch / "e_year_one.txt"))).all()  # fmt: skip
    engine.dispose()
    assert stored == [f"{lines_file}:1", f"{lines_file}:6", str(batch / "e_year_one.txt"),
                      str(batch / "g_story.txt")]  # fmt: skip
    assert [(q.text, q.said_on) for q in year_one] == [("We are early,", None)]
