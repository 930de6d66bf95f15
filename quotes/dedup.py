"""Deduplication of quotations into remarks, pure (no database): block → score → cluster →
canonical.

A *remark* is one thing a speaker said on one occasion; each quotation of it in an article is a
report. Two reports are linked with a relation and a score:

- ``identical``: the same words once case, punctuation, quote marks and white space are
  normalised;
- ``excerpt``: one is a contiguous part of the other, allowing an ellipsis, a [bracketed]
  insertion, small function words ("solid as rock" / "solid as a rock") and one unmarked cut;
- ``variant``: the same remark worded differently (translations, tense shifts, small edits),
  scored by rapidfuzz on content-word stems.

Clustering is sequential in quotation id order (ingest order): each quotation is compared with
earlier ones that share a blocking key, then joins the best compatible remark (and bridges
remarks that fit together). Because each step looks only at earlier quotations, adding articles
one by one and recomputing everything from scratch give the same remarks. Only the first member
of a remark with a given wording, speaker and day (its representative) is compared with later
quotations: the others would link to anything alike, so a report copied a thousand times costs
one comparison, and a remark's state (`RemarkState`) is a fixed-size summary, not its members.

What it does not do: synonyms of single words ("unlimited" / "no limits") are not recognised,
and the stemmer is a crude English suffix stripper.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from rapidfuzz import fuzz

Relation = Literal["identical", "excerpt", "variant"]

WINDOW_DAYS = 7
"""Reports of one remark lie within this many days of each other. Larger: re-dated reports join
(a weekly magazine quoting a Monday remark on Sunday); smaller: fewer recurring talking points
are mistaken for one remark."""

FRAGMENT_MAX_WORDS = 3
"""A quotation of at most this many words is a fragment ("core interests"): too generic to link
on words alone, so it joins only a remark of the same known speaker whose words contain it."""

VARIANT_MIN_WORDS = 4
"""Both sides of a variant need at least this many content words; shorter ones score erratically."""

VARIANT_SCORER: Callable[..., float] = fuzz.token_sort_ratio
"""Scores variants on sorted content-word stems: translations reorder words ("unconditional
foreign policy priority" / "unconditional priority of foreign policy") and it still penalises a
difference in length, unlike token_set_ratio, which gives 100 whenever one set holds the other."""

VARIANT_THRESHOLD = 70.0
"""Minimum VARIANT_SCORER score. Lower: more re-translations found, but generic diplomatic
sentences of the same speaker in one week start to merge; higher: only light edits count."""

EXCERPT_SCORER: Callable[..., float] = fuzz.partial_ratio
"""Scores an excerpt against the longer wording (100 for a clean contiguous cut)."""

EXCERPT_UNMARKED_GAPS = 1
"""Cuts an excerpt may make without an ellipsis (headlines condense: "strong support on core
interests"). More: recall on condensed headlines; fewer: fewer chance matches of common words."""

EXCERPT_GAP_MIN_WORDS = 4
"""An excerpt needs this many content words before an unmarked cut is allowed."""

STOPWORDS = frozenset(
    """\
    a an the of to in on and or for with by as at from is are was were be been being it its
    this that these those we our us i you your he his she her they their them will would shall
    should can could may might must has have had do does did which who whom what when where
    while about into than then so such also very there here all any both each""".split()
)
"""Function words left out of content words: they differ between translations of one remark.
"No" and "not" stay: they change the meaning."""

_SUFFIXES = (
    "ational",
    "ations",
    "ation",
    "ness",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ians",
    "ian",
    "ers",
    "er",
    "ed",
    "es",
    "s",
    "ly",
    "al",
    "y",
    "e",
)
_GAP = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]")
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class DedupItem:
    """One quotation as dedup sees it. `said_on` is the day it was said (or, failing that, the
    article's date); `outlets` are who carried it (publisher and relay); `article` and `start`
    place it in its article."""

    id: int
    text: str
    said_on: date | None = None
    speaker_key: str | None = None
    speaker_is_org: bool = False
    outlets: tuple[str, ...] = ()
    article: int | None = None
    start: int = 0


@dataclass(frozen=True, slots=True)
class Link:
    """A scored relation between two quotations; `a < b`."""

    a: int
    b: int
    relation: Relation
    score: float


@dataclass(frozen=True, slots=True)
class Prepared:
    """The forms of an item every comparison needs, computed once. Words are kept as single
    strings (`stem_text` padded with spaces, so that " a b " in " x a b y " finds a contiguous
    excerpt at C speed); a million of these fit in memory."""

    item: DedupItem
    norm: str
    n_words: int
    stem_text: str
    n_stems: int
    segments: tuple[str, ...] | None
    day: int | None

    @property
    def is_fragment(self) -> bool:
        return self.n_words <= FRAGMENT_MAX_WORDS

    @property
    def has_gap(self) -> bool:
        """Whether the wording marks a cut (ellipsis) or an insertion ([brackets])."""
        return self.segments is not None

    @property
    def stems(self) -> list[str]:
        return self.stem_text.split()

    @property
    def is_loose_fragment(self) -> bool:
        """A fragment nobody is credited with, as in a headline or a lede."""
        return self.is_fragment and self.item.speaker_key is None


def normalise(text: str) -> str:
    """Lower-case words without accents, punctuation or quote marks, single-spaced."""
    return " ".join(_words(text))


def _words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _WORD.findall(plain.replace("'", ""))


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """A crude English stem: enough to match "parties" / "party", "withstood" it cannot."""
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_stems(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(stem(w) for w in words if w not in STOPWORDS)


def _padded(words: Sequence[str]) -> str:
    return f" {' '.join(words)} "


def prepare(item: DedupItem) -> Prepared:
    parts = _GAP.split(item.text)
    segments = None
    if len(parts) > 1:
        stemmed = (content_stems(_words(p)) for p in parts)
        segments = tuple(_padded(s) for s in stemmed if s)
    words = _words(_GAP.sub(" ", item.text)) if segments is not None else _words(item.text)
    stems = content_stems(words)
    return Prepared(
        item=item,
        norm=" ".join(words),
        n_words=len(words),
        stem_text=_padded(stems),
        n_stems=len(stems),
        segments=segments,
        day=item.said_on.toordinal() if item.said_on else None,
    )


def blocking_keys(p: Prepared) -> frozenset[str]:
    """Adjacent content-stem pairs: every excerpt of two or more content words and nearly every
    variant shares one with its remark. A single content word is its own key."""
    stems = p.stems
    if len(stems) >= 2:
        return frozenset(f"{a} {b}" for a, b in pairwise(stems))
    if stems:
        return frozenset(stems)
    return frozenset({p.norm}) if p.norm else frozenset()


def _runs(part: Sequence[str], whole: Sequence[str], start: int) -> tuple[int, int] | None:
    """Greedy longest-first embedding of `part` in order in `whole[start:]` as contiguous runs:
    (number of runs, position after the last) or None when it does not embed."""
    runs, i, pos = 0, 0, start
    while i < len(part):
        best_len, best_at = 0, -1
        for j in range(pos, len(whole)):
            k = 0
            while i + k < len(part) and j + k < len(whole) and whole[j + k] == part[i + k]:
                k += 1
            if k > best_len:
                best_len, best_at = k, j
                if i + k == len(part):
                    break
        if best_len == 0:
            return None
        runs += 1
        i += best_len
        pos = best_at + best_len
    return runs, pos


def is_excerpt(short: Prepared, long: Prepared) -> bool:
    """Whether the content words of `short` lie in `long` in order: each segment (between
    ellipses and bracketed insertions) contiguous, plus at most EXCERPT_UNMARKED_GAPS cuts."""
    if short.n_stems == 0 or short.n_stems > long.n_stems:
        return False
    if short.segments is None and short.stem_text in long.stem_text:
        return True
    gaps_allowed = short.n_stems >= EXCERPT_GAP_MIN_WORDS
    if short.segments is None and not gaps_allowed:
        return False
    short_stems = short.stems
    if not all(f" {s} " in long.stem_text for s in short_stems):
        return False
    segments = short.segments or (short.stem_text,)
    runs, pos, long_stems = 0, 0, long.stems
    for segment in segments:
        found = _runs(segment.split(), long_stems, pos)
        if found is None:
            return False
        runs += found[0]
        pos = found[1]
    unmarked = runs - len(segments)
    return unmarked == 0 or (unmarked <= EXCERPT_UNMARKED_GAPS and gaps_allowed)


def relation_prepared(a: Prepared, b: Prepared) -> tuple[Relation, float] | None:
    if a.norm == b.norm and a.norm:
        return "identical", 100.0
    short, long = (a, b) if a.n_stems <= b.n_stems else (b, a)
    if is_excerpt(short, long):
        return "excerpt", round(EXCERPT_SCORER(short.norm, long.norm), 1)
    if short.n_stems >= VARIANT_MIN_WORDS:
        score = VARIANT_SCORER(a.stem_text, b.stem_text, score_cutoff=VARIANT_THRESHOLD)
        if score:
            return "variant", round(score, 1)
    return None


def relation(a: DedupItem, b: DedupItem) -> tuple[Relation, float] | None:
    """How the words of two quotations relate, ignoring speakers and dates."""
    return relation_prepared(prepare(a), prepare(b))


def time_compatible(a: Prepared, b: Prepared) -> bool:
    """Within WINDOW_DAYS of each other; an undated quotation goes only with undated ones."""
    if a.day is None or b.day is None:
        return a.day is None and b.day is None
    return abs(a.day - b.day) <= WINDOW_DAYS


def same_speaker(a: Prepared, b: Prepared) -> bool:
    return a.item.speaker_key is not None and a.item.speaker_key == b.item.speaker_key


def same_article(a: Prepared, b: Prepared) -> bool:
    return a.item.article is not None and a.item.article == b.item.article


def teases(fragment: Prepared, other: Prepared) -> bool:
    """A fragment without a speaker announcing a quotation given later in the same article (the
    headline or lede quoting two words the body quotes in full, with its speaker)."""
    return (
        fragment.is_loose_fragment
        and same_article(fragment, other)
        and fragment.item.start < other.item.start
    )


def speakers_compatible(a: Prepared, b: Prepared, rel: Relation) -> bool:
    """The same speaker, an unknown one, or a person and an organisation (the office he speaks
    for) when the words are otherwise the same. A fragment needs the same known speaker, unless
    it `teases` the other quotation."""
    if a.is_fragment or b.is_fragment:
        return rel != "variant" and (same_speaker(a, b) or teases(a, b) or teases(b, a))
    if a.item.speaker_key is None or b.item.speaker_key is None or same_speaker(a, b):
        return True
    return a.item.speaker_is_org != b.item.speaker_is_org


def is_candidate(a: Prepared, b: Prepared) -> bool:
    """The blocking predicate: worth scoring at all. A loose fragment can only link within its
    article (`speakers_compatible`), so it is a candidate of nothing outside it."""
    if not time_compatible(a, b):
        return False
    if a.is_loose_fragment or b.is_loose_fragment:
        return same_article(a, b)
    if not blocking_keys(a).isdisjoint(blocking_keys(b)):
        return True
    return same_speaker(a, b) and (a.is_fragment or b.is_fragment)


def link(a: Prepared, b: Prepared) -> Link | None:
    """The link between two candidates, or None when their words or speakers do not fit."""
    found = relation_prepared(a, b)
    if found is None or not speakers_compatible(a, b, found[0]):
        return None
    low, high = sorted((a.item.id, b.item.id))
    return Link(low, high, found[0], found[1])


def bucket_of(day: int | None) -> int | None:
    """The time bucket (week number) of a day ordinal; None for an undated quotation."""
    return None if day is None else day // WINDOW_DAYS


def near_buckets(day: int | None) -> tuple[int | None, ...]:
    """The buckets holding every quotation `time_compatible` with one of this day."""
    bucket = bucket_of(day)
    return (None,) if bucket is None else (bucket - 1, bucket, bucket + 1)


def global_keys(p: Prepared, posting: bool) -> list[str]:
    """The blocking keys that reach across articles: content-stem pairs, and the speaker. A
    fragment posts under "its speaker's fragments" too, and a full quotation looks only there: so
    the many full quotations of one speaker in a week are never compared with each other on the
    speaker alone. A loose fragment has none: it only ever links within its article."""
    if p.is_loose_fragment:
        return []
    keys = [f"k:{k}" for k in blocking_keys(p)]
    fragment, speaker = p.is_fragment, p.item.speaker_key
    if speaker is not None:
        if posting or fragment:
            keys.append(f"s:{speaker}")
        if (posting and fragment) or (not posting and not fragment):
            keys.append(f"sf:{speaker}")
    return keys


def article_keys(p: Prepared, posting: bool) -> list[str]:
    """Keys within one article: a loose fragment meets every quotation of its article, and
    every quotation the loose fragments of its article."""
    article = p.item.article
    if article is None:
        return []
    keys: list[str] = []
    loose = p.is_loose_fragment
    if posting or loose:
        keys.append(f"q:{article}")
    if (posting and loose) or (not posting and not loose):
        keys.append(f"f:{article}")
    return keys


def signature(p: Prepared) -> tuple[object, ...]:
    """What a comparison with a quotation depends on besides its id, article and outlets: two
    members of one remark with the same signature link to anything alike, so only the first
    (the remark's *representative* of that wording) needs to be compared with later quotations."""
    return (p.norm, p.segments, p.item.speaker_key, p.item.speaker_is_org, p.day)


class Blocker:
    """Postings by (key, week), so that a quotation meets only earlier ones passing
    `is_candidate`: those sharing a content-stem pair; for a fragment, those of its speaker;
    for a loose fragment, those of its article. Only representatives (`signature`) are posted
    under `global_keys`, so a wording carried a thousand times is compared once; every
    quotation is posted under `article_keys` (a loose fragment may tease any of them)."""

    def __init__(self) -> None:
        # Keyed by hash((key, week)) to save memory (a clash, about one in 2**60, only adds a
        # candidate); a key seen once holds its quotation itself, not a list.
        self._postings: dict[int, Prepared | list[Prepared]] = {}

    def add(self, p: Prepared, representative: bool = True) -> None:
        bucket = bucket_of(p.day)
        postings = self._postings
        keys = article_keys(p, posting=True)
        if representative:
            keys += global_keys(p, posting=True)
        for key in keys:
            slot = hash((key, bucket))
            found = postings.get(slot)
            if found is None:
                postings[slot] = p
            elif isinstance(found, list):
                found.append(p)
            else:
                postings[slot] = [found, p]

    def candidates(self, p: Prepared) -> list[Prepared]:
        """Earlier quotations passing `is_candidate` (one per signature of a remark), each once,
        in id order."""
        seen: dict[int, Prepared] = {}
        postings = self._postings
        for key in global_keys(p, posting=False) + article_keys(p, posting=False):
            for bucket in near_buckets(p.day):
                found = postings.get(hash((key, bucket)))
                if found is None:
                    continue
                for other in found if isinstance(found, list) else (found,):
                    if other.item.id not in seen and time_compatible(p, other):
                        seen[other.item.id] = other
        return [seen[i] for i in sorted(seen)]


def candidate_pairs(items: Iterable[DedupItem]) -> Iterator[tuple[int, int]]:
    """Each unordered pair worth scoring once, as (lower id, higher id); never all pairs."""
    blocker = Blocker()
    for p in sorted((prepare(i) for i in items), key=lambda p: p.item.id):
        for other in blocker.candidates(p):
            yield other.item.id, p.item.id
        blocker.add(p)


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
        if speaker is not None:
            if p.item.speaker_is_org:
                self.org = speaker
            else:
                self.person = speaker
        if p.day is not None:
            self.first = p.day if self.first is None else min(self.first, p.day)
            self.last = p.day if self.last is None else max(self.last, p.day)
        self.fragments_only = self.fragments_only and p.is_fragment
        if self.canonical is None or canonical_rank(p) < canonical_rank(self.canonical):
            self.canonical = p
        for outlet in p.item.outlets:
            if outlet not in self.outlets:
                self.outlets += (outlet,)

    def accepts(self, p: Prepared) -> bool:
        probe = RemarkState(root=-1)
        probe.add(p)
        return self.fits(probe)

    def fits(self, other: RemarkState) -> bool:
        """One person and one organisation at most, all within WINDOW_DAYS."""
        if self.person and other.person and self.person != other.person:
            return False
        if self.org and other.org and self.org != other.org:
            return False
        if self.first is None or other.first is None:
            return self.first is None and other.first is None
        assert self.last is not None and other.last is not None
        return max(self.last, other.last) - min(self.first, other.first) <= WINDOW_DAYS

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
    """

    def __init__(self) -> None:
        self.blocker = Blocker()
        self.prepared: dict[int, Prepared] = {}
        self._parent: dict[int, int] = {}
        self.remarks: dict[int, RemarkState] = {}
        self.representatives: set[int] = set()

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
        self.prepared[p.item.id] = p
        self._parent[p.item.id] = root
        self.blocker.add(p, representative)
        if representative:
            self.representatives.add(p.item.id)

    def add(self, item: DedupItem) -> Placement:
        return self.add_prepared(prepare(item))

    def add_prepared(self, p: Prepared) -> Placement:
        links = [
            found for other in self.blocker.candidates(p) if (found := link(other, p)) is not None
        ]
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
        for found in links:
            other = found.a if found.b == item_id else found.b
            is_strong = not (p.is_fragment or self.prepared[other].is_fragment)
            root = self.root(other)
            best[root] = max(best.get(root, (False, 0.0)), (is_strong, found.score))
        roots = sorted(
            (r for r in best if self.remarks[r].accepts(p)),
            key=lambda r: (not best[r][0], -best[r][1], r),
        )
        if p.is_fragment:
            if len(roots) == 1:
                return roots
            # A copy of a report (same words, speaker and day as a representative) still
            # joins the remark of its twin: wire copies must not each start a remark.
            others = (found.a if found.b == item_id else found.b for found in links)
            twin_roots = {self.root(o) for o in others if self._is_twin(p, o)}
            twins = [r for r in roots if r in twin_roots]
            return twins if len(twins) == 1 else []
        strong = [r for r in roots if best[r][0]]
        weak = [r for r in roots if not best[r][0]]
        if not strong and len(weak) == 1:
            return weak
        return strong + [r for r in weak if self.remarks[r].fragments_only]

    def place(self, p: Prepared, links: Sequence[Link]) -> Placement:
        item_id = p.item.id
        roots = self._eligible_roots(p, links)
        self.prepared[item_id] = p
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


PHRASE_WORDS = (2, 6)
"""Lengths (in words) of the phrases `recurring_phrases` looks for: a talking point is longer
than one word and rarely quoted longer than six words unchanged."""


def recurring_phrases(
    uses: Sequence[tuple[int, DedupItem]],
) -> list[tuple[str, tuple[tuple[int, DedupItem], ...]]]:
    """Phrases shared by quotations of several remarks said on different days, as (phrase, one
    (remark id, quotation) per remark); a phrase inside a longer one found in the same remarks
    is left out. Phrases starting or ending with a function word are not talking points."""
    shortest, longest = PHRASE_WORDS
    found: dict[str, dict[int, DedupItem]] = defaultdict(dict)
    for remark_id, use in uses:
        words = _words(_GAP.sub(" ", use.text))
        for n in range(shortest, longest + 1):
            for start in range(len(words) - n + 1):
                gram = words[start : start + n]
                if gram[0] not in STOPWORDS and gram[-1] not in STOPWORDS:
                    found[" ".join(gram)].setdefault(remark_id, use)
    recurring = {
        text: by_remark
        for text, by_remark in found.items()
        if len(by_remark) > 1 and len({u.said_on for u in by_remark.values()}) > 1
    }
    kept = [
        text
        for text, by_remark in recurring.items()
        if not any(
            other != text and f" {text} " in f" {other} " and set(by_remark) == set(remarks)
            for other, remarks in recurring.items()
        )
    ]
    kept.sort(key=lambda t: (-len(recurring[t]), -len(t.split()), t))
    return [(text, tuple(sorted(recurring[text].items()))) for text in kept]
