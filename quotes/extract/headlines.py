"""Headlines: claims in a headline ("Lavrov: West seeks ..."), its speaker, titles of works in
quote marks (not speech), and whether a quotation is direct (whole sentences) or partial."""

from __future__ import annotations

import re

from quotes.extract.before_cue import (
    subject_before,
)
from quotes.extract.claim_spans import (
    sentence_content_end,
    trimmed,
)
from quotes.extract.claims import (
    claim_record,
)
from quotes.extract.cleaning import Paragraph
from quotes.extract.lexicon import lexicon
from quotes.extract.quotemarks import QuoteSpan
from quotes.extract.registry import (
    Registry,
)
from quotes.extract.resolve import (
    resolve_speaker,
)
from quotes.extract.sentences import (
    last_visible,
)
from quotes.extract.state import (
    Speaker,
    State,
)
from quotes.records import QuoteKind

_TITLE_LEAD = re.compile(
    r"(?:[’']s|\b(?:on|of|titled|called|named|dubbed|themed|entitled|code-?named"
    r"|slogan|motto|theme|hashtag|show|program|programme|book|"
    r"film|movie|series|song|podcast|column|essay|article|pageant|album|memoir|novel|hit|hits|"
    r"including|like))\s*,?\s*$"
)


def is_title_cased(text: str, paragraph: Paragraph) -> bool:
    """A headline with every word capitalised ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’
    Destroying GOP"), where title-cased words in quote marks say nothing of a title."""
    if paragraph.kind != "headline":
        return False
    words = [w for w in text[paragraph.start : paragraph.end].split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper() or w in _TITLE_MINOR_WORDS)
    return len(words) >= 4 and capitalised == len(words)


_HEADLINE_CUE = re.compile(r"\b(?:Says|Said|Tells|Told|Warns|Claims|Insists|Admits)\b")


def headline_claim(
    text: str, lo: int, hi: int, index: int, registry: Registry, state: State
) -> None:
    """ "Chris Christie Says He Would Issue A Quarantine Over Zika Virus": a title-cased
    headline's capitalised reporting verb, its subject and what follows it."""
    cue = _HEADLINE_CUE.search(text, lo, hi)
    if cue is None:
        return
    mention = subject_before(text, lo, cue.start())
    if mention is None or mention.kind not in ("person", "organisation", "plural", "outlet"):
        return
    span = trimmed(text, cue.end(), sentence_content_end(text, lo, hi))
    speaker = resolve_speaker(mention, registry, state, lo)
    if span is None or speaker is None:
        return
    start, end = span
    if text.startswith("That ", start):
        start += 5
    verb = cue.group().lower()
    state.results.append(
        claim_record(text, (start, end), speaker, verb, index, 0.4, "headline-claim")
    )


_HEADLINE_LABEL = re.compile(r"([A-Z][\w’'\-]+): (?=[A-Z])")


def labelled_headline_claim(
    text: str, lo: int, hi: int, index: int, registry: Registry, state: State
) -> bool:
    """ "Lavrov: West seeks to drag Central Asia into confrontation": a headline labelled with
    the surname of a person the article names in full is that person's claim. Not "Ukraine
    war: ...", whose label is a topic."""
    label = _HEADLINE_LABEL.match(text, lo, hi)
    if label is None:
        return False
    person = registry.resolve_name(label.group(1), lo)
    span = trimmed(text, label.end(), sentence_content_end(text, lo, hi))
    if " " not in person or span is None:
        return False
    speaker = Speaker(person, "person", None, label.group(1))
    state.results.append(claim_record(text, span, speaker, ":", index, 0.4, "headline-label"))
    return True


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+s\b")

# Verbs headlines report speech with that running text rarely does.
_HEADLINE_VERBS = frozenset(
    "hammers rips speaks grills torches roasts knocks lashes bashes trashes scolds chides "
    "rebukes derides hails lauds reveals labels brands dubs jabs".split()
)


