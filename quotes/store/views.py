"""Named reports, each a SQL view that migrations create, so sqlite3, psql and datasette users
see the same reports as `quotes report`.

The SQL of each view is defined once, here, per schema revision (alembic's "replaceable
objects" recipe): `VIEWS_0002` is what revision 0002 created and must never change. A later
revision that alters a view adds a new tuple (reusing the unchanged `View`s), its migration
replaces the changed views, and `REPORTS` points at the newest tuple.

A migration that rebuilds a table the views read (alembic batch mode on SQLite: copy, drop,
rename) must do it inside `views_suspended(conn, VIEWS_xxxx)`: SQLite refuses to rename a table
while a view names a table that is missing at that moment.

Every view is plain SQL that SQLite and PostgreSQL both run; where the two disagree (string
aggregation) a view carries a second, PostgreSQL spelling.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy.engine import Connection


@dataclass(frozen=True)
class View:
    """A report: `name` is what `quotes report NAME` takes; the view is `report_<name>`."""

    name: str
    description: str
    sql: str
    order_by: str
    """How `quotes report` orders the rows (views themselves are unordered)."""
    sql_postgresql: str | None = None

    @property
    def view_name(self) -> str:
        return f"report_{self.name}"

    def select_sql(self, dialect: str) -> str:
        if dialect == "postgresql" and self.sql_postgresql is not None:
            return self.sql_postgresql
        return self.sql

    def create(self, conn: Connection) -> None:
        sql = self.select_sql(conn.dialect.name).strip()
        conn.exec_driver_sql(f"CREATE VIEW {self.view_name} AS\n{sql}")

    def drop(self, conn: Connection) -> None:
        conn.exec_driver_sql(f"DROP VIEW IF EXISTS {self.view_name}")


SPEAKER_PUBLISHERS = View(
    name="speaker_publishers",
    description="Quotations per speaker per publisher, with the first and last date said.",
    sql="""
SELECT s.id AS speaker_id,
       s.name AS speaker,
       a.publisher_id AS publisher_id,
       p.name AS publisher,
       COUNT(*) AS quotations,
       COUNT(DISTINCT q.remark_id) AS remarks,
       MIN(q.said_on) AS first_said_on,
       MAX(q.said_on) AS last_said_on
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id
LEFT JOIN outlets p ON p.id = a.publisher_id
GROUP BY s.id, s.name, a.publisher_id, p.name
""",
    order_by="quotations DESC, speaker, publisher",
)

RELAY_DEPENDENCE = View(
    name="relay_dependence",
    description=(
        "Which publishers cite which relay outlets, how often, and what share of the "
        "publisher's quotations came through that relay."
    ),
    sql="""
SELECT a.publisher_id AS publisher_id,
       p.name AS publisher,
       q.via_outlet_id AS via_id,
       v.name AS via,
       COUNT(*) AS quotations,
       COUNT(DISTINCT q.article_id) AS articles,
       ROUND(100.0 * COUNT(*) / t.total, 1) AS percent_of_publisher
FROM quotes q
JOIN articles a ON a.id = q.article_id
JOIN outlets p ON p.id = a.publisher_id
JOIN outlets v ON v.id = q.via_outlet_id
JOIN (SELECT a2.publisher_id AS publisher_id, COUNT(*) AS total
      FROM quotes q2 JOIN articles a2 ON a2.id = q2.article_id
      GROUP BY a2.publisher_id) t ON t.publisher_id = a.publisher_id
GROUP BY a.publisher_id, p.name, q.via_outlet_id, v.name, t.total
""",
    order_by="quotations DESC, publisher, via",
)

_SHARED_REMARKS_SELECT = """
SELECT r.id AS remark_id,
       s.name AS speaker,
       MIN(q.said_on) AS first_said_on,
       COUNT(DISTINCT a.publisher_id) AS outlets,
       COUNT(*) AS quotations,
       {publishers} AS publishers,
       r.canonical_text AS text
