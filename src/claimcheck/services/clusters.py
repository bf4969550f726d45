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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, insert, or_, select, update
from sqlalchemy.orm import Session, aliased

from claimcheck.core.dedupe import (
    DEFAULT_THRESHOLDS,
    ClaimIndex,
    Match,
    Thresholds,
    clusters,
    similarity,
)
from claimcheck.errors import ClaimcheckError
from claimcheck.services.audit import record
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    Attribution,
    Claim,
    ClaimPair,
    Cluster,
    ClusterMember,
    Document,
    Source,
)

DECIDED = ("confirmed", "rejected")


@dataclass(frozen=True, slots=True)
class DedupeSummary:
    claims: int
    automatic: int
    suggested: int
    clusters: int
    clustered_claims: int


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
class SuggestionView:
    a: int
    b: int
    score: float
    reason: str | None
    text_a: str
    text_b: str
    document_a: str
    document_b: str


def _candidates(session: Session) -> list[tuple[int, str]]:
    """(id, text) of every current claim of kind `claim`, in id order."""
    query = (
        select(Claim.id, Claim.text)
        .join(Document, Claim.document_id == Document.id)
        .where(Claim.kind == "claim", Document.superseded_by_id.is_(None))
        .order_by(Claim.id)
    )
    return [(claim_id, text) for claim_id, text in session.execute(query)]


