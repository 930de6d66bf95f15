"""Name normalisation shared by speakers and outlets: matching keys, not display forms."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Transliteration endings that vary between outlets: Zelensky / Zelenskiy / Zelenskyy / Zelenskii.
_TRANSLIT_ENDINGS = (("yy", "y"), ("iy", "y"), ("ii", "y"), ("yi", "y"))


def fold(text: str) -> str:
    """Lower-case, strip diacritics and apostrophes, collapse everything else to single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    ascii_only = ascii_only.replace("'", "")
    return _NON_WORD.sub(" ", ascii_only).strip()


def name_key(name: str) -> str:
    """The key two spellings of one name share: folded, without a leading "the", with
    transliteration endings unified ("the Kremlin" ~ "Kremlin", "Zelenskiy" ~ "Zelensky")."""
    words = []
    folded = fold(name)
    if folded.startswith("the "):
        folded = folded[4:]
    for word in folded.split():
        for ending, replacement in _TRANSLIT_ENDINGS:
            if len(word) > 4 and word.endswith(ending):
                word = word[: -len(ending)] + replacement
                break
        words.append(word)
    return " ".join(words)


def surname_key(name: str) -> str:
    """The key of the last word of a name (a person's surname in Western order)."""
    key = name_key(name)
    return key.rsplit(" ", 1)[-1] if key else ""
