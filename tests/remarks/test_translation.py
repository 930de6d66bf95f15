"""Translation links: same speaker across scripts, same occasion, content that agrees."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.remarks.translation import TranslationItem, agreement, stem, translation_links

pytest.importorskip("pymorphy3", reason="the [russian] extra")

DAY = date(2023, 2, 21)
RUSSIAN = "Мы внимательно следим за всеми заявлениями, но пока никаких конкретных предложений не поступало"
ENGLISH = (
    "We are closely following all statements, but so far no concrete proposals have been received,"
)


def test_stems_meet_plural_and_past() -> None:
    assert [stem(w) for w in ("proposals", "received", "talks", "the")] == [
        "proposal",
        "receiv",
        "talk",
        "the",
    ]


def test_agreement_counts_translated_words_and_numbers() -> None:
    assert agreement(RUSSIAN, ENGLISH) == pytest.approx(6 / 7)
    assert agreement("Рост ВВП составит 1,5%", "GDP growth will reach 1.5%") > agreement(
        "Рост ВВП составит 1,5%", "GDP growth will reach 3%"
    )


def test_a_translation_links_to_its_original_and_not_to_another_remark() -> None:
    items = [
        TranslationItem(1, "ru", "Дмитрий Песков", DAY, RUSSIAN),
        TranslationItem(2, "ru", "Дмитрий Песков", DAY, "Позиция России неизменна"),
        TranslationItem(3, "en", "Dmitry Peskov", DAY, ENGLISH),
        TranslationItem(4, "en", "Sergei Lavrov", DAY, ENGLISH),
        TranslationItem(5, "en", "Dmitry Peskov", date(2023, 3, 21), ENGLISH),
    ]
    [link] = translation_links(items)
    assert (link.original, link.translation, link.guess) == (1, 3, False)


def test_a_weak_agreement_is_marked_as_a_guess() -> None:
    items = [
        TranslationItem(
            1,
            "ru",
            "Дмитрий Песков",
            DAY,
            "Позиция России неизменна, и президент неоднократно ее излагал",
        ),
        TranslationItem(2, "en", "Dmitry Peskov", DAY, "remains unchanged"),
    ]
    [link] = translation_links(items)
    assert (link.original, link.translation, link.guess) == (1, 2, True)
