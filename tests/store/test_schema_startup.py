"""Opening a database at the newest schema: the same answer as Alembic, without loading it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.services.database import open_database
from claimcheck.store import schema


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert schema._head_from_files() == schema.head_revision()


def test_a_revision_file_in_an_unknown_layout_leaves_the_decision_to_alembic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "versions").mkdir()
    (tmp_path / "versions" / "a.py").write_text('revision = "a"\ndown_revision = None\n')
    (tmp_path / "versions" / "b.py").write_text('revision = "b"\ndown_revision = (\n    "a",\n)\n')
    monkeypatch.setattr(schema, "migrations_dir", lambda: tmp_path)
    assert schema._head_from_files() is None


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
