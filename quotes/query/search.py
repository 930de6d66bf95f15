"""Search: one term, a speaker or words of quotations, with filters.

When the term is a speaker's name, an alias, a surname or (one word) a given name, in any case,
with or without diacritics, it finds that speaker's quotations, newest first; otherwise it is
full-text search over the wording of quotations, best match first, in the search language of
`quotes.query.language` (the same on SQLite and PostgreSQL). User input is always a bound
parameter, and the language writes only letters and digits into a backend's query syntax, so no
term is ever a syntax error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import sqlalchemy as sa
from rapidfuzz import fuzz, process
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from quotes.errors import NotFound, QuotesError
from quotes.extract.names import fold, name_key, surname_key
from quotes.extract.outlets import lookup_outlet, outlet_key
from quotes.query.language import SearchQuery, parse, to_fts5, to_tsquery
from quotes.query.marked import START, STOP, spans_between
from quotes.query.terms import checked_limit, checked_term, id_in_range
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
    """The speakers a name means: by full name or alias, else every person with that surname,
    else (one word) every person with that given name, or (several words) whose name ends with
    them."""
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
    if not ids and key and " " not in key:  # a given name alone: "Vladimir"
        ids = session.scalars(
            select(Speaker.id)
            .where(Speaker.name_key.like(f"{key} %"), Speaker.kind == "person")
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
    """The one speaker `name` (or an id, as listings show) means; none or several raise."""
    if name.strip().isdigit():
        by_id = session.get(Speaker, int(name)) if id_in_range(int(name)) else None
        if by_id is None:
            raise NotFound(f"no speaker with id {name.strip()}: `quotes speakers` lists them")
        return by_id
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
    """The outlets a name (or an id) means: by name or alias as stored, or as the gazetteer
    knows it."""
    if name.strip().isdigit():
        outlet = session.get(Outlet, int(name)) if id_in_range(int(name)) else None
        return [outlet.id] if outlet is not None else []
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
        ids = speaker_ids(session, filters.speaker) or [one_speaker(session, filters.speaker).id]
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
    """One quotation found: `quotation` is a `Marked` string with the matched words as spans."""

    quote_id: int
    date: date | None
    """When it was said: the date the text gives, else the article's published date."""
    speaker: str | None
    publisher: str | None
    via: str | None
    kind: str
    quotation: str
    remark_id: int | None
    publishers: int
    """Publishers that carried its remark, its own included (as `remarks` and `compare` count
    them); a quotation in no remark counts its own publisher."""


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
    total: int = 0
    """How many quotations match in all (counted up to COUNT_CAP); `hits` holds at most the
    limit."""
    tried: str = ""
    """What the wording was searched for, in words ("all of: world, order")."""
    alone: tuple[tuple[str, int], ...] = ()
    """When nothing matched several terms: how many quotations each term finds alone."""
    names_tried: bool = True
    """Whether the term was tried as a speaker's name before the wording."""

    def rows(self) -> list[dict[str, Any]]:
        return [{c: getattr(hit, c) for c in HIT_COLUMNS} for hit in self.hits]

    def nothing_found(self) -> str:
        """One line saying what was tried and what is close, for an empty result."""
        if self.by == "speaker":
            return f"No quotations of {', '.join(self.speakers)} match the filters."
        tried = f"wording searched for {self.tried}" if self.tried else "no word to search for"
        if self.names_tried:
            tried = "no speaker of that name; " + tried
        line = f"No quotations match {self.term!r} ({tried})."
        if self.alone:
            line += " Alone: " + ", ".join(f"{t} finds {n}" for t, n in self.alone) + "."
        if self.suggestion:
            line += f" Did you mean {self.suggestion!r}?"
        return line


RANK_WINDOW: Final = 20_000

"""Matches are ranked among the RANK_WINDOW most recently stored quotations first, widened
tenfold while fewer than the limit match there, then among all: ranking is linear in the
matches, so a very common word would otherwise rank hundreds of thousands. Higher: more
exhaustive ranking of common words, slower."""


def _pg_tsquery(query: SearchQuery) -> sa.ColumnElement[Any]:
    return func.to_tsquery(PG_CONFIG, to_tsquery(query))


def matching(session: Session, query: SearchQuery) -> tuple[Select[Any], Any, tuple[Any, ...]]:
    """The ids of quotations whose wording matches `query` (a select), the id column, and the
    best-first ordering."""
    if session.get_bind().dialect.name == "sqlite":
        fts_id: Any = FTS5.c.rowid
        match = sa.text("quotes_fts MATCH :fts_query").bindparams(fts_query=to_fts5(query))
        return select(fts_id).where(match), fts_id, (FTS5.c.rank, fts_id)
    tsquery = _pg_tsquery(query)
    rank = func.ts_rank(PG_FTS.c.vector, tsquery, PG_RANK_NORMALIZATION)
    stmt = select(PG_FTS.c.id).where(PG_FTS.c.vector.op("@@")(tsquery))
    return stmt, PG_FTS.c.id, (rank.desc(), PG_FTS.c.id)


def _text_match_ids(
    session: Session, query: SearchQuery, filters: Filters, count: bool = True
) -> tuple[list[int], int]:
    """Ids of quotations whose text matches, best first (see RANK_WINDOW), and how many match."""
    stmt, fts_id, order = matching(session, query)
    where = conditions(session, filters)
    if where:  # only then is the quotes table needed
        stmt = stmt.join(Quote, Quote.id == fts_id).where(*where)
    if filters.limit is None:
        found = list(session.scalars(stmt.order_by(*order)))
        return found, len(found)
    ranked = stmt.order_by(*order).limit(filters.limit)
    found = _ranked_within_windows(session, ranked, fts_id, filters.limit)
    total = len(found)
    if count and total >= filters.limit:
        total = capped_count(session, stmt)
    return found, total


