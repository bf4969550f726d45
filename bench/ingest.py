"""Ingest throughput: sentences per second and peak memory, end to end into SQLite.

    python bench/ingest.py [--sentences 100000,200000] [--per-doc 100]

Each size runs in its own process, so each peak is its own. A generated corpus of
news-like articles is written to a temporary folder, then ingested through the same
service as `claimcheck ingest` (read, segment, attribute, store). The time spent in
attribution alone is measured on the same documents, to show what it adds.
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

PEOPLE = ["Li Wei", "Maria Lopez", "John Smith", "Aiko Tanaka", "Omar Haddad", "Anna Novak"]
ORGS = ["the World Health Organization", "Xinhua", "Reuters", "the ministry", "Acme Corp",
        "the central bank", "the South China Morning Post", "the city council"]  # fmt: skip
PLACES = ["Beijing", "Ottawa", "Jakarta", "Berlin", "Nairobi", "Lima", "Seoul"]
TEMPLATES = [
    "{org} said on {day} that {n} people had been affected in {place}.",
    "According to {org}, prices rose by {n} percent in {year}.",
    '"We are working to resolve this," {person} told reporters in {place}.',
    "The project, launched in {year}, cost about ${n} million.",
    "{person}, a spokesperson for {org}, said the figures were preliminary.",
    "Officials in {place} reportedly discussed the plan on {day} (July {d}).",
    "It was the largest such event since {year}, with more than {n} visitors.",
    "{place} has {n} hospitals, more than any other city in the region.",
    "Dr. {person} of {org} warned that the U.S. market could slow.",
    "The report was published by {org} as per a report from Reuters.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def sentence(rng: random.Random) -> str:
    text = rng.choice(TEMPLATES).format(
        org=rng.choice(ORGS), person=rng.choice(PEOPLE), place=rng.choice(PLACES),
        day=rng.choice(DAYS), n=rng.randint(2, 9000), year=rng.randint(1990, 2025),
        d=rng.randint(1, 28),
    )  # fmt: skip
    return text[0].upper() + text[1:]


def article(rng: random.Random, sentences: int) -> str:
    lines = [f"{rng.choice(PLACES)} Officials Outline New Plan For {rng.randint(2000, 2030)}"]
    written = 1
    while written < sentences:
        count = min(rng.randint(2, 5), sentences - written)
        lines.append(" ".join(sentence(rng) for _ in range(count)))
        written += count
    return "\n\n".join(lines) + "\n"


def run_one(total: int, per_doc: int) -> dict[str, float]:
    from claimcheck.core.attribution import analyse_document

    from claimcheck.core.reading import read_file
    from claimcheck.core.segment import segment
    from claimcheck.services.database import open_database
    from claimcheck.services.ingest import ingest

    rng = random.Random(total)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for number in range(total // per_doc):
            (folder / f"{number:06d}.txt").write_text(article(rng, per_doc), encoding="utf-8")
        db = open_database(f"sqlite:///{tmp}/bench.db")
        started = time.perf_counter()
        summary = ingest(db, [folder])
        elapsed = time.perf_counter() - started
        db.close()
        attribution = 0.0
        for path in sorted(folder.iterdir()):
            doc = read_file(path)
            spans = segment(doc.text)
            began = time.perf_counter()
            analyse_document(doc.text, spans)
            attribution += time.perf_counter() - began
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "sentences": summary.sentences,
        "seconds": elapsed,
        "per_second": summary.sentences / elapsed,
        "attribution_share": attribution / (elapsed - attribution),
        "peak_mib": peak_mib,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sentences", default="20000,100000,200000")
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.per_doc)))
        return
    print(f"{platform.node()} {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")  # fmt: skip
    print(f"{'sentences':>10} {'seconds':>8} {'sent/s':>9} {'attribution':>12} {'peak MiB':>9}")
    for size in (int(s) for s in args.sentences.split(",")):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), "--per-doc", str(args.per_doc)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['sentences']:>10.0f} {r['seconds']:>8.2f} {r['per_second']:>9,.0f} "
              f"{r['attribution_share']:>11.0%} {r['peak_mib']:>9.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
