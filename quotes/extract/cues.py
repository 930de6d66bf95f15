"""Cues: the reporting verbs and phrases of a sentence ("said", "told", "according to",
"quoted ... as saying"), each with the speaker phrase standing at it. Found by one trie pattern
over the lexicon's verbs, then filtered (negations, base forms after one name, passives)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from quotes.extract.cue_subjects import (
    CONTRACTED_IS,
    OPENING_CUE,
    EndingPattern,
    according_to_cues,
    cue_subject,
    fill_shared_subjects,
    in_ones_words,
    may_state,
    noun_after_name,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    Mention,
)
from quotes.extract.state import (
    Cue,
)
from quotes.extract.subjects import (
    subject_after,
)

_WORD = re.compile(r"[A-Za-z]+")

BOUNDARY = re.compile(r"[.!?](?:''|[”’\"»'])?\s+(?=[“‘\"«„'`A-Z\[(0-9])")

ABBREV_BEFORE = EndingPattern(r"(\w[\w.]*)$")

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

# Cue verbs that are also plural nouns, and the adjectives of people that may come before them as
# nouns ("Republican claims", "Russian reports").
_ALSO_NOUNS = frozenset({"claims", "reports", "warnings", "statements"})
_PARTY_ADJECTIVES = frozenset({"republican", "democratic", "conservative", "liberal", "western"})
_ADJECTIVE_BEFORE = EndingPattern(r"(\w+)\s+([A-Z]\w+)\s+$", one_word_start=True)


def _adjective_after_function_word(text: str, cue_start: int) -> bool:
    """ "of Republican [claims]", "the Russian [reports]": a people's adjective after a
    function word, so the cue word is a noun it qualifies (not "Graham claims")."""
    found = _ADJECTIVE_BEFORE.search(text, max(0, cue_start - 40), cue_start)
    if found is None:
        return False
    function_word, adjective = found[1].lower(), found[2].lower()
    people = adjective in _PARTY_ADJECTIVES or adjective in lexicon().nationalities
    return people and (function_word in _NOUN_DETERMINERS or function_word in _OF_WORDS)


_OF_WORDS = frozenset({"of", "about", "on", "over", "against", "and", "or", "with", "by", "to"})

# Cue verbs whose plain form is also a noun: after a determiner and one lower-case word that is
# no plural subject ("the mere mention", "a brief comment", "his latest tweet") they are nouns;
# "the officials claim", "his aides report" keep the verb.
_PLAIN_ALSO_NOUNS = frozenset(
    """answer boast call charge claim comment demand joke lament mention note pledge post
    promise protest quip remark reply report retort tweet vow""".split()
)
_DETERMINER_WORD_BEFORE = EndingPattern(r"([\w’']+)\s+([a-z][\w-]*)\s+$")
_COUNTED_SUBJECTS = frozenset({"people", "two", "three", "four", "both", "few", "many", "rest"})


def _noun_after_determiner(text: str, lo: int, cue_start: int, low: str) -> bool:
    if low not in _PLAIN_ALSO_NOUNS:
        return False
    found = _DETERMINER_WORD_BEFORE.search(text, max(lo, cue_start - 40), cue_start)
    if found is None:
        return False
    determiner, word = found[1].lower(), found[2]
    if determiner not in _NOUN_DETERMINERS and not determiner.endswith(("’s", "'s")):
        return False
    return not word.endswith("s") and word not in _COUNTED_SUBJECTS


NEGATION_IN_CLAUSE = re.compile(r"\b(?:refrained from|refused to|declined to|not|never|without)\b")
NEGATION_REACH = 300
"""How far back from a cue or quotation a negation is looked for: a bound, so that a sentence of
a thousand quotations is not read a thousand times."""

_PREVIOUS_WORD = EndingPattern(r"(\w+)\W*$", one_word_start=True)

_SO_CALLED = re.compile(r"(?<![\w-])[Ss]o[- ]$")


@cache
def cue_pattern() -> re.Pattern[str]:
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
        first = cue_pattern().match(text, 0, hi)
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

INDIRECT_VERBS = frozenset(
    """according said says say told tells added adds argued argues claimed claims believes believe
    believed
    think thinks thought warned warns insisted insists noted suggested suggests stressed explained
    acknowledged admitted announced predicted predicts wrote writes reported reports contended
    maintained asserted hopes hoped expects expected fears feared knows knew denied confirmed
    promised vowed pledged declared complained recalled emphasised emphasized urged agreed
    concluded estimated estimates argue assured indicated learned""".split()
) | {"pointed out", "points out", "made clear", "made it clear", "makes clear", "makes it clear"}

NO_CLAIM_VERBS = frozenset(
    """read reads laughed sighed screamed barked interrupted boomed thundered chimed riffed
    lectured admonished exulted marveled marvelled react reacts reacted reacting declined""".split()
) | {"issued a statement", "released a statement"}


# "state media", "state broadcaster", "state-run": "state" describes what follows.
_STATE_AS_ADJECTIVE = re.compile(
    r"(?:\s+|-)(?:media|broadcaster|television|TV|news|agency|radio|newspaper|run|owned"
    r"|controlled|outlet|outlets|press|visit|secretary|department|official|officials)\b"
)


def find_cues(text: str, outside: list[tuple[int, int]], lo: int, hi: int) -> list[Cue]:
    cues: list[Cue] = []
    for part_lo, part_hi in outside:
        for start, end in _cue_spans(text, part_lo, part_hi):
            low = text[start:end]
            previous = _PREVIOUS_WORD.search(text, max(part_lo, start - 25), start)
            previous_word = previous[1].lower() if previous is not None else ""
            attached = previous is not None and text[previous.end(1) : start].isspace()
            if attached and (previous_word in _NOUN_DETERMINERS or previous_word == "to"):
                continue  # "the report", "to state"; not "... larger than that, said Wasserman"
            if attached and low in _ALSO_NOUNS and _adjective_after_function_word(text, start):
                continue  # "32% of Republican claims", "the Russian reports": a noun
            if attached and _noun_after_determiner(text, part_lo, start, low):
                continue  # "the mere mention of her name": a noun
            if start > part_lo and text[start - 1] == "-":
                continue  # "self-described", "well-said": part of an adjective
            if text[start - 3 : start - 1] in ("so", "So") and _SO_CALLED.search(
                text, max(part_lo, start - 4), start
            ):
                continue  # "so-called": a label, not a cue
            if low in ("state", "states") and (
                not may_state(previous) or _STATE_AS_ADJECTIVE.match(text, end, part_hi)
            ):
                continue  # "member states", "an independent state", "..., state media said"
            if noun_after_name(text, part_lo, start, low):
                continue  # "a Twitter comment", "the Paris attacks": a noun
            if (
                low.startswith("continu")
                and _CONTINUES_SOMETHING.match(text, end, part_hi)
                and not _INVERSION_BEFORE.search(text, max(0, start - 3), start)
            ):
                continue  # "will continue to be", "would continue exports": not a cue
            if text[max(part_lo, start - 3) : start].rstrip().endswith(
                ("’s", "'s", "s’", "s'")
            ) and not CONTRACTED_IS.search(text, max(part_lo, start - 12), start):
                continue  # "the Communist Party's claim": a noun; not "he’s predicting"
            if previous_word == "or" and NEGATION_IN_CLAUSE.search(
                text, max(lo, start - NEGATION_REACH), start
            ):
                continue
            passive = (
                previous_word in _PASSIVE_AUXILIARIES
                and low != "quoted"
                and not low.endswith("ing")
            )  # "was told" is passive; "is calling" is not
            if low in NAMING_VERBS and (
                passive
                or (attached and previous_word == "as")  # "“careless”, as described by Comey"
                or _ADVERB_AFTER_AUXILIARY.search(text, max(part_lo, start - 30), start)
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
            mention = cue_subject(text, lo, part_lo, start, end, part_hi)
            if mention is not None and _base_form_after_singular(text, mention, start, low):
                continue  # "would help Taiwan maintain a ... capability": an infinitive
            if low == "learned" and (mention is None or mention.kind != "outlet"):
                continue  # "TASS has learned that ...": an outlet's finding; not "he learned"
            cues.append(Cue(start, end, low, mention))
        if text.find("ccording to", part_lo, part_hi) >= 0:
            cues.extend(according_to_cues(text, part_lo, part_hi, hi))
        if text.find(" words", part_lo, part_hi) >= 0:
            cues.extend(in_ones_words(text, part_lo, part_hi))
    opening = OPENING_CUE.match(text, lo, hi)
    if opening is not None and opening.group(1).lower() in lexicon().speech_verbs:
        mention = subject_after(text, opening.end(), outside[0][1] if outside else hi)
        if mention is not None and mention.kind in ("person", "organisation", "description"):
            cues.append(Cue(opening.start(1), opening.end(1), opening.group(1).lower(), mention))
    if len(cues) > 1:
        cues.sort(key=lambda c: c.start)
    subject_lo = outside[0][0] if outside else lo  # not a subject inside a quotation
    return _quoted_as_saying(text, fill_shared_subjects(text, cues, subject_lo, hi))


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
NAMING_VERBS = frozenset(
    "asked told described called labeled labelled dubbed branded termed rated characterized "
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

_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})

_QUOTED_AS = re.compile(r"\b(?:quoted|cited)\s+(\S.{0,60}?)\s+as\s+$")

AS_SAYING = frozenset({"saying", "telling", "writing", "stating", "adding", "describing"})


def _quoted_as_saying(text: str, cues: list[Cue]) -> list[Cue]:
    """ "Interfax quoted Peskov as saying “...”": Peskov speaks (the cue "saying" is his); the
    one who quoted him is the relay, found by `_explicit_via` through the cue "quoted"."""
    if not any(cue.verb in AS_SAYING for cue in cues):
        return cues
    for index, cue in enumerate(cues):
        if cue.verb not in AS_SAYING:
            continue
        quoted = _QUOTED_AS.search(text, max(0, cue.start - 75), cue.start)
        if quoted is None:
            continue
        named = subject_after(text, quoted.start(1) - 1, quoted.end(1))
        if quoted.group(1) in _OBJECT_PRONOUNS:  # "IRNA quoted him as saying"
            named = Mention(quoted.group(1), quoted.start(1), quoted.end(1), "pronoun")
        if named is not None and named.kind in ("person", "description", "organisation", "pronoun"):
            cues[index] = cue.with_mention(named)
    return cues