FROM remarks r
JOIN quotes q ON q.remark_id = r.id
JOIN articles a ON a.id = q.article_id
LEFT JOIN speakers s ON s.id = r.speaker_id
GROUP BY r.id, s.name, r.canonical_text
HAVING COUNT(DISTINCT a.publisher_id) >= 2
"""
_PUBLISHERS_OF_REMARK = """(SELECT {aggregate} FROM (
           SELECT DISTINCT p2.name AS name
           FROM quotes q2
           JOIN articles a2 ON a2.id = q2.article_id
           JOIN outlets p2 ON p2.id = a2.publisher_id
           WHERE q2.remark_id = r.id
           ORDER BY p2.name) names)"""

SHARED_REMARKS = View(
    name="shared_remarks",
    description="Remarks carried by two or more outlets, with the outlets that carried them.",
    sql=_SHARED_REMARKS_SELECT.format(
        publishers=_PUBLISHERS_OF_REMARK.format(aggregate="group_concat(name, ', ')")
    ),
    sql_postgresql=_SHARED_REMARKS_SELECT.format(
        publishers=_PUBLISHERS_OF_REMARK.format(aggregate="string_agg(name, ', ' ORDER BY name)")
    ),
    order_by="outlets DESC, quotations DESC, remark_id",
)

DIVERGENT_REMARKS = View(
    name="divergent_remarks",
    description=(
        "Remarks whose reports differ most: how many different wordings, the spread of their "
        "lengths, and the lowest similarity between two linked reports."
    ),
    sql="""
SELECT r.id AS remark_id,
       s.name AS speaker,
       MIN(q.said_on) AS first_said_on,
       COUNT(*) AS quotations,
       COUNT(DISTINCT q.text) AS wordings,
       MIN(LENGTH(q.text)) AS shortest,
       MAX(LENGTH(q.text)) AS longest,
       MAX(LENGTH(q.text)) - MIN(LENGTH(q.text)) AS length_spread,
       (SELECT MIN(l.score) FROM quote_links l JOIN quotes qa ON qa.id = l.quote_a_id
        WHERE qa.remark_id = r.id) AS lowest_similarity,
       r.canonical_text AS text
FROM remarks r
JOIN quotes q ON q.remark_id = r.id
LEFT JOIN speakers s ON s.id = r.speaker_id
GROUP BY r.id, s.name, r.canonical_text
HAVING COUNT(DISTINCT q.text) >= 2
""",
    order_by="wordings DESC, length_spread DESC, remark_id",
)

SPEAKER_TIMELINE = View(
    name="speaker_timeline",
    description=(
        "What each speaker said, date by date: one row per remark (or unlinked quotation) and "
        "day, with how many quotations and outlets carried it. Use --speaker to pick one."
    ),
    sql="""
SELECT q.speaker_id AS speaker_id,
       s.name AS speaker,
       q.said_on AS said_on,
       q.remark_id AS remark_id,
       MIN(q.id) AS first_quote_id,
       COUNT(*) AS quotations,
       COUNT(DISTINCT a.publisher_id) AS outlets,
       COALESCE(r.canonical_text, q.text) AS text
