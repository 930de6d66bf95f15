"""Extraction throughput on one core, for articles of the seeds' size.

    python benchmarks/bench_extraction.py [--seconds 5]

Reads the seed articles (seeds/ in the project, or ../shared/seeds), varies each a little so no
cache can help, runs `extract_quotations` over them repeatedly for about the given time, and prints
articles per second. Target: at least 1,000 articles/s.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

from quotes.extraction import extract_quotations

HERE = Path(__file__).resolve().parent
SEED_DIRS = (HERE.parent / "seeds", HERE.parent.parent / "shared" / "seeds")


def seed_texts() -> list[str]:
    for directory in SEED_DIRS:
        texts = [p.read_text(encoding="utf-8") for p in sorted(directory.glob("*.txt"))]
        if texts:
            return texts
    raise SystemExit("no seed articles found in seeds/ or ../shared/seeds/")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    base = seed_texts()
    articles = [f"{text}\n\nEdition {n}." for n in range(40) for text in base]
    published = date(2022, 9, 19)
    for text in base:  # warm up: load lexicons and compile patterns
        extract_quotations(text, published)
    done = 0
    quotations = 0
    chars = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for text in articles:
            quotations += len(extract_quotations(text, published))
            chars += len(text)
            done += 1
    elapsed = time.perf_counter() - start
    print(
        f"{done} articles ({chars / done:.0f} characters on average), {quotations} quotations "
        f"in {elapsed:.2f} s: {done / elapsed:.0f} articles/s on one core"
    )


if __name__ == "__main__":
    main()
