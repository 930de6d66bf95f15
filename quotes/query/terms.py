"""What users type, checked once before it reaches SQL: search terms and names, ids, limits.

A term from the command line that is not valid UTF-8 arrives with lone surrogates (Python's
`surrogateescape`), which no database driver can encode; a 100 KB term makes SQLite refuse the
LIKE pattern; an id or limit past 2**63 - 1 overflows the driver, and a negative limit means
"no limit" to SQLite. Each gets one line naming the problem instead.
"""

from __future__ import annotations

from typing import Final

from quotes.errors import InputError

MAX_TERM_CHARS: Final = 1000
"""The longest search term or name taken (a long quotation's first words find it)."""
MAX_ID: Final = 2**63 - 1
"""The largest id either database stores (a signed 64-bit integer)."""
MAX_LIMIT: Final = 1_000_000_000


def checked_term(term: str, what: str = "search term") -> str:
    """`term` itself, or InputError when it is too long or not valid Unicode text."""
    if len(term) > MAX_TERM_CHARS:
        raise InputError(
            f"{what} of {len(term):,} characters is over the limit of {MAX_TERM_CHARS:,}"
        )
    try:
        term.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(f"{what} is not valid UTF-8 text") from None
    return term


def id_in_range(value: int) -> bool:
    """Whether `value` can be an id at all (ids start at 1)."""
    return 1 <= value <= MAX_ID


def checked_limit(limit: int | None) -> int | None:
    """`limit` itself (None: no limit), or InputError when it is not from 1 to MAX_LIMIT."""
    if limit is not None and not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be from 1 to {MAX_LIMIT:,}, not {limit}")
    return limit
