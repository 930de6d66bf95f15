"""Speakers on wire-style shapes (subjects, cue choice, resolution), on made-up sentences."""

from __future__ import annotations

import pytest

from quotes.extract.pipeline import extract_quotations


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotations(text) if q.kind != "indirect"]


def test_said_another_is_one_more_unnamed_speaker_not_the_last_named_one() -> None:
    text = "Dana Perl said the plan was “bold.” “It is a waste,” said another.\n"
    assert speakers(text) == [("bold.", "Dana Perl"), ("It is a waste,", "another")]


def test_another_with_a_noun_is_a_description_of_its_own() -> None:
    text = "“It is a waste,” said another official.\n"
    assert speakers(text) == [("It is a waste,", "another official")]


def test_a_floated_quantifier_is_no_part_of_a_coordinated_subject() -> None:
    text = "Lyon and Dunmore both rejected what they call “hegemonism”.\n"
    assert speakers(text) == [("hegemonism", "Lyon and Dunmore")]


def test_an_adverb_after_the_subject_leaves_it_the_subject_of_a_later_verb() -> None:
    text = "Ivan Brook then took Dana Perl’s hand and said: “We will go on.”\n"
    assert speakers(text) == [("We will go on.", "Ivan Brook")]


def test_the_statement_speaks_for_whoever_the_sentence_before_says_issued_it() -> None:
    text = (
        "The Dunmore Port Authority issued a statement on Friday. "
        "“The port will reopen,” the statement says.\n"
    )
    assert speakers(text) == [("The port will reopen,", "Dunmore Port Authority")]
    next_paragraph = text.replace("Friday. ", "Friday.\n\n")
    assert speakers(next_paragraph) == [("The port will reopen,", "Dunmore Port Authority")]


def test_the_other_party_of_an_exchange_speaks_the_participles_words() -> None:
    text = (
        "“Welcome to Lyon,” Dana Perl told Ivan Brook.\n\n"
        "Brook answered: “I am glad,” before his host saw him out, saying: “Come again.”\n"
    )
    assert speakers(text) == [
        ("Welcome to Lyon,", "Dana Perl"),
        ("I am glad,", "Ivan Brook"),
        ("Come again.", "Dana Perl"),
    ]


def test_a_headline_quotation_labelled_as_someones_words_is_theirs() -> None:
    text = "‘See you soon’: Brook’s parting words to Perl\n\nIvan Brook left Lyon on Friday.\n"
    assert speakers(text) == [("See you soon", "Ivan Brook")]


def test_a_countrys_possessive_in_a_description_is_its_nationality() -> None:
    diplomat = (
        "Chinese Foreign Minister Li Wen met his hosts on Monday.\n\n"
        "China’s top diplomat said ties were “solid.”\n"
    )
    envoy = "China’s ambassador Zhang Jun spoke. The Chinese representative called it “unfair.”\n"
    assert speakers(envoy) == [("unfair.", "Zhang Jun")]
    assert speakers(diplomat) == [("solid.", "Li Wen")]


def test_the_publication_is_the_outlet_last_heard_from() -> None:
    text = (
        "The Guardian reported on Monday that the deal was close. "
        "According to the publication, the talks were “intense.”\n"
    )
    assert speakers(text) == [("intense.", "The Guardian")]


def test_a_subhead_quotation_with_its_own_cue_is_the_named_persons() -> None:
    text = (
        "Brook warns over harbour fees\n\n"
        "‘We will not back down,’ foreign minister says\n\n"
        "LYON — Foreign Minister Ivan Brook said on Monday the fees would stay.\n"
    )
    assert speakers(text) == [("We will not back down,", "Ivan Brook")]


def test_who_right_before_the_cue_stands_for_the_phrase_before_it() -> None:
    text = (
        "Dunmore fired two rockets, Yonhap reported, citing a military official who said "
        "the launch was “reckless.” The Gazette spoke to residents who said they were "
        "“frightened.”\n"
    )
    assert [(q.text, q.speaker, q.via) for q in extract_quotations(text)] == [
        ("reckless.", "military official", "Yonhap"),
        ("frightened.", "residents", None),
    ]


