"""The audit log: every change says who, when, what, before and after."""

from __future__ import annotations

import getpass
import os
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from claimcheck.store.models import AuditEntry, Reviewer


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
