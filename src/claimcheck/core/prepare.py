"""Files read, segmented and analysed: everything ingest does before the database.

A batch with enough to prepare is prepared in a second, forked process while the caller
stores what is ready, so reading and attribution run beside the database writes instead
of before them. The command line starts that process before it opens the database
(`start`): it loads the attribution engine and reads and segments the first files while
the caller loads SQLAlchemy and the registry, which takes it about a second, and analyses
them once `prepare_all` hands it the registry.
The second process analyses the files in order and learns new sources from each one, as
the caller's registry does, so every file is analysed exactly as it would be in one
process. Reading and segmenting a file does not depend on the others: while the caller
waits for the second process (the slower side, as on news-like text), the caller reads and
segments the files it hands over next, and the second process only analyses them.
What near-duplicate matching reads of each claim's text (its keys), which does not depend
on the rest of the corpus, is computed as each file is prepared, so matching after the
last file has less to do: by whichever process has the time. The second process computes
them only while the caller lags behind it (files prepared that the caller has not taken
yet); otherwise the caller computes them as the files arrive; so neither waits long for
the other, whichever is the slower at the rest of its work (analysing, storing), which
depends on the text, the database and the machine.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import os
import signal
from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, fields, replace
from multiprocessing.reduction import ForkingPickler
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck.core import second_process
from claimcheck.core.analysis import Attribution, SentenceAnalysis
from claimcheck.core.collector import freeze_more
from claimcheck.core.kinds import CLAIM
from claimcheck.core.reading import (
    DEFAULT_MAX_BYTES,
    Metadata,
    ReadDocument,
    ReadError,
    find_files,
    read_file,
)
from claimcheck.core.registry import Registry
from claimcheck.core.segment import segment

# The attribution and matching engines are loaded where a file is analysed: a caller that
# has a second process analyse its files (the command line) starts without them.
if TYPE_CHECKING:
    from claimcheck.core.dedupe import ClaimKeys

__all__ = [
    "PARALLEL_FROM_SECONDS",
    "Ahead",
    "Prepared",
    "ReadOptions",
    "files_of",
    "prepare",
    "prepare_all",
    "start",
    "with_keys",
]

# What preparing costs, roughly (2-core AMD EPYC, 2026-12-01): reading, segmenting and
# analysing a byte of text, and opening and reading a file's metadata. A folder of short
# articles costs per file as much as per byte.
SECONDS_PER_BYTE = 1.2e-6
SECONDS_PER_FILE = 0.5e-3
# Starting the second process costs up to a tenth of a second: it pays once the work it
# takes over is a few times that.
PARALLEL_FROM_SECONDS = 0.3
# Files prepared ahead of the caller: more than a batch that ingest stores in one
# transaction, so the second process goes on preparing while the caller stores; few and
# small enough that memory does not grow with the corpus when storing is the slower side
# (an analysed sentence takes several times its text's size).
_AHEAD = 128
_AHEAD_BYTES = 16 * 1024 * 1024
# Files handed over a task at a time: a task costs the caller a future, two pickles and
# the executor's threads' turns, more than a short article's own pickle.
_CHUNK = 8
# Read and segmented before the registry comes (`start`): about what the caller's
# start-up leaves time for, a second of reading and segmenting.
_READ_AHEAD_BYTES = 4 * 1024 * 1024
_READ_AHEAD_FILES = 1024
# The niceness of a process started ahead: work that the machine's other processes go before.
_BACKGROUND = 10
# Files prepared that the caller has not taken yet, from which on the second process
# computes the claims' keys too: the caller is the slower side then. With fewer, the
# caller keeps up (while it stores a batch of 16 files, the second process gets a task or
# two of 8 ahead) and has the time to compute them itself; computed by the second process,
# the keys cost it pickling them too, as much as pickling the claims' analyses.
_KEYS_AHEAD_FILES = 3 * _CHUNK


@dataclass(frozen=True, slots=True)
class ReadOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    fallback_encoding: str | None = None
    metadata: Metadata | None = None


@dataclass(frozen=True, slots=True)
class Prepared:
    """One file: its document and analyses, or why it cannot be read.

    ``doc`` without ``spans`` is a file whose current version already has these bytes.
    ``keys`` holds each sentence's ``claim_keys`` where it is a claim (matching reads only
    claims), None for the others.
    """

    path: Path
    doc: ReadDocument | None = None
    error: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)
    analyses: list[SentenceAnalysis] = field(default_factory=list)
    keys: list[ClaimKeys | None] = field(default_factory=list)


def files_of(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files at ``paths`` (`find_files`), in order, and the paths that hold none, with
    why."""
    files: list[Path] = []
    missing: list[tuple[Path, str]] = []
    for path in paths:
        try:
            files.extend(find_files(path))
        except ReadError as error:
            missing.append((path, str(error)))
    return files, missing


