"""Speakers and relays named after the words: a subhead's quotation that the next paragraph
reports someone saying, an unnamed official whom a later sentence names ("A foreign ministry
spokesperson urged ..." then "Spokesperson Mao Ning made the remarks at a briefing"), and the
outlet a later sentence says reported the remarks ("Fidan made the comments ..., the Anadolu
Agency reported"). Passes over an article's results once its paragraphs are read."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from quotes.extract.mentions import Via, bare
from quotes.extract.outlets import lookup_outlet
from quotes.extract.registry import Registry
from quotes.extract.relays import relay_outlet
from quotes.records import Quotation

# Rules that credit a quotation by position only, which the words said next may overrule.
_BY_POSITION = frozenset({"continues-previous", "unattributed"})
_SUBHEAD_WORDS = 15
_SHARED_WORDS = 0.6
_WORD = re.compile(r"[^\W\d_]{3,}")


def subheads_attributed(text: str, results: list[Quotation]) -> list[Quotation]:
    """A subhead that is a quotation alone ("“We will never give up”"), with no cue of its own,
    is the words of whoever the next paragraph reports saying them ("Zelensky said his country
    would never give up"), not of the headline's subject or the last speaker."""
    by_paragraph: dict[int, list[Quotation]] = {}
    for q in results:
        by_paragraph.setdefault(q.paragraph, []).append(q)
    found = []
    for q in results:
        if q.rule in _BY_POSITION and _alone_and_short(text, q):
            said = _said_next(q, by_paragraph)
            if said is not None:
                q = replace(
                    q,
                    speaker=said.speaker,
                    speaker_kind=said.speaker_kind,
                    role=said.role,
                    speaker_text=said.speaker_text,
                    via=said.via,
                    via_text=said.via_text,
                    rule="subhead-said-next",
                )
        found.append(q)
    return found


def _alone_and_short(text: str, q: Quotation) -> bool:
    """Whether the quotation is short and alone on its line, but for its marks (read outwards
    from the quotation only as far as marks and spaces go: no line is read whole)."""
    if len(q.text.split()) > _SUBHEAD_WORDS:
        return False
    start, end = q.start, q.end
    while start > 0 and text[start - 1] in _AROUND:
        start -= 1
    while end < len(text) and text[end] in _AROUND_AFTER:
        end += 1
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


_AROUND = " \t“”\"‘’'«»"
_AROUND_AFTER = _AROUND + ".!?"


def _said_next(q: Quotation, by_paragraph: dict[int, list[Quotation]]) -> Quotation | None:
    words = {w.lower() for w in _WORD.findall(q.text)}
    if not words:
        return None
    for paragraph in (q.paragraph + 1, q.paragraph + 2):
        for other in by_paragraph.get(paragraph, ()):
            if other.speaker is None or other.rule in _BY_POSITION:
                continue
            shared = words & {w.lower() for w in _WORD.findall(other.text)}
            if len(shared) >= _SHARED_WORDS * len(words):
                return other
    return None


def _remarks_made(text: str) -> list[int]:
    """Where "made the remarks" or "delivered his comments" begins, in text order: the nouns
    found by plain string search (quick on any text), the verb checked before each."""
    places = []
    for noun in ("remarks", "comments"):
        at = text.find(noun)
        while at >= 0:
            made = _MADE_BEFORE.search(text, max(0, at - 20), at)
            if made is not None:
                places.append(made.start())
            at = text.find(noun, at + 1)
    return sorted(places)


# "Spokesperson Mao Ning made the remarks at a daily press briefing", "Xi made the comments".
_MADE_BEFORE = re.compile(r"\b(?:made|delivered) (?:the|these|those|his|her|their) $")
_NAMING_REACH = 600
"""How far before "made the remarks" an unnamed speaker may stand (a paragraph or two)."""


def named_after(text: str, results: list[Quotation], registry: Registry) -> list[Quotation]:
    """The article's results with the speakers and relays its later words name: subheads
    (`subheads_attributed`), then, where it says who "made the remarks", the official described
    before (`_described_then_named`) and the outlet that reported them (`_relayed_after`); the
    places of "made the remarks" are found once for both."""
    found = subheads_attributed(text, results)
    places = _remarks_made(text)
    if not places:
        return found
    found = _described_then_named(text, found, registry, places)
    return _relayed_after(text, found, registry, places)


def _described_then_named(
    text: str, results: list[Quotation], registry: Registry, places: list[int]
) -> list[Quotation]:
    """An official described without a name ("A Chinese Foreign Ministry spokesperson on
    Tuesday urged ...") is the person a later sentence says made those remarks ("Spokesperson
    Mao Ning made the remarks ..."), when that person's title fits the description."""
    found = list(results)
    by_start, starts = _in_text_order(found)
    for made in places:
        reach = max(0, made - _NAMING_REACH)  # bounded: a line of such sentences stays linear
        person = registry.first_person_between(_sentence_start(text, reach, made), made)
        if person is None:
            continue
        titles = registry.role_words_of(person)
        for index in by_start[bisect_left(starts, reach) : bisect_left(starts, made)]:
            head = _described_head(found[index])
            if head is not None and (not titles or head in titles):
                found[index] = replace(found[index], speaker=person, rule="named-later")
    return found


def _described_head(q: Quotation) -> str | None:
    """The head noun of a speaker described with no name ("spokesperson" for "foreign ministry
    spokesperson"), else None."""
    if q.speaker is None or q.role is None or q.speaker != q.role:
        return None
    return bare(q.role.split()[-1])


def _relayed_after(
    text: str, results: list[Quotation], registry: Registry, places: list[int]
) -> list[Quotation]:
    """ "Fidan made the comments at a news conference, the state-run Anadolu Agency reported":
    the outlet is the relay of the quotations of those remarks that have none (of the person
    the sentence names, within _NAMING_REACH before it, and after it until someone else is
    quoted or another relay is named), and the sentence is no claim of its own."""
    found = list(results)
    by_start, starts = _in_text_order(found)
    dropped: set[int] = set()
    for made in places:
        end = _sentence_end(text, made)
        relay = _reported_at_the_end(text, made, end)
        if relay is None:
            continue
        reach = max(0, made - _NAMING_REACH)
        sentence_start = _sentence_start(text, reach, made)
        person = registry.first_person_between(sentence_start, made)
        for index in by_start[bisect_left(starts, reach) : bisect_left(starts, end)]:
            q = found[index]
            if q.end > made and q.kind == "indirect" and q.speaker == relay.name:
                dropped.add(index)  # "Fidan made the comments ..." is no claim of Anadolu's
            earlier = q.start < sentence_start and q.via is None
            if earlier and person in (None, q.speaker):
                found[index] = replace(q, via=relay.name, via_text=relay.text)
        # The same account goes on after the sentence, until someone else is quoted.
        for index in by_start[bisect_left(starts, end) : bisect_left(starts, end + _NAMING_REACH)]:
            q = found[index]
            if index in dropped:
                continue
            if q.via is not None or q.speaker != person:
                break
            found[index] = replace(q, via=relay.name, via_text=relay.text)
    return [q for index, q in enumerate(found) if index not in dropped]


def _in_text_order(found: list[Quotation]) -> tuple[list[int], list[int]]:
    """The quotations' indices by start, and those starts (to bisect)."""
    by_start = sorted(range(len(found)), key=lambda i: found[i].start)
    return by_start, [found[i].start for i in by_start]


def _sentence_start(text: str, reach: int, at: int) -> int:
    """Where the sentence holding `at` starts (after a full stop or a line end), not before
    `reach`."""
    line_start = max(reach, text.rfind("\n", reach, at) + 1)
    return max(line_start, text.rfind(". ", line_start, at) + 1)


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding `at` ends (its full stop or line end), at most 400 on."""
    hi = min(len(text), at + 400)
    ends = [e for e in (text.find(". ", at, hi), text.find("\n", at, hi)) if e >= 0]
    return min(ends) + 1 if ends else hi


# "..., the state-run Anadolu Agency reported." at the end of the sentence.
_REPORTED_AT_THE_END = re.compile(r",\s+([^,;:“”\"]{2,80}?)\s+(?:reported|reports)\.?\s*$")


def _reported_at_the_end(text: str, lo: int, hi: int) -> Via | None:
    found = _REPORTED_AT_THE_END.search(text, lo, hi)
    if found is None:
        return None
    relay = relay_outlet(found.group(1))
    if relay is None or lookup_outlet(relay.name, exact=True) is None:
        return None  # a news outlet the gazetteer knows, not "..., his office reported"
    return relay
