"""Ingest against extraction, in one run on the same articles, into SQLite and PostgreSQL.

    python benchmarks/bench_ingest.py                      # 1,000 articles, both backends
    python benchmarks/bench_ingest.py -n 2000 --backend sqlite
    python benchmarks/bench_ingest.py --growth 100000      # time per article, empty to 100,000

Each article is a seed with its own dateline and its own numbered sentence, so no two are
duplicates, while every copy of a seed shares its date, speakers and wordings with the others:
the worst case for remark look-ups (shared dates, few speakers). Metadata comes from the seeds'
metadata.json. PostgreSQL runs on a database created for the run and dropped afterwards
(QUOTES_TEST_PG_URL names the server). Figures, all in one run:

* extraction alone (`quotes extract`'s library call) and `ingest --jobs 1`: their ratio;
  each the fastest of INGEST_RUNS runs, all listed;
* the writer's own time per article (clustering plus storing, articles already extracted and
  their quotations' text forms computed, as the extracting workers hand them over), the
  fastest of WRITER_RUNS runs with every run listed, the articles per second it allows, and the
  clusterer's time per quotation;
* `--jobs 2` against `--jobs 1` (throughput), the fastest of INGEST_RUNS interleaved runs each;
* PostgreSQL: four `quotes ingest` processes on a quarter each against one process on all
  (the fastest of INGEST_RUNS interleaved runs each), and whether every run ends with the same
  rows; on `--writers-articles` articles (default 4,000: 1,000 a writer), since each process
  first spends a fixed start-up (`startup_cpu_s`: importing SQLAlchemy, typer and the rules,
  compiling their regular expressions, connecting), which on 250 articles a writer is a fifth
  of its work and would measure starting processes rather than writing;
* `--growth N`: time per article over each tenth of N articles into one SQLite database.

Each figure is wall-clock time, and for the in-process ones also this process's CPU time
(`*_cpu_*`), which a busy machine disturbs far less.

Wall-clock times: on a shared machine, run it when it is quiet and read it side by side.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from quotes.ingest import extract_files, ingest, store_extracted
from quotes.parallel import Extracted
from quotes.remarks import clustering
from quotes.remarks.items import text_forms
from quotes.store.models import Article, Quote, Remark, Speaker
from quotes.store.schema import open_database

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PG_ADMIN_URL = os.environ.get(
    "QUOTES_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def write_corpus(path: Path, count: int, first: int = 0) -> None:
    """`count` distinct articles as JSON lines, cycling through the seeds."""
    meta = {m["file"]: m for m in json.loads((SEEDS / "metadata.json").read_text("utf-8"))}
    seeds = [(p.read_text("utf-8"), meta.get(p.name, {})) for p in sorted(SEEDS.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for n in range(first, first + count):
            body, info = seeds[n % len(seeds)]
            line = {
                "text": f"BULLETIN {n}. Item number {n} of the wire.\n\n{body}",
                "outlet": info.get("outlet"),
                "published": info.get("published"),
                "title": f"{info.get('title')} ({n})",
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


WRITER_RUNS = 3
"""The writer-only figure is the fastest of this many runs (all are printed): on a shared
machine the slower runs measure the neighbours, as timeit's minimum does."""
INGEST_RUNS = 3
"""Ingest with `--jobs 1` and `--jobs 2`, and extraction alone, are each the fastest of this
many runs, the ingests interleaved (all are printed): on this shared machine one run of the
same ingest took from 5.7 to 8.7 s."""

CPU: dict[str, float] = {}
"""This process's CPU seconds for the last `timed` call: on a busy machine, where wall-clock time
mostly measures the other processes, the figure to compare (SQLite runs wholly in-process)."""


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    CPU["last"] = time.process_time() - cpu
    return time.perf_counter() - started, result


def extract_all(corpus: Path) -> list[Extracted]:
    return [Extracted(e.article, e.quotations) for e in extract_files([corpus])]  # type: ignore[union-attr]


def with_forms(entry: Extracted) -> Extracted:
    return replace(entry, forms=tuple(text_forms(q.text) for q in entry.quotations))


def ingest_into(url: str, corpus: Path, jobs: int) -> tuple[float, int]:
    engine = open_database(url, writer=True)
    seconds, summary = timed(lambda: ingest(engine, [corpus], jobs=jobs))
    engine.dispose()
    assert summary.failed == 0, summary.problems[:3]
    return seconds, summary.added


def writer_only(url: str, extracted: list[Extracted]) -> tuple[float, float, int]:
    """The writer's time on articles already extracted, and the clusterer's share of it."""
    clustered = [0.0]
    add = clustering.Clusterer.add_prepared

    def timed_add(self: clustering.Clusterer, p: Any) -> clustering.Placement:
        started = time.perf_counter()
        try:
            return add(self, p)
        finally:
            clustered[0] += time.perf_counter() - started

    clustering.Clusterer.add_prepared = timed_add  # type: ignore[method-assign]
    # Here the whole corpus, extracted beforehand, is alive while the writer runs (ingest holds
    # one batch): frozen, the garbage collector does not walk it again on every collection.
    gc.freeze()
    try:
        engine = open_database(url, writer=True)
        seconds, outcomes = timed(lambda: list(store_extracted(engine, extracted)))
        cpu = CPU["last"]
        engine.dispose()
    finally:
        gc.unfreeze()
        clustering.Clusterer.add_prepared = add  # type: ignore[method-assign]
    assert all(o.status == "added" for o in outcomes)
    CPU["last"] = cpu
    return seconds, clustered[0], sum(len(e.quotations) for e in extracted)


