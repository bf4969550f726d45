"""The stored runs of band hashes (`band_runs`): which stored claims share a MinHash band
with a batch, read from a few sorted runs rather than from every stored signature.

A run's claims may since have lost their signature (their document was replaced); readers
keep only the ids that still hold band hashes in `claim_signatures`, which stays the truth.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt
from sqlalchemy import (
    ARRAY,
    Integer,
    SmallInteger,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from claimcheck.core import band_runs as core
from claimcheck.core.dedupe import BANDS
from claimcheck.store.bulk import read_rows
from claimcheck.store.models import BandRun, ClaimSignature

# Runs are read and written a band at a time, so memory holds one band of the corpus.


def present(session: Session) -> bool:
    return session.scalar(select(BandRun.run).limit(1)) is not None


def sharing(session: Session, signatures: Sequence[bytes]) -> list[int]:
    """Ids of the stored claims sharing a band hash with any of these signatures."""
    query = core.band_matrix(signatures)
    found: list[npt.NDArray[np.int64]] = []
    postgresql = session.get_bind().dialect.name == "postgresql"
    for band in range(BANDS if signatures else 0):
        if postgresql:
            found.append(_sharing_by_slices(session, band, query[band]))
            continue
        rows = read_rows(
            session, select(BandRun.hashes, BandRun.claim_ids).where(BandRun.band == band)
        )
        for hashes, ids in rows:
            found.append(core.sharing((hashes, ids), query[band]))
    if not found:
        return []
    return np.unique(np.concatenate(found)).tolist()  # type: ignore[no-any-return]


def _sharing_by_slices(session: Session, band: int, query: core.U64) -> npt.NDArray[np.int64]:
    """`sharing` for one band on PostgreSQL: the runs' hashes are read whole, and of their
    ids only those found, as slices of the stored bytes, where they are few. The columns
    are stored uncompressed, so the server reads a slice's pages only. A batch of 10,000
    sentences looks for 233,000 hashes in the million's runs and finds about 3,000; the ids
    are a third of the runs' bytes. The hashes are read in binary: as text, PostgreSQL
    sends each byte as two hex digits for the client to decode (every band of the
    million: 4.9 s against 2.4 s)."""
    found: list[npt.NDArray[np.int64]] = []
    sliced: list[tuple[int, int, int]] = []
    for run, hashes in read_rows(
        session, select(BandRun.run, BandRun.hashes).where(BandRun.band == band)
    ):
        starts, counts = core.matching(hashes, query)
        if len(starts) * _SLICE_COST < len(hashes) // 8:
            sliced += [
                (run, start, count)
                for start, count in zip(starts.tolist(), counts.tolist(), strict=True)
            ]
            continue
        whole = select(BandRun.claim_ids).where(BandRun.band == band, BandRun.run == run)
        ((ids,),) = read_rows(session, whole)
        found.append(core.sharing((hashes, ids), query))
    if sliced:
        # A uint32 id is 4 bytes; substring counts bytes from 1.
        slices = text(
            "SELECT substring(r.claim_ids FROM 4 * s.start + 1 FOR 4 * s.count)"
            " FROM unnest(:runs, :starts, :counts) AS s(run, start, count)"
            " JOIN band_runs r ON r.run = s.run AND r.band = :band"
        ).bindparams(
            *(
                bindparam(name, [row[n] for row in sliced], type_=ARRAY(Integer))
                for n, name in enumerate(("runs", "starts", "counts"))
            ),
            bindparam("band", band, type_=SmallInteger),
        )
        some = np.frombuffer(b"".join(session.scalars(slices)), dtype=np.uint32)
        found.append(np.unique(some.astype(np.int64)))
    return np.unique(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


# Ids a slice costs as much as reading whole (a slice of a run's ids takes about 45 µs of
# the client's and the server's time, reading them whole 0.035 µs an id): where a batch
# finds more of a run's hashes, its ids are read whole.
_SLICE_COST = 1000


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
            query = select(BandRun.run, BandRun.hashes, BandRun.claim_ids).where(
                BandRun.band == band, BandRun.run.in_((first, second))
            )
            rows = {
                run: (hashes, claim_ids) for run, hashes, claim_ids in read_rows(session, query)
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
