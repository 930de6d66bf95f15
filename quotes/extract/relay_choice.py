"""Choosing a quotation's relay: the relay phrases of its sentence (`quotes.extract.relays`), or
the one carried from the same speaker's earlier account, until another speaker or account takes
over ("“...,” Peskov told Interfax. ... “...,” he added" keeps Interfax; "At a meeting with
students" opens another account)."""

from __future__ import annotations

import re
from dataclasses import replace

from quotes.extract.mentions import (
    OUTLET_KINDS_RELAYING,
    Via,
    bare,
    last_visible_at,
)
from quotes.extract.outlets import (
    CHANNEL_FORMS,
    lookup_outlet,
    platforms,
)
from quotes.extract.relays import named_body, relay_outlet
from quotes.extract.state import (
    Cue,
    Speaker,
    State,
)


class _SentenceSearches:
    """The first match of each pattern in the sentence last asked about: the relay of every
    quotation of a sentence asks the same questions of it, and a sentence of a thousand
    quotations must not be searched a thousand times."""

    def __init__(self) -> None:
        self.text: str | None = None  # the text itself, not its id: an id may be reused
        self.span = (-1, -1)
        self.found: dict[re.Pattern[str], re.Match[str] | None] = {}

    def first(self, pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
        if text is not self.text or (lo, hi) != self.span:
            self.text, self.span, self.found = text, (lo, hi), {}
        if pattern not in self.found:
            self.found[pattern] = pattern.search(text, lo, hi)
        return self.found[pattern]


_SEARCHED = _SentenceSearches()


def in_sentence(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`pattern.search(text, lo, hi)`, remembered for the sentence `text[lo:hi]`."""
    return _SEARCHED.first(pattern, text, lo, hi)


def statement_without_source(text: str, lo: int, hi: int) -> bool:
    """ "in a statement", "a statement from the embassy said", with no outlet named: the
    speaker's own statement."""
    return in_sentence(_STATEMENT, text, lo, hi) is not None


_STATEMENT = re.compile(r"\b(?:[Ii]n an?|[Aa]n?) (?:\w+ )?statement\b(?! by)")


RELAYING = re.compile(r" in an? (?:\w+ )?(statement|readout)\b")

# --- Relay outlets ----------------------------------------------------------------------------


def via_for(
    speaker: Speaker | None,
    chosen: Cue | None,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    text: str,
    lo: int,
    hi: int,
    index: int,
    state: State,
) -> Via | None:
    if speaker is None:
        return None
    explicit = _explicit_via(speaker, chosen, cues, vias, text, lo, hi)
    if (
        explicit is not None
        and explicit.name.casefold() == speaker.name.casefold()
        and speaker.kind != "outlet"
        and not any(word in CHANNEL_FORMS for word in explicit.text.lower().split())
    ):  # "according to the State Department": the body itself, no relay; not "according to
        explicit = None  # a statement from China's foreign ministry", its statement
    if explicit is not None:
        event = in_sentence(_OWN_EVENT, text, lo, hi)
        remembered = replace(explicit, occasion=event.group(1)) if event is not None else explicit
        state.via_record = (remembered, speaker, index)
        return explicit
    quoted_by = _quoting_outlet_before(text, chosen, index, state)
    if quoted_by is not None:
        return quoted_by
    record = state.via_record
    if record is not None and _new_account(text, lo, hi, chosen, record[0]):
        record = None
    if record is not None and in_sentence(_ANOTHER_MEETING, text, lo, hi) is None:
        via, via_speaker, via_paragraph = record
        if index - via_paragraph <= 3 and _same_account(speaker, via_speaker):
            state.via_record = (via, speaker, via_paragraph)
            return via
    state.via_record = None
    return None


def _quoting_outlet_before(text: str, chosen: Cue | None, index: int, state: State) -> Via | None:
    """ "North Korea's state media reported that Kim had inspected a factory. “...,” Kim was
    quoted as saying": quoted with no one named as quoting, by the outlet that just reported."""
    if (
        chosen is None
        or chosen.verb != "quoted"
        or not _PASSIVE_QUOTED.match(text, max(0, chosen.start - 8), chosen.end + 12)
    ):
        return None
    for q in reversed(state.results[-5:]):
        if q.paragraph < index - 1:
            break
        if q.speaker is not None and q.speaker_kind == "organisation" and q.via is None:
            outlet = lookup_outlet(q.speaker, exact=True)
            if outlet is not None and outlet.kind in OUTLET_KINDS_RELAYING:
                return Via(outlet.name, q.speaker)
            if outlet is None and _news_words(q.speaker):
                return relay_outlet(q.speaker)  # "North Korea's state media"
    return None


def _news_words(phrase: str) -> bool:
    return bool({bare(w) for w in phrase.split()} & _NEWS_WORDS)


_NEWS_WORDS = frozenset(
    {"media", "agency", "television", "tv", "radio", "newspaper", "broadcaster"}
)

_PASSIVE_QUOTED = re.compile(r".*\b(?:was|were|is|are) quoted as saying\s*[.,]?\s*$", re.DOTALL)


# "Asked by reporters on Tuesday, Shoigu said", "Speaking at a news conference, she said", "On
# Monday, he said": an occasion of its own, told by the article itself.
_OWN_OCCASION = re.compile(
    r"\W*(?:(?:Later|Earlier)(?: on \w+)?,?\s+)?"
    r"(?:Asked by|Speaking (?:to|at|with|during|after|on|in)|Addressing|Answering questions"
    r"|(?:[Aa]t|[Dd]uring) an? (?:news|press) (?:conference|briefing)"
    r"|(?:On|Later on|Earlier on) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),"
    r"|(?:Last|Earlier this|Earlier last) (?:week|month|year)"
    r"|In (?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|\d{4})\b)"
    r"(?=\W)"
)


def _new_account(text: str, lo: int, hi: int, chosen: Cue | None, relay: Via) -> bool:
    """A sentence that opens an attribution of its own ("According to Shoigu, ...", "Asked by
    reporters, Shoigu said: ...") is no longer the account an earlier relay gave; nor is one
    that names an event, after words spoken to an outlet ("Putin told Rossiya-1 ..." then "At a
    meeting with students, Putin said"; but after "Anadolu reported" or "according to a
    readout", the speech or meeting named is the one they report)."""
    if chosen is not None and chosen.verb == "according to":
        mention = chosen.mention
        return mention is not None and mention.kind in ("person", "description")
    if (
        chosen is not None
        and chosen.verb in ("told", "tells")
        and _TOLD_THE_PRESS.match(text, chosen.end, hi) is not None
    ):
        return True  # "“...,” Peskov told reporters": the article's own account
    if chosen is not None and _OWN_BROADCAST.match(text, chosen.end, hi) is not None:
        return True  # "“...,” Putin said in televised remarks": an occasion of its own
    if chosen is not None and _HAS_SAID.search(text, max(lo, chosen.start - 40), chosen.end):
        return True  # "Putin has repeatedly said": what he says at any time, no one account
    event = in_sentence(_OWN_EVENT, text, lo, hi)
    if event is not None and (relay.spoken_to or relay.occasion not in (None, event.group(1))):
        return True  # "At a meeting with students, Putin said", "..., he said at a forum"
    return _OWN_OCCASION.match(text, lo, hi) is not None


# An event the words were spoken at, named in the sentence that gives them.
_OWN_EVENT = re.compile(
    r"\b(?:[Aa]t|[Dd]uring|[Ii]n)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?"
    r"(meeting|forum|summit|conference|ceremony|rally|event|briefing|session|speech|address"
    r"|gathering|congress|hearing|debate|parade|reception|call|talks)\b"
)

# A perfect or past perfect of a reporting verb: "has repeatedly said", "had long argued".
_HAS_SAID = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|long\s+|also\s+|often\s+|since\s+|before\s+)?"
    r"(?:said|stated|argued|insisted|maintained|claimed|warned|called|described)\b"
)


