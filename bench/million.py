"""A large corpus in one database: listings, show, recomputing dedupe, and ingest into it.

    python bench/million.py [--claims 1000000] [--db URL] [--ingest 10000]

Builds the database from the near-duplicate benchmark's generated claims (bench/dedupe.py:
news-like, 13% edited copies), 100 to a document, stored straight through the tables
(with check-worthiness, and a source for half of them), since ingesting a million
sentences end to end is what bench/ingest.py measures. Then, each in a process of its own
so each peak memory is its own: `claimcheck dedupe` (twice: the first run hashes every
claim, the second recomputes from the stored signatures), the listings and `show`
(in-process service time, best of three), and ingesting --ingest more sentences of
news-like articles into this database and into an empty one.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def build(url: str, claims: int) -> None:
    from sqlalchemy import insert

    from claimcheck.services.database import downgrade, open_database
    from claimcheck.store.models import Attribution, Claim, Document, Source
    from dedupe import corpus

    if not url.startswith("sqlite"):
        downgrade(url, "base")
    texts, _ = corpus(claims)
    rng = random.Random(5)
    db = open_database(url)
    with db.session() as session:
        names = ["Reuters", "Xinhua", "Maria Lopez", "The ministry", "Acme Corp"]
        sources = [
            session.execute(
                insert(Source).values(name=n, kind="other").returning(Source.id)
            ).scalar_one()
            for n in names
        ]
        for start in range(0, len(texts), 100_000):
            chunk = texts[start : start + 100_000]
            docs = [
                {"path": f"corpus/{n:07d}.txt", "version": 1, "sha256": f"{n:064d}",
                 "media_type": "text/plain", "encoding": "utf-8",
                 "text": " ".join(chunk[i : i + 100]), "title": None, "publisher": None,
                 "url": None, "published": None, "superseded_by_id": None}
                for n, i in ((start // 100 + k, k * 100) for k in range(len(chunk) // 100))
            ]  # fmt: skip
            ids = (
                session.execute(
                    insert(Document).returning(Document.id, sort_by_parameter_order=True), docs
                )
                .scalars()
                .all()
            )
            rows = []
            for doc_id, i in zip(ids, range(0, len(chunk), 100), strict=False):
                offset = 0
                for index, text in enumerate(chunk[i : i + 100]):
                    rows.append({
                        "document_id": doc_id, "index": index, "start": offset,
                        "end": offset + len(text), "text": text, "kind": "claim",
                        "checkworthiness": rng.random(), "checkworthiness_reasons": [],
                        "hedge": None, "attributed": rng.random() < 0.5,
                        "status": "unreviewed", "version": 1,
                    })  # fmt: skip
                    offset += len(text) + 1
            claim_ids = session.execute(
                insert(Claim).returning(Claim.id, Claim.attributed, sort_by_parameter_order=True),
                rows,
            ).all()
            session.execute(
                insert(Attribution.metadata.tables["attributions"]),
                [
                    {"claim_id": cid, "source_id": rng.choice(sources), "source_text": "x",
                     "role": "primary", "confidence": 1.0}
                    for cid, attributed in claim_ids if attributed
                ],
            )  # fmt: skip
    db.close()


def timed(step: str, url: str, extra: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--step", step, "--db", url, "--extra", extra],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def step(name: str, url: str, extra: str) -> dict[str, float]:
    from claimcheck.services import claims, clusters
    from claimcheck.services.database import open_database

    db = open_database(url)
    result: dict[str, float] = {}
    if name == "dedupe":
        began = time.perf_counter()
        deduped = clusters.dedupe_all(db)
        result = {"seconds": time.perf_counter() - began, "clusters": deduped.clusters}
    elif name == "listings":
        some = next(claims.iter_claims(db, claims.ClaimFilter(limit=1)))
        filters = {
            "unattributed": claims.ClaimFilter(unattributed=True, sort="checkworthiness", limit=20),
            "source": claims.ClaimFilter(source="Xinhua", limit=20),
            "document": claims.ClaimFilter(document=some.document.path),
        }
        for key, where in filters.items():
            best = float("inf")
            for _ in range(3):
                began = time.perf_counter()
                list(claims.iter_claims(db, where))
                best = min(best, time.perf_counter() - began)
            result[key] = best
        best = float("inf")
        for claim_id in (some.id, some.id + 500_000, some.id + 999):
            began = time.perf_counter()
            try:
                claims.get_claim(db, claim_id)
            except Exception:
                continue
            best = min(best, time.perf_counter() - began)
        result["show"] = best
    elif name == "ingest":
        from claimcheck.services.ingest import ingest
        from ingest import articles

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "more"
            folder.mkdir()
            for n, text in enumerate(articles(random.Random(9), int(extra) // 100, 100)):
                (folder / f"more{n:05d}.txt").write_text(text, encoding="utf-8")
            began = time.perf_counter()
            summary = ingest(db, [folder])
            result = {"seconds": time.perf_counter() - began, "sentences": summary.sentences}
    db.close()
    own, children = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    result["peak_mib"] = own.ru_maxrss / 1024
    # On a shared machine the CPU time is the fairer figure: this process and the reader
    # process ingest starts.
    result["cpu"] = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="an empty database's URL (default: a new SQLite file)")
    parser.add_argument("--ingest", type=int, default=10_000)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--extra", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(step(args.step, args.db, args.extra)))
        return
    print(f"load average at the start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/large.db"
        began = time.perf_counter()
        build(url, args.claims)
        print(f"built {args.claims:,} claims in {time.perf_counter() - began:.0f} s")
        for label in ("dedupe (hashing every claim)", "dedupe (from stored signatures)"):
            r = timed("dedupe", url, "")
            print(
                f"{label}: {r['seconds']:.1f} s, CPU {r['cpu']:.1f} s, peak {r['peak_mib']:.0f} MiB"
            )
        r = timed("listings", url, "")
        print("listings: " + ", ".join(f"{k} {v:.3f} s" for k, v in r.items() if k != "peak_mib"))
        r = timed("ingest", url, str(args.ingest))
        line = f"ingest {r['sentences']:.0f} sentences: {r['seconds']:.2f} s into this database"
        if args.db:
            # An empty database of the same server is the caller's to make: bench/ingest.py --db.
            print(f"{line}, CPU {r['cpu']:.2f} s")
            return
        e = timed("ingest", f"sqlite:///{tmp}/empty.db", str(args.ingest))
        times = f"{e['seconds']:.2f} s into an empty one ({r['seconds'] / e['seconds']:.2f}x)"
        cpu = f"CPU {r['cpu']:.2f} s and {e['cpu']:.2f} s ({r['cpu'] / e['cpu']:.2f}x)"
        print(f"{line}, {times}; {cpu}")


if __name__ == "__main__":
    main()
