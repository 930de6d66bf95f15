"""Speakers on wire-style shapes (subjects, cue choice, resolution), on made-up sentences."""

from __future__ import annotations

from quotes.extract.pipeline import extract_quotations


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotations(text) if q.kind != "indirect"]


def test_said_another_is_one_more_unnamed_speaker_not_the_last_named_one() -> None:
    text = "Dana Perl said the plan was “bold.” “It is a waste,” said another.\n"
    assert speakers(text) == [("bold.", "Dana Perl"), ("It is a waste,", "another")]


def test_another_with_a_noun_is_a_description_of_its_own() -> None:
    text = "“It is a waste,” said another official.\n"
    assert speakers(text) == [("It is a waste,", "another official")]
