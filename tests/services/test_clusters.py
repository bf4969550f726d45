from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from claimcheck.core.matches import Thresholds
from claimcheck.errors import ClaimcheckError
from claimcheck.services import clusters
from claimcheck.services.claims import iter_claims
from claimcheck.services.database import Database
from claimcheck.services.ingest import IngestOptions, ingest
from claimcheck.store.models import AuditEntry, Cluster

STORM = "The storm killed 107 people across the coastal province on Tuesday night, officials said."


def write(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def corpus(db: Database, tmp_path: Path) -> dict[str, str]:
    a = write(tmp_path, "a.txt", "Storm Report", STORM)
    b = write(tmp_path, "b.txt", "Storm Latest",
              "The storm killed 107 people across the coastal province on Tuesday night, "
              "officials say.")  # fmt: skip
    c = write(tmp_path, "c.txt", "Storm Toll Revised",
              "The storm killed 328 people across the coastal province on Tuesday night, "
              "officials said.")  # fmt: skip
    ingest(db, [a, b, c])
    return {"a": str(a), "b": str(b), "c": str(c)}


def ids(db: Database, corpus: dict[str, str]) -> tuple[int, int, int]:
    by_doc = {v.document.path: v.id for v in iter_claims(db) if v.kind == "claim"}
    return by_doc[corpus["a"]], by_doc[corpus["b"]], by_doc[corpus["c"]]


def test_ingest_clusters_light_edits_and_makes_a_changed_number_a_family(
    db: Database, corpus: dict[str, str]
) -> None:
    a, b, c = ids(db, corpus)
    (cluster,) = clusters.list_clusters(db)
    assert cluster.size == 2 and cluster.canonical_claim_id == a
    assert {m.claim_id for m in cluster.members} == {a, b}
    assert set(cluster.documents) == {corpus["a"], corpus["b"]}
    # The copy with another figure is no suggestion to review pair by pair, but a family.
    assert clusters.suggestions(db) == []
    (family,) = clusters.list_families(db)
    assert family.canonical_claim_id == a and family.status == "unreviewed"
    assert [(v.differs, v.claim_ids) for v in family.variants] == [
        ("killed 107", (a, b)),
        ("killed 328", (c,)),
    ]
    views = {v.id: v for v in iter_claims(db)}
    assert views[a].cluster == views[b].cluster == cluster.id
    assert views[c].cluster is None


def test_a_rejected_pair_is_never_suggested_again(db: Database, corpus: dict[str, str]) -> None:
    a, b, c = ids(db, corpus)
    # c is joined to the family through a or b: rejecting one pair leaves the other.
    clusters.reject(db, a, c, reviewer="alice")
    (family,) = clusters.list_families(db)
    assert {m.claim_id for m in family.members} == {a, b, c}
    clusters.reject(db, b, c, reviewer="alice")
    assert clusters.list_families(db) == []
    clusters.dedupe_all(db)
    assert clusters.list_families(db) == []
    assert clusters.suggestions(db) == []
    with db.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "reject_pair"))
        assert [e.after for e in entries] == [
            {"a": a, "b": c, "state": "rejected"},
            {"a": b, "b": c, "state": "rejected"},
        ]


def test_confirming_a_suggestion_joins_the_cluster_and_survives_recomputing(
    db: Database, corpus: dict[str, str]
) -> None:
    a, b, c = ids(db, corpus)
    clusters.confirm(db, a, c)
    # b and c now share a cluster: their pair is no longer a question.
    assert clusters.suggestions(db) == []
    clusters.dedupe_all(db)
    (cluster,) = clusters.list_clusters(db)
    assert cluster.size == 3
    states = {m.claim_id: m.state for m in cluster.members}
    assert states == {a: "confirmed", b: "automatic", c: "confirmed"}


def test_a_split_leaves_at_least_one_claim_behind(db: Database, corpus: dict[str, str]) -> None:
    (cluster,) = clusters.list_clusters(db)
    with pytest.raises(ClaimcheckError, match="at least one claim"):
        clusters.split(db, cluster.id, [m.claim_id for m in cluster.members])
    assert clusters.list_clusters(db) == [cluster]


