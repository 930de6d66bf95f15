"""Scoring a pair: the relation of two reports and its score.

- ``identical``: the same words once case, punctuation, quote marks and white space are
  normalised;
- ``excerpt``: one is a contiguous part of the other, allowing an ellipsis, a [bracketed]
  insertion, small function words and one unmarked cut;
- ``variant``: the same remark worded differently, scored by rapidfuzz on content-word stems
  (the words score) and on the same stems with synonyms made one (the meaning score); either may
  carry it over VARIANT_THRESHOLD.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from quotes.remarks.items import (
    EXCERPT_GAP_MIN_WORDS,
    EXCERPT_SCORER,
    EXCERPT_UNMARKED_GAPS,
    MEANING_MIN_WORDS,
    OTHER_SPEAKER_MIN_STEMS,
    OTHER_SPEAKER_THRESHOLD,
    UNDATED_MIN_STEMS,
    UNDATED_VARIANT_THRESHOLD,
    VARIANT_MIN_WORDS,
    VARIANT_SCORER,
    VARIANT_THRESHOLD,
    DedupItem,
    Link,
    Prepared,
    Relation,
    blocking_keys,
    prepare,
    time_compatible,
)


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


Scores = tuple[Relation, float, float | None]


RELATIONS_REMEMBERED = 50_000
"""Pairs of wordings whose relation is remembered (the oldest go first): wire copies carry the
same wordings, so the writer meets the same pairs again and again."""
_relations: OrderedDict[
    tuple[str, tuple[str, ...] | None, str, tuple[str, ...] | None], Scores | None
] = OrderedDict()  # first in, first out in O(1) (a dict's first key is found by a scan)


def relation_prepared(a: Prepared, b: Prepared) -> Scores | None:
    """The relation of two prepared quotations with its words score and meaning score: a
    function of their wordings alone (normal form and segments), so remembered by them."""
    key = (a.norm, a.segments, b.norm, b.segments)
    try:
        return _relations[key]
    except KeyError:
        pass
    found = _relation(a, b)
    if len(_relations) >= RELATIONS_REMEMBERED:
        _relations.popitem(last=False)
    _relations[key] = found
    return found


def _relation(a: Prepared, b: Prepared) -> Scores | None:
    if a.norm == b.norm and a.norm:
        return "identical", 100.0, None
    short, long = (a, b) if a.n_stems <= b.n_stems else (b, a)
    if is_excerpt(short, long):
        return "excerpt", round(EXCERPT_SCORER(short.norm, long.norm), 1), None
    if short.n_stems < MEANING_MIN_WORDS:
        return None
    has_meaning = a.meaning_text is not None or b.meaning_text is not None
    if short.n_stems < VARIANT_MIN_WORDS:
        if has_meaning and a.meaning == b.meaning:
            return "variant", round(VARIANT_SCORER(a.stem_text, b.stem_text), 1), 100.0
        return None
    words = VARIANT_SCORER(a.stem_text, b.stem_text)
    meaning = VARIANT_SCORER(a.meaning, b.meaning) if has_meaning else None
    if max(words, meaning or 0.0) >= VARIANT_THRESHOLD:
        return "variant", round(words, 1), None if meaning is None else round(meaning, 1)
    return None


def relation(a: DedupItem, b: DedupItem) -> tuple[Relation, float] | None:
    """How the words of two quotations relate, ignoring speakers and dates."""
    found = relation_prepared(prepare(a), prepare(b))
    return None if found is None else (found[0], found[1])


def scores(a: DedupItem, b: DedupItem) -> Scores | None:
    """`relation` with the meaning score too."""
    return relation_prepared(prepare(a), prepare(b))


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
    it `teases` the other quotation; and quoted words and a paraphrase link only within one
    article: two or three words found in another article's paraphrase ("had concerns") are
    that reporter's choice, not the speaker's, and would tie the fragment to whichever remark
    came first (in one article, a summary's scare quote and the body's paraphrase are one)."""
    if a.is_fragment or b.is_fragment:
        if a.item.paraphrase != b.item.paraphrase and not same_article(a, b):
            return False
        return rel != "variant" and (same_speaker(a, b) or teases(a, b) or teases(b, a))
    if a.item.speaker_key is None or b.item.speaker_key is None or same_speaker(a, b):
        return True
    return a.item.speaker_is_org != b.item.speaker_is_org


def dates_compatible(
    a: Prepared, b: Prepared, rel: Relation, score: float, meaning: float | None = None
) -> bool:
    """Whether a pair may link across the line between dated and undated: only when the undated
    quotation is the same words, an excerpt of the dated one (of UNDATED_MIN_STEMS content
    words, or by the same known speaker), or a variant of at least UNDATED_VARIANT_THRESHOLD.
    Never the other way: a dated excerpt of an undated quotation does not pull a dated talking
    point into a remark whose occasion nobody knows."""
    if (a.day is None) == (b.day is None):
        return True
    undated, dated = (a, b) if a.day is None else (b, a)
    if rel == "identical":
        return True
    if rel == "excerpt":
        return undated.n_stems <= dated.n_stems and (
            undated.n_stems >= UNDATED_MIN_STEMS or same_speaker(undated, dated)
        )
    return max(score, meaning or 0.0) >= UNDATED_VARIANT_THRESHOLD


def words_outweigh_speakers(a: Prepared, b: Prepared, found: Scores) -> bool:
    """Whether the words are strong enough to link two reports credited to different people
    (see OTHER_SPEAKER_MIN_STEMS)."""
    rel, score, meaning = found
    if min(a.n_stems, b.n_stems) < OTHER_SPEAKER_MIN_STEMS:
        return False
    return rel != "variant" or max(score, meaning or 0.0) >= OTHER_SPEAKER_THRESHOLD


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
    if found is None:
        return None
    if not speakers_compatible(a, b, found[0]) and not words_outweigh_speakers(a, b, found):
        return None
    if not dates_compatible(a, b, *found):
        return None
    short_variant = found[0] == "variant" and min(a.n_stems, b.n_stems) < VARIANT_MIN_WORDS
    if short_variant and not same_speaker(a, b):  # see MEANING_MIN_WORDS
        return None
    low, high = sorted((a.item.id, b.item.id))
    return Link(low, high, *found)
