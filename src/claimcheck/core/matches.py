"""Matches between claims and the groups they make: the score thresholds, a matched pair,
the clusters and families that pairs join, and the few pairs worth storing for them.

Pure code without numpy or rapidfuzz, so the readers of clusters (`claimcheck show`, the
listings) load it without the matching engine in ``claimcheck.core.dedupe``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Match",
    "Thresholds",
    "clusters",
    "components",
    "families",
    "family_groups",
    "spanning",
]


@dataclass(frozen=True)
class Thresholds:
    """Score thresholds (0-100, ``fuzz.ratio`` on sorted normalised words; see
    ``claimcheck.core.dedupe.similarity``).

    ``upper=90``: light edits (punctuation, casing, quote and dash styles, cue verbs, swapped
    neighbouring words) normalise away and score 100, and 90 still allows a word or two
    changed or dropped in a typical 20-30 word claim. In the benchmark corpus every pair
    scoring 85 or more was a copy; different claims that share a sentence frame score less.

    ``lower=80``: a copy missing a clause of up to a third of the claim still scores 80 (a
    shortened copy of length s scores at most 200*s/(s+l) against its original of length
    l). Below 80, pairs that only share a frame ("X warned that the Y could cost N million
    dollars") take over: 84% of the benchmark's pairs at 75-80 were not copies, and as they
    share few content words, MinHash cannot find them reliably (recall against exhaustive
    comparison falls to 0.97 at 50k claims with ``lower=75``, against 0.997 at 80).

    ``min_words=8``: shorter claims ("Prices rose sharply.") collide by accident too often
    to be joined without a human, so they are only ever suggested.
    """

    upper: float = 90.0
    lower: float = 80.0
    min_words: int = 8

    def __post_init__(self) -> None:
        if not 0 <= self.lower <= self.upper <= 100:
            raise ValueError("need 0 <= lower <= upper <= 100")
        if self.min_words < 0:
            raise ValueError("min_words must not be negative")


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True, slots=True)
class Match:
    """A pair of claims scoring at least ``Thresholds.lower``.

    ``automatic`` pairs are joined without review; the others are suggestions. ``reason``
    says why a pair scoring at least ``Thresholds.upper`` was demoted to a suggestion
    ("short claim", "numbers differ", "dates differ", "names differ", "negation differs",
    joined with "; "), and is None otherwise.
    """

    a: int
    b: int
    score: float
    automatic: bool
    reason: str | None = None
    # The two differ only in numbers, dates or names (claimcheck.core.dedupe.match_verdict):
    # they belong to one family of variants, whatever their score.
    variant: bool = False


class _Forest:
    """Union-find over int nodes, with path halving."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def root(self, node: int) -> int:
        parent = self._parent
        while (up := parent.get(node)) is not None:
            top = parent.get(up)
            if top is None:
                return up
            parent[node] = node = top
        return node

    def union(self, a: int, b: int) -> bool:
        """Join the groups of ``a`` and ``b``; False if they were one group already. The
        root searches are written out here: a call each cost more than the searches."""
        parent = self._parent
        while (up := parent.get(a)) is not None:
            top = parent.get(up)
            if top is None:
                a = up
                break
            parent[a] = a = top
        while (up := parent.get(b)) is not None:
            top = parent.get(up)
            if top is None:
                b = up
                break
            parent[b] = b = top
        if a == b:
            return False
        parent[a] = b
        return True


def spanning(
    matches: Iterable[Match],
    cluster_of: Mapping[int, int] | None = None,
    family_of: Mapping[int, int] | None = None,
    keep: int = 2,
) -> list[Match]:
    """The matches worth storing: the same clusters and families, far fewer pairs.

    An automatic match is kept only if it joins two clusters, a variant match only if it
    joins two families (best scores first), so k copies of a claim keep k - 1 pairs rather
    than k(k-1)/2. Of the other suggestions, each claim keeps its ``keep`` best. Claims
    already grouped are given by ``cluster_of`` and ``family_of`` (claim id to a group id),
    so a batch adds only the pairs that join it to what is stored. Sorted by (a, b).
    """
    cluster_of = cluster_of or {}
    family_of = family_of or {}

    # Nodes are ints (a claim 3c, a cluster 3g + 1, a family 3f + 2), which hash and
    # compare at a fraction of the cost of tagged tuples: a node a claim, at 100k claims.
    def cluster_node(claim: int) -> int:
        found = cluster_of.get(claim)
        return 3 * claim if found is None else 3 * found + 1

    def family_node(claim: int) -> int:
        found = family_of.get(claim)
        return cluster_node(claim) if found is None else 3 * found + 2

    joined, related = _Forest(), _Forest()
    suggested: Counter[int] = Counter()
    kept = []
    for m in sorted(matches, key=lambda m: (not m.automatic, not m.variant, -m.score, m.a, m.b)):
        if m.automatic:
            if joined.union(cluster_node(m.a), cluster_node(m.b)):
                related.union(family_node(m.a), family_node(m.b))
                kept.append(m)
        elif m.variant:
            if related.union(family_node(m.a), family_node(m.b)):
                kept.append(m)
        elif (suggested[m.a] < keep or suggested[m.b] < keep) and joined.root(
            cluster_node(m.a)
        ) != joined.root(cluster_node(m.b)):
            suggested.update((m.a, m.b))
            kept.append(m)
    kept.sort(key=lambda m: (m.a, m.b))
    return kept


def clusters(ids: Iterable[int], matches: Iterable[Match]) -> list[list[int]]:
    """Connected components of the automatic ``matches`` over ``ids``.

    Each cluster is sorted, clusters are ordered by their smallest id, and claims without
    an automatic match are left out. Raises KeyError for a match naming an unknown id.
    """
    return components(ids, [(m.a, m.b) for m in matches if m.automatic])


def components(ids: Iterable[int], edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """``clusters`` from the pairs (a, b) that join, rather than from matches: what a
    caller holding pairs as plain ids (rebuilding the groups of a whole corpus) passes
    without making a match of each."""
    parent = {i: i for i in ids}
    # Union-find with path halving, the root searches written out: a call a search cost
    # more than the search at a hundred thousand pairs.
    for a, b in edges:
        while (up := parent[a]) != a:
            parent[a] = a = parent[up]
        while (up := parent[b]) != b:
            parent[b] = b = parent[up]
        parent[a] = b
    groups: dict[int, list[int]] = {}
    for i in parent:
        r = i
        while (up := parent[r]) != r:
            parent[r] = r = parent[up]
        groups.setdefault(r, []).append(i)
    return sorted(sorted(g) for g in groups.values() if len(g) > 1)


def families(
    ids: Iterable[int], matches: Iterable[Match], joined: list[list[int]] | None = None
) -> list[list[int]]:
    """Connected components of the automatic and variant ``matches`` over ``ids`` that hold
    more than one cluster (or lone claim): claims that differ only in numbers, dates or
    names. Sorted like ``clusters``. ``joined`` is ``clusters(ids, matches)`` where the
    caller has it already."""
    matches = list(matches)
    ids = list(ids)
    joining = [(m.a, m.b) for m in matches if m.automatic]
    variants = [(m.a, m.b) for m in matches if m.variant and not m.automatic]
    return family_groups(ids, joining, variants, joined)


def family_groups(
    ids: Iterable[int],
    joining: Sequence[tuple[int, int]],
    variants: Sequence[tuple[int, int]],
    joined: list[list[int]] | None = None,
) -> list[list[int]]:
    """``families`` from pairs of ids: those that join a cluster and the variant pairs.
    ``joined`` is ``components(ids, joining)`` where the caller has it already."""
    ids = list(ids)
    if joined is None:
        joined = components(ids, joining)
    cluster_of = {claim: n for n, group in enumerate(joined) for claim in group}
    related = components(ids, itertools.chain(joining, variants))
    return [g for g in related if len({cluster_of.get(c, -c - 1) for c in g}) > 1]
