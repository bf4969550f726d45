"""A long report or export written by two processes, a half each, in document order.

A second, forked process writes the second half to a temporary file while this one writes
the first half to the output; this one then appends the second half. The bytes are those
one process would write. A small output stays in one process: forking and copying would
cost more than they save.
"""

from __future__ import annotations

import codecs
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO

from claimcheck.core import second_process
from claimcheck.errors import ClaimcheckError
from claimcheck.services.database import Database

# Below this many claims (about a third of a second of writing) one process does it all.
PARALLEL_FROM_CLAIMS = 4_000
# Where a part of a report ends or begins: the writers yield it, `cut` takes it out. It
# never reaches the output, so nothing in the corpus can be taken for it there.
CUT = "\x00claimcheck: the parts meet here\x00"

Chunks = Callable[[], Iterable[str]]


def worth_two(claims: int, db: Database) -> bool:
    """Whether a second process should write half of an output of `claims` claims: a
    forked process opens the database anew, and would find an in-memory one empty."""
    return claims >= PARALLEL_FROM_CLAIMS and not db.in_memory and second_process.can_fork()


def cut(part: str | None, chunks: Iterator[str]) -> Iterator[str]:
    """A part's own chunks of a writer's output: those before `CUT` for the first part,
    those after it for the rest, all of them for a whole report."""
    if part is None:
        yield from chunks
        return
    for chunk in chunks:
        if chunk == CUT:
            break
        if part == "first":
            yield chunk
    else:
        # Without it, the first part would be the whole output and the rest nothing: the
        # output written twice over, or not at all.
        raise RuntimeError("a writer's output has no point where its parts meet (CUT)")
    if part != "first":
        yield from chunks


def write_halves(
    out: IO[str], db: Database, first: Chunks, rest: Chunks, folder: Path | None = None
) -> None:
    """Write `first()` here and `rest()` in a second process, to `out` in that order.

    The second half waits in a temporary file in `folder`, the output's own (the system's
    temporary folder when None): where the output fits, so does its second half, which a
    small temporary folder (often in memory) may not hold.

    If the second process fails or dies, the error is raised here once the first half is
    written (the caller discards the unfinished output); if this one fails, the second
    process is stopped at once.
    """
    with tempfile.TemporaryDirectory(prefix="claimcheck-rest-", dir=folder) as scratch:
        path = Path(scratch) / "rest"
        pool = second_process.pool(_hold, (db, rest))
        finished = False
        try:
            done = pool.submit(_write_rest, str(path))
            out.writelines(first())
            try:
                done.result()
            except BrokenProcessPool as error:
                raise ClaimcheckError(
                    "the second process writing the output stopped (killed, or out of "
                    "memory); nothing was written"
                ) from error
            except ClaimcheckError:
                raise
            except Exception as error:
                raise ClaimcheckError(
                    f"the second process writing the output failed: {error}"
                ) from error
            _append(out, path)
            finished = True
        finally:
            if not finished:
                _stop(pool)
            pool.shutdown(wait=True, cancel_futures=True)


def _append(out: IO[str], path: Path) -> None:
    """Append the second half to `out`: as bytes to a UTF-8 file (whose line ends Linux,
    the only system that forks here, leaves as they are), as text to anything else."""
    buffer, encoding = getattr(out, "buffer", None), getattr(out, "encoding", None)
    if buffer is not None and encoding and codecs.lookup(encoding).name == "utf-8":
        out.flush()
        with path.open("rb") as written:
            shutil.copyfileobj(written, buffer, 1 << 20)
        buffer.flush()
        return
    with path.open(encoding="utf-8", newline="") as text:
        shutil.copyfileobj(text, out, 1 << 20)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a second process that may still be writing, rather than wait for it."""
    # ProcessPoolExecutor has no public way to do this before Python 3.14.
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()


# --- the second process ----------------------------------------------------------------

_rest: Chunks | None = None


def _hold(db: Database, rest: Chunks) -> None:
    global _rest
    # The connections inherited from this process stay its own: the second process opens
    # its own, leaving those untouched (SQLAlchemy's way for a forked child).
    db.engine.dispose(close=False)
    _rest = rest


def _write_rest(path: str) -> None:
    assert _rest is not None, "set by _hold"
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.writelines(_rest())
