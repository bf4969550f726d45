"""Alembic revisions and the models agree, and move both ways on both engines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from claimcheck.errors import ClaimcheckError
from claimcheck.services.database import current, downgrade, open_database, upgrade
from claimcheck.store import schema
from claimcheck.store.engine import Database
from claimcheck.store.models import Base
from tests.conftest import NewPostgres

TABLES = {
    "alembic_version", "attributions", "audit_log", "band_runs", "claim_pairs",
    "claim_signatures", "claims", "cluster_members", "clusters", "dedupe_common_words",
    "dedupe_thresholds", "documents", "families",
    "family_members", "links", "notes", "reviewers", "source_aliases", "sources",
}  # fmt: skip


def tables(url: str) -> set[str]:
    db = Database(url)
    try:
        return set(inspect(db.engine).get_table_names())
    finally:
        db.close()


def test_one_head() -> None:
    assert len(ScriptDirectory(str(schema.migrations_dir())).get_heads()) == 1


def test_upgrade_to_head_then_down_to_base_and_up_again(empty_db_url: str) -> None:
    state = upgrade(empty_db_url)
    assert state.current == state.head
    assert tables(empty_db_url) == TABLES
    state = downgrade(empty_db_url, "base")
    assert state.current is None
    assert tables(empty_db_url) <= {"alembic_version"}
    upgrade(empty_db_url)
    assert tables(empty_db_url) == TABLES


def test_models_and_migrations_agree(empty_db_url: str) -> None:
    upgrade(empty_db_url)
    db = Database(empty_db_url)
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        db.close()
    assert differences == []


def test_a_new_database_is_created_at_head(empty_db_url: str) -> None:
    db = open_database(empty_db_url)
    db.close()
    state = current(empty_db_url)
    assert state.current == state.head


def test_sqlite_has_foreign_keys_and_wal(empty_sqlite_url: str) -> None:
    db = open_database(empty_sqlite_url)
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.close()


@pytest.fixture
def newer_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the migrations with one more revision, as a newer claimcheck would have."""
    folder = tmp_path / "migrations"
    shutil.copytree(schema.migrations_dir(), folder)
    old_head = ScriptDirectory(str(folder)).get_current_head()
    (folder / "versions" / "next_rev.py").write_text(
        f'revision = "next"\ndown_revision = "{old_head}"\nbranch_labels = None\n'
        "depends_on = None\n\n\n"
        "def upgrade() -> None:\n    pass\n\n\n"
        "def downgrade() -> None:\n    pass\n"
    )
    monkeypatch.setattr(schema, "migrations_dir", lambda: folder)
    monkeypatch.setattr(schema, "HEAD", "next")  # as a new revision records it
    return "next"


def test_a_database_behind_head_is_refused_with_the_command_to_run(
    sqlite_url: str, newer_migrations: str
) -> None:
    older = ScriptDirectory(str(schema.migrations_dir())).get_revision(newer_migrations)
    assert older is not None and isinstance(older.down_revision, str)
    upgrade(sqlite_url, older.down_revision)
    with pytest.raises(ClaimcheckError, match="run `claimcheck db upgrade`"):
        open_database(sqlite_url)
    assert upgrade(sqlite_url).current == newer_migrations
    open_database(sqlite_url).close()


def test_a_database_from_a_newer_claimcheck_is_refused(
    sqlite_url: str, newer_migrations: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    upgrade(sqlite_url)
    assert current(sqlite_url).current == newer_migrations
    monkeypatch.undo()
    with pytest.raises(ClaimcheckError, match="newer version"):
        open_database(sqlite_url)


def test_a_database_with_foreign_tables_is_not_touched(empty_sqlite_url: str) -> None:
    db = Database(empty_sqlite_url)
    with db.engine.begin() as connection:
        connection.execute(text("CREATE TABLE mine (x INTEGER)"))
    db.close()
    with pytest.raises(ClaimcheckError, match="did not create"):
        open_database(empty_sqlite_url)
    assert tables(empty_sqlite_url) == {"mine"}


def test_moving_a_populated_database_keeps_its_claims(db_url: str) -> None:
    from claimcheck.services.ingest import ingest
    from tests.gold import SEED

    db = open_database(db_url)
    ingest(db, [SEED])
    db.close()

    def counts() -> list[int]:
        db = Database(db_url)
        try:
            with db.engine.connect() as connection:
                return [
                    connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                    for table in ("documents", "claims", "attributions")
                ]
        finally:
            db.close()

    stored = counts()
    assert stored[1] > 0
    # Down to the first revision and back up: SQLite's batch mode copies tables, which must
    # not delete the rows that refer to them.
    downgrade(db_url, "49ce8544f80a")
    assert counts() == stored
    upgrade(db_url)
    assert counts() == stored


@pytest.mark.postgres
def test_band_runs_are_stored_uncompressed_on_postgresql(new_postgres: NewPostgres) -> None:
    pg_url = new_postgres()

    def storage() -> dict[str, str]:
        db = Database(pg_url)
        try:
            with db.engine.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT attname, attstorage FROM pg_attribute"
                        " WHERE attrelid = 'band_runs'::regclass"
                        " AND attname IN ('hashes', 'claim_ids')"
                    )
                )
                return {name: kind for name, kind in rows}
        finally:
            db.close()

    upgrade(pg_url)
    assert storage() == {"hashes": "e", "claim_ids": "e"}  # external: never compressed
    downgrade(pg_url, "5c0e7a91d2b3")
    assert storage() == {"hashes": "x", "claim_ids": "x"}  # extended: compressed first
