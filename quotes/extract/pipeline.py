"""The extraction pipeline: every quotation and reported claim in an article, with speaker, relay,
cue and date.

`extract_quotations(text, published)` splits paragraphs (`cleaning`), finds the quoted stretches
(`quotemarks`), splits the reporter's words into sentences (`sentences`) and walks them in order:
each quotation takes the cue right after it ("...," Patrushev said), else the nearest before it in
its sentence (Putin told Xi: "..."), else continues the previous speaker when it opens its
sentence or paragraph (`cue_choice`, `no_cue`). Relay outlets named in a sentence apply to its
quotations and carry forward to the same speaker's next ones (`relays`). Sentences without quote
marks give reported claims (kind "indirect", `claims`).

Limits: rules, not a model: a quotation with no reporting verb in its sentence and no quotation
before it is left unattributed (speaker None); pronouns resolve to the latest speaker of a fitting
kind; claims are whole clauses after the cue up to the end of the sentence. Linear in the text's
length: every pattern is bounded and scans a paragraph once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date

from quotes.extract.claims import (
    claim,
    more_claims,
)
from quotes.extract.cleaning import Paragraph, split_paragraphs
from quotes.extract.cue_choice import (
    choose_cue,
)
from quotes.extract.cues import (
    NAMING_VERBS,
    find_cues,
)
from quotes.extract.dates import (
    said_on,
)
from quotes.extract.headlines import (
    headline_claim,
    headline_speaker,
    is_title_cased,
    labelled_headline_claim,
    names_a_work,
    quotation_then_possessor,
    quote_kind,
)
from quotes.extract.language import detect_language
from quotes.extract.mentions import (
    Via,
)
from quotes.extract.named_later import named_after
from quotes.extract.no_cue import (
    TRANSCRIPT_LABEL,
    owner_of_speech_noun,
    poll_source,
    signed,
    speaker_without_cue,
    subhead,
    transcript_quotation,
    transcript_speaker,
)
from quotes.extract.quotemarks import QuoteSpan, find_quotes
from quotes.extract.registry import (
    Registry,
)
from quotes.extract.relay_choice import via_for
from quotes.extract.relays import (
    WordPlaces,
    find_vias,
    relay_markers,
)
from quotes.extract.resolve import (
    relay_meant,
    remember,
    remember_listener,
    resolve_speaker,
)
from quotes.extract.russian import extract_russian
from quotes.extract.sentences import (
    outside_quotes,
    split_sentences,
)
from quotes.extract.state import (
    SPEAKER_KINDS,
    Cue,
    Speaker,
    State,
)
from quotes.extract.subjects import (
    subject_after,
)
from quotes.records import Quotation


def extract_quotations(
    text: str, published: date | None = None, language: str | None = None
) -> list[Quotation]:
    """Every quotation and claim in `text`, in order of appearance; never raises on any text.

    `language` (detected when None, see `language`) selects the rules: English, Russian
    (`russian`), or for any other language the quotations by their marks, unattributed."""
    if language is None:
        language = detect_language(text)
    try:
        if language == "ru":
            return extract_russian(text, published)
        if language != "en":
            return marked_quotations(text)
        return _extract(text, published)
    except RecursionError:  # pragma: no cover - defensive: the rules do not recurse deeply
        return []


def marked_quotations(text: str) -> list[Quotation]:
    """The quoted stretches of a text in a language without rules, with no speaker."""
    found = []
    content = (p for p in split_paragraphs(text) if p.is_content)
    for index, paragraph in enumerate(content):
        for quote in find_quotes(text, paragraph.start, paragraph.end):
            text_of = text[quote.start : quote.end]
            if text_of.strip():
                found.append(
                    Quotation(
                        quote.start,
                        quote.end,
                        text_of,
                        "direct",
                        paragraph=index,
                        confidence=0.1,
                        rule="no-rules-for-language",
                    )
                )
    return found


def _extract(text: str, published: date | None) -> list[Quotation]:
    paragraphs = split_paragraphs(text)
    content = [p for p in paragraphs if p.is_content]
    registry = Registry(text, [(p.start, p.end) for p in content])
    markers = relay_markers(text)
    state = State()
    previous_content_index = -10
    continued_open = False
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.is_content:
            if paragraph.kind in ("related", "caption"):
                state.via_record = None
                state.last_quote = None
                labelled = _quote_then_label(text, paragraph, index, registry) or _quote_then_cue(
                    text, paragraph, index, registry
                )
                if labelled is not None:
                    state.results.append(labelled)
            continue
        adjacent = previous_content_index == index - 1 or all(
            p.kind == "boilerplate" for p in paragraphs[previous_content_index + 1 : index]
        )
        if adjacent and _sign_previous(text, paragraph, previous_content_index, registry, state):
            previous_content_index = index
            continued_open = False
            continue
        quotes = find_quotes(text, paragraph.start, paragraph.end)
        continues = bool(
            continued_open and adjacent and quotes and quotes[0].mark_start == paragraph.start
        )
        _paragraph(
            text, paragraph, index, quotes, continues, adjacent, registry, markers, state, published
        )
        continued_open = bool(quotes) and not quotes[-1].closed
        previous_content_index = index
    return named_after(text, state.results, registry)


def _quote_then_label(
    text: str, paragraph: Paragraph, index: int, registry: Registry
) -> Quotation | None:
    """ "‘Impossible to occupy our people’: Zelensky visits town ...": a video caption or
    related-story headline that opens with a quotation, a colon and then the name of a person
    or body gives the quotation to that name. Nothing else in such lines is read: they are
    not the article's own reporting, and they change nothing for the sentences around them."""
    quotes = find_quotes(text, paragraph.start, paragraph.end)
    if not quotes or quotes[0].mark_start != paragraph.start or not quotes[0].closed:
        return None
    quote = quotes[0]
    if not text.startswith(": ", quote.mark_end) or quote.end - quote.start < 3:
        return None
    mention = subject_after(text, quote.mark_end + 2, paragraph.end)
    if mention is None or mention.kind not in ("person", "organisation"):
        return None
    if mention.start != quote.mark_end + 2 or not mention.name:
        return None
    if mention.kind == "person":
        speaker = Speaker(registry.resolve_name(mention.name, paragraph.start), "person", None, "")
    else:
        speaker = Speaker(mention.name, "organisation", None, "")
    return Quotation(
        start=quote.start,
        end=quote.end,
        text=text[quote.start : quote.end],
        kind="direct",
        speaker=speaker.name,
        speaker_kind=SPEAKER_KINDS.get(speaker.kind),
        speaker_text=mention.text,
        paragraph=index,
        confidence=0.5,
        rule="caption-quote-label",
    )