def test_a_description_after_a_name_leaves_the_name_the_speaker() -> None:
    text = "Dana Perl, a longtime harbour pilot who said the port was “unsafe,” left in May.\n"
    assert speakers(text) == [("unsafe,", "Dana Perl")]


def test_he_or_she_is_never_an_outlet() -> None:
    """With no person named before it, "he" is left unknown rather than given to the agency
    whose report the sentence before cites."""
    text = "According to RIA Novosti, Brook inspected the port. “It is ready,” he said.\n"
    assert [(q.text, q.speaker, q.rule) for q in extract_quotations(text)] == [
        ("Brook inspected the port", "RIA Novosti", "claim"),
        ("It is ready,", None, "unattributed"),
    ]


def claims(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotations(text) if q.kind == "indirect"]


def test_a_possessive_name_opens_a_description_as_a_determiner_would() -> None:
    text = (
        "Dunmore’s port commissioner says an internal review found no fault.\n\n"
        "But Lyon's chief economist said rates would rise.\n\n"
        "Yesterday Lyon's campaign said it would appeal.\n"
    )
    assert claims(text) == [
        ("an internal review found no fault", "Dunmore’s port commissioner"),
        ("rates would rise", "Lyon's chief economist"),
        ("it would appeal", "Lyon's campaign"),
    ]


def test_a_media_noun_after_a_name_in_a_caption_is_no_part_of_the_name() -> None:
    text = (
        "[Video: FULL SPEECH: President Lyon Speech at the Harbour Foundation.]\n\n"
        "The president told voters he would take it as a “personal insult” if they stayed home.\n"
    )
    assert speakers(text) == [("personal insult", "Lyon")]


def test_a_headline_run_of_capitals_before_a_colon_is_no_speaker_label() -> None:
    text = "Dana Perl Endorses Ivan Brook: “Horrified” is how the rival camp felt.\n\n"
    assert speakers(text) == [("Horrified", None)]


def test_the_diplomat_is_the_deputy_foreign_minister_named_before() -> None:
    text = (
        "The port will stay open, Deputy Foreign Minister Ivan Brook said on Tuesday.\n\n"
        "“We are open to dialogue,” the diplomat said.\n\n"
        "Later, Foreign Minister Dana Perl said talks would resume.\n"
    )
    assert speakers(text) == [("We are open to dialogue,", "Ivan Brook")]


def test_an_acronym_is_the_name_spelled_out_before_it() -> None:
    text = (
        "The Dunmore Harbour Authority (DHA) said the port was safe.\n\n"
        "“There is no leak,” the DHA said.\n\n“We will act,” the FBI said.\n"
    )
    assert speakers(text) == [
        ("There is no leak,", "Dunmore Harbour Authority"),
        ("We will act,", "FBI"),
    ]


def test_a_description_before_a_colon_speaks_only_when_it_names_a_source() -> None:
    text = (
        "The challenge is summed up by this finding: “27 ferries reported delays.”\n\n"
        "The harbour master put it simply: “The port is full.”\n"
    )
    assert speakers(text) == [
        ("27 ferries reported delays.", None),
        ("The port is full.", "harbour master"),
    ]


def test_a_fact_checker_rating_claims_gives_the_rating() -> None:
    text = (
        "Ivan Brook spoke on Monday.\n\n"
        "FactDesk rated 32% of Republican claims as “false” or “pants on fire.”\n"
    )
    assert speakers(text) == [("false", "FactDesk"), ("pants on fire.", "FactDesk")]


def test_a_number_may_be_one_of_the_words_before_an_inverted_name() -> None:
    text = "“They are wrong,” said 9/11 widow Dana Perl.\n"
    assert speakers(text) == [("They are wrong,", "Dana Perl")]


def test_a_headline_verb_ends_the_name_before_it() -> None:
    text = "Dana Perl Calls Ivan Brook ‘Reckless’ At Rally\n\nLYON — She spoke on Monday.\n"
    assert speakers(text) == [("Reckless", "Dana Perl")]


def test_a_titled_surname_is_not_completed_by_a_name_of_the_other_gender() -> None:
    text = (
        "President Lyon spoke on Friday. Mr. Lyon was tired.\n\n"
        "Mary Lyon, his wife, was there too.\n\n"
        "The president told voters he would take it as a “personal insult” if they stayed home.\n"
    )
    assert speakers(text) == [("personal insult", "Lyon")]


