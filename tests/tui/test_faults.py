"""Faults end in a notice a reviewer can act on, never in a crash."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from textual.pilot import Pilot
from textual.worker import WorkerFailed

from claimcheck.errors import Conflict
from claimcheck.services import database
from claimcheck.services.faults import describe
from claimcheck.tui.app import make_app
from tests.conftest import fresh_sqlite
from tests.tui.conftest import REVIEWER

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")


async def test_a_database_behind_the_schema_says_to_upgrade(tmp_path: Path) -> None:
    url = fresh_sqlite(tmp_path / "old.db")
    database.open_database(url).close()
    database.downgrade(url, "49ce8544f80a")
    app = make_app(url, REVIEWER, cursor_blink=False)
    async with app.run_test(size=(120, 30)) as pilot:
        # The opening worker fails, as it should: waiting on it raises when it is still
        # listed among the workers, and not when it has already been cleared away.
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await Pilot(app).pause()
        messages = [n.message for n in app._notifications]
        assert any("run `claimcheck db upgrade`" in m for m in messages)
        await pilot.press("j", "s", "enter", "question_mark", "escape")
        assert app.is_running


def test_database_failures_are_worded_for_a_reviewer() -> None:
    locked = OperationalError("UPDATE claims", {}, sqlite3.OperationalError("database is locked"))
    assert describe(locked) == (
        "the database file is locked by another program: try again in a moment"
    )
    gone = OperationalError("SELECT 1", {}, Exception("server closed the connection"))
    gone.connection_invalidated = True
    assert describe(gone) == (
        "lost the connection to the database: check the server, then try again"
    )
    refused = OperationalError("SELECT 1", {}, Exception("connection refused\nmore"))
    assert describe(refused) == "the database failed: connection refused (is the server up?)"
    conflict = Conflict(12, "alice", None, 5)
    assert describe(conflict).startswith("claim 12 was changed by alice (now version 5)")
