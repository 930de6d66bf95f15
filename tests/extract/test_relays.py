"""Relays (quotes/extract/relays.py, relay_choice.py and the cue choices that feed them), on
made-up sentences."""

from __future__ import annotations

import pytest

from quotes.extract.pipeline import extract_quotations


def relayed(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.via) for q in extract_quotations(text) if q.kind != "indirect"]


def test_an_outlet_quoting_someone_after_the_quotation_is_the_relay_of_that_one() -> None:
    text = (
        "“The ferry will sail,” Tass quoted Ivan Brook as saying.\n\n“It is ready,” Brook added.\n"
    )
    assert relayed(text) == [
        ("The ferry will sail,", "Ivan Brook", "TASS"),
        ("It is ready,", "Ivan Brook", "TASS"),
    ]


def test_a_platform_the_words_were_posted_on_is_their_relay() -> None:
    wrote = "“The port is open,” Ivan Brook wrote on Telegram.\n\n“Come,” he said.\n"
    posted = "Dana Perl posted on X that the claims were “absurd”.\n"
    video = "Li Wen said in a video posted on his Weibo account that ties were “solid”.\n"
    post = "In a Telegram post, Ivan Brook called the vote “a farce”.\n"
    assert relayed(wrote) == [
        ("The port is open,", "Ivan Brook", "Telegram"),
        ("Come,", "Ivan Brook", "Telegram"),
    ]
    assert relayed(posted) == [("absurd", "Dana Perl", "X")]
    assert relayed(video) == [("solid", "Li Wen", "Weibo")]
    assert relayed(post) == [("a farce", "Ivan Brook", "Telegram")]


def test_a_platform_is_no_relay_where_nothing_was_posted_on_it() -> None:
    text = "Ivan Brook said the ban on Telegram was “a mistake”.\n"
    assert relayed(text) == [("a mistake", "Ivan Brook", None)]


def test_a_bodys_statement_on_a_platform_keeps_its_author() -> None:
    text = "The Dunmore defence ministry said in a statement on Telegram that it would “respond”.\n"
    assert relayed(text) == [
        ("respond", "Dunmore defence ministry", "Dunmore defence ministry statement on Telegram")
    ]


def test_an_outlet_that_reports_in_its_own_words_is_no_relay_of_itself() -> None:
    text = "The talks were “candid and fruitful”, Xinhua reported.\n"
    assert relayed(text) == [("candid and fruitful", "Xinhua", None)]


def test_according_to_a_titled_person_names_the_speaker_not_a_relay() -> None:
    text = "Relations are “at a low”, according to Kremlin spokesman Ivan Brook.\n"
    assert relayed(text) == [("at a low", "Ivan Brook", None)]


def test_a_relay_stops_where_a_new_attribution_opens() -> None:
    text = (
        "Ivan Brook said the fleet was “ready”, according to Interfax.\n\n"
        "According to Brook, the fleet is “stronger than ever”.\n\n"
        "Asked by reporters on Tuesday, Brook said: “We will sail.”\n"
    )
    assert relayed(text) == [
        ("ready", "Ivan Brook", "Interfax"),
        ("stronger than ever", "Ivan Brook", None),
        ("We will sail.", "Ivan Brook", None),
    ]


def test_a_relay_carries_to_the_same_speakers_next_words() -> None:
    text = "Ivan Brook said the fleet was “ready”, according to Interfax.\n\n“We sail,” he added.\n"
    assert relayed(text) == [
        ("ready", "Ivan Brook", "Interfax"),
        ("We sail,", "Ivan Brook", "Interfax"),
    ]


def test_an_outlet_quoting_or_citing_someone_relays_that_ones_words() -> None:
    quoting = "“The port is shut,” reported AFP, quoting Ivan Brook.\n"
    citing = "“The port is shut,” Interfax reported, citing a source in the ministry.\n"
    assert relayed(quoting) == [("The port is shut,", "Ivan Brook", "Agence France-Presse")]
    assert relayed(citing) == [("The port is shut,", "source", "Interfax")]


def test_an_outlet_quoting_him_as_saying_resolves_the_pronoun() -> None:
    text = "Ivan Brook spoke on Friday. IRNA quoted him as saying the port was “open”.\n"
    assert relayed(text) == [("open", "Ivan Brook", "IRNA")]


def test_words_carried_by_an_outlet_or_spoken_to_one_are_relayed_by_it() -> None:
    carried = "In comments carried by state media, Ivan Brook said it was “over”.\n"
    speaking = "Speaking to NHK, Ivan Brook said it was “over”.\n"
    assert relayed(carried) == [("over", "Ivan Brook", "state media")]
    assert relayed(speaking) == [("over", "Ivan Brook", "NHK")]


def test_a_body_that_said_in_a_readout_what_a_person_said_relays_it() -> None:
    text = "The Dunmore presidency said in a readout that Ivan Brook had urged “calm”.\n"
    assert relayed(text) == [("calm", "Ivan Brook", "Dunmore presidency readout")]


def test_a_named_body_a_persons_words_are_according_to_relays_them() -> None:
    text = "Ivan Brook told the mayor the port was “open”, according to the Dunmore Directorate.\n"
    assert relayed(text) == [("open", "Ivan Brook", "Dunmore Directorate")]


