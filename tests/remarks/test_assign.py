"""Remarks in the database, on SQLite and PostgreSQL: incremental assignment, rebuild, compare,
listing and talking points."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from quotes.errors import NotFound
from quotes.ingest import ingest
from quotes.records import ArticleInput, ArticleMeta, Quotation
from quotes.remarks.assign import DiffPart, assign_article_remarks, assign_pending, rebuild
from quotes.remarks.compare import compare, list_remarks, phrases, word_diff
from quotes.store.articles import content_sha256, store_article
from quotes.store.engine import session_factory
from quotes.store.models import Article, Quote, QuoteKey, QuoteLink, Remark, RemarkOutlet

FIXTURES = Path(__file__).parents[1] / "fixtures"
GENERATOR = Path(__file__).parents[2] / "benchmarks" / "generate_corpus.py"

AP = (
    "strengthening comprehensive partnership and strategic cooperation with Beijing as an "
    "unconditional foreign policy priority of Russia"
)
REUTERS = (
    "The development of a strategic partnership with China is an unconditional priority of "
    "Russian foreign policy,"
)
SEP_19, FEB_21 = date(2022, 9, 19), date(2023, 2, 21)


def quotation(text: str, speaker: str, kind: str = "person", via: str | None = None) -> Quotation:
    return Quotation(
        start=0,
        end=len(text),
        text=text,
        kind="direct",
        speaker=speaker,
        speaker_kind="organisation" if kind == "organisation" else "person",
        via=via,
    )


def add_article(
    session: Session, source: str, outlet: str, published: date, *quotations: Quotation
) -> int:
    """Store an article with the given quotations and assign remarks, as ingest does."""
    text = f"{source} " + " ".join(q.text for q in quotations)
    meta = ArticleMeta(outlet=outlet, published=published)
    with session.begin():
        article_id = store_article(
            session, ArticleInput(source, text, meta), content_sha256(text), quotations
        )
        assign_article_remarks(session, article_id)
    return article_id


def remark_sets(session: Session) -> set[frozenset[str]]:
    """Remarks as sets of "source:first words", independent of ids."""
    rows = session.execute(
        select(Quote.remark_id, Article.source_path, Quote.text).join(Article)
    ).all()
    groups: dict[int | None, set[str]] = {}
    for remark_id, source, text in rows:
        groups.setdefault(remark_id, set()).add(f"{source}:{' '.join(text.split()[:3])}")
    assert None not in groups
    return {frozenset(g) for g in groups.values()}


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with session_factory(engine)() as session:
        yield session


@pytest.fixture
def patrushev(session: Session) -> Session:
    """Patrushev's 'unconditional priority' on two occasions, five months apart."""
    add_article(session, "ap", "Associated Press", SEP_19, quotation(AP, "Nikolai Patrushev"))
    add_article(
        session,
        "reuters",
        "Reuters",
        SEP_19,
        quotation(REUTERS, "Russian Security Council", "organisation"),
        quotation("not a remark anyone repeated", "Nikolai Patrushev"),
    )
    add_article(
        session,
        "scmp",
        "South China Morning Post",
        FEB_21,
        quotation("unconditional priority", "Nikolai Patrushev", via="Sputnik"),
    )
    return session


EXPECTED = {
    frozenset({"ap:strengthening comprehensive partnership", "reuters:The development of"}),
    frozenset({"reuters:not a remark"}),
    frozenset({"scmp:unconditional priority"}),
}


def test_reports_of_one_remark_are_linked_and_recurring_words_kept_apart(
    patrushev: Session,
) -> None:
    assert remark_sets(patrushev) == EXPECTED
    links = patrushev.scalars(select(QuoteLink)).all()
    assert [(k.relation, k.score) for k in links] == [("variant", 77.9)]
    remark = patrushev.scalars(select(Remark).where(Remark.quote_count == 2)).one()
    assert (remark.canonical_text, remark.outlet_count) == (AP, 2)
    assert (remark.first_said_on, remark.last_said_on) == (SEP_19, SEP_19)


def test_rebuild_gives_the_same_remarks_as_ingesting_one_by_one(patrushev: Session) -> None:
    with patrushev.begin():
        summary = rebuild(patrushev)
    assert (summary.quotations, summary.remarks, summary.links) == (4, 3, 1)
    assert remark_sets(patrushev) == EXPECTED
    assert patrushev.scalar(select(Remark.id).where(Remark.quote_count == 0)) is None


