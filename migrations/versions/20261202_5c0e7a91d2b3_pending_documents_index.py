"""An index of the documents still to be matched: each ingest looks them up, and a scan
of the documents reads past every document's text.

(An index of the pairs by state was tried: SQLite then chose it over the pairs' claim
ids to read a batch's groups, and matching into a million claims took longer.)

Revision ID: 5c0e7a91d2b3
Revises: e1a1395e4304
Create Date: 2026-12-02 03:55:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "5c0e7a91d2b3"
down_revision: str | None = "e1a1395e4304"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_dedupe_pending"), ["dedupe_pending"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_dedupe_pending"))
