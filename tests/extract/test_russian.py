"""Russian rules: speakers after a dash and before a colon, claims, relays, dates, names in the
nominative; and the figures on the Russian test articles (tests/fixtures/russian)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from quotes.extract.pipeline import extract_quotations
from tests.conftest import PROJECT_ROOT

pytest.importorskip("pymorphy3", reason="the [russian] extra")

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "russian" / "articles.json"


def _found(text: str, published: date | None = date(2023, 2, 21)) -> list[tuple[object, ...]]:
    return [
        (q.kind, q.text, q.speaker, q.role, q.via, q.said_on, q.rule)
        for q in extract_quotations(text, published)
    ]


def test_dash_after_the_quotation_names_the_speaker_with_role_and_dateline_is_skipped() -> None:
    text = (
        "МОСКВА, 21 февраля. /ТАСС/. «Позиция России неизменна», — заявил во вторник "
        "пресс-секретарь президента РФ Дмитрий Песков.\n"
        "«Мы следим за заявлениями», — добавил он."
    )
    role = "пресс-секретарь президента РФ"
    assert _found(text) == [
        ("direct", "Позиция России неизменна", "Дмитрий Песков", role, None, date(2023, 2, 21), "dash-after"),
        ("direct", "Мы следим за заявлениями", "Дмитрий Песков", role, None, None, "dash-after"),
    ]  # fmt: skip


def test_colon_and_according_to_take_inflected_names_to_the_nominative() -> None:
    text = (
        "Официальный представитель МИД России Мария Захарова заявила: «Запад переписывает "
        "историю».\nПо словам Захаровой, Москва направит ответ в ближайшие дни."
    )
    assert [(q[0], q[2], q[6]) for q in _found(text)] == [
        ("direct", "Мария Захарова", "cue-before"),
        ("indirect", "Мария Захарова", "according-to"),
    ]


def test_relays_are_outlets_named_in_the_attribution() -> None:
    text = (
        "«Это провокация», — заявил ТАСС секретарь Совбеза РФ Николай Патрушев.\n"
        "Россия готова к диалогу на равных условиях, заявил Лавров, передает РИА Новости.\n"
        "Вице-спикер Госдумы Петр Толстой сообщил “Ъ”, что законопроект будет принят весной."
    )
    assert [(q[1], q[2], q[4]) for q in _found(text)] == [
        ("Это провокация", "Николай Патрушев", "TASS"),
        ("Россия готова к диалогу на равных условиях", "Лавров", "RIA Novosti"),
        ("законопроект будет принят весной", "Петр Толстой", "Kommersant"),
    ]


def test_about_this_gives_the_sentence_before_to_the_speaker() -> None:
    text = "МОСКВА, 21 февраля. /ТАСС/. Кремль не видит предпосылок для переговоров. Об этом во вторник заявил Дмитрий Песков."
    assert _found(text) == [
        ("indirect", "Кремль не видит предпосылок для переговоров", "Дмитрий Песков", None, None,
         date(2023, 2, 21), "about-this"),
    ]  # fmt: skip


def test_a_description_and_a_pronoun_are_the_person_the_article_named() -> None:
    text = (
        "Заместитель министра иностранных дел РФ Сергей Рябков заявил, что Россия не вернется к договору.\n"
        "«Для этого нет оснований», — уточнил замминистра.\n"
        "По его словам, уведомления о пусках продолжатся."
    )
    assert [(q[2], q[6]) for q in _found(text)] == [
        ("Сергей Рябков", "claim-that"),
        ("Сергей Рябков", "dash-after"),
        ("Сергей Рябков", "according-to"),
    ]


def test_names_in_quote_marks_are_no_quotations() -> None:
    text = "Глава «Газпрома» Алексей Миллер в среду заявил, что компания рассчитывает на рост поставок."
    assert _found(text, date(2023, 7, 12)) == [
        ("indirect", "компания рассчитывает на рост поставок", "Алексей Миллер", "глава «Газпрома»",
         None, date(2023, 7, 12), "claim-that"),
    ]  # fmt: skip


def test_a_language_without_rules_gives_quotations_by_their_marks() -> None:
    text = "« Nous ne céderons pas », a déclaré le président lundi devant les députés."
    assert _found(text) == [
        ("direct", "Nous ne céderons pas", None, None, None, None, "no-rules-for-language")
    ]


def test_the_test_articles_are_attributed_as_their_gold_says() -> None:
    """Every gold quotation of the Russian test articles found with its speaker, relay and date
    (benchmarks/bench_russian.py gives the figures: attributed F1 1.0 quoted, 0.99 claims)."""
    articles = [a for a in json.loads(FIXTURE.read_text(encoding="utf-8")) if a["lang"] == "ru"]
    assert len(articles) >= 20
    missed = []
    for article in articles:
        found = {
            q.text.strip(): q
            for q in extract_quotations(article["text"], date.fromisoformat(article["published"]))
        }
        for gold in article["quotes"]:
            q = found.get(gold["text"])
            said_on = gold.get("said_on")
            if (
                q is None
                or q.speaker is None
                or q.via != gold.get("via")
                or (said_on is not None and str(q.said_on) != said_on)
            ):
                missed.append((article["id"], gold["text"]))
    assert missed == [("kom-03", "переговоры по «Силе Сибири — 2» продолжаются")]


def test_quotes_nested_in_quotes_are_part_of_the_quotation() -> None:
    text = "«Мы называем это „специальной операцией“ и никак иначе», — сказал Песков."
    assert [(q[1], q[2]) for q in _found(text)] == [
        ("Мы называем это „специальной операцией“ и никак иначе", "Песков")
    ]
