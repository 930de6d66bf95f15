"""Every page of `quotes serve` through Starlette's test client, on SQLite and PostgreSQL: status,
content, the JSON and CSV variants at the same URL, and hostile text shown as text."""

from __future__ import annotations

import csv
import io

import pytest
from starlette.testclient import TestClient

from quotes.web import routes


def test_search_by_speaker_lists_their_quotations_newest_first(client: TestClient) -> None:
    page = client.get("/search", params={"q": "Patrushev", "limit": "3"})
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "Quotations of <strong>Nikolai Patrushev</strong>, newest first" in page.text
    assert '<a href="/speakers/1">speaker page</a>' in page.text
    assert page.text.count('<li class="hit">') == 3
    assert 'He reaffirmed “</span><q class="quotation">unwavering support for Beijing' in page.text
    assert '<span class="via">via Sputnik</span>' in page.text


def test_search_as_json_and_csv_at_the_same_url(client: TestClient) -> None:
    rows = client.get("/search.json", params={"q": "Patrushev", "limit": "2"}).json()
    assert [
        (r["quote_id"], r["date"], r["via"], r["kind"], r["before"], r["after"]) for r in rows
    ] == [
        (78, "2023-02-22", "Sputnik", "direct", "“", "” Patrushev said."),
        (77, "2023-02-22", "Sputnik", "partial", "He reaffirmed “", "”, the Sputnik report said."),
    ]
    assert client.get("/search?q=Patrushev&limit=2&format=json").json() == rows
    response = client.get("/search.csv", params={"q": "Patrushev", "limit": "2"})
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["quote_id"], r["speaker"], r["publisher"]) for r in table] == [
        ("78", "Nikolai Patrushev", "South China Morning Post"),
        ("77", "Nikolai Patrushev", "South China Morning Post"),
    ]


def test_search_words_marks_the_matches_and_filters_narrow(client: TestClient) -> None:
    page = client.get("/search", params={"q": "world order", "via": "Sputnik"})
    assert "Quotations with the words <strong>world order</strong>" in page.text
    assert "just <mark>world</mark> <mark>order</mark>, and welcome" in page.text
    rows = client.get("/search.json", params={"q": "world order", "via": "Sputnik"}).json()
    assert [r["quote_id"] for r in rows] == [78]
    dated = client.get("/search.json", params={"q": "Patrushev", "until": "2022-12-31"}).json()
    assert {r["date"] for r in dated} == {"2022-09-19"}
    direct = client.get("/search.json?q=Patrushev&kind=direct").json()
    assert [(r["quote_id"], r["kind"]) for r in direct] == [
        (78, "direct"),
        (74, "direct"),
        (73, "direct"),
    ]


def test_search_problems_are_one_line_pages(client: TestClient) -> None:
    bad_date = client.get("/search", params={"q": "Putin", "since": "2022-02-30"})
    assert bad_date.status_code == 400
    assert "since: impossible or malformed date &#39;2022-02-30&#39;" in bad_date.text
    unknown = client.get("/search.json", params={"q": "Putin", "speaker": "Patrushew"})
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"error": "no speaker named 'Patrushew' (did you mean 'Nikolai Patrushev'?)"},
    )
    assert client.get("/search.xml?q=Putin").status_code == 404
    suggestion = client.get("/search", params={"q": "Patrushew"})
    assert 'Did you mean <a href="/search?q=Nikolai%20Patrushev">Nikolai Patrushev</a>?' in (
        suggestion.text
    )


