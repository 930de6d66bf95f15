"""Boilerplate detection: split raw article text into paragraphs and say which are content.

Every paragraph is a (start, end, kind) span of the text exactly as read, so offsets found later
still index the original. A paragraph is one line without its surrounding white space.
Kinds:
- "headline": the first substantial line (at least four words, not a caption or label);
- "standfirst": a bullet line ("  • ...") of the summary;
- "body": ordinary content;
- "boilerplate": site furniture ("Advertisement", "Learn more", comment counts, video durations,
  disclaimers, "Back to top button", "Related posts" and what follows it);
- "caption": photo captions ("... Photo: AP", "REUTERS/...") and video captions (a line repeated
  right after itself);
- "related": related-story headlines: short lines without final punctuation between paragraphs.

Limits: decisions are per line, from the line's own shape and its neighbours; a real one-line
paragraph without final punctuation (a subheading) is taken for a related-story headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from quotes.records import quick_init

ParagraphKind = Literal["headline", "standfirst", "body", "boilerplate", "caption", "related"]
CONTENT_KINDS = frozenset({"headline", "standfirst", "body"})

# A line without the white space around it: from its first to its last character that is not
# white space (`\S` is what `str.strip` keeps); lines of white space only give no match.
_STRIPPED_LINE = re.compile(r"\S(?:[^\n]*\S)?")
_BOILERPLATE_LINES = frozenset(
    s.casefold()
    for s in (
        "Advertisement",
        "Get more with myNEWS",
        "A personalised news feed of stories that matter to you",
        "Learn more",
        "Back to top button",
        "Related posts",
        "Related",
        "Read more",
        "Read More",
        "Share",
        "Share this article",
        "Comments",
        "Sign up",
        "Subscribe",
        "Follow us",
        "Continue reading",
        "Story continues below advertisement",
        "Recommended",
        "Trending",
        "ABSTRACT.",
        "FULL TEXT.",
        "Related Articles",
        "Most read",
        "Topics",
        "Click here",
    )
)
_BOILERPLATE_PATTERNS = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?|\d{1,6}|[\W_]+)$"
    r"|^(?:Not all news on the site expresses|Copyright\b|©|Back to top"
    r"|Sign up (?:for|to) |Click (?:here|to) )",
    re.IGNORECASE,
)
_BOILERPLATE_PHRASES = ("all rights reserved", "cookie policy", "privacy policy")
_PHRASE_LINE_MAX = 300  # longer lines are not searched for those phrases
_CAPTION = re.compile(
    r"(?:\bPhoto(?:graph)?s?(?: \w+)?:\s*\S.{0,80}|\b[A-Z]{3,}/[A-Z][\w .\-]{0,60}"
    r"|\(Photo[^)]{0,80}\)"
    r"|\bGetty Images|\bFile (?:photo|picture)|\bImage:\s*\S.{0,80})$"
)
_BULLET = re.compile(r"^[•·▪●◦‣∙*\-–]\s")
_FINAL_PUNCTUATION = "．.!?:;…\"”’»)]'"
_FINAL_PUNCTUATION_ENDINGS = tuple(_FINAL_PUNCTUATION)
_STOP_RELATED = frozenset({"related posts", "related articles", "read more", "more from"})
_RELATED_MAX_WORDS = 20
# "“I'd rather live in what he calls hell.” ― Adriana Rodarte": a quotation signed by its
# speaker ends without a full stop but is no related-story headline.
_SIGNED_QUOTATION = re.compile(r"[“\"‘].{12,}[”\"’][ \u00a0]*(?:[―—–]|--?)[ \u00a0]?[A-Z@]")
_HEADLINE_MIN_WORDS = 4
assert max(map(len, _BOILERPLATE_LINES | _STOP_RELATED)) < _PHRASE_LINE_MAX  # see `_folded`


@quick_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the article: `text[start:end]` is the line without surrounding white space."""

    start: int
    end: int
    kind: ParagraphKind

    @property
    def is_content(self) -> bool:
        return self.kind in CONTENT_KINDS


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """The article's non-empty lines in order, each marked with its kind."""
    lines = _stripped_lines(text)
    kinds = _line_kinds(text, lines)
    return tuple(Paragraph(s, e, k) for (s, e), k in zip(lines, kinds, strict=True))


