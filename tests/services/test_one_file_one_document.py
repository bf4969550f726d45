"""The same file reached by a relative path, an absolute path, ./ or a symlink is one
document; what the user typed is kept for display."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claimcheck.services.claims import ClaimFilter, iter_claims
from claimcheck.services.database import open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import Claim, Document


def test_every_name_of_a_file_is_one_document(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "desk"
    (folder / "corpus").mkdir(parents=True)
    article = folder / "corpus" / "story.txt"
    article.write_text("The mayor said the bridge opens in May.\n")
    (folder / "latest.txt").symlink_to(article)
    (folder / "mirror").symlink_to(folder / "corpus")
    monkeypatch.chdir(folder)
    db = open_database(db_url)
    try:
        first = ingest(db, [Path("corpus/story.txt")])
        assert first.added == ["corpus/story.txt"]
        for name in ("./corpus/story.txt", str(article), "latest.txt", "mirror/story.txt",
                     "corpus/../corpus/story.txt", "mirror"):  # fmt: skip
            again = ingest(db, [Path(name)])
            assert again.added == [] and again.new_versions == [], name
            assert len(again.unchanged) == 1, name
        with db.session() as session:
            rows = session.execute(select(Document.path, Document.shown_path)).all()
        assert rows == [(str(article.resolve()), "corpus/story.txt")]
        # Found by any of its names, shown by the one it was ingested under.
        for name in ("corpus/story.txt", "./corpus/story.txt", str(article), "latest.txt"):
            (view,) = list(iter_claims(db, ClaimFilter(document=name)))
            assert view.document.path == "corpus/story.txt"
        # Changed bytes through the symlink: a new version of the same document.
        article.write_text("The mayor said the bridge opens in June.\n")
        changed = ingest(db, [Path("latest.txt")])
        assert changed.new_versions == ["latest.txt"]
        with db.session() as session:
            versions = session.scalars(select(Document.version).order_by(Document.id)).all()
        assert versions == [1, 2]
    finally:
        db.close()


def test_a_batch_naming_one_file_twice_stores_it_once(db_url: str, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("The mayor said the bridge opens in May.\n")
    (tmp_path / "link.txt").symlink_to(article)
    (tmp_path / "other.txt").write_text("The council said the road closes in June.\n")
    db = open_database(db_url)
    try:
        summary = ingest(db, [tmp_path])
        assert summary.added == [str(tmp_path / "link.txt"), str(tmp_path / "other.txt")]
        assert summary.unchanged == [str(article)]
        # The rows of one transaction (on PostgreSQL, ids drawn together and the rows
        # copied in one statement) get ids in the order of the files, as one at a time.
        with db.session() as session:
            rows = session.execute(
                select(Document.id, Document.path, Document.ingested_at).order_by(Document.id)
            ).all()
            claims = session.execute(select(Claim.document_id, Claim.text).order_by(Claim.id)).all()
        assert [(path, stamped is not None) for _, path, stamped in rows] == [
            (str(article), True),
            (str(tmp_path / "other.txt"), True),
        ]
        assert summary.document_ids == [row.id for row in rows]
        assert claims == [
            (rows[0].id, "The mayor said the bridge opens in May."),
            (rows[1].id, "The council said the road closes in June."),
        ]
    finally:
        db.close()