def rows(url: str) -> dict[str, Any]:
    """What two ingests of the same articles must agree on, independent of ids."""
    engine = create_engine(url)
    with Session(engine) as session:
        speakers = sorted(session.scalars(select(Speaker.name)))
        remarks = session.execute(
            select(Quote.remark_id, Article.sha256, Quote.start_char).join(Article)
        ).all()
        counts = {
            "articles": session.scalar(select(func.count()).select_from(Article)),
            "quotes": session.scalar(select(func.count()).select_from(Quote)),
            "remarks": session.scalar(select(func.count()).select_from(Remark)),
        }
    engine.dispose()
    groups: dict[int, set[tuple[str, int]]] = {}
    for remark_id, sha, start in remarks:
        groups.setdefault(remark_id, set()).add((sha, start))
    return {**counts, "speakers": speakers, "remarks_set": {frozenset(g) for g in groups.values()}}


def startup_cpu_s(url: str, tmp: Path) -> float:
    """CPU seconds of a `quotes ingest` process that stores nothing (one article already
    stored): what every writer spends before its first article, the fastest of three."""
    single = tmp / "startup.jsonl"
    write_corpus(single, 1)
    command = [sys.executable, "-m", "quotes", "--db", url, "ingest", "--jobs", "1", str(single)]
    subprocess.run(command, check=True, capture_output=True)
    spent = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, check=True, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        spent.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return round(min(spent), 2)


def concurrent_writers(corpus: Path, parts: list[Path]) -> dict[str, Any]:
    """Four `quotes ingest` processes at once, a quarter each, against one process on all."""

    def run(commands: list[list[str]]) -> float:
        started = time.perf_counter()
        processes = [subprocess.Popen(c, stderr=subprocess.PIPE, text=True) for c in commands]
        for process in processes:
            _, err = process.communicate()
            assert process.returncode == 0, err
        return time.perf_counter() - started

    results: dict[str, list[tuple[float, dict[str, Any]]]] = {"one": [], "four": []}
    for _ in range(INGEST_RUNS):  # interleaved, each the fastest of its runs
        for label, inputs in (("one", [corpus]), ("four", parts)):
            url, name = pg_database()
            try:
                open_database(url, writer=True).dispose()
                quotes = [sys.executable, "-m", "quotes", "--db", url, "ingest", "--jobs", "1"]
                results[label].append((run([[*quotes, str(p)] for p in inputs]), rows(url)))
            finally:
                drop_pg_database(name)
    one = min(results["one"], key=lambda r: r[0])
    four = min(results["four"], key=lambda r: r[0])
    url, name = pg_database()
    try:
        open_database(url, writer=True).dispose()
        startup = startup_cpu_s(url, corpus.parent)
    finally:
        drop_pg_database(name)
    return {
        "articles": one[1]["articles"],
        "startup_cpu_s": startup,
        "one_s": round(one[0], 1),
        "four_s": round(four[0], 1),
        "one_runs_s": [round(r[0], 1) for r in results["one"]],
        "four_runs_s": [round(r[0], 1) for r in results["four"]],
        "speedup": round(one[0] / four[0], 2),
        "same_rows_every_run": all(r[1] == one[1] for r in results["one"] + results["four"]),
        "same_rows": one[1] == four[1],
        "counts_one": {k: one[1][k] for k in ("articles", "quotes", "remarks")},
        "counts_four": {k: four[1][k] for k in ("articles", "quotes", "remarks")},
        "same_speakers": one[1]["speakers"] == four[1]["speakers"],
        "same_remarks": one[1]["remarks_set"] == four[1]["remarks_set"],
    }


def pg_database() -> tuple[str, str]:
    name = f"quotes_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False), name


def drop_pg_database(name: str) -> None:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


UrlMaker = Callable[[], tuple[str, Callable[[], None]]]
"""A new database for one run: its URL and how to drop it."""


