"""Where a reported claim begins and ends in its sentence: after its cue and any listener or
adverbial ("told reporters on Monday that ..."), around a cue set off by commas ("The deal, he
said, is done"), before a trailing cue ("..., Smith said"), and no further than the clause
before a quotation or another speaker's clause."""

from __future__ import annotations

import re

from quotes.extract.before_cue import subject_before
from quotes.extract.cue_subjects import (
    PARTICIPLES,
    RELAYING_VERBS,
    SOURCE_CUES,
)
from quotes.extract.cues import INDIRECT_VERBS
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import AFTER_DESCRIPTION, IRREGULAR_PAST
from quotes.extract.quotemarks import QuoteSpan
from quotes.extract.sentences import last_visible
from quotes.extract.state import Cue
from quotes.extract.subjects import subject_after


def next_cues(cues: list[Cue], number: int) -> list[Cue]:
    """The cues right after cue `number`: the ones a claim after it may run into."""
    return cues[number + 1 : number + 1 + _NEARBY_CUES]


def earlier_cues(cues: list[Cue], number: int) -> list[Cue]:
    """The cues right before cue `number`: whose claim a body's cue may relay."""
    return cues[max(0, number - _NEARBY_CUES) : number]


_NEARBY_CUES = 3
"""How many cues before or after one are looked at: a bound, so a sentence of a thousand cues
costs a thousand times one (the text is linear in its length, see `quotes.extract.pipeline`)."""


def before_next_cue(
    text: str, span: tuple[int, int], cue: Cue, following: list[Cue]
) -> tuple[int, int] | None:
    """A claim ends with its clause where another speaker's clause follows ("Brook said the
    port was open, and the Kremlin said talks would follow")."""
    start, end = span
    if start < cue.end:
        return span  # the claim comes before its cue
    for other in following:
        mention = other.mention
        if mention is None or other.verb not in INDIRECT_VERBS:
            continue
        first = min(other.start, mention.start)
        if start < first < end:
            boundary = _last_clause_break(text, start, first)
            if boundary is not None:
                return trimmed(text, start, boundary)
    return span


def before_quotation(
    text: str, span: tuple[int, int], quotes: list[QuoteSpan], cue: Cue
) -> tuple[int, int] | None:
    """A claim that runs into a quotation of the same sentence ends with the clause before it
    ("Paul said the plan would help migrants, and called him “the leading proponent”": the
    claim is the plan's part); with no clause boundary before the quotation, it is none (the
    quotation is part of the words reported), or, around a cue set off by commas, the words
    before the cue ("Acts of protest, he said, are acts of patriotism ... “I can't breathe”")."""
    start, end = span
    opening = min((q.mark_start for q in quotes if q.mark_start < end and start < q.mark_end),
                  default=None)  # fmt: skip
    if opening is None:
        return span
    if opening <= start:
        return None
    boundary = _last_clause_break(text, start, opening)
    if boundary is None and cue.mention is not None and start < cue.mention.start < opening:
        boundary = text.rfind(",", start, cue.mention.start)  # the cue set off by commas
        opener = text[start : start + 20].split(maxsplit=1)[0].lower()
        if boundary <= start or cue.end > opening or opener in _ADVERBIAL_OPENERS - {"but"}:
            boundary = None  # not "During his years in office, he said, “...”": when
    return trimmed(text, start, boundary) if boundary is not None else None


def _last_clause_break(text: str, start: int, at: int) -> int | None:
    """The last clause break (`_CLAUSE_BREAK`) in `text[start:at]`, within _CLAUSE_REACH
    characters of `at`."""
    boundary = None
    for match in _CLAUSE_BREAK.finditer(text, max(start, at - _CLAUSE_REACH), at):
        boundary = match.start()
    return boundary


_CLAUSE_REACH = 300

# Where a clause ends inside a sentence: ", and", ", but", "; " (not a dash: dashes come in
# pairs around an aside, "declared in February – shortly before ... – that").
_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|although|though|whereas)\s|;\s")