def _quote_then_cue(
    text: str, paragraph: Paragraph, index: int, registry: Registry
) -> Quotation | None:
    """ "‘We will not back down,’ Russian foreign minister says": a subhead or caption that opens
    with a quotation its own reporting verb gives to a person named there or in the article
    (the description resolved as the article names them). Changes nothing for the sentences
    around it, as `_quote_then_label`."""
    quotes = find_quotes(text, paragraph.start, paragraph.end)
    if len(quotes) != 1 or quotes[0].mark_start != paragraph.start or not quotes[0].closed:
        return None
    quote = quotes[0]
    outside = outside_quotes(paragraph.start, paragraph.end, quotes)
    cues = find_cues(text, outside, paragraph.start, paragraph.end)
    chosen, _, _ = choose_cue(text, quote, cues, paragraph.start)
    mention = chosen.mention if chosen is not None else None
    if chosen is None or mention is None or chosen.start < quote.mark_end:
        return None
    if mention.kind not in ("person", "description"):
        return None
    speaker = resolve_speaker(mention, registry, State(), paragraph.start)
    if speaker is None or speaker.kind != "person":
        return None
    return Quotation(
        start=quote.start,
        end=quote.end,
        text=text[quote.start : quote.end],
        kind="direct",
        speaker=speaker.name,
        speaker_kind="person",
        role=speaker.role,
        speaker_text=mention.text,
        cue=chosen.verb,
        paragraph=index,
        confidence=0.5,
        rule="subhead-quote-cue",
    )


_SIGNATURE = re.compile(r"[-—–]{1,2} ?(?=[A-Z])")


