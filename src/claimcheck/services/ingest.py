"""Ingest: files become documents, sentences become claims with their sources.

A transaction holds whole documents (several short ones together), so an error or an
interrupt leaves every document complete or absent. The same bytes at the same path are never stored
twice; changed bytes at a known path become a new version, and reviews carry over
to the sentences that survive in it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from claimcheck.core.analysis import SentenceAnalysis
from claimcheck.core.collector import frozen, young_collected_less
from claimcheck.core.dedupe import DEFAULT_THRESHOLDS, Thresholds
from claimcheck.core.prepare import Ahead, Prepared, ReadOptions, files_of, prepare_all, start
from claimcheck.core.vocabulary import DECIDED
from claimcheck.errors import ClaimcheckError, first_line
from claimcheck.services import clusters
from claimcheck.services.audit import record
from claimcheck.services.sources import SourceBook
from claimcheck.store.bulk import chunks, insert_rows, new_ids, read_rows
from claimcheck.store.engine import Database
from claimcheck.store.models import Attribution, Claim, ClaimPair, Document, Link, Note

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    reviewer: str | None = None
    thresholds: Thresholds = DEFAULT_THRESHOLDS


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Recheck:
    """A reviewed sentence of an old version that the new version no longer has."""

    path: str
    claim_id: int
    text: str


@dataclass(frozen=True, slots=True)
class StoredDocument:
    path: str
    version: int
    sentences: int
    kinds: Counter[str]
    unattributed: int


@dataclass(slots=True)
class IngestSummary:
    added: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    sentences: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    unattributed: int = 0
    carried_over: int = 0
    recheck: list[Recheck] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)
    stored: list[StoredDocument] = field(default_factory=list)
    dedupe: clusters.DedupeSummary | None = None

    @property
    def failed(self) -> bool:
        return bool(self.skipped)


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Skipped]]:
    files, missing = files_of(paths)
    return files, [Skipped(str(path), reason) for path, reason in missing]


def ingest(
    db: Database,
    paths: Sequence[Path],
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
    ahead: Ahead | None = None,
) -> IngestSummary:
    """Ingest the files at ``paths``. ``ahead``: a second process already preparing them
    (`claimcheck.core.prepare.start`, before the database was opened), which ingest
    uses if a core idles for it and ends otherwise."""
    files, skipped = discover(paths)
    with _one_ingest_at_a_time(db), _collector_spared():
        if ahead is not None:
            return _ingest(db, files, skipped, options, progress, ahead)
        # The second process, if one pays, forked before the registry is loaded: it loads
        # the attribution engine meanwhile (a first ingest seeds the registry: both take
        # about 0.3 s), and reads no more than its first task ahead: the first file is
        # analysed only once every file read ahead is read, and this process waits.
        ahead = start(files, options.read, background=False, read_ahead=0)
        try:
            return _ingest(db, files, skipped, options, progress, ahead)
        finally:
            if ahead is not None:
                ahead.close()


@contextmanager
def _collector_spared() -> Iterator[None]:
    """Ingest keeps every document's analyses until matching, and allocates fast: each of
    the collector's full passes walked all of that and everything loaded before (a
    tenth of the CPU time of ingesting short articles). What exists when ingest starts
    and when matching starts is frozen, left out of those passes; it is only ever freed
    by reference counting, which freezing does not stop. The freeze comes before
    `prepare_all` forks its second process, so that process inherits the parent's objects
    frozen and its collector does not walk them either (one started before, `ahead`,
    freezes its own). A program calling ingest that
    froze objects of its own keeps them as they are, and nothing is frozen (`frozen`).
    The youngest generation is collected less often meanwhile (`young_collected_less`)."""
    with frozen(), young_collected_less():
        yield


@contextmanager
def _one_ingest_at_a_time(db: Database) -> Iterator[None]:
    """On PostgreSQL, a second ingest waits for the first (an advisory lock held by a
    connection of its own): two storing at once would both create a new source, or both
    seed an empty registry, and one's documents would be refused. SQLite writes one
    transaction at a time already."""
    if db.engine.dialect.name != "postgresql":
        yield
        return
    with db.engine.connect() as connection:
        connection.execute(select(func.pg_advisory_lock(_INGEST_LOCK)))
        connection.commit()
        try:
            yield
        finally:
            connection.execute(select(func.pg_advisory_unlock(_INGEST_LOCK)))
            connection.commit()


# The advisory lock's key: a number other programs on the server are unlikely to use.
_INGEST_LOCK = 0x696E67657374


def _ingest(
    db: Database,
    files: Sequence[Path],
    skipped: Sequence[Skipped],
    options: IngestOptions,
    progress: Progress | None,
    ahead: Ahead | None,
) -> IngestSummary:
    with db.session() as session:
        book = SourceBook.load(session)
        known = {
            (path, sha)
            for path, sha in session.execute(
                select(Document.path, Document.sha256).where(Document.superseded_by_id.is_(None))
            )
        }
    outcomes: list[_Stored | Skipped] = list(skipped)
    batch: list[Prepared] = []
    sentences = 0
    try:
        done = 0
        for prepared in prepare_all(files, options.read, book.registry, known, ahead):
            if prepared is None:
                # The second process has not the next file ready: a moment to store what
                # is, so that less is left to store after the last file.
                if len(batch) >= EARLY_BATCH_DOCUMENTS:
                    outcomes += _store_batch(db, batch, book, options, _written(outcomes))
                    sentences = 0
                continue
            done += 1
            path = prepared.path
            if progress is not None:
                progress(done, len(files), str(path))
            if prepared.error is not None:
                outcomes.append(Skipped(str(path), prepared.error))
                continue
            batch.append(prepared)
            sentences += len(prepared.spans)
            if len(batch) >= BATCH_DOCUMENTS or sentences >= BATCH_SENTENCES:
                outcomes += _store_batch(db, batch, book, options, _written(outcomes))
                sentences = 0
    finally:
        # Also on Ctrl-C while the next file is prepared: what is prepared is stored.
        outcomes += _store_batch(db, batch, book, options, _written(outcomes))
    summary = _summary(outcomes)
    # This batch's documents, and any an interrupted batch stored without matching.
    with db.session() as session:
        pending = list(session.scalars(select(Document.id).where(Document.dedupe_pending)))
    if pending:
        with frozen():
            keys = {
                claim_id: found
                for done in outcomes
                if isinstance(done, _Stored) and done.version is not None
                for claim_id, found in zip(done.claim_ids, done.prepared.keys, strict=True)
                if found is not None
            }
            summary.dedupe = clusters.match_documents(db, pending, options.thresholds, keys)
    return summary


# Documents stored per transaction: for short articles a commit costs more than storing
# them. A transaction holds whole documents only, so each is still complete or absent.
BATCH_DOCUMENTS = 100
BATCH_SENTENCES = 5000
# While the second process prepares the next file, a batch of this many is stored already.
EARLY_BATCH_DOCUMENTS = 16


@dataclass(frozen=True, slots=True)
class _Current:
    """What storing needs of a document's current version."""

    id: int
    version: int
    sha256: str


