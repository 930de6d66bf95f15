"""Correcting an article after ingest, on SQLite and PostgreSQL: the fields change, quotations
are dated again, and remarks are re-linked across outlets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from quotes.correct import ArticleCorrection, correct_article
from quotes.errors import InputError, NotFound
from quotes.ingest import ingest
from quotes.store.models import Article, Quote

REMARK = (
    "“We will not accept any plan that divides the harbour, and we will say so in the council "
    "again and again,” Mayor Ines Carvalho told reporters on Monday."
)


def _article(folder: Path, name: str, outlet: str, published: str) -> Path:
    path = folder / name
    path.write_text(f"Harbour row: {outlet} reports\n\n{REMARK}\n", encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(
        json.dumps({"outlet": outlet, "published": published})
    )
    return path


def _quote(session: Session, article_id: int) -> Quote:
    return session.scalars(select(Quote).where(Quote.article_id == article_id)).one()


def test_a_new_date_and_publisher_redate_quotations_and_relink_remarks(
    engine: Engine, tmp_path: Path
) -> None:
    first = _article(tmp_path, "a.txt", "Harbour Gazette", "2024-03-12")
    second = _article(tmp_path, "b.txt", "Coastal Herald", "2023-01-05")
    assert ingest(engine, [first, second]).added == 2
    with Session(engine) as session:
        assert _quote(session, 1).said_on == date(2024, 3, 11)
        assert _quote(session, 2).said_on == date(2023, 1, 2)
        assert _quote(session, 1).remark_id != _quote(session, 2).remark_id
        done = correct_article(
            session,
            2,
            ArticleCorrection(outlet="РИА Новости", published=date(2024, 3, 13), title="Row"),
        )
        session.commit()
        assert (done.fields, done.redated, done.remarks) == (("outlet", "title", "published"), 1, 1)
        article = session.get(Article, 2)
        assert article is not None and article.publisher is not None
        assert (article.publisher.name, article.published, article.published_source) == (
            "RIA Novosti",
            date(2024, 3, 13),
            "user",
        )
        quote = _quote(session, 2)
        # 'on Monday' is resolved again against the new date.
        assert (quote.said_on, quote.dated_on) == (date(2024, 3, 11), date(2024, 3, 11))
        assert quote.remark_id == _quote(session, 1).remark_id


def test_a_title_alone_changes_no_remark_and_bad_corrections_are_refused(
    engine: Engine, tmp_path: Path
) -> None:
    ingest(engine, [_article(tmp_path, "a.txt", "Harbour Gazette", "2024-03-12")])
    with Session(engine) as session:
        done = correct_article(session, 1, ArticleCorrection(url="https://gazette.example/row"))
        assert (done.fields, done.redated, done.remarks) == (("url",), 0, None)
        with pytest.raises(NotFound, match=r"^no article with id 7$"):
            correct_article(session, 7, ArticleCorrection(title="x"))
        with pytest.raises(InputError, match=r"^--outlet: '\?\?\?' has no letters in any script$"):
            correct_article(session, 1, ArticleCorrection(outlet="???"))
