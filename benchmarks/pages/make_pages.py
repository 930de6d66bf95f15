"""Write the 20 measurement pages: each article of articles.json as text (txt/) and as a news page
(html/) in the layout of one publishing system, with its metadata where that system puts it.

    python benchmarks/pages/make_pages.py

The articles are written for this measurement (no real outlet's text). The layouts imitate what
the systems render: WordPress (entry-content, comments), Arc (JSON-LD publisher only, ads between
paragraphs), a wire service (dateline, credits), a state agency (date shown only on the page),
AMP, Drupal (dcterms.date), Ghost, a Chinese state agency (publishdate meta), a national
newspaper (figures, topic lists) and a legacy table layout (no metadata at all).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
Article = dict[str, object]


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def paragraphs(article: Article, tag: str = "p", attrs: str = "") -> str:
    return "\n".join(f"<{tag}{attrs}>{esc(p)}</{tag}>" for p in article["paragraphs"])  # type: ignore[attr-defined]


def json_ld(article: Article, publisher: bool = True) -> str:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article["title"],
        "datePublished": f"{article['published']}T08:15:00Z",
    }
    if publisher:
        data["publisher"] = {"@type": "Organization", "name": article["outlet"]}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def nav(*items: str) -> str:
    return "<nav>" + " ".join(f'<a href="/{i.lower()}">{i}</a>' for i in items) + "</nav>"


def wordpress(a: Article) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>{esc(a["title"])} &#8211; {esc(a["outlet"])}</title>
<meta name="generator" content="WordPress 6.4.3">
<meta property="og:site_name" content="{esc(a["outlet"])}"><meta property="og:type" content="article">
<meta property="article:published_time" content="{a["published"]}T18:42:10+00:00">
<link rel="stylesheet" href="/wp-content/themes/newsup/style.css"><script src="/wp-includes/js/jquery.min.js"></script>
</head><body class="post-template-default single single-post">
<header id="masthead"><div class="site-branding"><p class="site-title">{esc(a["outlet"])}</p></div>{nav("Home", "Local", "Sport", "Opinion", "Contact")}</header>
<div id="content"><article class="post type-post status-publish"><header class="entry-header"><h1 class="entry-title">{esc(a["title"])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{a["published"]}T18:42:10+00:00">{a["published"]}</time></span> <span class="byline">by staff</span></div></header>
<div class="entry-content">{paragraphs(a)}
<div class="sharedaddy"><h3>Share this:</h3><ul><li>Facebook</li><li>Email</li></ul></div></div></article>
<div class="related-posts"><h3>Related</h3><ul><li><a href="/x">Parking charges to rise</a></li><li><a href="/y">New mayor sworn in</a></li></ul></div>
<div id="comments"><h3 id="reply-title">Leave a Reply</h3><form><p>Your email address will not be published.</p><textarea></textarea></form></div></div>
<aside id="secondary"><section class="widget"><h2>Recent Posts</h2><ul><li>Bin collections change</li></ul></section></aside>
<footer id="colophon"><p>&copy; 2024 {esc(a["outlet"])}. Proudly powered by WordPress.</p></footer></body></html>"""


def arc(a: Article) -> str:
    body = []
    for n, p in enumerate(a["paragraphs"]):  # type: ignore[arg-type]
        body.append(f'<p class="article-body-text" data-el="text">{esc(p)}</p>')
        if n == 1:
            body.append('<div class="ad-slot"><span>Advertisement</span></div>')
            body.append('<p class="story-continues">Story continues below advertisement</p>')
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a["title"])}</title>
<meta name="twitter:card" content="summary_large_image">{json_ld(a)}
<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{{}};Fusion.arcSite="site";Fusion.globalContent={{"_id":"ABC","type":"story"}};</script>
</head><body><div id="fusion-app"><header class="site-header">{nav("Politics", "Business", "World", "Subscribe")}</header>
<main><article><h1 data-qa="headline">{esc(a["title"])}</h1><div class="byline">By Staff Writer</div>
<div class="article-body">{"".join(body)}</div></article>
<section class="most-read"><h2>Most Read</h2><ol><li><a href="/a">Five things to know today</a></li><li><a href="/b">Weather warning issued</a></li></ol></section></main>
<footer><p>Terms of Use. Privacy Policy.</p></footer></div></body></html>"""


def wire(a: Article) -> str:
    body = "".join(
        f'<p data-testid="paragraph-{n}">{esc(p)}</p>'
        for n, p in enumerate(a["paragraphs"])  # type: ignore[arg-type]
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a["title"])} | {esc(a["outlet"])}</title>
<meta property="og:site_name" content="{esc(a["outlet"])}"><meta name="article:published_time" content="{a["published"]}T11:07:00Z">
<meta name="description" content="{esc(a["paragraphs"][0])}"></head>
<body><header>{nav("World", "Business", "Markets", "Sustainability")}</header><main><article>
<h1 data-testid="Heading">{esc(a["title"])}</h1><div class="info"><time datetime="{a["published"]}T11:07:00Z">{a["published"]}</time></div>
<div class="article-body__content">{body}<p class="sign-off">Reporting by Staff; Editing by Desk</p>
<p class="trust">Our Standards: The Trust Principles.</p></div></article></main>
<footer>All quotes delayed a minimum of 15 minutes.</footer></body></html>"""


