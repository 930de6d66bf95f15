"""Attribution: who speaks at a cue, through which relay outlet, and on what date.

Pure functions over the article text and offsets. The noun phrase naming a speaker is read from
the words next to a reporting verb (the cue): to its left for "Patrushev said", past an
apposition for "Wang, who arrived on Tuesday, said", to its right for "said Wan Qingsong".
A phrase is classified as a person (a proper name, split from its title: "Russian Security
Council Secretary Nikolai Patrushev" is Nikolai Patrushev, role "Russian Security Council
Secretary"), a pronoun, a description ("the Russian leader"), an organisation, or an outlet
(gazetteer names and "... report/statement/readout"). `Registry` resolves surnames,
descriptions and organisation nicknames to the fullest form used in the article.

Limits: English only; names are recognised by capital letters and a word list, not by a model,
so a capitalised common word next to a cue may be taken for a name, and a lower-case name
("the late bell hooks") is missed. Descriptions resolve only against roles written next to a
name somewhere in the same article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Literal, TypeVar

from quotes.lexicon import lexicon
from quotes.names import name_key as _name_key
from quotes.outlets import CHANNEL_FORMS, OutletInfo, lookup_outlet, outlet_key
from quotes.records import quick_init

MentionKind = Literal[
    "person", "pronoun", "description", "organisation", "outlet", "relative", "plural"
]

# Initials ("U.S.") or a word, or a punctuation token. The same tokens as
# r"(?:\w\.){2,}|\w[\w’'\-]*\.?|[,;:()\[\]—–]", with the two alternatives that open with a
# word character sharing it (tried once, not twice, at each word).
_TOKEN = re.compile(r"\w(?:\.(?:\w\.)+|[\w’'\-]*\.?)|[,;:()\[\]—–]")
_CONNECTORS = frozenset(
    {"of", "for", "and", "the", "de", "al", "van", "von", "der", "bin", "la", "le", "du", "da"}
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"}
)
_SKIP_BEFORE_CUE = frozenset(
    """has have had was were is are be been being would will could can may might should must
    also later earlier then further again previously once repeatedly recently publicly reportedly
    allegedly however already still often frequently privately initially first finally just only
    quickly flatly firmly not never even clearly explicitly specifically subsequently separately
    himself herself itself themselves bluntly openly openly tersely simply did does do
    """.split()
)
# "Putin on Tuesday [said]", "China on Sept. 15 [urged]", "Lavrov last week [said]": when, between
# the speaker and the verb.
_TIME_BEFORE_CUE = re.compile(
    r"\s(?:(?:early|late|earlier|later)\s+)?(?:"
    r"on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
    r"|(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening|night)"
    r"|(?:yesterday|today|overnight))\s+$"
)
_NOT_ADVERBS = frozenset(
    {"ally", "family", "daily", "rally", "assembly", "supply", "italy", "july", "fly", "only"}
)
_APPOSITION_STARTS = frozenset(
    {"a", "an", "the", "who", "whose", "which", "whom", "his", "her", "its", "their", "one", "both"}
)
_OUTLET_NOUNS = frozenset(
    {
        "report",
        "reports",
        "statement",
        "statements",
        "readout",
        "footage",
        "broadcast",
        "transcript",
        "website",
        "dispatch",
        "communique",
        "bulletin",
        "editorial",
        "interview",
    }
)
_OUTLET_KINDS_RELAYING = frozenset({"news agency", "newspaper", "broadcaster", "other"})
_PREPOSITIONS = frozenset({"of", "from", "at", "for", "in", "with", "on"})
_MAX_NP_TOKENS = 14


@quick_init
@dataclass(frozen=True, slots=True)
class Mention:
    """Words naming a speaker: `text` as written at `start`..`end`, what kind, name and role."""

    text: str
    start: int
    end: int
    kind: MentionKind
    name: str | None = None
    role: str | None = None
    outlet: OutletInfo | None = None


@quick_init
@dataclass(frozen=True, slots=True)
class Via:
    """A relay outlet: canonical name (or the words as written) and the words as written."""

    name: str
    text: str


_MAX_REMEMBERED = 100_000
_Answer = TypeVar("_Answer")


class _Answers(dict[str, _Answer]):
    """Answers of a function of one word, computed on first use (bounded: forgotten when full)."""

    def __init__(self, function: Callable[[str], _Answer]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, word: str) -> _Answer:
        answer = self.function(word)
        if len(self) >= _MAX_REMEMBERED:
            self.clear()
        self[word] = answer
        return answer


def _remembered(function: Callable[[str], _Answer]) -> Callable[[str], _Answer]:
    """`function` of one word, remembered per word (bounded). The same words recur through an
    article and across articles, so most calls are one dict lookup, made in C: the lookup is the
    dict's own `__getitem__`, which calls `__missing__` only for a new word."""
    return _Answers(function).__getitem__


@_remembered
def bare(token: str) -> str:
    return token.rstrip(".").lower()


def strip_possessive(token: str) -> str:
    if token.endswith(("’s", "'s")):
        if len(token) > 2:
            return token[:-2]
    elif token.endswith(("’", "'")) and len(token) > 1:
        return token[:-1]
    return token


def is_capitalised(token: str) -> bool:
    return token[:1].isupper()


@_remembered
def is_title_word(token: str) -> bool:
    word = bare(strip_possessive(token))
    lex = lexicon()
    return word in lex.title_words or word in lex.nationalities or word in lex.person_nouns


# Each token with the characters before it, none of which a token opens with (or, at the end,
# those characters alone: an empty token, so that the search does not retry them one by one):
# `findall` gives the pairs as strings, no match objects, and their lengths give the offsets.
_GAP_AND_TOKEN = re.compile(r"([^\w,;:()\[\]—–]*+)(" + _TOKEN.pattern + r"|\Z)")


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """`(token, start, end)` for each match of `_TOKEN` in `text[lo:hi]`."""
    tokens = []
    end = lo
    for gap, token in _GAP_AND_TOKEN.findall(text, lo, hi):
        if token:
            start = end + len(gap)
            end = start + len(token)
            tokens.append((token, start, end))
    return tokens


@cache
def name_key(name: str) -> str:
    """`quotes.names.name_key`, remembered: the same names recur through an article."""
    return _name_key(name)


# --- Noun phrases next to a cue ---------------------------------------------------------------


def subject_before(text: str, lo: int, cue_start: int) -> Mention | None:
    """The speaker phrase ending right before a cue, within `text[lo:cue_start]`."""
    timed = _TIME_BEFORE_CUE.search(text, max(lo, cue_start - 40), cue_start)
    tokens = _tokens(text, lo, timed.start() if timed is not None else cue_start)
    while tokens and _skippable_before_cue(tokens[-1][0]):
        tokens.pop()
    if len(tokens) >= 2 and tokens[-1][0] == "," and tokens[-2][0] == ")":
        tokens = tokens[:-1]  # "Gov. John Kasich (R-OH), said": the tag, then a stray comma
    tokens = _without_trailing_bracket(tokens)
    if not tokens:
        return None
    if tokens[-1][0] == ",":
        return _subject_past_apposition(text, tokens[:-1])
    quantifier = _quantifier_subject(tokens)
    if quantifier is not None:
        return quantifier
    found = _noun_phrase_ending(text, tokens)
    if found is not None and found.kind in ("outlet", "organisation", "person"):
        count = len(tokens)  # of the tokens before the phrase
        while count and tokens[count - 1][2] > found.start:
            count -= 1
        before = tokens[:count]
        heard = (
            len(before) >= 2
            and bare(before[-1][0]) == "to"
            and before[-2][0].endswith("ing")
            and bare(before[-2][0]) != "according"
        )
        if heard:
            # "Another source speaking to Fox News [said]": Fox News heard it; the source spoke
            opening = _subject_at(text, tokens, 0, False)
            found = opening if opening is not None and opening.end <= before[-1][1] else None
    if found is not None and found.kind in ("outlet", "organisation", "person", "description"):
        found = _completed_by_to(text, tokens, found)
    if found is None:
        found = _description_ending(text, tokens) or _bare_plural_ending(text, tokens)
    if found is None and len(tokens) <= 12:
        found = _description_subject(text, tokens, 0)  # "A source familiar with X [said]"
        if found is not None:
            rest = [t for t in tokens if t[1] >= found.end]
            clause = [t for t in rest if t[0] in (",", ";", ":")]
            if not rest or bare(rest[0][0]) not in _AFTER_DESCRIPTION or clause:
                found = None
    return found


_CLOSE_TO = frozenset({"close", "closest", "near", "next", "loyal"})
# The prepositions after which a name or body describes the speaker ("the ambassador to Russia",
# "a spokesman for Putin", "the mayor of Kyiv"), and is not the speaker.
DESCRIBING_PREPOSITIONS = frozenset({"of", "for", "in", "at", "from", "to", "with"})


def _completed_by_to(text: str, tokens: list[tuple[str, int, int]], found: Mention) -> Mention:
    """ "The ambassador to Russia [said]", "an aide to Mr. Trump", "a source close to the
    campaign", "a spokesman for the embassy in Washington": the phrase after the preposition
    completes a description of the speaker; it is not the speaker."""
    count = len(tokens)
    while count and tokens[count - 1][2] > found.start:
        count -= 1
    if count < 2 or tokens[count - 1][0] not in DESCRIBING_PREPOSITIONS:
        return found
    preposition, head = tokens[count - 1][0], tokens[count - 2][0]
    if not head.islower() or head.endswith("ing") or head in ("according", "due", "up"):
        return found
    low = bare(head)
    if not (
        (low in _CLOSE_TO and preposition == "to")
        or low in lexicon().person_nouns
        or is_title_word(head)
        or (low in lexicon().org_heads and preposition in ("in", "at"))
    ):
        return found  # not "in a nod to the front-runner", "a website linked to a group"
    described = _description_ending(text, tokens[: count - 1])
    if described is not None:
        start = described.start
    elif count >= 3 and tokens[count - 3][0].endswith(("’s", "'s")):
        start = tokens[count - 3][1]  # "Russia’s ambassador to the United States"
    else:
        nearby = range(count - 2, max(-1, count - 7), -1)
        opening = next((i for i in nearby if bare(tokens[i][0]) in _DETERMINERS), None)
        if opening is None:
            return found
        start = tokens[opening][1]  # "[a spokesman for] the Chinese embassy in Washington"
    phrase = text[start : found.end]
    if low in lexicon().org_heads:  # "the Russian embassy in London"
        return Mention(phrase, start, found.end, "organisation", name=_without_determiner(phrase))
    return Mention(phrase, start, found.end, "description", role=_description_role(phrase))


