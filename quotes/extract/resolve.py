"""Resolve a cue's phrase to a speaker: pronouns to the latest fitting speaker, descriptions and
offices to the person the article names, documents to who issued them, and remember listeners."""

from __future__ import annotations

import re
from dataclasses import replace

from quotes.extract.cue_subjects import (
    AS_SUBJECT,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    DESCRIBING_PREPOSITIONS,
    OUTLET_BY_KIND,
    OUTLET_KINDS_RELAYING,
    Mention,
    Via,
    bare,
    is_title_word,
    last_visible_at,
    outlet_noun,
    strip_possessive,
)
from quotes.extract.outlets import OutletInfo, lookup_outlet
from quotes.extract.registry import (
    Registry,
    country_government,
)
from quotes.extract.state import (
    INDEFINITE,
    Cue,
    Speaker,
    State,
)
from quotes.extract.subjects import (
    sentence_subject,
    subject_after,
)

# --- Speakers ---------------------------------------------------------------------------------


def resolve_speaker(mention: Mention, registry: Registry, state: State, at: int) -> Speaker | None:
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
        if mention.text.lower() in AS_SUBJECT:
            mention = replace(mention, text=AS_SUBJECT[mention.text.lower()])
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
            or _other_party(mention, registry, state, at)
            or _documents_author(mention, registry, state, at)
            or _issued_before(mention, registry, state, at)
            or _the_outlet(mention, registry, state, at)
        )
        if own is not None:
            return own
    if kind == "description" and mention.role:
        indefinite = mention.text.split()[0].lower() in INDEFINITE
        last = state.last_person.name if state.last_person is not None else None
        person = None if indefinite else _described_person(mention.role, registry, at, last)
        if person is None and not indefinite and _titles_the_last_speaker(mention, registry, state):
            person = last
        if person is None:
            person = _of_that_age(mention.text, registry, at)
        if person is not None:
            return Speaker(person, "person", mention.role, mention.text)
        same = None if indefinite else _the_same_unnamed(mention, state)
        if same is not None:
            return same
        return Speaker(_without_article(mention.text), "description", mention.role, mention.text)
    if kind == "organisation" and mention.name in lexicon().places and _goes_by(mention, registry):
        return Speaker(registry.resolve_name(mention.name, at), "person", None, mention.text)
    if kind == "organisation" and mention.name:
        government = _leaders_government(mention.name, registry, at) or _officials_body(
            mention.name, registry, at
        )
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


_AGED = re.compile(r"[Tt]he (\d{1,3})-year-old")


def _of_that_age(description: str, registry: Registry, at: int) -> str | None:
    """ "the 81-year-old said" after "Jane Smith, 81, has lived ...": the person the article
    gave that age, written as "Name, 81," before it (nearest first)."""
    aged = _AGED.fullmatch(description)
    if aged is None:
        return None
    text = registry.text
    lo = max(0, at - 3000)
    given = max(text.rfind(f", {aged[1]}{after}", lo, at) for after in ",.;")
    if given < 0:
        return None
    person = registry.last_person_before(given)
    if person is None:
        return None
    end = last_visible_at(text, 0, given) + 1  # the name right before ", 81," (no text copied)
    surname = person.split()[-1]
    written = end >= len(surname) and text.startswith(surname, end - len(surname), end)
    return person if written else None


def _goes_by(mention: Mention, registry: Registry) -> bool:
    """ "Paris, who used to work on Capitol Hill, said": a person of that name, not the place
    (but not "a professor in South Africa, who likened ...": the place of someone named)."""
    if not _WHO_AFTER.match(registry.text, mention.end):
        return False
    before = registry.text[max(0, mention.start - 12) : mention.start].split()
    return not before or before[-1].lower() not in DESCRIBING_PREPOSITIONS | {"in", "of"}


_WHO_AFTER = re.compile(r",\s+who\b")

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


