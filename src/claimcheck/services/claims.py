"""Reading claims out: lists, one claim in full, and the JSON shape of exports.

Front-ends get plain frozen dataclasses, never ORM rows or sessions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sqlalchemy import Connection, Select, func, or_, select
from sqlalchemy.orm import Session, aliased, defer

from claimcheck.errors import ClaimcheckError
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    Attribution,
    Claim,
    ClusterMember,
    Document,
    FamilyMember,
    Link,
    Source,
)

Sort = Literal["document", "checkworthiness"]
BATCH = 2000


@dataclass(frozen=True, slots=True)
class DocumentRef:
    id: int
    path: str
    sha256: str
    title: str | None
    version: int


class SourceView(NamedTuple):
    """A named tuple rather than a frozen dataclass, as reports make one per attribution
    (tens of thousands): as immutable, and built several times faster."""

    name: str
    canonical: str
    kind: str
    owner: str | None
    cue: str | None
    role: str
    medium: str | None
    start: int | None
    end: int | None
    cue_start: int | None
    cue_end: int | None
    confidence: float
    mention: str | None
    carried_from: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "canonical": self.canonical,
            "kind": self.kind,
            "owner": self.owner,
            "cue": self.cue,
            "role": self.role,
            "medium": self.medium,
            "start": self.start,
            "end": self.end,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "confidence": round(self.confidence, 3),
            "mention": self.mention,
            "carried_from": self.carried_from,
        }


@dataclass(frozen=True, slots=True)
class LinkView:
    id: int
    relation: str
    target_claim: int | None
    target_source: str | None
    url: str | None
    title: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ClaimView:
    id: int
    document: DocumentRef
    index: int
    start: int
    end: int
    text: str
    kind: str
    checkworthiness: float
    reasons: tuple[str, ...]
    hedge: str | None
    sources: tuple[SourceView, ...]
    cluster: int | None
    status: str
    links: tuple[LinkView, ...]
    version: int
    # The family of variants (same claim, other numbers, dates or names) it belongs to.
    family: int | None = None

    @property
    def attributed(self) -> bool:
        return bool(self.sources)

    @property
    def flags(self) -> tuple[str, ...]:
        flags = []
        if self.kind == "claim" and not self.sources:
            flags.append("unattributed")
        if self.hedge:
            flags.append("hedged")
        if self.family is not None:
            flags.append("variants")
        return tuple(flags)

    def to_json(self) -> dict[str, Any]:
        doc = self.document
        return {
            "id": self.id,
            "document": {
                "id": doc.id,
                "path": doc.path,
                "sha256": doc.sha256,
                "title": doc.title,
                "version": doc.version,
            },
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "checkworthiness": round(self.checkworthiness, 3),
            "checkworthiness_reasons": list(self.reasons),
            "attributed": self.attributed,
            "hedge": self.hedge,
            "sources": [s.to_json() for s in self.sources],
            "flags": list(self.flags),
            "cluster": self.cluster,
            "status": self.status,
            "links": [
                {
                    "id": link.id,
                    "relation": link.relation,
                    "claim": link.target_claim,
                    "source": link.target_source,
                    "url": link.url,
                    "title": link.title,
                    "note": link.note,
                }
                for link in self.links
            ],
        }


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    document: str | None = None
    kind: str | None = None
    status: str | None = None
    statuses: tuple[str, ...] | None = None
    unattributed: bool = False
    source: str | None = None
    include_superseded: bool = False
    sort: Sort = "document"
    limit: int | None = None


def _with_document(query: Select[Claim, Document]) -> Select[Claim, Document]:
    # A claim needs its document's name, not its text: a whole article per row would make
    # a page of claims read (and a sort carry) megabytes.
    return query.join(Document, Claim.document_id == Document.id).options(defer(Document.text))


def listing_query(
    where: ClaimFilter, *, source_id: int | None = None, walk_source: bool = False
) -> Select[Claim, Document]:
    """The statement `iter_claims` runs (its plan is checked against the indexes).

    `source_id` is the id of `where.source` when it is known (PostgreSQL then plans with
    how often that source is cited). With `walk_source`, a source's claims are found by
    walking the listing's order and keeping those it cites, not by reading and sorting.
    """
    query = _with_document(select(Claim, Document))
    if not where.include_superseded:
        # The few superseded documents ruled out by their index: a condition on every
        # document would be read through that index too, losing the listing's order.
        superseded = select(Document.id).where(Document.superseded_by_id.is_not(None))
        query = query.where(Claim.document_id.not_in(superseded))
    if where.document is not None:
        if where.document.isdigit():
            query = query.where(Document.id == int(where.document))
        else:
            # Any name of the file: as typed at ingest, or any path that resolves to it.
            canonical = str(Path(where.document).resolve())
            query = query.where(
                or_(
                    Document.path.in_((where.document, canonical)),
                    Document.shown_path == where.document,
                )
            )
    if where.kind is not None:
        query = query.where(Claim.kind == where.kind)
    if where.status is not None:
        query = query.where(Claim.status == where.status)
    if where.statuses is not None:
        query = query.where(Claim.status.in_(where.statuses))
    if where.unattributed:
        query = query.where(Claim.kind == "claim", Claim.attributed.is_(False))
    if where.source is not None:
        source: Any = source_id
        if source is None:
            source = select(Source.id).where(Source.name == where.source).scalar_subquery()
        if walk_source:
            # Asked of each claim in turn, in the listing's order: the first page of a
            # source cited 50,000 times without reading and sorting all of its claims.
            query = query.where(
                select(Attribution.id)
                .where(Attribution.claim_id == Claim.id, Attribution.source_id == source)
                .exists()
            )
        else:
            cited = select(Attribution.claim_id).where(Attribution.source_id == source)
            query = query.where(Claim.id.in_(cited))
    if where.sort == "checkworthiness":
        query = query.order_by(Claim.checkworthiness.desc(), Claim.document_id, Claim.index)
    else:
        query = query.order_by(Document.path, Document.version, Claim.index)
    if where.limit is not None:
        query = query.limit(where.limit)
    return query


def iter_claims(db: Database, where: ClaimFilter = ClaimFilter()) -> Iterator[ClaimView]:
    """Claims in the requested order, loaded in batches so memory stays flat."""
    with db.session() as session:
        source_id, walk = _source_plan(session, where)
        query = listing_query(where, source_id=source_id, walk_source=walk)
        result = session.execute(query.execution_options(yield_per=BATCH))
        for rows in result.partitions():
            yield from _views(session, [(row[0], row[1]) for row in rows])


def _source_plan(session: Session, where: ClaimFilter) -> tuple[int | None, bool]:
    """The listed source's id, and whether its page is cheaper found walking the documents.

    Walking finds `limit` of a source's `cited` claims among `total` after about
    limit * total / cited claims; reading them all and sorting costs `cited`.
    """
    if where.source is None:
        return None, False
    source_id = session.scalar(select(Source.id).where(Source.name == where.source))
    if source_id is None or where.limit is None or where.sort != "document":
        return source_id, False
    cited = session.scalar(
        select(func.count()).select_from(Attribution).where(Attribution.source_id == source_id)
    )
    total = session.scalar(select(func.max(Claim.id))) or 0
    return source_id, (cited or 0) ** 2 > where.limit * total


def get_claim(db: Database, claim_id: int) -> ClaimView:
    """One claim, in full."""
    with db.session() as session:
        row = session.execute(
            _with_document(select(Claim, Document)).where(Claim.id == claim_id)
        ).first()
        if row is None:
            raise ClaimcheckError(f"there is no claim {claim_id}")
        (view,) = _views(session, [(row[0], row[1])])
        return view


def source_views(connection: Connection, claims: Any) -> dict[int, list[SourceView]]:
    """The sources of `claims` (ids, or a statement selecting them), by claim, in the order
    they were found. Columns, not ORM objects: reports read them for every claim."""
    owner = aliased(Source)
    query = (
        select(
            Attribution.claim_id,
            Attribution.source_text,
            Source.name,
            Source.kind,
            owner.name,
            Attribution.cue,
            Attribution.role,
            Attribution.medium,
            Attribution.source_start,
            Attribution.source_end,
            Attribution.cue_start,
            Attribution.cue_end,
            Attribution.confidence,
            Attribution.mention,
            Attribution.carried_from,
        )
        .join(Source, Attribution.source_id == Source.id)
        .outerjoin(owner, Source.owner_id == owner.id)
        .where(Attribution.claim_id.in_(claims))
        .order_by(Attribution.claim_id, Attribution.id)
    )
    sources: dict[int, list[SourceView]] = defaultdict(list)
    rows: Any = connection.execute(query).all()
    for row in rows:
        sources[row[0]].append(SourceView(*row[1:]))
    return sources


def _views(session: Session, rows: Sequence[tuple[Claim, Document]]) -> list[ClaimView]:
    ids = [claim.id for claim, _ in rows]
    sources = source_views(session.connection(), ids)
    clusters = dict(
        session.execute(
            select(ClusterMember.claim_id, ClusterMember.cluster_id).where(
                ClusterMember.claim_id.in_(ids)
            )
        ).all()
    )
    families = dict(
        session.execute(
            select(FamilyMember.claim_id, FamilyMember.family_id).where(
                FamilyMember.claim_id.in_(ids)
            )
        ).all()
    )
    links: dict[int, list[LinkView]] = defaultdict(list)
    for link, source_name in session.execute(
        select(Link, Source.name)
        .outerjoin(Source, Link.target_source_id == Source.id)
        .where(Link.claim_id.in_(ids))
        .order_by(Link.id)
    ):
        assert link.claim_id is not None
        links[link.claim_id].append(
            LinkView(
                link.id,
                link.relation,
                link.target_claim_id,
                source_name,
                link.url,
                link.title,
                link.note,
            )
        )
    return [
        ClaimView(
            id=claim.id,
            document=DocumentRef(
                doc.id, doc.shown_path or doc.path, doc.sha256, doc.title, doc.version
            ),
            index=claim.index,
            start=claim.start,
            end=claim.end,
            text=claim.text,
            kind=claim.kind,
            checkworthiness=claim.checkworthiness,
            reasons=tuple(claim.checkworthiness_reasons or ()),
            hedge=claim.hedge,
            sources=tuple(sources.get(claim.id, ())),
            cluster=clusters.get(claim.id),
            status=claim.status,
            links=tuple(links.get(claim.id, ())),
            version=claim.version,
            family=families.get(claim.id),
        )
        for claim, doc in rows
    ]
