"""Ingest: read → extract → store, one transaction per article.

A batch goes on past a bad file: each problem becomes an outcome with one line naming the file.
Because every article commits on its own, an ingest killed half-way leaves only whole articles,
and running it again skips what is stored (same sha256) and finishes the job.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from quotes.errors import DatabaseError, DatabaseUnreachable, QuotesError
from quotes.extract.article_dates import with_article_date
from quotes.extract.pipeline import extract_quotations
from quotes.read.fetch import Fetcher
from quotes.read.files import DEFAULT_MAX_BYTES, ReadProblem, read_articles
from quotes.records import ArticleInput, ArticleMeta, Quotation
from quotes.remarks.assign import assign_article_remarks
from quotes.store.articles import NameCache, content_sha256, find_article, store_article
from quotes.store.engine import connection_problem, hold_transaction_lock, session_factory

REMARKS_LOCK = 7_203_118
"""Advisory-lock key under which PostgreSQL writers assign remarks one at a time."""

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


@dataclass(slots=True)
class IngestSummary:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    quotations: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def record(self, outcome: IngestOutcome) -> None:
        if outcome.status == "added":
            self.added += 1
            self.quotations += outcome.quotations
        elif outcome.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            self.problems.append(f"{outcome.source}: {outcome.message}")


def _store(session: Session, item: ArticleInput, sha256: str, names: NameCache) -> IngestOutcome:
    """Extract and store one article in its own transaction."""
    quotations = extract_quotations(item.text, item.meta.published)
    try:
        with session.begin():
            if (existing := find_article(session, sha256, item.page_sha256)) is not None:
                return _already_stored(item, existing.id, existing.source_path)
            article_id = store_article(session, item, sha256, quotations, names)
            # Remarks link quotations across articles: one writer at a time decides them,
            # so two concurrent ingests never split one remark in two.
            hold_transaction_lock(session, REMARKS_LOCK)
            assign_article_remarks(session, article_id)
    except IntegrityError:
        names.discard()
        # Another process stored the same content between our check and our insert.
        with session.begin():
            existing = find_article(session, sha256, item.page_sha256)
        if existing is None:
            raise
        return _already_stored(item, existing.id, existing.source_path)
    except BaseException:
        names.discard()
        raise
    names.commit()
    return IngestOutcome(
        item.source,
        "added",
        quotations=len(quotations),
        article_id=article_id,
        warnings=item.warnings,
    )


def _already_stored(item: ArticleInput, article_id: int, where: str) -> IngestOutcome:
    return IngestOutcome(
        item.source,
        "skipped",
        f"already ingested as article {article_id} ({where})",
        article_id=article_id,
        warnings=item.warnings,
    )


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


def ingest_articles(
    engine: Engine, items: Iterable[ArticleInput | ReadProblem]
) -> Iterator[IngestOutcome]:
    """Store each article, yielding one outcome per article or problem, in order."""
    seen: dict[str, str] = {}
    names = NameCache()
    make_session = session_factory(engine)
    for item in items:
        if isinstance(item, ReadProblem):
            yield IngestOutcome(item.source, "failed", item.message)
            continue
        sha256 = content_sha256(item.text)
        if sha256 in seen:
            yield IngestOutcome(
                item.source,
                "skipped",
                f"same text as {seen[sha256]} earlier in this batch",
                warnings=item.warnings,
            )
            continue
        seen[sha256] = item.source
        yield _store_one(engine, make_session, item, sha256, names)


def _store_one(
    engine: Engine,
    make_session: sessionmaker[Session],
    item: ArticleInput,
    sha256: str,
    names: NameCache,
) -> IngestOutcome:
    """Store one article; whatever goes wrong with it is its own failure, and the batch goes
    on. Only a database that cannot be reached stops the batch."""
    try:
        return _store_with_retries(engine, make_session, with_article_date(item), sha256, names)
    except DatabaseUnreachable:
        raise
    except QuotesError as exc:
        message = str(exc).removeprefix(f"{item.source}: ")
    except Exception as exc:  # a bug on one article must not cost the others
        message = f"unexpected {type(exc).__name__}: {exc}"
    return IngestOutcome(item.source, "failed", message.splitlines()[0], warnings=item.warnings)


STORE_ATTEMPTS = 5
"""Tries per article when concurrent writers collide (deadlock, serialisation, busy file)."""
_RETRYABLE_PGCODES = frozenset({"40P01", "40001", "55P03"})


def _is_retryable(exc: SADatabaseError) -> bool:
    """A lost race: deadlock, serialisation failure, a busy file, or a row that another
    process merged or deleted under a remembered id (a foreign key now fails)."""
    if isinstance(exc, IntegrityError):
        return True
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)
    return code in _RETRYABLE_PGCODES or "database is locked" in str(exc.orig)


def _store_with_retries(
    engine: Engine,
    make_session: sessionmaker[Session],
    item: ArticleInput,
    sha256: str,
    names: NameCache,
) -> IngestOutcome:
    """Store one article; a transaction that lost a race with another writer is tried again."""
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            with make_session() as session:
                return _store(session, item, sha256, names)
        except (OperationalError, SADatabaseError) as exc:
            if _is_retryable(exc) and attempt < STORE_ATTEMPTS:
                names.clear()
                time.sleep(0.05 * attempt * (1 + random.random()))
                continue
            if "connect" in str(exc).lower():
                raise connection_problem(engine.url, exc) from None
            detail = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else ""
            raise DatabaseError(f"{item.source}: could not be stored: {detail}") from None
    raise AssertionError("unreachable")


def ingest(
    engine: Engine,
    paths: Iterable[Path | str],
    overrides: ArticleMeta | None = None,
    on_outcome: Callable[[IngestOutcome], None] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """Ingest every article under `paths` (files, folders, URLs); `on_outcome` sees each result
    as it happens. A file (or JSON line) over `max_bytes` is that article's failure; `fetcher`
    fetches URLs (a polite default)."""
    summary = IngestSummary()
    started = time.perf_counter()
    for outcome in ingest_articles(engine, read_articles(paths, overrides, max_bytes, fetcher)):
        summary.record(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    summary.seconds = time.perf_counter() - started
    return summary
