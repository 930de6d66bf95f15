"""Speakers named after their words (quotes/extract/named_later.py), on made-up articles."""

from __future__ import annotations

from quotes.extract.pipeline import extract_quotations
from tests.extract.test_speakers import claims


def test_a_subhead_quotation_is_the_words_of_whoever_the_next_paragraph_says_said_them() -> None:
    text = (
        "Dunmore vows to fight on\n\n"
        "“We will never give up”\n\n"
        "Mayor Ivan Brook said on Monday that the town would never give up.\n\n"
        "“Ships will sail”\n\n"
        "Dana Perl said the harbour was closed.\n"
    )
    assert [
        (q.text, q.speaker, q.rule) for q in extract_quotations(text) if q.kind != "indirect"
    ] == [
        ("We will never give up", "Ivan Brook", "subhead-said-next"),
        ("Ships will sail", "Ivan Brook", "continues-previous"),  # no one says it next
    ]


def test_an_official_described_without_a_name_is_the_one_who_made_the_remarks() -> None:
    text = (
        "LYON, March 4 -- A Dunmore port authority spokesperson on Tuesday urged shippers to "
        "stay away.\n\n"
        "Spokesperson Dana Perl made the remarks at a daily briefing.\n\n"
        "A customs officer said the port was shut. Mayor Ivan Brook made the remarks later.\n"
    )
    assert claims(text) == [
        ("shippers to stay away", "Dana Perl"),
        ("the port was shut", "officer"),  # a mayor is no customs officer
    ]
