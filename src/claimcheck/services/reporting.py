"""The data of a provenance report: one document or the whole corpus, read as it is written.

A report is plain data (frozen dataclasses) that the Markdown, HTML and JSON renderers
share. Claims, the unattributed section and the history are iterators over the database,
read in batches in a fixed order, so a report of any size takes flat memory and the same
database always gives the same report.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple
from urllib.parse import urlsplit

from sqlalchemy import (
    Connection,
    Select,
    String,
    bindparam,
    func,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import InstrumentedAttribute, Session

from claimcheck.core.origins import Appearance, Origin, origins
from claimcheck.errors import ClaimcheckError
from claimcheck.services.claims import (
    BATCH,
    ClaimFilter,
    ClaimView,
    DocumentRef,
    LinkView,
    SourceView,
    listing_query,
    source_views,
)
from claimcheck.services.review import (
    LinkInfo,
    NoteInfo,
    describe,
    link_info,
    link_query,
    note_info,
    note_query,
)
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    Attribution,
    AuditEntry,
    Claim,
    Cluster,
    ClusterMember,
    Document,
    FamilyMember,
    Link,
    Note,
    Reviewer,
    Source,
)

# Links that speak for a claim; a contradiction is shown but never counted as corroboration.
SUPPORTING = ("corroborates", "cites")
VERDICT_ACTIONS = ("status", "cluster_status")


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    id: int
    path: str
    version: int
    sha256: str
    title: str | None
    publisher: str | None
    url: str | None
    published: dt.date | None
    ingested_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Count:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    sentences: int
    claims: int
    attributed: int
    unattributed: int
    sources_by_kind: tuple[Count, ...]
    sources_by_name: tuple[Count, ...]
    statuses: tuple[Count, ...]
    clusters: int
    clustered_claims: int

    @property
    def attributed_share(self) -> float:
        return self.attributed / self.claims if self.claims else 0.0


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str
    reviewer: str | None
    at: dt.datetime
    note: str | None


@dataclass(frozen=True, slots=True)
class AppearanceRef:
    """Where a cluster's claim appears: a claim of a document."""

    claim_id: int
    document_id: int
    path: str
    title: str | None
    publisher: str | None
    url: str | None
    published: dt.date | None
    index: int


@dataclass(frozen=True, slots=True)
class ClusterInfo:
    id: int
    status: str
    canonical_claim_id: int | None
    appearances: tuple[AppearanceRef, ...]

    @property
    def first(self) -> AppearanceRef:
        return next(
            (a for a in self.appearances if a.claim_id == self.canonical_claim_id),
            self.appearances[0],
        )


class ReportClaim(NamedTuple):
    """A named tuple rather than a frozen dataclass, as one is made per claim: as immutable,
    and built several times faster."""

    view: ClaimView
    document: DocumentInfo
    links: tuple[LinkInfo, ...]
    notes: tuple[NoteInfo, ...]
    verdict: Verdict | None
    cluster: ClusterInfo | None
    origins: tuple[Origin, ...]


@dataclass(frozen=True, slots=True)
class HistoryItem:
    id: int
    at: dt.datetime
    reviewer: str | None
    action: str
    entity: str
    entity_id: int | None
    summary: str


# Where a report is cut in two: the first document, by (path, version), of the second part.
DocumentKey = tuple[str, int]
Part = Literal["first", "rest"]


