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
    monkeypatch.setattr(second_process, "_LOADED", (1000, 5000, 2))
    monkeypatch.setattr(second_process, "_cpu_ticks", lambda: (1000 + idle, 5000 + idle + busy, 2))
    # A load average that alone would say the opposite is not consulted.
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0 if not expected else 3.0,) * 3)
    assert second_process.a_core_idles() is expected


def test_too_short_to_measure_falls_back_on_the_load_average(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(second_process, "cores", lambda: 2)
    monkeypatch.setattr(second_process, "_LOADED", (1000, 5000, 2))
    monkeypatch.setattr(second_process, "_cpu_ticks", lambda: (1005, 5010, 2))
    monkeypatch.setattr(os, "getloadavg", lambda: (0.5, 0.5, 0.5))
    assert second_process.a_core_idles()
    monkeypatch.setattr(os, "getloadavg", lambda: (1.5, 0.5, 0.5))
    assert not second_process.a_core_idles()


def test_the_machine_s_cpu_time_is_read() -> None:
    ticks = second_process._cpu_ticks()
    if ticks is None:
        pytest.skip("no /proc/stat here")
    idle, total, cpus = ticks
    assert 0 <= idle <= total and total > 0 and cpus >= 1


def test_the_cores_are_those_the_totals_cover() -> None:
    stat = (
        b"cpu  10 0 20 300 5 0 1 0 0 0\ncpu0 5 0 10 150 2 0 1 0 0 0\ncpu1 5 0 10 150 3 0 0 0 0 0\n"
    )
    assert second_process._ticks_of(stat + b"intr 1 2 3\nctxt 99\n") == (305, 336, 2)


@pytest.mark.parametrize("stat", [b"", b"cpu  10 20 30 40\ncpu0 10 20 30 40\n", b"cpu  a b\n"])
def test_a_stat_it_cannot_read_is_no_measurement(stat: bytes) -> None:
    assert second_process._ticks_of(stat) is None


def test_without_a_measurement_the_load_average_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(second_process, "cores", lambda: 2)
    monkeypatch.setattr(second_process, "_LOADED", None)
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 0.2, 0.2))
    assert second_process.a_core_idles()


def test_the_cpu_time_of_our_own_second_process_counts_as_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A process started before the decision (ingest's, reading files while the caller
    starts) keeps the second core busy itself: that is not other work."""
    monkeypatch.setattr(second_process, "_LOADED", (1000, 5000, 2))
    monkeypatch.setattr(second_process, "_cpu_ticks", lambda: (1010, 5200, 2))
    monkeypatch.setattr(second_process, "_ticks_of_process", lambda pid: 90 if pid == 7 else 0)
    assert not second_process.a_core_idles()
    assert second_process.a_core_idles(besides=(7,))
    assert not second_process.a_core_idles(besides=(8,))


def test_a_process_s_cpu_time_is_read() -> None:
    spent = second_process._ticks_of_process(os.getpid())
    assert spent > 0  # this test run has used more than a hundredth of a second
    assert second_process._ticks_of_process(2**22 + 1) == 0  # beyond any pid: no process
