"""Search latency and export memory with 1,000,000 stored quotations, on SQLite and PostgreSQL.

    python benchmarks/bench_search.py                       # 1,000,000 quotations, both backends
    python benchmarks/bench_search.py -n 100000 --backend sqlite --keep

The quotations are bulk-loaded (ingesting a million through extraction would take hours and
measure ingest, not search): speakers, outlets, articles, remarks and quotations are written
straight into a database migrated to head, so the full-text index is filled by the triggers
the migration created, exactly as ingest fills it. The quotation wording comes from
`benchmarks/generate_corpus.py` when it offers `quotation_texts()`, else from sentences built
with the seeds' own vocabulary, word frequencies following the seeds' (Zipf-like) ones.

Measured, after a warm-up:
- `quotes search SPEAKER` and `quotes search WORD`: p50/p95/max of the command in process
  (`CliRunner`, so argument parsing, opening the database, the schema check, the queries and
  rendering the table all count), 100 different terms of each kind; speaker terms mix surnames
  and full names of speakers chosen at random (the busiest speaker has ~2% of all quotations),
  text terms are words drawn by corpus frequency (so common words dominate, as in real use).
- `quotes export --format jsonl` of everything, in a child process: peak RSS, compared with
  the peak RSS of exporting 1,000 rows (constant memory: the two should be close).
"""

from __future__ import annotations

