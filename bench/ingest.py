"""Ingest throughput: sentences per second and peak memory, end to end into SQLite.

    python bench/ingest.py [--sentences 100000,200000] [--per-doc 100] [--repeat 3]

Each size runs in its own process, so each peak is its own. A generated corpus of
news-like articles is written to a temporary folder, then ingested through the same
service as `claimcheck ingest` (read, segment, attribute and store, then match the new
claims against the corpus). What attribution adds is measured by ingesting the same
corpus again with `analyse_document` (kinds, sources, check-worthiness) cut down to the
sentence kinds that storing needs. Ingest runs attribution in a second process beside
the database writes, so that difference is smaller than attribution's own time, which
is measured too, on the same documents.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PEOPLE = ["Li Wei", "Maria Lopez", "John Smith", "Aiko Tanaka", "Omar Haddad", "Anna Novak"]
ORGS = ["The World Health Organization", "Xinhua", "Reuters", "The ministry", "Acme Corp",
        "The central bank", "The South China Morning Post", "The city council"]  # fmt: skip
PLACES = ["Beijing", "Ottawa", "Jakarta", "Berlin", "Nairobi", "Lima", "Seoul"]
FRAMES = [
    "{org} said on {day} that {body}.",
    "According to {org}, {body}.",
    '"{Body}," {person} told reporters in {place}.',
    "{Body}, {person}, a spokesperson for {org}, said.",
    "{Body}.",
    "{Body}.",
    "{Body} (July {d}).",
    "{Body}, reportedly the largest since {year}.",
    "Dr. {person} of {org} warned that {body}.",
    "{Body}, as per a report from Reuters.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
# A made-up vocabulary with a news-like (Zipf) spread of word frequencies, so sentences
# repeat as rarely as real ones do; a few are copied across articles, as wire copy is.
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def vocabulary(rng: random.Random, size: int = 8000) -> list[str]:
    return ["".join(rng.choices(_SYLLABLES, k=rng.randint(1, 4))) for _ in range(size)]


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    body = " ".join(rng.choices(words, weights, k=rng.randint(8, 22)))
    body = body.replace(body.split()[2], str(rng.randint(2, 9000)), 1)
    text = rng.choice(FRAMES).format(
        org=rng.choice(ORGS), person=rng.choice(PEOPLE), place=rng.choice(PLACES),
        day=rng.choice(DAYS), year=rng.randint(1990, 2025), d=rng.randint(1, 28),
        body=body, Body=body[0].upper() + body[1:],
    )  # fmt: skip
    return text[0].upper() + text[1:]


def articles(rng: random.Random, count: int, sentences: int) -> list[str]:
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    wire: list[str] = []
    out = []
    for _ in range(count):
        lines = [f"{rng.choice(PLACES)} Officials Outline New Plan For {rng.randint(2000, 2030)}"]
        written = 1
        while written < sentences:
            size = min(rng.randint(2, 5), sentences - written)
            paragraph = []
            for _ in range(size):
                if wire and rng.random() < 0.05:
                    paragraph.append(rng.choice(wire))
                else:
                    paragraph.append(sentence(rng, words, weights))
                    if rng.random() < 0.02:
                        wire.append(paragraph[-1])
            lines.append(" ".join(paragraph))
            written += size
        out.append("\n\n".join(lines) + "\n")
    return out


def run_one(total: int, per_doc: int, attribute: bool) -> dict[str, float]:
    from claimcheck.core import prepare
    from claimcheck.core.attribution import SentenceAnalysis, analyse_document
    from claimcheck.core.kinds import classify_document
    from claimcheck.core.reading import read_file
    from claimcheck.core.segment import segment
    from claimcheck.services import clusters, ingest
    from claimcheck.services.database import open_database

    dedupe_seconds = 0.0
    match_documents = clusters.match_documents

    def timed_match(*args: Any, **kwargs: Any) -> Any:
        nonlocal dedupe_seconds
        began = time.perf_counter()
        try:
            return match_documents(*args, **kwargs)
        finally:
            dedupe_seconds += time.perf_counter() - began

    clusters.match_documents = timed_match
    if not attribute:
        # The second process is forked from this one, so it runs this version too.
        def kinds_only(text: str, spans: list[tuple[int, int]], *_: Any) -> Any:
            return [SentenceAnalysis(k, 0.0, (), (), None) for k in classify_document(text, spans)]

        prepare.analyse_document = kinds_only  # type: ignore[attr-defined,assignment]

    rng = random.Random(total)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for number, text in enumerate(articles(rng, total // per_doc, per_doc)):
            (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        db = open_database(f"sqlite:///{tmp}/bench.db")
        started = time.perf_counter()
        summary = ingest.ingest(db, [folder])
        elapsed = time.perf_counter() - started
        db.close()
        assert attribute or summary.unattributed == summary.kinds["claim"]
        attribution = 0.0
        for path in sorted(folder.iterdir()) if attribute else ():
            doc = read_file(path)
            spans = segment(doc.text)
            began = time.perf_counter()
            analyse_document(doc.text, spans)
            attribution += time.perf_counter() - began
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "sentences": summary.sentences,
        "seconds": elapsed,
        "per_second": summary.sentences / elapsed,
        "dedupe_seconds": dedupe_seconds,
        "before_dedupe_per_second": summary.sentences / (elapsed - dedupe_seconds),
        "attribution_seconds": attribution,
        "peak_mib": peak_mib,
        "worker_mib": worker_mib,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sentences", default="20000,100000,200000")
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--without-attribution", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; best kept")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.per_doc, not args.without_attribution)))
        return
    print(f"{platform.node()} {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")  # fmt: skip
    print(f"{'sentences':>10} {'seconds':>8} {'sent/s':>9} {'w/o dedupe':>11} {'dedupe s':>9} "
          f"{'no attr. s':>11} {'adds':>5} {'attr. CPU s':>12} {'peak MiB':>9} "
          f"{'worker MiB':>11}")  # fmt: skip
    for size in (int(s) for s in args.sentences.split(",")):
        # Two processes on two cores time noisily: runs alternate, and each kind's fastest
        # is kept.
        runs: dict[str, list[dict[str, float]]] = {"": [], "--without-attribution": []}
        for _ in range(args.repeat):
            for flag, kept in runs.items():
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(size), "--per-doc", str(args.per_doc),
                     *filter(None, [flag])],
                    check=True, capture_output=True, text=True,
                ).stdout  # fmt: skip
                kept.append(json.loads(out.strip().splitlines()[-1]))
        r, bare = (min(kept, key=lambda run: run["seconds"]) for kept in runs.values())
        adds = r["seconds"] / bare["seconds"] - 1
        print(f"{r['sentences']:>10.0f} {r['seconds']:>8.2f} {r['per_second']:>9,.0f} "
              f"{r['before_dedupe_per_second']:>11,.0f} {r['dedupe_seconds']:>9.2f} "
              f"{bare['seconds']:>11.2f} {adds:>5.0%} {r['attribution_seconds']:>12.2f} "
              f"{r['peak_mib']:>9.0f} {r['worker_mib']:>11.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
