"""Storage: write one article and its quotations, resolving outlets and speakers to rows.

Speakers are one row per person or organisation across articles: full names match after normalising
case and diacritics (and transliteration endings, see `quotes.extract.names.name_key`); a bare
surname links to the known speaker when exactly one has it; user aliases (`quotes speakers alias`)
and merges are rows in `speaker_aliases` and win over everything else. Every insert that another
process might make at the same moment runs in a savepoint, so a unique clash is resolved by reading
the other process's row instead of failing the article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, delete, func, or_, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session

from quotes.extract.names import fold, name_key, surname_key
from quotes.extract.outlets import CHANNEL_FORMS, lookup_outlet, outlet_key
from quotes.extract.transliteration import cross_script_key, crosses_scripts
from quotes.records import ArticleInput, Quotation
from quotes.store.bulk import insert_rows
from quotes.store.engine import is_sqlite
from quotes.store.models import Article, Outlet, OutletAlias, Quote, Speaker, SpeakerAlias

T = TypeVar("T")


def content_sha256(text: str) -> str:
    """The identity of an article's content: re-ingesting the same text is a no-op."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def find_article(session: Session, sha256: str, page_sha256: str | None = None) -> Article | None:
    """The stored article with this text, or extracted from this page."""
    same = Article.sha256 == sha256
    if page_sha256 is not None:
        same = or_(same, Article.page_sha256 == page_sha256)
    return session.scalar(select(Article).where(same).limit(1))


def find_articles(
    session: Session, sha256s: Sequence[str], page_sha256s: Sequence[str] = ()
) -> dict[str, tuple[int, str]]:
    """The stored articles among these contents (or extracted from these pages): each text's
    and page's SHA-256 -> (id, source path), one query."""
    if not sha256s and not page_sha256s:
        return {}
    same: ColumnElement[bool] = Article.sha256.in_(sorted(set(sha256s)))
    if page_sha256s:
        same = or_(same, Article.page_sha256.in_(sorted(set(page_sha256s))))
    query = select(Article.sha256, Article.page_sha256, Article.id, Article.source_path)
    found: dict[str, tuple[int, str]] = {}
    for sha, page_sha, article_id, source in session.execute(query.where(same)):
        found[sha] = (article_id, source)
        if page_sha is not None:
            found[page_sha] = (article_id, source)
    return found


def _insert_or_fetch(session: Session, make: Callable[[], T], fetch: Callable[[], T | None]) -> T:
    """Insert in a savepoint; if another process inserted the same unique row first, use theirs."""
    try:
        with session.begin_nested():
            row = make()
            session.add(row)
            session.flush()
        return row
    except IntegrityError:
        found = fetch()
        if found is None:
            raise
        return found


def _is_channel_form(word: str) -> bool:
    folded = fold(word)
    return folded in CHANNEL_FORMS or folded.removesuffix("s") in CHANNEL_FORMS


def channel_name(name: str) -> str:
    """A relay as an outlet name: without the form words ("Russian Security Council statement"
    -> "Russian Security Council"); unchanged when nothing else would remain."""
    words = name.strip().split()
    if len(words) < 2 or not _is_channel_form(words[-1]):
        return name.strip()
    while len(words) > 1 and _is_channel_form(words[-1]):
        words.pop()
    while len(words) > 1 and fold(words[0]) in ("a", "an", "the"):
        words.pop(0)
    return " ".join(words)


def _find_outlet(session: Session, key: str) -> Outlet | None:
    by_alias = select(OutletAlias.outlet_id).where(OutletAlias.alias_key == key)
    return session.scalar(
        select(Outlet).where(or_(Outlet.name_key == key, Outlet.id.in_(by_alias))).limit(1)
    )


