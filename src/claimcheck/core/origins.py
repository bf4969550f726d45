"""Independent origins: corroboration counted by where a story began, not by its copies.

An origin is the primary source at the end of a chain. Every appearance of a claim (the
claim itself, its near-duplicate copies, the claims and sources linked to it) is reduced
to its origin, and the outlets that carried it are kept as that origin's relays: three
outlets relaying one wire story are one origin with three relays.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Appearance:
    """One place a claim was found.

    `primaries`: the sources the text names as first-hand (empty when it names none);
    `relays`: the sources named as passing it on, nearest to the origin first;
    `outlet`: who published the text it was found in (None for a linked source).
    """

    primaries: tuple[str, ...]
    relays: tuple[str, ...] = ()
    outlet: str | None = None


@dataclass(frozen=True, slots=True)
class Origin:
    name: str
    relayed_by: tuple[str, ...]


# The same few hundred names come back claim after claim.
@functools.lru_cache(maxsize=8192)
def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _first_hand(appearance: Appearance) -> tuple[str, ...]:
    """Whom an appearance starts from: its named source, else the nearest outlet carrying it."""
    if appearance.primaries:
        return appearance.primaries
    for name in (*appearance.relays, appearance.outlet):
        if name:
            return (name,)
    return ()


def origins(groups: Iterable[Sequence[Appearance]]) -> tuple[Origin, ...]:
    """The independent origins of groups of appearances, with the outlets that relayed each.

    A group is one claim and its near-duplicate copies, earliest first: a copy that names
    no source of its own is taken from the earliest appearance, so it adds a relay, never
    an origin. Names are compared without regard to case or spacing; origins and relays
    keep the order in which they were first met.
    """
    names: dict[str, str] = {}
    relays: dict[str, dict[str, str]] = {}
    for group in groups:
        if not group:
            continue
        earliest = _first_hand(group[0])
        for appearance in group:
            firsts = appearance.primaries or earliest
            carriers = [*appearance.relays, appearance.outlet]
            for first in firsts:
                key = _key(first)
                names.setdefault(key, first)
                seen = relays.setdefault(key, {})
                for carrier in carriers:
                    if carrier and _key(carrier) != key:
                        seen.setdefault(_key(carrier), carrier)
    return tuple(Origin(names[key], tuple(relays[key].values())) for key in names)