def test_an_outlet_writing_or_noting_in_its_own_voice_is_no_relay_of_itself() -> None:
    wrote = "“The plan is dead,” wrote the Guardian.\n"
    said = "Xinhua said the two sides “agreed to meet”.\n"
    assert relayed(wrote) == [("The plan is dead,", "The Guardian", None)]
    assert relayed(said) == [("agreed to meet", "Xinhua", "Xinhua")]


def test_state_tv_is_an_unnamed_broadcaster_that_relays() -> None:
    reported = "Ivan Brook said the port was “open,” Dunmore state TV reported.\n"
    told = "Ivan Brook told state TV the port was “open.”\n"
    assert relayed(reported) == [("open,", "Ivan Brook", "Dunmore state TV")]
    assert relayed(told) == [("open.", "Ivan Brook", "state TV")]


def test_a_named_medium_the_gazetteer_lacks_is_the_relay_of_what_it_was_told() -> None:
    channel = "“We are ready,” Ivan Brook told the Lyon 1 television channel.\n"
    daily = "Ivan Brook told the Dunmore Herald daily that he was “ready.”\n"
    unnamed = "Ivan Brook told the agency that he was “ready.”\n"
    assert relayed(channel) == [("We are ready,", "Ivan Brook", "Lyon 1 television channel")]
    assert relayed(daily) == [("ready.", "Ivan Brook", "Dunmore Herald")]
    assert relayed(unnamed) == [("ready.", "Ivan Brook", None)]


def test_remarks_published_by_a_body_are_relayed_by_it() -> None:
    text = "“We are ready,” Ivan Brook said in remarks published by the Defence Ministry.\n"
    assert relayed(text) == [("We are ready,", "Ivan Brook", "Defence Ministry")]


def test_no_relay_from_an_unnamed_medium_law_or_document() -> None:
    interviewer = "Ivan Brook told a TV interviewer that he felt “a lot of emotion.”\n"
    law = "According to state law, voters may not be “solicited” near a polling place.\n"
    document = "“The arrest was lawful,” according to a court document.\n"
    assert relayed(interviewer) == [("a lot of emotion.", "Ivan Brook", None)]
    assert [via for _, _, via in relayed(law)] == [None]
    assert [via for _, _, via in relayed(document)] == [None]


def test_according_to_a_newspaper_named_like_a_person_is_a_relay() -> None:
    text = "“It is a priority,” Ivan Brook said, according to the Tampa Bay Times.\n"
    assert relayed(text) == [("It is a priority,", "Ivan Brook", "Tampa Bay Times")]


def test_a_question_in_the_same_interview_keeps_the_relay() -> None:
    text = (
        "Ivan Brook told Fox News the port was “open.”\n\n"
        "Asked if he was worried, he said: “Not at all.”\n"
    )
    assert relayed(text) == [
        ("open.", "Ivan Brook", "Fox News"),
        ("Not at all.", "Ivan Brook", "Fox News"),
    ]


def test_listeners_who_are_no_outlet_give_no_relay() -> None:
    audience = "Ivan Brook told his radio audience of Monday, “It is over.”\n"
    crowd = "Speaking to dignitaries on the National Mall, Ivan Brook said it was “great.”\n"
    assert relayed(audience) == [("It is over.", "Ivan Brook", None)]
    assert relayed(crowd) == [("great.", "Ivan Brook", None)]


def claimed(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(q.text, q.speaker, q.via) for q in extract_quotations(text) if q.kind == "indirect"]


def test_a_relay_after_the_speakers_own_cue_closes_the_claim() -> None:
    text = (
        "The port will reopen on Monday, Mayor Ivan Brook said on Friday, the state news agency "
        "RIA reported.\n\nThe deal, Brook said, was a success, Interfax reported.\n\n"
        "The harbour, Dana Perl said, is busier than the city says.\n\n"
        "Mayor Li Wen said on Monday that the city would respond, IRNA reported.\n"
    )
    assert claimed(text) == [
        ("The port will reopen on Monday", "Ivan Brook", "RIA Novosti"),
        ("The deal, Brook said, was a success", "Ivan Brook", "Interfax"),
        ("The harbour, Dana Perl said, is busier than the city says", "Dana Perl", None),
        ("the city would respond", "Li Wen", "IRNA"),
    ]


def test_an_outlet_named_after_its_verb_relays_the_claim_before_it() -> None:
    text = (
        "“The port is shut,” Mayor Ivan Brook said.\n\n"
        "The ferries will resume on Monday, Port Minister Dana Perl said on Friday, reported AFP."
        "\n\nThe harbour will reopen, Perl said, reported the newspaper Kommersant.\n\n"
        "The fleet is ready, Perl said, according to TASS.\n"
    )
    assert claimed(text) == [
        ("The ferries will resume on Monday", "Dana Perl", "Agence France-Presse"),
        ("The harbour will reopen", "Dana Perl", "Kommersant"),
        ("The fleet is ready", "Dana Perl", "TASS"),
    ]


def test_a_claim_quoted_as_saying_comes_through_the_outlet_that_quoted_it() -> None:
    text = (
        "Interfax cited Port Minister Ivan Brook as saying the ferries had resumed.\n\n"
        "Tass quoted Brook as saying the harbour was open.\n"
    )
    assert claimed(text) == [
        ("the ferries had resumed", "Ivan Brook", "Interfax"),
        ("the harbour was open", "Ivan Brook", "TASS"),
    ]


