"""Reviewing claims: verdicts, evidence links, notes, undo and history.

Every call is one transaction that writes its audit entry with the change. Writes to a
claim check its version: a reviewer who saw an older version is told who changed it
since, and nothing is overwritten. Links and notes bump the version too, so that a
reviewer's view of a claim is either current or refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, or_, select, update
from sqlalchemy.orm import Session, aliased

from claimcheck.core.vocabulary import RELATIONS, STATUSES
from claimcheck.errors import ClaimcheckError, Conflict, NotFound
from claimcheck.services.audit import current_reviewer, flush_or_refuse, record, reviewer_id
from claimcheck.store.engine import Database
from claimcheck.store.models import (
    AuditEntry,
    Claim,
    Cluster,
    ClusterMember,
    Family,
    FamilyMember,
    Link,
    Note,
    Reviewer,
)
from claimcheck.store.models import Source as SourceRow

# The matching service and the source registry load where an action needs them: showing
# a claim's review state is every `claimcheck show`, and must not pay for them.

__all__ = [
    "ClaimState",
    "Conflict",
    "HistoryEntry",
    "LinkInfo",
    "NotFound",
    "NoteInfo",
    "UndoResult",
    "add_link",
    "add_note",
    "claim_state",
    "history",
    "remove_link",
    "set_cluster_status",
    "set_status",
    "undo_last",
]

# What `undo_last` can take back; source edits and ingest are not review actions.
UNDOABLE = (
    "status",
    "cluster_status",
    "link",
    "unlink",
    "note",
    "confirm_pair",
    "reject_pair",
    "split",
    "merge",
    "confirm_family",
    "keep_variants",
)
TITLE_MAX = 500
URL_MAX = 2000


@dataclass(frozen=True, slots=True)
class LinkInfo:
    id: int
    claim_id: int
    relation: str
    target_claim: int | None
    target_claim_text: str | None
    target_source: str | None
    url: str | None
    title: str | None
    note: str | None
    reviewer: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class NoteInfo:
    id: int
    claim_id: int
    text: str
    reviewer: str | None
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ClaimState:
    id: int
    status: str
    version: int
    links: tuple[LinkInfo, ...]
    notes: tuple[NoteInfo, ...]


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    id: int
    at: dt.datetime
    reviewer: str | None
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    summary: str


@dataclass(frozen=True, slots=True)
class UndoResult:
    undone: HistoryEntry
    summary: str


# --- reading ------------------------------------------------------------------------------


def _utc(at: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; everything is stored in UTC.
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def _claim(session: Session, claim_id: int) -> tuple[str, int]:
    """The claim's status and version."""
    row = session.execute(select(Claim.status, Claim.version).where(Claim.id == claim_id)).first()
    if row is None:
        raise NotFound(f"no claim {claim_id}")
    return row[0], row[1]


def link_query(where: Any) -> Select[*tuple[Any, ...]]:
    """The links matching ``where``, as the columns of `LinkInfo` in order (read by
    `link_info`); the reports read them the same way, a batch of claims at a time."""
    target = aliased(Claim)
    return (
        select(
            Link.id,
            Link.claim_id,
            Link.relation,
            Link.target_claim_id,
            target.text,
            SourceRow.name,
            Link.url,
            Link.title,
            Link.note,
            Reviewer.name,
            Link.created_at,
        )
        .outerjoin(target, Link.target_claim_id == target.id)
        .outerjoin(SourceRow, Link.target_source_id == SourceRow.id)
        .outerjoin(Reviewer, Link.reviewer_id == Reviewer.id)
        .where(where, Link.claim_id.is_not(None))
        .order_by(Link.id)
    )


def link_info(row: Sequence[Any]) -> LinkInfo:
    link_id, claim_id, relation, claim, claim_text, source, url, title, note, reviewer, at = row
    return LinkInfo(
        link_id, claim_id, relation, claim, claim_text, source, url, title, note, reviewer, _utc(at)
    )


def _links(session: Session, where: Any) -> list[LinkInfo]:
    return [link_info(row) for row in session.execute(link_query(where))]


def _link(session: Session, link_id: int) -> LinkInfo:
    found = _links(session, Link.id == link_id)
    if not found:
        raise NotFound(f"no link {link_id}")
    return found[0]


