"""Extraction throughput on one core, for articles of the seeds' size.

    python benchmarks/bench_extraction.py [--seconds 5] [--rounds 5]

Reads the seed articles (seeds/ in the project, or ../shared/seeds), varies each a little (an
edition line at the end, so no whole-article cache could help), warms up (word lists loaded,
patterns compiled), then runs `extract_quotations` over them in several timed rounds of about
`--seconds / --rounds` each. One process, one thread: one core. Each round's figure is articles
per second of this process's CPU time (time.process_time), so other processes sharing the
machine slow it down less than wall-clock time would; the wall-clock figure is printed too.
The median round is the result. Target: at least 1,000 articles/s.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from quotes.extract.pipeline import extract_quotations

HERE = Path(__file__).resolve().parent
SEED_DIRS = (HERE.parent / "seeds", HERE.parent.parent / "shared" / "seeds")
TARGET = 1000


def seed_texts() -> list[str]:
    for directory in SEED_DIRS:
        texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
        if texts:
            return texts
    raise SystemExit("no seed articles found in seeds/ or ../shared/seeds/")


def one_round(articles: list[str], published: date, seconds: float) -> tuple[int, float, float]:
    """Articles done, CPU seconds and wall seconds for about `seconds` of extraction."""
    done = 0
    cpu_start, wall_start = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall_start < seconds:
        for text in articles:
            extract_quotations(text, published)
            done += 1
    return done, time.process_time() - cpu_start, time.perf_counter() - wall_start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    base = seed_texts()
    articles = [f"{text}\n\nEdition {n}." for n in range(40) for text in base]
    published = date(2022, 9, 19)
    for text in articles[: len(base) * 2]:  # warm up: load word lists, compile patterns
        extract_quotations(text, published)
    quotations = sum(len(extract_quotations(text, published)) for text in base)
    chars = sum(len(text) for text in articles) / len(articles)
    each = args.seconds / args.rounds
    rounds = [one_round(articles, published, each) for _ in range(args.rounds)]
    cpu_rates = sorted(done / cpu for done, cpu, _ in rounds)
    wall_rates = sorted(done / wall for done, _, wall in rounds)
    median = statistics.median(cpu_rates)
    print(
        f"{len(base)} seed articles ({chars:.0f} characters on average, "
        f"{quotations / len(base):.1f} quotations each), {args.rounds} rounds"
    )
    print("rounds (articles/s of CPU time): " + ", ".join(f"{rate:.0f}" for rate in cpu_rates))
    print(f"wall-clock median: {statistics.median(wall_rates):.0f} articles/s")
    print(
        f"throughput: {median:.0f} articles/s on one core (median; "
        f"{1000 / median:.2f} ms per article; target {TARGET})"
    )


if __name__ == "__main__":
    main()