def state(a: Article) -> str:
    day = date.fromisoformat(str(a["published"]))
    shown = f"{day.day} {day.strftime('%B')} {day.year}, 14:05"
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a["title"])} - {esc(a["outlet"])}</title>
{json_ld(a, publisher=True).replace('"datePublished": "' + str(a["published"]) + 'T08:15:00Z", ', "")}
</head><body><div class="layout"><header class="header">{nav("Politics", "Economy", "Regions", "Press releases")}</header>
<div class="news-header"><h1 class="news-header__title">{esc(a["title"])}</h1><div class="news-header__date">{shown}</div></div>
<div class="text-block">{paragraphs(a)}</div>
<div class="tags">Tags: government, economy</div></div>
<footer>When using materials, a hyperlink to the agency is required.</footer></body></html>"""


def amp(a: Article) -> str:
    return f"""<!doctype html><html ⚡ lang="en"><head><meta charset="utf-8"><title>{esc(a["title"])}</title>
<link rel="canonical" href="https://courier.example/news/{a["slug"]}"><meta name="viewport" content="width=device-width">
<script async src="https://cdn.ampproject.org/v0.js"></script>{json_ld(a)}
<style amp-boilerplate>body{{visibility:hidden}}</style><style amp-custom>h1{{font-size:2em}}</style></head>
<body><header class="amp-header"><amp-img src="/logo.png" width="120" height="40" alt="logo"></amp-img></header>
<article class="amp-article"><h1>{esc(a["title"])}</h1><amp-img src="/photo.jpg" width="600" height="400" layout="responsive" alt="photo"></amp-img>
<div class="amp-body">{paragraphs(a)}</div><amp-ad width="300" height="250" type="doubleclick"></amp-ad></article>
<amp-social-share type="twitter"></amp-social-share><footer>Read the full site</footer></body></html>"""


def drupal(a: Article) -> str:
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><title>{esc(a["title"])} | {esc(a["outlet"])}</title>
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)"><meta property="og:site_name" content="{esc(a["outlet"])}">
<meta name="dcterms.date" content="{a["published"]}T10:00:00Z"></head>
<body class="path-node page-node-type-article"><div class="dialog-off-canvas-main-canvas"><header role="banner">{nav("News", "Events", "About")}</header>
<nav class="breadcrumb"><ol><li>Home</li><li>News</li></ol></nav>
<main role="main"><article class="node node--type-article"><h1 class="page-title"><span class="field--name-title">{esc(a["title"])}</span></h1>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary">{paragraphs(a)}</div></article></main>
<footer role="contentinfo"><div class="region-footer">Contact us. Accessibility.</div></footer></div></body></html>"""


