"""The pure dedup pipeline: normalise → relation → blocking → clustering → canonical."""

from __future__ import annotations

from datetime import date

import pytest

from quotes.remarks.blocking import candidate_pairs
from quotes.remarks.clustering import Clusterer, canonical, cluster, partition
from quotes.remarks.items import DedupItem, Link, normalise, prepare
from quotes.remarks.scoring import link, relation

SEP_19 = date(2022, 9, 19)


def item(
    id: int,
    text: str,
    speaker: str | None = None,
    org: bool = False,
    said_on: date | None = SEP_19,
) -> DedupItem:
    return DedupItem(id, text, said_on, speaker, org)


PATRUSHEV_AP = (
    "strengthening comprehensive partnership and strategic cooperation with Beijing as an "
    "unconditional foreign policy priority of Russia"
)
COUNCIL_REUTERS = (
    "The development of a strategic partnership with China is an unconditional priority of "
    "Russian foreign policy,"
)
WANG_ROCK = (
    "are mature and solid as a rock and will withstand the test of the changing international "
    "situation"
)
XI_SUPPORT = (
    "in extending strong support to each other on issues concerning their respective core interests"
)


def test_normalise_folds_case_punctuation_quote_marks_and_space() -> None:
    assert normalise("  “No-limits”  friendship,\n isn’t it… ") == "no limits friendship isnt it"
    assert normalise("Élysée [sic]") == "elysee sic"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("No limits!", "“no-limits”", ("identical", 100.0)),
        ("solid as rock", WANG_ROCK, ("excerpt", 84.6)),
        ("third party", "not subject to pressure from third parties, since", ("excerpt", 90.9)),
        ("strong support on core interests", XI_SUPPORT, ("excerpt", 68.8)),
        (
            "Our [two] countries are in favour of building a more just world order",
            "countries are in favour of building ... just world order",
            ("excerpt", 86.5),
        ),
        (PATRUSHEV_AP, COUNCIL_REUTERS, ("variant", 77.9)),
        ("We will win this war", "We won this war together with our allies", None),
        ("balanced", "balanced position", ("excerpt", 100.0)),
    ],
)
def test_relation(a: str, b: str, expected: tuple[str, float] | None) -> None:
    assert relation(item(1, a), item(2, b)) == expected


def test_two_unmarked_cuts_are_not_an_excerpt() -> None:
    assert relation(item(1, "strong support core interests today"), item(2, XI_SUPPORT)) is None


def test_fragment_links_only_with_the_same_known_speaker() -> None:
    fragment = prepare(item(1, "core interests", "xi"))
    assert link(fragment, prepare(item(2, XI_SUPPORT, "xi"))) == Link(1, 2, "excerpt", 100.0)
    assert link(fragment, prepare(item(2, XI_SUPPORT))) is None
    assert link(fragment, prepare(item(2, "core interests", "government", org=True))) is None


def test_person_and_office_link_when_the_words_agree() -> None:
    person = prepare(item(1, PATRUSHEV_AP, "patrushev"))
    office = prepare(item(2, COUNCIL_REUTERS, "security council", org=True))
    other_person = prepare(item(3, COUNCIL_REUTERS, "lavrov"))
    assert link(person, office) == Link(1, 2, "variant", 77.9)
    assert link(person, other_person) is None


def test_candidate_pairs_block_by_key_speaker_and_week() -> None:
    items = [
        item(1, "solid as rock", "wang"),
        item(2, WANG_ROCK, "wang"),
        item(3, "a storm is coming", "wang", said_on=date(2022, 10, 30)),
        item(4, "the rock is solid and mature", "lavrov"),
        item(5, "unrelated words entirely", None),
    ]
    assert list(candidate_pairs(items)) == [(1, 2)]


def test_cluster_keeps_speakers_and_occasions_apart() -> None:
    items = [
        item(1, PATRUSHEV_AP, "patrushev"),
        item(2, COUNCIL_REUTERS, "security council", org=True),
        item(3, "unconditional priority", "patrushev", said_on=date(2023, 2, 21)),
        item(4, "strategic partnership with China is an unconditional priority", "lavrov"),
    ]
    links = [Link(1, 2, "variant", 77.9), Link(2, 4, "excerpt", 95.0)]
    assert set(cluster(items, links)) == {frozenset({1, 2}), frozenset({3}), frozenset({4})}


def test_a_bridging_quotation_merges_two_remarks() -> None:
    first, second = "we will defend our sovereignty", "the sanctions have failed completely"
    items = [item(1, first, "x"), item(2, second, "x"), item(3, f"{first} and {second}", "x")]
    links = [Link(1, 3, "excerpt", 100.0), Link(2, 3, "excerpt", 100.0)]
    assert set(cluster(items, links)) == {frozenset({1, 2, 3})}


def test_a_fragment_never_bridges_and_joins_only_an_unambiguous_remark() -> None:
    items = [
        item(1, "core interests of both sides", "xi"),
        item(2, "respect for core interests matters", "xi"),
        item(3, "core interests", "xi"),
        item(4, "we defend our core interests firmly", "xi"),
    ]
    links = [Link(1, 3, "excerpt", 100.0), Link(2, 3, "excerpt", 100.0)]
    assert set(cluster(items, links)) == {frozenset({i}) for i in (1, 2, 3, 4)}
    clusterer = Clusterer()
    for one in items:
        clusterer.add(one)
    # A fragment left alone is taken in by the next full quotation containing it.
    assert set(clusterer.clusters()) == {
        frozenset({1}),
        frozenset({2}),
        frozenset({3, 4}),
    }


