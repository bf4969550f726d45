"""Reading claims out of a large database: listing, filtering and `show` at a million claims.

    python bench/scale.py [--claims 1000000] [--repeat 5] [--url postgresql://...]

A database is filled directly, in the shape ingest gives it (documents with their text,
claims as spans of it, sources with aliases, attributions, clusters, a few reviewed claims
with their audit entries), far faster than ingesting: SQLite with executemany, PostgreSQL
with COPY. The SQLite file is kept between runs (in the temporary folder, or --cache) and
moved to the newest schema with `claimcheck db upgrade` when it is behind. Then each
command is timed end to end, as a user runs it (a new `claimcheck` process, output to a
file; the median of --repeat runs), the service call alone inside one process, and the
plan the database chooses for each listing query is printed.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, or_, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from claimcheck.core.checkworthiness import score
from claimcheck.core.vocabulary import SOURCE_KINDS, STATUSES
from claimcheck.services.claims import ClaimFilter, get_claim, iter_claims, listing_query
from claimcheck.services.database import current, open_database, upgrade
from claimcheck.store.engine import Database, query_plan
from claimcheck.store.models import Attribution, Claim, Document, Source

SEED = 11
CUES = ["said", "told reporters", "said in a statement", "announced", "according to", "warned"]
HEDGES = ["reportedly", "it is understood", "sources said", "allegedly"]
FRAMES = [
    "{org} said on {day} that {body}.",
    "According to {org}, {body}.",
    '"{Body}," {person} told reporters.',
    "{Body}, a spokesperson for {org} said.",
    "{Body}.",
    "{Body}.",
    "{Body}, reportedly the largest since {year}.",
    "The {body} rose by {n} percent in {year}.",
    "At least {n} people were killed, {org} said.",
    "{Body} in a {n} million dollar deal.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
BOILERPLATE = ["Reporting by {person}; editing by {org}.", "Read also: {Body}."]

# --- generated corpus ---------------------------------------------------------------------


def _word(rng: random.Random) -> str:
    return "".join(rng.choices(SYLLABLES, k=rng.randint(1, 4)))


def _name(rng: random.Random) -> str:
    return f"{_word(rng).title()} {_word(rng).title()}"


def source_rows(rng: random.Random, count: int) -> list[tuple[int, str, str]]:
    """(id, name, kind): outlets, agencies, officials and people, with unique names."""
    names: set[str] = set()
    rows: list[tuple[int, str, str]] = []
    suffixes = ["News", "Times", "Agency", "Ministry", "Council", "Post", "Institute", ""]
    while len(rows) < count:
        suffix = rng.choice(suffixes)
        name = f"{_name(rng)} {suffix}".strip()
        if name.casefold() in names:
            continue
        names.add(name.casefold())
        rows.append((len(rows) + 1, name, rng.choice(SOURCE_KINDS)))
    return rows


def sentence_pool(rng: random.Random, size: int) -> list[tuple[str, float, list[str]]]:
    """Sentence templates with a {n} slot, each scored once as ingest scores it."""
    words = [_word(rng) for _ in range(5000)]
    weights = [1 / (rank + 1) for rank in range(len(words))]
    pool = []
    for _ in range(size):
        body = " ".join(rng.choices(words, weights, k=rng.randint(6, 18)))
        text = rng.choice(FRAMES).format(
            org=_name(rng), person=_name(rng), day=rng.choice(DAYS), year=rng.randint(1990, 2025),
            n="{n}", body=body, Body=body[0].upper() + body[1:],
        )  # fmt: skip
        text = text[0].upper() + text[1:]
        value, reasons = score(text.replace("{n}", "42"))
        pool.append((text, value, list(reasons)))
    return pool


class Corpus:
    """Row generators for each table, from one seed; ids are assigned here, in order."""

    def __init__(self, claims: int, documents: int, sources: int) -> None:
        self.rng = random.Random(SEED)
        self.claims = claims
        self.documents = documents
        self.sources = source_rows(self.rng, sources)
        self.pool = sentence_pool(self.rng, 5000)
        # Outlets are cited the way news cites them: a few very often, most rarely.
        self.source_weights = list(
            itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(sources))
        )
        self.per_doc = max(1, claims // documents)
        self.show_ids: list[int] = []

    def rows(self) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        """(table, rows) batches, one document at a time, parents before children."""
        rng = self.rng
        yield (
            "sources",
            [(i, name, kind, False, 1, "2026-11-30 12:00:00") for i, name, kind in self.sources],
        )
        yield "source_aliases", [(i, i, name, name.casefold()) for i, name, _ in self.sources]
        claim_id = attribution_id = audit_id = cluster_id = 0
        made = 0
        doc_id = 0
        clustered: set[int] = set()
        changed: str | None = None  # the path of a document the next one replaces
        while made < self.claims:
            doc_id += 1
            count = min(self.per_doc, self.claims - made)
            path, version, superseded = document_path(doc_id), 1, None
            if changed is not None:
                path, version, changed = changed, 2, None
            elif rng.random() < 0.01 and made + 2 * count <= self.claims:
                # One file in a hundred has changed since it was first ingested.
                superseded, changed = doc_id + 1, path
            texts, claims, attributions, audit = [], [], [], []
            offset = 0
            for index in range(count):
                claim_id += 1
                template, value, reasons = rng.choice(self.pool)
                text = template.replace("{n}", str(rng.randint(2, 9000)))
                kind = (
                    "headline"
                    if index == 0
                    else rng.choices(["claim", "boilerplate", "other"], [95, 3, 2])[0]
                )
                attributed = kind == "claim" and rng.random() < 0.6
                hedge = (
                    rng.choice(HEDGES)
                    if kind == "claim" and not attributed and rng.random() < 0.04
                    else None
                )
                status = "unreviewed"
                if kind == "claim" and rng.random() < 0.02:
                    status = rng.choice(STATUSES[1:])
                start, end = offset, offset + len(text)
                texts.append(text)
                offset = end + 1
                claims.append((claim_id, doc_id, index, start, end, text, kind, value,
                               json.dumps(reasons), hedge, attributed, status,
                               1 if status == "unreviewed" else 2))  # fmt: skip
                if attributed:
                    for role in ["primary"] + (["via"] if rng.random() < 0.1 else []):
                        attribution_id += 1
                        source = rng.choices(self.sources, cum_weights=self.source_weights)[0]
                        attributions.append((attribution_id, claim_id, source[0], source[1],
                                             start, start + min(len(text), 12), rng.choice(CUES),
                                             start + 13, start + 17, role, 0.9))  # fmt: skip
                if status != "unreviewed":
                    audit_id += 1
                    audit.append((audit_id, "status", "claim", claim_id,
                                  json.dumps({"status": "unreviewed", "version": 1}),
                                  json.dumps({"status": status, "version": 2})))  # fmt: skip
                if (
                    kind == "claim"
                    and attributed
                    and status != "unreviewed"
                    and len(self.show_ids) < 50
                ):
                    self.show_ids.append(claim_id)
            made += count
            yield "documents", [(doc_id, path, version, superseded, f"{doc_id:064x}",
                                 f"Article {doc_id}", "\n".join(texts))]  # fmt: skip
            yield "claims", claims
            yield "attributions", attributions
            yield "audit_log", audit
            # About one claim in ten is in a cluster with copies in other documents.
            members = []
            for first in range(claim_id - count + 1, claim_id + 1, 10):
                if first > 3 * self.per_doc:
                    cluster_id += 1
                    size = rng.randint(2, 5)
                    copies = {first} | {
                        first - rng.randint(1, 3 * self.per_doc) for _ in range(size)
                    }
                    copies -= clustered
                    if len(copies) > 1:
                        clustered.update(copies)
                        members.append((cluster_id, sorted(copies)))
            yield "clusters", [(cid, ids[0]) for cid, ids in members]
            yield "cluster_members", [(m, cid) for cid, ids in members for m in ids]


def document_path(doc_id: int) -> str:
    return f"news/{doc_id // 100:03d}/article-{doc_id:05d}.txt"


COLUMNS = {
    "sources": "id, name, kind, builtin, version, created_at",
    "source_aliases": "id, source_id, alias, key",
    "documents": "id, path, version, superseded_by_id, sha256, title, text",
    "claims": 'id, document_id, "index", start, "end", text, kind, checkworthiness, '
    "checkworthiness_reasons, hedge, attributed, status, version",
    "attributions": "id, claim_id, source_id, source_text, source_start, source_end, cue, "
    "cue_start, cue_end, role, confidence",
    "audit_log": "id, action, entity, entity_id, before, after",
    "clusters": "id, canonical_claim_id",
    "cluster_members": "claim_id, cluster_id",
}
# Columns ingest fills that the generated rows leave to these values.
FIXED = {
    "documents": (
        "media_type, encoding, ingested_at",
        ("text/plain", "utf-8", "2026-11-30 12:00:00"),
    ),
    "audit_log": ("at", ("2026-11-30 12:00:00",)),
    "clusters": ("status, version, created_at", ("unreviewed", 1, "2026-11-30 12:00:00")),
    "cluster_members": ("state", ("automatic",)),
}


def _full(table: str, row: tuple[Any, ...]) -> tuple[Any, ...]:
    return row + FIXED[table][1] if table in FIXED else row


def _columns(table: str) -> str:
    return COLUMNS[table] + (", " + FIXED[table][0] if table in FIXED else "")


def fill(db: Database, corpus: Corpus) -> None:
    """Write the generated rows: executemany on SQLite, COPY on PostgreSQL."""
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if db.dialect == "sqlite":
            # A superseded document names its newer version, stored just after it.
            cursor.execute("PRAGMA foreign_keys=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
            for table, rows in corpus.rows():
                if rows:
                    marks = ", ".join("?" * len(_full(table, rows[0])))
                    sql = f"INSERT INTO {table} ({_columns(table)}) VALUES ({marks})"
                    cursor.executemany(sql, [_full(table, r) for r in rows])
        else:
            # One COPY at a time on a connection: each table goes to a CSV file first.
            with tempfile.TemporaryDirectory() as folder:
                files = {t: (Path(folder) / f"{t}.csv").open("w", newline="") for t in COLUMNS}
                writers = {t: csv.writer(f) for t, f in files.items()}
                for table, rows in corpus.rows():
                    writers[table].writerows(_full(table, r) for r in rows)
                for table, file in files.items():
                    file.close()
                    sql = f"COPY {table} ({_columns(table)}) FROM STDIN WITH (FORMAT csv)"
                    with cursor.copy(sql) as copy, open(file.name, "rb") as data:
                        while chunk := data.read(1 << 20):
                            copy.write(chunk)
            for table in COLUMNS:
                if table != "cluster_members":
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
            cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


# --- timing -------------------------------------------------------------------------------

LISTINGS: dict[str, Callable[[str, str], list[str]]] = {
    "claims --unattributed --sort checkworthiness --limit 20": lambda s, d: [
        "claims", "--unattributed", "--sort", "checkworthiness", "--limit", "20"],
    "claims --source NAME --limit 20 (most cited)": lambda s, d: [
        "claims", "--source", s, "--limit", "20"],
    "claims --source NAME --limit 20 (cited 100-200 times)": lambda s, d: [
        "claims", "--source", s, "--limit", "20"],
    "claims --document PATH": lambda s, d: ["claims", "--document", d],
}  # fmt: skip


def _median_wall(args: Sequence[str], repeat: int, out: Path) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of a command."""
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        with out.open("w") as sink:
            subprocess.run(args, stdout=sink, stderr=subprocess.STDOUT, check=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _median_call(call: Callable[[], object], repeat: int) -> float:
    call()  # the first call warms the page cache and the statement cache
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _filter_of(name: str, source: str, document: str) -> ClaimFilter:
    if "--unattributed" in name:
        return ClaimFilter(unattributed=True, sort="checkworthiness", limit=20)
    if "--source" in name:
        return ClaimFilter(source=source, limit=20)
    return ClaimFilter(document=document)


def _show_alone(db: Database, claim_id: int) -> None:
    from claimcheck.services import review
    from claimcheck.services.clusters import get_cluster

    view = get_claim(db, claim_id)
    if view.cluster is not None:
        get_cluster(db, view.cluster)
    review.claim_state(db, claim_id)
    review.history(db, claim_id)


# The review queue's first page, and one that starts inside the unreviewed attributed claims.
QUEUE_PAGES = [
    ("review queue, first page of 300", None),
    ("review queue, a page deep in the attributed ones", (0, 1, 0.3, 500_000)),
]


def _triage_page(db: Database, after: tuple[int, int, float, int] | None) -> list[Any]:
    from claimcheck.services.triage import TriageKey, current, triage_page

    conditions = [current(), Claim.kind == "claim"]
    key = TriageKey(*after) if after is not None else None
    with db.session() as session:
        return triage_page(session, conditions, kind="claim", after=key, size=300)


def _one_order_by_page(db: Database, after: tuple[int, int, float, int] | None) -> list[Any]:
    """The queue's page as one ORDER BY over the triage order's case expressions."""
    reviewed = case((Claim.status == "unreviewed", 0), else_=1)
    attributed = case((and_(Claim.kind == "claim", Claim.attributed.is_(False)), 0), else_=1)
    superseded = select(Document.id).where(Document.superseded_by_id.is_not(None))
    query = (
        select(Claim.id)
        .where(Claim.document_id.not_in(superseded), Claim.kind == "claim")
        .order_by(reviewed, attributed, Claim.checkworthiness.desc(), Claim.id)
        .limit(301)
    )
    if after is not None:
        r, a, worth, claim_id = after
        query = query.where(
            or_(
                reviewed > r,
                and_(reviewed == r, attributed > a),
                and_(reviewed == r, attributed == a, Claim.checkworthiness < worth),
                and_(reviewed == r, attributed == a, Claim.checkworthiness == worth,
                     Claim.id > claim_id),
            )
        )  # fmt: skip
    with db.session() as session:
        return list(session.scalars(query))


def _rarely_cited(db: Database) -> str:
    with db.session() as session:
        counted = (
            select(Attribution.source_id)
            .group_by(Attribution.source_id)
            .having(func.count().between(100, 200))
            .limit(1)
            .scalar_subquery()
        )
        name = session.scalar(select(Source.name).where(Source.id == counted))
        assert name is not None
        return name


def measure(url: str, corpus_info: dict[str, Any], repeat: int, workdir: Path) -> None:
    cli = [sys.executable, "-m", "claimcheck", "--db", url]
    out = workdir / "out.txt"
    source, document, show_id = corpus_info["source"], corpus_info["document"], corpus_info["show"]
    db = open_database(url)
    rare = _rarely_cited(db)
    try:
        print(f"{'command':<58} {'wall':>8} {'CPU':>8} {'query':>8}")
        wall, cpu = _median_wall([sys.executable, "-m", "claimcheck", "--help"], repeat, out)
        print(f"{'claimcheck --help':<58} {wall:8.3f} {cpu:8.3f}")
        for name, args in LISTINGS.items():
            cited = rare if "100-200" in name else source
            wall, cpu = _median_wall(cli + args(cited, document), repeat, out)
            where = _filter_of(name, cited, document)
            alone = _median_call(lambda w=where: list(iter_claims(db, w)), repeat)  # type: ignore[misc]
            lines = sum(1 for _ in out.open())
            print(f"{name:<58} {wall:8.3f} {cpu:8.3f} {alone:8.3f}  ({lines} lines)")
        wall, cpu = _median_wall([*cli, "show", str(show_id)], repeat, out)
        alone = _median_call(lambda: _show_alone(db, show_id), repeat)
        label = "show ID (attributed, reviewed, in a cluster)"
        print(f"{label:<58} {wall:8.3f} {cpu:8.3f} {alone:8.3f}")
        for name, deep in QUEUE_PAGES:
            one_sort = _median_call(lambda d=deep: _one_order_by_page(db, d), repeat)  # type: ignore[misc]
            try:
                alone = _median_call(lambda d=deep: _triage_page(db, d), repeat)  # type: ignore[misc]
            except ImportError:  # a version of claimcheck before triage pages
                alone = float("nan")
            print(f"{name:<58} {'':>17} {alone:8.3f}  (one ORDER BY: {one_sort:.3f})")
        print()
        for name in LISTINGS:
            where = _filter_of(name, rare if "100-200" in name else source, document)
            with db.session() as session:
                known = session.scalar(select(Source.id).where(Source.name == where.source))
            for walk in (False, True) if where.source else (False,):
                print(f"plan of `{name}`{' walking the documents' if walk else ''}:")
                query = listing_query(where, source_id=known, walk_source=walk)
                for line in query_plan(db, query):
                    print(f"    {line}")
        _print_triage_plans(db)
    finally:
        db.close()


def _print_triage_plans(db: Database) -> None:
    try:
        from claimcheck.services.triage import TriageKey, current, triage_queries
    except ImportError:  # a version of claimcheck before triage pages
        return
    after = TriageKey(*QUEUE_PAGES[1][1])  # type: ignore[misc]
    groups = list(triage_queries([current(), Claim.kind == "claim"], kind="claim", after=after))
    for name, query in (("unreviewed attributed, after a key", groups[0][0]),
                        ("reviewed unattributed, its first status", groups[1][0])):  # fmt: skip
        print(f"plan of a review queue page, {name}:")
        for line in query_plan(db, query):
            print(f"    {line}")


# --- the database ---------------------------------------------------------------------------


def build(url: str, claims: int, documents: int, sources: int) -> dict[str, Any]:
    corpus = Corpus(claims, documents, sources)
    db = open_database(url)
    try:
        start = time.perf_counter()
        fill(db, corpus)
        took = time.perf_counter() - start
    finally:
        db.close()
    top = corpus.sources[0][1]
    doc = (corpus.documents // 2) | 1
    info = {
        "claims": claims,
        "source": top,
        "document": document_path(doc),
        "show": corpus.show_ids[len(corpus.show_ids) // 2],
        "fill_seconds": round(took, 1),
    }
    print(f"filled {claims:,} claims in {took:.1f} s")
    return info


def sqlite_database(args: argparse.Namespace) -> tuple[str, dict[str, Any]]:
    cache = _cache(args)
    stem = f"claims-{args.claims}-{args.documents}-{args.sources}"
    path, meta = cache / f"{stem}.db", cache / f"{stem}.json"
    url = f"sqlite:///{path}"
    if not (path.exists() and meta.exists()) or args.rebuild:
        for old in cache.glob(f"{stem}.db*"):
            old.unlink()
        info = build(url, args.claims, args.documents, args.sources)
        meta.write_text(json.dumps(info))
    info = json.loads(meta.read_text())
    state = current(url)
    if state.current != state.head:
        start = time.perf_counter()
        upgrade(url)
        print(f"schema {state.current} -> {state.head} in {time.perf_counter() - start:.1f} s")
    print(f"database: {path} ({path.stat().st_size / 2**20:,.0f} MiB)")
    return url, info


def postgres_database(args: argparse.Namespace) -> dict[str, Any]:
    """Filled afresh, unless --reuse and the last fill here was of the same size."""
    meta = _cache(args) / f"postgres-{args.claims}-{args.documents}-{args.sources}.json"
    if args.reuse and meta.exists():
        return dict(json.loads(meta.read_text()))
    _empty_postgres(args.url)
    info = build(args.url, args.claims, args.documents, args.sources)
    meta.write_text(json.dumps(info))
    return info


def _cache(args: argparse.Namespace) -> Path:
    cache = Path(args.cache or Path(tempfile.gettempdir()) / "claimcheck-scale")
    cache.mkdir(parents=True, exist_ok=True)
    return cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, help="default: one per 100 claims")
    parser.add_argument("--sources", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="a PostgreSQL URL (its database is emptied and filled)")
    parser.add_argument("--cache", help="folder for the SQLite file (default: temp folder)")
    parser.add_argument("--rebuild", action="store_true", help="fill the SQLite file afresh")
    parser.add_argument(
        "--reuse", action="store_true", help="keep the PostgreSQL database the last run filled"
    )
    args = parser.parse_args()
    args.documents = args.documents or max(1, args.claims // 100)
    print(f"{platform.processor() or platform.machine()}, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as work:
        if args.url:
            url, info = args.url, postgres_database(args)
        else:
            url, info = sqlite_database(args)
        measure(url, info, args.repeat, Path(work))


def _empty_postgres(url: str) -> None:
    from sqlalchemy import text

    db = Database(url)
    try:
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        db.close()


if __name__ == "__main__":
    main()
