"""Where a claim begins and ends in its sentence (`quotes.extract.claim_spans`), on made-up
sentences."""

from __future__ import annotations

import pytest

from quotes.extract.pipeline import extract_quotations


def claims(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotations(text) if q.kind == "indirect"]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("The port deal is an insult to the town, local councillors said Friday afternoon, as "
         "they gathered outside the hall.\n", "The port deal is an insult to the town"),
        ("The harbour plan is vague about who would be eligible, labour experts say, including "
         "a rule they say could exclude farmers.\n",
         "The harbour plan is vague about who would be eligible"),
    ],
)  # fmt: skip
def test_a_tail_after_a_trailing_cue_that_says_when_or_why_is_no_part_of_the_claim(
    sentence: str, claim: str
) -> None:
    assert [text for text, _ in claims(sentence)] == [claim]


def test_a_claim_in_a_relative_aside_ends_with_the_aside() -> None:
    text = "The relatives, who said they had seen the video, watched it again on Thursday.\n"
    assert claims(text) == [("they had seen the video", "relatives")]


def test_around_a_cue_set_off_by_commas_a_quotation_leaves_the_words_before_the_cue() -> None:
    text = (
        "Ivan Dole spoke at the harbour.\n\n"
        "Fishing rights abroad, Dole said, are a matter of survival, as the old slogan "
        "“No fish, no town” says.\n"
    )
    assert claims(text) == [("Fishing rights abroad", "Ivan Dole")]


def test_an_adverbial_before_a_cue_set_off_by_commas_is_no_claim() -> None:
    text = "Ivan Dole spoke at the harbour.\n\nDuring his years in office, Dole said, “the port grew.”\n"
    assert claims(text) == []


def test_a_trailing_cue_then_and_a_quotation_leaves_the_claim_before_it() -> None:
    text = "Ivan Dole spoke at the harbour.\n\nThe talks were useful, Dole said, and “we will meet again.”\n"
    assert [(q.kind, q.text) for q in extract_quotations(text)] == [
        ("indirect", "The talks were useful"),
        ("partial", "we will meet again."),
    ]


def test_what_a_body_estimates_is_its_claim() -> None:
    text = "The Harbour Institute estimates that the plan would cost $3 billion over a decade.\n"
    assert claims(text) == [("the plan would cost $3 billion over a decade", "Harbour Institute")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The port will reopen, Ivan Brook told reporters in Dunmore on Monday, Kyodo News "
        "reported.\n",
        "The port will reopen, Ivan Brook told a news conference, Kyodo News reported, citing "
        "government sources.\n",
    ],
)
def test_who_heard_a_claim_and_the_outlet_that_relayed_it_are_no_part_of_it(
    sentence: str,
) -> None:
    [claim] = extract_quotations(sentence)
    assert (claim.text, claim.speaker, claim.via) == (
        "The port will reopen",
        "Ivan Brook",
        "Kyodo News",
    )


def test_a_participle_saying_where_the_claim_was_made_ends_it() -> None:
    text = (
        "Ivan Brook said on Monday that Dunmore needed more ferries, speaking at a news "
        "conference with the visiting mayor.\n"
    )
    assert claims(text) == [("Dunmore needed more ferries", "Ivan Brook")]


def test_a_name_apposed_to_a_description_leaves_the_description_out_of_the_claim() -> None:
    text = (
        "The ferry created the timetable to help in storms, a spokeswoman, Anna Dole, said on "
        "Saturday.\n"
    )
    assert claims(text) == [("The ferry created the timetable to help in storms", "Anna Dole")]


def test_called_on_someone_to_act_is_a_claim_of_who_and_what() -> None:
    text = (
        "Ivan Brook on Monday called on Lyon and Dunmore to jointly reopen the port, when "
        "meeting the visiting mayor.\n\nDana Perl called on the ministry.\n"
    )
    assert claims(text) == [("Lyon and Dunmore to jointly reopen the port", "Ivan Brook")]


def test_a_participle_after_a_trailing_cue_leaves_the_claim_before_it() -> None:
    text = (
        "The deal could be announced as soon as next week, the sources said, asking not to be "
        "named because the talks are private.\n"
    )
    assert claims(text) == [("The deal could be announced as soon as next week", "sources")]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        ("In the early 1990s, Dana Perl said, when she was earning little, a boss invited her "
         "to lunch.\n",
         "In the early 1990s, Dana Perl said, when she was earning little, a boss invited her "
         "to lunch"),
        ("The attack hit Brook differently from those before it, and he responded as if he had "
         "been hurt.\n", None),
        ("Like Dole, the former customer, Ivan Brook doesn't say the port is closed.\n",
         "the port is closed"),
    ],
)  # fmt: skip
def test_an_adverbial_or_another_clause_before_a_cue_is_no_claim(
    sentence: str, claim: str | None
) -> None:
    found = [text for text, _ in claims(sentence)]
    assert found == ([claim] if claim else [])


def test_after_a_trailing_cue_a_coordinated_clause_leaves_the_claim_before_it() -> None:
    text = (
        "Ivan Brook spoke at the harbour.\n\n"
        "The point of the rules is to keep ships safe, Brook said, and with the pilots trained, "
        "it is safe to assume there will be no accident.\n"
    )
    assert claims(text) == [("The point of the rules is to keep ships safe", "Ivan Brook")]


def test_a_cue_set_off_by_commas_may_say_where_it_was_written() -> None:
    text = (
        "Ivan Brook spoke at the harbour.\n\n"
        "If anything, Brook argued in his email, the incident is a reason to adopt the rules.\n"
    )
    assert claims(text) == [
        (
            "If anything, Brook argued in his email, the incident is a reason to adopt the rules",
            "Ivan Brook",
        )
    ]


def test_late_on_a_day_before_that_and_although_before_a_quotation_bound_a_claim() -> None:
    text = (
        "Ivan Brook said late Wednesday that he would go ahead with the meeting, although he "
        "wrote that he “rejects the latest comments.”\n"
    )
    assert claims(text)[0] == ("he would go ahead with the meeting", "Ivan Brook")


def test_said_this_when_speaking_refers_back_and_makes_no_claim() -> None:
    text = (
        "Ivan Brook said Dunmore would strengthen ties with its neighbours.\n\n"
        "He said this when speaking to reporters after the launch of the programme.\n"
    )
    assert claims(text) == [("Dunmore would strengthen ties with its neighbours", "Ivan Brook")]


def test_as_quoted_in_a_statement_is_no_part_of_the_claim() -> None:
    text = (
        "Ivan Brook affirmed the port's commitment to peace, as quoted in a ministry statement.\n"
    )
    assert claims(text) == [("the port's commitment to peace", "Ivan Brook")]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The cuts will be announced next week, the people said, declining to be identified.\n",
         [("The cuts will be announced next week", "people")]),
        ("The talks stalled over pricing, said a person familiar with the matter, adding that "
         "they could resume.\n",
         [("The talks stalled over pricing", "person"), ("they could resume", "person")]),
    ],
)  # fmt: skip
def test_unnamed_sources_after_the_claim_leave_it_whole(
    sentence: str, found: list[tuple[str, str]]
) -> None:
    assert claims(sentence) == found
