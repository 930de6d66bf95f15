"""Word lists the extractor uses (package data `data/en/lexicon.json`), loaded once."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any


def package_data(path: str) -> Any:
    """A JSON file of the extractor's package data (`data/...`), parsed: word lists, the
    gazetteer, per-language data. Callers cache what they build from it."""
    return json.loads(resources.files("quotes.extract").joinpath(path).read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    title_words: frozenset[str]
    nationalities: frozenset[str]
    abbreviated_nationalities: dict[str, str]  # "u.s" (as `bare` writes "U.S.") -> "american"
    org_heads: frozenset[str]
    person_nouns: frozenset[str]
    abbreviations: frozenset[str]
    pronouns: dict[str, str]
    places: dict[str, str]
    months: dict[str, int]
    genders: dict[str, str]  # given names and gendered words ("hillary", "spokesman") -> f / m
    regions: frozenset[str]  # states, regions and cities written like names: never a person
    media_nouns: frozenset[str]  # "Speech", "Interview" after a name in a caption: no surname
    speech_nouns: frozenset[str]  # "warning", "claim": what someone said, owned by the speaker


@cache
def lexicon() -> Lexicon:
    data = package_data("data/en/lexicon.json")
    return Lexicon(
        speech_verbs=frozenset(data["speech_verbs"]),
        belief_verbs=frozenset(data["belief_verbs"]),
        title_words=frozenset(w.lower() for w in data["title_words"]),
        nationalities=frozenset(w.lower() for w in data["nationalities"]),
        abbreviated_nationalities=dict(data["abbreviated_nationalities"]),
        org_heads=frozenset(data["org_heads"]),
        person_nouns=_with_plurals(data["person_nouns"]),
        abbreviations=frozenset(data["abbreviations"]),
        pronouns=dict(data["pronouns"]),
        places=dict(data["places"]),
        months=dict(data["months"]),
        genders=_genders(data["given_names"]) | _genders(data["gendered_words"]),
        regions=frozenset(data["regions"]),
        media_nouns=frozenset(data["media_nouns"]),
        speech_nouns=frozenset(data["speech_nouns"]),
    )


def _with_plurals(nouns: list[str]) -> frozenset[str]:
    """The nouns and their regular plurals ("attorney" -> "attorneys", "spokesman" ->
    "spokesmen", "secretary" -> "secretaries"), so the list names each person once."""
    words = set(nouns)
    for noun in nouns:
        if noun.endswith("man"):
            words.add(noun[:-3] + "men")
        elif noun.endswith("y") and noun[-2:-1] not in ("a", "e", "o", "u"):
            words.add(noun[:-1] + "ies")
        elif noun.endswith(("s", "sh", "ch", "x")):
            words.add(noun + "es")
        else:
            words.add(noun + "s")
    return frozenset(words)


def _genders(lists: dict[str, list[str]]) -> dict[str, str]:
    return {word: gender[0] for gender, words in lists.items() for word in words}
