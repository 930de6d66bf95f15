"""Classify a speaker phrase: a person (a proper name split from its title: "Russian Security
Council Secretary Nikolai Patrushev" is Nikolai Patrushev, role "Russian Security Council
Secretary"), a pronoun, a description ("the Russian leader"), an organisation, or an outlet
(gazetteer names and "... report/statement/readout")."""

from __future__ import annotations

import re

from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    CONNECTORS,
    DESCRIBING_PREPOSITIONS,
    DESCRIPTION_DETERMINERS,
    DETERMINERS,
    MASTHEAD_WORDS,
    MAX_REMEMBERED,
    MEDIUM_NOUNS,
    OUTLET_KINDS_RELAYING,
    OUTLET_NOUNS,
    PREPOSITIONS,
    Mention,
    bare,
    is_capitalised,
    is_title_word,
    names_a_masthead,
    remembered,
    strip_possessive,
)
from quotes.extract.names import DOTTED_INITIALS, GIVEN_AFTER_FAMILY
from quotes.extract.outlets import OutletInfo, lookup_outlet


def description_role(phrase: str) -> str:
    """ "one former aide" -> "former aide": the words after the determiner."""
    words = phrase.split()
    while len(words) > 1 and bare(words[0]) in DESCRIPTION_DETERMINERS | DETERMINERS:
        words.pop(0)
    return " ".join(words)


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
        known = _classify_phrase(text, _without_nickname(text, tokens))
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
        if len(_PHRASES) >= MAX_REMEMBERED:
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


_QUOTE_MARKS = frozenset("\"“”‘’'«»")


