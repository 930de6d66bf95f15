"""Reading remarks back: compare the reports of one remark word by word, list remarks by how
widely they were carried, and find a speaker's talking points."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, Final

from rapidfuzz.distance import Indel
from sqlalchemy import Row, func, or_, select
from sqlalchemy.orm import Session, aliased

from quotes.errors import NotFound
from quotes.query.terms import checked_term, id_in_range
from quotes.remarks.assign import (
    CHUNK,
    Comparison,
    DiffPart,
    Phrase,
    PhraseUse,
    RemarkSummary,
    Report,
)
from quotes.remarks.items import DedupItem, normalise
from quotes.remarks.phrases import recurring_phrases
from quotes.remarks.scoring import Scores, scores
from quotes.remarks.translated import translation_reports
from quotes.store.articles import find_speaker
from quotes.store.models import (
    Article,
    Outlet,
    Quote,
    Remark,
    Speaker,
)

# Reading remarks back.

Publisher = aliased(Outlet)

Via = aliased(Outlet)


def _summary(session: Session, remark: Remark, reports: Sequence[Report] = ()) -> RemarkSummary:
    """The remark's heading. Its speaker is the person most of its reports name (its stored
    speaker on a tie or when none names one); the counts are `remark_counts`."""
    speaker = None
    if remark.speaker_id is not None:
        speaker = session.scalar(select(Speaker.name).where(Speaker.id == remark.speaker_id))
    named = Counter(r.speaker for r in reports if r.speaker is not None)
    ranked = named.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        speaker = ranked[0][0]
    publishers, relays, articles = remark_counts(reports)
    return RemarkSummary(
        remark.id,
        speaker,
        remark.canonical_text,
        remark.first_said_on,
        remark.last_said_on,
        remark.quote_count,
        remark.outlet_count,
        publishers,
        relays,
        articles,
    )


def remark_counts(reports: Sequence[Report]) -> tuple[int, int, int]:
    """How widely a remark was carried, counted one way everywhere: (publishers that carried
    it, relays it came through, articles that quote it)."""
    return (
        len({r.publisher for r in reports if r.publisher is not None}),
        len({r.via for r in reports if r.via is not None}),
        len({r.source_path for r in reports}),
    )


def why(relation: str, found: Scores | None, inferred: bool, other_speaker: str | None) -> str:
    """Why a report belongs to its remark, in words."""
    if relation == "canonical":
        reason = "canonical: the longest complete wording"
    elif found is None:
        reason = "linked through other reports"
    elif found[0] == "variant" and found[2] is not None and found[2] > found[1]:
        reason = f"translation variant: words {found[1]:g}, meaning {found[2]:g}"
    elif found[0] == "variant":
        reason = f"variant: words {found[1]:g}"
    else:
        reason = f"{found[0]}: words {found[1]:g}"
    if inferred:
        reason += "; undated, date inferred from the remark"
    if other_speaker:
        reason += f"; credited to {other_speaker} as written"
    return reason


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
            Speaker.name,
        )
        .join(Article, Quote.article_id == Article.id)
        .outerjoin(Publisher, Article.publisher_id == Publisher.id)
        .outerjoin(Via, Quote.via_outlet_id == Via.id)
        .outerjoin(Speaker, Quote.speaker_id == Speaker.id)
        .where(Quote.remark_id.in_(remark_ids))
    )
    return sorted(session.execute(query), key=lambda r: (r[2] is None, r[2] or date.min, r[1]))


def _reports(session: Session, remarks: Sequence[Remark]) -> dict[int, list[Report]]:
    by_remark: dict[int, list[Report]] = defaultdict(list)
    by_id = {r.id: r for r in remarks}
    speakers = {r.id: r.speaker_id for r in remarks}
    wanted = {s for s in speakers.values() if s is not None}
    query = select(Speaker.id, Speaker.name).where(Speaker.id.in_(wanted))
    names = {speaker_id: name for speaker_id, name in session.execute(query)}
    for row in _member_rows(session, [r.id for r in remarks]):
        (remark_id, quote_id, said_on, publisher, via, speaker_text, text, path, start, end,
         speaker) = row  # fmt: skip
        remark = by_id[remark_id]
        canon_text = remark.canonical_text
        found = None
        if quote_id == remark.canonical_quote_id:
            kind = "canonical"
        else:
            found = scores(DedupItem(0, canon_text), DedupItem(1, text))
            kind = found[0] if found else "linked"
        inferred = said_on is None and remark.first_said_on is not None
        speaker_id = speakers[remark_id]
        remark_speaker = None if speaker_id is None else names.get(speaker_id)
        other = speaker if speaker and remark_speaker and speaker != remark_speaker else None
        by_remark[remark_id].append(
            Report(
                quote_id,
                remark.first_said_on if inferred else said_on,
                publisher,
                via,
                speaker_text,
                kind,
                text,
                path,
                start,
                end,
                word_diff(canon_text, text),
                date_inferred=inferred,
                why=why(kind, found, inferred, other),
                speaker=speaker,
            )
        )
    return by_remark


def find_remark(session: Session, words: str) -> Remark:
    """The most widely carried remark with a quotation containing `words`."""
    return find_remarks(session, words)[0]


def find_remarks(session: Session, words: str) -> list[Remark]:
    """The remarks with a quotation containing `words`, most widely carried first."""
    wanted = normalise(checked_term(words))
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
    return sorted(remarks, key=lambda r: (-r.outlet_count, -r.quote_count, r.id))


def compare(session: Session, target: int | str) -> Comparison:
    """Every report of a remark (by id, or the one whose quotations contain some words) in date
    order, with its differences from the canonical wording; `others` are the ids of other
    remarks the words match."""
    others: tuple[int, ...] = ()
    if isinstance(target, int) or target.strip().isdigit():
        remark_id = int(target)
        found = session.get(Remark, remark_id) if id_in_range(remark_id) else None
        if found is None:
            raise NotFound(f"no remark {remark_id}: list them with `quotes remarks`")
        remark = found
    else:
        remark, *rest = find_remarks(session, target)
        others = tuple(r.id for r in rest)
    reports = _reports(session, [remark])[remark.id]
    summary = _summary(session, remark, reports)
    translated = translation_reports(session, remark)
    return Comparison(summary, tuple(reports + translated), others)


def count_remarks(session: Session, min_outlets: int = 1, min_quotes: int = 2) -> int:
    """How many remarks `list_remarks` lists without a limit."""
    wanted = (Remark.outlet_count >= min_outlets, Remark.quote_count >= min_quotes)
    return session.scalar(select(func.count()).select_from(Remark).where(*wanted)) or 0


def list_remarks(
    session: Session, min_outlets: int = 1, min_quotes: int = 2, limit: int | None = None
) -> Iterator[tuple[RemarkSummary, tuple[Report, ...]]]:
    """Remarks reported at least `min_quotes` times by `min_outlets` outlets, most widely
    carried first (at most `limit`), each with its reports; streams in chunks, so any number
    can be listed."""
    query = (
        select(Remark)
        .where(Remark.outlet_count >= min_outlets, Remark.quote_count >= min_quotes)
        .order_by(Remark.outlet_count.desc(), Remark.quote_count.desc(), Remark.id)
        .limit(limit)
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
        yield _summary(session, remark, reports[remark.id]), tuple(reports[remark.id])


def phrases(session: Session, speaker_name: str) -> list[Phrase]:
    """The talking points a speaker repeats: words shared by several of their remarks said on
    different days (kept as separate remarks, findable here)."""
    checked_term(speaker_name, "speaker")
    if speaker_name.strip().isdigit():
        speaker_id = int(speaker_name)
        speaker = session.get(Speaker, speaker_id) if id_in_range(speaker_id) else None
    else:
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


# ---------------------------------------------------------------------------------------------
# Rows for the commands, in the column names every command uses.

DIFF_MARKS: Final = {"table": ("[-", "-]", "{+", "+}"), "markdown": ("~~", "~~", "**", "**")}
"""How a wording marks what it cut and what it added, per output format (tables by default)."""

COMPARE_COLUMNS: Final = (
    "date", "publisher", "via", "speaker_as_written", "relation", "why", "wording", "quotation",
    "date_inferred", "remark_id", "quote_id", "diff",
)  # fmt: skip
REMARK_COLUMNS: Final = (
    "remark_id", "outlets", "quotations", "first_date", "speaker", "canonical_text", "last_date",
    "publishers", "relays", "articles", "members",
)  # fmt: skip
PHRASE_COLUMNS: Final = ("phrase", "remarks", "remark_id", "date", "quotation")


def marked_wording(parts: Sequence[DiffPart], fmt: str) -> str:
    """A report's wording with what it cut and added against the canonical text marked."""
    cut_open, cut_close, add_open, add_close = DIFF_MARKS.get(fmt, DIFF_MARKS["table"])
    words = []
    for part in parts:
        if part.op in ("cut", "changed"):
            words.append(f"{cut_open}{part.canonical or part.text}{cut_close}")
        if part.op in ("added", "changed"):
            words.append(f"{add_open}{part.text}{add_close}")
        if part.op == "same":
            words.append(part.text)
    return " ".join(words)


