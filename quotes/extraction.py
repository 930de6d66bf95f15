"""Extraction: every quotation and reported claim in an article, with speaker, relay, cue and date.

Stages (each a pure function of the text): `cleaning.split_paragraphs` marks boilerplate;
`quotemarks.find_quotes` finds quoted stretches in content paragraphs; sentences are split in the
reporter's words only; cues (reporting verbs) and their speaker phrases come from
`attribution`; each quotation takes the cue right after it ("...," Patrushev said), else the
nearest before it in its sentence (Putin told Xi: "..."), else continues the previous speaker when
it opens its sentence or paragraph. Relay outlets named in a sentence apply to its quotations and
carry forward to the same speaker's next ones until another speaker or a block of related links.
Sentences without quote marks give reported claims (kind "indirect").

Limits: rules, not a model: a quotation with no reporting verb in its sentence and no quotation
before it is left unattributed (speaker None); pronouns resolve to the latest speaker of a fitting
kind, not by gender; claims are whole clauses after the cue up to the end of the sentence.
Linear in the text's length: every pattern is bounded and scans a paragraph once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from quotes.attribution import (
    DESCRIBING_PREPOSITIONS,
    Mention,
    Registry,
    Via,
    WordPlaces,
    bare,
    country_government,
    find_vias,
    is_title_word,
    lead_in_subjects,
    relay_markers,
    said_on,
    sentence_subject,
    statement_without_source,
    strip_possessive,
    subject_after,
    subject_before,
)
from quotes.cleaning import Paragraph, split_paragraphs
from quotes.lexicon import lexicon
from quotes.outlets import CHANNEL_FORMS, lookup_outlet
from quotes.quotemarks import QuoteSpan, find_quotes
from quotes.records import Quotation, QuoteKind, SpeakerKind, quick_init

_WORD = re.compile(r"[A-Za-z]+")


class _EndingPattern:
    """A pattern anchored at the end of the window searched (`$`) that opens with a run of word
    characters one more word character before would extend (`\\w+`, `\\w[\\w.]*`).

    `search` gives a match with the groups `re.search` of the pattern gives (not always its
    start), quicker: a plain search tries the pattern from every letter of every word in the
    window, only to fail at `$` from most. The leftmost match starts where a word starts (`\\b`;
    were a word character before it, the match would extend to it), or right at the window's
    start if that is inside a word. So the pattern is tried there, then only at word starts:
    from the left as a search does; or, for a pattern that can match from only one word start
    (`(\\w+)\\W*$`; not `(\\w[\\w.]*)$`: "U.S" has two), from the right (`.*` then `\\b`),
    a few steps back from the end.
    """

    def __init__(self, pattern: str, *, one_word_start: bool = False) -> None:
        self.anywhere = re.compile(pattern)
        if one_word_start:
            self.from_word_start = re.compile(r"(?s:.*)\b" + pattern).match
        else:
            self.from_word_start = re.compile(r"\b" + pattern).search

    def search(self, text: str, lo: int, hi: int) -> re.Match[str] | None:
        if lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):  # opens inside a word
            found = self.anywhere.match(text, lo, hi)
            if found is not None:
                return found
        return self.from_word_start(text, lo, hi)


_BOUNDARY = re.compile(r"[.!?](?:''|[”’\"»'])?\s+(?=[“‘\"«„'`A-Z\[(0-9])")
_ABBREV_BEFORE = _EndingPattern(r"(\w[\w.]*)$")
_PARTICIPLES = frozenset(
    "saying adding noting calling describing urging telling warning arguing insisting stressing "
    "vowing pledging promising expressing claiming explaining accusing declaring writing tweeting "
    "asking remarking suggesting citing quipping joking posting replying responding recalling "
    "conceding acknowledging admitting boasting predicting complaining asserting announcing "
    "praising blasting slamming labeling labelling dubbing branding shouting chanting yelling "
    "screaming reporting referring blaming touting criticizing criticising denouncing mocking "
    "characterizing characterising deriding ridiculing hailing welcoming lamenting decrying "
    "condemning lambasting berating chiding taunting thanking terming stating mentioning "
    "contending maintaining alleging reiterating emphasizing emphasising retorting scoffing "
    "exclaiming pleading imploring musing wondering observing recounting".split()
) | {"pointing out"}
_NOUN_DETERMINERS = frozenset(
    {
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "no",
    }
)
_NEGATION_IN_CLAUSE = re.compile(r"\b(?:refrained from|refused to|declined to|not|never|without)\b")
_PREVIOUS_WORD = _EndingPattern(r"(\w+)\W*$", one_word_start=True)
_SO_CALLED = re.compile(r"(?<![\w-])[Ss]o[- ]$")


@cache
def _cue_pattern() -> re.Pattern[str]:
    """One pattern for every reporting verb (lower case only: "Said" opens no cue)."""
    return re.compile(r"\b" + _cue_trie() + r"\b")


@cache
def _cue_after_boundary() -> re.Pattern[str]:
    """`_cue_pattern()` opening with the character before the cue instead of `\b` (group 1 is
    the cue). Every cue opens with a letter, so `\b` there means a non-word character before
    it (or none: the text's start). A pattern that opens with a character class lets the regex
    engine skip ahead to such characters instead of trying the pattern at every letter."""
    return re.compile(r"\W(" + _cue_trie() + r")\b")


@cache
def _cue_trie() -> str:
    lex = lexicon()
    words = [
        w
        for w in lex.speech_verbs | lex.belief_verbs | _EXTRA_CUES
        if " " not in w or w in _MULTIWORD_CUES
    ]
    return _trie_pattern(words)


def _cue_spans(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Where the matches of `_cue_pattern().finditer(text, lo, hi)` are, found quicker."""
    if lo == 0:  # no character before the text's start for `_cue_after_boundary`
        first = _cue_pattern().match(text, 0, hi)
        if first is not None:
            yield first.span()
            lo = first.end()
    for match in _cue_after_boundary().finditer(text, max(lo - 1, 0), hi):
        yield match.span(1)


def _trie_pattern(words: list[str]) -> str:
    """An alternation shaped as a trie, so each position tries a few letters, not every word."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:  # type: ignore[type-arg]
    branches = [
        re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char
    ]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if optional else body


_NEGATION = re.compile(
    r"\b(?:not|never|n[o’']t|refrained from|without|declined to|refused to|stopped short of"
    r"|avoided)\s+(?:\w+\s+)?$"
)
# A word `_NEGATION` cannot match without, looked for first (a quicker scan).
_NEGATION_WORD = re.compile("not|never|n’t|n't|refrained|without|declined|refused|stopped|avoided")
_PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_MULTIWORD_CUES = frozenset(
    {"put it", "puts it", "went on", "goes on", "shot back", "fired back", "hit back"}
    | {"pointed out", "points out", "point out", "pointing out"}
    | {"made clear", "made it clear", "makes clear", "makes it clear"}
    | {"issued a statement", "released a statement"}
)
_EXTRA_CUES = frozenset(
    {"quoted", "pointed", "wrote", "insists", "issued a statement", "released a statement"}
    | {"pointed out", "points out", "point out", "pointing out"}
    | {"made clear", "made it clear", "makes clear", "makes it clear"}
)
_INDIRECT_VERBS = frozenset(
    """according said says say told tells added adds argued argues claimed claims believes believe
    believed
    think thinks thought warned warns insisted insists noted suggested suggests stressed explained
    acknowledged admitted announced predicted predicts wrote writes reported reports contended
    maintained asserted hopes hoped expects expected fears feared knows knew denied confirmed
    promised vowed pledged declared complained recalled emphasised emphasized urged agreed
    concluded estimated estimates argue assured indicated""".split()
) | {"pointed out", "points out", "made clear", "made it clear", "makes clear", "makes it clear"}
_NO_CLAIM_VERBS = frozenset(
    """read reads laughed sighed screamed barked interrupted boomed thundered chimed riffed
    lectured admonished exulted marveled marvelled""".split()
) | {"issued a statement", "released a statement"}
_INDEFINITE = frozenset(
    {"a", "an", "one", "another", "some", "several", "two", "three", "many", "other"}
)
_SPEAKER_KINDS: dict[str, SpeakerKind] = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "organisation",
    "plural": "person",
    "description": "person",
}


@quick_init
@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    verb: str
    mention: Mention | None

    def with_mention(self, mention: Mention | None) -> Cue:
        """This cue with another speaker phrase (what `dataclasses.replace` gives, quicker)."""
        return Cue(self.start, self.end, self.verb, mention)


@quick_init
@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: str
    role: str | None
    text: str

    def written_as(self, text: str) -> Speaker:
        """This speaker, named by other words (what `dataclasses.replace` gives, quicker)."""
        return Speaker(self.name, self.kind, self.role, text)


@dataclass(slots=True)
class _State:
    """What earlier sentences tell later ones: last speakers, last quotation, relay in force."""

    last_person: Speaker | None = None
    last_org: Speaker | None = None
    last_plural: Speaker | None = None
    last_quote: tuple[Speaker, int, Via | None] | None = None  # speaker, paragraph, via
    weak_last: bool = False  # the last quotation's speaker is only its sentence's subject
    via_record: tuple[Via, Speaker, int] | None = None
    prior_claim: tuple[Speaker, int, int] | None = None  # speaker, paragraph, sentence end
    previous_sentence: tuple[int, int] = (-1, -1)  # the bounds of the sentence before
    paragraph: int = -1  # the paragraph being read
    # An unnamed official who spoke ("a government spokesman"), the paragraph, and the named
    # person "he" or "she" meant before: the official is who they mean for one paragraph more.
    unnamed: tuple[Speaker, int, Speaker | None] | None = None
    results: list[Quotation] = field(default_factory=list)


def extract_quotations(text: str, published: date | None = None) -> list[Quotation]:
    """Every quotation and claim in `text`, in order of appearance; never raises on any text."""
    try:
        return _extract(text, published)
    except RecursionError:  # pragma: no cover - defensive: the rules do not recurse deeply
        return []


def _extract(text: str, published: date | None) -> list[Quotation]:
    paragraphs = split_paragraphs(text)
    content = [p for p in paragraphs if p.is_content]
    registry = Registry(text, [(p.start, p.end) for p in content])
    markers = relay_markers(text)
    state = _State()
    previous_content_index = -10
    continued_open = False
    for index, paragraph in enumerate(paragraphs):
        if not paragraph.is_content:
            if paragraph.kind in ("related", "caption"):
                state.via_record = None
                state.last_quote = None
                labelled = _quote_then_label(text, paragraph, index, registry)
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
    return state.results


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
        speaker_kind=_SPEAKER_KINDS.get(speaker.kind),
        speaker_text=mention.text,
        paragraph=index,
        confidence=0.5,
        rule="caption-quote-label",
    )


_SIGNATURE = re.compile(r"[-—–]{1,2} ?(?=[A-Z])")


def _sign_previous(
    text: str, paragraph: Paragraph, previous: int, registry: Registry, state: _State
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
    speaker = _resolve(mention, registry, state, paragraph.start)
    if speaker is None:
        return False
    for i in waiting:
        state.results[i] = replace(
            state.results[i],
            speaker=speaker.name,
            speaker_kind=_SPEAKER_KINDS.get(speaker.kind),
            role=speaker.role,
            speaker_text=speaker.text,
            confidence=0.6,
            rule="signature-line",
        )
    state.last_quote = (speaker, previous, None)
    state.weak_last = False
    _remember(speaker, state)
    return True


# "WASHINGTON (AP) — ", "Washington (AFP) – ", "CLEVELAND, July 19 (UPI) — ", "MIAMI — ": where
# and through whom the story was filed; the first sentence begins after it.
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’\- ]{1,40}?(?:, [A-Z][\w. ]{1,20}?)?\s\([A-Za-z][\w ]{1,20}\)"
    r"|[A-Z][A-Z.'’\- ]{2,30}(?:, [A-Z][\w. ]{1,20}?)?)"
    r"\s*(?:—|–|--?)\s+(?=[A-Z“\"‘])"
)

# Every dateline opens with a capital letter and holds a dash: looked for before the (slower,
# backtracking) pattern is tried.
_DASH = re.compile("[—–-]")


def _dateline_end(text: str, paragraph: Paragraph) -> int:
    """Where the paragraph's first sentence begins: after its dateline, if it has one."""
    start = paragraph.start
    window_end = min(paragraph.end, start + 80)
    if not ("A" <= text[start] <= "Z") or _DASH.search(text, start, window_end) is None:
        return start
    dateline = _DATELINE.match(text, start, window_end)
    return dateline.end() if dateline is not None else start


def _sentences(text: str, paragraph: Paragraph, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = _dateline_end(text, paragraph)
    quote_index = 0
    for match in _BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        at = match.start()
        while quote_index < len(quotes) and quotes[quote_index].mark_end <= at:
            quote_index += 1
        if quote_index < len(quotes):
            quote = quotes[quote_index]
            if quote.mark_start < at and not (quote.closed and at == quote.end - 1):
                continue
            if (
                quote.mark_start < at
                and _opens_sentence(text, start, quote.mark_start)
                and _attribution_follows(text, match.end(), paragraph.end, text[at] != ".")
            ):
                continue
        before = _ABBREV_BEFORE.search(text, max(paragraph.start, at - 20), at)
        if before is not None:
            word = before.group(1).lower()
            if word in lexicon().abbreviations or (len(word) == 1 and text[at - 1].isupper()):
                continue
            if "." in word and text[at] == ".":
                continue
        end = match.end()
        bounds.append((start, end))
        start = end
    if start < paragraph.end:
        bounds.append((start, paragraph.end))
    return bounds


_CLAUSE_END = re.compile(r"[.!?“”\"]|''")


def _opens_sentence(text: str, start: int, mark_start: int) -> bool:
    """The quotation opens its sentence: a whole quoted sentence whose speaker may follow it (not
    one after "O'Malley interjected:", whose speaker is already given)."""
    return _last_visible(text, start, mark_start) == ""


def _attribution_follows(text: str, at: int, end: int, exclaimed: bool) -> bool:
    """ "“Perpetual motion!” Rep. Glenn Thompson said": the speaker follows the closing mark.
    Not "Mr. Zahed said: “...”", whose cue introduces the quotation after it. After a quotation
    ending in a full stop ("... campaign.” Ohio Gov. John Kasich said he would ..."), a new
    sentence may well open with its own speaker: the first full stop ends the search."""
    window_end = min(end, at + 90)
    if exclaimed:
        limit = _clause_stop(text, at + 4, window_end)
    else:
        stop = _CLAUSE_END.search(text, at + 4, window_end)
        limit = stop.start() if stop is not None else window_end
    cue = _cue_pattern().search(text, at, limit)
    if cue is None:
        return False
    rest = text[cue.end() : cue.end() + 3].lstrip()
    return not rest.startswith(":")


def _clause_stop(text: str, lo: int, hi: int) -> int:
    """Where the clause from `lo` ends, a full stop after an abbreviation aside ("Rep. Glenn
    Thompson, R-Pa., said")."""
    stop = _CLAUSE_END.search(text, lo, hi)
    while stop is not None and stop[0] == ".":
        before = _ABBREV_BEFORE.search(text, max(lo, stop.start() - 20), stop.start())
        word = before.group(1).lower() if before is not None else ""
        abbreviated = word in lexicon().abbreviations or len(word) == 1 or "-" in word
        if not abbreviated and not text.startswith(",", stop.end()):
            break
        stop = _CLAUSE_END.search(text, stop.end(), hi)
    return stop.start() if stop is not None else hi


def _outside(lo: int, hi: int, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    parts = []
    cursor = lo
    for quote in quotes:
        if quote.mark_end <= lo or quote.mark_start >= hi:
            continue
        if quote.mark_start > cursor:
            parts.append((cursor, quote.mark_start))
        cursor = max(cursor, quote.mark_end)
    if cursor < hi:
        parts.append((cursor, hi))
    return parts


def _find_cues(text: str, outside: list[tuple[int, int]], lo: int, hi: int) -> list[Cue]:
    cues: list[Cue] = []
    for part_lo, part_hi in outside:
        for start, end in _cue_spans(text, part_lo, part_hi):
            low = text[start:end]
            previous = _PREVIOUS_WORD.search(text, max(part_lo, start - 25), start)
            previous_word = previous[1].lower() if previous is not None else ""
            attached = previous is not None and text[previous.end(1) : start].isspace()
            if attached and (previous_word in _NOUN_DETERMINERS or previous_word == "to"):
                continue  # "the report", "to state"; not "... larger than that, said Wasserman"
            if text[start - 3 : start - 1] in ("so", "So") and _SO_CALLED.search(
                text, max(part_lo, start - 4), start
            ):
                continue  # "so-called": a label, not a cue
            if low in ("state", "states") and not _may_state(previous):
                continue  # "member states", "an independent state": a noun
            if _noun_after_name(text, part_lo, start, low):
                continue  # "a Twitter comment", "the Paris attacks": a noun
            if (
                low.startswith("continu")
                and _CONTINUES_SOMETHING.match(text, end, part_hi)
                and not _INVERSION_BEFORE.search(text, max(0, start - 3), start)
            ):
                continue  # "will continue to be", "would continue exports": not a cue
            if text[max(part_lo, start - 3) : start].rstrip().endswith(
                ("’s", "'s", "s’")
            ) and not _CONTRACTED_IS.search(text, max(part_lo, start - 12), start):
                continue  # "the Communist Party's claim": a noun; not "he’s predicting"
            if previous_word == "or" and _NEGATION_IN_CLAUSE.search(text, lo, start):
                continue
            passive = (
                previous_word in _PASSIVE_AUXILIARIES
                and low != "quoted"
                and not low.endswith("ing")
            )  # "was told" is passive; "is calling" is not
            if low in _NAMING_VERBS and (
                passive or _ADVERB_AFTER_AUXILIARY.search(text, max(part_lo, start - 30), start)
            ):
                agent = _passive_agent(text, end, hi)
                if agent is not None:  # "was described by Trump as", "is often labelled ... by"
                    cues.append(Cue(start, end, f"{low} by", agent))
                    continue
            if passive or (low.endswith("ed") and text.startswith(" by ", end)):
                continue  # "The measures, announced by the Commerce Department, expand ..."
            if attached and previous_word in _MODALS and low in _FUTURE_ACTS:
                continue  # "the United States would announce a new aid package": not yet said
            if low == "asked" and _ASKED_AFTER_COMMA.match(text, start - 2, end + 12):
                continue  # "Zelenskiy, asked at a news conference whether ..., said": was asked
            if low.endswith(("ed", "ing")) and _ABSOLUTE_WITH.match(text, lo, start):
                continue  # "With Democratic leaders increasingly worried about ..., Obama is"
            question_lo = max(part_lo, start - 110)
            if text.find("asked", question_lo, start) >= 0 and _IN_A_QUESTION.search(
                text, question_lo, start
            ):
                continue  # "asked whether he expected the aid to arrive": a question, no claim
            window = max(part_lo, start - 30)
            if (
                _NEGATION_WORD.search(text, window, start) is not None
                and _NEGATION.search(text, window, start) is not None
            ):
                continue
            mention = _cue_subject(text, lo, part_lo, start, end, part_hi)
            if mention is not None and _base_form_after_singular(text, mention, start, low):
                continue  # "would help Taiwan maintain a ... capability": an infinitive
            cues.append(Cue(start, end, low, mention))
        if text.find("ccording to", part_lo, part_hi) >= 0:
            cues.extend(_according_to_cues(text, part_lo, part_hi, hi))
        if text.find(" words,", part_lo, part_hi) >= 0:
            cues.extend(_in_ones_words(text, part_lo, part_hi))
    opening = _OPENING_CUE.match(text, lo, hi)
    if opening is not None and opening.group(1).lower() in lexicon().speech_verbs:
        mention = subject_after(text, opening.end(), outside[0][1] if outside else hi)
        if mention is not None and mention.kind in ("person", "organisation", "description"):
            cues.append(Cue(opening.start(1), opening.end(1), opening.group(1).lower(), mention))
    if len(cues) > 1:
        cues.sort(key=lambda c: c.start)
    subject_lo = outside[0][0] if outside else lo  # not a subject inside a quotation
    return _quoted_as_saying(text, _fill_shared_subjects(text, cues, subject_lo, hi))


def _base_form_after_singular(text: str, mention: Mention, cue_start: int, verb: str) -> bool:
    """ "help Taiwan maintain", "let Trump decide": a verb's base form right after one named
    person or body does not agree with it, so it is no finite verb of saying. Not "Democrats
    say", nor "heard Trump say" or "did Trump say", whose speaker is the name."""
    if (
        mention.kind not in ("person", "organisation")
        or not text[mention.end : cue_start].isspace()
    ):
        return False
    if " " in verb or verb in _PAST_AS_BASE or not _is_base_form(verb):
        return False
    words = mention.text.split()
    if mention.text.endswith("s") or mention.text.lower().endswith(_PLURAL_BODIES):
        return False
    if len(words) > 1 and words[0].endswith("s") and words[0].isalpha():
        return False  # "Supporters of the law hope"
    at = mention.start
    for _ in range(4):  # back over capitalised words: "supporters of Democrat Hillary Clinton"
        before = _PREVIOUS_WORD.search(text, max(0, at - 25), at)
        if before is None or not before[1][:1].isupper():
            break
        at = before.start(1)
    return before is None or before[1].lower() not in _KEEPS_BASE_FORM


@cache
def _is_base_form(verb: str) -> bool:
    """A reporting verb's base form: one whose third-person form is a cue too ("say")."""
    cues = lexicon().speech_verbs | lexicon().belief_verbs | _EXTRA_CUES
    third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2:-1] not in "aeiou" else verb + "s"
    return third in cues or verb + "es" in cues


# Words before a name that let a base form follow it: perception verbs, auxiliaries, modals;
# and words after which the name is part of a longer, plural subject ("supporters of Hillary
# Clinton say", "Stephen S. Cohen and J. Bradford DeLong of Berkeley suggest").
_KEEPS_BASE_FORM = frozenset(
    "hear heard hears hearing watch watched watching see saw seen seeing did does do would will "
    "could can should might may must of to for with from in like at by on about among and or "
    "nor".split()
)
_PAST_AS_BASE = frozenset({"cast", "put", "set", "read", "hit", "bid"})
_PLURAL_BODIES = ("police", "people")
# "continued" goes on speaking only before a pause, "that", "on", words for what was said
# ("continued his remarks") or its inverted subject ("...,” continued Mr. Smith"); before any
# other word it goes on doing something ("would continue exports").
_CONTINUES_SOMETHING = re.compile(
    r" (?!that\b|on\b|(?:his|her|their|its) (?:[a-z]+ )?(?:remarks|attacks?|assault|criticism"
    r"|speech|tirade|rant|argument|comments|testimony)\b)[\w’']"
)
_INVERSION_BEFORE = re.compile(r"[,”\"'’—]\s*$")
_ABSOLUTE_WITH = re.compile(r"\W*With [^,;:“”\"]{1,60}$")
_IN_A_QUESTION = re.compile(r"\basked\b[^.?!;]{0,80}\b(?:whether|if) (?:he|she|they|it|we|you|I) $")
_ASKED_AFTER_COMMA = re.compile(r", asked (?:at|about|whether|if|on|in|during|why|how|what)\b")
_MODALS = frozenset({"would", "will", "could", "may", "might", "should", "can", "must", "shall"})
# Verbs that, after a modal, tell of an act to come, not of words said ("would announce").
_FUTURE_ACTS = frozenset(
    "announce unveil release publish propose present issue reveal declare introduce respond "
    "react reply".split()
)
_BY_AGENT = re.compile(r"\bby\s+")
_ADVERB_AFTER_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly|often|also|once|long|sometimes)\s+$"
)
# Passive reporting verbs whose agent's words the quotation gives ("was asked by", "was called
# ... by"); not "was denounced by", whose agent's words are about something else.
_NAMING_VERBS = frozenset(
    "asked told described called labeled labelled dubbed branded termed characterized "
    "characterised".split()
)
_AGENT_KINDS = frozenset({"person", "organisation", "plural", "description"})