def _without_nickname(text: str, tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ "Marvin “Marvelous” Hagler", "Dwayne “The Rock” Johnson": the words in quote marks
    inside a name are a nickname, no part of the name (`quotemarks` takes them for no
    quotation)."""
    opened = next(
        (i for i, t in enumerate(tokens[1:-1], 1) if text[t[1] - 1] in _QUOTE_MARKS), None
    )
    if opened is None:
        return tokens
    for i in range(opened, len(tokens) - 1):
        if tokens[i][2] < len(text) and text[tokens[i][2]] in _QUOTE_MARKS:
            return tokens[:opened] + tokens[i + 1 :]
    return tokens


# "state television", "Iranian state TV", "official radio": a country's broadcaster, unnamed.
_BROADCAST_HEADS = frozenset({"television", "tv", "radio", "broadcaster", "media"})

_STATE_RUN = frozenset({"state", "state-run", "official", "state-owned", "public"})


def _channel_author(text: str, tokens: list[tuple[str, int, int]]) -> Mention | None:
    """ "A new IMF report", "Trump's statement", "a 2014 House Intelligence Committee report":
    the capitalised words before a report or statement name who wrote it."""
    first = next(
        (i for i, t in enumerate(tokens) if is_capitalised(t[0]) and bare(t[0]) not in DETERMINERS),
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
    outlet = outlet_in_phrase(words)
    relay_noun = bare(strip_possessive(words[-1])) in OUTLET_NOUNS
    if outlet is not None and outlet.kind == "government" and not relay_noun:
        return Mention(phrase, start, end, "organisation", name=outlet.name, outlet=outlet)
    if outlet is not None:
        return Mention(phrase, start, end, "outlet", name=outlet.name, outlet=outlet)
    lowered = [bare(strip_possessive(w)) for w in words]
    if all(w in DETERMINERS for w in lowered):
        return None  # "[said] his [boss was]": a determiner names nobody
    if lowered[-1] in OUTLET_NOUNS:
        if not [w for w in lowered[:-1] if w not in DETERMINERS]:
            return None
        author = _channel_author(text, tokens[:-1])
        if author is not None:
            return Mention(phrase, start, end, author.kind, author.name, author.role, author.outlet)
        return Mention(phrase, start, end, "outlet", name=without_determiner(phrase))
    if "and" in lowered:
        return _plural_phrase(text, tokens, phrase, start, end)
    medium = _named_medium(phrase, words)  # "the Harbour Gazette", "state broadcaster NTV"
    if medium is not None:
        return Mention(phrase, start, end, "outlet", name=medium)
    if len(lowered) > 1 and lowered[-1] == "tv" and lowered[-2] in _STATE_RUN:
        return Mention(phrase, start, end, "outlet", name=without_determiner(phrase))  # state TV
    head = _head_tokens(words)
    name_words, role_words = split_name(head)
    places = lexicon().places
    if name_words:
        name = " ".join(
            strip_possessive(w) if i == len(name_words) - 1 else w for i, w in enumerate(name_words)
        )
        name = _strip_trailing_dot(name, name)
        if name in places and not role_words:  # "Beijing", "the United States"
            return Mention(phrase, start, end, "organisation", name=name)
        if _object_of_preposition(head, len(name_words)):
            return Mention(phrase, start, end, "description", role=description_role(phrase))
        if head is words and words[-1] != name_words[-1]:
            pass
        last_low = bare(strip_possessive(head[-1]))
        if last_low in lexicon().org_heads or _possessive_before_head(head):
            return Mention(phrase, start, end, "organisation", name=without_determiner(phrase))
        role = " ".join(role_words).strip() or None
        if ends_in_region(name_words):
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
        return Mention(phrase, start, end, "outlet", name=without_determiner(phrase))
    if last_low in lexicon().org_heads or last_low == "kremlin" or last_low == "pentagon":
        if phrase.islower() and lowered[0] not in DETERMINERS and last_low not in _BARE_BODIES:
            return None  # "to discuss internal strategy [said]": a thing, no body named
        return Mention(phrase, start, end, "organisation", name=without_determiner(phrase))
    if (
        last_low in lexicon().person_nouns
        or (last_low in lexicon().title_words and lowered[0] in DETERMINERS)
        or people_by_trade(last_low)
    ):
        if last_low in ("sides", "pair", "leaders", "countries", "officials", "nations", "both"):
            return Mention(phrase, start, end, "plural", name=without_determiner(phrase))
        return Mention(phrase, start, end, "description", role=description_role(phrase))
    if last_low in ("sides", "pair", "two", "both", "countries"):
        return Mention(phrase, start, end, "plural", name=without_determiner(phrase))
    return None


# Bodies a reporter names without a determiner: "police said", "state media reported".
_BARE_BODIES = frozenset(
    "police military government media army navy prosecutors authorities parliament congress "
    "senate kremlin pentagon".split()
)

_ACRONYM = re.compile(r"[A-Z]{3,6}")

_ACRONYM_ENDING = re.compile(r"[A-Z]{3,6}\.")

_TRADE_PLURAL = re.compile(r"[a-z]{3,}(?:ists|ians|ers|ants|ents|ors)")

_NOT_PEOPLE = frozenset(
    "numbers papers letters orders others centers centres matters answers headquarters "
    "documents comments statements arguments agreements elements moments payments governments "
    "departments parents".split()
)


def people_by_trade(word: str) -> bool:
    """ "hacking specialists", "social scientists", "historians": a plural of a word for people
    by what they do, which the lexicon need not list."""
    return _TRADE_PLURAL.fullmatch(word) is not None and word not in _NOT_PEOPLE


def _object_of_preposition(head: list[str], name_length: int) -> bool:
    """ "a spokesman for Putin", "the mayor of Kyiv": the name is the object of a preposition
    after the words that describe the speaker ("supporters of Mr. Sanders" too); not
    "Secretary of State John Kerry"."""
    before = [
        w
        for w in head[: len(head) - name_length]
        if w.lower() != "the" and bare(w) not in _HONORIFICS
    ]
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
    """The phrase before a post-modifier: "Shi from Renmin University" -> "Shi"; not "U.S.
    Secretary" of "U.S. Secretary of State Antony Blinken" nor "Iran's Minister" of "Iran's
    Minister of Foreign Affairs Abbas Araghchi" (a country names no one)."""
    for index, word in enumerate(words):
        if index > 0 and word.islower() and word in PREPOSITIONS:
            before = words[:index]
            if any(
                is_name_word(w) and not _names_a_country(w) and not _ACRONYM.fullmatch(w)
                for w in before
            ):  # "UMWA Director of Government Affairs Phil Smith": the body, like a country
                return before
            return words
    return words


def _names_a_country(word: str) -> bool:
    """ "U.S.", "Russian", "Iran's": a nationality or a country's possessive."""
    return word.lower() in lexicon().nationalities or places_possessive(word)


FIRST_NAMES = frozenset({"bill"})  # "Bill Clinton", not a bill

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


@remembered
def is_name_word(word: str) -> bool:
    if not is_capitalised(word):
        return False
    low = bare(strip_possessive(word))
    if low in _CONTRACTED_WORDS or _CONTRACTION.search(word):
        return False  # "It’s", "There’s", "We’ve", "I’m": a pronoun and a verb, not a name
    if low in _NEVER_NAMES:
        return False  # "Ever", "Only", "Both": capitalised where they open a sentence
    if low in FIRST_NAMES:
        return True
    lex = lexicon()
    return not (
        low in lex.title_words
        or low in lex.nationalities
        or low in lex.org_heads
        or low in CONNECTORS
        or low in lex.person_nouns
        or low in DETERMINERS
    )


def split_name(words: list[str]) -> tuple[list[str], list[str]]:
    """Trailing proper-name words and the title words before them."""
    name: list[str] = []
    index = len(words) - 1
    if index >= 1 and surname_despite_meaning(words[index - 1], words[index]):
        name.append(words[index])  # "Rep. Peter King", "David French", "Ms. White": a surname
        index -= 1
    while (
        index >= 0
        and not (name and _owners_possessive(words[index]))
        and not _place_before_a_person(words[index], name)  # "U.S. [Ann Lee]"
        and (
            is_name_word(words[index])
            or ARTICLE_AND_NAME.fullmatch(words[index]) is not None  # "al-Ansari"
            or (name and _is_initial(words[index]))
            or (name and _is_particle(words, index))
            or (name and _surname_he(words, index))
            or (name and _family_name_before_given(words, index))
        )
    ):
        name.append(words[index])
        index -= 1
    if not name:
        return [], []
    name.reverse()
    role = [w for w in words[: index + 1] if bare(w) not in DETERMINERS]
    return name, role


ARTICLE_AND_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z][\w’'\-]*")
"""An Arabic article joined to a family name, written in lower case: "al-Ansari"."""


def _place_before_a_person(word: str, name: list[str]) -> bool:
    """ "U.S." before "Alexander Darchiev" (collected backwards): a country's initials before a
    given name and a surname are the title's ("Ambassador to the U.S."), not the name's; not
    "J.J. MacNab" or "A.E. Dick Howard" (a person's), nor "U.S. Geological Survey"."""
    return (
        len(name) >= 2
        and DOTTED_INITIALS.fullmatch(word) is not None
        and (word in lexicon().places or word in _BODIES_BY_INITIALS)
        and name[-1].lower() in lexicon().genders
    )


_BODIES_BY_INITIALS = frozenset({"U.K.", "U.N.", "E.U.", "U.A.E."})


def _owners_possessive(word: str) -> bool:
    """ "Hungary's [Viktor Orban]", "North Korea's [Kim]", "Reuters' [Jane Smith]": a possessive
    before a name is its role or employer, never part of the name."""
    return strip_possessive(word) != word


def _family_name_before_given(words: list[str], index: int) -> bool:
    """ "Rep. Park Sun-won", "Moon Jae-in", "Ban Ki-moon": a short capitalised word before a
    hyphenated given name written after the family name is that family name, even when it is
    also a word ("park")."""
    word, given = words[index], words[index + 1]
    return (
        index + 2 == len(words)
        and word[:1].isupper()
        and word[1:].islower()
        and 1 < len(word) <= 5
        and GIVEN_AFTER_FAMILY.fullmatch(given) is not None
    )


def _surname_he(words: list[str], index: int) -> bool:
    """ "Chinese Vice-Premier He Lifeng": "He" between a title and a name is a surname."""
    return words[index] == "He" and index > 0 and is_title_word(words[index - 1])


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})


