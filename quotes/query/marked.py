"""Text with parts to highlight (the words a search matched, the quotation in its paragraph).

A `Marked` is a plain `str` everywhere (JSON, CSV, comparisons) and carries the character spans
to highlight; only a table on a terminal shows them. So highlighting never leaks into data.
"""

from __future__ import annotations

from typing import Final

START: Final = "\ue000"
STOP: Final = "\ue001"
"""Private-use characters a backend's highlighter puts around matches; never in real text."""


class Marked(str):
    """A string with `spans`: (start, end) character ranges to highlight."""

    spans: tuple[tuple[int, int], ...]

    def __new__(cls, text: str, spans: tuple[tuple[int, int], ...] = ()) -> Marked:
        marked = super().__new__(cls, text)
        marked.spans = spans
        return marked


def spans_between(text: str, start: str = START, stop: str = STOP) -> Marked:
    """`text` with its `start`...`stop` markers removed and turned into spans."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    opened: int | None = None
    for ch in text:
        if ch == start:
            opened = length
        elif ch == stop:
            if opened is not None and length > opened:
                spans.append((opened, length))
            opened = None
        else:
            plain.append(ch)
            length += 1
    return Marked("".join(plain), tuple(spans))


def around(text: str, start: int, end: int) -> Marked:
    """`text` with the one span start..end to highlight."""
    return Marked(text, ((start, end),) if end > start else ())