class Report:
    """A report's scope and summary, with its long sections read on demand.

    A report may be cut in two at a document (`split`), for two processes to write: the
    first part is everything before that document's claims, the rest everything from them
    on. A part's writer leaves out what belongs to the other part.
    """

    def __init__(
        self,
        db: Database,
        document: DocumentInfo | None,
        summary: Summary,
        as_of: dt.datetime | None,
        part: Part | None = None,
        cut: DocumentKey | None = None,
    ) -> None:
        self.db = db
        self.document = document
        self.summary = summary
        # The last recorded change: a report shows no clock time of its own.
        self.as_of = as_of
        self.part = part
        self._cut = cut

    def split(self, share: float) -> tuple[Report, Report] | None:
        """The report in two parts, cut at the first document at which the first part holds
        `share` of the claims or more; None if no document leaves claims to both parts."""
        wanted = self.summary.sentences * share
        seen = 0
        with self.db.session() as session:
            query = _in_scope(
                select(Document.path, Document.version, func.count(Claim.id)).select_from(Claim),
                None if self.document is None else self.document.id,
            )
            rows = session.execute(
                query.group_by(Document.id, Document.path, Document.version).order_by(
                    Document.path, Document.version
                )
            ).all()
        for path, version, count in rows:
            if seen >= wanted:
                if seen == 0:
                    return None
                parts = [
                    Report(self.db, self.document, self.summary, self.as_of, part, (path, version))
                    for part in ("first", "rest")
                ]
                return parts[0], parts[1]
            seen += count
        return None

    @property
    def scope(self) -> str:
        return "corpus" if self.document is None else "document"

    def _filter(self, **kwargs: object) -> ClaimFilter:
        doc = None if self.document is None else str(self.document.id)
        return ClaimFilter(document=doc, **kwargs)  # type: ignore[arg-type]

    def claims(self, statuses: tuple[str, ...] | None = None) -> Iterator[ReportClaim]:
        """Every claim (or those with one of `statuses`) in document order, in full."""
        for batch in self.claim_batches(statuses):
            yield from batch

    def claim_batches(self, statuses: tuple[str, ...] | None = None) -> Iterator[list[ReportClaim]]:
        """The claims of `claims`, a batch at a time, for writers that render a batch whole."""
        with self.db.session() as session:
            connection = session.connection()
            for rows in _claim_rows(connection, self._filter(statuses=statuses), self._part()):
                yield _report_claims(connection, rows)

    def _part(self) -> Any:
        """The condition on the claims' documents that keeps this part's own claims."""
        if self._cut is None:
            return None
        key = tuple_(Document.path, Document.version)
        return key < self._cut if self.part == "first" else key >= self._cut

    def unattributed(self) -> Iterator[ClaimView]:
        """Statements of fact with no source, most check-worthy first."""
        for batch in self.unattributed_batches():
            yield from batch

    def unattributed_batches(self) -> Iterator[list[ClaimView]]:
        """The statements of `unattributed`, a batch at a time (of the whole scope, in
        either part: a writer writes them in the rest)."""
        with self.db.session() as session:
            connection = session.connection()
            for rows in _claim_rows(
                connection, self._filter(unattributed=True, sort="checkworthiness")
            ):
                # No sources to read: a claim is marked attributed when it is stored with
                # its attributions, and these are the claims stored without any.
                yield _views(rows, {}, {}, {}, {})

    def history(self) -> Iterator[HistoryItem]:
        """The audit log of the scope, oldest first."""
        return history(self.db, None if self.document is None else self.document.id)


def build_report(db: Database, document: str | None = None) -> Report:
    """The report of one document (by id or path; its current version) or of the corpus."""
    with db.session() as session:
        info = None if document is None else _document(session, document)
        summary = _summary(session, None if info is None else info.id)
        return Report(db, info, summary, session.scalar(select(func.max(AuditEntry.at))))


def _document_info(doc: Document) -> DocumentInfo:
    return DocumentInfo(
        doc.id,
        doc.path,
        doc.version,
        doc.sha256,
        doc.title,
        doc.publisher,
        doc.url,
        doc.published,
        doc.ingested_at,
    )


def _document(session: Session, ref: str) -> DocumentInfo:
    query = select(Document)
    if ref.isdigit():
        query = query.where(Document.id == int(ref))
    else:
        query = query.where(Document.path == ref, Document.superseded_by_id.is_(None))
    found = session.scalars(query).first()
    if found is None:
        raise ClaimcheckError(f"there is no document {ref}; `claimcheck claims` lists them")
    return _document_info(found)


def _in_scope(query: Select, document_id: int | None) -> Select:  # type: ignore[type-arg]
    query = query.join(Document, Claim.document_id == Document.id)
    if document_id is None:
        return query.where(Document.superseded_by_id.is_(None))
    return query.where(Document.id == document_id)