def test_an_outlet_named_with_its_medium_is_that_outlet() -> None:
    text = (
        "“The port is open,” Ivan Brook told Sputnik radio.\n\n"
        "Dana Perl told the Rossiya-1 TV channel that the ferries would sail.\n"
    )
    assert relayed(text) == [("The port is open,", "Ivan Brook", "Sputnik")]
    assert claimed(text) == [("the ferries would sail", "Dana Perl", "Rossiya 1")]


def test_what_an_outlet_reports_someone_did_is_the_outlets_claim() -> None:
    text = "The Times newspaper reported last month Brook had ordered pilots to return to port.\n"
    assert claimed(text)[0] == ("Brook had ordered pilots to return to port", "The Times", None)


def test_words_told_to_reporters_are_the_articles_own_account() -> None:
    text = (
        "Ivan Brook was quoted by RIA as saying the talks would take time.\n\n"
        "“We will not give in,” Brook told reporters. "
        "The RIA news agency later quoted him as saying: “Nothing is decided.”\n"
    )
    assert relayed(text) == [
        ("We will not give in,", "Ivan Brook", None),
        ("Nothing is decided.", "Ivan Brook", "RIA Novosti"),
    ]


def test_a_medium_owned_by_a_country_is_named_without_the_country_unless_state_run() -> None:
    text = (
        "In an interview with Russia's RBC TV, Ivan Brook said the port would reopen.\n\n"
        "Dana Perl told Iran’s state TV that the ferries would sail.\n"
    )
    assert claimed(text) == [
        ("the port would reopen", "Ivan Brook", "RBC TV"),
        ("the ferries would sail", "Dana Perl", "Iran’s state TV"),
    ]


def test_as_reported_by_and_speaking_on_a_broadcaster_are_relays() -> None:
    text = (
        "“The economy is strong,” Dana Perl said, as reported by Reuters.\n\n"
        "Speaking on CNN's State of the Union, Ivan Brook said the port was open.\n"
    )
    assert relayed(text) == [("The economy is strong,", "Dana Perl", "Reuters")]
    assert claimed(text) == [("the port was open", "Ivan Brook", "CNN")]


def test_a_source_cited_before_that_leaves_the_claim_after_that() -> None:
    text = "Dana Perl said, citing a report by the harbour board, that the ferries were late.\n"
    assert claimed(text) == [("the ferries were late", "Dana Perl", None)]


def test_words_that_stand_for_what_was_said_are_no_claim() -> None:
    text = (
        "Ivan Brook said the same thing to the BBC in 2019.\n\n"
        "Dana Perl said nothing about the talks on Monday.\n\n"
        "Dana Perl said nothing was decided at the summit.\n"
    )
    assert claimed(text) == [("nothing was decided at the summit", "Dana Perl", None)]


def test_a_sentence_opening_on_another_day_is_another_occasion() -> None:
    text = (
        "“We have no plans to attack,” Ivan Brook said in an interview with the BBC last year. "
        "On Monday, he said: “Nothing has changed.”\n"
    )
    assert relayed(text) == [
        ("We have no plans to attack,", "Ivan Brook", "BBC"),
        ("Nothing has changed.", "Ivan Brook", None),
    ]


def test_a_news_agency_named_with_news_agency_after_it_is_that_outlet() -> None:
    text = (
        "Tensions rose.\n\n"
        "Port Minister Ivan Brook said the ferries would stay in port, the official KCNA news "
        "agency reported on Thursday.\n"
    )
    assert claimed(text) == [
        ("the ferries would stay in port", "Ivan Brook", "Korean Central News Agency")
    ]


def test_a_transcript_or_translation_of_the_speakers_words_is_no_relay() -> None:
    text = (
        "“The port is shut,” Ivan Brook told a briefing, according to a transcript published "
        "on the ministry's website.\n\n"
        "“It will reopen,” Brook said, according to a Russian translation of his remarks.\n"
    )
    assert relayed(text) == [
        ("The port is shut,", "Ivan Brook", None),
        ("It will reopen,", "Ivan Brook", None),
    ]


def test_what_the_source_cited_is_no_part_of_its_claim() -> None:
    text = (
        "Talks went on.\n\n"
        "According to Reuters, which cited three sources familiar with the matter, the deal "
        "could be signed next week.\n"
    )
    assert claimed(text) == [("the deal could be signed next week", "Reuters", "Reuters")]


def test_an_outlet_described_before_its_name_after_the_claim_is_its_relay() -> None:
    text = (
        "Talks went on.\n\n"
        "Port Minister Ivan Brook told his counterpart Dana Perl that the ferries should resume, "
        "state broadcaster CCTV reported.\n\n"
        "The ministry said in a statement on its website that air defences had downed 20 drones.\n"
    )
    assert claimed(text) == [
        ("the ferries should resume", "Ivan Brook", "China Central Television"),
        ("air defences had downed 20 drones", "Ministry", "Ministry statement"),
    ]


def test_a_news_conference_of_its_own_ends_the_relay_in_force() -> None:
    text = (
        "Ivan Brook said on Tuesday that the port would reopen, TASS reported.\n\n"
        "Later, at a news conference in Lyon, Brook said the ferries were ready. "
        "“They are waiting,” he said.\n"
    )
    found = [(q.text, q.via) for q in extract_quotations(text)]
    assert found == [
        ("the port would reopen", "TASS"),
        ("the ferries were ready", None),
        ("They are waiting,", None),
    ]


