"""RSS and Atom feeds (files or URLs): the articles their entries link to, fetched in turn.

feedparser reads the feed (the `pages` extra). Each entry's page is fetched and read as HTML; the
entry's title and date fill in what the page's own metadata lacks. An entry without a link, a
link that cannot be fetched, or a page that is no article is one problem naming the entry; the
other entries go on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from quotes.errors import InputError
from quotes.read.dates import PAGES_EXTRA_HINT
from quotes.read.fetch import Fetcher
from quotes.read.html import article_from_html
from quotes.read.problems import ReadProblem, ReadResult
from quotes.records import ArticleInput

FEED_SUFFIXES = frozenset({".rss", ".atom"})
_FEED_START = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)


def looks_like_feed(raw: bytes) -> bool:
    """Whether bytes open as an RSS, RDF or Atom document."""
    return bool(_FEED_START.search(raw[:2048]))


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str
    title: str | None
    published: date | None


def feed_entries(raw: bytes, source: str) -> Iterator[FeedEntry | ReadProblem]:
    """The entries of a feed that link to a page, in order; a problem for each one that does not."""
    try:
        import feedparser
    except ImportError:
        raise InputError(f"{source}: reading feeds needs feedparser: {PAGES_EXTRA_HINT}") from None
    parsed = feedparser.parse(raw)
    if not parsed.version and not parsed.entries:
        raise InputError(f"{source}: not a readable RSS or Atom feed")
    if not parsed.entries:
        raise InputError(f"{source}: the feed has no entries")
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link.startswith(("http://", "https://")):
            title = entry.get("title") or "untitled"
            yield ReadProblem(f"{source}: entry {number}", f"no link to an article ({title!r})")
            continue
        yield FeedEntry(link, (entry.get("title") or "").strip() or None, _entry_date(entry))


def _entry_date(entry: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def articles_from_feed(raw: bytes, source: str, fetcher: Fetcher) -> Iterator[ReadResult]:
    """Every article a feed links to, fetched one at a time, or a problem for each entry."""
    try:
        for entry in feed_entries(raw, source):
            if isinstance(entry, ReadProblem):
                yield entry
                continue
            try:
                page = fetcher.fetch(entry.link)
                yield _with_entry_meta(article_from_html(page.body, entry.link, page.url), entry)
            except InputError as exc:
                yield ReadProblem(entry.link, str(exc).removeprefix(f"{entry.link}: "))
    except InputError as exc:
        yield ReadProblem(source, str(exc).removeprefix(f"{source}: "))


def _with_entry_meta(article: ArticleInput, entry: FeedEntry) -> ArticleInput:
    meta = article.meta
    if meta.title is None and entry.title:
        meta = replace(meta, title=entry.title)
    if meta.published is None and entry.published:
        meta = replace(meta, published=entry.published, published_source="metadata")
    return replace(article, meta=meta)