def _counts(session: Session, query: Select) -> tuple[Count, ...]:  # type: ignore[type-arg]
    rows = [(str(name), int(n)) for name, n in session.execute(query)]
    return tuple(Count(name, n) for name, n in sorted(rows, key=lambda r: (-r[1], r[0])))


def _summary(session: Session, document_id: int | None) -> Summary:
    documents = session.scalar(
        select(func.count())
        .select_from(Document)
        .where(
            Document.superseded_by_id.is_(None)
            if document_id is None
            else Document.id == document_id
        )
    )
    sentences, claims, attributed = session.execute(
        _in_scope(
            select(
                func.count(Claim.id),
                func.count(Claim.id).filter(Claim.kind == "claim"),
                func.count(Claim.id).filter(Claim.kind == "claim", Claim.attributed.is_(True)),
            ),
            document_id,
        )
    ).one()

    def cited(column: InstrumentedAttribute[str]) -> Select:  # type: ignore[type-arg]
        # Each source counted once per claim that cites it.
        query = (
            select(column, func.count(func.distinct(Attribution.claim_id)))
            .select_from(Attribution)
            .join(Source, Attribution.source_id == Source.id)
            .join(Claim, Attribution.claim_id == Claim.id)
        )
        return _in_scope(query, document_id).group_by(column)

    by_kind = _counts(session, cited(Source.kind))
    by_name = _counts(session, cited(Source.name))
    statuses = _counts(
        session,
        _in_scope(select(Claim.status, func.count()).select_from(Claim), document_id).group_by(
            Claim.status
        ),
    )
    clusters, clustered = session.execute(
        _in_scope(
            select(func.count(func.distinct(ClusterMember.cluster_id)), func.count())
            .select_from(ClusterMember)
            .join(Claim, ClusterMember.claim_id == Claim.id),
            document_id,
        )
    ).one()
    return Summary(
        documents=documents or 0,
        sentences=sentences,
        claims=claims,
        attributed=attributed,
        unattributed=claims - attributed,
        sources_by_kind=by_kind,
        sources_by_name=by_name,
        statuses=statuses,
        clusters=clusters,
        clustered_claims=clustered,
    )


# Columns, not ORM objects: a report reads every claim, and the document text with each
# would be read again and again.
_CLAIM_COLUMNS = (
    Claim.id,
    Claim.document_id,
    Claim.index,
    Claim.start,
    Claim.end,
    Claim.text,
    Claim.kind,
    Claim.checkworthiness,
    # As stored: most claims share a handful of reason lists, each decoded once.
    type_coerce(Claim.checkworthiness_reasons, String),
    Claim.hedge,
    Claim.status,
    Claim.version,
    Document.path,
    Document.sha256,
    Document.title,
    Document.version,
)
_DOCUMENT_COLUMNS = (
    Document.id,
    Document.path,
    Document.version,
    Document.sha256,
    Document.title,
    Document.publisher,
    Document.url,
    Document.published,
    Document.ingested_at,
)


def _among(column: Any, values: Iterable[int]) -> Any:
    """`column IN (values)` as one expanding parameter: a batch's thousands of ids are
    bound, not compiled into the statement one by one."""
    return column.in_(_bound(values))


def _bound(values: Iterable[int]) -> Any:
    return bindparam(None, sorted(values), expanding=True)


def _all(connection: Connection, query: Any) -> list[Any]:
    """Every row of a query at once: fetching rows one by one costs more than reading them."""
    return list(connection.execute(query).all())


def _claim_rows(
    connection: Connection, where: ClaimFilter, part: Any = None
) -> Iterator[Sequence[Any]]:
    query = listing_query(where).with_only_columns(*_CLAIM_COLUMNS)
    if part is not None:
        query = query.where(part)
    result = connection.execution_options(yield_per=BATCH).execute(query)
    yield from result.partitions()


