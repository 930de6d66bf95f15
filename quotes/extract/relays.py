"""Relays: the outlet a remark came through ("according to a Tass report", "Xinhua said", "told
RIA Novosti"), found in a sentence and carried to the same speaker's next quotations until
another speaker or account takes over."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from quotes.extract.classify import (
    media_label,
    outlet_in_phrase,
    places_possessive,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    DETERMINERS,
    MEDIUM_NOUNS,
    OUTLET_BY_KIND,
    OUTLET_KINDS_RELAYING,
    Mention,
    Via,
    bare,
    names_a_masthead,
    strip_possessive,
)
from quotes.extract.outlets import (
    CHANNEL_FORMS,
    OutletInfo,
    lookup_outlet,
    outlet_key,
    platforms,
)
from quotes.extract.subjects import subject_after

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

# A record of the speaker's own words, wherever it was published, is no outlet that relayed them:
# "according to a transcript ...", "according to a Russian translation of his remarks".
_OWN_RECORD = re.compile(
    r"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:transcript|translation)s?\b"
    r"|(?:an?|the)\s+(?:press\s+|White\s+House\s+)?pool\b"  # "according to a pool report"
)


def is_own_record(phrase: str) -> bool:
    """ "a transcript published on the ministry's website", "a Russian translation of his
    remarks", "a pool report": the speaker's own words on record, no relay and no source."""
    return _OWN_RECORD.match(phrase) is not None


# "wrote on Telegram", "said in a video posted on his Weibo account", "posted on X", "in a Telegram
# post": a platform the words were put on is their relay. Platform names keep their case.
_PLATFORM_NAMES = "|".join(re.escape(name) for name in sorted(platforms(), key=len, reverse=True))
_ON_PLATFORM = re.compile(
    r"\b(?:wr[io]te|writes|writing|written|posted|posts|posting|post|said|says|saying|tweeted"
    r"|published|shared|statement|video|message|comments|remarks|address)\b"
    r"(?:\s+(?:in|via)\s+(?:an?|his|her|its|their|the)\s+(?:[\w-]+\s+)?(?:video|post|statement"
    r"|message|address|interview|comments?|remarks))?"
    r"(?:\s+(?:posted|published|released|shared|broadcast|carried))?"
    r"\s+on\s+(?:(?:his|her|its|their|the|an?)\s+)?"
    r"(?:(?:official|messaging|app|social|media|network|platform|microblogging|site|service)\s+)"
    r"{0,3}(" + _PLATFORM_NAMES + r")(?![\w-])"
    r"|\b(?:[Ii]n|[Vv]ia)\s+(?:an?|his|her|its|their|the)\s+(" + _PLATFORM_NAMES + r")\s+"
    r"(?:post|statement|video|message|channel)\b"
)
# A platform's name as a word: the quick test before `_ON_PLATFORM` is tried on a part.
_PLATFORM_NAMED = re.compile(r"(?<![\w-])(?:" + _PLATFORM_NAMES + r")(?![\w-])")

# Lower-cased words one of which every `_ON_PLATFORM` phrase holds (for `relay_markers`).
_PLATFORM_MARKERS = (
    *(f"on {name.lower()}" if len(name) < 3 else name.lower() for name in platforms()),
    "x account",
    "x post",
)

# "In comments carried by state media, Raisi said", "in remarks aired on state television"
_CARRIED_BY = re.compile(
    r"\b(?:comments|remarks|address|speech|words|interview|briefing|conference|appearance)\s+"
    r"(?:carried|broadcast|aired|televised|published|reported)(?:\s+live)?\s+(?:by|on)\s+"
    r"([^,.;:“”\"«»()]{2,60})"
)

_CARRIED_WORDS = re.compile(r"carried|broadcast|aired|televised|published|reported ")

