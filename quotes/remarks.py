"""Remarks in the database: link new quotations to remarks as articles arrive, rebuild them all,
and read them back (compare the reports of one remark, list remarks, find talking points).

The clustering itself is `quotes.dedup`; this module feeds it. `assign_remarks` loads only the
neighbourhood of the new quotations (quotations dated within the window, and the other members of
their remarks), primes a `Clusterer` with it and adds the new quotations in id order, so the
work per article does not grow with the size of the database. `rebuild` runs the same clusterer
over every quotation in id order, which is why both give the same remarks.

Not safe against two processes assigning remarks around the same quotations at the same moment:
each sees the other's remarks only once committed (`quotes dedupe --rebuild` repairs that).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from rapidfuzz.distance import Indel
from sqlalchemy import ColumnElement, Row, Select, and_, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from quotes.dedup import (
    WINDOW_DAYS,
    Clusterer,
    DedupItem,
    Link,
    canonical,
    normalise,
    prepare,
    recurring_phrases,
    relation,
)
from quotes.errors import NotFound
from quotes.models import Article, Outlet, Quote, QuoteLink, Remark, Speaker
from quotes.storage import find_speaker

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


def _chunks(ids: Iterable[int]) -> Iterator[list[int]]:
    chunk: list[int] = []
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


def _date_intervals(days: Iterable[date]) -> list[tuple[date, date]]:
    """The union of [day - window, day + window] over `days`, as few intervals as possible."""
    window = timedelta(days=WINDOW_DAYS)
    intervals: list[tuple[date, date]] = []
    for day in sorted(set(days)):
        low, high = day - window, day + window
        if intervals and low <= intervals[-1][1]:
            intervals[-1] = (intervals[-1][0], high)
        else:
            intervals.append((low, high))
    return intervals


def _neighbourhood(session: Session, new: Sequence[DedupItem]) -> list[Row[Any]]:
    """Quotations already in remarks that a new one could link to (dated within the window, or
    undated like it), with every other member of their remarks."""
    conditions: list[ColumnElement[bool]] = []
    for low, high in _date_intervals(i.said_on for i in new if i.said_on is not None):
        conditions.append(Quote.said_on.between(low, high))
        conditions.append(and_(Quote.said_on.is_(None), Article.published.between(low, high)))
    if any(i.said_on is None for i in new):
        conditions.append(and_(Quote.said_on.is_(None), Article.published.is_(None)))
    if not conditions:
        return []
    near = session.execute(
        _item_query().where(Quote.remark_id.is_not(None), or_(*conditions))
    ).all()
    remark_ids = {row[-1] for row in near}
    known = {row[0] for row in near}
    rows = list(near)
    for chunk in _chunks(sorted(remark_ids)):
        more = _item_query().where(Quote.remark_id.in_(chunk), Quote.id.not_in(known))
        rows.extend(session.execute(more))
    return rows


# Writing remarks.


def _remark_values(clusterer: Clusterer, root: int) -> dict[str, Any]:
    state = clusterer.remarks[root]
    items = [clusterer.prepared[m].item for m in state.members]
    best = canonical(items)
    dates = [i.said_on for i in items if i.said_on is not None]
    speaker = state.person or state.org
    return {
        "speaker_id": None if speaker is None else int(speaker),
        "canonical_quote_id": best.id,
        "canonical_text": best.text,
        "first_said_on": min(dates, default=None),
        "last_said_on": max(dates, default=None),
        "quote_count": len(items),
        "outlet_count": len({o for i in items for o in i.outlets}),
    }


def _insert_links(session: Session, links: Iterable[Link]) -> int:
    values = [
        {"quote_a_id": k.a, "quote_b_id": k.b, "relation": k.relation, "score": k.score}
        for k in links
    ]
    for first in range(0, len(values), CHUNK):
        session.execute(insert(QuoteLink), values[first : first + CHUNK])
    return len(values)


def _set_remark(session: Session, quote_ids: Sequence[int], remark_id: int) -> None:
    for chunk in _chunks(quote_ids):
        session.execute(update(Quote).where(Quote.id.in_(chunk)).values(remark_id=remark_id))


def assign_remarks(session: Session, quote_ids: Iterable[int]) -> DedupeSummary:
    """Link quotations (not yet in a remark) to existing remarks or new ones, in the session's
    transaction. Cheap: only their neighbourhood in time is read."""
    new_rows = [r for r in _rows_by_ids(session, quote_ids) if r[-1] is None]
    if not new_rows:
        return DedupeSummary(0, 0, 0)
    new = [_item(r) for r in new_rows]
    clusterer = Clusterer()
    old_rows = _neighbourhood(session, new)
    remark_root: dict[int, int] = {}
    for row in old_rows:
        remark_root[row[-1]] = min(row[0], remark_root.get(row[-1], row[0]))
    remark_of_root = {root: remark for remark, root in remark_root.items()}
    original_remark = {row[0]: row[-1] for row in old_rows}
    for row in sorted(old_rows, key=lambda r: r[0]):
        clusterer.restore(prepare(_item(row)), remark_root[row[-1]])
    links = [found for i in new for found in clusterer.add(i).links]
    roots = {clusterer.root(i.id) for i in new}
    for root in sorted(roots):
        members = clusterer.remarks[root].members
        values = _remark_values(clusterer, root)
        remark_id = remark_of_root.get(root)
        if remark_id is None:
            remark_id = session.scalars(insert(Remark).returning(Remark.id), [values]).one()
        else:
            session.execute(update(Remark).where(Remark.id == remark_id).values(**values))
        absorbed = {original_remark[m] for m in members if m in original_remark} - {remark_id}
        moved = [m for m in members if m not in original_remark or original_remark[m] in absorbed]
        _set_remark(session, moved, remark_id)
        if absorbed:
            session.execute(delete(Remark).where(Remark.id.in_(absorbed)))
    count = _insert_links(session, links)
    return DedupeSummary(len(new), len(roots), count)


def assign_article_remarks(session: Session, article_id: int) -> DedupeSummary:
    """`assign_remarks` for the quotations of one article (the ingest pipeline's hook)."""
    ids = session.scalars(select(Quote.id).where(Quote.article_id == article_id)).all()
    return assign_remarks(session, ids)


def assign_pending(session: Session) -> DedupeSummary:
    """Assign every quotation not yet in a remark (`quotes dedupe`)."""
    pending = session.scalars(
        select(Quote.id).where(Quote.remark_id.is_(None)).order_by(Quote.id)
    ).all()
    return assign_remarks(session, pending)


def rebuild(session: Session) -> DedupeSummary:
    """Recompute every remark and link from scratch (after a threshold change, say), placing
    quotations in id order exactly as ingesting them one article at a time does."""
    session.execute(update(Quote).values(remark_id=None))
    session.execute(delete(QuoteLink))
    session.execute(delete(Remark))
    clusterer = Clusterer()
    links: list[Link] = []
    rows = session.execute(_item_query().order_by(Quote.id).execution_options(yield_per=5000))
    for row in rows:
        links.extend(clusterer.add(_item(row)).links)
    roots = sorted(clusterer.remarks)
    values = [_remark_values(clusterer, root) for root in roots]
    remark_ids: list[int] = []
    for first in range(0, len(values), CHUNK):
        remark_ids.extend(
            session.scalars(
                insert(Remark).returning(Remark.id, sort_by_parameter_order=True),
                values[first : first + CHUNK],
            )
        )
    assignments = [
        {"id": member, "remark_id": remark_id}
        for root, remark_id in zip(roots, remark_ids, strict=True)
        for member in clusterer.remarks[root].members
    ]
    for first in range(0, len(assignments), CHUNK * 10):
        session.execute(update(Quote), assignments[first : first + CHUNK * 10])
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
