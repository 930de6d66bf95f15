"""Clustering: quotations into remarks, and a remark's canonical wording.

Sequential in quotation id order (ingest order): each quotation is compared with earlier ones
that share a blocking key, then joins the best compatible remark (and bridges remarks that fit
together). Because each step looks only at earlier quotations, adding articles one by one and
recomputing everything from scratch give the same remarks. Only the first member of a remark with
a given wording, speaker and day (its representative) is compared with later quotations, and a
remark's state (`RemarkState`) is a fixed-size summary, not its members.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from quotes.remarks.blocking import (
    Blocker,
    candidate_pairs,
    signature,
)
from quotes.remarks.items import (
    WINDOW_DAYS,
    DedupItem,
    Link,
    Prepared,
    prepare,
)
from quotes.remarks.scoring import (
    link,
    teases,
    words_outweigh_speakers,
)


def canonical_rank(p: Prepared) -> tuple[bool, int, bool, int, int]:
    """Smallest first: complete wordings, then the longest, then the earliest, then by id."""
    return (p.has_gap, -p.n_words, p.day is None, p.day or 0, p.item.id)


@dataclass(slots=True)
class RemarkState:
    """What clustering needs to know of a remark, in constant space however many reports it has:
    its root (first quotation id), count, speakers, dates, outlets, whether it holds only
    fragments, and its canonical (best-ranked) quotation."""

    root: int
    count: int = 0
    person: str | None = None
    org: str | None = None
    first: int | None = None
    last: int | None = None
    fragments_only: bool = True
    canonical: Prepared | None = None
    outlets: tuple[str, ...] = ()

    def add(self, p: Prepared) -> None:
        self.count += 1
        speaker = p.item.speaker_key
        if speaker is not None:  # the first person (or organisation) stays the remark's
            if p.item.speaker_is_org:
                self.org = self.org or speaker
            else:
                self.person = self.person or speaker
        if p.day is not None:
            self.first = p.day if self.first is None else min(self.first, p.day)
            self.last = p.day if self.last is None else max(self.last, p.day)
        self.fragments_only = self.fragments_only and p.is_fragment
        if self.canonical is None or canonical_rank(p) < canonical_rank(self.canonical):
            self.canonical = p
        for outlet in p.item.outlets:
            if outlet not in self.outlets:
                self.outlets += (outlet,)

    def accepts(self, p: Prepared, any_speaker: bool = False) -> bool:
        """Whether the quotation fits the remark; with `any_speaker`, whoever it is credited
        to (the words outweigh the speaker: `quotes.remarks.scoring.words_outweigh_speakers`)."""
        speaker = None if any_speaker else p.item.speaker_key
        if speaker is not None:
            held = self.org if p.item.speaker_is_org else self.person
            if held and held != speaker:
                return False
        return _within_window(self.first, self.last, p.day, p.day)

    def fits(self, other: RemarkState) -> bool:
        """One person and one organisation at most, all dated members within WINDOW_DAYS."""
        if self.person and other.person and self.person != other.person:
            return False
        if self.org and other.org and self.org != other.org:
            return False
        return _within_window(self.first, self.last, other.first, other.last)

    def absorb(self, other: RemarkState) -> None:
        self.count += other.count
        self.person = self.person or other.person
        self.org = self.org or other.org
        if other.first is not None and other.last is not None:
            self.first = other.first if self.first is None else min(self.first, other.first)
            self.last = other.last if self.last is None else max(self.last, other.last)
        self.fragments_only = self.fragments_only and other.fragments_only
        if other.canonical is not None and (
            self.canonical is None
            or canonical_rank(other.canonical) < canonical_rank(self.canonical)
        ):
            self.canonical = other.canonical
        self.outlets += tuple(o for o in other.outlets if o not in self.outlets)


def _within_window(
    first: int | None, last: int | None, other_first: int | None, other_last: int | None
) -> bool:
    """Whether two spans of days fit in WINDOW_DAYS together; always, when one is undated (an
    undated remark's links were held to `dates_compatible`)."""
    if first is None or last is None or other_first is None or other_last is None:
        return True
    return max(last, other_last) - min(first, other_first) <= WINDOW_DAYS


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one quotation went: its remark (by root, the remark's first quotation id), the links
    kept (to members of that remark), the remarks it merged into it, and whether it is its
    remark's representative of its `signature` (the first member with it)."""

    item_id: int
    root: int
    links: tuple[Link, ...]
    merged: tuple[int, ...]
    representative: bool


class Clusterer:
    """Sequential constrained union-find over quotations in id order.

    `add` blocks, scores and places one new quotation; `place` does the last step given its
    links to earlier quotations. The database side primes a clusterer with just what the new
    quotations can meet: `restore_remark` loads a remark's state, `restore` one of its members.
    A pass over a stream in date order drops what no later quotation can meet (`forget_before`).
    """

    def __init__(self) -> None:
        self.blocker = Blocker()
        self.prepared: dict[int, Prepared] = {}
        self._parent: dict[int, int] = {}
        self.remarks: dict[int, RemarkState] = {}
        self.representatives: set[int] = set()
        self._days: dict[int, list[int]] = defaultdict(list)
        self._undated: set[int] = set()
        self._horizon: int | None = None

    def root(self, item_id: int) -> int:
        parent = self._parent
        root = item_id
        while parent[root] != root:
            root = parent[root]
        while parent[item_id] != root:
            parent[item_id], item_id = root, parent[item_id]
        return root

    def restore_remark(self, state: RemarkState) -> None:
        """Load the state of a remark already made (before any of its members)."""
        self.remarks[state.root] = state
        self._parent[state.root] = state.root

    def restore(self, p: Prepared, root: int, representative: bool) -> None:
        """Load a quotation that already belongs to the remark whose first quotation is `root`
        (restored with `restore_remark`): it is not added to the remark's state again."""
        self._hold(p)
        self._parent[p.item.id] = root
        self.blocker.add(p, representative)
        if representative:
            self.representatives.add(p.item.id)

    def add(self, item: DedupItem) -> Placement:
        return self.add_prepared(prepare(item))

    def add_prepared(self, p: Prepared) -> Placement:
        if self._horizon is not None and p.day is not None and p.day < self._horizon:
            raise ValueError(
                f"quotation {p.item.id} is dated before the quotations it could meet were "
                "forgotten (Clusterer.forget_before)"
            )
        candidates = self.blocker.candidates(p)
        if self._horizon is not None:  # a week kept may still post quotations forgotten
            candidates = [other for other in candidates if other.item.id in self.prepared]
        links = [found for other in candidates if (found := link(other, p)) is not None]
        return self.place(p, links)

    def _eligible_roots(self, p: Prepared, links: Sequence[Link]) -> list[int]:
        """The remarks the new quotation may join, best first. A link through a fragment is
        weak: two words prove little. A fragment that fits several remarks joins none; a full
        quotation joins through weak links only a remark made of fragments, or the one remark
        they lead to when it has no strong link at all; weak links never bridge remarks. A
        fragment linking to several remarks joins the one holding its twin (`signature`), if
        exactly one does."""
        item_id = p.item.id
        best: dict[int, tuple[bool, float]] = {}
        outweigh: set[int] = set()
        for found in links:
            other = found.a if found.b == item_id else found.b
            is_strong = not (p.is_fragment or self.prepared[other].is_fragment)
            root = self.root(other)
            strength = max(found.score, found.meaning or 0.0)
            best[root] = max(best.get(root, (False, 0.0)), (is_strong, strength))
            scores = (found.relation, found.score, found.meaning)
            if words_outweigh_speakers(p, self.prepared[other], scores):
                outweigh.add(root)
        roots = sorted(
            (r for r in best if self.remarks[r].accepts(p, any_speaker=r in outweigh)),
            key=lambda r: (not best[r][0], -best[r][1], r),
        )
        if p.day is None:
            roots = self._one_occasion(roots)
        if p.is_fragment:
            if len(roots) == 1:
                return roots
            # A copy of a report (same words, speaker and day as a representative) still
            # joins the remark of its twin: wire copies must not each start a remark. It
            # brings along its own article's teaser (as the first copy's teaser came along
            # with the first copy), so that every copy is placed alike, whichever came first.
            others = [found.a if found.b == item_id else found.b for found in links]
            twin_roots = {self.root(o) for o in others if self._is_twin(p, o)}
            twins = [r for r in roots if r in twin_roots]
            if len(twins) != 1:
                return []
            teasers = {self.root(o) for o in others if teases(self.prepared[o], p)}
            return twins + [r for r in roots if r in teasers and r != twins[0]]
        strong = [r for r in roots if best[r][0]]
        weak = [r for r in roots if not best[r][0]]
        if not strong and len(weak) == 1:
            return weak
        return strong + [r for r in weak if self.remarks[r].fragments_only]

    def _one_occasion(self, roots: list[int]) -> list[int]:
        """For an undated quotation: the dated remarks it may join only when they make one
        occasion (all within WINDOW_DAYS); when remarks of different occasions fit, it joins
        none of them (undated remarks it may still join)."""
        dated = [self.remarks[r] for r in roots if self.remarks[r].first is not None]
        if not dated:
            return roots
        first = min(s.first for s in dated if s.first is not None)
        last = max(s.last for s in dated if s.last is not None)
        if last - first <= WINDOW_DAYS:
            return roots
        return [r for r in roots if self.remarks[r].first is None]

    def place(self, p: Prepared, links: Sequence[Link]) -> Placement:
        item_id = p.item.id
        roots = self._eligible_roots(p, links)
        self._hold(p)
        merged: list[int] = []
        if roots:
            target = self.remarks[roots[0]]
            target.add(p)
            self._parent[item_id] = target.root
            for other_root in roots[1:]:
                other = self.remarks[other_root]
                if target.fits(other):
                    merged.append(self._union(target, other))
                    target = self.remarks[min(target.root, other.root)]
        else:
            self._parent[item_id] = item_id
            self.remarks[item_id] = RemarkState(root=item_id)
            self.remarks[item_id].add(p)
        root = self.root(item_id)
        kept = tuple(
            found for found in links if self.root(found.a) == root and self.root(found.b) == root
        )
        representative = not p.is_loose_fragment and not any(
            self._is_twin(p, found.a if found.b == item_id else found.b) for found in kept
        )
        self.blocker.add(p, representative)
        if representative:
            self.representatives.add(item_id)
        return Placement(item_id, root, kept, tuple(merged), representative)

    def _hold(self, p: Prepared) -> None:
        self.prepared[p.item.id] = p
        if p.day is None:
            self._undated.add(p.item.id)
        else:
            self._days[p.day].append(p.item.id)

    def forget_before(self, day: int) -> dict[int, int]:
        """Drop what no quotation dated `day` or later can meet, so that a stream in date order
        is clustered in memory bounded by the date window, not by every quotation seen:
        quotations more than WINDOW_DAYS before `day` (never a candidate again), and the remarks
        all of whose members are (none can join or merge them; one holding an undated member
        stays). Returns the remark (root) of each quotation dropped, for the caller to keep;
        later quotations dated before `day` are refused, and undated ones added later meet only
        what is left. Members of remarks still open stay known to `root`."""
        if self._horizon is not None and day <= self._horizon:
            return {}
        self._horizon = day
        horizon = day - WINDOW_DAYS
        self.blocker.forget_before(horizon // WINDOW_DAYS - 1)
        old = [d for d in self._days if d < horizon]
        items = [i for d in old for i in self._days.pop(d)]
        roots = {i: self.root(i) for i in items}
        kept = {self.root(i) for i in self._undated}
        dropped: dict[int, int] = {}
        for item_id, root in roots.items():
            self.prepared.pop(item_id, None)
            last = self.remarks[root].last  # None: no dated member, so an undated one (kept)
            if root not in kept and last is not None and last < horizon:
                dropped[item_id] = root
            else:  # its remark is still open: remembered until the remark closes
                self._days[horizon - 1].append(item_id)
        for item_id, root in dropped.items():
            del self._parent[item_id]
            self.representatives.discard(item_id)
            self.remarks.pop(root, None)
        return dropped

    def _is_twin(self, p: Prepared, other: int) -> bool:
        return other in self.representatives and signature(self.prepared[other]) == signature(p)

    def _union(self, one: RemarkState, two: RemarkState) -> int:
        """Merge two remarks into the older one (smaller root); return the root that vanished."""
        keep, gone = (one, two) if one.root < two.root else (two, one)
        keep.absorb(gone)
        self._parent[gone.root] = keep.root
        del self.remarks[gone.root]
        return gone.root

    def members(self) -> dict[int, list[int]]:
        """The quotations placed or restored here, by the root of their remark, in id order."""
        groups: dict[int, list[int]] = defaultdict(list)
        for item_id in sorted(self.prepared):
            groups[self.root(item_id)].append(item_id)
        return groups

    def clusters(self) -> list[frozenset[int]]:
        """Every remark as the set of its quotations placed or restored here."""
        return [frozenset(members) for members in self.members().values()]


def cluster(items: Iterable[DedupItem], links: Iterable[Link]) -> list[frozenset[int]]:
    """Remarks (sets of quotation ids) from scored links, placing quotations in id order."""
    by_later: dict[int, list[Link]] = defaultdict(list)
    for found in links:
        by_later[found.b].append(found)
    clusterer = Clusterer()
    for p in sorted((prepare(i) for i in items), key=lambda p: p.item.id):
        clusterer.place(p, by_later.get(p.item.id, []))
    return clusterer.clusters()


def canonical(items: Iterable[DedupItem]) -> DedupItem:
    """The longest complete wording (without ellipsis or insertion); ties: the earliest."""

    return min((prepare(i) for i in items), key=canonical_rank).item


def partition(items: Sequence[DedupItem]) -> list[tuple[DedupItem, frozenset[int]]]:
    """Block → score → cluster → canonical: each remark as (canonical item, member ids)."""
    by_id = {i.id: i for i in items}
    prepared = {i.id: prepare(i) for i in items}
    links = [
        found
        for a, b in candidate_pairs(items)
        if (found := link(prepared[a], prepared[b])) is not None
    ]
    return [(canonical(by_id[m] for m in members), members) for members in cluster(items, links)]
