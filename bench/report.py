"""Reports and exports of a large corpus: time and peak memory of each.

    python bench/report.py [--claims 100000] [--per-doc 100] [--formats html,json,prov]

A SQLite database of generated claims is written straight through the store (ingesting
100,000 sentences would measure ingest, which bench/ingest.py does): documents of
`--per-doc` claims, most attributed to one or two of a few hundred sources, some relayed,
a tenth in clusters of three, and one claim in fifty reviewed, with a verdict, a note and
a link, each audited. Each format is then written to a file by `claimcheck report` or
`claimcheck export` in a process of its own, so each peak is its own. A large output is
written by two processes (`claimcheck.reports.halves`): CPU time counts both, and the
second one's peak memory is shown beside the first's.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

from sqlalchemy import bindparam, insert, update

from claimcheck.services.database import open_database
from claimcheck.store.models import (
    Attribution,
    AuditEntry,
    Claim,
    Cluster,
    ClusterMember,
    Document,
    Link,
    Note,
    Reviewer,
    Source,
)

COMMANDS = {
    "md": ["report", "--format", "md"],
    "html": ["report", "--format", "html"],
    "json": ["report", "--format", "json"],
    "prov": ["export", "--format", "prov"],
    "claimreview": ["export", "--format", "claimreview", "--base-url", "https://example.org"],
}
WORDS = ["dam", "river", "council", "budget", "minister", "vaccine", "election", "court",
         "report", "flood", "harvest", "factory", "border", "strike", "drought", "ministry",
         "province", "hospital", "school", "bridge"]  # fmt: skip
KINDS = ["news_agency", "newspaper", "person", "official", "organization"]
STATUSES = ["corroborated", "disputed", "false", "unverifiable"]
START = dt.datetime(2026, 11, 1, 8, 0, tzinfo=dt.UTC)


def build(url: str, claims: int, per_doc: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    db = open_database(url)
    with db.session() as session:
        session.execute(insert(Reviewer), [{"id": 1, "name": "bench"}, {"id": 2, "name": "alice"}])
        session.execute(
            insert(Source),
            [
                {"id": 10_000 + i, "name": f"Source {i}", "kind": KINDS[i % len(KINDS)]}
                for i in range(300)
            ],
        )
        docs = claims // per_doc
        audit: list[dict[str, Any]] = []
        for d in range(docs):
            sentences = [
                " ".join(rng.choices(WORDS, k=rng.randint(8, 20))).capitalize() + "."
                for _ in range(per_doc)
            ]
            text = " ".join(sentences)
            at = START + dt.timedelta(seconds=d)
            session.execute(
                insert(Document),
                [
                    {
                        "id": d + 1,
                        "path": f"corpus/doc{d:05d}.txt",
                        "sha256": f"{d:064x}",
                        "title": f"Article {d}",
                        "publisher": f"Outlet {d % 40}",
                        "media_type": "text/plain",
                        "encoding": "utf-8",
                        "text": text,
                        "ingested_at": at,
                    }
                ],
            )
            audit.append(
                {"at": at, "reviewer_id": 1, "action": "ingest", "entity": "document",
                 "entity_id": d + 1, "before": None,
                 "after": {"path": f"corpus/doc{d:05d}.txt", "version": 1, "claims": per_doc}}
            )  # fmt: skip
            rows, found, cursor = [], [], 0
            for i, sentence in enumerate(sentences):
                claim_id = d * per_doc + i + 1
                attributed = rng.random() < 0.6
                rows.append(
                    {"id": claim_id, "document_id": d + 1, "index": i, "start": cursor,
                     "end": cursor + len(sentence), "text": sentence, "kind": "claim",
                     "checkworthiness": round(rng.random(), 3), "checkworthiness_reasons": [],
                     "attributed": attributed}
                )  # fmt: skip
                if attributed:
                    found.append(
                        {"claim_id": claim_id, "source_id": 10_000 + rng.randrange(300),
                         "source_text": "the source", "cue": "said", "role": "primary"}
                    )  # fmt: skip
                    if rng.random() < 0.2:
                        found.append(
                            {"claim_id": claim_id, "source_id": 10_000 + rng.randrange(300),
                             "source_text": "the outlet", "cue": "reported", "role": "via"}
                        )  # fmt: skip
                cursor += len(sentence) + 1
            session.execute(insert(Claim), rows)
            session.execute(insert(Attribution), found)
        # A tenth of the claims in clusters of three, across documents.
        clustered = rng.sample(range(1, claims + 1), claims // 10 // 3 * 3)
        session.execute(
            insert(Cluster),
            [
                {"id": c + 1, "canonical_claim_id": clustered[c * 3]}
                for c in range(len(clustered) // 3)
            ],
        )
        session.execute(
            insert(ClusterMember),
            [{"claim_id": claim, "cluster_id": n // 3 + 1} for n, claim in enumerate(clustered)],
        )
        reviewed = sorted(rng.sample(range(1, claims + 1), claims // 50))
        notes, links, statuses = [], [], []
        for n, claim_id in enumerate(reviewed):
            at = START + dt.timedelta(days=1, seconds=n)
            status = STATUSES[n % len(STATUSES)]
            statuses.append({"claim_id": claim_id, "status": status})
            notes.append(
                {"claim_id": claim_id, "reviewer_id": 2, "text": "Checked.", "created_at": at}
            )
            links.append(
                {"claim_id": claim_id, "target_claim_id": rng.randint(1, claims),
                 "relation": "corroborates", "reviewer_id": 2, "created_at": at}
            )  # fmt: skip
            audit.append(
                {"at": at, "reviewer_id": 2, "action": "status", "entity": "claim",
                 "entity_id": claim_id, "before": {"status": "unreviewed"},
                 "after": {"status": status, "note": "Checked."}}
            )  # fmt: skip
        session.connection().execute(
            update(Claim)
            .where(Claim.id == bindparam("claim_id"))
            .values(status=bindparam("status")),
            statuses,
        )
        session.execute(insert(Note), notes)
        session.execute(insert(Link), links)
        session.execute(insert(AuditEntry), audit)
    db.close()


def run_one(url: str, fmt: str, out: Path) -> dict[str, Any]:
    from click.testing import CliRunner

    from claimcheck.cli import main

    started, cpu, helper = time.perf_counter(), time.process_time(), _children_cpu()
    result = CliRunner().invoke(main, ["--db", url, *COMMANDS[fmt], "-o", str(out)])
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    # A large output is written by two processes: the second one's time and memory count.
    second = _children_cpu() - helper
    if result.exit_code != 0:
        raise SystemExit(result.output)
    return {
        "format": fmt,
        "seconds": round(seconds, 2),
        # On a shared machine the wall time counts other people's work too.
        "cpu_seconds": round(cpu + second, 2),
        "second_process_cpu_seconds": round(second, 2),
        "peak_mib": round(_peak(resource.RUSAGE_SELF) / 1024, 1),
        "second_process_peak_mib": round(_peak(resource.RUSAGE_CHILDREN) / 1024, 1),
        "mib_written": round(out.stat().st_size / 2**20, 1),
    }


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _peak(who: int) -> int:
    return resource.getrusage(who).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--per-doc", type=int, default=100)
    parser.add_argument("--formats", default="html,json,prov")
    parser.add_argument("--keep", metavar="FILE", help="Build the database here, or reuse it.")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        print(json.dumps(run_one(args.db, args.run, Path(args.out))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "bench.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            started = time.perf_counter()
            build(url, args.claims, args.per_doc)
            took = time.perf_counter() - started
            print(f"database of {args.claims:,} claims built in {took:.1f} s")
        print(f"{platform.python_implementation()} {platform.python_version()}, SQLite")
        for fmt in args.formats.split(","):
            out = subprocess.run(
                [sys.executable, __file__, "--run", fmt, "--db", url, "--out", f"{tmp}/out.{fmt}"],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{fmt:12} {figures['seconds']:6.2f} s (CPU {figures['cpu_seconds']:6.2f} s, "
                f"{figures['second_process_cpu_seconds']:5.2f} s of it in a second process)  "
                f"peak {figures['peak_mib']:6.1f} MiB "
                f"(second process {figures['second_process_peak_mib']:6.1f} MiB)  "
                f"wrote {figures['mib_written']:6.1f} MiB"
            )


if __name__ == "__main__":
    main()