_OWN_BROADCAST = re.compile(
    r"\s+(?:on \w+ )?in (?:an? |his |her |their )?(?:nightly |weekly )?(?:televised|video|TV)"
    r" (?:remarks|address|speech|statement|message|interview)\b"
)

_TOLD_THE_PRESS = re.compile(
    r"\s+(?:reporters|journalists|the press|a (?:news|press) conference|a (?:news )?briefing)\b"
)


# "Wang also met Russian Security Council secretary Nikolai Patrushev and described ...": another
# meeting is another account; the relay of the last one does not carry over to it.
_ANOTHER_MEETING = re.compile(r"\balso (?:met|meets|held talks|visited|spoke with|called)\b")


def _explicit_via(
    speaker: Speaker,
    chosen: Cue | None,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    text: str,
    lo: int,
    hi: int,
) -> Via | None:
    if vias:
        via = vias[0][1]
        if (
            speaker.kind == "organisation"
            and via.name in platforms().values()
            and statement_without_source(text, lo, hi)
        ):  # "the ministry said in a statement on Telegram"
            return Via(f"{speaker.name} statement on {via.name}", via.text)
        return via
    for cue in cues:
        mention = cue.mention
        relays = (
            mention is not None
            and bool(mention.name)
            and (
                mention.kind == "outlet"
                or (cue.verb in ("quoted", "cited") and mention.kind == "organisation")
            )
        )
        if cue is chosen and cue.verb not in _PASSES_ON:
            continue  # "The talks were “...”, Xinhua reported": the outlet's own account
        if mention is not None and relays and (speaker.kind == "outlet" or cue is not chosen):
            named = relay_outlet(mention.text)  # the gazetteer's name, or as media are labelled
            return Via(named.name if named else mention.name or mention.text, mention.text)
    quoting = _media_quoting(text, cues, lo)
    if quoting is not None:
        return quoting
    if speaker.kind == "organisation" and statement_without_source(text, lo, hi):
        return Via(f"{speaker.name} statement", "statement")
    if speaker.kind != "person":
        return None
    for cue in cues:  # "Dong said ... “...”, China’s defence ministry said in a statement"
        body = cue.mention
        if cue is not chosen and body is not None and body.kind == "organisation":
            statement = RELAYING.match(text, cue.end)
            if statement is not None:
                label = f"{body.name or body.text} {statement.group(1)}"
                return Via(label, statement.group().strip())
            named = named_body(body)
            if named is not None and _closes_the_sentence(text, cue, chosen, hi):
                return named  # "Putin said ..., the Kremlin said." (not "..., his office said")
        if cue is not chosen and body is not None and body.kind == "description":
            document = _BODYS_DOCUMENT.fullmatch(body.text)
            if document is not None:  # "The Kremlin's readout of the call said Putin ..."
                return Via(f"{document.group(1)} {document.group(2)}", body.text)
    return None