@dataclass(slots=True)
class _Stored:
    """A document written in the batch's transaction, to count once it is committed."""

    document_id: int
    prepared: Prepared
    version: int | None  # None: the same bytes as the current version, nothing written
    previous: int | None = None  # the version it replaces
    carried_over: int = 0
    recheck: list[Recheck] = field(default_factory=list)
    claim_ids: list[int] = field(default_factory=list)  # in sentence order
    row: dict[str, object] | None = None  # the document's row, until it is inserted


def _store_batch(
    db: Database,
    batch: list[Prepared],
    book: SourceBook,
    options: IngestOptions,
    kept: int,
) -> list[_Stored | Skipped]:
    """Store the prepared documents of ``batch`` in one transaction, and empty it; return
    what became of each (``kept``: the documents written before, for the message should
    the database fail).

    When one of them fails, the batch is stored a document at a transaction instead, so
    that only that one is left out (or, for a fault of the database itself, so that the
    documents before it are kept); after Ctrl-C the documents written before it are
    stored, and the interrupt goes on.
    """
    if not batch:
        return []
    stored: list[_Stored] = []
    try:
        with db.session() as session:
            current = _current_versions(session, batch)
            for prepared in batch:
                stored.append(_store_one(session, prepared, current))
            _insert_documents(session, stored)
            _store_claims(session, [s for s in stored if s.version is not None], book, options)
    except Exception as error:
        book.forget_unsaved()
        alone = list(batch)
        batch.clear()
        if len(alone) == 1:
            return [_refused(alone[0], error, kept)]
        outcomes: list[_Stored | Skipped] = []
        for prepared in alone:
            outcomes += _store_batch(db, [prepared], book, options, kept + _written(outcomes))
        return outcomes
    except BaseException:
        book.forget_unsaved()
        written = batch[: len(stored)]
        batch.clear()
        _store_batch(db, written, book, options, kept)
        raise
    book.commit()
    batch.clear()
    return list(stored)


