"""One claim in its place: the paragraph around its sentence, and the cluster it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from claimcheck.errors import ClaimcheckError
from claimcheck.services.claims import ClaimView, get_claim
from claimcheck.services.clusters import ClusterView, get_cluster
from claimcheck.store.engine import Database
from claimcheck.store.models import Claim, Document

# A paragraph can be a whole file without blank lines: show at most this much either side.
CONTEXT = 600


@dataclass(frozen=True, slots=True)
class ClaimContext:
    view: ClaimView
    # The paragraph's text before and after the sentence (document text, unescaped).
    before: str
    after: str
    cluster: ClusterView | None


def claim_context(db: Database, claim_id: int) -> ClaimContext:
    view = get_claim(db, claim_id)
    before, after = _paragraph(db, claim_id)
    cluster = get_cluster(db, view.cluster) if view.cluster is not None else None
    return ClaimContext(view, before, after, cluster)


def _paragraph(db: Database, claim_id: int) -> tuple[str, str]:
    with db.session() as session:
        span = session.execute(
            select(Claim.document_id, Claim.start, Claim.end).where(Claim.id == claim_id)
        ).first()
        if span is None:
            raise ClaimcheckError(f"there is no claim {claim_id}")
        document_id, start, end = span
        offset = max(start - CONTEXT, 0)
        # Only the window around the sentence leaves the database, however long the document.
        window = session.scalar(
            select(func.substr(Document.text, offset + 1, end - offset + CONTEXT)).where(
                Document.id == document_id
            )
        )
    window = window or ""
    head = window[: start - offset]
    tail = window[end - offset :]
    # Paragraphs end at blank lines; text without blank lines has one paragraph a line.
    brk = "\n\n" if "\n\n" in window else "\n"
    cut = head.rfind(brk)
    head = head[cut + len(brk) :] if cut >= 0 else head
    cut = tail.find(brk)
    tail = tail[:cut] if cut >= 0 else tail
    return head, tail
