"""Small frozen records passed between the pure pipeline stages (no database here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerKind = Literal["person", "organisation"]


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text; None means unknown, never guessed."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as read from disk: `text` is the body exactly as stored."""

    source: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation or reported claim found in an article's text.

    `start`/`end` index the article text and cover the quoted words without their quote
    marks, so `text == article_text[start:end]`.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None = None
    speaker_kind: SpeakerKind | None = None
    role: str | None = None
    speaker_text: str | None = None
    cue: str | None = None
    via: str | None = None
    via_text: str | None = None
    said_on: date | None = None
    paragraph: int = 0
    confidence: float = 0.5
    rule: str = ""
