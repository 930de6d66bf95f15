"""Extraction on every core: worker processes extract, the caller gets the results in input order.

Extraction is pure and per article, so it spreads over processes; storing is not (remarks are
placed in quotation id order), so one writer stores what comes back, in the order it was read.
Results equal those of `jobs=1` by construction: each article is extracted by the same function,
and only where it runs changes. `AHEAD_PER_JOB` chunks per worker are kept queued, and at most
`HELD_PER_JOB` read ahead in all, so a huge corpus is never read far ahead of the writer.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, count, islice
from multiprocessing.context import BaseContext
from multiprocessing.queues import Queue

from quotes.errors import QuotesError
from quotes.extract.article_dates import with_article_date
from quotes.extract.language import detect_language
from quotes.extract.pipeline import extract_quotations
from quotes.read.files import ReadProblem
from quotes.records import ArticleInput, ArticleMeta, Quotation
from quotes.remarks.items import TextForms, text_forms

CHUNK_ARTICLES = 4
"""Articles in one task: fewer round trips, yet the order is kept without delay."""
AHEAD_PER_JOB = 32
"""Tasks per worker queued that nobody has started: enough to keep the workers busy while the
writer stores a whole batch (ingest.BATCH_ARTICLES) without handing out more."""
HELD_PER_JOB = 48
"""Tasks per worker read ahead of the writer at most, answered or not. It bounds the memory, and
the answers the writer has yet to store when the input ends, which it stores while the workers
sit idle (with 128, up to 1.5 s of 14 on 3,000 articles; with 48, 0.4-0.7 s)."""
WORKER_CHECK_SECONDS = 1.0
"""How often a writer waiting for a result checks that the workers are still alive."""


_Result = tuple[ArticleMeta, str, tuple[Quotation, ...], tuple[TextForms, ...]] | str
"""A worker's answer for one article: its metadata (dated), language, quotations and the forms
of their texts, or the problem."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article and its quotations, or why extraction failed on it."""

    article: ArticleInput
    quotations: tuple[Quotation, ...]
    problem: str | None = None
    language: str = "en"
    """The article's language as detected (`quotes.extract.language`): it chose the rules."""
    forms: tuple[TextForms, ...] | None = None
    """The forms of each quotation's text that remark placement compares (`text_forms`),
    computed beside extraction so that the one writer does not have to."""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


WORKER_NICENESS = 5
"""How much lower than the writer the extracting workers run: storing is the one part that
cannot be spread over cores, so when workers and writer share the cores the writer goes
first, and the workers take the time it leaves."""


def _lower_priority() -> None:
    with contextlib.suppress(OSError):  # not permitted here: run at the writer's priority
        os.nice(WORKER_NICENESS)


def _extract_texts(texts: list[tuple[str, ArticleMeta]]) -> list[_Result]:
    """In a worker: for each (text, metadata), the metadata with the date the article gives for
    itself (`with_article_date`) and the quotations, or the problem as one line."""
    results: list[_Result] = []
    for text, meta in texts:
        try:
            dated = with_article_date(ArticleInput("", text, meta)).meta
            language = detect_language(text)
            quotations = tuple(extract_quotations(text, dated.published, language))
            forms = tuple(text_forms(q.text) for q in quotations)
            results.append((dated, language, quotations, forms))
        except Exception as exc:  # one article's failure, never the batch's
            results.append(f"unexpected {type(exc).__name__}: {exc}".splitlines()[0])
    return results


def _extracted(article: ArticleInput, result: _Result) -> Extracted:
    if isinstance(result, str):
        return Extracted(article, (), result)
    meta, language, quotations, forms = result
    dated = article if meta == article.meta else replace(article, meta=meta)
    return Extracted(dated, quotations, language=language, forms=forms)


def extract_in_order(
    items: Iterable[ArticleInput | ReadProblem], jobs: int = 1, beside: int = 0
) -> Iterator[Extracted | ReadProblem]:
    """Each article with its quotations (problems passed through), in input order, using
    `jobs` processes (1, or too few articles to be worth starting others: this process). With
    `beside` of them busy with something else (the ingest writer: 1), the other `jobs - beside`
    extract: as many processes as cores, not one more competing for them (on two cores, one
    worker beside the writer stored 2,000 articles in 10-15% less time than two). The writer
    also extracts whenever the next result is not ready (`_in_order`)."""
    items = iter(items)
    first = list(islice(items, jobs * CHUNK_ARTICLES + 1)) if jobs > 1 else []
    if len(first) <= jobs * CHUNK_ARTICLES:
        for item in chain(first, items):
            if isinstance(item, ReadProblem):
                yield item
            else:
                (result,) = _extract_texts([(item.text, item.meta)])
                yield _extracted(item, result)
        return
    count = max(1, jobs - beside)
    with _Workers(multiprocessing.get_context(_start_method()), count) as workers:
        yield from _in_order(
            workers, _chunks(chain(first, items)), count * AHEAD_PER_JOB, count * HELD_PER_JOB
        )


