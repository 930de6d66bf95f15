"""The outlet gazetteer: names and aliases meet after folding case, diacritics and "the"."""

from __future__ import annotations

import pytest

from quotes.extract.outlets import OUTLET_KINDS, all_outlets, lookup_outlet


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Tass", "TASS", "news agency"),
        ("TASS", "TASS", "news agency"),
        ("Russian news agency Tass", "TASS", "news agency"),
        ("South China Morning Post", "South China Morning Post", "newspaper"),
        ("SCMP", "South China Morning Post", "newspaper"),
        ("Reuters", "Reuters", "news agency"),
        ("The Associated Press", "Associated Press", "news agency"),
        ("AP", "Associated Press", "news agency"),
        ("Chinese state news agency Xinhua", "Xinhua", "news agency"),
        ("RIA Novosti", "RIA Novosti", "news agency"),
        ("Sputnik", "Sputnik", "news agency"),
        ("the Kremlin", "Kremlin", "government"),
        ("China's foreign ministry", "Chinese Foreign Ministry", "government"),
        ("Beijing’s foreign ministry", "Chinese Foreign Ministry", "government"),
        ("Chinese foreign ministry", "Chinese Foreign Ministry", "government"),
        ("Russian Duma", "Russian State Duma", "government"),
        ("CBS", "CBS", "broadcaster"),
        ("Wall Street Journal", "The Wall Street Journal", "newspaper"),
        ("new york times", "The New York Times", "newspaper"),
        ("Washington Post", "The Washington Post", "newspaper"),
        ("CNN", "CNN", "broadcaster"),
        ("Fox News", "Fox News", "broadcaster"),
        ("Breitbart", "Breitbart", "other"),
        ("Politico", "Politico", "other"),
        ("Libération", "Libération", "newspaper"),
        ("Liberation", "Libération", "newspaper"),
        ("Russia's state-run RIA Novosti news agency", "RIA Novosti", "news agency"),
    ],
)
def test_lookup_finds_outlet(text: str, name: str, kind: str) -> None:
    found = lookup_outlet(text)
    assert found is not None
    assert (found.name, found.kind) == (name, kind)


@pytest.mark.parametrize("text", ["", "   ", "Nikolai Patrushev", "the weather on Monday"])
def test_lookup_unknown_is_none(text: str) -> None:
    assert lookup_outlet(text) is None


def test_long_sentence_is_not_searched() -> None:
    sentence = "the man who once read Reuters every morning said nothing at all to anyone there"
    assert lookup_outlet(sentence) is None


def test_gazetteer_is_large_and_well_formed() -> None:
    outlets = all_outlets()
    assert len(outlets) >= 300
    assert all(o.kind in OUTLET_KINDS for o in outlets)
    assert len({o.name for o in outlets}) == len(outlets)
