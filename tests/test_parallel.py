"""Extraction in worker processes gives what one process gives, in input order."""

from __future__ import annotations

from datetime import date

from quotes.parallel import Extracted, extract_in_order
from quotes.read.files import ReadProblem
from quotes.records import ArticleInput, ArticleMeta
from tests.conftest import SEEDS

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _inputs() -> list[ArticleInput | ReadProblem]:
    items: list[ArticleInput | ReadProblem] = []
    for n in range(13):
        meta = ArticleMeta(published=date(2022, 9, 1 + n))
        items.append(ArticleInput(f"a{n}.txt", f"EDITION {n}\n\n{SEED_TEXTS[n % 5]}", meta))
    items.insert(6, ReadProblem("bad.txt", "binary file, not a text article"))
    return items


def test_two_workers_give_the_same_quotations_in_input_order() -> None:
    one = list(extract_in_order(_inputs(), jobs=1))
    two = list(extract_in_order(_inputs(), jobs=2))
    assert two == one
    assert [e.article.source if isinstance(e, Extracted) else e.source for e in two] == [
        *(f"a{n}.txt" for n in range(6)), "bad.txt", *(f"a{n}.txt" for n in range(6, 13)),
    ]  # fmt: skip
    assert all(isinstance(e, Extracted) and e.quotations for e in two if e != two[6])


def test_a_few_articles_are_extracted_without_starting_workers() -> None:
    few = _inputs()[:3]
    assert list(extract_in_order(few, jobs=8)) == list(extract_in_order(few, jobs=1))
