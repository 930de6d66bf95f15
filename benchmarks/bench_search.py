"""Search latency and export memory with 1,000,000 stored quotations, on SQLite and PostgreSQL.

    python benchmarks/bench_search.py                       # 1,000,000 quotations, both backends
    python benchmarks/bench_search.py -n 100000 --backend sqlite --keep

The library is `benchmarks/generate_corpus.py`'s (its articles and the truth of their
quotations: speaker, outlet, relay, date, remark), bulk-loaded rather than ingested (extraction
of a million quotations would measure ingest, not search): rows are written straight into a
database migrated to head, so the full-text index is filled by the triggers the migration
created, exactly as ingest fills it.

Measured, after a warm-up:
- `quotes search SPEAKER` and `quotes search WORD`: p50/p95/max of the command in process
  (`CliRunner`, so argument parsing, opening the database, the schema check, the queries and
  rendering the table all count), 100 terms of each kind; speaker terms mix surnames and full
  names of speakers drawn by how often they are quoted (busy speakers dominate), text terms
  are words of four letters or more drawn by corpus frequency (common words dominate).
- `quotes export --format jsonl` of everything, in a child process: peak RSS, compared with
  the peak RSS of exporting 1,000 rows (constant memory: the two should be close).
"""

from __future__ import annotations

