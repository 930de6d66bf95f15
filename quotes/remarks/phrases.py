"""Talking points: the same words a speaker uses again on different occasions (kept apart as
remarks, found together here)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from quotes.remarks.items import (
    GAP,
    STOPWORDS,
    DedupItem,
    _words,
)

PHRASE_WORDS = (2, 6)

"""Lengths (in words) of the phrases `recurring_phrases` looks for: a talking point is longer
than one word and rarely quoted longer than six words unchanged."""


def recurring_phrases(
    uses: Sequence[tuple[int, DedupItem]],
) -> list[tuple[str, tuple[tuple[int, DedupItem], ...]]]:
    """Phrases shared by quotations of several remarks said on different days, as (phrase, one
    (remark id, quotation) per remark); a phrase inside a longer one found in the same remarks
    is left out. Phrases starting or ending with a function word are not talking points."""
    shortest, longest = PHRASE_WORDS
    found: dict[str, dict[int, DedupItem]] = defaultdict(dict)
    for remark_id, use in uses:
        words = _words(GAP.sub(" ", use.text))
        for n in range(shortest, longest + 1):
            for start in range(len(words) - n + 1):
                gram = words[start : start + n]
                if gram[0] not in STOPWORDS and gram[-1] not in STOPWORDS:
                    found[" ".join(gram)].setdefault(remark_id, use)
    recurring = {
        text: by_remark
        for text, by_remark in found.items()
        if len(by_remark) > 1 and len({u.said_on for u in by_remark.values()}) > 1
    }
    kept = [
        text
        for text, by_remark in recurring.items()
        if not any(
            other != text and f" {text} " in f" {other} " and set(by_remark) == set(remarks)
            for other, remarks in recurring.items()
        )
    ]
    kept.sort(key=lambda t: (-len(recurring[t]), -len(t.split()), t))
    return [(text, tuple(sorted(recurring[text].items()))) for text in kept]
