"""Quotations, publishers and dates from news pages against the same articles as text.

    python benchmarks/pages/make_pages.py   # (re)write the 20 pages and their texts
    python benchmarks/bench_pages.py

For each of the 20 pages of benchmarks/pages/html (ten publishing systems' layouts, two articles
each) and its text in benchmarks/pages/txt: the quotations `quotes extract` finds in the page and
in the text, how many of the text's quotations (same words, same speaker) the page gives too,
whether the stored body equals the text, and whether the publisher and date read from the page
are those of benchmarks/pages/articles.json.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from quotes.extract.names import fold
from quotes.ingest import extract_files
from quotes.read.problems import ReadProblem

PAGES = Path(__file__).resolve().parent / "pages"


def main() -> None:
    truth = json.loads((PAGES / "articles.json").read_text(encoding="utf-8"))
    totals = {"text": 0, "page": 0, "same": 0, "body": 0, "outlet": 0, "date": 0}
    print(f"{'page':40} {'text':>4} {'page':>4} {'same':>4}  body  publisher / date (source)")
    for number, expected in enumerate(truth, start=1):
        name = f"{number:02d}_{expected['layout']}_{expected['slug']}"
        [from_text] = extract_files([PAGES / "txt" / f"{name}.txt"])
        [from_page] = extract_files([PAGES / "html" / f"{name}.html"])
        if isinstance(from_page, ReadProblem) or isinstance(from_text, ReadProblem):
            print(f"{name:40} problem: {from_page}")
            continue
        found = {(q.text, q.speaker) for q in from_page.quotations}
        same = sum((q.text, q.speaker) in found for q in from_text.quotations)
        meta = from_page.article.meta
        outlet_ok = meta.outlet is not None and fold(meta.outlet) == fold(expected["outlet"])
        date_ok = meta.published == date.fromisoformat(expected["published"])
        body_ok = from_page.article.text == from_text.article.text
        counts = (len(from_text.quotations), len(from_page.quotations), same)
        for key, value in zip(("text", "page", "same"), counts, strict=True):
            totals[key] += value
        totals["body"] += body_ok
        totals["outlet"] += outlet_ok
        totals["date"] += date_ok
        print(
            f"{name:40} {counts[0]:4} {counts[1]:4} {counts[2]:4}  {'yes' if body_ok else 'no ':4}"
            f"  {'ok' if outlet_ok else 'MISS'} {meta.outlet!r} / {'ok' if date_ok else 'MISS'}"
            f" {meta.published} ({meta.published_source})"
        )
    pages = len(truth)
    print(
        f"\nquotations: {totals['text']} from the texts, {totals['page']} from the pages, "
        f"{totals['same']} of the texts' found in the pages too (same words, same speaker)\n"
        f"bodies identical to the text: {totals['body']}/{pages}; "
        f"publishers right: {totals['outlet']}/{pages}; dates right: {totals['date']}/{pages}"
    )


if __name__ == "__main__":
    main()
