"""Planner statistics for tables filled in bulk (PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import text

from claimcheck.services.database import open_database
from claimcheck.store.statistics import analyze_unknown


def test_tables_never_analyzed_are_analyzed_once(db_url: str) -> None:
    db = open_database(db_url)
    tables = ["claims", "documents", "no_such_table"]
    with db.session() as session:
        first = analyze_unknown(session, tables)
    with db.session() as session:
        again = analyze_unknown(session, tables)
        if db.dialect == "postgresql":
            known = session.scalar(
                text(
                    "SELECT count(*) FROM pg_class"
                    " WHERE relname IN ('claims', 'documents') AND reltuples >= 0"
                )
            )
    if db.dialect == "postgresql":
        # A new database's tables were never analyzed: the planner would take them for
        # tables of a few rows whatever they hold.
        assert first == ["claims", "documents"]
        assert known == 2
    else:
        assert first == []
    assert again == []
    db.close()
