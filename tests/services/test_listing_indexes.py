"""Listing claims at scale: the main queries read an index in their order, never the
whole table then a sort, and the triage order pages through every claim exactly once."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from sqlalchemy import ClauseElement, ColumnElement

from claimcheck.core.vocabulary import STATUSES
from claimcheck.services.claims import ClaimFilter, listing_query
from claimcheck.services.database import Database, open_database
from claimcheck.services.triage import TriageKey, current, key_of, triage_page, triage_queries
from claimcheck.store.engine import query_plan
from claimcheck.store.models import Attribution, Claim, Document, Source


@pytest.fixture
def any_db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    yield database
    database.close()


def _plan(db: Database, query: ClauseElement) -> str:
    return "\n".join(query_plan(db, query, avoid_sorts=True))


def _assert_index_in_order(db: Database, query: ClauseElement, index: str) -> None:
    plan = _plan(db, query)
    assert index in plan, plan
    if db.dialect == "sqlite":
        assert "TEMP B-TREE" not in plan, plan
        assert "SCAN claims" not in plan, plan
    else:
        assert "Sort" not in plan, plan
        assert "Seq Scan on claims" not in plan, plan


def test_the_first_claims_in_document_order_come_without_a_sort(any_db: Database) -> None:
    plan = _plan(any_db, listing_query(ClaimFilter(limit=20)))
    assert "SCAN claims" not in plan and "Seq Scan on claims" not in plan, plan
    assert "TEMP B-TREE" not in plan, plan
    if any_db.dialect == "sqlite":
        assert "ix_documents_superseded_by_id" in plan, plan


def test_unattributed_by_checkworthiness_reads_its_index_in_order(any_db: Database) -> None:
    query = listing_query(ClaimFilter(unattributed=True, sort="checkworthiness", limit=20))
    _assert_index_in_order(any_db, query, "ix_claims_unattributed_rank")


@pytest.mark.parametrize("walk", [False, True])
def test_a_sources_claims_come_from_the_attribution_index(any_db: Database, walk: bool) -> None:
    query = listing_query(ClaimFilter(source="Xinhua", limit=20), walk_source=walk)
    plan = _plan(any_db, query)
    assert "SCAN claims" not in plan and "Seq Scan on claims" not in plan, plan
    if any_db.dialect == "sqlite":
        # PostgreSQL weighs reading them against walking the documents, by its statistics.
        assert "COVERING INDEX ix_attributions_source_id_claim_id" in plan, plan
    if walk:
        # The walk follows the documents' index in the listing's order: no sort of the
        # source's claims (PostgreSQL sorts within one document, by version and index).
        full_sorts = [
            line
            for line in plan.splitlines()
            if line.strip().removeprefix("->  ").startswith("Sort  ")
        ]
        assert "TEMP B-TREE" not in plan and not full_sorts, plan


def test_a_documents_claims_come_from_its_index(any_db: Database) -> None:
    plan = _plan(any_db, listing_query(ClaimFilter(document="news/a.txt")))
    assert "SCAN claims" not in plan and "Seq Scan on claims" not in plan, plan
    # At most one document's claims are sorted (by version, on PostgreSQL): never the table.
    assert "TEMP B-TREE" not in plan, plan


def test_each_triage_group_is_read_as_ranges_of_the_triage_index(any_db: Database) -> None:
    after = TriageKey(0, 0, 0.5, 10)
    conditions = [current(), Claim.kind == "claim"]
    groups = list(triage_queries(conditions, kind="claim", after=after, size=300))
    assert [len(group) for group in groups] == [1, 1, 6, 6]
    for query in (query for group in groups for query in group):
        _assert_index_in_order(any_db, query, "ix_claims_triage")
        if any_db.dialect == "sqlite":
            # The claim's document is in the index: no row is read to rule superseded out.
            assert "COVERING INDEX ix_claims_triage" in _plan(any_db, query)


# --- triage order, paged -------------------------------------------------------------------


def _fill(db: Database, rng: random.Random) -> None:
    with db.session() as session:
        source = Source(name="Xinhua", kind="news_agency")
        current = Document(path="news/a.txt", sha256="a" * 64, media_type="text", encoding="utf-8",
                           text="x")  # fmt: skip
        old = Document(path="news/b.txt", sha256="b" * 64, media_type="text", encoding="utf-8",
                       text="x")  # fmt: skip
        session.add_all([source, current, old])
        session.flush()
        old.superseded_by_id = current.id
        for document in (current, old):
            for index in range(60):
                kind = rng.choice(["claim", "claim", "claim", "headline", "other"])
                attributed = kind == "claim" and rng.random() < 0.5
                claim = Claim(
                    document_id=document.id, index=index, start=0, end=1, text=f"claim {index}",
                    kind=kind, checkworthiness=rng.choice([0.1, 0.25, 0.4, 0.4, 0.7]),
                    attributed=attributed,
                    status=rng.choice(["unreviewed", "unreviewed", *STATUSES[1:3]]),
                )  # fmt: skip
                if attributed:
                    claim.attributions.append(
                        Attribution(source_id=source.id, source_text="Xinhua")
                    )
                session.add(claim)


def _expected(db: Database, kind: str | None) -> list[int]:
    """Triage order worked out in Python, from every current claim."""
    with db.session() as session:
        rows = [
            (claim, doc)
            for claim, doc in session.query(Claim, Document).join(Document)
            if doc.superseded_by_id is None and (kind is None or claim.kind == kind)
        ]
        keys = [key_of(c.status, c.kind, c.attributed, c.checkworthiness, c.id) for c, _ in rows]
    keys.sort(key=lambda k: (k.reviewed, k.attributed, -k.checkworthiness, k.id))
    return [k.id for k in keys]


@pytest.mark.parametrize("kind", ["claim", None, "headline"])
def test_paging_in_triage_order_returns_every_claim_once_in_order(
    any_db: Database, kind: str | None
) -> None:
    _fill(any_db, random.Random(3))
    conditions: list[ColumnElement[bool]] = [current()]
    if kind is not None:
        conditions.append(Claim.kind == kind)
    seen: list[int] = []
    after = None
    with any_db.session() as session:
        while page := triage_page(session, conditions, kind=kind, after=after, size=7):
            seen.extend(k.id for k in page)
            after = page[-1]
    expected = _expected(any_db, kind)
    assert len(expected) > 5
    assert seen == expected


@pytest.mark.parametrize("limit", [3, None])
def test_walking_to_a_sources_claims_finds_what_reading_them_finds(
    any_db: Database, limit: int | None
) -> None:
    _fill(any_db, random.Random(5))
    where = ClaimFilter(source="Xinhua", limit=limit)
    with any_db.session() as session:
        read = [c.id for c, _ in session.execute(listing_query(where))]
        walked = [c.id for c, _ in session.execute(listing_query(where, walk_source=True))]
    assert walked == read
    assert len(read) == limit if limit else len(read) > 10