# Where a claim stops: ", said ...", ", according to ...", or the sentence's final punctuation.
# The same matches as r",\s+(?:...)\b|[.!?]+['’”\"]*\s*$", written to open with one character
# class, so that the regex engine skips ahead to the punctuation instead of trying each position.
_CLAIM_CUT = re.compile(
    r"[,.!?](?:(?<=,)\s+(?:according to|said|says|he said|she said|they said|the \w+ said"
    r"|adding|saying|noting|pointing out|citing|quoting|speaking (?:at|to|on|in|during|after)"
    r"|as (?:quoted|reported|cited) (?:in|by)"
    r"|writing (?:in|on|for)"
    r"|(?:when|while) (?:meeting|speaking|talking|addressing|visiting|receiving|holding))\b"
    r"|(?<=[.!?])[.!?]*['’”\"]*\s*$)"
)

_THAT = re.compile(r"\bthat\b")

_CLAIM_LEAD = re.compile(
    r"\s*(?:on [A-Z]\w+(?: \d{1,2}\b)?|last \w+|this (?!when\b|while\b|after\b|as\b|at\b)\w+"
    r"|in an? \w+|in a statement|earlier"
    r"|later|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)?,?\s*(?:that\b)?"
)

# "said during a visit to China on Monday that the Kremlin sees ...", "said, citing a report by
# Bloomberg, that ...": an adverbial of a few
# words (opening with a preposition or a time word, no clause of its own) and then "that": the
# claim is what follows "that" (not a relative "that" before a verb: "... the plan that was").
# After "said in a statement": "on its website that ...", a second short adverbial before "that".
_MORE_ADVERBIAL_THEN_THAT = re.compile(
    r"\s*(?:on|in|at|via|through)\s+(?:(?!that\b)[\w’'.\-]+\s+){1,4}?that\s+"
)

_ADVERBIAL_THEN_THAT = re.compile(
    r"\s*(?:during|in|on|at|after|before|while|following|via|through|outside|from|last|this|earlier"
    r"|late|early"
    r"|later|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|,?\s*(?:citing|quoting|referring to|speaking (?:at|to|on|in)|answering|responding to"
    r"|replying to|when asked|asked))\b"
    r"(?:\s+(?!that\b|who\b|which\b)[\w’'.\-]+){1,12}?"
    r"(?:,\s+that\s+"  # after a comma, "that" opens the claim whatever follows
    r"|\s+that\s+"
    r"(?=(?:the|a|an|this|these|those|his|her|its|their|our|my|he|she|it|they|we|I|you|there"
    r"|no|nothing|none|any|all|some|such)\b"
    r"|[A-Z0-9]))"
)

# Who is told, when no "that" follows: reporters, an outlet or a named person, then perhaps when.
_LISTENER_WORDS = (
    r"\s+(?:reporters|journalists|lawmakers|supporters|the (?:press|media|audience|crowd)"
    r"|him|her|them|us|me"
    r"|(?:[Tt]he )?(?:[a-z][\w\-]* ){0,2}?[A-Z][\w.&’'\-]*(?: (?:[A-Z][\w.&’'\-]*|of|news"
    r"|agency|newspaper|television|radio))*)"
    r"(?:,? (?:on \w+day|last \w+|this (?:week|month|year|morning|afternoon|evening)"
    r"|earlier(?: this \w+)?|in an? interview),?)?"
)

_LISTENER = re.compile(_LISTENER_WORDS + r"\s+")

_LISTENER_ENDS_SENTENCE = re.compile(_LISTENER_WORDS + r"[.!?]?\s*$")

_CLAUSE_SUBJECT = re.compile(
    r"(?:he|she|it|they|we|I|there|this|his|her|its|their|the|[A-Z][\w’'\-]*)"
    r"(?:[’'](?:s|ll|d|re|ve|m))?\b"
)

_CONTRACTED_VERB = re.compile(r"[’'](?:s|ll|d|re|ve|m)$")

_FINITE = re.compile(
    r"(?:is|was|were|are|had|has|have|would|will|could|should|did|does|do|may|might|can|must"
    r"|never|not|[a-z]+ed)\b|[’']s\b"
)


def _clause_after_listener(text: str, at: int, hi: int) -> int | None:
    """ "told reporters the dates were still being worked out", "told the AP her group never
    worked with him": where the clause after the listener starts, if a clause follows (a
    subject and a verb within a few words; not "told Trump to stay", "told a different tale")."""
    listener = _LISTENER.match(text, at, hi)
    if listener is None:
        return None
    return _clause_at(text, listener.end(), hi)


