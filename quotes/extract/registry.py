"""The article's name registry: resolves surnames, descriptions and organisation nicknames to the
fullest form used in the same article ("Patrushev" -> Nikolai Patrushev, "the Russian leader" ->
Vladimir Putin when the article names him so).

Limits: descriptions resolve only against roles written next to a name somewhere in the same
article.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from quotes.extract.classify import (
    FIRST_NAMES,
    ends_in_region,
    split_name,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import (
    DETERMINERS,
    MAX_NAME_WORDS,
    MAX_REMEMBERED,
    SENTENCE_STARTERS,
    bare,
    capitalised_adverb,
    is_capitalised,
    is_title_word,
    last_visible_at,
    name_key,
    strip_possessive,
)
from quotes.extract.name_index import KnownName, NameIndex
from quotes.extract.names import DOTTED_INITIALS, without_generational_suffix
from quotes.extract.outlets import OutletInfo, lookup_outlet, outlet_key
from quotes.extract.titles import (
    KIND_WORDS,
    ROLE_CHANGERS,
    TOP_DIPLOMAT_WORDS,
    nationality_of_owner,
    role_matches,
)

# --- Resolution -------------------------------------------------------------------------------

# Runs of word characters and of white space are possessive (`*+`, `++`): what follows them can
# never start with what they match, so giving characters back would only fail more slowly.
# Initials with dots are one word ("U.S.").
_NAME_WORD = (
    r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr)\."
    r"|[A-Z][\w’'\-]*+)"
)

# The first word is `\b{_NAME_WORD}` written to open with its capital letter, so that the regex
# engine skips ahead to capitals instead of trying every position: the boundary becomes "no word
# character before the capital" and "Mr."/"Sen."/... test their first letter behind them.
_FIRST_NAME_WORD = (
    r"[A-Z](?<!\w[A-Z])(?:\.(?:[A-Z]\.)*|(?<=M)(?:r|rs|s)\.|(?<=D)r\.|(?<=S)(?:en|t|r)\.|(?<=R)ep\."
    r"|(?<=G)(?:ov|en)\.|(?<=L)t\.|(?<=C)ol\.|(?<=J)r\.|[\w’'\-]*+)"
)

_NAME_RUN = re.compile(
    rf"{_FIRST_NAME_WORD}(?:\s++(?:{_NAME_WORD}|(?:bin|al|de|van|von|der|da|di)\b"
    r"|(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z][\w’'\-]*+))+"
)  # "Majed al-Ansari": an article joined to a family name

SUBJECT_REACH = 300
"""How far into a sentence its first name may stand and still be its subject (characters)."""

DESCRIBED_REACH = 300
"""How many names back a description ("the Russian leader") may reach for its person."""

# Bodies a title may name before the office: "the foreign ministry spokeswoman".
_BODIES_IN_TITLES = frozenset(
    {"ministry", "department", "office", "council", "agency", "committee", "party", "state"}
)

# A phrase set off by commas after a name, up to six words: its title, when it is one.
_APPOSITION = re.compile(r",\s+((?:[\w’'.-]+\s+){0,5}?[\w’'.-]+),")

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

    def institution_of(self, name: str) -> str | None:
        """The body a person's written title names: "Russian Security Council secretary Nikolai
        Patrushev" -> "Russian Security Council" (capitalised words ending in an
        organisation's head word, right before the name or its title)."""
        heads = lexicon().org_heads
        for known in self.names:
            if known.name != name:
                continue
            words = self.text[max(0, known.start - 80) : known.start].split()
            while words and not words[-1][:1].isupper() and is_title_word(words[-1]):
                words.pop()  # "secretary", "chief"
            run: list[str] = []
            for word in reversed(words):
                if not word[:1].isupper() or word.endswith((",", ".", ":")):
                    break
                run.insert(0, word)
            while run and bare(run[-1]) not in heads:
                run.pop()
            if len(run) >= 2:
                return " ".join(run)
            after = _TITLE_OF_BODY.match(self.text, known.start + len(known.name))
            if after is not None and bare(after[1].split()[-1]) in heads:
                return after[1]  # "Nikolai Patrushev, secretary of the National Security Council"
        return None

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.names: list[KnownName] = []
        self.titled: list[KnownName] = []  # surnames written only after a title
        self.by_word: dict[str, list[KnownName]] = {}
        self._org_namings: dict[str, list[tuple[int, str]]] = {}
        self._name_index: dict[str, NameIndex] = {}
        self._genders: dict[str, str | None] = {}
        self._lower_case: dict[str, bool] = {}
        self._honorifics: dict[str, str] | None = None
        self._outlets: list[tuple[int, OutletInfo]] | None = None
        self._by_start: list[KnownName] | None = None
        self._starts_of_names: list[int] | None = None
        self._starts: list[int] = []
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
            if len(_RUN_NAMES) >= MAX_REMEMBERED:
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
        role = role_words | self._role_words_before(start) | self._apposed_role(start + len(name))
        if "counterpart" in role:
            role |= self._counterparts_title(start)
        known = KnownName(name, start, frozenset(role))
        if " " not in name:
            self.titled.append(known)  # "President Obama": only for "the president" to find
            return
        self.names.append(known)
        for word in keys:
            self.by_word.setdefault(word, []).append(known)

    def outlet_named_before(self, at: int, kinds: frozenset[str]) -> OutletInfo | None:
        """The outlet of one of `kinds` (the gazetteer's) named last before `at`, within
        OUTLET_REACH characters: "TASS reported the talks. “...,” the agency said" (the agency
        is TASS). Found on the first call, for the whole text."""
        if self._outlets is None:
            self._outlets = list(_outlets_named(self.text))
        for start, outlet in reversed(self._outlets):
            if start < at and outlet.kind in kinds:
                return outlet if at - start <= OUTLET_REACH else None
        return None

    def _counterparts_title(self, start: int) -> frozenset[str]:
        """ "Chinese President Xi Jinping told his Russian counterpart Vladimir Putin": a
        counterpart holds the title of the person named just before (Putin is a president, so
        "the Russian leader" is Putin), not that person's nationality."""
        last_named = (*self.names[-1:], *self.titled[-1:])
        earlier = [k for k in last_named if start - 150 < k.start < start]
        if not earlier:
            return frozenset()
        nearest = max(earlier, key=lambda k: k.start)
        return nearest.role_words - lexicon().nationalities - DETERMINERS - {"former"}

    def _role_words_before(self, start: int) -> set[str]:
        """Lower-case title words written right before a name: "Russian security chief"."""
        words = self.text[max(0, start - 80) : start].split()
        found: set[str] = set()
        posted_to = self._opens_with_a_place(start)
        for index in range(len(words) - 1, -1, -1):
            word = words[index]
            if posted_to and word.lower() in _TITLE_CONNECTORS and _title_word_before(words, index):
                continue  # "Russian Ambassador to the [U.S. Alexander Darchiev]"
            if not is_title_word(word):
                if found and word.isupper() and 1 < len(word) <= 5:
                    continue  # "China’s UN envoy Fu Cong": the body's acronym, then the owner
                nationality = nationality_of_owner(word)  # "China’s UN ambassador Zhang Jun"
                if nationality is not None:
                    found.add(nationality)
                break
            found.add(bare(strip_possessive(word)))
        return found

    def _opens_with_a_place(self, start: int) -> bool:
        """Whether the run of a name opens with a country ("U.S. Alexander Darchiev"), the
        place a title before it may name ("Ambassador to the")."""
        first = self.text[start : start + 40].split(maxsplit=1)[:1]
        return bool(first) and (
            DOTTED_INITIALS.fullmatch(first[0]) is not None or first[0] in lexicon().places
        )

    def _apposed_role(self, end: int) -> set[str]:
        """Title words set off by commas right after a name: "Wang Yi, China's top diplomat,",
        "Maria Zakharova, the foreign ministry's spokeswoman,"."""
        if not self.text.startswith(", ", end):
            return set()
        apposed = _APPOSITION.match(self.text, end, end + 90)
        if apposed is None:
            return set()
        words = apposed.group(1).split()
        if words[0].lower() in DETERMINERS:
            words = words[1:]
        found: set[str] = set()
        for word in words:
            if is_title_word(word):
                found.add(bare(strip_possessive(word)))
            elif (nationality := nationality_of_owner(word)) is not None:
                found.add(nationality)
            elif bare(strip_possessive(word)) in _BODIES_IN_TITLES:
                found.add(bare(strip_possessive(word)))  # "the foreign ministry spokeswoman"
            elif not (word.isupper() and 1 < len(word) <= 5):
                return set()  # "Wang Yi, who met Lavrov,": no title
        if (
            not words
            or not is_title_word(words[-1])
            or words[-1].lower() in lexicon().nationalities
        ):
            return set()
        return found

    def role_words_of(self, name: str) -> frozenset[str]:
        """Every title word the article writes with this full name."""
        words: frozenset[str] = frozenset()
        for known in self.names:
            if known.name == name:
                words |= known.role_words
        return words

    def first_person_between(self, lo: int, hi: int) -> str | None:
        """The first full name written in `text[lo:hi]` (a sentence's subject, usually)."""
        starts = self._name_starts()
        last = bisect_left(starts, min(hi, lo + SUBJECT_REACH))  # a subject opens its sentence
        for index in range(bisect_left(starts, lo), last):
            known = self.names[index]
            lead = last_visible_at(self.text, lo, known.start)  # no copy of the sentence
            if lead < 0 or self.text[lead] == ",":
                return known.name
        return None

    def _name_starts(self) -> list[int]:
        """Where each full name is written (`names` are in text order, complete once made)."""
        if self._starts_of_names is None:
            self._starts_of_names = [known.start for known in self.names]
        return self._starts_of_names

    def last_person_before(self, at: int, gender: str | None = None) -> str | None:
        """The last full name written before `at`, for a pronoun with no earlier speaker; one
        that may be `gender` ("f" for she, "m" for he) when that is given: the last known to
        be, else the last not known otherwise ("she" is Mrs. Clinton, not "Great Recession")."""
        nearest_first = list(self._names_before(at))
        if gender is not None:
            for known in nearest_first:
                if self.gender_of(known.name) == gender:
                    return known.name
        for known in nearest_first:
            if gender is None or self.may_be(known.name, gender):
                return known.name
        return None

    def last_person_other_than(self, at: int, other: str | None) -> str | None:
        """The last full name written before `at` that is not `other` ("his guest" after
        "Putin hosted Xi Jinping", said of Putin's guest: Xi Jinping)."""
        return next((k.name for k in self._names_before(at) if k.name != other), None)

    def _names_before(self, at: int) -> Iterator[KnownName]:
        """The full names written before `at`, nearest first, the last DESCRIBED_REACH of them
        (a text of thousands of names must not be read whole for each pronoun)."""
        end = bisect_left(self._name_starts(), at)
        for index in range(end - 1, max(-1, end - 1 - DESCRIBED_REACH), -1):
            yield self.names[index]

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
            found = NameIndex(self._candidates(words))
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
            return [c for c in candidates if _last_name_key(c.name) == name_key(words[0])] or [
                c for c in candidates if name_key(c.name.split()[0]) == name_key(words[0])
            ]
        candidates = [c for c in candidates if _last_name_key(c.name) == name_key(words[-1])]
        return [c for c in candidates if len(c.name.split()) >= len(words)]

    def resolve_description(
        self, description: str, at: int, prefer: str | None = None
    ) -> str | None:
        """ "the Russian leader" -> the person written with a matching title, nearest before;
        `prefer` (the last speaker), when the title fits them too ("Lavrov said at talks with his
        Egyptian counterpart Sameh Shoukry ... the minister said": Lavrov, who spoke)."""
        written = {
            nationality_of_owner(w) or bare(strip_possessive(w)) for w in description.split()
        }
        wanted = written - _GENERIC_DESCRIPTION_WORDS
        if not wanted or wanted == {"chief"}:
            return None  # "chief" alone, not "the U.N. chief": whose chief is not said
        known = self._nearby_names(at)
        matches = [
            k
            for k in known
            if role_matches(wanted, k.role_words)
            and (not (k.role_words & ROLE_CHANGERS) - written or wanted <= KIND_WORDS)
            and ("former" in k.role_words) == ("former" in written)
            and (k.start <= at or at < self.lead_end)
        ]
        if "top" in written and "diplomat" in wanted:  # a country's top diplomat: its minister
            matches = [
                k
                for k in matches
                if k.role_words & TOP_DIPLOMAT_WORDS or {"top", "diplomat"} <= k.role_words
            ]
        best = _nearest(matches, at)
        if best is None:
            return None
        if prefer is not None and len(matches) > 1:
            for candidate in matches:
                if candidate.start <= at and self._full_name(candidate) == prefer:
                    return prefer
        return self._full_name(best)

    def _nearby_names(self, at: int) -> list[KnownName]:
        """The names and titled surnames written before `at` (all of them in the lead, which
        may name someone only later), the last DESCRIBED_REACH of them: a description means
        someone named not long before, and a text of thousands of names (hostile input) must
        not be read whole for each description."""
        if self._by_start is None:
            self._by_start = sorted(self.names + self.titled, key=lambda k: k.start)
            self._starts = [k.start for k in self._by_start]
        end = len(self._by_start) if at < self.lead_end else bisect_right(self._starts, at)
        return self._by_start[max(0, end - DESCRIBED_REACH) : end]

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
            full = next(iter(fulls))
            full_gender, titled_gender = self.gender_of(full), self.gender_of(titled.name)
            if full_gender is None or titled_gender in (None, full_gender):
                return full  # not Michelle Obama for "Mr. Obama", the president
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

    def spelled_out(self, acronym: str, at: int) -> str | None:
        """ "the IAEA" -> "International Atomic Energy Agency", where the article writes the
        name with the acronym after it in brackets before `at`, and the name's capitalised
        words begin with the acronym's letters."""
        found = None
        for match in re.finditer(r"\(" + re.escape(acronym) + r"\)", self.text[:at]):
            words = self.text[max(0, match.start() - 120) : match.start()].split()
            found = _initials_match(words, acronym) or found
        return found

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
            owned = prefix[1:] if prefix[0].lower() in DETERMINERS else prefix
            if _owned_by_a_country(owned):  # "Russian defence ministry", "China's foreign ..."
                found.append((match.start(), " ".join([*owned, match.group(0).split()[-1]])))
            elif all(is_capitalised(w) for w in prefix) and prefix[0].lower() not in DETERMINERS | {
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


def _owned_by_a_country(prefix: list[str]) -> bool:
    """A country's name or adjective, then one word of any case: a department of its
    government ("Russian defence", "China's foreign")."""
    if len(prefix) != 2 or not is_capitalised(prefix[0]) or not prefix[1].isalpha():
        return False
    first = strip_possessive(prefix[0])
    lex = lexicon()
    return first in lex.places or first.lower() in lex.nationalities


_TITLE_OF_BODY = re.compile(
    r",\s+(?:the\s+)?(?:[a-z\-]+\s+){0,2}?(?:secretary|head|chief|chairman|chairwoman|director"
    r"|spokesman|spokeswoman|spokesperson|president|leader) of (?:the )?"
    r"((?:[A-Z][\w’'\-]+ ){0,4}[A-Z][\w’'\-]+)"
)

_LOWER_IN_NAMES = frozenset({"of", "for", "and", "the", "on", "in", "at", "to"})


OUTLET_REACH = 1500
"""How far back "the agency", "the newspaper" may find the outlet it stands for (characters)."""

_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w.&’'-]*(?:[ \t]+[A-Z][\w.&’'-]*){0,4}")


