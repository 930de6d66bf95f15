"""Search: one term, a speaker or words of quotations, with filters.

When the term is a speaker's name, an alias or a unique surname (in any case, with or without
diacritics) it finds that speaker's quotations, newest first; otherwise it is full-text search
over the wording of quotations, best match first. User input is always a bound parameter, and on
SQLite each word is double-quoted before it reaches FTS5, so no term is ever a syntax error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Final

import sqlalchemy as sa
from rapidfuzz import fuzz, process
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from quotes.errors import NotFound, QuotesError
from quotes.extract.names import fold, name_key, surname_key
from quotes.extract.outlets import lookup_outlet, outlet_key
from quotes.query.terms import checked_limit, checked_term
from quotes.store import fts
from quotes.store.models import (
    QUOTE_KINDS,
    Article,
    Outlet,
    OutletAlias,
    Quote,
    Speaker,
    SpeakerAlias,
)

DEFAULT_LIMIT: Final = 20

MARK: Final = "**"

"""Put either side of the words that matched, in every output format."""

SUGGESTION_CUTOFF: Final = 80.0

"""Lowest rapidfuzz ratio (0-100) for "did you mean": lower suggests more, and more wrongly."""

PG_RANK_NORMALIZATION: Final = 1

"""ts_rank divides by 1 + log(length): shorter quotations rank first, as with FTS5's bm25."""

FTS5 = sa.table("quotes_fts", sa.column("rowid", sa.Integer), sa.column("rank", sa.Float))

PG_FTS = sa.table("quotes_fts", sa.column("id", sa.Integer), sa.column("vector"))

PG_CONFIG: sa.ColumnElement[Any] = sa.literal_column(f"'{fts.TEXT_SEARCH_CONFIG}'::regconfig")

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

    def __post_init__(self) -> None:
        checked_limit(self.limit)
        for what, name in (("speaker", self.speaker), ("outlet", self.outlet), ("via", self.via)):
            if name is not None:
                checked_term(name, what)


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


def one_speaker(session: Session, name: str) -> Speaker:
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
            one_speaker(session, filters.speaker)  # raises with a suggestion
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


def filtered(session: Session, stmt: Select[Any], filters: Filters) -> Select[Any]:
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
        fts_id: sa.ColumnElement[int] = FTS5.c.rowid
        stmt = (
            select(fts_id)
            .where(sa.text("quotes_fts MATCH :fts_query").bindparams(fts_query=query))
            .order_by(FTS5.c.rank, fts_id)
        )
        newest = select(func.max(FTS5.c.rowid))
    else:
        tsquery = func.plainto_tsquery(PG_CONFIG, term)
        rank = func.ts_rank(PG_FTS.c.vector, tsquery, PG_RANK_NORMALIZATION)
        fts_id = PG_FTS.c.id
        stmt = select(fts_id).where(PG_FTS.c.vector.op("@@")(tsquery)).order_by(rank.desc(), fts_id)
        newest = select(func.max(PG_FTS.c.id))
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
                    PG_CONFIG, Quote.text, func.plainto_tsquery(PG_CONFIG, term), options
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
    term = checked_term(term).strip()
    ids = [] if text_only else speaker_ids(session, term)
    if ids:
        names = session.scalars(select(Speaker.name).where(Speaker.id.in_(ids))).all()
        found = _speaker_quote_ids(session, ids, filters)
        return SearchResult(term, "speaker", tuple(sorted(names)), _hits(session, found, {}))
    found = _text_match_ids(session, term, filters)
    hits = _hits(session, found, _marked_texts(session, term, found))
    suggestion = None if hits or text_only else suggest_speaker(session, term)
    return SearchResult(term, "text", (), hits, suggestion)