def _media_quoting(text: str, cues: list[Cue], lo: int) -> Via | None:
    """ "Russian news agencies quoted Lavrov as saying": media that quote, named by a phrase no
    cue took as its subject, relay."""
    for cue in cues:
        if cue.verb in ("quoted", "cited") and cue.mention is None and cue.start - lo <= 60:
            phrase = _ADVERB_AT_THE_END.sub("", text[lo : cue.start].strip())
            via = relay_outlet(phrase) if len(phrase.split()) <= 5 else None
            if via is not None:
                return via
    return None


# "Russian news agencies later quoted": an adverb between the medium and its verb.
_ADVERB_AT_THE_END = re.compile(r"\s+(?:later|earlier|also|then|separately|\w+ly)$")


def _closes_the_sentence(text: str, cue: Cue, chosen: Cue | None, hi: int) -> bool:
    """Whether a body's cue, after the speaker's own, ends the sentence: the body passes on
    what the speaker said ("Putin said Russia was ready, the Kremlin said on Tuesday.")."""
    mention = cue.mention
    if chosen is None or mention is None or cue.verb not in _BODY_PASSES_ON:
        return False
    first = min(cue.start, mention.start)
    comma = last_visible_at(text, chosen.end, first)
    return (
        comma >= 0
        and text[comma] == ","
        and _SENTENCE_END.match(text, max(cue.end, mention.end), hi) is not None
    )


_BODY_PASSES_ON = frozenset({"said", "says", "added", "adds", "reported", "reports", "stated"})


_SENTENCE_END = re.compile(
    r"(?:\s+(?:on|late|early|last|this)\s+\w+|\s+later|\s+earlier)?[.!]?\s*$"
)


_BODYS_DOCUMENT = re.compile(
    r"(?:[Tt]he\s+)?([A-Z][\w .-]*?)[’']s\s+(statement|readout|communique)"
)


# An outlet that "reported", "wrote" or "noted" something is the author of its own account, not
# a relay of it. Only verbs that pass words on keep an outlet speaker as its own relay ("Xinhua
# said the two sides “...”": the sides' words, as Xinhua gave them).
_PASSES_ON = frozenset(
    {"said", "says", "saying", "added", "adds", "adding", "quoted", "cited", "according to"}
)


def _same_account(speaker: Speaker, earlier: Speaker) -> bool:
    if speaker.name.casefold() == earlier.name.casefold():
        return True  # "Ukraine's air force said ..." then "the air force" (Ukraine's Air Force)
    earlier_parts = {part.strip() for part in earlier.name.split(" and ")}
    return speaker.name in earlier_parts
