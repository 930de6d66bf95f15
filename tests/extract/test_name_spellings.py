"""One person under transliteration variants and with or without a patronymic is one key."""

from __future__ import annotations

import pytest

from quotes.extract.names import name_key, surname_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sergei Lavrov", "Sergey Lavrov"),
        ("Nikolai Patrushev", "Nikolay Patrushev"),
        ("Alexei Navalny", "Alexey Navalny"),
        ("Vladimir Vladimirovich Putin", "Vladimir Putin"),
        ("Maria Vladimirovna Zakharova", "Maria Zakharova"),
    ],
)
def test_spellings_of_one_person_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_different_people_keep_different_keys() -> None:
    assert name_key("Sergei Lavrov") != name_key("Sergei Shoigu")
    assert name_key("Vladimir Putin") != name_key("Vladimir Zelensky")


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Moon Jae-in", "moon"),  # family name first, given name hyphenated
        ("Ban Ki-moon", "ban"),
        ("Wang Yi", "wang"),
        ("Jean-Marc Ayrault", "ayrault"),
        ("Mary Smith-Jones", "jones"),
        ("Ferdinand Marcos Jr.", "marcos"),  # a generational suffix is no surname
        ("Martin Luther King III", "king"),
    ],
)
def test_the_surname_is_the_family_name_wherever_it_is_written(name: str, surname: str) -> None:
    assert surname_key(name) == surname
