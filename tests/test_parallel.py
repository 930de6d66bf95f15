"""Extraction in worker processes gives what one process gives, in input order."""

from __future__ import annotations

from datetime import date
from typing import Any

from quotes import parallel
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


class _SlowResult:
    """A worker's answer that is not ready the first `waits` times it is asked."""

    def __init__(self, value: list[object], waits: int) -> None:
        self.value, self.waits = value, waits

    def ready(self) -> bool:
        self.waits -= 1
        return self.waits < 0

    def get(self) -> list[object]:
        return self.value


class _SlowPool:
    """Runs each task at once but reports it ready only after two polls; counts the tasks."""

    def __init__(self) -> None:
        self.tasks = 0

    def apply_async(self, function: Any, args: tuple[Any, ...]) -> _SlowResult:
        self.tasks += 1
        return _SlowResult(function(*args), waits=2)


def test_a_waiting_writer_extracts_chunks_itself_and_keeps_the_order() -> None:
    items = _inputs()
    chunks = [items[i : i + 2] for i in range(0, len(items), 2)]
    pool = _SlowPool()
    got = list(parallel._in_order(pool, iter(chunks), ahead=2))  # type: ignore[arg-type]
    assert got == list(extract_in_order(items, jobs=1))
    assert (pool.tasks, len(chunks)) == (4, 7)  # three of the seven chunks extracted here