def _passive_agent(text: str, cue_end: int, hi: int) -> Mention | None:
    """ "was described by Trump as “a disaster”", "was labeled a “witch hunt” by Democrats": the
    agent of a passive reporting verb, within the clause, is who said it."""
    clause_end = min(hi, cue_end + 120)
    stop = text.find(",", cue_end, clause_end)
    if stop >= 0 and not _CLOSING_MARK_BEFORE.match(text, stop - 1):
        clause_end = stop
    by = _BY_AGENT.search(text, cue_end, clause_end)
    if by is None:
        return None
    agent = subject_after(text, by.end(), hi)
    return agent if agent is not None and agent.kind in _AGENT_KINDS else None


_CLOSING_MARK_BEFORE = re.compile(r"[”\"’']")


_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(\S.{0,60}?)\s+as\s+$")
_AS_SAYING = frozenset({"saying", "telling", "writing", "stating", "adding", "describing"})


def _quoted_as_saying(text: str, cues: list[Cue]) -> list[Cue]:
    """ "Interfax quoted Peskov as saying “...”": Peskov speaks (the cue "saying" is his); the
    one who quoted him is the relay, found by `_explicit_via` through the cue "quoted"."""
    if not any(cue.verb in _AS_SAYING for cue in cues):
        return cues
    for index, cue in enumerate(cues):
        if cue.verb not in _AS_SAYING:
            continue
        quoted = _QUOTED_AS.search(text, max(0, cue.start - 75), cue.start)
        if quoted is None:
            continue
        named = subject_after(text, quoted.start(1) - 1, quoted.end(1))
        if named is not None and named.kind in ("person", "description", "organisation"):
            cues[index] = cue.with_mention(named)
    return cues