def test_a_pool_report_is_no_relay_and_news_agencies_unnamed_are_one() -> None:
    text = (
        "“We will see,” Ivan Brook told reporters, according to a pool report.\n\n"
        "“We are not afraid,” Dana Perl said, in comments carried by Russian news agencies.\n"
    )
    assert relayed(text) == [
        ("We will see,", "Ivan Brook", None),
        ("We are not afraid,", "Dana Perl", "Russian news agencies"),
    ]


def test_what_an_outlet_has_learned_is_its_own_claim() -> None:
    text = (
        "Talks went on.\n\n"
        "TASS has learned from a source in the government that the decree will be signed soon.\n\n"
        "Ivan Brook learned that the ferries had stopped.\n"
    )
    assert claimed(text) == [("the decree will be signed soon", "TASS", None)]


def test_a_bodys_readout_or_emailed_statement_relays_what_it_reports() -> None:
    text = (
        "Talks went on.\n\n"
        "The Kremlin's readout of the call said Ivan Brook had warned against “provocations”.\n\n"
        "The Port Authority said in an emailed statement that the ferries would resume.\n"
    )
    found = [(q.text, q.speaker, q.via) for q in extract_quotations(text)]
    assert found == [
        ("provocations", "Ivan Brook", "Kremlin readout"),
        ("the ferries would resume", "Port Authority", "Port Authority statement"),
    ]


def test_according_to_a_body_written_in_lower_case_is_no_relay_of_itself() -> None:
    text = "Ivan Brook spoke.\n\nAccording to the ministry, Brook will travel to Lyon on Sunday.\n"
    assert claimed(text) == [("Brook will travel to Lyon on Sunday", "Ministry", None)]


def test_words_said_in_televised_remarks_are_an_occasion_of_their_own() -> None:
    text = (
        "Ivan Brook told TASS that the port was ready. “We are open,” he said.\n\n"
        "“Nothing has changed,” Brook said in televised remarks on Wednesday.\n"
    )
    found = [(q.text, q.via) for q in extract_quotations(text)]
    assert found == [
        ("the port was ready", "TASS"),
        ("We are open,", "TASS"),
        ("Nothing has changed,", None),
    ]


def test_asking_not_to_be_named_is_no_claim() -> None:
    text = "The port shut.\n\nA port worker, who asked not to be named, said: “We are scared.”\n"
    assert claimed(text) == []
    assert relayed(text) == [("We are scared.", "worker", None)]


def test_a_participle_after_a_quotations_own_cue_gives_a_claim_of_its_own() -> None:
    text = (
        "Dana Perl spoke.\n\n"
        "“It is too risky,” she said, adding that the insurers had pulled out.\n\n"
        "Ivan Brook said the port was “actively developing”, noting the new trade links.\n"
    )
    assert claimed(text) == [
        ("the insurers had pulled out", "Dana Perl", None),
        ("the new trade links", "Ivan Brook", None),  # as before: the participle's own claim
    ]


def test_a_source_an_outlet_cites_speaks_through_the_outlet_and_ends_the_claim() -> None:
    """The outlet that cites a source passes on that source's account, as one that quotes
    someone does ("Interfax cited Shoigu as saying"); a reason cited is a claim of its own."""
    text = (
        "Pyongyang fired a missile into the sea, Yonhap news agency reported, citing the "
        "Joint Chiefs of Staff.\n\n"
        "Associated Press reported that the ferry had been seized, citing two US officials.\n\n"
        "Analysts say the port has gained, citing the strategic importance of the strait.\n"
    )
    assert claimed(text) == [
        ("Pyongyang fired a missile into the sea", "Joint Chiefs of Staff", "Yonhap"),
        ("the ferry had been seized", "two US officials", "Associated Press"),
        ("the port has gained", "Analysts", None),
        ("the strategic importance of the strait", "Analysts", None),  # a reason, not a source
    ]


def test_a_body_of_a_country_named_in_two_words_keeps_both() -> None:
    text = "South Korea's unification ministry said that it regretted the decision.\n"
    assert claimed(text) == [
        ("it regretted the decision", "South Korea's unification ministry", None)
    ]


def test_the_channel_words_were_said_on_or_written_in_is_their_relay() -> None:
    text = (
        "“The port is open,” Ivan Brook said on Rossiya-1 television on Sunday.\n\n"
        "“The port is shut,” Dana Perl said on state television.\n\n"
        "“Trade must grow,” Li Wen wrote in an article for Kommersant.\n\n"
        "“Ports matter,” Mara Quill wrote in her memoir.\n\n"
        "“It will rain,” Tom Reed said on Sunday.\n"
    )
    assert relayed(text) == [
        ("The port is open,", "Ivan Brook", "Rossiya 1"),
        ("The port is shut,", "Dana Perl", "state television"),
        ("Trade must grow,", "Li Wen", "Kommersant"),
        ("Ports matter,", "Mara Quill", None),
        ("It will rain,", "Tom Reed", None),
    ]


def test_writing_in_a_newspaper_is_a_relay_and_no_claim() -> None:
    text = "Ivan Brook, writing in the Washington Post, said that the port would reopen.\n"
    assert claimed(text) == [("the port would reopen", "Ivan Brook", "The Washington Post")]


