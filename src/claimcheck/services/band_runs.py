"""The stored runs of band hashes (`band_runs`): which stored claims share a MinHash band
with a batch, read from a few sorted runs rather than from every stored signature.

A run's claims may since have lost their signature (their document was replaced); readers
keep only the ids that still hold band hashes in `claim_signatures`, which stays the truth.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from claimcheck.core import band_runs as core
from claimcheck.core.dedupe import BANDS
from claimcheck.store.models import BandRun, ClaimSignature

# Runs are read and written a band at a time, so memory holds one band of the corpus.


def present(session: Session) -> bool:
    return session.scalar(select(BandRun.run).limit(1)) is not None


def sharing(session: Session, signatures: Sequence[bytes]) -> list[int]:
    """Ids of the stored claims sharing a band hash with any of these signatures."""
    query = core.band_matrix(signatures)
    found: list[npt.NDArray[np.int64]] = []
    for band in range(BANDS if signatures else 0):
        rows = session.execute(
            select(BandRun.hashes, BandRun.claim_ids).where(BandRun.band == band)
        )
        for hashes, ids in rows:
            found.append(core.sharing((hashes, ids), query[band]))
    if not found:
        return []
    return np.unique(np.concatenate(found)).tolist()  # type: ignore[no-any-return]


def append(session: Session, ids: Sequence[int], signatures: Sequence[bytes]) -> None:
    """Store a run of these claims' band hashes; then runs of similar size are merged, so
    that their number stays logarithmic in the corpus."""
    if not ids:
        return
    last = session.scalar(select(func.max(BandRun.run))) or 0
    _write(session, last + 1, len(ids), core.build(ids, signatures))
    sizes: list[tuple[int, int]] = [
        (run, claims)
        for run, claims in session.execute(
            select(BandRun.run, BandRun.claims).where(BandRun.band == 0).order_by(BandRun.run)
        )
    ]
    while len(sizes) > 1 and sizes[-2][1] <= 2 * sizes[-1][1]:
        (first, a), (second, b) = sizes[-2], sizes[-1]
        for band in range(BANDS):
            rows = {
                run: (hashes, claim_ids)
                for run, hashes, claim_ids in session.execute(
                    select(BandRun.run, BandRun.hashes, BandRun.claim_ids).where(
                        BandRun.band == band, BandRun.run.in_((first, second))
                    )
                )
            }
            merged = core.merge(rows[first], rows[second])
            session.execute(delete(BandRun).where(BandRun.band == band, BandRun.run == second))
            session.execute(
                update(BandRun)
                .where(BandRun.run == first, BandRun.band == band)
                .values(claims=a + b, hashes=merged[0], claim_ids=merged[1])
            )
        sizes[-2:] = [(first, a + b)]


def rebuild(session: Session, stored: Mapping[int, bytes | None] | None = None) -> None:
    """Runs anew from the stored signatures: one run of every claim holding band hashes.
    ``stored`` is every claim's stored band hashes, by id, when the caller knows them."""
    session.execute(delete(BandRun))
    if stored is None:
        query = select(ClaimSignature.claim_id, ClaimSignature.bands)
        stored = {
            claim_id: bands
            for claim_id, bands in session.execute(query.where(ClaimSignature.bands.is_not(None)))
        }
    held = sorted((claim_id, bands) for claim_id, bands in stored.items() if bands is not None)
    ids, signatures = [claim_id for claim_id, _ in held], [bands for _, bands in held]
    if ids:
        _write(session, 1, len(ids), core.build(ids, signatures))


def _write(session: Session, run: int, claims: int, bands: list[core.Band]) -> None:
    for band, (hashes, ids) in enumerate(bands):
        session.execute(
            insert(BandRun).values(run=run, band=band, claims=claims, hashes=hashes, claim_ids=ids)
        )
