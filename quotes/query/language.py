"""The search language, one for both backends: parsed here, then written as an FTS5 query for
SQLite and as a `to_tsquery` text for PostgreSQL, so the same words find the same quotations.

    world order          every word must match (in any order, stemmed: "sanction" finds
                         "sanctions")
    "world order"        the words as a phrase, in that order
    Putin OR Xi          either side (OR in capitals binds the terms either side of it)
    -Ukraine             excludes quotations with the word (or -"a phrase")
    ord*                 a word starting with "ord"

A token is cut into words at anything that is not a letter or digit, as both indexes cut text:
`world-order` is the phrase "world order" on both. Common English words ("the", "of", "and":
PostgreSQL's English stop list) are ignored outside phrases, as PostgreSQL ignores them. Parsing
never fails on text: an unbalanced quote mark ends its phrase at the end of the query.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

OR: Final = "OR"
AND: Final = "AND"


@dataclass(frozen=True)
class Term:
    """Words that must appear together: one word, or a phrase; `prefix` makes the last word a
    prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def describe(self) -> str:
        text = " ".join(self.words) + ("*" if self.prefix else "")
        return f'"{text}"' if len(self.words) > 1 else text


@dataclass(frozen=True)
class SearchQuery:
    """`groups` must all match (each group: any of its terms); `excluded` must not."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups

    def describe(self) -> str:
        """What was searched for, in words a user reads back."""
        parts = [" or ".join(t.describe() for t in group) for group in self.groups]
        text = "all of: " + ", ".join(parts) if len(parts) > 1 else "".join(parts)
        if self.excluded:
            text += "; without: " + ", ".join(t.describe() for t in self.excluded)
        return text

    def terms(self) -> tuple[Term, ...]:
        return tuple(t for group in self.groups for t in group)


@cache
def stop_words() -> frozenset[str]:
    data = resources.files("quotes.query").joinpath("data/english.stop").read_text("utf-8")
    return frozenset(line.strip() for line in data.splitlines() if line.strip())


def words_of(text: str) -> list[str]:
    """The words of a token, lower-cased and without diacritics, cut at non-alphanumerics."""
    folded = unicodedata.normalize("NFKD", text.lower())
    clean = "".join(ch if ch.isalnum() else " " for ch in folded if not unicodedata.combining(ch))
    return clean.split()


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(token, quoted, negated) in order; a quoted token is a phrase."""
    tokens: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        if text[i] == '"':
            end = text.find('"', i + 1)
            end = n if end == -1 else end
            tokens.append((text[i + 1 : end], True, negated))
            i = end + 1
            continue
        end = i
        while end < n and not text[end].isspace() and text[end] != '"':
            end += 1
        tokens.append((text[i:end], False, negated))
        i = end
    return tokens


def _term(token: str, quoted: bool) -> Term | None:
    words = words_of(token)
    prefix = not quoted and token.rstrip().endswith("*") and bool(words)
    if not quoted and not prefix:
        words = [w for w in words if w not in stop_words()]
    return Term(tuple(words), prefix) if words else None


def parse(text: str) -> SearchQuery:
    """The query a user typed, as terms; words that index nothing (punctuation, stop words)
    are dropped."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    join_next = False
    for token, quoted, negated in _tokens(text):
        if not quoted and not negated and token == OR:
            join_next = bool(groups)
            continue
        if not quoted and not negated and token == AND:
            continue
        term = _term(token, quoted)
        if term is None:
            continue
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return SearchQuery(tuple(tuple(g) for g in groups), tuple(excluded))


# ---------------------------------------------------------------------------------------------
# Backends


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def to_fts5(query: SearchQuery) -> str:
    """The query in FTS5 syntax (words are letters and digits only, so quoting is safe)."""
    groups = ["(" + " OR ".join(_fts5_term(t) for t in group) + ")" for group in query.groups]
    text = " AND ".join(groups)
    for term in query.excluded:
        text += " NOT " + _fts5_term(term)
    return text


def _tsquery_term(term: Term) -> str:
    words = [f"'{w}'" for w in term.words]
    if term.prefix:
        words[-1] += ":*"
    return "(" + " <-> ".join(words) + ")"


def to_tsquery(query: SearchQuery) -> str:
    """The query as text for PostgreSQL's `to_tsquery('english', ...)`."""
    groups = ["(" + " | ".join(_tsquery_term(t) for t in group) + ")" for group in query.groups]
    text = " & ".join(groups)
    for term in query.excluded:
        text += " & !" + _tsquery_term(term)
    return text
