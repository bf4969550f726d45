"""Drop cluster_members.score: nothing ever wrote it (a member's score is its pair's, in
claim_pairs), so every row held NULL.

Revision ID: e1a1395e4304
Revises: b7c2e9d41a05
Create Date: 2026-12-01 19:45:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e1a1395e4304"
down_revision: str | None = "b7c2e9d41a05"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cluster_members", schema=None) as batch_op:
        batch_op.drop_column("score")


def downgrade() -> None:
    with op.batch_alter_table("cluster_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("score", sa.Double(), nullable=True))
