"""What the collector leaves out of its passes, and for how long."""

from __future__ import annotations

import gc

from claimcheck.core.collector import freeze_more, frozen


def test_freeze_more_adds_to_a_freeze_only_inside_one() -> None:
    assert gc.get_freeze_count() == 0
    made_before = [object() for _ in range(100)]
    freeze_more()
    assert gc.get_freeze_count() == 0
    with frozen():
        at_start = gc.get_freeze_count()
        made_since = [[n] for n in range(1_000)]
        freeze_more()
        assert gc.get_freeze_count() >= at_start + len(made_since)
    assert gc.get_freeze_count() == 0
    assert made_before and made_since


def test_the_youngest_generation_waits_longer_inside_and_as_before_after() -> None:
    before = gc.get_threshold()
    with frozen():
        inside = gc.get_threshold()
        with frozen():
            assert gc.get_threshold() == inside
        assert gc.get_threshold() == inside
    assert inside[0] > before[0] and inside[1:] == before[1:]
    assert gc.get_threshold() == before


def test_a_callers_own_freeze_keeps_its_thresholds() -> None:
    before = gc.get_threshold()
    gc.freeze()
    try:
        with frozen():
            assert gc.get_threshold() == before
    finally:
        gc.unfreeze()