def _sign_previous(
    text: str, paragraph: Paragraph, previous: int, registry: Registry, state: State
) -> bool:
    """ "“Great speech. She's ready.”" then "-President Obama, tweeting after the speech.": a
    signature line names the speaker of the unattributed quotation just above it."""
    match = _SIGNATURE.match(text, paragraph.start, paragraph.end)
    if match is None or paragraph.end - paragraph.start > 200:
        return False
    waiting = []
    for i in range(len(state.results) - 1, -1, -1):  # only the last paragraph's: linear overall
        q = state.results[i]
        if q.paragraph != previous:
            break
        if q.kind != "indirect" and (q.speaker is None or q.rule == "continues-previous"):
            waiting.append(i)
    if not waiting:
        return False
    mention = subject_after(text, match.end(), paragraph.end)
    if mention is None or mention.kind not in ("person", "organisation", "description"):
        return False
    speaker = resolve_speaker(mention, registry, state, paragraph.start)
    if speaker is None:
        return False
    for i in waiting:
        state.results[i] = replace(
            state.results[i],
            speaker=speaker.name,
            speaker_kind=SPEAKER_KINDS.get(speaker.kind),
            role=speaker.role,
            speaker_text=speaker.text,
            confidence=0.6,
            rule="signature-line",
        )
    state.last_quote = (speaker, previous, None)
    state.weak_last = False
    remember(speaker, state)
    return True


# --- One paragraph ----------------------------------------------------------------------------


def _paragraph(
    text: str,
    paragraph: Paragraph,
    index: int,
    quotes: list[QuoteSpan],
    continues: bool,
    adjacent: bool,
    registry: Registry,
    markers: WordPlaces,
    state: State,
    published: date | None,
) -> None:
    count = len(quotes)
    after = 0  # quotes[:after] open before the sentence's end (they are in text order)
    state.paragraph = index
    if state.unnamed is not None and index > state.unnamed[1] + 1:
        if state.last_person is state.unnamed[0]:
            state.last_person = state.unnamed[2]
        state.unnamed = None
    previous = state.last_sentence  # "The ministry issued a statement." ¶ "“...,” it says."
    for lo, hi in split_sentences(text, paragraph, quotes):
        state.previous_sentence, previous = previous, (lo, hi)
        while after < count and quotes[after].mark_start < lo:
            after += 1  # opens before the sentence: in a dateline
        first = after
        while after < count and quotes[after].mark_start < hi:
            after += 1
        inside = quotes[first:after]
        outside = outside_quotes(lo, hi, inside)
        cues = find_cues(text, outside, lo, hi)
        vias = [
            (at, meant)
            for at, via in find_vias(text, lo, hi, outside, markers)
            if (meant := relay_meant(via, registry, state, at)) is not None
        ]
        when = said_on(text, lo, hi, published) if inside or cues else None
        if not inside and not cues and is_title_cased(text, paragraph):
            headline_claim(text, lo, hi, index, registry, state)
            continue
        if (
            not inside
            and not cues
            and paragraph.kind == "headline"
            and labelled_headline_claim(text, lo, hi, index, registry, state)
        ):
            continue
        if not inside:
            claim(text, lo, hi, index, cues, vias, registry, state, when)
            more_claims(text, lo, hi, index, cues, inside, vias, registry, state, when)
            continue
        more_claims(text, lo, hi, index, cues, inside, vias, registry, state, when)
        starts = [cue.start for cue in cues] if len(cues) > _FEW_CUES else []
        for quote in inside:
            _quotation(
                text,
                quote,
                lo,
                hi,
                index,
                paragraph,
                _cues_near(cues, starts, quote),
                vias,
                continues,
                adjacent,
                registry,
                state,
                when,
            )
            continues = False
    state.last_sentence = previous


_FEW_CUES = 12
_CUE_REACH = 600
"""How far from a quotation its cue may stand (characters): a sentence of many quotations and
cues (hostile input) gives each quotation only the cues around it, not all of them."""


