"""Accuracy on Russian articles: attributed F1, relays, dates, and translation links.

    python benchmarks/bench_russian.py [--score ../shared/eval/score.py]

The articles are tests/fixtures/russian/articles.json: Russian articles written for the tests
in the house styles of TASS, RIA Novosti, Interfax and Kommersant, with gold quotations (by their
words), speakers, relays and dates, and English translations of some of them by other outlets,
whose gold names the Russian quotation each one translates. Articles of split "dev" were read
while the rules were written; "heldout" ones were written afterwards (their first run scored
quoted attributed F1 0.7273 and translation recall 0.5; two general rules came from their errors).
Scoring reuses the definitions of the shared evaluation (`score.py`: a span found when
predictions cover >= θ of it, the speaker right when names agree across scripts). Relay accuracy
here is over every found gold quotation, with and without a relay (both must agree); date
accuracy likewise over those whose gold gives a date.
Translation links are scored as pairs (Russian quotation, English quotation) found by
`quotes.remarks.translation.translation_links` against the gold pairs.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from quotes.extract import extract_quotations
from quotes.records import Quotation
from quotes.remarks.translation import TranslationItem, translation_links

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "russian" / "articles.json"


def load_score(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"Error: {path}: cannot load the scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_records(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's gold quotations with offsets (found by their words), in score.py's shape."""
    records = []
    for quote in article["quotes"]:
        start = article["text"].index(quote["text"])
        record = {"start": start, "end": start + len(quote["text"]), "speaker": quote["speaker"]}
        if quote["kind"] == "indirect":
            record["quote_type"] = "indirect"
        record["via"] = quote.get("via", "")
        record["said_on"] = quote.get("said_on")
        records.append(record)
    return records


def predictions(article: dict[str, Any]) -> list[Quotation]:
    return extract_quotations(article["text"], date.fromisoformat(article["published"]))


def extraction(score: ModuleType, articles: list[dict[str, Any]]) -> None:
    gold = [{"id": a["id"], "quotes": gold_records(a)} for a in articles]
    found = {a["id"]: predictions(a) for a in articles}
    preds = {
        key: [
            {"start": q.start, "end": q.end, "speaker": q.speaker, "via": q.via, "kind": q.kind}
            for q in quotations
            if q.speaker
        ]
        for key, quotations in found.items()
    }
    quoted = {k: [p for p in v if p["kind"] != "indirect"] for k, v in preds.items()}
    indirect = {k: [p for p in v if p["kind"] == "indirect"] for k, v in preds.items()}
    for theta in (0.3, 0.8):
        print(f"quoted   θ{theta}: {json.dumps(score.score(gold, quoted, theta, 'quoted'))}")
        print(f"indirect θ{theta}: {json.dumps(score.score(gold, indirect, theta, 'indirect'))}")
    relays(score, gold, found)


def relays(
    score: ModuleType, gold: list[dict[str, Any]], found: dict[str, list[Quotation]]
) -> None:
    """Relay and date accuracy over every gold quotation found (θ 0.8) with the right speaker."""
    via_right = via_total = date_right = date_total = 0
    for article in gold:
        for record in article["quotes"]:
            span = (record["start"], record["end"])
            spans = [(q.start, q.end) for q in found[article["id"]] if q.speaker]
            if score.coverage(span, spans) < 0.8:
                continue
            best = max(
                (q for q in found[article["id"]] if q.speaker),
                key=lambda q: score.overlap(span, (q.start, q.end)),
            )
            if not score.speaker_ok(best.speaker, record["speaker"]):
                continue
            via_total += 1
            if record["via"]:
                via_right += score.via_ok(best.via, record["via"])
            else:
                via_right += best.via is None
            if record["said_on"]:
                date_total += 1
                date_right += str(best.said_on) == record["said_on"]
    print(f"relay accuracy: {via_right}/{via_total} = {via_right / max(via_total, 1):.4f}")
    print(f"date accuracy:  {date_right}/{date_total} = {date_right / max(date_total, 1):.4f}")


def translations(articles: list[dict[str, Any]]) -> None:
    """Precision and recall of the translation links found among the extracted quotations."""
    items, where = [], {}
    for article in articles:
        for q in predictions(article):
            if q.speaker and q.kind != "indirect":
                said = q.said_on or date.fromisoformat(article["published"])
                item = TranslationItem(len(items), article["lang"], q.speaker, said, q.text)
                where[item.id] = (article["id"], q.start, q.end)
                items.append(item)
    gold = set()
    for article in articles:
        for quote in article["quotes"]:
            if "translation_of" in quote:
                ru_id, ru_text = quote["translation_of"]
                ru_text_of = next(a["text"] for a in articles if a["id"] == ru_id)
                gold.add(((ru_id, ru_text_of.index(ru_text)), (article["id"], quote["text"])))
    found, guesses = set(), 0
    for link in translation_links(items):
        ru_article, ru_start, _ = where[link.original]
        en_article, en_start, en_end = where[link.translation]
        en_text = next(a["text"] for a in articles if a["id"] == en_article)[en_start:en_end]
        found.add(((ru_article, ru_start), (en_article, en_text)))
        guesses += link.guess
    right = len(found & gold)
    precision = right / len(found) if found else 0.0
    recall = right / len(gold) if gold else 0.0
    print(
        f"translation links: {len(found)} found ({guesses} marked as guesses), {len(gold)} gold, "
        f"precision {precision:.4f}, recall {recall:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    args = parser.parse_args()
    score = load_score(args.score)
    everything = json.loads(FIXTURE.read_text(encoding="utf-8"))
    for split in ("dev", "heldout", "all"):
        articles = [a for a in everything if split in ("all", a["split"])]
        russian = [a for a in articles if a["lang"] == "ru"]
        quotes = sum(len(a["quotes"]) for a in russian)
        print(f"== {split}: {len(russian)} Russian articles, {quotes} gold quotations")
        extraction(score, russian)
        translations(articles)


if __name__ == "__main__":
    main()
