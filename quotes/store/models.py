"""The schema as typed SQLAlchemy models. Migrations in `migrations/` are the only way it changes;
`tests/test_migrations.py` fails when the two drift apart."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

OUTLET_KINDS = ("news agency", "newspaper", "broadcaster", "government", "other")
SPEAKER_KINDS = ("person", "organisation")
QUOTE_KINDS = ("direct", "partial", "indirect")
LINK_RELATIONS = ("identical", "excerpt", "variant")
KEY_LENGTH = 100
"""Longest blocking key stored as written; longer ones are stored as a digest."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    @classmethod
    def table(cls) -> Table:
        """The model's Core table: bulk inserts through it skip the ORM's per-row machinery."""
        return cls.metadata.tables[cls.__tablename__]


class Outlet(Base):
    """A publisher or a relay channel (news agency, newspaper, broadcaster, government body)."""

    __tablename__ = "outlets"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    country: Mapped[str | None] = mapped_column(String(80))

    aliases: Mapped[list[OutletAlias]] = relationship(
        back_populates="outlet", cascade="all, delete-orphan"
    )


class OutletAlias(Base):
    __tablename__ = "outlet_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    outlet_id: Mapped[int] = mapped_column(ForeignKey("outlets.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(200))
    alias_key: Mapped[str] = mapped_column(String(200), unique=True)

    outlet: Mapped[Outlet] = relationship(back_populates="aliases")


class Article(Base):
    """One ingested article; `body` is the text exactly as read, which quote offsets index."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    publisher_id: Mapped[int | None] = mapped_column(
        ForeignKey("outlets.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    # The ISO 639-1 code of the body's language (quotes.extract.language); null if stored before.
    language: Mapped[str | None] = mapped_column(String(8))
    # Where `published` came from: 'metadata', 'page' or 'user' (given with the article), or
    # 'dateline', 'text' or 'url' (found in it: quotes.extract.article_dates).
    published_source: Mapped[str | None] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    page_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    """The SHA-256 of the page the body was extracted from (HTML), so it is read once."""
    source_path: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    publisher: Mapped[Outlet | None] = relationship()
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True
    )


class Speaker(Base):
    """A person or organisation, one row however many spellings the articles use."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    surname_key: Mapped[str] = mapped_column(String(100), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    role: Mapped[str | None] = mapped_column(String(300))

    aliases: Mapped[list[SpeakerAlias]] = relationship(
        back_populates="speaker", cascade="all, delete-orphan", passive_deletes=True
    )


class SpeakerAlias(Base):
    """Another name of a speaker; `source` is 'extracted' or 'user' (curation, kept forever)."""

    __tablename__ = "speaker_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(200))
    alias_key: Mapped[str] = mapped_column(String(200), unique=True)
    source: Mapped[str] = mapped_column(String(20), default="extracted")

    speaker: Mapped[Speaker] = relationship(back_populates="aliases")


class Remark(Base):
    """One deduplicated remark: quotations of the same words on the same occasion."""

    __tablename__ = "remarks"
    # The most widely carried first, the latest of equals first (the web view's remarks page),
    # a page at a time, read in index order without sorting any remark.
    __table_args__ = (Index("ix_remarks_carried", "outlet_count", "quote_count", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    # The quotation whose wording is canonical. No foreign key: quotes reference remarks, and a
    # cycle of foreign keys would make both tables awkward to create, drop and bulk-load.
    canonical_quote_id: Mapped[int | None] = mapped_column(Integer)
    canonical_text: Mapped[str] = mapped_column(Text)
    first_said_on: Mapped[date | None] = mapped_column(Date, index=True)
    last_said_on: Mapped[date | None] = mapped_column(Date)
    quote_count: Mapped[int] = mapped_column(Integer, default=0)
    outlet_count: Mapped[int] = mapped_column(Integer, default=0)
    # The clustering state of the remark, so that new quotations are placed without reading
    # its members (quotes.remarks.clustering.RemarkState): its first quotation and its
    # organisation (the
    # speaker id, kept apart from `speaker_id` when that is a person; no foreign keys, as for
    # the canonical quotation, so that the columns come and go without rebuilding the table),
    # and whether every member is a fragment of three words or fewer.
    root_quote_id: Mapped[int] = mapped_column(Integer)
    org_id: Mapped[int | None] = mapped_column(Integer)
    fragments_only: Mapped[bool] = mapped_column(Boolean, default=False)


class RemarkOutlet(Base):
    """An outlet that carried a remark (publisher or relay of one of its quotations)."""

    __tablename__ = "remark_outlets"

    remark_id: Mapped[int] = mapped_column(
        ForeignKey("remarks.id", ondelete="CASCADE"), primary_key=True
    )
    outlet_id: Mapped[int] = mapped_column(
        ForeignKey("outlets.id", ondelete="CASCADE"), primary_key=True
    )


class Quote(Base):
    """One quotation or reported claim found in an article."""

    __tablename__ = "quotes"
    # A speaker's quotations newest first (`quotes search NAME`) without sorting them all; it
    # also serves every look-up by speaker alone (no index of its own: one fewer to maintain
    # on every insert).
    __table_args__ = (Index("ix_quotes_speaker_id_dated_on", "speaker_id", "dated_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id", ondelete="SET NULL"))
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_role: Mapped[str | None] = mapped_column(String(300))
    cue: Mapped[str | None] = mapped_column(String(200))
    via_outlet_id: Mapped[int | None] = mapped_column(
        ForeignKey("outlets.id", ondelete="SET NULL"), index=True
    )
    via_text: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    paragraph: Mapped[int] = mapped_column(Integer, default=0)
    said_on: Mapped[date | None] = mapped_column(Date)  # filters use dated_on, not this
    # The date a reader files the remark under: `said_on` when the text gives one, else the
    # article's published date. Searches, filters and timelines use it; `said_on` stays as the
    # text gives it (null when it gives none).
    dated_on: Mapped[date | None] = mapped_column(Date, index=True)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    rule: Mapped[str] = mapped_column(String(60), default="")
    remark_id: Mapped[int | None] = mapped_column(
        ForeignKey("remarks.id", ondelete="SET NULL"), index=True
    )

    article: Mapped[Article] = relationship(back_populates="quotes")
    speaker: Mapped[Speaker | None] = relationship()
    via_outlet: Mapped[Outlet | None] = relationship()
    remark: Mapped[Remark | None] = relationship(foreign_keys=[remark_id])


class QuoteLink(Base):
    """A scored relation between two quotations of one remark (quote_a_id < quote_b_id)."""

    __tablename__ = "quote_links"
    __table_args__ = (
        UniqueConstraint("quote_a_id", "quote_b_id"),
        Index("ix_quote_links_quote_b_id", "quote_b_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quote_a_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"))
    quote_b_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"))
    relation: Mapped[str] = mapped_column(String(12))
    score: Mapped[float] = mapped_column(Float)
    # The score with synonyms made one (quotes.remarks.meaning); NULL when no word has one.
    meaning_score: Mapped[float | None] = mapped_column(Float)


class QuoteKey(Base):
    """A blocking key of a quotation that represents its wording in its remark
    (quotes.remarks.blocking.global_keys), by time bucket (week number, NULL when undated): new
    quotations find the earlier ones they could link to by index lookups on (key, bucket)."""

    __tablename__ = "quote_keys"
    __table_args__ = (Index("ix_quote_keys_key_bucket", "key", "bucket"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    bucket: Mapped[int | None] = mapped_column(Integer)
    quote_id: Mapped[int] = mapped_column(ForeignKey("quotes.id", ondelete="CASCADE"), index=True)