def headline_speaker(
    text: str, quote: QuoteSpan, paragraph: Paragraph, registry: Registry, state: State
) -> Speaker | None:
    """A title-cased headline's reporting verb, capitalised like every word in it: "Chris
    Christie Calls Hillary Clinton ‘A Disgrace’", "Trump ‘The Dealmaker’ Could Address Clean
    Energy, Lindsey Graham Says": the name the headline or its clause opens with is the speaker.
    """
    speech = lexicon().speech_verbs
    for verb in _CAPITALISED_WORD.finditer(text, paragraph.start, paragraph.end):
        word = verb[0].lower()
        if word not in speech and word not in _HEADLINE_VERBS:
            continue
        if quote.mark_start <= verb.start() < quote.mark_end:
            continue
        clause = max(paragraph.start, text.rfind(", ", paragraph.start, verb.start()) + 2)
        if verb.start() < quote.mark_start:
            clause = paragraph.start  # the name opens the headline, then the verb, then the quote
        mention = subject_before(text, clause, verb.start())
        if mention is None or mention.kind not in ("person", "organisation"):
            continue
        if text[clause : mention.start].strip():
            continue
        return resolve_speaker(mention, registry, state, paragraph.start)
    return None


def names_a_work(text: str, quote: QuoteSpan, lo: int) -> bool:
    """A title in quote marks: markup ("tweet-date="...""), or title-cased words after a possessive
    or a word that names a work ("on NBC's “Today”", "author of “America's Bitter Pill”")."""
    if quote.mark_start > 0 and text[quote.mark_start - 1] == "=":
        return True
    words = text[quote.start : quote.end].rstrip(",.")
    if not looks_like_title(words, 12) or quote.mark_start <= lo:
        return False
    return _TITLE_LEAD.search(text, max(lo, quote.mark_start - 30), quote.mark_start) is not None


def looks_like_title(words: str, most: int = 8) -> bool:
    """ "Make America Great Again", "Barton Fink": a name or title in quote marks, of at most
    `most` words."""
    count = 0
    for match in _NON_SPACE.finditer(words):  # stops at the first word that decides
        word = match.group()
        if not word[:1].isalnum():
            continue
        if not (word[0].isupper() or word[0].isdigit() or word in _TITLE_MINOR_WORDS):
            return False  # a number counts as a title's word: "13th", "1984"
        count += 1
        if count > most:
            return False
    return count > 0


_NON_SPACE = re.compile(r"\S+")

_TITLE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "with", "by"}
)


def quote_kind(text: str, quote: QuoteSpan, lo: int, paragraph: Paragraph) -> QuoteKind:
    first = text[quote.start : quote.start + 1]
    before = last_visible(text, lo, quote.mark_start)
    whole = before in ("", ":") or (
        before == "," and text[quote.start : quote.end].rstrip()[-1:] in (".", "!", "?")
    )  # "he laughed and said, “We’ll see.”": a whole sentence after a comma
    if whole and (first.isupper() or first in "[(“‘\"'0123456789"):
        return "direct"
    return "partial"


# "‘See you in Beijing’: Xi’s parting words to Putin": after the quotation and a colon, a name's
# possessive and a noun for what was said.
_POSSESSOR_OF_WORDS = re.compile(
    r": ((?:[A-Z][\w\-]+ ){0,2}[A-Z][\w\-]+)[’']s (?:[a-z\-]+ ){0,2}(?:words|message|remarks"
    r"|warning|vow|pledge|plea|promise|reply|retort|response|verdict|advice|threat|farewell"
    r"|appeal|rebuke|boast)\b"
)


def quotation_then_possessor(
    text: str, quote: QuoteSpan, paragraph: Paragraph, registry: Registry
) -> Speaker | None:
    """A headline that opens with a quotation labelled as someone's words after a colon
    ("‘See you in Beijing’: Xi’s parting words to Putin") gives it to that person, named in full
    as the article names them."""
    if quote.mark_start != paragraph.start or not quote.closed:
        return None
    label = _POSSESSOR_OF_WORDS.match(text, quote.mark_end, paragraph.end)
    if label is None:
        return None
    person = registry.resolve_name(label.group(1), paragraph.start)
    return Speaker(person, "person", None, label.group(1))