FROM quotes q
JOIN speakers s ON s.id = q.speaker_id
JOIN articles a ON a.id = q.article_id
LEFT JOIN remarks r ON r.id = q.remark_id
GROUP BY q.speaker_id, s.name, q.said_on, q.remark_id, COALESCE(r.canonical_text, q.text)
""",
    order_by="speaker, said_on, first_quote_id",
)

VIEWS_0002: tuple[View, ...] = (
    SPEAKER_PUBLISHERS,
    RELAY_DEPENDENCE,
    SHARED_REMARKS,
    DIVERGENT_REMARKS,
    SPEAKER_TIMELINE,
)
"""The views revision 0002 created. Frozen: change a view in a new tuple and a new revision."""


# Revision 0004 dates quotations by `dated_on` (the date the text gives, else the article's
# published date), so timelines and date columns are no longer empty where the text names no
# day. Each changed view is the 0002 view with its date expressions swapped.
_DATE_SWAPS_0004 = (
    ("MIN(q.said_on) AS first_said_on", "MIN(q.dated_on) AS first_date"),
    ("MAX(q.said_on) AS last_said_on", "MAX(q.dated_on) AS last_date"),
    ("q.said_on AS said_on", "q.dated_on AS date"),
    ("GROUP BY q.speaker_id, s.name, q.said_on,", "GROUP BY q.speaker_id, s.name, q.dated_on,"),
    ("speaker, said_on, first_quote_id", "speaker, date, first_quote_id"),
    ("first and last date said", "first and last date"),
)


def _swapped(view: View, *swaps: tuple[str, str]) -> View:
    """`view` with each (old, new) text replaced in its SQL, ordering and description."""

    def swap(sql: str | None) -> str | None:
        if sql is None:
            return None
        for old, new in swaps:
            sql = sql.replace(old, new)
        return sql

    return replace(
        view,
        sql=swap(view.sql) or view.sql,
        sql_postgresql=swap(view.sql_postgresql),
        order_by=swap(view.order_by) or view.order_by,
        description=swap(view.description) or view.description,
    )


def _dated(view: View) -> View:
    return _swapped(view, *_DATE_SWAPS_0004)


VIEWS_0004: tuple[View, ...] = tuple(_dated(view) for view in VIEWS_0002)
"""The views revision 0004 created. Frozen, like VIEWS_0002."""

# Revision 0010_cli_vocabulary gives the views the column names every command uses
# (`canonical_text` for a remark's wording, `publishers` for a count of publishers,
# `publisher_names` for their names) and replaces divergent_remarks' `lowest_similarity`, which
# read 100 for a remark of excerpts (an excerpt scores its containment, not its likeness),
# with what can be measured in SQL: the shortest wording as a percentage of the longest, and
# how many links are rewordings (variants) rather than cuts.
_DIVERGENCE_0004 = (
    "       (SELECT MIN(l.score) FROM quote_links l JOIN quotes qa ON qa.id = l.quote_a_id\n"
    "        WHERE qa.remark_id = r.id) AS lowest_similarity,"
)
_DIVERGENCE_0010 = (
    "       ROUND(100.0 * MIN(LENGTH(q.text)) / MAX(LENGTH(q.text)), 1) AS shortest_percent,\n"
    "       (SELECT COUNT(*) FROM quote_links l JOIN quotes qa ON qa.id = l.quote_a_id\n"
    "        WHERE qa.remark_id = r.id AND l.relation = 'variant') AS reworded,"
)


_CANONICAL = (
    ("r.canonical_text AS text", "r.canonical_text AS canonical_text"),
    ("q.text) AS text", "q.text) AS canonical_text"),
)
_PUBLISHERS = (
    ("AS publishers,", "AS publisher_names,"),
    ("COUNT(DISTINCT a.publisher_id) AS outlets", "COUNT(DISTINCT a.publisher_id) AS publishers"),
)

VIEWS_0010: tuple[View, ...] = (
    VIEWS_0004[0],
    VIEWS_0004[1],
    _swapped(VIEWS_0004[2], *_CANONICAL, *_PUBLISHERS, ("outlets DESC", "publishers DESC")),
    _swapped(
        VIEWS_0004[3],
        *_CANONICAL,
        (_DIVERGENCE_0004, _DIVERGENCE_0010),
        (
            "the spread of their lengths, and the lowest similarity between two linked reports.",
            "the spread of their lengths, the shortest as a percentage of the longest, and "
            "how many links are rewordings rather than cuts.",
        ),
    ),
    _swapped(VIEWS_0004[4], *_CANONICAL, *_PUBLISHERS),
)
"""The views revision 0010_cli_vocabulary created. Frozen, like VIEWS_0002."""

# Revision 0012_remark_counts counts a shared remark as every command does
# (quotes.remarks.compare.remark_counts): publishers, relays and articles.
_COUNTS_0012 = (
    "       COUNT(*) AS quotations,\n       (SELECT",
    "       COUNT(DISTINCT q.via_outlet_id) AS relays,\n"
    "       COUNT(DISTINCT q.article_id) AS articles,\n"
    "       COUNT(*) AS quotations,\n       (SELECT",
)

VIEWS_0012: tuple[View, ...] = (
    *VIEWS_0010[:2],
    _swapped(VIEWS_0010[2], _COUNTS_0012),
    *VIEWS_0010[3:],
)
"""The views revision 0012_remark_counts created. Frozen, like VIEWS_0002."""

REPORTS: tuple[View, ...] = VIEWS_0012
"""The reports of the newest schema."""


def create_views(conn: Connection, views: tuple[View, ...]) -> None:
    for view in views:
        view.create(conn)


def drop_views(conn: Connection, views: tuple[View, ...]) -> None:
    for view in reversed(views):
        view.drop(conn)


@contextmanager
def views_suspended(conn: Connection, views: tuple[View, ...]) -> Iterator[None]:
    """Drop `views` (those of the revision being migrated from), run the block, create them
    again: for migrations that rebuild a table the views read."""
    drop_views(conn, views)
    yield
    create_views(conn, views)