_CONTRACTED_IS = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho|[Ww]hat)[’']s\s+$")
_OPENING_CUE = re.compile(r"([A-Z][a-z]+ed|Said|Wrote|Says|Adds|Writes)\s+(?=[A-Z])")


_TWO_WORDS_BEFORE = _EndingPattern(r"(\w+)\s+([A-Z][\w’'\-]*)\s+$", one_word_start=True)


def _noun_after_name(text: str, part_lo: int, at: int, verb: str) -> bool:
    """ "a Twitter comment", "her Facebook post": a base-form verb after a singular determiner and
    a name is a noun; so is "the Paris attacks" after a place."""
    if at <= part_lo or not text[at - 1].isspace():
        return False  # the pattern needs white space after the name
    last = text[max(part_lo, at - 40) : at].rsplit(maxsplit=1)[-1:]
    if not last or not ("A" <= last[0][0] <= "Z"):
        return False  # ... and a capitalised last word
    words = _TWO_WORDS_BEFORE.search(text, max(part_lo, at - 40), at)
    if words is None:
        return False
    determiner, name = words.group(1).lower(), words.group(2)
    if determiner in ("a", "an", "his", "her", "its") and not verb.endswith(("s", "ed", "ing")):
        return True
    return determiner == "the" and name in lexicon().places


def _may_state(previous: re.Match[str] | None) -> bool:
    """ "The report states", "Smith states", "it states": a subject that can state something."""
    if previous is None:
        return False
    word = previous.group(1)
    if word.lower() in lexicon().nationalities:
        return False  # "Chinese state media", "the Russian state": an adjective and a noun
    return word[:1].isupper() or word.lower() in _STATING_NOUNS


_STATING_NOUNS = frozenset(
    """he she it they report statement letter document law constitution article rule rules order
    ruling decision complaint lawsuit filing memo bill resolution declaration agreement release
    website post guidance policy also clearly ad voice-over narrator""".split()
)
_ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+")
_SOURCE_CUES = frozenset({"according to", "in the words of"})
_OBJECT_PRONOUN = re.compile(r"(him|her|them)(?=\s*[,.;:])")
_IN_ONES_WORDS = re.compile(r"\b[Ii]n (his|her|their) (?:own )?words,")
# What an object or possessive pronoun stands for as a speaker: "according to him" is "he".
_AS_SUBJECT = {"him": "he", "his": "he", "her": "she", "them": "they", "their": "they"}


def _in_ones_words(text: str, part_lo: int, part_hi: int) -> list[Cue]:
    """ "In his words, the obligations “have not been fulfilled”": the one whose words they are
    is the source, as with "according to him"."""
    return [
        Cue(m.start(), m.end(), "in the words of", Mention(m[1], m.start(1), m.end(1), "pronoun"))
        for m in _IN_ONES_WORDS.finditer(text, part_lo, part_hi)
    ]


def _according_to_cues(text: str, part_lo: int, part_hi: int, hi: int) -> list[Cue]:
    """ "according to Shi Yinhong, a professor": a person or body as the source (not a relay).
    Called only for a part that holds "ccording to" (cheaper to look for than to scan)."""
    cues: list[Cue] = []
    for match in _ACCORDING_TO.finditer(text, part_lo, part_hi):
        pronoun = _OBJECT_PRONOUN.match(text, match.end(), hi)
        if pronoun is not None:  # "According to him, Washington and Brussels “do not hide” ..."
            found = Mention(pronoun[1], pronoun.start(1), pronoun.end(1), "pronoun")
            cues.append(Cue(match.start(), match.end(), "according to", found))
            continue
        written = subject_after(text, match.end(), hi) or _counted_source(text, match.end(), hi)
        mention = _author_of_channel(text, written, hi)
        if (
            mention is not None
            and mention.kind in ("person", "organisation", "description", "plural")
            and (
                mention.kind == "description"
                or mention is not written  # a body's own statement: the body is the source
                or not _is_news_outlet(mention)
            )
        ):  # "according to a State Department official": a person, whatever body is named
            cues.append(Cue(match.start(), match.end(), "according to", mention))
    return cues


_NEWS_KINDS = frozenset({"news agency", "newspaper", "broadcaster", "other"})


def _is_news_outlet(mention: Mention) -> bool:
    """A mention naming a news outlet (a relay when "according to" it), not a government body
    ("the State Department") nor a body whose name holds an outlet's ("the National Golf
    Foundation" is not "The National")."""
    outlet = lookup_outlet(mention.name or mention.text, exact=True) or lookup_outlet(
        mention.text, exact=True
    )
    return mention.kind == "outlet" or (outlet is not None and outlet.kind in _NEWS_KINDS)


_AUTHORED_SOURCES = frozenset({"analysis", "study", "poll", "polling", "survey", "data"})
_COUNTED_SOURCE = re.compile(
    r"(?:[a-z][\w\-]*\s+){0,3}(?:polls?|polling|surveys?|data|figures|estimates|records|sources"
    r"|analysis|study|studies|research|statistics|documents|filings|results|tallies|projections"
    r"|calculations)\b"
)


def _counted_source(text: str, at: int, hi: int) -> Mention | None:
    """ "according to exit polls", "according to recent polling", "according to numerous
    sources", "according to an analysis by Lee Epstein": polls, data and unnamed sources,
    which the speaker phrases do not cover, as the source of a claim."""
    found = _COUNTED_SOURCE.match(text, at, hi)
    if found is None:
        return None
    phrase = found.group()
    return Mention(phrase, found.start(), found.end(), "description", role=phrase)


_CARRIED = frozenset({"posted", "aired", "released", "published", "broadcast", "shown"})
_CHANNEL_AUTHOR = re.compile(
    r"\s+(?:from|by|of|in|(?:conducted|released|issued|published|posted|put out|sent) by)\s+"
)


def _author_of_channel(text: str, mention: Mention | None, hi: int) -> Mention | None:
    """ "according to a statement from China's foreign ministry": the ministry is the source
    (the statement is the relay, found by `find_vias`), not "a statement"; a channel with no
    author named is no source at all."""
    if mention is None or mention.kind != "description" or not mention.role:
        return mention
    if not any(
        word.lower() in CHANNEL_FORMS or word.lower() in _AUTHORED_SOURCES
        for word in mention.role.split()
    ):
        return mention
    joint = _CHANNEL_AUTHOR.match(text, mention.end, hi)
    author = subject_after(text, joint.end() - 1, hi) if joint is not None else None
    if author is not None and author.kind in ("person", "organisation", "outlet"):
        return author
    words = mention.role.split()
    if words[-1].lower() in _AUTHORED_SOURCES:
        return mention  # "according to a survey": the survey
    if len(words) == 1 or words[-1].lower() in _CARRIED:
        return None  # "according to a video posted on Telegram", "to a statement": no one
    return mention  # "according to the congressional report": a document speaks


_INVERTED_KINDS = frozenset({"person", "description"})
_INVERTING = frozenset(
    """said says say added adds asked asks wrote writes continued recalled explained noted insisted
    argued warned replied responded declared observed conceded acknowledged according quipped
    countered cautioned""".split()
)


_VERB_BY = re.compile(r"\b[a-z]+(?:ed|an|un)\s+by\s+$")


# Reporting verbs whose next noun is their object, never their inverted subject: "thanked Obama
# for “...”" is not Obama's thanks.
_OBJECT_VERBS = frozenset(
    "told tells tell thanked thanks praised praises accused accuses urged urges blasted blasts "
    "slammed slams criticized criticised criticizes criticises called calls described describes "
    "labeled labelled dubbed branded hailed hails mocked mocks attacked attacks congratulated "
    "lauded".split()
)


def _cue_subject(
    text: str, lo: int, part_lo: int, cue_start: int, cue_end: int, hi: int
) -> Mention | None:
    mention = subject_before(text, part_lo, cue_start)
    if mention is None and text[cue_start:cue_end].endswith("ing"):
        by = _VERB_BY.search(text, max(part_lo, cue_start - 30), cue_start)
        if by is not None:  # "he began by saying", "A Chinese official responded by saying"
            mention = subject_before(text, part_lo, by.start())
    if mention is not None and mention.kind == "relative":
        comma = text.rfind(",", part_lo, mention.start)
        if comma > part_lo:
            mention = subject_before(text, part_lo, comma)
            if mention is not None and mention.kind == "relative":
                mention = None
        else:
            mention = None
    if mention is not None:
        return mention
    mention = _subject_of_relative_clause(text, part_lo, cue_start) or _share_subject(
        text, part_lo, cue_start
    )
    if mention is not None:
        return mention
    lead = text[part_lo:cue_start].rstrip()
    verb = text[cue_start:cue_end].lower()
    after_quote = part_lo > lo
    if (
        (verb in _INVERTING or (after_quote and verb in lexicon().speech_verbs))
        and not verb.endswith("ing")
        and verb not in _OBJECT_VERBS
        and (lead.strip(" ,—–-\u00a0") == "" or lead.endswith(","))
    ):
        mention = subject_after(text, cue_end, hi)
        if mention is not None and not after_quote and mention.kind not in _INVERTED_KINDS:
            mention = None  # "In other words, explained Nancy Cordes:" but not "..., said the plan"
    return mention


_SHARE = (
    r"((?:(?:[Ss]ome|[Aa]bout|[Nn]early|[Aa]lmost"
    r"|[Oo]nly|[Jj]ust|[Mm]ore than|[Ff]ewer than) )?(?:\d+(?:\.\d+)? ?(?:%|percent|per cent)"
    r"|[Aa] majority|[Mm]ajorities|[Oo]ne in \w+|\w+-(?:thirds?|quarters?|fifths?)|[Hh]alf)"
    r"(?: of [^,;:“”\"]{1,70}?)?) $"
)
_SHARE_OPENING = re.compile(_SHARE)  # the share opens the sentence
_SHARE_SUBJECT = re.compile(r"(?:(?<=[,;:—] )|(?<=\band )|(?<=\bbut ))" + _SHARE)


def _share_subject(text: str, lo: int, cue_start: int) -> Mention | None:
    """ "Some 56 percent of Cuban-Americans polled said", "On economic issues, 42% say",
    "Majorities of Democrats in five states say": a share of people speaks, as polled."""
    if cue_start - lo > 120:
        return None
    found = _SHARE_OPENING.match(text, lo, cue_start) or _SHARE_SUBJECT.search(
        text, max(lo, cue_start - 110), cue_start
    )
    if found is None or found.start(1) < lo:
        return None
    phrase = found.group(1)
    return Mention(phrase, found.start(1), found.end(1), "plural", name=phrase)


_RELATIVE_AFTER_SUBJECT = re.compile(r" (?:who|whom|whose) [^,;:“”\"]{3,120}$")


def _subject_of_relative_clause(text: str, lo: int, cue_start: int) -> Mention | None:
    """ "A Republican strategist who asked not to be named because he was not authorized to
    speak publicly said ...", "the groups who wrote to her on Thursday say": the phrase before
    a relative clause with no commas that runs up to the cue."""
    who = text.rfind(" who", lo, cue_start)
    if who < 0 or _RELATIVE_AFTER_SUBJECT.match(text, who, cue_start - 1) is None:
        return None
    subject = subject_before(text, lo, who + 1)
    if subject is None or subject.kind not in ("person", "description", "plural"):
        return None
    return subject


def _fill_shared_subjects(text: str, cues: list[Cue], lo: int, hi: int) -> list[Cue]:
    """ "He praised X and said ...", "..., saying ...": the verb shares a subject written earlier.

    A participle takes the subject of the nearest verb before it; a verb after "and" takes the
    sentence's first speaker; failing both, the phrase the sentence opens with.
    """
    filled: list[Cue] = []
    for cue in cues:
        if cue.mention is not None and cue.verb not in _PARTICIPLES:
            filled.append(cue)  # its own subject, and no participle to share one
            continue
        before = text[max(lo, cue.start - 6) : cue.start].strip().lower()
        participle = cue.verb in _PARTICIPLES and (
            before.endswith(",") or _heard(text, lo, cue.mention)
        )
        if cue.mention is None or participle:
            shared = cue.verb in _PARTICIPLES or before.endswith(("and", "but", ","))
            source = (
                _shared_source(text, filled, lo, hi, cue.verb in _PARTICIPLES) if shared else None
            )
            if source is not None:
                cue = cue.with_mention(source)
            elif participle:
                cue = cue.with_mention(None)  # "... endorsed Clinton, saying": not Clinton
        filled.append(cue)
    return filled


_TO_THE_LISTENER = re.compile(r"\b(?:to|on|via|[a-z]+ed)\s+$")


def _heard(text: str, lo: int, mention: Mention | None) -> bool:
    """ "sent an email to supporters saying", "emailed supporters saying", "responded on Facebook
    writing": the phrase before the participle is who heard it or where, not who spoke."""
    if mention is None or mention.kind not in ("plural", "description", "person"):
        return False
    return _TO_THE_LISTENER.search(text, max(lo, mention.start - 12), mention.start) is not None


_OPENING_MARKS = frozenset({"“", '"', "‘", "'", "«", "„"})


def _shared_source(
    text: str, earlier: list[Cue], lo: int, hi: int, nearest: bool
) -> Mention | None:
    speakers = [c.mention for c in earlier if c.mention is not None and c.mention.kind != "outlet"]
    if speakers:
        return speakers[-1] if nearest else speakers[0]
    subject = sentence_subject(text, lo, hi)
    if subject is not None and text[max(0, subject.start - 1) : subject.start] in _OPENING_MARKS:
        return None  # 'saying, “Is President Obama going to ...”': no subject inside a quotation
    if subject is not None and subject.kind in (
        "person",
        "pronoun",
        "organisation",
        "plural",
        "outlet",
        "description",
    ):
        return subject
    return None


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
    state: _State,
    published: date | None,
) -> None:
    count = len(quotes)
    after = 0  # quotes[:after] open before the sentence's end (they are in text order)
    state.paragraph = index
    if state.unnamed is not None and index > state.unnamed[1] + 1:
        if state.last_person is state.unnamed[0]:
            state.last_person = state.unnamed[2]
        state.unnamed = None
    previous = (-1, -1)
    for lo, hi in _sentences(text, paragraph, quotes):
        state.previous_sentence, previous = previous, (lo, hi)
        while after < count and quotes[after].mark_start < lo:
            after += 1  # opens before the sentence: in a dateline
        first = after
        while after < count and quotes[after].mark_start < hi:
            after += 1
        inside = quotes[first:after]
        outside = _outside(lo, hi, inside)
        cues = _find_cues(text, outside, lo, hi)
        vias = find_vias(text, lo, hi, outside, markers)
        when = said_on(text, lo, hi, published) if inside or cues else None
        if not inside and not cues and _title_cased(text, paragraph):
            _headline_claim(text, lo, hi, index, registry, state)
            continue
        if (
            not inside
            and not cues
            and paragraph.kind == "headline"
            and _labelled_headline_claim(text, lo, hi, index, registry, state)
        ):
            continue
        if not inside:
            _claim(text, lo, hi, index, cues, vias, registry, state, when)
            _more_claims(text, lo, hi, index, cues, inside, registry, state, when)
            continue
        _more_claims(text, lo, hi, index, cues, inside, registry, state, when)
        for quote in inside:
            _quotation(
                text,
                quote,
                lo,
                hi,
                index,
                paragraph,
                cues,
                vias,
                continues,
                adjacent,
                registry,
                state,
                when,
            )
            continues = False


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
    state: _State,
    when: date | None,
) -> None:
    label = _TRANSCRIPT_LABEL.match(text, quote.start, quote.end)
    if label is not None and _transcript_speaker(label.group(1), registry, lo) is not None:
        _transcript_quotation(text, quote, label, index, registry, state, lo, when)
        return
    chosen, rule, confidence = _choose_cue(text, quote, cues, lo)
    title_cased = _title_cased(text, paragraph)
    work = _names_a_work(text, quote, lo) and not title_cased
    if work:
        chosen = None  # "said on ABC's “This Week”", "author of “Hacked World Order”": a title
    speaker: Speaker | None = None
    cue_word: str | None = None
    if chosen is not None and chosen.mention is not None:
        speaker = _resolve(chosen.mention, registry, state, lo)
        cue_word = chosen.verb
        poll = _poll_source(text, chosen.mention, lo, hi)
        if poll is not None:
            speaker = poll
    if speaker is None and not work and title_cased:
        headline = _headline_speaker(text, quote, paragraph, registry, state)
        if headline is not None:
            speaker, rule, confidence = headline, "headline-verb", 0.6
    if speaker is None and not work:
        found = _signed(text, quote, paragraph, registry, state, lo) or _speaker_without_cue(
            text, quote, lo, index, continues, adjacent, registry, state, bool(cues)
        )
        if (
            found is not None
            and found[1] == "continues-previous"
            and _subhead(text, quote, paragraph)
        ):
            found = None
        if found is not None:
            speaker, rule, confidence = found
    via = _via_for(speaker, chosen, cues, vias, text, lo, hi, index, state)
    kind = _quote_kind(text, quote, lo, paragraph)
    quotation = Quotation(
        start=quote.start,
        end=quote.end,
        text=text[quote.start : quote.end],
        kind=kind,
        speaker=speaker.name if speaker else None,
        speaker_kind=_SPEAKER_KINDS.get(speaker.kind) if speaker else None,
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
        _remember(speaker, state)
        if chosen is not None:
            _remember_listener(text, chosen, speaker, hi, lo, registry, state)


_SIGN_OFF = re.compile(r"[ \u00a0]*(?:[―—–]|--?)[ \u00a0]?(?=[A-Z])")


def _signed(
    text: str, quote: QuoteSpan, paragraph: Paragraph, registry: Registry, state: _State, lo: int
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
    speaker = _resolve(mention, registry, state, lo)
    return (speaker, "signed", 0.6) if speaker is not None else None


_TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z'’\-]+(?: [A-Z][A-Z'’\-]+)?):\s+(?=\S)")


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


