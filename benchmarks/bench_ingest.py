"""Ingest throughput: N distinct articles made from the seeds, into SQLite and PostgreSQL.

    python benchmarks/bench_ingest.py                 # 5,000 articles, both backends
    python benchmarks/bench_ingest.py -n 1000 --backend sqlite

Each article is a seed with its own dateline and its own numbered sentence, so no two are
duplicates; metadata (outlet, date) comes from the seeds' metadata.json. PostgreSQL runs on a
database created for the run and dropped afterwards (QUOTES_TEST_PG_URL names the server).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from quotes.ingest import ingest
from quotes.store.schema import open_database

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PG_ADMIN_URL = os.environ.get(
    "QUOTES_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def write_corpus(path: Path, count: int) -> None:
    """`count` distinct articles as JSON lines, cycling through the seeds."""
    meta = {m["file"]: m for m in json.loads((SEEDS / "metadata.json").read_text("utf-8"))}
    seeds = [(p.read_text("utf-8"), meta.get(p.name, {})) for p in sorted(SEEDS.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            body, info = seeds[n % len(seeds)]
            line = {
                "text": f"BULLETIN {n}. Item number {n} of the wire.\n\n{body}",
                "outlet": info.get("outlet"),
                "published": info.get("published"),
                "title": f"{info.get('title')} ({n})",
            }
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def run(url: str, corpus: Path) -> tuple[float, int, int]:
    engine = open_database(url, writer=True)
    started = time.perf_counter()
    summary = ingest(engine, [corpus])
    seconds = time.perf_counter() - started
    engine.dispose()
    assert summary.failed == 0, summary.problems[:3]
    return seconds, summary.added, summary.quotations


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=5000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp, "corpus.jsonl")
        write_corpus(corpus, args.articles)
        if args.backend in ("sqlite", "both"):
            seconds, added, quotes = run(f"sqlite:///{Path(tmp, 'bench.db')}", corpus)
            report("sqlite", seconds, added, quotes)
        if args.backend in ("postgresql", "both"):
            url, name = pg_database()
            try:
                seconds, added, quotes = run(url, corpus)
                report("postgresql", seconds, added, quotes)
            finally:
                drop_pg_database(name)


def report(backend: str, seconds: float, added: int, quotes: int) -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{backend:10} {added} articles, {quotes} quotations in {seconds:.1f} s "
        f"({added / seconds:.0f} articles/s); peak RSS so far {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
