"""`quick_init` gives frozen dataclasses the records their generated `__init__` would make."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from quotes.records import Quotation, quick_init


@dataclasses.dataclass(frozen=True, slots=True)
class _Plain:
    name: str
    start: int
    role: str | None = None
    score: float = 0.5


@quick_init
@dataclasses.dataclass(frozen=True, slots=True)
class _Quick:
    name: str
    start: int
    role: str | None = None
    score: float = 0.5


def _values(record: _Plain | _Quick) -> tuple[object, ...]:
    return dataclasses.astuple(record)


def test_same_fields_positional_keyword_and_default() -> None:
    assert _values(_Quick("Xi", 3)) == _values(_Plain("Xi", 3))
    assert _values(_Quick("Xi", 3, "president", 0.9)) == _values(_Plain("Xi", 3, "president", 0.9))
    assert _values(_Quick(start=3, name="Xi", score=0.1)) == _values(_Plain("Xi", 3, None, 0.1))
    assert repr(_Quick("Xi", 3)) == repr(_Plain("Xi", 3)).replace("_Plain", "_Quick")


def test_still_frozen_comparable_hashable_and_replaceable() -> None:
    record = _Quick("Xi", 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "Li"  # type: ignore[misc]
    assert record == _Quick("Xi", 3) and hash(record) == hash(_Quick("Xi", 3))
    assert dataclasses.replace(record, role="leader") == _Quick("Xi", 3, "leader")
    with pytest.raises(TypeError):
        _Quick("Xi")  # type: ignore[call-arg]


def test_pickled_through_the_quick_init() -> None:
    record = _Quick("Xi", 3, "president")
    assert record.__reduce__() == (_Quick, ("Xi", 3, "president", 0.5))
    assert pickle.loads(pickle.dumps(record)) == record


def test_quotation_defaults() -> None:
    quotation = Quotation(start=1, end=4, text="abc", kind="direct")
    assert quotation.speaker is None and quotation.paragraph == 0 and quotation.rule == ""


def test_refuses_what_it_does_not_handle() -> None:
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        name: str

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        names: list[str] = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError):
        quick_init(NoSlots)
    with pytest.raises(TypeError):
        quick_init(WithFactory)
