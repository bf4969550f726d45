"""A second, forked process that works beside the caller: ingest prepares files in one,
reports and exports write their second half in one.

Only forking is safe: a spawned process runs the caller's script again, which hangs a
script without a main guard. Forking a process that has threads can deadlock the child,
and macOS libraries are not safe after a fork, so `can_fork` says no there. The second
process ignores Ctrl-C (the caller handles it and shuts the process down) and dies with
the caller, instead of holding its files and pipes open for ever.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

__all__ = ["a_core_idles", "busy", "can_fork", "cores", "pool"]

_PR_SET_PDEATHSIG = 1


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def can_fork() -> bool:
    """Whether a forked second process is safe here and has a second core to run on."""
    return sys.platform == "linux" and threading.active_count() == 1 and cores() > 1


def a_core_idles(besides: Iterable[int] = ()) -> bool:
    """Whether a second process would find a core of its own; on a shared machine, work
    handed to it may wait instead. ``besides``: processes of ours started since (a second
    process already at work), whose CPU time counts as idle.

    Told by the time the machine's cores spent idle since this module was loaded (while
    the caller started, keeping one core busy itself): at least half a core idle, other
    work leaves room. The load average is a poor guide on its own: it counts tasks waiting
    on the disk, and the minute before, such as a program that has just ended; it is the
    answer only when too little time has passed to measure.
    """
    now = _cpu_ticks()
    if now is not None and _LOADED is not None:
        idle, total, cpus = now[0] - _LOADED[0], now[1] - _LOADED[1], now[2]
        idle += sum(map(_ticks_of_process, besides))
        if total >= _MEASURABLE * cpus:
            return idle * cpus >= total * _IDLE_ENOUGH
    return cores() - os.getloadavg()[0] >= 1


def busy() -> bool:
    """Whether the machine is plainly busy: by the load average, at least a task more than
    it has cores waited for one over the last minute. Too coarse to say that a core idles
    (`a_core_idles`), it says when a process started before that can be measured would
    only take time from others."""
    return os.getloadavg()[0] >= cores() + 1


# Half a core idle, over at least a tenth of a second on every core (/proc/stat counts
# in hundredths).
_IDLE_ENOUGH = 0.5
_MEASURABLE = 10


def _cpu_ticks() -> tuple[int, int, int] | None:
    """The machine's idle and total CPU time so far, in ticks, and its cores (Linux), or
    None."""
    try:
        with open("/proc/stat", "rb") as stat:
            return _ticks_of(stat.read())
    except OSError:
        return None


def _ticks_of(stat: bytes) -> tuple[int, int, int] | None:
    """Idle ticks, all ticks and cores from the text of /proc/stat, or None if it does not
    hold them."""
    lines = stat.splitlines()
    try:
        fields = [int(value) for value in lines[0].split()[1:9]]
    except (IndexError, ValueError):
        return None
    # The cores the totals cover: in a container they may be fewer than the host's, which
    # is what os.cpu_count() tells.
    cpus = sum(1 for line in lines if line[:3] == b"cpu" and line[3:4].isdigit())
    if len(fields) < 5 or not cpus:
        return None
    # user nice system idle iowait irq softirq steal: waiting on the disk is idle too.
    return fields[3] + fields[4], sum(fields), cpus


def _ticks_of_process(pid: int) -> int:
    """The CPU time process ``pid`` has taken, in the ticks of /proc/stat (0 if unknown)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0


_LOADED = _cpu_ticks()


def pool(initializer: Callable[..., None], initargs: tuple[Any, ...] = ()) -> ProcessPoolExecutor:
    """A pool of one forked process, set up by `initializer(*initargs)`. The arguments are
    inherited through the fork, not pickled: they may hold anything (a database, a
    registry). Tasks and results go through pipes, so they must pickle."""
    return ProcessPoolExecutor(
        1,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start,
        initargs=(os.getpid(), initializer, initargs),
    )


def _start(parent: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)  # the caller was killed before the line above
    initializer(*initargs)