def test_split_claims_stay_apart_through_dedupe_until_a_reviewer_confirms_them(
    db: Database, corpus: dict[str, str]
) -> None:
    a, b, _ = ids(db, corpus)
    (cluster,) = clusters.list_clusters(db)
    clusters.split(db, cluster.id, [b])
    assert clusters.list_clusters(db) == []
    clusters.dedupe_all(db)
    assert clusters.list_clusters(db) == []
    clusters.confirm(db, a, b)
    (joined,) = clusters.list_clusters(db)
    assert joined.size == 2


def test_merge_joins_two_clusters(db: Database, tmp_path: Path) -> None:
    other = "Fishermen rescued more than 700 asylum seekers off the coast of Aceh on Friday."
    paths = [
        write(tmp_path, "a.txt", "One", STORM, other),
        write(tmp_path, "b.txt", "Two", STORM.replace("said", "say"), other.lower()),
    ]
    ingest(db, paths)
    first, second = clusters.list_clusters(db)
    clusters.merge(db, first.id, second.id)
    (merged,) = clusters.list_clusters(db)
    assert merged.size == 4 and merged.id in (first.id, second.id)
    with pytest.raises(ClaimcheckError, match="no cluster"):
        clusters.merge(db, merged.id, 999)


def test_a_new_document_joins_the_existing_cluster(
    db: Database, corpus: dict[str, str], tmp_path: Path
) -> None:
    (before,) = clusters.list_clusters(db)
    late = write(tmp_path, "d.txt", "Storm Roundup",
                 "The storm killed 107 people across the coastal province on Tuesday night - "
                 "officials said.")  # fmt: skip
    summary = ingest(db, [late])
    assert summary.dedupe is not None
    (after,) = clusters.list_clusters(db)
    assert after.id == before.id and after.size == 3
    assert str(late) in after.documents


def test_short_claims_are_never_joined_automatically(db: Database, tmp_path: Path) -> None:
    ingest(db, [write(tmp_path, "a.txt", "A", "Prices rose sharply in May."),
                write(tmp_path, "b.txt", "B", "Prices rose sharply in May!")])  # fmt: skip
    assert clusters.list_clusters(db) == []
    (suggestion,) = clusters.suggestions(db)
    assert suggestion.reason is not None and "short" in suggestion.reason


def test_a_split_leaves_the_cluster_id_with_the_claims_that_stay(
    db: Database, tmp_path: Path
) -> None:
    paths = [write(tmp_path, f"{n}.txt", "Storm", STORM.replace("said", verb))
             for n, verb in enumerate(("said", "say", "stated", "told reporters"))]  # fmt: skip
    ingest(db, paths)
    (cluster,) = clusters.list_clusters(db)
    canonical = cluster.canonical_claim_id
    moving = [m.claim_id for m in cluster.members if m.claim_id != canonical][:2]
    clusters.split(db, cluster.id, moving)
    kept = clusters.get_cluster(db, cluster.id)
    assert canonical in {m.claim_id for m in kept.members}
    assert not set(moving) & {m.claim_id for m in kept.members}


def test_viewing_a_cluster_writes_nothing(db: Database, tmp_path: Path) -> None:
    """Looking at a cluster (`show`, `clusters ID`, the review app's detail) leaves its
    version alone, so a reviewer's split or merge is never refused over a mere view."""
    paths = [write(tmp_path, f"{n}.txt", "Storm", STORM.replace("said", verb))
             for n, verb in enumerate(("said", "say"))]  # fmt: skip
    ingest(db, paths)
    (cluster,) = clusters.list_clusters(db)
    with db.session() as session:
        before = session.get(Cluster, cluster.id)
        assert before is not None
        version = before.version
    for _ in range(3):
        clusters.get_cluster(db, cluster.id)
    with db.session() as session:
        after = session.get(Cluster, cluster.id)
        assert after is not None and after.version == version


