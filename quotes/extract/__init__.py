"""Extract: the pure text core. Takes an article's text (and its date); gives `Quotation` records
with speaker, role, cue, relay outlet and date. No database, no terminal.

The article travels through these modules in order:
  cleaning (paragraphs, boilerplate) → quotemarks (quoted stretches) → sentences (the reporter's
  sentences, datelines) → cues (reporting verbs) and cue_subjects (who stands at a cue) →
  before_cue / subjects (the speaker phrase) → classify (person, organisation, outlet,
  description) → registry (the article's names: surnames, descriptions, nicknames) → resolve
  (pronouns, descriptions, documents to a speaker) → cue_choice (which cue a quotation takes) →
  no_cue (sign-offs, transcripts, polls, lead-ins, continuing speakers) → headlines → claims
  (reported speech without quote marks) → relays (the outlet a remark came through) → dates
  (the day it was said). `pipeline` runs them; `state` holds the records they pass.
What is English lives in data (`data/en/lexicon.json`, read by `lexicon`), and the gazetteer of
outlets in `data/outlets.json` (read by `outlets`); `names` makes the matching keys of names, and
`transliteration` the looser key one person shares across scripts.
`language` picks the rules: Russian articles go to `russian` (its words in `data/ru/`, names in
the nominative by `russian_names`); articles in a language without rules get their quotations
by their marks only.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotes.extract.cleaning import Paragraph, content_paragraphs, split_paragraphs
    from quotes.extract.dates import said_on
    from quotes.extract.pipeline import extract_quotations
    from quotes.extract.quotemarks import QuoteSpan, find_quotes
    from quotes.extract.registry import Registry

_EXPORTS = {
    "Paragraph": "cleaning",
    "content_paragraphs": "cleaning",
    "split_paragraphs": "cleaning",
    "said_on": "dates",
    "extract_quotations": "pipeline",
    "QuoteSpan": "quotemarks",
    "find_quotes": "quotemarks",
    "Registry": "registry",
}
"""Loaded when first used, so that importing one small module of this package (`names`, say, as
every database command does) does not load the whole rule engine."""

__all__ = [
    "Paragraph",
    "QuoteSpan",
    "Registry",
    "content_paragraphs",
    "extract_quotations",
    "find_quotes",
    "said_on",
    "split_paragraphs",
]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'quotes.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(f"quotes.extract.{_EXPORTS[name]}"), name)
