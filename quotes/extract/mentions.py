"""Mentions: a noun phrase near a cue and the relay it names, with the word-level helpers every
speaker rule shares (tokens, capitals, possessives, title words).

Limits: names are recognised by capital letters and a word list, not by a model, so a
capitalised common word next to a cue may be taken for a name, and a lower-case name is missed.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, TypeVar

from quotes.extract.lexicon import lexicon
from quotes.extract.names import name_key as _name_key
from quotes.extract.outlets import OutletInfo
from quotes.records import quick_init

MentionKind = Literal[
    "person", "pronoun", "description", "organisation", "outlet", "relative", "plural"
]

# Initials ("U.S.") or a word, or a punctuation token. The same tokens as
# r"(?:\w\.){2,}|\w[\w’'\-]*\.?|[,;:()\[\]—–]", with the two alternatives that open with a
# word character sharing it (tried once, not twice, at each word).
_TOKEN = re.compile(r"\w(?:\.(?:\w\.)+|[\w’'\-]*\.?)|[,;:()\[\]—–]")

CONNECTORS = frozenset(
    {"of", "for", "and", "the", "de", "al", "van", "von", "der", "bin", "la", "le", "du", "da"}
)

DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those"}
)

SKIP_BEFORE_CUE = frozenset(
    """has have had was were is are be been being would will could can may might should must
    also later earlier then further again previously once repeatedly recently publicly reportedly
    allegedly however already still often frequently privately initially first finally just only
    quickly flatly firmly not never even clearly explicitly specifically subsequently separately
    himself herself itself themselves bluntly openly tersely simply did does do now since both
    """.split()
)

# "Putin on Tuesday [said]", "China on Sept. 15 [urged]", "Lavrov last week [said]": when, between
# the speaker and the verb.
TIME_BEFORE_CUE = re.compile(
    r"\s(?:(?:early|late|earlier|later)\s+)?(?:"
    r"on\s+(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})"
    r"|in\s+(?:January|February|March|April|June|July|August|September|October|November"
    r"|December)"
    r"|(?:last|this)\s+(?:week|month|year|weekend|morning|afternoon|evening|night)"
    r"|(?:yesterday|today|overnight))\s+$"
)

NOT_ADVERBS = frozenset(
    {"ally", "family", "daily", "rally", "assembly", "supply", "italy", "july", "fly", "only"}
)

APPOSITION_STARTS = frozenset(
    {"a", "an", "the", "who", "whose", "which", "whom", "his", "her", "its", "their", "one", "both"}
)

MEDIUM_NOUNS = frozenset(
    "television tv radio channel broadcaster newspaper daily agency magazine network station "
    "website tabloid weekly".split()
)
"""Nouns for the medium an outlet speaks through: "Sputnik radio", "the Rossiya 1 television
channel", "state TV"."""

MASTHEAD_WORDS = frozenset(
    """herald gazette gazeta tribune journal chronicle courier observer guardian telegraph
    independent globe mirror examiner inquirer dispatch bulletin post times daily news""".split()
)
"""A newspaper's title word: capitalised after a capitalised name, the two name a paper the
gazetteer need not know ("the Harbour Gazette", "the Dunmore Herald")."""


def names_a_masthead(words: list[str]) -> bool:
    """ "the Harbour Gazette", "Coastal Post": a capitalised name, then a title word (all of the
    words capitalised after a determiner: not "Bill Dole of Harbour News"; and not a person's
    given name first: "Jim Courier", "Emily Post")."""
    if words and bare(words[0]) in DETERMINERS:
        words = words[1:]
    return (
        len(words) >= 2
        and all(word[:1].isupper() for word in words)
        and bare(words[-1]) in MASTHEAD_WORDS
        and bare(words[0]) not in lexicon().genders
    )


