"""quotes.query.language: parsing, and the same ids from SQLite and PostgreSQL for every form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quotes import query
from quotes.query.language import Term, parse, to_fts5, to_tsquery
from quotes.store.schema import open_database
from tests.conftest import drop_pg_database, new_pg_database
from tests.search_sample import load_sample


def test_parse_each_form() -> None:
    assert parse('world "just world" Putin OR Xi -Ukraine -"cold war" ord*').groups == (
        (Term(("world",)),),
        (Term(("just", "world")),),
        (Term(("putin",)), Term(("xi",))),
        (Term(("ord",), prefix=True),),
    )
    assert parse("-Ukraine -\"cold war\"").excluded == (
        Term(("ukraine",)), Term(("cold", "war")),
    )  # fmt: skip


def test_parse_never_fails_and_drops_what_indexes_nothing() -> None:
    assert parse("the of AND - * ()").empty
    assert parse('"unbalanced phrase').groups == ((Term(("unbalanced", "phrase")),),)
    assert parse("world-order").groups == ((Term(("world", "order")),),)
    assert parse("Ölpreis").groups == ((Term(("olpreis",)),),)
    assert parse("or OR").groups == ()


def test_backend_syntax() -> None:
    q = parse('world "just world" Putin OR Xi -Ukraine ord*')
    assert to_fts5(q) == (
        '("world") AND ("just world") AND ("putin" OR "xi") AND ("ord"*) NOT "ukraine"'
    )
    assert to_tsquery(q) == (
        "(('world')) & (('just' <-> 'world')) & (('putin') | ('xi')) & (('ord':*)) & !('ukraine')"
    )


def test_describe() -> None:
    assert parse('world "just world" Putin OR Xi -Ukraine ord*').describe() == (
        'all of: world, "just world", putin or xi, ord*; without: ukraine'
    )


# Each query with the quotation ids it finds in tests/search_sample.py, on both backends.
QUERIES = {
    "world order": [1, 2, 3],
    '"world order"': [1, 2, 3],
    "world-order": [1, 2, 3],
    '"order world"': [],
    "world -order": [4],
    'world -"world order"': [4],
    "world OR sanctions": [1, 2, 3, 4, 5],
    "Putin OR sanctions": [5],
    "sanction": [5],
    "sanc*": [5],
    "stabil*": [4],
    "wor*": [1, 2, 3, 4, 5],
    "allies": [6],
    "the West": [6],
    '"west and its allies"': [6],
    "world AND order": [1, 2, 3],
    "Putin OR Xi": [],
    '"(AND OR NOT - *': [],
    "-world": [],
}


@pytest.fixture
def both(tmp_path: Path, pg_admin: Engine) -> Iterator[dict[str, Engine]]:
    pg_url = new_pg_database(pg_admin)
    engines = {
        "sqlite": open_database(f"sqlite:///{tmp_path / 'quotes.db'}", writer=True),
        "postgresql": open_database(pg_url, writer=True),
    }
    for engine in engines.values():
        load_sample(engine)
    yield engines
    for engine in engines.values():
        engine.dispose()
    drop_pg_database(pg_admin, pg_url)


def test_the_search_language_gives_the_same_ids_on_both_backends(
    both: dict[str, Engine],
) -> None:
    found: dict[str, dict[str, list[int]]] = {}
    for backend, engine in both.items():
        with Session(engine) as session:
            found[backend] = {
                term: sorted(h.quote_id for h in query.search(session, term, text_only=True).hits)
                for term in QUERIES
            }
    assert found["sqlite"] == QUERIES
    assert found["postgresql"] == QUERIES


def test_export_reads_terms_like_search(both: dict[str, Engine]) -> None:
    for engine in both.values():
        with Session(engine) as session:
            exported = query.export(session, query.Filters(limit=None), "world -order")
            assert [row["quote_id"] for row in exported] == [4]
