"""One person is one speaker across articles; outlets resolve through the gazetteer."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quotes.store.articles import (
    NameCache,
    channel_name,
    get_or_create_outlet,
    get_or_create_speaker,
)
from quotes.store.models import Base, Outlet, Quote, Speaker, SpeakerAlias


def _speaker(session: Session, name: str, kind: str = "person", role: str | None = None) -> int:
    return get_or_create_speaker(session, name, kind, role).id


def test_spellings_of_one_person_are_one_speaker_with_aliases(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        first = _speaker(session, "Volodymyr Zelensky", role="Ukrainian President")
        assert _speaker(session, "Volodymyr Zelenskyy") == first
        assert _speaker(session, "VOLODYMYR ZELENSKIY") == first
        assert _speaker(session, "Volodymyr Zelenskyy") == first
        assert _speaker(session, "Zelensky") == first
        speaker = session.get(Speaker, first)
        assert speaker is not None
        assert (speaker.name, speaker.role) == ("Volodymyr Zelensky", "Ukrainian President")
        aliases = session.scalars(select(SpeakerAlias.alias).order_by(SpeakerAlias.alias)).all()
        assert aliases == ["VOLODYMYR ZELENSKIY", "Volodymyr Zelenskyy"]


def test_joint_speakers_are_one_speaker_in_any_order(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        pair = _speaker(session, "Vladimir Putin and Xi Jinping")
        assert _speaker(session, "Xi Jinping and Vladimir Putin") == pair
        assert _speaker(session, "Xi Jinping") != pair


def test_diacritics_and_case_do_not_split_a_speaker(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        assert _speaker(session, "Recep Tayyip Erdoğan") == _speaker(
            session, "recep tayyip erdogan"
        )


def test_a_bare_surname_links_only_when_exactly_one_speaker_has_it(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        wang_yi = _speaker(session, "Wang Yi")
        assert _speaker(session, "Wang Yi") == wang_yi
        assert _speaker(session, "Wang") == wang_yi
        biden = _speaker(session, "Joe Biden")
        assert _speaker(session, "Biden") == biden
        xi = _speaker(session, "Xi Jinping")
        other = _speaker(session, "Li Jinping")
        assert _speaker(session, "Jinping") not in (xi, other)


def test_organisations_match_without_the_article(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        kremlin = _speaker(session, "the Kremlin", "organisation")
        assert _speaker(session, "Kremlin", "organisation") == kremlin


def test_outlets_take_the_gazetteer_name_and_unknown_ones_are_kept_as_written(
    engine: Engine,
) -> None:
    with Session(engine) as session, session.begin():
        tass = get_or_create_outlet(session, "Tass")
        assert (tass.name, tass.kind) == ("TASS", "news agency")
        assert get_or_create_outlet(session, "TASS").id == tass.id
        local = get_or_create_outlet(session, "The Fujian Evening Courier")
        assert (local.name, local.kind) == ("The Fujian Evening Courier", "other")
        assert get_or_create_outlet(session, "the fujian evening courier").id == local.id
        assert session.scalars(select(Outlet.name).order_by(Outlet.id)).all() == [
            "TASS", "The Fujian Evening Courier",
        ]  # fmt: skip


def test_a_relay_is_the_channel_without_the_form_it_came_in() -> None:
    assert channel_name("Russian Security Council statement") == "Russian Security Council"
    assert channel_name("a Kremlin readout") == "Kremlin"
    assert channel_name("The Fujian Evening Courier") == "The Fujian Evening Courier"
    assert channel_name("statement") == "statement"


def test_relays_named_with_their_form_share_the_outlet(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        tass = get_or_create_outlet(session, "TASS")
        assert get_or_create_outlet(session, "a Tass report").id == tass.id
        council = get_or_create_outlet(session, "Russian Security Council statement")
        assert council.name == "Russian Security Council"
        assert get_or_create_outlet(session, "the Russian Security Council").id == council.id


def test_the_name_cache_keeps_only_what_a_committed_transaction_found() -> None:
    cache = NameCache()
    cache.staged_speakers[("Wang Yi", "person")] = 7
    cache.discard()
    assert cache.speakers == {}
    cache.staged_outlets["TASS"] = 3
    cache.commit()
    assert (cache.outlets, cache.staged_outlets) == ({"TASS": 3}, {})
    cache.clear()
    assert cache.outlets == {}


def test_one_person_in_two_scripts_is_one_speaker(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        zakharova = _speaker(session, "Maria Zakharova")
        assert _speaker(session, "Мария Захарова") == zakharova
        peskov = _speaker(session, "Дмитрий Песков")
        assert _speaker(session, "Dmitry Peskov") == peskov
        assert _speaker(session, "Песков") == peskov
        assert _speaker(session, "Maxim Zakharov") != zakharova
        names = session.scalars(select(Speaker.name).order_by(Speaker.id)).all()
        # Named in Latin letters once met so, whichever script came first.
        assert names == ["Maria Zakharova", "Dmitry Peskov", "Maxim Zakharov"]


def test_a_middle_name_or_initial_finds_the_one_person(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        joseph = get_or_create_speaker(session, "Joseph Biden", "person", None)
        assert get_or_create_speaker(session, "Joseph R. Biden", "person", None).id == joseph.id
        other = get_or_create_speaker(session, "Jill Biden", "person", None)
        assert other.id != joseph.id


def test_a_bare_surname_met_first_takes_the_full_name_when_it_comes(engine: Engine) -> None:
    with Session(engine) as session:
        bare = _speaker(session, "Stoltenberg")
        full = _speaker(session, "Jens Stoltenberg", role="NATO secretary-general")
        assert full == bare
        assert _speaker(session, "Stoltenberg") == bare
        wang = _speaker(session, "Wang")
        assert _speaker(session, "Wang Yi") == wang
        assert session.scalars(select(Speaker.name).order_by(Speaker.id)).all() == [
            "Jens Stoltenberg",
            "Wang Yi",
        ]
        session.commit()


def test_speakers_are_the_same_whichever_article_comes_first(db_url: str, tmp_path: Path) -> None:
    from quotes.ingest import ingest
    from quotes.store.schema import open_database

    short = tmp_path / "short.txt"
    short.write_text("“The alliance is ready,” Stoltenberg said on Monday.\n", encoding="utf-8")
    full = tmp_path / "full.txt"
    full.write_text(
        "NATO Secretary-General Jens Stoltenberg said: “We will stand by our allies.”\n",
        encoding="utf-8",
    )
    seen = []
    for order in ([short, full], [full, short]):
        engine = open_database(db_url, writer=True)
        for path in order:
            ingest(engine, [path])
        with Session(engine) as session:
            seen.append(
                sorted(
                    session.execute(
                        select(Quote.text, Speaker.name).join(
                            Speaker, Quote.speaker_id == Speaker.id
                        )
                    ).all()
                )
            )
        with engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
        engine.dispose()
    assert (
        seen[0]
        == seen[1]
        == [
            ("The alliance is ready,", "Jens Stoltenberg"),
            ("We will stand by our allies.", "Jens Stoltenberg"),
        ]
    )


def test_the_seeds_in_any_order_give_the_same_speakers_roles_and_spellings(
    db_url: str,
) -> None:
    """Names and roles are ranked (`_name_rank`, `_role_rank`), not first come: reversed, the
    seeds still name "Vladimir Putin and Xi Jinping" so and keep the longest role."""
    from quotes.ingest import ingest
    from quotes.store.schema import open_database

    seeds = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
    seen = []
    for order in (seeds, seeds[::-1], seeds[2:] + seeds[:2]):
        engine = open_database(db_url, writer=True)
        for path in order:
            ingest(engine, [path])
        with Session(engine) as session:
            speakers = session.execute(select(Speaker.name, Speaker.role, Speaker.kind)).all()
            aliases = session.execute(
                select(Speaker.name, SpeakerAlias.alias).join(SpeakerAlias.speaker)
            ).all()
            seen.append((sorted(speakers, key=str), sorted(aliases)))
        with engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())
        engine.dispose()
    assert seen[0] == seen[1] == seen[2]
    names = [name for name, _, _ in seen[0][0]]
    assert "Vladimir Putin and Xi Jinping" in names
    assert ("Vladimir Putin and Xi Jinping", "Xi Jinping and Vladimir Putin") in seen[0][1]
