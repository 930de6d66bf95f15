"""Titles a description is matched against: "the Ukrainian leader" is the one written "Ukraine's
President ...", "the diplomat" an ambassador or envoy, "the U.N. chief" its Secretary-General
(`quotes.extract.registry` holds the names and their title words; this is how words match)."""

from __future__ import annotations

from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import strip_possessive

LEADER_WORDS = frozenset(
    {"president", "premier", "chancellor", "prime", "leader", "king", "supremo", "chairman"}
)

CHIEF_WORDS = LEADER_WORDS | {
    "secretary-general", "director", "director-general", "head", "commissioner", "chief"
}  # fmt: skip

DIPLOMAT_WORDS = frozenset({"diplomat", "foreign", "ambassador", "envoy", "councillor", "supremo"})

TOP_DIPLOMAT_WORDS = frozenset({"foreign", "councillor", "supremo"})

# Words for whoever represents a country abroad: "the Chinese representative" is its envoy.
REPRESENTATIVE_WORDS = frozenset({"representative", "ambassador", "envoy", "delegate"})

ROLE_CHANGERS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant"})

# Descriptions of a kind of office, not of one post: a deputy foreign minister is "the diplomat"
# (though not "the minister").
KIND_WORDS = frozenset({"diplomat", "envoy", "representative"})


def nationality_of_owner(word: str) -> str | None:
    """ "China’s" in "China’s top diplomat" -> "chinese", the word the title would hold."""
    owner = strip_possessive(word)
    return None if owner == word else nationality_of_place(owner)


def nationality_of_place(place: str) -> str | None:
    """ "China" -> "chinese": the nationality of a country the lexicon knows by one word."""
    government = lexicon().places.get(place)
    if government is None or not government.endswith(" government") or " " in place:
        return None
    nationality = government.split()[0].lower()
    return nationality if " " not in government[: -len(" government")] else None


def role_matches(wanted: set[str], role_words: frozenset[str]) -> bool:
    """Whether every word of a description is, or stands for, one of a name's title words."""
    for word in wanted:
        if word in role_words:
            continue
        if word in lexicon().nationalities and any(
            nationality_of_place(w.title()) == word
            or lexicon().abbreviated_nationalities.get(w) == word
            for w in role_words
        ):
            continue  # "the Ukrainian leader" for "Ukraine's President Volodymyr Zelensky", "the
            # American president" for "U.S. President Joe Biden"
        if word == "leader" and role_words & LEADER_WORDS:
            continue
        if word == "chief" and role_words & CHIEF_WORDS:
            continue  # "the U.N. chief" for "U.N. Secretary-General Antonio Guterres"
        if word == "diplomat" and role_words & DIPLOMAT_WORDS:
            continue
        if word == "representative" and role_words & REPRESENTATIVE_WORDS:
            continue
        if word in ("senator", "sen") and role_words & {"senator", "sen"}:
            continue
        if word in ("governor", "gov") and role_words & {"governor", "gov"}:
            continue
        return False
    return True