def _cues_near(cues: list[Cue], starts: list[int], quote: QuoteSpan) -> list[Cue]:
    """The cues within _CUE_REACH of the quotation (all of them in a sentence of few)."""
    if not starts:
        return cues
    first = bisect_left(starts, quote.mark_start - _CUE_REACH)
    last = bisect_right(starts, quote.mark_end + _CUE_REACH)
    return cues[first:last]


def _quotation(
    text: str,
    quote: QuoteSpan,
    lo: int,
    hi: int,
    index: int,
    paragraph: Paragraph,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    continues: bool,
    adjacent: bool,
    registry: Registry,
    state: State,
    when: date | None,
) -> None:
    label = TRANSCRIPT_LABEL.match(text, quote.start, quote.end)
    if label is not None and transcript_speaker(label.group(1), registry, lo) is not None:
        transcript_quotation(text, quote, label, index, registry, state, lo, when)
        return
    chosen, rule, confidence = choose_cue(text, quote, cues, lo)
    title_cased = is_title_cased(text, paragraph)
    work = names_a_work(text, quote, lo) and not title_cased
    if work:
        chosen = None  # "said on ABC's “This Week”", "author of “Hacked World Order”": a title
    speaker: Speaker | None = None
    cue_word: str | None = None
    if chosen is not None and chosen.mention is not None:
        speaker = resolve_speaker(chosen.mention, registry, state, lo)
        cue_word = chosen.verb
        poll = poll_source(text, chosen.mention, lo, hi)
        if poll is not None:
            speaker = poll
        elif chosen.end <= quote.mark_start and chosen.verb not in NAMING_VERBS:
            # "Critics mocked Lavrov’s warning of a “...”"; not "called Trump's remarks “...”"
            owner = owner_of_speech_noun(text, lo, quote, registry, state, after=chosen.end)
            if owner is not None:
                speaker, rule, confidence = owner, "speech-noun-owner", 0.45
    if speaker is None and not work and title_cased:
        headline = headline_speaker(text, quote, paragraph, registry, state)
        if headline is not None:
            speaker, rule, confidence = headline, "headline-verb", 0.6
    if speaker is None and paragraph.kind == "headline":
        labelled = quotation_then_possessor(text, quote, paragraph, registry)
        if labelled is not None:
            speaker, rule, confidence = labelled, "headline-possessor", 0.6
    if speaker is None and not work:
        found = signed(text, quote, paragraph, registry, state, lo) or speaker_without_cue(
            text, quote, lo, index, continues, adjacent, registry, state, bool(cues)
        )
        if (
            found is not None
            and found[1] == "continues-previous"
            and subhead(text, quote, paragraph)
        ):
            found = None
        if found is not None and _said_by_he_or_she(chosen) and found[0].kind in _NOT_HE_OR_SHE:
            found = None  # "“...,” he said" after an agency's report: not the agency
        if found is not None:
            speaker, rule, confidence = found
    via = via_for(speaker, chosen, cues, vias, text, lo, hi, index, state)
    kind = quote_kind(text, quote, lo, paragraph)
    quotation = Quotation(
        start=quote.start,
        end=quote.end,
        text=text[quote.start : quote.end],
        kind=kind,
        speaker=speaker.name if speaker else None,
        speaker_kind=SPEAKER_KINDS.get(speaker.kind) if speaker else None,
        role=speaker.role if speaker else None,
        speaker_text=speaker.text if speaker else None,
        cue=cue_word,
        via=via.name if via else None,
        via_text=via.text if via else None,
        said_on=when if speaker else None,
        paragraph=index,
        confidence=confidence if speaker else 0.1,
        rule=rule if speaker else "unattributed",
    )
    state.results.append(quotation)
    if speaker is not None:
        state.last_quote = (speaker, index, via)
        state.weak_last = rule == "sentence-subject"
        remember(speaker, state)
        if chosen is not None:
            remember_listener(text, chosen, speaker, hi, lo, registry, state)


_NOT_HE_OR_SHE = frozenset({"organisation", "outlet", "plural"})


def _said_by_he_or_she(cue: Cue | None) -> bool:
    """Whether the cue's own subject is "he" or "she" (which no body or group can be)."""
    return cue is not None and cue.mention is not None and cue.mention.text.lower() in ("he", "she")
