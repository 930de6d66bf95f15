"""Read: turn paths into articles (text plus metadata) or one-line problems, before any extraction.

`read_articles(paths)` yields `ArticleInput` records or `ReadProblem`s; `count_articles` sizes a
batch for progress; `parse_date` reads the dates users give.
"""

from quotes.read.files import ReadProblem, count_articles, parse_date, read_articles

__all__ = ["ReadProblem", "count_articles", "parse_date", "read_articles"]