def content_paragraphs(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    return tuple(p for p in paragraphs if p.is_content)


def _stripped_lines(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _STRIPPED_LINE.finditer(text)]


def _line_kinds(text: str, lines: list[tuple[int, int]]) -> list[ParagraphKind]:
    kinds: list[ParagraphKind] = []
    headline_seen = False
    trailing_related = False
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        folded = _folded(line)
        kind = _kind_of_line(text, lines, index, line, folded, headline_seen)
        if kind == "related" and kinds and kinds[-1] == "headline" and _deck_length(line):
            kind = "standfirst"  # the line right under the headline is its deck
        if trailing_related and kind == "body":
            kind = "boilerplate"
        if folded in _STOP_RELATED:
            trailing_related = True
        if kind == "headline":
            headline_seen = True
        kinds.append(kind)
    return kinds


def _kind_of_line(
    text: str,
    lines: list[tuple[int, int]],
    index: int,
    line: str,
    folded: str,
    headline_seen: bool,
) -> ParagraphKind:
    if folded in _BOILERPLATE_LINES or _BOILERPLATE_PATTERNS.match(line):
        return "boilerplate"
    if len(line) < _PHRASE_LINE_MAX:
        for phrase in _BOILERPLATE_PHRASES:
            if phrase in folded:
                return "boilerplate"
    if _repeats_neighbour(text, lines, index, line):
        return "caption"
    if _may_be_caption(line) and _CAPTION.search(line) and not line.startswith(("“", '"', "‘")):
        return "caption"
    if _BULLET.match(line):
        return "standfirst"
    unpunctuated = not line.endswith(_FINAL_PUNCTUATION_ENDINGS)
    if headline_seen and not unpunctuated:
        return "body"
    words = line.split()
    if not headline_seen:
        if _followed_by_boilerplate(text, lines, index):
            return "boilerplate"
        if len(words) >= _HEADLINE_MIN_WORDS and len(words) <= 40:
            return "headline"
        if unpunctuated and len(words) < _HEADLINE_MIN_WORDS:
            return "boilerplate"
        return "headline" if len(words) <= 40 else "body"
    if (
        unpunctuated
        and len(words) <= _RELATED_MAX_WORDS
        and not _SIGNED_QUOTATION.match(line)
        and not _quotation_goes_on(text, lines, index, line)
    ):
        return "related"
    return "body"


_OPENING_QUOTE_MARKS = ("“", '"', "‘", "«", "„")


def _quotation_goes_on(text: str, lines: list[tuple[int, int]], index: int, line: str) -> bool:
    """ "“Taiwan is a beacon ... with our friends around the world" then "“to maintain peace,” he
    added.": a quotation that opens a paragraph and goes on in the next, which opens with a
    quote mark, is the article's prose, not a related-story headline."""
    if not line.startswith(_OPENING_QUOTE_MARKS) or index + 1 >= len(lines):
        return False
    return text.startswith(_OPENING_QUOTE_MARKS, lines[index + 1][0])


_DECK_MIN_WORDS = 8


def _deck_length(line: str) -> bool:
    """Long enough for a deck ("Ukrainian president says Kyiv has intelligence on troop build-up
    near Kharkiv"), not a section label or a byline, and not opening with a quotation."""
    if line.startswith(_OPENING_QUOTE_MARKS):
        return False  # "‘Too little, too late’: the view from Kyiv": a related story's label
    return len(line.split(maxsplit=_DECK_MIN_WORDS)) >= _DECK_MIN_WORDS


def _folded(line: str) -> str:
    """The line case-folded, as far as it is compared with a short line or searched for a phrase:
    "" for a line too long for either (case folding never shortens a string), which leaves the
    long paragraphs of a story unfolded."""
    return line.casefold() if len(line) < _PHRASE_LINE_MAX else ""


def _may_be_caption(line: str) -> bool:
    tail = line[-120:]
    return "Photo" in line or "/" in tail or "Getty" in tail or "Image" in tail or "File " in tail


def _followed_by_boilerplate(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """A section label sits right above the site's furniture ("Ukraine war: 1 year on")."""
    if index + 1 >= len(lines):
        return False
    start, end = lines[index + 1]
    following = text[start:end]
    return following.casefold() in _BOILERPLATE_LINES


def _repeats_neighbour(text: str, lines: list[tuple[int, int]], index: int, line: str) -> bool:
    size = len(line)
    if index > 0:
        start, end = lines[index - 1]
        if end - start == size and text[start:end] == line:
            return True
    if index + 1 < len(lines):
        start, end = lines[index + 1]
        if end - start == size and text[start:end] == line:
            return True
    return False
