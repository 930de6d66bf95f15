"""Wire copy: made-up articles in the house styles of TASS, Interfax, RIA Novosti, Sputnik,
Xinhua, Reuters, AP, AFP, Anadolu, IRNA, Yonhap and Kyodo (tests/fixtures/wire/), with the speaker
and the relay outlet of every quotation asserted exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from quotes.extract.pipeline import extract_quotations

WIRE = Path(__file__).parents[1] / "fixtures" / "wire"

SHOIGU, LAVROV = "Sergei Shoigu", "Sergei Lavrov"
AMIR = "Hossein Amir-Abdollahian"
AFP = "Agence France-Presse"

EXPECTED: dict[str, list[tuple[str, str | None, str | None]]] = {
    "tass_interfax.txt": [
        ("at a dead end", SHOIGU, None),
        ("a dead end", SHOIGU, "TASS"),
        ("Our partners have not fulfilled a single one of their obligations,", SHOIGU, "TASS"),
        ("respond firmly", SHOIGU, "TASS"),
        ("remains tense but under control.", SHOIGU, "Interfax"),
        ("We are prepared for any development,", SHOIGU, "Interfax"),
        ("The president receives reports every day,", "Dmitry Peskov", None),
    ],
    "xinhua.txt": [
        ("jointly safeguard the common interests of developing countries.", "Xi Jinping", None),
        ("China is willing to work with Brazil to open up new prospects,", "Xi Jinping", None),
        ("candid, friendly and fruitful,", "Xinhua", None),
        ("strategic and irreplaceable.", "Lula", None),
        ("a complete success.", "Wang Yi", "Weibo"),
    ],
    "reuters_afp.txt": [
        ("Enrichment is our legal right and will continue,", AMIR, "IRNA"),
        ("crushing response", AMIR, "IRNA"),
        ("Pressure has never worked with Iran.", AMIR, None),
        ("The door to diplomacy is open,", "Ali Bahadori Jahromi", "X"),
        ("in the coming weeks.", "Iranian state television", None),
        ("This is a new page in our relations,", "Western diplomat", "Agence France-Presse"),
    ],
    "yonhap_kyodo.txt": [
        (
            "Our military has strengthened surveillance and vigilance,",
            "Joint Chiefs of Staff",
            None,
        ),
        ("an outrageous act that threatens peace,", "Fumio Kishida", "Kyodo News"),
        (
            "We will closely cooperate with the United States and South Korea,",
            "Fumio Kishida",
            "Kyodo News",
        ),
        ("stern response", "Yoon Suk Yeol", None),
        ("a regular activity of the armed forces,", "Korean Central News Agency", None),
    ],
    "ap_anadolu_sputnik.txt": [
        ("continue its efforts for a just peace,", "Recep Tayyip Erdogan", "Anadolu Agency"),
        (
            "No one will win this war, and no one will lose the peace,",
            "Recep Tayyip Erdogan",
            "Anadolu Agency",
        ),
        ("open to any constructive proposals.", "Dmitry Peskov", "Sputnik"),
        ("never accept", "Volodymyr Zelenskyy", "Telegram"),
        ("We will return every metre of our land,", "Volodymyr Zelenskyy", "Telegram"),
        ("ready to host new talks.", "Recep Tayyip Erdogan", None),
        ("This is an important signal,", "Ibrahim Kalin", None),
    ],
    "ria_sputnik_afp.txt": [
        ("playing with fire", LAVROV, None),
        ("playing with fire", LAVROV, "RIA Novosti"),
        ("We will not allow our compatriots to be threatened,", LAVROV, "RIA Novosti"),
        ("Nobody should have any illusions about this,", LAVROV, "RIA Novosti"),
        ("Chisinau is following orders from Washington.", "Maria Zakharova", "Telegram"),
        ("pure propaganda", "Maia Sandu", None),
        ("direct confrontation", LAVROV, None),
        ("There is no threat from NATO to Russia,", "Jens Stoltenberg", "Agence France-Presse"),
    ],
    "kyodo_irna_more.txt": [
        ("deeply concerned", "Yoko Kamikawa", "Kyodo News"),
        ("does not seek a wider war.", AMIR, "IRNA"),
        ("a reaction to the crimes in Gaza.", AMIR, "IRNA"),
        ("not remain silent.", "Ebrahim Raisi", "state media"),
        ("We have made our position clear,", "Yoko Kamikawa", None),
        ("maintain close communication.", "Japanese Foreign Ministry", None),
        ("frank.", "senior Japanese official", "NHK"),
        ("There was no breakthrough,", "another", None),
    ],
    "sputnik_anadolu_more.txt": [
        (
            "revived as soon as possible,",
            "Recep Tayyip Erdogan",
            "Turkish Communications Directorate",
        ),
        ("failure to fulfil its obligations.", "Vladimir Putin", "Kremlin readout"),
        ("Russia is ready to return to the deal,", "Dmitry Peskov", "TASS"),
        ("The ball is in the West's court.", "Dmitry Peskov", "RIA Novosti"),
        ("We hope for a positive answer,", "Dmitry Peskov", "Interfax"),
        ("continue its efforts,", "Hakan Fidan", "Anadolu Agency"),
    ],
    "scmp_summit_speakers.txt": [
        ("See you in Beijing", "Xi Jinping", None),
        ("Together we will drive these changes", "Xi Jinping", None),
        ("Changes are happening that have not happened in a hundred years,", "Xi Jinping", None),
        ("I agree,", "Vladimir Putin", None),
        ("Take care, dear friend.", "Xi Jinping", None),
        ("We will drive these changes together.", "Xi Jinping", None),
        ("hegemonism", "Moscow and Beijing", None),
        ("The two sides agreed to deepen coordination,", "Chinese Foreign Ministry", None),
        ("a landmark.", LAVROV, None),
        ("new era of confrontation", LAVROV, None),
        ("The talks were substantive and useful,", "Dmitry Peskov", None),
        ("We have agreed on the next steps.", "Ushakov", None),
    ],
    "afp_yonhap_more.txt": [
        ("overwhelming", "South Korean government", None),
        ("overwhelming", "South Korea's defence minister", None),
        ("We will respond swiftly and resolutely,", "Shin Won-sik", "Yonhap"),
        ("fully prepared", "Shin Won-sik", "Yonhap"),
        ("a powerful deterrent,", "Kim Jong Un", "state media"),
        ("reckless.", "Kim Yo Jong", "Korean Central News Agency"),
        ("calm and restraint.", "Kim Yung-ho", None),
        ("The situation is grave but manageable,", "Kim Yung-ho", None),
    ],
    "reuters_xinhua_sputnik_more.txt": [
        ("response", "Russian government", None),  # the headline's country
        ("We will not leave this without a response,", "Sergei Ryabkov", "TASS"),
        ("ready for dialogue", "Sergei Ryabkov", "Russian news agencies"),
        ("No, there have been no such proposals,", "Dmitry Peskov", "Sputnik"),
        ("We are ready,", "Dmitry Peskov", "Sputnik"),  # "according to the agency": Sputnik
        ("China firmly opposes any move that escalates tensions,", "Mao Ning", "Global Times"),
        ("The drills are not aimed at third countries,", "Russian Defence Ministry", AFP),
    ],
    "ap_reuters_more.txt": [
        ("one of the largest this month.", "Ukraine's air force", None),
        ("Air defense worked effectively,", "Ukraine's Air Force", "Telegram"),
        ("military infrastructure,", "Igor Konashenkov", "ministry statement"),
        ("more air defense, not words.", "Volodymyr Zelenskyy", "Associated Press"),
        ("Every day we wait costs lives,", "Volodymyr Zelenskyy", "Associated Press"),
        ("not interested", "Dmitry Peskov", "TASS"),
        ("step up", "Jens Stoltenberg", "Reuters"),
        ("We are working hard,", "Jens Stoltenberg", "Reuters"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_wire_copy_speakers_and_relays(name: str) -> None:
    text = (WIRE / name).read_text(encoding="utf-8")
    found = [
        (q.text, q.speaker, q.via)
        for q in extract_quotations(text, date(2023, 6, 6))
        if q.kind != "indirect"
    ]
    assert found == EXPECTED[name]


def test_every_wire_fixture_is_asserted() -> None:
    assert sorted(p.name for p in WIRE.glob("*.txt")) == sorted(EXPECTED)


def test_wire_claims_keep_their_source_and_relay() -> None:
    text = (WIRE / "reuters_xinhua_sputnik_more.txt").read_text(encoding="utf-8")
    found = [
        (q.text, q.speaker, q.via)
        for q in extract_quotations(text, date(2023, 6, 6))
        if q.kind == "indirect"
    ]
    assert found == [
        (
            "Moscow will respond to any deployment of U.S. missiles in Germany",
            "Sergei Ryabkov",
            "TASS",
        ),
        ("The Kremlin has received no proposals from Washington", "Dmitry Peskov", None),
        ("all sides to exercise restraint", "Mao Ning", None),  # named in the next paragraph
        (
            "The navies of Russia and China will hold joint drills next month",
            "Russian Defence Ministry",
            AFP,
        ),
        ("Moscow was ready to resume talks on grain exports", "Vladimir Putin", "Kremlin"),
        ("the economy was growing", "Vladimir Putin", None),  # another occasion than the call
    ]
