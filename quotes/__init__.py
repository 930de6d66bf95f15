"""quotes: a claim and quote attribution database.

Feed it news articles; it finds every quotation and reported claim, attributes each to its
speaker, records the outlet the remark came through, the publisher and the date, links the
same remark across articles and stores it all for cross-source comparison.
"""

__version__ = "0.1.0"