def ghost(a: Article) -> str:
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{esc(a["title"])}</title>
<meta name="generator" content="Ghost 5.80"><meta property="og:site_name" content="{esc(a["outlet"])}">
<meta property="article:published_time" content="{a["published"]}T07:00:00.000Z"></head>
<body class="post-template"><div class="gh-site"><header class="gh-head">{nav("Home", "About", "Sign in", "Subscribe")}</header>
<main class="gh-main"><article class="gh-article post"><header class="gh-article-header"><h1 class="gh-article-title">{esc(a["title"])}</h1></header>
<section class="gh-content gh-canvas">{paragraphs(a)}</section></article>
<section class="footer-cta"><h2>Sign up for more like this.</h2><form><input type="email" placeholder="Enter your email"><button>Subscribe</button></form></section></main>
<footer class="gh-foot">Powered by Ghost</footer></div></body></html>"""


def xinhua(a: Article) -> str:
    return f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(a["title"])}-Xinhua</title><meta name="publishdate" content="{a["published"]}"><meta name="source" content="Xinhua">
</head><body><div class="header">{nav("China", "World", "Business", "Photos")}</div>
<div class="main"><div class="header-cont"><h1>{esc(a["title"])}</h1><div class="info"><span class="source">Source: Xinhua</span></div></div>
<div id="detail">{paragraphs(a)}<p class="editor">Editor: Staff</p></div></div>
<div class="footer">Copyright &copy; 2024 Xinhua News Agency. All rights reserved.</div></body></html>"""


def newspaper(a: Article) -> str:
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{esc(a["title"])} | {esc(a["outlet"])}</title>
<meta property="og:site_name" content="{esc(a["outlet"])}"><meta property="article:published_time" content="{a["published"]}T21:30:00.000Z">
<meta name="author" content="Education correspondent"></head>
<body><header><div class="edition">UK edition</div>{nav("News", "Opinion", "Sport", "Culture", "Lifestyle")}</header>
<main><article><div data-gu-name="headline"><h1>{esc(a["title"])}</h1></div>
<figure><img src="/pic.jpg" alt=""><figcaption>A file photograph. Photograph: Agency</figcaption></figure>
<div data-gu-name="body" class="article-body-commercial-selector">{paragraphs(a)}</div></article>
<aside><h2>Explore more on these topics</h2><ul><li>Schools</li><li>Politics</li></ul><p>Reuse this content</p></aside></main>
<footer>&copy; 2024 {esc(a["outlet"])} Media Group</footer></body></html>"""


def legacy(a: Article) -> str:
    day = date.fromisoformat(str(a["published"]))
    posted = f"{day.strftime('%A, %B')} {day.day}, {day.year} 10:15 AM"
    paras = "".join(f"<font face=arial size=2>{esc(p)}</font><br><br>\n" for p in a["paragraphs"])  # type: ignore[attr-defined]
    return f"""<HTML><HEAD><TITLE>{esc(a["title"])} - {esc(a["outlet"])}</TITLE></HEAD>
<BODY bgcolor=#ffffff><TABLE width=760><TR><TD colspan=2><IMG src=/banner.gif alt="{esc(a["outlet"])}"></TD></TR>
<TR><TD width=160 valign=top><A href=/>Home</A><BR><A href=/news>News</A><BR><A href=/obits>Obituaries</A><BR><A href=/classifieds>Classifieds</A></TD>
<TD valign=top><B><FONT size=4>{esc(a["title"])}</FONT></B><BR><FONT size=1>Posted: {posted}</FONT><BR><BR>
{paras}</TD></TR><TR><TD colspan=2><FONT size=1>&copy; 2024 {esc(a["outlet"])}. All rights reserved.</FONT></TD></TR></TABLE></BODY></HTML>"""


LAYOUTS: dict[str, Callable[[Article], str]] = {
    "wordpress": wordpress, "arc": arc, "wire": wire, "state": state, "amp": amp,
    "drupal": drupal, "ghost": ghost, "xinhua": xinhua, "newspaper": newspaper, "legacy": legacy,
}  # fmt: skip


def main() -> None:
    articles = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))
    for folder in ("txt", "html"):
        (HERE / folder).mkdir(exist_ok=True)
    for number, article in enumerate(articles, start=1):
        name = f"{number:02d}_{article['layout']}_{article['slug']}"
        text = "\n\n".join([article["title"], *article["paragraphs"]]) + "\n"
        (HERE / "txt" / f"{name}.txt").write_text(text, encoding="utf-8")
        (HERE / "html" / f"{name}.html").write_text(
            LAYOUTS[article["layout"]](article), encoding="utf-8"
        )
    print(f"wrote {len(articles)} articles to {HERE / 'txt'} and {HERE / 'html'}")


if __name__ == "__main__":
    main()