def test_markup_left_in_the_text_is_no_claim() -> None:
    text = (
        "Dana Perl spoke.\n\n"
        '<tweet author="danaperl" tweet-date="March 9, 2016">Crowd in Lyon going wild as the '
        "mayor arrives!</tweet> — Dana Perl (@danaperl) March 9, 2016\n"
    )
    assert claimed(text) == []


def test_an_outlet_named_with_a_number_relays() -> None:
    text = (
        "“The port is open,” Ivan Brook told Rossiya 24.\n\n"
        "“The port is shut,” Dana Perl told France 24 on Sunday.\n\n"
        "“Trade will grow,” Li Wen told Reuters 10 minutes later.\n"
    )
    assert relayed(text) == [
        ("The port is open,", "Ivan Brook", "Rossiya 24"),
        ("The port is shut,", "Dana Perl", "France 24"),
        ("Trade will grow,", "Li Wen", "Reuters"),
    ]


def test_a_relay_named_by_its_kind_is_the_outlet_of_that_kind_named_before() -> None:
    text = (
        "Ivan Brook told reporters that the port was open, RIA Novosti reported.\n\n"
        "“We are ready,” Brook said, according to the agency.\n\n"
        "“Ships will sail,” he added, according to the newspaper.\n"
    )
    assert relayed(text) == [
        ("We are ready,", "Ivan Brook", "RIA Novosti"),
        ("Ships will sail,", "Ivan Brook", "newspaper"),  # no newspaper named: as written
    ]


def test_quoted_as_saying_by_an_outlet_gives_the_claim_before_it_through_that_outlet() -> None:
    text = (
        "The port will reopen next week, Deputy Minister Ivan Brook was quoted as saying by the "
        "TASS news agency on Tuesday.\n\n"
        "“We will not wait,” Brook said.\n\n"
        "Trade will grow, Dana Perl was quoted as saying by RIA Novosti.\n"
    )
    assert claimed(text) == [
        ("The port will reopen next week", "Ivan Brook", "TASS"),
        ("Trade will grow", "Dana Perl", "RIA Novosti"),
    ]
    assert relayed(text) == [("We will not wait,", "Ivan Brook", "TASS")]


def test_remarks_to_an_outlet_are_relayed_by_it() -> None:
    text = "“Nothing is excluded,” Ivan Brook said in remarks to AFP.\n"
    assert relayed(text) == [("Nothing is excluded,", "Ivan Brook", "Agence France-Presse")]


def test_an_outlet_named_after_its_verb_and_citing_a_body_relays_that_body() -> None:
    text = (
        "The navies will hold joint drills next month, reported AFP, citing the Russian "
        "defence ministry.\n\n"
        "“The drills are aimed at no one,” the ministry said.\n"
    )
    assert claimed(text) == [
        (
            "The navies will hold joint drills next month",
            "Russian Defence Ministry",
            "Agence France-Presse",
        )
    ]
    assert relayed(text) == [
        ("The drills are aimed at no one,", "Russian Defence Ministry", "Agence France-Presse")
    ]


def test_a_body_that_closes_a_persons_claim_relays_it_and_claims_nothing() -> None:
    text = (
        "In a call with Dana Perl, Ivan Brook said the port was ready to reopen, the Kremlin "
        "said.\n\n"
        "Dana Perl said the port was open, and the Kremlin said talks would follow.\n\n"
        "Dana Perl had told the police that she wanted no escort, a source said.\n\n"
        "Li Wen ordered a “stern response” to the launch, his office said.\n"
    )
    assert claimed(text) == [
        ("the port was ready to reopen", "Ivan Brook", "Kremlin"),
        ("the port was open", "Dana Perl", None),
        ("talks would follow", "Kremlin", None),
        ("she wanted no escort", "Dana Perl", None),
        ("Dana Perl had told the police that she wanted no escort", "source", None),
    ]
    assert relayed(text) == [("stern response", "Li Wen", None)]


def test_a_translation_or_transcript_of_the_words_is_no_source_of_a_claim() -> None:
    text = (
        "Foreign Minister Ivan Brook, according to a Russian translation of his remarks, said "
        "the port had reopened.\n\n"
        "The talks went well, according to a transcript of the briefing.\n"
    )
    assert claimed(text) == [("the port had reopened", "Ivan Brook", None)]


def test_the_outlet_whose_question_drew_the_words_relays_them() -> None:
    text = (
        "“There were no such proposals,” Ivan Brook said, when asked by Sputnik.\n\n"
        "Dana Perl said, answering a question from TASS, that no talks were planned.\n\n"
        "“We will see,” Li Wen said, answering a question from reporters.\n\n"
        "Tom Reed, answering reporters' questions, said the talks were over.\n\n"
        "“It is a crime,” Mara Quill said when asked by a CNN reporter at a news conference.\n\n"
        "Ivan Brook said, answering a question from RIA Novosti, that talks were over.\n"
    )
    assert relayed(text) == [
        ("There were no such proposals,", "Ivan Brook", "Sputnik"),
        ("We will see,", "Li Wen", None),
        ("It is a crime,", "Mara Quill", None),  # CNN only asked: not the channel
    ]
    assert claimed(text) == [
        ("no talks were planned", "Dana Perl", "TASS"),
        ("the talks were over", "Tom Reed", None),
        ("talks were over", "Ivan Brook", "RIA Novosti"),
    ]