def test_a_cue_followed_by_that_after_a_quotation_has_no_inverted_subject() -> None:
    text = (
        "Mayor Ivan Brook said in the letter that the advert “unmistakably” suggests that "
        "Lyon and its officers support the plan.\n"
    )
    assert speakers(text) == [("unmistakably", "Ivan Brook")]


def test_an_officials_office_is_the_body_his_title_names() -> None:
    text = (
        "Harbour Safety Council secretary Ivan Brook met pilots on Monday.\n\n"
        "Brook’s office said in a statement that the pilots agreed “to share data”.\n\n"
        "Dana Perl, head of the Port Authority, spoke. Perl’s office said the visit was “useful”.\n"
    )
    assert speakers(text) == [
        ("to share data", "Harbour Safety Council"),
        ("useful", "Port Authority"),
    ]


def test_a_lower_case_thing_is_no_body_that_speaks() -> None:
    text = (
        "A port official who spoke anonymously to discuss internal strategy said on Monday, "
        "“There are talks.”\n\nPolice said the road was “closed”.\n"
    )
    assert speakers(text) == [("There are talks.", "port official"), ("closed", "Police")]


def test_a_cue_word_inside_a_hyphenated_adjective_is_no_cue() -> None:
    text = "Her strengths include support from self-described “very conservative” voters.\n"
    assert speakers(text) == [("very conservative", None)]


def test_as_described_by_names_who_described_it() -> None:
    text = "The plan, as described by Mayor Ivan Brook, is “bold”.\n"
    assert speakers(text) == [("bold", "Ivan Brook")]


def test_words_in_what_a_noun_of_saying_reports_are_its_owners() -> None:
    text = (
        "Senator Ivan Brook spoke in Lyon.\n\n"
        "The senator kept up his warnings that the vote is “rigged”.\n\n"
        "Critics mocked Dana Perl’s warning of a “new cold war”.\n\n"
        "Brook dismissed Perl’s claim that the vote was “clean”.\n"
    )
    assert speakers(text) == [
        ("rigged", "Ivan Brook"),
        ("new cold war", "Dana Perl"),
        ("clean", "Dana Perl"),
    ]


def test_words_said_about_a_noun_of_saying_are_not_its_owners() -> None:
    text = (
        "Ivan Brook called Dana Perl’s remarks about the port “reckless”.\n\n"
        "Lena Ostrova said that Perl’s claim that the port is open is “simply not true.”\n\n"
        "Brook said Perl’s comments about the ferries were “a disgrace”.\n"
    )
    assert speakers(text) == [
        ("reckless", "Ivan Brook"),
        ("simply not true.", "Lena Ostrova"),
        ("a disgrace", "Ivan Brook"),
    ]


def test_a_linking_adverb_before_a_lower_case_subject_opens_no_adverbial() -> None:
    text = (
        "Ivan Brook met Dana Perl in Lyon. Perl said the talks were “frank”.\n\n"
        "Brook answered: “I agree.” Then his guest took her leave, saying: “Take care.”\n"
    )
    assert speakers(text) == [
        ("frank", "Dana Perl"),
        ("I agree.", "Ivan Brook"),
        ("Take care.", "Dana Perl"),
    ]


def test_the_agency_or_the_paper_is_the_outlet_of_that_kind_named_before() -> None:
    text = (
        "TASS reported the talks on Monday. “The talks went well,” the agency said.\n\n"
        "The newspaper Kommersant covered the deal. “It is big,” the paper wrote.\n\n"
        "“It will pass,” the broadcaster said.\n"
    )
    assert speakers(text) == [
        ("The talks went well,", "TASS"),
        ("It is big,", "Kommersant"),
        ("It will pass,", "broadcaster"),  # no broadcaster named before: the words as written
    ]


def test_an_organisation_before_a_restrictive_which_is_the_speaker() -> None:
    text = (
        "Reporters asked around.\n\n"
        "They turned to the Lyon Port Authority which reported “2,521 late ferries” last year.\n\n"
        "Another critic, Ivan Brook, likened the rules to “burning the charter”.\n"
    )
    assert speakers(text) == [
        ("2,521 late ferries", "Lyon Port Authority"),
        ("burning the charter", "Ivan Brook"),
    ]


