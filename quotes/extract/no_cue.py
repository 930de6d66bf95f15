"""Quotations with no cue of their own: sign-offs, transcript labels ("PUTIN: ..."), polls, lead-ins
("In a statement, the ministry ..."), subheads, and a speaker who goes on in the next paragraph."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from quotes.extract.before_cue import subject_before
from quotes.extract.cleaning import Paragraph
from quotes.extract.cue_choice import (
    SUBJECT_KINDS,
    SUBJECT_KINDS_AFTER_COLON,
    according_to_outlet,
    colon_label,
    leading_label,
    named_before_colon,
)
from quotes.extract.cues import (
    NEGATION_IN_CLAUSE,
    NEGATION_REACH,
)
from quotes.extract.headlines import (
    looks_like_title,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    Mention,
    bare,
)
from quotes.extract.quotemarks import QuoteSpan
from quotes.extract.registry import (
    Registry,
)
from quotes.extract.resolve import (
    remember,
    resolve_speaker,
)
from quotes.extract.sentences import (
    last_visible,
)
from quotes.extract.state import (
    Speaker,
    State,
)
from quotes.extract.subjects import (
    lead_in_subjects,
    sentence_subject,
    subject_after,
)
from quotes.records import Quotation

_SIGN_OFF = re.compile(r"[ \u00a0]*(?:[―—–]|--?)[ \u00a0]?(?=[A-Z])")


def signed(
    text: str, quote: QuoteSpan, paragraph: Paragraph, registry: Registry, state: State, lo: int
) -> tuple[Speaker, str, float] | None:
    """ "“I'd rather live in what he calls hell.” ― Adriana Rodarte": a quotation signed with a
    dash and its speaker's name at the end of the paragraph, as reader round-ups and embedded
    posts are ("— David Martosko (@dmartosko) September 1, 2016")."""
    dash = _SIGN_OFF.match(text, quote.mark_end, paragraph.end)
    if dash is None:
        return None
    mention = subject_after(text, dash.end(), paragraph.end)
    if mention is None or mention.kind not in ("person", "organisation"):
        return None
    rest = text[mention.end : paragraph.end].strip()
    if rest and (rest[0] not in "(,." or len(rest) > 60):
        return None  # "“Make America Great Again” — Trump's slogan — ...": prose goes on
    speaker = resolve_speaker(mention, registry, state, lo)
    return (speaker, "signed", 0.6) if speaker is not None else None


TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?):\s+(?=\S)")

_RESPONDENTS = re.compile(
    r"(?:\b(?:percent|per cent|majority|plurality|most|half|third|thirds|quarter|quarters|"
    r"respondents|voters|Americans|adults|Republicans|Democrats|independents|people)\b|%)",
    re.IGNORECASE,
)

_POLL = re.compile(
    r"\b(?:[Ii]n|[Aa]ccording to|[Bb]y)\s+((?:(?:a|an|the|this|that|its|their|his|her)\s+)?"
    r"(?:[\w.'’&-]+\s+){0,6}?(?:poll|survey))\b"
    r"|\b((?:(?:[Aa]|[Aa]n|[Tt]he|[Tt]his|[Tt]hat)\s+)?(?:[\w.'’&-]+\s+){0,6}?(?:poll|survey))"
    r"\s+(?:also\s+)?(?:finds|found|shows|showed|says|said|suggests|suggested)\b"
)

_POLL_OPENING = re.compile(  # "The poll has bad news for Bush — 25 percent ... say"
    r"((?:[Tt]he|[Tt]his|[Tt]hat|[Aa]|[Aa]n|[Ii]ts|[Tt]heir)\s+(?:[\w.'’&-]+\s+){0,6}?"
    r"(?:poll|survey))\b(?=\s+[a-z])"
)


@lru_cache(maxsize=4096)
def _names_respondents(phrase: str) -> bool:
    """ "75 percent of Republicans", "most Americans": a speaker phrase counting people (remembered
    per phrase: the same speaker phrases recur)."""
    return _RESPONDENTS.search(phrase) is not None


def poll_source(text: str, mention: Mention, lo: int, hi: int) -> Speaker | None:
    """ "In a Washington Post-ABC News poll, 75 percent of Republicans said “...”", "most
    Americans say “...”, according to an AP-GfK poll", "The poll has bad news for Bush — 25
    percent ... say": the people counted speak through the poll that counted them, which is the
    source when it is named or is what the sentence is about; not "Republicans"."""
    if not _names_respondents(mention.text):
        return None
    if text.find("poll", lo, hi) < 0 and text.find("survey", lo, hi) < 0:
        return None
    match = _POLL.search(text, lo, hi) or _POLL_OPENING.match(text, lo, hi)
    if match is None:
        return None
    words = next(group for group in match.groups() if group).split()
    if words[0].lower() in ("a", "an", "the", "this", "that", "its", "their", "his", "her"):
        words = words[1:]
    if match.re is _POLL and match.group(1) and not any(w[:1].isupper() for w in words):
        return None  # "In the poll, 21 percent said": an unnamed poll; the share is the source
    name = " ".join(words)
    return Speaker(name, "organisation", None, name)


def transcript_speaker(label: str, registry: Registry, at: int) -> Speaker | None:
    """ "PENCE: Well, look, ...": a transcript's speaker label, a name written in capitals."""
    words = [w.capitalize() for w in label.split()]
    name = " ".join(words)
    if name.lower() in lexicon().title_words or name.lower() in _NOT_SPEAKER_LABELS:
        return None
    return Speaker(registry.resolve_name(name, at), "person", None, label)