def test_a_relay_after_an_inserted_cue_is_no_part_of_the_claim() -> None:
    text = "The port will reopen, Ivan Brook said, as quoted by his official website.\n"
    assert claimed(text) == [("The port will reopen", "Ivan Brook", "official website")]


def test_media_that_quote_someone_relay_however_they_are_named() -> None:
    text = (
        "Russian news agencies quoted Ivan Brook as saying that the port would reopen.\n\n"
        "“The enemy will pay,” Li Wen said, according to state media KCNA.\n"
    )
    assert claimed(text) == [("the port would reopen", "Ivan Brook", "Russian news agencies")]
    assert relayed(text) == [("The enemy will pay,", "Li Wen", "Korean Central News Agency")]


def test_state_before_a_medium_is_no_cue() -> None:
    text = "Ivan Brook arrived in Lyon on Monday, state broadcaster CCTV reported.\n"
    assert claimed(text) == [
        ("Ivan Brook arrived in Lyon on Monday", "China Central Television", None)
    ]


def test_after_words_spoken_to_an_outlet_an_event_named_later_is_another_occasion() -> None:
    told = "Ivan Brook told Rossiya-1 television that the port was ready.\n\n"
    assert claimed(told + "At a meeting with students, Brook said trade was growing.\n") == [
        ("the port was ready", "Ivan Brook", "Rossiya 1"),
        ("trade was growing", "Ivan Brook", None),
    ]
    assert relayed(told + "“We are strong,” Brook said at a ceremony on Friday.\n") == [
        ("We are strong,", "Ivan Brook", None)
    ]
    assert claimed(told + "Brook also said trade was growing.\n") == [
        ("the port was ready", "Ivan Brook", "Rossiya 1"),
        ("trade was growing", "Ivan Brook", "Rossiya 1"),
    ]


def test_an_event_named_after_an_outlets_report_is_the_one_it_reported() -> None:
    text = (
        "Ivan Brook said on Friday the port would reopen, the state-run Anadolu Agency "
        "reported.\n\n"
        "“Trade will grow,” Brook said in a speech in Izmir.\n"
    )
    assert relayed(text) == [("Trade will grow,", "Ivan Brook", "Anadolu Agency")]


def test_what_a_speaker_has_said_before_or_said_last_month_is_no_part_of_the_account() -> None:
    told = "Ivan Brook told Rossiya-1 television that the port was ready.\n\n"
    assert claimed(told + "Brook has repeatedly said that trade would grow.\n")[1] == (
        "trade would grow",
        "Ivan Brook",
        None,
    )
    assert claimed(told + "Last month, Brook said trade would grow.\n")[1] == (
        "trade would grow",
        "Ivan Brook",
        None,
    )


def test_quoted_as_telling_someone_gives_what_was_told() -> None:
    text = "Xinhua quoted Ivan Brook as telling Dana Perl that the port would stay open.\n"
    assert claimed(text) == [("the port would stay open", "Ivan Brook", "Xinhua")]


def test_a_body_named_again_in_other_capitals_keeps_its_relay() -> None:
    text = (
        "Drones hit the port overnight, Ukraine's air force said in a statement on Telegram.\n\n"
        "“Most were shot down,” the air force said.\n"
    )
    assert relayed(text) == [
        ("Most were shot down,", "Ukraine's Air Force", "Ukraine's air force statement on Telegram")
    ]


def test_another_event_than_the_one_a_relay_reported_is_another_account() -> None:
    call = "In a phone call with Dana Perl, Ivan Brook said trade would grow, the Kremlin said.\n\n"
    assert claimed(call + "At a meeting with students, Brook said the port was open.\n") == [
        ("trade would grow", "Ivan Brook", "Kremlin"),
        ("the port was open", "Ivan Brook", None),
    ]
    assert claimed(call + "During the call, Brook said the port was open.\n") == [
        ("trade would grow", "Ivan Brook", "Kremlin"),
        ("the port was open", "Ivan Brook", "Kremlin"),
    ]


def test_according_to_set_off_inside_or_in_brackets_gives_the_sentences_claim() -> None:
    text = (
        "Trade, according to the port authority, has doubled this year.\n\n"
        "(According to the Dunmore Police Department, it keeps no such records.)\n\n"
        "In March, according to the Port Authority, ships left early.\n"
    )
    assert claimed(text) == [
        (
            "Trade, according to the port authority, has doubled this year",
            "port authority",
            None,
        ),
        ("it keeps no such records", "Dunmore Police Department", None),
        ("ships left early", "Port Authority", None),
    ]


def test_a_reporter_of_an_outlet_told_is_that_outlet() -> None:
    text = (
        "Intro.\n\n“We are ready,” Ivan Brook told a Reuters reporter.\n\n"
        "“We are not,” Dana Perl told a Senate committee.\n"
    )
    assert relayed(text) == [
        ("We are ready,", "Ivan Brook", "Reuters"),
        ("We are not,", "Dana Perl", None),
    ]


def test_an_unnamed_or_anonymous_source_is_a_source() -> None:
    text = (
        "Intro.\n\nInterfax cited an unnamed source as saying that the talks had stalled.\n\n"
        "“We are close,” an anonymous official told Reuters.\n"
    )
    assert claimed(text) == [("the talks had stalled", "unnamed source", "Interfax")]
    assert relayed(text) == [("We are close,", "anonymous official", "Reuters")]