def comparison_rows(found: Comparison, fmt: str) -> list[dict[str, Any]]:
    """The reports of a comparison as rows, the wording marked for `fmt`."""
    return [
        {"date": p.said_on, "publisher": p.publisher, "via": p.via,
         "speaker_as_written": p.speaker_text, "relation": p.relation, "why": p.why,
         "wording": marked_wording(p.diff, fmt), "quotation": p.text,
         "date_inferred": p.date_inferred,
         "remark_id": found.remark.id, "quote_id": p.quote_id,
         "diff": [{"op": d.op, "text": d.text, "canonical": d.canonical} for d in p.diff]}
        for p in found.reports
    ]  # fmt: skip


def summary_row(r: RemarkSummary) -> dict[str, Any]:
    """A remark's heading as a row (`REMARK_COLUMNS` without its members)."""
    return {
        "remark_id": r.id, "outlets": r.outlet_count, "quotations": r.quote_count,
        "first_date": r.first_said_on, "last_date": r.last_said_on, "speaker": r.speaker,
        "canonical_text": r.canonical_text, "publishers": r.publishers, "relays": r.relays,
        "articles": r.articles,
    }  # fmt: skip


def remark_rows(
    session: Session, min_outlets: int = 1, limit: int | None = None
) -> Iterator[dict[str, Any]]:
    """`list_remarks` as rows, each with its members."""
    for r, members in list_remarks(session, min_outlets, limit=limit):
        yield {
            **summary_row(r),
            "members": [{"quote_id": m.quote_id, "source": m.source_path, "start": m.start,
                         "end": m.end, "quotation": m.text, "publisher": m.publisher,
                         "via": m.via, "relation": m.relation,
                         "date": m.said_on and m.said_on.isoformat(),
                         "date_inferred": m.date_inferred, "why": m.why} for m in members],
        }  # fmt: skip


def phrase_rows(found: Sequence[Phrase]) -> list[dict[str, Any]]:
    """Talking points as rows (`PHRASE_COLUMNS`): one per use of each phrase."""
    return [
        {"phrase": p.text, "remarks": len(p.uses), "remark_id": u.remark_id, "date": u.said_on,
         "quotation": u.text}
        for p in found for u in p.uses
    ]  # fmt: skip
