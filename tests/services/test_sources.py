from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claimcheck.errors import ClaimcheckError
from claimcheck.services import sources
from claimcheck.services.claims import ClaimFilter, iter_claims
from claimcheck.services.database import Database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import AuditEntry
from tests.gold import SEED


def by_name(db: Database) -> dict[str, sources.SourceRow]:
    return {row.name: row for row in sources.list_sources(db)}


def test_the_seed_cites_its_sources_with_kinds_and_aliases(db: Database) -> None:
    ingest(db, [SEED])
    rows = by_name(db)
    assert rows["Xinhua"].kind == "news_agency"
    assert "the official Xinhua news agency" in rows["Xinhua"].aliases
    assert rows["South China Morning Post"].kind == "newspaper"
    assert "SCMP" in rows["South China Morning Post"].aliases
    assert rows["Xi Jinping"].kind == "official"
    assert rows["World Internet Conference website"].owner == "World Internet Conference"
    assert all(row.claims >= 1 for row in rows.values())


def test_reviewers_edit_the_registry_and_every_edit_is_audited(db: Database) -> None:
    ingest(db, [SEED])
    sources.add_alias(db, "SCMP", "S.C.M.P. Online", reviewer="ed")
    with pytest.raises(ClaimcheckError, match="already an alias of South China Morning Post"):
        sources.add_alias(db, "Xinhua", "SCMP")
    sources.set_kind(db, "Xi Jinping", "person", reviewer="ed")
    sources.rename(db, "Xi Jinping", "President Xi", reviewer="ed")
    assert by_name(db)["President Xi"].kind == "person"
    with pytest.raises(ClaimcheckError, match="merge into it instead"):
        sources.rename(db, "Xinhua", "President Xi")
    with pytest.raises(ClaimcheckError, match="already names South China Morning Post"):
        sources.rename(db, "Xinhua", "S.C.M.P.")
    sources.merge(db, "World Internet Conference website", "World Internet Conference",
                  reviewer="ed")  # fmt: skip
    rows = by_name(db)
    assert "World Internet Conference website" not in rows
    assert rows["World Internet Conference"].claims == 2
    cited = list(iter_claims(db, ClaimFilter(source="World Internet Conference")))
    assert len(cited) == 2
    with db.session() as session:
        actions = [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions[-4:] == ["add_alias", "set_kind", "rename", "merge"]


def test_unknown_sources_and_kinds_are_one_sentence_errors(db: Database) -> None:
    with pytest.raises(ClaimcheckError, match="no source named 'Nobody'"):
        sources.set_kind(db, "Nobody", "person")
    with pytest.raises(ClaimcheckError, match="not a source kind"):
        sources.set_kind(db, "Reuters", "rumour")


def test_a_source_learned_from_one_document_is_recognised_in_the_next(
    db: Database, tmp_path: Path
) -> None:
    ingest(db, [SEED])
    later = tmp_path / "later.txt"
    later.write_text("WIC Update\n\nWIC said on Monday that 30 countries had joined it.\n")
    ingest(db, [later])
    rows = by_name(db)
    assert rows["World Internet Conference"].claims == 2
    assert not any(name.startswith("WIC") for name in rows)


def test_merging_an_owner_into_what_it_owns_leaves_no_self_owner(db: Database) -> None:
    ingest(db, [SEED])
    sources.merge(db, "World Internet Conference", "World Internet Conference website")
    row = by_name(db)["World Internet Conference website"]
    assert row.owner is None and row.claims == 2