_NOT_SPEAKER_LABELS = frozenset({"update", "video", "watch", "editor's note", "note", "breaking"})


def transcript_quotation(
    text: str,
    quote: QuoteSpan,
    label: re.Match[str],
    index: int,
    registry: Registry,
    state: State,
    lo: int,
    when: date | None,
) -> None:
    speaker = transcript_speaker(label.group(1), registry, lo)
    assert speaker is not None
    start = label.end()
    state.results.append(
        Quotation(
            start=start,
            end=quote.end,
            text=text[start : quote.end],
            kind="direct",
            speaker=speaker.name,
            speaker_kind="person",
            role=None,
            speaker_text=speaker.text,
            cue=None,
            via=None,
            via_text=None,
            said_on=when,
            paragraph=index,
            confidence=0.7,
            rule="transcript-label",
        )
    )
    state.last_quote = (speaker, index, None)
    state.weak_last = False
    remember(speaker, state)


def speaker_without_cue(
    text: str,
    quote: QuoteSpan,
    lo: int,
    index: int,
    continues: bool,
    adjacent: bool,
    registry: Registry,
    state: State,
    has_cue: bool = False,
) -> tuple[Speaker, str, float] | None:
    """No cue of its own: the previous quotation's speaker, a name-and-colon label, an outlet
    given as the source, or the sentence's subject; failing those, in a sentence with no
    reporting verb at all, the speaker of the paragraph's previous quotation."""
    opens_sentence = last_visible(text, lo, quote.mark_start) == ""
    if (continues or opens_sentence) and state.last_quote is not None:
        last_speaker, last_paragraph, _ = state.last_quote
        next_paragraph = last_paragraph == index - 1 and adjacent and not state.weak_last
        if last_paragraph == index or next_paragraph or continues:
            return last_speaker, "continues-previous", 0.75
    if state.prior_claim is not None and not opens_sentence and quote.closed:
        claim_speaker, claim_paragraph, claim_end = state.prior_claim
        if claim_paragraph == index and claim_end <= lo and _carries_speech_on(text, quote, lo):
            return claim_speaker, "continues-claim", 0.45
    label = colon_label(text, lo, quote.mark_start)
    speaker = resolve_speaker(label, registry, state, lo) if label is not None else None
    if speaker is not None:
        return speaker, "label-colon", 0.6
    label = leading_label(text, lo, quote.mark_start)
    speaker = resolve_speaker(label, registry, state, lo) if label is not None else None
    if speaker is not None:
        return speaker, "leading-label", 0.5
    label = named_before_colon(text, lo, quote.mark_start)
    speaker = resolve_speaker(label, registry, state, lo) if label is not None else None
    if speaker is not None:
        return speaker, "named-before-colon", 0.5
    source = according_to_outlet(text, lo, quote.mark_start)
    if source is not None:
        return source, "according-to-outlet", 0.6
    owner = owner_of_speech_noun(text, lo, quote, registry, state)
    if owner is not None:
        return owner, "speech-noun-owner", 0.45
    reach = max(lo, quote.mark_start - NEGATION_REACH)
    negated = NEGATION_IN_CLAUSE.search(text, reach, quote.mark_start) is not None
    after_colon = last_visible(text, lo, quote.mark_start) == ":"
    kinds = SUBJECT_KINDS_AFTER_COLON if after_colon else SUBJECT_KINDS
    if not negated and not looks_like_title(text[quote.start : quote.end]):
        subject = sentence_subject(text, lo, quote.mark_start)
        if subject is not None and (
            (subject.kind in kinds and (subject.kind != "description" or _names_a_source(subject)))
            or (_names_a_source(subject) and _wordy(text, quote))
        ):  # not "The challenge ... is exemplified by this finding: “...”"
            speaker = resolve_speaker(subject, registry, state, lo)
            if speaker is not None and _named_subject(subject, speaker):
                return speaker, "sentence-subject", 0.35
        lead_in = _lead_in_speaker(text, quote, lo, registry, state)
        if lead_in is not None:
            return lead_in, "lead-in-subject", 0.3
    if not has_cue and quote.closed and state.last_quote is not None and not state.weak_last:
        last_speaker, last_paragraph, _ = state.last_quote
        if last_paragraph == index and _goes_on(text[lo : quote.mark_start]):
            # "“...,” he said outside the building. But “...”": the same speaker goes on
            return last_speaker, "continues-in-paragraph", 0.4
    return None


