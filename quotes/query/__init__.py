"""Query: read the database back for people. Takes a session or a URL; gives frozen records and
plain rows that `quotes.query.output.render` prints in every format.

- `search`: a speaker (name, alias, surname) or words of quotations (full-text), with filters;
- `show`: one quotation in its paragraph;
- `catalog`: speakers and outlets with counts, and their curation (merge, alias);
- `reports`: the named report views; `sql`: read-only SQL; `export`: everything, streamed.
"""

from quotes.query.catalog import (
    OUTLET_COLUMNS,
    SPEAKER_COLUMNS,
    Merged,
    add_speaker_alias,
    list_outlets,
    list_speakers,
    merge_speakers,
)
from quotes.query.export import EXPORT_COLUMNS, export
from quotes.query.reports import ReportResult, list_reports, report_view, run_report
from quotes.query.search import HIT_COLUMNS, Filters, Hit, SearchResult, search, speaker_ids
from quotes.query.show import QuoteDetail, paragraph_around, show_quote
from quotes.query.sql import run_readonly_sql

__all__ = [
    "EXPORT_COLUMNS",
    "HIT_COLUMNS",
    "OUTLET_COLUMNS",
    "SPEAKER_COLUMNS",
    "Filters",
    "Hit",
    "Merged",
    "QuoteDetail",
    "ReportResult",
    "SearchResult",
    "add_speaker_alias",
    "export",
    "list_outlets",
    "list_reports",
    "list_speakers",
    "merge_speakers",
    "paragraph_around",
    "report_view",
    "run_readonly_sql",
    "run_report",
    "search",
    "show_quote",
    "speaker_ids",
]