def _start_method() -> str:
    """How to start the workers. A fork starts one at once, its rules already loaded (a fresh
    process takes a third of a second to import them: on two cores and 1,000 articles, 5.0 s
    for `--jobs 2` became 4.7-4.9), but is safe only on Linux and with no other thread: a
    thread holding a lock (a progress display's) would leave that lock held in the worker. The
    worker never touches what it inherits beyond its two queues (not the writer's database
    connections), and ends without unwinding the writer's frames. Otherwise the fork server,
    which forks workers from a process that has no threads."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return next(m for m in ("forkserver", "spawn") if m in methods)


_Task = tuple[int, list[tuple[str, ArticleMeta]]]
"""A numbered chunk of (text, metadata) to extract."""
_Answer = tuple[int, list[_Result]]
"""A numbered chunk's results."""


def _work(tasks: Queue[_Task | None], answers: Queue[_Answer]) -> None:
    """A worker's loop: extract each task until told to stop (None)."""
    _lower_priority()
    while (task := tasks.get()) is not None:
        number, texts = task
        answers.put((number, _extract_texts(texts)))


class _Workers:
    """Worker processes sharing one queue of tasks with the writer, which takes tasks from it
    too whenever it would otherwise wait: the queue, not a pool, decides who extracts what, so
    at the end of the input no worker holds a backlog while the writer sits idle."""

    def __init__(self, context: BaseContext, count: int) -> None:
        self.tasks: Queue[_Task | None] = context.Queue()
        self.answers: Queue[_Answer] = context.Queue()
        self.submitted = self.returned = 0
        self.processes = [
            context.Process(target=_work, args=(self.tasks, self.answers), daemon=True)  # type: ignore[attr-defined]
            for _ in range(count)
        ]

    def __enter__(self) -> _Workers:
        for process in self.processes:
            process.start()
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is None:
            for _process in self.processes:
                self.tasks.put(None)
            for process in self.processes:
                process.join()
        else:  # the writer stopped early: what is queued is not wanted
            self.tasks.cancel_join_thread()
            for process in self.processes:
                process.terminate()
                process.join()
        self.tasks.close()
        self.answers.close()

    def submit(self, task: _Task) -> None:
        self.tasks.put(task)
        self.submitted += 1

    def queued(self) -> int:
        """Tasks submitted that nobody has started yet (where the system cannot count them,
        as on macOS: those submitted and not yet answered or taken back)."""
        try:
            return self.tasks.qsize()
        except NotImplementedError:
            return self.submitted - self.returned

    def steal(self) -> _Task | None:
        """A task no worker has started, or None."""
        try:
            task = self.tasks.get_nowait()
        except queue.Empty:
            return None
        self.returned += 1
        return task

    def answer(self, wait: bool) -> _Answer | None:
        """The next answer a worker has given; waiting for it if `wait`, until a worker is
        found dead (a `WorkerDied`)."""
        while True:
            try:
                answer = self.answers.get(wait, WORKER_CHECK_SECONDS)
            except queue.Empty:
                if not wait:
                    return None
            else:
                self.returned += 1
                return answer
            for process in self.processes:
                if process.exitcode is not None:
                    raise WorkerDied(
                        f"an extracting worker process stopped unexpectedly "
                        f"(exit code {process.exitcode}); run again with --jobs 1 to see why"
                    )


class WorkerDied(QuotesError):
    """A worker process ended before its tasks were done (killed, out of memory)."""


def _in_order(
    workers: _Workers,
    chunks: Iterator[list[ArticleInput | ReadProblem]],
    ahead: int,
    held: int,
) -> Iterator[Extracted | ReadProblem]:
    """Keep `ahead` chunks queued that nobody has started (`held` read at most), and hand their
    results back in input order. When the next result is not ready, this process (the writer,
    otherwise idle) takes the oldest task no worker has started and extracts it itself rather
    than wait. Every answer ready is read first, and only tasks nobody has started count
    against `ahead`: counting the answers held, or still in the pipe, too, the workers ran out
    of tasks while the writer stored each batch (a fifth of their time on two cores)."""
    waiting: deque[tuple[int, list[ArticleInput | ReadProblem]]] = deque()
    answered: dict[int, list[_Result]] = {}
    numbers = count()
    exhausted = False
    while True:
        while (got := workers.answer(wait=False)) is not None:
            answered[got[0]] = got[1]
        while not exhausted and workers.queued() < ahead and len(waiting) < held:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
            else:
                waiting.append((number := next(numbers), chunk))
                workers.submit((number, _texts(chunk)))
        if not waiting:
            return
        number, chunk = waiting[0]
        if number not in answered:
            if (task := workers.steal()) is not None:
                got = (task[0], _extract_texts(task[1]))
            else:
                got = workers.answer(wait=True)
            assert got is not None
            answered[got[0]] = got[1]
            continue
        waiting.popleft()
        yield from _collect(chunk, answered.pop(number))


def _texts(chunk: list[ArticleInput | ReadProblem]) -> list[tuple[str, ArticleMeta]]:
    return [(i.text, i.meta) for i in chunk if isinstance(i, ArticleInput)]


def _collect(
    chunk: list[ArticleInput | ReadProblem], results: list[_Result]
) -> Iterator[Extracted | ReadProblem]:
    answers = iter(results)
    for item in chunk:
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield _extracted(item, next(answers))


def _chunks(
    items: Iterable[ArticleInput | ReadProblem],
) -> Iterator[list[ArticleInput | ReadProblem]]:
    chunk: list[ArticleInput | ReadProblem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK_ARTICLES:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