def get_or_create_outlet(session: Session, name: str) -> Outlet:
    """The outlet row for a name as written: the gazetteer's canonical entry when it knows the
    name, else a new outlet of kind 'other' named as written."""
    info = lookup_outlet(name, exact=True) or lookup_outlet(channel_name(name), exact=True)
    canonical = info.name if info else channel_name(name)
    key = outlet_key(canonical)
    existing = _find_outlet(session, key) or _find_outlet(session, outlet_key(name))
    if existing is not None:
        return existing

    def make() -> Outlet:
        outlet = Outlet(
            name=canonical,
            name_key=key,
            kind=info.kind if info else "other",
            country=info.country if info else None,
        )
        aliases = {outlet_key(a): a for a in (info.aliases if info else ())}
        aliases.pop(key, None)
        outlet.aliases = [OutletAlias(alias=a, alias_key=k) for k, a in aliases.items()]
        return outlet

    return _insert_or_fetch(session, make, lambda: _find_outlet(session, key))


def _speaker_by_key(session: Session, name: str) -> Speaker | None:
    keys = {name_key(name), fold(name)}
    speaker = session.scalar(select(Speaker).where(Speaker.name_key == name_key(name)))
    if speaker is not None:
        return speaker
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key.in_(keys))
    return session.scalar(select(Speaker).where(Speaker.id.in_(by_alias)).limit(1))


def _speaker_by_surname(session: Session, surname: str) -> Speaker | None:
    """The one known person whose surname this is; None when none or several have it."""
    matches = session.scalars(
        select(Speaker).where(Speaker.kind == "person", Speaker.surname_key == surname).limit(2)
    ).all()
    return matches[0] if len(matches) == 1 else None


def _speaker_by_first_and_last(session: Session, name: str) -> Speaker | None:
    """The one known person with this first name and surname, whatever stands between
    ("Joseph R. Biden" ~ "Joseph Biden"), compared by today's keys of both names."""
    words = name_key(name).split()
    if len(words) < 2 or surname_key(name) != words[-1]:
        return None
    matches = [
        s
        for s in session.scalars(
            select(Speaker).where(Speaker.kind == "person", Speaker.surname_key == words[-1])
        )
        if name_key(s.name).split()[:1] == words[:1] and surname_key(s.name) == words[-1]
    ]
    return matches[0] if len(matches) == 1 else None


def find_speaker(session: Session, name: str, kind: str = "person") -> Speaker | None:
    """The stored speaker a name refers to, by full key, alias, or (persons) a unique surname,
    or the one person with the same first name and surname."""
    speaker = _speaker_by_key(session, name)
    if speaker is None and kind == "person":
        if " " not in name_key(name):
            speaker = _speaker_by_surname(session, surname_key(name))
        else:
            speaker = _speaker_by_first_and_last(session, name) or _speaker_in_other_script(
                session, name
            )
    return speaker


def _speaker_in_other_script(session: Session, name: str) -> Speaker | None:
    """«Мария Захарова» for a stored Maria Zakharova (or the other way round): a person of the
    same surname, written in the other script, whose name agrees under `cross_script_key`."""
    key = cross_script_key(name)
    candidates = session.scalars(
        select(Speaker)
        .where(Speaker.kind == "person", Speaker.surname_key == surname_key(name))
        .limit(20)
    )
    for candidate in candidates:
        if cross_script_key(candidate.name) == key and crosses_scripts(candidate.name, name):
            return candidate
    return None


def _remember_spelling(session: Session, speaker: Speaker, name: str) -> None:
    """Record a new spelling of a known speaker (Zelenskiy for Zelensky) as an alias."""
    key = fold(name)
    if key in (fold(speaker.name), speaker.name_key) or " " not in name_key(name):
        return
    exists = select(SpeakerAlias.id).where(SpeakerAlias.alias_key == key)
    if session.scalar(exists) is None:
        _insert_or_fetch(
            session,
            lambda: SpeakerAlias(speaker_id=speaker.id, alias=name, alias_key=key),
            lambda: session.scalar(select(SpeakerAlias).where(SpeakerAlias.alias_key == key)),
        )


