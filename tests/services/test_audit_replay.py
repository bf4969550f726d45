"""The audit log is complete: replayed over the ingested corpus, it gives the review state
the tables hold, after every kind of change a reviewer can make."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from claimcheck.services import clusters, review, sources
from claimcheck.services.database import open_database
from claimcheck.services.ingest import ingest
from claimcheck.services.replay import replay, review_state
from claimcheck.store.models import AuditEntry, Claim, ClusterMember
from tests.gold import SEED


def test_replaying_the_audit_log_gives_the_final_review_state(db_url: str, tmp_path: Path) -> None:
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    other = tmp_path / "copy.txt"
    # A wire copy of the first sentences, so that pairs and clusters exist.
    other.write_text(SEED.read_text()[:1500])
    db = open_database(db_url)
    try:
        ingest(
            db,
            [article, other],
        )
        with db.session() as session:
            ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
        a, b, c, d, e = ids[:5]
        review.set_status(db, a, "corroborated", reviewer="ada", note="checked the release")
        review.set_status(db, b, "false", reviewer="bob")
        review.set_status(db, b, "disputed", reviewer="bob")
        review.undo_last(db, reviewer="bob")  # back to false
        review.add_note(db, c, "call the ministry", reviewer="ada")
        gone = review.add_note(db, c, "typo", reviewer="cy")
        review.undo_last(db, reviewer="cy")
        assert gone.id not in review_state(db).notes
        kept = review.add_link(db, a, target_claim=d, reviewer="ada")
        review.add_link(db, b, url="https://example.org/x", title="Release", reviewer="bob")
        review.add_link(db, c, target_source="Xinhua", relation="cites", reviewer="ada")
        dropped = review.add_link(db, d, url="https://example.org/y", reviewer="cy")
        review.remove_link(db, dropped.id, reviewer="cy")
        review.undo_last(db, reviewer="cy")  # the link comes back
        review.remove_link(db, kept.id, reviewer="ada")
        # Near-duplicate decisions: confirm, reject, split, merge, a cluster verdict.
        clusters.confirm(db, c, d, reviewer="ada")
        clusters.confirm(db, d, e, reviewer="ada")
        clusters.reject(db, a, e, reviewer="bob")
        with db.session() as session:
            cluster_id = session.scalar(
                select(ClusterMember.cluster_id).where(ClusterMember.claim_id == c)
            )
        assert cluster_id is not None
        clusters.split(db, cluster_id, [e], reviewer="bob")
        review.undo_last(db, reviewer="bob")
        review.set_cluster_status(db, cluster_id, "corroborated", reviewer="ada")
        # A source edit that moves a link.
        sources.merge(db, "Xinhua", "Reuters", reviewer="ada")
        # A new version of the article: reviews carry over to the surviving sentences.
        article.write_text(article.read_text() + "\n\nA closing line was added later.\n")
        assert ingest(db, [article]).carried_over > 0

        final = review_state(db)
        assert final.statuses and final.links and final.notes and final.pairs
        assert replay(db) == final
        with db.session() as session:
            actions = set(session.scalars(select(AuditEntry.action)))
        assert actions >= {
            "ingest",
            "status",
            "note",
            "link",
            "unlink",
            "undo",
            "confirm_pair",
            "reject_pair",
            "split",
            "cluster_status",
            "merge",
            "carry_over",
        }
    finally:
        db.close()


def test_replay_notices_a_change_the_log_does_not_have(sqlite_url: str, tmp_path: Path) -> None:
    article = tmp_path / "seed.txt"
    shutil.copy(SEED, article)
    db = open_database(sqlite_url)
    try:
        ingest(db, [article])
        review.set_status(db, 1, "corroborated", reviewer="ada")
        with db.session() as session:
            # A write that went around the services, with no audit entry.
            session.get_one(Claim, 2).status = "false"
        assert replay(db) != review_state(db)
    finally:
        db.close()