def test_canonical_is_the_longest_complete_wording_earliest_first() -> None:
    items = [
        item(3, "we are ready", said_on=date(2022, 9, 20)),
        item(2, "we are ready to talk … now at once", said_on=date(2022, 9, 18)),
        item(4, "we are ready to talk", said_on=date(2022, 9, 20)),
        item(5, "we are ready to walk", said_on=date(2022, 9, 19)),
    ]
    assert canonical(items).id == 5


def test_partition_matches_adding_one_by_one() -> None:
    items = [
        item(1, "external factors", "patrushev"),
        item(2, PATRUSHEV_AP, "patrushev"),
        item(3, "external factors", "patrushev"),
        item(4, COUNCIL_REUTERS, "security council", org=True),
        item(5, "core interests", "xi"),
        item(6, XI_SUPPORT, "xi"),
        item(7, "core interests", "chinese government", org=True),
        item(8, "Impossible to occupy our people"),
        item(9, "Impossible to occupy our people", said_on=date(2022, 9, 15)),
    ]
    expected = {
        frozenset({1, 3}),
        frozenset({2, 4}),
        frozenset({5, 6}),
        frozenset({7}),
        frozenset({8, 9}),
    }
    assert {members for _, members in partition(items)} == expected
    clusterer = Clusterer()
    for one in items:
        clusterer.add(one)
    assert set(clusterer.clusters()) == expected
    assert {c.id for c, _ in partition(items)} == {1, 2, 6, 7, 9}


def test_wire_copies_join_their_twin_and_are_compared_once() -> None:
    """Each copy of an article teases Xi's "old friend" in its summary, then quotes it: every
    copy of the quotation joins the first one's remark (its twin: same words, speaker, day) and
    brings its own article's teaser along, as the first copy did: so the copies are placed
    alike whichever comes first. Only the first quotation is a representative."""
    clusterer = Clusterer()
    placements = []
    for copy in range(3):
        teaser = DedupItem(10 * copy + 1, "old friend", SEP_19, None, article=copy, start=0)
        body = DedupItem(10 * copy + 2, "old friend", SEP_19, "xi", article=copy, start=99)
        placements += [clusterer.add(teaser), clusterer.add(body)]
    assert set(clusterer.clusters()) == {frozenset({1, 2, 11, 12, 21, 22})}
    assert [p.item_id for p in placements if p.representative] == [2]
    assert len(clusterer.blocker.candidates(prepare(item(30, "old friend", "xi")))) == 1


def _daily_stream(days: int) -> list[DedupItem]:
    """Each day two reports of Patrushev's talking point of the day (the same one comes back
    every ten days) and one of the Council's standing line (one remark per WINDOW_DAYS)."""
    stream, number = [], 0
    for offset in range(days):
        said = date.fromordinal(SEP_19.toordinal() + offset)
        point = " ".join(f"{word}{offset % 10}" for word in ("alpha", "bravo", "charlie", "delta"))
        for text, speaker in (
            (point, "patrushev"),
            (point, "patrushev"),
            (COUNCIL_REUTERS, "security council"),
        ):
            stream.append(DedupItem(number, text, said, speaker))
            number += 1
    return stream


def test_forgetting_the_past_keeps_the_remarks_and_bounds_what_is_held() -> None:
    stream = _daily_stream(40)
    everything = Clusterer()
    for one in stream:
        everything.add(one)
    forgetting = Clusterer()
    closed: dict[int, int] = {}
    held = []
    for one in stream:
        assert one.said_on is not None
        closed.update(forgetting.forget_before(one.said_on.toordinal()))
        forgetting.add(one)
        held.append(len(forgetting.prepared))
    roots = {i.id: closed[i.id] if i.id in closed else forgetting.root(i.id) for i in stream}
    assert roots == {i.id: everything.root(i.id) for i in stream}
    assert max(held) == 3 * 8  # today's and the WINDOW_DAYS (7) days' before it
    assert len(forgetting.remarks) == 9
    assert len(set(roots.values())) == 45
    assert len(everything.prepared) == 120


def test_a_quotation_older_than_what_was_forgotten_is_refused() -> None:
    clusterer = Clusterer()
    clusterer.add(item(1, PATRUSHEV_AP, "patrushev"))
    clusterer.forget_before(SEP_19.toordinal() + 30)
    with pytest.raises(ValueError, match="quotation 2 is dated before the quotations it could"):
        clusterer.add(item(2, PATRUSHEV_AP, "patrushev"))


def test_a_remark_holding_an_undated_report_is_never_forgotten() -> None:
    clusterer = Clusterer()
    clusterer.add(item(1, PATRUSHEV_AP, "patrushev"))
    clusterer.add(item(2, PATRUSHEV_AP, "patrushev", said_on=None))
    assert clusterer.forget_before(SEP_19.toordinal() + 30) == {}
    assert clusterer.root(2) == clusterer.root(1) == 1


def test_an_undated_quotation_after_forgetting_meets_only_what_is_held() -> None:
    clusterer = Clusterer()
    clusterer.add(item(1, PATRUSHEV_AP, "patrushev"))
    later = date.fromordinal(SEP_19.toordinal() + 10)
    clusterer.add(item(2, PATRUSHEV_AP, "patrushev", said_on=later))
    assert clusterer.forget_before(later.toordinal()) == {1: 1}
    clusterer.add(item(3, PATRUSHEV_AP, "patrushev", said_on=None))
    assert clusterer.root(3) == 2
