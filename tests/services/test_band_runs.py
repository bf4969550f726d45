"""Ingest into a large corpus reads only the stored claims that may match the batch (the
holders of its copy keys and the claims sharing a band with it, from the band runs), and
matches exactly as reading every stored signature does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from claimcheck.core.dedupe import BANDS
from claimcheck.services import band_runs, clusters
from claimcheck.services.database import Database, open_database
from claimcheck.services.ingest import ingest
from claimcheck.store.models import BandRun, ClaimPair, ClaimSignature
from tests.conftest import fresh_sqlite
from tests.generated import write_corpus as write_filler
from tests.services.test_families import groups
from tests.services.test_families import write_corpus as write_stories

# fresh_sqlite copies the session's SQLite template, built before any monkeypatch.
pytestmark = pytest.mark.usefixtures("sqlite_template")

PARTS = ((0, 3), (3, 8), (8, 9), (9, 16), (16, 24))


def pairs(db: Database) -> set[tuple[int, int, str, bool]]:
    with db.session() as session:
        return {
            (a, b, state, variant)
            for a, b, state, variant in session.execute(
                select(
                    ClaimPair.claim_a_id, ClaimPair.claim_b_id, ClaimPair.state, ClaimPair.variant
                )
            )
        }


def runs(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count(func.distinct(BandRun.run)))) or 0


# On PostgreSQL the ids of the hashes found are read as slices of a run where they are
# few, whole where they are many: each way on every run.
@pytest.fixture(params=["as chosen", "slices", "whole"])
def read_ids(request: pytest.FixtureRequest, db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param != "as chosen":
        if not db_url.startswith("postgresql"):
            pytest.skip("SQLite reads every run whole")
        monkeypatch.setattr(band_runs, "_SLICE_COST", 0 if request.param == "slices" else 10**9)
    return str(request.param)


def test_batches_match_from_the_band_runs_as_from_every_signature(
    db_url: str, tmp_path: Path, read_ids: str
) -> None:
    filler = write_filler(tmp_path / "filler", files=20, sentences=60)
    stories = write_stories(tmp_path / "stories")
    # A later batch brings a new version of an earlier file: its old claims leave, and
    # where one held the band hashes of its copy key, a copy takes them over.
    revised = tmp_path / "revised"
    revised.mkdir()
    shutil.copy(stories[2], revised / stories[2].name)
    text = (revised / stories[2].name).read_text(encoding="utf-8")
    (revised / stories[2].name).write_text(text.replace("Wire Roundup", "Wire Digest"), "utf-8")
    from_runs = open_database(db_url)
    every = open_database(fresh_sqlite(tmp_path / "every.db"))
    for db in (from_runs, every):
        # Enough claims for the corpus's common words to be decided, as at scale.
        ingest(db, filler)
    assert runs(from_runs) == 1
    batches = [stories[start:stop] for start, stop in PARTS]
    batches[3] = [*batches[3], revised]
    for batch in batches:
        ingest(from_runs, batch)
        with every.session() as session:
            session.execute(delete(BandRun))  # matched against every stored signature
        ingest(every, batch)
    # Runs of similar size were merged as batches came.
    assert 1 < runs(from_runs) < len(PARTS) + 1
    assert pairs(from_runs) == pairs(every)
    assert groups(from_runs) == groups(every)
    clustered, families = groups(from_runs)
    assert len(families) >= 5 and len(clustered) >= 10
    # Recomputing from the stored signatures gives the same groups.
    before = groups(from_runs)
    clusters.dedupe_all(from_runs)
    assert groups(from_runs) == before
    from_runs.close()
    every.close()


def test_the_runs_give_exactly_the_claims_sharing_a_band(
    db_url: str, tmp_path: Path, read_ids: str
) -> None:
    db = open_database(db_url)
    filler = write_filler(tmp_path / "filler", files=20, sentences=60)
    ingest(db, filler)  # enough claims for the corpus's common words to be decided
    # A second run, too small to be merged with the first.
    ingest(db, write_filler(tmp_path / "more", files=2, sentences=60, seed=2))
    with db.session() as session:
        stored: dict[int, bytes] = {
            claim_id: bands
            for claim_id, bands in session.execute(
                select(ClaimSignature.claim_id, ClaimSignature.bands)
            )
            if bands is not None
        }
        # Every third claim's band hashes: each finds itself, and any claim sharing a band.
        asked = [bands for claim_id, bands in sorted(stored.items())[::3]]
        found = band_runs.sharing(session, asked)
    wanted = {(band, bands[8 * band : 8 * band + 8]) for bands in asked for band in range(BANDS)}
    expected = sorted(
        claim_id
        for claim_id, bands in stored.items()
        if any((band, bands[8 * band : 8 * band + 8]) in wanted for band in range(BANDS))
    )
    assert runs(db) == 2
    assert len(expected) > len(asked)
    assert found == expected
    db.close()
