"""HTML pages: the article's text and the page's own metadata, through trafilatura and htmldate.

The stored body is the extracted text, paragraphs separated by blank lines, opening with the
headline and standfirst; quotation offsets index it. Publisher (og:site_name, JSON-LD), title,
canonical URL and language come from the page's metadata (the publisher, when the metadata
names none, from the page's <title> after the headline: "Mill to close - The Valley Courier",
else the host name);
the date from its metadata tags (`published_source` 'metadata') or, when they have none, from
what htmldate finds in the page itself ('page'). The raw page is not kept, but its SHA-256
is, so re-ingesting it is a no-op.
A page with too little text to be an article (a search page, an index, a login wall) is refused.
"""

from __future__ import annotations

import hashlib
import html
import re
from datetime import date
from typing import Any

from quotes.errors import InputError
from quotes.read.dates import PAGES_EXTRA_HINT
from quotes.records import ArticleInput, ArticleMeta

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
MIN_ARTICLE_WORDS = 40
"""Fewer words of prose than this in the main text and the page is no article (an index, a
search page, a login wall). Lower: more short notices kept, more navigation pages stored."""
_PROSE_END = re.compile(r"[.!?…\"”’'»)]\s*$")
_PROSE_MIN_WORDS = 6
"""A paragraph of prose has this many words and ends as a sentence ends (a link list does not)."""
_SNIFF_BYTES = 2048
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HEADLINE_WITHIN = 12
"""The headline is added before the text unless it is among these first paragraphs."""
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.I | re.S)
_TITLE_SEPARATOR = re.compile(r"\s*[|–—-]\s*(.+)$", re.S)
_SITE_NAME_WORDS = 6
_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)", re.I)


def looks_like_html(raw: bytes) -> bool:
    """Whether bytes are an HTML document (by their opening, whatever the file is called)."""
    return bool(_HTML_START.match(raw[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf")))


def page_sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def _libraries(source: str) -> tuple[Any, Any]:
    try:
        import htmldate
        import trafilatura
    except ImportError:
        raise InputError(f"{source}: reading HTML needs trafilatura: {PAGES_EXTRA_HINT}") from None
    return trafilatura, htmldate


def article_from_html(raw: bytes, source: str, url: str | None = None) -> ArticleInput:
    """The article in an HTML page (its text and the page's metadata), or an InputError naming
    `source`. `url` is where the page was fetched from, used when it names no canonical URL."""
    if b"\x00" in raw[:8192]:
        raise InputError(f"{source}: binary content, not an HTML page")
    trafilatura, htmldate = _libraries(source)
    try:
        document = trafilatura.bare_extraction(
            raw, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # a parser failing on hostile markup is a bad page, not a crash
        raise InputError(f"{source}: cannot parse the page ({type(exc).__name__})") from None
    text = _body(document)
    if (words := prose_words(text)) < MIN_ARTICLE_WORDS:
        raise InputError(
            f"{source}: no article text found ({words} words of prose; "
            "a search page, an index or a login wall?)"
        )
    published, where = _page_date(htmldate, raw)
    meta = ArticleMeta(
        outlet=_publisher(document, raw),
        published=published,
        title=_clean(document.title),
        url=_clean(document.url) or url,
        published_source=where,
        language=_language(raw),
    )
    return ArticleInput(source, text, meta, page_sha256=page_sha256(raw))


def _body(document: Any) -> str:
    """The main text, one paragraph per block, headline first."""
    if document is None or not document.text:
        return ""
    paragraphs = [line.strip() for line in document.text.split("\n") if line.strip()]
    title = _clean(document.title)
    if title and title not in paragraphs[:_HEADLINE_WITHIN]:
        paragraphs.insert(0, title)
    return "\n\n".join(paragraphs) + "\n"


def prose_words(text: str) -> int:
    """The words of the paragraphs that read as prose: long enough, ending as sentences do."""
    total = 0
    for paragraph in text.split("\n"):
        words = len(paragraph.split())
        if words >= _PROSE_MIN_WORDS and _PROSE_END.search(paragraph):
            total += words
    return total


def _page_date(htmldate: Any, raw: bytes) -> tuple[date | None, str | None]:
    """The publication date and where it came from: the page's metadata, else its content."""
    for extensive, where in ((False, "metadata"), (True, "page")):
        found = htmldate.find_date(
            raw, extensive_search=extensive, original_date=True, outputformat="%Y-%m-%d"
        )
        if found:
            return date.fromisoformat(found), where
    return None, None


def _publisher(document: Any, raw: bytes) -> str | None:
    """The site's name from its metadata, else from its <title>, else its host name."""
    site, host = _clean(document.sitename), _clean(document.hostname)
    if site and site != host:
        return site
    return _title_suffix(raw, _clean(document.title)) or site or host


def _title_suffix(raw: bytes, headline: str | None) -> str | None:
    """The site's name as the page's <title> gives it after the headline ("Mill to close - The
    Valley Courier"), for pages whose metadata names no site."""
    match = _TITLE.search(raw[: _SNIFF_BYTES * 8])
    if headline is None or match is None:
        return None
    title = html.unescape(match.group(1).decode("utf-8", "replace")).strip()
    if not title.startswith(headline):
        return None
    rest = _TITLE_SEPARATOR.match(title[len(headline) :])
    name = rest.group(1).strip() if rest else ""
    return name if name and len(name.split()) <= _SITE_NAME_WORDS else None


def _language(raw: bytes) -> str | None:
    match = _LANG.search(raw[: _SNIFF_BYTES * 4])
    return match.group(1).decode("ascii").lower() if match else None


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None