def test_a_person_named_right_before_the_colon_that_opens_a_quotation_speaks() -> None:
    text = (
        "The port reopened.\n\n"
        "The timing does not surprise harbour master Ivan Brook: “Ferries always come back.”\n\n"
        "He flew to Lyon: “It was great.”\n"
    )
    assert speakers(text) == [
        ("Ferries always come back.", "Ivan Brook"),
        ("It was great.", "Ivan Brook"),
    ]


def test_a_bodys_name_goes_on_with_of() -> None:
    text = (
        "Tensions rose.\n\n"
        "“The strike killed ten people,” said the Ministry of Defence.\n\n"
        "“We are ready,” said the Bank of England.\n\n"
        "“It is done,” said Ivan Brook of the Port Authority.\n"
    )
    assert speakers(text) == [
        ("The strike killed ten people,", "Ministry of Defence"),
        ("We are ready,", "Bank of England"),
        ("It is done,", "Ivan Brook"),
    ]


def test_the_countrys_representative_is_its_envoy_named_after_a_bodys_acronym() -> None:
    text = (
        "Foreign Minister Ivan Brook and Norway's UN envoy Dana Perl attended.\n\n"
        "At the Security Council, the Norwegian representative said the text was “unbalanced”.\n\n"
        "Norway's top diplomat said the visit was “a journey of friendship”.\n"
    )
    assert speakers(text) == [
        ("unbalanced", "Dana Perl"),
        ("a journey of friendship", "Norway's top diplomat"),  # no Norwegian foreign minister
    ]


def test_a_claim_ends_with_the_clause_before_a_quotation_of_its_sentence() -> None:
    text = (
        "Dana Perl said the plan would cost billions, and called it “a gift to the rich.”\n\n"
        "Ivan Brook said the port was “ready for business.”\n"
    )
    assert claims(text) == [("the plan would cost billions", "Dana Perl")]


def test_an_opening_phrase_before_a_cue_that_introduces_a_quotation_is_no_claim() -> None:
    text = (
        "Speaking at his weekly briefing on Monday, Ivan Brook said, “The port is open.”\n\n"
        "Many of the visitors were older, Dana Perl said, and “it moved them.”\n"
    )
    assert claims(text) == [("Many of the visitors were older", "Dana Perl")]


def test_a_title_set_off_by_commas_after_a_name_is_that_persons() -> None:
    text = (
        "Ivan Brook, France's top diplomat, met the envoy on Monday. France's top diplomat "
        "said the talks were useful.\n\n"
        "Dana Perl, the foreign ministry spokeswoman, spoke later. “We object,” the "
        "spokeswoman said.\n\n"
        "Tom Reed, who met the envoy, said the talks were long.\n"
    )
    assert [(q.text, q.speaker) for q in extract_quotations(text)] == [
        ("the talks were useful", "Ivan Brook"),
        ("We object,", "Dana Perl"),
        ("the talks were long", "Tom Reed"),
    ]


def test_a_place_name_someone_goes_by_is_that_person() -> None:
    text = "Intro.\n\n“Get the house ready,” Paris, who used to work in Congress, said.\n"
    assert [(q.text, q.speaker) for q in extract_quotations(text)] == [
        ("Get the house ready,", "Paris")
    ]


def test_now_and_since_between_subject_and_verb_leave_the_subject() -> None:
    text = "Dana Perl now says she opposes the deal. Ivan Brook has since said it is dead.\n"
    assert claims(text) == [
        ("she opposes the deal", "Dana Perl"),
        ("it is dead", "Ivan Brook"),
    ]


def test_people_described_by_whom_they_serve_speak_not_the_person_they_serve() -> None:
    text = (
        "Advisers to Mr. Brook say the president is frustrated.\n\n"
        "Political observers in Lyon say Perl deserves the post.\n\n"
        "Sources close to the ministry said the talks were over.\n\n"
        "The spokesman for Mr. Brook said the deal was dead.\n\n"
        "Supporters of Ms. Perl said the vote was rigged.\n"
    )
    assert claims(text) == [
        ("the president is frustrated", "Advisers to Mr. Brook"),
        ("Perl deserves the post", "Political observers in Lyon"),
        ("the talks were over", "Sources close to the ministry"),
        ("the deal was dead", "spokesman for Mr. Brook"),
        ("the vote was rigged", "Supporters of Ms. Perl"),
    ]


