"""Remarks in the database: link new quotations to remarks as articles arrive, and rebuild them all
(reading them back is `quotes.remarks.compare`).

The clustering itself is the pure part of `quotes.remarks`; this module feeds it. The database keeps
what the clusterer needs so that new quotations are placed without reading whole weeks: `quote_keys`
holds the blocking keys, by week, of each remark's representative of every wording (one per
signature: a wording carried a thousand times is keyed once), and each remark row its clustering
state (root, speakers, dates, count, fragments_only, canonical quotation; its outlets in
`remark_outlets`). `assign_remarks` looks up the representatives sharing a key with the new
quotations in the weeks around them (index lookups on quote_keys (key, bucket)), the quotations of
their own articles, and one state row per remark met; primes a `Clusterer` with them; adds the new
quotations in id order; and writes back only what changed. So the work per article depends on how
many distinct wordings it can meet, not on the size of the database or of a remark. `rebuild`
clears everything and places every quotation the same way, in id order, a step at a time; placing
them all in one in-memory pass gives the same remarks, links and keys (tests/remarks/test_assign.py
checks ingest against rebuild on a generated corpus; on the generator's million quotations both
benchmarks/bench_dedup.py's in-memory pass and a rebuild make 480,382 remarks).

Not safe against two processes assigning remarks around the same quotations at the same moment: each
sees the other's remarks only once committed (`quotes dedupe --rebuild` repairs that).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeVar

from sqlalchemy import Row, Select, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from quotes.remarks.blocking import bucket_of, global_keys, near_buckets
from quotes.remarks.clustering import Clusterer, RemarkState
from quotes.remarks.items import DedupItem, Link, Prepared, TextForms, prepare
from quotes.store.articles import QuoteRow, insert_quotes, reserve_ids
from quotes.store.bulk import ROWS_PER_STATEMENT, insert_rows
from quotes.store.fts import defer_indexing, index_deferred
from quotes.store.models import (
    KEY_LENGTH,
    Article,
    Quote,
    QuoteKey,
    QuoteLink,
    Remark,
    RemarkOutlet,
    Speaker,
)

T = TypeVar("T")

PREPARED_REMEMBERED = 50_000
"""Prepared quotations kept (least recently used go first): ingest meets the same neighbours
article after article, among them the quotations it placed itself a batch before."""
_prepared: OrderedDict[DedupItem, Prepared] = OrderedDict()
"""An OrderedDict, not a dict: taking a dict's first key after many deletions scans the holes
they left, which made the writer slower the longer it ran."""


def _prepare(item: DedupItem, forms: TextForms | None = None) -> Prepared:
    """`prepare`, remembered by item (`forms`, when the extracting worker computed them, spare
    the work for a quotation seen for the first time)."""
    found = _prepared.get(item)
    if found is not None:
        _prepared.move_to_end(item)
        return found
    found = prepare(item, forms)
    if len(_prepared) >= PREPARED_REMEMBERED:
        _prepared.popitem(last=False)
    _prepared[item] = found
    return found


CHUNK = 500

"""Ids per IN (...) list: well below SQLite's and PostgreSQL's parameter limits."""


@dataclass(frozen=True, slots=True)
class DedupeSummary:
    quotations: int
    remarks: int
    links: int


@dataclass(frozen=True, slots=True)
class DiffPart:
    """One run of words of a report against the canonical wording: `same`, `cut` (only in the
    canonical text), `added` (only in the report), `changed` (`text` replaced `canonical`)."""

    op: Literal["same", "cut", "added", "changed"]
    text: str
    canonical: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """One quotation of a remark as an outlet carried it."""

    quote_id: int
    said_on: date | None
    publisher: str | None
    via: str | None
    speaker_text: str | None
    relation: str
    text: str
    source_path: str
    start: int
    end: int
    diff: tuple[DiffPart, ...]
    date_inferred: bool = False
    """`said_on` is the remark's date: the report's article gives none (never taken as fact)."""
    speaker: str | None = None
    """The speaker the report is credited to (resolved; `speaker_text` is as written)."""
    why: str = ""
    """Why the report belongs: its relation to the canonical wording with the words and meaning
    scores, a translation variant said as such, an inferred date, another speaker as written."""


@dataclass(frozen=True, slots=True)
class RemarkSummary:
    id: int
    speaker: str | None
    canonical_text: str
    first_said_on: date | None
    last_said_on: date | None
    quote_count: int
    outlet_count: int
    publishers: int = 0
    """Publishers that carried the remark (the articles' outlets)."""
    relays: int = 0
    """Relays it came through (agencies and channels the articles credit)."""
    articles: int = 0
    """Articles that quote it."""


@dataclass(frozen=True, slots=True)
class Comparison:
    remark: RemarkSummary
    reports: tuple[Report, ...]
    others: tuple[int, ...] = ()
    """Other remarks the words given to `compare` also match, most widely carried first."""


@dataclass(frozen=True, slots=True)
class PhraseUse:
    remark_id: int
    said_on: date | None
    text: str


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words a speaker used in several remarks (on different days)."""

    text: str
    uses: tuple[PhraseUse, ...]


# Loading quotations as dedup items.

_ROW_COLUMNS = (
    Quote.id,
    Quote.text,
    func.coalesce(Quote.said_on, Article.published),
    Quote.speaker_id,
    Speaker.kind,
    Article.publisher_id,
    Quote.via_outlet_id,
    Quote.article_id,
    Quote.start_char,
    Quote.kind,
    Quote.remark_id,
)


def _item_query() -> Select[Any]:
    return (
        select(*_ROW_COLUMNS)
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Speaker, Quote.speaker_id == Speaker.id)
    )


def _item(row: Row[Any]) -> DedupItem:
    quote_id, text, said_on, speaker_id, kind, publisher_id, via_id, article, start, form, _ = row
    outlets = tuple(f"{o}" for o in (publisher_id, via_id) if o is not None)
    return DedupItem(
        id=quote_id,
        text=text,
        said_on=said_on,
        speaker_key=None if speaker_id is None else str(speaker_id),
        speaker_is_org=kind == "organisation",
        outlets=tuple(dict.fromkeys(outlets)),
        article=article,
        start=start,
        paraphrase=form == "indirect",
    )


def _chunks(ids: Iterable[T]) -> Iterator[list[T]]:
    chunk: list[T] = []
    for one in ids:
        chunk.append(one)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _rows_by_ids(session: Session, ids: Iterable[int]) -> list[Row[Any]]:
    rows: list[Row[Any]] = []
    for chunk in _chunks(sorted(set(ids))):
        rows.extend(session.execute(_item_query().where(Quote.id.in_(chunk))))
    return rows


def _db_key(key: str) -> str:
    """A blocking key as stored: as written when short enough, else a digest of it (a clash
    only brings an extra candidate, which the clusterer's own postings then leave out)."""
    if len(key) <= KEY_LENGTH:
        return key
    return "#" + hashlib.blake2b(key.encode("utf-8"), digest_size=20).hexdigest()


def _key_rows(prepared: Iterable[Prepared]) -> Iterator[dict[str, Any]]:
    for p in prepared:
        bucket = bucket_of(p.day)
        for key in dict.fromkeys(_db_key(k) for k in global_keys(p, posting=True)):
            yield {"key": key, "bucket": bucket, "quote_id": p.item.id}


def _insert_keys(session: Session, prepared: Iterable[Prepared]) -> None:
    batch: list[dict[str, Any]] = []
    for row in _key_rows(prepared):
        batch.append(row)
        if len(batch) == ROWS_PER_STATEMENT:
            insert_rows(session, QuoteKey.table(), batch)
            batch = []
    if batch:
        insert_rows(session, QuoteKey.table(), batch)


def _keyed_neighbours(session: Session, new: Sequence[Prepared]) -> set[int]:
    """Quotations representing a wording in their remark that share a blocking key with a new
    one, in the buckets around it (any bucket for an undated one, which may join a dated
    remark): index lookups on quote_keys (key, bucket)."""
    dated_keys: set[str] = set()
    any_time_keys: set[str] = set()
    buckets: set[int | None] = set()
    for p in new:
        keys = {_db_key(k) for k in global_keys(p, posting=False)}
        if p.day is None:
            any_time_keys.update(keys)
        else:
            dated_keys.update(keys)
            buckets.update(near_buckets(p.day))
    dated = [b for b in buckets if b is not None]
    in_buckets = or_(QuoteKey.bucket.in_(sorted(dated)), QuoteKey.bucket.is_(None))
    found: set[int] = set()
    for keys, where in ((dated_keys - any_time_keys, in_buckets), (any_time_keys, None)):
        for chunk in _chunks(sorted(keys)):
            query = select(QuoteKey.quote_id).where(QuoteKey.key.in_(chunk))
            found.update(session.scalars(query if where is None else query.where(where)))
    return found


def _remark_state(
    row: Row[Any], canonical_item: Prepared | None, outlets: Iterable[int]
) -> RemarkState:
    (_, root, speaker_id, org_id, first, last, count, fragments_only, _) = row
    person = speaker_id if speaker_id is not None and speaker_id != org_id else None
    return RemarkState(
        root=root,
        count=count,
        person=None if person is None else str(person),
        org=None if org_id is None else str(org_id),
        first=None if first is None else first.toordinal(),
        last=None if last is None else last.toordinal(),
        fragments_only=fragments_only,
        canonical=canonical_item,
        outlets=tuple(str(o) for o in sorted(outlets)),
    )


@dataclass(slots=True)
class _Primed:
    """A clusterer holding what new quotations can meet, and the remarks it came from."""

    clusterer: Clusterer
    remark_of_root: dict[int, int]
    outlets: dict[int, set[int]]


def _prime(session: Session, new: Sequence[Prepared]) -> _Primed:
    """Load the neighbourhood of the new quotations: the representatives sharing a blocking key
    with one of them, the quotations already in remarks of their articles, and the state of
    those quotations' remarks (one row each, whatever their size)."""
    clusterer = Clusterer()
    new_ids = {p.item.id for p in new}
    keyed = _keyed_neighbours(session, new) - new_ids
    rows = _rows_by_ids(session, keyed)
    articles = sorted({p.item.article for p in new if p.item.article is not None})
    for chunk in _chunks(articles):
        same_article = _item_query().where(
            Quote.article_id.in_(chunk), Quote.remark_id.is_not(None)
        )
        skip = new_ids | keyed
        rows.extend(r for r in session.execute(same_article) if r[0] not in skip)
    rows = [r for r in rows if r[-1] is not None]
    remark_ids = sorted({r[-1] for r in rows})
    remark_rows: list[Row[Any]] = []
    outlets: dict[int, set[int]] = defaultdict(set)
    for chunk in _chunks(remark_ids):
        remark_rows.extend(session.execute(select(*_STATE_COLUMNS).where(Remark.id.in_(chunk))))
        query = select(RemarkOutlet.remark_id, RemarkOutlet.outlet_id)
        for remark_id, outlet_id in session.execute(query.where(RemarkOutlet.remark_id.in_(chunk))):
            outlets[remark_id].add(outlet_id)
    canon_rows = _rows_by_ids(session, [r[-1] for r in remark_rows if r[-1] is not None])
    canon = {row[0]: _prepare(_item(row)) for row in canon_rows}
    root_of: dict[int, int] = {}
    for row in remark_rows:
        remark_id, root = row[0], row[1]
        root_of[remark_id] = root
        canonical_id = row[-1]
        clusterer.restore_remark(
            _remark_state(
                row, canon.get(canonical_id) if canonical_id else None, outlets[remark_id]
            )
        )
    for row in sorted(rows, key=lambda r: r[0]):
        clusterer.restore(_prepare(_item(row)), root_of[row[-1]], row[0] in keyed)
    return _Primed(clusterer, {root: remark for remark, root in root_of.items()}, outlets)


_STATE_COLUMNS = (
    Remark.id,
    Remark.root_quote_id,
    Remark.speaker_id,
    Remark.org_id,
    Remark.first_said_on,
    Remark.last_said_on,
    Remark.quote_count,
    Remark.fragments_only,
    Remark.canonical_quote_id,
)

# Writing remarks.


def _remark_values(state: RemarkState) -> dict[str, Any]:
    best = state.canonical
    assert best is not None
    speaker = state.person or state.org
    return {
        "root_quote_id": state.root,
        "speaker_id": None if speaker is None else int(speaker),
        "org_id": None if state.org is None else int(state.org),
        "fragments_only": state.fragments_only,
        "canonical_quote_id": best.item.id,
        "canonical_text": best.item.text,
        "first_said_on": None if state.first is None else date.fromordinal(state.first),
        "last_said_on": None if state.last is None else date.fromordinal(state.last),
        "quote_count": state.count,
        "outlet_count": len(state.outlets),
    }


def _insert_links(session: Session, links: Iterable[Link]) -> int:
    values = [
        {
            "quote_a_id": k.a,
            "quote_b_id": k.b,
            "relation": k.relation,
            "score": k.score,
            "meaning_score": k.meaning,
        }
        for k in links
    ]
    insert_rows(session, QuoteLink.table(), values)
    return len(values)


def _insert_outlets(session: Session, outlets: Sequence[tuple[int, int]]) -> None:
    values = [{"remark_id": r, "outlet_id": o} for r, o in outlets]
    insert_rows(session, RemarkOutlet.table(), values)


def _insert_remarks(session: Session, values: Sequence[dict[str, Any]]) -> list[int]:
    """Insert remarks, returning their ids in the order given (ids reserved first: one plain
    INSERT for all, where RETURNING in parameter order goes one row at a time on SQLite)."""
    ids = reserve_ids(session, Remark.id, len(values))
    insert_rows(session, Remark.table(), [{**v, "id": i} for v, i in zip(values, ids, strict=True)])
    return ids


def _set_remarks(session: Session, remark_of_quote: dict[int, int]) -> None:
    """Set the remark of each quotation (quotation id -> remark id): one Core executemany."""
    if not remark_of_quote:
        return
    quotes = Quote.table()
    statement = (
        update(quotes)
        .where(quotes.c.id == bindparam("quote"))
        .values(remark_id=bindparam("remark"))
    )
    session.execute(statement, [{"quote": q, "remark": r} for q, r in remark_of_quote.items()])


def assign_remarks(session: Session, quote_ids: Iterable[int]) -> DedupeSummary:
    """Link stored quotations (not yet in a remark) to existing remarks or new ones, in the
    session's transaction, exactly as `rebuild` would place them after the quotations before
    them. Cheap: only what they can meet is read (`_prime`), by index lookups, and what is
    written grows with the new quotations, not with the remarks they join."""
    new_rows = sorted(
        (r for r in _rows_by_ids(session, quote_ids) if r[-1] is None), key=lambda r: r[0]
    )
    new = [_prepare(_item(r)) for r in new_rows]
    return _place(session, new, lambda remark_of_quote: _set_remarks(session, remark_of_quote))


def place_new_quotations(
    session: Session,
    rows: Sequence[QuoteRow],
    forms: Sequence[TextForms | None] | None = None,
) -> DedupeSummary:
    """Insert quotations not stored yet (the ingest writer's batch, in order) already placed in
    their remarks: ids reserved, clustered in memory, inserted with their remark and indexed for
    search in one statement each. Placed exactly as `assign_remarks` would place them once
    stored, without reading them back or updating every row a second time. `forms`, when
    given, are the forms of the rows' texts, computed beside extraction."""
    ids = reserve_ids(session, Quote.id, len(rows))
    known = forms if forms is not None else [None] * len(rows)
    new = [_prepare(_new_item(i, row), f) for i, row, f in zip(ids, rows, known, strict=True)]

    def insert_placed(remark_of_quote: dict[int, int]) -> None:
        defer_indexing(session)
        insert_quotes(
            session,
            [
                {**row.values, "id": i, "remark_id": remark_of_quote[i]}
                for i, row in zip(ids, rows, strict=True)
            ],
        )
        index_deferred(session, ids)

    return _place(session, new, insert_placed)


def _new_item(quote_id: int, row: QuoteRow) -> DedupItem:
    """A quotation about to be stored as dedup sees it: what `_item` reads back once stored."""
    values = row.values
    outlets = tuple(f"{o}" for o in (row.publisher_id, values["via_outlet_id"]) if o is not None)
    return DedupItem(
        id=quote_id,
        text=values["text"],
        said_on=values["dated_on"],
        speaker_key=None if values["speaker_id"] is None else str(values["speaker_id"]),
        speaker_is_org=row.speaker_is_org,
        outlets=tuple(dict.fromkeys(outlets)),
        article=values["article_id"],
        start=values["start_char"],
        paraphrase=values["kind"] == "indirect",
    )


def _place(
    session: Session, new: Sequence[Prepared], settle: Callable[[dict[int, int]], None]
) -> DedupeSummary:
    """Place the new quotations (in id order) among the remarks around them, write the remarks
    that changed, and `settle` each new quotation's remark (quotation id -> remark id) before
    the links and keys that refer to the quotations are written."""
    if not new:
        return DedupeSummary(0, 0, 0)
    primed = _prime(session, new)
    clusterer, remark_of_root = primed.clusterer, primed.remark_of_root
    placements = [clusterer.add_prepared(p) for p in new]
    links = [found for placed in placements for found in placed.links]
    new_by_root: dict[int, list[int]] = defaultdict(list)
    for placed in placements:
        new_by_root[clusterer.root(placed.item_id)].append(placed.item_id)
    gone_by_root: dict[int, list[int]] = defaultdict(list)
    for old_root, remark_id in remark_of_root.items():
        root = clusterer.root(old_root)
        if root != old_root:
            gone_by_root[root].append(remark_id)
    roots = sorted(new_by_root)
    fresh = [root for root in roots if root not in remark_of_root]
    fresh_ids = _insert_remarks(session, [_remark_values(clusterer.remarks[r]) for r in fresh])
    remark_of = {**remark_of_root, **dict(zip(fresh, fresh_ids, strict=True))}
    changed = [
        {"id": remark_of[root], **_remark_values(clusterer.remarks[root])}
        for root in roots
        if root in remark_of_root
    ]
    if changed:
        session.execute(update(Remark), changed)
    settle({quote_id: remark_of[root] for root in roots for quote_id in new_by_root[root]})
    outlets: list[tuple[int, int]] = []
    absorbed: list[int] = []
    for root in roots:
        remark_id = remark_of[root]
        known = primed.outlets.get(remark_id, set())
        outlets.extend(
            (remark_id, int(o)) for o in clusterer.remarks[root].outlets if int(o) not in known
        )
        for chunk in _chunks(gone_by_root.get(root, [])):
            absorbed.extend(chunk)
            moved = update(Quote).where(Quote.remark_id.in_(chunk)).values(remark_id=remark_id)
            session.execute(moved)
    _insert_outlets(session, outlets)
    for chunk in _chunks(absorbed):
        session.execute(delete(Remark).where(Remark.id.in_(chunk)))
    _insert_keys(session, (clusterer.prepared[p.item_id] for p in placements if p.representative))
    count = _insert_links(session, links)
    return DedupeSummary(len(new), len(new_by_root), count)


def assign_article_remarks(session: Session, article_id: int) -> DedupeSummary:
    """`assign_remarks` for the quotations of one article (the ingest pipeline's hook)."""
    ids = session.scalars(select(Quote.id).where(Quote.article_id == article_id)).all()
    return assign_remarks(session, ids)


def unassigned_count(session: Session) -> int:
    """How many quotations are in no remark yet (after a migration cleared them, say)."""
    return session.scalar(select(func.count()).where(Quote.remark_id.is_(None))) or 0


def assign_pending(session: Session) -> DedupeSummary:
    """Assign every quotation not yet in a remark (`quotes dedupe`). When one of them comes
    before a quotation already placed (remarks cleared by a migration, an interrupted run),
    placing them now would not be placing them in id order: everything is rebuilt instead."""
    pending = session.scalars(
        select(Quote.id).where(Quote.remark_id.is_(None)).order_by(Quote.id)
    ).all()
    if not pending:
        return DedupeSummary(0, 0, 0)
    last_placed = session.scalar(select(func.max(Quote.id)).where(Quote.remark_id.is_not(None)))
    if last_placed is not None and pending[0] < last_placed:
        return rebuild(session)
    return assign_remarks(session, pending)


REBUILD_CHUNK = 5_000
"""Quotations placed per step of a rebuild: memory holds one step and the remarks around it.
At a million generated quotations 5,000 took 434 s and 413 MB, 20,000 508 s and 443 MB (at
100,000: 35 s / 190 MB against 27 s / 220 MB; the former single pass in memory 28 s / 345 MB,
and 2 GB at a million)."""


def rebuild(session: Session) -> DedupeSummary:
    """Recompute every remark, link and blocking key from scratch (after a threshold change,
    say), placing quotations in id order exactly as ingesting them one article at a time does:
    by the very path ingest takes (`assign_remarks`), REBUILD_CHUNK quotations at a time, so
    memory is bounded by a step and the weeks around it, not by every quotation stored."""
    session.execute(update(Quote).values(remark_id=None))
    session.execute(delete(QuoteKey))
    session.execute(delete(QuoteLink))
    session.execute(delete(RemarkOutlet))
    session.execute(delete(Remark))
    quotations = links = 0
    after = 0
    while True:
        ids = session.scalars(
            select(Quote.id).where(Quote.id > after).order_by(Quote.id).limit(REBUILD_CHUNK)
        ).all()
        if not ids:
            break
        placed = assign_remarks(session, ids)
        quotations, links, after = quotations + placed.quotations, links + placed.links, ids[-1]
    remarks = session.scalar(select(func.count()).select_from(Remark)) or 0
    return DedupeSummary(quotations, remarks, links)