def surname_despite_meaning(previous: str, word: str) -> bool:
    """A capitalised last word that is also a title, a nationality or a name particle is a
    surname after a given name ("Peter King", "David French", "Yu Bin") or an honorific ("Ms.
    White", "Mr. French")."""
    if not word[:1].isupper():
        return False
    low = bare(strip_possessive(word))
    if low in DETERMINERS or (low in CONNECTORS and low not in _PARTICLES):
        return False
    if bare(previous) in _HONORIFICS:
        return True
    lex = lexicon()
    return (
        low in _SURNAME_TITLES or low in lex.nationalities or low in _PARTICLES
    ) and is_name_word(previous)  # "Yu Bin", "Wang Da": a particle last is a surname


_PARTICLES = (CONNECTORS - {"of", "for", "and", "the"}) | {"di", "del"}


def _is_particle(words: list[str], index: int) -> bool:
    """ "Bill de Blasio", "Ursula von der Leyen": a lower-case particle inside a name."""
    return (
        words[index] in _PARTICLES
        and index > 0
        and (is_name_word(words[index - 1]) or words[index - 1] in _PARTICLES)
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
    return Mention(phrase, start, end, "plural", name=without_determiner(phrase))


def without_determiner(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    return " ".join(words)


def places_possessive(word: str) -> bool:
    """ "Russia’s", "Iran's": a place's possessive (the owner of an outlet, a ministry)."""
    owner = strip_possessive(word)
    return owner != word and owner in lexicon().places


def media_label(phrase: str) -> str:
    """A medium the gazetteer does not know, as its relay is named: without a determiner, and
    without the country that owns it or who runs it when its own name is given ("Russia's RBC
    TV" -> "RBC TV", "the state-run Lyon Daily" -> "Lyon Daily"; "Iran's state TV" stays)."""
    words = without_determiner(phrase).split()
    named = next((i for i, w in enumerate(words) if not _describes_a_medium(w)), 0)
    if 0 < named < 5 and words[named][:1].isupper():
        words = words[named:]  # "state broadcaster TRT Haber", "Russian state TV channel
        # Rossiya-1", "Egypt's state-run Al-Qahera News": the name
    while len(words) > 2 and words[-1] in _KIND_AFTER_NAME and words[-2][:1].isupper():
        words = words[:-1]  # "the Harbour Gazette newspaper" -> "Harbour Gazette"
    if len(words) > 2 and words[-2:] == ["news", "agency"] and words[-3][:1].isupper():
        words = words[:-2]
    return " ".join(words)


def _describes_a_medium(word: str) -> bool:
    """A word before a medium's name that says what it is or whose: "state", "broadcaster",
    "TV", "Russian", "Egypt's"."""
    low = bare(word)
    return (
        low in _DESCRIBING_A_MEDIUM
        or low in _RUN_BY
        or low in MEDIUM_NOUNS
        or low in lexicon().nationalities
        or places_possessive(word)
    )


_KIND_AFTER_NAME = frozenset({"newspaper", "daily", "agency", "broadcaster", "website", "weekly"})


_DESCRIBING_A_MEDIUM = frozenset({"news", "outlet", "state", "public", "private"})

# Who runs a medium: "the state-run Lyon Daily"; with "state" and "government", after its name
# too ("the RIA state news agency").
_RUN_BY = frozenset({"state-run", "state-owned", "state-controlled", "government-run", "official"})
_RUN_BY_AFTER_NAME = _RUN_BY | {"state", "government"}


_SAYS_MEDIUM = MEDIUM_NOUNS | _RUN_BY | MASTHEAD_WORDS


def _named_medium(phrase: str, words: list[str]) -> str | None:
    """ "state broadcaster Dunmore Haber", "Egypt's state-run Al-Qahera News", "the Harbour
    Gazette": a medium the gazetteer does not know, named after words that describe it (or by
    a paper's title word); its name (`media_label`)."""
    if not any(bare(word) in _SAYS_MEDIUM for word in words):
        return None  # the usual phrase: no medium noun, runner or title word (a quick test)
    label = media_label(phrase)
    named = label.split()
    if not named or not all(word[:1].isupper() for word in named):
        return None
    if names_a_masthead(named):
        return label
    whole = without_determiner(phrase)
    dropped = whole[: -len(label)].lower().split()
    described = any(bare(word) in MEDIUM_NOUNS or bare(word) in _RUN_BY for word in dropped)
    return label if described and label != whole else None


def outlet_in_phrase(words: list[str]) -> OutletInfo | None:
    """A relaying outlet named by the phrase: "Russian news agency Tass", "the Sputnik report",
    "Sputnik radio" (the outlet and its medium)."""
    core = [w for w in words if bare(w) not in OUTLET_NOUNS]
    found = _outlet_ending(core)
    if found is not None:
        return found
    while len(core) > 1 and bare(core[-1]) in MEDIUM_NOUNS and not core[-1].istitle():
        core = core[:-1]  # "Sputnik radio", "Rossiya-1 TV channel": the outlet's medium
        if len(core) > 1 and core[-1] == "news":
            core = core[:-1]  # "the official KCNA news agency": "news" is the medium's too
        while len(core) > 1 and core[-1] in _RUN_BY_AFTER_NAME:
            core = core[:-1]  # "the RIA state news agency": who runs it, after its name
        found = _outlet_ending(core)
        if found is not None:
            return found
    return None


_OWNED_BY = ("-owned", "-run", "-controlled", "-funded", "-backed", "-based", "-language")


def _outlet_ending(core: list[str]) -> OutletInfo | None:
    """The outlet the words name from some word to the last, after nothing but nationalities,
    places' possessives and determiners."""
    for first in range(len(core)):
        dropped = core[:first]
        if any(
            is_capitalised(w)
            and bare(strip_possessive(w)) not in lexicon().nationalities
            and not places_possessive(w)  # "Russia’s state news agency Tass"
            and bare(w) not in DETERMINERS
            and not w.lower().endswith(_OWNED_BY)  # "Saudi-owned Al Arabiya"
            for w in dropped
        ):
            break
        found = lookup_outlet(" ".join(core[first:]), exact=True)
        if found is not None and (found.kind in OUTLET_KINDS_RELAYING or len(core) - first > 1):
            return found
    return None


def ends_in_region(name_words: list[str]) -> bool:
    """ "North Carolina", "Only Connecticut", "Orlando": a place, whatever comes before it."""
    regions = lexicon().regions
    last = strip_possessive(name_words[-1])
    return last in regions or " ".join([*name_words[-2:-1], last]) in regions
