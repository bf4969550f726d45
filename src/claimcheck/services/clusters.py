"""Near-identical claims: matching, clusters, and reviewers' decisions on them.

Scored pairs live in `claim_pairs`: `automatic` (joined without review), `suggested`
(for a reviewer), and the reviewers' `confirmed` and `rejected` decisions, which no
recomputation overrides. Clusters are the connected groups of automatic and confirmed
pairs; they are rebuilt from the pairs after every change, keeping each group's
cluster id (and so its verdict and links) where the group survives.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session, aliased

from claimcheck.core.matches import (
    DEFAULT_THRESHOLDS,
    Match,
    Thresholds,
    clusters,
    components,
    family_groups,
    spanning,
)
from claimcheck.core.vocabulary import DECIDED, MEMBER_STATES
from claimcheck.errors import ClaimcheckError, StaleWrite
from claimcheck.services.audit import flush_or_refuse, record, refusal, touch
from claimcheck.store.bulk import among, among_pairs, chunks, insert_rows, new_ids, read_rows
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    Attribution,
    AuditEntry,
    Base,
    Claim,
    ClaimPair,
    ClaimSignature,
    Cluster,
    ClusterMember,
    CommonWord,
    DedupeThresholds,
    Document,
    Family,
    FamilyMember,
    Source,
)
from claimcheck.store.statistics import analyze_unknown

T = TypeVar("T")

# The matching engine (numpy, rapidfuzz) is imported where matching happens: reading a
# cluster, as `claimcheck show` does, starts faster without it.
if TYPE_CHECKING:
    from claimcheck.core.dedupe import ClaimIndex, ClaimKeys, Signature, Signatures


@dataclass(frozen=True, slots=True)
class DedupeSummary:
    claims: int
    automatic: int
    suggested: int
    clusters: int
    clustered_claims: int
    families: int = 0


@dataclass(frozen=True, slots=True)
class MemberView:
    claim_id: int
    document: str
    index: int
    text: str
    state: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClusterView:
    id: int
    status: str
    canonical_claim_id: int | None
    canonical_text: str
    size: int
    documents: tuple[str, ...]
    sources: tuple[str, ...]
    members: tuple[MemberView, ...]


@dataclass(frozen=True, slots=True)
class VariantView:
    """The members of a family that say the same where it differs ("killed 328")."""

    differs: str
    claim_ids: tuple[int, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FamilyView:
    id: int
    status: str
    canonical_claim_id: int | None
    canonical_text: str
    size: int
    variants: tuple[VariantView, ...]  # most members first; the canonical claim's first
    members: tuple[MemberView, ...]


@dataclass(frozen=True, slots=True)
class SuggestionView:
    a: int
    b: int
    score: float
    reason: str | None
    text_a: str
    text_b: str
    document_a: str
    document_b: str


def _candidates(session: Session) -> list[int]:
    """The ids of every current claim of kind `claim`, in order."""
    query = (
        select(Claim.id)
        # Kind as an expression, not the column: SQLite would reach the claims through the
        # index on kind, a row at a time in rank order, and sort them by id; scanning the
        # table in id order took a tenth of that (0.3 s against 3.8 s at 200,000 claims).
        # The few superseded documents are ruled out by subquery rather than every claim
        # joined to its document: a plan linear in the claims whatever the statistics say.
        .where(Claim.kind.concat("") == "claim", Claim.document_id.not_in(_replaced_documents()))
        .order_by(Claim.id)
    )
    return [claim_id for (claim_id,) in read_rows(session, query)]


def _fetcher(session: Session) -> Callable[[Sequence[int]], dict[int, str]]:
    def fetch(ids: Sequence[int]) -> dict[int, str]:
        return dict(_claim_rows(session, select(Claim.id, Claim.text), ids))

    return fetch


def _claim_rows(session: Session, query: Select[int, T], ids: Sequence[int]) -> list[tuple[int, T]]:
    """The rows of ``query`` (selecting a claim's id first) for the claims ``ids``."""
    out: list[tuple[int, T]] = []
    for chunk in chunks(sorted(ids)):
        if chunk[-1] - chunk[0] < _DENSE * len(chunk):
            # Most claims of the range are wanted (the candidates of a whole corpus):
            # reading the range costs a fifth of binding thousands of ids.
            wanted = set(chunk)
            rows = read_rows(session, query.where(Claim.id.between(chunk[0], chunk[-1])))
            out += [row for row in rows if row[0] in wanted]
        else:
            out += read_rows(session, query.where(among(session, Claim.id, chunk)))
    return out


_DENSE = 8  # ids a wanted one in a range read whole


# Signatures read at once: the rows of a million claims cost a gigabyte held together.
_SIGNATURE_CHUNK = 100_000


def _stored_signatures(session: Session, ids: Sequence[int]) -> Signatures:
    """The stored signatures of the claims ``ids`` (ascending), read a range of ids at a
    time into arrays."""
    from claimcheck.core.dedupe import Signatures

    columns = select(ClaimSignature.claim_id, ClaimSignature.copy_key, ClaimSignature.bands)
    query = columns.order_by(ClaimSignature.claim_id).limit(_SIGNATURE_CHUNK)

    def chunks_read() -> Iterable[list[tuple[int, int, bytes | None]]]:
        last = None
        while True:
            rows = read_rows(
                session, query if last is None else query.where(ClaimSignature.claim_id > last)
            )
            if not rows:
                return
            yield rows
            last = rows[-1][0]

    return Signatures.read(ids, chunks_read())


def _common(session: Session) -> frozenset[str] | None:
    words = frozenset(session.scalars(select(CommonWord.word)))
    # Decided once the corpus reached enough claims; an empty table means not yet.
    return words or None


def _save_index(
    session: Session, index: ClaimIndex, common: frozenset[str] | None
) -> dict[int, Signature]:
    """Store what the index computed: the common words once decided, the signatures of the
    claims it hashed (returned)."""
    if common is None and index.common:
        _insert(session, CommonWord, [{"word": word} for word in sorted(index.common)])
    signatures = index.signatures()
    _save_signatures(session, signatures)
    return signatures


def _save_signatures(session: Session, signatures: Mapping[int, Signature]) -> None:
    ids = sorted(signatures)
    for chunk in chunks(ids):
        session.execute(
            delete(ClaimSignature).where(among(session, ClaimSignature.claim_id, chunk))
        )
    rows = [
        {
            "claim_id": claim_id,
            "copy_key": signatures[claim_id][0],
            "bands": signatures[claim_id][1],
        }
        for claim_id in ids
    ]
    _insert(session, ClaimSignature, rows)


def _one_matcher(session: Session) -> None:
    """Wait for any other matching to commit: two ingests matching at once would each
    rewrite the groups from what it saw. PostgreSQL lets both run until a lock is asked
    for; SQLite writes one transaction at a time already."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(_MATCHING_LOCK)))


# The advisory lock's key: any number other programs on the server are unlikely to use.
_MATCHING_LOCK = 0x636C61696D


def _matched_with(session: Session, thresholds: Thresholds) -> None:
    """Keep the thresholds the stored pairs are matched with."""
    session.merge(
        DedupeThresholds(
            id=1, upper=thresholds.upper, lower=thresholds.lower, min_words=thresholds.min_words
        )
    )


def _thresholds(session: Session) -> Thresholds:
    """The thresholds the stored pairs were matched with (the defaults before any)."""
    row = session.get(DedupeThresholds, 1)
    if row is None:
        return DEFAULT_THRESHOLDS
    return Thresholds(upper=row.upper, lower=row.lower, min_words=row.min_words)


def _insert(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    insert_rows(session, Base.metadata.tables[model.__tablename__], rows)


# The tables matching the whole corpus reads whole or joins.
_READ_WHOLE = (
    "documents",
    "claims",
    "claim_signatures",
    "claim_pairs",
    "cluster_members",
    "family_members",
)


def dedupe_all(db: Database, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> DedupeSummary:
    """Match every current claim against every other, from their stored signatures, then
    rebuild the clusters and families."""
    from claimcheck.core.dedupe import ClaimIndex
    from claimcheck.services import band_runs

    with db.session() as session:
        _one_matcher(session)
        # Tables filled in bulk just before (a restore, a script) may not be analyzed yet.
        analyze_unknown(session, _READ_WHOLE)
        _matched_with(session, thresholds)
        ids = _candidates(session)
        common = _common(session)
        index = ClaimIndex(thresholds, common=common, fetch=_fetcher(session))
        # Texts are fetched for the claims that need them: those without a signature and
        # those of candidate pairs.
        matches = index.add(ids, [None] * len(ids), signatures=_stored_signatures(session, ids))
        saved = _save_index(session, index, common)
        if any(bands is not None for _, bands in saved.values()) or not band_runs.present(session):
            band_runs.rebuild(session)
        decided = _decided(session)
        # Confirmed pairs join claims before any match does.
        confirmed = [
            Match(a, b, 100.0, True) for (a, b), state in decided.items() if state == "confirmed"
        ]
        ids_confirmed = sorted({c for m in confirmed for c in (m.a, m.b)})
        joined = {c: n for n, group in enumerate(clusters(ids_confirmed, confirmed)) for c in group}
        kept = spanning(index.without(matches, decided), joined, joined)
        _replace_pairs(session, kept)
        _rebuild(session)
        _matched(session, Document.dedupe_pending.is_(True))
        return _summary(session, len(ids))


def match_documents(
    db: Database,
    document_ids: Sequence[int],
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    keys: Mapping[int, ClaimKeys] | None = None,
) -> DedupeSummary:
    """Match the claims of newly ingested documents against the corpus, without redoing it.

    Of the corpus, only the claims that may match the batch are read: those holding one of
    its copy keys, and those sharing a MinHash band with it, found in the stored band runs.
    Texts are fetched for the candidate pairs only, so the cost follows the batch.
    ``keys`` holds the ``claim_keys`` of new claims already computed (by ingest, as it
    prepared their documents), by claim id.
    """
    from claimcheck.services import band_runs

    with db.session() as session:
        _one_matcher(session)
        # Another ingest may have matched some of them while this one waited.
        document_ids = list(
            session.scalars(
                select(Document.id).where(
                    among(session, Document.id, document_ids), Document.dedupe_pending
                )
            )
        )
        # Through the driver's cursor: a result row a claim cost more than the reading.
        new = read_rows(
            session,
            select(Claim.id, Claim.text)
            # Kind as an expression: SQLite would otherwise walk the index on kind, every
            # claim of the corpus, rather than the batch's documents.
            .where(
                among(session, Claim.document_id, document_ids),
                Claim.kind.concat("") == "claim",
            )
            .order_by(Claim.id),
        )
        _matched_with(session, thresholds)
        heirs = _forget_replaced(session, document_ids)
        # The replaced versions' claims leave their groups, whose other claims may have
        # been joined through them: those are matched again first.
        replaced = select(Claim.id).join(Document, Claim.document_id == Document.id)
        gone = set(
            session.scalars(replaced.where(among(session, Document.superseded_by_id, document_ids)))
        )
        if gone:
            _rebuild(session, _rematch(session, gone, thresholds, leaving=gone) | gone)
        new_ids = [r[0] for r in new]
        # A batch holding every claim of the corpus (a first ingest) rewrites every group:
        # reading the group tables whole costs less than looking each claim up by id.
        # Asked as "is there a claim elsewhere", found at once in a large corpus, rather
        # than by counting every claim.
        whole = (
            session.scalar(
                select(Claim.id)
                .where(Claim.kind == "claim", ~among(session, Claim.document_id, document_ids))
                .limit(1)
            )
            is None
        )
        common = _common(session)
        known = [(keys or {}).get(claim_id) for claim_id in new_ids]
        if common is not None and band_runs.present(session):
            index, matches = _match_batch(session, new, known, common, thresholds, heirs)
        else:
            # A small corpus (its common words not yet decided), or one stored before the
            # band runs: it is read whole, and its runs written.
            index, matches = _match_corpus(session, new, known, common, thresholds)
        matches = index.without(matches, _decided(session))
        ends = sorted({c for m in matches for c in (m.a, m.b)})
        cluster_of, family_of = _groups(session, ends, every=whole)
        kept = spanning(matches, cluster_of, family_of)
        _store_pairs(session, kept)
        _rebuild(session, None if whole else set(new_ids) | {c for m in kept for c in (m.a, m.b)})
        _matched(session, among(session, Document.id, document_ids))
        claims = session.scalar(select(func.count()).select_from(ClaimSignature))
        return _summary(session, claims or 0)


def _match_corpus(
    session: Session,
    new: Sequence[tuple[int, str]],
    known: Sequence[ClaimKeys | None],
    common: frozenset[str] | None,
    thresholds: Thresholds,
) -> tuple[ClaimIndex, list[Match]]:
    """The batch ``new`` matched against every stored signature holding band hashes; the
    band runs written anew."""
    from claimcheck.core.dedupe import ClaimIndex, Signatures
    from claimcheck.services import band_runs

    old: dict[int, Signature] = {}
    for claim_id, key, bands in session.execute(
        select(ClaimSignature.claim_id, ClaimSignature.copy_key, ClaimSignature.bands).where(
            ClaimSignature.bands.is_not(None)
        )
    ):
        old[claim_id] = (key, bands)
    index = ClaimIndex(thresholds, common=common, fetch=_fetcher(session))
    old_ids = sorted(old)
    signatures = Signatures.of([old[i] for i in old_ids])
    index.add(old_ids, [None] * len(old_ids), match=False, signatures=signatures)
    stored = {claim_id: bands for claim_id, (_, bands) in old.items()}
    del old
    matches = index.add([c for c, _ in new], [text for _, text in new], keys=known)
    # The runs hold what is stored now, which is known here: not read back.
    for claim_id, (_, bands) in _save_index(session, index, common).items():
        stored[claim_id] = bands
    band_runs.rebuild(session, stored)
    return index, matches


def _match_batch(
    session: Session,
    new: Sequence[tuple[int, str]],
    known: Sequence[ClaimKeys | None],
    common: frozenset[str],
    thresholds: Thresholds,
    heirs: Sequence[tuple[int, bytes]],
) -> tuple[ClaimIndex, list[Match]]:
    """The batch ``new`` matched against the stored claims that may match it: the holders
    of its copy keys and the claims sharing a band with it. Each bucket of the index then
    holds what it would hold with the whole corpus indexed (the earliest claims first), so
    the matches are the same."""
    from claimcheck.core.dedupe import ClaimIndex, Signatures
    from claimcheck.services import band_runs

    new_ids = [c for c, _ in new]
    texts = [text for _, text in new]
    # Hashed once, without the corpus: the copy keys, and band hashes for the first claim
    # of each copy key in the batch.
    probe = ClaimIndex(thresholds, common=common)
    probe.add(new_ids, texts, match=False, keys=known)
    signed = probe.signatures()
    old: dict[int, Signature] = {}
    held: set[int] = set()
    columns = select(ClaimSignature.claim_id, ClaimSignature.copy_key, ClaimSignature.bands)
    for chunk in chunks(sorted({key for key, _ in signed.values()})):
        for claim_id, key, bands in session.execute(
            columns.where(
                among(session, ClaimSignature.copy_key, chunk), ClaimSignature.bands.is_not(None)
            )
        ):
            old[claim_id] = (key, bands)
            held.add(key)
    # A batch claim whose copy key the corpus holds is a copy of the holder.
    signed = {c: (key, None if key in held else bands) for c, (key, bands) in signed.items()}
    firsts = sorted((c, bands) for c, (_, bands) in signed.items() if bands is not None)
    for chunk in chunks(band_runs.sharing(session, [bands for _, bands in firsts])):
        # Ids of claims replaced since their run was written have no band hashes now.
        for claim_id, key, bands in session.execute(
            columns.where(
                among(session, ClaimSignature.claim_id, chunk), ClaimSignature.bands.is_not(None)
            )
        ):
            old[claim_id] = (key, bands)
    index = ClaimIndex(thresholds, common=common, fetch=_fetcher(session))
    old_ids = sorted(old)
    old_signatures = Signatures.of([old[i] for i in old_ids])
    index.add(old_ids, [None] * len(old_ids), match=False, signatures=old_signatures)
    new_signatures = Signatures.of([signed.get(c) for c in new_ids])
    matches = index.add(new_ids, texts, signatures=new_signatures, keys=known)
    _save_signatures(session, signed)
    runs = [*firsts, *heirs]
    band_runs.append(session, [c for c, _ in runs], [bands for _, bands in runs])
    return index, matches


def _forget_replaced(session: Session, document_ids: Sequence[int]) -> list[tuple[int, bytes]]:
    """Claims of the versions these documents replaced match nothing any more. Where one
    held the band hashes of its copy key, the earliest remaining copy takes them over
    (copies have the same words, so the same hashes): those heirs are returned with them."""
    replaced = select(Claim.id).join(Document, Claim.document_id == Document.id)
    replaced = replaced.where(among(session, Document.superseded_by_id, document_ids))
    holders = session.execute(
        select(ClaimSignature.copy_key, ClaimSignature.bands).where(
            ClaimSignature.claim_id.in_(replaced), ClaimSignature.bands.is_not(None)
        )
    ).all()
    session.execute(delete(ClaimSignature).where(ClaimSignature.claim_id.in_(replaced)))
    heirs: list[tuple[int, bytes]] = []
    for key, bands in holders:
        if bands is None:
            continue
        heir = session.scalar(
            select(func.min(ClaimSignature.claim_id)).where(ClaimSignature.copy_key == key)
        )
        if heir is not None:
            session.execute(
                update(ClaimSignature).where(ClaimSignature.claim_id == heir).values(bands=bands)
            )
            heirs.append((heir, bands))
    return heirs


def _decided(session: Session) -> dict[tuple[int, int], str]:
    return {
        (a, b): state
        for a, b, state in session.execute(
            select(ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state).where(
                ClaimPair.state.in_(DECIDED)
            )
        )
    }


def _groups(
    session: Session, claim_ids: Sequence[int], every: bool = False
) -> tuple[dict[int, int], dict[int, int]]:
    """The cluster and the family of each of ``claim_ids`` that has one. With ``every``
    (``claim_ids`` are most of the grouped claims) the tables are read whole: thousands of
    ids bound a query at a time cost more than the rows they leave out."""
    cluster_of: dict[int, int] = {}
    family_of: dict[int, int] = {}
    if every:
        wanted = set(claim_ids)
        for out, member, column in (
            (cluster_of, ClusterMember, ClusterMember.cluster_id),
            (family_of, FamilyMember, FamilyMember.family_id),
        ):
            rows = session.execute(select(member.claim_id, column))
            out.update((claim, group) for claim, group in rows if claim in wanted)
        return cluster_of, family_of
    for chunk in chunks(claim_ids):
        cluster_of.update(
            session.execute(
                select(ClusterMember.claim_id, ClusterMember.cluster_id).where(
                    among(session, ClusterMember.claim_id, chunk)
                )
            ).all()
        )
        family_of.update(
            session.execute(
                select(FamilyMember.claim_id, FamilyMember.family_id).where(
                    among(session, FamilyMember.claim_id, chunk)
                )
            ).all()
        )
    return cluster_of, family_of


def _matched(session: Session, which: ColumnElement[bool]) -> None:
    """Documents matched, in the transaction that stores their pairs: an interrupted
    matching leaves them pending for the next ingest or `claimcheck dedupe`."""
    session.execute(update(Document).where(which).values(dedupe_pending=False))


# A pair row's columns, in the order `_replace_pairs` compares stored and new rows.
_PAIR_COLUMNS = ("claim_a_id", "claim_b_id", "score", "state", "reason", "variant")


def _pair_rows(matches: Iterable[Match]) -> list[dict[str, Any]]:
    return [
        {
            "claim_a_id": m.a,
            "claim_b_id": m.b,
            "score": m.score,
            "state": "automatic" if m.automatic else "suggested",
            "reason": m.reason,
            "variant": m.variant,
        }
        for m in matches
    ]


def _store_pairs(session: Session, matches: Sequence[Match]) -> None:
    _insert(session, ClaimPair, _pair_rows(matches))


def _replace_pairs(session: Session, matches: Sequence[Match]) -> None:
    """The undecided pairs become ``matches``. Only the rows that differ are deleted and
    inserted: recomputing a corpus that changed little rewrites little."""
    table = Base.metadata.tables[ClaimPair.__tablename__]
    query = select(*(table.c[name] for name in _PAIR_COLUMNS))
    stored = {
        tuple(row[:2]): tuple(row)
        for row in read_rows(session, query.where(ClaimPair.state.not_in(DECIDED)))
    }
    rows = _pair_rows(matches)
    now = [tuple(row[name] for name in _PAIR_COLUMNS) for row in rows]
    wanted = {values[:2]: values for values in now}
    gone = sorted(pair for pair, values in stored.items() if wanted.get(pair) != values)
    for chunk in chunks(gone):
        session.execute(
            delete(ClaimPair).where(
                among_pairs(session, ClaimPair.claim_a_id, ClaimPair.claim_b_id, chunk)
            )
        )
    fresh = [row for row, values in zip(rows, now, strict=True) if stored.get(values[:2]) != values]
    _insert(session, ClaimPair, fresh)


def _stale_claims() -> Select[int]:
    """Claims of superseded versions: they leave the clusters and the suggestions."""
    # From the few replaced documents to their claims: joined the other way, SQLite read
    # every claim's row of the index on document_id (0.1 s at 200,000 claims, each batch).
    return select(Claim.id).where(Claim.document_id.in_(_replaced_documents()))


def _replaced_documents() -> Select[int]:
    return select(Document.id).where(Document.superseded_by_id.is_not(None))


_JOINING = or_(
    ClaimPair.state.in_(MEMBER_STATES),
    and_(ClaimPair.state == "suggested", ClaimPair.variant),
)


def _rebuild(session: Session, touched: set[int] | None = None) -> None:
    """Rewrite cluster and family membership from the pairs: clusters from the automatic
    and confirmed pairs, families from those and the variant pairs. With ``touched``, only
    the groups of those claims are rewritten (the groups they were in, and are in now)."""
    # Few claims are stale, so they are left out here rather than by a subquery per pair.
    stale = set(session.scalars(_stale_claims()))
    pairs = select(ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state).where(_JOINING)
    found: list[tuple[int, int, str]]
    if touched is None:
        scope = None
        found = read_rows(session, pairs)
    else:
        cluster_of, family_of = _groups(session, sorted(touched))
        scope = set(touched)
        for column, values in (
            (ClusterMember.cluster_id, set(cluster_of.values())),
            (FamilyMember.family_id, set(family_of.values())),
        ):
            owner = ClusterMember if column is ClusterMember.cluster_id else FamilyMember
            for chunk in chunks(sorted(values)):
                scope.update(
                    session.scalars(select(owner.claim_id).where(among(session, column, chunk)))
                )
        found = []
        ordered = sorted(scope)
        seen: set[tuple[int, int]] = set()
        for column in (ClaimPair.claim_a_id, ClaimPair.claim_b_id):
            for chunk in chunks(ordered):
                for a, b, state in session.execute(pairs.where(among(session, column, chunk))):
                    if (a, b) not in seen:
                        seen.add((a, b))
                        found.append((a, b, state))
    edges = [(a, b, state) for a, b, state in found if a not in stale and b not in stale]
    # Plain pairs of ids: a match object a pair cost more than grouping them.
    joining = [(a, b) for a, b, state in edges if state != "suggested"]
    variants = [(a, b) for a, b, state in edges if state == "suggested"]
    confirmed = {c for a, b, s in edges if s == "confirmed" for c in (a, b)}
    nodes = sorted({c for a, b, _ in edges for c in (a, b)})
    if scope is not None:
        scope.update(nodes)
    first_seen = _first_seen(session, nodes)
    groups = components(nodes, joining)
    _regroup(session, ClusterMember, Cluster, ClusterMember.cluster_id, groups, scope, first_seen,
             lambda c: "confirmed" if c in confirmed else "automatic")  # fmt: skip
    related = family_groups(nodes, joining, variants, groups)
    _regroup(session, FamilyMember, Family, FamilyMember.family_id, related, scope, first_seen,
             None)  # fmt: skip


def _regroup(
    session: Session,
    member: type[ClusterMember] | type[FamilyMember],
    group: type[Cluster] | type[Family],
    group_column: Any,
    groups: list[list[int]],
    scope: set[int] | None,
    first_seen: dict[int, tuple[dt.date, int]],
    state: Callable[[int], str] | None,
) -> None:
    """Write ``groups`` as the members of ``group`` rows (clusters or families), keeping each
    group's id (and so its verdict and links) where most of its claims were before.

    Only the membership rows that change are deleted and inserted: recomputing a corpus
    that changed little rewrites little (on PostgreSQL each inserted row costs two
    foreign-key checks, a few times what reading it back costs)."""
    columns = [member.claim_id, group_column]
    if state is not None:
        columns.append(Base.metadata.tables[member.__tablename__].c.state)
    previous_query = select(*columns)
    # Each claim's row as it stands: (group id,) or (group id, state).
    stored: dict[int, tuple[Any, ...]] = {}
    if scope is None:
        stored.update((row[0], tuple(row[1:])) for row in read_rows(session, previous_query))
    else:
        for chunk in chunks(sorted(scope)):
            stored.update(
                (row[0], tuple(row[1:]))
                for row in session.execute(
                    previous_query.where(among(session, member.claim_id, chunk))
                )
            )
    previous = {claim: row[0] for claim, row in stored.items()}
    before = set(previous.values())
    table = Base.metadata.tables[group.__tablename__]
    canonical_of: dict[int, int | None] = {}
    for chunk in chunks(sorted(before)):
        canonical_of.update(
            session.execute(
                select(table.c.id, table.c.canonical_claim_id).where(
                    among(session, table.c.id, chunk)
                )
            ).all()
        )
    # A group holding a cluster's canonical claim claims its id first: after a split, the
    # id (and its verdict and links) stays with the claims that stayed.
    canonicals = set(canonical_of.values())
    taken: set[int] = set()
    placed: list[tuple[list[int], int | None]] = []
    moved: list[dict[str, int]] = []
    fresh: list[int] = []  # the canonical claim of each group without an id yet
    for claims in sorted(groups, key=lambda g: (canonicals.isdisjoint(g), -len(g))):
        votes = Counter(previous[c] for c in claims if c in previous)
        group_id = next((gid for gid, _ in votes.most_common() if gid not in taken), None)
        canonical = min(first_seen[c] for c in claims)[1]  # (date, claim id): the claim
        if group_id is None:
            fresh.append(canonical)
        else:
            taken.add(group_id)
            if canonical_of[group_id] != canonical:
                moved.append({"group": group_id, "canonical": canonical})
        placed.append((claims, group_id))
    if moved:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("group"))
            .values(canonical_claim_id=bindparam("canonical"), version=table.c.version + 1),
            moved,
        )
    if fresh:
        ids = iter(_new_groups(session, table, fresh))
        placed = [(claims, next(ids) if gid is None else gid) for claims, gid in placed]
    rows: list[dict[str, object]] = []
    kept: set[int] = set()
    for claims, group_id in placed:
        for c in claims:
            values: dict[str, object] = {"claim_id": c, group_column.key: group_id}
            now: tuple[Any, ...] = (group_id,)
            if state is not None:
                values["state"] = now_state = state(c)
                now = (group_id, now_state)
            if stored.get(c) == now:
                kept.add(c)
            else:
                rows.append(values)
    changed = sorted(c for c in stored if c not in kept)
    for chunk in chunks(changed):
        session.execute(delete(member).where(among(session, member.claim_id, chunk)))
    # In claim order, the order of the table's key: SQLite inserted 90,000 members in half
    # the time, and PostgreSQL's foreign-key checks read the claims table in its order rather
    # than jumping around a table larger than its buffers (197,010 members: 6.0-8.3 s
    # against 11.0-11.8 s).
    rows.sort(key=itemgetter("claim_id"))
    _insert(session, member, rows)
    # A group that is gone keeps nothing worth reviewing: its members moved on.
    gone = sorted(before - taken)
    for chunk in chunks(gone):
        has_members = select(member.claim_id).where(group_column == group.id)
        session.execute(delete(group).where(among(session, group.id, chunk), ~has_members.exists()))


def _new_groups(session: Session, table: Table, canonicals: Sequence[int]) -> list[int]:
    """Insert a cluster or family row for each of these canonical claims; return their ids
    in order. On PostgreSQL the ids come from the sequence and the rows are copied: the
    first dedupe of a million claims creates 111,000 groups, and building the insert's
    parameters took longer than storing them."""
    if session.get_bind().dialect.name != "postgresql":
        created = session.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [{"canonical_claim_id": canonical} for canonical in canonicals],
        ).scalars()
        return list(created)
    ids = new_ids(session, table, len(canonicals))
    now = dt.datetime.now(dt.UTC)
    rows = [
        {"id": id_, "canonical_claim_id": canonical, "status": "unreviewed", "version": 1,
         "created_at": now}
        for id_, canonical in zip(ids, canonicals, strict=True)
    ]  # fmt: skip
    insert_rows(session, table, rows)
    return ids


def _rematch(
    session: Session,
    touched: set[int],
    thresholds: Thresholds | None = None,
    leaving: Set[int] = frozenset(),
) -> set[int]:
    """Match the claims of the groups of ``touched`` among themselves again, and return them.

    Only the pairs that join groups are stored, so when a reviewer rejects one, the pairs
    it stood for are found again (with ``thresholds``, by default those the stored pairs
    were matched with), as comparing every claim with every other would find them.
    """
    from claimcheck.core.dedupe import ClaimIndex

    cluster_of, family_of = _groups(session, sorted(touched))
    members = set(touched)
    for owner, column, values in (
        (ClusterMember, ClusterMember.cluster_id, set(cluster_of.values())),
        (FamilyMember, FamilyMember.family_id, set(family_of.values())),
    ):
        for chunk in chunks(sorted(values)):
            members.update(
                session.scalars(select(owner.claim_id).where(among(session, column, chunk)))
            )
    members -= leaving
    ids = sorted(members)
    texts = _fetcher(session)(ids)
    for first in chunks(ids):
        for second in chunks(ids):
            session.execute(
                delete(ClaimPair).where(
                    ClaimPair.claim_a_id.in_(first),
                    ClaimPair.claim_b_id.in_(second),
                    ClaimPair.state.not_in(DECIDED),
                )
            )
    decided = _decided(session)
    confirmed = [
        Match(a, b, 100.0, True)
        for (a, b), state in decided.items()
        if state == "confirmed" and a in members and b in members
    ]
    joined = {c: n for n, group in enumerate(clusters(ids, confirmed)) for c in group}
    index = ClaimIndex(thresholds or _thresholds(session))
    matches = index.without(index.add(ids, [texts[i] for i in ids]), decided)
    _store_pairs(session, spanning(matches, joined, joined))
    return members


_READ_WHOLE_FROM = 5000  # claims: below this, looking them up by id costs little


def _first_seen(session: Session, claim_ids: Sequence[int]) -> dict[int, tuple[dt.date, int]]:
    """The order of first appearance: publication date where known, then ingest order."""
    out: dict[int, tuple[dt.date, int]] = {}
    # For half of the claims or more (a first ingest of syndicated copy), reading them all
    # costs less than binding their ids a few thousand at a time.
    if len(claim_ids) > _READ_WHOLE_FROM and 2 * len(claim_ids) >= (
        session.scalar(select(func.count()).select_from(Claim)) or 0
    ):
        wanted = set(claim_ids)
        rows = read_rows(
            session,
            select(Claim.id, Document.published).join(Document, Claim.document_id == Document.id),
        )
        return {c: (published or dt.date.max, c) for c, published in rows if c in wanted}
    query = select(Claim.id, Document.published).join(Document, Claim.document_id == Document.id)
    for claim_id, published in _claim_rows(session, query, claim_ids):
        out[claim_id] = (published or dt.date.max, claim_id)
    return out


def _summary(session: Session, claims: int) -> DedupeSummary:
    states = dict(
        session.execute(select(ClaimPair.state, func.count()).group_by(ClaimPair.state)).all()
    )
    return DedupeSummary(
        claims=claims,
        automatic=states.get("automatic", 0),
        suggested=states.get("suggested", 0),
        clusters=session.scalar(select(func.count()).select_from(Cluster)) or 0,
        clustered_claims=session.scalar(select(func.count()).select_from(ClusterMember)) or 0,
        families=session.scalar(select(func.count()).select_from(Family)) or 0,
    )


def _ordered(a: int, b: int) -> tuple[int, int]:
    if a == b:
        raise ClaimcheckError("a claim cannot be paired with itself")
    return (a, b) if a < b else (b, a)


def _texts(session: Session, ids: Iterable[int]) -> dict[int, str]:
    ids = list(ids)
    found = dict(session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(ids))).all())
    missing = sorted(set(ids) - found.keys())
    if missing:
        raise ClaimcheckError(f"there is no claim {missing[0]}")
    return found


def _pair_state(session: Session, a: int, b: int) -> str | None:
    return session.scalar(
        select(ClaimPair.state).where(ClaimPair.claim_a_id == a, ClaimPair.claim_b_id == b)
    )


def _decide(session: Session, a: int, b: int, state: str, texts: dict[int, str]) -> str | None:
    """Decide a pair over the state just read, and return that state. A pair decided by
    someone else in between is refused, naming them, never written over."""
    from claimcheck.core.dedupe import similarity

    before = _pair_state(session, a, b)
    table = Base.metadata.tables[ClaimPair.__tablename__]
    if before is None:
        # Imported here: the PostgreSQL dialect module alone costs a command a tenth of a
        # second of start-up, and only a reviewer's decision needs it.
        if session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            upsert: Any = pg_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            upsert = sqlite_insert
        statement: Any = (
            upsert(table)
            .values(claim_a_id=a, claim_b_id=b, score=similarity(texts[a], texts[b]), state=state)
            .on_conflict_do_nothing()
        )
    else:
        statement = (
            update(table)
            .where(table.c.claim_a_id == a, table.c.claim_b_id == b, table.c.state == before)
            .values(state=state)
        )
    # RETURNING rather than a row count, which psycopg leaves unknown for the insert.
    if session.execute(statement.returning(table.c.state)).first() is None:
        raise _pair_refusal(session, a, b)
    return before


def _pair_refusal(session: Session, a: int, b: int) -> StaleWrite:
    def names_pair(entry: AuditEntry) -> bool:
        for side in (entry.after, entry.before):
            pairs = [side, *(side.get("pairs") or ())] if side else []
            if any(p.get("a") == a and p.get("b") == b for p in pairs):
                return True
        return False

    decisions = AuditEntry.entity.in_(("claim_pair", "cluster", "family"))
    return refusal(session, f"the pair of claims {a} and {b}", decisions, names_pair)


def _hold(session: Session, entity: str, rows: Sequence[Cluster | Family]) -> None:
    """Write the next version of each cluster or family a decision is about, over the version
    read: a second decision on them at the same time waits, then is refused."""
    for row in rows:
        touch(row, "status")
    ids = [row.id for row in rows]
    subject = f"{entity} {' or '.join(str(i) for i in ids)}"
    flush_or_refuse(session, subject, (AuditEntry.entity == entity) & AuditEntry.entity_id.in_(ids))


def confirm(db: Database, a: int, b: int, reviewer: str | None = None) -> None:
    """A reviewer says two claims are the same claim: they share a cluster from now on."""
    _pair_decision(db, a, b, "confirmed", reviewer)


def reject(db: Database, a: int, b: int, reviewer: str | None = None) -> int | None:
    """A reviewer says two claims differ: the pair is never suggested or joined again.

    Returns the cluster that still holds both, through other claims, if one does.
    """
    return _pair_decision(db, a, b, "rejected", reviewer)


def _pair_decision(db: Database, a: int, b: int, state: str, reviewer: str | None) -> int | None:
    a, b = _ordered(a, b)
    with db.session() as session:
        texts = _texts(session, (a, b))
        before = _decide(session, a, b, state, texts)
        action = {"confirmed": "confirm_pair", "rejected": "reject_pair"}[state]
        record(
            session,
            reviewer=reviewer,
            action=action,
            entity="claim_pair",
            entity_id=None,
            before={"a": a, "b": b, "state": before},
            after={"a": a, "b": b, "state": state},
        )
        _rebuild(session, _rematch(session, {a, b}) if state == "rejected" else {a, b})
        together = session.scalars(
            select(ClusterMember.cluster_id).where(ClusterMember.claim_id.in_((a, b)))
        ).all()
        return together[0] if len(together) == 2 and together[0] == together[1] else None


def _cluster(session: Session, cluster_id: int) -> Cluster:
    cluster = session.get(Cluster, cluster_id)
    if cluster is None:
        raise ClaimcheckError(f"there is no cluster {cluster_id}")
    return cluster


def _members(session: Session, cluster_id: int) -> list[int]:
    """A cluster's claims, for a decision on it: its next version is written at once, so a
    second decision on it at the same time waits, then is refused."""
    _hold(session, "cluster", [_cluster(session, cluster_id)])
    return list(
        session.scalars(
            select(ClusterMember.claim_id)
            .where(ClusterMember.cluster_id == cluster_id)
            .order_by(ClusterMember.claim_id)
        )
    )


def split(
    db: Database, cluster_id: int, claim_ids: Sequence[int], reviewer: str | None = None
) -> None:
    """Move `claim_ids` out of a cluster into one of their own."""
    with db.session() as session:
        members = _members(session, cluster_id)
        moving = sorted(set(claim_ids))
        strangers = set(moving) - set(members)
        if strangers:
            raise ClaimcheckError(f"claim {min(strangers)} is not in cluster {cluster_id}")
        staying = [c for c in members if c not in moving]
        if not staying:
            raise ClaimcheckError("a split must leave at least one claim in the cluster")
        texts = _texts(session, members)
        decided = [(*_ordered(left, right), "rejected") for left in moving for right in staying]
        decided += [(left, right, "confirmed") for left, right in itertools.pairwise(moving)]
        # Each pair's earlier state is kept so that the split can be undone exactly.
        pairs = [
            {"a": a, "b": b, "state": _decide(session, a, b, state, texts), "decided": state}
            for a, b, state in decided
        ]
        record(
            session,
            reviewer=reviewer,
            action="split",
            entity="cluster",
            entity_id=cluster_id,
            before={"members": members, "pairs": pairs},
            after={"members": staying, "moved": moving},
        )
        _rebuild(session, _rematch(session, set(members)))


def merge(db: Database, cluster_id: int, other_id: int, reviewer: str | None = None) -> None:
    """Join two clusters: a reviewer says they hold the same claim."""
    if cluster_id == other_id:
        raise ClaimcheckError("a cluster cannot be merged with itself")
    with db.session() as session:
        first, second = _members(session, cluster_id), _members(session, other_id)
        a, b = _ordered(first[0], second[0])
        state = _decide(session, a, b, "confirmed", _texts(session, (a, b)))
        pairs = [{"a": a, "b": b, "state": state, "decided": "confirmed"}]
        record(
            session,
            reviewer=reviewer,
            action="merge",
            entity="cluster",
            entity_id=cluster_id,
            before={"clusters": [cluster_id, other_id], "pairs": pairs},
            after={"members": sorted(first + second)},
        )
        _rebuild(session, {a, b})


def restore_pairs(session: Session, pairs: Sequence[Mapping[str, Any]]) -> None:
    """Put pairs back in the state a decision found them in, then rebuild the clusters.

    Each pair is {"a", "b", "state": before the decision (None: no pair), "decided": after}.
    Nothing changes unless every pair still holds the decision's state.
    """
    found = {(p["a"], p["b"]): session.get(ClaimPair, (p["a"], p["b"])) for p in pairs}
    for p in pairs:
        pair = found[(p["a"], p["b"])]
        state = None if pair is None else pair.state
        if state != p["decided"]:
            raise ClaimcheckError(
                f"the pair of claims {p['a']} and {p['b']} has changed since "
                f"(now {state or 'undecided'}); nothing was undone"
            )
    for p in pairs:
        pair = found[(p["a"], p["b"])]
        assert pair is not None
        if p["state"] is None:
            session.delete(pair)
        else:
            pair.state = p["state"]
    session.flush()
    _rebuild(session)


def suggestions(db: Database, limit: int | None = None) -> list[SuggestionView]:
    with db.session() as session:
        query = (
            select(ClaimPair)
            .where(
                ClaimPair.state == "suggested",
                # Variants are reviewed a family at a time (list_families).
                ~ClaimPair.variant,
                ClaimPair.claim_a_id.not_in(_stale_claims()),
                ClaimPair.claim_b_id.not_in(_stale_claims()),
            )
            .order_by(ClaimPair.score.desc(), ClaimPair.claim_a_id, ClaimPair.claim_b_id)
            .limit(limit)
        )
        a_member = aliased(ClusterMember)
        b_member = aliased(ClusterMember)
        # A pair already inside one cluster (joined through other claims) asks nothing.
        query = (
            query.outerjoin(a_member, a_member.claim_id == ClaimPair.claim_a_id)
            .outerjoin(b_member, b_member.claim_id == ClaimPair.claim_b_id)
            .where(
                or_(
                    a_member.cluster_id.is_(None),
                    b_member.cluster_id.is_(None),
                    a_member.cluster_id != b_member.cluster_id,
                )
            )
        )
        pairs = list(session.scalars(query))
        ids = {p.claim_a_id for p in pairs} | {p.claim_b_id for p in pairs}
        info = {
            row.id: (row.text, row.path)
            for row in session.execute(
                select(Claim.id, Claim.text, Document.path)
                .join(Document, Claim.document_id == Document.id)
                .where(Claim.id.in_(ids))
            )
        }
        return [
            SuggestionView(
                p.claim_a_id,
                p.claim_b_id,
                p.score,
                p.reason,
                info[p.claim_a_id][0],
                info[p.claim_b_id][0],
                info[p.claim_a_id][1],
                info[p.claim_b_id][1],
            )
            for p in pairs
        ]


def list_clusters(db: Database, limit: int | None = None) -> list[ClusterView]:
    """Clusters, largest first."""
    with db.session() as session:
        sizes = (
            select(ClusterMember.cluster_id, func.count().label("size"))
            .group_by(ClusterMember.cluster_id)
            .order_by(func.count().desc(), ClusterMember.cluster_id)
            .limit(limit)
        )
        order = [(cid, size) for cid, size in session.execute(sizes)]
        views = _cluster_views(session, [cid for cid, _ in order])
        return [views[cid] for cid, _ in order]


def get_cluster(db: Database, cluster_id: int) -> ClusterView:
    with db.session() as session:
        _cluster(session, cluster_id)
        return _cluster_views(session, [cluster_id])[cluster_id]


def _cluster_views(session: Session, cluster_ids: Sequence[int]) -> dict[int, ClusterView]:
    rows = list(
        session.execute(
            select(
                ClusterMember.cluster_id,
                ClusterMember.state,
                Claim.id,
                Claim.index,
                Claim.text,
                Document.path,
            )
            .join(Claim, ClusterMember.claim_id == Claim.id)
            .join(Document, Claim.document_id == Document.id)
            .where(ClusterMember.cluster_id.in_(cluster_ids))
            .order_by(ClusterMember.cluster_id, Claim.id)
        ).all()
    )
    claim_ids = [r[2] for r in rows]
    sources: dict[int, list[str]] = defaultdict(list)
    for claim_id, name in session.execute(
        select(Attribution.claim_id, Source.name)
        .join(Source, Attribution.source_id == Source.id)
        .where(Attribution.claim_id.in_(claim_ids))
        .order_by(Attribution.id)
    ):
        sources[claim_id].append(name)
    clusters_by_id = {
        c.id: c for c in session.scalars(select(Cluster).where(Cluster.id.in_(cluster_ids)))
    }
    grouped: dict[int, list[MemberView]] = defaultdict(list)
    for cluster_id, state, claim_id, index, text, path in rows:
        grouped[cluster_id].append(
            MemberView(claim_id, path, index, text, state, tuple(sources[claim_id]))
        )
    views = {}
    for cluster_id, members in grouped.items():
        cluster = clusters_by_id[cluster_id]
        canonical = next(
            (m for m in members if m.claim_id == cluster.canonical_claim_id), members[0]
        )
        views[cluster_id] = ClusterView(
            id=cluster_id,
            status=cluster.status,
            canonical_claim_id=cluster.canonical_claim_id,
            canonical_text=canonical.text,
            size=len(members),
            documents=tuple(dict.fromkeys(m.document for m in members)),
            sources=tuple(dict.fromkeys(s for m in members for s in m.sources)),
            members=tuple(members),
        )
    return views


def list_families(
    db: Database, limit: int | None = None, status: str | None = None
) -> list[FamilyView]:
    """Families of variants, largest first; with `status`, only those that have it
    ("unreviewed": the families waiting for a reviewer)."""
    with db.session() as session:
        sizes = (
            select(FamilyMember.family_id)
            .group_by(FamilyMember.family_id)
            .order_by(func.count().desc(), FamilyMember.family_id)
            .limit(limit)
        )
        if status is not None:
            sizes = sizes.join(Family, Family.id == FamilyMember.family_id).where(
                Family.status == status
            )
        return [_family_view(session, family_id) for family_id in session.scalars(sizes)]


def get_family(db: Database, family_id: int) -> FamilyView:
    with db.session() as session:
        return _family_view(session, family_id)


def _family_view(session: Session, family_id: int) -> FamilyView:
    from claimcheck.core.dedupe import differences

    family = session.get(Family, family_id)
    if family is None:
        raise ClaimcheckError(f"there is no family {family_id}")
    rows = session.execute(
        select(Claim.id, Claim.index, Claim.text, Document.path, ClusterMember.state)
        .join(FamilyMember, FamilyMember.claim_id == Claim.id)
        .join(Document, Claim.document_id == Document.id)
        .outerjoin(ClusterMember, ClusterMember.claim_id == Claim.id)
        .where(FamilyMember.family_id == family_id)
        .order_by(Claim.id)
    ).all()
    members = [
        MemberView(c, path, index, text, state or "lone", ())
        for c, index, text, path, state in rows
    ]
    canonical = next((m for m in members if m.claim_id == family.canonical_claim_id), members[0])
    # Each member is told by how it differs from the canonical claim; the canonical claim's
    # own figures, by how it differs from the most common other variant.
    groups: dict[str, list[MemberView]] = defaultdict(list)
    for member in members:
        groups[differences(member.text, canonical.text)].append(member)
    own = groups.pop("", [])
    others = sorted(groups.items(), key=lambda item: (-len(item[1]), item[1][0].claim_id))
    label = differences(canonical.text, others[0][1][0].text) if others else ""
    variants = [(label, own), *others] if own else others
    return FamilyView(
        id=family.id,
        status=family.status,
        canonical_claim_id=family.canonical_claim_id,
        canonical_text=canonical.text,
        size=len(members),
        variants=tuple(
            VariantView(
                differs,
                tuple(m.claim_id for m in group),
                tuple(dict.fromkeys(m.document for m in group)),
            )
            for differs, group in variants
        ),
        members=tuple(members),
    )


def _family(session: Session, family_id: int) -> Family:
    family = session.get(Family, family_id)
    if family is None:
        raise ClaimcheckError(f"there is no family {family_id}")
    return family


def decide_family(db: Database, family_id: int, same: bool, reviewer: str | None = None) -> None:
    """A reviewer decides a family once: all its claims are the same claim (they join one
    cluster), or they are variants whose figures disagree (the family stays, reviewed)."""
    with db.session() as session:
        family = _family(session, family_id)
        status = family.status
        _hold(session, "family", [family])
        members = sorted(
            session.scalars(
                select(FamilyMember.claim_id).where(FamilyMember.family_id == family_id)
            )
        )
        before: dict[str, Any] = {"status": status, "members": members}
        if same:
            # The pairs it confirms are kept with their earlier state, for an exact undo.
            pairs: list[dict[str, Any]] = []
            for first in chunks(members):
                for second in chunks(members):
                    for a, b in session.execute(
                        select(ClaimPair.claim_a_id, ClaimPair.claim_b_id).where(
                            ClaimPair.claim_a_id.in_(first),
                            ClaimPair.claim_b_id.in_(second),
                            ClaimPair.state == "suggested",
                            ClaimPair.variant,
                        )
                    ):
                        pairs.append({"a": a, "b": b, "state": "suggested", "decided": "confirmed"})
            table = Base.metadata.tables[ClaimPair.__tablename__]
            for chunk in chunks(pairs):
                session.execute(
                    update(table)
                    .where(
                        table.c.claim_a_id == bindparam("a"), table.c.claim_b_id == bindparam("b")
                    )
                    .values(state="confirmed"),
                    [{"a": p["a"], "b": p["b"]} for p in chunk],
                )
            before["pairs"] = pairs
            after = {"status": "same", "members": members}
        else:
            family.status = "variants"
            after = {"status": "variants", "members": members}
        action = "confirm_family" if same else "keep_variants"
        record(
            session,
            reviewer=reviewer,
            action=action,
            entity="family",
            entity_id=family_id,
            before=before,
            after=after,
        )
        _rebuild(session, set(members))
