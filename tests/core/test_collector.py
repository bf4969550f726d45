"""What the collector leaves out of its passes, and for how long."""

from __future__ import annotations

import gc

from claimcheck.core.collector import freeze_more, frozen, young_collected_less


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
    with young_collected_less():
        inside = gc.get_threshold()
    assert inside[0] > before[0] and inside[1:] == before[1:]
    assert gc.get_threshold() == before
    try:
        with young_collected_less():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.get_threshold() == before


def test_a_frozen_block_leaves_the_thresholds_alone() -> None:
    before = gc.get_threshold()
    with frozen():
        assert gc.get_threshold() == before
