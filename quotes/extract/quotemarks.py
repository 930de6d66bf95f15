"""Quote marks: find the quoted stretches of each paragraph.

Handles curly “ ” and ‘ ’, straight " and ', « », ‹ ›, „ “, ‚ ‘, and doubled apostrophes ''...''
(and ``...'') as used by the New York Times. A ’ or ' between two letters or digits is an
apostrophe (won’t, China’s), never a mark. One pass over the marks of a paragraph, so linear.

Limits: quotes never cross a paragraph; a double quote left open runs to the end of its paragraph
(`closed` False), and the extractor joins it to a next paragraph that opens with a mark. A single
quote left open is dropped (it is far more often an apostrophe: the leaders’ talks). Quotes nested
inside a double quote are part of it and not reported on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotes.records import quick_init

# Every alternative opens with a literal, so the regex engine skips ahead to the marks instead
# of trying every position (the same matches as a final character class would give).
_ANY_MARK = re.compile("'''|''|``|\"|'|“|”|‘|’|«|»|„|‚|‹|›")
# The same, without the apostrophes inside words (won’t, China’s: a letter or digit, [^\W_], on
# both sides), which `find_quotes` would pass over: for text not cut inside a word, as paragraphs
# are, where the look-behind and look-ahead see what `find_quotes` does.
_MARK = re.compile(
    "'''|''|``|\"|'(?<![^\\W_]')|'(?![^\\W_])|“|”|‘|’(?<![^\\W_]’)|’(?![^\\W_])|«|»|„|‚|‹|›"
)
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # a character for which `str.isalnum` holds
_DOUBLE = "double"
_TRIPLE = "'''"
_DOUBLED = "''"
_SINGLE = "single"
_OPENERS = {
    "“": _DOUBLE,
    "„": _DOUBLE,
    "«": _DOUBLE,
    "``": _DOUBLE,
    "‘": _SINGLE,
    "‚": _SINGLE,
    "‹": _SINGLE,
}
_CLOSERS = {"”": _DOUBLE, "»": _DOUBLE, "’": _SINGLE, "›": _SINGLE}
_EITHER = {'"': _DOUBLE, "''": _DOUBLE, "'": _SINGLE}
_FAMILIES = {**_EITHER, **_CLOSERS, **_OPENERS}  # every mark's family (the three do not overlap)
_SINGLE_MAX_CHARS = 400
_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|(?![\w%]))")
_SINGLE_CLOSER = re.compile(r"[’'](?![^\W_])")


@quick_init
@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The quoted words `text[start:end]`, marks excluded; `mark_start`/`mark_end` include them."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    closed: bool
    family: str


def find_quotes(text: str, start: int, end: int) -> list[QuoteSpan]:
    """The outermost quoted stretches of `text[start:end]` (one paragraph), in order."""
    spans: list[QuoteSpan] = []
    outer: tuple[str, int, int] | None = None  # family, mark start, inner start
    inner: str | None = None
    marks = _MARK if _between_words(text, start, end) else _ANY_MARK
    for match in marks.finditer(text, start, end):
        mark = match[0]
        at, after = match.span()
        if mark == _TRIPLE:
            if outer is not None and outer[0] == _DOUBLE and text[outer[1]] == "'":
                # ''the word 'old-school,''' : the inner single quote closes, then the double one
                spans.extend(_span(text, outer[1], outer[2], at + 1, after, True, _DOUBLE))
                outer, inner = None, None
                continue
            mark, at = _DOUBLED, at + 1  # an apostrophe, then a doubled mark
        before_char = text[at - 1] if at > start else " "
        after_char = text[after] if after < end else " "
        if mark in ("’", "'", "‘") and after_char.isalnum():
            if before_char.isalnum():
                continue  # apostrophe inside a word (won’t; Obama‘s, typed with the wrong mark)
            if _ELIDED_YEAR.match(text, after, end) and not _SINGLE_CLOSER.search(
                text, after, min(end, after + 60)
            ):
                continue  # "in ‘08", "the '80s": an apostrophe for the century; not ‘90 percent’
        role = _role(mark, before_char, after_char)
        family = _FAMILIES[mark]
        if outer is None:
            if role in ("open", "either") and (not after_char.isspace() or mark in "«„"):
                if mark in ("'", "’") and before_char.isalnum():
                    continue
                outer = (family, at, after)
            continue
        outer_family, mark_start, inner_start = outer
        if mark == "“" and text[mark_start] in "„‚":
            role = "close"
        elif (
            mark == "“"
            and not before_char.isspace()
            and (after_char.isspace() or after_char in ",.;:" or after == end)
        ):
            role = "close"  # “It's unusual,“ said Noble: a mis-typed closing mark
        spaced_close = (
            mark in ('"', "”")
            and before_char == " "
            and at - 2 > start
            and text[at - 2] in "'’"
            and (after_char.isspace() or after_char in ",.;:")
        )  # "... it like, 'Oh, this is important,' " Magel said: the inner quote closed first
        if family == outer_family and (
            spaced_close
            or (role in ("close", "either") and (not before_char.isspace() or mark == "»"))
        ):
            spans.extend(_span(text, mark_start, inner_start, at, after, True, family))
            outer, inner = None, None
        elif family == outer_family and role == "close" and before_char.isspace():
            continue
        elif family == outer_family and role == "open":
            # A new quote opens before the last one closed: end the last one here.
            if family == _DOUBLE:
                spans.extend(_span(text, mark_start, inner_start, at, at, False, family))
            outer, inner = (family, at, after), None
        elif family != outer_family:
            inner = _track_inner(inner, family, role, before_char, after_char)
        if outer is not None and outer[0] == _SINGLE and at - outer[2] > _SINGLE_MAX_CHARS:
            outer = None
    if outer is not None and outer[0] == _DOUBLE:
        family, mark_start, inner_start = outer
        spans.extend(_span(text, mark_start, inner_start, end, end, False, family))
    tagged = text.find("<", max(0, start - _LONGEST_TAG), end) >= 0
    return [
        span
        for span in spans
        if not _nickname(text, span)
        and not _stage_direction(text, span)
        and not (tagged and _inside_a_tag(text, span))
    ]


_TAG_OPEN = re.compile(r"<[A-Za-z]")


def _inside_a_tag(text: str, span: QuoteSpan) -> bool:
    """'<tweet pic="pic.twitter.com/" author="carlquintanilla">': marks inside a markup tag
    left in the text delimit its attributes' values (between two of them, ' author='), and
    quote nobody."""
    opened = text.rfind("<", max(0, span.mark_start - _LONGEST_TAG), span.mark_start)
    if opened < 0 or _TAG_OPEN.match(text, opened) is None:
        return False
    if text.find(">", opened, span.mark_start) >= 0:
        return False
    closed = text.find(">", span.mark_end, span.mark_end + _LONGEST_TAG)
    return closed >= 0 and text.find("<", span.mark_end, closed) < 0


_LONGEST_TAG = 400
"""How far from a quotation a markup tag's "<" or ">" is looked for (linear in the text)."""