def _outlets_named(text: str) -> Iterator[tuple[int, OutletInfo]]:
    """Outlets the gazetteer knows, where the text names them: each run of capitalised words,
    or its end ("The Xinhua", "Russian agency TASS"), looked up."""
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        for first in range(len(words)):
            outlet = lookup_outlet(strip_possessive(" ".join(words[first:])), exact=True)
            if outlet is not None:
                yield match.start(), outlet
                break


def _initials_match(words: list[str], acronym: str) -> str | None:
    """The last words, from a capitalised one, whose capitalised words' initials spell the
    acronym ("Joint Chiefs of Staff" for JCS), connecting words between them allowed."""
    for first in range(len(words) - 1, -1, -1):
        phrase = words[first:]
        if not phrase[0][:1].isupper():
            continue
        capitals = [w for w in phrase if w not in _LOWER_IN_NAMES]
        if not all(w[:1].isupper() for w in capitals):
            return None
        initials = "".join(w[0] for w in capitals)
        if initials == acronym:
            return " ".join(phrase)
        if len(initials) > len(acronym):
            return None
    return None


def _capitalised_words(name: str) -> str:
    """ "foreign ministry" -> "Foreign Ministry", "ministry of defence" -> "Ministry of Defence"."""
    words = name.split()
    return " ".join(
        w if i and w in _LOWER_IN_NAMES else w[:1].upper() + w[1:] for i, w in enumerate(words)
    )


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


