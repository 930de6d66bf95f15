"""Blocking: which quotations to compare. Only quotations that share a key (a run of content
stems, per week bucket) and fit in time are scored, each unordered pair once. A dated quotation
meets the weeks around it and the undated; an undated one meets every week (it may join a dated
remark on strong evidence)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from quotes.remarks.items import (
    WINDOW_DAYS,
    DedupItem,
    Prepared,
    blocking_keys_of,
    prepare,
    time_compatible,
)


def bucket_of(day: int | None) -> int | None:
    """The time bucket (week number) of a day ordinal; None for an undated quotation."""
    return None if day is None else day // WINDOW_DAYS


def near_buckets(day: int | None) -> tuple[int | None, ...]:
    """The buckets of the weeks around a day, and the undated bucket; an undated quotation is
    `time_compatible` with every bucket, which its caller enumerates (`Blocker.candidates`)."""
    bucket = bucket_of(day)
    return (None,) if bucket is None else (bucket - 1, bucket, bucket + 1, None)


def global_keys(p: Prepared, posting: bool) -> list[str]:
    """The blocking keys that reach across articles: content-stem pairs, and the speaker. A
    fragment posts under "its speaker's fragments" too, and a full quotation looks only there: so
    the many full quotations of one speaker in a week are never compared with each other on the
    speaker alone. A loose fragment has none: it only ever links within its article."""
    if p.is_loose_fragment:
        return []
    keys = list(_content_keys(p.meaning, p.norm))
    fragment, speaker = p.is_fragment, p.item.speaker_key
    if speaker is not None:
        if posting or fragment:
            keys.append(f"s:{speaker}")
        if (posting and fragment) or (not posting and not fragment):
            keys.append(f"sf:{speaker}")
    return keys


@lru_cache(maxsize=100_000)
def _content_keys(meaning: str, norm: str) -> tuple[str, ...]:
    """The content-stem keys of a wording (`blocking_keys`), remembered: the writer asks for
    them as it looks up, posts and stores a quotation, and wire copies repeat wordings. The
    same string objects come back, so their hashes are computed once."""
    return tuple(f"k:{k}" for k in sorted(blocking_keys_of(meaning, norm)))


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
    item = p.item
    return (p.norm, p.segments, item.speaker_key, item.speaker_is_org, p.day, item.paraphrase)


class Blocker:
    """Postings by (key, week), so that a quotation meets only earlier ones passing
    `is_candidate`: those sharing a content-stem pair; for a fragment, those of its speaker;
    for a loose fragment, those of its article. Only representatives (`signature`) are posted
    under `global_keys`, so a wording carried a thousand times is compared once; every
    quotation is posted under `article_keys` (a loose fragment may tease any of them)."""

    def __init__(self) -> None:
        # One table per week bucket (None: the undated), so that the weeks no new quotation can
        # meet are dropped whole (`forget_before`); keyed by hash(key) to save memory (a clash,
        # about one in 2**60, only adds a candidate); a key seen once holds its quotation
        # itself, not a list.
        self._postings: dict[int | None, dict[int, Prepared | list[Prepared]]] = {}

    def add(self, p: Prepared, representative: bool = True) -> None:
        bucket = bucket_of(p.day)
        postings = self._postings.get(bucket)
        if postings is None:
            postings = self._postings[bucket] = {}
        keys = article_keys(p, posting=True)
        if representative:
            keys += global_keys(p, posting=True)
        for key in keys:
            slot = hash(key)
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
        held = self._postings
        if p.day is None:
            weeks = [held[b] for b in sorted(held, key=_undated_first)]
        else:  # only the weeks that hold a posting: most of the time one or two, not four
            weeks = [held[b] for b in near_buckets(p.day) if b in held]
        for key in global_keys(p, posting=False) + article_keys(p, posting=False):
            slot = hash(key)
            for postings in weeks:
                found = postings.get(slot)
                if found is None:
                    continue
                for other in found if isinstance(found, list) else (found,):
                    if other.item.id not in seen and time_compatible(p, other):
                        seen[other.item.id] = other
        return [seen[i] for i in sorted(seen)]

    def forget_before(self, bucket: int) -> None:
        """Drop the postings of the weeks before `bucket` (the undated stay)."""
        for old in [b for b in self._postings if b is not None and b < bucket]:
            del self._postings[old]


def _undated_first(bucket: int | None) -> tuple[bool, int]:
    return (bucket is not None, bucket or 0)


def candidate_pairs(items: Iterable[DedupItem]) -> Iterator[tuple[int, int]]:
    """Each unordered pair worth scoring once, as (lower id, higher id); never all pairs."""
    blocker = Blocker()
    for p in sorted((prepare(i) for i in items), key=lambda p: p.item.id):
        for other in blocker.candidates(p):
            yield other.item.id, p.item.id
        blocker.add(p)
