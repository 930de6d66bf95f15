"""News pages, feeds and web archives that the tests write for themselves."""

from __future__ import annotations

import html
import io
from collections.abc import Iterable

HEADLINE = "Ministers clash over the harbour bridge plan"
PARAGRAPHS = (
    "The transport minister defended the plan on Tuesday as the council met in the old town hall.",
    "“The bridge will carry forty thousand people a day, and we have the money to build it,” "
    "Transport Minister Ana Ribeiro told reporters.",
    "The finance minister was less sure. “Nobody has shown me a budget that adds up,” "
    "Finance Minister Tomas Lindqvist said, according to the Harbour Gazette.",
    "Residents of the eastern district said the works would close their market for two years, "
    "and a petition against the plan has gathered eleven thousand names since the spring.",
)
ARTICLE_TEXT = "\n\n".join((HEADLINE, *PARAGRAPHS)) + "\n"


def news_page(
    *,
    headline: str = HEADLINE,
    paragraphs: Iterable[str] = PARAGRAPHS,
    site_name: str | None = "The Coastal Herald",
    published: str | None = "2024-03-12T09:30:00+01:00",
    canonical: str | None = "https://herald.example/news/bridge-plan",
    lang: str = "en",
    visible_date: str | None = None,
    page_title: str | None = None,
) -> bytes:
    """A news page as a publishing system renders it: navigation, scripts, JSON-LD, footer."""
    suffix = f" | {html.escape(site_name)}" if site_name else ""
    head = [f"<title>{html.escape(page_title or headline + suffix)}</title>"]
    if site_name:
        head.append(f'<meta property="og:site_name" content="{html.escape(site_name)}">')
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>\n" for p in paragraphs)
    dateline = f'<p class="byline">Published {visible_date}</p>' if visible_date else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">{"".join(head)}'
        "<script>window.dataLayer = [];</script></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
        f"<main><article><h1>{html.escape(headline)}</h1>{dateline}\n{body}</article></main>"
        '<aside><h3>Most read</h3><ul><li><a href="/a">Storm closes ferry</a></li></ul></aside>'
        "<footer>All rights reserved.</footer></body></html>"
    ).encode()


def index_page() -> bytes:
    """A section front: headlines and links, no article."""
    links = "".join(f'<li><a href="/news/{n}">Story number {n}</a></li>' for n in range(12))
    return (
        '<!DOCTYPE html><html lang="en"><head><title>News | The Coastal Herald</title></head>'
        f"<body><nav><a href='/'>Home</a></nav><h1>Latest news</h1><ul>{links}</ul></body></html>"
    ).encode()


def rss_feed(links: Iterable[str | None]) -> bytes:
    """An RSS 2.0 feed with one item per link (None: an item without a link)."""
    items = []
    for number, link in enumerate(links, start=1):
        tag = f"<link>{link}</link>" if link else ""
        items.append(
            f"<item><title>Item {number}</title>{tag}"
            "<pubDate>Tue, 12 Mar 2024 09:30:00 GMT</pubDate></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>The Coastal Herald</title>{''.join(items)}</channel></rss>"
    ).encode()


def warc_archive(responses: Iterable[tuple[str, str, bytes]], gzip: bool = True) -> bytes:
    """A WARC file holding a request and a response record for each (url, content type, body)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for url, content_type, body in responses:
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "herald.example")], is_http_request=True
            ),
        )
        writer.write_record(request)
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    return buffer.getvalue()
