"""Measure remark linking on the gold files (read by path, never copied): ingest the seed
articles into a temporary SQLite database and score the remarks against
`same_remark_seeds.jsonl` (pairwise precision and recall) and `recurring_phrases_seeds.jsonl`
(occurrences of a talking point on different occasions that ended up in one remark).

    python benchmarks/bench_remarks_gold.py [--gold ../shared/gold] [--seeds seeds]
                                            [--undated 001 003]

`--undated` drops the metadata date of the seed files whose names start with those prefixes, to
measure how undated coverage links (dates found in the text, inferred from the remark joined).
A gold member is the stored quotation of its article whose span covers the gold start.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select

from quotes.ingest import ingest
from quotes.store.engine import session_factory
from quotes.store.models import Article, Quote
from quotes.store.schema import open_database

ROOT = Path(__file__).resolve().parent.parent


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _copy_seeds(seeds: Path, work: Path, undated: Iterable[str]) -> Path:
    target = work / "seeds"
    shutil.copytree(seeds, target)
    prefixes = tuple(undated)
    if prefixes:
        meta_path = target / "metadata.json"
        entries = json.loads(meta_path.read_text(encoding="utf-8"))
        for entry in entries:
            if entry["file"].startswith(prefixes):
                entry.pop("published", None)
        meta_path.write_text(json.dumps(entries), encoding="utf-8")
    return target


def _remark_of(rows: list[tuple[str, int, int, int | None]], file: str, start: int) -> int | None:
    """The remark of the quotation of `file` covering `start` (-quote id when in none)."""
    for path, quote_start, quote_end, remark in rows:
        if Path(path).name == file and quote_start <= start < max(quote_end, quote_start + 1):
            return remark
    return None


def measure(gold: Path, seeds: Path, undated: Iterable[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        engine = open_database(f"sqlite:///{work / 'gold.db'}", writer=True)
        ingest(engine, [_copy_seeds(seeds, work, undated)])
        with session_factory(engine)() as session:
            query = select(Article.source_path, Quote.start_char, Quote.end_char, Quote.remark_id)
            rows = [tuple(r) for r in session.execute(query.join(Article))]
        engine.dispose()
    groups = _lines(gold / "same_remark_seeds.jsonl")
    found: dict[tuple[int, int], int | None] = {}
    missing = []
    for group in groups:
        for member in group["members"]:
            remark = _remark_of(rows, member["file"], member["start"])  # type: ignore[arg-type]
            if remark is None:
                missing.append((group["group"], member["file"], member["start"]))
            found[(group["group"], len(found))] = remark
    members = [(g, r) for (g, _), r in found.items() if r is not None]
    split = sorted({g for g, _ in members if len({r for h, r in members if h == g}) > 1})
    true_pairs = sum(1 for a, b in combinations(members, 2) if a[0] == b[0])
    linked = [(a, b) for a, b in combinations(members, 2) if a[1] == b[1]]
    right = sum(1 for a, b in linked if a[0] == b[0])
    all_true = sum(len(g["members"]) * (len(g["members"]) - 1) // 2 for g in groups)
    same_group = {(m["file"], m["start"]): g["group"] for g in groups for m in g["members"]}
    merged = []
    for phrase in _lines(gold / "recurring_phrases_seeds.jsonl"):
        uses = [
            (o["occasion"], same_group.get((o["file"], o["start"]), -i), o["file"], o["start"])
            for i, o in enumerate(phrase["occurrences"], 1)
        ]
        for (occ_a, group_a, *at_a), (occ_b, group_b, *at_b) in combinations(uses, 2):
            remark_a, remark_b = _remark_of(rows, *at_a), _remark_of(rows, *at_b)
            if occ_a != occ_b and group_a != group_b and remark_a == remark_b is not None:
                merged.append(f"{phrase['phrase']}: {at_a} ~ {at_b}")
    return {
        "undated": list(undated),
        "pairs_true": all_true,
        "pairs_found": len(linked),
        "pairs_right": right,
        "precision": round(right / len(linked), 4) if linked else None,
        "recall": round(right / all_true, 4) if all_true else None,
        "recall_of_extracted": round(right / true_pairs, 4) if true_pairs else None,
        "members_not_extracted": missing,
        "groups_split": split,
        "recurring_merged_across_occasions": merged,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=ROOT.parent.parent / "shared" / "gold")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--undated", nargs="*", default=[])
    args = parser.parse_args()
    gold = args.gold if args.gold.exists() else Path("/work/shared/gold")
    json.dump(measure(gold, args.seeds, args.undated), sys.stdout)
    print()


if __name__ == "__main__":
    main()