_TOLD_OUTLET = re.compile(
    r"\b(?:told|telling|tells|tell|[Ss]peaking (?:to|with|on)|[Tt]alking to"
    r"|(?:said|says|saying|[Aa]ppearing|appeared) on"  # "said on Russian state television"
    r"|[Ww](?:r[io]te|rites|riting) (?:in|for)"  # "wrote in Kommersant", "Writing for the FT"
    r"|(?:article|op-ed|column|essay|commentary) (?:for|in)"  # "in an op-ed for the FT"
    r"|(?:remarks|comments) to"  # "in remarks to AFP", "in written comments to Reuters"
    r"|[Aa]sked by|(?:a |the )?question (?:from|by))"  # "when asked by Sputnik", "answering a
    # question from TASS": the outlet whose question drew the words
    r"\s+([^,.;:“”\"«»()]{2,60})"
)

# The said-on and written-in phrases of `_TOLD_OUTLET` (relay markers too).
_ON_OR_IN_OUTLET = (
    "said on", "says on", "saying on", "appearing on", "appeared on", "wrote in", "wrote for",
    "writes in", "writes for", "writing in", "writing for", "op-ed", "column for", "column in",
    "article for", "article in", "essay for", "essay in", "commentary for", "commentary in",
    "remarks to", "comments to", "asked by", "question from", "question by",
)  # fmt: skip

# Words one of which every `_TOLD_OUTLET` phrase holds: the quick test before it is tried.
_TOLD_WORDS = ("told", "tell", "king ", "write in", "write for", *_ON_OR_IN_OUTLET)

# "quoted by Interfax as saying", "told reporters, as quoted by Interfax", "cited by TASS", "as
# reported by Reuters", "first reported by Axios"
_QUOTED_BY = re.compile(
    r"\b(?:[Qq]uoted|[Cc]ited|(?:[Aa]s|first|originally) reported)(?:\s+as\s+saying)?\s+by\s+"
    r"([^,.;:“”\"«»()]{2,60}?)"
    r"(?:\s+as\s+saying|\s+on\s+\w+day|\s*(?=[,.;:“”\"]|$))"
)

_QUOTED_BY_WORDS = re.compile(r"[Qq]uoted|[Cc]ited|reported by")

