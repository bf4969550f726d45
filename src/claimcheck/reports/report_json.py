"""The report as JSON, schema "claimcheck.report/1" (docs/report-schema.md), written as read.

Keys keep one order and times are the recorded ones, so the same database gives the same
bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from claimcheck.presentation import provenance_chain
from claimcheck.reports.halves import CUT, cut
from claimcheck.reports.render import utc
from claimcheck.services.claims import ClaimView
from claimcheck.services.reporting import (
    AppearanceRef,
    Count,
    DocumentInfo,
    HistoryItem,
    Report,
    ReportClaim,
)

SCHEMA = "claimcheck.report/1"


# One encoder for every line: json.dumps with options builds a new one each call.
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _counts(counts: Iterable[Count]) -> list[dict[str, Any]]:
    return [{"name": c.name, "count": c.count} for c in counts]


def _document(doc: DocumentInfo) -> dict[str, Any]:
    return {
        "id": doc.id,
        "path": doc.path,
        "version": doc.version,
        "sha256": doc.sha256,
        "title": doc.title,
        "publisher": doc.publisher,
        "url": doc.url,
        "published": doc.published.isoformat() if doc.published else None,
        "ingested_at": utc(doc.ingested_at),
    }


def _appearance(ref: AppearanceRef) -> dict[str, Any]:
    return {
        "claim": ref.claim_id,
        "document": ref.document_id,
        "path": ref.path,
        "index": ref.index,
    }


def _unattributed(view: ClaimView) -> dict[str, Any]:
    return {
        "id": view.id,
        "document": view.document.id,
        "path": view.document.path,
        "index": view.index,
        "text": view.text,
        "checkworthiness": round(view.checkworthiness, 3),
        "checkworthiness_reasons": list(view.reasons),
        "hedge": view.hedge,
    }


def _claim(item: ReportClaim) -> dict[str, Any]:
    """The export's claim shape (`ClaimView.to_json`, keys in its order), with the report's
    own document reference, fuller links, reviews and origins; built in one go, as the
    biggest part of a report."""
    view = item.view
    document = view.document
    sources = view.sources
    cluster = item.cluster
    verdict = item.verdict
    return {
        "id": view.id,
        "document": {"id": document.id, "path": document.path},
        "index": view.index,
        "start": view.start,
        "end": view.end,
        "text": view.text,
        "kind": view.kind,
        "checkworthiness": round(view.checkworthiness, 3),
        "checkworthiness_reasons": list(view.reasons),
        "attributed": bool(sources),
        "hedge": view.hedge,
        "sources": [s.to_json() for s in sources],
        "flags": list(view.flags),
        "cluster": None
        if cluster is None
        else {
            "id": cluster.id,
            "status": cluster.status,
            "first_appearance": _appearance(cluster.first),
            "appearances": [_appearance(a) for a in cluster.appearances],
        },
        "status": view.status,
        "links": [
            {
                "id": link.id,
                "relation": link.relation,
                "claim": link.target_claim,
                "claim_text": link.target_claim_text,
                "source": link.target_source,
                "url": link.url,
                "title": link.title,
                "note": link.note,
                "reviewer": link.reviewer,
                "at": utc(link.created_at),
            }
            for link in item.links
        ],
        "version": view.version,
        "chain": provenance_chain(view) if sources else None,
        "origins": [{"name": o.name, "relayed_by": list(o.relayed_by)} for o in item.origins],
        "notes": [
            {"id": n.id, "text": n.text, "reviewer": n.reviewer, "at": utc(n.created_at)}
            for n in item.notes
        ],
        "verdict": None
        if verdict is None
        else {
            "status": verdict.status,
            "reviewer": verdict.reviewer,
            "at": utc(verdict.at),
            "note": verdict.note,
        },
    }


def _history(entry: HistoryItem) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": utc(entry.at),
        "reviewer": entry.reviewer,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "summary": entry.summary,
    }


def _array(key: str, items: Iterable[dict[str, Any]], part: str | None = None) -> Iterator[str]:
    """An array, one item a line; `part` marks where the claims of a part end or begin."""
    yield f',\n"{key}": ['
    separator = "\n"
    if part == "rest":
        # The first part wrote claims before these.
        yield CUT
        separator = ",\n"
    for item in items:
        yield separator + _dumps(item)
        separator = ",\n"
    if part == "first":
        yield CUT
    yield "\n]"


def render_json(report: Report) -> Iterator[str]:
    """One JSON object; each claim, unattributed statement and history entry on its own line
    (of a part of the report, only that part's pieces)."""
    return cut(report.part, _json(report))


def _json(report: Report) -> Iterator[str]:
    s = report.summary
    head = {
        "schema": SCHEMA,
        "scope": report.scope,
        "document": None if report.document is None else _document(report.document),
        "as_of": utc(report.as_of) or None,
        "summary": {
            "documents": s.documents,
            "sentences": s.sentences,
            "claims": s.claims,
            "attributed": s.attributed,
            "attributed_share": round(s.attributed_share, 4),
            "unattributed": s.unattributed,
            "sources_by_kind": _counts(s.sources_by_kind),
            "sources_by_name": _counts(s.sources_by_name),
            "statuses": _counts(s.statuses),
            "clusters": s.clusters,
            "clustered_claims": s.clustered_claims,
        },
    }
    yield _dumps(head)[:-1]
    yield from _array("claims", (_claim(item) for item in report.claims()), report.part)
    yield from _array("unattributed", (_unattributed(v) for v in report.unattributed()))
    yield from _array("history", (_history(e) for e in report.history()))
    yield "}\n"
