"""Reported claims: sentences without quote marks whose clause follows a cue ("Patrushev said
that ...", "..., the ministry said"): who makes them and through which outlet; where each claim
begins and ends is `quotes.extract.claim_spans` (kind "indirect")."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from quotes.extract.claim_spans import (
    before_next_cue,
    before_quotation,
    claim_span,
    earlier_cues,
    next_cues,
)
from quotes.extract.cue_choice import (
    SUBJECT_KINDS_AFTER_COLON,
)
from quotes.extract.cue_subjects import (
    ACCORDING_TO,
    SOURCE_CUES,
    author_of_channel,
)
from quotes.extract.cues import (
    AS_SAYING,
    INDIRECT_VERBS,
    NO_CLAIM_VERBS,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    Mention,
    Via,
    bare,
)
from quotes.extract.quotemarks import QuoteSpan
from quotes.extract.registry import (
    Registry,
)
from quotes.extract.relay_choice import via_for
from quotes.extract.relays import is_own_record
from quotes.extract.resolve import (
    remember,
    remember_listener,
    resolve_speaker,
)
from quotes.extract.sentences import (
    last_visible,
)
from quotes.extract.state import (
    SPEAKER_KINDS,
    Cue,
    Speaker,
    State,
)
from quotes.extract.subjects import (
    sentence_subject,
    subject_after,
)
from quotes.records import Quotation

# --- Claims (reported speech without quote marks) ---------------------------------------------


def claim(
    text: str,
    lo: int,
    hi: int,
    index: int,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    registry: Registry,
    state: State,
    when: date | None,
) -> None:
    if _one_claim(text, lo, hi, index, cues, vias, registry, state, when):
        return
    reporting = _outlet_as_source(text, lo, hi) if vias else None
    if reporting is not None:
        carried = state.via_record  # the outlet narrates: the account's relay stays as it was
        _one_claim(text, lo, hi, index, [reporting], vias, registry, state, when)
        state.via_record = carried
    if vias:
        subject = sentence_subject(text, lo, hi)
        speaker = resolve_speaker(subject, registry, state, lo) if subject is not None else None
        if speaker is not None:
            state.via_record = (vias[0][1], speaker, index)
    _speaker_introduced(text, lo, hi, cues, index, registry, state)


def _outlet_as_source(text: str, lo: int, hi: int) -> Cue | None:
    """ "The two sides discussed Ukraine, according to TASS": with nobody else named as the
    source, the outlet that reports a claim is its source (and its relay)."""
    for match in ACCORDING_TO.finditer(text, lo, hi):
        mention = author_of_channel(text, subject_after(text, match.end(), hi), hi)
        if mention is not None and mention.kind == "outlet":  # "a report in the Register" too
            return Cue(match.start(), match.end(), "according to", mention)
    return None


def _speaker_introduced(
    text: str,
    lo: int,
    hi: int,
    cues: list[Cue],
    index: int,
    registry: Registry,
    state: State,
) -> None:
    """ "Bystrom agreed." / "Howard continued his remarks." / "Clinton released the following
    statement:": a sentence that names a speaker and says nothing itself hands that speaker to
    the quotation that follows it."""
    colon = last_visible(text, lo, hi) == ":"
    for cue in cues:
        mention = cue.mention
        if (
            mention is None
            or (mention.kind == "outlet" and not colon)
            or (mention.start > cue.start and cue.start != lo)
            or mention.start - lo > 60
            or (cue.verb in lexicon().belief_verbs and cue.verb not in ("agreed", "disagreed"))
        ):
            continue
        speaker = resolve_speaker(mention, registry, state, lo)
        if speaker is not None:
            state.last_quote = (speaker, index, None)
            state.weak_last = False
            remember(speaker, state)
        return
    if colon:
        subject = sentence_subject(text, lo, hi)
        if subject is not None and subject.kind in SUBJECT_KINDS_AFTER_COLON:
            speaker = resolve_speaker(subject, registry, state, lo)
            if speaker is not None:
                state.last_quote = (speaker, index, None)
                state.weak_last = False
                remember(speaker, state)


def _on_record(text: str, cue: Cue) -> bool:
    """Whether "according to" names a record of the words ("a Russian translation of his
    remarks", "a transcript"), which is no source of a claim."""
    return cue.verb in SOURCE_CUES and is_own_record(text[cue.end : cue.end + 80].lstrip())


def _answers_a_question(text: str, cue: Cue) -> bool:
    """ "..., answering a question from TASS", "responding to questions": the occasion of the
    words, no claim."""
    return cue.verb in _ANSWERING and _A_QUESTION.match(text, cue.end) is not None


_ANSWERING = frozenset({"answering", "answered", "responding", "responded", "replying", "replied"})
_A_QUESTION = re.compile(r"\s+(?:to\s+)?(?:an?\s+|the\s+|[\w’'-]+\s+)?questions?\b")


def _relayed_passively(text: str, cue: Cue, span: tuple[int, int]) -> bool:
    """ "was quoted as saying by the RIA news agency": what follows names the relay, no claim
    (the words before, "Russia will respond, Ryabkov was quoted as saying by TASS", are one)."""
    if cue.verb == "quoted" and text.startswith(" as saying", cue.end):
        return True  # the claim is the one of "saying"
    return (
        cue.verb in ("quoted", "saying")
        and text.startswith((" as saying by ", " by "), cue.end)
        and span[0] >= cue.start
    )


def more_claims(
    text: str,
    lo: int,
    hi: int,
    index: int,
    cues: list[Cue],
    quotes: list[QuoteSpan],
    vias: list[tuple[int, Via]],
    registry: Registry,
    state: State,
    when: date | None,
) -> None:
    """Further claims of a sentence: other cues with a clause of their own and no quote marks;
    one quoted "as saying" comes through the outlet that quoted it ("Interfax cited Shoigu as
    saying the troops ...")."""
    if not cues:
        return
    taken = state.spans_of_paragraph(index)
    for number, cue in enumerate(cues):
        if (
            cue.mention is None
            or (cue.mention.kind == "outlet" and cue.verb not in _FINDINGS)
            or cue.verb in NO_CLAIM_VERBS
            or _attributes_quote(text, cue, quotes)
            or _compared(text, lo, cue.mention.start)
            or _on_record(text, cue)
            or _answers_a_question(text, cue)
        ):  # "according to a translation of his remarks": a record of the words, no source
            continue
        span = claim_span(text, cue, lo, hi)
        span = before_next_cue(text, span, cue, next_cues(cues, number)) if span else None
        if (
            span is None
            or span in taken
            or _names_a_source(text, cue, span, taken)
            or _relayed_passively(text, cue, span)
            or _relays_a_named_claim(cue, earlier_cues(cues, number), span)
        ):
            continue
        span = before_quotation(text, span, quotes, cue)
        if span is None:
            continue
        speaker = resolve_speaker(cue.mention, registry, state, lo)
        if speaker is None:
            continue
        taken.add(span)
        via = None
        if cue.verb in AS_SAYING:
            via = via_for(speaker, cue, cues, vias, text, lo, hi, index, state)
        state.results.append(
            claim_record(
                text, span, speaker, cue.verb, index, 0.4, "claim-further", when=when, via=via
            )
        )


# What an outlet found is its own claim ("The Harbour Gazette found that ..."), as what it
# reported is (`_one_claim`).
_FINDINGS = frozenset({"found", "finds"})


def _names_a_source(
    text: str, cue: Cue, span: tuple[int, int], taken: set[tuple[int, int]]
) -> bool:
    """Where a claim came from or was published, not a claim of its own."""
    return _published_in(text, span) or _cites_a_source(text, cue, span, taken)


def _published_in(text: str, span: tuple[int, int]) -> bool:
    """ "Medvedev, writing in the Washington Post, said": the outlet, and nothing more."""
    medium = _IN_A_MEDIUM.match(text, span[0], span[1]) if text[span[0]] in "iof" else None
    if medium is None:
        return False
    outlet = subject_after(text, medium.end(), span[1])
    return outlet is not None and outlet.kind == "outlet" and outlet.end >= span[1]


def _cites_a_source(
    text: str, cue: Cue, span: tuple[int, int], taken: set[tuple[int, int]]
) -> bool:
    """ "..., Yonhap said, citing South Korea's Joint Chiefs of Staff", "citing two US
    officials", "said, citing a report by Bloomberg, that ..." (up to the end of a claim already
    taken); not "citing the strategic importance of ...", a reason given, which is a claim."""
    if cue.verb not in ("citing", "quoting"):
        return False
    if any(end == span[1] and start > span[0] for start, end in taken):
        return True
    source = subject_after(text, span[0], span[1])
    return source is not None and (
        source.kind in ("outlet", "plural") or _names_a_cited_source(source)
    )


def _names_a_cited_source(source: Mention) -> bool:
    """A person or body cited ("citing a military official", "citing the Joint Chiefs of
    Staff"), not a reason ("citing the strategic importance of ...")."""
    if source.kind in ("person", "organisation"):
        return True
    words = source.text.split()
    return source.kind == "description" and (
        bare(words[-1]) in _SOURCE_NOUNS or any(w[:1].isupper() for w in words[1:])
    )


_IN_A_MEDIUM = re.compile(r"(?:in|on|for)\s+")

_SOURCE_NOUNS = lexicon().person_nouns | {"report", "reports", "statement", "document"}


def _compared(text: str, lo: int, at: int) -> bool:
    """ "busier than the city says": a comparison with what someone says, no claim of theirs
    (but "Other than Graham, who has called for ...", "rather than" name a source)."""
    before = text[max(lo, at - 12) : at].lower()
    return before.endswith(" than ") and not before.endswith(("other than ", "rather than "))


def claim_record(
    text: str,
    span: tuple[int, int],
    speaker: Speaker,
    cue: str,
    index: int,
    confidence: float,
    rule: str,
    *,
    when: date | None = None,
    via: Via | None = None,
) -> Quotation:
    """The record of a claim (kind indirect) at `span`, by `speaker`, through `via` if any."""
    start, end = span
    return Quotation(
        start=start,
        end=end,
        text=text[start:end],
        kind="indirect",
        speaker=speaker.name,
        speaker_kind=SPEAKER_KINDS.get(speaker.kind),
        role=speaker.role,
        speaker_text=speaker.text,
        cue=cue,
        via=via.name if via else None,
        via_text=via.text if via else None,
        said_on=when,
        paragraph=index,
        confidence=confidence,
        rule=rule,
    )


def _relays_a_named_claim(cue: Cue, earlier: list[Cue], span: tuple[int, int]) -> bool:
    """ "Putin told Wang that ..., according to the Kremlin", "Putin said ..., the Kremlin
    said": the body the words come through after a person's own cue relays that person's
    claim; it makes none of its own."""
    body = cue.mention is not None and cue.mention.kind in ("organisation", "outlet")
    return any(
        c.start < cue.start
        and c.mention is not None
        and c.mention.kind == "person"
        and (cue.verb in SOURCE_CUES or (body and span[0] <= c.start and c.verb in INDIRECT_VERBS))
        for c in earlier
    )  # not "Clinton had told police ..., a source said": the source's account of her words


def _attributes_quote(text: str, cue: Cue, quotes: list[QuoteSpan]) -> bool:
    """ "“...,” Sanders said to cheers": the cue belongs to the quotation before it; not a
    participle after that cue ("“...,” she said, adding that ..."), whose subject it shares."""
    first = min(cue.start, cue.mention.start) if cue.mention is not None else cue.start
    if (
        cue.verb.endswith("ing")
        and cue.mention is not None
        and cue.mention.end < cue.start
        and quotes
        and quotes[0].mark_end <= cue.mention.start
    ):  # the subject after the quotation is its own cue's: the participle comes after that
        first = cue.start
    # The quotation closing last before the cue (quotations are in text order): only it can
    # be right before it; found by bisection, so a sentence of many quotations is not read
    # once per cue.
    before = bisect_right(quotes, first, key=lambda q: q.mark_end)
    if before == 0:
        return False
    gap = text[quotes[before - 1].mark_end : first]
    return len(gap) <= _MOST_GAP and gap.strip(" ,—–-\u00a0") == ""


_MOST_GAP = 40


def _one_claim(
    text: str,
    lo: int,
    hi: int,
    index: int,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    registry: Registry,
    state: State,
    when: date | None,
) -> bool:
    for number, cue in enumerate(cues):
        if cue.mention is None or not (cue.verb in INDIRECT_VERBS or cue.verb in SOURCE_CUES):
            continue
        if _on_record(text, cue):
            continue  # "according to a transcript of the briefing": the record, no source
        span = claim_span(text, cue, lo, hi)
        span = before_next_cue(text, span, cue, next_cues(cues, number)) if span else None
        if span is None:
            continue
        speaker = resolve_speaker(cue.mention, registry, state, lo)
        if speaker is None:
            continue
        if speaker.kind == "outlet":
            people = [  # "Russia is ready, Peskov said, Xinhua reported": Peskov's words;
                c  # not "The Times reported Cameron had ordered ...": the paper's account
                for c in cues
                if c.mention is not None
                and c.mention.kind != "outlet"
                and c is not cue
                and c.verb in INDIRECT_VERBS
            ]
            if people and people[0].mention is not None:
                other = resolve_speaker(people[0].mention, registry, state, lo)
                if other is not None:
                    speaker, cue = other, people[0]
                    span = claim_span(text, cue, lo, hi) or span
            else:
                cited = _cited_source(text, cue, cues, hi)
                source = resolve_speaker(cited[1], registry, state, lo) if cited else None
                if cited is not None and source is not None:
                    speaker, cue = source, cited[0]  # the outlet that cites is the relay
        via = via_for(speaker, cue, cues, vias, text, lo, hi, index, state)
        state.results.append(
            claim_record(text, span, speaker, cue.verb, index, 0.55, "claim", when=when, via=via)
        )
        remember(speaker, state)
        state.prior_claim = (speaker, index, hi)
        state.last_quote = (speaker, index, via)
        state.weak_last = False
        remember_listener(text, cue, speaker, hi, lo, registry, state)
        return True
    return False


def _cited_source(text: str, cue: Cue, cues: list[Cue], hi: int) -> tuple[Cue, Mention] | None:
    """ "..., AFP reported, citing the Russian defence ministry": the source an outlet's claim
    comes from, named after its "citing" or "quoting" (with the cue), when it names one."""
    for other in cues:
        if other.start > cue.start and other.verb in ("citing", "quoting"):
            source = subject_after(text, other.end, hi)
            if source is not None and (source.kind == "plural" or _names_a_cited_source(source)):
                return other, source
    return None
