"""Small frozen records passed between the pure pipeline stages (no database here)."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import date
from typing import Any, Final, Literal, TypeVar

QuoteKind = Literal["direct", "partial", "indirect"]
SpeakerKind = Literal["person", "organisation"]

_Record = TypeVar("_Record")


def quick_init(cls: type[_Record]) -> type[_Record]:
    """`cls`, a frozen dataclass with slots, given an `__init__` that stores each field through
    its slot's descriptor: the same records as the generated `__init__` makes, made quicker.

    The generated `__init__` of a frozen dataclass stores each field with
    `object.__setattr__(self, name, value)`, looked up on `object` anew for every field; the
    pipeline makes a few hundred records per article, so that shows in its running time. Only
    plain fields are handled (no `default_factory`, keyword-only or non-init field, no
    `__post_init__`): anything else raises TypeError. Pickling goes through the same `__init__`
    (`__reduce__`), not the dataclass's field-by-field state: quotations cross from the
    extracting workers to the writer by the thousand.
    """
    params = vars(cls).get("__dataclass_params__")
    if params is None or not params.frozen or "__slots__" not in vars(cls):
        raise TypeError(f"{cls.__name__} is not a frozen dataclass with slots")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    namespace: dict[str, Any] = {}
    parameters, stores = [], []
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init or f.kw_only or f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name} is not a plain field")
        namespace[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.default is MISSING:
            parameters.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            parameters.append(f"{f.name}=_default_{f.name}")
        stores.append(f"\n    _set_{f.name}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(parameters)}):{''.join(stores)}", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    values = "".join(f"self.{f.name}, " for f in fields(cls))  # type: ignore[arg-type]
    namespace["_cls"] = cls
    exec(f"def __reduce__(self):\n    return _cls, ({values})", namespace)
    reduce = namespace["__reduce__"]
    reduce.__qualname__ = f"{cls.__qualname__}.__reduce__"
    cls.__reduce__ = reduce  # type: ignore[method-assign]
    return cls


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text; None means unknown, never guessed."""

    outlet: str | None = None
    published: date | None = None
    title: str | None = None
    url: str | None = None
    published_source: str | None = None
    """Where `published` came from: 'metadata' (a sidecar, a JSON line, the page's tags), 'page'
    (found by htmldate in a page's text), 'user' (an option or a correction), or found in the
    article ('dateline', 'text', 'url': quotes.extract.article_dates)."""
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article as read: `text` is the body exactly as stored; `page_sha256` identifies the
    page it was extracted from (HTML), so re-ingesting that page is a no-op."""

    source: str
    text: str
    meta: ArticleMeta = field(default_factory=ArticleMeta)
    warnings: tuple[str, ...] = ()
    page_sha256: str | None = None


@quick_init
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

    def row(self, source: str) -> dict[str, Any]:
        """This quotation as a row of `quotes extract`, in the column names every command uses
        (`EXTRACT_COLUMNS`)."""
        return {
            "source": source, "start": self.start, "end": self.end, "quotation": self.text,
            "speaker": self.speaker, "speaker_kind": self.speaker_kind, "role": self.role,
            "speaker_as_written": self.speaker_text, "cue": self.cue, "via": self.via,
            "via_as_written": self.via_text, "kind": self.kind, "said_on": self.said_on,
            "paragraph_number": self.paragraph, "confidence": self.confidence, "rule": self.rule,
        }  # fmt: skip


EXTRACT_COLUMNS: Final = (
    "source", "start", "end", "quotation", "speaker", "speaker_kind", "role",
    "speaker_as_written", "cue", "via", "via_as_written", "kind", "said_on", "paragraph_number",
    "confidence", "rule",
)  # fmt: skip
EXTRACT_SHORT_COLUMNS: Final = ("source", "speaker", "via", "kind", "said_on", "quotation")
