"""One person across scripts: Cyrillic names meet the spellings of the English-language press."""

from __future__ import annotations

import pytest

from quotes.extract.names import name_key
from quotes.extract.transliteration import cross_script_key, crosses_scripts


def test_name_keys_transliterate_other_scripts() -> None:
    assert [name_key(n) for n in ("Николай Патрушев", "Дмитрий Песков", "Кремль")] == [
        "nikolay patrushev",
        "dmitry peskov",
        "kreml",
    ]


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Мария Захарова", "Maria Zakharova"),
        ("Юрий Ушаков", "Yuri Ushakov"),
        ("Алексей Навальный", "Alexei Navalny"),
        ("Сергей Шойгу", "Sergei Shoigu"),
        ("Дмитрий Песков", "Dmitry Peskov"),
    ],
)
def test_press_spellings_share_the_cross_script_key(russian: str, english: str) -> None:
    assert cross_script_key(russian) == cross_script_key(english)


def test_different_people_keep_different_keys() -> None:
    assert cross_script_key("Мария Захарова") != cross_script_key("Maxim Zakharov")


def test_crosses_scripts() -> None:
    assert [crosses_scripts("Песков", "Peskov"), crosses_scripts("Peskov", "Peskoff")] == [
        True,
        False,
    ]
