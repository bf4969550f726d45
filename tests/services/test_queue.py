from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, update

from claimcheck.services import queue
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.queue import QueueFilter
from claimcheck.store.models import Claim, ClaimPair
from tests.gold import CORPUS, SEED


@pytest.fixture
def corpus_db(db_url: str) -> Iterator[Database]:
    db = open_database(db_url)
    ingest(db, [CORPUS])
    yield db
    db.close()


def everything(db: Database, where: QueueFilter | None = None, size: int = 7) -> list[int]:
    where = where or QueueFilter()
    ids: list[int] = []
    after = None
    while True:
        page = queue.page(db, where, after=after, size=size)
        ids += [row.id for row in page.rows]
        if not page.more:
            return ids
        after = page.rows[-1].key


def test_pages_follow_triage_order_without_gaps_or_repeats(corpus_db: Database) -> None:
    with corpus_db.session() as session:
        session.execute(update(Claim).where(Claim.id.in_([21, 31])).values(status="disputed"))
    rows = queue.page(corpus_db, size=1000).rows
    keys = [(r.status != "unreviewed", "unattributed" not in r.flags, -r.checkworthiness, r.id)
            for r in rows]  # fmt: skip
    assert keys == sorted(keys)
    assert {r.kind for r in rows} == {"claim"}
    assert {r.id for r in rows[-2:]} == {21, 31}
    assert everything(corpus_db) == [r.id for r in rows]
    first = rows[0]
    assert first.status == "unreviewed" and first.flags == ("unattributed",)


def backwards(db: Database, where: QueueFilter | None = None, size: int = 7) -> list[int]:
    """Every claim, read a page at a time from the end of the queue to its start."""
    where = where or QueueFilter()
    ids: list[int] = []
    before = None
    while True:
        page = queue.last_page(db, where, before=before, size=size)
        ids = [row.id for row in page.rows] + ids
        if not page.more:
            return ids
        before = page.rows[0].key


@pytest.mark.parametrize(
    "where", [QueueFilter(), QueueFilter(all_kinds=True), QueueFilter(kind="headline")]
)
def test_the_queue_reads_backwards_from_its_end_in_the_same_order(
    corpus_db: Database, where: QueueFilter
) -> None:
    with corpus_db.session() as session:
        # Reviewed claims of three statuses, and one unreviewed: every group has claims.
        session.execute(update(Claim).where(Claim.id.in_([21, 31])).values(status="disputed"))
        session.execute(update(Claim).where(Claim.id.in_([5, 40])).values(status="false"))
        session.execute(update(Claim).where(Claim.id == 12).values(status="needs_source"))
    forwards = everything(corpus_db, where)
    assert len(forwards) > 7
    last = queue.last_page(corpus_db, where, size=5)
    assert [r.id for r in last.rows] == forwards[-5:] and last.more
    assert backwards(corpus_db, where) == forwards
    whole = queue.last_page(corpus_db, where, size=len(forwards))
    assert [r.id for r in whole.rows] == forwards and not whole.more


def test_headlines_and_boilerplate_show_only_when_asked(corpus_db: Database) -> None:
    claims = everything(corpus_db)
    every_kind = everything(corpus_db, QueueFilter(all_kinds=True))
    headlines = everything(corpus_db, QueueFilter(kind="headline"))
    assert headlines and not set(headlines) & set(claims)
    assert set(claims) | set(headlines) <= set(every_kind)


def test_search_matches_claim_text_and_source_names_in_any_case(corpus_db: Database) -> None:
    found = queue.page(corpus_db, QueueFilter(search="ONE BILLION internet")).rows
    assert [r.text[:36] for r in found] == ["China has one billion internet users"]
    by_source = queue.page(corpus_db, QueueFilter(search="south china morning")).rows
    assert by_source and all(r.document == str(SEED) for r in by_source)
    assert queue.page(corpus_db, QueueFilter(search="100%_")).rows == ()


def test_a_term_found_nowhere_reads_no_page_of_the_queue(corpus_db: Database) -> None:
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(corpus_db.engine, "before_cursor_execute", seen)
    try:
        assert queue.page(corpus_db, QueueFilter(search="zqxj")).rows == ()
        assert queue.last_page(corpus_db, QueueFilter(search="zqxj")).rows == ()
    finally:
        event.remove(corpus_db.engine, "before_cursor_execute", seen)
    # The claims' texts are read once, for both; the queue is not walked.
    assert sum("claims.text" in statement for statement in statements) == 1
    assert not any("checkworthiness" in statement for statement in statements)


