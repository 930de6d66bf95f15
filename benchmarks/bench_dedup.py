"""Benchmark the pure dedup on generated corpora: pairwise precision and recall of "same remark"
against the generator's truth, time and peak memory, at several sizes.

    python benchmarks/bench_dedup.py [--sizes 10000 100000 1000000] [--work /tmp/dedup-bench]

Each size runs in a fresh process (so peak memory is its own): generate the corpus (if not
there yet), read its truth file as DedupItems in quotation order (ingest order) and add them to
one `Clusterer`, as `quotes dedupe --rebuild` does. The stream is in publication order and a
report is published at most MAX_DELAY_DAYS after its remark was said, so whenever the latest day
seen advances the clusterer forgets what no later quotation can meet (`Clusterer.forget_before`):
memory is bounded by the date window, not by the corpus (`--keep-all` keeps everything, to
compare). Scoring counts pairs through the contingency
table of predicted against true remarks, so it is linear too.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from array import array
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import MAX_DELAY_DAYS, write

from quotes.remarks.clustering import Clusterer
from quotes.remarks.items import WINDOW_DAYS, DedupItem


def item(number: int, record: dict[str, Any]) -> DedupItem:
    speaker = record["speaker_id"]
    key = None if speaker is None else f"{'o' if record['speaker_is_org'] else 'p'}{speaker}"
    outlets = (record["outlet"], record["via"]) if record["via"] else (record["outlet"],)
    key = key and sys.intern(key)
    outlets = OUTLETS.setdefault(outlets, outlets)  # one tuple per distinct pair, not per item
    return DedupItem(
        id=number,
        text=record["text"],
        said_on=date.fromisoformat(record["said_on"]),
        speaker_key=key,
        speaker_is_org=record["speaker_is_org"],
        outlets=outlets,
        article=record["article"],
        start=record["start"],
    )


OUTLETS: dict[tuple[str, ...], tuple[str, ...]] = {}


def pairs(counts: Counter[Any]) -> int:
    return sum(n * (n - 1) // 2 for n in counts.values())


def run_one(corpus: Path, keep_all: bool = False) -> dict[str, Any]:
    # Compact arrays: the benchmark's own record of a million quotations stays small beside
    # what it measures. `predicted` is each quotation's remark (root), -1 until known.
    truth_of, day_of, predicted = array("q"), array("q"), array("q")
    clusterer = Clusterer()
    latest = 0
    started = time.perf_counter()
    with open(corpus / "truth.jsonl", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            record = json.loads(line)
            truth_of.append(record["remark"])
            day = date.fromisoformat(record["said_on"]).toordinal()
            day_of.append(day)
            predicted.append(-1)
            if day > latest and not keep_all:
                latest = day
                for forgotten, root in clusterer.forget_before(day - MAX_DELAY_DAYS).items():
                    predicted[forgotten] = root
            clusterer.add(item(number, record))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    for i, root in enumerate(predicted):
        if root == -1:
            predicted[i] = clusterer.root(i)
    both = pairs(Counter(zip(predicted, truth_of, strict=True)))
    found, true = pairs(Counter(predicted)), pairs(Counter(truth_of))
    spans: dict[int, tuple[int, int]] = {}
    for root, day in zip(predicted, day_of, strict=True):
        low, high = spans.get(root, (day, day))
        spans[root] = (min(low, day), max(high, day))
    return {
        "quotations": len(truth_of),
        "precision": round(both / found, 4) if found else None,
        "recall": round(both / true, 4) if true else None,
        "remarks_true": len(set(truth_of)),
        "remarks_found": len(set(predicted)),
        "remarks_wider_than_window": sum(1 for lo, hi in spans.values() if hi - lo > WINDOW_DAYS),
        "seconds": round(seconds, 1),
        "peak_rss_mb": peak_mb,
        "remarks_held_at_end": len(clusterer.remarks),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/dedup-bench"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep-all", action="store_true", help="forget nothing (to compare)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.keep_all)))
        return
    results = []
    for size in args.sizes:
        corpus = args.work / f"corpus-{size}"
        if not (corpus / "truth.jsonl").exists():
            write(corpus, size, args.seed)
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(corpus), *["--keep-all"] * args.keep_all],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        results.append(json.loads(done.stdout))
        print(json.dumps(results[-1]), flush=True)
    if len(results) > 1:
        first, last = results[0], results[-1]
        growth = (last["seconds"] / first["seconds"]) / (last["quotations"] / first["quotations"])
        print(f"time grows {growth:.2f}x as fast as the data ({first['quotations']} → "
              f"{last['quotations']} quotations)")  # fmt: skip


if __name__ == "__main__":
    main()
