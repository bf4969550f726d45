"""The data model: documents, claims, sources, attributions, clusters, links, audit.

Every table a later feature needs is here from the start, so that features add
behaviour rather than upheaval. Constraint names follow one convention so that
Alembic's batch mode can alter them on SQLite.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from claimcheck.core.vocabulary import (
    CLAIM_KINDS,
    FAMILY_STATUSES,
    MEMBER_STATES,
    PAIR_STATES,
    RELATIONS,
    ROLES,
    SOURCE_KINDS,
    STATUSES,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: DateTime(timezone=True), dict[str, Any]: JSON}


class Reviewer(Base):
    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class Document(Base):
    """One version of one file. Changed bytes at the same path make a new version."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("path", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The file's canonical path (absolute, symlinks resolved): one file, one document,
    # however it was named.
    path: Mapped[str] = mapped_column(String(1000), index=True)
    # The path as the user typed it, for display.
    shown_path: Mapped[str | None] = mapped_column(String(1000))
    version: Mapped[int] = mapped_column(default=1)
    # Set on the older version when a newer one of the same path arrives. Indexed: the
    # few superseded documents are looked up to leave their claims out of listings.
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    # Not unique: a file put back to earlier bytes is a new version with those bytes.
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(String(1000))
    publisher: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2000))
    published: Mapped[dt.date | None]
    media_type: Mapped[str] = mapped_column(String(20))
    # How the bytes were decoded: "utf-8", or the fallback that was used.
    encoding: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(default=_now)
    # Stored, but not yet matched for near-duplicates (an interrupted batch): the next
    # ingest or `claimcheck dedupe` matches it.
    # Indexed: each ingest looks the pending few up, and a scan of this table reads past
    # every document's text.
    dedupe_pending: Mapped[bool] = mapped_column(default=False, server_default=false(), index=True)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="document", order_by="Claim.index", cascade="all, delete-orphan"
    )


class Cluster(Base):
    """Near-identical claims reviewed once."""

    __tablename__ = "clusters"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The earliest appearance; nullable only while the cluster is being built.
    canonical_claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    __table_args__ = (CheckConstraint(_one_of("status", STATUSES), name="status"),)
    __mapper_args__ = {"version_id_col": version}


class Claim(Base):
    """One sentence of one document, with its review state."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_id", "index"),
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
        CheckConstraint(_one_of("kind", CLAIM_KINDS), name="kind"),
        CheckConstraint(_one_of("status", STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    index: Mapped[int]
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="claim")
    checkworthiness: Mapped[float] = mapped_column(Float, default=0.0)
    checkworthiness_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # A vague hedge ("reportedly") found in place of a source.
    hedge: Mapped[str | None] = mapped_column(String(100))
    attributed: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    # Bumped on every change: a reviewer saving over a newer version is told, not obeyed.
    version: Mapped[int] = mapped_column(default=1)

    document: Mapped[Document] = relationship(back_populates="claims")
    attributions: Mapped[list[Attribution]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="Attribution.id"
    )

    __mapper_args__ = {"version_id_col": version}


# The review queue, a page at a time: per status, unattributed claims first, the most
# check-worthy first, id breaking ties (also `claims --status`). With the document, a
# queue's counts of current claims read the index alone.
Index(
    "ix_claims_triage",
    Claim.status,
    Claim.kind,
    Claim.attributed,
    Claim.checkworthiness.desc(),
    Claim.id,
    Claim.document_id,
)
# `claims --unattributed --sort checkworthiness`: the first rows without a sort.
Index(
    "ix_claims_unattributed_rank",
    Claim.kind,
    Claim.attributed,
    Claim.checkworthiness.desc(),
    Claim.document_id,
    Claim.index,
)


class ClusterMember(Base):
    __tablename__ = "cluster_members"
    __table_args__ = (CheckConstraint(_one_of("state", MEMBER_STATES), name="state"),)

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    cluster_id: Mapped[int] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(20), default="automatic")


class ClaimPair(Base):
    """A scored pair of near-identical claims: joined automatically, suggested, or decided."""

    __tablename__ = "claim_pairs"
    __table_args__ = (
        CheckConstraint("claim_a_id < claim_b_id", name="ordered"),
        CheckConstraint(_one_of("state", PAIR_STATES), name="state"),
    )

    claim_a_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    claim_b_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    score: Mapped[float]
    state: Mapped[str] = mapped_column(String(20), default="suggested")
    # Why a pair that scored high enough was not joined automatically.
    reason: Mapped[str | None] = mapped_column(String(200))
    # The claims differ only in numbers, dates or names: they are one family of variants.
    variant: Mapped[bool] = mapped_column(default=False, server_default=false())


class Family(Base):
    """Claims that differ only in numbers, dates or names ("killed 107", "killed 328"):
    more than one cluster (or lone claim), reviewed once."""

    __tablename__ = "families"
    __table_args__ = (CheckConstraint(_one_of("status", FAMILY_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    canonical_claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), default="unreviewed")
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    __mapper_args__ = {"version_id_col": version}


class FamilyMember(Base):
    __tablename__ = "family_members"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    family_id: Mapped[int] = mapped_column(
        ForeignKey("families.id", ondelete="CASCADE"), index=True
    )


class ClaimSignature(Base):
    """What near-duplicate matching needs of a claim, so a batch is matched against the
    corpus without reading and hashing the corpus again."""

    __tablename__ = "claim_signatures"

    claim_id: Mapped[int] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True
    )
    # Claims with one copy key are alike to every rule (claimcheck.core.dedupe.copy_key).
    copy_key: Mapped[int] = mapped_column(BigInteger, index=True)
    # MinHash band hashes (25 little-endian uint64), for the first claim of a copy key.
    bands: Mapped[bytes | None] = mapped_column(LargeBinary)


class BandRun(Base):
    """One band of a sorted run of stored MinHash band hashes (claimcheck.core.band_runs):
    a batch looks up the claims sharing a band with it here, without reading the corpus."""

    __tablename__ = "band_runs"

    run: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    claims: Mapped[int]
    # The band's hashes sorted (little-endian uint64) and their claims' ids (uint32) alike.
    hashes: Mapped[bytes] = mapped_column(LargeBinary)
    claim_ids: Mapped[bytes] = mapped_column(LargeBinary)


class DedupeThresholds(Base):
    """The thresholds the stored pairs were matched with (one row, once a corpus is
    matched): a reviewer's reject or split matches the claims it touches again with them."""

    __tablename__ = "dedupe_thresholds"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    upper: Mapped[float] = mapped_column(Float)
    lower: Mapped[float] = mapped_column(Float)
    min_words: Mapped[int]