# A file read and segmented ahead of its analysis, or why it cannot be read.
_Read = tuple[ReadDocument, list[tuple[int, int]] | None] | ReadError


def prepare(
    path: Path,
    options: ReadOptions,
    registry: Registry,
    known: Collection[tuple[str, str]] = (),
    keys: bool = True,
    read: _Read | None = None,
) -> Prepared:
    """Read, segment and analyse one file, unless ``known`` has its (path, sha256); with
    ``keys``, compute its claims' keys too (``with_keys``). ``read``: the file as
    `_read` gave it, read earlier."""
    from claimcheck.core.attribution import analyse_document

    if read is None:
        read = _read(path, options, segmented=False)
    if isinstance(read, ReadError):
        return Prepared(path, error=str(read))
    doc, spans = read
    if (doc.canonical_path, doc.sha256) in known:
        return Prepared(path, doc)
    try:
        if spans is None:
            spans = segment(doc.text)
        analyses = analyse_document(doc.text, spans, registry, doc.metadata.publisher)
    except Exception as error:  # a bug on one odd text must not stop the batch
        return _not_analysed(path, error)
    prepared = Prepared(path, doc, None, spans, analyses)
    return with_keys(prepared) if keys else prepared


def _read(
    path: Path, options: ReadOptions, segmented: bool, known: Collection[tuple[str, str]] = ()
) -> _Read:
    """``path`` read, and with ``segmented`` its sentences' spans (None if segmenting
    failed: `prepare` tries again and reports it), unless ``known`` has its bytes."""
    try:
        doc = read_file(
            path,
            max_bytes=options.max_bytes,
            fallback_encoding=options.fallback_encoding,
            metadata=options.metadata,
        )
    except ReadError as error:
        return error
    if not segmented or (doc.canonical_path, doc.sha256) in known:
        return doc, None
    try:
        return doc, segment(doc.text)
    except Exception:
        return doc, None


def with_keys(prepared: Prepared) -> Prepared:
    """``prepared`` with the ``claim_keys`` of its claims (None for other sentences)."""
    from claimcheck.core.dedupe import claim_keys

    doc = prepared.doc
    if doc is None or not prepared.spans or prepared.keys:
        return prepared
    try:
        keys = [
            claim_keys(doc.text[start:end]) if analysis.kind == CLAIM else None
            for (start, end), analysis in zip(prepared.spans, prepared.analyses, strict=True)
        ]
    except Exception as error:
        return _not_analysed(prepared.path, error)
    return replace(prepared, keys=keys)


def _not_analysed(path: Path, error: Exception) -> Prepared:
    return Prepared(path, error=f"{path}: cannot be analysed ({type(error).__name__}: {error})")


