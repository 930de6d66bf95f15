"""Reading the database: search, a quotation in context, speakers and outlets with curation,
reports, read-only SQL and export. Every function takes a session (or a URL) and returns
frozen dataclasses or plain dict rows that `quotes.output.render` prints.

Search takes one term. When the term is a speaker's name, an alias or a unique surname (in
any case, with or without diacritics) it finds that speaker's quotations, newest first;
otherwise it is full-text search over the wording of quotations, best match first. User input
is always a bound parameter, and on SQLite each word is double-quoted before it reaches FTS5,
so no term is ever a syntax error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa
from rapidfuzz import fuzz, process
from sqlalchemy import Select, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, aliased

from quotes import fts
from quotes.db import connect, describe, make_engine
from quotes.errors import DatabaseError, NotFound, QuotesError, ReadOnlyViolation
from quotes.models import (
    QUOTE_KINDS,
    Article,
    Outlet,
    OutletAlias,
    Quote,
    Remark,
    Speaker,
    SpeakerAlias,
)
from quotes.names import fold, name_key, surname_key
from quotes.outlets import lookup_outlet, outlet_key
from quotes.reports import REPORTS, View

DEFAULT_LIMIT: Final = 20
MARK: Final = "**"
"""Put either side of the words that matched, in every output format."""
SUGGESTION_CUTOFF: Final = 80.0
"""Lowest rapidfuzz ratio (0-100) for "did you mean": lower suggests more, and more wrongly."""

PG_RANK_NORMALIZATION: Final = 1
"""ts_rank divides by 1 + log(length): shorter quotations rank first, as with FTS5's bm25."""

_FTS5 = sa.table("quotes_fts", sa.column("rowid", sa.Integer), sa.column("rank", sa.Float))
_PG_FTS = sa.table("quotes_fts", sa.column("id", sa.Integer), sa.column("vector"))
_PG_CONFIG: sa.ColumnElement[Any] = sa.literal_column(f"'{fts.TEXT_SEARCH_CONFIG}'::regconfig")
Publisher = aliased(Outlet, name="publisher")
Via = aliased(Outlet, name="via")


# ---------------------------------------------------------------------------------------------
# Filters and name resolution


@dataclass(frozen=True)
class Filters:
    """What search and export narrow by; names are resolved like `quotes search` resolves them."""

    speaker: str | None = None
    outlet: str | None = None
    via: str | None = None
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    limit: int | None = DEFAULT_LIMIT


def _speaker_keys(name: str) -> set[str]:
    return {k for k in (name_key(name), fold(name)) if k}


def speaker_ids(session: Session, name: str) -> list[int]:
    """The speakers a name means: by full name or alias, else every person with that surname
    (or, for several words, whose name ends with them)."""
    keys = _speaker_keys(name)
    if not keys:
        return []
    by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key.in_(keys))
    ids = session.scalars(
        select(Speaker.id)
        .where(sa.or_(Speaker.name_key.in_(keys), Speaker.id.in_(by_alias)))
        .order_by(Speaker.id)
    ).all()
    key = name_key(name)
    if not ids and key and " " not in key:
        ids = session.scalars(
            select(Speaker.id)
            .where(Speaker.surname_key == surname_key(name), Speaker.kind == "person")
            .order_by(Speaker.id)
        ).all()
    elif not ids and key:  # a double surname without the given name: "Patrushev-Kalomir"
        ids = session.scalars(
            select(Speaker.id)
            .where(Speaker.name_key.like(f"% {key}"), Speaker.kind == "person")
            .order_by(Speaker.id)
        ).all()
    return list(ids)


def suggest_speaker(session: Session, name: str) -> str | None:
    """The speaker a misspelt name probably means ("Patrushew": "Nikolai Patrushev")."""
    key = name_key(name)
    if not key:
        return None
    choices: dict[str, str] = {}
    for speaker_name, speaker_key, speaker_surname in session.execute(
        select(Speaker.name, Speaker.name_key, Speaker.surname_key)
    ):
        choices.setdefault(speaker_key, speaker_name)
        if speaker_surname:
            choices.setdefault(speaker_surname, speaker_name)
    for alias_key, speaker_name in session.execute(
        select(SpeakerAlias.alias_key, Speaker.name).join(Speaker)
    ):
        choices.setdefault(alias_key, speaker_name)
    best = process.extractOne(key, list(choices), scorer=fuzz.ratio, score_cutoff=SUGGESTION_CUTOFF)
    return choices[best[0]] if best else None