def test_a_document_named_with_its_author_relays_through_the_author() -> None:
    text = (
        "Intro.\n\nAccording to a readout of the call released by the Kremlin, Ivan Brook told "
        "Dana Perl that the port was open.\n\n"
        "Li Wen told Tom Reed that trade would grow, according to the Kremlin's readout of the "
        "call.\n"
    )
    assert claimed(text) == [
        ("the port was open", "Ivan Brook", "Kremlin"),
        ("trade would grow", "Li Wen", "Kremlin"),
    ]


def test_quoted_with_no_one_named_is_quoted_by_the_outlet_that_just_reported() -> None:
    text = (
        "Intro.\n\nKCNA reported on Tuesday that Li Wen had inspected a factory.\n\n"
        "“We will strengthen our deterrent,” Li Wen was quoted as saying.\n\n"
        "Ivan Brook inspected a port.\n\n“We are ready,” Brook was quoted as saying.\n"
    )
    assert relayed(text) == [
        ("We will strengthen our deterrent,", "Li Wen", "Korean Central News Agency"),
        ("We are ready,", "Ivan Brook", None),
    ]


def test_words_told_to_an_outlets_journalist_come_through_that_outlet() -> None:
    text = (
        "“We will appeal,” Ivan Brook told ABC News’ David Muir in an interview.\n\n"
        "“It is over,” Dana Perl said in an interview with CNN's Jake Tapper.\n\n"
        "“It is not,” Brook told Perl's aide.\n"
    )
    assert relayed(text) == [
        ("We will appeal,", "Ivan Brook", "ABC News"),
        ("It is over,", "Dana Perl", "CNN"),
        ("It is not,", "Ivan Brook", None),
    ]


def test_unnamed_sources_after_the_claim_speak_through_the_outlet_they_told() -> None:
    text = (
        "Lyon's central bank will keep rates on hold, two sources familiar with the matter "
        "told Reuters on Thursday. Dunmore will follow, a source close to the bank said.\n"
    )
    assert [(q.text, q.speaker, q.via) for q in extract_quotations(text)] == [
        ("Lyon's central bank will keep rates on hold", "two sources", "Reuters"),
        ("Dunmore will follow", "source close to the bank", None),
    ]


def test_the_outlet_spoken_to_named_by_its_kind_is_the_one_named_before() -> None:
    text = (
        "The state-run Lyon Daily quoted an official as saying the drills were “a warning.”\n\n"
        "“We will not sit idly by,” the official told the newspaper.\n\n"
        "“We will go,” Ivan Brook told the agency.\n"
    )
    assert relayed(text) == [
        ("a warning.", "official", "Lyon Daily"),
        ("We will not sit idly by,", "official", "Lyon Daily"),
        ("We will go,", "Ivan Brook", None),
    ]


def test_an_outlet_citing_sources_after_the_day_gives_the_claim_after_that() -> None:
    text = (
        "The Wall Street Journal reported on Tuesday, citing unnamed officials, that Dunmore was "
        "weighing new sanctions.\n"
    )
    assert [(q.text, q.speaker) for q in extract_quotations(text)] == [
        ("Dunmore was weighing new sanctions", "unnamed officials")
    ]


def test_an_outlet_reporting_who_made_the_remarks_relays_them() -> None:
    text = (
        "Lyon's foreign minister on Wednesday called the strikes “a crime,” as protests spread.\n\n"
        "Ivan Brook made the comments at a news conference in Dunmore, the state-run Anadolu "
        "Agency reported.\n\n"
        "“The world must act now,” Brook said.\n\n"
        "Dana Perl said Dunmore “stands with Lyon.”\n"
    )
    assert [(q.text, q.speaker, q.via) for q in extract_quotations(text)] == [
        ("a crime,", "Ivan Brook", "Anadolu Agency"),
        ("The world must act now,", "Ivan Brook", "Anadolu Agency"),
        ("stands with Lyon.", "Dana Perl", None),
    ]


def test_a_briefing_or_news_conference_broadcast_by_a_medium_is_relayed_by_it() -> None:
    text = (
        "“We will never accept this,” said Dana Perl, the ministry spokeswoman, in a briefing "
        "broadcast on state TV.\n\n"
        "“We are ready,” Ivan Brook said at a press conference carried live by Rossiya-24.\n"
    )
    assert relayed(text) == [
        ("We will never accept this,", "Dana Perl", "state TV"),
        ("We are ready,", "Ivan Brook", "Rossiya 24"),
    ]


def test_a_relay_phrase_opening_the_sentence_is_found_capitalised() -> None:
    text = (
        "Writing in the Daily Telegraph, Ivan Brook said the decision was “a disgrace.”\n\n"
        "Asked by the Guardian whether she would resign, Dana Perl said: “Absolutely not.”\n\n"
        "Asked by reporters at a briefing, Perl said: “No.”\n"
    )
    assert relayed(text) == [
        ("a disgrace.", "Ivan Brook", "The Daily Telegraph"),
        ("Absolutely not.", "Dana Perl", "The Guardian"),
        ("No.", "Dana Perl", None),
    ]


