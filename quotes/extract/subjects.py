"""The subject of a sentence, of a lead-in ("According to X, ..."), and the speaker phrase after
a cue ("said Wan Qingsong", "said the Russian leader")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quotes.extract.before_cue import (
    CONJUNCTIONS,
    PARTICIPLE_PREPOSITIONS,
    can_be_in_phrase,
    description_of,
    description_word,
    is_place,
    subject_at,
)
from quotes.extract.classify import (
    classify_phrase,
    is_name_word,
    surname_despite_meaning,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    AFTER_DESCRIPTION,
    CONNECTORS,
    DESCRIPTION_DETERMINERS,
    MAX_NP_TOKENS,
    PREPOSITIONS,
    SENTENCE_STARTERS,
    Mention,
    bare,
    is_capitalised,
    is_title_word,
    strip_possessive,
    word_tokens,
)


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The phrase a sentence opens with, past opening adverbials ("During the debate, Cruz",
    "Speaking in Salem, New Hampshire, Trump") or a linking adverb ("Then his guest")."""
    tokens = word_tokens(text, lo, min(hi, lo + 400))
    found = _after_openers(text, tokens)
    if (
        found is None
        and len(tokens) > 2
        and bare(tokens[0][0]) in _LINKING_ADVERBS
        and tokens[1][0] != ","
        and not is_capitalised(tokens[1][0])
    ):
        return subject_at(text, tokens, 1, False)  # "Then his guest took his leave"
    return found


