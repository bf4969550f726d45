"""Files read, segmented and analysed: everything ingest does before the database.

A batch with enough to prepare is prepared in a second, forked process while the caller
stores what is ready, so reading and attribution run beside the database writes instead
of before them.
The second process reads the files in order and learns new sources from each one, as the
caller's registry does, so every file is analysed exactly as it would be in one process.
What near-duplicate matching reads of each claim's text (its keys), which does not depend
on the rest of the corpus, is computed as each file is prepared, so matching after the
last file has less to do; with a second process, the caller computes them as each file
arrives: the second process is the slower side (attribution), and the caller would
otherwise wait for it, and receive the keys through the pipe besides.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from claimcheck.core import second_process
from claimcheck.core.attribution import SentenceAnalysis, analyse_document
from claimcheck.core.dedupe import ClaimKeys, claim_keys
from claimcheck.core.kinds import CLAIM
from claimcheck.core.reading import DEFAULT_MAX_BYTES, Metadata, ReadDocument, ReadError, read_file
from claimcheck.core.registry import Registry
from claimcheck.core.segment import segment

__all__ = [
    "PARALLEL_FROM_SECONDS",
    "Prepared",
    "ReadOptions",
    "prepare",
    "prepare_all",
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


def prepare(
    path: Path,
    options: ReadOptions,
    registry: Registry,
    known: Collection[tuple[str, str]] = (),
    keys: bool = True,
) -> Prepared:
    """Read, segment and analyse one file, unless ``known`` has its (path, sha256); with
    ``keys``, compute its claims' keys too (``with_keys``)."""
    try:
        doc = read_file(
            path,
            max_bytes=options.max_bytes,
            fallback_encoding=options.fallback_encoding,
            metadata=options.metadata,
        )
    except ReadError as error:
        return Prepared(path, error=str(error))
    if (doc.canonical_path, doc.sha256) in known:
        return Prepared(path, doc)
    try:
        spans = segment(doc.text)
        analyses = analyse_document(doc.text, spans, registry)
    except Exception as error:  # a bug on one odd text must not stop the batch
        return _not_analysed(path, error)
    prepared = Prepared(path, doc, None, spans, analyses)
    return with_keys(prepared) if keys else prepared


def with_keys(prepared: Prepared) -> Prepared:
    """``prepared`` with the ``claim_keys`` of its claims (None for other sentences)."""
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


def prepare_all(
    paths: Sequence[Path],
    options: ReadOptions,
    registry: Registry,
    known: Collection[tuple[str, str]] = (),
) -> Iterator[Prepared]:
    """``prepare`` every path, in order; ``registry`` learns the new sources of each.

    The caller's ``registry`` has learned from a file by the time it is yielded, in both
    the single-process and the two-process case.
    """
    if not _worth_a_process(paths):
        yield from _here(paths, options, registry, known)
        return
    yielded = 0
    pool = second_process.pool(_start, (options, registry, set(known)))
    try:
        ahead: deque[tuple[Future[Prepared], int]] = deque()
        in_flight = 0
        rest = iter(paths)
        while True:
            # Submit before waiting, so the second process works while this one stores.
            for path in rest:
                size = _size(path)
                ahead.append((pool.submit(_prepare_next, path), size))
                in_flight += size
                if len(ahead) > _AHEAD or in_flight > _AHEAD_BYTES:
                    break
            if not ahead:
                return
            future, size = ahead.popleft()
            in_flight -= size
            prepared = _learned(with_keys(future.result()), registry)
            yielded += 1
            yield prepared
    except BrokenProcessPool:
        pass  # the second process died (killed, out of memory): the rest is prepared here
    finally:
        pool.shutdown(cancel_futures=True)
    yield from _here(paths[yielded:], options, registry, known)


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
    if not second_process.can_fork() or not second_process.a_core_idles():
        return False
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

_worker: tuple[ReadOptions, Registry, set[tuple[str, str]]] | None = None


def _start(options: ReadOptions, registry: Registry, known: set[tuple[str, str]]) -> None:
    global _worker
    _worker = (options, registry, known)


def _prepare_next(path: Path) -> Prepared:
    assert _worker is not None, "initialised by _start"
    options, registry, known = _worker
    return _learned(prepare(path, options, registry, known, keys=False), registry)