def _clause_at(text: str, start: int, hi: int) -> int | None:
    """`start` when a clause opens there: a subject, then a verb within a few words ("it would
    retaliate", "her group never worked"), not a noun phrase ("the US over arms sales")."""
    subject = _CLAUSE_SUBJECT.match(text, start, hi)
    if subject is None:
        return None
    if _CONTRACTED_VERB.search(subject.group()) and subject.group()[:1].islower():
        return start  # "he’s already received", "he’ll work": a subject and its verb in one
    words = text[subject.end() : min(hi, subject.end() + 60)].split()[:5]
    if not any(_FINITE.fullmatch(w.strip(",.;:!?")) for w in words):
        return None
    return start


# Cues whose next words may name who was told or warned, before the claim.
_TOLD = frozenset({"told", "tells", "tell", "telling"})

_LISTENER_CUES = _TOLD | {"assured", "assures", "warned", "warns", "warn"}

_URGED = frozenset({"urged", "urges", "urge", "urging"})

_CALLED = frozenset({"called", "calls", "call", "calling"})
_CALLED_ON = re.compile(r"\s+(?:on|upon)\s+")

_URGED_TO = re.compile(r"[^.;:]*?\b(?:that|to)\b")  # "urged voters to", "urged that"


def claim_span(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    assert cue.mention is not None
    if cue.verb in SOURCE_CUES:
        before = last_visible(text, lo, cue.start)
        if before in ("", "("):  # "According to Reuters, ...", "(According to the police, ...)"
            comma = text.find(",", cue.mention.end, min(hi, cue.mention.end + MAX_CLAIM_CHARS))
            while comma > 0 and _ASIDE.match(text, comma + 1, hi):
                comma = text.find(",", comma + 1, hi)  # "According to Reuters, which cited ..., "
            end = sentence_content_end(text, lo, hi)
            if before == "(":
                end = _before_closing_bracket(text, comma + 1, end)
            return trimmed(text, comma + 1, end) if comma > 0 else None
        if before == ",":
            inserted = _around_inserted_source(text, cue, lo, hi)
            if inserted is not None:
                return inserted
            if _COMMA_THEN_QUOTE.match(text, cue.mention.end, hi):
                return None  # "She was, in the words of an aide, “the torchbearer”": quoted
        return trimmed(text, lo, cue.start)
    inserted = _around_inserted_cue(text, cue, lo, hi)
    if inserted is not None:
        return inserted
    trailing = _trailing_claim(text, cue, lo, hi)
    if trailing is not None or cue.mention.start > cue.end:
        return trailing
    start = cue.end  # the patterns search the text from here, no copy of the sentence's rest
    if cue.verb in _LISTENER_CUES:
        that = _THAT.search(text, start, min(hi, start + 120))
        if that is not None:
            start = that.end()
        else:  # "told reporters the dates were ...", "warned it would retaliate"
            clause = _clause_after_listener(text, start, hi)
            if clause is None and cue.verb not in _TOLD:
                clause = _clause_at(text, start + 1, hi)
            if clause is None:
                return None
            start = clause
    elif cue.verb in _URGED and _URGED_TO.match(text, start, min(hi, start + 100)) is None:
        return None  # "urged a bigger global role for the bloc": a wish, no words given
    elif cue.verb in _CALLED and (on := _CALLED_ON.match(text, start, hi)) is not None:
        if _URGED_TO.match(text, on.end(), min(hi, on.end() + 100)) is None:
            return None  # "called on the ministry": no words given
        start = on.end()  # "called on China and France to jointly uphold ...": as "urged"
    else:
        adverbial = _ADVERBIAL_THEN_THAT.match(text, start, hi)
        lead = adverbial if adverbial is not None else _CLAIM_LEAD.match(text, start, hi)
        if lead is not None:
            start = lead.end()
            more = _MORE_ADVERBIAL_THEN_THAT.match(text, start, hi) if adverbial is None else None
            if more is None and adverbial is None:  # "reported on Tuesday, citing ..., that"
                more = _ADVERBIAL_THEN_THAT.match(text, start, hi)
            start = more.end() if more is not None else start
        if cue.verb in _TOPIC_VERBS and _TOPIC_ONLY.match(text, start, hi) is not None:
            return None  # "commented on the remarks by Macron": what it was about, no claim
    cut = _CLAIM_CUT.search(text, start, min(hi, start + MAX_CLAIM_CHARS + 1))
    end = cut.start() if cut is not None else hi  # none near: too long a claim (`trimmed`)
    if _RELATIVE_ASIDE.fullmatch(text, cue.mention.end, cue.start):
        closing = text.find(",", start, end)  # "Her relatives, who said they saw it, left":
        end = closing if closing > 0 else end  # the claim ends with the aside
    # "... said that Tehran would respond, IRNA reported": the relay's words are no part of it
    return trimmed(text, start, _before_trailing_cue(text, start, end))


_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which)\s+(?:\w+\s+){0,2}")