class CommonWord(Base):
    """Words left out of MinHash because most claims have them, decided once per corpus
    so that every stored signature is hashed alike."""

    __tablename__ = "dedupe_common_words"

    word: Mapped[str] = mapped_column(String(100), primary_key=True)


class Source(Base):
    """A canonical source: "Xinhua", "South China Morning Post", "Xi Jinping"."""

    __tablename__ = "sources"
    __table_args__ = (CheckConstraint(_one_of("kind", SOURCE_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(30))
    # For a website statement or press release: the organisation it belongs to.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    # False for sources learned from the corpus rather than the built-in registry.
    builtin: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)

    aliases: Mapped[list[SourceAlias]] = relationship(
        back_populates="source", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class SourceAlias(Base):
    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    # Case- and space-folded alias, unique so that one alias names one source.
    key: Mapped[str] = mapped_column(String(300), unique=True)

    source: Mapped[Source] = relationship(back_populates="aliases")


class Attribution(Base):
    """One source of one claim, with the spans it was read from (document offsets)."""

    __tablename__ = "attributions"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role"),
        # `claims --source`: a source's claims read from the index alone.
        Index("ix_attributions_source_id_claim_id", "source_id", "claim_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    source_text: Mapped[str] = mapped_column(String(500))
    source_start: Mapped[int | None]
    source_end: Mapped[int | None]
    cue: Mapped[str | None] = mapped_column(String(100))
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    content_start: Mapped[int | None]
    content_end: Mapped[int | None]
    role: Mapped[str] = mapped_column(String(20), default="primary")
    # How the source said it, where the text says: "in a letter", "in a statement".
    medium: Mapped[str | None] = mapped_column(String(100))
    confidence: Mapped[float] = mapped_column(Float, default=1.0)
    # The surface form when the source was named by a pronoun or description ("the agency").
    mention: Mapped[str | None] = mapped_column(String(300))
    # Index of the sentence whose cue carries over into a quotation.
    carried_from: Mapped[int | None]

    claim: Mapped[Claim] = relationship(back_populates="attributions")
    source: Mapped[Source] = relationship()


class Link(Base):
    """Evidence linked by a reviewer to a claim or a cluster: another claim, a source, a URL."""

    __tablename__ = "links"
    __table_args__ = (
        CheckConstraint(_one_of("relation", RELATIONS), name="relation"),
        CheckConstraint("(claim_id IS NOT NULL) OR (cluster_id IS NOT NULL)", name="has_subject"),
        CheckConstraint(
            "(target_claim_id IS NOT NULL) OR (target_source_id IS NOT NULL) OR (url IS NOT NULL)",
            name="has_target",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(
        ForeignKey("claims.id", ondelete="CASCADE"), index=True
    )
    cluster_id: Mapped[int | None] = mapped_column(
        ForeignKey("clusters.id", ondelete="CASCADE"), index=True
    )
    target_claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    target_source_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE")
    )
    url: Mapped[str | None] = mapped_column(String(2000))
    # The citation title of a linked URL, as the reviewer gave it.
    title: Mapped[str | None] = mapped_column(String(500))
    relation: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class Note(Base):
    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)


class AuditEntry(Base):
    """Append-only record of every change: who, when, what, before and after."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=_now)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"))
    action: Mapped[str] = mapped_column(String(50))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None]
    before: Mapped[dict[str, Any] | None]
    after: Mapped[dict[str, Any] | None]
