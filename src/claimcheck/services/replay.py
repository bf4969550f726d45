"""Review state rebuilt from the audit log alone, to check that the log is complete.

Replaying every entry, in order, over a freshly ingested corpus (every claim unreviewed, no
link, note or decided pair) must give the state the tables hold: claim statuses, links,
notes and reviewers' near-duplicate decisions. Cluster membership is not review state: it
is recomputed from the pairs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from claimcheck.core.vocabulary import DECIDED
from claimcheck.store.engine import Database
from claimcheck.store.models import AuditEntry, Claim, ClaimPair, Link, Note

LinkRow = tuple[int, str, int | None, int | None, str | None, str | None, str | None]


@dataclass(slots=True)
class ReviewState:
    statuses: dict[int, str] = field(default_factory=dict)  # claims not "unreviewed"
    links: dict[int, LinkRow] = field(default_factory=dict)  # claim, relation, targets, ...
    notes: dict[int, tuple[int, str]] = field(default_factory=dict)  # claim, text
    pairs: dict[tuple[int, int], str] = field(default_factory=dict)  # decided pairs

    def set_status(self, claim_id: int, status: str) -> None:
        if status == "unreviewed":
            self.statuses.pop(claim_id, None)
        else:
            self.statuses[claim_id] = status

    def set_pair(self, a: int, b: int, state: str | None) -> None:
        if state in DECIDED:
            self.pairs[(a, b)] = state
        else:
            self.pairs.pop((a, b), None)


def review_state(db: Database) -> ReviewState:
    """The review state the tables hold now."""
    state = ReviewState()
    with db.session() as session:
        for claim_id, status in session.execute(
            select(Claim.id, Claim.status).where(Claim.status != "unreviewed")
        ):
            state.statuses[claim_id] = status
        for link in session.scalars(select(Link).where(Link.claim_id.is_not(None))):
            assert link.claim_id is not None
            state.links[link.id] = (
                link.claim_id,
                link.relation,
                link.target_claim_id,
                link.target_source_id,
                link.url,
                link.title,
                link.note,
            )
        for note in session.scalars(select(Note)):
            state.notes[note.id] = (note.claim_id, note.text)
        for a, b, pair_state in session.execute(
            select(ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state).where(
                ClaimPair.state.in_(DECIDED)
            )
        ):
            state.pairs[(a, b)] = pair_state
    return state


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    action: str
    entity: str
    entity_id: int | None
    before: dict[str, Any]
    after: dict[str, Any]


def replay(db: Database) -> ReviewState:
    """The review state the audit log describes, replayed over the ingested corpus."""
    state = ReviewState()
    seen: dict[int, Entry] = {}
    with db.session() as session:
        rows = session.execute(
            select(
                AuditEntry.id,
                AuditEntry.action,
                AuditEntry.entity,
                AuditEntry.entity_id,
                AuditEntry.before,
                AuditEntry.after,
            ).order_by(AuditEntry.id)
        )
        for row in rows:
            entry = Entry(row[0], row[1], row[2], row[3], row[4] or {}, row[5] or {})
            step = _STEPS.get(entry.action)
            if step is not None:
                step(state, entry, seen)
            seen[entry.id] = entry
    return state


def _claim(entry: Entry) -> int:
    assert entry.entity == "claim" and entry.entity_id is not None, entry
    return entry.entity_id


def _link_row(claim_id: int, snapshot: dict[str, Any]) -> LinkRow:
    return (
        claim_id,
        snapshot["relation"],
        snapshot["target_claim"],
        snapshot["target_source_id"],
        snapshot["url"],
        snapshot["title"],
        snapshot["note"],
    )


def _status(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    if entry.entity != "claim":
        return  # a cluster's own entry: its claims have entries of their own
    state.set_status(_claim(entry), entry.after["status"])
    if entry.after.get("note_id") is not None:
        state.notes[entry.after["note_id"]] = (_claim(entry), entry.after["note"])


def _link(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    state.links[entry.after["link"]] = _link_row(_claim(entry), entry.after)


def _unlink(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    state.links.pop(entry.after["link"], None)


def _note(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    state.notes[entry.after["note"]] = (_claim(entry), entry.after["text"])


def _pair(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    state.set_pair(entry.after["a"], entry.after["b"], entry.after["state"])


def _pairs(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    for pair in entry.before.get("pairs", ()):
        state.set_pair(pair["a"], pair["b"], pair["decided"])


def _undo(state: ReviewState, entry: Entry, seen: dict[int, Entry]) -> None:
    undone = seen[entry.after["undone"]]
    action = undone.action
    if action in ("status", "cluster_status"):
        if entry.entity == "claim":
            state.set_status(_claim(entry), entry.after["status"])
        if action == "status" and undone.after.get("note_id") is not None:
            state.notes.pop(undone.after["note_id"], None)
    elif action == "link":
        state.links.pop(entry.before["link"], None)
    elif action == "unlink":
        state.links[entry.after["link"]] = _link_row(_claim(entry), undone.before)
    elif action == "note":
        state.notes.pop(entry.before["note"], None)
    else:  # pair decisions, splits and merges
        for pair in entry.after.get("pairs", ()):
            state.set_pair(pair["a"], pair["b"], pair["state"])


def _carry_over(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    """A reviewed sentence found again in a new version takes its review along."""
    old, new = entry.before["claim"], entry.after["claim"]
    state.set_status(new, state.statuses.get(old, "unreviewed"))
    for note_id, (claim_id, text) in list(state.notes.items()):
        if claim_id == old:
            state.notes[note_id] = (new, text)
    for link_id, row in list(state.links.items()):
        claim_id, relation, target, *rest = row
        if old in (claim_id, target):
            state.links[link_id] = (
                new if claim_id == old else claim_id,
                relation,
                new if target == old else target,
                *rest,
            )  # type: ignore[assignment]
    for (a, b), pair_state in list(state.pairs.items()):
        if old in (a, b):
            other = b if a == old else a
            del state.pairs[(a, b)]
            key = (min(other, new), max(other, new))
            if other != new and key not in state.pairs:
                state.pairs[key] = pair_state


def _source_merge(state: ReviewState, entry: Entry, _seen: dict[int, Entry]) -> None:
    """Links to a merged source now point at the source it was merged into."""
    if entry.entity != "source":
        return
    gone = entry.before.get("id")
    for link_id, (claim_id, relation, target, source, *rest) in list(state.links.items()):
        if source is not None and source == gone:
            state.links[link_id] = (claim_id, relation, target, entry.entity_id, *rest)  # type: ignore[assignment]


def _merge(state: ReviewState, entry: Entry, seen: dict[int, Entry]) -> None:
    if entry.entity == "cluster":
        _pairs(state, entry, seen)
    else:
        _source_merge(state, entry, seen)


_STEPS: dict[str, Callable[[ReviewState, Entry, dict[int, Entry]], None]] = {
    "status": _status,
    "cluster_status": _status,
    "link": _link,
    "unlink": _unlink,
    "note": _note,
    "confirm_pair": _pair,
    "reject_pair": _pair,
    "split": _pairs,
    "merge": _merge,
    "undo": _undo,
    "carry_over": _carry_over,
}
