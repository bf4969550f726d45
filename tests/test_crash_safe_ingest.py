"""SIGKILL of `claimcheck ingest` at several points of a 400-file batch: no partial
document, and the same command again completes the batch without duplicates."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select

from claimcheck.store.models import AuditEntry, Claim, Document
from tests.generated import snapshot, write_corpus

FILES = 400
# Kill once this many documents are stored; "all" waits for the last one, so the kill
# lands in (or after) the near-duplicate matching.
KILL_AT: list[int | str] = [1, 40, 200, "all"]


def stored(url: str, engine: Engine | None = None) -> tuple[int, int]:
    """How many documents are stored, and how many of them wait for matching."""
    own = engine or create_engine(url)
    try:
        with own.connect() as connection:
            documents = connection.scalar(select(func.count()).select_from(Document)) or 0
            pending = connection.scalar(
                select(func.count()).select_from(Document).where(Document.dedupe_pending)
            )
            return documents, pending or 0
    finally:
        if engine is None:
            own.dispose()


def ingest_command(url: str, corpus: Path) -> list[str]:
    return [sys.executable, "-m", "claimcheck", "--db", url, "ingest", "-q", str(corpus)]


def kill_when(url: str, corpus: Path, documents: int | str) -> None:
    process = subprocess.Popen(
        ingest_command(url, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    engine = create_engine(url)
    try:
        deadline = time.monotonic() + 300
        while process.poll() is None and time.monotonic() < deadline:
            try:
                count = stored(url, engine)[0]
            except Exception:
                count = 0  # the schema is still being created
            if count >= (FILES if isinstance(documents, str) else documents):
                break
            time.sleep(0.02)
    finally:
        engine.dispose()
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        assert process.stderr is not None
        process.stderr.close()


def assert_no_partial_document(url: str) -> None:
    """Every stored document has all its claims: as many as its audit entry says, at
    indexes 0..n-1."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            counted: dict[int, list[int]] = {}
            for doc_id, index in connection.execute(select(Claim.document_id, Claim.index)):
                counted.setdefault(doc_id, []).append(index)
            entries = {
                entity_id: after
                for entity_id, after in connection.execute(
                    select(AuditEntry.entity_id, AuditEntry.after).where(
                        AuditEntry.action == "ingest"
                    )
                )
            }
            for doc_id in connection.scalars(select(Document.id)):
                indexes = sorted(counted.get(doc_id, []))
                assert indexes == list(range(entries[doc_id]["claims"])), doc_id
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch") / "corpus"
    write_corpus(folder, FILES, 12, seed=4)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'db'}"
    subprocess.run(ingest_command(url, corpus), check=True, capture_output=True)
    return snapshot(url)


def test_a_killed_batch_leaves_whole_documents_and_a_rerun_completes_it(
    db_url: str, corpus: Path, reference: dict[str, Any]
) -> None:
    progress = []
    for point in KILL_AT:
        kill_when(db_url, corpus, point)
        assert_no_partial_document(db_url)
        progress.append(stored(db_url))
    # The kills landed at different points, and each run stored more.
    counts = [documents for documents, _ in progress]
    assert counts == sorted(counts) and counts[-1] == FILES and counts[0] < FILES
    done = subprocess.run(ingest_command(db_url, corpus), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert_no_partial_document(db_url)
    assert stored(db_url) == (FILES, 0)
    # Every document once, each claim once, with the sources and near-duplicate pairs an
    # uninterrupted run gives.
    assert snapshot(db_url) == reference
