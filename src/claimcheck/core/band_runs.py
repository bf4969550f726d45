"""Sorted runs of MinHash band hashes: finding the stored claims that share a band with a
batch without reading the corpus claim by claim.

A run covers a set of claims. For each band it holds their hashes sorted, with each hash's
claim id alongside, as two byte strings (native uint64 and uint32), so a batch's hashes are
found by binary search in it. A store keeps a few runs, merging runs of similar size as
new ones come (their number stays logarithmic in the corpus), much as ``ClaimIndex`` keeps
its segments in memory.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from claimcheck.core.dedupe import BANDS

__all__ = ["Band", "band_matrix", "build", "matching", "merge", "sharing"]

Band = tuple[bytes, bytes]
"""One band of a run: the sorted hashes and their claims' ids."""

U64 = npt.NDArray[np.uint64]


def band_matrix(signatures: Sequence[bytes]) -> U64:
    """The band hashes of claims given as stored signatures, one column a claim."""
    if not signatures:
        return np.zeros((BANDS, 0), dtype=np.uint64)
    flat = np.frombuffer(b"".join(signatures), dtype=np.uint64)
    return flat.reshape(len(signatures), BANDS).T


def build(ids: Sequence[int], signatures: Sequence[bytes]) -> list[Band]:
    """A run of the claims ``ids`` with these stored signatures, band by band."""
    hashes = band_matrix(signatures)
    claim_ids = np.asarray(ids, dtype=np.uint32)
    return [_sorted(hashes[band], claim_ids) for band in range(BANDS)]


def merge(first: Band, second: Band) -> Band:
    """One band of two runs as one run's band."""
    hashes = np.concatenate([np.frombuffer(b, dtype=np.uint64) for b in (first[0], second[0])])
    ids = np.concatenate([np.frombuffer(b, dtype=np.uint32) for b in (first[1], second[1])])
    return _sorted(hashes, ids)


def _sorted(hashes: U64, ids: npt.NDArray[np.uint32]) -> Band:
    order = np.argsort(hashes, kind="stable")
    return hashes[order].tobytes(), ids[order].tobytes()


def sharing(band: Band, query: U64) -> npt.NDArray[np.int64]:
    """The ids in one band of a run whose hash is one of ``query`` (that band's hashes of a
    batch), each once."""
    ids = np.frombuffer(band[1], dtype=np.uint32)
    starts, counts = matching(band[0], query)
    return np.unique(ids[_spread(starts, counts)].astype(np.int64))


def matching(hashes: bytes, query: U64) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Where one band of a run (its sorted ``hashes``) holds one of ``query``: the first
    position and the number of positions of each hash found, ascending and disjoint."""
    stored = np.frombuffer(hashes, dtype=np.uint64)
    query = np.unique(query)  # sorted, the searches walk the run in order
    left = np.searchsorted(stored, query, "left")
    counts = np.searchsorted(stored, query, "right") - left
    found = counts > 0
    return left[found].astype(np.int64), counts[found].astype(np.int64)


def _spread(starts: npt.NDArray[np.int64], counts: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Every position of the ranges (``starts``, ``counts``), in order."""
    total = int(counts.sum())
    return np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(total)
