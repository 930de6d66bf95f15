"""Attribution pieces: speaker phrases, relays, dates and name resolution."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.extract.before_cue import subject_before
from quotes.extract.dates import said_on
from quotes.extract.lexicon import lexicon
from quotes.extract.registry import _NAME_RUN, _NAME_WORD, Registry, _prefixed_matches
from quotes.extract.relays import find_vias, relay_outlet
from quotes.extract.subjects import sentence_subject, subject_after


def before(text: str) -> tuple[str, str | None, str | None] | None:
    cue = text.rindex(" said") + 1
    found = subject_before(text, 0, cue)
    return (found.kind, found.name, found.role) if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian Security Council Secretary Nikolai Patrushev said",
            ("person", "Nikolai Patrushev", "Russian Security Council Secretary"),
        ),
        ("Wang, who arrived in the Russian capital on Tuesday, said", ("person", "Wang", None)),
        (
            "Nikolai Patrushev, secretary of the National Security Council chaired by Russian President "
            "Vladimir Putin, said",
            ("person", "Nikolai Patrushev", None),
        ),
        ("Shi from Renmin University said", ("person", "Shi", None)),
        ("he also said", ("pronoun", None, None)),
        ("the Kremlin said", ("organisation", "Kremlin", None)),
        ("the security council said", ("organisation", "security council", None)),
        ("Russian news agency Tass said", ("outlet", "TASS", None)),
        ("the Sputnik report said", ("outlet", "Sputnik", None)),
        ("the Russian leader said", ("description", None, "Russian leader")),
        ("Putin and Xi Jinping said", ("plural", "Putin and Xi Jinping", None)),
        ("Mrs. Clinton said", ("person", "Clinton", "Mrs.")),
        ("Former President Bill Clinton said", ("person", "Bill Clinton", "Former President")),
        ("Rep. Peter King said", ("person", "Peter King", "Rep.")),
        ("the weather was fine and said", None),
        ("Kelly said", ("person", "Kelly", None)),
        ("Clearly Carly Fiorina said", ("person", "Carly Fiorina", None)),
        ("Sen. Mara Quill (R-Ore.) said", ("person", "Mara Quill", "Sen.")),
        ("the investor said", ("description", None, "investor")),
        (
            "In the end, one longtime party donor said",
            ("description", None, "longtime party donor"),
        ),
        ("the plan would work, said", None),
        ("Another source familiar with the talks said", ("description", None, "source")),
        ("the 43-year-old said", ("description", None, "43-year-old")),
        ("“It hurts,” his colleague said", ("description", None, "colleague")),
        ("Tom Pike, 22, of Flint, Mich., said", ("person", "Tom Pike", None)),
        (
            "Jean Lark, the foreign minister of France, a permanent member of the council, said",
            ("person", "Jean Lark", None),
        ),
        (
            "In a call on Dec. 2, Col. Ned Ware, a spokesman in Baghdad, said",
            ("person", "Ned Ware", "Col."),
        ),
        ("Or, as Tom Pike, a former secretary of state, said", ("person", "Tom Pike", None)),
        ("Sen. Mara Quill, R-Ore., said", ("person", "Mara Quill", "Sen.")),
        ("Amy Pope, a deputy adviser, said", ("person", "Amy Pope", None)),
        ("Howard Dean said", ("person", "Howard Dean", None)),
        ("the Pope said", ("description", None, "Pope")),
        ("the ACU said", ("organisation", "ACU", None)),
        ("The ambassador to Russia said", ("description", None, "ambassador to Russia")),
        ("An aide to Mr. Pike said", ("description", None, "aide to Mr. Pike")),
        (
            "A source close to the campaign said",
            ("description", None, "source close to the campaign"),
        ),
        (
            "Russia’s envoy to the UN said",
            ("description", None, "Russia’s envoy to the UN"),
        ),
        ("It was a blow to Russia, Lavrov said", ("person", "Lavrov", None)),
        ("At a meeting in Uzbekistan Putin said", ("person", "Putin", None)),
        ("Putin on Tuesday said", ("person", "Putin", None)),
        ("He spoke at a rally in Michigan that Clinton said", ("person", "Clinton", None)),
        ("The Kremlin on Sept. 15 said", ("organisation", "Kremlin", None)),
        ("Lavrov last week said", ("person", "Lavrov", None)),
        ("A spokesman for Putin said", ("description", None, "spokesman for Putin")),
        ("The Russian embassy in London said", ("organisation", "Russian embassy in London", None)),
        ("The mayor of Kyiv said", ("description", None, "mayor of Kyiv")),
        (
            "Secretary of State John Kerry said",
            ("person", "John Kerry", "Secretary of State"),
        ),
        ("Sen. Mara Quill, D-Ore., speaking on the radio, said", ("person", "Mara Quill", "Sen.")),
    ],
)
def test_subject_before(text: str, expected: tuple[str, str | None, str | None] | None) -> None:
    assert before(text) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (
            "said Republican political consultant Dana Perl. ",
            ("person", "Dana Perl", "Republican political consultant"),
        ),
        (
            "said undecided voter Ann Hoot of Derry, N.H., before the event.",
            ("person", "Ann Hoot", "undecided voter"),
        ),
        ("said a person close to the campaign.", ("description", None, "person")),
        ("said one former leadership aide.", ("description", None, "former leadership aide")),
        ("added another New Hampshire Democrat.", ("description", None, "New Hampshire Democrat")),
        (
            "said the Senate Judiciary Committee.",
            ("organisation", "Senate Judiciary Committee", None),
        ),
        ("said the weather would turn.", None),
        ("said a 2008 campaign veteran.", ("description", None, "2008 campaign veteran")),
        ("said the base chief known as Bob.", ("description", None, "base chief")),
        (
            "said the ministry’s spokesman, Wang Wen.",
            ("person", "Wang Wen", "ministry’s spokesman"),
        ),
        ("said the senator, who was angry.", ("description", None, "senator")),
        (
            "said the mayor of Kyiv, Vitali Klitschko.",
            ("person", "Vitali Klitschko", "mayor of Kyiv"),
        ),
        (
            "said Pentagon spokesman Navy Capt. Jeff Davis.",
            ("person", "Jeff Davis", "Pentagon spokesman Navy Capt."),
        ),
        (
            "said Idaho business executive Frank Vander, who backed Rubio.",
            ("person", "Frank Vander", "Idaho business executive"),
        ),
    ],
)
def test_subject_after_shapes(
    words: str, expected: tuple[str, str | None, str | None] | None
) -> None:
    cue_end = words.index(" ")
    found = subject_after(words, cue_end, len(words))
    assert ((found.kind, found.name, found.role) if found else None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Speaking in Salem, New Hampshire, Dana Perl went after Bush.", "Dana Perl"),
        ("In Ames, Iowa, on Sunday, Mrs. Quill tried again.", "Quill"),
        ("Hours later, Dana Perl returned the compliment.", "Dana Perl"),
        ("The retired neurosurgeon has provided no details.", "The retired neurosurgeon"),
        ("Across the region, Dana Perl has been startled by it.", "Dana Perl"),
        ("Preceded at the lectern by Tom Pike, Dana Perl spoke.", "Dana Perl"),
        ("Flanked by aides, Dana Perl spoke.", "Dana Perl"),
        ("Reed said it was fine.", "Reed"),
        ("And then Dana Perl went on the attack.", "Dana Perl"),
    ],
)
def test_sentence_subject_past_opening_adverbials(sentence: str, expected: str) -> None:
    found = sentence_subject(sentence, 0, len(sentence))
    assert found is not None
    assert (found.name or found.text) == expected


def test_subject_after_inversion() -> None:
    text = "said Wan Qingsong, an associate research professor."
    found = subject_after(text, 4, len(text))
    assert found is not None
    assert (found.kind, found.name) == ("person", "Wan Qingsong")


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("a Tass report", "TASS"),
        ("Sputnik", "Sputnik"),
        ("the Kremlin", "Kremlin"),
        ("a Chinese foreign ministry statement", "Chinese Foreign Ministry"),
        ("state television", "state television"),
        ("Shi Yinhong", None),
    ],
)
def test_relay_outlet(words: str, name: str | None) -> None:
    via = relay_outlet(words)
    assert (via.name if via else None) == name


def test_find_vias_skips_negated_relay() -> None:
    text = "Li said it, statements that were not published in a report by Xinhua."
    assert find_vias(text, 0, len(text), [(0, len(text))]) == []


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("He spoke on Monday.", date(2022, 9, 19), date(2022, 9, 19)),
        ("He spoke on Thursday.", date(2022, 9, 19), date(2022, 9, 15)),
        ("He spoke last Friday.", date(2022, 9, 16), date(2022, 9, 9)),
        ("He spoke on Feb. 24.", date(2023, 2, 22), date(2023, 2, 24 - 0).replace(year=2022)),
        ("He spoke on 19 September 2022.", None, date(2022, 9, 19)),
        ("He spoke on Monday.", None, None),
        ("He spoke.", date(2022, 9, 19), None),
    ],
)
def test_said_on(sentence: str, published: date | None, expected: date | None) -> None:
    assert said_on(sentence, 0, len(sentence), published) == expected


def test_registry_resolves_surnames_and_descriptions() -> None:
    text = (
        "Top Chinese diplomat Wang Yi met Russian President Vladimir Putin. "
        "Wan Qingsong, a professor, and Russian security chief Nikolai Patrushev spoke."
    )
    registry = Registry(text, [(0, len(text))])
    assert registry.resolve_name("Wang", len(text)) == "Wang Yi"
    assert registry.resolve_name("Patrushev", 0) == "Nikolai Patrushev"
    assert registry.resolve_description("the Russian leader", len(text)) == "Vladimir Putin"
    assert registry.resolve_description("the diplomat", len(text)) == "Wang Yi"
    assert registry.resolve_description("Russian security chief", 0) == "Nikolai Patrushev"
    assert registry.resolve_name("Smith", 0) == "Smith"


def test_descriptions_keep_former_and_vice_apart_and_refer_back() -> None:
    text = (
        "Headline about the race.\n"
        "Former Vice President Joe Biden spoke first. Former President Bill Clinton spoke next.\n"
        "The former president said he was proud. The senator said so too.\n"
        "Later, Senator Claire McCaskill arrived.\n"
    )
    lines, start = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((start, start + len(line) - 1))
        start += len(line)
    registry = Registry(text, lines)
    at = text.index("The former president")
    assert registry.resolve_description("former president", at) == "Bill Clinton"
    assert registry.resolve_description("senator", text.index("The senator")) is None


def test_a_counterpart_holds_the_title_of_the_person_named_before() -> None:
    text = (
        "Chinese President Xi Jinping told his Russian counterpart Vladimir Putin he was ready. "
        "Chinese Foreign Minister Wang Yi met his Russian counterpart Sergei Lavrov later. "
        "The Russian leader spoke first. The Russian diplomat spoke next."
    )
    registry = Registry(text, [(0, len(text))])
    assert registry.resolve_description("the Russian leader", len(text)) == "Vladimir Putin"
    assert registry.resolve_description("the Russian diplomat", len(text)) == "Sergei Lavrov"
    assert registry.resolve_description("the Chinese leader", len(text)) == "Xi Jinping"


def test_a_description_that_fits_two_people_prefers_the_last_speaker() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov spoke after talks with his Egyptian counterpart "
        "Sameh Shoukry. The minister said so."
    )
    registry = Registry(text, [(0, len(text))])
    at = text.index("The minister")
    assert registry.resolve_description("minister", at) == "Sameh Shoukry"
    assert registry.resolve_description("minister", at, "Sergei Lavrov") == "Sergei Lavrov"
    assert registry.resolve_description("minister", at, "Xi Jinping") == "Sameh Shoukry"


def test_resolve_name_means_the_first_introduced_namesake_and_the_longest_form() -> None:
    text = (
        "Dana Perl spoke. Mara Perl replied. Dana Perl agreed.\n"
        "Later Dana J. Perl and Dana Perl left.\n"
    )
    registry = Registry(text, [(0, len(text))])
    assert registry.resolve_name("Perl", text.index("Mara") + 1) == "Dana Perl"
    assert registry.resolve_name("Perl", text.index("Mara") + 1, "f") == "Dana Perl"
    assert registry.resolve_name("Perl", text.index("agreed")) == "Dana Perl"
    assert registry.resolve_name("Perl", 0) == "Dana Perl"
    assert registry.resolve_name("Dana Perl", len(text)) == "Dana Perl"


# --- Speed-ups that must give the same answers as the plain patterns ---------------------------

_ORGANISATION_WORDS = [
    "Council", "council", "the", "The", "Security", "security", "ſecurity", "’s", "-", "K",
    "Russian", "ministry", "Foreign", "x",
]  # fmt: skip


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_ORGANISATION_WORDS), st.sampled_from([" ", "", "  ", "\t", ","])
        ),
        max_size=12,
    ),
    st.sampled_from(["security council", "council", "the council", "s", "council council"]),
    st.integers(min_value=0, max_value=200),
)
def test_prefixed_matches_are_the_patterns_matches(
    pieces: list[tuple[str, str]], key: str, end: int
) -> None:
    text = "".join(word + gap for word, gap in pieces)
    pattern = re.compile(r"((?:[A-Z][\w’'\-]*\s+){1,3})" + re.escape(key), re.IGNORECASE)
    expected = [m.span() for m in pattern.finditer(text, 0, end)]
    assert [m.span() for m in _prefixed_matches(pattern, text, key, end)] == expected


def test_expand_organisation_finds_the_name_written_earlier() -> None:
    text = "Russian Security Council members met. Later the security council said it was calm."
    registry = Registry(text, [(0, len(text))])
    assert registry.expand_organisation("security council", text.index("said")) == (
        "Russian Security Council"
    )


def test_expand_organisation_ignores_a_name_written_later() -> None:
    text = "The foreign ministry said Lavrov would travel. Ukraine's foreign ministry disagreed."
    registry = Registry(text, [(0, len(text))])
    assert registry.expand_organisation("foreign ministry", 0) == "Foreign Ministry"
    later = text.index("disagreed")
    assert registry.expand_organisation("foreign ministry", later) == "Ukraine's Foreign Ministry"


@pytest.mark.parametrize(
    "words",
    ["Vladimir Putin", "Mr. Putin", "Sen. Ted Cruz", "Dr. Anthony Fauci", "Gen. Mark Milley",
     "J. K. Rowling", "Osama bin Laden", "xA Smith", "Said Trump", "St. Louis Fed"],
)  # fmt: skip
def test_name_runs_open_at_a_capital_after_no_word_character(words: str) -> None:
    plain = re.compile(rf"\b{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|(?:bin|al|de|van|von|der|da|di)\b))+")
    text = f"On Monday {words} said, “Yes.” And ({words}) agreed."
    assert [m.span() for m in _NAME_RUN.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Several said", ("plural", "Several", None)),
        ("But many said", ("plural", "many", None)),
        ("“It works,” this Trump look-alike said", ("description", None, "Trump look-alike")),
        ("Voters in some said", None),  # not at the start of its clause
    ],
)
def test_quantifiers_and_this_descriptions_as_speakers(
    text: str, expected: tuple[str, str | None, str | None] | None
) -> None:
    start = text.rfind("”") + 1 if "”" in text else 0
    cue = text.rindex(" ") + 1
    found = subject_before(text, start, cue)
    assert ((found.kind, found.name, found.role) if found else None) == expected


@pytest.mark.parametrize(
    ("words", "name", "role"),
    [
        (" David French of the National Retail Federation.", "David French", None),
        (" Ms. White.", "White", "Ms."),
        (" Anna Richardson White.", "Anna Richardson White", None),
        (" Rep. Peter King.", "Peter King", "Rep."),
        (" Yu Bin, a senior fellow.", "Yu Bin", None),
        (" Osama bin Laden.", "Osama bin Laden", None),
    ],
)
def test_a_surname_that_is_also_a_title_or_nationality_is_a_name(
    words: str, name: str, role: str | None
) -> None:
    found = subject_after(words, 0, len(words))
    assert found is not None and (found.kind, found.name, found.role) == ("person", name, role)


def test_a_nationality_alone_after_a_determiner_stays_a_description() -> None:
    found = subject_after(" the French.", 0, 12)
    assert found is not None and (found.kind, found.name) == ("description", None)


GENDER_TEXT = (
    "Hillary Clinton and Bill Clinton met Lou Jiwei. Mr. Lou spoke, then Mrs. Clinton and "
    "Mr. Clinton. Congresswoman Tulsi Gabbard listened. Xi Jinping left."
)


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Hillary Clinton", "f"),  # a given name the lexicon knows
        ("Bill Clinton", "m"),
        ("Lou Jiwei", "m"),  # "Mr. Lou" in the article
        ("Clinton", None),  # Mr. and Mrs. Clinton: the hints disagree
        ("Tulsi Gabbard", "f"),
        ("Xi Jinping", None),  # nothing says
    ],
)
def test_the_gender_of_a_name_comes_from_the_name_or_the_article(
    name: str, gender: str | None
) -> None:
    registry = Registry(GENDER_TEXT, [(0, len(GENDER_TEXT))])
    assert registry.gender_of(name) == gender
    assert registry.may_be(name, "f") == (gender in ("f", None))


def test_a_determiner_alone_after_the_cue_names_nobody() -> None:
    assert subject_after(" his boss was “kind.”", 0, 20) is None


@pytest.mark.parametrize("word", ["We’ve", "It’s", "There’s", "I’m", "They’re", "Don't"])
def test_a_contracted_pronoun_or_verb_is_not_a_name(word: str) -> None:
    assert subject_after(f" {word} done.", 0, len(word) + 7) is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Mukasey criticized the email use, which an FBI investigation said",
            "an FBI investigation",
        ),
        ("A 1996 FEC advisory opinion added", "A 1996 FEC advisory opinion"),
    ],
)
def test_a_description_may_open_a_relative_clause_or_carry_a_year(text: str, phrase: str) -> None:
    found = subject_before(text, 0, text.rindex(" ") + 1)
    assert found is not None and (found.kind, found.text) == ("description", phrase)


def test_a_country_of_two_words_speaks_as_its_government() -> None:
    found = subject_before("the United States said", 0, 18)
    assert found is not None and (found.kind, found.name) == ("organisation", "United States")


def test_a_common_word_before_a_name_is_no_part_of_it() -> None:
    text = "Does Rubio care? It does. The comedian Sarah Silverman spoke. Comedian Sarah Silverman left."
    registry = Registry(text, [(0, len(text))])
    assert [(k.name, "comedian" in k.role_words) for k in registry.names] == [
        ("Sarah Silverman", False),
        ("Sarah Silverman", True),
    ]


@pytest.mark.parametrize("words", [" Ever", " Both Bolton", " Only"])
def test_words_that_only_open_a_sentence_are_no_names(words: str) -> None:
    found = subject_after(words + " said.", 0, len(words) + 6)
    assert found is None or found.name in (None, "Bolton")


@pytest.mark.parametrize(
    "words", ["Orlando chanting", "North Carolina said", "Only Connecticut said"]
)
def test_a_phrase_ending_in_a_state_or_city_is_no_person(words: str) -> None:
    found = subject_before(words, 0, words.rindex(" ") + 1)
    assert found is None or found.kind != "person"


def test_a_name_that_opens_with_a_city_is_still_a_person() -> None:
    found = subject_before("Paris Hilton said", 0, 13)
    assert found is not None and (found.kind, found.name) == ("person", "Paris Hilton")


@pytest.mark.parametrize(
    ("given_name", "gender"),
    [
        ("rand", "m"),
        ("milton", "m"),
        ("darran", "m"),
        ("volodymyr", "m"),
        ("jair", "m"),
        ("yasmeen", "f"),
        ("ursula", "f"),
        ("svetlana", "f"),
    ],
)
def test_the_lexicon_knows_common_given_names(given_name: str, gender: str) -> None:
    assert lexicon().genders[given_name] == gender


def test_no_given_name_is_listed_for_both_genders() -> None:
    raw = (
        resources.files("quotes.extract")
        .joinpath("data/en/lexicon.json")
        .read_text(encoding="utf-8")
    )
    names = json.loads(raw)["given_names"]
    for words in names.values():
        assert words == sorted(set(words))
    assert not set(names["male"]) & set(names["female"])
