"""The full names an article writes, as the registry records them (`KnownName`), and the index
that answers for one name which of its mentions a short reference means (`NameIndex`)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from quotes.extract.mentions import name_key
from quotes.records import quick_init


@quick_init
@dataclass(frozen=True, slots=True)
class KnownName:
    """A full name written in the article, where, and the title words written before it."""

    name: str
    start: int
    role_words: frozenset[str]


class NameIndex:
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
            return self.candidates[: min(count, _MOST_RIVALS)]
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


_MOST_RIVALS = 50
"""How many of the people written with one surname are weighed for a bare surname: the
principal is introduced first; a text naming thousands (hostile input) is not read whole for
each surname."""