def test_a_cue_word_after_a_determiner_and_an_adjective_is_a_noun() -> None:
    text = (
        "At times, his aides said, the mere mention of her name could make him fume.\n\n"
        "The officials claim the vote was rigged.\n"
    )
    assert [(q.speaker, q.cue) for q in extract_quotations(text)] == [
        ("his aides", "said"),
        ("officials", "claim"),
    ]


def test_declining_to_comment_or_to_say_is_no_claim() -> None:
    text = (
        "Kremlin spokesman Ivan Brook declined to comment on the report when asked by Reuters. "
        "Perl declined to say whether the talks would resume.\n"
    )
    assert claims(text) == []


def test_commenting_on_something_says_what_it_was_about_and_no_claim() -> None:
    text = (
        "Dana Perl has commented on the remarks by Ivan Brook. "
        "Brook commented on Tuesday that the remarks were fair.\n"
    )
    assert claims(text) == [("the remarks were fair", "Ivan Brook")]


def test_a_name_given_as_a_theme_or_slogan_is_nobodys_words() -> None:
    text = (
        "The forum, themed “Shared Future,” opened on Monday, according to the organizers. "
        "Under the slogan “Lyon First,” the fair opened, the ministry said.\n"
    )
    assert speakers(text) == [("Shared Future,", None), ("Lyon First,", None)]


def test_the_statement_speaks_for_whoever_said_in_a_statement_before() -> None:
    text = (
        "The Dunmore Port Authority said in a statement that it “strongly condemns” the strike.\n\n"
        "“This is unacceptable,” the statement said.\n"
    )
    assert speakers(text) == [
        ("strongly condemns", "Dunmore Port Authority"),
        ("This is unacceptable,", "Dunmore Port Authority"),
    ]


def test_the_guest_not_yet_quoted_is_the_other_person_named() -> None:
    text = (
        "Lyon's mayor Dana Perl hosted Dunmore's mayor Ivan Brook on Monday.\n\n"
        "“Dear friend,” Perl said, “welcome to Lyon.”\n\n“Thank you,” her guest replied.\n"
    )
    assert speakers(text) == [
        ("Dear friend,", "Dana Perl"),
        ("welcome to Lyon.", "Dana Perl"),
        ("Thank you,", "Ivan Brook"),
    ]


def test_a_clause_opened_by_its_own_cue_is_no_claim_of_the_next_subject() -> None:
    text = (
        "A senior official, speaking on condition of anonymity, said Lyon hoped to "
        "“avoid surprises.”\n"
    )
    assert [(q.text, q.speaker) for q in extract_quotations(text)] == [
        ("avoid surprises.", "senior official")
    ]


def test_a_leader_described_by_nationality_is_the_one_titled_by_the_country() -> None:
    text = (
        "Ukraine's President Ivan Brook met Dana Perl on Monday.\n\n"
        "“We will not give up,” the Ukrainian leader said.\n"
    )
    assert speakers(text) == [("We will not give up,", "Ivan Brook")]


def test_the_person_of_an_age_is_the_one_the_article_gave_that_age() -> None:
    text = (
        "Dana Perl, 81, has lived in Lyon with Ivan Brook, 79.\n\n"
        "“It was never like this,” the 79-year-old said.\n\n"
        "“We will win,” the 50-year-old said.\n"
    )
    assert speakers(text) == [
        ("It was never like this,", "Ivan Brook"),
        ("We will win,", "50-year-old"),
    ]