_QUANTIFIERS = frozenset({"many", "several", "some", "others", "most", "few", "both", "all"})


def _quantifier_subject(tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "Several said ...", "Others warned ...": a quantifier standing alone as the subject, at
    the start of its clause, speaks for the people it counts."""
    word, start, end = tokens[-1]
    if bare(word) not in _QUANTIFIERS:
        return None
    if len(tokens) > 1 and not _opens_clause(tokens[-2][0]):
        return None
    return Mention(word, start, end, "plural", name=word)


def _opens_clause(word: str) -> bool:
    """A punctuation mark or a conjunction a clause's subject may follow."""
    return word in (",", ";", ":", "(", "—", "–") or bare(word) in ("but", "and", "while", "yet")


def _without_trailing_bracket(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "Sen. Marco Rubio (R-Fla.) [said]": the party and state tag is not part of the phrase."""
    if len(tokens) >= 3 and tokens[-1][0] == ")":
        for back in range(2, min(len(tokens), 6)):
            if tokens[-back][0] == "(":
                return tokens[:-back]
    return tokens


_DESCRIPTION_DETERMINERS = frozenset(
    {"a", "an", "the", "one", "another", "two", "three", "several", "some", "many", "other"}
    | {"his", "her", "their", "its", "our", "my", "this", "these", "those"}
)
_NOT_IN_DESCRIPTION = frozenset(
    """who whom whose which that what when where while as because if than so to in on at by for
    from with of about after before during into over under and or but nor not never would will
    could can may might should must is are was were be been being has have had do does did it
    this these those there here he she they we you i me him them us his her its their our your
    my said says say told also just""".split()
)
_TIME_WORDS = frozenset(
    """earlier later ago day days week weeks month months year years time times night morning
    evening afternoon weekend moment""".split()
)


_DESCRIPTION_TOKEN = re.compile(r"(?:[^\W\d_]|\d+-)[\w’'\-]*[^\W\d_]|(?:19|20)\d\d")


@_remembered
def _description_word(word: str) -> bool:
    low = bare(strip_possessive(word))
    return (
        _DESCRIPTION_TOKEN.fullmatch(low) is not None
        and low not in _NOT_IN_DESCRIPTION
        and not (word.islower() and low in _TIME_WORDS)
        and not (word.islower() and low.endswith("ly") and low not in _NOT_ADVERBS)
    )


def _description_ending(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "the investor [said]", "one former campaign staffer [wrote]": a determiner, up to five
    modifiers and a head noun written in lower case."""
    head = tokens[-1][0]
    if not head.islower() or not _description_word(head) or head.endswith((".", "’s", "'s")):
        return None
    for back in range(2, min(len(tokens), 7) + 1):
        word = tokens[-back][0]
        before = tokens[-back - 1][0] if back < len(tokens) else ","
        if word.isdigit() and bare(before) in _DESCRIPTION_DETERMINERS:
            continue  # "A 1996 FEC advisory opinion [added]": a year, not a count
        if bare(word) in _IRREGULAR_PAST:
            return None  # "The president left no [doubt]": a clause, not a description
        if bare(word) in _DESCRIPTION_DETERMINERS or word.isdigit():  # "21 percent [said]"
            if before not in (",", ";", ":", "(", "—", "–") and bare(before) not in (
                _OPENS_DESCRIPTION
            ):
                return None
            return _description(text, tokens[-back:])
        if not _description_word(word):
            return None
    return None


# Words after which a description opens a clause: "and the aide said", "what one conservative
# has dubbed", "which an FBI investigation said was “...”".
_OPENS_DESCRIPTION = frozenset({"and", "but", "as", "which", "that", "what"})


# Written sources that "show" or "find" things as people say them: "Polls show ...", "F.A.A.
# records show ...", "new filings show ...".
_SOURCE_PLURALS = frozenset(
    "polls surveys records filings documents data figures results files studies estimates "
    "statistics numbers".split()
)
_BEFORE_BARE_PLURAL = frozenset(
    {"but", "and", "yet", "so", "what", ",", "many", "some", "most", "though", "although"}
    | {"indeed"}
)


def _bare_plural_ending(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "But hacking specialists [say]", "Social scientists [say]", "what researchers [say]":
    people named by a plural and up to two modifiers, with no determiner, opening their
    clause."""
    head = tokens[-1][0]
    low = bare(head)
    if not head.islower() or not low.endswith("s"):
        return None
    if not (low in lexicon().person_nouns or _people_by_trade(low) or low in _SOURCE_PLURALS):
        return None
    first = len(tokens) - 1
    while first > 0 and len(tokens) - first < 3:
        word = tokens[first - 1][0]
        if not (word.islower() or first == 1) or not _description_word(word):
            break
        if bare(word) in _BEFORE_BARE_PLURAL or bare(word) in _DESCRIPTION_DETERMINERS:
            break
        first -= 1
    if first > 0 and bare(tokens[first - 1][0]) not in _BEFORE_BARE_PLURAL:
        return None  # "the number of voters [say]", "... party leaders [say]" with more before
    return _description(text, tokens[first:])


def _description(text: str, tokens: list[tuple[str, int, int]]) -> Mention:
    start, end = tokens[0][1], tokens[-1][2]
    phrase = text[start:end].rstrip(".")
    return Mention(
        phrase, start, start + len(phrase), "description", role=_description_role(phrase)
    )


def _description_role(phrase: str) -> str:
    """ "one former aide" -> "former aide": the words after the determiner."""
    words = phrase.split()
    while len(words) > 1 and bare(words[0]) in _DESCRIPTION_DETERMINERS | _DETERMINERS:
        words.pop(0)
    return " ".join(words)


_MODALS = frozenset({"will", "may", "can", "must"})


@_remembered
def _skippable_before_cue(token: str) -> bool:
    word = token.lower()
    if word in _SKIP_BEFORE_CUE:
        return token.islower() or word not in _MODALS  # "Will described": George Will
    return token.islower() and word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS


def _subject_past_apposition(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """Wang, who arrived in the Russian capital on Tuesday, [said]: the phrase before the aside."""
    untagged = _without_party_tags(tokens)
    if len(untagged) < len(tokens) and _last_index(untagged, ",") < 0:  # the tag was the aside
        found = _noun_phrase_ending(text, untagged) if untagged else None
        return found if found is not None and found.kind in _APPOSED_KINDS else None
    tokens = untagged
    for _ in range(6):
        comma = _last_index(tokens, ",")
        if comma < 0:
            return None
        aside = _without_trailing_bracket(tokens[comma + 1 :])
        head = _without_trailing_bracket(tokens[:comma])
        if not aside or not head:
            return None
        if _opens_aside(aside[0][0]):
            inner = _last_index(head, ",")
            if inner < 0 or inner + 1 >= len(head) or not _opens_nested_aside(head[inner + 1][0]):
                found = _noun_phrase_ending(text, head) or (
                    _description_ending(text, head)
                    if bare(aside[0][0]) in _ASIDES_AFTER_DESCRIPTION
                    else None
                )
                if found is not None and (
                    found.kind in _APPOSED_KINDS
                    or (
                        found.kind == "description"
                        and bare(aside[0][0]) in _ASIDES_AFTER_DESCRIPTION
                    )
                ):  # "Several candidates, including Trump, [said]", "an intelligence source, who
                    return found  # was not authorized to speak, [told]"
            # else "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the
            # Security Council, [said]": one aside after another; France is not the subject
        else:
            found = _noun_phrase_ending(text, aside)
            if found is not None and found.kind in ("person", "organisation", "outlet"):
                return found
        tokens = head
        if _last_index(tokens, ",") < 0:
            found = _noun_phrase_ending(text, tokens)
            if found is not None and found.kind in ("person", "organisation", "outlet", "plural"):
                return found
            return None
    return None


# Asides that may follow a description that is the subject: "an intelligence source, who was
# not authorized to speak, [told]", "an Israeli official, speaking on condition of anonymity,".
_ASIDES_AFTER_DESCRIPTION = frozenset({"including", "who", "speaking", "requesting", "asking"})
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")


def _without_party_tags(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "Sen. Marco Rubio, R-Fla., [said]": the party and state tag set off by commas is no aside
    of its own; drop it with its comma."""
    if not any(_PARTY_TAG.fullmatch(token[0]) for token in tokens):
        return tokens
    kept: list[tuple[str, int, int]] = []
    tag_end = -1
    for token in tokens:
        if kept and kept[-1][0] == "," and _PARTY_TAG.fullmatch(token[0]):
            kept.pop()
            tag_end = token[2]
            continue
        if token[1] == tag_end and _STATE_LETTER.fullmatch(token[0]):
            tag_end = token[2]  # "D-N.Y.", read as "D-N." and "Y."
            continue
        kept.append(token)
    return kept


_STATE_LETTER = re.compile(r"[A-Z]\.?")

_APPOSED_KINDS = frozenset({"person", "organisation", "outlet", "plural"})


def _opens_aside(word: str) -> bool:
    return word.lower() in _APPOSITION_STARTS or not is_capitalised(word) or is_title_word(word)


def _opens_nested_aside(word: str) -> bool:
    """An aside before an aside opens with a determiner, an age ("Cory James, 22, of Flint") or
    a title in lower case ("Lau Siu-kai, vice-president of the Chinese Association of Hong Kong
    and Macau Studies, a semi-official think tank")."""
    return (
        word.lower() in _APPOSITION_STARTS
        or word.isdigit()
        or (word.islower() and is_title_word(word))
    )


def _last_index(tokens: list[tuple[str, int, int]], value: str) -> int:
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index][0] == value:
            return index
    return -1


def _noun_phrase_ending(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    last, start, end = tokens[-1]
    low = last.lower()
    if low in ("and", "but", "or", "nor"):
        return None
    if low.endswith(("’s", "'s")) and low[:-2] in _CONTRACTING_PRONOUNS:
        last, low, end = last[:-2], low[:-2], end - 2  # "he’s predicting": he is
    pronoun_kind = lexicon().pronouns.get(low)
    if pronoun_kind is not None:
        kind: MentionKind = "relative" if pronoun_kind == "relative" else "pronoun"
        return Mention(last, start, end, kind)
    taken: list[tuple[str, int, int]] = []
    for token in reversed(tokens):
        word = token[0]
        if len(taken) >= _MAX_NP_TOKENS or not _can_be_in_phrase(word):
            break
        if word == "that" and taken and taken[-1][0][:1].isupper():
            break  # "said in Michigan that Clinton [described]": the clause opens at "that"
        taken.append(token)
    taken.reverse()
    while taken and bare(taken[0][0]) in _LEADING_CONNECTORS:
        taken.pop(0)
    if len(taken) >= 2 and len(taken) < len(tokens) and _place_after_preposition(tokens, taken):
        taken.pop(0)  # "at a meeting in Uzbekistan Putin [said]": the place ends the adverbial
    if not taken:
        return None
    if len(taken) == 1 and len(tokens) >= 3 and bare(taken[0][0]) in lexicon().org_heads:
        taken = _modified_body(tokens) or taken
    return classify_phrase(text, taken)


def _modified_body(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]] | None:
    """ "Ukraine's air force", "the general staff", "the armed forces": a body's head noun with
    one or two lower-case words before it that no list knows, after "the" or a possessive."""
    first = len(tokens) - 1
    while first > 0 and len(tokens) - first <= 2:
        word = tokens[first - 1][0]
        low = bare(word)
        if not (word.isalpha() and word.islower()) or low in _NOT_IN_DESCRIPTION:
            break
        if low in _DETERMINERS:
            break
        first -= 1
    if first == len(tokens) - 1 or first == 0:
        return None
    opener = tokens[first - 1][0]
    if bare(opener) in ("the",) or opener.endswith(("'s", "’s")):
        return tokens[first - 1 :]
    return None


def _place_after_preposition(
    tokens: list[tuple[str, int, int]], taken: list[tuple[str, int, int]]
) -> bool:
    before = tokens[len(tokens) - len(taken) - 1][0]
    return before in DESCRIBING_PREPOSITIONS and _is_place(taken[0][0])


def _is_place(word: str) -> bool:
    """A country, capital, state or city as the lexicon writes it ("Uzbekistan", "Idaho")."""
    lex = lexicon()
    return word in lex.places or word in lex.regions


_SENTENCE_STARTERS = frozenset(
    """while but and as when if although so then after before because since though yet also however
    meanwhile in on at during asked speaking writing told said says according for with from by to
    under over about like unlike despite instead now today yesterday last this that these those it
    there here what why how where who which once until unless whether even still already indeed
    some many most several few all each every no amid among monday tuesday wednesday thursday
    friday saturday sunday january february march april june july august september october
    november december name hours minutes days weeks months years moments more year latest
    across through throughout against inside outside within without behind beyond following
    alongside toward towards around between besides except upon amongst given
    """.split()
)
# "Preceded at the lectern by Joe Arpaio, Trump ...", "Flanked by aides, ...": a participle that
# opens the sentence with its preposition is an adverbial, not a name.
_PARTICIPLE_PREPOSITIONS = frozenset({"by", "at", "with", "about", "on", "in", "for", "to", "into"})


_CONTRACTING_PRONOUNS = frozenset({"he", "she", "it", "who", "that"})
_LEADING_CONNECTORS = _CONNECTORS - {"the"}  # not a phrase's first word: "of", "and", "de", ...


@_remembered
def _can_be_in_phrase(word: str) -> bool:
    if word in (",", ";", ":", "(", ")", "[", "]", "—", "–"):
        return False
    if is_capitalised(word):
        low = bare(word)
        return low not in _SENTENCE_STARTERS and not _capitalised_adverb(low)
    low = bare(strip_possessive(word))
    lex = lexicon()
    return (
        low in _CONNECTORS
        or low in ("from", "at")
        or low in _DETERMINERS
        or low in lex.title_words
        or low in lex.person_nouns
        or low in lex.org_heads
        or low in lex.nationalities
        or low in _OUTLET_NOUNS
        or low
        in (
            "news",
            "agency",
            "state",
            "state-run",
            "official",
            "government",
            "media",
            "two",
            "both",
            "sides",
            "pair",
            "side",
            "countries",
            "leaders",
            "nations",
        )
    )


_ADVERB_ENDINGS = tuple(
    """ally ously ively ably ibly fully lessly ntly edly ingly ately early ilarly ularly ctly ckly
    nkly stly rtly ghly mply uly nly rdly wly""".split()
)


def _capitalised_adverb(low: str) -> bool:
    """ "Clearly", "Separately", "Finally": an adverb, but not "Kelly", "Carly" or "Emily"."""
    if not low.endswith("ly") or low in _NOT_ADVERBS:
        return False
    return low.endswith(_ADVERB_ENDINGS) or (len(low) >= 6 and low.endswith(("ely", "ily", "tly")))


_CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "then", "still", "also"})


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The phrase a sentence opens with, past opening adverbials ("During the debate, Cruz",
    "Speaking in Salem, New Hampshire, Trump")."""
    tokens = _tokens(text, lo, min(hi, lo + 400))
    index = 0
    for attempt in range(4):
        if index >= len(tokens):
            return None
        first = tokens[index][0]
        conjunction = attempt == 0 and bare(first) in _CONJUNCTIONS
        if conjunction and index + 1 < len(tokens) and tokens[index + 1][0] != ",":
            index += 1  # "But Sen. Pat Toomey refused ...": the conjunction opens no adverbial
            first = tokens[index][0]
            linking = bare(first) in _LINKING_ADVERBS and index + 1 < len(tokens)
            if linking and tokens[index + 1][0] != ",":
                index += 1  # "And then Trump went on the attack"
                first = tokens[index][0]
        opener = attempt == 0 and (
            not is_capitalised(first)
            or bare(first) in _SENTENCE_STARTERS
            or first.endswith("ing")
            or _opening_participle(first, tokens, index)
        )
        if not opener:
            found = _subject_at(text, tokens, index, attempt > 0)
            if found is not None or attempt == 0:
                return found
        comma = next(
            (i for i in range(index, min(len(tokens), index + 16)) if tokens[i][0] == ","), -1
        )
        if comma < 0:
            return None
        index = comma + 1
    return None


_LINKING_ADVERBS = frozenset({"then", "now", "later", "still", "yet", "so"})


def _opening_participle(first: str, tokens: list[tuple[str, int, int]], index: int) -> bool:
    return (
        first.endswith("ed")
        and index + 1 < len(tokens)
        and tokens[index + 1][0] in _PARTICIPLE_PREPOSITIONS
    )


def lead_in_subjects(text: str, lo: int, hi: int) -> Iterator[Mention]:
    """Who a sentence that runs into a quotation after a colon or "that" may be about, best
    first ("The senator had a message:", "And she is sure that", "In the hours after ...,
    Calif., a familiar voice celebrated the attacks on Twitter:"): the sentence's opening phrase,
    a pronoun after a conjunction, then each phrase after an opening adverbial's comma that is
    followed by its verb."""
    found = sentence_subject(text, lo, hi)
    if found is not None:
        yield found
    tokens = _tokens(text, lo, min(hi, lo + 400))
    starts = [0]
    if tokens and bare(tokens[0][0]) in _CONJUNCTIONS:
        starts.append(1)
    starts += [i + 1 for i, token in enumerate(tokens[:40]) if token[0] == ","][:4]
    for index in starts:
        if index >= len(tokens) or tokens[index][0] in (",", ":"):
            continue
        word, start, end = tokens[index]
        if lexicon().pronouns.get(word.lower()) in ("person", "plural") and word.lower() != "it":
            yield Mention(word, start, end, "pronoun")  # not "It says:", mostly a document
            return
        if index == 0:
            continue
        found = _subject_at(text, tokens, index, True)
        if found is not None:
            yield found


def _subject_at(
    text: str, tokens: list[tuple[str, int, int]], index: int, after_opener: bool
) -> Mention | None:
    """The noun phrase at `tokens[index]`; after an opening adverbial it must be followed by its
    verb, not by another comma ("In Ames, Iowa, on Sunday, Mrs. Clinton said")."""
    pronoun = lexicon().pronouns.get(tokens[index][0].lower())
    if pronoun in ("person", "plural", "organisation"):
        return Mention(tokens[index][0], tokens[index][1], tokens[index][2], "pronoun")
    taken: list[tuple[str, int, int]] = []
    for token in tokens[index:]:
        if len(taken) >= _MAX_NP_TOKENS or not _can_be_in_phrase(token[0]):
            break
        taken.append(token)
    while taken and bare(taken[-1][0]) in _CONNECTORS:
        taken.pop()
    if not taken:
        return _description_subject(text, tokens, index)
    if after_opener:
        following = index + len(taken)
        if following < len(tokens) and tokens[following][0] == ",":
            after = tokens[following + 1][0] if following + 1 < len(tokens) else ""
            if bare(after) not in _APPOSITION_STARTS:
                return None
    found = classify_phrase(text, taken)
    if found is None or found.kind == "description":
        longer = _description_subject(text, tokens, index)
        if longer is not None and (found is None or longer.end > found.end):
            return longer
    return found


_AUXILIARIES = frozenset(
    """has have had was were is are will would could can may might also then later told said says
    has""".split()
)


def _description_subject(
    text: str, tokens: list[tuple[str, int, int]], index: int
) -> Mention | None:
    """ "The retired neurosurgeon has ...", "One operative inside Trump Tower tried ...": a
    determiner, a few modifiers and a lower-case head before its verb, a comma or a modifier."""
    first = bare(tokens[index][0])
    if first not in _DESCRIPTION_DETERMINERS:
        if (
            (first.endswith("s") or first == "people")
            and first in lexicon().person_nouns
            and index + 1 < len(tokens)
            and bare(tokens[index + 1][0]) in _UNNAMED_SOURCE_MODIFIERS
        ):  # "People familiar with the matter [said]", "Officials close to the talks [said]"
            return _description(text, tokens[index : index + 1])
        return None
    for end in range(index + 1, min(len(tokens) - 1, index + 6)):
        word, following = tokens[end][0], tokens[end + 1][0]
        if not _description_word(word):
            return None
        low = bare(following)
        ends = following == "," or low in _AUXILIARIES or low in _AFTER_DESCRIPTION
        ends = ends or (following.islower() and low.endswith("ed") and len(low) > 4)
        ends = ends or low in _IRREGULAR_PAST  # "The president left no doubt": a verb
        if ends:
            head = bare(strip_possessive(word))
            if not (word.islower() or head in lexicon().person_nouns) or word.endswith("’s"):
                return None
            return _description(text, tokens[index : end + 1])
    return None


def subject_after(text: str, cue_end: int, hi: int) -> Mention | None:
    """The speaker phrase right after a cue: "said Wan Qingsong, an associate professor"."""
    tokens = _tokens(text, cue_end, min(hi, cue_end + 200))
    if not tokens:
        return None
    first = tokens[0][0]
    pronoun_kind = lexicon().pronouns.get(first.lower())
    if pronoun_kind in ("person", "plural", "organisation"):
        return Mention(first, tokens[0][1], tokens[0][2], "pronoun")
    taken: list[tuple[str, int, int]] = []
    named = False
    for index, token in enumerate(tokens):
        word = token[0]
        if len(taken) >= _MAX_NP_TOKENS:
            break
        if _participle_before_by(tokens, index):
            break  # "a statement [issued by the Kremlin]"
        if not _can_be_in_phrase(word) and not _press_release(taken, word):
            if (named and not _all_places(taken)) or not _modifiers_before_name(tokens, index):
                break  # not "said [Idaho] nutritional-supplement executive Frank VanderSloot"
        elif bare(word) in ("on", "in") or (word[0].islower() and bare(word) in _PREPOSITIONS):
            break
        taken.append(token)
        named = named or _is_name_word(word)
        if word.endswith(".") and len(bare(word)) > 3 and not is_title_word(word):
            break  # "said Chris Russell." ends the sentence; not "Navy Capt. Jeff Davis"
    while (
        taken
        and bare(taken[-1][0]) in _CONNECTORS
        and not (len(taken) > 1 and _surname_despite_meaning(taken[-2][0], taken[-1][0]))
    ):  # "said the head of", not "said Yu Bin"
        taken.pop()
    if taken and strip_possessive(taken[-1][0]) != taken[-1][0]:
        return None  # "said Trump's remarks “...”": the reported clause begins; not a speaker
    found = classify_phrase(text, taken) if taken else None
    if found is None:
        found = _description_starting(text, tokens)
    if found is not None and found.kind == "description":
        return _named_after(text, found, hi) or found
    return found


def _press_release(taken: list[tuple[str, int, int]], word: str) -> bool:
    return bare(word) == "release" and bool(taken) and bare(taken[-1][0]) == "press"


def _participle_before_by(tokens: list[tuple[str, int, int]], index: int) -> bool:
    if index >= len(tokens):
        return False
    word = tokens[index][0]
    return (
        word.endswith("ed")
        and word[0].islower()
        and index + 1 < len(tokens)
        and tokens[index + 1][0] == "by"
    )


_APPOSED_NAME = re.compile(r",\s+([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){1,3})(?=\s*(?:[,.;:)]|$))")


def _named_after(text: str, described: Mention, hi: int) -> Mention | None:
    """ "said the ministry’s spokesman, Wang Wenbin": the name set off after a description is
    the speaker's, the description the role."""
    after = described.end
    modifier = _CAPITALISED_MODIFIER.match(text, after, hi)
    if modifier is not None:  # "said the mayor of Kyiv, Vitali Klitschko"
        after = modifier.end()
    apposed = _APPOSED_NAME.match(text, after, hi)
    if apposed is None:
        return None
    tokens = _tokens(text, apposed.start(1), apposed.end(1))
    named = classify_phrase(text, tokens) if tokens else None
    if named is None or named.kind != "person" or named.role:
        return None
    role = described.role if modifier is None else f"{described.role}{modifier.group(0)}"
    return Mention(named.text, named.start, named.end, "person", named.name, role)


_CAPITALISED_MODIFIER = re.compile(
    r" (?:of|for|at|in|from|to) (?:the )?[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3}(?=,)"
)


def _all_places(tokens: list[tuple[str, int, int]]) -> bool:
    return all(_is_place(t[0]) for t in tokens)


def _modifiers_before_name(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """ "said [Republican political consultant] Chris Russell": lower-case role words that lead
    to a name within four words."""
    for ahead in range(index, min(len(tokens), index + 5)):
        word = tokens[ahead][0]
        if _is_name_word(word) and bare(word) not in _SENTENCE_STARTERS:
            return ahead > index
        modifier = (word.islower() and _description_word(word)) or is_title_word(word)
        if not modifier or word.endswith("."):
            return False
    return False


_IRREGULAR_PAST = frozenset(
    "left made took gave came went saw got put set won lost held met ran stood brought kept "
    "found sent spent built felt began became knew thought told said".split()
)
_UNNAMED_SOURCE_MODIFIERS = frozenset({"familiar", "close", "briefed", "involved", "with"})
_AFTER_DESCRIPTION = frozenset(
    """who close familiar involved with of at from in for speaking explaining adding according
    on whose working inside known""".split()
)


def _description_starting(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "[said] a person close to the campaign", "[added] another New Hampshire Democrat",
    "[said] one of those advisers"."""
    if not tokens or bare(tokens[0][0]) not in _DESCRIPTION_DETERMINERS:
        return None
    if len(tokens) > 3 and bare(tokens[0][0]) == "one" and bare(tokens[1][0]) == "of":
        inner = _description_starting(text, tokens[2:])
        if inner is None:
            return None
        phrase = text[tokens[0][1] : inner.end]
        return Mention(phrase, tokens[0][1], inner.end, "description", role=inner.role)
    for index in range(1, min(len(tokens), 8)):
        word = tokens[index][0]
        following = tokens[index + 1][0] if index + 1 < len(tokens) else "."
        if not _description_word(word):
            return None
        ends = (
            word.endswith(".")
            or following in (",", ";", ":", "(", "—", "–")
            or bare(following) in _AFTER_DESCRIPTION
            or (bare(following) == "to" and is_title_word(word))  # "one adviser to Clinton"
            or _participle_before_by(tokens, index + 1)  # "a statement issued by"
        )
        if ends:
            if not word.islower() and bare(word) not in lexicon().person_nouns:
                return None  # "said the Senate Judiciary": a name, not a description
            return _description(text, tokens[: index + 1])
    return None


_PHRASES: dict[str, Mention | None] = {}


def classify_phrase(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """What the words `tokens` name: a person, organisation, outlet, description or several.

    `tokens` are consecutive tokens of one `_tokens` call. Remembered by the phrase as written
    (the answer depends on nothing else: the tokens of a run that starts and ends on token
    boundaries are those `_tokens` finds in its text alone), offsets relative to its start."""
    start = tokens[0][1]
    key = text[start : tokens[-1][2]]
    try:
        known = _PHRASES[key]
    except KeyError:
        known = _classify_phrase(text, tokens)
        if known is not None:
            known = Mention(
                known.text,
                known.start - start,
                known.end - start,
                known.kind,
                known.name,
                known.role,
                known.outlet,
            )
        if len(_PHRASES) >= _MAX_REMEMBERED:
            _PHRASES.clear()
        _PHRASES[key] = known
    if known is None:
        return None
    return Mention(
        known.text,
        known.start + start,
        known.end + start,
        known.kind,
        known.name,
        known.role,
        known.outlet,
    )


# "state television", "Iranian state TV", "official radio": a country's broadcaster, unnamed.
_BROADCAST_HEADS = frozenset({"television", "tv", "radio", "broadcaster", "media"})
_STATE_RUN = frozenset({"state", "state-run", "official", "state-owned", "public"})


def _channel_author(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "A new IMF report", "Trump's statement", "a 2014 House Intelligence Committee report":
    the capitalised words before a report or statement name who wrote it."""
    first = next(
        (
            i
            for i, t in enumerate(tokens)
            if is_capitalised(t[0]) and bare(t[0]) not in _DETERMINERS
        ),
        None,
    )
    if first is None or not all(is_capitalised(t[0]) for t in tokens[first:]):
        return None
    word, lo, _ = tokens[-1]
    bare_word = strip_possessive(word)
    author = [*tokens[first:-1], (bare_word, lo, lo + len(bare_word))]
    found = _classify_phrase(text, author)
    if found is None:
        return None
    if found.kind == "organisation" or (found.kind == "person" and bare_word != word):
        return found  # a person only as a possessive: "Trump's statement", not "Video Transcript"
    return None


def _classify_phrase(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    start, end = tokens[0][1], tokens[-1][2]
    words = [t[0] for t in tokens]
    phrase = text[start:end].rstrip(".") if not words[-1].endswith(".") else text[start:end]
    phrase = _strip_trailing_dot(phrase, words[-1])
    end = start + len(phrase)
    outlet = _outlet_in_phrase(words)
    relay_noun = bare(strip_possessive(words[-1])) in _OUTLET_NOUNS
    if outlet is not None and outlet.kind == "government" and not relay_noun:
        return Mention(phrase, start, end, "organisation", name=outlet.name, outlet=outlet)
    if outlet is not None:
        return Mention(phrase, start, end, "outlet", name=outlet.name, outlet=outlet)
    lowered = [bare(strip_possessive(w)) for w in words]
    if all(w in _DETERMINERS for w in lowered):
        return None  # "[said] his [boss was]": a determiner names nobody
    if lowered[-1] in _OUTLET_NOUNS:
        if not [w for w in lowered[:-1] if w not in _DETERMINERS]:
            return None
        author = _channel_author(text, tokens[:-1])
        if author is not None:
            return Mention(phrase, start, end, author.kind, author.name, author.role, author.outlet)
        return Mention(phrase, start, end, "outlet", name=_without_determiner(phrase))
    if "and" in lowered:
        return _plural_phrase(text, tokens, phrase, start, end)
    head = _head_tokens(words)
    name_words, role_words = _split_name(head)
    places = lexicon().places
    if name_words:
        name = " ".join(
            strip_possessive(w) if i == len(name_words) - 1 else w for i, w in enumerate(name_words)
        )
        name = _strip_trailing_dot(name, name)
        if name in places and not role_words:  # "Beijing", "the United States"
            return Mention(phrase, start, end, "organisation", name=name)
        if _object_of_preposition(head, len(name_words)):
            return Mention(phrase, start, end, "description", role=_description_role(phrase))
        if head is words and words[-1] != name_words[-1]:
            pass
        last_low = bare(strip_possessive(head[-1]))
        if last_low in lexicon().org_heads or _possessive_before_head(head):
            return Mention(phrase, start, end, "organisation", name=_without_determiner(phrase))
        role = " ".join(role_words).strip() or None
        if _ends_in_region(name_words):
            return None  # "Orlando [chanting]", "North Carolina": a place
        if not any(any(ch.islower() for ch in w) for w in name_words):
            if len(name_words) == 1 and not role_words and _ACRONYM.fullmatch(name):
                return Mention(phrase, start, end, "organisation", name=name)  # "the FBI"
            if len(name_words) == 1 and not role_words and _ACRONYM_ENDING.fullmatch(name):
                cut = len(phrase) - 1  # "according to the FBI.": the sentence's full stop
                return Mention(phrase[:cut], start, start + cut, "organisation", name=name[:-1])
            return None  # "N.Y.", "OH", "EUROPEANS ASK": abbreviations and capitals, not names
        return Mention(phrase, start, end, "person", name=name, role=role)
    if len(words) == 1 and is_capitalised(words[0]) and lowered[0] in lexicon().nationalities:
        name = strip_possessive(words[0])
        return Mention(phrase, start, end, "person", name=name)  # "Cuban said": Mark Cuban
    last_low = lowered[-1]
    if len(lowered) > 1 and (
        (last_low in _BROADCAST_HEADS and lowered[-2] in _STATE_RUN)
        or (lowered[-2] == "press" and last_low in ("service", "office"))
    ):  # "state television", "the Kyrgyz presidential press service": unnamed channels
        return Mention(phrase, start, end, "outlet", name=_without_determiner(phrase))
    if last_low in lexicon().org_heads or last_low == "kremlin" or last_low == "pentagon":
        return Mention(phrase, start, end, "organisation", name=_without_determiner(phrase))
    if (
        last_low in lexicon().person_nouns
        or (last_low in lexicon().title_words and lowered[0] in _DETERMINERS)
        or _people_by_trade(last_low)
    ):
        if last_low in ("sides", "pair", "leaders", "countries", "officials", "nations", "both"):
            return Mention(phrase, start, end, "plural", name=_without_determiner(phrase))
        return Mention(phrase, start, end, "description", role=_description_role(phrase))
    if last_low in ("sides", "pair", "two", "both", "countries"):
        return Mention(phrase, start, end, "plural", name=_without_determiner(phrase))
    return None


_ACRONYM = re.compile(r"[A-Z]{3,6}")
_ACRONYM_ENDING = re.compile(r"[A-Z]{3,6}\.")
_TRADE_PLURAL = re.compile(r"[a-z]{3,}(?:ists|ians|ers|ants|ents|ors)")
_NOT_PEOPLE = frozenset(
    "numbers papers letters orders others centers centres matters answers headquarters "
    "documents comments statements arguments agreements elements moments payments governments "
    "departments parents".split()
)


def _people_by_trade(word: str) -> bool:
    """ "hacking specialists", "social scientists", "historians": a plural of a word for people
    by what they do, which the lexicon need not list."""
    return _TRADE_PLURAL.fullmatch(word) is not None and word not in _NOT_PEOPLE


def _object_of_preposition(head: list[str], name_length: int) -> bool:
    """ "a spokesman for Putin", "the mayor of Kyiv": the name is the object of a preposition
    after the words that describe the speaker; not "Secretary of State John Kerry"."""
    before = [w for w in head[: len(head) - name_length] if w.lower() != "the"]
    return len(before) >= 2 and before[-1] in DESCRIBING_PREPOSITIONS


def _strip_trailing_dot(phrase: str, last_word: str) -> str:
    low = bare(last_word)
    if phrase.endswith(".") and not (len(low) <= 3 or "." in low or low in lexicon().abbreviations):
        return phrase[:-1]
    return phrase


def _possessive_before_head(head: list[str]) -> bool:
    """Patrushev’s office: a name in the possessive followed by an organisation word."""
    return (
        len(head) >= 2 and head[-2].endswith(("’s", "'s")) and bare(head[-1]) in lexicon().org_heads
    )


def _head_tokens(words: list[str]) -> list[str]:
    """The phrase before a post-modifier: "Shi from Renmin University" -> "Shi"."""
    for index, word in enumerate(words):
        if index > 0 and word.islower() and word in _PREPOSITIONS:
            before = words[:index]
            if any(_is_name_word(w) for w in before):
                return before
            return words
    return words


_FIRST_NAMES = frozenset({"bill"})  # "Bill Clinton", not a bill
_SURNAME_TITLES = frozenset(
    {"king", "bishop", "judge", "marshal", "major", "general", "rich", "white", "pope", "dean"}
    | {"prince", "duke", "baron", "earl", "sheriff", "mayor"}
)


_CONTRACTION = re.compile(r"[’'](?:ve|re|m|ll|d)$|n[’']t$", re.IGNORECASE)
_CONTRACTED_WORDS = frozenset(
    "it there here that this what who he she we they i you where when how".split()
)


_NEVER_NAMES = frozenset(
    """ever only another much part maybe perhaps both neither either does did see is are was
    were has have had do not yes too very just even also any every each few more most other
    same such than what which whose why how when where here there now then""".split()
)


@_remembered
def _is_name_word(word: str) -> bool:
    if not is_capitalised(word):
        return False
    low = bare(strip_possessive(word))
    if low in _CONTRACTED_WORDS or _CONTRACTION.search(word):
        return False  # "It’s", "There’s", "We’ve", "I’m": a pronoun and a verb, not a name
    if low in _NEVER_NAMES:
        return False  # "Ever", "Only", "Both": capitalised where they open a sentence
    if low in _FIRST_NAMES:
        return True
    lex = lexicon()
    return not (
        low in lex.title_words
        or low in lex.nationalities
        or low in lex.org_heads
        or low in _CONNECTORS
        or low in lex.person_nouns
        or low in _DETERMINERS
    )


def _split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Trailing proper-name words and the title words before them."""
    name: list[str] = []
    index = len(words) - 1
    if index >= 1 and _surname_despite_meaning(words[index - 1], words[index]):
        name.append(words[index])  # "Rep. Peter King", "David French", "Ms. White": a surname
        index -= 1
    while (
        index >= 0
        and not (name and _owners_possessive(words[index]))
        and (
            _is_name_word(words[index])
            or (name and _is_initial(words[index]))
            or (name and _is_particle(words, index))
            or (name and _surname_he(words, index))
        )
    ):
        name.append(words[index])
        index -= 1
    if not name:
        return [], []
    name.reverse()
    role = [w for w in words[: index + 1] if bare(w) not in _DETERMINERS]
    return name, role


def _owners_possessive(word: str) -> bool:
    """ "Hungary's [Viktor Orban]", "North Korea's [Kim]", "Reuters' [Jane Smith]": a possessive
    before a name is its role or employer, never part of the name."""
    return strip_possessive(word) != word


def _surname_he(words: list[str], index: int) -> bool:
    """ "Chinese Vice-Premier He Lifeng": "He" between a title and a name is a surname."""
    return words[index] == "He" and index > 0 and is_title_word(words[index - 1])


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})


def _surname_despite_meaning(previous: str, word: str) -> bool:
    """A capitalised last word that is also a title, a nationality or a name particle is a
    surname after a given name ("Peter King", "David French", "Yu Bin") or an honorific ("Ms.
    White", "Mr. French")."""
    if not word[:1].isupper():
        return False
    low = bare(strip_possessive(word))
    if low in _DETERMINERS or (low in _CONNECTORS and low not in _PARTICLES):
        return False
    if bare(previous) in _HONORIFICS:
        return True
    lex = lexicon()
    return (
        low in _SURNAME_TITLES or low in lex.nationalities or low in _PARTICLES
    ) and _is_name_word(previous)  # "Yu Bin", "Wang Da": a particle last is a surname


_PARTICLES = (_CONNECTORS - {"of", "for", "and", "the"}) | {"di", "del"}


def _is_particle(words: list[str], index: int) -> bool:
    """ "Bill de Blasio", "Ursula von der Leyen": a lower-case particle inside a name."""
    return (
        words[index] in _PARTICLES
        and index > 0
        and (_is_name_word(words[index - 1]) or words[index - 1] in _PARTICLES)
    )


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _plural_phrase(
    text: str, tokens: list[tuple[str, int, int]], phrase: str, start: int, end: int
) -> Mention:
    parts: list[list[tuple[str, int, int]]] = [[]]
    for token in tokens:
        if bare(token[0]) == "and":
            parts.append([])
        else:
            parts[-1].append(token)
    names = []
    for part in parts:
        if part:
            found = classify_phrase(text, part)
            if found is not None and found.kind == "person" and found.name:
                names.append(found.name)
    if len(names) >= 2:
        return Mention(phrase, start, end, "plural", name=" and ".join(names))
    return Mention(phrase, start, end, "plural", name=_without_determiner(phrase))


def _without_determiner(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _DETERMINERS:
        words.pop(0)
    return " ".join(words)


def _outlet_in_phrase(words: list[str]) -> OutletInfo | None:
    """A relaying outlet named by the phrase: "Russian news agency Tass", "the Sputnik report"."""
    core = [w for w in words if bare(w) not in _OUTLET_NOUNS]
    if not core:
        return None
    for first in range(len(core)):
        dropped = core[:first]
        if any(
            is_capitalised(w)
            and bare(strip_possessive(w)) not in lexicon().nationalities
            and bare(w) not in _DETERMINERS
            for w in dropped
        ):
            break
        found = lookup_outlet(" ".join(core[first:]), exact=True)
        if found is not None and (found.kind in _OUTLET_KINDS_RELAYING or len(core) - first > 1):
            return found
    return None


# --- Relay outlets ----------------------------------------------------------------------------

_ACCORDING = re.compile(r"\b[Aa]ccording to\s+([^,.;:“”\"«»‘()]{2,90})")
# Opens as r"\b(?:[Ii]n|[Ii]nto|[Vv]ia)" would, written to open with its first letter so that the
# regex engine skips ahead to an i or a v instead of trying every position: the boundary becomes
# "no word character before the letter", and the rest of the word tests the letter behind it.
_IN_STATEMENT = re.compile(
    r"[IiVv](?<!\w[IiVv])(?:(?<=[Ii])n|(?<=[Ii])nto|(?<=[Vv])ia)"
    r"\s+(?:(?:an?|the)\s+(?:\w+\s+){0,2}?)?(" + "|".join(CHANNEL_FORMS) + ")"
    r"(?:\s+(?:released|aired|published|posted|carried|broadcast|issued|shown|given))?"
    r"(?:\s+(from|by|on|with|to|in)\s+([^,.;:“”\"«»()]{2,70}))?"
)
_IN_STATEMENT_NOUNS = CHANNEL_FORMS
_TOLD_OUTLET = re.compile(r"\b(?:told|telling|tells|tell)\s+([^,.;:“”\"«»()]{2,60})")
# "quoted by Interfax as saying", "told reporters, as quoted by Interfax", "cited by TASS"
_QUOTED_BY = re.compile(
    r"\b(?:quoted|cited)(?:\s+as\s+saying)?\s+by\s+([^,.;:“”\"«»()]{2,60}?)"
    r"(?:\s+as\s+saying|\s+on\s+\w+day|\s*(?=[,.;:“”\"]|$))"
)
_MEDIA_WORDS = frozenset(
    {
        "media",
        "television",
        "tv",
        "radio",
        "agency",
        "newspaper",
        "broadcaster",
        "website",
        "channel",
        "outlet",
        "press",
        "telegram",
        "duma",
        "ministry",
        "kremlin",
        "readout",
        "statement",
        "report",
        "footage",
        "daily",
        "times",
        "post",
    }
)


def relay_outlet(words: str) -> Via | None:
    """The relay a phrase like "a Tass report" or "Beijing's foreign ministry" names, if any."""
    carried = _CARRIED_ON.match(words.strip())
    if carried is not None and carried.group(1).lower() in CHANNEL_FORMS:
        via = relay_outlet(carried.group(2))
        if via is not None:  # "footage aired on Russian media": Russian media footage
            return Via(_channel_label(via.name, carried.group(1).lower()), words.strip())
    cleaned = _trim_relay_words(words)
    if not cleaned:
        return None
    outlet = lookup_outlet(cleaned)
    if outlet is not None and not _inside_another_name(cleaned, outlet):
        return Via(outlet.name, words.strip())
    tokens = {bare(w) for w in cleaned.split()}
    if tokens & _MEDIA_WORDS:
        return Via(_without_determiner(cleaned), words.strip())
    return None


def _inside_another_name(phrase: str, outlet: OutletInfo) -> bool:
    """ "the National Golf Foundation" holds "The National" but names a foundation: the outlet's
    words run on into more capitalised words."""
    words = phrase.split()
    if sum(1 for word in words if word[:1].isupper()) < 2:
        return False  # one capitalised word at most: nothing to run on into (the usual case)
    keys = {outlet_key(name) for name in (outlet.name, *outlet.aliases)}
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            if outlet_key(" ".join(words[first : first + size])) in keys:
                after = words[first + size : first + size + 1]
                return bool(after) and after[0][:1].isupper()
    return False


_CARRIED_ON = re.compile(
    r"(?:(?:an?|the)\s+)?(\w+)\s+(?:(?:aired|broadcast|released|published|posted|shown"
    r"|carried)\s+(?:on|by)|in)\s+(.+)"
)  # "footage aired on Russian media", "a report in the Des Moines Register"
_LABEL_AS_OUTLET = frozenset(
    {"statement", "report", "readout", "interview", "post", "video", "transcript"}
)


def _channel_label(outlet: str, noun: str) -> str:
    """ "Tass" for a Tass report, "Russian media footage" for footage on Russian media."""
    return outlet if noun in _LABEL_AS_OUTLET else f"{outlet} {noun}"


def _leading_name_words(words: list[str]) -> list[str]:
    """ "the Associated Press last week her group ..." -> "the Associated Press": the words a
    listener's name can be, up to the first lower-case word after a capitalised one ("told the
    state-run TASS news agency", "told the AP her ...")."""
    named = False
    for index, word in enumerate(words):
        if word[:1].isupper():
            named = True
        elif named and word not in _WORDS_IN_OUTLET_PHRASES:
            return words[:index]
    return words


# Lower-case words a phrase naming an outlet holds ("German broadcaster ZDF", "Russia's state
# news agency Tass").
_WORDS_IN_OUTLET_PHRASES = frozenset(
    "of news agency state state-run state-owned broadcaster newspaper daily television radio "
    "channel network outlet website magazine tabloid service wire public private".split()
)


def _trim_relay_words(words: str) -> str:
    text = words.strip()
    for tail in (
        " which",
        " that",
        " who",
        " on ",
        " in ",
        " after ",
        " before ",
        " during ",
        " released",
    ):
        cut = text.find(tail)
        if cut > 0:
            text = text[:cut]
    return text.strip()


class WordPlaces:
    """Where some words occur in an article's lower-cased text, found once for the article, so
    that each sentence can ask whether it holds one of them without scanning itself again.

    `within(lo, hi)` is whether `text[lo:hi].lower()` holds one of the words. Lower-casing the
    whole text once gives the same letters at the same offsets unless a letter lower-cases to two
    ("İ") or by its context (a final "Σ"): such a text is searched sentence by sentence."""

    def __init__(self, text: str, words: Iterable[str]) -> None:
        self.words = tuple(words)
        lowered = text.lower()
        self.text = text if len(lowered) != len(text) or "Σ" in text else None
        places = sorted(
            (at, at + len(word)) for word in self.words for at in _places(lowered, word)
        )
        self.starts = [start for start, _ in places]
        self.ends = [end for _, end in places]

    def within(self, lo: int, hi: int) -> bool:
        if self.text is not None:
            piece = self.text[lo:hi].lower()
            return any(word in piece for word in self.words)
        index = bisect_left(self.starts, lo)
        while index < len(self.starts) and self.starts[index] < hi:
            if self.ends[index] <= hi:
                return True
            index += 1
        return False


def _places(text: str, word: str) -> Iterator[int]:
    """Every offset where `word` starts in `text`, overlapping ones too."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_VIA_MARKERS = ("ccording", "quoted", "cited by", *CHANNEL_FORMS, "told", "tell")


def relay_markers(text: str) -> WordPlaces:
    """The words a relay phrase cannot be written without, placed in `text` (for `find_vias`)."""
    return WordPlaces(text, _VIA_MARKERS)


def find_vias(
    text: str,
    lo: int,
    hi: int,
    outside: list[tuple[int, int]],
    markers: WordPlaces | None = None,
) -> list[tuple[int, Via]]:
    """Relay phrases in the reporter's words of one sentence (`outside` quotes), with positions.
    `markers` is `relay_markers(text)`, found once for all the sentences of an article."""
    found: list[tuple[int, Via]] = []
    if not (markers or relay_markers(text)).within(lo, hi):
        return found
    for lo_part, hi_part in outside:
        # Each pattern needs a word of its own in the part: look for the word before scanning.
        part = text[lo_part:hi_part]
        segment_patterns = (
            *((_ACCORDING,) if "ccording to" in part else ()),
            *((_QUOTED_BY,) if "quoted" in part or "cited" in part else ()),
        )
        for pattern in segment_patterns:
            for match in pattern.finditer(text, lo_part, hi_part):
                via = relay_outlet(match.group(1))
                if via is not None:
                    found.append((match.start(), via))
        in_statement = any(noun in part for noun in _IN_STATEMENT_NOUNS)
        for match in _IN_STATEMENT.finditer(text, lo_part, hi_part) if in_statement else ():
            target = match.group(3)
            if target and _negated(text, match.start()):
                continue
            if (
                target
                and match.group(2) == "on"
                and lookup_outlet(_trim_relay_words(target)) is None
            ):
                continue  # a platform ("on messaging app Telegram"): the speaker's own statement
            if target:
                via = relay_outlet(target)
                if via is not None:
                    label = _channel_label(via.name, match.group(1))
                    found.append((match.start(), Via(label, match.group(0).strip())))
        told = "told" in part or "tell" in part
        for match in _TOLD_OUTLET.finditer(text, lo_part, hi_part) if told else ():
            words = _leading_name_words(_trim_relay_words(match.group(1)).split())
            outlet = _outlet_in_phrase(words) if words else None
            if outlet is not None and outlet.kind in _OUTLET_KINDS_RELAYING:
                found.append((match.start(), Via(outlet.name, match.group(1).strip())))
    found.sort(key=lambda item: item[0])
    return found


def _negated(text: str, at: int) -> bool:
    """ "statements that were not published in a report by Xinhua": no relay."""
    window = text[max(0, at - 40) : at].lower().split()
    return "not" in window[-5:] or "never" in window[-5:]


def statement_without_source(text: str, lo: int, hi: int) -> bool:
    """ "in a statement", "a statement from the embassy said", with no outlet named: the
    speaker's own statement."""
    return re.search(r"\b(?:[Ii]n a|[Aa]) (?:\w+ )?statement\b(?! by)", text[lo:hi]) is not None


# --- Dates ------------------------------------------------------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_REF = re.compile(
    r"\b(?:(last|this|on|late on|early on|late|early)\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_EXPLICIT_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|January|February|March|April|May|June|July|August|September|October|November|December)\.?\s+(\d{1,2})(?!\d))"
    r"(?:,?\s+(\d{4}))?"
)
_DIGIT = re.compile(r"\d")
# Words the date patterns cannot match without (looked for before the slower full patterns).
_MONTH_PREFIX = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_WEEKDAY_NAME = re.compile("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
_RELATIVE_DAY = re.compile(r"\b(yesterday|today)\b")


def said_on(text: str, lo: int, hi: int, published: date | None) -> date | None:
    """The date a sentence gives for the saying: a weekday before `published`, or a written date."""
    has_month = (  # the month first: a scan for it skips ahead, a scan for a digit cannot
        _MONTH_PREFIX.search(text, lo, hi) is not None and _DIGIT.search(text, lo, hi) is not None
    )
    for pattern_match in _EXPLICIT_DATE.finditer(text, lo, hi) if has_month else ():
        resolved = _explicit_date(pattern_match, published)
        if resolved is not None:
            return resolved
    if published is None:
        return None
    has_day = text.find("day", lo, hi) >= 0
    has_weekday = has_day and _WEEKDAY_NAME.search(text, lo, hi) is not None
    weekday = _WEEKDAY_REF.search(text, lo, hi) if has_weekday else None
    if weekday is not None:
        target = _WEEKDAYS.index(weekday.group(2).lower())
        back = (published.weekday() - target) % 7
        if weekday.group(1) == "last" and back == 0:
            back = 7
        return published - timedelta(days=back)
    relative = _RELATIVE_DAY.search(text, lo, hi) if has_day else None
    if relative is not None:
        return published - timedelta(days=1 if relative.group(1) == "yesterday" else 0)
    return None


def _explicit_date(match: re.Match[str], published: date | None) -> date | None:
    months = lexicon().months
    if match.group(1):
        day, month_name = int(match.group(1)), match.group(2)
    else:
        day, month_name = int(match.group(4)), match.group(3)
    month = months.get(month_name.lower().rstrip("."))
    if month is None:
        return None
    if match.group(5):
        year = int(match.group(5))
    elif published is not None:
        year = published.year
        if (month, day) > (published.month, published.day):
            year -= 1
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- Resolution -------------------------------------------------------------------------------

# Runs of word characters and of white space are possessive (`*+`, `++`): what follows them can
# never start with what they match, so giving characters back would only fail more slowly.
_NAME_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr)\.|[A-Z][\w’'\-]*+)"
# The first word is `\b{_NAME_WORD}` written to open with its capital letter, so that the regex
# engine skips ahead to capitals instead of trying every position: the boundary becomes "no word
# character before the capital" and "Mr."/"Sen."/... test their first letter behind them.
_FIRST_NAME_WORD = (
    r"[A-Z](?<!\w[A-Z])(?:\.|(?<=M)(?:r|rs|s)\.|(?<=D)r\.|(?<=S)(?:en|t|r)\.|(?<=R)ep\."
    r"|(?<=G)(?:ov|en)\.|(?<=L)t\.|(?<=C)ol\.|(?<=J)r\.|[\w’'\-]*+)"
)
_NAME_RUN = re.compile(
    rf"{_FIRST_NAME_WORD}(?:\s++(?:{_NAME_WORD}|(?:bin|al|de|van|von|der|da|di)\b))+"
)
_LEADER_WORDS = frozenset(
    {"president", "premier", "chancellor", "prime", "leader", "king", "supremo", "chairman"}
)
_DIPLOMAT_WORDS = frozenset({"diplomat", "foreign", "ambassador", "envoy", "councillor", "supremo"})
_GENERIC_DESCRIPTION_WORDS = frozenset(
    {
        "counterpart",
        "top",
        "former",
        "senior",
        "the",
        "his",
        "her",
        "their",
        "official",
        "man",
        "woman",
        "ally",
    }
)


def _written_alone(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` as a whole word (str.find: far cheaper than a regex)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "’'") and not (after.isalnum() or after in "’'"):
            return True
        at = text.find(word, end)
    return False


# Opens with its literal "M" so the engine can skip ahead; the word boundary before it is
# checked by hand.
_HONORIFIC = re.compile(r"M(r|rs|s|iss)\b\.?\s+([A-Z][\w’'\-]+)")


@quick_init
@dataclass(frozen=True, slots=True)
class KnownName:
    """A full name written in the article, where, and the title words written before it."""

    name: str
    start: int
    role_words: frozenset[str]


class Registry:
    """Names and organisations written in one article, to resolve short references."""

    def nationality_of(self, name: str) -> str | None:
        """The nationality written in a person's titles ("Chinese President Xi Jinping")."""
        nationalities = lexicon().nationalities
        for known in self.names:
            if known.name == name:
                for word in sorted(known.role_words):
                    if word in nationalities:
                        return word.upper() if len(word) <= 3 else word.title()
        return None

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.names: list[KnownName] = []
        self.titled: list[KnownName] = []  # surnames written only after a title
        self.by_word: dict[str, list[KnownName]] = {}
        self._org_namings: dict[str, list[tuple[int, str]]] = {}
        self._name_index: dict[str, _NameIndex] = {}
        self._genders: dict[str, str | None] = {}
        self._lower_case: dict[str, bool] = {}
        self._honorifics: dict[str, str] | None = None
        # A headline or lead may name a person by title before the body names them.
        self.lead_end = spans[min(1, len(spans) - 1)][1] if spans else 0
        for lo, hi in spans:
            for match in _NAME_RUN.finditer(text, lo, hi):
                self._add_run(match.group(), match.start())

    def _add_run(self, run: str, start: int) -> None:
        try:
            found = _RUN_NAMES[run]
        except KeyError:
            found = _run_name(run)
            if len(_RUN_NAMES) >= _MAX_REMEMBERED:
                _RUN_NAMES.clear()
            _RUN_NAMES[run] = found
        if found is None:
            return
        skipped, name, role_words, keys = found
        first, _, rest = name.partition(" ")
        if rest and self._common_word_before_name(first):
            if " " not in rest:
                return  # "Does Rubio", "See Sexton": a headline's words, not a full name
            # "Comedian Sarah Silverman", "Neither Donald J. Trump": the name is the rest
            skipped += len(first) + 1
            name, role_words = rest, role_words | {first.lower()}
            keys = _name_keys(rest.split())
        start += skipped
        role = role_words | self._role_words_before(start)
        if "counterpart" in role:
            role |= self._counterparts_title(start)
        known = KnownName(name, start, frozenset(role))
        if " " not in name:
            self.titled.append(known)  # "President Obama": only for "the president" to find
            return
        self.names.append(known)
        for word in keys:
            self.by_word.setdefault(word, []).append(known)

    def _counterparts_title(self, start: int) -> frozenset[str]:
        """ "Chinese President Xi Jinping told his Russian counterpart Vladimir Putin": a
        counterpart holds the title of the person named just before (Putin is a president, so
        "the Russian leader" is Putin), not that person's nationality."""
        last_named = (*self.names[-1:], *self.titled[-1:])
        earlier = [k for k in last_named if start - 150 < k.start < start]
        if not earlier:
            return frozenset()
        nearest = max(earlier, key=lambda k: k.start)
        return nearest.role_words - lexicon().nationalities - _DETERMINERS - {"former"}

    def _role_words_before(self, start: int) -> set[str]:
        """Lower-case title words written right before a name: "Russian security chief"."""
        words = self.text[max(0, start - 80) : start].split()
        found: set[str] = set()
        for word in reversed(words):
            if not is_title_word(word):
                break
            found.add(bare(strip_possessive(word)))
        return found

    def first_person_between(self, lo: int, hi: int) -> str | None:
        """The first full name written in `text[lo:hi]` (a sentence's subject, usually)."""
        for known in self.names:
            if lo <= known.start < hi:
                lead = self.text[lo : known.start].strip()
                if lead == "" or lead.endswith(","):
                    return known.name
        return None

    def last_person_before(self, at: int, gender: str | None = None) -> str | None:
        """The last full name written before `at`, for a pronoun with no earlier speaker; one
        that may be `gender` ("f" for she, "m" for he) when that is given: the last known to
        be, else the last not known otherwise ("she" is Mrs. Clinton, not "Great Recession")."""
        if gender is not None:
            for known in reversed(self.names):
                if known.start < at and self.gender_of(known.name) == gender:
                    return known.name
        for known in reversed(self.names):
            if known.start < at and (gender is None or self.may_be(known.name, gender)):
                return known.name
        return None

    def _common_word_before_name(self, word: str) -> bool:
        """A capitalised first word that is no given name and that the article also writes in
        lower case: "Comedian" in "Comedian Sarah Silverman", "Does" in "Does Rubio"."""
        return word.lower() not in lexicon().genders and self.written_in_lower_case(word)

    def written_in_lower_case(self, word: str) -> bool:
        """Whether a one-word name is also written in lower case in the article ("later",
        "together"): a common word, capitalised only where it opens a sentence."""
        if " " in word or not word[:1].isupper():
            return False
        found = self._lower_case.get(word)
        if found is None:
            found = _written_alone(self.text, word.lower())
            self._lower_case[word] = found
        return found

    def may_be(self, name: str, gender: str) -> bool:
        """Whether "he" ("m") or "she" ("f") can refer to `name`: unless we know otherwise."""
        known = self.gender_of(name)
        return known is None or known == gender

    def gender_of(self, name: str) -> str | None:
        """ "f" or "m" when the name or the article says which: a given name the lexicon knows
        (Hillary, Donald), else the honorifics written before the name's words (Mrs. Clinton,
        Mr. Lou) and the gendered title words written before the full name (Congresswoman);
        None when nothing says, or the hints disagree (Mr. and Mrs. Clinton)."""
        try:
            return self._genders[name]
        except KeyError:
            pass
        genders = lexicon().genders
        words = name.split()
        found = genders.get(words[0].lower()) if len(words) > 1 else None
        if found is None:
            honorifics = self._honorific_genders()
            hints = {honorifics.get(w, "?") for w in map(name_key, words)} - {"?"}
            for known in self.names:
                if known.name == name:
                    hints.update(genders[w] for w in known.role_words if w in genders)
            found = hints.pop() if len(hints) == 1 else None
        self._genders[name] = found
        return found

    def _honorific_genders(self) -> dict[str, str]:
        """Surname key -> "m" or "f" from "Mr. Lou", "Mrs. Clinton", "Ms. White" in the
        article; "?" where both are written."""
        if self._honorifics is None:
            self._honorifics = {}
            for match in _HONORIFIC.finditer(self.text):
                if match.start() and self.text[match.start() - 1].isalnum():
                    continue
                gender = "m" if match.group(1) == "r" else "f"
                key = name_key(strip_possessive(match.group(2)))
                if self._honorifics.setdefault(key, gender) != gender:
                    self._honorifics[key] = "?"
        return self._honorifics

    def resolve_name(self, name: str, at: int, gender: str | None = None) -> str:
        """The fullest form of `name` written in the article, nearest before `at` preferred;
        where different people share it, the one it most likely means (`_principal`)."""
        words = name.split()
        if not words:
            return name
        found = self._name_index.get(name)
        if found is None:
            found = _NameIndex(self._candidates(words))
            self._name_index[name] = found
        best = found.nearest(at)
        if best is None:
            return name
        rivals = found.differing_before(at)
        if rivals:
            best = self._principal(rivals, gender) or best
        if len(words) > 1 and name_key(best.name.split()[0]) != name_key(words[0]):
            return name
        return best.name

    def _principal(self, rivals: list[KnownName], gender: str | None) -> KnownName | None:
        """Of different people written with one surname (Bernie and Jane Sanders, Donald and
        Ivanka Trump), the one a bare "Sanders" or "Mr. Trump" means: news introduces its
        principal first and names relatives and namesakes in full. A name that opens with a
        given name comes before a run of capitalised words that only ends in the surname
        ("Understated Perez", "Neither Donald J. Trump" from headlines); a first word the
        article also writes in lower case ("Does Rubio") and the honorific (Mrs. Clinton is
        not Bill Clinton) rule some out."""
        given_names = lexicon().genders
        plausible = [
            known
            for known in rivals
            if not self.written_in_lower_case(known.name.split()[0])
            and (gender is None or self.may_be(known.name, gender))
        ]
        with_given_name = [k for k in plausible if k.name.split()[0].lower() in given_names]
        found = with_given_name or plausible
        return found[0] if found else None

    def _candidates(self, words: list[str]) -> list[KnownName]:
        candidates = self.by_word.get(name_key(words[-1]), [])
        if len(words) == 1:
            return [
                c for c in candidates if name_key(c.name.split()[-1]) == name_key(words[0])
            ] or [c for c in candidates if name_key(c.name.split()[0]) == name_key(words[0])]
        candidates = [c for c in candidates if name_key(c.name.split()[-1]) == name_key(words[-1])]
        return [c for c in candidates if len(c.name.split()) >= len(words)]

    def resolve_description(
        self, description: str, at: int, prefer: str | None = None
    ) -> str | None:
        """ "the Russian leader" -> the person written with a matching title, nearest before;
        `prefer` (the last speaker), when the title fits them too ("Lavrov said at talks with his
        Egyptian counterpart Sameh Shoukry ... the minister said": Lavrov, who spoke)."""
        written = {bare(strip_possessive(w)) for w in description.split()}
        wanted = written - _GENERIC_DESCRIPTION_WORDS
        if not wanted:
            return None
        known = self.names
        if self.titled:
            known = sorted(self.names + self.titled, key=lambda k: k.start)
        matches = [
            k
            for k in known
            if _role_matches(wanted, k.role_words)
            and not (k.role_words & _ROLE_CHANGERS) - written
            and ("former" in k.role_words) == ("former" in written)
            and (k.start <= at or at < self.lead_end)
        ]
        best = _nearest(matches, at)
        if best is None:
            return None
        if prefer is not None and len(matches) > 1:
            for candidate in matches:
                if candidate.start <= at and self._full_name(candidate) == prefer:
                    return prefer
        return self._full_name(best)

    def titled_within(self, name: str, words: set[str]) -> bool:
        """The article writes this full name with no title words but some of `words` ("Labour's
        Keir Starmer" for "the Labour leader"; "Rishi Sunak" for "the prime minister")."""
        return " " in name and all(k.role_words <= words for k in self.names if k.name == name)

    def _full_name(self, known: KnownName) -> str:
        return known.name if " " in known.name else self._titled_in_full(known)

    def _titled_in_full(self, titled: KnownName) -> str:
        """ "President Obama" -> "Barack Obama" when the article writes one full name with that
        surname, or one with the same title; not Michelle Obama for the president."""
        fulls = {k.name: k for k in self.by_word.get(name_key(titled.name), [])}
        same_title = [n for n, k in fulls.items() if k.role_words & titled.role_words]
        if len(same_title) == 1:
            return same_title[0]
        if len(fulls) == 1 and not next(iter(fulls.values())).role_words:
            return next(iter(fulls))
        return titled.name

    def expand_organisation(self, name: str, at: int) -> str:
        """ "the security council" -> "Russian Security Council" when written so earlier; never
        a naming written only later ("Ukraine's foreign ministry spokesman" three paragraphs on
        says nothing of which foreign ministry spoke first)."""
        namings = self._org_namings.get(name)
        if namings is None:
            namings = self._organisation_namings(name)
            self._org_namings[name] = namings
        best = None
        for start, naming in namings:
            if start > at:
                break
            best = naming  # the last naming before
        if best is None:
            return _capitalised_words(name) if name.islower() else name
        words = best.split()
        return " ".join(w if is_capitalised(w) else w.capitalize() for w in words)

    def _organisation_namings(self, name: str) -> list[tuple[int, str]]:
        """Where, in text order, the article writes `name` after one to three capitalised words
        ("Russian Security Council" for "security council"), found once per name."""
        key = name.lower()
        if not key:
            return []
        pattern = re.compile(r"((?:[A-Z][\w’'\-]*\s+){1,3})" + re.escape(key), re.IGNORECASE)
        found = []
        for match in _prefixed_matches(pattern, self.text, key, len(self.text)):
            prefix = match.group(1).split()
            if all(is_capitalised(w) for w in prefix) and prefix[0].lower() not in _DETERMINERS | {
                "he",
                "she",
                "it",
                "in",
                "on",
                "but",
                "and",
            }:
                found.append((match.start(), match.group(0)))
        return found


_LOWER_IN_NAMES = frozenset({"of", "for", "and", "the", "on", "in", "at", "to"})


def _capitalised_words(name: str) -> str:
    """ "foreign ministry" -> "Foreign Ministry", "ministry of defence" -> "Ministry of Defence"."""
    words = name.split()
    return " ".join(
        w if i and w in _LOWER_IN_NAMES else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


_ROLE_CHANGERS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant"})


def _chunks_back(text: str, at: int, count: int) -> int:
    """Where the `count`-th chunk of text between white space before `at` starts."""
    for _ in range(count):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and not text[at - 1].isspace():
            at -= 1
    return at


def _prefixed_matches(
    pattern: re.Pattern[str], text: str, key: str, end: int
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, 0, end)` gives for a pattern of one to three words,
    each followed by white space, then `key` (ignoring case), found by trying only the places a
    match can start: within three words before an occurrence of `key` that follows white space
    (the same matches, without trying the pattern at every position of the article)."""
    finder = re.compile("(?=" + re.escape(key) + ")", re.IGNORECASE)
    pos = 0
    for occurrence in finder.finditer(text, 0, end):
        key_at = occurrence.start()
        if key_at <= pos or not text[key_at - 1].isspace():
            continue
        for start in range(max(pos, _chunks_back(text, key_at, 3)), key_at):
            match = pattern.match(text, start, end)
            if match is not None:
                yield match
                pos = match.end()
                break
        else:
            pos = key_at  # no match starts before this occurrence


# What a run of capitalised words names, remembered per run (bounded): the characters skipped
# before the name, the name, the title words written in the run and the name's index keys.
_RUN_NAMES: dict[str, tuple[int, str, frozenset[str], tuple[str, ...]] | None] = {}


def _ends_in_region(name_words: list[str]) -> bool:
    """ "North Carolina", "Only Connecticut", "Orlando": a place, whatever comes before it."""
    regions = lexicon().regions
    last = strip_possessive(name_words[-1])
    return last in regions or " ".join([*name_words[-2:-1], last]) in regions


def _name_keys(name_words: list[str]) -> tuple[str, ...]:
    """The words a full name is found by: its first and its last ("Wang" and "Yi")."""
    return tuple({name_key(name_words[-1]), name_key(name_words[0])})


_PLACE_OPENERS = frozenset(
    {"san", "santa", "fort", "port", "lake", "mount", "new", "el", "los", "las"}
)


def _run_name(run: str) -> tuple[int, str, frozenset[str], tuple[str, ...]] | None:
    """The full name a run of capitalised words gives, if any (see `Registry._add_run`)."""
    words = run.split()
    skipped = 0
    while words and (
        bare(words[0]) in _SENTENCE_STARTERS
        or _capitalised_adverb(bare(words[0]))
        or bare(words[0]) in lexicon().speech_verbs
    ):
        skipped += len(words[0]) + 1
        words = words[1:]
    name_words, role_words = _split_name(words)
    titled = len(name_words) == 1 and any(is_title_word(w) for w in role_words)
    if (len(name_words) < 2 and not titled) or len(name_words) > 4:
        return None  # one word is kept only after a title ("President Obama"): see _add_run
    if words and words[0].lower() == "the":
        return None
    name_words = [*name_words[:-1], strip_possessive(name_words[-1])]
    if any(bare(w) in lexicon().org_heads - _FIRST_NAMES for w in name_words):
        return None
    lex = lexicon()
    places = lex.places
    given = name_words[0].lower() in lex.genders and len(name_words) > 1
    if (any(w in places for w in name_words) and not given) or _ends_in_region(name_words):
        return None  # "Moscow Mayor", not "Steve Israel" or "Mike Paris"
    if " ".join(name_words).lower() in lex.nationalities:
        return None  # "North Korean [leader Kim Jong Un]": a nationality
    if " ".join(name_words) in places or bare(name_words[0]) in _PLACE_OPENERS:
        return None  # "to the United States", "San Bernardino", "El Universal": no person
    role = frozenset(bare(strip_possessive(w)) for w in role_words)
    keys = _name_keys(name_words)
    return skipped, " ".join(name_words), role, keys


class _NameIndex:
    """`_nearest` over one name's candidates (in text order), answered by bisection and prefix
    tables so that a name repeated n times costs O(n log n), not O(n²)."""

    def __init__(self, candidates: list[KnownName]) -> None:
        self.candidates = candidates
        self.starts = [c.start for c in candidates]
        self.same: list[bool] = []  # candidates[: i + 1] are one person (same first, last word)
        self.longest: list[int] = []  # last index of the longest name in candidates[: i + 1]
        first_keys: set[str] = set()
        last_keys: set[str] = set()
        best = -1
        for index, known in enumerate(candidates):
            parts = known.name.split()
            first_keys.add(name_key(parts[0]))
            last_keys.add(name_key(parts[-1]))
            self.same.append(len(first_keys) == 1 and len(last_keys) == 1)
            if best < 0 or len(known.name) >= len(candidates[best].name):
                best = index
            self.longest.append(best)

    def differing_before(self, at: int) -> list[KnownName]:
        """The candidates written before `at` when they are not all one person, else []."""
        count = bisect_right(self.starts, at)
        if count > 1 and not self.same[count - 1]:
            return self.candidates[:count]
        return []

    def nearest(self, at: int) -> KnownName | None:
        if not self.candidates:
            return None
        count = bisect_right(self.starts, at)
        if count == 0:
            return self.candidates[0]
        if count > 1 and self.same[count - 1]:
            return self.candidates[self.longest[count - 1]]
        return self.candidates[count - 1]


def _role_matches(wanted: set[str], role_words: frozenset[str]) -> bool:
    for word in wanted:
        if word in role_words:
            continue
        if word == "leader" and role_words & _LEADER_WORDS:
            continue
        if word == "diplomat" and role_words & _DIPLOMAT_WORDS:
            continue
        if word in ("senator", "sen") and role_words & {"senator", "sen"}:
            continue
        if word in ("governor", "gov") and role_words & {"governor", "gov"}:
            continue
        return False
    return True


def _nearest(candidates: list[KnownName], at: int) -> KnownName | None:
    if not candidates:
        return None
    before = [c for c in candidates if c.start <= at]
    if before:
        longest = max(len(c.name) for c in before)
        return (
            [c for c in before if len(c.name) == longest][-1]
            if len(before) > 1 and _same_person(before)
            else before[-1]
        )
    return min(candidates, key=lambda c: c.start)


def _same_person(candidates: list[KnownName]) -> bool:
    return (
        len({name_key(c.name.split()[-1]) for c in candidates}) == 1
        and len({name_key(c.name.split()[0]) for c in candidates}) == 1
    )


def country_government(place: str) -> str:
    return lexicon().places.get(place, place)


def outlet_name_key(name: str) -> str:
    return outlet_key(name)
