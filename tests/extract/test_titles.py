"""How a description's words match a name's title words (`quotes.extract.titles`)."""

from __future__ import annotations

import pytest

from quotes.extract.titles import nationality_of_owner, role_matches


@pytest.mark.parametrize(
    ("wanted", "role", "matches"),
    [
        ({"ukrainian", "leader"}, {"ukraine", "president"}, True),
        ({"american", "president"}, {"u.s", "president"}, True),
        ({"chief"}, {"u.n", "secretary-general"}, True),
        ({"diplomat"}, {"russian", "ambassador"}, True),
        ({"governor"}, {"gov"}, True),
        ({"chinese", "leader"}, {"russian", "president"}, False),
        ({"senator"}, {"president"}, False),
    ],
)
def test_a_description_matches_the_titles_it_stands_for(
    wanted: set[str], role: set[str], matches: bool
) -> None:
    assert role_matches(wanted, frozenset(role)) is matches


def test_a_countrys_possessive_gives_the_nationality_a_title_would_hold() -> None:
    assert nationality_of_owner("China’s") == "chinese"
    assert nationality_of_owner("China") is None
