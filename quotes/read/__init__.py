"""Read: turn paths and URLs into articles (text plus metadata) or one-line problems, before any
extraction.

`read_articles(paths)` yields `ArticleInput` records or `ReadProblem`s, from text, Markdown and
JSON Lines files (files.py), HTML pages (html.py), URLs (fetch.py), feeds (feeds.py) and web
archives (warc.py); `count_articles` sizes a batch for progress; `parse_date` reads the dates
users give (dates.py).
"""

from quotes.read.dates import parse_date
from quotes.read.files import count_articles, read_articles
from quotes.read.problems import ReadProblem

__all__ = ["ReadProblem", "count_articles", "parse_date", "read_articles"]