import argparse
import bisect
import collections
import importlib.util
import itertools
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from quotes.cli import app
from quotes.names import name_key, surname_key
from quotes.schema import open_database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_ADMIN_URL = os.environ.get(
    "QUOTES_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
FIRST = ("Nikolai Dmitry Sergei Maria Anna Olaf Emmanuel Xi Wang Li Joe Rishi Recep Narendra "
         "Luiz Ursula Antony Jens Volodymyr Kamala Keir Giorgia Pedro Fumio Yoon Cyril Javier "
         "Mark Pierre Jean Ahmed Fatima Ivan Olena Tomas Helga").split()  # fmt: skip
LAST = ("Patrushev Peskov Lavrov Zakharova Shoigu Scholz Macron Jinping Yi Qiang Biden Sunak "
        "Erdogan Modi Lula Leyen Blinken Stoltenberg Zelensky Harris Starmer Meloni Sanchez "
        "Kishida Suk-yeol Ramaphosa Milei Rutte Poilievre Borrell Aboul Kuleba Yermak Lipavsky "
        "Nowak Kovacs Dubois Moreau Rossi Silva Santos Ivanova Petrov Horvat Novak Jensen "
        "Berg Lindqvist Okafor Mensah Haddad Tanaka Kim Park Nguyen Sato").split()  # fmt: skip
AGENCIES = ("TASS", "RIA Novosti", "Interfax", "Reuters", "Associated Press", "AFP", "Xinhua",
            "Anadolu", "dpa", "EFE", "ANSA", "Kyodo", "Yonhap", "PTI", "Ukrinform")  # fmt: skip
BATCH = 20_000


# ---------------------------------------------------------------------------------------------
# The synthetic library


def _vocabulary() -> tuple[list[str], list[int]]:
    """The seeds' words and their cumulative frequencies, for drawing words like the corpus."""
    counts = collections.Counter(
        word.lower()
        for path in sorted(SEEDS.glob("*.txt"))
        for word in re.findall(r"[A-Za-z][A-Za-z'-]+", path.read_text("utf-8"))
    )
    words = [w for w, _ in counts.most_common()]
    return words, list(itertools.accumulate(counts[w] for w in words))


def _generator_texts() -> Callable[[random.Random], str] | None:
    """`quotation_texts` of benchmarks/generate_corpus.py, when it has one."""
    path = Path(__file__).with_name("generate_corpus.py")
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("generate_corpus", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    maker = getattr(module, "quotation_texts", None)
    return maker if callable(maker) else None


class Library:
    """Rows for a library of `n` quotations, about 3 per remark and 10 per article."""

    def __init__(self, n: int, seed: int = 7) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.words, self.cumulative = _vocabulary()
        self.external = _generator_texts()
        names = sorted({f"{f} {s}" for f in FIRST for s in LAST})
        self.rng.shuffle(names)
        self.speakers = names[: max(50, min(2000, n // 500))]
        self.publishers = [f"The {w.title()} {k}" for w in self.words[200:290]
                           for k in ("Times", "Post")][:120] + list(AGENCIES[3:7])  # fmt: skip
        self.agencies = list(AGENCIES)
        self.articles = max(10, n // 10)
        self.days = 3 * 365
        self.start = date(2022, 1, 1)

    def sentence(self) -> str:
        if self.external is not None:
            return str(self.external(self.rng))
        total = self.cumulative[-1]
        length = self.rng.randint(6, 28)
        words = [
            self.words[bisect.bisect_left(self.cumulative, self.rng.randint(1, total))]
            for _ in range(length)
        ]
        return " ".join(words).capitalize()

    def speaker_index(self) -> int:
        """Zipf-like: speaker k is chosen with weight 1 / (k + 1)."""
        count = len(self.speakers)
        return min(count - 1, int(count ** self.rng.random()) - 1)

    def outlet_rows(self) -> list[tuple[int, str, str, str]]:
        names = list(dict.fromkeys(self.agencies + self.publishers))
        return [
            (i + 1, name, name_key(name), "news agency" if name in self.agencies else "newspaper")
            for i, name in enumerate(names)
        ]

    def speaker_rows(self) -> list[tuple[int, str, str, str, str]]:
        return [
            (i + 1, name, name_key(name), surname_key(name), "person")
            for i, name in enumerate(self.speakers)
        ]

    def article_rows(self, outlet_ids: dict[str, int]) -> Iterator[tuple[Any, ...]]:
        now = datetime(2025, 1, 1, tzinfo=UTC)
        for i in range(self.articles):
            publisher = outlet_ids[self.publishers[i % len(self.publishers)]]
            day = self.start + timedelta(days=i * self.days // self.articles)
            yield (i + 1, publisher, f"Article {i + 1}", f"https://example.com/{i + 1}", day,
                   "", f"{i + 1:064x}", f"bench/{i + 1}", now)  # fmt: skip

    def article_day(self, article_id: int) -> date:
        return self.start + timedelta(days=(article_id - 1) * self.days // self.articles)

    def remark_and_quote_rows(
        self, agency_ids: Sequence[int]
    ) -> Iterator[tuple[tuple[Any, ...] | None, tuple[Any, ...]]]:
        """(remark row or None, quote row) pairs; a remark row precedes its first quote."""
        quote_id = remark_id = 0
        while quote_id < self.n:
            remark_id += 1
            speaker = self.speaker_index() + 1
            canonical = self.sentence()
            first_article = self.rng.randint(1, self.articles)
            said_on = self.article_day(first_article)
            copies = min(self.n - quote_id, self.rng.choice((1, 1, 2, 3, 4, 6)))
            remark = (remark_id, speaker, canonical, said_on, said_on, copies, copies)
            for k in range(copies):
                quote_id += 1
                article = min(self.articles, first_article + k * 7)
                wording = canonical if k % 2 == 0 else " ".join(canonical.split()[: -2 or None])
                via = self.rng.choice(agency_ids) if self.rng.random() < 0.4 else None
                yield (remark if k == 0 else None), (
                    quote_id, article, speaker, "said", via, "direct", wording, 0,
                    len(wording), 0, said_on, 0.9, "bench", remark_id,
                )  # fmt: skip


def _batches(rows: Iterator[Any], size: int = BATCH) -> Iterator[list[Any]]:
    while batch := list(itertools.islice(rows, size)):
        yield batch


def load(engine: Engine, library: Library) -> float:
    """Bulk-load the library into a database at head; return the seconds it took."""
    started = time.perf_counter()
    sqlite = engine.dialect.name == "sqlite"
    with engine.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()

        def insert(table: str, columns: str, rows: Sequence[tuple[Any, ...]]) -> None:
            if not rows:
                return
            width = len(rows[0])
            if sqlite:
                marks = ", ".join("?" * width)
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
            else:
                with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)

        outlets = library.outlet_rows()
        insert("outlets", "id, name, name_key, kind", outlets)
        outlet_ids = {name: i for i, name, _, _ in outlets}
        insert("speakers", "id, name, name_key, surname_key, kind", library.speaker_rows())
        for batch in _batches(library.article_rows(outlet_ids)):
            insert("articles", "id, publisher_id, title, url, published, body, sha256, "
                   "source_path, ingested_at", batch)  # fmt: skip
        agency_ids = [outlet_ids[a] for a in library.agencies]
        for batch in _batches(library.remark_and_quote_rows(agency_ids)):
            insert("remarks", "id, speaker_id, canonical_text, first_said_on, last_said_on, "
                   "quote_count, outlet_count", [r for r, _ in batch if r is not None])
            insert("quotes", "id, article_id, speaker_id, cue, via_outlet_id, kind, text, "
                   "start_char, end_char, paragraph, said_on, confidence, rule, remark_id",
                   [q for _, q in batch])  # fmt: skip
        if not sqlite:
            for table in ("outlets", "speakers", "articles", "remarks", "quotes"):
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT MAX(id) FROM {table}))"
                )
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return time.perf_counter() - started


# ---------------------------------------------------------------------------------------------
# Measurements


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_search(url: str, terms: Sequence[str]) -> dict[str, float]:
    runner = CliRunner()
    for term in terms[:5]:  # warm-up: imports, caches, the database's pages
        runner.invoke(app, ["--db", url, "search", term])
    seconds = []
    hits = 0
    for term in terms:
        started = time.perf_counter()
        result = runner.invoke(app, ["--db", url, "search", term, "--format", "table"])
        seconds.append(time.perf_counter() - started)
        assert result.exit_code == 0, (term, result.stderr)
        hits += max(0, result.stdout.count("\n") - 2)
    ms = [s * 1000 for s in seconds]
    return {"p50": statistics.median(ms), "p95": percentile(ms, 95), "max": max(ms),
            "mean_hits": hits / len(terms)}  # fmt: skip


def export_peak_rss(url: str, *extra: str) -> tuple[float, int, float]:
    """(peak RSS in MiB, rows, seconds) of `quotes export` in a child process."""
    code = (
        "import resource, sys\n"
        "from quotes.cli import main\n"
        "sys.argv = ['quotes'] + sys.argv[1:]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stdout.flush()\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    )
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "--db", url, "export", "--format", "jsonl", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert proc.stdout is not None and proc.stderr is not None
    rows = sum(1 for _ in proc.stdout)
    err = proc.stderr.read().decode()
    proc.wait()
    seconds = time.perf_counter() - started
    peak_kib = int(err.strip().splitlines()[-1])
    return peak_kib / 1024, rows, seconds


def terms(library: Library, count: int = 100) -> tuple[list[str], list[str]]:
    rng = random.Random(11)
    speakers = []
    for _ in range(count):
        name = library.speakers[library.speaker_index()]
        speakers.append(name if rng.random() < 0.5 else name.split()[-1])
    total = library.cumulative[-1]
    words: list[str] = []
    while len(words) < count:
        word = library.words[bisect.bisect_left(library.cumulative, rng.randint(1, total))]
        if len(word) > 3 and word.split()[-1] not in {s.lower() for s in LAST}:
            words.append(word)
    # surnames shared by several speakers are fine (they find all of them)
    return speakers, words


# ---------------------------------------------------------------------------------------------


def pg_database() -> tuple[str, Engine]:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"quotes_bench_search_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    return url, admin


def run_backend(backend: str, n: int, keep: bool, sqlite_path: Path) -> dict[str, Any]:
    admin = None
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{sqlite_path}"
    else:
        url, admin = pg_database()
    try:
        library = Library(n)
        engine = open_database(url, writer=True)
        load_seconds = load(engine, library)
        engine.dispose()
        speaker_terms, text_terms = terms(library)
        result: dict[str, Any] = {"backend": backend, "quotations": n, "load_s": load_seconds}
        result["speaker"] = time_search(url, speaker_terms)
        result["text"] = time_search(url, text_terms)
        result["export_all"] = export_peak_rss(url)
        result["export_1000"] = export_peak_rss(url, "--limit", "1000")
        return result
    finally:
        if admin is not None and not keep:
            name = make_url(url).database
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="quotations to store")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--sqlite-path", type=Path, default=Path("/tmp/quotes_bench_search.db"))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        r = run_backend(backend, args.n, args.keep, args.sqlite_path)
        print(f"{backend}: {r['quotations']:,} quotations loaded in {r['load_s']:.0f} s")
        for kind in ("speaker", "text"):
            s = r[kind]
            print(f"  quotes search <{kind}>: p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms, "
                  f"max {s['max']:.1f} ms ({s['mean_hits']:.1f} hits shown on average)")
        for label in ("export_all", "export_1000"):
            rss, rows, seconds = r[label]
            print(f"  quotes export ({rows:,} rows): peak RSS {rss:.0f} MiB, {seconds:.1f} s")
        sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(this process: peak RSS {peak} MiB)")


if __name__ == "__main__":
    main()