def _written(outcomes: Sequence[_Stored | Skipped]) -> int:
    """How many documents were written (not skipped, nor the same bytes again)."""
    return sum(isinstance(done, _Stored) and done.version is not None for done in outcomes)


def _refused(prepared: Prepared, error: Exception, kept: int) -> Skipped:
    """A document its transaction could not store."""
    path = prepared.path
    if isinstance(error, OperationalError):
        # The database itself failed (full disk, read-only file, lost connection): every
        # later file would fail the same way, so the ingest stops here.
        raise ClaimcheckError(
            f"cannot store {path}: the database refused the write "
            f"({first_line(error)}); the {kept} document(s) stored before it are kept"
        ) from error
    # A fault on one file is reported with its name; the batch goes on.
    if isinstance(error, SQLAlchemyError):
        reason = first_line(error)
    else:
        reason = f"{type(error).__name__}: {error}"
    return Skipped(str(path), f"{path}: not stored ({reason})")


def _summary(outcomes: Sequence[_Stored | Skipped]) -> IngestSummary:
    """The counts of an ingest, from what became of each file, in the order they came."""
    summary = IngestSummary()
    for done in outcomes:
        if isinstance(done, Skipped):
            summary.skipped.append(done)
            continue
        doc, analyses = done.prepared.doc, done.prepared.analyses
        assert doc is not None
        if done.version is None:
            summary.unchanged.append(doc.path)
            continue
        (summary.new_versions if done.version > 1 else summary.added).append(doc.path)
        summary.carried_over += done.carried_over
        summary.recheck.extend(done.recheck)
        kinds = Counter(analysis.kind for analysis in analyses)
        unattributed = sum(a.kind == "claim" and not a.attributed for a in analyses)
        summary.sentences += len(analyses)
        summary.kinds.update(kinds)
        summary.unattributed += unattributed
        summary.document_ids.append(done.document_id)
        summary.stored.append(
            StoredDocument(doc.path, done.version, len(analyses), kinds, unattributed)
        )
    return summary


def _current_versions(session: Session, batch: Sequence[Prepared]) -> dict[str, _Current]:
    """The current version of each path of the batch, canonical or as typed, in one query."""
    paths: set[str] = set()
    for prepared in batch:
        assert prepared.doc is not None
        paths.update((prepared.doc.canonical_path, prepared.doc.path))
    current: dict[str, _Current] = {}
    for id_, path, version, sha256 in session.execute(
        select(Document.id, Document.path, Document.version, Document.sha256)
        .where(Document.path.in_(sorted(paths)), Document.superseded_by_id.is_(None))
        .order_by(Document.version)
    ):
        current[path] = _Current(id_, version, sha256)
    return current


# One statement for every document, compiled once (building it per document costs more
# than the insert).
_DOCUMENTS = Document.metadata.tables["documents"]
_INSERT_DOCUMENT = insert(_DOCUMENTS).returning(_DOCUMENTS.c.id)


def _store_one(session: Session, prepared: Prepared, current: dict[str, _Current]) -> _Stored:
    """What the batch's transaction writes of one document: its row, its version and the
    version it replaces; ``current`` learns the version to be written. Until the batch's
    rows are inserted (`_insert_documents`), a document to be written has a negative id
    standing for it."""
    doc = prepared.doc
    assert doc is not None
    previous = current.get(doc.canonical_path)
    if previous is None and doc.path != doc.canonical_path:
        # Stored before paths were made canonical: by the path as it was typed then.
        previous = current.get(doc.path)
    if previous is not None and previous.sha256 == doc.sha256:
        return _Stored(previous.id, prepared, None)
    version = 1 if previous is None else previous.version + 1
    meta = doc.metadata
    row = {
        "path": doc.canonical_path,
        "shown_path": doc.path,
        "dedupe_pending": True,
        "version": version,
        "sha256": doc.sha256,
        "title": meta.title,
        "publisher": meta.publisher,
        "url": meta.url,
        "published": meta.published,
        "media_type": doc.media_type,
        "encoding": doc.encoding,
        "text": doc.text,
    }
    standing = min([0, *(c.id for c in current.values())]) - 1
    current[doc.canonical_path] = _Current(standing, version, doc.sha256)
    done = _Stored(standing, prepared, version, None if previous is None else previous.id)
    done.row = row
    return done