def _views(
    rows: Sequence[Any],
    sources: dict[int, list[SourceView]],
    links: dict[int, list[LinkInfo]],
    members: dict[int, int],
    families: dict[int, int],
) -> list[ClaimView]:
    # One reference per document, shared by its claims.
    refs: dict[int, DocumentRef] = {}
    views = []
    for (
        claim_id,
        document_id,
        index,
        start,
        end,
        text,
        kind,
        checkworthiness,
        reasons,
        hedge,
        status,
        version,
        path,
        sha256,
        title,
        doc_version,
    ) in rows:
        ref = refs.get(document_id)
        if ref is None:
            ref = refs[document_id] = DocumentRef(document_id, path, sha256, title, doc_version)
        found = sources.get(claim_id)
        linked = links.get(claim_id)
        views.append(
            ClaimView(
                claim_id,
                ref,
                index,
                start,
                end,
                text,
                kind,
                checkworthiness,
                _reasons(reasons),
                hedge,
                tuple(found) if found else (),
                members.get(claim_id),
                status,
                _link_views(linked) if linked else (),
                version,
                families.get(claim_id),
            )
        )
    return views


def _reasons(stored: str | list[str] | None) -> tuple[str, ...]:
    """Reasons as the driver hands them back: JSON text (SQLite) or a decoded list."""
    if not stored:
        return ()
    if isinstance(stored, str):
        return _decoded(stored)
    return tuple(stored)


@functools.lru_cache(maxsize=1024)
def _decoded(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text) or ())


def _link_views(entries: Sequence[LinkInfo]) -> tuple[LinkView, ...]:
    return tuple(
        LinkView(e.id, e.relation, e.target_claim, e.target_source, e.url, e.title, e.note)
        for e in entries
    )


def _claims_of(document_ids: Iterable[int]) -> Select[int]:
    """The claims of a batch's documents: a few document ids to bind instead of thousands of
    claim ids (a document cut by the batch brings a few claims too many, never too few)."""
    return select(Claim.id).where(_among(Claim.document_id, document_ids))


def _report_claims(connection: Connection, rows: Sequence[Any]) -> list[ReportClaim]:
    document_ids = {row[1] for row in rows}
    batch = _claims_of(document_ids)
    documents = {
        row[0]: DocumentInfo(*row)
        for row in connection.execute(
            select(*_DOCUMENT_COLUMNS).where(_among(Document.id, document_ids))
        )
    }
    links = _links(connection, batch)
    notes = _notes(connection, batch)
    verdicts = _verdicts(connection, batch)
    linked = {
        link.target_claim
        for entries in links.values()
        for link in entries
        if link.target_claim is not None and link.relation in SUPPORTING
    }
    member = select(ClusterMember.claim_id, ClusterMember.cluster_id)
    members: dict[int, int] = dict(
        connection.execute(member.where(ClusterMember.claim_id.in_(batch))).all()
    )
    if linked - members.keys():
        members.update(
            connection.execute(
                member.where(_among(ClusterMember.claim_id, linked - members.keys()))
            ).all()
        )
    families: dict[int, int] = dict(
        connection.execute(
            select(FamilyMember.claim_id, FamilyMember.family_id).where(
                FamilyMember.claim_id.in_(batch)
            )
        ).all()
    )
    views = _views(rows, source_views(connection, batch), links, members, families)
    clusters = _clusters(connection, set(members.values()))
    # Appearances of the claims that clusters and links bring together: those of the batch
    # come from its views; only copies and linked claims outside the batch are read.
    others = {a.claim_id for c in clusters.values() for a in c.appearances} | linked
    appearances = {
        view.id: Appearance(*_appearance_of(view, documents[view.document.id]))
        for view in views
        if view.id in others or view.id in links
    }
    outlets = {a.claim_id: a.publisher or a.path for c in clusters.values() for a in c.appearances}
    appearances |= _appearances(connection, others - {view.id for view in views}, outlets)
    # Every copy in a cluster has the same origins unless links of its own add to them.
    of_cluster: dict[int, tuple[Origin, ...]] = {}
    out = []
    for view in views:
        cluster_id = members.get(view.id)
        if view.id in links:
            found = origins(_groups(view.id, links, members, clusters, appearances))
        elif cluster_id is None:
            # Most claims stand alone: one appearance, and many share one outlet and source.
            found = _alone(*_appearance_of(view, documents[view.document.id]))
        else:
            found = of_cluster.get(cluster_id) or of_cluster.setdefault(
                cluster_id, origins(_groups(view.id, links, members, clusters, appearances))
            )
        out.append(
            ReportClaim(
                view,
                documents[view.document.id],
                tuple(links.get(view.id, ())),
                tuple(notes.get(view.id, ())),
                verdicts.get(view.id),
                None if cluster_id is None else clusters[cluster_id],
                found,
            )
        )
    return out