def test_appearing_on_quoted_by_and_cited_by_open_a_sentence_too() -> None:
    text = (
        "Appearing on CNN, Ivan Brook said the plan was “dead.”\n\n"
        "Quoted by Interfax, Dana Perl said the plan was “alive.”\n"
    )
    assert relayed(text) == [("dead.", "Ivan Brook", "CNN"), ("alive.", "Dana Perl", "Interfax")]


@pytest.mark.parametrize(
    ("relay", "outlet"),
    [
        ("according to the Harbour Gazette", "Harbour Gazette"),
        ("according to the Harbour Gazette newspaper", "Harbour Gazette"),
        ("according to the Dunmore Herald", "Dunmore Herald"),
        ("according to the Harbour Times", "Harbour Times"),  # not The Times
        ("according to the Moscow Times", "Moscow Times"),
        ("according to the British Guardian", "The Guardian"),
        ("according to an independent observer", None),  # not The Independent
        ("told the Harbour Gazette", "Harbour Gazette"),
        ("told Harbour Radio on Monday", "Harbour Radio"),
    ],
)
def test_a_paper_named_by_its_title_word_is_that_paper_not_a_listed_one(
    relay: str, outlet: str | None
) -> None:
    text = f"“Nobody has shown me a budget,” Tomas Lindqvist said, {relay}.\n"
    text = text.replace("said, told", "told")
    assert relayed(text) == [("Nobody has shown me a budget,", "Tomas Lindqvist", outlet)]


def test_a_paper_the_gazetteer_lacks_reports_its_own_claim() -> None:
    text = "The port will close in May, the Harbour Gazette reported.\n"
    [claim] = extract_quotations(text)
    assert (claim.text, claim.speaker, claim.via) == (
        "The port will close in May",
        "Harbour Gazette",
        None,
    )


def test_what_a_paper_found_is_its_own_claim() -> None:
    text = "The Harbour Gazette found that one in four residents lived in distressed areas.\n"
    [claim] = extract_quotations(text)
    assert (claim.text, claim.speaker) == (
        "one in four residents lived in distressed areas",
        "Harbour Gazette",
    )


@pytest.mark.parametrize(
    ("listener", "outlet"),
    [
        ("state broadcaster Dunmore Haber", "Dunmore Haber"),
        ("French state TV channel Lyon-1", "Lyon-1"),
        ("state TV", "state TV"),
    ],
)
def test_a_medium_described_before_its_name_is_named_by_its_name(
    listener: str, outlet: str
) -> None:
    text = f"Ivan Brook told {listener} the port was “open.”\n"
    assert relayed(text) == [("open.", "Ivan Brook", outlet)]


def test_who_runs_an_agency_after_its_name_leaves_the_agency() -> None:
    text = (
        "Dmitry Peskov said on Thursday that a meeting between the two leaders “is not yet on "
        "the agenda,” the RIA state news agency reported.\n"
    )
    assert relayed(text) == [("is not yet on the agenda,", "Dmitry Peskov", "RIA Novosti")]


@pytest.mark.parametrize(
    "subject",
    ["France’s state-run Dunmore News", "State broadcaster Dunmore News", "The Dunmore News"],
)
def test_a_medium_the_gazetteer_lacks_speaks_by_its_name(subject: str) -> None:
    text = f"{subject} reported that negotiators had made progress.\n"
    [claim] = extract_quotations(text)
    assert (claim.text, claim.speaker) == ("negotiators had made progress", "Dunmore News")


def test_a_statement_from_a_body_is_relayed_by_it_and_speaks_for_it_after() -> None:
    text = (
        "According to a statement from the Lyonese presidency, the talks were held on Monday. "
        "“We will support Dunmore,” the statement said.\n"
    )
    assert relayed(text) == [
        ("We will support Dunmore,", "Lyonese presidency", "Lyonese presidency")
    ]


@pytest.mark.parametrize(
    ("relay", "outlet"),
    [
        ("told Saudi-owned Al Arabiya", "Al Arabiya"),  # who owns it, before its name
        ("told Israel’s Channel 12", "Channel 12"),
        ("told Dunmore’s Channel 9", "Dunmore’s Channel 9"),  # a numbered channel
        ("said in an interview with the French weekly Le Point", "Le Point"),
        ("told the weekly Dunmore Matin", "Dunmore Matin"),
    ],
)
def test_channels_weeklies_and_owned_media_are_relays(relay: str, outlet: str) -> None:
    text = f"“The port is open,” Ivan Brook said, {relay}.\n"
    text = text.replace("said, told", "told").replace("said, said", "said")
    assert relayed(text) == [("The port is open,", "Ivan Brook", outlet)]


def test_remarks_by_someone_carried_by_an_outlet_are_theirs_through_it() -> None:
    text = "The harbour was “closed,” according to remarks by Dana Perl carried by Interfax.\n"
    assert relayed(text) == [("closed,", "Dana Perl", "Interfax")]


def test_a_person_whose_surname_is_a_title_word_stays_a_person() -> None:
    text = "The port is open, Jim Courier said.\n\n“It is,” Emily Post said.\n"
    assert [(q.speaker, q.via) for q in extract_quotations(text)] == [
        ("Jim Courier", None),
        ("Emily Post", None),
    ]


def test_a_statement_by_the_speakers_own_body_names_no_outlet() -> None:
    text = "Ivan Brook stressed the need for calm, according to a statement by his ministry.\n"
    [claim] = extract_quotations(text)
    assert (claim.speaker, claim.via) == ("Ivan Brook", None)
