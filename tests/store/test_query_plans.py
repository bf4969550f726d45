"""`show` reads one claim through indexes, never the whole claims table (the listings' plans
are checked in tests/services/test_listing_indexes.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from claimcheck.services.claims import get_claim, iter_claims
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


def test_show_uses_indexes(db: Database) -> None:
    ingest(db, [CORPUS])
    claim_id = next(iter_claims(db)).id
    for plan in plans(db, lambda: get_claim(db, claim_id)):
        assert "SCAN " not in plan, plan
