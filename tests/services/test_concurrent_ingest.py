"""Two ingests, or two matchings of near-duplicates (an ingest and `claimcheck dedupe`),
at the same moment on PostgreSQL: the second waits for the first, nothing is refused, and
the groups are those one ingest of everything gives."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from claimcheck.services import clusters
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import Document
from tests.conftest import NewPostgres, fresh_sqlite
from tests.services.test_families import Groups, groups, write_corpus

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")


@pytest.mark.postgres
def test_two_matchings_at_once_group_as_one_ingest_of_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_postgres: NewPostgres
) -> None:

    paths = write_corpus(tmp_path / "wire", files=12)
    expected = _groups_of_one_ingest(paths, tmp_path)

    db = open_database(new_postgres())
    try:
        ids = _stored_unmatched(db, paths, monkeypatch)
        together = threading.Barrier(2, timeout=60)
        errors: list[BaseException] = []

        def match(part: list[int]) -> None:
            try:
                together.wait()
                clusters.match_documents(db, part)
            except BaseException as error:  # reported by the test, not lost in the thread
                errors.append(error)

        threads = [threading.Thread(target=match, args=(ids[n::2],)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert groups(db) == expected
        with db.session() as session:
            assert not list(session.scalars(select(Document.id).where(Document.dedupe_pending)))
    finally:
        db.close()


@pytest.mark.postgres
def test_two_ingests_at_once_store_and_group_as_one_ingest_of_everything(
    tmp_path: Path, new_postgres: NewPostgres
) -> None:
    """Both start on an empty database: both would seed the registry and create the same
    speakers as new sources; the second waits, and nothing is refused."""
    paths = write_corpus(tmp_path / "wire", files=12)
    expected = _groups_of_one_ingest(paths, tmp_path)

    url = new_postgres()
    open_database(url).close()
    together = threading.Barrier(2, timeout=60)
    errors: list[BaseException] = []
    refused: list[object] = []

    def run(part: list[Path]) -> None:
        db = open_database(url)
        try:
            together.wait()
            refused.extend(ingest(db, part).skipped)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=run, args=(paths[n::2],)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and refused == []
    db = open_database(url)
    try:
        assert groups(db) == expected
        with db.session() as session:
            assert len(list(session.scalars(select(Document.id)))) == len(paths)
    finally:
        db.close()


def test_matching_more_documents_than_a_statement_takes_parameters(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder of tens of thousands of short files is matched at the end of its ingest
    in one go: PostgreSQL takes at most 65,535 parameters a statement, so the documents'
    ids go as one array there (ids that are not pending are passed over)."""
    paths = write_corpus(tmp_path / "wire", files=12)
    expected = _groups_of_one_ingest(paths, tmp_path)

    db = open_database(db_url)
    try:
        ids = _stored_unmatched(db, paths, monkeypatch)
        clusters.match_documents(db, ids + list(range(ids[-1] + 1, ids[-1] + 70_001)))
        assert groups(db) == expected
        with db.session() as session:
            assert not list(session.scalars(select(Document.id).where(Document.dedupe_pending)))
    finally:
        db.close()


def _groups_of_one_ingest(paths: list[Path], tmp_path: Path) -> tuple[Groups, Groups]:
    """The groups one ingest of ``paths`` into a new SQLite database gives."""
    whole = open_database(fresh_sqlite(tmp_path / "whole.db"))
    try:
        ingest(whole, paths)
        return groups(whole)
    finally:
        whole.close()


def _stored_unmatched(
    db: Database, paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> list[int]:
    """Ingest ``paths`` without matching them (as two ingests are when they reach matching
    together); the documents' ids, in order."""
    with monkeypatch.context() as patch:
        patch.setattr(clusters, "match_documents", lambda *args, **kwargs: None)
        ingest(db, paths)
    with db.session() as session:
        return list(session.scalars(select(Document.id).order_by(Document.id)))