@dataclass(slots=True)
class Ahead:
    """A second process started before the caller has its registry (`start`), reading and
    segmenting ``paths`` from the first; `prepare_all` has it analyse them, or, if a core
    no longer idles for it, ends it."""

    paths: list[Path]
    options: ReadOptions
    pool: ProcessPoolExecutor
    shared: _Shared
    read: int  # the first files, read and segmented before the registry comes

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)

    def end(self) -> None:
        """End the process now, without waiting for it: at a low priority on a busy
        machine, it may not run again for a while."""
        pid = self.shared.pid
        if pid:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        self.pool.shutdown(wait=False, cancel_futures=True)


def start(
    paths: Sequence[Path],
    options: ReadOptions,
    background: bool = True,
    read_ahead: int = _READ_AHEAD_BYTES,
) -> Ahead | None:
    """A second process for the files at ``paths``, started now, or None where one would
    not pay (or the machine is plainly busy). Whether a core idles for it is decided
    later, by `prepare_all`: measured over the caller's start-up, the child's own work
    left out. With ``background``, it runs at a low priority until then and after: on a
    busy machine it must not slow a start-up that takes a second (the command line's);
    without, the caller decides within moments. Before the registry comes, it reads and
    segments files of about ``read_ahead`` bytes (the first task at least): what the
    caller's start-up leaves time for: the first file is analysed only once all of them
    are read, and the caller waits for it meanwhile."""
    files, _ = files_of(paths)
    if not second_process.can_fork() or second_process.busy() or not _enough_work(files):
        return None
    shared = _Shared()
    pool = second_process.pool(_start, (options, None, set(), shared, background))
    size = read = 0
    for first in range(0, min(len(files), _READ_AHEAD_FILES), _CHUNK):
        chunk = files[first : first + _CHUNK]
        pool.submit(_read_ahead, chunk)
        size += sum(map(_size, chunk))
        read += len(chunk)
        if size >= read_ahead:
            break
    return Ahead(files, options, pool, shared, read)


def prepare_all(
    paths: Sequence[Path],
    options: ReadOptions,
    registry: Registry,
    known: Collection[tuple[str, str]] = (),
    ahead: Ahead | None = None,
) -> Iterator[Prepared | None]:
    """``prepare`` every path, in order; ``registry`` learns the new sources of each.
    ``ahead``: a second process `start` started for these paths, used if a core idles for
    it, else ended. None, between two files, says that the next is not ready: with a
    second process, this one would wait for it.

    The caller's ``registry`` has learned from a file by the time it is yielded, in both
    the single-process and the two-process case.
    """
    second = _second_process(paths, options, registry, known, ahead)
    _engines_loaded(analyse=second is None)
    if second is None:
        yield from _here(paths, options, registry, known)
        return
    pool, shared, read_ahead = second
    yielded = 0
    try:
        ahead_: deque[tuple[Future[list[Prepared]], int]] = deque()
        in_flight = 0
        files = 0
        rest = iter(range(0, len(paths), _CHUNK))
        # Whether this process reads and segments the files it hands over next: while the
        # second process is the slower side (this one waited for it last), which on
        # news-like text it is from the start. Not the files it read ahead, nor the first
        # task, so that it starts at once.
        reads = False
        while True:
            # Submit before waiting, so the second process works while this one stores.
            for first in rest:
                chunk = paths[first : first + _CHUNK]
                size = sum(map(_size, chunk))
                if reads and first >= read_ahead:
                    read = [_read_stamped(path, options, known) for path in chunk]
                    task = pool.submit(_prepare_read, read)
                else:
                    task = pool.submit(_prepare_chunk, chunk)
                ahead_.append((task, size))
                in_flight += size
                files += len(chunk)
                reads = reads or not yielded
                if files > _AHEAD or in_flight > _AHEAD_BYTES:
                    break
            if not ahead_:
                return
            future, size = ahead_.popleft()
            in_flight -= size
            if not future.done():
                yield None  # the caller may use the wait (store what it has)
            # Waiting: the second process leaves the claims' keys to this one meanwhile,
            # and this one reads the next files it hands over.
            reads = shared.waiting = not future.done()
            try:
                done = future.result()
            finally:
                shared.waiting = False
            files -= len(done)
            shared.taken += len(done)
            for prepared in done:
                prepared = _learned(with_keys(prepared), registry)
                yielded += 1
                yield prepared
    except BrokenProcessPool:
        pass  # the second process died (killed, out of memory): the rest is prepared here
    finally:
        pool.shutdown(cancel_futures=True)
    yield from _here(paths[yielded:], options, registry, known)


