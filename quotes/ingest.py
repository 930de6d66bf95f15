"""Ingest: read → extract → store, many articles per transaction.

Extraction runs in `jobs` worker processes (`quotes.parallel`); one writer stores what comes back,
in input order, so the result is the same whatever `jobs` is. The writer stores a batch of
articles (up to BATCH_ARTICLES, BATCH_SECONDS or BATCH_CHARACTERS) in one transaction: each
article's names are resolved, the batch's articles inserted with one statement, and its
quotations placed in their remarks in memory and inserted already placed, indexed for search in
one statement (`quotes.remarks.assign.place_new_quotations`). Should anything fail, the batch is
stored again article by article, so only the culprit fails. A batch commits whole or not at all,
so an ingest killed half-way leaves only whole articles, and running it again skips what is
stored (same sha256) and finishes.

Concurrent writers (several `quotes ingest` processes on one database) take turns per batch: each
batch holds the write lock (SQLite: the file's, from BEGIN IMMEDIATE; PostgreSQL: an advisory
lock) from its first read to its commit. Quotation ids are then handed out in commit order and
every batch places its quotations after all earlier ones, so the database ends exactly as one
process ingesting the batches in that order would leave it; extraction, most of the work, runs in
all of them at once. Between its own batches a writer keeps the speaker and outlet ids it resolved;
when another process wrote in between it forgets the bare surnames (which the other's additions
may have made ambiguous), and everything after a speaker was deleted (a merge).
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError, StatementError
from sqlalchemy.orm import Session

from quotes.errors import DatabaseUnreachable, QuotesError
from quotes.extract.article_dates import with_article_date
from quotes.extract.language import has_rules
from quotes.extract.pipeline import extract_quotations
from quotes.extract.russian_names import RUSSIAN_EXTRA_MISSING, morphology_available
from quotes.parallel import Extracted, extract_in_order
from quotes.read.fetch import Fetcher
from quotes.read.files import DEFAULT_MAX_BYTES, ReadProblem, read_articles
from quotes.records import ArticleInput, ArticleMeta, Quotation
from quotes.remarks.assign import place_new_quotations
from quotes.remarks.items import TextForms
from quotes.store.articles import (
    NameCache,
    QuoteRow,
    content_sha256,
    find_articles,
    insert_articles,
    prepare_article,
    reserve_ids,
)
from quotes.store.engine import connection_problem, hold_transaction_lock, session_factory
from quotes.store.models import Article, Outlet, Speaker, SpeakerAlias

REMARKS_LOCK = 7_203_118
"""Advisory-lock key under which PostgreSQL writers store their batches one at a time."""

BATCH_ARTICLES = 100
"""Articles per transaction at most. More: fewer commits and remark look-ups; fewer: less work
lost to a crash and shorter turns for concurrent writers."""
BATCH_SECONDS = 1.0
"""A batch is stored once its first article has waited this long (slow input still commits)."""
BATCH_CHARACTERS = 20_000_000
"""Characters of article text per batch at most: bounds the writer's memory on big articles."""

Status = Literal["added", "skipped", "failed"]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What happened to one article (or to one path that held none)."""

    source: str
    status: Status
    message: str = ""
    quotations: int = 0
    article_id: int | None = None
    warnings: tuple[str, ...] = ()
    language: str | None = None


@dataclass(slots=True)
class IngestSummary:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    quotations: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    without_rules: int = 0
    """Articles added in a language without attribution rules (quotations found by marks)."""

    def record(self, outcome: IngestOutcome) -> None:
        if outcome.status == "added":
            self.added += 1
            self.quotations += outcome.quotations
            self.without_rules += not has_rules(outcome.language)
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            self.problems.append(f"{outcome.source}: {outcome.message}")


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """An article read from disk and the quotations found in it."""

    article: ArticleInput
    quotations: tuple[Quotation, ...]


def extract_files(
    paths: Iterable[Path | str],
    overrides: ArticleMeta | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> Iterator[ExtractedArticle | ReadProblem]:
    """The pipeline without a database: each article with its quotations, or a problem."""
    for item in read_articles(paths, overrides, max_bytes, fetcher):
        if isinstance(item, ReadProblem):
            yield item
        else:
            item = with_article_date(item)
            quotations = extract_quotations(item.text, item.meta.published)
            yield ExtractedArticle(item, tuple(quotations))


@dataclass(frozen=True, slots=True)
class _Pending:
    """An extracted article waiting in a batch, with its place among the batch's outcomes."""

    index: int
    article: ArticleInput
    sha256: str
    quotations: tuple[Quotation, ...]
    language: str
    forms: tuple[TextForms, ...] | None