@functools.lru_cache(maxsize=16384)
def _alone(primaries: tuple[str, ...], relays: tuple[str, ...], outlet: str) -> tuple[Origin, ...]:
    return origins([[Appearance(primaries, relays, outlet)]])


def _groups(
    claim_id: int,
    links: dict[int, list[LinkInfo]],
    members: dict[int, int],
    clusters: dict[int, ClusterInfo],
    appearances: dict[int, Appearance],
) -> list[list[Appearance]]:
    """A claim's copies, then each claim, source or page linked in its support."""
    groups = [_group(claim_id, members, clusters, appearances)]
    for link in links.get(claim_id, ()):
        if link.relation not in SUPPORTING:
            continue
        if link.target_claim is not None:
            groups.append(_group(link.target_claim, members, clusters, appearances))
        elif link.target_source is not None:
            groups.append([Appearance((link.target_source,))])
        elif link.url is not None:
            groups.append([Appearance((), (), _site(link.url))])
    return groups


def _site(url: str) -> str:
    """A linked page's outlet: its host name, so that pages of one site are one origin."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _group(
    claim_id: int,
    members: dict[int, int],
    clusters: dict[int, ClusterInfo],
    appearances: dict[int, Appearance],
) -> list[Appearance]:
    """A claim and its near-duplicate copies, earliest appearance first."""
    cluster_id = members.get(claim_id)
    if cluster_id is None:
        return [appearances[claim_id]] if claim_id in appearances else []
    cluster = clusters[cluster_id]
    first = cluster.first.claim_id
    ordered = [first] + [a.claim_id for a in cluster.appearances if a.claim_id != first]
    return [appearances[c] for c in ordered if c in appearances]


def _appearance_of(
    view: ClaimView, document: DocumentInfo
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The fields of a claim's `Appearance`, as a plain tuple: cheap to hash and compare."""
    outlet = document.publisher or document.path
    if not view.sources:
        return (), (), outlet
    primaries: list[str] = []
    relays: list[str] = []
    for source in view.sources:
        if source.role == "primary":
            primaries.append(source.canonical)
        elif source.role == "via":
            relays.append(source.canonical)
    return tuple(primaries), tuple(relays), outlet


def _appearances(
    connection: Connection, claim_ids: set[int], outlets: dict[int, str]
) -> dict[int, Appearance]:
    """Appearances of claims outside the batch; `outlets` has those of cluster members,
    read with their clusters."""
    if not claim_ids:
        return {}
    found: dict[int, tuple[list[str], list[str], str]] = {
        claim_id: ([], [], outlets[claim_id]) for claim_id in claim_ids if claim_id in outlets
    }
    if len(found) < len(claim_ids):
        for claim_id, publisher, path in _all(
            connection,
            select(Claim.id, Document.publisher, Document.path)
            .join(Document, Claim.document_id == Document.id)
            .where(_among(Claim.id, claim_ids - found.keys())),
        ):
            found[claim_id] = ([], [], publisher or path)
    for claim_id, role, name in _all(
        connection,
        select(Attribution.claim_id, Attribution.role, Source.name)
        .join(Source, Attribution.source_id == Source.id)
        .where(_among(Attribution.claim_id, claim_ids))
        .order_by(Attribution.claim_id, Attribution.id),
    ):
        primaries, relays, _ = found[claim_id]
        if role == "primary":
            primaries.append(name)
        elif role == "via":
            relays.append(name)
    return {
        claim_id: Appearance(tuple(primaries), tuple(relays), outlet)
        for claim_id, (primaries, relays, outlet) in found.items()
    }


