"""Extraction in worker processes gives what one process gives, in input order."""

from __future__ import annotations

import multiprocessing
from collections import deque
from datetime import date

import pytest

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


class _HalfBusyWorkers:
    """Workers that have an answer ready at every other look: the writer takes the rest."""

    def __init__(self) -> None:
        self.queued: deque[tuple[int, list[tuple[str, ArticleMeta]]]] = deque()
        self.looks = self.answered = 0

    def submit(self, task: tuple[int, list[tuple[str, ArticleMeta]]]) -> None:
        self.queued.append(task)

    def steal(self) -> tuple[int, list[tuple[str, ArticleMeta]]] | None:
        return self.queued.popleft() if self.queued else None

    def answer(self, wait: bool) -> tuple[int, list[object]] | None:
        self.looks += 1
        if (wait or self.looks % 2 == 0) and self.queued:
            self.answered += 1
            number, texts = self.queued.popleft()
            return number, parallel._extract_texts(texts)  # type: ignore[return-value]
        return None


def test_a_waiting_writer_takes_tasks_no_worker_started_and_keeps_the_order() -> None:
    items = _inputs()
    chunks = [items[i : i + 2] for i in range(0, len(items), 2)]
    workers = _HalfBusyWorkers()
    got = list(parallel._in_order(workers, iter(chunks), ahead=3))  # type: ignore[arg-type]
    assert got == list(extract_in_order(items, jobs=1))
    assert (workers.answered, len(chunks)) == (3, 7)  # four of the seven chunks taken here


def test_a_worker_that_dies_is_reported_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "WORKER_CHECK_SECONDS", 0.05)
    with (
        pytest.raises(parallel.WorkerDied) as raised,
        parallel._Workers(multiprocessing.get_context("fork"), 1) as workers,
    ):
        workers.processes[0].kill()
        workers.answer(wait=True)
    assert str(raised.value) == (
        "an extracting worker process stopped unexpectedly (exit code -9); "
        "run again with --jobs 1 to see why"
    )
