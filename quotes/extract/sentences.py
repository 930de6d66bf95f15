"""Sentences in the reporter's words (quoted stretches never split them), datelines
("MOSCOW, Feb 21 (Reuters) -"), and the clause boundaries the other rules stop at."""

from __future__ import annotations

import re

from quotes.extract.cleaning import Paragraph
from quotes.extract.cues import (
    ABBREV_BEFORE,
    BOUNDARY,
    cue_pattern,
)
from quotes.extract.lexicon import lexicon
from quotes.extract.mentions import last_visible_at
from quotes.extract.quotemarks import QuoteSpan

# "WASHINGTON (AP) — ", "Washington (AFP) – ", "CLEVELAND, July 19 (UPI) — ", "MIAMI — ",
# "MOSCOW/BEIJING, June 6 (Reuters) - ": where
# and through whom the story was filed; the first sentence begins after it.
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’\-/ ]{1,40}?(?:, [A-Z][\w. ]{1,20}?)?\s\([A-Za-z][\w ]{1,20}\)"
    r"|[A-Z][A-Z.'’\-/ ]{2,30}(?:, [A-Z][\w. ]{1,20}?)?)"
    r"\s*(?:—|–|--?)\s+(?=[A-Z“\"‘])"
)

# Every dateline opens with a capital letter and holds a dash: looked for before the (slower,
# backtracking) pattern is tried.
_DASH = re.compile("[—–-]")


def _dateline_end(text: str, paragraph: Paragraph) -> int:
    """Where the paragraph's first sentence begins: after its dateline, if it has one."""
    start = paragraph.start
    window_end = min(paragraph.end, start + 80)
    if not ("A" <= text[start] <= "Z") or _DASH.search(text, start, window_end) is None:
        return start
    dateline = _DATELINE.match(text, start, window_end)
    return dateline.end() if dateline is not None else start


def split_sentences(
    text: str, paragraph: Paragraph, quotes: list[QuoteSpan]
) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = _dateline_end(text, paragraph)
    quote_index = 0
    for match in BOUNDARY.finditer(text, paragraph.start, paragraph.end):
        at = match.start()
        while quote_index < len(quotes) and quotes[quote_index].mark_end <= at:
            quote_index += 1
        if quote_index < len(quotes):
            quote = quotes[quote_index]
            if quote.mark_start < at and not (quote.closed and at == quote.end - 1):
                continue
            if (
                quote.mark_start < at
                and _opens_sentence(text, start, quote.mark_start)
                and _attribution_follows(text, match.end(), paragraph.end, text[at] != ".")
            ):
                continue
        before = ABBREV_BEFORE.search(text, max(paragraph.start, at - 20), at)
        if before is not None:
            word = before.group(1).lower()
            if word in lexicon().abbreviations or (len(word) == 1 and text[at - 1].isupper()):
                continue
            if "." in word and text[at] == ".":
                continue
        end = match.end()
        bounds.append((start, end))
        start = end
    if start < paragraph.end:
        bounds.append((start, paragraph.end))
    return bounds


_CLAUSE_END = re.compile(r"[.!?“”\"]|''")


def _opens_sentence(text: str, start: int, mark_start: int) -> bool:
    """The quotation opens its sentence: a whole quoted sentence whose speaker may follow it (not
    one after "O'Malley interjected:", whose speaker is already given)."""
    return last_visible(text, start, mark_start) == ""


def _attribution_follows(text: str, at: int, end: int, exclaimed: bool) -> bool:
    """ "“Perpetual motion!” Rep. Glenn Thompson said": the speaker follows the closing mark.
    Not "Mr. Zahed said: “...”", whose cue introduces the quotation after it. After a quotation
    ending in a full stop ("... campaign.” Ohio Gov. John Kasich said he would ..."), a new
    sentence may well open with its own speaker: the first full stop ends the search."""
    window_end = min(end, at + 90)
    if exclaimed:
        limit = _clause_stop(text, at + 4, window_end)
    else:
        stop = _CLAUSE_END.search(text, at + 4, window_end)
        limit = stop.start() if stop is not None else window_end
    cue = cue_pattern().search(text, at, limit)
    if cue is None:
        return False
    rest = text[cue.end() : cue.end() + 3].lstrip()
    return not rest.startswith(":")


def _clause_stop(text: str, lo: int, hi: int) -> int:
    """Where the clause from `lo` ends, a full stop after an abbreviation aside ("Rep. Glenn
    Thompson, R-Pa., said")."""
    stop = _CLAUSE_END.search(text, lo, hi)
    while stop is not None and stop[0] == ".":
        before = ABBREV_BEFORE.search(text, max(lo, stop.start() - 20), stop.start())
        word = before.group(1).lower() if before is not None else ""
        abbreviated = word in lexicon().abbreviations or len(word) == 1 or "-" in word
        if not abbreviated and not text.startswith(",", stop.end()):
            break
        stop = _CLAUSE_END.search(text, stop.end(), hi)
    return stop.start() if stop is not None else hi


def outside_quotes(lo: int, hi: int, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    parts = []
    cursor = lo
    for quote in quotes:
        if quote.mark_end <= lo or quote.mark_start >= hi:
            continue
        if quote.mark_start > cursor:
            parts.append((cursor, quote.mark_start))
        cursor = max(cursor, quote.mark_end)
    if cursor < hi:
        parts.append((cursor, hi))
    return parts


def last_visible(text: str, lo: int, hi: int) -> str:
    """The last character of `text[lo:hi]` that is not white space ("" if none): the last
    character of `text[lo:hi].rstrip()`, without copying the sentence."""
    at = last_visible_at(text, lo, hi)
    return text[at] if at >= 0 else ""