def _clusters(connection: Connection, cluster_ids: set[int]) -> dict[int, ClusterInfo]:
    if not cluster_ids:
        return {}
    refs: dict[int, list[AppearanceRef]] = defaultdict(list)
    rows: Any = _all(
        connection,
        select(
            ClusterMember.cluster_id,
            Claim.id,
            Claim.document_id,
            Document.path,
            Document.title,
            Document.publisher,
            Document.url,
            Document.published,
            Claim.index,
        )
        .join(Claim, ClusterMember.claim_id == Claim.id)
        .join(Document, Claim.document_id == Document.id)
        .where(_among(ClusterMember.cluster_id, cluster_ids))
        .order_by(ClusterMember.cluster_id, Document.path, Document.version, Claim.index),
    )
    for row in rows:
        refs[row[0]].append(AppearanceRef(*row[1:]))
    return {
        cluster_id: ClusterInfo(cluster_id, status, canonical, tuple(refs[cluster_id]))
        for cluster_id, status, canonical in _all(
            connection,
            select(Cluster.id, Cluster.status, Cluster.canonical_claim_id).where(
                _among(Cluster.id, cluster_ids)
            ),
        )
        if refs[cluster_id]
    }


def _links(connection: Connection, claims: Select[int]) -> dict[int, list[LinkInfo]]:
    out: dict[int, list[LinkInfo]] = defaultdict(list)
    for row in _all(connection, link_query(Link.claim_id.in_(claims))):
        link = link_info(row)
        out[link.claim_id].append(link)
    return out


def _notes(connection: Connection, claims: Select[int]) -> dict[int, list[NoteInfo]]:
    out: dict[int, list[NoteInfo]] = defaultdict(list)
    for row in _all(connection, note_query(Note.claim_id.in_(claims))):
        note = note_info(row)
        out[note.claim_id].append(note)
    return out


def _verdicts(connection: Connection, claims: Select[int]) -> dict[int, Verdict]:
    """Each claim's latest status decision: who, when, and the note given with it."""
    out: dict[int, Verdict] = {}
    for entity_id, after, at, reviewer in _all(
        connection,
        select(AuditEntry.entity_id, AuditEntry.after, AuditEntry.at, Reviewer.name)
        .outerjoin(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
        .where(
            AuditEntry.entity == "claim",
            AuditEntry.entity_id.in_(claims),
            AuditEntry.action.in_(VERDICT_ACTIONS),
        )
        .order_by(AuditEntry.id),
    ):
        after = after or {}
        status = after.get("status")
        if entity_id is None or not isinstance(status, str):
            continue
        note = after.get("note")
        out[entity_id] = Verdict(status, reviewer, at, note if isinstance(note, str) else None)
    return out


def history(db: Database, document_id: int | None = None) -> Iterator[HistoryItem]:
    """Audit entries oldest first: all of them, or those about one document and its claims."""
    query = (
        select(AuditEntry, Reviewer.name)
        .outerjoin(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    if document_id is not None:
        claims = select(Claim.id).where(Claim.document_id == document_id)
        query = query.where(
            or_(
                (AuditEntry.entity == "document") & (AuditEntry.entity_id == document_id),
                (AuditEntry.entity == "claim") & AuditEntry.entity_id.in_(claims),
            )
        )
    with db.session() as session:
        result = session.execute(query.execution_options(yield_per=BATCH))
        for rows in result.partitions():
            yield from _history_items((row[0], row[1]) for row in rows)


def _history_items(rows: Iterable[tuple[AuditEntry, str | None]]) -> Iterator[HistoryItem]:
    for entry, reviewer in rows:
        yield HistoryItem(
            entry.id,
            entry.at,
            reviewer,
            entry.action,
            entry.entity,
            entry.entity_id,
            describe(entry.action, entry.entity, entry.entity_id, entry.before, entry.after),
        )
