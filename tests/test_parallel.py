"""Extraction in worker processes gives what one process gives, in input order."""

from __future__ import annotations

import multiprocessing
import threading
import time
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
    """A worker that finishes one task while the writer extracts one it took itself."""

    def __init__(self) -> None:
        self.tasks: deque[tuple[int, list[tuple[str, ArticleMeta]]]] = deque()
        self.stolen = self.answered = self.submitted = 0

    def submit(self, task: tuple[int, list[tuple[str, ArticleMeta]]]) -> None:
        self.tasks.append(task)
        self.submitted += 1

    def queued(self) -> int:
        return len(self.tasks)

    def steal(self) -> tuple[int, list[tuple[str, ArticleMeta]]] | None:
        self.stolen += bool(self.tasks)
        return self.tasks.popleft() if self.tasks else None

    def answer(self, wait: bool) -> tuple[int, list[object]] | None:
        if (wait or self.stolen > self.answered) and self.tasks:
            self.answered += 1
            number, texts = self.tasks.popleft()
            return number, parallel._extract_texts(texts)  # type: ignore[return-value]
        return None


class _EagerWorkers(_HalfBusyWorkers):
    """Workers that have answered every task by the next look."""

    def answer(self, wait: bool) -> tuple[int, list[object]] | None:
        return super().answer(wait=True)


def test_a_waiting_writer_takes_tasks_no_worker_started_and_keeps_the_order() -> None:
    items = _inputs()
    chunks = [items[i : i + 2] for i in range(0, len(items), 2)]
    workers = _HalfBusyWorkers()
    got = list(parallel._in_order(workers, iter(chunks), ahead=3, held=5))  # type: ignore[arg-type]
    assert got == list(extract_in_order(items, jobs=1))
    assert (workers.answered, len(chunks)) == (3, 7)  # four of the seven chunks taken here


def test_answers_the_writer_holds_do_not_keep_tasks_from_the_workers() -> None:
    """While the writer stores what it was handed, the workers still have `ahead` tasks queued:
    answered chunks count only against `held`."""
    items = _inputs()
    chunks = [items[i : i + 2] for i in range(0, len(items), 2)]
    workers = _EagerWorkers()
    results = parallel._in_order(workers, iter(chunks), ahead=2, held=5)  # type: ignore[arg-type]
    first = next(results)
    assert (workers.submitted, workers.queued(), workers.answered) == (4, 2, 1)
    assert [first, *results] == list(extract_in_order(items, jobs=1))


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


def test_tasks_queued_are_counted_where_the_system_cannot(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS has no count of a queue's items: the workers' count of what went out and came back
    stands in for it."""
    with parallel._Workers(multiprocessing.get_context("fork"), 0) as workers:
        monkeypatch.setattr(workers.tasks, "qsize", _no_count)
        workers.submit((0, []))
        workers.submit((1, []))
        assert workers.queued() == 2
        assert _stolen(workers) == (0, [])
        assert workers.queued() == 1


def _stolen(workers: parallel._Workers) -> object:
    """A task taken back, once the queue's feeding thread has passed it on."""
    for _ in range(500):
        if (task := workers.steal()) is not None:
            return task
        time.sleep(0.01)
    return None


def _no_count() -> int:
    raise NotImplementedError


def test_workers_are_forked_only_where_no_other_thread_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert parallel._start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # a progress display's thread
    assert parallel._start_method() == "forkserver"
