"""Alembic environment: runs on a connection handed in by claimcheck, or on a URL."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection

from claimcheck.store.engine import DEFAULT_URL, make_engine
from claimcheck.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get("CLAIMCHECK_DB", DEFAULT_URL)
    engine = make_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("claimcheck migrations run online only: use `claimcheck db upgrade`")
run_migrations_online()