# A noun of saying ("warnings", "claim": lexicon's speech_nouns) owned by a possessive pronoun
# or a name's possessive, whose complement ("that ...", "of ...") goes on to the quotation.
_OWNED_NOUN = re.compile(
    r"(?:\b(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|(?<=\w)(?P<possessive>’s|'s)|(?<=s)[’'])"
    r"\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+)\s+(?P<link>that|of|about|against)\s"
    r"(?=[^;:.!?“”\"«»‘]*$)"
)
OWNED_NOUN_REACH = 150
"""How far before a quotation a noun of saying may stand and still own it (characters)."""


def owner_of_speech_noun(
    text: str, lo: int, quote: QuoteSpan, registry: Registry, state: State, after: int = 0
) -> Speaker | None:
    """ "The senator kept up his warnings that the vote is “rigged”", "Critics mocked Sergei
    Lavrov’s warning of a “new cold war”": words inside what a noun of saying reports are
    the words of the noun's owner (the sentence's subject, for a possessive pronoun), however
    short, and whoever the sentence's verb belongs to. The noun is looked for from `after`."""
    window = max(lo, after, quote.mark_start - OWNED_NOUN_REACH)
    owned = None
    for match in _OWNED_NOUN.finditer(text, window, quote.mark_start):
        if match.group("noun") in lexicon().speech_nouns:
            owned = match
            break
    if owned is None or not _inside_complement(text, owned, quote):
        return None
    if owned.group("pronoun"):
        mention = sentence_subject(text, lo, owned.start())
        if mention is not None and mention.kind == "description" and not _names_a_source(mention):
            return None  # "The comments came ... her claim that": not the comments' claim
    else:
        mention = subject_before(text, lo, owned.start())
    if mention is None or mention.kind not in _OWNER_KINDS:
        return None
    return resolve_speaker(mention, registry, state, lo)


_OWNER_KINDS = frozenset({"person", "description", "pronoun", "organisation", "plural"})

_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|can|could|should|must)\b")


def _inside_complement(text: str, owned: re.Match[str], quote: QuoteSpan) -> bool:
    """Whether the quotation is part of what the noun reports, not said about it: "his claim
    that the vote is “rigged”", but not "Rubio's claim that Cruz is ... is “simply not true”"
    (a verb of the sentence's own after the clause's), "Trump's comments about immigrants
    were “intolerable”" (a verb after a noun phrase), nor "Obama's statement ... as “the
    biggest fairy tale”" (a label someone else gives it)."""
    between = text[owned.end() : quote.mark_start]
    if between.rstrip().endswith((" as", " called")):
        return False
    return len(_FINITE.findall(between)) <= (1 if owned.group("link") == "that" else 0)


def _names_a_source(mention: Mention) -> bool:
    """ "the senator", "a former aide", "the letter", "the ad": a description whose head is a
    person or something written that speaks for its authors; not "the senator's answer",
    whose words are the senator's (left alone), nor "the deal"."""
    if mention.kind != "description" or not mention.role:
        return False
    if "’s " in mention.role or "'s " in mention.role:
        return False
    head = mention.role.split()[-1].lower()
    lex = lexicon()
    return head in lex.person_nouns or head in lex.title_words or head in _WRITTEN_SOURCES


_WRITTEN_SOURCES = frozenset(
    """letter memo memorandum ad ads advertisement commercial statement report study review
    editorial poll survey email tweet post release lawsuit complaint filing ruling opinion
    book video website petition indictment analysis document documents platform resolution
    transcript audit""".split()
)


def _wordy(text: str, quote: QuoteSpan) -> bool:
    """Four words or more: someone's words more often than a scare-quoted label. A sentence
    about "the senator" or "the group" that carries such a quotation gives it to them."""
    return text.count(" ", quote.start, quote.end) >= 3


