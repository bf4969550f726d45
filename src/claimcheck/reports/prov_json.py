"""The provenance graph as W3C PROV-JSON, written section by section as it is read.

Documents, claims and clusters are entities; a claim is quoted from its document
(`wasDerivedFrom` of type `prov:Quotation`, with the span) and attributed to its sources
(agents, with role and cue); ingest, dedupe and every reviewer's action are activities
with their recorded times; claimcheck itself is the software agent. The `prov` package
reads the result back (the tests do); it does not write it, because it holds the whole
graph in memory and takes minutes on a large corpus.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import IO, Any

from claimcheck.reports.halves import worth_two, write_halves
from claimcheck.services import provenance as graph
from claimcheck.services.database import Database

NAMESPACE = "https://claimcheck.invalid/ns/prov#"
SOFTWARE = "cc:claimcheck"
DEDUPE = "cc:dedupe"
PEOPLE = ("person", "official")
Record = tuple[str, dict[str, Any]]


def _qname(value: str) -> dict[str, str]:
    return {"$": value, "type": "prov:QUALIFIED_NAME"}


def _time(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat()


def _attrs(**values: Any) -> dict[str, Any]:
    """claimcheck's own attributes, leaving out the empty ones (PROV has no null)."""
    return {f"cc:{k}": v for k, v in values.items() if v is not None}


def _activity_id(row: graph.AuditRow) -> str:
    if row.action == "ingest" and row.entity == "document":
        return f"cc:ingest-{row.entity_id}"
    return f"cc:action-{row.id}"


def _entities(db: Database) -> Iterator[Record]:
    for doc in graph.documents(db):
        yield (
            f"cc:document-{doc.id}",
            {
                "prov:type": _qname("cc:Document"),
                "prov:label": doc.path,
                **_attrs(
                    path=doc.path,
                    version=doc.version,
                    sha256=doc.sha256,
                    title=doc.title,
                    publisher=doc.publisher,
                    url=doc.url,
                ),
            },
        )
    for claim in graph.claims(db):
        yield (
            f"cc:claim-{claim.id}",
            {
                "prov:type": _qname("cc:Claim"),
                "prov:value": claim.text,
                **_attrs(kind=claim.kind, status=claim.status, index=claim.index),
            },
        )
    for cluster in graph.clusters(db):
        yield (
            f"cc:cluster-{cluster.id}",
            {
                "prov:type": _qname("prov:Collection"),
                **_attrs(status=cluster.status),
            },
        )


def _agents(db: Database, software_version: str) -> Iterator[Record]:
    yield (
        SOFTWARE,
        {
            "prov:type": _qname("prov:SoftwareAgent"),
            "prov:label": "claimcheck",
            **_attrs(version=software_version),
        },
    )
    for source in graph.cited_sources(db):
        kind = "prov:Person" if source.kind in PEOPLE else "prov:Organization"
        yield (
            f"cc:source-{source.id}",
            {
                "prov:type": _qname(kind),
                "prov:label": source.name,
                **_attrs(kind=source.kind),
            },
        )
    for reviewer in graph.reviewers(db):
        yield (
            f"cc:reviewer-{reviewer.id}",
            {
                "prov:type": _qname("prov:Person"),
                "prov:label": reviewer.name,
            },
        )


def _activities(db: Database) -> Iterator[Record]:
    for row in graph.audit(db):
        at = _time(row.at)
        yield (
            _activity_id(row),
            {
                "prov:type": _qname(f"cc:{row.action}"),
                "prov:startTime": at,
                "prov:endTime": at,
                **_attrs(entity=row.entity, entity_id=row.entity_id),
            },
        )
    span = graph.dedupe_span(db)
    if span is not None:
        yield (
            DEDUPE,
            {
                "prov:type": _qname("cc:dedupe"),
                "prov:startTime": _time(span[0]),
                "prov:endTime": _time(span[1]),
            },
        )


def _generated(db: Database) -> Iterator[dict[str, Any]]:
    for doc in graph.documents(db):
        yield {
            "prov:entity": f"cc:document-{doc.id}",
            "prov:activity": f"cc:ingest-{doc.id}",
            "prov:time": _time(doc.ingested_at),
        }
    for claim in graph.claims(db):
        yield {
            "prov:entity": f"cc:claim-{claim.id}",
            "prov:activity": f"cc:ingest-{claim.document_id}",
        }
    for cluster in graph.clusters(db):
        yield {
            "prov:entity": f"cc:cluster-{cluster.id}",
            "prov:activity": DEDUPE,
            "prov:time": _time(cluster.created_at),
        }


def _quoted(db: Database) -> Iterator[dict[str, Any]]:
    for claim in graph.claims(db):
        yield {
            "prov:generatedEntity": f"cc:claim-{claim.id}",
            "prov:usedEntity": f"cc:document-{claim.document_id}",
            "prov:activity": f"cc:ingest-{claim.document_id}",
            "prov:type": _qname("prov:Quotation"),
            **_attrs(start=claim.start, end=claim.end),
        }