def _second_process(
    paths: Sequence[Path],
    options: ReadOptions,
    registry: Registry,
    known: Collection[tuple[str, str]],
    ahead: Ahead | None,
) -> tuple[ProcessPoolExecutor, _Shared, int] | None:
    """The process to prepare ``paths`` in, what this one shares with it and how many of
    the first files it read ahead: ``ahead``'s, told the registry, if it was started for
    them and a core idles for it; a new one if that pays; or None."""
    if ahead is not None:
        if ahead.paths == list(paths) and ahead.options == options and _idles_beside(ahead):
            # It may have died during the start-up (killed, out of memory): then as if
            # none had been started.
            with contextlib.suppress(BrokenProcessPool):
                ahead.pool.submit(_know, registry, set(known))
                return ahead.pool, ahead.shared, ahead.read
        ahead.end()
    if not _worth_a_process(paths):
        return None
    shared = _Shared()
    return second_process.pool(_start, (options, registry, set(known), shared)), shared, 0


class _Shared:
    """What the caller and the second process, forked after this is made, both see: the
    second process's id, whether the caller waits for it and how many prepared files it
    has taken (an anonymous shared map)."""

    def __init__(self) -> None:
        self._map = mmap.mmap(-1, 16)

    @property
    def waiting(self) -> bool:
        return bool(self._map[0])

    @waiting.setter
    def waiting(self, value: bool) -> None:
        self._map[0] = value

    @property
    def pid(self) -> int:
        """The second process's id, once it has started (0 before)."""
        return int.from_bytes(self._map[4:8], "little")

    @pid.setter
    def pid(self, value: int) -> None:
        self._map[4:8] = value.to_bytes(4, "little")

    @property
    def taken(self) -> int:
        """The files the caller has taken from the second process."""
        return int.from_bytes(self._map[8:16], "little")

    @taken.setter
    def taken(self, value: int) -> None:
        self._map[8:16] = value.to_bytes(8, "little")


def _engines_loaded(analyse: bool) -> None:
    """The engines this process runs (the matching keys', and with ``analyse`` the
    attribution's), loaded now and, inside ingest's `frozen` block, left out of the
    collector's passes as what was loaded before it is: loaded later, as the first file
    needs them, every full pass walked their patterns and tables again (a second of CPU
    time on the real articles)."""
    import claimcheck.core.dedupe

    if analyse:
        import claimcheck.core.attribution  # noqa: F401
    freeze_more()


def _idles_beside(ahead: Ahead) -> bool:
    # A process that has not started yet has taken no CPU time.
    return second_process.a_core_idles(besides=(ahead.shared.pid,) if ahead.shared.pid else ())


def _here(
    paths: Sequence[Path],
    options: ReadOptions,
    registry: Registry,
    known: Collection[tuple[str, str]],
) -> Iterator[Prepared]:
    for path in paths:
        yield _learned(prepare(path, options, registry, known), registry)


def _worth_a_process(paths: Sequence[Path]) -> bool:
    # Handing the files over costs the caller about half of what preparing them would:
    # with every core busy (on a shared machine) it made ingest slower, not faster.
    return second_process.can_fork() and second_process.a_core_idles() and _enough_work(paths)


def _enough_work(paths: Sequence[Path]) -> bool:
    work = 0.0
    for path in paths:
        work += SECONDS_PER_FILE + _size(path) * SECONDS_PER_BYTE
        if work >= PARALLEL_FROM_SECONDS:
            return True
    return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # reported when it is read


