"""Ingest throughput from a web archive against the same articles as JSON Lines.

    python benchmarks/bench_warc.py            # 1,000 pages, SQLite
    python benchmarks/bench_warc.py -n 200

Writes N distinct pages (the 20 articles of benchmarks/pages/articles.json in their ten layouts,
each copy with a numbered paragraph of its own) into one .warc.gz, and the same articles (the
text each page gives, with its publisher and date) as JSON Lines; then times, for each: reading
alone (`read_articles`), and a whole `ingest` into a new SQLite database. Pages per second and
the peak resident memory of the process are printed.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from quotes.ingest import ingest
from quotes.read.files import read_articles
from quotes.read.problems import ReadProblem
from quotes.store.schema import open_database

sys.path.insert(0, str(Path(__file__).resolve().parent / "pages"))
from make_pages import LAYOUTS

PAGES = Path(__file__).resolve().parent / "pages"


def pages(count: int) -> list[tuple[str, dict[str, object], bytes]]:
    """`count` distinct (url, article, page) triples."""
    articles = json.loads((PAGES / "articles.json").read_text(encoding="utf-8"))
    made = []
    for n in range(count):
        article = dict(articles[n % len(articles)])
        extra = f"This is report number {n} in the series, filed for the archive benchmark."
        article["paragraphs"] = [*article["paragraphs"], extra]  # type: ignore[list-item]
        page = LAYOUTS[str(article["layout"])](article).encode()
        made.append((f"https://pages.example/{n}/{article['slug']}", article, page))
    return made


def write_warc(path: Path, made: list[tuple[str, dict[str, object], bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, _, page in made:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(page), http_headers=headers
            )
            writer.write_record(record)


def write_jsonl(path: Path, warc: Path) -> int:
    """The articles as the archive gives them, one JSON line each (text, outlet, date)."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for item in read_articles([warc]):
            if isinstance(item, ReadProblem):
                continue
            meta = item.meta
            line = {"text": item.text, "outlet": meta.outlet, "title": meta.title}
            line["published"] = meta.published.isoformat() if meta.published else None
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    return count


def timed_read(path: Path) -> tuple[int, float]:
    started = time.perf_counter()
    count = sum(1 for item in read_articles([path]) if not isinstance(item, ReadProblem))
    return count, time.perf_counter() - started


def timed_ingest(path: Path, folder: Path) -> tuple[int, int, float]:
    engine = open_database(f"sqlite:///{folder / (path.name + '.db')}", writer=True)
    summary = ingest(engine, [path])
    engine.dispose()
    return summary.added, summary.quotations, summary.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000, help="pages in the archive")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc, jsonl = folder / "pages.warc.gz", folder / "pages.jsonl"
        write_warc(warc, pages(args.n))
        lines = write_jsonl(jsonl, warc)
        print(f"{args.n} pages: {warc.stat().st_size / 1e6:.1f} MB WARC, {lines} JSON lines")
        for label, path in (("WARC", warc), ("JSON Lines", jsonl)):
            count, seconds = timed_read(path)
            added, quotations, ingest_seconds = timed_ingest(path, folder)
            print(
                f"{label:10}  read: {count} articles in {seconds:.1f} s ({count / seconds:.0f}/s)"
                f"   ingest: {added} articles, {quotations} quotations in {ingest_seconds:.1f} s"
                f" ({added / ingest_seconds:.1f}/s)"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
