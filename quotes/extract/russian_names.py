"""Russian words of the Russian rules, and personal names in the nominative.

Russian inflects names: «Путина», «Путину», «с Путиным» and «Захаровой» are Путин and
Захарова. pymorphy3 (with its shipped dictionaries, the `[russian]` extra) knows given names,
patronymics and surnames and inflects them back to the nominative, keeping the gender. Without it
names are kept as written (and the ingest says which extra is missing).

Limits: a name the dictionaries do not know (Гутерриш, Цзиньпин) is kept as written; patronymics
are dropped from the name (Владимир Владимирович Путин is Владимир Путин, as the press writes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from quotes.extract.lexicon import package_data

RUSSIAN_EXTRA_MISSING = (
    "Russian names are kept as written (not normalised): install the extra with "
    "pip install 'quotes[russian]'"
)

WORD_CACHE = 100_000
"""Words whose analysis is kept: bounded, so that a long ingest does not grow without end."""

_PERSON_TAGS = frozenset({"Name", "Surn", "Patr"})
_NOT_PERSON_TAGS = frozenset({"Geox", "Orgn", "Abbr", "Trad"})
_FUNCTION_WORD_TAGS = frozenset({"PREP", "CONJ", "PRCL", "NPRO"})
_ADVERB_TAGS = frozenset({"ADVB", "INTJ"})


@dataclass(frozen=True, slots=True)
class RussianLexicon:
    speech_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    relay_verbs: tuple[str, ...]
    according_to: tuple[str, ...]
    pronoun_according_to: dict[str, str]
    title_words: frozenset[str]
    pronouns: dict[str, str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative_days: dict[str, int]
    outlets: dict[str, str]
    organisations: dict[str, str]
    statement_words: tuple[str, ...]
    abbreviations: frozenset[str]
    unnamed_words: frozenset[str]


@cache
def russian_lexicon() -> RussianLexicon:
    data = package_data("data/ru/lexicon.json")
    return RussianLexicon(
        speech_verbs=frozenset(data["speech_verbs"]),
        naming_verbs=frozenset(data["naming_verbs"]),
        relay_verbs=tuple(data["relay_verbs"]),
        according_to=tuple(data["according_to"]),
        pronoun_according_to=dict(data["pronoun_according_to"]),
        title_words=frozenset(data["title_words"]),
        pronouns=dict(data["pronouns"]),
        months=dict(data["months"]),
        weekdays=dict(data["weekdays"]),
        relative_days=dict(data["relative_days"]),
        outlets=dict(data["outlets"]),
        organisations=dict(data["organisations"]),
        statement_words=tuple(data["statement_words"]),
        abbreviations=frozenset(data["abbreviations"]),
        unnamed_words=frozenset(data["unnamed_words"]),
    )


@cache
def _analyser() -> Any | None:
    """pymorphy3's analyser (about 0.5 s to load, once), or None without the extra."""
    try:
        import pymorphy3
    except ImportError:
        return None
    return pymorphy3.MorphAnalyzer(lang="ru")


def morphology_available() -> bool:
    return _analyser() is not None


