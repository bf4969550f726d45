"""Objects set aside from the garbage collector's passes (frozen), without touching those
of a program that calls claimcheck.

`gc.unfreeze` returns every frozen object to the collector, not only those one caller
froze, and what is frozen in a caller's frozen set stays there. So claimcheck freezes
only when nothing is frozen or what is frozen is its own (blocks inside one another):
the outermost block unfreezes. A program that froze objects of its own keeps exactly
those frozen, and claimcheck runs without freezing (its collections only take longer).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["freeze_more", "frozen", "young_collected_less"]

# How many `frozen` blocks are open that froze; when the last ends, it unfreezes.
_open = 0
# Objects made (and not freed) between two collections of the youngest generation in
# `young_collected_less`: Python's default is 700.
_YOUNG = 20_000


@contextmanager
def frozen() -> Iterator[None]:
    """What is alive now is frozen for the block: left out of the collector's passes, still
    freed by reference counting if dropped."""
    global _open
    if _open == 0 and gc.get_freeze_count() > 0:
        yield  # a caller's own frozen objects: nothing is added to them or unfrozen
        return
    _open += 1
    gc.freeze()
    try:
        yield
    finally:
        _open -= 1
        if _open == 0:
            gc.unfreeze()


def freeze_more() -> None:
    """Inside a `frozen` block that froze: what has been made since is frozen too (the end
    of a program's start-up, such as the review app's screens and styles). Elsewhere, it
    does nothing."""
    if _open > 0:
        gc.freeze()


@contextmanager
def young_collected_less() -> Iterator[None]:
    """The youngest generation collected less often for the block, as before after it. For
    ingest: what it makes (a document's analyses, its rows, the matching's keys) mostly
    lives on, so each collection found little to free and handed what survived on to the
    older generations, whose passes walked it again (on ingesting 20,000 news-like
    sentences, 0.4 s of 7 s in collections; 0.15 s this way). Not for a program's whole
    run: the review app's short-lived cycles are better freed soon."""
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