# A topic after the cue, with no clause of what was said ("commented on the remarks", "spoke
# about the talks"); not "commented on Tuesday that ...", which the lead words pass over.
_TOPIC_ONLY = re.compile(r"\s*(?:on|about|upon|regarding)\b(?!\s+\d)(?![^.;:“”\"]{0,150}\bthat\b)")
_TOPIC_VERBS = frozenset(
    "comment comments commented commenting remark remarks remarked remarking".split()
)

# An aside after "According to Reuters," that is not yet the claim: a relative clause or what
# the source cited ("which cited three sources familiar with the matter,").
_ASIDE = re.compile(r"\s*(?:which|who|whose|citing|quoting)\b[^,]*,")

_INSERTED_CUE_END = re.compile(
    r"(?: (?:on|last|this) \w+| in an interview| in a statement"
    r"| in (?:an?|his|her|their|its) (?:[\w-]+ ){0,2}?(?:email|letter|post|speech|tweet|memo"
    r"|note|column|op-ed|book|interview|statement|remarks)"
    r"| (?:then|later|earlier|recently|yesterday|today|again|afterwards?))?, (?=\w)"
)

# Words after "..., she said," that open something else than the rest of the claim.
_NOT_GOING_ON = PARTICIPLES | {
    "according", "who", "which", "whose", "although", "though", "and", "but", "as", "including",
    "amid", "despite", "declining", "asking", "requesting", "speaking", "citing",
}  # fmt: skip