def _poll_source(text: str, mention: Mention, lo: int, hi: int) -> Speaker | None:
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


def _transcript_speaker(label: str, registry: Registry, at: int) -> Speaker | None:
    """ "PENCE: Well, look, ...": a transcript's speaker label, a name written in capitals."""
    words = [w.capitalize() for w in label.split()]
    name = " ".join(words)
    if name.lower() in lexicon().title_words or name.lower() in _NOT_SPEAKER_LABELS:
        return None
    return Speaker(registry.resolve_name(name, at), "person", None, label)


_NOT_SPEAKER_LABELS = frozenset({"update", "video", "watch", "editor's note", "note", "breaking"})


def _transcript_quotation(
    text: str,
    quote: QuoteSpan,
    label: re.Match[str],
    index: int,
    registry: Registry,
    state: _State,
    lo: int,
    when: date | None,
) -> None:
    speaker = _transcript_speaker(label.group(1), registry, lo)
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
    _remember(speaker, state)


def _speaker_without_cue(
    text: str,
    quote: QuoteSpan,
    lo: int,
    index: int,
    continues: bool,
    adjacent: bool,
    registry: Registry,
    state: _State,
    has_cue: bool = False,
) -> tuple[Speaker, str, float] | None:
    """No cue of its own: the previous quotation's speaker, a name-and-colon label, an outlet
    given as the source, or the sentence's subject; failing those, in a sentence with no
    reporting verb at all, the speaker of the paragraph's previous quotation."""
    opens_sentence = _last_visible(text, lo, quote.mark_start) == ""
    if (continues or opens_sentence) and state.last_quote is not None:
        last_speaker, last_paragraph, _ = state.last_quote
        next_paragraph = last_paragraph == index - 1 and adjacent and not state.weak_last
        if last_paragraph == index or next_paragraph or continues:
            return last_speaker, "continues-previous", 0.75
    if state.prior_claim is not None and not opens_sentence and quote.closed:
        claim_speaker, claim_paragraph, claim_end = state.prior_claim
        if claim_paragraph == index and claim_end <= lo and _carries_speech_on(text, quote, lo):
            return claim_speaker, "continues-claim", 0.45
    label = _colon_label(text, lo, quote.mark_start)
    speaker = _resolve(label, registry, state, lo) if label is not None else None
    if speaker is not None:
        return speaker, "label-colon", 0.6
    label = _leading_label(text, lo, quote.mark_start)
    speaker = _resolve(label, registry, state, lo) if label is not None else None
    if speaker is not None:
        return speaker, "leading-label", 0.5
    source = _according_to_outlet(text, lo, quote.mark_start)
    if source is not None:
        return source, "according-to-outlet", 0.6
    negated = _NEGATION_IN_CLAUSE.search(text, lo, quote.mark_start) is not None
    after_colon = _last_visible(text, lo, quote.mark_start) == ":"
    kinds = _SUBJECT_KINDS_AFTER_COLON if after_colon else _SUBJECT_KINDS
    if not negated and not _looks_like_title(text[quote.start : quote.end]):
        subject = sentence_subject(text, lo, quote.mark_start)
        if subject is not None and (
            subject.kind in kinds or (_names_a_source(subject) and _wordy(text, quote))
        ):
            speaker = _resolve(subject, registry, state, lo)
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
    text: str, quote: QuoteSpan, lo: int, registry: Registry, state: _State
) -> Speaker | None:
    """ "The senator had a message: “...”", "He argued that “...”": a quotation that runs on from
    its sentence after a colon or "that" is the words of the sentence's subject, when that names
    a person or a body, or is a pronoun or description that resolves; not a headline ("Gillibrand
    on Hillary Releasing Her Goldman Sachs Speech Transcripts: ‘...’")."""
    if _LEAD_IN.search(text, max(lo, quote.mark_start - 8), quote.mark_start) is None:
        return None
    if _looks_like_title(text[lo : quote.mark_start], 30):
        return None
    for subject in lead_in_subjects(text, lo, quote.mark_start):
        if subject.kind not in _LEAD_IN_KINDS or not _person_description(subject):
            continue
        speaker = _resolve(subject, registry, state, lo)
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


