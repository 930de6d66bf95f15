"""The speaker phrase before a cue: "Patrushev said", past an apposition ("Wang, who arrived on
Tuesday, said"), a quantifier ("some of the officials said") or a description ("a senior
official familiar with the talks said")."""

from __future__ import annotations

import re

from quotes.extract.classify import (
    ARTICLE_AND_NAME,
    classify_phrase,
    description_role,
    people_by_trade,
    without_determiner,
)
from quotes.extract.dates import WEEKDAYS
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    AFTER_DESCRIPTION,
    APPOSITION_STARTS,
    CLOSE_TO,
    CONNECTORS,
    DESCRIBING_PREPOSITIONS,
    DESCRIPTION_DETERMINERS,
    DETERMINERS,
    IRREGULAR_PAST,
    MAX_NP_TOKENS,
    MEDIUM_NOUNS,
    NOT_ADVERBS,
    OUTLET_NOUNS,
    SENTENCE_STARTERS,
    SKIP_BEFORE_CUE,
    TIME_BEFORE_CUE,
    Mention,
    MentionKind,
    bare,
    capitalised_adverb,
    is_capitalised,
    is_title_word,
    remembered,
    strip_possessive,
    tokens_from,
)

# --- Noun phrases next to a cue ---------------------------------------------------------------


def subject_before(text: str, lo: int, cue_start: int) -> Mention | None:
    """The speaker phrase ending right before a cue, within `text[lo:cue_start]`."""
    timed = TIME_BEFORE_CUE.search(text, max(lo, cue_start - 40), cue_start)
    tokens = tokens_from(text, lo, timed.start() if timed is not None else cue_start)
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
            opening = subject_at(text, tokens, 0, False)
            found = opening if opening is not None and opening.end <= before[-1][1] else None
    if found is not None and found.kind in ("outlet", "organisation", "person", "description"):
        found = _completed_by_to(text, tokens, found)
    if found is None:
        found = _description_ending(text, tokens) or _bare_plural_ending(text, tokens)
    if found is None:
        found = _unnamed_source(text, tokens)
    if found is None or found.kind == "organisation":
        described = _described_people(text, tokens)  # "Experts on North Korea [said]"
        if described is not None and (found is None or described.start < found.start):
            found = described
    return found


