"""User-typed values are checked before they reach SQL."""

from __future__ import annotations

import pytest

from quotes.errors import InputError
from quotes.query.terms import MAX_ID, checked_limit, checked_term, id_in_range


def test_terms() -> None:
    assert checked_term("Patrushev") == "Patrushev"
    assert checked_term("w" * 1000) == "w" * 1000
    with pytest.raises(
        InputError, match=r"^speaker of 1,001 characters is over the limit of 1,000$"
    ):
        checked_term("w" * 1001, "speaker")
    with pytest.raises(InputError, match=r"^search term is not valid UTF-8 text$"):
        checked_term("caf\udce9")


def test_ids_and_limits() -> None:
    assert [id_in_range(v) for v in (0, 1, MAX_ID, MAX_ID + 1, -1)] == [
        False, True, True, False, False,
    ]  # fmt: skip
    assert checked_limit(None) is None and checked_limit(1) == 1
    with pytest.raises(InputError, match=r"^limit must be from 1 to 1,000,000,000, not -1$"):
        checked_limit(-1)