def test_a_nationality_before_a_title_with_of_is_part_of_the_title() -> None:
    text = (
        "U.S. Secretary of State Ivan Brook said Washington would “not stand by.”\n\n"
        "Iran's Minister of Foreign Affairs Dana Perl said Tehran was “ready.”\n"
    )
    assert [(q.text, q.speaker, q.role) for q in extract_quotations(text)] == [
        ("not stand by.", "Ivan Brook", "U.S. Secretary of State"),
        ("ready.", "Dana Perl", "Iran's Minister of Foreign Affairs"),
    ]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Experts on Iran and arms control said the test could change the debate.\n",
         "Experts on Iran and arms control"),
        ("Those close to him say he would have to consider a rival.\n", "Those close to him"),
        ("Elected officials from both parties say she has forged a reputation.\n",
         "Elected officials from both parties"),
        ("The crew watched the video on Thursday, attorneys for the family said.\n",
         "attorneys for the family"),
    ],
)  # fmt: skip
def test_people_described_by_a_preposition_and_its_object_speak(
    sentence: str, speaker: str
) -> None:
    [(_, found)] = claims(sentence)
    assert found == speaker


def test_a_name_written_as_a_plural_and_its_object_stays_a_name() -> None:
    text = "Citizens for Harbour Justice want a litany of rules to end the deferral.\n"
    assert all(speaker != "Citizens for Harbour Justice" for _, speaker in claims(text))


def test_a_month_after_the_subject_is_when_not_who() -> None:
    text = "Federal prosecutors in April charged two developers with defrauding investors.\n"
    assert claims(text) == [("two developers with defrauding investors", "Federal prosecutors")]


def test_a_contracted_negation_stands_between_subject_and_verb_as_did_not_does() -> None:
    text = "Aides to the mayor didn't say whether the bridge would reopen.\n"
    assert claims(text) == [("whether the bridge would reopen", "Aides to the mayor")]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The U.N. nuclear watchdog said on Wednesday that Iran had expanded its stockpile.\n",
         "U.N. nuclear watchdog"),
        ("The EU executive body said the rules were fair.\n", "EU executive body"),
    ],
)  # fmt: skip
def test_a_body_named_by_an_acronym_and_a_lower_case_head_speaks(
    sentence: str, speaker: str
) -> None:
    [(_, found)] = claims(sentence)
    assert found == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("According to law enforcement officials, the account was linked to an email address.\n",
         "law enforcement officials"),
        ("According to local health officials, the virus has spread to three counties.\n",
         "local health officials"),
        ("People briefed on the situation say that the governor has revealed nothing.\n",
         "People"),
    ],
)  # fmt: skip
def test_sources_described_by_words_no_list_holds_are_sources(sentence: str, speaker: str) -> None:
    [(_, found)] = claims(sentence)
    assert found == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Mrs. Dole's confidants say it is only fitting that she faces such a rival.\n",
         "Mrs. Dole's confidants"),
        ("Protest groups say the restrictions are less for safety than for show.\n",
         "Protest groups"),
        ("Even the organizer of a harbour rally said the rules increased the risk.\n",
         "organizer of a harbour rally"),
    ],
)  # fmt: skip
def test_people_and_bodies_named_by_descriptions_speak(sentence: str, speaker: str) -> None:
    [(_, found)] = claims(sentence)
    assert found == speaker


def test_news_agencies_in_the_plural_stay_outlets() -> None:
    text = "Russian news agencies quoted Ivan Brook as saying that the port would reopen.\n"
    assert [(q.speaker, q.via) for q in extract_quotations(text)] == [
        ("Ivan Brook", "Russian news agencies")
    ]


def test_a_country_written_as_initials_is_part_of_the_title_a_description_matches() -> None:
    text = (
        "U.S. President Ivan Brook met Lyonese President Dana Perl on Monday.\n\n"
        "The U.S. president said the talks were “candid.”\n\n"
        "The American president said he was “optimistic.”\n"
    )
    assert speakers(text) == [("candid.", "Ivan Brook"), ("optimistic.", "Ivan Brook")]


def test_a_government_agency_is_no_news_agency_named_by_its_kind() -> None:
    text = (
        "DUNMORE (AFP) - At least 20 people were killed in strikes overnight, the civil "
        "defence agency said, according to an AFP tally.\n"
    )
    assert claims(text) == [
        ("At least 20 people were killed in strikes overnight", "civil defence agency")
    ]


def test_a_guest_is_never_two_places_quoted_together() -> None:
    text = (
        "Lyon and Dunmore both rejected what they call “hegemonism.”\n\n"
        "Ivan Brook answered: “We will see.” His guest took his leave, saying: “Thank you.”\n"
    )
    assert [s for _, s in speakers(text)] == ["Lyon and Dunmore", "Ivan Brook", "His guest"]


