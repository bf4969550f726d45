"""Reviewers at the same time on one database: 8 processes on PostgreSQL, 4 on SQLite,
each making random verdicts, links, unlinks and notes on 200 shared claims. Every change
made is in the audit log, every refused one was a conflict its writer was told of, nothing
else failed ("database is locked" included), and the final state is the audit log replayed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimcheck.services.database import open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.replay import replay, review_state
from claimcheck.store.models import AuditEntry, Claim, Reviewer
from tests.conftest import NewPostgres, fresh_sqlite
from tests.generated import write_corpus

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

# Each reviewer's changes: 200 give each engine tens of conflicts (150 gave 10 on SQLite,
# 34 on PostgreSQL); set CLAIMCHECK_LOAD_CHANGES higher for a longer soak.
CHANGES = int(os.environ.get("CLAIMCHECK_LOAD_CHANGES", "200"))


@pytest.mark.parametrize(
    ("engine", "processes"),
    [("sqlite", 4), pytest.param("postgresql", 8, marks=pytest.mark.postgres)],
)
def test_concurrent_reviewers_lose_nothing(
    engine: str,
    processes: int,
    tmp_path: Path,
    request: pytest.FixtureRequest,
    new_postgres: NewPostgres,
) -> None:
    url = fresh_sqlite(tmp_path / "desk.db") if engine == "sqlite" else new_postgres()
    db = open_database(url)
    try:
        ingest(db, write_corpus(tmp_path / "corpus", 5, 50, seed=8))
        with db.session() as session:
            assert (session.scalar(select(func.count()).select_from(Claim)) or 0) >= 200
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.reviewer_load",
                    url,
                    f"reviewer{n}",
                    str(n),
                    str(CHANGES),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for n in range(processes)
        ]
        reports = []
        for worker in workers:
            out, err = worker.communicate(timeout=900)
            assert worker.returncode == 0, err  # a "database is locked" would end up here
            reports.append(json.loads(out))

        made = Counter[tuple[str, str, int, int]]()
        for report in reports:
            made.update((report["name"], *change) for change in report["made"])
        with db.session() as session:
            logged = Counter(
                (name, action, entity_id, after["version"])
                for name, action, entity_id, after in session.execute(
                    select(Reviewer.name, AuditEntry.action, AuditEntry.entity_id, AuditEntry.after)
                    .join(Reviewer, AuditEntry.reviewer_id == Reviewer.id)
                    .where(AuditEntry.action.in_(("status", "link", "unlink", "note")))
                )
            )
        conflicts = sum(len(report["conflicts"]) for report in reports)
        lost = sum((made - logged).values()) + sum((logged - made).values())
        print(
            f"\n{engine}: {processes} reviewers x {CHANGES}: {sum(made.values())} changes, "
            f"{conflicts} conflicts, lost = {lost}"
        )
        unchanged = sum(report["unchanged"] for report in reports)
        assert sum(made.values()) + conflicts + unchanged == processes * CHANGES
        assert lost == 0
        assert conflicts > 0  # the reviewers did get in each other's way
        # Each version of a claim was written once: no change overwrote another.
        versions = Counter((claim, version) for _, _, claim, version in made)
        assert max(versions.values()) == 1
        assert replay(db) == review_state(db)
    finally:
        db.close()