def _subhead(text: str, quote: QuoteSpan, paragraph: Paragraph) -> bool:
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


_NOT_QUOTING = frozenset({"show", "shows", "showed", "cast", "casts", "call"})


def _choose_cue(
    text: str, quote: QuoteSpan, cues: list[Cue], lo: int
) -> tuple[Cue | None, str, float]:
    with_subject = [c for c in cues if c.mention is not None and c.verb not in _NOT_QUOTING]
    adjacent = None
    for cue in with_subject:
        if cue.start >= quote.mark_end:
            assert cue.mention is not None
            first = (
                min(cue.start, cue.mention.start)
                if cue.mention.start >= quote.mark_end
                else cue.start
            )
            gap = text[quote.mark_end : first]
            if (
                len(gap) <= 4
                and gap.strip(" ,—–-\u00a0") == ""
                and not _object_participle(text, quote, cue, gap)
            ):
                adjacent = cue
            break
    before = [c for c in with_subject if c.end <= quote.mark_start]
    people_before = [c for c in before if c.mention is not None and c.mention.kind != "outlet"]
    named_before = [c for c in people_before if c.mention and c.mention.kind in _NAMED_KINDS]
    if (
        adjacent is not None
        and people_before
        and (
            _introduces(text, people_before[-1], quote)
            or _in_opening_clause(text, quote, people_before[-1], lo)
        )
    ):
        return people_before[-1], "cue-then-quote", 0.85  # "what Mr. Hedge called “...,” the club"
    if adjacent is not None:
        assert adjacent.mention is not None
        if people_before and adjacent.mention.kind == "outlet":
            return people_before[-1], "cue-before-relay-after", 0.8
        if adjacent.verb in _SOURCE_CUES and named_before:
            return named_before[-1], "cue-before-relay-after", 0.8  # "..., according to a readout"
        if _relays_the_person_before(text, adjacent, named_before):
            return named_before[-1], "cue-before-relay-after", 0.8
        return adjacent, "quote-then-cue", 0.9
    if before:
        nearest = before[-1]
        speech = [c for c in before if c.verb not in lexicon().belief_verbs]
        if nearest.verb in lexicon().belief_verbs and speech:
            nearest = speech[-1]
        outer = _outer_cue(text, quote, before, nearest)
        if outer is not None:
            return outer, "cue-then-quote-outer", 0.7
        return (
            nearest,
            "cue-then-quote",
            0.85 if text[nearest.end : quote.mark_start].strip(" :,") == "" else 0.75,
        )
    after = [c for c in with_subject if c.start >= quote.mark_end]
    if after:  # one or two words with a cue further on are a scare quote as often as not
        short = len(text[quote.start : quote.end].split()) <= 2
        return after[0], "cue-later-in-sentence", 0.3 if short else 0.6
    return None, "", 0.0


def _object_participle(text: str, quote: QuoteSpan, cue: Cue, gap: str) -> bool:
    """ "He said the bloc had spent “far too long” arguing": a participle right after a quotation
    with no comma on either side of the closing mark goes on the reporter's sentence; it does
    not attribute the quotation (not "“We are ready,” adding that ...")."""
    if not cue.verb.endswith("ing") or "," in gap or "—" in gap:
        return False
    return not text[quote.start : quote.end].rstrip().endswith(",")


_NAMED_KINDS = frozenset({"person", "organisation"})
_RELAYING = re.compile(r" in an? (?:\w+ )?statement\b")


def _relays_the_person_before(text: str, adjacent: Cue, named_before: list[Cue]) -> bool:
    """ "Dong said the militaries would “jointly oppose hegemonism”, China’s defence ministry
    said in a statement", "Xi said ... “...”, the state news agency reported": a body reporting
    after a person's own cue relays the person's words."""
    assert adjacent.mention is not None
    if not named_before or named_before[-1].mention is None:
        return False
    if named_before[-1].mention.kind != "person" or adjacent.mention.kind == "person":
        return False
    return adjacent.verb in ("reported", "reports") or (
        _RELAYING.match(text, adjacent.end) is not None
    )


def _introduces(text: str, cue: Cue, quote: QuoteSpan) -> bool:
    """The cue runs straight into the quotation, nothing but space between them."""
    return cue.end < quote.mark_start and text[cue.end : quote.mark_start].isspace()


_OPENING_CLAUSE = re.compile(r"\W*(?:When|After|Before|Since|Because|Once|Until|Whenever)\s")


def _in_opening_clause(text: str, quote: QuoteSpan, cue: Cue, lo: int) -> bool:
    """ "When someone in the audience shouted, “Cruz,” Beck joked": the quotation closes an
    opening clause with its own cue; the main clause's verb after it is about something else."""
    if _OPENING_CLAUSE.match(text, lo, cue.start) is None or "," in text[lo : cue.start]:
        return False
    if "," in text[cue.end : quote.mark_start].rstrip().rstrip(","):
        return False  # "When Sanders said ..., he “grabbed ...”": the main clause has begun
    comma_inside = text[quote.start : quote.end].rstrip().endswith(",")
    return comma_inside or text[quote.mark_end : quote.mark_end + 2].lstrip().startswith(",")


_OUTER_KINDS = frozenset({"person", "pronoun", "organisation", "plural"})
_OUTER_VERBS = _INDIRECT_VERBS - {"according", "believes", "believe", "believed", "think", "thinks"}
_OUTER_VERBS -= {"thought", "hopes", "hoped", "expects", "expected", "fears", "feared", "knows"}
_DIRECT_WORDS = re.compile(r"\W*(?:that\W*)?$")
# "said his government would respond “overwhelmingly”": speech only promised or supposed is
# no report of it; the words are the outer speaker's.
_MODAL_BEFORE = re.compile(r"\b(?:would|will|could|should|might|may|must|to)\s+$")


def _outer_cue(text: str, quote: QuoteSpan, before: list[Cue], nearest: Cue) -> Cue | None:
    """ "Trump said that Romney begged him for an endorsement and “would have dropped to his
    knees”": the nearest cue sits inside what an earlier speaker said, and does not itself
    introduce the quotation, so the quotation is the earlier speaker's."""
    hypothetical = _MODAL_BEFORE.search(text, max(0, nearest.start - 12), nearest.start)
    if hypothetical is None and _DIRECT_WORDS.match(text, nearest.end, quote.mark_start):
        return None  # "... in which Adelson said: “...”": the nearest cue introduces it
    assert nearest.mention is not None
    for cue in before:
        if cue is nearest or cue.mention is None:
            continue
        if cue.mention.kind not in _OUTER_KINDS or cue.verb not in _OUTER_VERBS:
            continue
        if cue.mention.text.lower() == "it":
            return None  # "It [the statement] said Wang called for “...”": Wang's words, relayed
        nested = cue.end <= nearest.mention.start and cue.mention.end <= cue.start
        if nested and _complement_opens(text[cue.end : nearest.mention.start]):
            return cue
        return None
    return None


_CLAUSE_BREAK = re.compile(r"[,;:()“”\"«»—–]|''|``")
_SUBORDINATORS = frozenset(
    """after before when while as because since if although though until unless whereas once
    where how why what whether""".split()
)


def _complement_opens(between: str) -> bool:
    """The words between a reporting verb and a later subject open what was said: "said (that)
    Romney", "said he expected that Americans"; not "tweeted after Clinton", nor a new clause
    after a comma or a quotation."""
    if _CLAUSE_BREAK.search(between):
        return False
    words = between.split()
    if words[:1] == ["that"]:
        return True
    return len(words) <= 4 and not any(w.lower() in _SUBORDINATORS for w in words)


_SUBJECT_KINDS = frozenset({"person", "pronoun", "organisation", "plural"})
_SUBJECT_KINDS_AFTER_COLON = _SUBJECT_KINDS | {"outlet", "description"}
_ACCORDING_TO_LEAD = re.compile(r"\s*[Aa]ccording to ([^,;:]{2,60}),\s*$")


def _according_to_outlet(text: str, lo: int, mark_start: int) -> Speaker | None:
    """ "According to the Daily Caller, “...”": with nobody else named, the outlet is the source."""
    match = _ACCORDING_TO_LEAD.fullmatch(text, lo, mark_start)
    if match is None:
        return None
    outlet = lookup_outlet(match.group(1).strip())
    if outlet is None:
        return None
    return Speaker(outlet.name, "outlet", None, match.group(1).strip())


def _leading_label(text: str, lo: int, mark_start: int) -> Mention | None:
    """ "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP": a sentence (a headline,
    mostly) that opens with a name and a colon gives the words after the colon to that name;
    so does one that opens with a name and what it is on ("Gillibrand on Hillary’s Speech
    Transcripts: ‘I Think She Will’")."""
    colon = text.find(": ", lo, mark_start)
    if colon < 0 or colon - lo > 140:
        return None
    start = lo + len(text[lo:colon]) - len(text[lo:colon].lstrip())
    mention = subject_before(text, lo, colon) if colon - lo <= 60 else None
    if mention is not None and mention.start == start and _names_label(mention):
        return mention
    on = text.find(" on ", start, colon)
    mention = subject_before(text, lo, on) if on > start else None
    if mention is None or mention.start != start or mention.kind != "person":
        return None
    return mention