def test_the_unnamed_speaker_named_again_by_its_head_noun_is_the_one_just_quoted() -> None:
    text = (
        "Dunmore has no plans to close the port, a source in the harbour ministry told Sputnik.\n\n"
        "“There are no such plans,” the source said.\n\n"
        "The Lyon governor said the plan was “fine.” “It is late,” the Dunmore governor said.\n"
    )
    assert [(q.speaker, q.via) for q in extract_quotations(text)] == [
        ("source in the harbour ministry", "Sputnik"),
        ("source in the harbour ministry", "Sputnik"),
        ("Lyon governor", None),
        ("Dunmore governor", None),
    ]


def test_a_share_written_in_words_speaks_as_one_in_figures_does() -> None:
    assert claims("Twenty-four percent said she did nothing wrong.\n") == [
        ("she did nothing wrong", "Twenty-four percent")
    ]


def test_a_body_written_as_an_acronym_before_a_title_with_of_is_part_of_the_title() -> None:
    text = "The union will sit out the election, UMWA Director of Government Affairs Phil Smith said.\n"
    assert claims(text) == [("The union will sit out the election", "Phil Smith")]


def test_a_nationality_before_a_plural_of_people_is_part_of_it() -> None:
    text = "In the free-trade zone, Chinese traders also say business is poor.\n"
    assert claims(text) == [("business is poor", "Chinese traders")]


def test_in_the_words_of_someone_names_whose_words_follow() -> None:
    text = (
        "Dana Perl was, in the words of a senior adviser, “the torchbearer” of his legacy.\n\n"
        "The plan was, in the words of Ivan Brook, “a disaster.”\n"
    )
    assert [(q.kind, q.text, q.speaker) for q in extract_quotations(text)] == [
        ("partial", "the torchbearer", "senior adviser"),
        ("partial", "a disaster.", "Ivan Brook"),
    ]


def test_a_source_opening_a_sentence_without_a_determiner_is_a_source() -> None:
    assert claims("Source familiar with the talks said a deal was close.\n") == [
        ("a deal was close", "Source")
    ]


def test_a_family_name_before_a_hyphenated_given_name_is_part_of_the_name() -> None:
    text = "The talks were useful, according to Rep. Park Sun-won, who attended the session.\n"
    assert claims(text) == [("The talks were useful", "Park Sun-won")]


def test_a_bare_surname_finds_a_name_written_with_a_generational_suffix() -> None:
    text = (
        "Lyonese President Ivan Brook Jr. told reporters the port was “open.”\n\n"
        "Brook added that the ferries would sail.\n"
    )
    assert [q.speaker for q in extract_quotations(text)][-1] == "Ivan Brook Jr."


def test_an_ambassador_to_a_country_written_as_initials_is_the_diplomat_after() -> None:
    text = (
        "Russian Ambassador to the U.S. Alexander Dole said relations were at “a low point.”\n\n"
        "The diplomat was quoted as saying by RIA Novosti that Moscow expected “concrete "
        "steps.”\n"
    )
    assert [(q.speaker, q.via) for q in extract_quotations(text)] == [
        ("Alexander Dole", None),
        ("Alexander Dole", "RIA Novosti"),
    ]


def test_the_chief_of_a_body_is_its_head_however_titled() -> None:
    text = (
        "U.N. Secretary-General Ivan Brook said the world was “at a crossroads.”\n\n"
        "The U.N. chief later said peace was “possible.”\n"
    )
    assert speakers(text) == [("at a crossroads.", "Ivan Brook"), ("possible.", "Ivan Brook")]


def test_an_arabic_article_joined_to_a_family_name_is_part_of_the_name() -> None:
    text = (
        "Qatar's foreign ministry spokesman Majed al-Dole told reporters that mediation was "
        "“ongoing.”\n\n"
        "Kuwait's emir, Sheikh Meshal al-Brook, called for “restraint,” according to KUNA.\n"
    )
    assert [(q.speaker, q.via) for q in extract_quotations(text)] == [
        ("Majed al-Dole", None),
        ("Meshal al-Brook", "Kuwait News Agency"),
    ]
