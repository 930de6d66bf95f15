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

from quotes.extract.cleaning import Paragraph, content_paragraphs, split_paragraphs
from quotes.extract.dates import said_on
from quotes.extract.pipeline import extract_quotations
from quotes.extract.quotemarks import QuoteSpan, find_quotes
from quotes.extract.registry import Registry

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
