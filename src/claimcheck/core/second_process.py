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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

__all__ = ["a_core_idles", "can_fork", "cores", "pool"]

_PR_SET_PDEATHSIG = 1


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1


def can_fork() -> bool:
    """Whether a forked second process is safe here and has a second core to run on."""
    return sys.platform == "linux" and threading.active_count() == 1 and cores() > 1


def a_core_idles() -> bool:
    """Whether a second process would find a core of its own (the load average leaves
    one idle); on a shared machine, work handed to it may wait instead."""
    return cores() - os.getloadavg()[0] >= 1


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