class _Writer:
    """Stores batches of extracted articles; keeps resolved names across its own batches."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.make_session = session_factory(engine)
        self.names = NameCache()
        self.seen: dict[str, str] = {}
        self.last_state: tuple[Any, ...] | None = None

    def write(self, batch: Sequence[Extracted | ReadProblem]) -> list[IngestOutcome]:
        """One outcome per entry, in order: problems fail, repeats are skipped, the rest stored."""
        outcomes: list[IngestOutcome | None] = [None] * len(batch)
        pending: list[_Pending] = []
        for index, entry in enumerate(batch):
            if isinstance(entry, ReadProblem):
                outcomes[index] = IngestOutcome(entry.source, "failed", entry.message)
                continue
            item = entry.article
            if entry.problem is not None:
                outcomes[index] = _failed(item, entry.problem)
                continue
            sha256 = content_sha256(item.text)
            if sha256 in self.seen:
                message = f"same text as {self.seen[sha256]} earlier in this batch"
                outcomes[index] = IngestOutcome(
                    item.source, "skipped", message, warnings=item.warnings
                )
                continue
            self.seen[sha256] = item.source
            pending.append(
                _Pending(index, item, sha256, entry.quotations, entry.language, entry.forms)
            )
        for stored in self._store_batch(pending):
            outcomes[stored[0]] = stored[1]
        return [o for o in outcomes if o is not None]

    def _store_batch(self, pending: list[_Pending]) -> list[tuple[int, IngestOutcome]]:
        """Store the batch in one transaction; when that fails for a reason other than a lost
        race, store its articles one by one, so only the culprit fails."""
        if not pending:
            return []
        try:
            return self._with_retries(pending)
        except DatabaseUnreachable:
            raise
        except QuotesError as exc:
            message = str(exc)
        except Exception as exc:  # a bug on one article must not cost the others
            message = f"unexpected {type(exc).__name__}: {exc}"
        if len(pending) == 1:
            return [(pending[0].index, _failed(pending[0].article, message.splitlines()[0]))]
        return [stored for one in pending for stored in self._store_batch([one])]

    def _with_retries(self, pending: list[_Pending]) -> list[tuple[int, IngestOutcome]]:
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                with self.make_session() as session:
                    stored = self._transaction(session, pending)
                self.names.commit()
                return stored
            except (OperationalError, SADatabaseError, StatementError) as exc:
                self.names.clear()
                self.last_state = None
                if _is_retryable(exc) and attempt < STORE_ATTEMPTS:
                    time.sleep(0.05 * attempt * (1 + random.random()))
                    continue
                if isinstance(exc, OperationalError) and "connect" in str(exc).lower():
                    raise connection_problem(self.engine.url, exc) from None
                raise _BatchFailed(f"could not be stored: {_detail(exc)}") from None
        raise AssertionError("unreachable")

    def _transaction(
        self, session: Session, pending: list[_Pending]
    ) -> list[tuple[int, IngestOutcome]]:
        """Hold the write lock, resolve each article's names, then insert the batch's articles
        with one statement and its quotations placed in their remarks. Any failure fails the
        transaction, and the batch is stored again article by article (`_store_batch`), so the
        culprit fails alone: no savepoint per article, three statements fewer each."""
        stored: list[tuple[int, IngestOutcome]] = []
        with session.begin():
            hold_transaction_lock(session, REMARKS_LOCK)
            self._forget_what_others_changed(session)
            pages = [p.article.page_sha256 for p in pending if p.article.page_sha256]
            existing = find_articles(session, [p.sha256 for p in pending], pages)
            new: list[_Pending] = []
            for p in pending:
                known = existing.get(p.sha256) or existing.get(p.article.page_sha256 or "")
                if known is not None:
                    stored.append((p.index, _already_stored(p.article, *known)))
                else:
                    new.append(p)
            articles: list[dict[str, Any]] = []
            rows: list[QuoteRow] = []
            forms: list[TextForms | None] = []
            for p, article_id in zip(new, reserve_ids(session, Article.id, len(new)), strict=True):
                article, article_rows = prepare_article(
                    session, p.article, p.sha256, p.quotations, article_id, self.names, p.language
                )
                stored.append((p.index, self._added(p, article_id)))
                articles.append(article)
                rows.extend(article_rows)
                if p.forms is not None and len(p.forms) == len(article_rows):
                    forms.extend(p.forms)
                else:  # extracted without its forms
                    forms.extend([None] * len(article_rows))
            insert_articles(session, articles)
            place_new_quotations(session, rows, forms)
            self.last_state = self._state(session)
        return stored

    @staticmethod
    def _added(p: _Pending, article_id: int) -> IngestOutcome:
        return IngestOutcome(
            p.article.source,
            "added",
            quotations=len(p.quotations),
            article_id=article_id,
            warnings=p.article.warnings + _missing_extra(p.article, p.language),
            language=p.language,
        )

    def _forget_what_others_changed(self, session: Session) -> None:
        """Keep the remembered names true to the database after another process wrote since
        our last batch. When it only added rows (every speaker we knew is still there), a name
        still resolves as it did, as after our own additions: only the bare surnames, which a
        second person of the surname makes ambiguous, are forgotten. When it deleted a speaker
        (a merge), everything is."""
        state = self._state(session)
        if state == self.last_state:
            return
        if self.last_state is None or not self._only_added(session, self.last_state):
            self.names.clear()
        else:
            self.names.forget_surnames()

    @staticmethod
    def _only_added(session: Session, before: tuple[Any, ...]) -> bool:
        """Whether every speaker counted in the state `before` is still stored."""
        _, last_speaker, speakers, _, _ = before
        if last_speaker is None:
            return True
        still = select(func.count()).select_from(Speaker).where(Speaker.id <= last_speaker)
        return bool(session.scalar(still) == speakers)

    @staticmethod
    def _state(session: Session) -> tuple[Any, ...]:
        """What changes when anyone adds articles or adds, merges or renames speakers and
        outlets: equal to the state after our last batch means no one else wrote since."""
        return tuple(
            session.execute(
                select(
                    select(func.max(Article.id)).scalar_subquery(),
                    select(func.max(Speaker.id)).scalar_subquery(),
                    select(func.count()).select_from(Speaker).scalar_subquery(),
                    select(func.max(SpeakerAlias.id)).scalar_subquery(),
                    select(func.max(Outlet.id)).scalar_subquery(),
                )
            ).one()
        )


def _missing_extra(item: ArticleInput, language: str) -> tuple[str, ...]:
    if language == "ru" and not morphology_available():
        return (f"{item.source}: {RUSSIAN_EXTRA_MISSING}",)
    return ()


def _already_stored(item: ArticleInput, article_id: int, where: str) -> IngestOutcome:
    return IngestOutcome(
        item.source,
        "skipped",
        f"already ingested as article {article_id} ({where})",
        article_id=article_id,
        warnings=item.warnings,
    )


class _BatchFailed(QuotesError):
    """A batch that could not be stored for a reason other than a lost race."""


def _detail(exc: Exception) -> str:
    """The first line of what the database said."""
    said = str(getattr(exc, "orig", exc)).strip()
    return said.splitlines()[0] if said else type(exc).__name__


def _failed(item: ArticleInput, message: str) -> IngestOutcome:
    return IngestOutcome(item.source, "failed", message, warnings=item.warnings)


def _batches(entries: Iterable[Extracted | ReadProblem]) -> Iterator[list[Extracted | ReadProblem]]:
    """Consecutive entries grouped by BATCH_ARTICLES, BATCH_SECONDS and BATCH_CHARACTERS."""
    batch: list[Extracted | ReadProblem] = []
    characters = 0
    started = time.monotonic()
    for entry in entries:
        if not batch:
            started = time.monotonic()
        batch.append(entry)
        if isinstance(entry, Extracted):
            characters += len(entry.article.text)
        if (
            len(batch) >= BATCH_ARTICLES
            or characters >= BATCH_CHARACTERS
            or time.monotonic() - started >= BATCH_SECONDS
        ):
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def ingest_articles(
    engine: Engine, items: Iterable[ArticleInput | ReadProblem], jobs: int = 1
) -> Iterator[IngestOutcome]:
    """Store each article, yielding one outcome per article or problem, in input order;
    `jobs` processes in all: this one writes, `jobs - 1` workers extract (1: this process
    does both)."""
    return store_extracted(engine, extract_in_order(items, jobs, beside=1))


def store_extracted(
    engine: Engine, entries: Iterable[Extracted | ReadProblem]
) -> Iterator[IngestOutcome]:
    """The writer alone: store articles already extracted, in batches, one outcome each."""
    writer = _Writer(engine)
    with _fewer_full_collections():
        for batch in _batches(entries):
            yield from writer.write(batch)


WRITER_GC_THRESHOLDS = (10_000, 50, 100)
"""The cyclic garbage collector's thresholds while the writer runs (Python's are 700, 10, 10).
The writer allocates many short-lived objects (rows, parameters, clusterer records) beside many
long-lived ones (remembered names and prepared quotations, the rules' data), which every full
collection walks again: rarer collections cut its time per article by a tenth (2.56 -> 2.26 ms
on SQLite), and the few cycles it makes wait a little longer to be freed."""


@contextmanager
def _fewer_full_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*WRITER_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


STORE_ATTEMPTS = 5
"""Tries per batch when concurrent writers collide (deadlock, serialisation, busy file)."""
_RETRYABLE_PGCODES = frozenset({"40P01", "40001", "55P03"})


def _is_retryable(exc: Exception) -> bool:
    """A lost race: deadlock, serialisation failure, a busy file, or a row that another
    process merged or deleted under a remembered id (a foreign key now fails)."""
    if isinstance(exc, IntegrityError):
        return True
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)
    return code in _RETRYABLE_PGCODES or "database is locked" in str(orig)


def ingest(
    engine: Engine,
    paths: Iterable[Path | str],
    overrides: ArticleMeta | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    jobs: int = 1,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Ingest every article under `paths` (files, folders, URLs) with `jobs` extracting
    processes; `on_outcome` sees each result as its batch is stored. A file (or JSON line) over
    `max_bytes` is that article's failure; `fetcher` fetches URLs (a polite default)."""
    summary = IngestSummary()
    started = time.perf_counter()
    items = read_articles(paths, overrides, max_bytes, fetcher)
    for outcome in ingest_articles(engine, items, jobs):
        summary.record(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    summary.seconds = time.perf_counter() - started
    return summary
