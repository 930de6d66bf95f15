"""Translations: a Russian quotation and the English quotation that translates it.

Two quotations in different languages are the same remark translated when they have the same
speaker (across scripts: `quotes.extract.transliteration.cross_script_key`), were said within
`MAX_DAYS` of each other, and their content agrees: the numbers they hold, the names (compared
transliterated), and the words a bilingual word list (`extract/data/ru/bilingual.json`, Russian
lemmas to English words) translates. Each English quotation takes the best Russian one above
`MIN_AGREEMENT`; below `CONFIDENT` the link is only a guess and is marked so.

Offline and measured (benchmarks/bench_russian.py); no translation model. Limits: a paraphrase
with few listed words is missed; two Russian remarks of one speaker on one day saying much the
same may swap.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache

from quotes.extract.lexicon import package_data
from quotes.extract.names import name_key
from quotes.extract.russian_names import lemma
from quotes.extract.transliteration import cross_script_key

MAX_DAYS = 2
"""Days between the two sayings still taken for one occasion (wires run a day behind)."""
MIN_AGREEMENT = 0.3
"""Share of the shorter side's content words matched, below which no link is made (lower: more
recall, less precision)."""
CONFIDENT = 0.5
"""Agreement from which a link is no guess."""
FEW_WORDS = 4
"""A side with fewer content words than this proves little: its link is a guess however well
it agrees ("remains unchanged")."""

_WORD = re.compile(r"[^\W\d_][\w\-']*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_ENGLISH_STOP = frozenset(
    """a an the and or but of to in on at for with by from as is are was were be been being it
    its this that these those we our us you your they their them he his she her i my me not no
    so if than then there here will would can could should may might must has have had do does
    did which who whom what when where how all any some such very just also into about
    over""".split()
)
_RUSSIAN_STOP = frozenset(
    """и в во не на что с со а но как к ко по из за от до у о об же ли бы то это этот эта эти
    мы вы они он она оно я ты наш ваш их его ее её все всё так для при или""".split()
)
_SUFFIXES = ("ing", "ed", "es", "s", "ly")


@dataclass(frozen=True, slots=True)
class TranslationItem:
    """One quotation: its id, language ("ru", "en"), speaker, date and words."""

    id: int
    language: str
    speaker: str
    said_on: date | None
    text: str


@dataclass(frozen=True, slots=True)
class TranslationLink:
    """`translation` (English) translates `original` (Russian); `guess` when agreement is low."""

    original: int
    translation: int
    agreement: float
    guess: bool


def stem(word: str) -> str:
    """A crude English stem: enough to meet "proposals" with "proposal"."""
    word = word.lower().strip("'")
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@cache
def _bilingual() -> dict[str, frozenset[str]]:
    words = package_data("data/ru/bilingual.json")["words"]
    return {
        russian: frozenset(stem(w) for phrase in english for w in phrase.split())
        for russian, english in words.items()
    }


def _english_words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text) if w.lower() not in _ENGLISH_STOP]


def _russian_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in _RUSSIAN_STOP]


def agreement(russian: str, english: str) -> float:
    """How far the two texts say the same: the share of the shorter side's content words (and
    numbers) matched across the languages; numbers that differ count against."""
    ru_words, en_words = _russian_words(russian), _english_words(english)
    if not ru_words or not en_words:
        return 0.0
    en_set = set(en_words)
    bilingual = _bilingual()
    matched = 0
    for word in ru_words:
        english_forms = bilingual.get(lemma(word), frozenset())
        if english_forms & en_set or name_key(word) in en_set:
            matched += 1
    ru_numbers = {n.replace(",", ".") for n in _NUMBER.findall(russian)}
    en_numbers = {n.replace(",", "") for n in _NUMBER.findall(english)}
    matched += len(ru_numbers & en_numbers)
    clashes = len(ru_numbers ^ en_numbers) if ru_numbers and en_numbers else 0
    shorter = min(len(ru_words), len(en_words)) + len(ru_numbers | en_numbers)
    return max(0.0, min(1.0, (matched - clashes) / shorter))


def _speaker_key(name: str) -> str:
    return cross_script_key(name).split()[-1] if name_key(name) else ""


def translation_links(items: list[TranslationItem]) -> list[TranslationLink]:
    """For each English quotation, the Russian one it translates, if any agrees enough."""
    russian_by_speaker: dict[str, list[TranslationItem]] = defaultdict(list)
    for item in items:
        if item.language == "ru" and _speaker_key(item.speaker):
            russian_by_speaker[_speaker_key(item.speaker)].append(item)
    links = []
    for item in items:
        if item.language != "en":
            continue
        best: tuple[float, TranslationItem] | None = None
        for candidate in russian_by_speaker.get(_speaker_key(item.speaker), ()):
            if not _same_occasion(candidate.said_on, item.said_on):
                continue
            score = agreement(candidate.text, item.text)
            if score >= MIN_AGREEMENT and (best is None or score > best[0]):
                best = (score, candidate)
        if best is not None:
            words = min(len(_english_words(item.text)), len(_russian_words(best[1].text)))
            guess = best[0] < CONFIDENT or words < FEW_WORDS
            links.append(TranslationLink(best[1].id, item.id, round(best[0], 3), guess))
    return links


def _same_occasion(first: date | None, second: date | None) -> bool:
    if first is None or second is None:
        return True
    return abs((first - second).days) <= MAX_DAYS
