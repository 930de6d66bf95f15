"""The language of an article: which attribution rules apply to it.

A cheap look at the letters first, so English stays fast: mostly Cyrillic text is Russian
(Ukrainian, Belarusian or Serbian when their own letters show), Latin text with the common English
function words is English. Only text the letters leave undecided (Latin, but not plainly English)
goes to py3langid, a maintained detector that ships its model (the `[russian]` extra), restricted
to the languages news wires write in; without it such text counts as English, as it always did.

The reporter's words decide, not the quoted ones: an English article quoting Russian in the
original is English, since its attribution is written in English. Limits: the first
`SAMPLE_CHARS` characters decide; a mixed article takes its larger part.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

SAMPLE_CHARS = 3000
"""Characters looked at: enough for a stable answer, few enough to cost nothing per article."""

ENGLISH_SAMPLE_CHARS = 1000
"""Characters whose words decide whether Latin text is plainly English."""

RULED_LANGUAGES = frozenset({"en", "ru"})
"""Languages with attribution rules; others get their quotations by their marks only."""

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_RUN = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_WORD = re.compile(r"[A-Za-z']+")
# Letters only some Cyrillic alphabets have: Ukrainian, Belarusian, Serbian/Macedonian.
_OTHER_CYRILLIC = (("uk", re.compile(r"[іїєґІЇЄҐ]")), ("be", re.compile(r"[ўЎ]")))
_SERBIAN = re.compile(r"[ђћџљњјЂЋЏЉЊЈ]")
_ENGLISH_WORDS = frozenset(
    "the of and to in that is was for on with said says by as at from has have it".split()
)
_ENGLISH_SHARE = 0.08
"""Share of words that must be English function words for Latin text to be plainly English
(English news runs at 0.25-0.35; French, German or Spanish at under 0.03)."""
_DETECTOR_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "pl", "tr", "id", "sv"]


_QUOTED = re.compile(r"«[^»\n]{0,2000}»|“[^”\n]{0,2000}”|„[^“”\n]{0,2000}[“”]|\"[^\"\n]{0,2000}\"")
_MIN_UNQUOTED_LETTERS = 40
"""Letters that must remain outside quotation marks for them alone to decide."""


def _reporters_words(sample: str) -> str:
    """The sample without its quoted stretches, when enough of it is left to decide."""
    unquoted = _QUOTED.sub(" ", sample)
    letters = sum(1 for c in unquoted if c.isalpha())
    return unquoted if letters >= _MIN_UNQUOTED_LETTERS else sample


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text`'s language ("en" for empty or undecidable text)."""
    sample = text[:SAMPLE_CHARS]
    if _CYRILLIC.search(sample) is not None:
        sample = _reporters_words(sample)
    if _CYRILLIC.search(sample) is not None:  # counting letters costs; most text has none
        cyrillic = len(_CYRILLIC.findall(sample))
        if cyrillic > len(_LATIN_RUN.findall(sample)) * 4:  # ~4 Latin letters a run
            latin = sum(len(run) for run in _LATIN_RUN.findall(sample))
            if cyrillic > latin:
                return _cyrillic_language(sample, cyrillic)
    words = _WORD.findall(sample, 0, ENGLISH_SAMPLE_CHARS)
    if not words:
        return "en"
    english = sum(1 for word in words if word.lower() in _ENGLISH_WORDS)
    if english >= _ENGLISH_SHARE * len(words):
        return "en"
    detector = _detector()
    if detector is None:
        return "en"
    code, _ = detector.classify(sample)
    return str(code)


def has_rules(language: str | None) -> bool:
    """Whether the extractor attributes quotations in `language` (None: English, as before)."""
    return language is None or language in RULED_LANGUAGES


def _cyrillic_language(sample: str, cyrillic: int) -> str:
    for code, letters in _OTHER_CYRILLIC:
        if len(letters.findall(sample)) * 100 >= cyrillic:
            return code
    if len(_SERBIAN.findall(sample)) * 100 >= cyrillic:
        return "sr"
    return "ru"


@cache
def _detector() -> Any | None:
    """py3langid's identifier restricted to the wire languages, or None without the extra."""
    try:
        from py3langid import langid
    except ImportError:
        return None
    langid.set_languages(_DETECTOR_LANGUAGES)
    return langid
