"""The provenance graph as streams of plain rows: documents, claims, sources, reviews.

Each stream is one query read in batches in a fixed order, so an export of any corpus
takes flat memory and the same database gives the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from claimcheck.services.claims import BATCH
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    Attribution,
    AuditEntry,
    Claim,
    Cluster,
    ClusterMember,
    Document,
    Reviewer,
    Source,
)


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    path: str
    version: int
    sha256: str
    title: str | None
    publisher: str | None
    url: str | None
    ingested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ClaimRow:
    id: int
    document_id: int
    index: int
    start: int
    end: int
    kind: str
    status: str
    text: str


@dataclass(frozen=True, slots=True)
class AttributionRow:
    id: int
    claim_id: int
    source_id: int
    role: str
    cue: str | None
    written: str


@dataclass(frozen=True, slots=True)
class SourceRow:
    id: int
    name: str
    kind: str


@dataclass(frozen=True, slots=True)
class ReviewerRow:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: dt.datetime
    reviewer_id: int | None
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ClusterRow:
    id: int
    status: str
    created_at: dt.datetime
    members: tuple[int, ...]


def _rows(db: Database, query: Select) -> Iterator[Any]:  # type: ignore[type-arg]
    with db.session() as session:
        result = session.execute(query.execution_options(yield_per=BATCH))
        for batch in result.partitions():
            yield from batch


def documents(db: Database) -> Iterator[DocumentRow]:
    """Every stored document, every version."""
    query = select(
        Document.id,
        Document.path,
        Document.version,
        Document.sha256,
        Document.title,
        Document.publisher,
        Document.url,
        Document.ingested_at,
    ).order_by(Document.id)
    for row in _rows(db, query):
        yield DocumentRow(*row)


def claims(db: Database) -> Iterator[ClaimRow]:
    query = select(
        Claim.id,
        Claim.document_id,
        Claim.index,
        Claim.start,
        Claim.end,
        Claim.kind,
        Claim.status,
        Claim.text,
    ).order_by(Claim.id)
    for row in _rows(db, query):
        yield ClaimRow(*row)


def attributions(db: Database) -> Iterator[AttributionRow]:
    query = select(
        Attribution.id,
        Attribution.claim_id,
        Attribution.source_id,
        Attribution.role,
        Attribution.cue,
        Attribution.source_text,
    ).order_by(Attribution.id)
    for row in _rows(db, query):
        yield AttributionRow(*row)


def cited_sources(db: Database) -> Iterator[SourceRow]:
    """The sources at least one claim is attributed to."""
    cited = select(Attribution.source_id).distinct()
    query = (
        select(Source.id, Source.name, Source.kind).where(Source.id.in_(cited)).order_by(Source.id)
    )
    for row in _rows(db, query):
        yield SourceRow(*row)


def reviewers(db: Database) -> Iterator[ReviewerRow]:
    for row in _rows(db, select(Reviewer.id, Reviewer.name).order_by(Reviewer.id)):
        yield ReviewerRow(*row)


def audit(db: Database) -> Iterator[AuditRow]:
    """The whole audit log, oldest first."""
    query = select(
        AuditEntry.id,
        AuditEntry.at,
        AuditEntry.reviewer_id,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_id,
        AuditEntry.before,
        AuditEntry.after,
    ).order_by(AuditEntry.id)
    for row in _rows(db, query):
        yield AuditRow(*row)


def clusters(db: Database) -> Iterator[ClusterRow]:
    """Clusters with their members; a cluster's members are read with it."""
    query = (
        select(Cluster.id, Cluster.status, Cluster.created_at, ClusterMember.claim_id)
        .join(ClusterMember, ClusterMember.cluster_id == Cluster.id)
        .order_by(Cluster.id, ClusterMember.claim_id)
    )
    current: tuple[int, str, dt.datetime] | None = None
    members: list[int] = []
    for cluster_id, status, created_at, claim_id in _rows(db, query):
        if current is not None and current[0] != cluster_id:
            yield ClusterRow(*current, tuple(members))
            members = []
        current = (cluster_id, status, created_at)
        members.append(claim_id)
    if current is not None:
        yield ClusterRow(*current, tuple(members))


def dedupe_span(db: Database) -> tuple[dt.datetime, dt.datetime] | None:
    """When the clusters standing now were made: the first and last of their recorded times."""
    with db.session() as session:
        first, last = session.execute(
            select(func.min(Cluster.created_at), func.max(Cluster.created_at))
        ).one()
    return None if first is None else (first, last)


def claim_count(db: Database) -> int:
    """How many claims the graph holds (every version's): what its size goes by."""
    with db.session() as session:
        return session.scalar(select(func.count(Claim.id))) or 0
