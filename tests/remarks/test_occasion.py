"""One occasion reported by seven articles written for this test (tests/fixtures/occasion):
independently worded English, undated articles, one speaker under two spellings, a report
credited to the listener, and a phrase the speaker repeats on another occasion. The remarks are
asserted exactly, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quotes.ingest import ingest
from quotes.remarks.compare import compare
from quotes.store.models import Article, Quote, Speaker

OCCASION = Path(__file__).resolve().parent.parent / "fixtures" / "occasion"
MARCH_12 = date(2024, 3, 12)


@pytest.fixture
def occasion(engine: Engine) -> Iterator[Session]:
    summary = ingest(engine, [OCCASION])
    assert (summary.added, summary.failed) == (7, 0)
    with Session(engine) as session:
        yield session


def remarks_of(session: Session) -> set[frozenset[str]]:
    """Remarks of two or more reports, each as {"file:first three words"}."""
    rows = session.execute(
        select(Quote.remark_id, Article.source_path, Quote.text).join(Article)
    ).all()
    by_remark: dict[int, set[str]] = {}
    for remark_id, path, text in rows:
        first_words = " ".join(text.split()[:3])
        by_remark.setdefault(remark_id, set()).add(f"{Path(path).stem}:{first_words}")
    return {frozenset(members) for members in by_remark.values() if len(members) > 1}


def test_the_remarks_of_one_occasion(occasion: Session) -> None:
    assert remarks_of(occasion) == {
        # "bow" and "yield": two translations of one sentence; the October remark stays apart.
        frozenset({"a1_wire:We will not", "a2_daily:We will not", "a6_digest:We will not"}),
        # The undated a3 and the report crediting the listener (a4) join on the same words.
        frozenset(
            {
                "a1_wire:Our relations are",
                "a2_daily:Our relations are",
                "a3_pasted:Our relations are",
                "a4_weekly:Our relations are",
            }
        ),
        frozenset({"a1_wire:We are waiting", "a5_portal:We await your"}),
        frozenset({"a5_portal:We must stabilise", "a6_digest:We must stabilize"}),
        frozenset({"a5_portal:he hoped to", "a5_portal:to see him"}),
    }


def test_one_speaker_under_two_spellings(occasion: Session) -> None:
    names = occasion.scalars(select(Speaker.name).where(Speaker.name.like("%Tarasov"))).all()
    assert names == ["Sergei Tarasov"]


def test_articles_keep_where_their_date_came_from(occasion: Session) -> None:
    rows = occasion.execute(
        select(Article.source_path, Article.published, Article.published_source)
    ).all()
    assert {Path(p).stem: (d, s) for p, d, s in rows} == {
        "a1_wire": (MARCH_12, "dateline"),
        "a2_daily": (MARCH_12, "metadata"),
        "a3_pasted": (None, None),
        "a4_weekly": (date(2024, 3, 14), "metadata"),
        "a5_portal": (MARCH_12, "url"),
        "a6_digest": (date(2024, 3, 13), "metadata"),
        "a7_october": (date(2023, 10, 5), "metadata"),
    }


def test_compare_says_why_each_report_belongs(occasion: Session) -> None:
    found = compare(occasion, "developing steadily despite")
    assert (found.remark.speaker, found.remark.publishers, found.remark.articles) == (
        "Sergei Tarasov",
        4,
        4,
    )
    assert [(Path(r.source_path).stem, r.said_on, r.why) for r in found.reports] == [
        ("a1_wire", MARCH_12, "canonical: the longest complete wording"),
        ("a2_daily", MARCH_12, "identical: words 100"),
        ("a4_weekly", date(2024, 3, 14), "identical: words 100; credited to Li Wenhao as written"),
        (
            "a3_pasted",
            MARCH_12,
            "identical: words 100; undated, date inferred from the remark",
        ),
    ]
    visit = compare(occasion, "your visit")
    assert [r.why for r in visit.reports] == [
        "canonical: the longest complete wording",
        "translation variant: words 47.6, meaning 100",
    ]
