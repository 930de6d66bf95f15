"""datasette metadata for the SQLite file: titles, column descriptions, facets (speaker, relay
and date on quotations; publisher and date on articles), newest first, full-text search on
quotations, and the clustering tables hidden. Kept in datasette.json beside this module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

METADATA_FILE = Path(__file__).with_name("datasette.json")


def metadata_for(sqlite_file: Path) -> dict[str, Any]:
    """The metadata for one SQLite file: datasette names a database after its file's stem."""
    shipped = json.loads(METADATA_FILE.read_text(encoding="utf-8"))
    tables = shipped.pop("tables")
    return {**shipped, "databases": {sqlite_file.stem: {"tables": tables}}}
