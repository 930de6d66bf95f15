"""Who stands at a cue: the subject shared by coordinated verbs, the agent of a passive,
"according to" sources, authors of channels ("a statement on the Kremlin website said"),
relative clauses and counted sources ("two officials said")."""

from __future__ import annotations

import re

from quotes.extract.before_cue import (
    description_word,
    subject_before,
)
from quotes.extract.classify import description_role
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    Mention,
    last_index,
    last_visible_at,
)
from quotes.extract.outlets import CHANNEL_FORMS, lookup_outlet
from quotes.extract.state import (
    Cue,
)
from quotes.extract.subjects import (
    sentence_subject,
    subject_after,
)


class EndingPattern:
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


PARTICIPLES = frozenset(
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

CONTRACTED_IS = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ww]ho|[Ww]hat)[’']s\s+$")

OPENING_CUE = re.compile(r"([A-Z][a-z]+ed|Said|Wrote|Says|Adds|Writes)\s+(?=[A-Z])")

_TWO_WORDS_BEFORE = EndingPattern(r"(\w+)\s+([A-Z][\w’'\-]*)\s+$", one_word_start=True)


def noun_after_name(text: str, part_lo: int, at: int, verb: str) -> bool:
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


def may_state(previous: re.Match[str] | None) -> bool:
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

ACCORDING_TO = re.compile(r"\b[Aa]ccording to\s+")

SOURCE_CUES = frozenset({"according to", "in the words of"})

_OBJECT_PRONOUN = re.compile(r"(him|her|them)(?=\s*[,.;:])")

_IN_ONES_WORDS = re.compile(r"\b[Ii]n (his|her|their) (?:own )?words,")

# What an object or possessive pronoun stands for as a speaker: "according to him" is "he".
AS_SUBJECT = {"him": "he", "his": "he", "her": "she", "them": "they", "their": "they"}


def in_ones_words(text: str, part_lo: int, part_hi: int) -> list[Cue]:
    """ "In his words, the obligations “have not been fulfilled”", "in the words of a senior
    adviser, “the torchbearer”": the one whose words they are is the source, as with "according
    to him"."""
    cues = [
        Cue(m.start(), m.end(), "in the words of", Mention(m[1], m.start(1), m.end(1), "pronoun"))
        for m in _IN_ONES_WORDS.finditer(text, part_lo, part_hi)
    ]
    for match in _IN_THE_WORDS_OF.finditer(text, part_lo, part_hi):
        comma = text.find(",", match.end(), min(part_hi, match.end() + _MOST_SOURCE_CHARS))
        whose = subject_after(text, match.end(), comma) if comma > 0 else None
        if whose is not None and whose.kind in ("person", "description", "organisation"):
            cues.append(Cue(match.start(), match.end(), "in the words of", whose))
    return cues


_IN_THE_WORDS_OF = re.compile(r"\b[Ii]n the words of ")


def according_to_cues(text: str, part_lo: int, part_hi: int, hi: int) -> list[Cue]:
    """ "according to Shi Yinhong, a professor": a person or body as the source (not a relay).
    Called only for a part that holds "ccording to" (cheaper to look for than to scan)."""
    cues: list[Cue] = []
    for match in ACCORDING_TO.finditer(text, part_lo, part_hi):
        pronoun = _OBJECT_PRONOUN.match(text, match.end(), hi)
        if pronoun is not None:  # "According to him, Washington and Brussels “do not hide” ..."
            found = Mention(pronoun[1], pronoun.start(1), pronoun.end(1), "pronoun")
            cues.append(Cue(match.start(), match.end(), "according to", found))
            continue
        remarks = _REMARKS_BY.match(text, match.end(), hi)  # "according to remarks by Perl"
        written = (
            (subject_after(text, remarks.end(), hi) if remarks is not None else None)
            or subject_after(text, match.end(), hi)
            or _counted_source(text, match.end(), hi)
            or _described_source(text, match.end(), hi)
        )
        mention = author_of_channel(text, written, hi)
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


_REMARKS_BY = re.compile(
    r"\s*(?:the\s+|his\s+|her\s+)?(?:remarks|comments|words)\s+(?:by|of|from)\s+"
)


def _described_source(text: str, at: int, hi: int) -> Mention | None:
    """ "according to law enforcement officials, ...", "according to local health officials":
    people described by words no list holds, the whole phrase up to the comma."""
    comma = text.find(",", at, min(hi, at + _MOST_SOURCE_CHARS))
    if comma < 0:
        return None
    found = subject_before(text, at, comma)
    start = len(text[at:comma]) - len(text[at:comma].lstrip()) + at
    if found is None or found.end != comma or found.kind not in ("description", "plural"):
        return None
    before = text[start : found.start].split()
    if not all(word.islower() and description_word(word) for word in before):
        return None  # "according to [a report that] officials [...]": no description
    phrase = text[start:comma]
    if found.kind == "plural":
        return Mention(phrase, start, comma, "plural", name=phrase)
    return Mention(phrase, start, comma, "description", role=description_role(phrase))


_MOST_SOURCE_CHARS = 80

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


def author_of_channel(text: str, mention: Mention | None, hi: int) -> Mention | None:
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
    countered cautioned reacted""".split()
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


def cue_subject(
    text: str, lo: int, part_lo: int, cue_start: int, cue_end: int, hi: int
) -> Mention | None:
    mention = subject_before(text, part_lo, cue_start)
    if mention is None and text[cue_start:cue_end].endswith("ing"):
        by = _VERB_BY.search(text, max(part_lo, cue_start - 30), cue_start)
        if by is not None:  # "he began by saying", "A Chinese official responded by saying"
            mention = subject_before(text, part_lo, by.start())
    if mention is not None and mention.kind == "relative":
        mention = _antecedent(text, part_lo, mention)
    if mention is not None:
        return mention
    outlet = _relaying_outlet_after(text, part_lo, cue_start, cue_end, hi)
    if outlet is not None:
        return outlet
    mention = _subject_of_relative_clause(text, part_lo, cue_start) or _share_subject(
        text, part_lo, cue_start
    )
    if mention is not None:
        return mention
    verb = text[cue_start:cue_end].lower()
    after_quote = part_lo > lo
    if (
        (verb in _INVERTING or (after_quote and verb in lexicon().speech_verbs))
        and not verb.endswith("ing")
        and verb not in _OBJECT_VERBS
        and _nothing_or_a_comma_before(text, part_lo, cue_start)
        and not text.startswith(" that ", cue_end)  # "“...” suggests that Phoenix ...": a clause
    ):
        mention = subject_after(text, cue_end, hi)
        if mention is not None and not after_quote and mention.kind not in _INVERTED_KINDS:
            mention = None  # "In other words, explained Nancy Cordes:" but not "..., said the plan"
    return mention


RELAYING_VERBS = frozenset({"reported", "reports", "said", "says", "wrote", "writes"})
"""Verbs an outlet named after them relays with: "..., reported AFP", "..., said Xinhua"."""


def _relaying_outlet_after(
    text: str, lo: int, cue_start: int, cue_end: int, hi: int
) -> Mention | None:
    """ "..., Shoigu said on Tuesday, reported AFP.": a reporting verb after a comma whose
    subject, an outlet, follows it and ends the sentence (or cites a source: "..., reported AFP,
    citing the ministry"); it relays what comes before rather than sharing the earlier verb's
    subject."""
    if text[cue_start:cue_end].lower() not in RELAYING_VERBS:
        return None
    before = last_visible_at(text, lo, cue_start)
    if before < 0 or text[before] != ",":
        return None
    mention = subject_after(text, cue_end, hi)
    if mention is None or mention.kind != "outlet":
        return None
    return mention if _SENTENCE_ENDS_OR_CITES.match(text, mention.end, hi) else None


# After "..., reported AFP": the end of the sentence, or the source the outlet cites.
_SENTENCE_ENDS_OR_CITES = re.compile(r"\s*(?:[.!]?\s*$|,\s+(?:citing|quoting)\s)")


def _antecedent(text: str, lo: int, relative: Mention) -> Mention | None:
    """Who a relative pronoun before the cue stands for: the phrase right before it ("citing a
    military official who said", "residents who say"); but the person named before a comma
    when that phrase only describes them ("Lionel Sosa, a longtime Hispanic Republican who
    said") or nothing names a speaker right before it ("Wang, who said"). None when neither
    is a speaker."""
    restrictive = not text[lo : relative.start].rstrip().endswith(",")
    immediate = subject_before(text, lo, relative.start) if restrictive else None
    if immediate is not None and immediate.kind not in _ANTECEDENT_KINDS:
        immediate = None
    comma = text.rfind(",", lo, relative.start)
    if comma > lo:
        named = subject_before(text, lo, comma)
        if named is not None and named.kind == "relative":
            named = None
        if immediate is None or (
            named is not None and named.kind == "person" and immediate.kind != "person"
        ):
            return named
    return immediate


_ANTECEDENT_KINDS = frozenset({"person", "description", "plural", "organisation"})


def _nothing_or_a_comma_before(text: str, lo: int, at: int) -> bool:
    """Whether `text[lo:at]`, without trailing white space, ends with a comma or holds only
    spaces, commas and dashes; read backwards from `at`, so a long sentence costs nothing."""
    end = at
    while end > lo and text[end - 1].isspace():
        end -= 1
    if end > lo and text[end - 1] == ",":
        return True
    start = end
    while start > lo and text[start - 1] in _LEAD_PUNCTUATION:
        start -= 1
    return start == lo


_LEAD_PUNCTUATION = frozenset(" ,—–-\u00a0")

# A number written in words, up to ninety-nine ("Twenty-four percent said").
_NUMBER_WORDS = (
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|one|two|three|four|five|six|seven|eight|nine)"
)

_SHARE = (
    r"((?:(?:[Ss]ome|[Aa]bout|[Nn]early|[Aa]lmost"
    r"|[Oo]nly|[Jj]ust|[Mm]ore than|[Ff]ewer than) )?(?:(?:\d+(?:\.\d+)?|"
    + _NUMBER_WORDS
    + r") ?(?:%|percent|per cent)"
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
    who = last_index(text, " who", lo, cue_start)
    if who < 0 or _RELATIVE_AFTER_SUBJECT.match(text, who, cue_start - 1) is None:
        return None
    subject = subject_before(text, lo, who + 1)
    if subject is None or subject.kind not in ("person", "description", "plural"):
        return None
    return subject


def fill_shared_subjects(text: str, cues: list[Cue], lo: int, hi: int) -> list[Cue]:
    """ "He praised X and said ...", "..., saying ...": the verb shares a subject written earlier.

    A participle takes the subject of the nearest verb before it; a verb after "and" takes the
    sentence's first speaker; failing both, the phrase the sentence opens with.
    """
    filled: list[Cue] = []
    for cue in cues:
        if cue.mention is not None and cue.verb not in PARTICIPLES:
            filled.append(cue)  # its own subject, and no participle to share one
            continue
        before = text[max(lo, cue.start - 6) : cue.start].strip().lower()
        participle = cue.verb in PARTICIPLES and (
            before.endswith(",") or _heard(text, lo, cue.mention)
        )
        other = _other_party(text, filled, lo, cue) if participle else None
        if other is not None:  # "... before his guest took his leave, saying: “...”"
            cue = cue.with_mention(other)
        elif cue.mention is None or participle:
            shared = cue.verb in PARTICIPLES or before.endswith(("and", "but", ","))
            source = (
                _shared_source(text, filled, lo, hi, cue.verb in PARTICIPLES) if shared else None
            )
            if source is not None:
                cue = cue.with_mention(source)
            elif participle:
                cue = cue.with_mention(None)  # "... endorsed Clinton, saying": not Clinton
        filled.append(cue)
    return filled


# "before his guest took his leave", "as her host replied": a clause whose subject is the other
# party of an exchange, named by their relation to the one who spoke before.
_OTHER_PARTY = re.compile(
    r"\b(?:before|after|as|while|when|until|and)\s+((?:his|her|their)\s+"
    r"(guest|host|visitor|counterpart|interlocutor))\s+[a-z]+"
)


def _other_party(text: str, earlier: list[Cue], lo: int, cue: Cue) -> Mention | None:
    """The other party of an exchange as the subject a participle shares, when a clause with
    that subject stands between the last cue and the participle."""
    start = earlier[-1].end if earlier else lo
    if cue.start - start > 160:
        return None
    clauses = list(_OTHER_PARTY.finditer(text, start, cue.start))
    if not clauses:
        return None
    found = clauses[-1]
    return Mention(found.group(1), found.start(1), found.end(1), "description", role=found[2])


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