def _one_speaker(session: Session, name: str) -> Speaker:
    ids = speaker_ids(session, name)
    if not ids:
        hint = suggest_speaker(session, name)
        raise NotFound(
            f"no speaker named {name!r}" + (f" (did you mean {hint!r}?)" if hint else "")
        )
    if len(ids) > 1:
        names = session.scalars(select(Speaker.name).where(Speaker.id.in_(ids))).all()
        raise NotFound(f"{name!r} could be any of {', '.join(sorted(names))}: give the full name")
    speaker = session.get(Speaker, ids[0])
    assert speaker is not None
    return speaker


def outlet_ids(session: Session, name: str) -> list[int]:
    """The outlets a name means: by name or alias as stored, or as the gazetteer knows it."""
    keys = {outlet_key(name)}
    info = lookup_outlet(name)
    if info is not None and outlet_key(name) in {
        outlet_key(info.name),
        *(outlet_key(a) for a in info.aliases),
    }:
        keys.add(outlet_key(info.name))
    keys.discard("")
    by_alias = select(OutletAlias.outlet_id).where(OutletAlias.alias_key.in_(keys))
    return list(
        session.scalars(
            select(Outlet.id)
            .where(sa.or_(Outlet.name_key.in_(keys), Outlet.id.in_(by_alias)))
            .order_by(Outlet.id)
        )
    )


def _need_outlets(session: Session, name: str) -> list[int]:
    ids = outlet_ids(session, name)
    if not ids:
        raise NotFound(f"no outlet named {name!r}: `quotes outlets` lists them")
    return ids


def conditions(session: Session, filters: Filters) -> list[sa.ColumnElement[bool]]:
    """The filters as conditions on quotes (names resolved once); unknown names raise."""
    where: list[sa.ColumnElement[bool]] = []
    if filters.speaker:
        ids = speaker_ids(session, filters.speaker)
        if not ids:
            _one_speaker(session, filters.speaker)  # raises with a suggestion
        where.append(Quote.speaker_id.in_(ids))
    if filters.outlet:
        published = select(Article.id).where(
            Article.publisher_id.in_(_need_outlets(session, filters.outlet))
        )
        where.append(Quote.article_id.in_(published))
    if filters.via:
        where.append(Quote.via_outlet_id.in_(_need_outlets(session, filters.via)))
    if filters.since:
        where.append(Quote.dated_on >= filters.since)
    if filters.until:
        where.append(Quote.dated_on <= filters.until)
    if filters.kind:
        if filters.kind not in QUOTE_KINDS:
            raise QuotesError(f"unknown kind {filters.kind!r}: use one of {', '.join(QUOTE_KINDS)}")
        where.append(Quote.kind == filters.kind)
    return where


def _filtered(session: Session, stmt: Select[Any], filters: Filters) -> Select[Any]:
    """`stmt` (which selects from quotes) narrowed by the filters and limited."""
    stmt = stmt.where(*conditions(session, filters))
    return stmt if filters.limit is None else stmt.limit(filters.limit)


# ---------------------------------------------------------------------------------------------
# Search


@dataclass(frozen=True)
class Hit:
    """One quotation found: `quotation` has the matched words between `MARK`s."""

    id: int
    date: date | None
    """When it was said: the date the text gives, else the article's published date."""
    speaker: str | None
    publisher: str | None
    via: str | None
    kind: str
    quotation: str
    remark_id: int | None
    other_outlets: int
    """How many outlets other than this publisher carried the same remark."""


HIT_COLUMNS: Final = tuple(Hit.__dataclass_fields__)


@dataclass(frozen=True)
class SearchResult:
    term: str
    by: str
    """'speaker' when the term named speakers, else 'text'."""
    speakers: tuple[str, ...]
    hits: tuple[Hit, ...]
    suggestion: str | None = None
    """A speaker the term probably means, when it found nothing."""

    def rows(self) -> list[dict[str, Any]]:
        return [asdict(hit) for hit in self.hits]


RANK_WINDOW: Final = 20_000
"""Matches are ranked among the RANK_WINDOW most recently stored quotations first, widened
tenfold while fewer than the limit match there, then among all: ranking is linear in the
matches, so a very common word would otherwise rank hundreds of thousands. Higher: more
exhaustive ranking of common words, slower."""