def _around_inserted_cue(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """ "The golf industry, she said, is doing much better": a cue set off by commas inside the
    claim; the claim is the sentence around it."""
    assert cue.mention is not None
    if cue.mention.start > cue.start or not text.startswith(", ", cue.mention.start - 2):
        return None
    after = _INSERTED_CUE_END.match(text, cue.end, hi)
    if (
        after is None
        or text.rfind(",", max(lo, cue.start - MAX_CLAIM_CHARS), cue.mention.start - 2) >= 0
    ):
        return None  # one comma before the cue's subject: no aside of its own
    rest = text[after.end() : min(hi, after.end() + 200)].split(maxsplit=2)
    if len(rest) < 2 or rest[0].lower() in _NOT_GOING_ON or rest[0][:1] in '“"‘':
        return None  # "..., she said, adding that", "..., he said, “...”"
    end = sentence_content_end(text, lo, hi)
    if ends_in_a_cue(text, after.end(), end):
        return None  # "..., Lavrov said on Friday, the state news agency RIA reported."
    # "The deal, he said, was a success, Interfax reported": the relay's words are no part of it
    return trimmed(text, lo, _before_trailing_cue(text, after.end(), end))


def _before_closing_bracket(text: str, lo: int, end: int) -> int:
    """Where a bracketed sentence's content ends: before ".)" or ")"."""
    while end > lo and text[end - 1] in ").!? ":
        end -= 1
    return end


def _around_inserted_source(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """ "Fundraising, according to the campaign, has surged": "according to" set off by commas
    before the verb; the claim is the sentence around it (its first words alone say nothing)."""
    assert cue.mention is not None
    opening = text[lo : min(cue.start, lo + 200)].split(maxsplit=3)
    if len(opening) > 3:
        return None  # a clause before it: "The economy grew, according to ..." is that clause
    after = _INSERTED_CUE_END.match(text, cue.mention.end, hi)
    if after is None:
        return None
    rest = text[after.end() : min(hi, after.end() + 200)].split(maxsplit=1)
    if not rest or rest[0].lower() in _NOT_GOING_ON:
        return None
    opener = opening[0].lower() if opening else ""
    adverbial = opener in _ADVERBIAL_OPENERS or rest[0][:1].isupper()
    start = after.end() if adverbial else lo  # "In March, according to ..., ships left"
    return trimmed(text, start, sentence_content_end(text, lo, hi))


# Words that open an adverbial, not a subject: "In March, according to ..., ships left early".
_ADVERBIAL_OPENERS = frozenset(
    """in on at since after before during until by for now but and so yet still meanwhile
    however also today yesterday last this earlier later then""".split()
)


def _before_trailing_cue(text: str, lo: int, end: int) -> int:
    """Where a claim in `text[lo:end]` ends: before its last comma when what follows that comma
    is an attribution of its own, else at `end`."""
    comma = text.rfind(",", lo, end)
    if comma > 0 and ends_in_a_cue(text, comma + 2, sentence_content_end(text, lo, end)):
        return comma
    return end


def ends_in_a_cue(text: str, lo: int, end: int) -> bool:
    """Whether a short rest of a sentence is an attribution of its own: a source named by a
    noun phrase, then a reporting verb ("the state news agency RIA reported"), or an outlet
    after its verb ("reported AFP", "according to TASS"); not the rest of the claim ("is doing
    better than it says")."""
    if text.startswith("according to ", lo):  # "..., according to TASS"
        outlet = subject_after(text, lo + len("according to "), end)
        return outlet is not None and outlet.kind == "outlet"
    verb_first = _WORD_THEN_SPACE.match(text, lo, end)
    if verb_first is not None and verb_first[1] in RELAYING_VERBS:  # "..., reported AFP"
        outlet = subject_after(text, verb_first.end(), end)
        return outlet is not None and outlet.kind == "outlet" and outlet.end >= end - 1
    if end - lo > _MOST_CUE_CHARS:
        return False  # a long rest is the claim going on: never copied, so cues cost O(1) here
    citing = _CITING_AFTER_VERB.search(text, lo, end)  # "... Kyodo reported, citing sources"
    end = citing.start() if citing is not None else end
    when = _TIME_AFTER_VERB.search(text, lo, end)  # "... news agency reported on Thursday"
    end = when.start() if when is not None else end
    words = text[lo:end].split()
    if len(words) > 8 or not words or words[-1].lower() not in INDIRECT_VERBS:
        return False
    verb_start = end - len(words[-1])
    source = subject_before(text, lo, verb_start)
    if source is None or source.start == lo:
        return source is not None and source.kind in _SOURCE_KINDS
    # "state broadcaster CCTV reported": words describing an outlet before its name
    before = text[lo : source.start]
    return source.kind == "outlet" and "," not in before and len(before.split()) <= 4


_CITING_AFTER_VERB = re.compile(r",?\s+(?:citing|quoting|according to)\s[^,]{0,80}$")
_SOURCE_KINDS = frozenset({"outlet", "person", "organisation", "description"})
_TIME_AFTER_VERB = re.compile(
    r"\s+(?:(?:on|late|early|last|this)\s+\w+|yesterday|today|earlier|later|overnight)$"
)
MAX_CLAIM_CHARS = 2000
"""The longest claim: a bound that keeps every look along a sentence short, so extraction stays
linear in the length of a text with no sentence ends."""

_MOST_TAIL_CHARS = 400
"""How much of a sentence after a trailing cue is read: its first words decide (a bound, so a
sentence of a thousand cues is not read a thousand times)."""
_MOST_CUE_CHARS = 200
"""The longest rest of a sentence `_ends_in_a_cue` reads: eight words and a long name."""


_AFTER_TRAILING_CUE = frozenset(
    """ on in at during last this yesterday today earlier later recently of to when after before
    while as monday tuesday wednesday thursday friday saturday sunday who adding noting citing
    because in by""".split()
) | {""}


def _trailing_claim(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """ "Content, Smith said." / "Content, said Smith." / "Content, people close to her say.": the
    claim is the sentence before the comma that opens the attribution."""
    assert cue.mention is not None
    first = min(cue.start, cue.mention.start)
    comma = text.rfind(",", max(lo, first - _MOST_CUE_CHARS), first)
    if comma <= lo:
        return None  # no comma before the attribution, or too far back to open it
    comma = _before_described(text, lo, comma)
    # Words up to one more than allowed are enough to count (maxsplit: not the whole sentence).
    between = text[comma + 1 : first].split(maxsplit=7)
    tail_start = max(cue.end, cue.mention.end)
    hi = min(hi, tail_start + _MOST_TAIL_CHARS)  # a longer tail is read this far, no further
    participle = _PARTICIPLE_AFTER_COMMA.search(text, tail_start, hi)
    tail_end = participle.start() if participle is not None else hi  # "..., adding that ..."
    relayed = _RELAY_AFTER_COMMA.match(text, tail_start, tail_end)
    if relayed is not None and not _TIME_OR_PLACE.match(text, tail_start, relayed.end()):
        relayed = None  # "..., Brook said the port was ready, the Kremlin said": his claim
    if relayed is not None and ends_in_a_cue(
        text, relayed.end(), sentence_content_end(text, lo, hi)
    ):
        tail_end = tail_start  # "..., Shoigu said on Tuesday, reported AFP.": the relay's own
    after = text[tail_start:tail_end].split(maxsplit=9)
    # "..., said Rita Katz, the director of SITE Intelligence Group, which tracks ...": however
    # long, an aside after the speaker named after the cue describes the speaker.
    apposed_after_cue = cue.mention.start > cue.start
    apposed = apposed_after_cue and text.startswith(", ", cue.mention.end)
    coordinated = _COORDINATED_TAIL.match(text, tail_start, tail_end) is not None
    if len(between) > 6 or (
        len(after) > 8
        and not apposed
        and not coordinated
        and not _adverbial_tail(text, tail_start, tail_end)
    ):
        return None
    if any(_finite_speech_verb(word) for word in between):
        return None  # "An official, speaking on condition of anonymity, said Tokyo hoped ...":
        # a cue of its own opens the clause, so the words before are no claim of Tokyo's
    if between and between[0].lower() in ("and", "but", "or"):
        return None  # "The attack hit him hard, and he responded as if ...": a clause of its own
    if _COLON_BEFORE_QUOTE.match(text, tail_start, tail_end) or _COMMA_THEN_QUOTE.match(
        text, tail_start, tail_end
    ):  # "..., and then Wallnau continues: “...”", "Speaking on Monday, Baqaei said, “...”":
        return None  # the cue introduces a quotation
    first_after = after[0].strip(".,;:!?").lower() if after else ""
    if (
        after
        and first_after not in _AFTER_TRAILING_CUE
        and not (cue.verb in ("told", "tells") and _LISTENER_ENDS_SENTENCE.match(text, cue.end, hi))
        and not (apposed_after_cue and first_after in AFTER_DESCRIPTION)
    ):  # "At a rally on Monday, Rubio said Trump is ...": the claim follows the cue; not
        return None  # "Content, an airport official told The New York Times."; "..., said a
        # person familiar with the matter": the speaker's description goes on
    if _only_an_adverbial(text, lo, comma):
        return None  # "In the early 1990s, Ms. Ripert said, when ...": when, not what
    return trimmed(text, lo, comma)


def _only_an_adverbial(text: str, lo: int, end: int) -> bool:
    """ "In the early 1990s", "And in this book", "Like Dole": a few words opening with a
    preposition or a conjunction and holding no finite verb say when or how, not what."""
    words = [w.strip(",.;:!?").lower() for w in text[lo:end].split(maxsplit=_SHORT_CLAIM_WORDS)]
    if not words or len(words) > _SHORT_CLAIM_WORDS:
        return False
    if words[0] not in _ADVERBIAL_OPENERS and words[0] not in ("like", "unlike", "as"):
        return False
    return not any(_FINITE.fullmatch(w) or w in IRREGULAR_PAST for w in words)


_SHORT_CLAIM_WORDS = 6


def _before_described(text: str, lo: int, comma: int) -> int:
    """ "..., a spokeswoman, Anna White, said": the comma before the description that the name
    is apposed to, which opens the attribution."""
    previous = text.rfind(",", max(lo, comma - 60), comma)
    if previous <= lo:
        return comma
    words = text[previous + 1 : comma].split()
    if (
        1 < len(words) <= 5
        and words[0] in ("a", "an", "the", "his", "her", "its", "their")
        and all(word.islower() for word in words)
    ):
        return previous
    return comma


def _finite_speech_verb(word: str) -> bool:
    """ "said", "told", "warned": a reporting verb in a finite form (not "state" in "state
    broadcaster CCTV", not "report")."""
    low = word.lower()
    return low in lexicon().speech_verbs and (low.endswith("ed") or low in _FINITE_IRREGULAR)


_FINITE_IRREGULAR = frozenset({"said", "says", "told", "tells", "wrote", "writes"})

_PARTICIPLE_AFTER_COMMA = re.compile(
    r",\s+(?:adding|saying|noting|calling|describing|asking|requesting|speaking|declining"
    r"|citing|explaining|responding|referring)\b"
)  # "..., the sources said, asking not to be named because ...": the claim is before

# "..., Shoigu said on Tuesday, reported AFP." / "..., the agency reported.": after the cue (and
# a short adverbial), a comma opens the account of an outlet that relayed the claim.
_RELAY_AFTER_COMMA = re.compile(r"[^,“”\"«»:;]{0,40},\s+")
# What may stand between a cue and a relay after it: "on Tuesday", "in Moscow", "late on Friday".
_TIME_OR_PLACE = re.compile(
    r"\s*(?:(?:on|in|at|late|early|last|this|yesterday|today|earlier|later|overnight)\b[^,]*"
    r"|(?:reporters|journalists|the press|(?:a|the) (?:news|press) conference|(?:a|the) briefing"
    r"|lawmakers|parliament)\b[^,]{0,30})?,"
)  # "..., Hayashi told reporters in Tokyo, Kyodo reported": who heard it, then the relay
_WORD_THEN_SPACE = re.compile(r"(\w+)\s+")


# "Many visitors were older, she said, and “I had to step back”", "..., Hennessey said, and with
# the aides chastened, it is safe to ...": a clause of its own follows.
_COORDINATED_TAIL = re.compile(r",\s+(?:and|but)\s")

_COLON_BEFORE_QUOTE = re.compile(r"[^“”\"«»‘]*:")
_COMMA_THEN_QUOTE = re.compile(r"\s*,\s*[“\"«‘]")

_ADVERBIAL_TAIL = re.compile(
    r"\s*(?:(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|yesterday|today)(?:\s+(?:morning|afternoon|evening|night))?\s*,\s*)?"
    r",?\s*(?:at|during|in|on|after|following|before|while|when|speaking|as|because|although"
    r"|though|since|including|amid|despite)\s"
    r"(?:(?!\bthat\b)[^“”\"«»:;])*$"
)


def _adverbial_tail(text: str, lo: int, hi: int) -> bool:
    """ "..., Lavrov said at a news conference following talks with his Egyptian counterpart on
    Wednesday.", "..., lawmakers said Friday afternoon, as they bristled at ...", "..., experts
    say, including a provision ...": however long, a tail that opens with a preposition or a
    subordinate clause (after a day, perhaps) and holds no "that", quote mark or colon says
    where, when or why, not what."""
    return _ADVERBIAL_TAIL.match(text, lo, hi) is not None


def sentence_content_end(text: str, lo: int, hi: int) -> int:
    end = hi
    while end > lo and text[end - 1] in " .!?\n\t\u00a0":
        end -= 1
    return end


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    if end - start > MAX_CLAIM_CHARS:
        return None  # no claim runs this long: a run of text no sentence end cut
    segment = text[start:end]
    stripped = segment.strip(_TRIMMED)
    if len(stripped.split(maxsplit=2)) < 3:  # fewer than three words
        return None
    if _NO_CONTENT.match(stripped) is not None:
        return None  # "said the same thing to the BBC", "said nothing about the talks"
    if ("<" in stripped or ">" in stripped or "=" in stripped) and _MARKUP.search(stripped):
        return None  # '-date="March 9, 2016">Crowd in ...', '> — Dana Perl': markup, no claim
    new_start = start + len(segment) - len(segment.lstrip(_TRIMMED))
    return new_start, new_start + len(stripped)


_TRIMMED = " ,;:—–\u00a0\t"

_MARKUP = re.compile(r"=[\"']|[\"']>|</?[A-Za-z][\w-]*[\s>]|^[<>]")

# Words that stand for what was said without giving it: no claim follows them.
_NO_CONTENT = re.compile(
    r"(?:the same thing|as much|nothing (?:about|on|of|to|more)"
    r"|this (?:when|while|after|as|at|during|in|on)\b"  # "He said this when speaking to ..."
    r"|(?:not )?to be (?:named|identified|quoted)|for anonymity)\b",  # "asked not to be named"
    re.IGNORECASE,
)