def note_query(where: Any) -> Select[*tuple[Any, ...]]:
    """The notes matching ``where``, as the columns of `NoteInfo` in order."""
    return (
        select(Note.id, Note.claim_id, Note.text, Reviewer.name, Note.created_at)
        .outerjoin(Reviewer, Note.reviewer_id == Reviewer.id)
        .where(where)
        .order_by(Note.id)
    )


def note_info(row: Sequence[Any]) -> NoteInfo:
    note_id, claim_id, text, reviewer, at = row
    return NoteInfo(note_id, claim_id, text, reviewer, _utc(at))


def _notes(session: Session, claim_id: int) -> list[NoteInfo]:
    return [note_info(row) for row in session.execute(note_query(Note.claim_id == claim_id))]


def _state(session: Session, claim_id: int) -> ClaimState:
    status, version = _claim(session, claim_id)
    return ClaimState(
        id=claim_id,
        status=status,
        version=version,
        links=tuple(_links(session, Link.claim_id == claim_id)),
        notes=tuple(_notes(session, claim_id)),
    )


def claim_state(db: Database, claim_id: int) -> ClaimState:
    """A claim's review state: status, version, links and notes."""
    with db.session() as session:
        return _state(session, claim_id)


# --- versions -----------------------------------------------------------------------------