def _text_match_ids(session: Session, term: str, filters: Filters) -> list[int]:
    """Ids of quotations whose text matches, best first (see RANK_WINDOW)."""
    if session.get_bind().dialect.name == "sqlite":
        query = fts.fts5_query(term)
        if not query:
            return []
        fts_id: sa.ColumnElement[int] = _FTS5.c.rowid
        stmt = (
            select(fts_id)
            .where(sa.text("quotes_fts MATCH :fts_query").bindparams(fts_query=query))
            .order_by(_FTS5.c.rank, fts_id)
        )
        newest = select(func.max(_FTS5.c.rowid))
    else:
        tsquery = func.plainto_tsquery(_PG_CONFIG, term)
        rank = func.ts_rank(_PG_FTS.c.vector, tsquery, PG_RANK_NORMALIZATION)
        fts_id = _PG_FTS.c.id
        stmt = (
            select(fts_id).where(_PG_FTS.c.vector.op("@@")(tsquery)).order_by(rank.desc(), fts_id)
        )
        newest = select(func.max(_PG_FTS.c.id))
    where = conditions(session, filters)
    if where:  # only then is the quotes table needed
        stmt = stmt.join(Quote, Quote.id == fts_id).where(*where)
    if filters.limit is None:
        return list(session.scalars(stmt))
    stmt = stmt.limit(filters.limit)
    last = session.scalar(newest) or 0
    window = RANK_WINDOW
    while window < last:
        found = list(session.scalars(stmt.where(fts_id > last - window)))
        if len(found) >= filters.limit:
            return found
        window *= 10
    return list(session.scalars(stmt))