_MEDIA_WORDS = frozenset(
    {
        "media",
        "television",
        "tv",
        "radio",
        "agency",
        "agencies",
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
    author = _DOCUMENTS_AUTHOR.search(words) or _AUTHORS_DOCUMENT.match(words.strip())
    if author is not None and author.group(2) not in lexicon().places:
        through = relay_outlet(author.group(2))
        if through is not None or author.group(1) is not None:  # "from the Kremlin", not
            return through or Via(author.group(2), words.strip())  # "from Beijing": a place
    cleaned = _trim_relay_words(words)
    if not cleaned or _OWNERS_DOCUMENT.search(cleaned):
        return None  # "a statement by his ministry": the speaker's own, no outlet named
    outlet = lookup_outlet(cleaned)
    if outlet is not None and outlet.kind == "other":
        outlet = _named_at_the_end(cleaned) or outlet  # "state media KCNA": KCNA
    if (
        outlet is not None
        and not _inside_another_name(cleaned, outlet)
        and not _written_in_lower_case(cleaned, outlet)
    ):
        return Via(outlet.name, words.strip())
    owners = _owners_outlet(cleaned.split())
    if owners is not None:  # "CNN's Jake Tapper", "ABC News' David Muir": that outlet's journalist
        return Via(owners.name, words.strip())
    tokens = {bare(w) for w in cleaned.split()}
    if tokens & _MEDIA_WORDS or names_a_masthead(cleaned.split()):
        return Via(media_label(cleaned), words.strip())
    return None


def _owners_outlet(words: list[str]) -> OutletInfo | None:
    """The news outlet named in the possessive among a phrase's first words ("CNN's Jake
    Tapper", "ABC News' David Muir"), if any."""
    for index, word in enumerate(words[:4]):
        owner = strip_possessive(word)
        if owner != word:
            outlet = lookup_outlet(" ".join([*words[:index], owner]), exact=True)
            return outlet if outlet is not None and outlet.kind in OUTLET_KINDS_RELAYING else None
    return None


# "a readout of the call released by the Kremlin", "the Kremlin's readout of the call": the
# document's author is the relay, named as "according to a Kremlin readout" names it.
_DOCUMENTS_AUTHOR = re.compile(
    r"\b(?:statement|readout|communique)\b[^,;:]{0,40}?"
    r"\b(?:by|from)\s+(the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4}"
    r"(?:\s+(?:presidency|government|ministry|office|embassy|military|army|side))?)\s*$"
)  # "a statement from the French presidency": its author
_OWNERS_DOCUMENT = re.compile(
    r"\b(?:statement|readout|communique|release)\s+(?:by|from)\s+(?:his|her|its|their)\s"
)
_AUTHORS_DOCUMENT = re.compile(
    r"([Tt]he\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})[’']s\s+"
    r"(?:statement|readout|communique)\b"
)


def _named_at_the_end(phrase: str) -> OutletInfo | None:
    """The outlet a phrase names in its last words, after a generic one ("state media KCNA")."""
    words = phrase.split()
    for first in range(1, min(len(words), 4)):
        outlet = lookup_outlet(" ".join(words[first:]), exact=True)
        if outlet is not None and outlet.kind != "other":
            return outlet
    return None


def _inside_another_name(phrase: str, outlet: OutletInfo) -> bool:
    """ "the National Golf Foundation" holds "The National" but names a foundation, "the Moscow
    Times" holds "The Times" but names another paper: the outlet's words run on into more
    capitalised words, or follow one that is no nationality or country's possessive ("the
    British Guardian" and "Russia's Tass" are those outlets)."""
    words = phrase.split()
    if sum(1 for word in words if word[:1].isupper()) < 2:
        return False  # one capitalised word at most: nothing to run on into (the usual case)
    found = _outlet_run(words, {outlet_key(name) for name in (outlet.name, *outlet.aliases)})
    if found is None:
        return False
    first, size = found
    after = words[first + size : first + size + 1]
    before = words[first - 1] if first else ""
    return (bool(after) and after[0][:1].isupper()) or _names_more(before)


def _written_in_lower_case(phrase: str, outlet: OutletInfo) -> bool:
    """ "an independent observer" holds the words of "The Independent", in lower case and among
    other words: no name ("state media" said whole is one)."""
    keys = {outlet_key(name) for name in (outlet.name, *outlet.aliases) if not name.islower()}
    if not keys or outlet_key(phrase) in keys:
        return False
    words = phrase.split()
    found = _outlet_run(words, keys)
    if found is None:
        return False
    first, size = found
    return not any(word[:1].isupper() for word in words[first : first + size])


def _outlet_run(words: list[str], keys: set[str]) -> tuple[int, int] | None:
    """Where the longest run of `words` that is one of an outlet's names (`keys`) stands: its
    first word and length. A run starts after an article ("a Tass report")."""
    for size in range(len(words), 0, -1):
        for first in range(len(words) - size + 1):
            if bare(words[first]) in DETERMINERS:
                continue
            if outlet_key(" ".join(words[first : first + size])) in keys:
                return first, size
    return None


def _names_more(word: str) -> bool:
    """A capitalised word before an outlet's name that makes it part of another name."""
    return (
        word[:1].isupper()
        and bare(strip_possessive(word)) not in lexicon().nationalities
        and not places_possessive(word)
        and bare(word) not in DETERMINERS
    )


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


def _names_first(listener: list[str]) -> bool:
    """ "Speaking to the BBC", "talking to state TV": the listener phrase opens with a name or
    with words of an outlet's name, not with other listeners."""
    first = listener[0]
    return first[:1].isupper() or bare(first) in ("the", *_WORDS_IN_OUTLET_PHRASES)


def _unlisted_media(words: list[str]) -> bool:
    """ "the Hurriyet daily", "state broadcaster VGTRK", "state TV": a medium the gazetteer does
    not know, named (a capitalised word past the first) or state-run, told something."""
    if len(words) > 1 and places_possessive(words[0]):
        words = words[1:]  # "Iran's state TV": a state's medium
    if names_a_masthead(words):
        return True  # "the Harbour Gazette"
    lowered = [bare(word) for word in words]
    if not lowered or not set(lowered) & MEDIUM_NOUNS or lowered[0] in _NOT_AN_OUTLET_OPENING:
        return False  # not "told a TV interviewer", "told his radio audience"
    last = words[-1]
    named_last = last[:1].isupper() or last.isdigit()  # "Channel 12", "Lyon 24"
    if lowered[-1] not in MEDIUM_NOUNS and not (named_last and lowered[-2:-1] != ["of"]):
        return False  # "the ... television channel", "broadcaster VGTRK"; not "... of Monday"
    named = any(word[:1].isupper() and bare(word) not in MEDIUM_NOUNS for word in words[1:])
    named = named or (len(words) > 1 and words[0][:1].isupper() and named_last)
    return named or lowered[0] in ("state", "state-run", "state-owned", "official")


_NOT_AN_OUTLET_OPENING = frozenset({"a", "an", "his", "her", "their", "its", "my", "our", "your"})


def _leading_name_words(words: list[str], numbered: bool = False) -> list[str]:
    """ "the Associated Press last week her group ..." -> "the Associated Press": the words a
    listener's name can be, up to the first lower-case word after a capitalised one ("told the
    state-run TASS news agency", "told the AP her ..."); `numbered`, a number after a name is
    part of it ("the Rossiya 1 television channel")."""
    named = False
    for index, word in enumerate(words):
        if word[:1].isupper() or (numbered and named and word.isdigit()):  # "Rossiya 1 channel"
            named = True
        elif named and word not in _WORDS_IN_OUTLET_PHRASES:
            return words[:index]
    return words


# Lower-case words a phrase naming an outlet holds ("German broadcaster ZDF", "Russia's state
# news agency Tass").
_WORDS_IN_OUTLET_PHRASES = frozenset(
    "of news agency state state-run state-owned broadcaster newspaper daily television radio "
    "channel network outlet website magazine tabloid service wire public private weekly".split()
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


_VIA_MARKERS = (
    "ccording",
    "quoted",
    "cited by",
    *CHANNEL_FORMS,
    "told",
    "tell",
    "carried",
    "published",
    "speaking to",
    "speaking with",
    "speaking on",
    "talking to",
    *_ON_OR_IN_OUTLET,
    "aired",
    "televised",
    *_PLATFORM_MARKERS,
)


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
            *((_QUOTED_BY,) if _QUOTED_BY_WORDS.search(part) is not None else ()),
        )
        for pattern in segment_patterns:
            for match in pattern.finditer(text, lo_part, hi_part):
                if pattern is _ACCORDING and is_own_record(match.group(1)):
                    continue  # "according to a transcript published on the ministry's website"
                via = relay_outlet(match.group(1))
                if pattern is _ACCORDING:
                    source = subject_after(text, match.start(1), hi_part)
                    if source is not None and source.kind == "person" and not _news(via):
                        continue  # "according to Kremlin spokesman Dmitry Peskov": he speaks
                    if via is None:
                        via = named_body(source)  # "..., according to the Communications Office"
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
        if _PLATFORM_NAMED.search(text, lo_part, hi_part) is not None:
            found.extend(_on_platform(text, lo_part, hi_part))
        carried = _CARRIED_WORDS.search(text, lo_part, hi_part) is not None
        for match in _CARRIED_BY.finditer(text, lo_part, hi_part) if carried else ():
            via = relay_outlet(match.group(1))
            if via is not None:
                found.append((match.start(), via))
        lowered = part.lower()
        told = any(word in lowered for word in _TOLD_WORDS)
        for match in _TOLD_OUTLET.finditer(text, lo_part, hi_part) if told else ():
            listener = _trim_relay_words(match.group(1)).split()
            opening = match.group(0)[0]
            if opening in "Tt" and _OUTLETS_REPORTER.match(match.group(1)):
                listener = listener[1:]  # "told a Reuters reporter": Reuters
            by_kind = _outlet_by_kind(match.group(1))
            if by_kind is not None:  # "the official told the newspaper": the one named before
                found.append((match.start(), by_kind))
                continue
            if not listener or (opening in "SsTtAaq" and not _names_first(listener)):
                continue  # "Speaking to dignitaries and ... on the National Mall": no outlet;
                # "asked by a CNN reporter" at a news conference: CNN is not the channel
            words = _leading_name_words(listener)
            outlet = outlet_in_phrase(words) if words else None
            if outlet is None and (numbered := _leading_name_words(listener, True)) != words:
                outlet = outlet_in_phrase(numbered)  # "told Rossiya 24", "told France 24"
            if outlet is None and words:
                outlet = _owners_outlet(words)  # "Speaking to CNN's Jake Tapper"
            if outlet is not None and outlet.kind in OUTLET_KINDS_RELAYING:
                found.append((match.start(), Via(outlet.name, match.group(1).strip(), True)))
            elif outlet is None and _unlisted_media(words := _leading_name_words(listener, True)):
                found.append((match.start(), Via(media_label(" ".join(words)), "")))
    found.sort(key=lambda item: item[0])
    return found


def _outlet_by_kind(listener: str) -> Via | None:
    """ "the newspaper", "the state news agency" as the one spoken to, with nothing named after
    it (not "the newspaper Kommersant"): a relay to resolve as "according to the agency" is."""
    written = OUTLET_BY_KIND.match(listener)
    if written is None or listener[written.end() :].strip()[:1].isupper():
        return None
    if not written.group(0)[4:].islower():
        return None  # "the Dunmore Herald daily": a name
    via = relay_outlet(written.group(0))
    return Via(via.name, via.text, True) if via is not None else None


# "a Reuters reporter", "an AFP correspondent": one who works for the outlet named.
_OUTLETS_REPORTER = re.compile(
    r"an? [A-Z][\w.&\-]*(?: [A-Z][\w.&\-]*){0,3} (?:reporter|correspondent|journalist|interviewer"
    r"|crew|team)\b"
)


def _on_platform(text: str, lo: int, hi: int) -> Iterator[tuple[int, Via]]:
    """ "wrote on Telegram", "in a Weibo post": the platform, as a relay."""
    for match in _ON_PLATFORM.finditer(text, lo, hi):
        name = match.group(1) or match.group(2)
        yield match.start(), Via(platforms()[name], match.group(0).strip())


def named_body(source: Mention | None) -> Via | None:
    """A named body that gives a remark ("according to the presidency") is its relay, when the
    remark is another's ("Erdogan told Putin ..., according to the presidency")."""
    if source is None or source.kind != "organisation" or not source.name:
        return None
    if not any(word[:1].isupper() for word in source.text.split()):
        return None  # "according to state law", "according to a court document": no body named
    return Via(source.name, source.text)


def _news(via: Via | None) -> bool:
    """Whether a relay is a news outlet (not a government body, not unknown)."""
    outlet = lookup_outlet(via.name, exact=True) if via is not None else None
    return outlet is not None and outlet.kind in OUTLET_KINDS_RELAYING


def _negated(text: str, at: int) -> bool:
    """ "statements that were not published in a report by Xinhua": no relay."""
    window = text[max(0, at - 40) : at].lower().split()
    return "not" in window[-5:] or "never" in window[-5:]
