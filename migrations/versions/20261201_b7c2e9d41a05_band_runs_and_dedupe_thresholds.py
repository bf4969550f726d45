"""Sorted runs of the stored MinHash band hashes, so ingest looks up the claims sharing a
band with its batch instead of reading every stored signature; and the thresholds the
stored pairs were matched with, so a reviewer's reject or split matches again with them.

Both tables start empty: the first ingest or `claimcheck dedupe` after the upgrade writes
the runs from the stored signatures, and the thresholds it matched with.

Revision ID: b7c2e9d41a05
Revises: f214d417a546
Create Date: 2026-12-01 17:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b7c2e9d41a05"
down_revision: str | None = "f214d417a546"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "band_runs",
        sa.Column("run", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("band", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.Column("hashes", sa.LargeBinary(), nullable=False),
        sa.Column("claim_ids", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("run", "band", name=op.f("pk_band_runs")),
    )
    op.create_table(
        "dedupe_thresholds",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("upper", sa.Float(), nullable=False),
        sa.Column("lower", sa.Float(), nullable=False),
        sa.Column("min_words", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dedupe_thresholds")),
    )


def downgrade() -> None:
    op.drop_table("dedupe_thresholds")
    op.drop_table("band_runs")