def _described_people(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "attorneys for the family [said]", "Experts on North Korea and nuclear nonproliferation
    [said]", "elected officials from both parties [say]", "Those close to him [say]", "the
    organizer of a rally [said]": people (a bare plural or a description of a person), then a
    preposition and its object (no verb, no comma), opening their clause: the people speak, not
    what the preposition names."""
    last = bare(tokens[-1][0])
    if last in DESCRIPTION_DETERMINERS or last in _QUANTIFIERS or last in ("and", "or", "the"):
        return None  # "Voters in some [said]": no object ends there
    for at in range(len(tokens) - 1, max(0, len(tokens) - _MOST_COMPLEMENT_TOKENS) - 1, -1):
        word = bare(tokens[at][0])
        if not _in_complement(tokens[at][0]):
            return None
        if word not in _COMPLEMENT_PREPOSITIONS or at == 0 or at == len(tokens) - 1:
            continue
        if word == "to" and not _names_an_object(tokens[at + 1][0]):
            continue  # "executives to manage [...]": an infinitive, no object
        head = at - 1
        if word == "to" and bare(tokens[head][0]) in CLOSE_TO:
            head -= 1  # "Those close to him", "aides close to the president"
        if head < 0:
            return None
        if bare(tokens[head][0]) == "those" and (head == 0 or _opens_clause(tokens[head - 1][0])):
            return description_of(text, tokens[head:])
        people = _bare_plural_ending(text, tokens[: head + 1]) or _person_description(
            text, tokens[: head + 1]
        )
        if people is not None:
            if tokens[head][0][:1].isupper() and all(t[0][:1].isupper() for t in tokens[at + 1 :]):
                return None  # "Citizens for Tax Justice [said]": a name, written as one
            return description_of(text, [t for t in tokens if t[1] >= people.start])
    return None


_MOST_COMPLEMENT_TOKENS = 10
_COMPLEMENT_PREPOSITIONS = DESCRIBING_PREPOSITIONS | {"on", "around", "across"}
_IN_COMPLEMENT = frozenset({"and", "or", "him", "her", "them", "us", "the", "both"})


def _in_complement(word: str) -> bool:
    """A word that may stand in the preposition's object: no verb, clause word or comma."""
    low = bare(word)
    if low in lexicon().months or low in WEEKDAYS or low in _TIME_WORDS:
        return False  # "prosecutors in April [charged]": when, not who
    return (
        low in _IN_COMPLEMENT
        or low in _COMPLEMENT_PREPOSITIONS
        or low in DESCRIPTION_DETERMINERS
        or (
            description_word(word)
            and low not in IRREGULAR_PAST
            and not low.endswith(("ed", "n't", "n’t"))
        )
    )


def _names_an_object(word: str) -> bool:
    """A word that opens the object of "to": a determiner, a name, a pronoun."""
    return (
        bare(word) in DESCRIPTION_DETERMINERS or bare(word) in _IN_COMPLEMENT or word[:1].isupper()
    )


def _person_description(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "the lawyers", "two senior officials", "the organizer": a description whose head is a
    person or people."""
    found = _description_ending(text, tokens)
    if found is None:
        return None
    return found if _names_people(bare(tokens[-1][0])) else None


def _unnamed_source(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "A source familiar with X [said]" opening the sentence (of at most 12 words); or after
    a claim and a comma, "..., two sources familiar with the matter [told Reuters]": people
    qualified by what makes them a source ("familiar with", "close to", "briefed on")."""
    if len(tokens) <= 12:
        found = _description_subject(text, tokens, 0)
        if found is not None and _qualifies(tokens, found, AFTER_DESCRIPTION):
            return found
    opening = next((i + 1 for i in range(len(tokens) - 1, -1, -1) if tokens[i][0] == ","), 0)
    if opening == 0 or opening == len(tokens) or len(tokens) - opening > 12:
        return None
    found = _description_subject(text, tokens, opening)
    if found is None or bare(found.text.split()[-1]) not in lexicon().person_nouns:
        return None
    return found if _qualifies(tokens, found, _UNNAMED_SOURCE_MODIFIERS) else None


def _qualifies(tokens: list[tuple[str, int, int]], found: Mention, words: frozenset[str]) -> bool:
    """Whether the words after the description `found` open with one of `words`, in one
    clause."""
    rest = [t for t in tokens if t[1] >= found.end]
    clause = [t for t in rest if t[0] in (",", ";", ":")]
    return bool(rest) and bare(rest[0][0]) in words and not clause


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
    if not _lower_or_opening(head, count - 2) or head.endswith("ing"):
        return found
    if head in ("according", "due", "up"):
        return found
    low = bare(head)
    if not (
        (low in CLOSE_TO and preposition == "to")
        or low in lexicon().person_nouns
        or is_title_word(head)
        or (low in lexicon().org_heads and preposition in ("in", "at"))
    ):
        return found  # not "in a nod to the front-runner", "a website linked to a group"
    describing = tokens[: count - 1]
    if low in CLOSE_TO and count >= 3:
        describing = tokens[: count - 2]  # "Sources close to the Kremlin": the noun before
    described = _description_ending(text, describing) or _bare_plural_ending(text, describing)
    if described is not None:
        start = described.start
    elif count >= 3 and tokens[count - 3][0].endswith(("’s", "'s")):
        start = tokens[count - 3][1]  # "Russia’s ambassador to the United States"
    else:
        nearby = range(count - 2, max(-1, count - 7), -1)
        opening = next((i for i in nearby if bare(tokens[i][0]) in DETERMINERS), None)
        if opening is None:
            return found
        start = tokens[opening][1]  # "[a spokesman for] the Chinese embassy in Washington"
    phrase = text[start : found.end]
    if low in lexicon().org_heads:  # "the Russian embassy in London"
        return Mention(phrase, start, found.end, "organisation", name=without_determiner(phrase))
    return Mention(phrase, start, found.end, "description", role=description_role(phrase))


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


@remembered
def description_word(word: str) -> bool:
    low = bare(strip_possessive(word))
    return (
        _DESCRIPTION_TOKEN.fullmatch(low) is not None
        and low not in _NOT_IN_DESCRIPTION
        and not (word.islower() and low in _TIME_WORDS)
        and not (word.islower() and low.endswith("ly") and low not in NOT_ADVERBS)
    )


def _description_ending(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "the investor [said]", "one former campaign staffer [wrote]": a determiner, up to five
    modifiers and a head noun written in lower case."""
    head = tokens[-1][0]
    if not head.islower() or not description_word(head) or head.endswith((".", "’s", "'s")):
        return None
    for back in range(2, min(len(tokens), 7) + 1):
        word = tokens[-back][0]
        before = tokens[-back - 1][0] if back < len(tokens) else ","
        if word.isdigit() and bare(before) in DESCRIPTION_DETERMINERS:
            continue  # "A 1996 FEC advisory opinion [added]": a year, not a count
        if bare(word) in IRREGULAR_PAST:
            return None  # "The president left no [doubt]": a clause, not a description
        opens = bare(word) in DESCRIPTION_DETERMINERS or word.isdigit()  # "21 percent [said]"
        owner = not opens and _owner(word, head)  # "Connecticut’s tax commissioner [says]"
        if owner:  # "Mrs. Clinton’s confidants [say]": the owner's whole name
            while back < len(tokens) and is_capitalised(before) and before[-1:] != ",":
                back += 1
                before = tokens[-back - 1][0] if back < len(tokens) else ","
        if opens or owner:
            adverb = back == len(tokens) - 1 and bare(before) in _OPENING_ADVERBS  # "Even the"
            if (
                before not in (",", ";", ":", "(", "—", "–")
                and bare(before) not in _OPENS_DESCRIPTION
                and not adverb
            ):
                return None
            return description_of(text, tokens[-back:])
        if not description_word(word):
            return None
    return None


def _owner(word: str, head: str) -> bool:
    """A capitalised possessive opening a description of a person ("Connecticut’s tax
    commissioner", "Goldman’s chief economist"): it stands where a determiner would."""
    return (
        word[:1].isupper()
        and word.endswith(("’s", "'s"))
        and len(word) > 3
        and (is_title_word(head) or _names_people(bare(head)))
    )


def _names_people(low: str) -> bool:
    """A person noun of the lexicon, or a plural of people by trade ("confidants")."""
    return low in lexicon().person_nouns or people_by_trade(low)


# Adverbs that may open a sentence before its subject: "Even the organizer [said]".
_OPENING_ADVERBS = frozenset({"even", "still", "now", "meanwhile", "instead", "also", "indeed"})

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
    plural = low.endswith("s") or low == "people"
    if not _lower_or_opening(head, len(tokens) - 1) or not plural:
        return None
    if not (_names_people(low) or low in _SOURCE_PLURALS or _plural_of_a_body(low)):
        return None
    first = len(tokens) - 1
    while first > 0 and len(tokens) - first < 3:
        word = tokens[first - 1][0]
        nationality = bare(word) in lexicon().nationalities  # "Chinese traders [say]"
        if not (word.islower() or first == 1 or nationality) or not description_word(word):
            break
        if bare(word) in _BEFORE_BARE_PLURAL or bare(word) in DESCRIPTION_DETERMINERS:
            break
        first -= 1
    if first > 0 and bare(tokens[first - 1][0]) not in _BEFORE_BARE_PLURAL:
        return None  # "the number of voters [say]", "... party leaders [say]" with more before
    return description_of(text, tokens[first:])


def _plural_of_a_body(low: str) -> bool:
    """ "groups", "companies", "unions": the plural of a body's head noun."""
    heads = lexicon().org_heads
    if low.endswith("ies"):
        return low[:-3] + "y" in heads and low[:-3] + "y" not in _NOT_BODIES
    return low.endswith("s") and low[:-1] in heads and low[:-1] not in _NOT_BODIES


_NOT_BODIES = frozenset({"state", "office", "house", "post", "times", "news"}) | MEDIUM_NOUNS
# (news media in the plural are outlets: "Russian news agencies quoted ...")


def _lower_or_opening(word: str, index: int) -> bool:
    """A lower-case word, or one capitalised only because it opens the text looked at
    ("Advisers to Mr. Obama [say]")."""
    return word.islower() or (index == 0 and word[1:].islower() and word[:1].isupper())


def description_of(text: str, tokens: list[tuple[str, int, int]]) -> Mention:
    start, end = tokens[0][1], tokens[-1][2]
    phrase = text[start:end].rstrip(".")
    return Mention(phrase, start, start + len(phrase), "description", role=description_role(phrase))


_MODAL_BEFORE_NAME = frozenset({"will", "may", "can", "must"})


# What comes before "n't" in a negated auxiliary ("didn't", "can't" -> "ca", "won't" -> "wo").
_NEGATED = frozenset("did does do has have had was were is are would could should ca wo".split())

# Quantifiers floated after a coordinated or plural subject: "Moscow and Beijing both rejected".
_FLOATED = frozenset({"both", "all", "each"})


@remembered
def _skippable_before_cue(token: str) -> bool:
    if token in _FLOATED:
        return True
    word = token.lower()
    if word.endswith(("n't", "n’t")) and word[:-3] in _NEGATED:
        return True  # "advisers didn't [know]", as "did not"
    if word in SKIP_BEFORE_CUE:
        return token.islower() or word not in _MODAL_BEFORE_NAME  # "Will described": George Will
    return token.islower() and word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS


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
                named = _noun_phrase_ending(text, aside) if is_title_word(aside[0][0]) else None
                if named is not None and named.kind == "person" and named.start == aside[0][1]:
                    return named  # "Kuwait's emir, Sheikh Meshal al-Sabah, [said]": the name
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
_TAG_REACH = 60


def _without_party_tags(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "Sen. Marco Rubio, R-Fla., [said]": the party and state tag set off by commas is no aside
    of its own; drop it with its comma."""
    if not any(_PARTY_TAG.fullmatch(token[0]) for token in tokens[-_TAG_REACH:]):
        return tokens  # (a tag further back sets off no aside next to the cue)
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
    return word.lower() in APPOSITION_STARTS or not is_capitalised(word) or is_title_word(word)


def _opens_nested_aside(word: str) -> bool:
    """An aside before an aside opens with a determiner, an age ("Cory James, 22, of Flint") or
    a title in lower case ("Lau Siu-kai, vice-president of the Chinese Association of Hong Kong
    and Macau Studies, a semi-official think tank")."""
    return (
        word.lower() in APPOSITION_STARTS
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
        if len(taken) >= MAX_NP_TOKENS or not can_be_in_phrase(word):
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
        if low in DETERMINERS:
            break
        first -= 1
    if first == len(tokens) - 1 or first == 0:
        return None
    opener = tokens[first - 1][0]
    if bare(opener) in ("the",):
        return tokens[first - 1 :]
    if opener.endswith(("'s", "’s")):
        return tokens[_start_of_place(tokens, first - 1) :]
    if first >= 2 and bare(tokens[first - 2][0]) == "the" and is_capitalised(opener):
        return tokens[first - 2 :]  # "the U.N. nuclear watchdog", "the EU executive body"
    return None


def _start_of_place(tokens: list[tuple[str, int, int]], possessive: int) -> int:
    """Where the name before a possessive starts: "South Korea's" is one place, not "Korea's"."""
    name = tokens[possessive][0][:-2]
    for words in (2, 1):
        first = possessive - words
        if first >= 0:
            longer = " ".join(t[0] for t in tokens[first:possessive]) + " " + name
            if is_place(longer):
                return first
    return possessive


def _place_after_preposition(
    tokens: list[tuple[str, int, int]], taken: list[tuple[str, int, int]]
) -> bool:
    before = tokens[len(tokens) - len(taken) - 1][0]
    return before in DESCRIBING_PREPOSITIONS and is_place(taken[0][0])


def is_place(word: str) -> bool:
    """A country, capital, state or city as the lexicon writes it ("Uzbekistan", "Idaho")."""
    lex = lexicon()
    return word in lex.places or word in lex.regions


# "Preceded at the lectern by Joe Arpaio, Trump ...", "Flanked by aides, ...": a participle that
# opens the sentence with its preposition is an adverbial, not a name.
PARTICIPLE_PREPOSITIONS = frozenset({"by", "at", "with", "about", "on", "in", "for", "to", "into"})

_CONTRACTING_PRONOUNS = frozenset({"he", "she", "it", "who", "that"})

_LEADING_CONNECTORS = CONNECTORS - {"the"}  # not a phrase's first word: "of", "and", "de", ...


@remembered
def can_be_in_phrase(word: str) -> bool:
    if word in (",", ";", ":", "(", ")", "[", "]", "—", "–"):
        return False
    if ARTICLE_AND_NAME.fullmatch(word):
        return True  # "Majed al-Ansari"
    if is_capitalised(word):
        low = bare(word)
        return low not in SENTENCE_STARTERS and not capitalised_adverb(low)
    low = bare(strip_possessive(word))
    lex = lexicon()
    return (
        low in CONNECTORS
        or low in ("from", "at")
        or low in DETERMINERS
        or low in lex.title_words
        or low in lex.person_nouns
        or low in lex.org_heads
        or low in lex.nationalities
        or low in OUTLET_NOUNS
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


CONJUNCTIONS = frozenset({"but", "and", "yet", "so", "then", "still", "also"})


def subject_at(
    text: str, tokens: list[tuple[str, int, int]], index: int, after_opener: bool
) -> Mention | None:
    """The noun phrase at `tokens[index]`; after an opening adverbial it must be followed by its
    verb, not by another comma ("In Ames, Iowa, on Sunday, Mrs. Clinton said")."""
    pronoun = lexicon().pronouns.get(tokens[index][0].lower())
    if pronoun in ("person", "plural", "organisation"):
        return Mention(tokens[index][0], tokens[index][1], tokens[index][2], "pronoun")
    taken: list[tuple[str, int, int]] = []
    for token in tokens[index:]:
        if len(taken) >= MAX_NP_TOKENS or not can_be_in_phrase(token[0]):
            break
        if taken and token[0] in _ADVERBS_AFTER_SUBJECT:
            break  # "Xi then took Putin's hand": the adverb opens the predicate
        taken.append(token)
    while taken and bare(taken[-1][0]) in CONNECTORS:
        taken.pop()
    if not taken:
        return _description_subject(text, tokens, index)
    if after_opener:
        following = index + len(taken)
        if following < len(tokens) and tokens[following][0] == ",":
            after = tokens[following + 1][0] if following + 1 < len(tokens) else ""
            if bare(after) not in APPOSITION_STARTS:
                return None
    found = classify_phrase(text, taken)
    if found is None or found.kind == "description":
        longer = _description_subject(text, tokens, index)
        if longer is not None and (found is None or longer.end > found.end):
            return longer
    return found


_ADVERBS_AFTER_SUBJECT = frozenset({"then", "also", "later", "again", "still", "subsequently"})

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
    if first not in DESCRIPTION_DETERMINERS:
        if (
            (first.endswith("s") or first == "people" or index == 0)
            and first in lexicon().person_nouns
            and index + 1 < len(tokens)
            and bare(tokens[index + 1][0]) in _UNNAMED_SOURCE_MODIFIERS
        ):  # "People familiar with the matter [said]", "Officials close to the talks [said]",
            # and opening a sentence, one: "Source familiar with the ad [says]"
            return description_of(text, tokens[index : index + 1])
        return None
    for end in range(index + 1, min(len(tokens) - 1, index + 6)):
        word, following = tokens[end][0], tokens[end + 1][0]
        if not description_word(word):
            return None
        low = bare(following)
        ends = following == "," or low in _AUXILIARIES or low in AFTER_DESCRIPTION
        ends = ends or (following.islower() and low.endswith("ed") and len(low) > 4)
        ends = ends or low in IRREGULAR_PAST  # "The president left no doubt": a verb
        if ends:
            head = bare(strip_possessive(word))
            if not (word.islower() or head in lexicon().person_nouns) or word.endswith("’s"):
                return None
            return description_of(text, tokens[index : end + 1])
    return None


_UNNAMED_SOURCE_MODIFIERS = frozenset(
    {"familiar", "close", "briefed", "involved", "with", "knowledgeable", "aware"}
)
