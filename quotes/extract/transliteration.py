"""One person across scripts: a looser key under which the spellings the English-language press
uses for a Russian name and the letter-by-letter transliteration of its Cyrillic meet.

`names.name_key` transliterates («Николай Патрушев» is "nikolai patrushev"), but the press
writes some letters its own way: Мария is Maria (not Mariya), Юрий is Yuri (not Yury), Алексей
is Alexei. `cross_script_key` folds those differences on both sides; it is used only to match a
name in one script with a stored name in another, where a surname already agrees.
"""

from __future__ import annotations

import re

from quotes.extract.names import name_key

_FOLDS = (
    (re.compile(r"x"), "ks"),
    (re.compile(r"iya\b"), "ia"),
    (re.compile(r"([aeiou])y(?=[^aeiou]|\b)"), r"\1i"),
    (re.compile(r"(?<=[^aeiou])y\b"), "i"),
    (re.compile(r"ye"), "e"),
    (re.compile(r"yo"), "e"),
    (re.compile(r"j"), "i"),
)


def cross_script_key(name: str) -> str:
    """The key two spellings of one name share across scripts and transliteration habits."""
    key = name_key(name)
    for pattern, replacement in _FOLDS:
        key = pattern.sub(replacement, key)
    return key


def crosses_scripts(first: str, second: str) -> bool:
    """Whether one of two names is written in Latin letters and the other is not."""
    return first.isascii() != second.isascii()
