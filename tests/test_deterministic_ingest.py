"""One run, three runs or another file order: the same claims, sources, clusters and families.

The default run uses a small generated corpus; CLAIMCHECK_DETERMINISM_SENTENCES raises it
(the acceptance run uses 50,000 sentences: CLAIMCHECK_DETERMINISM_SENTENCES=50000).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from claimcheck.services.database import open_database
from claimcheck.services.ingest import ingest
from tests.conftest import fresh_sqlite
from tests.generated import snapshot, write_corpus

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

SENTENCES = int(os.environ.get("CLAIMCHECK_DETERMINISM_SENTENCES", "3000"))
PER_FILE = 50


def ingested(url: str, batches: list[list[Path]]) -> dict[str, Any]:
    db = open_database(url)
    try:
        for batch in batches:
            summary = ingest(db, batch)
            assert not summary.skipped
    finally:
        db.close()
    return snapshot(url)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("generated"), SENTENCES // PER_FILE, PER_FILE)


@pytest.fixture(scope="module")
def whole(
    corpus: list[Path], tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path
) -> dict[str, Any]:
    return ingested(fresh_sqlite(tmp_path_factory.mktemp("whole") / "db"), [corpus])


def test_three_runs_give_what_one_run_gives(
    corpus: list[Path], whole: dict[str, Any], tmp_path: Path
) -> None:
    third = len(corpus) // 3
    parts = [corpus[:third], corpus[third : 2 * third], corpus[2 * third :]]
    assert ingested(fresh_sqlite(tmp_path / "parts.db"), parts) == whole


def without_learned_kinds(state: dict[str, Any]) -> dict[str, Any]:
    """The state without the kind of each source: a source learned from the corpus takes
    the kind of its first appearance ("Anna Novak, a spokesperson" makes an official,
    "Anna Novak told reporters" a person), and another file order can change which that is."""
    claims = {
        key: [*row[:4], [(name, *rest) for name, _kind, *rest in row[4]]]
        for key, row in state["claims"].items()
    }
    return {**state, "claims": claims}


def test_another_file_order_gives_the_same_claims_sources_and_groups(
    corpus: list[Path], whole: dict[str, Any], tmp_path: Path
) -> None:
    other = ingested(fresh_sqlite(tmp_path / "reversed.db"), [corpus[::-1]])
    assert without_learned_kinds(other) == without_learned_kinds(whole)
