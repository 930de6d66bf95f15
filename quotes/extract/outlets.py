"""Gazetteer of news outlets and official channels (package data `data/outlets.json`).

Matching is by key: `quotes.extract.names.fold`, then a leading "the" dropped, so "The Associated
Press", "associated press" and "ASSOCIATED PRESS" meet. When the whole text is not a known name, the
longest run of words inside a short text that is one is taken ("Russia's state-run Tass news agency"
-> TASS). Limits: ambiguous short names ("the Post", "the Times") are left out on purpose; a name
that is not listed gives None and callers keep the words as written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from quotes.extract.lexicon import package_data
from quotes.extract.names import fold

OUTLET_KINDS = ("news agency", "newspaper", "broadcaster", "government", "other")
# Longer texts are sentences, not names: only short texts are searched for a name inside them.
_MAX_WORDS_SEARCHED = 10
_MAX_NAME_WORDS = 8


CHANNEL_FORMS: tuple[str, ...] = (
    "statement",
    "report",
    "readout",
    "footage",
    "interview",
    "post",
    "video",
    "transcript",
    "broadcast",
    "release",  # "a press release"
)
"""Words that name the form a remark came in ("a Kremlin statement", "Russian media footage"):
they mark a relay phrase, and the relay's outlet is what remains without them."""


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """One outlet or official channel: canonical name, kind, ISO country code, other names."""

    name: str
    kind: str  # one of OUTLET_KINDS
    country: str | None
    aliases: tuple[str, ...]


def outlet_key(text: str) -> str:
    """The matching key of an outlet name: folded, without a leading article."""
    key = fold(text)
    for article in ("the ", "a ", "an "):
        if key.startswith(article):
            return key[len(article) :]
    return key


@cache
def all_outlets() -> tuple[OutletInfo, ...]:
    """Every outlet in the gazetteer, in file order."""
    entries = package_data("data/outlets.json")
    return tuple(
        OutletInfo(
            name=item["name"],
            kind=item["kind"],
            country=item.get("country"),
            aliases=tuple(item.get("aliases", ())),
        )
        for item in entries
    )


@cache
def _index() -> dict[str, OutletInfo]:
    index: dict[str, OutletInfo] = {}
    for outlet in all_outlets():
        for name in (outlet.name, *outlet.aliases):
            index.setdefault(outlet_key(name), outlet)
    return index


# Lookups remembered by the words looked up (bounded: cleared when full). The same phrases
# ("Putin", "the Kremlin", "Tass") are looked up many times in an article and across articles.
_LOOKUPS: dict[tuple[str, bool], OutletInfo | None] = {}
_MAX_LOOKUPS = 50_000


def lookup_outlet(text: str, exact: bool = False) -> OutletInfo | None:
    """The outlet `text` names: exactly, or (unless `exact`) as the longest known name inside a
    short text."""
    key = (text, exact)
    try:
        return _LOOKUPS[key]
    except KeyError:
        pass
    found = _lookup_outlet(text, exact)
    if len(_LOOKUPS) >= _MAX_LOOKUPS:
        _LOOKUPS.clear()
    _LOOKUPS[key] = found
    return found


def _lookup_outlet(text: str, exact: bool) -> OutletInfo | None:
    index = _index()
    key = outlet_key(text)
    if not key:
        return None
    found = index.get(key)
    if found is not None or exact:
        return found
    words = key.split()
    if len(words) > _MAX_WORDS_SEARCHED:
        return None
    for size in range(min(len(words), _MAX_NAME_WORDS), 0, -1):
        for first in range(len(words) - size + 1):
            found = index.get(" ".join(words[first : first + size]))
            if found is not None:
                return found
    return None


@cache
def platforms() -> dict[str, str]:
    """The platforms a remark is posted on ("wrote on Telegram", "posted on X"), each name as
    written (case matters: "X", "VK") to its canonical name (package data `data/platforms.json`).
    They are relays, never speakers, so they stay out of the gazetteer of outlets."""
    data: dict[str, list[str]] = package_data("data/platforms.json")
    return {alias: name for name, aliases in data.items() for alias in aliases}