def test_dedupe_places_pending_quotations_in_id_order(patrushev: Session) -> None:
    """`quotes dedupe` after a migration cleared the remarks, and after an earlier quotation
    lost its remark (placing it now would not be in id order: everything is rebuilt)."""
    with patrushev.begin():
        for table in (QuoteKey, QuoteLink, Remark):
            patrushev.execute(delete(table))
        summary = assign_pending(patrushev)
    assert (summary.quotations, summary.remarks, summary.links) == (4, 3, 1)
    assert remark_sets(patrushev) == EXPECTED
    patrushev.commit()
    with patrushev.begin():
        first = patrushev.scalars(select(Quote.id).order_by(Quote.id).limit(1)).one()
        patrushev.execute(update(Quote).where(Quote.id == first).values(remark_id=None))
        summary = assign_pending(patrushev)
    assert (summary.quotations, summary.remarks, summary.links) == (4, 3, 1)
    assert remark_sets(patrushev) == EXPECTED


def test_a_report_bridging_two_remarks_merges_them(session: Session) -> None:
    add_article(
        session,
        "one",
        "TASS",
        SEP_19,
        quotation("we will defend our sovereignty by all means", "Vladimir Putin"),
        quotation("the sanctions have failed completely", "Vladimir Putin"),
    )
    long = "we will defend our sovereignty by all means, and the sanctions have failed completely"
    add_article(session, "two", "Reuters", SEP_19, quotation(long, "Vladimir Putin"))
    assert remark_sets(session) == {
        frozenset({"one:we will defend", "one:the sanctions have", "two:we will defend"})
    }
    assert session.scalars(select(Remark.quote_count)).all() == [3]


def test_compare_by_id_and_by_words(patrushev: Session) -> None:
    remark_id = patrushev.scalars(select(Remark.id).where(Remark.quote_count == 2)).one()
    by_words = compare(patrushev, "Strategic partnership with CHINA")
    assert by_words == compare(patrushev, remark_id) == compare(patrushev, str(remark_id))
    assert [(r.publisher, r.relation, r.said_on) for r in by_words.reports] == [
        ("Associated Press", "canonical", SEP_19),
        ("Reuters", "variant", SEP_19),
    ]
    assert by_words.remark.speaker == "Nikolai Patrushev"
    with pytest.raises(NotFound, match=r"^no remark 999: list them with `quotes remarks`$"):
        compare(patrushev, 999)
    with pytest.raises(NotFound, match=r"^no remark has a quotation containing 'xyzzy'$"):
        compare(patrushev, "xyzzy")


def test_word_diff_marks_cuts_additions_and_changes() -> None:
    assert word_diff("We are ready to talk now.", "we are ready, to walk") == (
        DiffPart("same", "we are ready, to"),
        DiffPart("changed", "walk", "talk now."),
    )
    assert word_diff("a b c", "a c d") == (
        DiffPart("same", "a"),
        DiffPart("cut", "b"),
        DiffPart("same", "c"),
        DiffPart("added", "d"),
    )


def test_list_remarks_by_outlets(patrushev: Session) -> None:
    listed = list(list_remarks(patrushev, min_outlets=2))
    assert [(r.quote_count, r.outlet_count) for r, _ in listed] == [(2, 2)]
    assert [(m.source_path, m.start, m.relation) for m in listed[0][1]] == [
        ("ap", 0, "canonical"),
        ("reuters", 0, "variant"),
    ]
    assert list(list_remarks(patrushev, min_outlets=3)) == []


def test_phrases_finds_the_recurring_talking_point(patrushev: Session) -> None:
    found = phrases(patrushev, "Patrushev")
    assert [(p.text, [(u.said_on, u.text) for u in p.uses]) for p in found] == [
        ("unconditional priority", [(SEP_19, REUTERS), (FEB_21, "unconditional priority")])
    ]
    with pytest.raises(NotFound, match=r"^no speaker named 'Nobody'"):
        phrases(patrushev, "Nobody")


def test_seed_remarks(seeded_engine: Engine) -> None:
    """The seeds' remarks with more than one report, pinned by (file, start) of members."""
    session = session_factory(seeded_engine)()
    article_ids = session.scalars(select(Article.id).order_by(Article.id)).all()
    session.commit()
    for article_id in article_ids:
        with session.begin():
            assign_article_remarks(session, article_id)
    found = {
        frozenset(f"{Path(m.source_path).name}:{m.start}" for m in members)
        for _, members in list_remarks(session)
    }
    expected = json.loads((FIXTURES / "seed_remarks.json").read_text(encoding="utf-8"))
    assert found == {frozenset(group["members"]) for group in expected["remarks"]}
    session.commit()
    with session.begin():
        rebuild(session)
    assert {
        frozenset(f"{Path(m.source_path).name}:{m.start}" for m in members)
        for _, members in list_remarks(session)
    } == found
    session.close()