def _learned(prepared: Prepared, registry: Registry) -> Prepared:
    registry.learn_from(prepared.analyses)
    return prepared


# --- the second process ----------------------------------------------------------------


@dataclass(slots=True)
class _Worker:
    options: ReadOptions
    registry: Registry | None
    known: set[tuple[str, str]]
    shared: _Shared
    read: dict[Path, tuple[_Stamp, _Read]] = field(default_factory=dict)
    prepared: int = 0  # files analysed (or found unreadable), to compare with the taken


_worker: _Worker | None = None


def _start(
    options: ReadOptions,
    registry: Registry | None,
    known: set[tuple[str, str]],
    shared: _Shared,
    background: bool = False,
) -> None:
    global _worker
    shared.pid = os.getpid()
    _worker = _Worker(options, registry, known, shared)
    if background:
        # Started before anyone knows whether a core idles for it: on a busy machine it
        # must not slow the caller's start-up (which decides, and ends it if none does).
        os.nice(_BACKGROUND)
    import claimcheck.core.attribution
    import claimcheck.core.dedupe  # noqa: F401

    # The process only ever holds what it prepares beside what it loaded: its collector's
    # passes need not walk the engines' patterns and tables.
    gc.freeze()


_Stamp = tuple[int, int] | None


def _stamp(path: Path) -> _Stamp:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def _read_ahead(paths: Sequence[Path]) -> None:
    assert _worker is not None, "initialised by _start"
    for path in paths:
        _worker.read[path] = _read_stamped(path, _worker.options)[1:]


def _read_stamped(
    path: Path, options: ReadOptions, known: Collection[tuple[str, str]] = ()
) -> tuple[Path, _Stamp, _Read]:
    """``path``, its size and time before it was read, and what reading and segmenting it
    gave (`_read`): `_prepare_next` reads it again if it changed since."""
    stamp = _stamp(path)
    return path, stamp, _read(path, options, True, known)


def _know(registry: Registry, known: set[tuple[str, str]]) -> None:
    assert _worker is not None, "initialised by _start"
    _worker.registry, _worker.known = registry, known


def _prepare_chunk(paths: Sequence[Path]) -> list[Prepared]:
    return [_prepare_next(path) for path in paths]


def _prepare_read(reads: Sequence[tuple[Path, _Stamp, _Read]]) -> list[Prepared]:
    """Prepare files the caller read and segmented (`_read_stamped`)."""
    assert _worker is not None, "initialised by _start"
    for path, stamp, read in reads:
        _worker.read[path] = stamp, read
    return _prepare_chunk([path for path, _, _ in reads])


def _prepare_next(path: Path) -> Prepared:
    assert _worker is not None and _worker.registry is not None, "initialised by _start"
    registry = _worker.registry
    stamp, read = _worker.read.pop(path, (None, None))
    if read is not None and stamp != _stamp(path):
        read = None  # changed since (another ingest held the database meanwhile): read again
    shared = _worker.shared
    keys = not shared.waiting and _worker.prepared - shared.taken >= _KEYS_AHEAD_FILES
    prepared = prepare(path, _worker.options, registry, _worker.known, keys, read)
    _worker.prepared += 1
    return _learned(prepared, registry)


# Handed over between the processes as their fields in order, rebuilt by their classes:
# pickle's default for frozen dataclasses with slots gets and sets each field by a call
# in Python (8 news-like files of 100 sentences: pickled in 11 ms against 4 ms this way,
# unpickled in 14 ms against 9 ms, on the processes' critical paths).
def _by_fields(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    values = attrgetter(*(f.name for f in fields(cls)))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(obj)

    return reduce


for _class in (Prepared, ReadDocument, Metadata, SentenceAnalysis, Attribution):
    ForkingPickler.register(_class, _by_fields(_class))