def _conflict(session: Session, claim_id: int) -> Conflict:
    """The refusal for a stale write, naming the last change to the claim."""
    _, version = _claim(session, claim_id)
    last = session.execute(
        select(AuditEntry, Reviewer.name)
        .outerjoin(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
        .where(AuditEntry.entity == "claim", AuditEntry.entity_id == claim_id)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return Conflict(claim_id, None, None, version)
    entry, name = last
    return Conflict(claim_id, name, _utc(entry.at), version, what=_entry(entry, name).summary)


def _expect(session: Session, claim_id: int, expected: int | None, version: int) -> None:
    if expected is not None and expected != version:
        raise _conflict(session, claim_id)


def _bump(session: Session, claim_id: int, version: int, **values: Any) -> int:
    """Write the claim over `version` only; another transaction that got there first wins."""
    new = session.execute(
        update(Claim)
        .where(Claim.id == claim_id, Claim.version == version)
        .values(version=version + 1, **values)
        .returning(Claim.version)
        .execution_options(synchronize_session=False)
    ).scalar_one_or_none()
    if new is None:
        raise _conflict(session, claim_id)
    return int(new)


# --- checking input -----------------------------------------------------------------------


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise ClaimcheckError(f"{status!r} is not a status ({', '.join(STATUSES)})")


def _text(text: str, what: str) -> str:
    if not text.strip():
        raise ClaimcheckError(f"{what} needs some text")
    return text


def _optional(text: str | None) -> str | None:
    return text.strip() or None if text is not None else None


# --- writing ------------------------------------------------------------------------------


def _insert_note(session: Session, claim_id: int, text: str, reviewer: str | None) -> Note:
    note = Note(claim_id=claim_id, text=text, reviewer_id=reviewer_id(session, reviewer))
    session.add(note)
    session.flush()
    return note


def set_status(
    db: Database,
    claim_id: int,
    status: str,
    *,
    expected_version: int | None = None,
    reviewer: str | None = None,
    note: str | None = None,
) -> ClaimState:
    """Give a claim a status, with an optional note saying why."""
    _check_status(status)
    text = None if note is None else _text(note, "a note")
    with db.session() as session:
        current, version = _claim(session, claim_id)
        _expect(session, claim_id, expected_version, version)
        if current == status and text is None:
            return _state(session, claim_id)
        new = _bump(session, claim_id, version, status=status)
        after: dict[str, Any] = {"status": status, "version": new}
        if text is not None:
            after |= {"note_id": _insert_note(session, claim_id, text, reviewer).id, "note": text}
        before = {"status": current, "version": version}
        record(
            session,
            reviewer=reviewer,
            action="status",
            entity="claim",
            entity_id=claim_id,
            before=before,
            after=after,
        )
        return _state(session, claim_id)


def set_cluster_status(
    db: Database, cluster_id: int, status: str, *, reviewer: str | None = None
) -> list[ClaimState]:
    """Give every claim of a cluster, and the cluster, one status."""
    _check_status(status)
    with db.session() as session:
        cluster = session.get(Cluster, cluster_id)
        if cluster is None:
            raise NotFound(f"no cluster {cluster_id}")
        members = list(
            session.execute(
                select(Claim.id, Claim.status, Claim.version)
                .join(ClusterMember, ClusterMember.claim_id == Claim.id)
                .where(ClusterMember.cluster_id == cluster_id)
                .order_by(Claim.id)
            )
        )
        before: list[dict[str, Any]] = []
        after: list[dict[str, Any]] = []
        for claim_id, old, version in members:
            if old == status:
                continue
            new = _bump(session, claim_id, version, status=status)
            was = {"id": claim_id, "status": old, "version": version}
            now = {"id": claim_id, "status": status, "version": new}
            # Entity "claim" so that the claim's history shows it; undone with the cluster's entry.
            record(
                session,
                reviewer=reviewer,
                action="cluster_status",
                entity="claim",
                entity_id=claim_id,
                before=was,
                after={**now, "cluster": cluster_id},
            )
            before.append(was)
            after.append(now)
        if after or cluster.status != status:
            old_status = cluster.status
            cluster.status = status
            # Over the version read: a cluster someone else decided meanwhile is refused.
            flush_or_refuse(
                session,
                f"cluster {cluster_id}",
                (AuditEntry.entity == "cluster") & (AuditEntry.entity_id == cluster_id),
            )
            record(
                session,
                reviewer=reviewer,
                action="cluster_status",
                entity="cluster",
                entity_id=cluster_id,
                before={"status": old_status, "claims": before},
                after={"status": status, "claims": after},
            )
        return [_state(session, claim_id) for claim_id, _, _ in members]


def _link_snapshot(info: LinkInfo, source_id: int | None) -> dict[str, Any]:
    return {
        "link": info.id,
        "relation": info.relation,
        "target_claim": info.target_claim,
        "target_source": info.target_source,
        "target_source_id": source_id,
        "url": info.url,
        "title": info.title,
        "note": info.note,
        "reviewer": info.reviewer,
        "created_at": info.created_at.isoformat(),
    }


def add_link(
    db: Database,
    claim_id: int,
    *,
    relation: str = "corroborates",
    target_claim: int | None = None,
    target_source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    note: str | None = None,
    expected_version: int | None = None,
    reviewer: str | None = None,
) -> LinkInfo:
    """Link evidence to a claim: another claim, a source of the registry, or a URL."""
    if relation not in RELATIONS:
        raise ClaimcheckError(f"{relation!r} is not a relation ({', '.join(RELATIONS)})")
    if sum(target is not None for target in (target_claim, target_source, url)) != 1:
        raise ClaimcheckError("a link needs exactly one target: a claim, a source or a URL")
    given_url = url is not None
    url, title, note = _optional(url), _optional(title), _optional(note)
    if given_url and url is None:
        raise ClaimcheckError("a URL cannot be empty")
    if url is not None and (len(url) > URL_MAX or any(c.isspace() for c in url)):
        raise ClaimcheckError(f"a URL has no spaces and at most {URL_MAX} characters")
    if title is not None and url is None:
        raise ClaimcheckError("a title goes with a URL")
    if title is not None and len(title) > TITLE_MAX:
        raise ClaimcheckError(f"a title has at most {TITLE_MAX} characters")
    with db.session() as session:
        _, version = _claim(session, claim_id)
        _expect(session, claim_id, expected_version, version)
        if target_claim is not None:
            if target_claim == claim_id:
                raise ClaimcheckError("a claim cannot be linked to itself")
            _claim(session, target_claim)
        source_id = None
        if target_source is not None:
            from claimcheck.services.sources import find_source

            try:
                source_id = find_source(session, target_source).id
            except NotFound:
                raise NotFound(f"no source named {target_source!r}") from None
        link = Link(
            claim_id=claim_id,
            target_claim_id=target_claim,
            target_source_id=source_id,
            url=url,
            title=title,
            relation=relation,
            note=note,
            reviewer_id=reviewer_id(session, reviewer),
        )
        session.add(link)
        session.flush()
        new = _bump(session, claim_id, version)
        info = _link(session, link.id)
        after = {**_link_snapshot(info, source_id), "version": new}
        record(
            session,
            reviewer=reviewer,
            action="link",
            entity="claim",
            entity_id=claim_id,
            before=None,
            after=after,
        )
        return info


def remove_link(
    db: Database,
    link_id: int,
    *,
    expected_version: int | None = None,
    reviewer: str | None = None,
) -> LinkInfo:
    """Take a link off its claim; the audit entry keeps everything it said.

    `expected_version` is the version of the claim the reviewer saw the link on: removing
    it over a newer version, or removing a link someone removed already, is a conflict
    naming who changed the claim and when.
    """
    with db.session() as session:
        link = session.get(Link, link_id)
        if link is None or link.claim_id is None:
            raise _removed_link(session, link_id)
        claim_id, source_id = link.claim_id, link.target_source_id
        _, version = _claim(session, claim_id)
        _expect(session, claim_id, expected_version, version)
        # The claim first: its version is the lock that a second remover of this link,
        # or any other writer of the claim, waits on and then finds moved.
        new = _bump(session, claim_id, version)
        # Removed by someone who got there between reading the link and the claim.
        found = _links(session, Link.id == link_id)
        if not found:
            raise _removed_link(session, link_id)
        info = found[0]
        before = _link_snapshot(info, source_id)
        session.execute(delete(Link).where(Link.id == link_id))
        record(
            session,
            reviewer=reviewer,
            action="unlink",
            entity="claim",
            entity_id=claim_id,
            before={**before, "version": version},
            after={"link": link_id, "version": new},
        )
        return info


def _removed_link(session: Session, link_id: int) -> ClaimcheckError:
    """The refusal to remove a link that is not there: a conflict naming who removed it
    and when, or not found if there never was such a link."""
    for entry, name in session.execute(
        select(AuditEntry, Reviewer.name)
        .outerjoin(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
        .where(AuditEntry.entity == "claim", AuditEntry.action == "unlink")
        .order_by(AuditEntry.id.desc())
    ):
        if entry.before and entry.before.get("link") == link_id and entry.entity_id is not None:
            _, version = _claim(session, entry.entity_id)
            summary = _entry(entry, name).summary
            return Conflict(entry.entity_id, name, _utc(entry.at), version, what=summary)
    return NotFound(f"no link {link_id}")


def add_note(
    db: Database,
    claim_id: int,
    text: str,
    *,
    expected_version: int | None = None,
    reviewer: str | None = None,
) -> NoteInfo:
    """A reviewer's note on a claim, kept as written."""
    _text(text, "a note")
    with db.session() as session:
        _, version = _claim(session, claim_id)
        _expect(session, claim_id, expected_version, version)
        note = _insert_note(session, claim_id, text, reviewer)
        new = _bump(session, claim_id, version)
        record(
            session,
            reviewer=reviewer,
            action="note",
            entity="claim",
            entity_id=claim_id,
            before=None,
            after={"note": note.id, "text": text, "version": new},
        )
        (info,) = [n for n in _notes(session, claim_id) if n.id == note.id]
        return info


# --- undo ---------------------------------------------------------------------------------


def undo_last(
    db: Database, *, reviewer: str | None = None, since: dt.datetime | None = None
) -> UndoResult:
    """Take back the reviewer's most recent review action not yet undone (since `since`)."""
    name = reviewer or current_reviewer()
    with db.session() as session:
        rid = reviewer_id(session, name)
        undone = [
            after["undone"]
            for after in session.scalars(
                select(AuditEntry.after).where(
                    AuditEntry.reviewer_id == rid, AuditEntry.action == "undo"
                )
            )
            if after and "undone" in after
        ]
        query = (
            select(AuditEntry)
            .where(
                AuditEntry.reviewer_id == rid,
                AuditEntry.action.in_(UNDOABLE),
                AuditEntry.id.not_in(undone),
                # A cluster verdict's per-claim entries go back with the cluster's entry.
                ~((AuditEntry.action == "cluster_status") & (AuditEntry.entity == "claim")),
            )
            .order_by(AuditEntry.id.desc())
            .limit(1)
        )
        if since is not None:
            query = query.where(AuditEntry.at >= _utc(since))
        entry = session.scalar(query)
        if entry is None:
            raise ClaimcheckError("nothing to undo")
        target = _entry(entry, name)
        _UNDO[entry.action](session, target, name)
        return UndoResult(undone=target, summary=f"undid {target.summary}")


def _undo_record(
    session: Session,
    reviewer: str,
    target: HistoryEntry,
    before: dict[str, Any] | None,
    after: dict[str, Any],
    entity: tuple[str, int | None] | None = None,
) -> None:
    entity_name, entity_id = entity or (target.entity, target.entity_id)
    after = {
        **after,
        "undone": target.id,
        "undone_action": target.action,
        "undone_summary": target.summary,
    }
    record(
        session,
        reviewer=reviewer,
        action="undo",
        entity=entity_name,
        entity_id=entity_id,
        before=before,
        after=after,
    )


def _claim_id(target: HistoryEntry) -> int:
    assert target.entity == "claim" and target.entity_id is not None
    return target.entity_id


def _undo_status(session: Session, target: HistoryEntry, reviewer: str) -> None:
    claim_id = _claim_id(target)
    assert target.before is not None and target.after is not None
    status, version = _claim(session, claim_id)
    if status != target.after["status"]:
        raise _conflict(session, claim_id)
    old = target.before["status"]
    new = _bump(session, claim_id, version, status=old)
    note_id = target.after.get("note_id")
    if note_id is not None:
        note = session.get(Note, note_id)
        if note is not None:
            session.delete(note)
    _undo_record(
        session,
        reviewer,
        target,
        {"status": status, "version": version},
        {"status": old, "version": new},
    )


def _undo_cluster_status(session: Session, target: HistoryEntry, reviewer: str) -> None:
    assert target.before is not None and target.after is not None
    members = target.before["claims"]
    current = {m["id"]: _claim(session, m["id"]) for m in members}
    for claim_id, (status, _) in current.items():
        if status != target.after["status"]:
            raise _conflict(session, claim_id)
    for member in members:
        status, version = current[member["id"]]
        new = _bump(session, member["id"], version, status=member["status"])
        _undo_record(
            session,
            reviewer,
            target,
            {"status": status, "version": version},
            {"status": member["status"], "version": new},
            ("claim", member["id"]),
        )
    cluster = session.get(Cluster, target.entity_id)
    # A cluster dissolved since has no status left to restore; its claims have theirs back.
    if cluster is not None:
        cluster.status = target.before["status"]
    _undo_record(
        session,
        reviewer,
        target,
        {"status": target.after["status"]},
        {"status": target.before["status"]},
    )


def _removed(session: Session, claim_id: int, link_id: int) -> ClaimcheckError:
    """The refusal to undo adding a link someone has removed since, naming who did."""
    for entry, name in session.execute(
        select(AuditEntry, Reviewer.name)
        .outerjoin(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
        .where(AuditEntry.entity == "claim", AuditEntry.entity_id == claim_id)
        .where(AuditEntry.action == "unlink")
        .order_by(AuditEntry.id.desc())
    ):
        if entry.before and entry.before.get("link") == link_id:
            at = f"{_utc(entry.at):%Y-%m-%d %H:%M} UTC"
            return ClaimcheckError(f"link {link_id} was removed by {name} at {at}; nothing undone")
    return ClaimcheckError(f"link {link_id} has been removed since; nothing undone")


def _undo_link(session: Session, target: HistoryEntry, reviewer: str) -> None:
    claim_id = _claim_id(target)
    assert target.after is not None
    link = session.get(Link, target.after["link"])
    if link is None:
        raise _removed(session, claim_id, target.after["link"])
    _, version = _claim(session, claim_id)
    session.delete(link)
    session.flush()
    new = _bump(session, claim_id, version)
    _undo_record(session, reviewer, target, {"link": link.id, "version": version}, {"version": new})


def _undo_unlink(session: Session, target: HistoryEntry, reviewer: str) -> None:
    claim_id = _claim_id(target)
    link = target.before
    assert link is not None
    if link["target_claim"] is not None and session.get(Claim, link["target_claim"]) is None:
        raise ClaimcheckError(f"claim {link['target_claim']} is gone; the link cannot come back")
    source_id = link["target_source_id"]
    if source_id is not None and session.get(SourceRow, source_id) is None:
        # Merged into another source since: its old name is now that source's alias.
        from claimcheck.services.sources import find_source

        source_id = find_source(session, link["target_source"]).id
    taken = session.get(Link, link["link"]) is not None
    restored = Link(
        id=None if taken else link["link"],
        claim_id=claim_id,
        target_claim_id=link["target_claim"],
        target_source_id=source_id,
        url=link["url"],
        title=link["title"],
        relation=link["relation"],
        note=link["note"],
        reviewer_id=reviewer_id(session, link["reviewer"]) if link["reviewer"] else None,
        created_at=dt.datetime.fromisoformat(link["created_at"]),
    )
    session.add(restored)
    session.flush()
    _, version = _claim(session, claim_id)
    new = _bump(session, claim_id, version)
    _undo_record(
        session, reviewer, target, {"version": version}, {"link": restored.id, "version": new}
    )


def _undo_note(session: Session, target: HistoryEntry, reviewer: str) -> None:
    claim_id = _claim_id(target)
    assert target.after is not None
    note = session.get(Note, target.after["note"])
    if note is None:
        raise ClaimcheckError(f"note {target.after['note']} is gone already; nothing undone")
    _, version = _claim(session, claim_id)
    text = note.text
    session.delete(note)
    session.flush()
    new = _bump(session, claim_id, version)
    _undo_record(
        session,
        reviewer,
        target,
        {"note": target.after["note"], "text": text, "version": version},
        {"version": new},
    )


def _undo_pairs(session: Session, target: HistoryEntry, reviewer: str) -> None:
    before, after = target.before or {}, target.after or {}
    if target.action in ("confirm_pair", "reject_pair"):
        pairs = [
            {
                "a": after["a"],
                "b": after["b"],
                "state": before.get("state"),
                "decided": after["state"],
            }
        ]
    elif "pairs" in before:
        pairs = before["pairs"]
    else:
        raise ClaimcheckError(
            f"this {target.action} was recorded without the earlier state of its pairs and "
            "cannot be undone exactly; use `claimcheck clusters` to decide the pairs again"
        )
    from claimcheck.services.clusters import restore_pairs

    restore_pairs(session, pairs)
    undone = [{"a": p["a"], "b": p["b"], "state": p["decided"]} for p in pairs]
    restored = [{"a": p["a"], "b": p["b"], "state": p["state"]} for p in pairs]
    _undo_record(session, reviewer, target, {"pairs": undone}, {"pairs": restored})


def _undo_family(session: Session, target: HistoryEntry, reviewer: str) -> None:
    """Take back a family decision: kept as variants goes back to its earlier status; the
    same claim puts the variant pairs it confirmed back among the suggestions, where the
    family forms again with its earlier status."""
    before, after = target.before or {}, target.after or {}
    family = session.get(Family, target.entity_id)
    if target.action == "keep_variants":
        if family is None or family.status != after["status"]:
            now = "gone" if family is None else f"now {family.status}"
            raise ClaimcheckError(
                f"family {target.entity_id} has changed since ({now}); nothing was undone"
            )
        family.status = before["status"]
        _undo_record(session, reviewer, target, after, {"status": before["status"]})
        return
    if "pairs" not in before:
        raise ClaimcheckError(
            f"this {target.action} was recorded without the earlier state of its pairs and "
            "cannot be undone exactly; use `claimcheck clusters` to decide the pairs again"
        )
    from claimcheck.services.clusters import restore_pairs

    restore_pairs(session, before["pairs"])
    members = before["members"]
    family_id = session.scalar(
        select(FamilyMember.family_id).where(FamilyMember.claim_id.in_(members)).limit(1)
    )
    restored = session.get(Family, family_id) if family_id is not None else None
    if restored is not None:
        restored.status = before["status"]
    _undo_record(
        session,
        reviewer,
        target,
        {"status": after["status"], "members": members},
        {"status": before["status"], "members": members, "family": family_id},
    )


_UNDO: dict[str, Callable[[Session, HistoryEntry, str], None]] = {
    "status": _undo_status,
    "cluster_status": _undo_cluster_status,
    "link": _undo_link,
    "unlink": _undo_unlink,
    "note": _undo_note,
    "confirm_pair": _undo_pairs,
    "reject_pair": _undo_pairs,
    "split": _undo_pairs,
    "merge": _undo_pairs,
    "confirm_family": _undo_family,
    "keep_variants": _undo_family,
}


# --- history ------------------------------------------------------------------------------


def _mentions(entry: AuditEntry) -> set[int]:
    """The claims a pair or cluster decision names."""
    out: set[int] = set()
    for side in (entry.before, entry.after):
        if not side:
            continue
        out.update(side[key] for key in ("a", "b") if isinstance(side.get(key), int))
        for key in ("members", "moved"):
            out.update(side.get(key) or ())
        for pair in side.get("pairs") or ():
            out.update((pair["a"], pair["b"]))
    return out


def history(
    db: Database, claim_id: int | None = None, *, limit: int | None = None
) -> list[HistoryEntry]:
    """Audit entries, newest first: all of them, or those that touched one claim."""
    with db.session() as session:
        query = select(AuditEntry, Reviewer.name).outerjoin(
            Reviewer, AuditEntry.reviewer_id == Reviewer.id
        )
        if claim_id is None:
            rows = session.execute(query.order_by(AuditEntry.id.desc()).limit(limit)).all()
            return [_entry(entry, name) for entry, name in rows]
        _claim(session, claim_id)
        own = (AuditEntry.entity == "claim") & (AuditEntry.entity_id == claim_id)
        # Pair and cluster decisions name their claims inside the entry, not in entity_id.
        decisions = (AuditEntry.entity.in_(("claim_pair", "cluster", "family"))) & (
            AuditEntry.action != "cluster_status"
        )
        touching = session.execute(query.where(or_(own, decisions)).order_by(AuditEntry.id.desc()))
        found = [
            _entry(entry, name)
            for entry, name in touching
            if entry.entity == "claim" or claim_id in _mentions(entry)
        ]
        return found[:limit] if limit is not None else found


def _entry(entry: AuditEntry, reviewer: str | None) -> HistoryEntry:
    return HistoryEntry(
        id=entry.id,
        at=_utc(entry.at),
        reviewer=reviewer,
        action=entry.action,
        entity=entry.entity,
        entity_id=entry.entity_id,
        before=entry.before,
        after=entry.after,
        summary=describe(entry.action, entry.entity, entry.entity_id, entry.before, entry.after),
    )


def _quote(text: str, width: int = 60) -> str:
    folded = " ".join(text.split())
    return f'"{folded if len(folded) <= width else folded[: width - 1] + "…"}"'


def _target(link: dict[str, Any]) -> str:
    if link.get("target_claim") is not None:
        return f"claim {link['target_claim']}"
    if link.get("target_source") is not None:
        return f"source {link['target_source']}"
    title = f" {_quote(link['title'])}" if link.get("title") else ""
    return f"{link.get('url')}{title}"


def _ids(values: Sequence[int]) -> str:
    return ", ".join(str(v) for v in values)


def describe(
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> str:
    """One line in words for an audit entry."""
    was, now = before or {}, after or {}
    if action == "status":
        note = f" with note {_quote(now['note'])}" if now.get("note") else ""
        return f"status {was.get('status')} -> {now.get('status')}{note}"
    if action == "cluster_status" and entity == "claim":
        return (
            f"status {was.get('status')} -> {now.get('status')} with cluster {now.get('cluster')}"
        )
    if action == "cluster_status":
        count = len(now.get("claims") or ())
        return f"cluster {entity_id} set to {now.get('status')}, {count} claims changed"
    if action == "link":
        return f"link {now.get('link')} added: {now.get('relation')} {_target(now)}"
    if action == "unlink":
        return f"link {was.get('link')} removed: {was.get('relation')} {_target(was)}"
    if action == "note":
        return f"note {now.get('note')} added: {_quote(now.get('text') or '')}"
    if action == "undo":
        return f"undid {now.get('undone_summary') or 'entry ' + str(now.get('undone'))}"
    if action == "confirm_pair":
        return f"claims {now.get('a')} and {now.get('b')} confirmed as the same claim"
    if action == "reject_pair":
        return f"claims {now.get('a')} and {now.get('b')} rejected as different claims"
    if action == "split" and entity == "cluster":
        return f"claims {_ids(now.get('moved') or ())} split out of cluster {entity_id}"
    if action == "merge" and entity == "cluster":
        return f"clusters {_ids(was.get('clusters') or ())} merged"
    if action == "confirm_family":
        count = len(now.get("members") or ())
        return f"family {entity_id} confirmed as one claim ({count} claims)"
    if action == "keep_variants":
        count = len(now.get("members") or ())
        return f"family {entity_id} kept as variants whose figures disagree ({count} claims)"
    if action == "carry_over":
        return f"review carried over from claim {was.get('claim')} of the earlier version"
    if action == "ingest":
        return f"document {now.get('path')} ingested (version {now.get('version')})"
    return f"{action} {entity} {entity_id if entity_id is not None else ''}".rstrip()
