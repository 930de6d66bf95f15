"""Boilerplate detection: paragraph kinds over the original text's offsets."""

from __future__ import annotations

from pathlib import Path

from quotes.extract.cleaning import content_paragraphs, split_paragraphs

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def kinds(text: str) -> list[tuple[str, str]]:
    return [(p.kind, text[p.start : p.end]) for p in split_paragraphs(text)]


def test_scmp_page_furniture() -> None:
    text = (
        "Advertisement\nUkraine war: 1 year on\nGet more with myNEWS\nLearn more\n"
        "Lavrov and Wang head in for talks. Photo: AFP\n\n"
        "China and Russia won’t be swayed by others, top diplomat tells Putin\n\n"
        "  • Wang says relations are steady\n"
        "Wang Yi told Putin that relations had “withstood pressure”.\n\n"
        "China calls for UN to investigate ‘deliberate’ pipeline blasts\n\n"
        "03:29\n\n"
        "Biden pledges more weapons on visit to Kyiv\n\n"
        "Biden pledges more weapons on visit to Kyiv\n\n"
        "The White House has flagged sanctions.\n\n242"
    )
    assert kinds(text) == [
        ("boilerplate", "Advertisement"),
        ("boilerplate", "Ukraine war: 1 year on"),
        ("boilerplate", "Get more with myNEWS"),
        ("boilerplate", "Learn more"),
        ("caption", "Lavrov and Wang head in for talks. Photo: AFP"),
        ("headline", "China and Russia won’t be swayed by others, top diplomat tells Putin"),
        ("standfirst", "• Wang says relations are steady"),
        ("body", "Wang Yi told Putin that relations had “withstood pressure”."),
        ("related", "China calls for UN to investigate ‘deliberate’ pipeline blasts"),
        ("boilerplate", "03:29"),
        ("caption", "Biden pledges more weapons on visit to Kyiv"),
        ("caption", "Biden pledges more weapons on visit to Kyiv"),
        ("body", "The White House has flagged sanctions."),
        ("boilerplate", "242"),
    ]


def test_site_disclaimer_related_posts_and_reuters_caption() -> None:
    text = (
        "Putin ally deepens ‘strategic partnership’ with China\n\n"
        "A screen shows Xi and Putin in Beijing, September 16, 2022. REUTERS/Tingshu Wang\n\n"
        "Patrushev met Yang in Nanping.\n\n"
        "Related posts\n\n"
        "Bird Flu Kills 47 Tigers in Vietnam Zoos\n\n"
        "Not all news on the site expresses the point of view of the site.\n"
        "Back to top button"
    )
    assert [k for k, _ in kinds(text)] == [
        "headline",
        "caption",
        "body",
        "boilerplate",
        "related",
        "boilerplate",
        "boilerplate",
    ]


def test_a_signed_quotation_is_body_not_a_related_headline() -> None:
    text = (
        "Readers answer the mayor in the harbour town\n\n"
        "Here is what they said.\n\n"
        "“She is someone no sane person would want as mayor.” ― Ada Lark\n\n"
        "Harbour mayor says ferry will run all winter"
    )
    assert [k for k, _ in kinds(text)] == ["headline", "body", "body", "related"]


def test_a_quotation_that_goes_on_in_the_next_paragraph_is_body() -> None:
    text = (
        "Harbour mayor promises ferry through the winter\n\n"
        "The mayor spoke on Monday.\n\n"
        "“The harbour is our lifeline. We will keep the ferry running for everyone who needs it\n\n"
        "“whatever the weather,” she added.\n\n"
        "Harbour mayor says ferry will run all winter"
    )
    assert [k for k, _ in kinds(text)] == ["headline", "body", "body", "body", "related"]


def test_the_line_under_the_headline_is_its_deck() -> None:
    text = (
        "Harbour mayor promises ferry through the winter\n\n"
        "Mayor says the town has money to run the ferry until the ice melts\n\n"
        "The mayor spoke on Monday.\n\n"
        "Harbour mayor says ferry will run all winter"
    )
    assert [k for k, _ in kinds(text)] == ["headline", "standfirst", "body", "related"]


def test_offsets_point_into_original_text() -> None:
    text = "  Headline of the story here today  \r\n\n   Body text, indented.  \n"
    paragraphs = split_paragraphs(text)
    assert [text[p.start : p.end] for p in paragraphs] == [
        "Headline of the story here today",
        "Body text, indented.",
    ]


def test_seed_content_keeps_quotes_and_drops_furniture() -> None:
    text = (SEEDS / "000_7a075a25a27c062d.txt").read_text(encoding="utf-8")
    content = [text[p.start : p.end] for p in content_paragraphs(split_paragraphs(text))]
    assert content[0].startswith("China and Russia want fair world order")
    assert not any(line in ("Advertisement", "01:54", "64", "Learn more") for line in content)
    assert not any(line.startswith("‘Impossible to occupy") for line in content)


def test_empty_and_odd_text() -> None:
    assert split_paragraphs("") == ()
    assert split_paragraphs("\n\n\n") == ()
    assert [p.kind for p in split_paragraphs("x")] == ["boilerplate"]
