"""Extraction: find quotations in an article's text (placeholder first version)."""

from __future__ import annotations

import re
from datetime import date

from quotes.records import Quotation

_CURLY = re.compile(r"“([^”\n]{2,})”")


def extract_quotations(text: str, published: date | None = None) -> list[Quotation]:
    """Every quotation in `text`, in order of appearance."""
    return [
        Quotation(start=m.start(1), end=m.end(1), text=m.group(1), kind="direct", rule="stub")
        for m in _CURLY.finditer(text)
    ]
