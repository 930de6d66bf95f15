"""Extraction: quote marks, shapes, speakers, relays and claims, on the seeds and small texts."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.pipeline import extract_quotations
from quotes.extract.quotemarks import find_quotes
from quotes.records import Quotation

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
FIXTURE = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "seed_quotations.json").read_text("utf-8")
)


def quoted(text: str, published: date | None = None) -> list[Quotation]:
    return [q for q in extract_quotations(text, published) if q.kind != "indirect"]


def found(text: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.text, q.speaker, q.via, q.kind) for q in quoted(text)]


# --- The seed articles ------------------------------------------------------------------------


def _seed_cases() -> list[tuple[str, int]]:
    return [(name, index) for name, items in FIXTURE.items() for index in range(len(items))]


@pytest.fixture(scope="module")
def seed_results() -> dict[str, list[Quotation]]:
    metadata = {m["file"]: m for m in json.loads((SEEDS / "metadata.json").read_text("utf-8"))}
    results = {}
    for name in FIXTURE:
        text = (SEEDS / name).read_text(encoding="utf-8")
        results[name] = quoted(text, date.fromisoformat(metadata[name]["published"]))
    return results


def test_seed_quotations_are_found_in_order(seed_results: dict[str, list[Quotation]]) -> None:
    for name, expected in FIXTURE.items():
        assert [q.text for q in seed_results[name]] == [e["text"] for e in expected], name


@pytest.mark.parametrize(("name", "index"), _seed_cases())
def test_seed_quotation(seed_results: dict[str, list[Quotation]], name: str, index: int) -> None:
    expected = FIXTURE[name][index]
    got = seed_results[name][index]
    wanted = (expected["text"], expected["speaker"], expected["via"], expected["kind"])
    if "gap" in expected:  # a known gap: xfail while it lasts, fail once closed (drop the note)
        assert (got.text, got.speaker, got.via, got.kind) != wanted, (
            "gap closed: " + expected["gap"]
        )
        pytest.xfail(expected["gap"])
    assert (got.text, got.speaker, got.via, got.kind) == wanted


def test_seed_spans_index_the_text(seed_results: dict[str, list[Quotation]]) -> None:
    for name, results in seed_results.items():
        text = (SEEDS / name).read_text(encoding="utf-8")
        assert all(text[q.start : q.end] == q.text for q in results)


# --- Quote marks ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("He said “it won’t work,” and left.", ["it won’t work,"]),
        ("It must not bend to ‘external factors’, he says.", ["external factors"]),
        ('He said "yes" and "no".', ["yes", "no"]),
        ("Il a dit « oui » hier.", ["oui"]),
        ("Er sagte „Ja“ heute.", ["Ja"]),
        (
            "The line: ''President Obama doesn't get the credit.'' Next.",
            ["President Obama doesn't get the credit."],
        ),
        ("China’s leaders’ talks went on; Russia hasn’t said.", []),
        ("An open “quote that runs on\n\nNext paragraph here.", ["quote that runs on"]),
        ("Pike said in ‘08 that voters were “open” to it.", ["open"]),
        ("In the '70s and '80s the unit was the \"Midnight Crew,\" they say.", ["Midnight Crew,"]),
        ("Quill‘s pick, she said, was ‘not now’ for them.", ["not now"]),
        ("He said ‘90 percent’ of them left.", ["90 percent"]),
    ],
)
def test_quote_marks(text: str, inner: list[str]) -> None:
    spans = []
    start = 0
    for line in text.split("\n"):
        spans.extend(text[q.start : q.end] for q in find_quotes(text, start, start + len(line)))
        start += len(line) + 1
    assert spans == inner


def test_a_transcripts_stage_direction_is_no_quotation() -> None:
    text = (
        "“PERL: We will cut taxes and repeal the law —.\n\n“(CROSSTALK.)\n\n"
        "“QUILL: If I may, sir, we have little time.\n\n“[APPLAUSE]\n"
    )
    assert [(q.speaker, q.text) for q in quoted(text)] == [
        ("Perl", "We will cut taxes and repeal the law —."),
        ("Quill", "If I may, sir, we have little time."),
    ]


def test_unbalanced_mark_does_not_swallow_the_article() -> None:
    text = "He said “this never closes.\n\nThe next paragraph is the reporter's own.\n"
    assert [q.text for q in quoted(text)] == ["this never closes."]


def test_a_nickname_inside_a_name_is_no_quotation_and_no_part_of_the_name() -> None:
    text = (
        "Former boxer Ivan “Iron” Brook said the port would reopen.\n\n"
        "Dana “The Hammer” Perl said the ferries would resume on Monday.\n"
    )
    assert [(q.text, q.speaker) for q in extract_quotations(text)] == [
        ("the port would reopen", "Ivan Brook"),
        ("the ferries would resume on Monday", "Dana Perl"),
    ]
    headline = "Brook ‘The Dealmaker’ Could Reopen The Port\n\nThe port is shut.\n"
    assert [q.text for q in extract_quotations(headline)] == ["The Dealmaker"]  # title case


# --- Shapes and speakers ----------------------------------------------------------------------


def test_quote_then_speaker_with_title() -> None:
    text = (
        "Russian Security Council Secretary Nikolai Patrushev met officials on Monday.\n\n"
        "“We will keep our word,” Patrushev said.\n"
    )
    [q] = quoted(text)
    assert (q.text, q.speaker, q.cue, q.kind, q.rule) == (
        "We will keep our word,",
        "Nikolai Patrushev",
        "said",
        "direct",
        "quote-then-cue",
    )


def test_title_splits_from_name() -> None:
    text = "“We will keep our word,” said Russian Security Council Secretary Nikolai Patrushev.\n"
    [q] = quoted(text)
    assert (q.speaker, q.role) == ("Nikolai Patrushev", "Russian Security Council Secretary")


def test_speaker_then_quote_listener_is_not_speaker() -> None:
    text = (
        "Li Zhanshu visited Moscow.\n\n"
        "He told the legislature’s chairman Vyacheslav Volodin: “China understands Russia.”\n"
    )
    [q] = quoted(text)
    assert (q.text, q.speaker, q.kind) == ("China understands Russia.", "Li Zhanshu", "direct")


def test_quote_split_by_attribution_and_next_paragraph() -> None:
    text = (
        "Top Chinese diplomat Wang Yi met Putin.\n\n"
        "“Relations are steady,” Wang said. “They will stay so.”\n\n"
        "“And we are ready.”\n\n"
        "Wang Qingsong, an analyst, was not there.\n"
    )
    assert found(text) == [
        ("Relations are steady,", "Wang Yi", None, "direct"),
        ("They will stay so.", "Wang Yi", None, "direct"),
        ("And we are ready.", "Wang Yi", None, "direct"),
    ]


def test_multi_paragraph_quote_continues() -> None:
    text = "Putin told Xi: “We value your position.\n\n“We understand your concerns.”\n"
    assert [(q.text, q.speaker) for q in quoted(text)] == [
        ("We value your position.", "Putin"),
        ("We understand your concerns.", "Putin"),
    ]


def test_pronoun_looks_past_related_headline() -> None:
    text = (
        "Gal Luft, co-director of an institute, said Xi would tread carefully.\n\n"
        "Vladimir Putin oversees military drills in the far east\n\n"
        "“China will be on the horns of a dilemma,” he said.\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Gal Luft"


def test_description_resolves_to_earlier_person() -> None:
    text = (
        "Chinese President Xi Jinping met Russian President Vladimir Putin.\n\n"
        "“We are friends,” the Russian leader said.\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Vladimir Putin"


def test_scare_quotes_are_not_attributed() -> None:
    text = "The so-called “Make America Great Again” slogan was everywhere.\n"
    [q] = quoted(text)
    assert (q.speaker, q.rule) == (None, "unattributed")


def test_inverted_description_speaker_and_continuation() -> None:
    text = "“We lost the room,” said one former campaign staffer. “Nobody listened.”\n"
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("one former campaign staffer", "quote-then-cue"),
        ("one former campaign staffer", "continues-previous"),
    ]


def test_trailing_claim_needs_the_clause_before_the_comma() -> None:
    text = "At a rally on Monday, Sen. Mara Quill said the plan would fail.\n"
    [claim] = extract_quotations(text)
    assert (claim.text, claim.speaker) == ("the plan would fail", "Mara Quill")


def test_inner_quote_closed_before_a_spaced_double_mark() -> None:
    text = '"They treat it like, \'Oh, this is big,\' " Mara Quill said. "Then they move on."\n'
    assert [(q.text, q.speaker) for q in quoted(text)] == [
        ("They treat it like, 'Oh, this is big,'", "Mara Quill"),
        ("Then they move on.", "Mara Quill"),
    ]


def test_acronym_speaker_and_long_apposition() -> None:
    text = (
        "“We are an inclusive company,” ESPN said.\n"
        "“They scare me,” Harry Bond, 30, of Raleigh, N.C., who was polled, said on Monday.\n"
        "“Mexico!” the audience screamed back.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["ESPN", "Harry Bond", "audience"]


def test_a_sentence_naming_a_speaker_hands_them_the_next_quote() -> None:
    text = (
        "“It is over,” said Dana Perl, a pollster.\n"
        "Professor Ann Hoot agreed. “Voters have decided.”\n"
    )
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("Dana Perl", "quote-then-cue"),
        ("Ann Hoot", "continues-previous"),
    ]


def test_partial_quote_ending_a_sentence_keeps_its_own_speaker() -> None:
    text = (
        "Mara Quill released a statement condemning “a horrific attack.” "
        "Dana Perl said she would call her.\n"
    )
    [q] = quoted(text)
    assert (q.text, q.speaker) == ("a horrific attack.", "Mara Quill")


def test_cue_with_a_colon_introduces_the_next_quotation() -> None:
    text = "“We are refugees,” Ms. Quill said. “We are tired.” Mr. Perl said: “We ran.”\n"
    assert [q.speaker for q in quoted(text)] == ["Quill", "Quill", "Perl"]


def test_name_and_colon_label_a_quotation() -> None:
    text = "Headline about the turnout today.\nTURNOUT IS UP - Dana Perl:  “The contests have started.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.rule) == ("Dana Perl", "label-colon")


def test_capitalised_inverted_cue_introduces_the_next_paragraph() -> None:
    text = "Headline about the stakes today.\nContinued Stone:\n“The stakes are so high.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.rule) == ("Stone", "continues-previous")


def test_chanting_crowd_speaks_its_chant() -> None:
    text = "Sanders protesters interrupted her speech, shouting “she wins, we lose!”\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("Sanders protesters", "shouting")


def test_participle_after_a_comma_takes_the_sentence_subject_not_the_object() -> None:
    text = (
        "On Thursday, after weeks of silence, Mara Quill endorsed Dana Perl, saying, "
        "“I think she is exactly what this country needs.”\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("Mara Quill", "saying")


def test_as_x_put_it_and_continues_colon() -> None:
    text = (
        "As Dana Perl, the No. 2 in the leadership, put it: “This will not pass.”\n"
        "The crowd cheers, and then Quill continues: “We will prosper.”\n"
    )
    assert [(q.speaker, q.cue) for q in extract_quotations(text)] == [
        ("Dana Perl", "put it"),
        ("Quill", "continues"),
    ]


def test_according_to_an_outlet_with_nobody_else_named() -> None:
    text = "According to the Daily Caller, “Labott also coordinated with Reines.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.speaker_kind, q.rule) == (
        "The Daily Caller",
        "organisation",
        "according-to-outlet",
    )


_TITLES = (
    "This Week.",
    "The Long Repair,",
    "An American Son.",
    "Those Guys Have All the Fun",
    "13th",
)


@pytest.mark.parametrize(
    "text",
    [
        "“We will win,” Dana Perl said on ABC's “This Week.”\n",
        "“It is broken,” said Mara Quill, author of “The Long Repair,” a history.\n",
        "“It was luck,” Mara Quill said in her 2012 book, “An American Son.”\n",
        "“It is fun,” said Mara Quill, co-author of “Those Guys Have All the Fun: Inside the "
        "World of the Network.”\n",
        "“It is about freedom,” Mara Quill said. Quill’s “13th” shows how the law changed.\n",
    ],
)
def test_titles_of_works_and_markup_are_not_quotations(text: str) -> None:
    titles = [q for q in quoted(text) if q.text.startswith(_TITLES)]
    assert all(q.speaker is None for q in titles)
    assert titles


def test_marks_inside_a_markup_tag_are_no_quotation() -> None:
    text = (
        "“We will win,” Dana Perl said.\n\n"
        '<tweet pic="pic.twitter.com/" author="danaperl" tweet_id="77">The port is open.</tweet>'
        '\n\nDana Perl posted <a href="http://example.org">a link</a> about “We will win.”\n\n'
        "She said the count was “3 < 4” and “fine” > ok.\n"
    )
    assert [q.text for q in quoted(text)] == ["We will win,", "We will win.", "3 < 4", "fine"]


def test_a_friend_is_not_resolved_to_a_named_person() -> None:
    text = (
        "Among the victims was Dana Perl, whose friend Mara Quill organised a vigil.\n"
        "A friend called her “the kindest soul I ever met.”\n"
    )
    [q] = quoted(text)
    assert q.speaker == "friend"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“It gave us a chance,” Cuban said.\n", "Cuban", "said"),
        (
            "But Sen. Mara Quill (R-Ore.) refused, responding that she is “not going there.”\n",
            "Mara Quill",
            "responding",
        ),
        (
            "In other words, explained moderator Dana Perl: “What does that mean?”\n",
            "Dana Perl",
            "explained",
        ),
        ("Asked about it, Mr. Perl shot back: “That would be good.”\n", "Perl", "shot back"),
        ("The group is calling on the mayor to “stop pimping votes” now.\n", "Group", "calling"),
        ("In a column, Will described the plan as “a caricature.”\n", "Will", "described"),
    ],
)
def test_more_cue_shapes(text: str, speaker: str, cue: str) -> None:
    [q] = quoted(text)
    assert (q.speaker, q.cue) == (speaker, cue)


@pytest.mark.parametrize(
    "second",
    [
        "According to him, the two sides “do not hide” their goals.\n",
        "In his words, the obligations “have not been fulfilled.”\n",
    ],
)
def test_according_to_him_and_in_his_words_name_the_last_speaker(second: str) -> None:
    text = "Sergei Lavrov said Russia had never refused to negotiate.\n\n" + second
    quotation = next(q for q in extract_quotations(text) if q.kind != "indirect")
    assert (quotation.speaker, quotation.speaker_text) == ("Sergei Lavrov", "he")


def test_according_to_her_campaign_is_not_a_pronoun() -> None:
    text = "Mira Kane spoke.\n\nAccording to her campaign, the plan is “dead”.\n"
    [q] = quoted(text)
    assert (q.speaker_text, q.cue) == ("her campaign", "according to")


def test_the_object_of_a_verb_other_than_say_is_not_its_inverted_subject() -> None:
    text = "The Chinese side, in turn, reaffirmed its position on the talks.\n"
    [q] = extract_quotations(text)
    assert (q.speaker, q.cue, q.text) == ("Chinese side", "reaffirmed", "its position on the talks")


def test_quotation_after_a_colon_does_not_take_the_next_sentences_cue() -> None:
    text = "Mara Quill interjected: “It is just not true.” Dana Perl said the plan was weak.\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("Mara Quill", "interjected")


def test_a_participle_after_a_quotation_does_not_invert() -> None:
    text = "Dana Perl hailed the vote as “fantastic,” telling reporters it was great.\n"
    [q] = quoted(text)
    assert q.speaker == "Dana Perl"


def test_a_sentence_opening_with_a_quotation_takes_its_subject_after_the_quotation() -> None:
    text = (
        "Dana Perl sang her new song to the crowd.\n"
        "“Keep your eyes on the road,” Perl sings to Quill before asking her, “Where do we go?”\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Dana Perl", "Dana Perl"]


def test_a_quotation_signed_with_a_dash_and_a_name_is_that_persons() -> None:
    text = (
        "Readers answered the mayor online.\n\n"
        "“She is someone no sane person would want as mayor.” ― Ada Lark\n\n"
        "“Ferries are late again.” — Tom Pike (@tompike) September 1, 2016\n"
    )
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("Ada Lark", "signed"),
        ("Tom Pike", "signed"),
    ]


def test_a_cue_running_into_the_quotation_beats_a_cue_after_it() -> None:
    text = (
        "In 2009, under what Mr. Hedge called “the old model,” the Dunmore Golf Club, a private "
        "course in Ponte Vedra Beach, Fla., charged a $100,000 fee.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.cue, q.rule) == ("Hedge", "called", "cue-then-quote")


def test_who_heard_a_participle_is_not_its_speaker() -> None:
    emailed = "The Harbour senator emailed supporters saying: “The struggle continues.”\n"
    sent = "Dana Perl sent a text message to supporters saying: “We won!”\n"
    assert [q.speaker for q in quoted(emailed)] == ["Harbour senator"]
    assert [q.speaker for q in quoted(sent)] == ["Dana Perl"]


def test_a_quotation_closing_an_opening_clause_is_that_clauses_speakers() -> None:
    shouted = "When a man in the crowd shouted, “Quill,” Perl joked, “Amen!”\n"
    said = "After Pike said the plan would “sink the harbour,” Perl said: “Nonsense.”\n"
    main = "When Pike said he was leaving, he “wanted a change,” said Dana Perl.\n"
    assert [q.speaker for q in quoted(shouted)] == ["man in the crowd", "Perl"]
    assert [q.speaker for q in quoted(said)] == ["Pike", "Perl"]
    assert [q.speaker for q in quoted(main)] == ["Dana Perl"]


def test_an_exclamation_then_a_titled_speaker_is_one_sentence() -> None:
    text = (
        "Spokesman Tom Pike said the hall was open.\n\n"
        "“Perpetual motion!” Rep. Mara Quill, R-Ore., said of the crowds.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Mara Quill"]


def test_a_participle_after_a_verb_and_by_takes_that_verbs_subject() -> None:
    text = "Husted continued by saying, “We will appeal this decision.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue, q.kind) == ("Husted", "saying", "direct")


def test_a_whole_sentence_after_a_comma_is_direct_a_fragment_is_partial() -> None:
    text = "Dana Perl laughed and said, “We will see.” She called it, “Disgusting,” and left.\n"
    assert [(q.text, q.kind) for q in quoted(text)] == [
        ("We will see.", "direct"),
        ("Disgusting,", "partial"),
    ]


def test_he_or_she_with_no_speaker_takes_a_person_known_to_fit_over_a_place() -> None:
    text = (
        "Dunmore chronicle of the harbour vote today\n\n"
        "Mrs. Ada Lark campaigned on Monday. Later the crowd moved to Palo Alto, where "
        "the ambassador to the United States and San Bernardino officials waited.\n\n"
        "She called the plan “a disgrace.”\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Ada Lark"


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [
        ("Dana Perl Calls the Ferry Plan ‘A Disgrace’ After Harbour Vote", "Dana Perl"),
        ("Tom Pike Hammers Harbour Chief: ‘You Should Be Investigated.’", "Tom Pike"),
        ("Ferry ‘The Dealmaker’ Could Save the Harbour, Mara Quill Says", "Mara Quill"),
        ("Quill: Harbour Chief’s ‘Incredibly Hateful Rhetoric’ Sinks Plan", "Quill"),
        ("Perl on Releasing Her Harbour Speech Transcripts: ‘I Think She Will.’", "Perl"),
    ],
)
def test_a_title_cased_headline_gives_its_quotation_to_the_name_before_its_verb(
    headline: str, speaker: str
) -> None:
    text = f"{headline}\n\nThe harbour board met on Monday to discuss the ferry.\n"
    assert [q.speaker for q in quoted(text)] == [speaker]


def test_he_or_she_in_a_clause_is_the_sentences_subject() -> None:
    text = (
        "Harbour chronicle of the ferry vote for today\n\n"
        "Dana Perl met Ada Lark on Monday. Ada Lark said the vote was close.\n\n"
        "Perl says she appreciated Lark’s courage through what she calls a “war of words.”\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Dana Perl"


def test_both_sides_are_the_two_countries_of_a_pair_named_before() -> None:
    text = (
        "Harbour chronicle of the talks for readers today\n\n"
        "Japan-India ties will not be shaken, the minister said, with both sides "
        "calling for “a calmer sea.”\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Japan and India"


def test_a_titled_description_with_a_place_resolves_by_its_title() -> None:
    text = (
        "Harbour chronicle of the ferry vote for today\n\n"
        "Sen. Dana Perl of Maine spoke first. “We will win,” Perl said.\n\n"
        "The senator from Maine said the plan was “corrupt.”\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Dana Perl", "Dana Perl"]


def test_the_agent_of_a_passive_naming_verb_is_the_speaker() -> None:
    described = "The ferry plan was described by Dana Perl as “a disaster.”\n"
    labelled = "The inquiry is often labelled a “witch hunt” by Democrats.\n"
    denounced = "Tom Pike was denounced by the mayor and declared that it “works.”\n"
    assert [q.speaker for q in quoted(described)] == ["Dana Perl"]
    assert [q.speaker for q in quoted(labelled)] == ["Democrats"]
    assert [q.speaker for q in quoted(denounced)] == ["Tom Pike"]


def test_the_one_asked_is_who_he_means_next() -> None:
    text = (
        "Harbour chronicle of the debate for readers\n\n"
        "Tom Pike was asked by moderator Dana Perl, “Will the ferry run?”\n\n"
        "“It will,” he said.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Dana Perl", "Tom Pike"]


def test_the_object_of_a_transitive_reporting_verb_is_not_its_speaker() -> None:
    text = "That film, “Harbour,” thanked Perl for “making us safer.” “Fine,” said Tom Pike.\n"
    assert [(q.text, q.speaker) for q in quoted(text)] == [
        ("Harbour,", None),
        ("making us safer.", None),
        ("Fine,", "Tom Pike"),
    ]


def test_a_surname_that_is_a_place_names_the_person_the_article_named() -> None:
    person = (
        "Harbour chronicle of the vote for readers today\n\n"
        "Rep. Steve Israel of New York met donors on Monday.\n\n"
        "“We will need interns,” Israel said.\n"
    )
    country = "Harbour chronicle of the strikes for readers\n\nIsrael said they were “defensive.”\n"
    assert [q.speaker for q in quoted(person)] == ["Steve Israel"]
    assert [q.speaker for q in quoted(country)] == ["Israeli government"]


def test_where_a_participle_was_written_is_not_its_speaker() -> None:
    text = "Dana Perl responded to the question on Facebook writing, “Yes, I will.”\n"
    assert [q.speaker for q in quoted(text)] == ["Dana Perl"]


def test_another_meeting_does_not_carry_the_last_accounts_relay() -> None:
    text = (
        "Harbour chronicle of the talks for readers today\n\n"
        "Dana Perl said the talks were “useful”, according to a Tass report.\n\n"
        "Perl also met Tom Pike and called the ties “solid as rock”.\n"
    )
    assert [(q.speaker, q.via) for q in quoted(text)] == [
        ("Dana Perl", "TASS"),
        ("Dana Perl", None),
    ]


def test_a_leaders_government_is_the_government_of_the_leaders_country() -> None:
    text = (
        "Harbour chronicle of the talks for readers today\n\n"
        "Japanese Prime Minister Dana Perl met Tom Pike.\n\n"
        "Perl’s government, which said the ties were “unbreakable”, has kept quiet.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Japanese government"]


def test_issuing_a_statement_introduces_its_words() -> None:
    text = "After the storm, Dana Perl issued a statement, “The ferry will run.”\n"
    [q] = extract_quotations(text)
    assert (q.speaker, q.cue, q.kind) == ("Dana Perl", "issued a statement", "direct")


def test_according_to_after_the_quotation_relays_the_speaker_named_before() -> None:
    text = (
        "President Dana Perl told Tom Pike that the harbour is “the core of our interests”, "
        "according to a readout from Dunmore.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.via, q.rule) == (
        "Dana Perl",
        "readout from Dunmore",
        "cue-before-relay-after",
    )


def test_quoted_as_saying_by_an_agency_is_a_relay_not_a_claim() -> None:
    text = (
        "Dunmore will take “counter-measures”, Deputy Minister Tom Pike was quoted as saying "
        "by the RIA news agency on Tuesday.\n"
    )
    assert [(q.kind, q.speaker, q.via) for q in extract_quotations(text)] == [
        ("partial", "Tom Pike", "RIA Novosti")
    ]


def test_a_short_quotation_with_a_cue_further_on_gets_a_low_confidence() -> None:
    text = "The “Harbour Way” plan, Dana Perl said, was a waste; “it will sink,” she said later.\n"
    short = quoted(text)[0]
    assert (short.text, short.rule, short.confidence) == (
        "Harbour Way",
        "cue-later-in-sentence",
        0.3,
    )


def test_an_agency_quoted_goes_on_as_its_report_and_as_it() -> None:
    text = (
        "Harbour chronicle of the talks for readers today\n\n"
        "“The talks went well,” Xinhua said. Its report added that the two sides would meet.\n\n"
        "It said the ties were “solid as rock”.\n"
    )
    assert [(q.kind, q.speaker) for q in extract_quotations(text)] == [
        ("direct", "Xinhua"),
        ("indirect", "Xinhua"),
        ("partial", "Xinhua"),
    ]


def test_a_participle_never_takes_its_subject_from_inside_the_quotation() -> None:
    text = "And then Dana Perl went on the attack, saying, “Is Mayor Pike going to resign?”\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("Dana Perl", "saying")


WIRE_STORIES = {  # made-up wire stories in the house styles of Reuters and the SCMP (fixtures/)
    "wire_summit.txt": [
        ("first red line", "Xi Jinping", None),
        ("the very core of China's core interests", "Xi Jinping", "readout from Beijing"),
        (
            "the first red line that must not be crossed in China-US relations",
            "Xi Jinping",
            "readout from Beijing",
        ),
        ("coercive and increasingly aggressive actions", "White House", None),
        ("I absolutely believe there need not be a new Cold War,", "Joe Biden", None),
        ("candid, in-depth and constructive", "Zhao Lijian", None),
        ("This is a pause, not a reset,", "Shi Yinhong", None),
        ("to put a floor under the relationship", "Wu Xinbo", None),
    ],
    "wire_relays.txt": [
        ("counter-measures", "Alexander Grushko", "RIA Novosti"),
        (
            "We will strengthen our military potential in the western and north-western direction,",
            "Alexander Grushko",
            "RIA Novosti",
        ),
        ("an encroachment on our security and national interests.", "Dmitry Peskov", None),
        ("closely watching", "Dmitry Peskov", None),
        ("come to an end", "Sauli Niinisto", None),
        ("A new era begins.", "Sauli Niinisto", None),
        ("a good day for Finland's security.", "Jens Stoltenberg", None),
    ],
}


@pytest.mark.parametrize("name", sorted(WIRE_STORIES))
def test_wire_stories_speakers_and_relays(name: str) -> None:
    text = (Path(__file__).parents[1] / "fixtures" / name).read_text(encoding="utf-8")
    found = [(q.text, q.speaker, q.via) for q in quoted(text, date(2023, 4, 4))]
    assert found == WIRE_STORIES[name]


def test_a_statement_from_a_body_is_the_bodys_own_words_relayed_by_the_statement() -> None:
    text = "A statement from the Dunmore embassy said the report was “groundless.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.via) == ("Dunmore embassy", "Dunmore embassy statement")


def test_nyt_triple_apostrophe_closes_inner_and_outer_quote() -> None:
    doubled, tripled = "'" * 2, "'" * 3
    text = f"{doubled}I would use the word 'old-school,{tripled} said Dana Perl. {doubled}Fine.{doubled}\n"
    [first, second] = quoted(text)
    assert (first.text, first.speaker) == ("I would use the word 'old-school,'", "Dana Perl")
    assert (second.text, second.speaker) == ("Fine.", "Dana Perl")


def test_poll_shares_speak_their_answers() -> None:
    text = "In the poll, 21 percent said “not too likely.”\n"
    [q] = quoted(text)
    assert q.speaker == "21 percent"


def test_a_named_poll_is_the_source_of_the_shares_it_counted() -> None:
    before = "In a March Harbor College poll, 64 percent of voters said the tax was “too high.”\n"
    after = "Most say the ferry is “a lifeline,” according to a Dunmore Institute survey.\n"
    subject = "The survey is bad news for Lane — 30 percent of Democrats say “never.”\n"
    finds = "The Harbor poll also finds that 41 percent of adults call the plan “a waste.”\n"
    assert [q.speaker for q in quoted(before)] == ["March Harbor College poll"]
    assert [q.speaker for q in quoted(after)] == ["Dunmore Institute"]
    assert [q.speaker for q in quoted(subject)] == ["survey"]
    assert [q.speaker for q in quoted(finds)] == ["Harbor poll"]


def test_a_poll_in_the_sentence_leaves_a_named_speaker_alone() -> None:
    text = "Mayor Ann Lark said the new poll was “good news for the harbor.”\n"
    assert [q.speaker for q in quoted(text)] == ["Ann Lark"]


def test_participles_of_reporting_verbs_share_the_subject() -> None:
    text = "Senator Jo Brand toured the plant on Monday, touting the bill as “a win for workers.”\n"
    other = "Tom Pike spoke for an hour, referring to his rival as “Little Ned.”\n"
    assert [q.speaker for q in quoted(text)] == ["Jo Brand"]
    assert [q.speaker for q in quoted(other)] == ["Tom Pike"]


def test_a_sentence_ending_in_a_colon_hands_its_subject_to_the_next_paragraph() -> None:
    text = (
        "Headline about the condolences today.\n"
        "When Wallace died, President Quill released the following statement:\n"
        "“We offer our condolences.”\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.rule) == ("Quill", "continues-previous")


def test_mistyped_opening_mark_closes_a_quotation() -> None:
    text = "“It's unusual,“ said Dana Perl, an attorney. “It's hard.”\n"
    assert [(q.text, q.speaker) for q in quoted(text)] == [
        ("It's unusual,", "Dana Perl"),
        ("It's hard.", "Dana Perl"),
    ]


def test_transcript_labels_name_the_speaker() -> None:
    text = (
        "Headline about the debate interview.\n"
        "Governor Mara Quill spoke to Dana Perl on Sunday.\n"
        '"PERL: Will you be there?\n'
        '"QUILL: I will not be attending."\n'
    )
    assert [(q.text, q.speaker, q.rule) for q in quoted(text)] == [
        ("Will you be there?", "Dana Perl", "transcript-label"),
        ("I will not be attending.", "Mara Quill", "transcript-label"),
    ]


def test_a_guessed_speaker_does_not_carry_into_the_next_paragraph() -> None:
    text = (
        "Headline about the slogans today.\n"
        "Mara Quill wore a shirt reading “Never again” all week.\n"
        "“Nobody listens to us.”\n"
    )
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("Mara Quill", "sentence-subject"),
        (None, "unattributed"),
    ]


def test_signature_line_names_the_quotation_above_it() -> None:
    text = (
        "Headline about the speech today.\n"
        "“He can have briefings,” Reid said.\n"
        "“Great speech. She is ready.”\n"
        "-President Dana Perl, tweeting after the speech.\n"
        "“It needs to stop.”\n"
        "— Mara Quill, a delegate.\n"
    )
    assert [(q.speaker, q.rule) for q in extract_quotations(text)] == [
        ("Reid", "quote-then-cue"),
        ("Dana Perl", "signature-line"),
        ("Mara Quill", "signature-line"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "As member states in their declaration urged a bigger role for the bloc, trade grew.\n",
        "Most countries do not recognise it as an independent state, but others oppose force.\n",
        "A day earlier, he visited Kyiv and pledged a new military package worth $500 million.\n",
    ],
)
def test_nouns_and_time_phrases_are_not_speakers(text: str) -> None:
    speakers = {q.speaker for q in extract_quotations(text)}
    assert not speakers & {"member", "independent", "day earlier", "A day earlier"}


def test_a_poll_that_shows_a_word_does_not_speak_it() -> None:
    text = "The poll shows voters are “very angry” with Washington.\n"
    [q] = quoted(text)
    assert q.cue is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Dana Perl posted a Twitter comment of her own, saying, “We are so excited!”\n",
            "Dana Perl",
        ),
        (
            "After the Paris attacks, Mara Quill released an ad calling it “dangerous.”\n",
            "Mara Quill",
        ),
    ],
)
def test_nouns_that_look_like_cues_after_a_name(text: str, speaker: str) -> None:
    [q] = quoted(text)
    assert q.speaker == speaker


def test_the_outlet_spoken_to_is_not_the_speaker() -> None:
    text = (
        "Another intelligence source speaking to Fox News said, “The agents are investigating.”\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Another intelligence source"


def test_continue_to_is_no_cue() -> None:
    text = "Mara Quill said she is certain Perl will continue to be “a champion.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("Mara Quill", "said")


def test_partial_quote_in_reporters_sentence() -> None:
    text = "Patrushev described the partnership as an “unconditional priority” of Moscow.\n"
    [q] = quoted(text)
    assert (q.text, q.speaker, q.cue, q.kind) == (
        "unconditional priority",
        "Patrushev",
        "described",
        "partial",
    )


# --- Relay outlets ----------------------------------------------------------------------------


def test_relay_is_not_the_speaker_and_carries_forward() -> None:
    text = (
        "“The West imposes bogus values,” Patrushev said, according to a Tass report.\n\n"
        "“We will resist,” he added.\n\n"
        "Maria Zakharova said Russia was “pleased”.\n"
    )
    assert found(text) == [
        ("The West imposes bogus values,", "Patrushev", "TASS", "direct"),
        ("We will resist,", "Patrushev", "TASS", "direct"),
        ("pleased", "Maria Zakharova", None, "partial"),
    ]


def test_relay_never_applies_backwards() -> None:
    text = "“We will resist,” Patrushev said.\n\n“We are ready,” he said, according to Sputnik.\n"
    assert [q.via for q in quoted(text)] == [None, "Sputnik"]


def test_outlet_narrating_is_speaker_and_relay() -> None:
    text = "Xinhua said the pair “expressed willingness to cooperate”.\n"
    [q] = quoted(text)
    assert (q.speaker, q.speaker_kind, q.via) == ("Xinhua", "organisation", "Xinhua")


def test_outlet_reporting_a_person() -> None:
    text = (
        "Russian news agency Tass said Wang also told Patrushev that China would “work together”.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.via, q.via_text) == ("Wang", "TASS", "Russian news agency Tass")


def test_unknown_outlet_is_kept_as_written() -> None:
    text = "“We are ready,” Wang said, according to a Zvezdograd Gazette report.\n"
    [q] = quoted(text)
    assert (q.via, q.via_text) == ("Zvezdograd Gazette report", "a Zvezdograd Gazette report")


def test_statement_from_ministry_and_footage() -> None:
    text = (
        "“China is willing,” Yang said, according to a statement from Beijing’s foreign ministry.\n\n"
        "“We are partners,” Xi said in footage aired on Russian media.\n"
    )
    assert [q.via for q in quoted(text)] == ["Chinese Foreign Ministry", "Russian media footage"]


# --- Dates and claims -------------------------------------------------------------------------


def test_weekday_resolves_before_published_date() -> None:
    text = "Wang Yi told Putin on Monday that relations had “withstood pressure”.\n"
    [q] = quoted(text, date(2023, 2, 22))  # a Wednesday
    assert q.said_on == date(2023, 2, 20)


def test_explicit_date_and_no_date() -> None:
    text = "Putin said on Feb. 24, 2022 that it was “necessary”.\n\n“We are ready,” he said.\n"
    assert [q.said_on for q in quoted(text, date(2023, 1, 1))] == [date(2022, 2, 24), None]


def test_indirect_claim() -> None:
    text = "Patrushev said the two neighbours needed to expand strategic coordination.\n"
    [q] = extract_quotations(text)
    assert (q.kind, q.speaker, q.cue, q.text, q.rule) == (
        "indirect",
        "Patrushev",
        "said",
        "the two neighbours needed to expand strategic coordination",
        "claim",
    )


def test_a_long_tail_of_where_and_when_after_a_trailing_cue() -> None:
    text = (
        "Western countries are seeking to prolong the conflict, Foreign Minister Ivan Dole said "
        "at a news conference following talks with his Egyptian counterpart on Wednesday.\n"
    )
    [q] = extract_quotations(text)
    assert (q.speaker, q.text) == (
        "Ivan Dole",
        "Western countries are seeking to prolong the conflict",
    )


def test_the_newspaper_is_the_newspaper_last_heard_from() -> None:
    text = (
        "An editorial in the Global Times said the curbs would “backfire”.\n\n"
        "The newspaper, which is run by the party, accused Washington of trying to “contain” "
        "China.\n\nThe agency said it was “no comment”.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Global Times", "Global Times", "Agency"]


def test_a_places_possessive_before_a_name_is_no_part_of_it() -> None:
    text = "Hungary's Viktor Orban was blunt. “We say no,” he wrote.\n"
    assert [q.speaker for q in quoted(text)] == ["Viktor Orban"]


def test_a_body_reporting_after_a_persons_cue_relays_the_person() -> None:
    text = (
        "Dong Jun said the two militaries would “jointly oppose hegemonism”, China’s defence "
        "ministry said in a statement.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.via, q.rule) == (
        "Dong Jun",
        "Chinese Defence Ministry statement",
        "cue-before-relay-after",
    )


def test_leaders_named_by_a_modifier_are_not_the_last_pair() -> None:
    text = (
        "Chinese President Xi Jinping told Russian President Vladimir Putin that ties were "
        "strong.\n\nNato leaders accuse Beijing of enabling the war in Ukraine.\n"
    )
    assert [q.speaker for q in extract_quotations(text)] == ["Xi Jinping", "Nato leaders"]


def test_a_participle_in_an_absolute_with_clause_is_no_cue() -> None:
    text = (
        "With party leaders increasingly worried about turnout, Mr. Dole is rolling out a new "
        "message: “It's about me.”\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Dole"]


def test_a_participle_after_a_quotation_without_a_comma_is_no_cue() -> None:
    text = "Ivan Dole said the bloc had spent “far too long” arguing.\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue, q.rule) == ("Ivan Dole", "said", "cue-then-quote")


def test_the_subject_before_a_relative_clause_without_commas() -> None:
    text = (
        "A Republican strategist who asked not to be named because he was not authorized to "
        "speak publicly said the party was “nervous” about turnout.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("Republican strategist", "said")


def test_a_title_aside_then_an_aside_on_the_body_leaves_the_name() -> None:
    text = (
        "Professor Lau Siu-kai, vice-president of the Association of Hong Kong and Macau "
        "Studies, a semi-official think tank, said the US was using Hong Kong “as a pawn”.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.role) == ("Lau Siu-kai", "Professor")


def test_a_reduced_passive_is_no_cue() -> None:
    text = "The measures, announced by the Commerce Department on Tuesday, expand old rules.\n"
    assert extract_quotations(text) == []


def test_the_chinese_surname_he_after_a_title() -> None:
    text = "Chinese Vice-Premier He Lifeng told business leaders that China would open up.\n"
    [q] = extract_quotations(text)
    assert (q.speaker, q.role) == ("He Lifeng", "Chinese Vice-Premier")


def test_a_trailing_cue_followed_by_adding_keeps_the_claim_before_it() -> None:
    text = (
        "Ukraine has intelligence that Russia is massing troops, President Ivan Dole said on "
        "Monday, adding that his forces were “ready for any scenario”.\n"
    )
    claim = next(q for q in extract_quotations(text) if q.kind == "indirect")
    assert (claim.speaker, claim.text) == (
        "Ivan Dole",
        "Ukraine has intelligence that Russia is massing troops",
    )


def test_a_cue_that_introduces_a_quotation_after_a_colon_makes_no_claim_before_it() -> None:
    text = "Dole’s chief of staff, Ivan Dole, posted on Telegram: “The enemy will not succeed.”\n"
    assert [(q.kind, q.speaker) for q in extract_quotations(text)] == [("direct", "Ivan Dole")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("People familiar with the matter said the deal would be signed soon.\n", "People"),
        ("Officials close to the talks said the deal would be signed soon.\n", "Officials"),
    ],
)
def test_unnamed_sources_without_a_determiner(sentence: str, speaker: str) -> None:
    [q] = extract_quotations(sentence)
    assert (q.speaker, q.text) == (speaker, "the deal would be signed soon")


def test_the_one_asked_and_the_question_make_no_claims() -> None:
    text = (
        "Ivan Dole, asked at a news conference whether he expected the aid to arrive in time, "
        "said: “It must.”\n"
    )
    assert [(q.kind, q.speaker, q.text) for q in extract_quotations(text)] == [
        ("direct", "Ivan Dole", "It must.")
    ]


def test_a_modal_before_announce_is_an_act_to_come_not_a_cue() -> None:
    text = "The United States would announce a new military aid package this week.\n"
    assert extract_quotations(text) == []


def test_would_respond_is_an_act_and_the_participle_after_it_is_the_speakers() -> None:
    text = (
        "Ivan Dole said on Saturday that Moscow would respond to the deployment of NATO forces, "
        "describing the move as a threat.\n"
    )
    assert [(q.speaker, q.cue) for q in extract_quotations(text)] == [
        ("Ivan Dole", "said"),
        ("Ivan Dole", "describing"),
    ]


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "The golf industry, Dole said, is doing much better than before.\n",
            "The golf industry, Dole said, is doing much better than before",
        ),
        (
            "Survival, Mr. Dole says on Monday, depends on giving readers what they want.\n",
            "Survival, Mr. Dole says on Monday, depends on giving readers what they want",
        ),
    ],
)
def test_a_cue_set_off_by_commas_inside_its_claim(sentence: str, claim: str) -> None:
    [q] = extract_quotations(sentence)
    assert (q.kind, q.speaker, q.text) == ("indirect", "Dole", claim)


def test_a_long_aside_after_the_speaker_named_after_the_cue() -> None:
    text = (
        "Federal mandates are a burden on schools, said Ivan Dole, an Orlando Republican who "
        "founded two defence companies after serving in the Army.\n"
    )
    [q] = extract_quotations(text)
    assert (q.speaker, q.text) == ("Ivan Dole", "Federal mandates are a burden on schools")


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "But hacking specialists say the leaked files might not be genuine.\n",
            "hacking specialists",
        ),
        ("Social scientists say personality is stable after the age of 30.\n", "Social scientists"),
    ],
)
def test_people_named_by_a_bare_plural(sentence: str, speaker: str) -> None:
    [q] = extract_quotations(sentence)
    assert (q.kind, q.speaker) == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker", "via"),
    [
        ("Murders fell by a third in 2014, according to the FBI.\n", "FBI", None),
        (
            "There are fewer players than a decade ago, according to the National Golf Foundation.\n",
            "National Golf Foundation",
            None,
        ),
        (
            "Four systems track the records, according to the State Department.\n",
            "US State Department",
            None,
        ),
        ("The talks ended without a deal, according to Tass.\n", "TASS", "TASS"),
        ("Iowa voters were mostly white, according to exit polls.\n", "exit polls", None),
        (
            "Justice Sotomayor was the most liberal one, according to an analysis by Lee Epstein.\n",
            "Lee Epstein",
            None,
        ),
        (
            "Coin flips decided six counties, according to a report in the Des Moines Register.\n",
            "Des Moines Register",
            "Des Moines Register",
        ),
    ],
)
def test_according_to_a_body_or_an_outlet(sentence: str, speaker: str, via: str | None) -> None:
    [q] = extract_quotations(sentence)
    assert (q.kind, q.speaker, q.via) == ("indirect", speaker, via)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Public polls show Mira Kane leading slightly in Indiana.\n", "Public polls"),
        ("The jet was sold to Mr. Dole in 2010, records show.\n", "records"),
    ],
)
def test_written_sources_that_show_things(sentence: str, speaker: str) -> None:
    [q] = extract_quotations(sentence)
    assert (q.kind, q.speaker) == ("indirect", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ukraine's air force said it shot down 28 of 40 missiles.\n", "Ukraine's air force"),
        ("The air force said it shot down 28 of 40 missiles.\n", "Air Force"),
    ],
)
def test_a_body_with_lower_case_words_before_its_head(sentence: str, speaker: str) -> None:
    [q] = extract_quotations(sentence)
    assert (q.kind, q.speaker) == ("indirect", speaker)


def test_pointed_out_is_one_cue() -> None:
    text = "Mira Kane pointed out that the members had supplied weapons worth billions.\n"
    [q] = extract_quotations(text)
    assert (q.cue, q.text, q.rule) == (
        "pointed out",
        "the members had supplied weapons worth billions",
        "claim",
    )


def test_a_claim_ends_where_a_participle_adds_another() -> None:
    text = "Mira Kane said the plan failed, pointing out that costs had doubled.\n"
    assert [(q.cue, q.text) for q in extract_quotations(text)] == [
        ("said", "the plan failed"),
        ("pointing out", "costs had doubled"),
    ]


def test_made_it_clear_is_one_cue() -> None:
    [q] = extract_quotations("Mira Kane made it clear that she would not run again.\n")
    assert (q.cue, q.text) == ("made it clear", "she would not run again")


def test_a_title_cased_headline_says_a_claim() -> None:
    text = "Mira Kane Says She Would Close The Harbour Over Winter\n\nThe mayor spoke on Monday.\n"
    [q] = extract_quotations(text)
    assert (q.kind, q.speaker, q.cue, q.text, q.rule) == (
        "indirect",
        "Mira Kane",
        "says",
        "She Would Close The Harbour Over Winter",
        "headline-claim",
    )


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Some 56 percent of those polled said they would vote.\n",
            "Some 56 percent of those polled",
        ),
        ("On economic issues, 42% say they are liberal.\n", "42%"),
        (
            "Majorities of Democrats in five states say they are satisfied.\n",
            "Majorities of Democrats in five states",
        ),
    ],
)
def test_a_share_of_people_speaks(sentence: str, speaker: str) -> None:
    [q] = extract_quotations(sentence)
    assert (q.kind, q.speaker) == ("indirect", speaker)


def test_the_phrase_before_a_relative_clause_up_to_the_cue_speaks() -> None:
    text = (
        "While Mira Kane has condemned the plan, the groups who wrote to her on Thursday say "
        "they are “concerned” by it.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("groups", "say")


def test_an_irregular_past_verb_ends_a_described_subject() -> None:
    text = (
        "President Tom Pike spoke.\n\nThe president left no doubt of his support, saying that "
        "“there has never been a better candidate.”\n"
    )
    [q] = quoted(text)
    assert q.speaker == "Tom Pike"


def test_he_after_an_unnamed_official_is_the_official_for_a_paragraph_more() -> None:
    text = (
        "“We are ready,” Mr. Tom Pike said.\n\n"
        "A government spokesman said the talks had stalled. “We will wait,” he added.\n\n"
        "“Nothing has changed,” he said.\n\n"
        "The talks resumed on Monday.\n\n"
        "“We are still ready,” he said.\n"
    )
    assert [q.speaker for q in quoted(text)] == [
        "Tom Pike",
        "government spokesman",
        "government spokesman",
        "Tom Pike",
    ]


def test_he_is_not_an_unnamed_spokeswoman() -> None:
    text = (
        "“We are ready,” Mr. Tom Pike said.\n\n"
        "A government spokeswoman said the talks had stalled. “We will wait,” he added.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Tom Pike", "Tom Pike"]


def test_a_german_opening_quote_opens_a_sentence() -> None:
    text = (
        "A government spokesman said Berlin shared the concerns. „Wir stehen zusammen“, he added.\n"
    )
    assert [(q.kind, q.text) for q in extract_quotations(text)] == [
        ("indirect", "Berlin shared the concerns"),
        ("direct", "Wir stehen zusammen"),
    ]


def test_what_a_described_person_has_dubbed() -> None:
    text = "They made history in what one Latino conservative has dubbed “the yuca primary.”\n"
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("one Latino conservative", "dubbed")


def test_said_one_adviser_to_someone() -> None:
    text = (
        "Tom Pike spoke first. “This is eerily similar,” said one longtime adviser to Tom Pike.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.rule) == ("one longtime adviser", "quote-then-cue")


def test_a_described_source_before_a_who_aside_speaks() -> None:
    text = (
        "“The agents are under a lot of pressure,” an intelligence source, who was not "
        "authorized to speak on the record, told Fox News.\n"
    )
    [q] = quoted(text)
    assert (q.speaker, q.via, q.rule) == ("intelligence source", "Fox News", "quote-then-cue")


def test_people_named_with_an_including_aside_speak() -> None:
    text = "Top Republicans, including Tom Pike, said the refugee plan should be dropped.\n"
    [q] = extract_quotations(text)
    assert (q.speaker, q.text) == ("Top Republicans", "the refugee plan should be dropped")


def test_told_that_claim() -> None:
    text = "Putin told Wang that cooperation between Russia and China was important.\n"
    [q] = extract_quotations(text)
    assert (q.kind, q.speaker, q.text) == (
        "indirect",
        "Putin",
        "cooperation between Russia and China was important",
    )


@pytest.mark.parametrize(
    ("sentence", "speaker", "claim", "via"),
    [
        (
            "Kremlin aide Yuri Ushakov told reporters the dates were still being worked out.",
            "Yuri Ushakov",
            "the dates were still being worked out",
            None,
        ),
        (
            "Mira Kane told the Associated Press last week her group never worked with him.",
            "Mira Kane",
            "her group never worked with him",
            "Associated Press",
        ),
        (
            "Immigration officials told him he had never been a citizen.",
            "Immigration officials",
            "he had never been a citizen",
            None,
        ),
        (
            "Mira Kane told Reuters she’ll work full-time for the campaign.",
            "Mira Kane",
            "she’ll work full-time for the campaign",
            "Reuters",
        ),
        (
            "Mira Kane told the state-run TASS news agency the talks had stalled.",
            "Mira Kane",
            "the talks had stalled",
            "TASS",
        ),
        (
            "The talks had stalled, a ministry official told Reuters.",
            "ministry official",
            "The talks had stalled",
            "Reuters",
        ),
    ],
)
def test_told_listener_then_claim_without_that(
    sentence: str, speaker: str, claim: str, via: str | None
) -> None:
    [q] = extract_quotations(sentence + "\n")
    assert (q.kind, q.speaker, q.cue, q.text, q.via) == ("indirect", speaker, "told", claim, via)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mira Kane told Tom Pike to stay focused on jobs.\n",
        "Mira Kane told a slightly different tale in court.\n",
        "Mira Kane told her the story of his life.\n",
    ],
)
def test_told_without_a_clause_is_no_claim(sentence: str) -> None:
    assert extract_quotations(sentence) == []


# --- Robustness -------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=400))
def test_never_raises_and_spans_index_text(text: str) -> None:
    for q in extract_quotations(text, date(2022, 9, 19)):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text


_PIECES = [
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "''",
    "«",
    "»",
    "„",
    "\n",
    "\n\n",
    " said ",
    " he ",
    "Wang Yi",
    ", ",
    ". ",
    "according to Tass",
    "Patrushev",
    "won’t",
    "told ",
    ":",
    " was asked by ",
    " the ambassador to Russia ",
    ", R-Fla., ",
    " ― ",
    "’s government",
    " in ‘08 ",
    " also met ",
    " Calls ",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60))
def test_quote_heavy_text_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    for q in extract_quotations(text):
        assert text[q.start : q.end] == q.text


_WORDS = ["said", "says", "told", "Wang", "Mr. Lee", "according to", "Tass", "who", ",", ". "]


@settings(max_examples=5, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES + _WORDS), min_size=1, max_size=40),
    st.sampled_from([" ", "\n", "\n\n"]),
)
def test_a_megabyte_of_random_pieces_never_raises(pieces: list[str], separator: str) -> None:
    """Long inputs: one line or many, repeated to 1 MB. Their time per character is bounded in
    benchmarks/bench_long_articles.py, not here: a timed test would flake on a busy machine."""
    unit = " ".join(pieces) + separator
    text = unit * (1_000_000 // len(unit) + 1)
    for q in extract_quotations(text, date(2022, 9, 19)):
        assert text[q.start : q.end] == q.text


def test_large_article_is_linear() -> None:
    unit = '“We are ready {n},” Wang said, according to Tass. He added that “it is fine”. ‘odd "mark.\n\n'
    text = "".join(unit.format(n=n) for n in range(20000))  # about 1.7 MB
    results = extract_quotations(text)
    assert len(results) == 40000
    assert {q.via for q in results} == {"TASS"}


def test_a_headline_that_opens_with_a_name_and_a_colon_gives_that_name_its_quotes() -> None:
    text = (
        "Warren: Trump Is a ‘Proven Failure’ in Business, ‘Not a Builder.’\n\n"
        "Sen. Elizabeth Warren spoke to supporters in Boston on Saturday."
    )
    assert [(q.text, q.speaker, q.rule) for q in quoted(text)] == [
        ("Proven Failure", "Elizabeth Warren", "leading-label"),
        ("Not a Builder.", "Elizabeth Warren", "leading-label"),
    ]


def test_a_label_may_name_two_people() -> None:
    text = "POLL NOTES - Anna Berg and Tom Reyes: “The polls closed too early to see the shift.”"
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("Anna Berg and Tom Reyes", "label-colon")
    ]


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        ("But", "Ann Cole"),
        ("Now,", "Ann Cole"),
        ("For the farmers, on the other hand,", "Ann Cole"),
        ("When in fact", None),  # words of the reporter's own: not a link
        ("In fact the polls show", None),
    ],
)
def test_a_quotation_linked_to_the_paragraphs_last_speaker_continues_it(
    lead: str, speaker: str | None
) -> None:
    text = f"“We will win this,” Mayor Ann Cole said at the rally. {lead} “the road is long.”"
    second = quoted(text)[1]
    assert (second.text, second.speaker) == ("the road is long.", speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mayor Ann Cole said that once the council goes on recess, “I intend to campaign.”", "Ann Cole"),
        ("Ann Cole said that when Tom Reyes railed against banks, “he spoke for all of us.”", "Ann Cole"),
        ("Ann Cole said Tom Reyes begged her for help and “would have dropped to his knees.”", "Ann Cole"),
        # the nearest cue introduces the quotation, or opens a clause of its own
        ("Ann Cole said that in a video Tom Reyes said: “The plan failed.”", "Tom Reyes"),
        ("Ann Cole tweeted after Tom Reyes argued that “the plan failed.”", "Tom Reyes"),
        ("Ann Cole said the deal was done, and Tom Reyes called it “a disaster.”", "Tom Reyes"),
    ],
)  # fmt: skip
def test_a_cue_inside_what_someone_said_leaves_the_quotation_to_them(
    sentence: str, speaker: str
) -> None:
    [q] = quoted(sentence)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Questions linger over the “stand down” order.", None),
        ("The deal is actually a “pre-agreement” for now.", None),
        ("Optimism is higher among the young (34% “strongly agree”).", None),
        ("The Cole campaign called the vote a “disaster” on Monday.", "Cole campaign"),
        ("CREW is “completely committed” to the count.", "CREW"),
        ("Ann Cole spoke first. Cole is “not worried” about it.", "Ann Cole"),
    ],
)
def test_a_sentences_first_word_speaks_only_when_it_names_someone(
    sentence: str, speaker: str | None
) -> None:
    [q] = quoted(sentence)
    assert q.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Sergei Lavrov said during a visit to China on Monday that the Kremlin sees ties "
            "with Beijing as a priority.",
            "the Kremlin sees ties with Beijing as a priority",
        ),
        (
            "Lavrov said in an interview with state television on Sunday that the talks had "
            "stalled.",
            "the talks had stalled",
        ),
        ("Ann Cole claimed at one point that China was involved.", "China was involved"),
        # a relative "that" after the adverbial belongs to the claim
        (
            "Ann Cole said on Monday the plan that was approved would fail.",
            "the plan that was approved would fail",
        ),
    ],
)
def test_a_claim_starts_after_the_cues_adverbial_and_that(sentence: str, claim: str) -> None:
    [q] = [q for q in extract_quotations(sentence) if q.kind == "indirect"]
    assert q.text == claim


def test_a_determiner_before_a_comma_does_not_make_the_cue_a_noun() -> None:
    text = "“Many would call that a loss” if she won by less than that, said Dan Wells, an analyst."
    [q] = quoted(text)
    assert (q.speaker, q.rule) == ("Dan Wells", "cue-later-in-sentence")


def test_a_contracted_is_before_a_participle_is_no_possessive() -> None:
    text = "And he’s predicting that Ann Cole “has no chance” of winning."
    [q] = quoted(text)
    assert q.cue == "predicting"


def test_according_to_an_official_of_a_named_body_is_that_official() -> None:
    text = (
        "Most were marked “confidential,” according to a State Department official, and two "
        "were marked secret."
    )
    [q] = quoted(text)
    assert (q.speaker, q.cue) == ("State Department official", "according to")


@pytest.mark.parametrize("heading", ["‘A really tough decision.’", "“EVENTUALLY VOTERS DECIDE”"])
def test_a_quoted_section_heading_does_not_continue_the_last_speaker(heading: str) -> None:
    text = (
        "Cole reports on the plant.\n\n"
        "“We will be fine,” Ann Cole said.\n\n"
        f"{heading}\n\n"
        "“Then we moved,” she said.\n"
    )
    assert [(q.text, q.speaker) for q in quoted(text)][1] == (heading[1:-1], None)


def test_a_short_quoted_paragraph_in_double_marks_continues_the_last_speaker() -> None:
    text = (
        "Cole reports on the plant.\n\n“We will be fine,” Ann Cole said.\n\n“It was a hard year.”\n"
    )
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("Ann Cole", "quote-then-cue"),
        ("Ann Cole", "continues-previous"),
    ]


def test_a_caption_that_opens_with_a_quotation_and_a_name_gives_it_to_that_name() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky visited the front on Sunday.\n\n"
        "02:00\n\n"
        "‘We will not give up’: Zelensky visits town retaken from Russian forces\n\n"
        "‘We will not give up’: Zelensky visits town retaken from Russian forces\n\n"
        "The visit came days after the counteroffensive began.\n"
    )
    assert [(q.text, q.speaker, q.kind, q.rule) for q in quoted(text)] == [
        ("We will not give up", "Volodymyr Zelensky", "direct", "caption-quote-label"),
        ("We will not give up", "Volodymyr Zelensky", "direct", "caption-quote-label"),
    ]


def test_a_caption_quotation_without_a_name_after_its_colon_is_left_alone() -> None:
    text = "A long day.\n\n‘Too little, too late’: the view from Kyiv\n\nMore news follows here.\n"
    assert quoted(text) == []


def test_a_quotation_after_a_colon_or_that_is_the_sentence_subjects() -> None:
    text = (
        "Headline about the budget vote.\n"
        "Senator Mara Quill spoke in Salem on Monday.\n"
        "Moreover, at the rally in Salem, Quill stood by her view that “the cuts will hurt.”\n"
        "And she is sure the vote will go her way: “We have the numbers.”\n"
    )
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        ("Mara Quill", "lead-in-subject"),
        ("Mara Quill", "lead-in-subject"),
    ]


def test_a_lead_in_needs_a_speaking_subject() -> None:
    text = (
        "Headline about the budget vote.\n"
        "Senator Mara Quill spoke in Salem on Monday.\n"
        "It also points out that “the cuts are small.”\n"
        "His answer, given on Monday, was that “the cuts will hurt.”\n"
        "Moreover, At The Rally, Quill Stands By Her View: “the cuts will hurt us all”\n"
    )
    assert [(q.speaker, q.rule) for q in quoted(text)] == [
        (None, "unattributed"),
        (None, "unattributed"),
        (None, "unattributed"),
    ]


def test_a_possessive_after_the_cue_opens_the_reported_clause() -> None:
    text = 'The lawmaker said Trump\'s remarks "have done lasting harm."'
    assert found(text) == [("have done lasting harm.", "lawmaker", None, "partial")]


@pytest.mark.parametrize(
    "dateline",
    ["Washington (AFP) – ", "WASHINGTON (AP) — ", "CLEVELAND, July 19 (UPI) — ", "MIAMI — "],
)
def test_a_dateline_is_not_the_sentences_subject(dateline: str) -> None:
    text = f"{dateline}Clinton took a swipe at Trump, saying that “bombastic comments” hurt."
    assert [q.speaker for q in quoted(text)] == ["Clinton"]


def test_a_party_tag_and_a_stray_comma_before_the_cue_leave_the_name() -> None:
    text = "In Berea, OH, Gov. John Kasich (R-OH), said, “I’m getting ready to rent a wagon.”"
    assert [(q.speaker, q.role) for q in quoted(text)] == [("John Kasich", "Gov.")]


def test_he_after_a_sentence_that_introduces_a_man_is_that_man() -> None:
    text = (
        "“We are ready,” Mrs. Dana Perl said.\n\n"
        "Sen. Tom Pike, R-Ky., voted against it. “This is no way to run a country,” he said.\n"
    )
    assert [q.speaker for q in quoted(text)] == ["Dana Perl", "Tom Pike"]
    text = text.replace("Mrs. Dana Perl", "Mr. John Perl")
    assert [q.speaker for q in quoted(text)] == ["John Perl", "Tom Pike"]


def test_a_party_tag_with_a_dotted_state_is_dropped_whole() -> None:
    text = "Rep. Mara Quill, D-N.Y., said on social media that the deal “leaves out the poor.”\n"
    assert [(q.speaker, q.role) for q in quoted(text)] == [("Mara Quill", "Rep.")]


def test_he_and_she_skip_a_person_the_article_shows_cannot_be_them() -> None:
    text = (
        "Hillary Clinton spoke first. “We will win,” she said. Donald Trump attacked her plan. "
        "“It is a disaster,” he said. “It will pass,” she said."
    )
    assert [q.speaker for q in quoted(text)] == [
        "Hillary Clinton",
        "Donald Trump",
        "Hillary Clinton",
    ]


def test_a_common_word_that_opens_a_sentence_is_no_speaker() -> None:
    text = "Later, the plan changed. Later said “it is over,” later still."
    assert [q.speaker for q in quoted(text)] == [None]


def test_a_one_word_name_also_written_in_lower_case_still_speaks_when_known_in_full() -> None:
    text = "Tom Price was there. Price said “the price is right.”"
    assert [q.speaker for q in quoted(text)] == ["Tom Price"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("President Obama spoke. The president said “we will win.”", "Obama"),
        (
            "Barack Obama came. President Obama spoke. The president said “we will win.”",
            "Barack Obama",
        ),
        (
            "First lady Michelle Obama came. President Obama spoke. The president said “no.”",
            "Obama",
        ),
        ("Mayor Bill de Blasio came. The mayor said “no.”", "Bill de Blasio"),
    ],
)
def test_a_description_finds_a_surname_written_after_its_title(text: str, speaker: str) -> None:
    assert [q.speaker for q in quoted(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“No path,” said one of those advisers, who spoke on condition of anonymity.",
            "one of those advisers",
        ),
        (
            "“It was awful,” said one of two witnesses who relayed the story.",
            "one of two witnesses",
        ),
        ("“This is fantastic!” beamed Donald Hartley of Madison, Alabama.", "Donald Hartley"),
        ("“Nooooo!” the crowd cried out.", "crowd"),
    ],
)
def test_one_of_a_group_and_exclamations_speak_after_the_quote(text: str, speaker: str) -> None:
    assert [q.speaker for q in quoted(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the principal is introduced first; relatives are named in full later
        (
            "Bernie Sanders spoke. His wife, Jane Sanders, waved. “We win,” Sanders said.",
            "Bernie Sanders",
        ),
        # the honorific rules out the husband
        ("Bill Clinton and Hillary Clinton came. “We win,” Mrs. Clinton said.", "Hillary Clinton"),
        # a headline's capitalised word before the surname is not a given name
        (
            "Understated Perez Raises Hopes.\n\nThomas Perez spoke. “We win,” Perez said.",
            "Thomas Perez",
        ),
    ],
)
def test_a_surname_shared_by_several_people_means_the_principal(text: str, speaker: str) -> None:
    assert [q.speaker for q in quoted(text)][-1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The senator repeated the line “the family is the most important institution.”",
            "senator",
        ),
        ("The letter warns of “a felony violation for something less than intent.”", "letter"),
        ("The senator’s plan is a “fair deal” for now.", None),  # a label, not words
        ("The senator’s answer was “the family is the most important institution.”", None),
    ],
)
def test_a_description_subject_speaks_a_wordy_quotation(text: str, speaker: str | None) -> None:
    assert [q.speaker for q in quoted(text)] == [speaker]


def test_she_skips_a_man_named_with_a_slavic_given_name() -> None:
    text = (
        "Spokeswoman Maria Zakharova spoke first. “This is a dangerous path,” President "
        "Volodymyr Zelenskiy said. “We are ready,” she said."
    )
    assert [q.speaker for q in quoted(text)][-1] == "Maria Zakharova"


def test_a_nationality_before_state_makes_it_a_noun_not_a_cue() -> None:
    text = "The leaders signed a deal, Chinese state media reported."
    assert [(q.speaker, q.cue) for q in extract_quotations(text)] == [
        ("Chinese state media", "reported")
    ]


def test_according_to_a_bodys_statement_makes_the_body_the_source() -> None:
    text = "The two sides also discussed Ukraine, according to a statement from China's foreign ministry."
    assert [(q.kind, q.speaker, q.via) for q in extract_quotations(text)] == [
        ("indirect", "Chinese Foreign Ministry", "Chinese Foreign Ministry")
    ]


def test_words_a_document_reports_are_the_nested_speakers() -> None:
    text = "Wang Yi met Lavrov on Monday. It said Wang called for “dialogue and negotiation.”"
    assert [q.speaker for q in quoted(text)] == ["Wang Yi"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "President Yoon Suk Yeol said his government would respond “overwhelmingly” to attacks.",
            "Yoon Suk Yeol",
        ),
        ("Trump said Cruz would say “anything” to win.", "Trump"),
    ],
)
def test_speech_only_promised_inside_what_someone_said_is_theirs(text: str, speaker: str) -> None:
    assert [q.speaker for q in quoted(text)] == [speaker]


def test_the_reporters_own_i_is_not_the_last_person_quoted() -> None:
    text = "“We will win,” Donald Trump said. I assume that was his “full-blown” strategy."
    assert [q.speaker for q in quoted(text)] == ["Donald Trump", None]


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        ("The two sides discussed Ukraine, according to TASS.", "TASS", "TASS"),
        ("Patrushev said the talks were useful, according to TASS.", "Patrushev", "TASS"),
    ],
)
def test_an_outlet_is_a_claims_source_only_when_nobody_else_is(
    text: str, speaker: str, via: str
) -> None:
    found = [(q.kind, q.speaker, q.via) for q in extract_quotations(text)]
    assert found == [("indirect", speaker, via)]


# Wire-news relay shapes: who spoke, and the outlet or channel the words came through.
WIRE_RELAYS = [
    (
        "“We will never abandon them,” Lavrov told reporters, as quoted by Interfax.",
        "Lavrov",
        "Interfax",
    ),
    ("“No,” Peskov said, cited by TASS.", "Peskov", "TASS"),
    ("“No,” Peskov said, as quoted by a colleague.", "Peskov", None),
    (
        "Xinhua quoted Wang Yi as saying China would “play a constructive role.”",
        "Wang Yi",
        "Xinhua",
    ),
    (
        "Interfax quoted Kremlin spokesman Dmitry Peskov as saying that “nothing has changed.”",
        "Dmitry Peskov",
        "Interfax",
    ),
    (
        "The Chinese foreign ministry quoted Qin Gang as saying Beijing would “mediate.”",
        "Qin Gang",
        "Chinese Foreign Ministry",
    ),
    (
        "“The world is changing,” Xi told Putin, according to footage aired on Russian media.",
        "Xi",
        "Russian media footage",
    ),
    ("“We always do,” Scholz told German broadcaster ZDF.", "Scholz", "ZDF"),
    ("Putin said “yes,” according to a video posted on Telegram.", "Putin", "Telegram"),
]


@pytest.mark.parametrize(("text", "speaker", "via"), WIRE_RELAYS)
def test_a_relay_phrase_keeps_the_outlet_apart_from_the_speaker(
    text: str, speaker: str, via: str | None
) -> None:
    assert [(q.speaker, q.via) for q in quoted(text)] == [(speaker, via)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The State Department said the sale would help Taiwan maintain “a strong defence.”",
            "US State Department",
        ),
        ("Cologne police say they have “no suspects.”", "Cologne police"),
        ("Supporters of Hillary Clinton say she is “ready.”", "Supporters of Hillary Clinton"),
        ("I heard Trump say “we will win.”", "Trump"),
    ],
)
def test_a_base_form_after_one_name_is_no_verb_of_saying(text: str, speaker: str) -> None:
    assert [q.speaker for q in quoted(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A new IMF report says growth will “slow sharply.”", "IMF"),
        (
            "A 2014 House Intelligence Committee report found “no evidence.”",
            "House Intelligence Committee",
        ),
        ("Donald Trump spoke on Monday. Trump's statement said “we will win.”", "Donald Trump"),
        ("The congressional report said there was “no evidence.”", "congressional report"),
    ],
)
def test_a_report_or_statement_speaks_for_whoever_wrote_it(text: str, speaker: str) -> None:
    assert [q.speaker for q in quoted(text)] == [speaker]


def test_a_nationality_is_no_name_and_a_possessive_owner_no_part_of_one() -> None:
    text = (
        "North Korea's Kim vows to build more weapons\n\n"
        "North Korean leader Kim Jong Un called for more weapons, state media reported, as he "
        "accused the United States of forming an “Asian version of NATO.”\n\n"
        "“It is very important,” Kim said."
    )
    assert [(q.speaker, q.via) for q in quoted(text)] == [
        ("Kim Jong Un", "state media"),
        ("Kim Jong Un", "state media"),  # the same account, carried on
    ]
    headline = extract_quotations(text)[0]
    assert (headline.kind, headline.speaker) == ("indirect", "Kim Jong Un")


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("Russia warned it would retaliate.", "it would retaliate"),
        ("Russia warned the US it would retaliate.", "it would retaliate"),
        ("Russia warned that it would retaliate.", "it would retaliate"),
        ("China warns US over Taiwan arms sale.", None),
        ("Kyiv would continue exports via its own corridor.", None),
        ("Smith continued that the plan was sound.", "the plan was sound"),
    ],
)
def test_claims_after_warned_and_continued(text: str, claim: str | None) -> None:
    claims = [q.text for q in extract_quotations(text) if q.kind == "indirect"]
    assert claims == ([claim] if claim else [])


def test_continued_before_a_noun_goes_on_doing_not_saying() -> None:
    text = "Smith spoke. “We will win,” continued the minister. Howard continued his remarks."
    assert [(q.speaker, q.cue) for q in quoted(text)] == [("minister", "continued")]


def test_an_office_no_one_holds_in_the_article_is_the_last_untitled_speaker() -> None:
    text = (
        "Rishi Sunak has ruled out an early election, insisting he needed “time to deliver”.\n\n"
        "The prime minister said: “I'm going to get on with the job.”\n\n"
        "Labour's Keir Starmer accused him of “clinging on”. “We need change,” the Labour "
        "leader said.\n\n"
        "Erdogan met Vladimir Putin. Putin said “no”. “We are open,” the Russian president said."
    )
    assert [q.speaker for q in quoted(text)] == [
        "Rishi Sunak",
        "Rishi Sunak",
        "Keir Starmer",
        "Keir Starmer",
        "Vladimir Putin",
        "Russian president",  # a nationality the article never gives him: not guessed
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The sides talked, according to a press release issued by the Chinese Foreign Ministry.",
            "Chinese Foreign Ministry",
        ),
        ("The sides talked, according to a statement issued by the Kremlin.", "Kremlin"),
        ("The sides talked, according to a readout published by the White House.", "White House"),
        ("The sides talked, according to a press release from the Kremlin.", "Kremlin"),
    ],
)
def test_a_channel_issued_by_a_body_makes_the_body_the_source(text: str, speaker: str) -> None:
    assert [(q.kind, q.speaker) for q in extract_quotations(text)] == [("indirect", speaker)]


def test_an_unnamed_official_speaks_past_an_anonymity_aside() -> None:
    text = (
        "The army declined to comment, but an Israeli official, speaking on condition of "
        "anonymity, told the New York Times that the men had been planning attacks."
    )
    found = [(q.speaker, q.via, q.text) for q in extract_quotations(text) if q.cue == "told"]
    assert found == [
        ("Israeli official", "The New York Times", "the men had been planning attacks")
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "via"),
    [
        (
            "President Ebrahim Raisi said the attack “will not go unanswered”, state television reported.",
            "Ebrahim Raisi",
            "state television",
        ),
        (
            "Sadyr Japarov said Bishkek “highly values” its ties, the Kyrgyz presidential press service reported.",
            "Sadyr Japarov",
            "Kyrgyz presidential press service",
        ),
    ],
)
def test_an_unnamed_channel_reporting_after_the_words_is_their_relay(
    text: str, speaker: str, via: str
) -> None:
    assert [(q.speaker, q.via) for q in quoted(text)] == [(speaker, via)]


def test_a_headline_labelled_with_a_named_persons_surname_is_their_claim() -> None:
    text = (
        "Lavrov: West seeks to drag Central Asia into confrontation\n\n"
        "Russian Foreign Minister Sergey Lavrov spoke in Bishkek on Friday.\n\n"
        "Ukraine war: Russia strikes Kyiv\n\n"
        "Russian forces struck Kyiv on Monday."
    )
    found = [(q.kind, q.speaker, q.text, q.rule) for q in extract_quotations(text)]
    assert found == [
        (
            "indirect",
            "Sergey Lavrov",
            "West seeks to drag Central Asia into confrontation",
            "headline-label",
        )
    ]
