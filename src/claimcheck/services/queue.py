"""The review queue: claims in triage order, read a page at a time.

Triage order: unreviewed claims first; within them the unattributed ones first, then the
most check-worthy; the claim id breaks ties. Pages are keyset pages (the next page starts
after the last row's sort key), so page 400 of 100k claims costs what page 1 costs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    column,
    false,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from claimcheck.services import claim_texts
from claimcheck.services.triage import TriageKey, current, key_of, triage_page
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    Attribution,
    Claim,
    ClaimPair,
    ClusterMember,
    Document,
    Family,
    Source,
    SourceAlias,
)

PAGE = 300
# A search matching more claims than this passes their ids as one parameter.
SEARCH_IDS = 5000


@dataclass(frozen=True, slots=True)
class QueueFilter:
    """What the queue shows. Without a kind, only claims proper (no headlines, boilerplate)."""

    status: str | None = None
    unattributed: bool = False
    kind: str | None = None
    all_kinds: bool = False
    source: str | None = None
    document: str | None = None
    cluster: int | None = None
    search: str | None = None

    def describe(self) -> str:
        """The active filters in a few words, for the header line."""
        parts = []
        if self.status:
            parts.append(f"status {self.status}")
        if self.unattributed:
            parts.append("unattributed")
        if self.kind:
            parts.append(f"kind {self.kind}")
        elif self.all_kinds:
            parts.append("all kinds")
        if self.source:
            parts.append(f"source {self.source}")
        if self.document:
            parts.append(f"document {self.document}")
        if self.cluster is not None:
            parts.append(f"cluster {self.cluster}")
        if self.search:
            parts.append(f'search "{self.search}"')
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class QueueRow:
    id: int
    status: str
    kind: str
    flags: tuple[str, ...]
    source: str | None
    document: str
    index: int
    text: str
    checkworthiness: float
    cluster: int | None
    version: int
    key: TriageKey


@dataclass(frozen=True, slots=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    more: bool


@dataclass(frozen=True, slots=True)
class QueueCounts:
    unreviewed: int
    unattributed: int
    suggestions: int
    families: int = 0


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    id: int
    text: str
    document: str
    index: int


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.casefold()}%"


def _sources_matching(text: str) -> Select[int]:
    """The ids of claims attributed to a registry source whose name or an alias holds `text`.

    The few matching sources are found first, then their claims through the
    attributions' source index. Matching each attribution's words as written ("team
    member Rodaba Noori") read every attribution for each statement of a page, half
    the cost of a search at 100k claims; those words name a registry source, which is
    matched here by its name and aliases, and when they stand in the claim's sentence
    the text search finds them there."""
    pattern = _like(text)
    by_alias = select(SourceAlias.source_id).where(
        func.lower(SourceAlias.alias).like(pattern, escape="\\")
    )
    sources = select(Source.id).where(
        or_(func.lower(Source.name).like(pattern, escape="\\"), Source.id.in_(by_alias))
    )
    return select(Attribution.claim_id).where(Attribution.source_id.in_(sources))


def _ids_in(session: Session, ids: list[int]) -> ColumnElement[bool]:
    """`Claim.id` is one of `ids`: a few as a list, many as one parameter (an array), which
    spares building and binding a parameter each."""
    if len(ids) <= SEARCH_IDS:
        return Claim.id.in_(ids)
    if session.get_bind().dialect.name == "postgresql":
        return Claim.id == any_(bindparam("found", ids, type_=ARRAY(Integer)))
    listed = select(column("value", Integer)).select_from(func.json_each(json.dumps(ids)))
    return Claim.id.in_(listed.scalar_subquery())


def _searched(db: Database, session: Session, text: str) -> ColumnElement[bool]:
    """Claims whose text or source holds `text`.

    The matching claims are found first (their texts from memory, services.claim_texts;
    their sources in the registry's few names) and the walk through triage order
    checks only their ids, which its index holds."""
    found = set(claim_texts.containing(db, session, text))
    found.update(session.scalars(_sources_matching(text)))
    if not found:
        return false()
    return _ids_in(session, sorted(found))


def _where(db: Database, session: Session, where: QueueFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [current()]
    if where.kind:
        conditions.append(Claim.kind == where.kind)
    elif not where.all_kinds:
        conditions.append(Claim.kind == "claim")
    if where.status:
        conditions.append(Claim.status == where.status)
    if where.unattributed:
        conditions.append(and_(Claim.kind == "claim", Claim.attributed.is_(False)))
    if where.source:
        cited = (
            select(Attribution.claim_id)
            .join(Source, Attribution.source_id == Source.id)
            .where(func.lower(Source.name) == where.source.strip().casefold())
        )
        conditions.append(Claim.id.in_(cited))
    if where.document:
        ref = where.document.strip()
        documents = select(Document.id).where(
            Document.id == int(ref)
            if ref.isdigit()
            else func.lower(Document.path).like(_like(ref), escape="\\")
        )
        conditions.append(Claim.document_id.in_(documents))
    if where.cluster is not None:
        members = select(ClusterMember.claim_id).where(ClusterMember.cluster_id == where.cluster)
        conditions.append(Claim.id.in_(members))
    if where.search and where.search.strip():
        conditions.append(_searched(db, session, where.search.strip()))
    return conditions


def page(
    db: Database,
    where: QueueFilter = QueueFilter(),
    after: TriageKey | None = None,
    size: int = PAGE,
) -> QueuePage:
    """Up to `size` rows in triage order, starting after `after`, walked through the
    triage index (services.triage) rather than sorted whole for each page."""
    kind = where.kind or (None if where.all_kinds else "claim")
    with db.session() as session:
        keys = triage_page(
            session, _where(db, session, where), kind=kind, after=after, size=size + 1
        )
        ids = [k.id for k in keys]
        return QueuePage(tuple(_rows(session, ids[:size])), len(ids) > size)


def last_page(
    db: Database,
    where: QueueFilter = QueueFilter(),
    before: TriageKey | None = None,
    size: int = PAGE,
) -> QueuePage:
    """Up to `size` rows in triage order ending just before `before` (at the very end of
    the queue when None), read backwards through the triage index; `more` says whether
    rows come before them."""
    kind = where.kind or (None if where.all_kinds else "claim")
    with db.session() as session:
        keys = triage_page(
            session,
            _where(db, session, where),
            kind=kind,
            after=before,
            size=size + 1,
            backwards=True,
        )
        ids = [k.id for k in reversed(keys[:size])]
        return QueuePage(tuple(_rows(session, ids)), len(keys) > size)


def rows(db: Database, claim_ids: Sequence[int]) -> list[QueueRow]:
    """The queue rows of these claims (to patch a changed row in place), in the given order."""
    with db.session() as session:
        return _rows(session, claim_ids)


def _rows(session: Session, claim_ids: Sequence[int]) -> list[QueueRow]:
    if not claim_ids:
        return []
    found = {
        claim.id: (claim, path)
        for claim, path in session.execute(
            select(Claim, Document.path)
            .join(Document, Claim.document_id == Document.id)
            .where(Claim.id.in_(claim_ids))
        )
    }
    first_source: dict[int, str] = {}
    for claim_id, name in session.execute(
        select(Attribution.claim_id, Source.name)
        .join(Source, Attribution.source_id == Source.id)
        .where(Attribution.claim_id.in_(claim_ids))
        .order_by(Attribution.claim_id, Attribution.id)
    ):
        first_source.setdefault(claim_id, name)
    clusters = dict(
        session.execute(
            select(ClusterMember.claim_id, ClusterMember.cluster_id).where(
                ClusterMember.claim_id.in_(claim_ids)
            )
        ).all()
    )
    out = []
    for claim_id in claim_ids:
        if claim_id not in found:
            continue
        claim, path = found[claim_id]
        unattributed = claim.kind == "claim" and not claim.attributed
        flags = (("unattributed",) if unattributed else ()) + (("hedged",) if claim.hedge else ())
        out.append(
            QueueRow(
                id=claim.id,
                status=claim.status,
                kind=claim.kind,
                flags=flags,
                source=first_source.get(claim.id),
                document=path,
                index=claim.index,
                text=claim.text,
                checkworthiness=claim.checkworthiness,
                cluster=clusters.get(claim.id),
                version=claim.version,
                key=key_of(
                    claim.status, claim.kind, claim.attributed, claim.checkworthiness, claim.id
                ),
            )
        )
    return out


def counts(db: Database) -> QueueCounts:
    """What is left to do: unreviewed claims, the unattributed among them, pairs and
    families of variants to decide (variant pairs are decided a family at a time)."""
    with db.session() as session:
        left = (
            select(func.count())
            .select_from(Claim)
            .where(current(), Claim.kind == "claim", Claim.status == "unreviewed")
        )
        unreviewed = session.scalar(left) or 0
        unattributed = session.scalar(left.where(Claim.attributed.is_(false()))) or 0
        stale = select(Claim.id).join(Document, Claim.document_id == Document.id)
        stale = stale.where(Document.superseded_by_id.is_not(None))
        suggestions = (
            session.scalar(
                select(func.count())
                .select_from(ClaimPair)
                .where(
                    ClaimPair.state == "suggested",
                    ~ClaimPair.variant,
                    ClaimPair.claim_a_id.not_in(stale),
                    ClaimPair.claim_b_id.not_in(stale),
                )
            )
            or 0
        )
        waiting = select(func.count()).select_from(Family).where(Family.status == "unreviewed")
        families = session.scalar(waiting) or 0
        return QueueCounts(unreviewed, unattributed, suggestions, families)


def find_claims(
    db: Database, text: str, *, exclude: int | None = None, limit: int = 20
) -> list[ClaimMatch]:
    """Claims of current documents whose text holds `text` (any case, as the queue's search
    finds it), in id order, for picking a link target."""
    term = text.strip()
    if not term:
        return []
    found: list[ClaimMatch] = []
    with db.session() as session:
        ids = claim_texts.containing(db, session, term)
        # Claims of superseded versions are among them: taken a page at a time until
        # `limit` are current.
        for start in range(0, len(ids), _FIND_PAGE):
            query = (
                select(Claim.id, Claim.text, Document.path, Claim.index)
                .join(Document, Claim.document_id == Document.id)
                .where(
                    Document.superseded_by_id.is_(None),
                    Claim.id.in_(ids[start : start + _FIND_PAGE]),
                    Claim.id != exclude if exclude is not None else true(),
                )
                .order_by(Claim.id)
                .limit(limit - len(found))
            )
            found += [ClaimMatch(*row) for row in session.execute(query)]
            if len(found) == limit:
                break
    return found


_FIND_PAGE = 500


def find_sources(db: Database, text: str, *, limit: int = 20) -> list[str]:
    """Registry sources whose name or an alias holds `text` (any case), names in order."""
    pattern = _like(text.strip())
    by_alias = select(SourceAlias.source_id).where(
        func.lower(SourceAlias.alias).like(pattern, escape="\\")
    )
    query = (
        select(Source.name)
        .where(or_(func.lower(Source.name).like(pattern, escape="\\"), Source.id.in_(by_alias)))
        .order_by(func.lower(Source.name))
        .limit(limit)
    )
    with db.session() as session:
        return list(session.scalars(query))
