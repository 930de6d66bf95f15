"""The clusterer on real coverage: undated reports, other speakers, meaning and spelling."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.remarks.clustering import Clusterer
from quotes.remarks.items import DedupItem, prepare
from quotes.remarks.meaning import american
from quotes.remarks.scoring import scores

MAY_2 = date(2024, 5, 2)
NOV_20 = date(2024, 11, 20)
LONG = "the new pipeline will carry gas to our partners in the east for decades to come"


def item(
    id: int, text: str, speaker: str | None = "volkov", said_on: date | None = MAY_2
) -> DedupItem:
    return DedupItem(id, text, said_on, speaker, article=id)


def clusters(*items: DedupItem) -> set[frozenset[int]]:
    clusterer = Clusterer()
    for one in items:
        clusterer.add(one)
    return set(clusterer.clusters())


def test_an_undated_copy_joins_the_dated_remark() -> None:
    assert clusters(item(1, LONG), item(2, LONG, said_on=None)) == {frozenset({1, 2})}


def test_an_undated_fragment_joins_the_one_remark_of_its_speaker_holding_it() -> None:
    fragment = item(3, "partners in the east", said_on=None)
    assert clusters(item(1, LONG), fragment) == {frozenset({1, 3})}
    assert clusters(item(1, LONG), item(3, "partners in the east", "orlov", None)) == {
        frozenset({1}),
        frozenset({3}),
    }


def test_an_undated_report_fitting_two_occasions_joins_neither() -> None:
    found = clusters(item(1, LONG), item(2, LONG, said_on=NOV_20), item(3, LONG, said_on=None))
    assert found == {frozenset({1}), frozenset({2}), frozenset({3})}


def test_a_dated_fragment_never_pulls_in_an_undated_remark() -> None:
    found = clusters(item(1, LONG, said_on=None), item(2, "partners in the east", said_on=NOV_20))
    assert found == {frozenset({1}), frozenset({2})}


def test_a_report_credited_to_the_listener_joins_on_strong_words() -> None:
    assert clusters(item(1, LONG), item(2, LONG, "li")) == {frozenset({1, 2})}
    short = "gas to our partners in the east"
    assert clusters(item(1, short), item(2, short, "li")) == {frozenset({1}), frozenset({2})}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "We will never bow to pressure",
            "We will never yield to pressure",
            ("variant", 72.2, 100.0),
        ),
        ("we are waiting for your visit", "we await your visit", ("variant", 47.6, 100.0)),
        ("we must stabilise the region", "we must stabilize the region", ("excerpt", 96.4, None)),
        ("peace", "peaceful", None),
        ("!!! ???", "... ---", None),
    ],
)
def test_scores_on_words_and_meaning(a: str, b: str, expected: object) -> None:
    assert scores(DedupItem(1, a), DedupItem(2, b)) == expected


def test_a_short_variant_links_on_meaning_only_for_the_same_speaker() -> None:
    one, other = item(1, "we await your visit"), item(2, "we are waiting for your visit")
    assert clusters(one, other) == {frozenset({1, 2})}
    assert clusters(one, item(2, "we are waiting for your visit", "orlov")) == {
        frozenset({1}),
        frozenset({2}),
    }


def test_british_spellings_are_made_american_before_stemming() -> None:
    assert [american(w) for w in ("stabilise", "analysed", "favour", "centre", "travelled")] == [
        "stabilize",
        "analyzed",
        "favor",
        "center",
        "traveled",
    ]
    assert prepare(item(1, "labour")).stem_text == prepare(item(2, "labor")).stem_text
