"""Remarks in the database: link new quotations to remarks as articles arrive, rebuild them all,
and read them back (compare the reports of one remark, list remarks, find talking points).

The clustering itself is `quotes.dedup`; this module feeds it. The database keeps what the
clusterer needs so that new quotations are placed without reading whole weeks: `quote_keys` holds
the blocking keys, by week, of each remark's representative of every wording (one per signature:
a wording carried a thousand times is keyed once), and each remark row its clustering state
(root, speakers, dates, count, fragments_only, canonical quotation; its outlets in
`remark_outlets`). `assign_remarks` looks up the representatives sharing a key with the new
quotations in the weeks around them (index lookups on quote_keys (key, bucket)), the quotations
of their own articles, and one state row per remark met; primes a `Clusterer` with them; adds the
new quotations in id order; and writes back only what changed. So the work per article depends
on how many distinct wordings it can meet, not on the size of the database or of a remark.
`rebuild` runs the same clusterer over every quotation in id order, which is why both give the
same remarks, links and keys (tests/test_remarks.py checks it on a generated corpus).

Not safe against two processes assigning remarks around the same quotations at the same moment:
each sees the other's remarks only once committed (`quotes dedupe --rebuild` repairs that).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Literal, TypeVar

from rapidfuzz.distance import Indel
from sqlalchemy import ColumnElement, Row, Select, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from quotes.dedup import (
    Clusterer,
    DedupItem,
    Link,
    Prepared,
    RemarkState,
    bucket_of,
    global_keys,
    near_buckets,
    normalise,
    prepare,
    recurring_phrases,
    relation,
)
from quotes.errors import NotFound
from quotes.models import (
    KEY_LENGTH,
    Article,
    Outlet,
    Quote,
    QuoteKey,
    QuoteLink,
    Remark,
    RemarkOutlet,
    Speaker,
)
from quotes.storage import find_speaker

T = TypeVar("T")

_prepare = lru_cache(maxsize=50_000)(prepare)
"""`prepare` remembered: ingest meets the same neighbours article after article."""

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


@dataclass(frozen=True, slots=True)
class RemarkSummary:
    id: int
    speaker: str | None
    canonical_text: str
    first_said_on: date | None
    last_said_on: date | None
    quote_count: int
    outlet_count: int


@dataclass(frozen=True, slots=True)
class Comparison:
    remark: RemarkSummary
    reports: tuple[Report, ...]


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
    Quote.remark_id,
)


def _item_query() -> Select[Any]:
    return (
        select(*_ROW_COLUMNS)
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Speaker, Quote.speaker_id == Speaker.id)
    )


def _item(row: Row[Any]) -> DedupItem:
    quote_id, text, said_on, speaker_id, kind, publisher_id, via_id, article, start, _ = row
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
        if len(batch) == CHUNK * 10:
            session.execute(insert(QuoteKey), batch)
            batch = []
    if batch:
        session.execute(insert(QuoteKey), batch)


def _keyed_neighbours(session: Session, new: Sequence[Prepared]) -> set[int]:
    """Quotations representing a wording in their remark that share a blocking key with a new
    one, in the buckets around it: index lookups on quote_keys (key, bucket)."""
    keys: set[str] = set()
    buckets: set[int] = set()
    undated = False
    for p in new:
        keys.update(_db_key(k) for k in global_keys(p, posting=False))
        for bucket in near_buckets(p.day):
            if bucket is None:
                undated = True
            else:
                buckets.add(bucket)
    conditions: list[ColumnElement[bool]] = []
    if buckets:
        conditions.append(QuoteKey.bucket.in_(sorted(buckets)))
    if undated:
        conditions.append(QuoteKey.bucket.is_(None))
    found: set[int] = set()
    for chunk in _chunks(sorted(keys)):
        query = select(QuoteKey.quote_id).where(QuoteKey.key.in_(chunk), or_(*conditions))
        found.update(session.scalars(query))
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
        {"quote_a_id": k.a, "quote_b_id": k.b, "relation": k.relation, "score": k.score}
        for k in links
    ]
    for first in range(0, len(values), CHUNK):
        session.execute(insert(QuoteLink), values[first : first + CHUNK])
    return len(values)


def _insert_outlets(session: Session, outlets: Sequence[tuple[int, int]]) -> None:
    values = [{"remark_id": r, "outlet_id": o} for r, o in outlets]
    for first in range(0, len(values), CHUNK * 10):
        session.execute(insert(RemarkOutlet), values[first : first + CHUNK * 10])


def _insert_remarks(session: Session, values: Sequence[dict[str, Any]]) -> list[int]:
    """Insert remarks, returning their ids in the order given."""
    ids: list[int] = []
    for first in range(0, len(values), CHUNK):
        ids.extend(
            session.scalars(
                insert(Remark).returning(Remark.id, sort_by_parameter_order=True),
                values[first : first + CHUNK],
            )
        )
    return ids


def assign_remarks(session: Session, quote_ids: Iterable[int]) -> DedupeSummary:
    """Link quotations (not yet in a remark) to existing remarks or new ones, in the session's
    transaction, exactly as `rebuild` would place them after the quotations before them. Cheap:
    only what they can meet is read (`_prime`), by index lookups, and what is written grows
    with the new quotations, not with the remarks they join."""
    new_rows = sorted(
        (r for r in _rows_by_ids(session, quote_ids) if r[-1] is None), key=lambda r: r[0]
    )
    if not new_rows:
        return DedupeSummary(0, 0, 0)
    new = [_prepare(_item(r)) for r in new_rows]
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
    assignments = [
        {"id": quote_id, "remark_id": remark_of[root]}
        for root in roots
        for quote_id in new_by_root[root]
    ]
    session.execute(update(Quote), assignments)
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


def rebuild(session: Session) -> DedupeSummary:
    """Recompute every remark, link and blocking key from scratch (after a threshold change,
    say), placing quotations in id order exactly as ingesting them one article at a time does."""
    session.execute(update(Quote).values(remark_id=None))
    session.execute(delete(QuoteKey))
    session.execute(delete(QuoteLink))
    session.execute(delete(RemarkOutlet))
    session.execute(delete(Remark))
    clusterer = Clusterer()
    links: list[Link] = []
    representatives: list[int] = []
    rows = session.execute(_item_query().order_by(Quote.id).execution_options(yield_per=5000))
    for row in rows:
        placed = clusterer.add(_item(row))
        links.extend(placed.links)
        if placed.representative:
            representatives.append(placed.item_id)
    members = clusterer.members()
    roots = sorted(members)
    values = [_remark_values(clusterer.remarks[root]) for root in roots]
    remark_ids = _insert_remarks(session, values)
    outlets = [
        (remark_id, int(o))
        for root, remark_id in zip(roots, remark_ids, strict=True)
        for o in clusterer.remarks[root].outlets
    ]
    _insert_outlets(session, outlets)
    assignments = [
        {"id": member, "remark_id": remark_id}
        for root, remark_id in zip(roots, remark_ids, strict=True)
        for member in members[root]
    ]
    for first in range(0, len(assignments), CHUNK * 10):
        session.execute(update(Quote), assignments[first : first + CHUNK * 10])
    _insert_keys(session, (clusterer.prepared[i] for i in representatives))
    count = _insert_links(session, links)
    return DedupeSummary(len(clusterer.prepared), len(roots), count)


# Reading remarks back.

Publisher = aliased(Outlet)
Via = aliased(Outlet)


def _summary(session: Session, remark: Remark) -> RemarkSummary:
    speaker = None
    if remark.speaker_id is not None:
        speaker = session.scalar(select(Speaker.name).where(Speaker.id == remark.speaker_id))
    return RemarkSummary(
        remark.id,
        speaker,
        remark.canonical_text,
        remark.first_said_on,
        remark.last_said_on,
        remark.quote_count,
        remark.outlet_count,
    )


def _word_keys(text: str) -> tuple[list[str], list[str]]:
    """The words of a text as written and as compared (normalised)."""
    shown = text.split()
    return shown, [normalise(w) or w for w in shown]


def word_diff(canonical_text: str, text: str) -> tuple[DiffPart, ...]:
    """What a report kept, cut, added or changed against the canonical wording, word by word."""
    canon_shown, canon_keys = _word_keys(canonical_text)
    shown, keys = _word_keys(text)
    parts: list[DiffPart] = []
    for op in Indel.opcodes(canon_keys, keys):
        old = " ".join(canon_shown[op.src_start : op.src_end])
        new = " ".join(shown[op.dest_start : op.dest_end])
        if op.tag == "equal":
            parts.append(DiffPart("same", new))
        elif op.tag == "delete" and parts and parts[-1].op == "added":
            parts[-1] = DiffPart("changed", parts[-1].text, old)
        elif op.tag == "delete":
            parts.append(DiffPart("cut", old))
        elif parts and parts[-1].op == "cut":
            parts[-1] = DiffPart("changed", new, parts[-1].text)
        else:
            parts.append(DiffPart("added", new))
    return tuple(parts)


def _member_rows(session: Session, remark_ids: Sequence[int]) -> list[Row[Any]]:
    query = (
        select(
            Quote.remark_id,
            Quote.id,
            func.coalesce(Quote.said_on, Article.published),
            Publisher.name,
            Via.name,
            Quote.speaker_text,
            Quote.text,
            Article.source_path,
            Quote.start_char,
            Quote.end_char,
        )
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Publisher, Article.publisher_id == Publisher.id)
        .outerjoin(Via, Quote.via_outlet_id == Via.id)
        .where(Quote.remark_id.in_(remark_ids))
    )
    return sorted(session.execute(query), key=lambda r: (r[2] is None, r[2] or date.min, r[1]))


def _reports(session: Session, remarks: Sequence[Remark]) -> dict[int, list[Report]]:
    by_remark: dict[int, list[Report]] = defaultdict(list)
    canon = {r.id: (r.canonical_quote_id, r.canonical_text) for r in remarks}
    for row in _member_rows(session, [r.id for r in remarks]):
        remark_id, quote_id, said_on, publisher, via, speaker_text, text, path, start, end = row
        canon_id, canon_text = canon[remark_id]
        if quote_id == canon_id:
            kind = "canonical"
        else:
            found = relation(DedupItem(0, canon_text), DedupItem(1, text))
            kind = found[0] if found else "linked"
        by_remark[remark_id].append(
            Report(
                quote_id,
                said_on,
                publisher,
                via,
                speaker_text,
                kind,
                text,
                path,
                start,
                end,
                word_diff(canon_text, text),
            )
        )
    return by_remark


def find_remark(session: Session, words: str) -> Remark:
    """The most widely carried remark with a quotation containing `words`."""
    wanted = normalise(words)
    if not wanted:
        raise NotFound(f"no words to look for in {words!r}")
    longest = max(wanted.split(), key=len)
    query = select(Quote.remark_id, Quote.text).where(
        Quote.remark_id.is_not(None), Quote.text.ilike(f"%{longest}%")
    )
    remark_ids = {
        rid for rid, text in session.execute(query) if f" {wanted} " in f" {normalise(text)} "
    }
    if not remark_ids:
        raise NotFound(f"no remark has a quotation containing {words!r}")
    remarks = session.scalars(select(Remark).where(Remark.id.in_(remark_ids))).all()
    return max(remarks, key=lambda r: (r.outlet_count, r.quote_count, -r.id))


def compare(session: Session, target: int | str) -> Comparison:
    """Every report of a remark (by id, or the one whose quotations contain some words) in date
    order, with its differences from the canonical wording."""
    if isinstance(target, int) or target.strip().isdigit():
        remark_id = int(target)
        remark = session.get(Remark, remark_id)
        if remark is None:
            raise NotFound(f"no remark {remark_id}: list them with `quotes remarks`")
    else:
        remark = find_remark(session, target)
    reports = _reports(session, [remark])[remark.id]
    return Comparison(_summary(session, remark), tuple(reports))


def list_remarks(
    session: Session, min_outlets: int = 1, min_quotes: int = 2
) -> Iterator[tuple[RemarkSummary, tuple[Report, ...]]]:
    """Remarks reported at least `min_quotes` times by `min_outlets` outlets, most widely
    carried first, each with its reports; streams in chunks, so any number can be listed."""
    query = (
        select(Remark)
        .where(Remark.outlet_count >= min_outlets, Remark.quote_count >= min_quotes)
        .order_by(Remark.outlet_count.desc(), Remark.quote_count.desc(), Remark.id)
    )
    batch: list[Remark] = []
    for remark in session.scalars(query.execution_options(yield_per=CHUNK)):
        batch.append(remark)
        if len(batch) == CHUNK:
            yield from _listing(session, batch)
            batch = []
    yield from _listing(session, batch)


def _listing(
    session: Session, remarks: Sequence[Remark]
) -> Iterator[tuple[RemarkSummary, tuple[Report, ...]]]:
    if not remarks:
        return
    reports = _reports(session, remarks)
    for remark in remarks:
        yield _summary(session, remark), tuple(reports[remark.id])


def phrases(session: Session, speaker_name: str) -> list[Phrase]:
    """The talking points a speaker repeats: words shared by several of their remarks said on
    different days (kept as separate remarks, findable here)."""
    speaker = find_speaker(session, speaker_name) or find_speaker(
        session, speaker_name, "organisation"
    )
    if speaker is None:
        raise NotFound(f"no speaker named {speaker_name!r}: list them with `quotes speakers`")
    query = (
        select(Quote.remark_id, Quote.text, func.coalesce(Quote.said_on, Article.published))
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Remark, Quote.remark_id == Remark.id)
        .where(
            Quote.remark_id.is_not(None),
            or_(Quote.speaker_id == speaker.id, Remark.speaker_id == speaker.id),
        )
        .order_by(Quote.id)
    )
    uses = [(rid, DedupItem(0, text, said_on)) for rid, text, said_on in session.execute(query)]
    return [
        Phrase(text, tuple(PhraseUse(rid, i.said_on, i.text) for rid, i in found))
        for text, found in recurring_phrases(uses)
    ]
