"""Variant families, stored matching signatures, the variant flag on claim pairs, an
index for the most check-worthy unattributed claims.

Revision ID: 3534abfe1020
Revises: 7d3e1f0a9b42
Create Date: 2026-12-01 13:50:53.442228
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "3534abfe1020"
down_revision: str | None = "7d3e1f0a9b42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(
            "ix_claims_rank", ["kind", "attributed", "checkworthiness"], unique=False
        )
    op.create_table(
        "dedupe_common_words",
        sa.Column("word", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("word", name=op.f("pk_dedupe_common_words")),
    )
    op.create_table(
        "claim_signatures",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("copy_key", sa.BigInteger(), nullable=False),
        sa.Column("bands", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_claim_signatures_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_claim_signatures")),
    )
    with op.batch_alter_table("claim_signatures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_claim_signatures_copy_key"), ["copy_key"], unique=False
        )

    op.create_table(
        "families",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical_claim_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("status IN ('unreviewed', 'variants')", name=op.f("ck_families_status")),
        sa.ForeignKeyConstraint(
            ["canonical_claim_id"],
            ["claims.id"],
            name=op.f("fk_families_canonical_claim_id_claims"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_families")),
    )
    op.create_table(
        "family_members",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("family_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claims.id"],
            name=op.f("fk_family_members_claim_id_claims"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["family_id"],
            ["families.id"],
            name=op.f("fk_family_members_family_id_families"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("claim_id", name=op.f("pk_family_members")),
    )
    with op.batch_alter_table("family_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_family_members_family_id"), ["family_id"], unique=False
        )

    with op.batch_alter_table("claim_pairs", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("variant", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index("ix_claims_rank")
    with op.batch_alter_table("claim_pairs", schema=None) as batch_op:
        batch_op.drop_column("variant")

    with op.batch_alter_table("family_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_members_family_id"))

    op.drop_table("family_members")
    op.drop_table("families")
    with op.batch_alter_table("claim_signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_signatures_copy_key"))

    op.drop_table("claim_signatures")
    op.drop_table("dedupe_common_words")
