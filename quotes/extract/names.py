"""Name normalisation shared by speakers and outlets: matching keys, not display forms.

Keys are Latin letters and digits: a name in another script is transliterated (anyascii), so
"Владимир Путин" and "Vladimir Putin" share a key, and "РИА Новости" is RIA Novosti.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from anyascii import anyascii

_NON_WORD = re.compile(r"[^a-z0-9]+")
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")
# Transliteration endings that vary between outlets: Zelensky / Zelenskiy / Zelenskyy / Zelenskii.
_TRANSLIT_ENDINGS = (("yy", "y"), ("iy", "y"), ("ii", "y"), ("yi", "y"), ("ei", "ey"), ("ai", "ay"))
# Sergei / Sergey, Nikolai / Nikolay: the same Cyrillic й written two ways.
_PATRONYMIC = re.compile(r"[a-z]+(?:ovich|evich|ovna|evna)$")


@cache
def _latin(char: str) -> str:
    """One non-ASCII character (after NFKD) as Latin letters: a letter or digit of any script is
    transliterated ("Д" -> "D", "ø" -> "o"); a diacritic or punctuation mark is dropped."""
    if not char.isalnum():
        return ""
    return _NOT_ALNUM.sub("", anyascii(char))


def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes, transliterate letters of other scripts,
    collapse everything else to single spaces (Песков -> peskov)."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        decomposed = "".join(c if c.isascii() else _latin(c) for c in decomposed)
    ascii_only = decomposed.lower().replace("'", "")
    return _NON_WORD.sub(" ", ascii_only).strip()


def has_letters(name: str) -> bool:
    """Whether a name has a letter or digit in any script (the only names that are refused
    are those without one)."""
    return bool(fold(name))


def name_key(name: str) -> str:
    """The key two spellings of one name share: folded, without a leading "the", with
    transliteration endings unified ("the Kremlin" ~ "Kremlin", "Zelenskiy" ~ "Zelensky").
    Joint speakers match in any order ("Xi Jinping and Vladimir Putin" ~ "Vladimir Putin
    and Xi Jinping")."""
    folded = fold(name)
    parts = folded.split(" and ")
    if len(parts) > 1 and all(parts):
        return " and ".join(sorted(_single_name_key(part) for part in parts))
    return _single_name_key(folded)


def _single_name_key(folded: str) -> str:
    words = []
    if folded.startswith("the "):
        folded = folded[4:]
    for word in folded.split():
        for ending, replacement in _TRANSLIT_ENDINGS:
            if len(word) > 4 and word.endswith(ending):
                word = word[: -len(ending)] + replacement
                break
        words.append(word)
    if len(words) == 3 and _PATRONYMIC.match(words[1]):
        del words[1]  # Vladimir Vladimirovich Putin ~ Vladimir Putin
    return " ".join(words)


# Family names that come first in Chinese and Korean names as the press writes them
# (Wang Yi, Xi Jinping, Kim Jong Un): the surname of such a name is its first word.
SURNAME_FIRST = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin luo gao
    zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang
    yu du ye cheng wei su lu ding ren shen yao jin fu zhong xi qin wen qian kim park choi jung
    kang cho yoon jang lim shin""".split()
)


def surname_key(name: str) -> str:
    """The key of a person's surname: the last word, or the first in a Chinese or Korean
    name of two or three words ("Wang Yi" -> "wang")."""
    words = without_generational_suffix(name_key(name).split())  # "Marcos Jr." -> marcos
    if not words:
        return ""
    if 2 <= len(words) <= 3 and words[0] in SURNAME_FIRST:
        return words[0]
    written = name.split()
    if len(written) == 2 and GIVEN_AFTER_FAMILY.fullmatch(written[1]):
        return words[0]  # "Moon Jae-in", "Ban Ki-moon": a family name first, a hyphenated given
    return words[-1]


GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Name keys of the words after a surname that tell a son from his father ("Jr.", "III")."""


def without_generational_suffix(keys: list[str]) -> list[str]:
    """The name keys of a name's words up to its surname: without "jr", "iii" after it."""
    end = len(keys)
    while end > 1 and keys[end - 1] in GENERATIONAL_SUFFIXES:
        end -= 1
    return keys[:end]


GIVEN_AFTER_FAMILY = re.compile(r"[A-Z][a-z]+-[a-z]+")
"""A Korean given name as the press writes it after the family name ("Jae-in", "Sun-won")."""

DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
"""Initials with dots, one word: a country's ("U.S.") or a person's ("J.J.")."""
