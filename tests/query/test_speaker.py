"""quotes.query.speaker: one speaker's page, on SQLite and PostgreSQL (tests/search_sample.py)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quotes.errors import NotFound
from quotes.query.speaker import RemarkLine, SpeakerProfile, _months, speaker_profile
from tests.search_sample import load_sample


def test_a_speaker_with_aliases_roles_dates_remarks_and_outlets(engine: Engine) -> None:
    load_sample(engine)
    with Session(engine) as session:
        assert speaker_profile(session, 1) == SpeakerProfile(
            speaker_id=1, speaker="Nikolai Patrushev", kind="person", role="Security Council secretary",
            aliases=("Nikolay Patrushev",), roles=(), quotations=3, remarks=1,
            months=(("2022-09", 3),),
            recent=(RemarkLine(1, date(2022, 9, 19), 3, 3, "a more just world order"),),
            publishers=(("Al Jazeera", 1), ("Reuters", 1), ("South China Morning Post", 1)),
            relays=(("TASS", 2),),
        )  # fmt: skip
        with pytest.raises(NotFound) as missing:
            speaker_profile(session, 99)
    assert str(missing.value) == "no speaker with id 99: `quotes speakers` lists them"


def test_months_run_from_the_first_to_the_last_with_empty_ones_kept() -> None:
    from collections import Counter

    days = Counter({date(2022, 11, 3): 2, date(2022, 11, 20): 1, date(2023, 2, 1): 4})
    assert _months(days) == (("2022-11", 3), ("2022-12", 0), ("2023-01", 0), ("2023-02", 4))
    assert _months(Counter()) == ()
