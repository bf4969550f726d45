"""`claimcheck db backup FILE`: a consistent copy of a SQLite database, even while it is in
use; for PostgreSQL, the pg_dump command (never with the password)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import create_engine, text

from claimcheck.cli import main
from tests.gold import SEED


def cli(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_sqlite_backup_is_a_working_copy_made_while_the_database_is_in_use(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'live.db'}"
    assert cli("--db", url, "ingest", str(SEED))[0] == 0
    assert cli("--db", url, "verdict", "1", "disputed", "--note", "two sources differ")[0] == 0
    # Another writer holds the database (its last change still in the WAL) meanwhile.
    engine = create_engine(url)
    with engine.connect() as busy:
        busy.execute(text("UPDATE claims SET status = 'false' WHERE id = 2"))
        busy.commit()
        busy.execute(text("BEGIN IMMEDIATE"))
        code, out, err = cli("--db", url, "db", "backup", str(tmp_path / "copy.db"))
        busy.rollback()
    engine.dispose()
    assert (code, err) == (0, "")
    assert out == f"Backed up to {tmp_path / 'copy.db'}\n"
    copy = f"sqlite:///{tmp_path / 'copy.db'}"
    assert cli("--db", copy, "export")[1] == cli("--db", url, "export")[1]
    assert '"status": "false"' in cli("--db", copy, "export")[1]
    assert "two sources differ" in cli("--db", copy, "show", "1")[1]
    # Never over an existing file.
    code, _, err = cli("--db", url, "db", "backup", str(tmp_path / "copy.db"))
    assert code == 1
    assert err == f"Error: {tmp_path / 'copy.db'} exists already; name a new file\n"


def test_for_postgresql_the_pg_dump_command_is_printed_without_the_password() -> None:
    url = "postgresql+psycopg://desk:s3cret@db.example.org:5433/newsroom"
    code, out, err = cli("--db", url, "db", "backup", "nightly.dump")
    assert (code, err) == (0, "")
    assert out == (
        "Run: pg_dump --format=custom --file nightly.dump "
        "postgresql://desk@db.example.org:5433/newsroom\n"
    )