def test_a_search_finds_claims_ingested_after_the_last_search(
    corpus_db: Database, tmp_path: Path
) -> None:
    assert queue.page(corpus_db, QueueFilter(search="zqxj")).rows == ()
    (tmp_path / "later.txt").write_text(
        "The Zqxj Institute published its figures on Monday. "
        "Officials at the Élysée said the figures were wrong.",
        encoding="utf-8",
    )
    ingest(corpus_db, [tmp_path / "later.txt"])
    found = queue.page(corpus_db, QueueFilter(search="zqxj")).rows
    assert [r.text for r in found] == ["The Zqxj Institute published its figures on Monday."]
    # Any case, beyond ASCII too.
    found = queue.page(corpus_db, QueueFilter(search="ÉLYSÉE")).rows
    assert [r.text for r in found] == ["Officials at the Élysée said the figures were wrong."]


def test_a_common_term_pages_the_same_as_a_rare_one(
    corpus_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The matching claims are found first and paged by id: a few as a list, more than
    # SEARCH_IDS as one parameter. Both give the same pages.
    def pages(where: QueueFilter) -> list[list[int]]:
        first = queue.page(corpus_db, where, size=7)
        after = queue.page(corpus_db, where, after=first.rows[-1].key, size=7)
        return [[r.id for r in first.rows], [r.id for r in after.rows]]

    where = QueueFilter(search="The")
    found_first = pages(where)
    every = queue.page(corpus_db, where, size=1000).rows
    assert 14 < len(every) <= queue.SEARCH_IDS
    assert sum("the" in r.text.casefold() for r in every) > 14
    monkeypatch.setattr(queue, "SEARCH_IDS", 3)
    many = pages(where)
    assert many == found_first == [[r.id for r in every[:7]], [r.id for r in every[7:14]]]


def test_filters_narrow_the_queue(corpus_db: Database) -> None:
    unattributed = queue.page(corpus_db, QueueFilter(unattributed=True), size=1000).rows
    assert unattributed and all(r.flags[0] == "unattributed" for r in unattributed)
    seed = queue.page(corpus_db, QueueFilter(document="wic_universal"), size=1000).rows
    assert seed and {r.document for r in seed} == {str(SEED)}
    xinhua = queue.page(corpus_db, QueueFilter(source="world internet conference")).rows
    assert xinhua and all(r.source == "World Internet Conference" for r in xinhua)
    assert queue.page(corpus_db, QueueFilter(status="disputed")).rows == ()


def test_counts_say_what_is_left(corpus_db: Database) -> None:
    before = queue.counts(corpus_db)
    claims = queue.page(corpus_db, size=1000).rows
    assert before.unreviewed == len(claims)
    assert before.unattributed == sum("unattributed" in r.flags for r in claims)
    with corpus_db.session() as session:
        session.execute(update(Claim).where(Claim.id == claims[0].id).values(status="false"))
        session.add(ClaimPair(claim_a_id=claims[1].id, claim_b_id=claims[2].id, score=85.0))
    after = queue.counts(corpus_db)
    assert after.unreviewed == before.unreviewed - 1
    assert after.unattributed == before.unattributed - 1
    assert after.suggestions == before.suggestions + 1


def test_link_targets_are_found_by_text_and_by_alias(corpus_db: Database) -> None:
    matches = queue.find_claims(corpus_db, "INTERNET", exclude=21)
    assert len(matches) > 1 and 21 not in [m.id for m in matches]
    assert all("internet" in m.text.lower() for m in matches)
    assert queue.find_sources(corpus_db, "scmp") == ["South China Morning Post"]


def test_link_targets_are_current_claims_found_in_any_case(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Officials at the ÉLYSÉE said 40 bridges were closed. Traffic fell.\n")
    db = open_database(db_url)
    try:
        ingest(db, [article])
        article.write_text("Officials at the ÉLYSÉE said 45 bridges were closed. Traffic fell.\n")
        ingest(db, [article])
        # The superseded version's claim comes first by id, in a page of its own.
        monkeypatch.setattr(queue, "_FIND_PAGE", 1)
        matches = queue.find_claims(db, " élysée ")
        assert [m.text for m in matches] == ["Officials at the ÉLYSÉE said 45 bridges were closed."]
        assert queue.find_claims(db, "élysée", exclude=matches[0].id) == []
        assert len(queue.find_claims(db, "e", limit=1)) == 1
    finally:
        db.close()


def test_claims_of_superseded_versions_leave_the_queue(db_url: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Officials said 40 bridges were closed. Traffic fell by half.\n")
    db = open_database(db_url)
    try:
        ingest(db, [article])
        before = queue.page(db, QueueFilter(document="article")).rows
        article.write_text("Officials said 45 bridges were closed. Traffic fell by half.\n")
        ingest(db, [article])
        after = queue.page(db, QueueFilter(document="article")).rows
        assert len(after) == len(before) == 2
        assert {r.id for r in after}.isdisjoint(r.id for r in before)
        assert "45 bridges" in after[0].text + after[1].text
        assert queue.counts(db).unreviewed == 2
    finally:
        db.close()
