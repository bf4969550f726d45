"""The listings a reviewer runs on a large corpus read indexes, never the whole claims table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event

from claimcheck.services.claims import ClaimFilter, get_claim, iter_claims
from claimcheck.services.database import Database
from claimcheck.services.ingest import ingest
from tests.gold import CORPUS


def plans(db: Database, action: Callable[[], Any]) -> list[str]:
    """The SQLite query plans of the statements ``action`` runs that read claims."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "FROM claims" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        action()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    out = []
    with db.engine.connect() as connection:
        for statement, params in seen:
            raw = connection.connection.cursor()
            rows = raw.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
            out.append("\n".join(row[-1] for row in rows))
    return out


@pytest.mark.parametrize(
    "where",
    [
        ClaimFilter(unattributed=True, sort="checkworthiness", limit=20),
        ClaimFilter(source="Xinhua", limit=20),
        ClaimFilter(document=str(CORPUS / "wic_universal_cyberspace.txt"), limit=20),
    ],
    ids=["unattributed by check-worthiness", "source", "document"],
)
def test_claim_listings_use_indexes(db: Database, where: ClaimFilter) -> None:
    ingest(db, [CORPUS])
    found = plans(db, lambda: list(iter_claims(db, where)))
    assert found
    for plan in found:
        assert "SCAN claims" not in plan, plan
    if where.unattributed:
        assert "ix_claims_rank" in found[0]


def test_show_uses_indexes(db: Database) -> None:
    ingest(db, [CORPUS])
    claim_id = next(iter_claims(db)).id
    for plan in plans(db, lambda: get_claim(db, claim_id)):
        assert "SCAN " not in plan, plan