def _after_openers(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    index = 0
    for attempt in range(4):
        if index >= len(tokens):
            return None
        first = tokens[index][0]
        conjunction = attempt == 0 and bare(first) in CONJUNCTIONS
        if conjunction and index + 1 < len(tokens) and tokens[index + 1][0] != ",":
            index += 1  # "But Sen. Pat Toomey refused ...": the conjunction opens no adverbial
            first = tokens[index][0]
            linking = bare(first) in _LINKING_ADVERBS and index + 1 < len(tokens)
            if linking and tokens[index + 1][0] != ",":
                index += 1  # "And then Trump went on the attack"
                first = tokens[index][0]
        opener = attempt == 0 and (
            not is_capitalised(first)
            or bare(first) in SENTENCE_STARTERS
            or first.endswith("ing")
            or _opening_participle(first, tokens, index)
        )
        if not opener:
            found = subject_at(text, tokens, index, attempt > 0)
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
        and tokens[index + 1][0] in PARTICIPLE_PREPOSITIONS
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
    tokens = word_tokens(text, lo, min(hi, lo + 400))
    starts = [0]
    if tokens and bare(tokens[0][0]) in CONJUNCTIONS:
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
        found = subject_at(text, tokens, index, True)
        if found is not None:
            yield found


def _bare_another(tokens: list[tuple[str, int, int]]) -> bool:
    """ "“...,” said another.": one more unnamed speaker of the kind just quoted, nobody named
    (not "another official", whose noun makes a description of its own)."""
    if tokens[0][0].lower() not in ("another", "another.", "another,"):
        return False
    return tokens[0][0][-1] in ".," or len(tokens) == 1 or not tokens[1][0][:1].isalnum()


def subject_after(text: str, cue_end: int, hi: int) -> Mention | None:
    """The speaker phrase right after a cue: "said Wan Qingsong, an associate professor"."""
    tokens = word_tokens(text, cue_end, min(hi, cue_end + 200))
    if not tokens:
        return None
    first = tokens[0][0]
    pronoun_kind = lexicon().pronouns.get(first.lower())
    if pronoun_kind in ("person", "plural", "organisation"):
        return Mention(first, tokens[0][1], tokens[0][2], "pronoun")
    if _bare_another(tokens):
        start = tokens[0][1]
        return Mention(first[:7], start, start + 7, "description", role="another")
    taken: list[tuple[str, int, int]] = []
    named = False
    of_at = -1  # where "of" went on a body's name ("the Ministry of Defence"), if it did
    for index, token in enumerate(tokens):
        word = token[0]
        if len(taken) >= MAX_NP_TOKENS:
            break
        if _participle_before_by(tokens, index):
            break  # "a statement [issued by the Kremlin]"
        if not can_be_in_phrase(word) and not _press_release(taken, word):
            if (named and not _all_places(taken)) or not _modifiers_before_name(tokens, index):
                break  # not "said [Idaho] nutritional-supplement executive Frank VanderSloot"
        elif bare(word) in ("on", "in") or (word[0].islower() and bare(word) in PREPOSITIONS):
            if of_at >= 0 or not _name_goes_on_with_of(tokens, index, taken):
                break
            of_at = len(taken)
        taken.append(token)
        named = named or is_name_word(word)
        if word.endswith(".") and len(bare(word)) > 3 and not is_title_word(word):
            break  # "said Chris Russell." ends the sentence; not "Navy Capt. Jeff Davis"
    while (
        taken
        and bare(taken[-1][0]) in CONNECTORS
        and not (len(taken) > 1 and surname_despite_meaning(taken[-2][0], taken[-1][0]))
    ):  # "said the head of", not "said Yu Bin"
        taken.pop()
    if taken and strip_possessive(taken[-1][0]) != taken[-1][0]:
        return None  # "said Trump's remarks “...”": the reported clause begins; not a speaker
    found = classify_phrase(text, taken) if taken else None
    if found is None and of_at > 0:  # "South Korea's Joint Chiefs [of Staff]": the name before
        found = classify_phrase(text, taken[:of_at])
    if found is None:
        found = _description_starting(text, tokens)
    if found is not None and found.kind == "description":
        return _named_after(text, found, hi) or found
    return found


_OF_HEADS = frozenset({"secretary", "minister", "ministers"})
"""Heads of an "X of Y" name that the lexicon's org_heads (bodies) do not hold."""


def _name_goes_on_with_of(
    tokens: list[tuple[str, int, int]], index: int, taken: list[tuple[str, int, int]]
) -> bool:
    """ "the Ministry of Defence", "the Joint Chiefs of Staff", "the Bank of England": "of"
    (and "the") between a body's capitalised head and more capitalised words stays in the
    name."""
    if tokens[index][0] != "of" or not taken or not taken[-1][0][:1].isupper():
        return False
    head = bare(taken[-1][0])
    if head not in lexicon().org_heads and head not in _OF_HEADS:
        return False
    following = index + 1
    if following < len(tokens) and tokens[following][0] == "the":
        following += 1
    return following < len(tokens) and tokens[following][0][:1].isupper()


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
    tokens = word_tokens(text, apposed.start(1), apposed.end(1))
    named = classify_phrase(text, tokens) if tokens else None
    if named is None or named.kind != "person" or named.role:
        return None
    role = described.role if modifier is None else f"{described.role}{modifier.group(0)}"
    return Mention(named.text, named.start, named.end, "person", named.name, role)


_CAPITALISED_MODIFIER = re.compile(
    r" (?:of|for|at|in|from|to) (?:the )?[A-Z][\w’'.\-]*(?: [A-Z][\w’'.\-]*){0,3}(?=,)"
)


def _all_places(tokens: list[tuple[str, int, int]]) -> bool:
    return all(is_place(t[0]) for t in tokens)


def _modifiers_before_name(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """ "said [Republican political consultant] Chris Russell": lower-case role words that lead
    to a name within four words."""
    for ahead in range(index, min(len(tokens), index + 5)):
        word = tokens[ahead][0]
        if is_name_word(word) and bare(word) not in SENTENCE_STARTERS:
            return ahead > index
        modifier = (
            (word.islower() and description_word(word)) or is_title_word(word) or word.isdigit()
        )  # "said [9/11 widow] Terry Strada"
        if not modifier or word.endswith("."):
            return False
    return False


def _description_starting(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "[said] a person close to the campaign", "[added] another New Hampshire Democrat",
    "[said] one of those advisers"."""
    if not tokens or bare(tokens[0][0]) not in DESCRIPTION_DETERMINERS:
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
        if not description_word(word):
            return None
        ends = (
            word.endswith(".")
            or following in (",", ";", ":", "(", "—", "–")
            or bare(following) in AFTER_DESCRIPTION
            or (bare(following) == "to" and is_title_word(word))  # "one adviser to Clinton"
            or _participle_before_by(tokens, index + 1)  # "a statement issued by"
        )
        if ends:
            if not word.islower() and bare(word) not in lexicon().person_nouns:
                return None  # "said the Senate Judiciary": a name, not a description
            return description_of(text, tokens[: index + 1])
    return None