def _names_label(mention: Mention) -> bool:
    """A speaker label names a person or body ("Dana Perl:"), or people by name ("Mark Blumenthal
    and Jon Cohen:")."""
    if mention.kind in ("person", "organisation"):
        return True
    return mention.kind == "plural" and " and " in (mention.name or "")


def _colon_label(text: str, lo: int, mark_start: int) -> Mention | None:
    """ "Dana Perl: “...”": a name, and nothing else, before a colon opens the quotation."""
    lead = text[lo:mark_start].rstrip()
    if not lead.endswith(":") or len(lead) > 120:
        return None
    colon = lo + len(lead) - 1
    label_lo = max(lo, *(text.rfind(dash, lo, colon) + len(dash) for dash in (" - ", " — ", " – ")))
    start = label_lo + len(text[label_lo:colon]) - len(text[label_lo:colon].lstrip())
    mention = subject_before(text, label_lo, colon)
    if mention is None or mention.start != start or not _names_label(mention):
        return None
    return mention


_TITLE_LEAD = re.compile(
    r"(?:[’']s|\b(?:on|of|titled|called|named|dubbed|show|program|programme|book|"
    r"film|movie|series|song|podcast|column|essay|article|pageant|album|memoir|novel|hit|hits|"
    r"including|like))\s*,?\s*$"
)


def _title_cased(text: str, paragraph: Paragraph) -> bool:
    """A headline with every word capitalised ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’
    Destroying GOP"), where title-cased words in quote marks say nothing of a title."""
    if paragraph.kind != "headline":
        return False
    words = [w for w in text[paragraph.start : paragraph.end].split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[0].isupper() or w in _TITLE_MINOR_WORDS)
    return len(words) >= 4 and capitalised == len(words)


_HEADLINE_CUE = re.compile(r"\b(?:Says|Said|Tells|Told|Warns|Claims|Insists|Admits)\b")


def _headline_claim(
    text: str, lo: int, hi: int, index: int, registry: Registry, state: _State
) -> None:
    """ "Chris Christie Says He Would Issue A Quarantine Over Zika Virus": a title-cased
    headline's capitalised reporting verb, its subject and what follows it."""
    cue = _HEADLINE_CUE.search(text, lo, hi)
    if cue is None:
        return
    mention = subject_before(text, lo, cue.start())
    if mention is None or mention.kind not in ("person", "organisation", "plural", "outlet"):
        return
    span = _trimmed(text, cue.end(), _sentence_content_end(text, lo, hi))
    speaker = _resolve(mention, registry, state, lo)
    if span is None or speaker is None:
        return
    start, end = span
    if text.startswith("That ", start):
        start += 5
    verb = cue.group().lower()
    state.results.append(
        _claim_record(text, (start, end), speaker, verb, index, 0.4, "headline-claim")
    )


_HEADLINE_LABEL = re.compile(r"([A-Z][\w’'\-]+): (?=[A-Z])")


def _labelled_headline_claim(
    text: str, lo: int, hi: int, index: int, registry: Registry, state: _State
) -> bool:
    """ "Lavrov: West seeks to drag Central Asia into confrontation": a headline labelled with
    the surname of a person the article names in full is that person's claim. Not "Ukraine
    war: ...", whose label is a topic."""
    label = _HEADLINE_LABEL.match(text, lo, hi)
    if label is None:
        return False
    person = registry.resolve_name(label.group(1), lo)
    span = _trimmed(text, label.end(), _sentence_content_end(text, lo, hi))
    if " " not in person or span is None:
        return False
    speaker = Speaker(person, "person", None, label.group(1))
    state.results.append(_claim_record(text, span, speaker, ":", index, 0.4, "headline-label"))
    return True


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+s\b")
# Verbs headlines report speech with that running text rarely does.
_HEADLINE_VERBS = frozenset(
    "hammers rips speaks grills torches roasts knocks lashes bashes trashes scolds chides "
    "rebukes derides hails lauds reveals labels brands dubs jabs".split()
)