def _its_own_document(mention: Mention, state: State) -> Speaker | None:
    """ "Its report added that ..." after "Xinhua said": the body last quoted speaks on."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] not in ("its", "their") or words[1] not in _DOCUMENTS:
        return None
    body = state.last_org
    return body.written_as(mention.text) if body is not None else None


_OUTLET_KIND_OF_NOUN = {
    "newspaper": "newspaper",
    "paper": "newspaper",
    "daily": "newspaper",
    "agency": "news agency",
    "broadcaster": "broadcaster",
}

# Nouns for any outlet that relays ("according to the publication").
_ANY_OUTLET_NOUNS = frozenset({"publication", "outlet"})


def _the_outlet(mention: Mention, registry: Registry, state: State, at: int) -> Speaker | None:
    """ "The newspaper, which is published by the People's Daily, accused Washington" after "An
    editorial in the Global Times said": the outlet last heard from, when the gazetteer knows
    it as that kind of outlet (a newspaper, a news agency, a broadcaster); else the last one
    of that kind the text named ("TASS reported the talks. “...,” the agency said")."""
    meant = _outlet_meant(mention.text, registry, state, at)
    if meant is None:
        return None
    if isinstance(meant, Speaker):
        return meant.written_as(mention.text)
    return Speaker(meant.name, "outlet", None, mention.text)


def _outlet_meant(
    phrase: str, registry: Registry, state: State, at: int
) -> Speaker | OutletInfo | None:
    """The outlet "the newspaper", "the agency", "the publication" stands for (`_the_outlet`)."""
    written = OUTLET_BY_KIND.fullmatch(phrase)
    if written is None:
        return None
    noun = outlet_noun(written)
    kinds = OUTLET_KINDS_RELAYING if noun in _ANY_OUTLET_NOUNS else {_OUTLET_KIND_OF_NOUN[noun]}
    body = state.last_org
    outlet = lookup_outlet(body.name, exact=True) if body is not None else None
    if body is not None and outlet is not None and outlet.kind in kinds:
        return body
    return registry.outlet_named_before(at, frozenset(kinds))


def relay_meant(via: Via, registry: Registry, state: State, at: int) -> Via | None:
    """A relay named by its kind ("“...,” Peskov said, according to the agency" after "...,
    RIA Novosti reported"): the outlet of that kind the article named last; else as written,
    except an outlet spoken to ("told the newspaper") that the article never named: None."""
    if lookup_outlet(via.name, exact=True) is not None:
        return via
    meant = _outlet_meant(via.text, registry, state, at)
    if meant is not None:
        return replace(via, name=meant.name)
    if via.spoken_to and OUTLET_BY_KIND.fullmatch(via.text):
        return None
    return via


_DOCUMENT_FROM = re.compile(
    r"(?:[Aa]n?|[Tt]he) (?:\w+ )?(?:statement|readout|letter|release|communique) (?:from|by) "
)


def _documents_author(
    mention: Mention, registry: Registry, state: State, at: int
) -> Speaker | None:
    """ "A statement from the Chinese embassy said": the embassy speaks (its statement is the
    relay, as "in a statement" is)."""
    document = _DOCUMENT_FROM.match(mention.text)
    if document is None:
        return None
    author = subject_after(registry.text, mention.start + document.end() - 1, mention.end)
    if author is None or author.kind not in ("person", "organisation"):
        return None
    speaker = resolve_speaker(author, registry, state, at)
    return speaker.written_as(mention.text) if speaker is not None else None


_PARTIES = frozenset({"guest", "host", "visitor", "counterpart", "interlocutor"})


def _other_party(mention: Mention, registry: Registry, state: State, at: int) -> Speaker | None:
    """ "his guest", "her host" in an exchange: the last person quoted before the one "his" or
    "her" means (the last person spoken of); none quoted yet, the last other person named."""
    words = mention.text.lower().split()
    if len(words) != 2 or words[0] not in ("his", "her", "their") or words[1] not in _PARTIES:
        return None
    owner = state.last_person.name if state.last_person is not None else None
    for quotation in reversed(state.results[-20:]):
        speaker = quotation.speaker
        if quotation.speaker_kind == "person" and speaker not in (None, owner):
            if " and " in speaker:
                continue  # "Moscow and Beijing": no one's guest
            return Speaker(speaker, "person", words[1], mention.text)
    named = registry.last_person_other_than(at, owner) if owner is not None else None
    return Speaker(named, "person", words[1], mention.text) if named is not None else None


_THE_DOCUMENT = re.compile(r"[Tt]he (statement|readout|communique|letter|declaration)")


def _issued_before(mention: Mention, registry: Registry, state: State, at: int) -> Speaker | None:
    """ "China's foreign ministry issued a statement after the talks. “...,” the statement says"
    (or "... said in a statement that ...", "according to a statement from the presidency"):
    the document speaks for whoever the sentence before says issued it."""
    document = _THE_DOCUMENT.fullmatch(mention.text)
    lo, hi = state.previous_sentence
    if document is None or lo < 0:
        return None
    issued = re.search(
        r"\b(?:(?:issued|released|published|put out|posted)\s+"
        r"|(?:said|says|stated|announced|declared|warned)\s+(?:on\s+\w+\s+)?in\s+)"
        r"(?:an?|its|their)\s+(?:[\w-]+\s+)?" + document.group(1),
        registry.text[lo:hi],
    )
    if issued is None:
        written = re.search(  # "According to a statement from the French presidency, ..."
            r"\b(?:an?|the)\s+(?:[\w-]+\s+)?" + document.group(1) + r"\s+(?:from|by)\s+",
            registry.text[lo:hi],
        )
        author = subject_after(registry.text, lo + written.end(), hi) if written else None
    else:
        author = sentence_subject(registry.text, lo, lo + issued.start())
    if author is None or author.kind not in ("person", "organisation"):
        return None
    speaker = resolve_speaker(author, registry, state, lo)
    return speaker.written_as(mention.text) if speaker is not None else None


_LEADERS_GOVERNMENT = re.compile(r"(.+?)[’']s (?:government|administration|cabinet)")


def _leaders_government(name: str, registry: Registry, at: int) -> str | None:
    """ "Xi’s government" after "Chinese President Xi Jinping": the Chinese government."""
    match = _LEADERS_GOVERNMENT.fullmatch(name)
    if match is None:
        return None
    nationality = registry.nationality_of(registry.resolve_name(match.group(1), at))
    return f"{nationality} government" if nationality is not None else None


_OFFICIALS_OFFICE = re.compile(r"(.+?)[’']s (?:office|press office|press service|secretariat)")


def _officials_body(name: str, registry: Registry, at: int) -> str | None:
    """ "Patrushev’s office" after "Russian Security Council secretary Nikolai Patrushev": the
    Russian Security Council, the body his title names."""
    match = _OFFICIALS_OFFICE.fullmatch(name)
    if match is None:
        return None
    return registry.institution_of(registry.resolve_name(match.group(1), at))


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


def _the_same_unnamed(mention: Mention, state: State) -> Speaker | None:
    """ "A source in the ministry told Sputnik ... “...,” the source said": the unnamed speaker
    just quoted, named again by the head of its description."""
    words = mention.text.lower().split()
    quoted = state.last_quote
    if words[0] not in ("the", "that", "this") or len(words) > 3 or quoted is None:
        return None
    speaker, paragraph, _ = quoted
    if speaker.kind != "description" or paragraph < state.paragraph - 1 or not speaker.role:
        return None
    head = _AFTER_HEAD_NOUN.split(speaker.role.lower(), maxsplit=1)[0].split()
    if not head or words[-1] != head[-1] or not set(words[1:]) <= set(head):
        return None  # not "the Louisiana governor" after "the New Jersey governor"
    return speaker.written_as(mention.text)


# What follows the head noun of a description ("source in the ministry", "official close to
# the talks", "diplomat familiar with the matter").
_AFTER_HEAD_NOUN = re.compile(
    " (?:"
    + "|".join(sorted(DESCRIBING_PREPOSITIONS | {"on", "close", "familiar", "briefed"}))
    + ") "
)


def _titles_the_last_speaker(mention: Mention, registry: Registry, state: State) -> bool:
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
    if name.isupper() and name.isalpha() and 2 <= len(name) <= 6:
        return registry.spelled_out(name, at) or name  # "the JCS": spelled out earlier
    if name[:1].islower():
        expanded = registry.expand_organisation(name, at)
        outlet = lookup_outlet(expanded, exact=True)
        return outlet.name if outlet is not None else expanded
    return name


def _gender_of_role(role: str | None) -> str | None:
    """ "Mrs." -> "f", "spokesman" -> "m" (the lexicon's gendered words); None for most roles."""
    return lexicon().genders.get(bare(role.split()[-1])) if role else None


_DOUBLE_MARK = re.compile(r"[“”\"«»„]|''")


def _he_or_she(mention: Mention, registry: Registry, state: State, at: int) -> Speaker | None:
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


def _resolve_pronoun(mention: Mention, state: State) -> Speaker | None:
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
    return len(words) > 1 and words[0] in INDEFINITE and words[-1] in _UNNAMED_OFFICIALS


_UNNAMED_OFFICIALS = frozenset(
    "spokesman spokeswoman spokesperson official diplomat source aide adviser advisor officer "
    "representative".split()
)


def remember_listener(
    text: str, cue: Cue, speaker: Speaker, hi: int, lo: int, registry: Registry, state: State
) -> None:
    """ "Xi told Putin": the two of them are who "they" means next. "Rubio was asked by Gerard
    Baker “...”": the one asked, who answers, is who "he" means next."""
    if cue.verb.endswith(" by"):
        asked = sentence_subject(text, lo, cue.start)
        person = resolve_speaker(asked, registry, state, lo) if asked is not None else None
        if person is not None and person.kind == "person":
            state.last_person = person
        return
    if cue.verb not in ("told", "tells", "telling") or speaker.kind != "person":
        return
    listener = subject_after(text, cue.end, hi)
    if listener is not None and listener.kind == "person":
        heard = resolve_speaker(listener, registry, state, lo)
        if heard is not None and heard.name != speaker.name:
            state.last_plural = Speaker(f"{speaker.name} and {heard.name}", "plural", None, "")


def remember(speaker: Speaker, state: State) -> None:
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
