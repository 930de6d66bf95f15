"""Meaning beside letters: British spellings in their American form (before stemming), and
words that independent translations swap for one another ("we will not bow to pressure" / "we
will not yield to pressure") mapped to one meaning.

Options measured for the meaning score (issue 14): a static word-embedding model shipped inside
a wheel, a synonym list built from data a package ships (WordNet), and our own list. Embedding
wheels that install offline are large and rank related words as close as synonyms
("increase" / "decrease"), which is what merges different remarks of one speaker in a week;
WordNet packages on the index download their data at run time. Our own list
(`data/en/meaning.json`) links the translation variants we see, costs a dictionary lookup per
word and loads nothing from the network, so it is what runs. What it does not do: phrases
("give in" / "yield") and words outside the list are compared by their letters only.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

_BRITISH_RULES = (
    (re.compile(r"^(.{3,}[^aeiou])is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^(.{2,}[^aeiou])ys(e|es|ed|ing)$"), r"\1yz\2"),
    (re.compile(r"^(.{2,}[^aeiou]|.{3,}i)our(s|ed|ing|able|ite|ites)?$"), r"\1or\2"),
    (re.compile(r"^(.{2,}[^aeiou])tre(s)?$"), r"\1ter\2"),
    (re.compile(r"^(.{3,}[aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
    (re.compile(r"^(.{3,})logue(s)?$"), r"\1log\2"),
)

"""Rules from British to American spelling (stabilise → stabilize, analyse → analyze, favour
→ favor, centre → center, travelled → traveled, dialogue → dialog). They need not be right
about every word: both sides of a comparison pass through them, so a word they bend wrongly
("promise" → "promize") still matches itself; they only must not make two words one."""


@cache
def _data() -> dict[str, object]:
    text = resources.files("quotes.remarks").joinpath("data/en/meaning.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def american(word: str) -> str:
    """The American spelling of a folded word (unchanged when it has none)."""
    spelling = _data()["spelling"]
    assert isinstance(spelling, dict)
    if word in spelling:
        return str(spelling[word])
    for pattern, replacement in _BRITISH_RULES:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    return word


def synonym_groups() -> list[list[str]]:
    """The groups of words of one meaning (each named by its first word)."""
    groups = _data()["synonyms"]
    assert isinstance(groups, list)
    return [[str(w) for w in group] for group in groups]
