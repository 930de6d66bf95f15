"""Page times of `quotes serve` with 1,000,000 stored quotations, on SQLite and PostgreSQL.

    python benchmarks/bench_web.py                          # 1,000,000 quotations, both backends
    python benchmarks/bench_web.py -n 100000 --backend sqlite
    python benchmarks/bench_web.py --backend postgresql --keep        # keep the database ...
    python benchmarks/bench_web.py --backend postgresql --reuse URL   # ... and measure it again

The database is loaded as `benchmarks/bench_search.py` loads it (the corpus generator's
articles and quotations, bulk-written into a database migrated to head). Then, after a warm-up,
each page is requested through the whole web stack in process (Starlette's test client: routing,
the read-only connection, the library calls, the Jinja template and the response), 100 times:

- search by speaker (`/search?q=SURNAME or FULL NAME`) and by words (`/search?q=WORD`), with the
  terms `bench_search.py` draws (busy speakers and common words dominate);
- compare (`/remarks/ID`) for remarks drawn at random, and the most widely carried remarks.

Printed: p50, p95 and max in milliseconds per page. Target: p95 <= 150 ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

from sqlalchemy import text
from sqlalchemy.engine import make_url
from starlette.testclient import TestClient

from quotes.store.schema import open_database
from quotes.web.app import create_app

TARGET_MS = 150.0


def _bench_search() -> ModuleType:
    """benchmarks/bench_search.py as a module (benchmarks/ is not a package)."""
    path = Path(__file__).with_name("bench_search.py")
    spec = importlib.util.spec_from_file_location("bench_search", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_search"] = module
    spec.loader.exec_module(module)
    return module


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_pages(client: TestClient, paths: Sequence[str]) -> dict[str, float]:
    for path in paths[:5]:  # warm-up: templates, caches, the database's pages
        client.get(path)
    ms = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        ms.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return {"p50": statistics.median(ms), "p95": percentile(ms, 95), "max": max(ms)}


def remark_ids(url: str, count: int, seed: int = 5) -> list[int]:
    """Remarks drawn at random (ids have gaps: the first stored at or after a random id)."""
    engine = open_database(url)
    rng = random.Random(seed)
    next_id = text("SELECT MIN(id) FROM remarks WHERE id >= :at")
    with engine.connect() as conn:
        last = int(conn.execute(text("SELECT MAX(id) FROM remarks")).scalar_one())
        ids = [int(conn.execute(next_id, {"at": rng.randint(1, last)}).scalar_one())
               for _ in range(count)]  # fmt: skip
    engine.dispose()
    return ids


REMARK_COUNTS = """
UPDATE remarks SET quote_count = counts.quotations, outlet_count = counts.outlets
FROM (SELECT q.remark_id AS remark_id, COUNT(*) AS quotations,
             COUNT(DISTINCT a.publisher_id) AS outlets
      FROM quotes q JOIN articles a ON a.id = q.article_id
      GROUP BY q.remark_id) AS counts
WHERE counts.remark_id = remarks.id
"""


def fill_remark_counts(url: str) -> float:
    """The bulk load leaves remarks' counts at 0: count their quotations and publishers, so
    that the list of the most widely carried remarks has something to sort. Seconds taken."""
    started = time.perf_counter()
    engine = open_database(url, writer=True)
    with engine.begin() as conn:
        conn.execute(text(REMARK_COUNTS))
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    engine.dispose()
    return time.perf_counter() - started


def measure(url: str, library: Any, bench: ModuleType) -> dict[str, dict[str, float]]:
    speaker_terms, text_terms = bench.terms(library)
    client = TestClient(create_app(url))
    pages = {
        "search <speaker>": [f"/search?q={quote(t)}" for t in speaker_terms],
        "search <words>": [f"/search?q={quote(t)}" for t in text_terms],
        "compare (/remarks/ID)": [f"/remarks/{i}" for i in remark_ids(url, len(text_terms))],
        "remarks, most carried": ["/remarks"] * 20,
    }
    return {name: time_pages(client, paths) for name, paths in pages.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="quotations to store")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--sqlite-path", type=Path, default=Path("/tmp/quotes_bench_web.db"))
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database")
    parser.add_argument("--reuse", metavar="URL", help="measure a database loaded before")
    parser.add_argument(
        "--count-remarks", action="store_true", help="with --reuse: fill the remarks' counts first"
    )
    args = parser.parse_args()
    bench = _bench_search()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    for backend in backends:
        library = bench.Library(args.n)
        admin = None
        if args.reuse:
            url = args.reuse
            if args.count_remarks:
                fill_remark_counts(url)
            for _ in library.batches():  # the same seed again, only for the search terms
                pass
        else:
            if backend == "sqlite":
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{args.sqlite_path}{suffix}").unlink(missing_ok=True)
                url = f"sqlite:///{args.sqlite_path}"
            else:
                url, admin = bench.pg_database()
            engine = open_database(url, writer=True)
            seconds = bench.load(engine, library)
            engine.dispose()
            seconds += fill_remark_counts(url)
            print(f"{backend}: loaded {args.n:,} quotations in {seconds:.0f} s ({url})")
        try:
            for page, s in measure(url, library, bench).items():
                verdict = "ok" if s["p95"] <= TARGET_MS else f"over {TARGET_MS:.0f} ms"
                print(
                    f"  {backend} {page}: p50 {s['p50']:.1f} ms, p95 {s['p95']:.1f} ms, "
                    f"max {s['max']:.1f} ms ({verdict})"
                )
                sys.stdout.flush()
        finally:
            if admin is not None and not args.keep:
                name = make_url(url).database
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                admin.dispose()


if __name__ == "__main__":
    main()
