"""`show` reads one claim through indexes, never the whole claims table, and ingest into a
corpus reads its batch's claims, not the corpus's (the listings' plans are checked in
tests/services/test_listing_indexes.py)."""

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


def test_ingest_into_a_corpus_reads_its_batch_not_the_corpus(db: Database, tmp_path: Any) -> None:
    # SQLite keeps no statistics here, so a query naming `kind` was answered by walking
    # the index on kind, every claim of the corpus, however few the batch's claims were.
    ingest(db, [CORPUS])
    more = tmp_path / "more"
    more.mkdir()
    (more / "wire.txt").write_text(
        "The council approved a budget of 4 million euros on Monday, the mayor said.\n\n"
        "Officials said the bridge will reopen in June after repairs.\n",
        encoding="utf-8",
    )
    seen = plans(db, lambda: ingest(db, [more]))
    assert seen
    for plan in seen:
        assert "SCAN claims" not in plan, plan
    # Asking whether any claim lies outside the batch stops at the first row found.
    walks = [plan for plan in seen if "(kind=?)" in plan]
    assert len(walks) <= 1, walks