def _bare_surname_speaker(session: Session, name: str) -> Speaker | None:
    """A person stored under the bare surname of `name` ("Stoltenberg" for "Jens Stoltenberg",
    "Wang" for "Wang Yi"): met before anyone of that surname was named in full, and so the
    person the bare surname would have resolved to had the full name come first."""
    key = name_key(name)
    surname = surname_key(name)
    if " " not in key or not surname or surname not in key.split():
        return None
    return session.scalar(
        select(Speaker).where(Speaker.kind == "person", Speaker.name_key == surname).limit(1)
    )


def _complete_name(session: Session, speaker: Speaker, name: str) -> Speaker:
    """Give a speaker known by a bare surname its full name, so that the articles give the same
    speakers whichever came first. The bare surname is not kept as an alias: it goes on
    resolving by surname, to nobody once a second person of that surname is named, as it would
    had the full names come first."""
    speaker.name, speaker.name_key = name.strip()[:200], name_key(name)[:200]
    session.flush()
    return speaker


def _name_rank(name: str) -> tuple[bool, bool, str, str]:
    """Spellings of one key ranked for display, best first: not all capitals, in Latin
    letters, then alphabetically ("Vladimir Putin and Xi Jinping" before "Xi Jinping and
    Vladimir Putin"). A rank, not the first spelling met, so the name does not depend on
    which article came first."""
    return (name.isupper(), not name.isascii(), fold(name), name)


def _role_rank(role: str) -> tuple[int, str, str]:
    """Roles of one speaker ranked, best first: the one of most words ("Russian Foreign
    Minister" before "Foreign Minister"), then alphabetically; so the stored role does not
    depend on which article came first."""
    return (-len(fold(role).split()), fold(role), role)


def _better_role(current: str | None, offered: str | None) -> str | None:
    """The role to keep when an article offers `offered` for a speaker holding `current`, or
    None to keep `current`."""
    if not offered:
        return None
    offered = offered[:300]
    if current and _role_rank(current) <= _role_rank(offered):
        return None
    return offered


def _give_better_role(speaker: Speaker, role: str | None) -> bool:
    """Give the speaker the role an article offers if it ranks better than the one it has;
    whether it did."""
    kept = _better_role(speaker.role, role)
    if kept is not None:
        speaker.role = kept
    return kept is not None


def _respell(session: Session, speaker: Speaker, name: str) -> None:
    """Name the speaker by the best-ranked spelling of its key met so far; the spelling it
    gives up is kept as an alias, as the other spellings are."""
    name = name.strip()[:200]
    if name_key(name) != speaker.name_key or _name_rank(name) >= _name_rank(speaker.name):
        _remember_spelling(session, speaker, name)
        return
    previous, speaker.name = speaker.name, name
    session.execute(
        delete(SpeakerAlias).where(
            SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias_key == fold(name)
        )
    )
    session.flush()
    _remember_spelling(session, speaker, previous)


def get_or_create_speaker(session: Session, name: str, kind: str, role: str | None) -> Speaker:
    speaker = find_speaker(session, name, kind)
    if speaker is None and kind == "person":
        speaker = _bare_surname_speaker(session, name)
        if speaker is not None:
            speaker = _complete_name(session, speaker, name)
    if speaker is not None:
        _give_better_role(speaker, role)
        _respell(session, speaker, name)
        return speaker
    key = name_key(name)
    return _insert_or_fetch(
        session,
        lambda: Speaker(
            name=name.strip()[:200],
            name_key=key[:200],
            surname_key=surname_key(name)[:100],
            kind=kind,
            role=role and role[:300],
        ),
        lambda: session.scalar(select(Speaker).where(Speaker.name_key == key)),
    )


