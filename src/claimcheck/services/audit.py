"""The audit log: every change says who, when, what, before and after."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from claimcheck.errors import StaleWrite
from claimcheck.store.models import AuditEntry, Base, Reviewer

# How a refusal names the change that got there first.
_CHANGES = {
    ("source", "add_alias"): "an alias added",
    ("source", "rename"): "renamed",
    ("source", "set_kind"): "its kind changed",
    ("source", "merge"): "a source merged into it",
    ("claim_pair", "confirm_pair"): "confirmed as the same claim",
    ("claim_pair", "reject_pair"): "rejected as different claims",
    ("cluster", "split"): "a cluster split",
    ("cluster", "merge"): "clusters merged",
    ("cluster", "cluster_status"): "a cluster's status set",
    ("family", "confirm_family"): "a family confirmed as one claim",
    ("family", "keep_variants"): "a family kept as variants",
}


def current_reviewer() -> str:
    """The reviewer named by CLAIMCHECK_REVIEWER, else the login name."""
    name = os.environ.get("CLAIMCHECK_REVIEWER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def reviewer_id(session: Session, name: str | None) -> int:
    name = name or current_reviewer()
    # Carrying reviews over records one entry per sentence: look the reviewer up once.
    known: dict[str, int] = session.info.setdefault("reviewer_ids", {})
    if name not in known:
        found = session.scalar(select(Reviewer.id).where(Reviewer.name == name))
        if found is None:
            reviewer = Reviewer(name=name)
            session.add(reviewer)
            session.flush()
            found = reviewer.id
        known[name] = found
    return known[name]


def record(
    session: Session,
    *,
    reviewer: str | None,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Append one entry, in the caller's transaction, so a change and its record land together."""
    session.add(
        AuditEntry(
            reviewer_id=reviewer_id(session, reviewer),
            action=action,
            entity=entity,
            entity_id=entity_id,
            before=before,
            after=after,
        )
    )


def touch(row: Base, attribute: str) -> None:
    """Mark a versioned row changed, so that the flush writes its next version only over the
    version this session read (and, on PostgreSQL, holds the row until commit)."""
    flag_modified(row, attribute)


def refusal(
    session: Session,
    subject: str,
    entries: ColumnElement[bool],
    mentions: Callable[[AuditEntry], bool] = lambda entry: True,
) -> StaleWrite:
    """The refusal of a write over `subject`, changed since this session read it, naming the
    latest audit entry among `entries` that `mentions` it. Read in a session of its own:
    the one whose write failed can only roll back."""
    with Session(session.get_bind()) as fresh:
        for entry, name in fresh.execute(
            select(AuditEntry, Reviewer.name)
            .outerjoin(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
            .where(entries)
            .order_by(AuditEntry.id.desc())
            .limit(500)
        ):
            if mentions(entry):
                at = entry.at.replace(tzinfo=dt.UTC) if entry.at.tzinfo is None else entry.at
                what = _CHANGES.get((entry.entity, entry.action), entry.action)
                return StaleWrite(subject, name, at, what)
    return StaleWrite(subject, None, None, None)


def flush_or_refuse(
    session: Session,
    subject: str,
    entries: ColumnElement[bool],
    mentions: Callable[[AuditEntry], bool] = lambda entry: True,
) -> None:
    """Write the session's changes now; a versioned row someone changed since it was read
    is refused with who changed it and when, and nothing of this transaction is saved."""
    try:
        session.flush()
    except StaleDataError as error:
        raise refusal(session, subject, entries, mentions) from error
