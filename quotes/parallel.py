"""Extraction on every core: worker processes extract, the caller gets the results in input order.

Extraction is pure and per article, so it spreads over processes; storing is not (remarks are
placed in quotation id order), so one writer stores what comes back, in the order it was read.
Results equal those of `jobs=1` by construction: each article is extracted by the same function,
and only where it runs changes. At most `AHEAD_PER_JOB` chunks per worker are in flight, so a huge
corpus is never read far ahead of the writer.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice
from multiprocessing.pool import AsyncResult, Pool

from quotes.extract.article_dates import with_article_date
from quotes.extract.language import detect_language
from quotes.extract.pipeline import extract_quotations
from quotes.read.files import ReadProblem
from quotes.records import ArticleInput, ArticleMeta, Quotation
from quotes.remarks.items import TextForms, text_forms

CHUNK_ARTICLES = 4
"""Articles sent to a worker at once: fewer round trips, yet the order is kept without delay."""
AHEAD_PER_JOB = 32
"""Chunks per worker waiting or in flight: enough to keep the workers busy while the writer
stores a whole batch (ingest.BATCH_ARTICLES) without asking for more, bounded in memory."""


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
    methods = multiprocessing.get_all_start_methods()
    # forkserver: workers do not inherit this process's threads (a progress display) or locks.
    method = next(m for m in ("forkserver", "fork", "spawn") if m in methods)
    workers = max(1, jobs - beside)
    with multiprocessing.get_context(method).Pool(workers, _lower_priority) as pool:
        yield from _in_order(pool, _chunks(chain(first, items)), workers * AHEAD_PER_JOB)


class _Done:
    """A chunk extracted in this process, held in line with the workers' results."""

    def __init__(self, results: list[_Result]) -> None:
        self.results = results

    def ready(self) -> bool:
        return True

    def get(self) -> list[_Result]:
        return self.results


def _texts(chunk: list[ArticleInput | ReadProblem]) -> list[tuple[str, ArticleMeta]]:
    return [(i.text, i.meta) for i in chunk if isinstance(i, ArticleInput)]


def _in_order(
    pool: Pool, chunks: Iterator[list[ArticleInput | ReadProblem]], ahead: int
) -> Iterator[Extracted | ReadProblem]:
    """Keep `ahead` chunks with the workers, and hand their results back in input order. When
    the next result is not ready, this process (the writer, otherwise idle) extracts the next
    chunk itself rather than wait: on two cores the writer and one worker then share the
    extraction between them, whichever of the two is the slower."""
    pending: deque[tuple[list[ArticleInput | ReadProblem], AsyncResult[list[_Result]] | _Done]]
    pending = deque()
    with_workers = 0
    exhausted = False
    while True:
        while not exhausted and with_workers < ahead:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
            else:
                pending.append((chunk, pool.apply_async(_extract_texts, (_texts(chunk),))))
                with_workers += 1
        if not pending:
            return
        if not exhausted and not pending[0][1].ready() and len(pending) < 2 * ahead:
            chunk = next(chunks, None)
            if chunk is None:
                exhausted = True
            else:
                pending.append((chunk, _Done(_extract_texts(_texts(chunk)))))
            continue
        chunk, done = pending.popleft()
        with_workers -= not isinstance(done, _Done)
        yield from _collect(chunk, done)


def _collect(
    chunk: list[ArticleInput | ReadProblem], done: AsyncResult[list[_Result]] | _Done
) -> Iterator[Extracted | ReadProblem]:
    results = iter(done.get())
    for item in chunk:
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield _extracted(item, next(results))


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