class NameCache:
    """Speaker and outlet ids already resolved in this process, so that an ingest run looks up
    each name once, not once per article. Ids found inside a transaction are staged and only
    kept once it commits (a rolled-back row must not be remembered); `clear` forgets
    all, for when another process may have merged or deleted rows (after additions alone,
    `forget_surnames` is enough).

    What it holds always equals what the database would answer now, so an ingest split over
    several runs resolves every name as one run does: a bare surname's answer is forgotten
    whenever a name is looked up in the database (that may have added a second person with the
    surname), and a speaker remembered still gets a better role an article offers (`_role_rank`).
    A speaker is remembered as (id, role, is an organisation)."""

    MAX_ENTRIES = 200_000

    def __init__(self) -> None:
        self.speakers: dict[tuple[str, str], _Known] = {}
        self.outlets: dict[str, int] = {}
        self.staged_speakers: dict[tuple[str, str], _Known] = {}
        self.staged_outlets: dict[str, int] = {}
        self.surnames: set[tuple[str, str]] = set()

    def commit(self) -> None:
        if len(self.speakers) + len(self.outlets) > self.MAX_ENTRIES:
            self.clear()
        self.speakers.update(self.staged_speakers)
        self.outlets.update(self.staged_outlets)
        self.discard()

    def discard(self) -> None:
        self.staged_speakers.clear()
        self.staged_outlets.clear()

    def clear(self) -> None:
        self.speakers.clear()
        self.outlets.clear()
        self.surnames.clear()
        self.discard()

    def forget_surnames(self) -> None:
        """Forget the speakers that bare surnames resolved to: they may no longer be unique."""
        for key in self.surnames:
            self.speakers.pop(key, None)
            self.staged_speakers.pop(key, None)
        self.surnames.clear()


_Known = tuple[int, str | None, bool]
"""A resolved speaker: its id, its role, whether it is an organisation."""


class _Resolver:
    """Speaker and outlet ids for one article's quotations, each name looked up once."""

    def __init__(self, session: Session, cache: NameCache) -> None:
        self.session = session
        self.cache = cache

    def speaker(self, q: Quotation) -> _Known | None:
        if not q.speaker:
            return None
        kind = q.speaker_kind or "person"
        key = (q.speaker, kind)
        found = self.cache.staged_speakers.get(key) or self.cache.speakers.get(key)
        if found is None and not name_key(q.speaker):
            return None  # no letters to name anyone by (only such names are ever remembered)
        if found is not None:
            speaker_id, role, _ = found
            if _better_role(role, q.role) is not None:
                found = self.cache.staged_speakers[key] = self._offer_role(speaker_id, q.role)
            return found
        self.cache.forget_surnames()
        speaker = get_or_create_speaker(self.session, q.speaker, kind, q.role)
        if kind == "person" and " " not in name_key(q.speaker):
            self.cache.surnames.add(key)
        known = (speaker.id, speaker.role, speaker.kind == "organisation")
        self.cache.staged_speakers[key] = known
        return known

    def _offer_role(self, speaker_id: int, role: str | None) -> _Known:
        """Give a remembered speaker the role an article offers if it ranks better than the
        stored one (read again: another process may have given it a better one)."""
        speaker = self.session.get(Speaker, speaker_id)
        assert speaker is not None
        if _give_better_role(speaker, role):
            self.session.flush()
        return (speaker.id, speaker.role, speaker.kind == "organisation")

    def outlet_id(self, name: str | None) -> int | None:
        if not name or not outlet_key(name):
            return None
        found = self.cache.outlets.get(name) or self.cache.staged_outlets.get(name)
        if found is None:
            found = get_or_create_outlet(self.session, name).id
            self.cache.staged_outlets[name] = found
        return found


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quotation ready to insert once it has an id and a remark: its column values, and what
    placing it in a remark needs beyond them."""

    values: dict[str, Any]
    publisher_id: int | None
    speaker_is_org: bool


def quote_row(
    resolver: _Resolver, article_id: int, publisher_id: int | None, published: date | None,
    q: Quotation,
) -> QuoteRow:  # fmt: skip
    """One quotation's row, its speaker and relay resolved to ids."""
    speaker = resolver.speaker(q)
    values = {
        "article_id": article_id,
        "speaker_id": None if speaker is None else speaker[0],
        "speaker_text": q.speaker_text,
        "speaker_role": q.role and q.role[:300],
        "cue": q.cue and q.cue[:200],
        "via_outlet_id": resolver.outlet_id(q.via),
        "via_text": q.via_text or q.via,
        "kind": q.kind,
        "text": q.text,
        "start_char": q.start,
        "end_char": q.end,
        "paragraph": q.paragraph,
        "said_on": q.said_on,
        "dated_on": q.said_on or published,
        "confidence": q.confidence,
        "rule": q.rule[:60],
    }
    return QuoteRow(values, publisher_id, speaker is not None and speaker[2])