def _insert_documents(session: Session, stored: Sequence[_Stored]) -> None:
    """Insert the rows of the documents to be written, in order, and give each its id.

    On PostgreSQL the ids are drawn from the table's sequence in one statement and the rows
    copied in another, instead of a round trip to the server for each document; SQLite
    has no round trips, and inserts a row at a time."""
    written = [done for done in stored if done.row is not None]
    if not written:
        return
    if session.get_bind().dialect.name == "postgresql":
        ids = new_ids(session, _DOCUMENTS, len(written))
        rows = [
            {"id": id_, **done.row, "ingested_at": dt.datetime.now(dt.UTC)}
            for id_, done in zip(ids, written, strict=True)
            if done.row is not None
        ]
        insert_rows(session, _DOCUMENTS, rows)
    else:
        ids = [
            session.execute(_INSERT_DOCUMENT, done.row).scalar_one()
            for done in written
            if done.row is not None
        ]
    real = {done.document_id: id_ for done, id_ in zip(written, ids, strict=True)}
    for done in stored:
        done.document_id = real.get(done.document_id, done.document_id)
        if done.previous is not None:
            done.previous = real.get(done.previous, done.previous)
        done.row = None


def _store_claims(
    session: Session, stored: Sequence[_Stored], book: SourceBook, options: IngestOptions
) -> None:
    """The claims and attributions of the documents written, reviews carried over to the
    new versions, and each document's audit entry, in document order."""
    claim_ids = _insert_claims(session, stored, book)
    for done, ids in zip(stored, claim_ids, strict=True):
        doc, spans = done.prepared.doc, done.prepared.spans
        assert doc is not None
        done.claim_ids = ids
        if done.previous is not None:
            session.execute(
                update(Document)
                .where(Document.id == done.previous)
                .values(superseded_by_id=done.document_id)
                .execution_options(synchronize_session=False)
            )
            done.carried_over, lost = _carry_over(session, done.previous, ids, doc.text, spans)
            done.recheck = [Recheck(doc.path, cid, text) for cid, text in lost]
        record(
            session,
            reviewer=options.reviewer,
            action="ingest",
            entity="document",
            entity_id=done.document_id,
            before=None,
            after={
                "path": doc.canonical_path,
                "shown_path": doc.path,
                "sha256": doc.sha256,
                "version": done.version,
                "claims": len(spans),
            },
        )


def _insert_claims(
    session: Session, stored: Sequence[_Stored], book: SourceBook
) -> list[list[int]]:
    """Insert the claims and attributions of the documents, all in one statement each;
    return each document's claim ids in sentence order."""
    rows: list[dict[str, object]] = []
    for done in stored:
        doc, spans, analyses = done.prepared.doc, done.prepared.spans, done.prepared.analyses
        assert doc is not None
        rows.extend(_claim_rows(done.document_id, doc.text, spans, analyses))
    # Straight to the driver (the ORM's bulk insert costs more than the database's own
    # work), then the ids in sentence order: RETURNING with a guaranteed order makes
    # SQLite insert a row at a time.
    insert_rows(session, Claim.metadata.tables["claims"], rows)
    by_document: dict[int, list[int]] = {done.document_id: [] for done in stored}
    documents = list(by_document)
    for chunk in chunks(documents, 500):
        for document_id, claim_id in read_rows(
            session,
            select(Claim.document_id, Claim.id)
            .where(Claim.document_id.in_(chunk))
            .order_by(Claim.document_id, Claim.index),
        ):
            by_document[document_id].append(claim_id)
    attributions = [
        (claim_id, attribution)
        for done in stored
        for claim_id, analysis in zip(
            by_document[done.document_id], done.prepared.analyses, strict=True
        )
        for attribution in analysis.attributions
    ]
    source_ids = book.source_ids(session, [attribution for _, attribution in attributions])
    attribution_rows = [
        {
            "claim_id": claim_id,
            "source_id": source_id,
            "source_text": found.source_text,
            "source_start": found.source_start,
            "source_end": found.source_end,
            "cue": found.cue,
            "cue_start": found.cue_start,
            "cue_end": found.cue_end,
            "content_start": found.content_start,
            "content_end": found.content_end,
            "role": found.role,
            "medium": found.medium,
            "confidence": found.confidence,
            "mention": found.mention,
            "carried_from": found.carried_from,
        }
        for (claim_id, found), source_id in zip(attributions, source_ids, strict=True)
    ]
    insert_rows(session, Attribution.metadata.tables["attributions"], attribution_rows)
    return [by_document[done.document_id] for done in stored]


