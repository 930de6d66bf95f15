"""quotes.query.show: a quotation in its sentence (search results on the web view)."""

from __future__ import annotations

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from quotes.query.show import QuoteContext, contexts, sentence_around


def _around(body: str, quoted: str) -> QuoteContext:
    start = body.index(quoted)
    return sentence_around(body, start, start + len(quoted))


def test_the_sentence_around_a_quotation_stops_at_sentence_and_paragraph_ends() -> None:
    body = "First one. Then he said “we will win” in Moscow. Next one.\nOther paragraph."
    assert _around(body, "we will win") == QuoteContext("Then he said “", "” in Moscow.")
    assert _around("Headline\n“Fine,” he said\nMore.", "Fine") == QuoteContext("“", ",” he said")


def test_a_long_sentence_is_cut_either_side() -> None:
    body = "x" * 1000 + " said “yes” " + "y" * 1000
    around = _around(body, "yes")
    assert (len(around.before), len(around.after)) == (240, 240)


def test_contexts_by_quotation_id(engine: Engine) -> None:
    from tests.search_sample import load_sample

    load_sample(engine)
    with Session(engine) as session:
        assert contexts(session, [2, 5]) == {
            2: QuoteContext("“", ",” Patrushev told TASS."),
            5: QuoteContext("Peskov said ", "."),
        }
        assert contexts(session, []) == {}
