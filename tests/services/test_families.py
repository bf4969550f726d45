"""Syndicated copy: clusters, families of variants and their review, at linear cost."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from claimcheck.core.matches import Thresholds
from claimcheck.services import clusters
from claimcheck.services.claims import iter_claims
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import (
    AuditEntry,
    ClaimPair,
    Cluster,
    ClusterMember,
    Family,
    FamilyMember,
)
from tests.conftest import fresh_sqlite
from tests.core.test_dedupe import BOILERPLATE, STORIES

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

Groups = set[frozenset[tuple[str, int]]]


def write_corpus(folder: Path, files: int = 24, seed: int = 5) -> list[Path]:
    """Every story in every file, as one of its variants, and the stock sentence."""
    rng = random.Random(seed)
    folder.mkdir()
    figures = [[str(rng.randint(10, 900)) for _ in range(3)] for _ in STORIES]
    paths = []
    for number in range(files):
        lines = [f"Wire Roundup {number}"]
        for story, story_figures in zip(STORIES, figures, strict=True):
            text = story.format(
                n=rng.choices(story_figures, [6, 3, 1])[0],
                name=rng.choice(["Maria Lopez", "Li Wei"]),
                place=rng.choices(["Aceh", "Sindh"], [4, 1])[0],
            )
            lines.append(text if rng.random() < 0.7 else text.replace("said", "says"))
        lines.append(BOILERPLATE)
        path = folder / f"{number:03d}.txt"
        path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def groups(db: Database) -> tuple[Groups, Groups]:
    """Clusters and families, each claim named by (file name, sentence index)."""
    where = {v.id: (Path(v.document.path).name, v.index) for v in iter_claims(db)}
    with db.session() as session:
        out = []
        for column, group in (
            (ClusterMember.claim_id, ClusterMember.cluster_id),
            (FamilyMember.claim_id, FamilyMember.family_id),
        ):
            found: dict[int, set[tuple[str, int]]] = {}
            for claim_id, group_id in session.execute(select(column, group)):
                found.setdefault(group_id, set()).add(where[claim_id])
            out.append({frozenset(g) for g in found.values()})
    return out[0], out[1]


def pair_rows(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(ClaimPair)) or 0


def test_a_corpus_ingested_in_parts_groups_as_it_does_whole(db_url: str, tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus")
    whole = open_database(fresh_sqlite(tmp_path / "whole.db"))
    ingest(whole, paths)
    in_parts = open_database(db_url)
    for start, stop in ((0, 1), (1, 5), (5, 13), (13, len(paths))):
        ingest(in_parts, paths[start:stop])
    expected = groups(whole)
    assert groups(in_parts) == expected
    clusters_found, families_found = expected
    assert len(families_found) == len(STORIES)
    # Each story's copies of one figure and speaker are a cluster; the stock sentence in
    # every file is one cluster too, and in no family.
    stock = frozenset((p.name, len(STORIES) + 1) for p in paths)
    assert stock in clusters_found
    assert all(stock.isdisjoint(f) for f in families_found)
    claims = len(paths) * (len(STORIES) + 1)
    assert pair_rows(whole) <= claims and pair_rows(in_parts) <= claims
    # Recomputing from the stored signatures gives the same again.
    clusters.dedupe_all(in_parts)
    assert groups(in_parts) == expected
    whole.close()
    in_parts.close()


def canonical_claims(db: Database) -> tuple[set[int | None], set[int | None]]:
    with db.session() as session:
        return (
            set(session.scalars(select(Cluster.canonical_claim_id))),
            set(session.scalars(select(Family.canonical_claim_id))),
        )


def test_first_appearances_read_whole_name_the_same_canonical_claims(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large first ingest reads every claim's first appearance in one query rather than
    by id: the groups and the claims that head them are the same either way."""
    paths = write_corpus(tmp_path / "corpus", files=8)
    by_id = open_database(fresh_sqlite(tmp_path / "by_id.db"))
    ingest(by_id, paths)
    monkeypatch.setattr(clusters, "_READ_WHOLE_FROM", 0)
    whole = open_database(fresh_sqlite(tmp_path / "whole.db"))
    ingest(whole, paths)
    assert groups(whole) == groups(by_id)
    assert canonical_claims(whole) == canonical_claims(by_id)
    assert len(canonical_claims(whole)[1]) == len(STORIES)
    by_id.close()
    whole.close()


