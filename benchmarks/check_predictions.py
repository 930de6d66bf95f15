"""Prove a refactor changed no prediction: the repr of every quotation, article by article.

    python benchmarks/check_predictions.py save BEFORE.txt [GOLD.jsonl ...]
    python benchmarks/check_predictions.py check BEFORE.txt [GOLD.jsonl ...]

Runs `extract_quotations` over the seed articles in `seeds/` and over every article of the
JSON Lines files given (e.g. ../shared/gold/polnear-train.jsonl and polnear-dev.jsonl, read in
place, never copied), and writes one line per article: its name and the repr of every quotation.
`check` compares with a saved run and prints the first articles that differ; exit status 1 if any.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from quotes.extract import extract_quotations

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def articles(gold_files: list[Path]) -> Iterator[tuple[str, str, date | None]]:
    metadata = {m["file"]: m for m in json.loads((SEEDS / "metadata.json").read_text())}
    for path in sorted(SEEDS.glob("*.txt")):
        published = metadata.get(path.name, {}).get("published")
        yield path.name, path.read_text(encoding="utf-8"), _date(published)
    for gold in gold_files:
        with gold.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield f"{gold.name}:{record['id']}", record["text"], _date(record.get("date"))


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def prediction_lines(gold_files: list[Path]) -> Iterator[str]:
    for name, text, published in articles(gold_files):
        yield json.dumps([name, [repr(q) for q in extract_quotations(text, published)]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=("save", "check"))
    parser.add_argument("saved", type=Path)
    parser.add_argument("gold", type=Path, nargs="*")
    args = parser.parse_args()
    lines = list(prediction_lines(args.gold))
    if args.action == "save":
        args.saved.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"saved {len(lines)} articles to {args.saved}")
        return
    before = args.saved.read_text(encoding="utf-8").splitlines()
    differing = [new for old, new in zip(before, lines, strict=False) if old != new]
    if len(before) != len(lines):
        print(f"{len(before)} articles saved, {len(lines)} now")
    for line in differing[:5]:
        print("differs:", json.loads(line)[0])
    print(f"{len(lines) - len(differing)} of {len(lines)} articles identical")
    sys.exit(1 if differing or len(before) != len(lines) else 0)


if __name__ == "__main__":
    main()
