"""Near-duplicate matching of an interrupted batch is pending, not forgotten."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from claimcheck.services import clusters
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import ClaimPair, Document

WIRE = "The agency said forty people were rescued from the flooded valley on Sunday night."


def pending(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Document.shown_path).where(Document.dedupe_pending)))


def pairs(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(ClaimPair)) or 0)


@pytest.mark.parametrize("finish", ["next ingest", "dedupe"])
def test_an_interrupted_batch_is_matched_later(
    finish: str, sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(WIRE + "\n")
    (tmp_path / "b.txt").write_text(WIRE.replace("forty", "40") + "\n")
    (tmp_path / "c.txt").write_text("The council said the market reopens in spring.\n")
    db = open_database(sqlite_url)
    try:

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        with monkeypatch.context() as patch:
            patch.setattr(clusters, "match_documents", interrupted)
            with pytest.raises(KeyboardInterrupt):
                ingest(db, [tmp_path / "a.txt", tmp_path / "b.txt"])
        assert pending(db) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
        assert pairs(db) == 0
        if finish == "dedupe":
            clusters.dedupe_all(db)
        else:
            summary = ingest(db, [tmp_path / "c.txt"])
            assert summary.dedupe is not None
        assert pending(db) == []
        assert pairs(db) == 1
        # Matched once: another run finds nothing left to do.
        assert ingest(db, [tmp_path / "a.txt", tmp_path / "b.txt"]).dedupe is None
        assert pairs(db) == 1
    finally:
        db.close()