INSERT_BATCH = 1000
"""Quotation rows per INSERT: large enough to be fast, small enough to bound memory."""


def prepare_article(
    session: Session,
    item: ArticleInput,
    sha256: str,
    quotations: Sequence[Quotation],
    article_id: int,
    cache: NameCache | None = None,
    language: str | None = None,
) -> tuple[dict[str, Any], list[QuoteRow]]:
    """Resolve the speakers and outlets of one article in the session's transaction: the
    article's row (under `article_id`, reserved by the caller with `reserve_ids`) and its
    quotations' rows, for the caller to insert (`insert_articles`, then `insert_quotes` or, by
    the ingest writer, placed in remarks first): a batch of articles goes in with one INSERT.
    With a `cache`, the caller commits or discards it with the transaction."""
    resolver = _Resolver(session, cache or NameCache())
    publisher_id = resolver.outlet_id(item.meta.outlet)
    row = {
        "id": article_id,
        "publisher_id": publisher_id,
        "title": item.meta.title,
        "url": item.meta.url,
        "published": item.meta.published,
        "language": language if language is not None else item.meta.language,
        "published_source": (item.meta.published_source or "metadata")
        if item.meta.published is not None
        else None,
        "body": item.text,
        "sha256": sha256,
        "page_sha256": item.page_sha256,
        "source_path": item.source,
        "ingested_at": datetime.now(UTC),
    }
    published = item.meta.published
    return row, [quote_row(resolver, article_id, publisher_id, published, q) for q in quotations]


def insert_articles(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Insert article rows (from `prepare_article`) with one statement (COPY on PostgreSQL)."""
    insert_rows(session, Article.table(), rows)


def insert_quotes(session: Session, values: Sequence[dict[str, Any]]) -> None:
    """Insert quotation rows as plain multi-row INSERTs, not ORM objects: a 20 MB article with
    tens of thousands of quotations stays fast and its memory bounded."""
    # The table, not the ORM entity: without the ORM's bulk machinery.
    insert_rows(session, Quote.table(), values, per_statement=INSERT_BATCH)


def reserve_ids(session: Session, column: InstrumentedAttribute[int], count: int) -> list[int]:
    """Ids of `column` (an integer primary key) for `count` rows about to be inserted, ascending,
    as the database would hand them out now: so that many rows go in with one plain INSERT
    instead of one INSERT ... RETURNING each. The caller holds the write lock (SQLite: the
    file's, so max + 1 onwards is what SQLite itself would choose; PostgreSQL: taken from the
    column's sequence)."""
    if count <= 0:
        return []
    if is_sqlite(session.get_bind()):
        start = (session.scalar(select(func.max(column))) or 0) + 1
        return list(range(start, start + count))
    reserved = session.scalars(
        text(
            "SELECT nextval(pg_get_serial_sequence(:table, :column))"
            " FROM generate_series(1, :count)"
        ),
        {"table": column.class_.__tablename__, "column": column.key, "count": count},
    )
    return sorted(reserved)


def store_article(
    session: Session,
    item: ArticleInput,
    sha256: str,
    quotations: Sequence[Quotation],
    cache: NameCache | None = None,
    language: str | None = None,
) -> int:
    """Add one article and its quotations (in no remark yet) in the session's transaction;
    returns the article id."""
    (article_id,) = reserve_ids(session, Article.id, 1)
    row, rows = prepare_article(session, item, sha256, quotations, article_id, cache, language)
    insert_articles(session, [row])
    insert_quotes(session, [r.values for r in rows])
    return article_id
