"""Web archives (`.warc`, `.warc.gz`, as Common Crawl's news crawl publishes them): every HTML
response in the archive, read as a page, streamed record by record in bounded memory.

warcio (the `pages` extra) reads the records. Requests, metadata records and non-HTML responses
are passed over; an HTML response that is no article is one problem naming the archive and the
record's URL; a truncated or damaged archive ends with one problem saying how far it was read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from quotes.errors import InputError
from quotes.read.dates import PAGES_EXTRA_HINT
from quotes.read.html import HTML_TYPES, article_from_html, looks_like_html
from quotes.read.problems import ReadProblem, ReadResult

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAX_RECORD_BYTES = 10 * 1024 * 1024
"""The most read of one response: a bigger one is no news page and is passed over."""


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path) -> Iterator[ReadResult]:
    """Every article in an archive's HTML responses, or a problem for each bad one."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield ReadProblem(str(path), f"reading web archives needs warcio: {PAGES_EXTRA_HINT}")
        return
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield ReadProblem(str(path), f"cannot read ({exc.strerror})")
        return
    pages = 0
    with handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = record.http_headers.get_header("Content-Type") or ""
                if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or f"record {pages + 1}"
                body = record.content_stream().read(MAX_RECORD_BYTES + 1)
                pages += 1
                yield _article(body, f"{path}:{uri}", uri)
        except Exception as exc:  # warcio raises many kinds on a damaged archive
            yield ReadProblem(
                str(path),
                f"truncated or damaged archive after {pages} pages ({type(exc).__name__}: {exc})",
            )
            return
    if pages == 0:
        yield ReadProblem(str(path), "no HTML responses in the archive")


def _article(body: bytes, source: str, uri: str) -> ReadResult:
    if len(body) > MAX_RECORD_BYTES:
        return ReadProblem(source, "response larger than 10 MB, not read")
    if not looks_like_html(body) and b"<" not in body[:1024]:
        return ReadProblem(source, "not an HTML page")
    try:
        return article_from_html(body, source, uri if uri.startswith("http") else None)
    except InputError as exc:
        return ReadProblem(source, str(exc).removeprefix(f"{source}: "))