def test_cli_dedupe_remarks_compare_phrases(patrushev: Session, db_url: str) -> None:
    from typer.testing import CliRunner

    from quotes.cli import app

    runner = CliRunner()
    patrushev.close()
    done = runner.invoke(app, ["--db", db_url, "dedupe", "--rebuild"])
    assert (done.exit_code, done.output) == (0, "4 quotations in 3 remarks, 1 links\n")
    done = runner.invoke(
        app, ["--db", db_url, "remarks", "--min-outlets", "2", "--format", "jsonl"]
    )
    listed = [json.loads(line) for line in done.output.splitlines()]
    assert [
        (r["quotations"], r["speaker"], [m["relation"] for m in r["members"]]) for r in listed
    ] == [(2, "Nikolai Patrushev", ["canonical", "variant"])]
    done = runner.invoke(
        app, ["--db", db_url, "compare", "unconditional priority of Russian", "--format", "json"]
    )
    reports = json.loads(done.output)
    assert [(r["publisher"], r["relation"]) for r in reports] == [
        ("Associated Press", "canonical"),
        ("Reuters", "variant"),
    ]
    assert reports[1]["wording"].startswith(
        "[-strengthening comprehensive-] {+The development of a strategic+} partnership"
    )
    done = runner.invoke(app, ["--db", db_url, "phrases", "Patrushev", "--format", "jsonl"])
    rows = [json.loads(line) for line in done.output.splitlines()]
    assert [(r["phrase"], r["date"]) for r in rows] == [
        ("unconditional priority", "2022-09-19"),
        ("unconditional priority", "2023-02-21"),
    ]
    done = runner.invoke(app, ["--db", db_url, "compare", "999"])
    assert (done.exit_code, done.output) == (
        1,
        "Error: no remark 999: list them with `quotes remarks`\n",
    )


def generator() -> ModuleType:
    """benchmarks/generate_corpus.py as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("generate_corpus", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("generate_corpus", module)  # its dataclasses look themselves up
    spec.loader.exec_module(sys.modules["generate_corpus"])
    return sys.modules["generate_corpus"]


def remark_state(session: Session) -> dict[str, object]:
    """Everything remarks store, independent of remark ids: each remark's members with its
    stored state, the links, the blocking keys and the outlets."""
    members: dict[int, list[int]] = {}
    for quote_id, remark_id in session.execute(select(Quote.id, Quote.remark_id)):
        assert remark_id is not None
        members.setdefault(remark_id, []).append(quote_id)
    outlets: dict[int, set[int]] = {}
    for remark_id, outlet_id in session.execute(
        select(RemarkOutlet.remark_id, RemarkOutlet.outlet_id)
    ):
        outlets.setdefault(remark_id, set()).add(outlet_id)
    remarks = {
        frozenset(members[r.id]): (
            r.root_quote_id, r.speaker_id, r.org_id, r.fragments_only, r.canonical_quote_id,
            r.first_said_on, r.last_said_on, r.quote_count, r.outlet_count,
            frozenset(outlets.get(r.id, ())),
        )
        for r in session.scalars(select(Remark))
    }  # fmt: skip
    assert len(remarks) == len(members)
    links = set(
        session.execute(
            select(QuoteLink.quote_a_id, QuoteLink.quote_b_id, QuoteLink.relation, QuoteLink.score)
        ).tuples()
    )
    keys = set(session.execute(select(QuoteKey.key, QuoteKey.bucket, QuoteKey.quote_id)).tuples())
    return {"remarks": remarks, "links": links, "keys": keys}


def test_ingesting_a_generated_corpus_gives_the_remarks_of_a_rebuild(
    engine: Engine, tmp_path: Path
) -> None:
    """200-odd generated articles (remarks reported in several forms, talking points repeated,
    a thousand quotations a day) ingested one by one, then rebuilt: the same remarks, state,
    links and keys."""
    generator().write(tmp_path, 1500, 11)
    summary = ingest(engine, [tmp_path / "articles.jsonl"])
    assert summary.failed == 0 and summary.added > 200
    with session_factory(engine)() as session:
        incremental = remark_state(session)
        session.commit()
        with session.begin():
            rebuilt_summary = rebuild(session)
        rebuilt = remark_state(session)
    assert rebuilt_summary.quotations == summary.quotations
    assert len(incremental["remarks"]) < summary.quotations * 0.9  # many reports join
    assert incremental == rebuilt


def test_merging_two_spellings_of_a_speaker_joins_their_remarks(session: Session) -> None:
    from quotes.query.catalog import merge_speakers

    said = date(2024, 3, 1)
    words = "We will never accept these unlawful sanctions against our people and our economy"
    other = "we will never accept such illegal sanctions against our people and economy"
    add_article(session, "a", "Reuters", said, quotation(words, "Anne Smyth"))
    add_article(session, "b", "Associated Press", said, quotation(other, "Ann Smith"))
    assert remark_sets(session) == {frozenset({"a:We will never"}), frozenset({"b:we will never"})}
    merged = merge_speakers(session, "Anne Smyth", "Ann Smith")
    session.commit()
    assert (merged.remarks, merged.rejoined) == (1, 1)
    assert remark_sets(session) == {frozenset({"a:We will never", "b:we will never"})}
    (remark,) = session.scalars(select(Remark)).all()
    assert (remark.quote_count, remark.outlet_count) == (2, 2)