COUNT_CAP: Final = 10_000
"""Matches are counted up to this many (for "N more"): counting every match of a common word
would cost more than the search."""


def capped_count(session: Session, stmt: Select[Any]) -> int:
    """How many rows `stmt` selects, counting no further than COUNT_CAP."""
    limited = stmt.order_by(None).limit(COUNT_CAP).subquery()
    return session.scalar(select(func.count()).select_from(limited)) or 0


def _ranked_within_windows(
    session: Session, stmt: Select[Any], fts_id: Any, limit: int
) -> list[int]:
    last = session.scalar(select(func.max(fts_id))) or 0
    window = RANK_WINDOW
    while window < last:
        found = list(session.scalars(stmt.where(fts_id > last - window)))
        if len(found) >= limit:
            return found
        window *= 10
    return list(session.scalars(stmt))


def _marked_texts(session: Session, query: SearchQuery, ids: Sequence[int]) -> dict[int, str]:
    """The text of each quotation with the words that matched as highlighted spans."""
    if not ids:
        return {}
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(
            sa.text(
                "SELECT rowid, highlight(quotes_fts, 0, :start, :stop) FROM quotes_fts "
                "WHERE quotes_fts MATCH :fts_query AND rowid IN :ids"
            ).bindparams(sa.bindparam("ids", expanding=True)),
            {"start": START, "stop": STOP, "fts_query": to_fts5(query), "ids": list(ids)},
        )
    else:
        options = f'HighlightAll=true, StartSel="{START}", StopSel="{STOP}"'
        rows = session.execute(
            select(Quote.id, func.ts_headline(PG_CONFIG, Quote.text, _pg_tsquery(query), options))
            .where(Quote.id.in_(ids))
        )  # fmt: skip
    return {int(row[0]): spans_between(str(row[1])) for row in rows}


def _hits(session: Session, ids: Sequence[int], marked: Mapping[int, str]) -> tuple[Hit, ...]:
    """The hits for `ids`, in that order, with names and how many publishers carried each
    one's remark."""
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
    publishers = _remark_publishers(session, {row[7] for row in rows if row[7] is not None})
    by_id = {
        row[0]: Hit(
            quote_id=row[0], date=row[1], speaker=row[2], publisher=row[3], via=row[4],
            kind=row[5], quotation=marked.get(row[0], row[6]), remark_id=row[7],
            publishers=publishers.get(row[7], int(row[8] is not None)),
        )
        for row in rows
    }  # fmt: skip
    return tuple(by_id[i] for i in ids if i in by_id)


def _remark_publishers(session: Session, remark_ids: Iterable[int]) -> dict[int, int]:
    """For each remark: how many publishers carried it."""
    rows = session.execute(
        select(Quote.remark_id, func.count(sa.distinct(Article.publisher_id)))
        .join(Article, Article.id == Quote.article_id)
        .where(Quote.remark_id.in_(sorted(remark_ids)))
        .group_by(Quote.remark_id)
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


def _speaker_total(session: Session, ids: Sequence[int], filters: Filters, found: int) -> int:
    if filters.limit is None or found < filters.limit:
        return found
    where = conditions(session, filters)
    return capped_count(session, select(Quote.id).where(Quote.speaker_id.in_(ids), *where))


def _alone(session: Session, query: SearchQuery) -> tuple[tuple[str, int], ...]:
    """How many quotations each term of a query with several terms finds on its own."""
    if len(query.terms()) + len(query.excluded) < 2:
        return ()
    counts = []
    for term in query.terms():
        stmt = matching(session, SearchQuery(((term,),)))[0]
        counts.append((term.describe(), session.scalar(select(func.count()).select_from(
            stmt.subquery())) or 0))  # fmt: skip
    return tuple(counts)


def search(
    session: Session,
    term: str,
    filters: Filters = Filters(),
    *,
    text_only: bool = False,
    count: bool = True,
) -> SearchResult:
    """Quotations for `term`: a speaker's (newest first) when it names speakers, else those
    whose wording matches (best first). `text_only` skips the speaker interpretation; without
    `count` the matches beyond the page are not counted (`total` is the page's hits), which
    saves a query that, for a common word among a million quotations, costs more than the
    search itself."""
    term = checked_term(term).strip()
    ids = [] if text_only else speaker_ids(session, term)
    if ids:
        names = session.scalars(select(Speaker.name).where(Speaker.id.in_(ids))).all()
        found = _speaker_quote_ids(session, ids, filters)
        total = _speaker_total(session, ids, filters, len(found)) if count else len(found)
        hits = _hits(session, found, {})
        return SearchResult(term, "speaker", tuple(sorted(names)), hits, total=total)
    query = parse(term)
    if query.empty:
        found, total = [], 0
    else:
        found, total = _text_match_ids(session, query, filters, count)
    hits = _hits(session, found, _marked_texts(session, query, found))
    if hits:
        return SearchResult(term, "text", (), hits, total=total, tried=query.describe())
    suggestion = None if text_only else suggest_speaker(session, term)
    by = "wording" if text_only else "text"
    return SearchResult(term, by, (), hits, suggestion, 0, query.describe(), _alone(session, query))