def _marked_texts(session: Session, term: str, ids: Sequence[int]) -> dict[int, str]:
    """The text of each quotation with the words that matched `term` between MARKs."""
    if not ids:
        return {}
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(
            sa.text(
                "SELECT rowid, highlight(quotes_fts, 0, :mark, :mark) FROM quotes_fts "
                "WHERE quotes_fts MATCH :fts_query AND rowid IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"mark": MARK, "fts_query": fts.fts5_query(term), "ids": list(ids)},
        )
    else:
        options = f"HighlightAll=true, StartSel={MARK}, StopSel={MARK}"
        rows = session.execute(
            select(
                Quote.id,
                func.ts_headline(
                    _PG_CONFIG, Quote.text, func.plainto_tsquery(_PG_CONFIG, term), options
                ),
            ).where(Quote.id.in_(ids))
        )
    return {int(row[0]): str(row[1]) for row in rows}


def _hits(session: Session, ids: Sequence[int], marked: Mapping[int, str]) -> tuple[Hit, ...]:
    """The hits for `ids`, in that order, with names and the remark's other outlets."""
    if not ids:
        return ()
    rows = session.execute(
        select(
            Quote.id, Quote.dated_on, Speaker.name, Publisher.name, Via.name, Quote.kind,
            Quote.text, Quote.remark_id, Article.publisher_id,
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .outerjoin(Publisher, Publisher.id == Article.publisher_id)
        .outerjoin(Via, Via.id == Quote.via_outlet_id)
        .where(Quote.id.in_(ids))
    ).all()  # fmt: skip
    other_outlets = _other_outlets(session, ids)
    by_id = {
        row[0]: Hit(
            id=row[0], date=row[1], speaker=row[2], publisher=row[3], via=row[4],
            kind=row[5], quotation=marked.get(row[0], row[6]), remark_id=row[7],
            other_outlets=other_outlets.get(row[0], 0),
        )
        for row in rows
    }  # fmt: skip
    return tuple(by_id[i] for i in ids if i in by_id)


def _other_outlets(session: Session, ids: Sequence[int]) -> dict[int, int]:
    """For each quotation: how many publishers other than its own carried its remark."""
    hit, same = aliased(Quote), aliased(Quote)
    hit_article, same_article = aliased(Article), aliased(Article)
    rows = session.execute(
        select(hit.id, func.count(sa.distinct(same_article.publisher_id)))
        .join(hit_article, hit_article.id == hit.article_id)
        .join(same, same.remark_id == hit.remark_id)
        .join(same_article, same_article.id == same.article_id)
        .where(
            hit.id.in_(ids),
            sa.or_(
                hit_article.publisher_id.is_(None),
                same_article.publisher_id != hit_article.publisher_id,
            ),
        )
        .group_by(hit.id)
    )
    return {int(i): int(n) for i, n in rows}


MAX_SPEAKER_QUERIES: Final = 20
"""Up to this many speakers (a shared surname) are read one index range each; more in one
query that sorts their quotations."""


def _speaker_quote_ids(session: Session, ids: Sequence[int], filters: Filters) -> list[int]:
    """The speakers' quotation ids, newest first, undated last. Each speaker's dated ones come
    from the (speaker_id, dated_on) index in order, so the busiest speaker costs no sort."""
    where = conditions(session, filters)
    newest = (Quote.dated_on.desc(), Quote.id.desc())
    dated: list[tuple[date, int]] = []
    groups = [[i] for i in ids] if len(ids) <= MAX_SPEAKER_QUERIES else [list(ids)]
    for group in groups:
        stmt = (
            select(Quote.dated_on, Quote.id)
            .where(Quote.speaker_id.in_(group), Quote.dated_on.is_not(None), *where)
            .order_by(*newest)
        )
        if filters.limit is not None:
            stmt = stmt.limit(filters.limit)
        dated.extend((row[0], row[1]) for row in session.execute(stmt))
    dated.sort(reverse=True)
    found = [quote_id for _, quote_id in dated[: filters.limit]]
    if filters.limit is None or len(found) < filters.limit:
        undated = (
            select(Quote.id)
            .where(Quote.speaker_id.in_(ids), Quote.dated_on.is_(None), *where)
            .order_by(Quote.id.desc())
        )
        if filters.limit is not None:
            undated = undated.limit(filters.limit - len(found))
        found.extend(session.scalars(undated))
    return found


def search(
    session: Session, term: str, filters: Filters = Filters(), *, text_only: bool = False
) -> SearchResult:
    """Quotations for `term`: a speaker's (newest first) when it names speakers, else those
    whose wording matches (best first). `text_only` skips the speaker interpretation."""
    term = term.strip()
    ids = [] if text_only else speaker_ids(session, term)
    if ids:
        names = session.scalars(select(Speaker.name).where(Speaker.id.in_(ids))).all()
        found = _speaker_quote_ids(session, ids, filters)
        return SearchResult(term, "speaker", tuple(sorted(names)), _hits(session, found, {}))
    found = _text_match_ids(session, term, filters)
    hits = _hits(session, found, _marked_texts(session, term, found))
    suggestion = None if hits or text_only else suggest_speaker(session, term)
    return SearchResult(term, "text", (), hits, suggestion)


# ---------------------------------------------------------------------------------------------
# One quotation in context


@dataclass(frozen=True)
class QuoteDetail:
    id: int
    quotation: str
    kind: str
    paragraph: str
    speaker: str | None
    role: str | None
    speaker_as_written: str | None
    cue: str | None
    via: str | None
    via_as_written: str | None
    said_on: date | None
    confidence: float
    publisher: str | None
    title: str | None
    url: str | None
    published: date | None
    article_id: int
    remark_id: int | None
    remark: str | None
    remark_quotations: int
    remark_outlets: int

    def record(self) -> dict[str, Any]:
        return asdict(self)


def paragraph_around(body: str, start: int, end: int) -> str:
    """The lines of `body` that hold the characters start..end, with the quotation marked."""
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    first = body.rfind("\n", 0, start) + 1
    last = body.find("\n", end)
    last = len(body) if last == -1 else last
    return (body[first:start] + MARK + body[start:end] + MARK + body[end:last]).strip()


def show_quote(session: Session, quote_id: int) -> QuoteDetail:
    quote = session.get(Quote, quote_id)
    if quote is None:
        raise NotFound(f"no quotation with id {quote_id}")
    article = quote.article
    remark = quote.remark
    quotations = outlets = 0
    if remark is not None:
        quotations, outlets = session.execute(
            select(func.count(), func.count(sa.distinct(Article.publisher_id)))
            .select_from(Quote)
            .join(Article, Article.id == Quote.article_id)
            .where(Quote.remark_id == remark.id)
        ).one()
    return QuoteDetail(
        id=quote.id,
        quotation=quote.text,
        kind=quote.kind,
        paragraph=paragraph_around(article.body, quote.start_char, quote.end_char),
        speaker=quote.speaker.name if quote.speaker else None,
        role=quote.speaker_role or (quote.speaker.role if quote.speaker else None),
        speaker_as_written=quote.speaker_text,
        cue=quote.cue,
        via=quote.via_outlet.name if quote.via_outlet else None,
        via_as_written=quote.via_text,
        said_on=quote.said_on,
        confidence=quote.confidence,
        publisher=article.publisher.name if article.publisher else None,
        title=article.title,
        url=article.url,
        published=article.published,
        article_id=article.id,
        remark_id=remark.id if remark else None,
        remark=remark.canonical_text if remark else None,
        remark_quotations=int(quotations),
        remark_outlets=int(outlets),
    )


# ---------------------------------------------------------------------------------------------
# Speakers and outlets


SPEAKER_COLUMNS: Final = ("id", "name", "kind", "role", "quotations", "remarks", "aliases")
OUTLET_COLUMNS: Final = ("id", "name", "kind", "country", "articles", "quotations", "relayed")


def list_speakers(session: Session, search: str | None = None) -> list[dict[str, Any]]:
    """Speakers with their numbers of quotations and remarks, most quoted first; `search`
    keeps those whose name or an alias contains it (in any case, without diacritics)."""
    counts = (
        select(
            Quote.speaker_id.label("speaker_id"),
            func.count().label("quotations"),
            func.count(sa.distinct(Quote.remark_id)).label("remarks"),
        )
        .group_by(Quote.speaker_id)
        .subquery()
    )
    stmt = (
        select(
            Speaker.id, Speaker.name, Speaker.kind, Speaker.role,
            func.coalesce(counts.c.quotations, 0), func.coalesce(counts.c.remarks, 0),
        )
        .outerjoin(counts, counts.c.speaker_id == Speaker.id)
        .order_by(func.coalesce(counts.c.quotations, 0).desc(), Speaker.name, Speaker.id)
    )  # fmt: skip
    if search:
        pattern = f"%{fold(search)}%"
        by_alias = select(SpeakerAlias.speaker_id).where(SpeakerAlias.alias_key.like(pattern))
        stmt = stmt.where(sa.or_(Speaker.name_key.like(pattern), Speaker.id.in_(by_alias)))
    rows = session.execute(stmt).all()
    aliases: dict[int, list[str]] = {}
    alias_rows = session.execute(
        select(SpeakerAlias.speaker_id, SpeakerAlias.alias)
        .where(SpeakerAlias.speaker_id.in_([r[0] for r in rows]))
        .order_by(SpeakerAlias.alias)
    )
    for speaker_id, alias in alias_rows:
        aliases.setdefault(speaker_id, []).append(alias)
    return [
        dict(zip(SPEAKER_COLUMNS, (*row, ", ".join(aliases.get(row[0], []))), strict=True))
        for row in rows
    ]


def list_outlets(session: Session) -> list[dict[str, Any]]:
    """Outlets with the articles they published, the quotations in those, and the quotations
    other outlets relayed from them; busiest first."""
    published = (
        select(
            Article.publisher_id.label("outlet_id"),
            func.count(sa.distinct(Article.id)).label("articles"),
            func.count(Quote.id).label("quotations"),
        )
        .outerjoin(Quote, Quote.article_id == Article.id)
        .group_by(Article.publisher_id)
        .subquery()
    )
    relayed = (
        select(Quote.via_outlet_id.label("outlet_id"), func.count().label("relayed"))
        .group_by(Quote.via_outlet_id)
        .subquery()
    )
    articles = func.coalesce(published.c.articles, 0)
    relayed_count = func.coalesce(relayed.c.relayed, 0)
    stmt = (
        select(
            Outlet.id, Outlet.name, Outlet.kind, Outlet.country, articles,
            func.coalesce(published.c.quotations, 0), relayed_count,
        )
        .outerjoin(published, published.c.outlet_id == Outlet.id)
        .outerjoin(relayed, relayed.c.outlet_id == Outlet.id)
        .order_by((articles + relayed_count).desc(), Outlet.name)
    )  # fmt: skip
    return [dict(zip(OUTLET_COLUMNS, row, strict=True)) for row in session.execute(stmt)]


@dataclass(frozen=True)
class Merged:
    kept: str
    removed: str
    quotations: int
    remarks: int
    aliases: int


def _add_user_alias(session: Session, speaker: Speaker, alias: str, key: str) -> None:
    existing = session.scalar(select(SpeakerAlias).where(SpeakerAlias.alias_key == key))
    if existing is None:
        session.add(SpeakerAlias(speaker_id=speaker.id, alias=alias, alias_key=key, source="user"))
    else:
        existing.speaker_id = speaker.id
        existing.source = "user"
    session.flush()


def merge_speakers(session: Session, keep: str, remove: str) -> Merged:
    """Make `remove` one with `keep`: its quotations, remarks and aliases move to `keep`, its
    name becomes a user alias of `keep` (so later ingests resolve it there), and it is deleted.
    The caller commits."""
    a, b = _one_speaker(session, keep), _one_speaker(session, remove)
    if a.id == b.id:
        raise QuotesError(f"{keep!r} and {remove!r} are already the same speaker ({a.name})")
    moved_quotes = session.execute(
        sa.update(Quote).where(Quote.speaker_id == b.id).values(speaker_id=a.id)
    )
    moved_remarks = session.execute(
        sa.update(Remark).where(Remark.speaker_id == b.id).values(speaker_id=a.id)
    )
    moved_aliases = session.execute(
        sa.update(SpeakerAlias).where(SpeakerAlias.speaker_id == b.id).values(speaker_id=a.id)
    )
    if not a.role and b.role:
        a.role = b.role
    removed_name, removed_key = b.name, b.name_key
    session.delete(b)
    session.flush()
    session.expire_all()
    kept = session.get(Speaker, a.id)
    assert kept is not None
    _add_user_alias(session, kept, removed_name, removed_key)
    return Merged(
        kept=kept.name,
        removed=removed_name,
        quotations=moved_quotes.rowcount,  # type: ignore[attr-defined]
        remarks=moved_remarks.rowcount,  # type: ignore[attr-defined]
        aliases=moved_aliases.rowcount + 1,  # type: ignore[attr-defined]
    )


def add_speaker_alias(session: Session, name: str, alias: str) -> str:
    """Record `alias` as another name of the speaker `name` (source 'user', kept for ever).
    Returns the speaker's name. The caller commits."""
    speaker = _one_speaker(session, name)
    key = name_key(alias)
    if not key:
        raise QuotesError(f"alias {alias!r} has no letters or digits")
    other = session.scalar(select(Speaker).where(Speaker.name_key == key))
    if other is not None and other.id != speaker.id:
        raise QuotesError(
            f"{alias!r} is already the speaker {other.name!r}: "
            f"use `quotes speakers merge {speaker.name!r} {other.name!r}`"
        )
    if other is None:
        _add_user_alias(session, speaker, alias.strip(), key)
    return speaker.name


# ---------------------------------------------------------------------------------------------
# Reports


def list_reports() -> list[dict[str, Any]]:
    return [{"name": v.name, "view": v.view_name, "description": v.description} for v in REPORTS]


def report_view(name: str) -> View:
    for view in REPORTS:
        if name in (view.name, view.view_name, view.name.replace("_", "-")):
            return view
    raise NotFound(f"no report named {name!r}: choose one of {', '.join(v.name for v in REPORTS)}")


@dataclass(frozen=True)
class ReportResult:
    name: str
    columns: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)


def run_report(
    session: Session, name: str, *, speaker: str | None = None, limit: int | None = None
) -> ReportResult:
    """The rows of one report view, in its order; `speaker` keeps that speaker's rows (for
    reports that have a speaker)."""
    view = report_view(name)
    table = sa.table(view.view_name)
    stmt = select(sa.text("*")).select_from(table).order_by(sa.text(view.order_by))
    if speaker:
        if view.name not in ("speaker_publishers", "speaker_timeline"):
            raise QuotesError(f"report {view.name!r} has no --speaker filter")
        ids = speaker_ids(session, speaker) or [_one_speaker(session, speaker).id]
        stmt = stmt.where(sa.column("speaker_id").in_(ids))
    if limit is not None:
        stmt = stmt.limit(limit)
    result = session.execute(stmt)
    columns = tuple(result.keys())
    return ReportResult(view.name, columns, [dict(row._mapping) for row in result])


# ---------------------------------------------------------------------------------------------
# Read-only SQL


_WRITE_REFUSALS: Final = (
    "readonly database",
    "read-only transaction",
    "query_only",
)


@contextmanager
def run_readonly_sql(url: str, sql: str) -> Iterator[tuple[list[str], Iterator[dict[str, Any]]]]:
    """Run one statement on a connection that cannot write: SQLite with `PRAGMA query_only`,
    PostgreSQL in a READ ONLY transaction, and never more than one statement (sqlite3 refuses
    a second; on PostgreSQL the statement is prepared, which cannot hold two, so no COMMIT can
    end the read-only transaction). Yields the column names and a lazy iterator of rows.
    A statement that would write raises ReadOnlyViolation; other SQL errors DatabaseError."""
    parsed = make_url(url)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path not in (None, "", ":memory:") and not Path(str(path)).expanduser().is_file():
        raise DatabaseError(f"{describe(parsed)} does not exist")
    engine = make_engine(url)
    try:
        with connect(engine) as conn:
            dbapi_error: type[Exception] = conn.dialect.dbapi.Error  # type: ignore[union-attr]
            raw = conn.connection.driver_connection
            assert raw is not None
            try:
                if conn.dialect.name == "sqlite":
                    raw.execute("PRAGMA query_only = ON")
                    cursor = raw.cursor()
                    cursor.execute(sql)
                else:
                    raw.rollback()
                    raw.read_only = True
                    cursor = raw.cursor()
                    cursor.execute(sql, prepare=True)
            except dbapi_error as exc:
                raise _sql_error(exc) from None
            columns = [d[0] for d in cursor.description] if cursor.description else []
            try:
                yield columns, _rows(cursor, columns, dbapi_error)
            finally:
                cursor.close()
                raw.rollback()
    finally:
        engine.dispose()


def _rows(
    cursor: Any, columns: list[str], dbapi_error: type[Exception]
) -> Iterator[dict[str, Any]]:
    if not columns:
        return
    try:
        while batch := cursor.fetchmany(1000):
            for row in batch:
                yield dict(zip(columns, row, strict=True))
    except dbapi_error as exc:
        raise _sql_error(exc) from None


def _sql_error(exc: Exception) -> QuotesError:
    lines = str(exc).strip().splitlines()
    message = lines[0] if lines else type(exc).__name__
    if any(marker in message.lower() for marker in _WRITE_REFUSALS):
        return ReadOnlyViolation(f"quotes sql is read-only: {message}")
    return DatabaseError(f"SQL error: {message}")


# ---------------------------------------------------------------------------------------------
# Export


EXPORT_COLUMNS: Final = (
    "id", "date", "said_on", "speaker", "speaker_role", "cue", "kind", "quotation", "publisher",
    "via", "title", "url", "published", "remark_id", "article_id", "start_char", "end_char",
    "confidence",
)  # fmt: skip


def export(
    session: Session, filters: Filters = Filters(limit=None), term: str | None = None
) -> Iterator[dict[str, Any]]:
    """Every quotation that the filters (and `term`, read as `search` reads it) select, in id
    order, one row at a time: memory stays constant however many there are."""
    stmt = (
        select(
            Quote.id, Quote.dated_on, Quote.said_on, Speaker.name, Quote.speaker_role, Quote.cue,
            Quote.kind,
            Quote.text, Publisher.name, Via.name, Article.title, Article.url, Article.published,
            Quote.remark_id, Quote.article_id, Quote.start_char, Quote.end_char,
            Quote.confidence,
        )
        .join(Article, Article.id == Quote.article_id)
        .outerjoin(Speaker, Speaker.id == Quote.speaker_id)
        .outerjoin(Publisher, Publisher.id == Article.publisher_id)
        .outerjoin(Via, Via.id == Quote.via_outlet_id)
        .order_by(Quote.id)
    )  # fmt: skip
    if term:
        ids = speaker_ids(session, term)
        if ids:
            stmt = stmt.where(Quote.speaker_id.in_(ids))
        elif session.get_bind().dialect.name == "sqlite":
            query = fts.fts5_query(term)
            matches = select(_FTS5.c.rowid).where(
                sa.text("quotes_fts MATCH :fts_query").bindparams(fts_query=query)
            )
            stmt = stmt.where(Quote.id.in_(matches) if query else sa.false())
        else:
            tsquery = func.plainto_tsquery(_PG_CONFIG, term)
            matches = select(_PG_FTS.c.id).where(_PG_FTS.c.vector.op("@@")(tsquery))
            stmt = stmt.where(Quote.id.in_(matches))
    stmt = _filtered(session, stmt, filters)
    result = session.execute(stmt.execution_options(yield_per=1000))
    for row in result:
        yield dict(zip(EXPORT_COLUMNS, row, strict=True))
