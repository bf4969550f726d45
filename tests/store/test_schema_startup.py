"""Opening a database at the newest schema: the same answer as Alembic, without loading it."""

from __future__ import annotations

import subprocess
import sys

from claimcheck.services.database import open_database
from claimcheck.store import schema


def test_the_recorded_head_is_the_newest_migration() -> None:
    # A new revision in migrations/versions must update schema.HEAD, or every command
    # would take a current database for an old one.
    assert schema.head_revision() == schema.HEAD


def test_opening_a_current_database_does_not_load_alembic(sqlite_url: str) -> None:
    open_database(sqlite_url).close()  # created at head, through Alembic
    probe = (
        "import sys\n"
        "from claimcheck.services.database import open_database\n"
        f"open_database({sqlite_url!r}).close()\n"
        "print(any(name.split('.')[0] == 'alembic' for name in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_db_current_answers_without_alembic(sqlite_url: str) -> None:
    open_database(sqlite_url).close()
    probe = (
        "import sys\n"
        "from claimcheck.cli import main\n"
        f"main(['--db', {sqlite_url!r}, 'db', 'current'], standalone_mode=False)\n"
        "print(any(name.split('.')[0] == 'alembic' for name in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == [
        f"Database schema at {schema.HEAD} (newest: {schema.HEAD})",
        "False",
    ]