def _claim_rows(
    document_id: int,
    text: str,
    spans: Sequence[tuple[int, int]],
    analyses: Sequence[SentenceAnalysis],
) -> list[dict[str, object]]:
    return [
        {
            "document_id": document_id,
            "index": index,
            "start": start,
            "end": end,
            "text": text[start:end],
            "kind": analysis.kind,
            "checkworthiness": analysis.checkworthiness,
            "checkworthiness_reasons": analysis.reasons,  # a tuple: see insert_rows
            "hedge": analysis.hedge,
            "attributed": analysis.attributed,
            "status": "unreviewed",
            "version": 1,
        }
        for index, ((start, end), analysis) in enumerate(zip(spans, analyses, strict=True))
    ]


def _carry_over(
    session: Session,
    old_document_id: int,
    new_ids: Sequence[int],
    text: str,
    spans: Sequence[tuple[int, int]],
) -> tuple[int, list[tuple[int, str]]]:
    """Move reviews from an old version's claims to the same sentences in the new version.

    A sentence is found again by its text; where the text repeats, the copy whose
    neighbours match best wins, then the nearest position.
    """
    old = list(
        session.execute(
            select(Claim.id, Claim.index.label("position"), Claim.text, Claim.status)
            .where(Claim.document_id == old_document_id)
            .order_by(Claim.index)
        )
    )
    ids = [c.id for c in old]
    # A sentence counts as reviewed if it has a status, a note, a link (either way) or a
    # decision on a near-duplicate pair.
    reviewed = {c.id for c in old if c.status != "unreviewed"}
    for column in (Note.claim_id, Link.claim_id, Link.target_claim_id):
        reviewed.update(session.scalars(select(column).where(column.in_(ids))))
    for column in (ClaimPair.claim_a_id, ClaimPair.claim_b_id):
        reviewed.update(
            session.scalars(select(column).where(column.in_(ids), ClaimPair.state.in_(DECIDED)))
        )
    new_texts = [text[s:e] for s, e in spans]
    positions: dict[str, list[int]] = {}
    for index, sentence in enumerate(new_texts):
        positions.setdefault(sentence, []).append(index)
    old_texts = [c.text for c in old]

    def context_score(old_index: int, new_index: int) -> tuple[int, int]:
        def at(texts: Sequence[str], i: int) -> str | None:
            return texts[i] if 0 <= i < len(texts) else None

        same = sum(at(old_texts, old_index + d) == at(new_texts, new_index + d) for d in (-1, 1))
        return same, -abs(old_index - new_index)

    carried = 0
    lost: list[tuple[int, str]] = []
    taken: set[int] = set()
    for claim in old:
        if claim.id not in reviewed:
            continue
        options = [i for i in positions.get(claim.text, []) if i not in taken]
        if not options:
            lost.append((claim.id, claim.text))
            continue
        target_index = max(options, key=lambda i: context_score(claim.position, i))
        taken.add(target_index)
        target = new_ids[target_index]
        session.execute(
            update(Claim)
            .where(Claim.id == target)
            .values(status=claim.status, version=Claim.version + 1)
        )
        session.execute(update(Note).where(Note.claim_id == claim.id).values(claim_id=target))
        session.execute(update(Link).where(Link.claim_id == claim.id).values(claim_id=target))
        session.execute(
            update(Link).where(Link.target_claim_id == claim.id).values(target_claim_id=target)
        )
        _carry_decisions(session, claim.id, target)
        record(
            session,
            reviewer=None,
            action="carry_over",
            entity="claim",
            entity_id=target,
            before={"claim": claim.id},
            after={"claim": target},
        )
        carried += 1
    return carried, lost


def _carry_decisions(session: Session, old: int, new: int) -> None:
    """A reviewer's confirmed or rejected pairs follow the sentence into its new version."""
    for pair in session.scalars(
        select(ClaimPair).where(
            ClaimPair.state.in_(DECIDED),
            or_(ClaimPair.claim_a_id == old, ClaimPair.claim_b_id == old),
        )
    ).all():
        other = pair.claim_b_id if pair.claim_a_id == old else pair.claim_a_id
        a, b = sorted((other, new))
        if a != b and session.get(ClaimPair, (a, b)) is None:
            session.add(ClaimPair(claim_a_id=a, claim_b_id=b, score=pair.score, state=pair.state))
        session.delete(pair)