def _headline_speaker(
    text: str, quote: QuoteSpan, paragraph: Paragraph, registry: Registry, state: _State
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
        return _resolve(mention, registry, state, paragraph.start)
    return None


def _names_a_work(text: str, quote: QuoteSpan, lo: int) -> bool:
    """A title in quote marks: markup ("tweet-date="...""), or title-cased words after a possessive
    or a word that names a work ("on NBC's “Today”", "author of “America's Bitter Pill”")."""
    if quote.mark_start > 0 and text[quote.mark_start - 1] == "=":
        return True
    words = text[quote.start : quote.end].rstrip(",.")
    if not _looks_like_title(words, 12) or quote.mark_start <= lo:
        return False
    return _TITLE_LEAD.search(text, max(lo, quote.mark_start - 30), quote.mark_start) is not None


def _looks_like_title(words: str, most: int = 8) -> bool:
    """ "Make America Great Again", "Barton Fink": a name or title in quote marks, of at most
    `most` words."""
    count = 0
    for match in _NON_SPACE.finditer(words):  # stops at the first word that decides
        word = match.group()
        if not word[:1].isalpha():
            continue
        if not (word[0].isupper() or word in _TITLE_MINOR_WORDS):
            return False
        count += 1
        if count > most:
            return False
    return count > 0


_NON_SPACE = re.compile(r"\S+")
_TITLE_MINOR_WORDS = frozenset(
    {"a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "with", "by"}
)


def _quote_kind(text: str, quote: QuoteSpan, lo: int, paragraph: Paragraph) -> QuoteKind:
    first = text[quote.start : quote.start + 1]
    before = _last_visible(text, lo, quote.mark_start)
    whole = before in ("", ":") or (
        before == "," and text[quote.start : quote.end].rstrip()[-1:] in (".", "!", "?")
    )  # "he laughed and said, “We’ll see.”": a whole sentence after a comma
    if whole and (first.isupper() or first in "[(“‘\"'0123456789"):
        return "direct"
    return "partial"


# --- Speakers ---------------------------------------------------------------------------------


def _resolve(mention: Mention, registry: Registry, state: _State, at: int) -> Speaker | None:
    kind = mention.kind
    if kind == "person" and mention.name:
        name = mention.name
        places = lexicon().places
        if name in places:
            return Speaker(country_government(name), "organisation", None, mention.text)
        full = registry.resolve_name(name, at, _gender_of_role(mention.role))
        if full == name and not mention.role and registry.written_in_lower_case(name):
            return None  # "Later, ...", "Together, ...": a common word that opens a sentence
        return Speaker(full, "person", mention.role, mention.text)
    if kind == "pronoun":
        if mention.text.lower() in _AS_SUBJECT:
            mention = replace(mention, text=_AS_SUBJECT[mention.text.lower()])
        if mention.text.lower() in ("it", "they") and mention.start > at:
            opening = sentence_subject(registry.text, at, mention.start)
            if opening is not None and opening.kind == "organisation" and opening.name:
                return Speaker(
                    _organisation_name(opening.name, registry, at),
                    "organisation",
                    None,
                    mention.text,
                )
        if mention.text.lower() in ("he", "she"):
            return _he_or_she(mention, registry, state, at)
        return _resolve_pronoun(mention, state)
    if kind in ("description", "outlet", "organisation"):
        own = (
            _its_own_document(mention, state)
            or _documents_author(mention, registry, state, at)
            or _the_outlet(mention, state)
        )
        if own is not None:
            return own
    if kind == "description" and mention.role:
        indefinite = mention.text.split()[0].lower() in _INDEFINITE
        last = state.last_person.name if state.last_person is not None else None
        person = None if indefinite else _described_person(mention.role, registry, at, last)
        if person is None and not indefinite and _titles_the_last_speaker(mention, registry, state):
            person = last
        if person is not None:
            return Speaker(person, "person", mention.role, mention.text)
        return Speaker(_without_article(mention.text), "description", mention.role, mention.text)
    if kind == "organisation" and mention.name:
        government = _leaders_government(mention.name, registry, at)
        if government is not None:
            return Speaker(government, "organisation", None, mention.text)
        if mention.name in lexicon().places:
            person = registry.resolve_name(mention.name, at)
            if person != mention.name and " " in person:  # "Israel" after "Rep. Steve Israel"
                return Speaker(person, "person", None, mention.text)
        return Speaker(
            _organisation_name(mention.name, registry, at), "organisation", None, mention.text
        )
    if kind == "outlet" and mention.name:
        return Speaker(mention.name, "outlet", None, mention.text)
    if kind == "plural" and mention.name:
        if " and " in mention.name:
            parts = [registry.resolve_name(part, at) for part in mention.name.split(" and ")]
            return Speaker(" and ".join(parts), "plural", None, mention.text)
        words = mention.name.lower().split()
        if words[-1] not in ("pair", "two", "sides", "both", "leaders") or any(
            w not in _PAIR_WORDS for w in words[:-1]
        ):  # "Nato leaders accuse Beijing": named leaders, not the two last spoken of
            return Speaker(_without_article(mention.name), "plural", None, mention.text)
        if state.last_plural is not None:
            return state.last_plural.written_as(mention.text)
        pair = _two_countries(registry.text, max(0, at - 600), mention.start)
        if pair is not None:
            return Speaker(pair, "plural", None, mention.text)
    return None


_PAIR_WORDS = frozenset({"the", "both", "two", "these", "those", "their"})
_PAIR = re.compile(r"\b([A-Z][a-z]+)[-–]([A-Z][a-z]+)\b")


def _two_countries(text: str, lo: int, hi: int) -> str | None:
    """ "China-Russia relations ..., with both sides calling for ...": the sides are the two
    countries named last in a pair ("China and Russia")."""
    places = lexicon().places
    found = None
    for match in _PAIR.finditer(text, lo, hi):
        if match.group(1) in places and match.group(2) in places:
            found = f"{match.group(1)} and {match.group(2)}"
    return found


_DOCUMENTS = frozenset(
    "report reports statement readout account article editorial commentary dispatch".split()
)


def _its_own_document(mention: Mention, state: _State) -> Speaker | None:
    """ "Its report added that ..." after "Xinhua said": the body last quoted speaks on."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] not in ("its", "their") or words[1] not in _DOCUMENTS:
        return None
    body = state.last_org
    return body.written_as(mention.text) if body is not None else None


_THE_OUTLET = re.compile(r"[Tt]he (?:[\w\-]+ )?(newspaper|paper|daily|agency|broadcaster)")
_OUTLET_KIND_OF_NOUN = {
    "newspaper": "newspaper",
    "paper": "newspaper",
    "daily": "newspaper",
    "agency": "news agency",
    "broadcaster": "broadcaster",
}


def _the_outlet(mention: Mention, state: _State) -> Speaker | None:
    """ "The newspaper, which is published by the People's Daily, accused Washington" after "An
    editorial in the Global Times said": the outlet last heard from, when the gazetteer knows
    it as that kind of outlet (a newspaper, a news agency, a broadcaster)."""
    body = state.last_org
    written = _THE_OUTLET.fullmatch(mention.text)
    if body is None or written is None:
        return None
    outlet = lookup_outlet(body.name, exact=True)
    if outlet is None or outlet.kind != _OUTLET_KIND_OF_NOUN[written[1]]:
        return None
    return body.written_as(mention.text)


_DOCUMENT_FROM = re.compile(
    r"(?:[Aa]n?|[Tt]he) (?:\w+ )?(?:statement|readout|letter|release|communique) (?:from|by) "
)


def _documents_author(
    mention: Mention, registry: Registry, state: _State, at: int
) -> Speaker | None:
    """ "A statement from the Chinese embassy said": the embassy speaks (its statement is the
    relay, as "in a statement" is)."""
    document = _DOCUMENT_FROM.match(mention.text)
    if document is None:
        return None
    author = subject_after(registry.text, mention.start + document.end() - 1, mention.end)
    if author is None or author.kind not in ("person", "organisation"):
        return None
    speaker = _resolve(author, registry, state, at)
    return speaker.written_as(mention.text) if speaker is not None else None


_LEADERS_GOVERNMENT = re.compile(r"(.+?)[’']s (?:government|administration|cabinet)")


def _leaders_government(name: str, registry: Registry, at: int) -> str | None:
    """ "Xi’s government" after "Chinese President Xi Jinping": the Chinese government."""
    match = _LEADERS_GOVERNMENT.fullmatch(name)
    if match is None:
        return None
    nationality = registry.nationality_of(registry.resolve_name(match.group(1), at))
    return f"{nationality} government" if nationality is not None else None


_PREPOSITION_AFTER_HEAD = re.compile(" (?:" + "|".join(sorted(DESCRIBING_PREPOSITIONS)) + ") ")


def _described_person(
    role: str, registry: Registry, at: int, last_speaker: str | None = None
) -> str | None:
    """The person a description names: "the Russian leader"; "the senator from Vermont" by its
    title when the whole phrase matches no one written before."""
    person = registry.resolve_description(role, at, last_speaker)
    head = _PREPOSITION_AFTER_HEAD.split(role, maxsplit=1)
    if person is None and len(head) > 1 and is_title_word(head[0].split()[-1]):
        person = registry.resolve_description(head[0], at, last_speaker)
    return person


def _titles_the_last_speaker(mention: Mention, registry: Registry, state: _State) -> bool:
    """ "Rishi Sunak has ruled out ... Speaking to broadcasters, the prime minister said":
    an office that fits no one written with it is the one who just spoke, when the article
    gives them no title at all (too well known to need one), or only words of this one
    ("Labour's Keir Starmer ... the Labour leader"). Not an office with a nationality ("the
    Mexican president"), which the words before may well not give them."""
    last, quoted = state.last_person, state.last_quote
    if last is None or last.kind != "person" or quoted is None or quoted[0].name != last.name:
        return False
    words = [bare(strip_possessive(w)) for w in mention.text.split()]
    return (
        quoted[1] >= state.paragraph - 1
        and words[0] == "the"
        and words[-1] in _OFFICE_TITLES
        and not set(words) & lexicon().nationalities
        and registry.titled_within(last.name, set(words))
    )


# Offices a well-known person is called by in place of their name ("the prime minister").
_OFFICE_TITLES = frozenset(
    """president minister chancellor premier senator governor mayor secretary leader chairman
    chairwoman spokesman spokeswoman spokesperson ambassador envoy nominee candidate congressman
    congresswoman speaker commander king queen pope""".split()
)


def _without_article(words: str) -> str:
    parts = words.split()
    if len(parts) > 1 and parts[0].lower() in ("the", "a", "an"):
        parts = parts[1:]
    return " ".join(parts)


def _organisation_name(name: str, registry: Registry, at: int) -> str:
    if name in lexicon().places:
        return country_government(name)
    outlet = lookup_outlet(name, exact=True)
    if outlet is not None:
        return outlet.name
    if name[:1].islower():
        expanded = registry.expand_organisation(name, at)
        outlet = lookup_outlet(expanded, exact=True)
        return outlet.name if outlet is not None else expanded
    return name


def _gender_of_role(role: str | None) -> str | None:
    """ "Mrs." -> "f", "spokesman" -> "m" (the lexicon's gendered words); None for most roles."""
    return lexicon().genders.get(bare(role.split()[-1])) if role else None


_DOUBLE_MARK = re.compile(r"[“”\"«»„]|''")


def _he_or_she(mention: Mention, registry: Registry, state: _State, at: int) -> Speaker | None:
    """The first name of the pronoun's own sentence, else the last person spoken of, else the
    last name written; skipping any the article shows cannot be "he" or "she" (Mrs. Clinton
    is not "he"): then the last name written that can be."""
    gender = "m" if mention.text.lower() == "he" else "f"
    named = registry.first_person_between(at, mention.start)
    if named is not None and registry.may_be(named, gender):
        return Speaker(named, "person", None, mention.text)
    quoted_before = _DOUBLE_MARK.search(registry.text, at, mention.start) is not None
    subject = None if quoted_before else sentence_subject(registry.text, at, mention.start)
    if subject is not None and subject.kind == "person" and subject.name:
        named = registry.resolve_name(subject.name, at)  # "Clinton says she ...": Clinton
        if " " in named and registry.may_be(named, gender):  # a full name, not "Soon"
            return Speaker(named, "person", subject.role, mention.text)
    last = state.last_person
    if last is not None and last.kind == "description":
        role_gender = _gender_of_role(last.role)
        if role_gender is not None and role_gender != gender:
            last = state.unnamed[2] if state.unnamed is not None else None  # "spokeswoman": not he
    before_lo, before_hi = state.previous_sentence
    if before_hi == at:  # "Sen. Rand Paul, R-Ky., voted against it. “...,” he told reporters."
        named = registry.first_person_between(before_lo, before_hi)
        if named is not None and registry.gender_of(named) == gender:
            return Speaker(named, "person", None, mention.text)
    if last is not None and registry.may_be(last.name, gender):
        return last.written_as(mention.text)
    named = registry.last_person_before(at, gender)
    return Speaker(named, "person", None, mention.text) if named is not None else None


def _resolve_pronoun(mention: Mention, state: _State) -> Speaker | None:
    word = mention.text.lower()
    found: Speaker | None
    if word == "i":
        return None  # the reporter's own voice ("I assume ..."), not the last person quoted
    if word in ("he", "she"):
        found = state.last_person
    elif word == "it":
        found = state.last_org
    else:
        found = state.last_plural or state.last_org
    return found.written_as(mention.text) if found is not None else None


def _unnamed_official(described: Speaker) -> bool:
    """An official introduced without a name ("A German government spokesman said", "a senior
    official said"), whom "he" or "she" can mean in the sentences that follow."""
    words = described.text.lower().split()
    return len(words) > 1 and words[0] in _INDEFINITE and words[-1] in _UNNAMED_OFFICIALS


_UNNAMED_OFFICIALS = frozenset(
    "spokesman spokeswoman spokesperson official diplomat source aide adviser advisor officer "
    "representative".split()
)


def _remember_listener(
    text: str, cue: Cue, speaker: Speaker, hi: int, lo: int, registry: Registry, state: _State
) -> None:
    """ "Xi told Putin": the two of them are who "they" means next. "Rubio was asked by Gerard
    Baker “...”": the one asked, who answers, is who "he" means next."""
    if cue.verb.endswith(" by"):
        asked = sentence_subject(text, lo, cue.start)
        person = _resolve(asked, registry, state, lo) if asked is not None else None
        if person is not None and person.kind == "person":
            state.last_person = person
        return
    if cue.verb not in ("told", "tells", "telling") or speaker.kind != "person":
        return
    listener = subject_after(text, cue.end, hi)
    if listener is not None and listener.kind == "person":
        heard = _resolve(listener, registry, state, lo)
        if heard is not None and heard.name != speaker.name:
            state.last_plural = Speaker(f"{speaker.name} and {heard.name}", "plural", None, "")


def _remember(speaker: Speaker, state: _State) -> None:
    if speaker.kind == "description" and _unnamed_official(speaker):
        named = state.unnamed[2] if state.unnamed is not None else state.last_person
        state.unnamed = (speaker, state.paragraph, named)
        state.last_person = speaker  # "A government spokesman said ... “...,” he added"
    elif speaker.kind == "person":
        state.last_person = speaker
    elif speaker.kind in ("organisation", "outlet"):  # "Xinhua said ... It added"
        state.last_org = speaker
    elif speaker.kind == "plural":
        state.last_plural = speaker


# --- Relay outlets ----------------------------------------------------------------------------


def _via_for(
    speaker: Speaker | None,
    chosen: Cue | None,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    text: str,
    lo: int,
    hi: int,
    index: int,
    state: _State,
) -> Via | None:
    if speaker is None:
        return None
    explicit = _explicit_via(speaker, chosen, cues, vias, text, lo, hi)
    if (
        explicit is not None
        and explicit.name == speaker.name
        and speaker.kind != "outlet"
        and not any(word in CHANNEL_FORMS for word in explicit.text.lower().split())
    ):  # "according to the State Department": the body itself, no relay; not "according to
        explicit = None  # a statement from China's foreign ministry", its statement
    if explicit is not None:
        state.via_record = (explicit, speaker, index)
        return explicit
    record = state.via_record
    if record is not None and _ANOTHER_MEETING.search(text, lo, hi) is None:
        via, via_speaker, via_paragraph = record
        if index - via_paragraph <= 3 and _same_account(speaker, via_speaker):
            state.via_record = (via, speaker, via_paragraph)
            return via
    state.via_record = None
    return None


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
        return vias[0][1]
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
        if mention is not None and relays and (speaker.kind == "outlet" or cue is not chosen):
            return Via(mention.name or mention.text, mention.text)
    if speaker.kind == "organisation" and statement_without_source(text, lo, hi):
        return Via(f"{speaker.name} statement", "statement")
    if speaker.kind != "person":
        return None
    for cue in cues:  # "Dong said ... “...”, China’s defence ministry said in a statement"
        body = cue.mention
        if cue is not chosen and body is not None and body.kind == "organisation":
            statement = _RELAYING.match(text, cue.end)
            if statement is not None:
                return Via(f"{body.name or body.text} statement", statement.group().strip())
    return None


def _same_account(speaker: Speaker, earlier: Speaker) -> bool:
    if speaker.name == earlier.name:
        return True
    earlier_parts = {part.strip() for part in earlier.name.split(" and ")}
    return speaker.name in earlier_parts


# --- Claims (reported speech without quote marks) ---------------------------------------------


def _claim(
    text: str,
    lo: int,
    hi: int,
    index: int,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    registry: Registry,
    state: _State,
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
        speaker = _resolve(subject, registry, state, lo) if subject is not None else None
        if speaker is not None:
            state.via_record = (vias[0][1], speaker, index)
    _speaker_introduced(text, lo, hi, cues, index, registry, state)


def _outlet_as_source(text: str, lo: int, hi: int) -> Cue | None:
    """ "The two sides discussed Ukraine, according to TASS": with nobody else named as the
    source, the outlet that reports a claim is its source (and its relay)."""
    for match in _ACCORDING_TO.finditer(text, lo, hi):
        mention = _author_of_channel(text, subject_after(text, match.end(), hi), hi)
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
    state: _State,
) -> None:
    """ "Bystrom agreed." / "Howard continued his remarks." / "Clinton released the following
    statement:": a sentence that names a speaker and says nothing itself hands that speaker to
    the quotation that follows it."""
    colon = _last_visible(text, lo, hi) == ":"
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
        speaker = _resolve(mention, registry, state, lo)
        if speaker is not None:
            state.last_quote = (speaker, index, None)
            state.weak_last = False
            _remember(speaker, state)
        return
    if colon:
        subject = sentence_subject(text, lo, hi)
        if subject is not None and subject.kind in _SUBJECT_KINDS_AFTER_COLON:
            speaker = _resolve(subject, registry, state, lo)
            if speaker is not None:
                state.last_quote = (speaker, index, None)
                state.weak_last = False
                _remember(speaker, state)


def _last_visible(text: str, lo: int, hi: int) -> str:
    """The last character of `text[lo:hi]` that is not white space ("" if none): the last
    character of `text[lo:hi].rstrip()`, without copying the sentence."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    return text[end - 1] if end > lo else ""


def _relayed_passively(text: str, cue: Cue) -> bool:
    return cue.verb in ("quoted", "saying") and text.startswith((" as saying by ", " by "), cue.end)


def _more_claims(
    text: str,
    lo: int,
    hi: int,
    index: int,
    cues: list[Cue],
    quotes: list[QuoteSpan],
    registry: Registry,
    state: _State,
    when: date | None,
) -> None:
    """Further claims of a sentence: other cues with a clause of their own and no quote marks."""
    if not cues:
        return
    taken: set[tuple[int, int]] = set()
    for q in reversed(state.results):  # this paragraph's results are the last ones: linear
        if q.paragraph != index:
            break
        taken.add((q.start, q.end))
    for cue in cues:
        if (
            cue.mention is None
            or cue.mention.kind == "outlet"
            or cue.verb in _NO_CLAIM_VERBS
            or _attributes_quote(text, cue, quotes)
            or _relayed_passively(text, cue)
            or _relays_a_named_claim(cue, cues)
        ):
            continue  # "was quoted as saying by the RIA news agency": a relay, no claim
        span = _claim_span(text, cue, lo, hi)
        if span is None or span in taken:
            continue
        if any(q.mark_start < span[1] and span[0] < q.mark_end for q in quotes):
            continue
        speaker = _resolve(cue.mention, registry, state, lo)
        if speaker is None:
            continue
        taken.add(span)
        state.results.append(
            _claim_record(text, span, speaker, cue.verb, index, 0.4, "claim-further", when=when)
        )


def _claim_record(
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
        speaker_kind=_SPEAKER_KINDS.get(speaker.kind),
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


def _relays_a_named_claim(cue: Cue, cues: list[Cue]) -> bool:
    """ "Putin told Wang that ..., according to the Kremlin": the body the words come through
    after a person's own cue relays that person's claim; it makes none of its own."""
    return cue.verb in _SOURCE_CUES and any(
        c.start < cue.start and c.mention is not None and c.mention.kind == "person" for c in cues
    )


def _attributes_quote(text: str, cue: Cue, quotes: list[QuoteSpan]) -> bool:
    """ "“...,” Sanders said to cheers": the cue belongs to the quotation before it."""
    first = min(cue.start, cue.mention.start) if cue.mention is not None else cue.start
    for q in quotes:
        if q.mark_end <= first and text[q.mark_end : first].strip(" ,—–-\u00a0") == "":
            return True
    return False


def _one_claim(
    text: str,
    lo: int,
    hi: int,
    index: int,
    cues: list[Cue],
    vias: list[tuple[int, Via]],
    registry: Registry,
    state: _State,
    when: date | None,
) -> bool:
    for cue in cues:
        if cue.mention is None or not (cue.verb in _INDIRECT_VERBS or cue.verb in _SOURCE_CUES):
            continue
        span = _claim_span(text, cue, lo, hi)
        if span is None:
            continue
        speaker = _resolve(cue.mention, registry, state, lo)
        if speaker is None:
            continue
        if speaker.kind == "outlet":
            people = [
                c
                for c in cues
                if c.mention is not None and c.mention.kind != "outlet" and c is not cue
            ]
            if people and people[0].mention is not None:
                other = _resolve(people[0].mention, registry, state, lo)
                if other is not None:
                    speaker, cue = other, people[0]
                    span = _claim_span(text, cue, lo, hi) or span
        via = _via_for(speaker, cue, cues, vias, text, lo, hi, index, state)
        state.results.append(
            _claim_record(text, span, speaker, cue.verb, index, 0.55, "claim", when=when, via=via)
        )
        _remember(speaker, state)
        state.prior_claim = (speaker, index, hi)
        state.last_quote = (speaker, index, via)
        state.weak_last = False
        _remember_listener(text, cue, speaker, hi, lo, registry, state)
        return True
    return False


# Where a claim stops: ", said ...", ", according to ...", or the sentence's final punctuation.
# The same matches as r",\s+(?:...)\b|[.!?]+['’”\"]*\s*$", written to open with one character
# class, so that the regex engine skips ahead to the punctuation instead of trying each position.
_CLAIM_CUT = re.compile(
    r"[,.!?](?:(?<=,)\s+(?:according to|said|says|he said|she said|they said|the \w+ said"
    r"|adding|saying|noting|pointing out)\b"
    r"|(?<=[.!?])[.!?]*['’”\"]*\s*$)"
)


_THAT = re.compile(r"\bthat\b")
_CLAIM_LEAD = re.compile(
    r"\s*(?:on [A-Z]\w+(?: \d{1,2}\b)?|last \w+|this \w+|in an? \w+|in a statement|earlier"
    r"|later|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)?,?\s*(?:that\b)?"
)


# "said during a visit to China on Monday that the Kremlin sees ...": an adverbial of a few
# words (opening with a preposition or a time word, no clause of its own) and then "that": the
# claim is what follows "that" (not a relative "that" before a verb: "... the plan that was").
_ADVERBIAL_THEN_THAT = re.compile(
    r"\s*(?:during|in|on|at|after|before|while|following|via|through|outside|last|this|earlier"
    r"|later|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?:\s+(?!that\b|who\b|which\b)[\w’'.\-]+){1,12}?\s+that\s+"
    r"(?=(?:the|a|an|this|these|those|his|her|its|their|our|my|he|she|it|they|we|I|you|there)\b"
    r"|[A-Z0-9])"
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
_TOLD = frozenset({"told", "tells", "tell"})
_LISTENER_CUES = _TOLD | {"assured", "assures", "warned", "warns", "warn"}
_URGED = frozenset({"urged", "urges", "urge", "urging"})
_URGED_TO = re.compile(r"[^.;:]*?\b(?:that|to)\b")  # "urged voters to", "urged that"


def _claim_span(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    assert cue.mention is not None
    if cue.verb in _SOURCE_CUES:
        if _last_visible(text, lo, cue.start) == "":
            comma = text.find(",", cue.mention.end, hi)
            return (
                _trimmed(text, comma + 1, _sentence_content_end(text, lo, hi))
                if comma > 0
                else None
            )
        return _trimmed(text, lo, cue.start)
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
    else:
        adverbial = _ADVERBIAL_THEN_THAT.match(text, start, hi)
        lead = adverbial if adverbial is not None else _CLAIM_LEAD.match(text, start, hi)
        if lead is not None:
            start = lead.end()
    cut = _CLAIM_CUT.search(text, start, hi)
    end = cut.start() if cut is not None else hi
    return _trimmed(text, start, end)


_INSERTED_CUE_END = re.compile(
    r"(?: (?:on|last|this) \w+| in an interview| in a statement)?, (?=\w)"
)


# Words after "..., she said," that open something else than the rest of the claim.
_NOT_GOING_ON = _PARTICIPLES | {"according", "who", "which", "whose", "although", "though"}


def _around_inserted_cue(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """ "The golf industry, she said, is doing much better": a cue set off by commas inside the
    claim; the claim is the sentence around it."""
    assert cue.mention is not None
    if cue.mention.start > cue.start or not text.startswith(", ", cue.mention.start - 2):
        return None
    after = _INSERTED_CUE_END.match(text, cue.end, hi)
    if after is None or text.rfind(",", lo, cue.mention.start - 2) >= 0:
        return None  # one comma before the cue's subject: no aside of its own
    rest = text[after.end() : hi].split(maxsplit=2)
    if len(rest) < 2 or rest[0].lower() in _NOT_GOING_ON or rest[0][:1] in '“"‘':
        return None  # "..., she said, adding that", "..., he said, “...”"
    return _trimmed(text, lo, _sentence_content_end(text, lo, hi))


_AFTER_TRAILING_CUE = frozenset(
    """ on in at during last this yesterday today earlier later recently of to when after before
    while as monday tuesday wednesday thursday friday saturday sunday who adding noting citing
    because in""".split()
) | {""}


def _trailing_claim(text: str, cue: Cue, lo: int, hi: int) -> tuple[int, int] | None:
    """ "Content, Smith said." / "Content, said Smith." / "Content, people close to her say.": the
    claim is the sentence before the comma that opens the attribution."""
    assert cue.mention is not None
    first = min(cue.start, cue.mention.start)
    comma = text.rfind(",", lo, first)
    if comma <= lo:
        return None
    # Words up to one more than allowed are enough to count (maxsplit: not the whole sentence).
    between = text[comma + 1 : first].split(maxsplit=7)
    tail_start = max(cue.end, cue.mention.end)
    participle = _PARTICIPLE_AFTER_COMMA.search(text, tail_start, hi)
    tail_end = participle.start() if participle is not None else hi  # "..., adding that ..."
    after = text[tail_start:tail_end].split(maxsplit=9)
    # "..., said Rita Katz, the director of SITE Intelligence Group, which tracks ...": however
    # long, an aside after the speaker named after the cue describes the speaker.
    apposed = cue.mention.start > cue.start and text.startswith(", ", cue.mention.end)
    if len(between) > 6 or (
        len(after) > 8 and not apposed and not _adverbial_tail(text, tail_start, tail_end)
    ):
        return None
    if _COLON_BEFORE_QUOTE.match(text, tail_start, tail_end):
        return None  # "..., and then Wallnau continues: “...”": the cue introduces a quotation
    if (
        after
        and after[0].strip(".,;:!?").lower() not in _AFTER_TRAILING_CUE
        and not (cue.verb in ("told", "tells") and _LISTENER_ENDS_SENTENCE.match(text, cue.end, hi))
    ):  # "At a rally on Monday, Rubio said Trump is ...": the claim follows the cue; not
        return None  # "Content, an airport official told The New York Times."
    return _trimmed(text, lo, comma)


_PARTICIPLE_AFTER_COMMA = re.compile(r",\s+(?:adding|saying|noting|calling|describing)\b")
_COLON_BEFORE_QUOTE = re.compile(r"[^“”\"«»‘]*:")
_ADVERBIAL_TAIL = re.compile(
    r"\s*(?:at|during|in|on|after|following|before|while|when|speaking)\s"
    r"(?:(?!\bthat\b)[^“”\"«»:;])*$"
)


def _adverbial_tail(text: str, lo: int, hi: int) -> bool:
    """ "..., Lavrov said at a news conference following talks with his Egyptian counterpart on
    Wednesday.": however long, a tail that opens with a preposition and holds no "that", quote
    mark or colon says where and when, not what."""
    return _ADVERBIAL_TAIL.match(text, lo, hi) is not None


def _sentence_content_end(text: str, lo: int, hi: int) -> int:
    end = hi
    while end > lo and text[end - 1] in " .!?\n\t\u00a0":
        end -= 1
    return end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    segment = text[start:end]
    stripped = segment.strip(_TRIMMED)
    if len(stripped.split(maxsplit=2)) < 3:  # fewer than three words
        return None
    new_start = start + len(segment) - len(segment.lstrip(_TRIMMED))
    return new_start, new_start + len(stripped)


_TRIMMED = " ,;:—–\u00a0\t"


def bare_word(word: str) -> str:
    return bare(word)