OUTLET_NOUNS = frozenset(
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

OUTLET_KINDS_RELAYING = frozenset({"news agency", "newspaper", "broadcaster", "other"})

# An outlet named by its kind ("the newspaper", "the state news agency", "the publication"): the
# one of that kind the article means (`quotes.extract.resolve`).
OUTLET_BY_KIND = re.compile(
    r"[Tt]he (?:(?:[\w\-]+ ){0,2}?(newspaper|paper|daily|broadcaster|publication|outlet)"
    r"|(?:(?:news|state|official|state-run|wire|national) ){0,2}(agency))"
)
"""An agency only as a news agency may be called ("the state news agency"): "the civil defence
agency" is a government's."""


def outlet_noun(written: re.Match[str]) -> str:
    """The kind noun an `OUTLET_BY_KIND` match names the outlet by."""
    return written[1] or written[2]


PREPOSITIONS = frozenset({"of", "from", "at", "for", "in", "with", "on"})

MAX_NP_TOKENS = 14


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
    """A relay outlet: canonical name (or the words as written) and the words as written;
    `spoken_to` when the speaker spoke to the outlet ("told RIA Novosti", "speaking to the BBC"),
    so that an event named later is another occasion (`quotes.extract.relay_choice.via_for`);
    `occasion`, the event the sentence that named the relay names ("call" for "In a phone call
    with Erdogan, Putin said ..., the Kremlin said"), so that another event is another account."""

    name: str
    text: str
    spoken_to: bool = False
    occasion: str | None = None


MAX_REMEMBERED = 100_000

MAX_NAME_WORDS = 4
"""A person's name is at most this many words ("Abu Bakr al-Baghdadi" is four); a longer run of
capitalised words is a headline or a title."""

_Answer = TypeVar("_Answer")


class _Answers(dict[str, _Answer]):
    """Answers of a function of one word, computed on first use (bounded: forgotten when full)."""

    def __init__(self, function: Callable[[str], _Answer]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, word: str) -> _Answer:
        answer = self.function(word)
        if len(self) >= MAX_REMEMBERED:
            self.clear()
        self[word] = answer
        return answer


def remembered(function: Callable[[str], _Answer]) -> Callable[[str], _Answer]:
    """`function` of one word, remembered per word (bounded). The same words recur through an
    article and across articles, so most calls are one dict lookup, made in C: the lookup is the
    dict's own `__getitem__`, which calls `__missing__` only for a new word."""
    return _Answers(function).__getitem__


@remembered
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


@remembered
def is_title_word(token: str) -> bool:
    word = bare(strip_possessive(token))
    lex = lexicon()
    return word in lex.title_words or word in lex.nationalities or word in lex.person_nouns


# Each token with the characters before it, none of which a token opens with (or, at the end,
# those characters alone: an empty token, so that the search does not retry them one by one):
# `findall` gives the pairs as strings, no match objects, and their lengths give the offsets.
_GAP_AND_TOKEN = re.compile(r"([^\w,;:()\[\]—–]*+)(" + _TOKEN.pattern + r"|\Z)")


def word_tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """`(token, start, end)` for each match of `_TOKEN` in `text[lo:hi]`."""
    tokens = []
    end = lo
    for gap, token in _GAP_AND_TOKEN.findall(text, lo, hi):
        if token:
            start = end + len(gap)
            end = start + len(token)
            tokens.append((token, start, end))
    return tokens


class _Positions(threading.local):
    """Where each needle occurs in the last text searched."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.found: dict[str, list[int]] = {}


_positions = _Positions()


def last_visible_at(text: str, lo: int, hi: int) -> int:
    """Where the last character of `text[lo:hi]` that is not white space stands (-1 if none)."""
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end - 1 if end > lo else -1


def last_index(text: str, needle: str, lo: int, hi: int) -> int:
    """`text.rfind(needle, lo, hi)` for a needle that cannot overlap itself, from the needle's
    positions in `text`, found once: asked once per cue, rfind would rescan the sentence."""
    memo = _positions
    if memo.text is not text:
        memo.text, memo.found = text, {}
    if (where := memo.found.get(needle)) is None:
        where = memo.found[needle] = [m.start() for m in re.finditer(re.escape(needle), text)]
    index = bisect_right(where, hi - len(needle)) - 1
    return where[index] if index >= 0 and where[index] >= lo else -1


_LOOKAHEAD_MARGIN = 8
"""`_GAP_AND_TOKEN` reads at most two characters past a match, so a token ending this far
before the end of a scan is one the scan's end did not shape: any longer scan finds it too."""


class _SentenceTokens(threading.local):
    """The tokens found so far from one start in one text, with their ends (for bisect)."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.lo = -1
        self.tokens: list[tuple[str, int, int]] = []
        self.ends: list[int] = []


_sentence_tokens = _SentenceTokens()


LOOKBACK_TOKENS = 1000
"""A cue's subject and the clause around it lie within this many tokens before it: the tokens
of a longer sentence further back are not handed out, so that a sentence of thousands of cues
(hostile input: 'said ' twenty thousand times) costs time linear in its length. No sentence of
news prose comes near it."""


def tokens_from(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """`word_tokens(text, lo, hi)`, exactly (up to LOOKBACK_TOKENS of them, the last),
    remembering the tokens after the last `lo`: each cue of a long sentence looks back to its
    start, and would otherwise tokenise it all again (quadratic in the sentence's length)."""
    memo = _sentence_tokens
    if memo.text is not text or memo.lo != lo:
        memo.text, memo.lo, memo.tokens, memo.ends = text, lo, [], []
    known = bisect_right(memo.ends, hi - _LOOKAHEAD_MARGIN)
    rest = word_tokens(text, memo.ends[known - 1] if known else lo, hi)
    if known == len(memo.tokens):
        settled = bisect_right([end for _t, _s, end in rest], hi - _LOOKAHEAD_MARGIN)
        memo.tokens.extend(rest[:settled])
        memo.ends.extend(end for _t, _s, end in rest[:settled])
    if len(rest) >= LOOKBACK_TOKENS:
        return rest[-LOOKBACK_TOKENS:]
    return memo.tokens[max(0, known - LOOKBACK_TOKENS + len(rest)) : known] + rest


@cache
def name_key(name: str) -> str:
    """`quotes.extract.names.name_key`, remembered: the same names recur through an article."""
    return _name_key(name)


CLOSE_TO = frozenset({"close", "closest", "near", "next", "loyal"})

# The prepositions after which a name or body describes the speaker ("the ambassador to Russia",
# "a spokesman for Putin", "the mayor of Kyiv"), and is not the speaker.
DESCRIBING_PREPOSITIONS = frozenset({"of", "for", "in", "at", "from", "to", "with"})

DESCRIPTION_DETERMINERS = frozenset(
    {"a", "an", "the", "one", "another", "two", "three", "several", "some", "many", "other"}
    | {"his", "her", "their", "its", "our", "my", "this", "these", "those"}
)

SENTENCE_STARTERS = frozenset(
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

_ADVERB_ENDINGS = tuple(
    """ally ously ively ably ibly fully lessly ntly edly ingly ately early ilarly ularly ctly ckly
    nkly stly rtly ghly mply uly nly rdly wly""".split()
)


def capitalised_adverb(low: str) -> bool:
    """ "Clearly", "Separately", "Finally": an adverb, but not "Kelly", "Carly" or "Emily"."""
    if not low.endswith("ly") or low in NOT_ADVERBS:
        return False
    return low.endswith(_ADVERB_ENDINGS) or (len(low) >= 6 and low.endswith(("ely", "ily", "tly")))


IRREGULAR_PAST = frozenset(
    "left made took gave came went saw got put set won lost held met ran stood brought kept "
    "found sent spent built felt began became knew thought told said".split()
)

AFTER_DESCRIPTION = frozenset(
    """who close familiar involved with of at from in for speaking explaining adding according
    on whose working inside known briefed knowledgeable aware""".split()
)