def test_a_new_version_leaves_the_old_claims_out_and_keeps_decisions(
    db: Database, corpus: dict[str, str]
) -> None:
    a, b, c = ids(db, corpus)
    clusters.reject(db, a, c)
    Path(corpus["a"]).write_text("Storm Report\n\n" + STORM + "\n\nRoads are closed.\n")
    ingest(db, [Path(corpus["a"])])
    new_a = next(
        v.id for v in iter_claims(db) if v.document.path == corpus["a"] and v.text == STORM
    )
    for recomputed in (False, True):
        if recomputed:
            # Matching the whole corpus again leaves the replaced version's claims out too.
            clusters.dedupe_all(db)
        (cluster,) = clusters.list_clusters(db)
        assert {m.claim_id for m in cluster.members} == {new_a, b}
        # The rejection follows a into its new version; c is still b's variant.
        (family,) = clusters.list_families(db)
        assert {m.claim_id for m in family.members} == {new_a, b, c}


def test_a_new_version_without_the_sentence_takes_its_claim_out_of_its_groups(
    db: Database, corpus: dict[str, str]
) -> None:
    _, b, c = ids(db, corpus)
    Path(corpus["a"]).write_text("Storm Report\n\nRoads are closed across the province.\n")
    ingest(db, [Path(corpus["a"])])
    assert clusters.list_clusters(db) == []
    (family,) = clusters.list_families(db)
    assert {m.claim_id for m in family.members} == {b, c}


def test_rejecting_a_pair_of_identical_copies_keeps_the_others_linked(
    db: Database, tmp_path: Path
) -> None:
    paths = [write(tmp_path, f"{n}.txt", f"Storm Report {n}", STORM) for n in "abcd"]
    ingest(db, paths)
    by_doc = {v.document.path: v.id for v in iter_claims(db) if v.kind == "claim"}
    a, b, c, d = (by_doc[str(p)] for p in paths)
    (cluster,) = clusters.list_clusters(db)
    assert {m.claim_id for m in cluster.members} == {a, b, c, d}
    # a and b still share a cluster through c and d, as comparing every copy with every
    # other finds: the copies are not left without their pairs.
    assert clusters.reject(db, a, b) == cluster.id
    assert {m.claim_id for m in clusters.get_cluster(db, cluster.id).members} == {a, b, c, d}
    for other in (c, d):
        clusters.reject(db, a, other)
    # Every pair of a is rejected: a stands alone, the other three copies stay one cluster.
    (left,) = clusters.list_clusters(db)
    assert {m.claim_id for m in left.members} == {b, c, d}
    assert clusters.list_families(db) == []
    # Recomputing everything gives the same.
    clusters.dedupe_all(db)
    (again,) = clusters.list_clusters(db)
    assert {m.claim_id for m in again.members} == {b, c, d}


def test_a_reject_matches_again_with_the_thresholds_the_corpus_was_matched_with(
    db: Database, tmp_path: Path
) -> None:
    # "say" and "said" normalise alike; "officials" against "the ministry" scores 87 to 89:
    # joined at --upper 85, a suggestion at the default 90.
    texts = [
        STORM,
        STORM.replace("officials said", "the ministry said"),
        STORM.replace("officials said", "officials say"),
    ]
    paths = [write(tmp_path, f"{n}.txt", f"Storm Report {n}", t) for n, t in enumerate(texts)]
    ingest(db, paths, IngestOptions(thresholds=Thresholds(upper=85.0)))
    by_doc = {v.document.path: v.id for v in iter_claims(db) if v.kind == "claim"}
    a, b, c = (by_doc[str(p)] for p in paths)
    (cluster,) = clusters.list_clusters(db)
    assert {m.claim_id for m in cluster.members} == {a, b, c}
    # Rejecting a and c leaves b joining both, at the corpus's threshold of 85.
    assert clusters.reject(db, a, c) == cluster.id
    assert {m.claim_id for m in clusters.get_cluster(db, cluster.id).members} == {a, b, c}
    assert clusters.suggestions(db) == []