def test_a_family_is_decided_once_for_all_its_claims(db: Database, tmp_path: Path) -> None:
    ingest(db, write_corpus(tmp_path / "corpus", files=12))
    families = clusters.list_families(db)
    assert len(families) == len(STORIES)
    family = families[0]
    assert sum(len(v.claim_ids) for v in family.variants) == family.size
    # What differs is told per variant, with the word before it; the canonical's first.
    assert family.variants[0].claim_ids[0] == family.canonical_claim_id
    assert all(v.differs for v in family.variants)
    flagged = {v.id for v in iter_claims(db) if "variants" in v.flags}
    assert {m.claim_id for m in family.members} <= flagged

    clusters.decide_family(db, family.id, same=False, reviewer="alice")
    kept = clusters.get_family(db, family.id)
    assert kept.status == "variants" and kept.size == family.size
    clusters.dedupe_all(db)
    assert clusters.get_family(db, family.id).status == "variants"

    other = families[1]
    clusters.decide_family(db, other.id, same=True, reviewer="alice")
    members = {m.claim_id for m in other.members}
    (joined,) = [c for c in clusters.list_clusters(db) if {m.claim_id for m in c.members} & members]
    assert {m.claim_id for m in joined.members} == members
    assert other.id not in {f.id for f in clusters.list_families(db)}
    assert not any("variants" in v.flags for v in iter_claims(db) if v.id in members)
    clusters.dedupe_all(db)
    assert {f.id for f in clusters.list_families(db)} == {f.id for f in families} - {other.id}
    with db.session() as session:
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.entity == "family"))
        assert list(actions) == ["keep_variants", "confirm_family"]


def stored_pairs(db: Database) -> set[tuple[tuple[str, int], tuple[str, int], str, bool]]:
    """Every stored pair, its claims named by (file name, sentence index), its state and
    whether it joins variants."""
    where = {v.id: (Path(v.document.path).name, v.index) for v in iter_claims(db)}
    with db.session() as session:
        return {
            (where[a], where[b], state, variant)
            for a, b, state, variant in session.execute(
                select(
                    ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state, ClaimPair.variant
                )
            )
        }


def test_recomputing_with_other_thresholds_over_stored_groups_gives_what_a_fresh_start_does(
    db_url: str, tmp_path: Path
) -> None:
    """`claimcheck dedupe` rewrites only the pair and member rows that change: what it
    leaves must be what matching into empty tables gives."""
    paths = write_corpus(tmp_path / "corpus", files=10)
    other = Thresholds(upper=95, lower=60, min_words=30)
    recomputed = open_database(db_url)
    ingest(recomputed, paths)
    before = stored_pairs(recomputed), groups(recomputed)
    clusters.dedupe_all(recomputed, other)
    fresh = open_database(fresh_sqlite(tmp_path / "fresh.db"))
    ingest(fresh, paths)
    with fresh.session() as session:
        for table in (ClaimPair, ClusterMember, FamilyMember, Cluster, Family):
            session.execute(delete(table))
    clusters.dedupe_all(fresh, other)
    after = stored_pairs(recomputed), groups(recomputed)
    assert after == (stored_pairs(fresh), groups(fresh))
    assert after != before
    # Back to the defaults: the first result again; once more, and nothing moves.
    clusters.dedupe_all(recomputed)
    assert (stored_pairs(recomputed), groups(recomputed)) == before
    listed = clusters.list_clusters(recomputed)
    clusters.dedupe_all(recomputed)
    assert clusters.list_clusters(recomputed) == listed
    recomputed.close()
    fresh.close()
