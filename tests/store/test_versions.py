"""Versioned rows (sources, clusters, claims) are never written over a newer version: the
second writer is refused with one sentence and nothing of it is saved."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from claimcheck.errors import ClaimcheckError
from claimcheck.services.database import open_database
from claimcheck.store.models import Claim, Cluster, Document, Source

CHANGES = {
    # row: (field, the first writer's value, the second writer's value)
    Source: ("kind", "person", "official"),
    Cluster: ("status", "disputed", "false"),
    Claim: ("status", "disputed", "false"),
}


@pytest.mark.parametrize("model", list(CHANGES), ids=lambda model: model.__name__)
def test_the_second_of_two_concurrent_writers_is_refused(
    db_url: str, model: type[Source | Cluster | Claim]
) -> None:
    db = open_database(db_url)
    try:
        with db.session() as session:
            doc = Document(
                path="/a.txt", sha256="0" * 64, media_type="text", encoding="utf-8",
                text="The mayor said so.",
            )  # fmt: skip
            session.add(doc)
            session.flush()
            claim = Claim(document_id=doc.id, index=0, start=0, end=18, text=doc.text)
            session.add_all([claim, Source(name="City Hall", kind="organization")])
            session.flush()
            session.add(Cluster(canonical_claim_id=claim.id))
        field, first, second = CHANGES[model]
        refused = pytest.raises(ClaimcheckError, match="someone else changed this")
        with refused, db.session() as slow:
            mine = slow.scalars(select(model)).one()
            with db.session() as fast:
                setattr(fast.scalars(select(model)).one(), field, first)
            setattr(mine, field, second)
        with db.session() as session:
            stored = session.scalars(select(model)).one()
            assert (getattr(stored, field), getattr(stored, "version")) == (first, 2)  # noqa: B009
    finally:
        db.close()
