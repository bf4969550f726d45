"""Canonical document paths with the typed path kept for display, documents waiting for
near-duplicate matching, and an append-only audit log on PostgreSQL.

Revision ID: 7d3e1f0a9b42
Revises: d70739bd4e94
Create Date: 2026-12-01 14:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7d3e1f0a9b42"
down_revision: str | None = "d70739bd4e94"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite has no privileges; its audit log is kept append-only by the application.
REFUSE = """
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
"""


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("shown_path", sa.String(length=1000), nullable=True))
        batch.add_column(
            sa.Column("dedupe_pending", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.execute("UPDATE documents SET shown_path = path")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(REFUSE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION audit_log_append_only()")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("dedupe_pending")
        batch.drop_column("shown_path")