@lru_cache(maxsize=WORD_CACHE)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word (lower case; as written without the extra)."""
    analyser = _analyser()
    lowered = word.lower().replace("ё", "е")
    if analyser is None:
        return lowered
    return str(analyser.parse(lowered)[0].normal_form).replace("ё", "е")


@dataclass(frozen=True, slots=True)
class NameWord:
    """One word of a personal name: its nominative, gender ("m", "f" or "") and part."""

    nominative: str
    gender: str
    part: str  # "Name" (given name), "Surn", "Patr", or "" (unknown to the dictionaries)
    case: str = ""  # the grammatical case of a given name as written ("gent" for Эммануэля)


def is_capitalised(word: str) -> bool:
    """A Cyrillic word written with a capital and then small letters (not an abbreviation)."""
    return (
        len(word) > 1
        and ("А" <= word[0] <= "Я" or word[0] == "Ё")
        and any(c.islower() for c in word[1:])
    )


# Russian surname endings, with the case endings they take (Рябкова, Рябкову, Рябковым).
_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|цкая)(?:а|у|ым|е|ой|ую|ого|ому|им)?$")
_MALE_CASE_ENDINGS = ("ым", "а", "у", "е")


@lru_cache(maxsize=WORD_CACHE)
def name_word(word: str, after_given_name: bool = False) -> NameWord | None:
    """`word` as part of a personal name, or None when it is no name (a place, a known noun).
    Right after a given name, any capitalised word that is no place or body is a surname
    (Александр Новак, Василий Небензя)."""
    if not is_capitalised(word.split("-")[0]):
        return None
    analyser = _analyser()
    if analyser is None:
        return NameWord(word, "", "")
    parses = analyser.parse(word)
    if any(_FUNCTION_WORD_TAGS & p.tag.grammemes for p in parses):
        return None
    if _ADVERB_TAGS & parses[0].tag.grammemes:
        return None
    place_first = bool(_NOT_PERSON_TAGS & parses[0].tag.grammemes)
    for parse in parses:
        grammemes = parse.tag.grammemes
        if ("Name" in grammemes or "Patr" in grammemes) and "sing" in grammemes:
            part = "Name" if "Name" in grammemes else "Patr"
            case = str(parse.tag.case or "")
            return NameWord(_nominative(parse, word), _gender(parse), part, case)
    surname = next((p for p in parses if "Surn" in p.tag.grammemes), None)
    if surname is not None and (not place_first or _SURNAME.search(word)):
        return NameWord(_nominative(surname, word), _gender(surname), "Surn")
    if _SURNAME.search(word) and not analyser.word_is_known(word.lower()):
        return NameWord(word, "", "Surn")
    if after_given_name and "Geox" not in parses[0].tag.grammemes:
        return NameWord(word, "", "Surn")
    if place_first or analyser.word_is_known(word.lower()):
        return None
    return NameWord(word, "", "")


def _gender(parse: Any) -> str:
    grammemes = parse.tag.grammemes
    return "f" if "femn" in grammemes else "m" if "masc" in grammemes else ""


@lru_cache(maxsize=WORD_CACHE)
def in_gender(word: str, gender: str) -> str:
    """A surname's nominative in the given gender («Захаровой» with "f" is Захарова)."""
    analyser = _analyser()
    if analyser is None or not gender:
        return word
    grammeme = "femn" if gender == "f" else "masc"
    for parse in analyser.parse(word):
        if "Surn" in parse.tag.grammemes and grammeme in parse.tag.grammemes:
            return _nominative(parse, word)
    if gender == "m" and _SURNAME.search(word):
        for ending in _MALE_CASE_ENDINGS:
            stem = word[: -len(ending)]
            if word.endswith(ending) and _SURNAME.search(stem):
                return stem
    return word


# A foreign man's surname takes the case endings of the given name before it (Эммануэля
# Макрона, Эммануэлю Макрону, с Эммануэлем Макроном).
_MALE_ENDINGS_BY_CASE = {
    "gent": ("а", "я"),
    "accs": ("а", "я"),
    "datv": ("у", "ю"),
    "ablt": ("ом", "ем"),
    "loct": ("е",),
}


def _uninflected(word: str, case: str) -> str:
    for ending in _MALE_ENDINGS_BY_CASE.get(case, ()):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def _nominative(parse: Any, word: str) -> str:
    if "Fixd" in parse.tag.grammemes:
        return word
    inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    form = inflected.word if inflected is not None else parse.normal_form
    if "ё" not in word.lower():
        form = form.replace("ё", "е")  # the press writes Петр, not Пётр, unless the text does
    return "-".join(part.capitalize() for part in form.split("-"))


def person_name(words: list[str]) -> tuple[str, str]:
    """The nominative name of a run of name words (patronymics dropped) and its gender."""
    return _person_name(tuple(words))


@lru_cache(maxsize=WORD_CACHE)
def _person_name(words: tuple[str, ...]) -> tuple[str, str]:
    parsed = [name_word(word, i > 0) or NameWord(word, "", "") for i, word in enumerate(words)]
    gender = next((p.gender for p in parsed if p.part in ("Name", "Patr") and p.gender), "")
    gender = gender or next((p.gender for p in parsed if p.gender), "")
    case = next((p.case for p in parsed if p.part == "Name"), "")
    shown = []
    for word, parse in zip(words, parsed, strict=True):
        if parse.part == "Patr" and len(words) > 1:
            continue
        surname = parse.part == "Surn" or (parse.part == "" and len(words) > 1)
        if surname and gender == "m" and in_gender(word, gender) == word:
            shown.append(_uninflected(word, case))
        else:
            shown.append(in_gender(word, gender) if surname else parse.nominative)
    return " ".join(shown), gender
