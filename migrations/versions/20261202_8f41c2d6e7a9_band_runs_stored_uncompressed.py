"""Band runs stored uncompressed on PostgreSQL.

A run's hashes and claim ids are megabytes of near-random bytes: PostgreSQL tried to
compress each value before storing it out of line, which took two thirds of writing the
runs (a million claims: 9.5 s against 2.8 s for the same rows, the values no smaller).
SQLite compresses nothing.

Revision ID: 8f41c2d6e7a9
Revises: 5c0e7a91d2b3
Create Date: 2026-12-02 09:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "8f41c2d6e7a9"
down_revision: str | None = "5c0e7a91d2b3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _storage(kind: str) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"ALTER TABLE band_runs ALTER COLUMN hashes SET STORAGE {kind},"
            f" ALTER COLUMN claim_ids SET STORAGE {kind}"
        )


def upgrade() -> None:
    _storage("EXTERNAL")


def downgrade() -> None:
    _storage("EXTENDED")
