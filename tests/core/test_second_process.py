"""Whether ingest hands files to a second process: by the idle time of the machine's
cores, not by the load average, which counts tasks waiting on the disk."""

from __future__ import annotations

import os

import pytest

from claimcheck.core import second_process


@pytest.mark.parametrize(
    ("idle", "busy", "expected"),
    [
        (100, 100, True),  # one core busy (the caller's start-up), the other idle
        (60, 140, True),  # other work used a fifth of the machine: still half a core free
        (10, 190, False),  # other work kept the second core busy
        (0, 200, False),
    ],
)
def test_a_core_idles_by_the_idle_time_since_start_up(
    monkeypatch: pytest.MonkeyPatch, idle: int, busy: int, expected: bool
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(second_process, "_LOADED", (1000, 5000))
    monkeypatch.setattr(second_process, "_cpu_ticks", lambda: (1000 + idle, 5000 + idle + busy))
    # A load average that alone would say the opposite is not consulted.
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0 if not expected else 3.0,) * 3)
    assert second_process.a_core_idles() is expected


def test_too_short_to_measure_falls_back_on_the_load_average(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(second_process, "cores", lambda: 2)
    monkeypatch.setattr(second_process, "_LOADED", (1000, 5000))
    monkeypatch.setattr(second_process, "_cpu_ticks", lambda: (1005, 5010))
    monkeypatch.setattr(os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    assert second_process.a_core_idles()
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 0.5, 0.5))
    assert not second_process.a_core_idles()


def test_the_machine_s_cpu_time_is_read() -> None:
    ticks = second_process._cpu_ticks()
    if ticks is None:
        pytest.skip("no /proc/stat here")
    idle, total = ticks
    assert 0 <= idle <= total and total > 0
