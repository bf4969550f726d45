"""A digest of everything attribution finds, to show that a change made it faster only.

Analyses, as ingest does (one registry learning each document's new sources), the
generated corpora of ``bench/ingest.py`` (news-like and syndicated copy) and of
``bench/attribution.py``, the Wikinews articles and the seed corpus, and prints a SHA-256
of every sentence's analysis (kind, check-worthiness, hedge, each source with its name,
kind, role, spans, cue and the rest) per corpus, and of the sources the registry learned.
Run it before and after a change: the digests must be equal. ``--dump FILE`` writes the
analyses themselves, one sentence a line, to find where two versions differ.

    .venv/bin/python bench/attribution_digest.py [--sentences 20000] [--dump FILE]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import TextIO

from claimcheck.core.attribution import analyse_document
from claimcheck.core.reading import read_file
from claimcheck.core.registry import Registry
from claimcheck.core.segment import segment

HERE = Path(__file__).resolve().parent
WIKINEWS = HERE.parent / "corpus" / "wikinews"

Docs = Iterator[tuple[str, str, list[tuple[int, int]] | None]]


def _bench(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpora(sentences: int, wikinews: Path) -> dict[str, Docs]:
    ingest, attribution = _bench("ingest"), _bench("attribution")

    def news() -> Docs:
        texts = ingest.articles(random.Random(sentences), sentences // 100, 100)
        for number, text in enumerate(texts):
            yield f"news/{number}", text, None

    def repetition() -> Docs:
        texts = ingest.repetition(random.Random(sentences), sentences * 50 // 55)
        for number, text in enumerate(texts):
            yield f"repetition/{number}", text, None

    def generated() -> Docs:
        for number, (text, spans) in enumerate(attribution.generate(sentences, 7)):
            yield f"generated/{number}", text, spans

    def files(folder: Path) -> Docs:
        for path in sorted(folder.rglob("*.txt")):
            yield str(path), read_file(path).text, None

    return {
        "news": news(),
        "repetition": repetition(),
        "generated": generated(),
        "wikinews": files(wikinews),
        "seed": files(HERE.parent / "corpus"),
    }


def digest(name: str, docs: Docs, dump: TextIO | None) -> tuple[str, int, float]:
    """SHA-256 of the analyses of ``docs`` and of the sources learned, the sentence count,
    and the seconds spent in ``analyse_document``."""
    registry = Registry.default()
    sha = hashlib.sha256()
    count, seconds = 0, 0.0
    for label, text, spans in docs:
        if spans is None:
            spans = list(segment(text))
        began = time.perf_counter()
        analyses = analyse_document(text, spans, registry)
        seconds += time.perf_counter() - began
        registry.learn_from(analyses)
        for (start, end), analysis in zip(spans, analyses, strict=True):
            line = f"{label} {start}:{end} {analysis!r}\n"
            sha.update(line.encode())
            if dump is not None:
                dump.write(line)
        count += len(spans)
    for source in registry.learned:
        line = f"{name} learned {source!r}\n"
        sha.update(line.encode())
        if dump is not None:
            dump.write(line)
    return sha.hexdigest()[:16], count, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20_000, help="per generated corpus")
    parser.add_argument("--wikinews", type=Path, default=WIKINEWS)
    parser.add_argument("--only", help="comma-separated corpus names")
    parser.add_argument("--dump", type=Path, help="write every analysis to this file")
    args = parser.parse_args()
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    whole = hashlib.sha256()
    for name, docs in corpora(args.sentences, args.wikinews).items():
        if args.only and name not in args.only.split(","):
            continue
        value, count, seconds = digest(name, docs, dump)
        whole.update(value.encode())
        print(f"{name:>11} {count:>7,} sentences {value} ({seconds:.2f} s analysing)")
        sys.stdout.flush()
    print(f"{'all':>11} {whole.hexdigest()[:16]}")
    if dump is not None:
        dump.close()


if __name__ == "__main__":
    main()
