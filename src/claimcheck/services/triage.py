"""Claims in triage order, a keyset page at a time, read through `ix_claims_triage`.

Triage order: unreviewed claims first; within each, unattributed claims first, then the
most check-worthy, the claim id breaking ties. One ORDER BY on that order sorts every
matching claim for each page; instead the order is walked as four groups in turn
(unreviewed and unattributed, unreviewed and attributed, reviewed and unattributed,
reviewed and attributed), each an index range of (status, kind, attributed) read in
(checkworthiness DESC, id) order and stopped as soon as the page is full; a reviewed
group is one range per status, merged. A page after
a key starts inside the key's group, after the key, so page 400 costs what page 1 costs.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import False_

from claimcheck.core.vocabulary import STATUSES
from claimcheck.store.models import Claim, Document

REVIEWED = STATUSES[1:]


@dataclass(frozen=True, slots=True)
class TriageKey:
    """Where a claim stands in triage order: 0 before 1, then checkworthiness downwards."""

    reviewed: int
    attributed: int
    checkworthiness: float
    id: int


def current() -> ColumnElement[bool]:
    """Claims of current document versions: the few superseded documents ruled out, which
    the index answers (it holds each claim's document), where a join would read each row."""
    superseded = select(Document.id).where(Document.superseded_by_id.is_not(None))
    return Claim.document_id.not_in(superseded)


def key_of(status: str, kind: str, attributed: bool, checkworthiness: float, id: int) -> TriageKey:
    unattributed = kind == "claim" and not attributed
    return TriageKey(int(status != "unreviewed"), int(not unattributed), checkworthiness, id)


def _group(status: str, attributed: int, kind: str | None) -> ColumnElement[bool]:
    if kind is not None and kind != "claim":
        # Only claims proper can be unattributed: every other kind is in the second group.
        return Claim.status == status if attributed else false()
    flag = Claim.attributed.is_(true()) if attributed else Claim.attributed.is_(false())
    in_group = and_(Claim.kind == "claim", flag)
    if attributed and kind is None:
        in_group = or_(in_group, Claim.kind != "claim")
    return and_(Claim.status == status, in_group)


Query = Select[int, str, str, bool, float]


def triage_queries(
    conditions: Sequence[ColumnElement[bool]],
    *,
    kind: str | None,
    after: TriageKey | None = None,
    size: int = 300,
    backwards: bool = False,
) -> Iterator[list[Query]]:
    """The statements for one page, group by group; each group is read only if needed.

    `conditions` are the caller's filters on claims (documents through subqueries, as
    `current()` does); `kind` is the one kind they keep (None: all kinds), so that each
    statement is a range of the index. A reviewed group is one statement per status,
    each in the group's order, to be merged. Rows are (id, status, kind, attributed,
    checkworthiness). `backwards` walks the order from its end (the index read in
    reverse), and `after` is then the key the page ends before.
    """
    groups = [(reviewed, attributed) for reviewed in (0, 1) for attributed in (0, 1)]
    for here in reversed(groups) if backwards else groups:
        if after is not None:
            at = (after.reviewed, after.attributed)
            if (here > at) if backwards else (here < at):
                continue
        group = []
        reviewed, attributed = here
        for status in REVIEWED if reviewed else ("unreviewed",):
            order = (
                (Claim.checkworthiness, Claim.id.desc())
                if backwards
                else (Claim.checkworthiness.desc(), Claim.id)
            )
            query = (
                select(Claim.id, Claim.status, Claim.kind, Claim.attributed, Claim.checkworthiness)
                .where(*conditions, _group(status, attributed, kind))
                .order_by(*order)
                .limit(size)
            )
            if after is not None and here == (after.reviewed, after.attributed):
                # A range on the index (<= or >=), then the ties at the key's own value.
                if backwards:
                    query = query.where(
                        Claim.checkworthiness >= after.checkworthiness,
                        or_(
                            Claim.checkworthiness > after.checkworthiness,
                            Claim.id < after.id,
                        ),
                    )
                else:
                    query = query.where(
                        Claim.checkworthiness <= after.checkworthiness,
                        or_(
                            Claim.checkworthiness < after.checkworthiness,
                            Claim.id > after.id,
                        ),
                    )
            group.append(query)
        yield group


def triage_page(
    session: Session,
    conditions: Sequence[ColumnElement[bool]],
    *,
    kind: str | None,
    after: TriageKey | None = None,
    size: int = 300,
    backwards: bool = False,
) -> list[TriageKey]:
    """Up to `size` claims after `after` in triage order, as their keys; `backwards`:
    the claims before `after` (from the end when None), nearest first."""
    if any(isinstance(condition, False_) for condition in conditions):
        # Nothing can match (a search found nothing): walking every group of the index
        # to learn so took a fifth of a search at 100k claims.
        return []
    found: list[TriageKey] = []
    for group in triage_queries(conditions, kind=kind, after=after, size=size, backwards=backwards):
        wanted = size - len(found)
        streams = [
            [key_of(status, claim_kind, attributed, worth, claim_id)
             for claim_id, status, claim_kind, attributed, worth in session.execute(
                 query.limit(wanted))]
            for query in group
        ]  # fmt: skip
        merged = heapq.merge(
            *streams,
            key=lambda k: (k.checkworthiness, -k.id) if backwards else (-k.checkworthiness, k.id),
        )
        found.extend(itertools.islice(merged, wanted))
        if len(found) >= size:
            break
    return found
