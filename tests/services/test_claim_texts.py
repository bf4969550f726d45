"""The claims' texts kept in memory for search: what they find, and that they keep up."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claimcheck.services import claim_texts
from claimcheck.services.database import Database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import Claim


def ingest_text(db: Database, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    ingest(db, [path])


@pytest.mark.parametrize("many", [claim_texts.MANY, 1])
def test_a_term_is_found_in_any_case_once_a_claim_and_not_across_two(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, many: int
) -> None:
    # Past `many` claims found, the rest are found text by text: the same claims.
    monkeypatch.setattr(claim_texts, "MANY", many)
    ingest_text(
        db,
        tmp_path / "a.txt",
        "Officials at the ÉLYSÉE said the plan was dead. The plan ends here. Here plans end.",
    )
    with db.session() as session:
        texts = dict(session.execute(select(Claim.text, Claim.id)).all())
        assert claim_texts.containing(db, session, "élysée") == [
            texts["Officials at the ÉLYSÉE said the plan was dead."]
        ]
        # "plan" twice in one claim, once in the next: each claim once, in id order.
        assert claim_texts.containing(db, session, "PLAN") == sorted(texts.values())
        # The end of one claim and the start of the next are not one text.
        assert claim_texts.containing(db, session, "dead. the") == []


def test_claims_committed_below_the_last_id_read_are_read_again(
    db: Database, tmp_path: Path
) -> None:
    ingest_text(db, tmp_path / "a.txt", "The Zqxj Institute published its figures.")
    ingest_text(db, tmp_path / "b.txt", "The council rejected the figures on Monday.")
    with db.session() as session:
        first, second = session.scalars(select(Claim.id).order_by(Claim.id)).all()
        texts = claim_texts.ClaimTexts()
        # As when another transaction's claims, numbered lower, commit after a read of
        # the higher ones (two ingests at once on a server database).
        texts._read(session, after=first)
        assert texts.find("zqxj") == []
        texts.refresh(session)
        assert texts.find("zqxj") == [first]
        assert texts.find("council") == [second]


def test_warming_reads_each_text_once_and_says_how_many(db: Database, tmp_path: Path) -> None:
    ingest_text(db, tmp_path / "a.txt", "The council met. The mayor spoke.")
    assert claim_texts.warm(db) == 2
    # Nothing new: nothing read, so the review app has nothing to freeze.
    assert claim_texts.warm(db) == 0
    ingest_text(db, tmp_path / "b.txt", "The budget passed.")
    assert claim_texts.warm(db) == 1


def test_a_term_of_separators_only_finds_nothing(db: Database, tmp_path: Path) -> None:
    ingest_text(db, tmp_path / "a.txt", "The council met. The mayor spoke.")
    with db.session() as session:
        assert claim_texts.containing(db, session, "\x00\x00") == []
