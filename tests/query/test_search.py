"""quotes.query.search on SQLite and PostgreSQL, over the sample library of tests/search_sample.py."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import date
from types import GeneratorType

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from quotes import query
from quotes.errors import NotFound, QuotesError
from quotes.query.search import Filters, Hit
from quotes.store.articles import find_speaker
from quotes.store.models import Quote, QuoteKey, Speaker, SpeakerAlias
from tests.search_sample import load_sample


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    load_sample(engine)
    with Session(engine) as session:
        yield session


def ids(result: query.SearchResult) -> list[int]:
    return [hit.quote_id for hit in result.hits]


@pytest.mark.parametrize(
    "term", ["Patrushev", "patrushev", "PATRUSHEV", "Nikolai Patrushev", "nikolai patrushev",
             "Nikolay Patrushev", "  Patrushev "],
)  # fmt: skip
def test_a_speaker_name_or_alias_in_any_case_finds_their_quotations(
    session: Session, term: str
) -> None:
    result = query.search(session, term)
    assert (result.by, result.speakers, ids(result)) == (
        "speaker",
        ("Nikolai Patrushev",),
        [3, 2, 1],
    )


def test_the_end_of_a_name_finds_the_speaker(session: Session) -> None:
    query.add_speaker_alias(session, "Peskov", "Dmitry Sergeyevich Peskov")
    session.execute(text("UPDATE speakers SET name_key = 'dmitry peskov smith' WHERE id = 3"))
    assert query.search(session, "Peskov-Smith").speakers == ("Dmitry Peskov",)
    assert query.search(session, "Sergeyevich Peskov").by == "text"


def test_speaker_hit_carries_date_publisher_relay_and_remark(session: Session) -> None:
    hits = query.search(session, "Patrushev").hits
    assert hits[2] == Hit(
        quote_id=1, date=date(2022, 9, 19), speaker="Nikolai Patrushev",
        publisher="South China Morning Post", via="TASS", kind="direct",
        quotation="a more just world order", remark_id=1, publishers=3,
    )  # fmt: skip
    assert [(h.publisher, h.via, h.publishers) for h in hits] == [
        ("Al Jazeera", None, 3),
        ("Reuters", "TASS", 3),
        ("South China Morning Post", "TASS", 3),
    ]


def test_text_search_is_ranked_and_marks_the_match(session: Session) -> None:
    result = query.search(session, "world order")
    assert (result.by, ids(result)) == ("text", [1, 3, 2])
    assert [h.quotation for h in result.hits] == [
        "a more just world order",
        "a more just world order",
        "A more just world order is needed",
    ]
    assert [h.quotation.spans for h in result.hits] == [  # type: ignore[attr-defined]
        ((12, 17), (18, 23)),
        ((12, 17), (18, 23)),
        ((12, 17), (18, 23)),
    ]
    assert result.suggestion is None


def test_text_search_stems(session: Session) -> None:
    assert ids(query.search(session, "sanction")) == [5]
    assert sorted(ids(query.search(session, "worlds"))) == [1, 2, 3, 4]


def test_unlinked_quotation_counts_its_own_publisher(session: Session) -> None:
    (hit,) = query.search(session, "sanctions").hits
    assert (hit.remark_id, hit.publishers, hit.speaker) == (None, 1, "Dmitry Peskov")


@pytest.mark.parametrize(
    "term",
    ['"', '""', "(", ")", "AND", "OR NOT", "-", "*", "world*", '"world order', "NEAR(a b)",
     ":", "^", "it's", "", "   ", "text:world", "West (and", "stop - now", "a OR b AND NOT c",
     "'", "\\", "%", "_", "{x}", "world -order", '"the west"'],
)  # fmt: skip
def test_fts_syntax_in_a_term_never_errors(session: Session, term: str) -> None:
    result = query.search(session, term)
    assert result.by == "text"


def test_fts_syntax_is_plain_text(session: Session) -> None:
    assert ids(query.search(session, "West (and")) == [6]
    assert ids(query.search(session, "stop - now")) == [6]
    assert sorted(ids(query.search(session, "world*"))) == [1, 2, 3, 4]
    assert ids(query.search(session, "OR")) == []


def test_near_miss_suggests_the_speaker(session: Session) -> None:
    result = query.search(session, "Patrushew")
    assert (result.hits, result.suggestion) == ((), "Nikolai Patrushev")
    assert query.search(session, "Nikolai Patrushew").suggestion == "Nikolai Patrushev"
    assert query.search(session, "zzzz").suggestion is None


def test_filters(session: Session) -> None:
    def found(term: str, **filters: object) -> list[int]:
        return ids(query.search(session, term, Filters(**filters)))  # type: ignore[arg-type]

    assert found("world", outlet="Reuters") == [2]
    assert found("world", outlet="reuters") == [2]
    assert found("Patrushev", via="TASS") == [2, 1]
    assert found("Patrushev", kind="partial") == [3]
    assert found("world", speaker="Yang Jiechi") == [4]
    assert found("world", since=date(2022, 9, 20)) == []
    assert found("Peskov", since=date(2022, 9, 20)) == [6]
    assert found("Peskov", until=date(2022, 9, 19)) == [5]
    assert found("world", limit=2) == [1, 3]
    assert ids(query.search(session, "Patrushev", text_only=True)) == []


def test_unknown_filter_values_say_so(session: Session) -> None:
    with pytest.raises(NotFound) as error:
        query.search(session, "world", Filters(speaker="Patrushew"))
    assert str(error.value) == "no speaker named 'Patrushew' (did you mean 'Nikolai Patrushev'?)"
    with pytest.raises(NotFound) as error:
        query.search(session, "world", Filters(outlet="Pravda"))
    assert str(error.value) == "no outlet named 'Pravda': `quotes outlets` lists them"
    with pytest.raises(QuotesError) as kind_error:
        query.search(session, "world", Filters(kind="verbatim"))
    assert str(kind_error.value) == "unknown kind 'verbatim': use one of direct, partial, indirect"


def test_show_quote(session: Session) -> None:
    assert query.show_quote(session, 2).record() == {
        "quote_id": 2,
        "quotation": "A more just world order is needed",
        "kind": "direct",
        "paragraph": "“A more just world order is needed,” Patrushev told TASS.",
        "speaker": "Nikolai Patrushev",
        "role": "Security Council secretary",
        "speaker_as_written": "Patrushev",
        "cue": "told",
        "via": "TASS",
        "via_as_written": "TASS",
        "said_on": date(2022, 9, 19),
        "confidence": 0.9,
        "rule": "test",
        "publisher": "Reuters",
        "title": "Patrushev says world order must change",
        "url": "https://example.com/2",
        "published": date(2022, 9, 19),
        "article_id": 2,
        "remark_id": 1,
        "canonical_text": "a more just world order",
        "remark_quotations": 3,
        "remark_publishers": 3,
    }
    with pytest.raises(NotFound) as error:
        query.show_quote(session, 99)
    assert str(error.value) == "no quotation with id 99"


def test_paragraph_around() -> None:
    paragraph = query.paragraph_around("a\nsaid “x y” here\nb", 8, 11)
    assert (paragraph, paragraph.spans) == ("said “x y” here", ((6, 9),))
    assert query.paragraph_around("x", 0, 1).spans == ((0, 1),)


def test_list_speakers(session: Session) -> None:
    assert query.list_speakers(session) == [
        {"speaker_id": 1, "speaker": "Nikolai Patrushev", "kind": "person",
         "role": "Security Council secretary", "quotations": 3, "remarks": 1,
         "aliases": "Nikolay Patrushev"},
        {"speaker_id": 3, "speaker": "Dmitry Peskov", "kind": "person", "role": "Kremlin spokesman",
         "quotations": 2, "remarks": 1, "aliases": ""},
        {"speaker_id": 2, "speaker": "Yang Jiechi", "kind": "person", "role": None, "quotations": 1,
         "remarks": 1, "aliases": ""},
    ]  # fmt: skip
    assert [r["speaker"] for r in query.list_speakers(session, "nikolay")] == ["Nikolai Patrushev"]
    assert [r["speaker"] for r in query.list_speakers(session, "PESK")] == ["Dmitry Peskov"]
    assert query.list_speakers(session, "nobody") == []


def test_list_outlets(session: Session) -> None:
    assert query.list_outlets(session) == [
        {"outlet_id": 1, "outlet": "TASS", "kind": "news agency", "country": "RU", "articles": 0,
         "quotations": 0, "relayed": 2},
        {"outlet_id": 4, "outlet": "Al Jazeera", "kind": "broadcaster", "country": None, "articles": 1,
         "quotations": 2, "relayed": 0},
        {"outlet_id": 3, "outlet": "Reuters", "kind": "news agency", "country": "GB", "articles": 1,
         "quotations": 2, "relayed": 0},
        {"outlet_id": 2, "outlet": "South China Morning Post", "kind": "newspaper", "country": "HK",
         "articles": 1, "quotations": 2, "relayed": 0},
    ]  # fmt: skip


def test_alias_is_recorded_and_used_by_search_and_ingest(session: Session) -> None:
    assert query.add_speaker_alias(session, "Patrushev", "N. P. Patrushev") == "Nikolai Patrushev"
    session.commit()
    alias = session.scalar(select(SpeakerAlias).where(SpeakerAlias.alias == "N. P. Patrushev"))
    assert alias is not None
    assert (alias.speaker_id, alias.alias_key, alias.source) == (1, "n p patrushev", "user")
    assert ids(query.search(session, "n. p. patrushev")) == [3, 2, 1]
    found = find_speaker(session, "N. P. Patrushev")
    assert found is not None and found.name == "Nikolai Patrushev"


def test_alias_errors(session: Session) -> None:
    with pytest.raises(QuotesError) as clash:
        query.add_speaker_alias(session, "Patrushev", "Dmitry Peskov")
    assert str(clash.value) == (
        "'Dmitry Peskov' is already the speaker 'Dmitry Peskov': "
        "use `quotes speakers merge 'Nikolai Patrushev' 'Dmitry Peskov'`"
    )
    with pytest.raises(NotFound) as error:
        query.add_speaker_alias(session, "Putin", "VVP")
    assert str(error.value) == "no speaker named 'Putin'"


def test_merge_moves_everything_and_remembers_the_name(session: Session) -> None:
    merged = query.merge_speakers(session, "Patrushev", "Dmitry Peskov")
    session.commit()
    assert merged == query.Merged(
        kept="Nikolai Patrushev",
        removed="Dmitry Peskov",
        quotations=2,
        remarks=1,
        aliases=1,
        rejoined=2,
    )
    assert session.scalars(select(Speaker.name).order_by(Speaker.id)).all() == [
        "Nikolai Patrushev",
        "Yang Jiechi",
    ]
    assert session.scalars(
        select(Quote.id).where(Quote.speaker_id == 1).order_by(Quote.id)
    ).all() == [
        1,
        2,
        3,
        5,
        6,
    ]
    aliases = session.execute(
        select(SpeakerAlias.alias, SpeakerAlias.source).order_by(SpeakerAlias.alias)
    ).all()
    assert [tuple(a) for a in aliases] == [
        ("Dmitry Peskov", "user"),
        ("Nikolay Patrushev", "extracted"),
    ]
    assert ids(query.search(session, "Dmitry Peskov")) == [6, 5, 3, 2, 1]
    found = find_speaker(session, "Dmitry Peskov")
    assert found is not None and found.name == "Nikolai Patrushev"


def test_merge_moves_the_speaker_blocking_keys(session: Session) -> None:
    peskov = session.scalars(select(Speaker.id).where(Speaker.name == "Dmitry Peskov")).one()
    quote_id = session.scalars(select(Quote.id).where(Quote.speaker_id == peskov)).first()
    assert quote_id is not None
    session.add(QuoteKey(key=f"sf:{peskov}", bucket=None, quote_id=quote_id))
    session.flush()
    query.merge_speakers(session, "Patrushev", "Dmitry Peskov")
    keys = session.scalars(select(QuoteKey.key)).all()
    assert not {f"sf:{peskov}", f"s:{peskov}"} & set(keys)


def test_merge_errors(session: Session) -> None:
    with pytest.raises(QuotesError) as same:
        query.merge_speakers(session, "Patrushev", "Nikolay Patrushev")
    assert str(same.value) == (
        "'Patrushev' and 'Nikolay Patrushev' are already the same speaker (Nikolai Patrushev)"
    )
    with pytest.raises(NotFound) as error:
        query.merge_speakers(session, "Patrushev", "Peskow")
    assert str(error.value) == "no speaker named 'Peskow' (did you mean 'Dmitry Peskov'?)"


def test_export_streams_every_quotation(session: Session) -> None:
    rows = query.export(session)
    assert isinstance(rows, GeneratorType)
    listed = list(rows)
    assert [r["quote_id"] for r in listed] == [1, 2, 3, 4, 5, 6]
    assert tuple(listed[0]) == query.EXPORT_COLUMNS
    assert listed[3] == {
        "quote_id": 4, "date": date(2022, 9, 19), "said_on": date(2022, 9, 19), "speaker": "Yang Jiechi", "role": None,
        "cue": "said", "kind": "direct", "quotation": "security and stability of the world",
        "publisher": "South China Morning Post", "via": None,
        "title": "China and Russia want fair world order", "url": "https://example.com/1",
        "published": date(2022, 9, 19), "remark_id": 2, "article_id": 1,
        "start": 151, "end": 186, "confidence": 0.9,
    }  # fmt: skip


def test_export_filters_like_search(session: Session) -> None:
    def exported(term: str | None = None, **filters: object) -> list[int]:
        chosen = Filters(**{"limit": None, **filters})  # type: ignore[arg-type]
        return [r["quote_id"] for r in query.export(session, chosen, term)]

    assert exported("Patrushev") == [1, 2, 3]
    assert exported("world order") == [1, 2, 3]
    assert exported(outlet="Al Jazeera") == [3, 6]
    assert exported(via="TASS", kind="direct") == [1, 2]
    assert exported("(", limit=1) == []


def test_fts_index_follows_inserts_updates_and_deletes(session: Session) -> None:
    session.execute(text("UPDATE quotes SET text = 'sanctions are theft' WHERE id = 6"))
    session.commit()
    assert ids(query.search(session, "sanctions")) == [6, 5]
    assert ids(query.search(session, "West")) == []
    session.execute(text("DELETE FROM quotes WHERE id = 5"))
    session.commit()
    assert ids(query.search(session, "sanctions")) == [6]


def test_common_words_are_ranked_among_the_newest_matches(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    search_module = importlib.import_module("quotes.query.search")  # the package exports search()
    monkeypatch.setattr(search_module, "RANK_WINDOW", 4)  # quotations 3 to 6
    assert ids(query.search(session, "world order", Filters(limit=1))) == [3]
    assert ids(query.search(session, "world order", Filters(limit=2))) == [1, 3]
    assert ids(query.search(session, "world order")) == [1, 3, 2]