def test_the_empty_search_page_explains_itself(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "Search by a speaker's name" in page.text


def test_a_quotation_in_its_paragraph(client: TestClient) -> None:
    page = client.get("/quotes/78")
    assert page.status_code == 200
    assert "<mark>Our [two] countries are in favour" in page.text
    assert '<a href="/remarks/69">remark 69</a>' in page.text
    record = client.get("/quotes/78.json").json()
    assert (record["speaker"], record["via"], record["publisher"], record["rule"] != "") == (
        "Nikolai Patrushev", "Sputnik", "South China Morning Post", True,
    )  # fmt: skip
    assert client.get("/quotes/78.csv").text.startswith("quote_id,quotation,kind,paragraph,")
    missing = client.get("/quotes/99999")
    assert (missing.status_code, "no quotation with id 99999" in missing.text) == (404, True)


def test_a_remark_side_by_side_with_its_differences_marked(client: TestClient) -> None:
    page = client.get("/remarks/10")
    assert page.status_code == 200
    assert (
        "Remark 10: <a" in page.text
        and "4 reports in 3 articles by 2 publishers via 0 relays" in page.text
    )
    assert page.text.count('<section class="outlet">') == 2
    assert '<del class="cut" title="cut">We understand your questions and</del>' in page.text
    assert page.text.count('class="inferred"') == 2
    data = client.get("/remarks/10.json").json()
    assert data["remark"]["canonical_text"].startswith("We understand your questions")
    assert data["remark"]["remark_id"] == 10
    assert (data["remark"]["publishers"], data["remark"]["relays"], data["remark"]["articles"]) == (
        2, 0, 3,
    )  # fmt: skip
    assert [(v["quote_id"], v["relation"], v["date_given"]) for v in data["reports"]] == [
        (32, "excerpt", True), (89, "excerpt", False), (99, "canonical", True),
        (11, "excerpt", False),
    ]  # fmt: skip
    table = list(csv.DictReader(io.StringIO(client.get("/remarks/10.csv").text)))
    assert [(r["publisher"], r["relation"], r["score"]) for r in table] == [
        ("ABC News / Associated Press", "excerpt", "100.0"),
        ("South China Morning Post", "excerpt", "100.0"),
        ("South China Morning Post", "canonical", "100.0"),
        ("South China Morning Post", "excerpt", "100.0"),
    ]
    reworded = client.get("/remarks/20").text  # Reuters words Patrushev's remark its own way
    assert "3 reports in 2 articles by 2 publishers via 1 relay" in reworded
    assert (
        'with <del class="changed" title="changed from">Beijing as</del> '
        '<ins class="changed" title="changed to">China is</ins> an unconditional'
    ) in reworded
    assert client.get("/remarks/99999").status_code == 404


def test_remarks_most_widely_carried_with_filters(client: TestClient) -> None:
    rows = client.get("/remarks.json", params={"limit": "3"}).json()
    assert [(r["remark_id"], r["speaker"], r["outlets"], r["quotations"]) for r in rows] == [
        (24, "Xi Jinping", 4, 4),
        (20, "Nikolai Patrushev", 3, 3),
        (10, "Vladimir Putin", 2, 4),
    ]
    by_speaker = client.get("/remarks.json", params={"speaker": "Putin"}).json()
    assert {r["speaker"] for r in by_speaker} == {"Vladimir Putin"}
    recent = client.get("/remarks.json", params={"since": "2023-01-01"}).json()
    assert [(r["remark_id"], r["first_date"]) for r in recent] == [
        (53, "2023-02-22"),
        (30, "2023-02-22"),
        (32, "2023-02-22"),
        (31, "2023-02-22"),
    ]
    second = client.get("/remarks.json", params={"limit": "2", "page": "2"}).json()
    assert [r["remark_id"] for r in second] == [10, 72]
    page = client.get("/remarks", params={"limit": "2"})
    assert '<a href="?limit=2&amp;page=2">next →</a>' in page.text
    assert client.get("/remarks.csv").text.startswith(
        "remark_id,speaker,first_date,last_date,outlets,quotations,publishers,relays,articles,"
    )


def test_speakers_and_a_speaker(client: TestClient) -> None:
    listed = client.get("/speakers.json", params={"q": "patrushev"}).json()
    assert [(s["speaker_id"], s["speaker"], s["quotations"]) for s in listed] == [
        (1, "Nikolai Patrushev", 12),
    ]  # "Patrushev’s office" is the body his title names, the National Security Council
    page = client.get("/speakers/1")
    assert page.status_code == 200
    assert "<h1>Nikolai Patrushev</h1>" in page.text
    assert '<svg class="chart"' in page.text and "<title>2022-09: 6</title>" in page.text
    assert "<strong>collective west</strong>" in page.text
    data = client.get("/speakers/1.json").json()
    assert data["speaker"]["publishers"] == [["South China Morning Post", 10],
                                             ["ABC News / Associated Press", 2]]  # fmt: skip
    assert data["speaker"]["relays"] == [["Sputnik", 4], ["TASS", 1]]
    assert data["speaker"]["months"][0] == ["2022-09", 6]
    assert client.get("/speakers/1.csv").text.startswith("remark_id,first_date,outlets,quotations,")
    assert client.get("/speakers/99999").status_code == 404


def test_hostile_text_is_shown_as_text(client: TestClient) -> None:
    rows = client.get(
        "/search.json", params={"q": "Lavrov", "outlet": "Example <b>Times</b>"}
    ).json()
    assert [r["quotation"] for r in rows] == [
        "<script>alert(1)</script> will not stop us, and claims change nothing,"
    ]
    quote_id = rows[0]["quote_id"]
    for path in ("/search?q=Lavrov", "/search?q=script", f"/quotes/{quote_id}", "/speakers"):
        page = client.get(path)
        assert "<script>" not in page.text, path
        assert "<b>Times</b>" not in page.text, path
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt; will not stop us"
        in client.get("/search?q=Lavrov").text
    )
    quote_page = client.get(f"/quotes/{quote_id}").text
    assert 'href="javascript:' not in quote_page
    assert "&lt;script&gt;alert(2)&lt;/script&gt; Lavrov" in quote_page
    assert "Example &lt;b&gt;Times&lt;/b&gt;" in quote_page


def test_static_css_is_served(client: TestClient) -> None:
    css = client.get("/static/style.css")
    assert (css.status_code, css.headers["content-type"].startswith("text/css")) == (200, True)


def test_talking_points_inline_or_on_a_page_of_their_own(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = client.get("/speakers/1/talking-points.json").json()
    assert [(r["phrase"], r["remark_id"]) for r in rows] == [
        ("collective west", 3), ("collective west", 65),
        ("unconditional priority", 20), ("unconditional priority", 67),
    ]  # fmt: skip
    assert (
        "<strong>unconditional priority</strong>" in client.get("/speakers/1/talking-points").text
    )
    monkeypatch.setattr(routes, "INLINE_TALKING_POINTS", 11)  # Patrushev has 12 quotations
    page = client.get("/speakers/1")
    assert '<a href="/speakers/1/talking-points">Talking points</a>' in page.text
    assert "<strong>collective west</strong>" not in page.text
    assert client.get("/speakers/1.json").json()["talking_points"] is None


def test_the_json_and_csv_use_the_commands_column_names(client: TestClient) -> None:
    from tests.test_cli_formats import OLD_NAMES

    lists = ["/search.json?q=Patrushev", "/remarks.json", "/speakers.json",
             "/speakers/1/talking-points.json"]  # fmt: skip
    names = {key for url in lists for row in client.get(url).json() for key in row}
    remark = client.get("/remarks/10.json").json()
    names |= set(remark["remark"]) | {key for row in remark["reports"] for key in row}
    for url in ("/speakers/1.csv", "/remarks/10.csv", "/quotes/78.csv"):
        names |= set(client.get(url).text.splitlines()[0].split(","))
    assert not names & OLD_NAMES
    assert {"remark_id", "first_date", "publishers", "relays", "articles", "quotation"} <= names
