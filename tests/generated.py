"""A generated news-like corpus, and what a database holds of it in a form two databases
can be compared by (no ids, which depend on the order of the work)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.orm import aliased

from claimcheck.store.models import (
    Attribution,
    Claim,
    ClusterMember,
    Document,
    FamilyMember,
    Source,
)

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
    "{Body}, as per a report from {org}.",
    "Dr. {person} of {org} warned that {body}.",
    "The agency said {body}.",
    "{Body}, the {role} said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ROLES = ["authority", "company", "agency", "council"]
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choices(_SYLLABLES, k=rng.randint(2, 3))).capitalize()


def write_corpus(folder: Path, files: int, sentences: int, seed: int = 1) -> list[Path]:
    """`files` articles of `sentences` sentences; each file names organisations of its own,
    which the registry learns, and a few sentences are wire copies of earlier ones."""
    rng = random.Random(seed)
    words = ["".join(rng.choices(_SYLLABLES, k=rng.randint(1, 4))) for _ in range(6000)]
    weights = [1 / (rank + 1) for rank in range(len(words))]
    folder.mkdir(parents=True, exist_ok=True)
    wire: list[str] = []
    paths = []
    for number in range(files):
        local = [f"The {_name(rng)} {rng.choice(['Authority', 'Company', 'Agency'])}",
                 f"{_name(rng)} {_name(rng)}"]  # fmt: skip
        lines = [f"{rng.choice(PLACES)} Officials Outline Plan {number}"]
        written = 1
        while written < sentences:
            paragraph = []
            for _ in range(min(rng.randint(2, 5), sentences - written)):
                if wire and rng.random() < 0.04:
                    paragraph.append(rng.choice(wire))
                    continue
                body = " ".join(rng.choices(words, weights, k=rng.randint(8, 20)))
                body = body.replace(body.split()[2], str(rng.randint(2, 9000)), 1)
                text = rng.choice(FRAMES).format(
                    org=rng.choice(ORGS + local), person=rng.choice(PEOPLE + local[1:]),
                    place=rng.choice(PLACES), day=rng.choice(DAYS), role=rng.choice(ROLES),
                    body=body, Body=body[0].upper() + body[1:],
                )  # fmt: skip
                paragraph.append(text[0].upper() + text[1:])
                if rng.random() < 0.02:
                    wire.append(paragraph[-1])
            lines.append(" ".join(paragraph))
            written += len(paragraph)
        path = folder / f"article_{number:04d}.txt"
        path.write_text("\n\n".join(lines) + "\n")
        paths.append(path)
    return paths


def snapshot(url: str) -> dict[str, Any]:
    """Every current document's claims with their sources, and the clusters and families of
    near-duplicates, named by file name and sentence index."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            docs = dict(
                connection.execute(
                    select(Document.id, Document.path).where(Document.superseded_by_id.is_(None))
                ).all()
            )
            where: dict[int, tuple[str, int]] = {}
            claims: dict[tuple[str, int], list[Any]] = {}
            for claim_id, doc_id, index, start, end, kind, text in connection.execute(
                select(Claim.id, Claim.document_id, Claim.index, Claim.start, Claim.end,
                       Claim.kind, Claim.text)
            ):  # fmt: skip
                if doc_id in docs:
                    key = (Path(docs[doc_id]).name, index)
                    where[claim_id] = key
                    claims[key] = [start, end, kind, text, []]
            owner = aliased(Source)
            for claim_id, name, kind, owner_name, role, cue, s_start, s_end in connection.execute(
                select(Attribution.claim_id, Source.name, Source.kind, owner.name,
                       Attribution.role, Attribution.cue, Attribution.source_start,
                       Attribution.source_end)
                .join(Source, Attribution.source_id == Source.id)
                .outerjoin(owner, Source.owner_id == owner.id)
                .order_by(Attribution.id)
            ):  # fmt: skip
                if claim_id in where:
                    claims[where[claim_id]][4].append(
                        (name, kind, owner_name, role, cue, s_start, s_end)
                    )
            # Only the pairs that join groups are stored, and which those are follows the
            # order of the work: the groups they make are what must not change.
            groups = {
                kind: _partition(where, connection.execute(select(model.claim_id, group)))
                for kind, model, group in (
                    ("clusters", ClusterMember, ClusterMember.cluster_id),
                    ("families", FamilyMember, FamilyMember.family_id),
                )
            }
            versions = sorted(
                (Path(path).name, version)
                for path, version in connection.execute(select(Document.path, Document.version))
            )
    finally:
        engine.dispose()
    return {"documents": versions, "claims": claims, **groups}


def _partition(where: dict[int, tuple[str, int]], rows: Any) -> set[frozenset[tuple[str, int]]]:
    members: dict[int, set[tuple[str, int]]] = {}
    for claim_id, group in rows:
        if claim_id in where:
            members.setdefault(group, set()).add(where[claim_id])
    return {frozenset(m) for m in members.values()}