def dedupe_all(db: Database, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> DedupeSummary:
    """Match every current claim against every other, then rebuild the clusters."""
    with db.session() as session:
        rows = _candidates(session)
        matches = ClaimIndex(thresholds).add([r[0] for r in rows], [r[1] for r in rows])
        session.execute(delete(ClaimPair).where(ClaimPair.state.not_in(DECIDED)))
        _store_pairs(session, matches)
        _rebuild(session)
        _matched(session, Document.dedupe_pending.is_(True))
        return _summary(session, len(rows))


def match_documents(
    db: Database, document_ids: Sequence[int], thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> DedupeSummary:
    """Match the claims of newly ingested documents against the corpus, without redoing it."""
    with db.session() as session:
        everything = _candidates(session)
        fresh = set(session.scalars(select(Claim.id).where(Claim.document_id.in_(document_ids))))
        old = [row for row in everything if row[0] not in fresh]
        new = [row for row in everything if row[0] in fresh]
        index = ClaimIndex(thresholds)
        index.add([r[0] for r in old], [r[1] for r in old], match=False)
        matches = index.add([r[0] for r in new], [r[1] for r in new])
        _store_pairs(session, matches)
        _rebuild(session)
        _matched(session, Document.id.in_(document_ids))
        return _summary(session, len(old) + len(new))


def _matched(session: Session, which: ColumnElement[bool]) -> None:
    """Documents matched, in the transaction that stores their pairs: an interrupted
    matching leaves them pending for the next ingest or `claimcheck dedupe`."""
    session.execute(update(Document).where(which).values(dedupe_pending=False))


def _store_pairs(session: Session, matches: Sequence[Match]) -> None:
    if not matches:
        return
    decided = set(
        session.execute(
            select(ClaimPair.claim_a_id, ClaimPair.claim_b_id).where(ClaimPair.state.in_(DECIDED))
        ).all()
    )
    rows = [
        {
            "claim_a_id": m.a,
            "claim_b_id": m.b,
            "score": m.score,
            "state": "automatic" if m.automatic else "suggested",
            "reason": m.reason,
        }
        for m in matches
        if (m.a, m.b) not in decided
    ]
    for start in range(0, len(rows), 5000):
        session.execute(
            insert(ClaimPair).execution_options(render_nulls=True), rows[start : start + 5000]
        )


def _stale_claims() -> Select[int]:
    """Claims of superseded versions: they leave the clusters and the suggestions."""
    return (
        select(Claim.id)
        .join(Document, Claim.document_id == Document.id)
        .where(Document.superseded_by_id.is_not(None))
    )


def _rebuild(session: Session) -> None:
    """Rewrite cluster membership from the automatic and confirmed pairs."""
    # Few claims are stale, so they are left out here rather than by a subquery per pair.
    stale = set(session.scalars(_stale_claims()))
    edges = [
        (a, b, state)
        for a, b, state in session.execute(
            select(ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state).where(
                ClaimPair.state.in_(("automatic", "confirmed"))
            )
        )
        if a not in stale and b not in stale
    ]
    confirmed = {a for a, b, s in edges if s == "confirmed"} | {
        b for a, b, s in edges if s == "confirmed"
    }
    nodes = sorted({a for a, _, _ in edges} | {b for _, b, _ in edges})
    groups = clusters(nodes, [Match(a, b, 100.0, True) for a, b, _ in edges])
    previous = dict(session.execute(select(ClusterMember.claim_id, ClusterMember.cluster_id)).all())
    session.execute(delete(ClusterMember))
    first_seen = _first_seen(session, nodes)
    taken: set[int] = set()
    members: list[dict[str, object]] = []
    # A group holding a cluster's canonical claim claims its id first: after a split, the
    # id (and its verdict and links) stays with the claims that stayed.
    canonicals = set(session.scalars(select(Cluster.canonical_claim_id)))
    for group in sorted(groups, key=lambda g: (canonicals.isdisjoint(g), -len(g))):
        votes = Counter(previous[c] for c in group if c in previous)
        cluster_id = next((cid for cid, _ in votes.most_common() if cid not in taken), None)
        canonical = min(group, key=lambda c: first_seen[c])
        if cluster_id is None:
            cluster = Cluster(canonical_claim_id=canonical)
            session.add(cluster)
            session.flush()
            cluster_id = cluster.id
        else:
            cluster = session.get_one(Cluster, cluster_id)
            if cluster.canonical_claim_id != canonical:
                cluster.canonical_claim_id = canonical
        taken.add(cluster_id)
        members += [
            {
                "claim_id": c,
                "cluster_id": cluster_id,
                "state": "confirmed" if c in confirmed else "automatic",
            }
            for c in group
        ]
    for start in range(0, len(members), 5000):
        session.execute(
            insert(ClusterMember).execution_options(render_nulls=True),
            members[start : start + 5000],
        )
    # A cluster whose group is gone keeps nothing worth reviewing: its members moved on.
    has_members = select(ClusterMember.claim_id).where(ClusterMember.cluster_id == Cluster.id)
    session.execute(delete(Cluster).where(~has_members.exists()))


def _first_seen(session: Session, claim_ids: Sequence[int]) -> dict[int, tuple[dt.date, int]]:
    """The order of first appearance: publication date where known, then ingest order."""
    out: dict[int, tuple[dt.date, int]] = {}
    for start in range(0, len(claim_ids), 5000):
        chunk = claim_ids[start : start + 5000]
        for claim_id, published in session.execute(
            select(Claim.id, Document.published)
            .join(Document, Claim.document_id == Document.id)
            .where(Claim.id.in_(chunk))
        ):
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


def _decide(session: Session, a: int, b: int, state: str, texts: dict[int, str]) -> str | None:
    pair = session.get(ClaimPair, (a, b))
    before = None if pair is None else pair.state
    if pair is None:
        session.add(
            ClaimPair(claim_a_id=a, claim_b_id=b, score=similarity(texts[a], texts[b]), state=state)
        )
    else:
        pair.state = state
    return before


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
            reviewer,
            action,
            "claim_pair",
            None,
            {"a": a, "b": b, "state": before},
            {"a": a, "b": b, "state": state},
        )
        _rebuild(session)
        together = session.scalars(
            select(ClusterMember.cluster_id).where(ClusterMember.claim_id.in_((a, b)))
        ).all()
        return together[0] if len(together) == 2 and together[0] == together[1] else None


def _members(session: Session, cluster_id: int) -> list[int]:
    if session.get(Cluster, cluster_id) is None:
        raise ClaimcheckError(f"there is no cluster {cluster_id}")
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
            reviewer,
            "split",
            "cluster",
            cluster_id,
            {"members": members, "pairs": pairs},
            {"members": staying, "moved": moving},
        )
        _rebuild(session)


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
            reviewer,
            "merge",
            "cluster",
            cluster_id,
            {"clusters": [cluster_id, other_id], "pairs": pairs},
            {"members": sorted(first + second)},
        )
        _rebuild(session)


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
        _members(session, cluster_id)
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