_LEAD_IN = re.compile(r"\S(?::|\sthat)\s+$")


def _lead_in_speaker(
    text: str, quote: QuoteSpan, lo: int, registry: Registry, state: State
) -> Speaker | None:
    """ "The senator had a message: “...”", "He argued that “...”": a quotation that runs on from
    its sentence after a colon or "that" is the words of the sentence's subject, when that names
    a person or a body, or is a pronoun or description that resolves; not a headline ("Gillibrand
    on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘...’")."""
    if _LEAD_IN.search(text, max(lo, quote.mark_start - 8), quote.mark_start) is None:
        return None
    if looks_like_title(text[lo : quote.mark_start], 30):
        return None
    for subject in lead_in_subjects(text, lo, quote.mark_start):
        if subject.kind not in _LEAD_IN_KINDS or not _person_description(subject):
            continue
        speaker = resolve_speaker(subject, registry, state, lo)
        if speaker is not None and _named_subject(subject, speaker):
            return speaker
    return None


_LEAD_IN_KINDS = frozenset({"person", "pronoun", "organisation", "plural", "description"})


def _person_description(subject: Mention) -> bool:
    """A name speaks when the phrase ends in it ("Sen. Gowdy"; not "Hillary Clinton’s right-hand
    woman", "the Stanford medieval-history graduate"); a description when it ends in a person
    ("the Stanford medieval-history graduate"), not in a thing ("His assumption")."""
    if subject.kind == "person" and subject.name:
        return subject.text.endswith(subject.name) and not subject.text[:1].islower()
    if subject.kind != "description":
        return True
    last = subject.text.split()[-1]
    return bare(last) in lexicon().person_nouns


def _named_subject(subject: Mention, speaker: Speaker) -> bool:
    """A sentence's first word is capitalised whatever it is ("Questions linger", "Optimism is
    higher", "The deal is"): taken as the speaker of a quotation with no cue only when it names
    someone: more than one name word, a name written in full elsewhere in the article, a title
    ("Mr. Cruz"); an organisation of more than one word ("The Clinton campaign") or an acronym
    ("DNC"), whose head is not a thing that cannot speak ("The deal", "The plan")."""
    if subject.kind == "person":
        return (
            " " in speaker.name
            or speaker.name != subject.name
            or bool(subject.role)
            or subject.text != subject.name
        )
    if subject.kind == "organisation":
        words = subject.text.split()
        if bare(words[-1]) in _SILENT_HEADS:
            return False
        return len(words) > 1 or (len(words[0]) > 1 and words[0].isupper())
    return True


_SILENT_HEADS = frozenset(
    """deal plan act bill accord law treaty declaration initiative program programme project
    strategy summit games cup olympics festival road street avenue square river sea ocean
    mountains islands peninsula park arena stadium hall hotel restaurant airport library museum
    hospital palace city county province region station studio studios""".split()
)


def subhead(text: str, quote: QuoteSpan, paragraph: Paragraph) -> bool:
    """ "'A really tough decision.'": a short paragraph that is one quotation in single marks, or
    in capitals, is a section heading pulled from the story, not more of the last speaker."""
    if quote.mark_start != paragraph.start or text[quote.mark_end : paragraph.end].strip(".") != "":
        return False
    words = text[quote.start : quote.end]
    return (quote.family == "single" and len(words.split()) <= 8) or (
        words.isupper() and len(words.split()) >= 2
    )


_CONTINUING = re.compile(r"(?:But|And|However|Still|Yet|Also)\b")

_GOING_ON = frozenset(
    """but and however still yet also indeed instead now then specifically so later again
    meanwhile""".split()
)


def _goes_on(lead: str) -> bool:
    """The words before a quotation only link it to what was said before: "But “...”",
    "Now, “...”", "For African-Americans, on the other hand, “...”"."""
    lead = lead.strip()
    if lead.endswith((",", ":")) and len(lead) <= 60:
        return not _NAMED_IN_LEAD.search(lead)
    return lead.lower().rstrip(",") in _GOING_ON


_NAMED_IN_LEAD = re.compile(r"\b(?:said|says|told|words|asked|added)\b")


def _carries_speech_on(text: str, quote: QuoteSpan, lo: int) -> bool:
    """A whole quoted sentence, or a sentence that carries the reported speech on ("But ...")."""
    lead = text[lo : quote.mark_start].rstrip()
    return lead == "" or lead.endswith(":") or _CONTINUING.match(text, lo) is not None
