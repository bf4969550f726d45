"""Ingest throughput: sentences per second and peak memory, end to end into SQLite.

    python bench/ingest.py [--sentences 100000,200000] [--per-doc 100] [--repeat 3]
        [--corpus news|repetition] [--db URL]

``--per-doc 10`` is the shape of many short articles (2,000 files of 10 sentences for
20,000 sentences), where what each document costs to store counts more than what each
sentence costs. CPU time is given beside wall time (the storing process's own, and the
preparing process's), since the machine is often shared.

``--corpus repetition`` is syndicated copy instead: 250 distinct sentences, each recurring
in about 1 in 250 of the sentences as a variant with its figures and one or two names
changed (as outlets run one wire story with a figure updated or a name localised), 50 to
a file, and boilerplate lines recurring in every file. It reports the pair rows stored
per claim, and clusters and families (see ``claimcheck clusters``).

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


FIRST = ["Amara", "Bogdan", "Chiara", "Dmitri", "Esther", "Farid", "Greta", "Hamza", "Ines",
         "Jonas", "Keiko", "Lucia", "Mateo", "Nadia", "Oskar", "Priya"]  # fmt: skip
LAST = ["Okafor", "Kowalski", "Bianchi", "Ivanov", "Levi", "Rahimi", "Lind", "Yilmaz", "Costa",
        "Berg", "Sato", "Moreno", "Duarte", "Haddad", "Nyberg", "Rao"]  # fmt: skip
BOILERPLATE = [
    "Reporting by {a}; editing by {b}.",
    "Read also: {place} markets steady as talks resume",
    # Stock sentences that read like claims, in every file word for word.
    "The company did not immediately respond to a request for comment on the report.",
    "Officials said more details would be released once the investigation was complete.",
]


def repetition(rng: random.Random, count: int, per_file: int = 50) -> list[str]:
    """``count`` sentences of syndicated copy in files of ``per_file``, with boilerplate."""
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    stories = []
    for _ in range(250):
        body = rng.choices(words, weights, k=rng.randint(12, 20))
        slots = ["{n0}", *rng.sample(["{n1}", "{p1}", ""], 1)]
        for slot in filter(None, slots):
            body.insert(rng.randrange(1, len(body)), slot)
        text = " ".join(body)
        # A figure as first reported, then revised; a name (the speaker's, and maybe
        # another) kept or localised.
        figures = [[rng.randint(2, 900) for _ in range(3)] for _ in range(2)]
        names = [[f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2)] for _ in range(2)]
        stories.append((text[0].upper() + text[1:], figures, names))
    sentences = []
    for number in range(count):
        text, figures, names = stories[number % len(stories)]
        filled = text.format(
            n0=rng.choices(figures[0], [7, 2, 1])[0], n1=rng.choices(figures[1], [7, 2, 1])[0],
            p1=rng.choices(names[1], [3, 1])[0],
        )  # fmt: skip
        cue = rng.choice(["said", "says", "told reporters"])
        speaker = rng.choices(names[0], [3, 1])[0]
        sentences.append(f"{filled}, {speaker} {cue}.")
    rng.shuffle(sentences)
    out = []
    for start in range(0, len(sentences), per_file):
        chunk = sentences[start : start + per_file]
        lines = [f"{rng.choice(PLACES)} Report {start // per_file}"]
        lines += [" ".join(chunk[i : i + 4]) for i in range(0, len(chunk), 4)]
        lines += [
            line.format(a=rng.choice(LAST), b=rng.choice(LAST), place=rng.choice(PLACES))
            for line in BOILERPLATE
        ]
        out.append("\n\n".join(lines) + "\n")
    return out


def partitions(url: str) -> dict[str, float]:
    """Pair rows per claim, clusters and families of the ingested database."""
    from sqlalchemy import func, select

    from claimcheck.services.database import open_database
    from claimcheck.store.models import Claim, ClaimPair, ClusterMember, FamilyMember

    db = open_database(url)
    with db.session() as session:
        kind = Claim.kind == "claim"
        claims = session.scalar(select(func.count()).select_from(Claim).where(kind))
        pairs = session.scalar(select(func.count()).select_from(ClaimPair))
        grouped = session.scalar(select(func.count(func.distinct(ClusterMember.cluster_id))))
        families = session.scalar(select(func.count(func.distinct(FamilyMember.family_id))))
    db.close()
    return {
        "claims": claims or 0,
        "pairs_per_claim": (pairs or 0) / max(claims or 1, 1),
        "clusters": grouped or 0,
        "families": families or 0,
    }


def run_one(
    total: int,
    per_doc: int,
    attribute: bool,
    corpus: str = "news",
    url: str | None = None,
    second: str = "auto",
) -> dict[str, float]:
    from claimcheck.core import attribution as engine
    from claimcheck.core import second_process
    from claimcheck.core.attribution import SentenceAnalysis, analyse_document
    from claimcheck.core.kinds import classify_document
    from claimcheck.core.reading import read_file
    from claimcheck.core.segment import segment
    from claimcheck.services import clusters, ingest
    from claimcheck.services.database import downgrade, open_database

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
    if second != "auto":
        # As on an idle machine ("on"), or on one with no core to spare ("off"), whatever
        # the machine's load is now: ingest decides by the cores' idle time otherwise.
        idles = second == "on"
        second_process.a_core_idles = lambda besides=(): idles
        second_process.busy = lambda: not idles
    if not attribute:
        # The second process is forked from this one, so it runs this version too.
        def kinds_only(text: str, spans: list[tuple[int, int]], *_: Any) -> Any:
            return [SentenceAnalysis(k, 0.0, (), (), None) for k in classify_document(text, spans)]

        # `prepare` looks the engine up as it analyses a file.
        engine.analyse_document = kinds_only  # type: ignore[assignment]

    rng = random.Random(total)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        if corpus == "news":
            texts = articles(rng, total // per_doc, per_doc)
        else:
            texts = repetition(rng, total * 50 // 55)
        for number, text in enumerate(texts):
            (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")
        if url is None:
            url = f"sqlite:///{tmp}/bench.db"
        else:
            downgrade(url, "base")  # an empty database for each run
        db = open_database(url)
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = ingest.ingest(db, [folder])
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        worker = resource.getrusage(resource.RUSAGE_CHILDREN)
        db.close()
        assert attribute or summary.unattributed == summary.kinds["claim"]
        shape = partitions(url) if corpus == "repetition" else {}
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
        "cpu_seconds": cpu,
        "worker_cpu_seconds": worker.ru_utime + worker.ru_stime,
        "peak_mib": peak_mib,
        "worker_mib": worker_mib,
        **shape,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sentences", default="20000,100000,200000")
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--without-attribution", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each kind; best kept")
    parser.add_argument("--corpus", choices=["news", "repetition"], default="news")
    parser.add_argument("--db", help="database URL (an empty database; default a new SQLite)")
    parser.add_argument(
        "--second-process",
        choices=["auto", "on", "off"],
        default="auto",
        help="prepare files in a second process: as ingest decides (auto), or always, or never",
    )
    args = parser.parse_args()
    if args.one:
        result = run_one(
            args.one,
            args.per_doc,
            not args.without_attribution,
            args.corpus,
            args.db,
            args.second_process,
        )
        print(json.dumps(result))
        return
    print(f"{platform.node()} {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}")  # fmt: skip
    print(f"{'sentences':>10} {'seconds':>8} {'sent/s':>9} {'w/o dedupe':>11} {'dedupe s':>9} "
          f"{'no attr. s':>11} {'adds':>5} {'attr. CPU s':>12} {'peak MiB':>9} "
          f"{'worker MiB':>11} {'CPU s':>6} {'worker CPU s':>13}")  # fmt: skip
    for size in (int(s) for s in args.sentences.split(",")):
        # Two processes on two cores time noisily: runs alternate, and each kind's fastest
        # is kept.
        runs: dict[str, list[dict[str, float]]] = {"": [], "--without-attribution": []}
        if args.corpus == "repetition" or args.db:
            del runs["--without-attribution"]
        for _ in range(args.repeat):
            for flag, kept in runs.items():
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(size), "--per-doc", str(args.per_doc),
                     "--corpus", args.corpus, *(["--db", args.db] if args.db else []),
                     "--second-process", args.second_process, *filter(None, [flag])],
                    check=True, capture_output=True, text=True,
                ).stdout  # fmt: skip
                kept.append(json.loads(out.strip().splitlines()[-1]))
        best = [min(kept, key=lambda run: run["seconds"]) for kept in runs.values()]
        r, bare = best[0], best[-1]
        adds = r["seconds"] / bare["seconds"] - 1
        print(f"{r['sentences']:>10.0f} {r['seconds']:>8.2f} {r['per_second']:>9,.0f} "
              f"{r['before_dedupe_per_second']:>11,.0f} {r['dedupe_seconds']:>9.2f} "
              f"{bare['seconds']:>11.2f} {adds:>5.0%} {r['attribution_seconds']:>12.2f} "
              f"{r['peak_mib']:>9.0f} {r['worker_mib']:>11.0f} {r['cpu_seconds']:>6.2f} "
              f"{r['worker_cpu_seconds']:>13.2f}")  # fmt: skip
        if "pairs_per_claim" in r:
            print(f"{'':>10} {r['claims']:,.0f} claims, "
                  f"{r['pairs_per_claim']:.2f} pair rows a claim, "
                  f"{r['clusters']:,.0f} clusters, {r['families']:,.0f} families")  # fmt: skip


if __name__ == "__main__":
    main()
