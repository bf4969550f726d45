"""schema.org ClaimReview JSON-LD for every claim a reviewer has given a verdict.

The verdict becomes a `Rating` on a scale from 1 (worstRating, false) to 5 (bestRating,
corroborated), with the status in words as its `alternateName`; claims still unreviewed,
in review or waiting for a source have no verdict and are left out.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

from claimcheck.services.reporting import AppearanceRef, DocumentInfo, Report, ReportClaim

BEST, WORST = 5, 1
RATINGS = {
    "corroborated": (5, "Corroborated"),
    "unverifiable": (3, "Unverifiable"),
    "disputed": (2, "Disputed"),
    "false": (1, "False"),
}
PEOPLE = ("person", "official")


def _when(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat(timespec="seconds")


def _work(
    path: str, title: str | None, publisher: str | None, url: str | None, published: dt.date | None
) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if url:
        work["url"] = url
    if title:
        work["headline"] = title
    work["identifier"] = path
    if publisher:
        work["publisher"] = {"@type": "Organization", "name": publisher}
    if published:
        work["datePublished"] = published.isoformat()
    return work


def _appearance(ref: AppearanceRef) -> dict[str, Any]:
    return _work(ref.path, ref.title, ref.publisher, ref.url, ref.published)


def _document(doc: DocumentInfo) -> dict[str, Any]:
    return _work(doc.path, doc.title, doc.publisher, doc.url, doc.published)


def claim_review(item: ReportClaim, organization: str, base_url: str) -> dict[str, Any]:
    """One claim's review as a ClaimReview object."""
    view, verdict = item.view, item.verdict
    value, words = RATINGS[view.status]
    if item.cluster is not None:
        appearances = [_appearance(a) for a in item.cluster.appearances]
        first = _appearance(item.cluster.first)
    else:
        appearances = [_document(item.document)]
        first = appearances[0]
    claim: dict[str, Any] = {"@type": "Claim"}
    speaker = next((s for s in view.sources if s.role == "primary"), None)
    if speaker is not None:
        kind = "Person" if speaker.kind in PEOPLE else "Organization"
        claim["author"] = {"@type": kind, "name": speaker.canonical}
    if first.get("datePublished"):
        claim["datePublished"] = first["datePublished"]
    claim["appearance"] = appearances
    claim["firstAppearance"] = first
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": f"{base_url.rstrip('/')}/claims/{view.id}",
        "claimReviewed": " ".join(view.text.split()),
        "author": {"@type": "Organization", "name": organization, "url": base_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": words,
        },
        "itemReviewed": claim,
    }
    if verdict is not None:
        review["datePublished"] = _when(verdict.at)
        if verdict.note:
            review["reviewBody"] = verdict.note
    return review


def write_claimreview(report: Report, organization: str, base_url: str) -> Iterator[str]:
    """One JSON-LD document whose @graph holds a ClaimReview per reviewed claim."""
    yield '{"@context": "https://schema.org", "@graph": ['
    separator = "\n"
    for item in report.claims(statuses=tuple(RATINGS)):
        review = claim_review(item, organization, base_url)
        yield separator + json.dumps(review, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"