_TITLE_CONNECTORS = frozenset({"to", "the"})  # "Ambassador to the U.S."


def _title_word_before(words: list[str], index: int) -> bool:
    """Whether a title word stands within two words before `words[index]`, past connectors."""
    for back in range(index - 1, max(-1, index - 3), -1):
        if is_title_word(words[back]):
            return True
        if words[back].lower() not in _TITLE_CONNECTORS:
            return False
    return False


def _name_keys(name_words: list[str]) -> tuple[str, ...]:
    """The words a full name is found by: its first and its last ("Wang" and "Yi")."""
    return tuple({_last_name_key(" ".join(name_words)), name_key(name_words[0])})


def _last_name_key(name: str) -> str:
    """The key of a name's last word, past a generational suffix ("Marcos" of "Ferdinand Marcos
    Jr.")."""
    keys = without_generational_suffix([name_key(word) for word in name.split()])
    return keys[-1] if keys else ""


_PLACE_OPENERS = frozenset(
    {"san", "santa", "fort", "port", "lake", "mount", "new", "el", "los", "las"}
)


def _run_name(run: str) -> tuple[int, str, frozenset[str], tuple[str, ...]] | None:
    """The full name a run of capitalised words gives, if any (see `Registry._add_run`)."""
    words = run.split()
    skipped = 0
    while words and (
        bare(words[0]) in SENTENCE_STARTERS
        or capitalised_adverb(bare(words[0]))
        or bare(words[0]) in lexicon().speech_verbs
    ):
        skipped += len(words[0]) + 1
        words = words[1:]
    for index, word in enumerate(words[1:], 1):
        low = bare(word)
        if low.endswith("s") and low in lexicon().speech_verbs:
            words = words[:index]  # "Trump Calls Clinton ‘Crooked’": a headline's verb ends it
            break
    name_words, role_words = split_name(words)
    while len(name_words) > 1 and bare(name_words[-1]) in lexicon().media_nouns:
        name_words = name_words[:-1]  # "President Obama Speech at ...": a caption, not a name
    titled = len(name_words) == 1 and any(is_title_word(w) for w in role_words)
    if (len(name_words) < 2 and not titled) or len(name_words) > MAX_NAME_WORDS:
        return None  # one word is kept only after a title ("President Obama"): see _add_run
    if words and words[0].lower() == "the":
        return None
    name_words = [*name_words[:-1], strip_possessive(name_words[-1])]
    if any(bare(w) in lexicon().org_heads - FIRST_NAMES for w in name_words):
        return None
    lex = lexicon()
    places = lex.places
    given = name_words[0].lower() in lex.genders and len(name_words) > 1
    if (any(w in places for w in name_words) and not given) or ends_in_region(name_words):
        return None  # "Moscow Mayor", not "Steve Israel" or "Mike Paris"
    if " ".join(name_words).lower() in lex.nationalities:
        return None  # "North Korean [leader Kim Jong Un]": a nationality
    if " ".join(name_words) in places or bare(name_words[0]) in _PLACE_OPENERS:
        return None  # "to the United States", "San Bernardino", "El Universal": no person
    if lookup_outlet(" ".join(name_words), exact=True) is not None:
        return None  # "RIA Novosti", "Kyodo News": an outlet the gazetteer knows, never "he"
    role = frozenset(bare(strip_possessive(w)) for w in role_words)
    keys = _name_keys(name_words)
    return skipped, " ".join(name_words), role, keys


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