import argparse
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
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from quotes import query
from quotes.cli import app
from quotes.extract.names import name_key, surname_key
from quotes.store.schema import open_database

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
PG_ADMIN_URL = os.environ.get(
    "QUOTES_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
FUNCTION_WORDS = {"that", "with", "this", "will", "from", "have", "were", "would"}


# ---------------------------------------------------------------------------------------------
# The library, from the corpus generator


def _generator() -> Any:
    """benchmarks/generate_corpus.py as a module (benchmarks/ is not a package)."""
    path = Path(__file__).with_name("generate_corpus.py")
    spec = importlib.util.spec_from_file_location("generate_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate_corpus"] = module
    spec.loader.exec_module(module)
    return module


class Library:
    """Rows for the generator's articles and quotations, with ids assigned here, and a sample
    of the quotations' words and speakers for search terms."""

    def __init__(self, n: int, seed: int = 7) -> None:
        self.n = n
        self.seed = seed
        self.outlets: dict[str, int] = {}
        self.speakers: dict[str, int] = {}
        self.speaker_quotes: collections.Counter[str] = collections.Counter()
        self.words: collections.Counter[str] = collections.Counter()
        self.rng = random.Random(seed)

    def _outlet(self, name: str, new: list[tuple[Any, ...]], agencies: set[str]) -> int:
        if name not in self.outlets:
            self.outlets[name] = len(self.outlets) + 1
            kind = "news agency" if name in agencies else "newspaper"
            new.append((self.outlets[name], name, name_key(name), kind))
        return self.outlets[name]

    def _speaker(self, name: str, organisation: bool, new: list[tuple[Any, ...]]) -> int:
        if name not in self.speakers:
            self.speakers[name] = len(self.speakers) + 1
            kind = "organisation" if organisation else "person"
            new.append((self.speakers[name], name, name_key(name), surname_key(name), kind))
        return self.speakers[name]

    def batches(self, articles_per_batch: int = 2000) -> Iterator[dict[str, list[Any]]]:
        """Batches of new outlets, speakers, articles, remarks and quotes, in that FK order."""
        gen = _generator()
        agencies = set(gen.AGENCIES)
        now = datetime(2025, 1, 1, tzinfo=UTC)
        remarks_seen: set[int] = set()
        article_id = quote_id = 0
        stream = gen.generate(self.n, self.seed)
        while chunk := list(itertools.islice(stream, articles_per_batch)):
            batch: dict[str, list[Any]] = collections.defaultdict(list)
            for article, truth in chunk:
                article_id += 1
                publisher = self._outlet(article["outlet"], batch["outlets"], agencies)
                published = date.fromisoformat(article["published"])
                batch["articles"].append((
                    article_id, publisher, article["title"], article["url"], published,
                    article["text"], f"{article_id:064x}", f"corpus/{article_id}", now,
                ))  # fmt: skip
                for q in truth:
                    quote_id += 1
                    speaker, name = None, q["speaker"]
                    if name:
                        speaker = self._speaker(name, q["speaker_is_org"], batch["speakers"])
                        self.speaker_quotes[name] += 1
                    via = self._outlet(q["via"], batch["outlets"], agencies) if q["via"] else None
                    said_on = date.fromisoformat(q["said_on"])
                    if q["remark"] not in remarks_seen:
                        remarks_seen.add(q["remark"])
                        batch["remarks"].append(
                            (q["remark"], speaker, q["text"], said_on, said_on, 0, 0, quote_id,
                             False)
                        )  # fmt: skip
                    batch["quotes"].append((
                        quote_id, article_id, speaker, q["speaker"], "said", via, q["via"],
                        "direct", q["text"], q["start"], q["end"], 0, said_on, said_on, 0.9,
                        "bench", q["remark"],
                    ))  # fmt: skip
                    if self.rng.random() < 0.01:
                        self.words.update(re.findall(r"[a-z]{4,}", q["text"].lower()))
            yield batch


def load(engine: Engine, library: Library) -> float:
    """Bulk-load the library into a database at head; return the seconds it took."""
    started = time.perf_counter()
    sqlite = engine.dialect.name == "sqlite"
    columns = {
        "outlets": "id, name, name_key, kind",
        "speakers": "id, name, name_key, surname_key, kind",
        "articles": "id, publisher_id, title, url, published, body, sha256, source_path, "
        "ingested_at",
        "remarks": "id, speaker_id, canonical_text, first_said_on, last_said_on, quote_count, "
        "outlet_count, root_quote_id, fragments_only",
        "quotes": "id, article_id, speaker_id, speaker_text, cue, via_outlet_id, via_text, kind, "
        "text, start_char, end_char, paragraph, said_on, dated_on, confidence, rule, remark_id",
    }
    with engine.begin() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        cursor = raw.cursor()
        for batch in library.batches():
            for table, names in columns.items():
                rows = batch.get(table)
                if not rows:
                    continue
                if sqlite:
                    marks = ", ".join("?" * len(rows[0]))
                    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
                else:
                    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
        if not sqlite:
            for table in columns:
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


def time_library(url: str, terms: Sequence[str]) -> dict[str, float]:
    """The same searches as library calls on one open engine (no CLI, no schema check)."""
    engine = open_database(url)
    for term in terms[:5]:
        with Session(engine) as session:
            query.search(session, term)
    ms = []
    for term in terms:
        started = time.perf_counter()
        with Session(engine) as session:
            query.search(session, term)
        ms.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    return {"p50": statistics.median(ms), "p95": percentile(ms, 95), "max": max(ms)}


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
    """Speaker terms (full names and surnames, drawn by how often each is quoted) and text
    terms (words of 4+ letters, drawn by their frequency in a 1% sample of quotations)."""
    rng = random.Random(11)
    people = [n for n in library.speaker_quotes if len(n.split()) == 2]
    weights = [library.speaker_quotes[n] for n in people]
    speakers = [
        name if rng.random() < 0.5 else name.split()[-1]
        for name in rng.choices(people, weights, k=count)
    ]
    vocabulary = [w for w in library.words if w not in FUNCTION_WORDS]
    words = rng.choices(vocabulary, [library.words[w] for w in vocabulary], k=count)
    return speakers, words


# ---------------------------------------------------------------------------------------------


def pg_database() -> tuple[str, Engine]:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"quotes_bench_search_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    return url, admin


def run_backend(
    backend: str, n: int, keep: bool, sqlite_path: Path, reuse: str | None = None
) -> dict[str, Any]:
    """Load a new database (or `reuse` one loaded before with the same -n) and measure."""
    admin = None
    if reuse:
        url = reuse
    elif backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        url = f"sqlite:///{sqlite_path}"
    else:
        url, admin = pg_database()
    try:
        library = Library(n)
        load_seconds = 0.0
        if reuse:  # generate again (same seed), only for the search terms
            for _ in library.batches():
                pass
        else:
            engine = open_database(url, writer=True)
            load_seconds = load(engine, library)
            engine.dispose()
        speaker_terms, text_terms = terms(library)
        result: dict[str, Any] = {"backend": backend, "quotations": n, "load_s": load_seconds}
        result["speaker"] = time_search(url, speaker_terms)
        result["text"] = time_search(url, text_terms)
        result["speaker_library"] = time_library(url, speaker_terms)
        result["text_library"] = time_library(url, text_terms)
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
    parser.add_argument("--reuse", metavar="URL", help="measure a database loaded before")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        r = run_backend(backend, args.n, args.keep, args.sqlite_path, args.reuse)
        print(f"{backend}: {r['quotations']:,} quotations (loaded in {r['load_s']:.0f} s)")
        for kind in ("speaker", "text"):
            s = r[kind]
            print(
                f"  quotes search <{kind}>: p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms, "
                f"max {s['max']:.1f} ms ({s['mean_hits']:.1f} hits shown on average)"
            )
        for kind in ("speaker", "text"):
            s = r[f"{kind}_library"]
            print(
                f"  query.search <{kind}> (library, open engine): p50 {s['p50']:.1f} ms, "
                f"p95 {s['p95']:.1f} ms, max {s['max']:.1f} ms"
            )
        for label in ("export_all", "export_1000"):
            rss, rows, seconds = r[label]
            print(f"  quotes export ({rows:,} rows): peak RSS {rss:.0f} MiB, {seconds:.1f} s")
        sys.stdout.flush()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(this process: peak RSS {peak} MiB)")


if __name__ == "__main__":
    main()
