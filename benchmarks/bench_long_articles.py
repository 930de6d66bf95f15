"""Extraction stays linear in the length of an article, whatever its shape.

    python benchmarks/bench_long_articles.py [--megabytes 5] [--repeats 20000]

Builds an article of `--megabytes` MB from distinct generated articles (generate_corpus.py,
seed 7), and times `extract_quotations` (CPU time of this process) on it twice: split into
paragraphs as written, and as one line (every newline a space). Then times one sentence of
`'said ' * --repeats` (one long sentence full of cues) and `--repeats // 4` of them, to show the
growth. Fails (exit 1) when the one-line article takes more than 10x the paragraphs' time, or
the sentence's time grows more than 12x for 4x the length (linear gives 4x, quadratic 16x: each
cue still copies the list of the sentence's tokens before it, at C speed, which shows as about
9x at 20,000 repeats; re-tokenising per cue, as before, was 16x and 240 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate

from quotes.extract.pipeline import extract_quotations

MAX_ONE_LINE_RATIO = 10.0
MAX_GROWTH_FOR_4X = 12.0


def article(megabytes: float) -> str:
    """Distinct generated articles joined by blank lines, cut at `megabytes` MB."""
    size = int(megabytes * 1_000_000)
    texts: list[str] = []
    total = 0
    for record, _truth in generate(quotations=10_000_000, seed=7):
        texts.append(record["text"])
        total += len(record["text"]) + 2
        if total >= size:
            break
    return "\n\n".join(texts)[:size]


def cpu_seconds(text: str) -> tuple[float, int]:
    started = time.process_time()
    found = extract_quotations(text)
    return time.process_time() - started, len(found)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--repeats", type=int, default=20_000)
    args = parser.parse_args()
    extract_quotations("Warm-up: “words are loaded,” he said.")
    text = article(args.megabytes)
    paragraphs, found_p = cpu_seconds(text)
    one_line, found_l = cpu_seconds(text.replace("\n", " "))
    ratio = one_line / paragraphs
    print(f"{len(text):,} characters in paragraphs: {paragraphs:.2f} s ({found_p} quotations)")
    print(f"the same as one line:            {one_line:.2f} s ({found_l} quotations)")
    print(f"one line / paragraphs: {ratio:.2f} (limit {MAX_ONE_LINE_RATIO:g})")
    small, _ = cpu_seconds("said " * (args.repeats // 4))
    large, _ = cpu_seconds("said " * args.repeats)
    growth = large / max(small, 1e-6)
    print(f"'said ' * {args.repeats // 4:,}: {small:.2f} s; * {args.repeats:,}: {large:.2f} s; "
          f"growth {growth:.1f}x for 4x the text (limit {MAX_GROWTH_FOR_4X:g})")  # fmt: skip
    return 0 if ratio <= MAX_ONE_LINE_RATIO and growth <= MAX_GROWTH_FOR_4X else 1


if __name__ == "__main__":
    sys.exit(main())
