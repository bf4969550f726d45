"""On PostgreSQL the audit log refuses UPDATE, DELETE and TRUNCATE, whoever asks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from claimcheck.services.database import open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.sources import add_alias
from claimcheck.store.models import AuditEntry
from tests.conftest import NewPostgres


@pytest.mark.postgres
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET action = 'nothing'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT min(id) FROM audit_log)",
        "TRUNCATE audit_log CASCADE",
    ],
)
def test_postgres_refuses_to_change_the_audit_log(
    statement: str, tmp_path: Path, new_postgres: NewPostgres
) -> None:
    (tmp_path / "a.txt").write_text("Xinhua said the dam held.\n")
    db = open_database(new_postgres())
    try:
        ingest(db, [tmp_path / "a.txt"])
        add_alias(db, "Xinhua", "NCNA", reviewer="ada")
        with (
            pytest.raises(DBAPIError, match="audit_log is append-only"),
            db.engine.begin() as connection,
        ):
            connection.execute(text(statement))
        with db.session() as session:
            actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
            assert actions == ["ingest", "add_alias"]
    finally:
        db.close()
