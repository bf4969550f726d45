"""Indexes for reading claims out of a large corpus: the review queue's triage order,
unattributed claims by check-worthiness, a source's claims from the index alone, and
the superseded documents.

Revision ID: f214d417a546
Revises: 3534abfe1020
Create Date: 2026-12-01 14:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "f214d417a546"
down_revision: str | None = "3534abfe1020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_documents_superseded_by_id"), ["superseded_by_id"], unique=False
        )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        # The triage index starts with the same columns, so it serves what this one did.
        batch_op.drop_index("ix_claims_status_kind")
        # ix_claims_unattributed_rank below serves what this one did, and more.
        batch_op.drop_index("ix_claims_rank")
        batch_op.create_index(
            "ix_claims_triage",
            [
                "status",
                "kind",
                "attributed",
                sa.column("checkworthiness").desc(),
                "id",
                "document_id",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_claims_unattributed_rank",
            ["kind", "attributed", sa.column("checkworthiness").desc(), "document_id", "index"],
            unique=False,
        )
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index("ix_attributions_source_id")
        batch_op.create_index(
            "ix_attributions_source_id_claim_id", ["source_id", "claim_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_superseded_by_id"))
    with op.batch_alter_table("attributions", schema=None) as batch_op:
        batch_op.drop_index("ix_attributions_source_id_claim_id")
        batch_op.create_index("ix_attributions_source_id", ["source_id"], unique=False)
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_unattributed_rank")
        batch_op.drop_index("ix_claims_triage")
        batch_op.create_index("ix_claims_status_kind", ["status", "kind"], unique=False)
        batch_op.create_index(
            "ix_claims_rank", ["kind", "attributed", "checkworthiness"], unique=False
        )
