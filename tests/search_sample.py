"""A small, exactly known library for the search, report, SQL and CLI tests: three outlets
publishing, one relay, three speakers, six quotations, three remarks. Rows are inserted in
order into a new database, so their ids are 1, 2, 3... on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quotes.extract.names import name_key, surname_key
from quotes.store.models import (
    Article,
    Outlet,
    Quote,
    QuoteLink,
    Remark,
    Speaker,
    SpeakerAlias,
)

SCMP_BODY = (
    "China and Russia want fair world order\n"
    "Russia wants “a more just world order”, Patrushev said, according to TASS.\n"
    "Yang said China would safeguard the “security and stability of the world”.\n"
)
REUTERS_BODY = (
    "Patrushev says world order must change\n"
    "“A more just world order is needed,” Patrushev told TASS.\n"
    "Peskov said sanctions would not work.\n"
)
ALJAZEERA_BODY = (
    "Kremlin defiant\n"
    "Patrushev called for “a more just world order”.\n"
    "“The West (and its allies) must stop - now,” Peskov said.\n"
)


def _quote(article: Article, text: str, **fields: object) -> Quote:
    start = article.body.index(text)
    return Quote(
        article_id=article.id, text=text, start_char=start, end_char=start + len(text),
        paragraph=0, confidence=0.9, rule="test", **fields,
    )  # fmt: skip


def load_sample(engine: Engine) -> None:
    with Session(engine) as session:
        tass = Outlet(name="TASS", name_key="tass", kind="news agency", country="RU")
        scmp = Outlet(
            name="South China Morning Post", name_key="south china morning post",
            kind="newspaper", country="HK",
        )  # fmt: skip
        reuters = Outlet(name="Reuters", name_key="reuters", kind="news agency", country="GB")
        aljazeera = Outlet(name="Al Jazeera", name_key="al jazeera", kind="broadcaster")
        session.add_all([tass, scmp, reuters, aljazeera])
        session.flush()

        def speaker(name: str, role: str | None) -> Speaker:
            return Speaker(
                name=name, name_key=name_key(name), surname_key=surname_key(name),
                kind="person", role=role,
            )  # fmt: skip

        patrushev = speaker("Nikolai Patrushev", "Security Council secretary")
        yang = speaker("Yang Jiechi", None)
        peskov = speaker("Dmitry Peskov", "Kremlin spokesman")
        session.add_all([patrushev, yang, peskov])
        session.flush()
        session.add(
            SpeakerAlias(
                speaker_id=patrushev.id, alias="Nikolay Patrushev",
                alias_key=name_key("Nikolay Patrushev"), source="extracted",
            )
        )  # fmt: skip

        def article(publisher: Outlet, body: str, day: int, n: int) -> Article:
            return Article(
                publisher=publisher, title=body.split("\n", 1)[0],
                url=f"https://example.com/{n}", published=date(2022, 9, day), body=body,
                sha256=f"{n:064d}", source_path=f"sample/{n}.txt",
                ingested_at=datetime(2022, 9, 21, tzinfo=UTC),
            )  # fmt: skip

        a1 = article(scmp, SCMP_BODY, 19, 1)
        a2 = article(reuters, REUTERS_BODY, 19, 2)
        a3 = article(aljazeera, ALJAZEERA_BODY, 20, 3)
        session.add_all([a1, a2, a3])
        session.flush()

        r1 = Remark(
            speaker_id=patrushev.id, canonical_text="a more just world order", root_quote_id=1,
            first_said_on=date(2022, 9, 19), last_said_on=date(2022, 9, 19),
            quote_count=3, outlet_count=3,
        )  # fmt: skip
        r2 = Remark(
            speaker_id=yang.id, canonical_text="security and stability of the world", root_quote_id=4,
            first_said_on=date(2022, 9, 19), last_said_on=date(2022, 9, 19),
            quote_count=1, outlet_count=1,
        )  # fmt: skip
        r3 = Remark(
            speaker_id=peskov.id, canonical_text="The West (and its allies) must stop - now", root_quote_id=6,
            first_said_on=date(2022, 9, 20), last_said_on=date(2022, 9, 20),
            quote_count=1, outlet_count=1,
        )  # fmt: skip
        session.add_all([r1, r2, r3])
        session.flush()

        sept19, sept20 = date(2022, 9, 19), date(2022, 9, 20)
        quotes = [
            _quote(a1, "a more just world order", speaker=patrushev, via_outlet=tass,
                   via_text="TASS", kind="direct", said_on=sept19, dated_on=sept19, remark_id=r1.id,
                   speaker_text="Patrushev", cue="said"),
            _quote(a2, "A more just world order is needed", speaker=patrushev,
                   via_outlet=tass, via_text="TASS", kind="direct", said_on=sept19, dated_on=sept19,
                   remark_id=r1.id, speaker_text="Patrushev", cue="told"),
            _quote(a3, "a more just world order", speaker=patrushev, kind="partial",
                   said_on=sept19, dated_on=sept19, remark_id=r1.id, speaker_text="Patrushev",
                   cue="called for"),
            _quote(a1, "security and stability of the world", speaker=yang, kind="direct",
                   said_on=sept19, dated_on=sept19, remark_id=r2.id, speaker_text="Yang", cue="said"),
            _quote(a2, "sanctions would not work", speaker=peskov, kind="indirect",
                   said_on=sept19, dated_on=sept19, speaker_text="Peskov", cue="said"),
            _quote(a3, "The West (and its allies) must stop - now", speaker=peskov,
                   kind="direct", said_on=sept20, dated_on=sept20, remark_id=r3.id, speaker_text="Peskov",
                   cue="said"),
        ]  # fmt: skip
        for q in quotes:  # one at a time, so ids follow the list on every backend
            session.add(q)
            session.flush()
        session.add_all([
            QuoteLink(quote_a_id=1, quote_b_id=2, relation="variant", score=0.82),
            QuoteLink(quote_a_id=1, quote_b_id=3, relation="identical", score=1.0),
            QuoteLink(quote_a_id=2, quote_b_id=3, relation="variant", score=0.82),
        ])  # fmt: skip
        session.commit()