_STAGE_DIRECTION = re.compile(r"[(\[][^()\[\]]*[)\]][.,]?")


def _stage_direction(text: str, span: QuoteSpan) -> bool:
    """ "(CROSSTALK.)", "[APPLAUSE]": a transcript's note of what happened, in quote marks of
    its own where a transcript quotes every turn; nobody's words."""
    return text[span.start] in "([" and bool(_STAGE_DIRECTION.fullmatch(text, span.start, span.end))


_NAME_WORD_BEFORE = re.compile(r"(?<![\w.])[^\W\d_][\w.’'-]* $")
_NAME_WORD_AFTER = re.compile(r" [^\W\d_][\w’'-]*(?: +(\w))?")
NICKNAME_MAX_WORDS = 3


def _nickname(text: str, span: QuoteSpan) -> bool:
    """ "Marcia “Cia” Price", "Dwayne “The Rock” Johnson": a capitalised word or three in
    quote marks between two capitalised words is a name's nickname, nobody's words; but not
    in a headline's title case ("Trump ‘The Dealmaker’ Could Address ..."), where the word
    after the name is capitalised too."""
    inner = text[span.start : span.end]
    if not span.closed or not inner[:1].isupper() or inner.count(" ") >= NICKNAME_MAX_WORDS:
        return False
    before = _NAME_WORD_BEFORE.search(text, max(0, span.mark_start - 30), span.mark_start)
    after = _NAME_WORD_AFTER.match(text, span.mark_end)
    return (
        before is not None
        and before[0][0].isupper()
        and after is not None
        and after[0][1].isupper()
        and not (after[1] is not None and after[1].isupper())
    )


def _between_words(text: str, start: int, end: int) -> bool:
    """`text[start:end]` starts and ends outside a word (at the text's ends or next to a character
    that is neither a letter nor a digit)."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end >= len(text) or not text[end].isalnum()
    )


def _role(mark: str, before_char: str, after_char: str) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        if mark == "’" and before_char.isspace() and after_char.isalnum():
            return "open"  # a mis-typed opening single quote
        return "close"
    if before_char.isspace() or before_char in "([{—–-/:":
        return "open"
    if after_char.isspace() or not after_char.isalnum():
        return "close"
    return "either"


def _track_inner(
    inner: str | None, family: str, role: str, before_char: str, after_char: str
) -> str | None:
    if inner is None and role in ("open", "either") and not after_char.isspace():
        return family
    if inner == family and role in ("close", "either") and not before_char.isspace():
        return None
    return inner


def _span(
    text: str,
    mark_start: int,
    inner_start: int,
    inner_end: int,
    mark_end: int,
    closed: bool,
    family: str,
) -> list[QuoteSpan]:
    """The span between the marks, trimmed of white space; nothing when it holds no word."""
    if _LETTER_OR_DIGIT.search(text, inner_start, inner_end) is None:
        return []
    segment = text[inner_start:inner_end]
    stripped = segment.strip()
    start = inner_start + (len(segment) - len(segment.lstrip()))
    end = start + len(stripped)
    return [QuoteSpan(start, end, mark_start, mark_end, closed, family)]