def backend_figures(
    backend: str, url_for: UrlMaker, corpus: Path, extracted: list[Extracted], extract_s: float
) -> None:
    n = len(extracted)
    figures: dict[str, Any] = {"backend": backend, "articles": n}
    timings: dict[int, list[tuple[float, float]]] = {1: [], 2: []}  # jobs: (wall s, CPU s)
    for _ in range(INGEST_RUNS):  # interleaved, so a slow spell of the machine hits both
        for jobs in (1, 2):
            url, cleanup = url_for()
            try:
                seconds, added = ingest_into(url, corpus, jobs)
            finally:
                cleanup()
            assert added == n
            timings[jobs].append((seconds, CPU["last"]))
    for jobs, runs_of in timings.items():
        seconds, cpu_s = min(runs_of)
        figures[f"jobs{jobs}_s"] = round(seconds, 2)
        figures[f"jobs{jobs}_cpu_s"] = round(cpu_s, 2)
        figures[f"jobs{jobs}_runs_s"] = [round(r[0], 2) for r in runs_of]
        figures[f"jobs{jobs}_articles_per_s"] = round(n / seconds, 1)
    figures["ingest_over_extract"] = round(figures["jobs1_s"] / extract_s, 2)
    figures["ingest_over_extract_cpu"] = round(figures["jobs1_cpu_s"] / CPU["extract"], 2)
    figures["jobs2_speedup"] = round(figures["jobs1_s"] / figures["jobs2_s"], 2)
    runs = []  # (wall s, CPU s, clustering s), each into a fresh database
    for _ in range(WRITER_RUNS):
        url, cleanup = url_for()
        try:
            writer_s, cluster_s, quotations = writer_only(url, extracted)
        finally:
            cleanup()
        runs.append((writer_s, CPU["last"], cluster_s))
    best = min(runs)
    writer_s, cpu_s, cluster_s = best
    figures["writer_cpu_ms_per_article"] = round(1000 * cpu_s / n, 2)
    figures["writer_ms_per_article"] = round(1000 * writer_s / n, 2)
    figures["writer_ms_per_article_runs"] = [round(1000 * r[0] / n, 2) for r in runs]
    figures["writer_allows_articles_per_s"] = round(n / writer_s)
    figures["clustering_us_per_quotation"] = round(1e6 * cluster_s / quotations, 1)
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps(figures), flush=True)


def growth(tmp: Path, total: int) -> None:
    """Time per article over each tenth of `total` articles into one SQLite database."""
    url = f"sqlite:///{tmp / 'growth.db'}"
    engine = open_database(url, writer=True)
    step = total // 10
    per_article = []
    for tenth in range(10):
        part = tmp / f"growth-{tenth}.jsonl"
        write_corpus(part, step, first=tenth * step)
        seconds, summary = timed(lambda: ingest(engine, [part], jobs=1))  # noqa: B023
        assert summary.added == step, summary.problems[:3]
        per_article.append(1000 * CPU["last"] / step)
        part.unlink()
        wall_ms = round(1000 * seconds / step, 2)
        so_far = {"articles": (tenth + 1) * step, "cpu_ms": round(per_article[-1], 2)}
        print(json.dumps({**so_far, "wall_ms": wall_ms}), flush=True)
    engine.dispose()
    print(json.dumps({
        "growth_articles": total,
        "first_tenth_cpu_ms_per_article": round(per_article[0], 2),
        "last_tenth_cpu_ms_per_article": round(per_article[-1], 2),
        "last_over_first": round(per_article[-1] / per_article[0], 3),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }), flush=True)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=1000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--growth", type=int, default=0, help="only the growth run, N articles")
    parser.add_argument(
        "--writers-articles", type=int, default=4000, help="articles for the four-writer run"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if args.growth:
            growth(tmp, args.growth)
            return
        corpus = tmp / "corpus.jsonl"
        write_corpus(corpus, args.articles)
        extract_runs = []
        for _ in range(INGEST_RUNS):
            extract_s, extracted = timed(lambda: extract_all(corpus))
            extract_runs.append((extract_s, CPU["last"]))
        extract_s, CPU["extract"] = min(extract_runs)
        # What the writer receives in an ingest: each quotation's text forms come with it from
        # the extracting worker (quotes.parallel), computed beside extraction, not by the writer.
        extracted = [with_forms(e) for e in extracted]
        print(json.dumps({"extract_s": round(extract_s, 2),
                          "extract_cpu_s": round(CPU["extract"], 2),
                          "extract_runs_s": [round(r[0], 2) for r in extract_runs]}))  # fmt: skip
        count = [0]

        def sqlite_url() -> tuple[str, Callable[[], None]]:
            count[0] += 1
            return f"sqlite:///{tmp / f'bench{count[0]}.db'}", lambda: None

        def pg_url() -> tuple[str, Callable[[], None]]:
            url, name = pg_database()
            return url, lambda: drop_pg_database(name)

        if args.backend in ("sqlite", "both"):
            backend_figures("sqlite", sqlite_url, corpus, extracted, extract_s)
        if args.backend in ("postgresql", "both"):
            backend_figures("postgresql", pg_url, corpus, extracted, extract_s)
            writers_corpus = tmp / "writers.jsonl"
            write_corpus(writers_corpus, args.writers_articles)
            parts = [tmp / f"part{k}.jsonl" for k in range(4)]
            lines = writers_corpus.read_text("utf-8").splitlines(keepends=True)
            for k, part in enumerate(parts):
                part.write_text("".join(lines[k::4]), "utf-8")
            figures = concurrent_writers(writers_corpus, parts)
            print(json.dumps({"postgresql_four_writers": figures}))


if __name__ == "__main__":
    main()
