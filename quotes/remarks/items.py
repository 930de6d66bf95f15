"""The clusterer's items: a quotation as the clusterer sees it, normalised, stemmed and keyed.

A *remark* is one thing a speaker said on one occasion; each quotation of it in an article is a
report. The knobs here (window, thresholds, scorers) are named constants whose comments state the
trade-off. Words are compared twice: by their letters (stems) and by
their meaning (`quotes.remarks.meaning`: synonyms a translator swaps map to one word). What it
does not do: phrases ("unlimited" / "no limits") are not recognised as synonyms, and the stemmer
is a crude English suffix stripper.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from rapidfuzz import fuzz

from quotes.records import quick_init
from quotes.remarks.meaning import american, synonym_groups

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

MEANING_MIN_WORDS = 2

"""A variant shorter than VARIANT_MIN_WORDS content words links on meaning when its meaning is
the same as the other's ("we await your visit" / "we are waiting for your visit"), it has at
least this many content words and both have the same known speaker. Never below 2: one word
proves nothing."""

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

GAP = re.compile(r"\.\s*\.\s*\.|…|\[[^\]]*\]")

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class DedupItem:
    """One quotation as dedup sees it. `said_on` is the day it was said (or, failing that, the
    article's date); `outlets` are who carried it (publisher and relay); `article` and `start`
    place it in its article; `paraphrase`: a reported claim in the reporter's words (no quote
    marks), not the speaker's."""

    id: int
    text: str
    said_on: date | None = None
    speaker_key: str | None = None
    speaker_is_org: bool = False
    outlets: tuple[str, ...] = ()
    article: int | None = None
    start: int = 0
    paraphrase: bool = False


@dataclass(frozen=True, slots=True)
class Link:
    """A scored relation between two quotations; `a < b`. `score` is on the words (letters of
    stems), `meaning` on the words with synonyms made one (None when no word has a synonym)."""

    a: int
    b: int
    relation: Relation
    score: float
    meaning: float | None = None


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
    meaning_text: str | None = None
    """The content stems with synonyms made one (`meanings`), padded like `stem_text`; None
    when no word has a synonym (then it is `stem_text`: a million items share nothing extra)."""

    @property
    def meaning(self) -> str:
        return self.stem_text if self.meaning_text is None else self.meaning_text

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
    text = text.replace("’", "'")
    if text.isascii():  # nothing to decompose or strip: the common case, much quicker
        return _WORD.findall(text.lower().replace("'", ""))
    decomposed = unicodedata.normalize("NFKD", text)
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
    """The stems of the words that are not STOPWORDS, British spellings made American first."""
    return tuple(stem(american(w)) for w in words if w not in STOPWORDS)


@lru_cache(maxsize=1)
def _meanings() -> dict[str, str]:
    """Each stem of a synonym group mapped to the stem of the group's first word."""
    found: dict[str, str] = {}
    for group in synonym_groups():
        name = stem(american(group[0]))
        for word in group:
            found.setdefault(stem(american(word)), name)
    return found


def meanings(stems: Sequence[str]) -> tuple[str, ...]:
    """The stems with every synonym replaced by its group's name."""
    table = _meanings()
    return tuple(table.get(s, s) for s in stems)


def _padded(words: Sequence[str]) -> str:
    return f" {' '.join(words)} "


@quick_init
@dataclass(frozen=True, slots=True)
class TextForms:
    """The forms of a wording that `Prepared` keeps, computed from the text alone: so the
    extracting workers compute them (`quotes.parallel`), and the writer only attaches them."""

    norm: str
    n_words: int
    stem_text: str
    n_stems: int
    segments: tuple[str, ...] | None
    meaning_text: str | None


def text_forms(text: str) -> TextForms:
    parts = GAP.split(text)
    segments = None
    if len(parts) > 1:
        stemmed = (content_stems(_words(p)) for p in parts)
        segments = tuple(_padded(s) for s in stemmed if s)
    words = _words(GAP.sub(" ", text)) if segments is not None else _words(text)
    stems = content_stems(words)
    meant = meanings(stems)
    return TextForms(
        norm=" ".join(words),
        n_words=len(words),
        stem_text=_padded(stems),
        n_stems=len(stems),
        segments=segments,
        meaning_text=None if meant == stems else _padded(meant),
    )


def prepare(item: DedupItem, forms: TextForms | None = None) -> Prepared:
    """The item with the forms of its text (`forms`, when computed before, must be those of
    `item.text`)."""
    f = text_forms(item.text) if forms is None else forms
    return Prepared(
        item=item,
        norm=f.norm,
        n_words=f.n_words,
        stem_text=f.stem_text,
        n_stems=f.n_stems,
        segments=f.segments,
        day=item.said_on.toordinal() if item.said_on else None,
        meaning_text=f.meaning_text,
    )


def blocking_keys(p: Prepared) -> frozenset[str]:
    """Adjacent content-stem pairs, synonyms made one: every excerpt of two or more content
    words and nearly every variant (in other words too) shares one with its remark. A single
    content word is its own key."""
    return blocking_keys_of(p.meaning, p.norm)


def blocking_keys_of(meaning: str, norm: str) -> frozenset[str]:
    """`blocking_keys` of a wording given its meaning stems (padded) and normal form."""
    stems = meaning.split()
    if len(stems) >= 2:
        return frozenset(f"{a} {b}" for a, b in pairwise(stems))
    if stems:
        return frozenset(stems)
    return frozenset({norm}) if norm else frozenset()


OTHER_SPEAKER_MIN_STEMS = 8

"""A report credited to another person than its remark's (a listener or relay taken as the
speaker, one person under two spellings) still joins when the words are this strong: the same
words or an excerpt of at least this many content words, or a variant of as many scoring
OTHER_SPEAKER_THRESHOLD. Its speaker is kept as written. Lower: more mis-attributed reports
join; higher: fewer remarks of two people who say the same stock sentence merge."""

OTHER_SPEAKER_THRESHOLD = 90.0

"""The words or meaning score a variant credited to another person needs (see above)."""

UNDATED_MIN_STEMS = 4

"""An undated quotation joins a dated one through an excerpt only when it holds at least this
many content words, or has the same known speaker (`quotes.remarks.scoring.dates_compatible`).
Lower: more undated coverage joins its remark; higher: fewer stock phrases ("strategic
partnership") carried onto the wrong occasion."""

UNDATED_VARIANT_THRESHOLD = 85.0

"""An undated variant joins a dated quotation only at this score (VARIANT_THRESHOLD is the
bar between two dated ones): without a date to confirm the occasion, the words must."""


def time_compatible(a: Prepared, b: Prepared) -> bool:
    """Within WINDOW_DAYS of each other, or at least one undated (an undated quotation may join
    a dated one on strong evidence: `quotes.remarks.scoring.dates_compatible`)."""
    if a.day is None or b.day is None:
        return True
    return abs(a.day - b.day) <= WINDOW_DAYS