def _attributed(db: Database) -> Iterator[dict[str, Any]]:
    for found in graph.attributions(db):
        yield {
            "prov:entity": f"cc:claim-{found.claim_id}",
            "prov:agent": f"cc:source-{found.source_id}",
            **_attrs(role=found.role, cue=found.cue, written=found.written),
        }


def _associated(db: Database, deduped: bool) -> Iterator[dict[str, Any]]:
    for row in graph.audit(db):
        activity = _activity_id(row)
        yield {"prov:activity": activity, "prov:agent": SOFTWARE}
        if row.reviewer_id is not None:
            yield {
                "prov:activity": activity,
                "prov:agent": f"cc:reviewer-{row.reviewer_id}",
                "prov:role": _qname("cc:reviewer"),
            }
    if deduped:
        yield {"prov:activity": DEDUPE, "prov:agent": SOFTWARE}


def _touched(row: graph.AuditRow) -> list[str]:
    """The entities a reviewer's action was about."""
    if row.entity == "claim" and row.entity_id is not None:
        return [f"cc:claim-{row.entity_id}"]
    if row.entity == "cluster" and row.entity_id is not None:
        return [f"cc:cluster-{row.entity_id}"]
    if row.entity == "claim_pair":
        pair = row.after or {}
        return [f"cc:claim-{pair[k]}" for k in ("a", "b") if isinstance(pair.get(k), int)]
    return []


def _used(db: Database) -> Iterator[dict[str, Any]]:
    for row in graph.audit(db):
        for entity in _touched(row):
            yield {
                "prov:activity": _activity_id(row),
                "prov:entity": entity,
                "prov:time": _time(row.at),
            }


def _members(db: Database) -> Iterator[dict[str, Any]]:
    for cluster in graph.clusters(db):
        for claim_id in cluster.members:
            yield {
                "prov:collection": f"cc:cluster-{cluster.id}",
                "prov:entity": f"cc:claim-{claim_id}",
            }


# One encoder for every record: json.dumps with options builds a new one each call.
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _section(name: str, records: Iterable[Record]) -> Iterator[str]:
    yield ",\n" + json.dumps(name) + ": {"
    separator = "\n"
    for identifier, attributes in records:
        yield f"{separator}{json.dumps(identifier)}: {_dumps(attributes)}"
        separator = ",\n"
    yield "\n}"


def _relations(name: str, prefix: str, relations: Iterable[dict[str, Any]]) -> Iterator[str]:
    # Relations need keys of their own in PROV-JSON; blank-node names numbered in order.
    numbered = ((f"_:{prefix}{n}", r) for n, r in zip(itertools.count(1), relations, strict=False))
    return _section(name, numbered)


def write_prov_to(out: IO[str], db: Database, folder: Path | None = None) -> None:
    """The provenance graph written to `out`: in two halves by two processes when it is big
    enough (`halves`; the second half waits in `folder`)."""
    if worth_two(graph.claim_count(db), db):
        write_halves(
            out, db, lambda: write_prov(db, "first"), lambda: write_prov(db, "rest"), folder
        )
    else:
        out.writelines(write_prov(db))


def write_prov(db: Database, part: str | None = None) -> Iterator[str]:
    """The whole provenance graph as one PROV-JSON document, in pieces; or its first or
    second part ("first", "rest"), cut between sections where each part has about half of
    the work (measured: the entities and the generations against the rest)."""
    sections = _sections(db)
    if part == "first":
        sections = sections[:_CUT]
    elif part == "rest":
        sections = sections[_CUT:]
    for section in sections:
        yield from section()


def _sections(db: Database) -> list[Callable[[], Iterable[str]]]:
    def start() -> Iterator[str]:
        yield "{" + json.dumps("prefix") + ": " + json.dumps({"cc": NAMESPACE})

    def associated() -> Iterator[str]:
        deduped = graph.dedupe_span(db) is not None
        return _relations("wasAssociatedWith", "w", _associated(db, deduped))

    return [
        start,
        lambda: _section("entity", _entities(db)),
        lambda: _section("agent", _agents(db, version("claimcheck"))),
        lambda: _section("activity", _activities(db)),
        lambda: _relations("wasGeneratedBy", "g", _generated(db)),
        lambda: _relations("wasDerivedFrom", "q", _quoted(db)),
        lambda: _relations("wasAttributedTo", "a", _attributed(db)),
        associated,
        lambda: _relations("used", "u", _used(db)),
        lambda: _relations("hadMember", "m", _members(db)),
        lambda: ["}\n"],
    ]


# The first part: the start, the entities, agents, activities and generations.
_CUT = 5
